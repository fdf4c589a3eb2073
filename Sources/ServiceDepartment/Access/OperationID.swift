/// The stable name of one operation of the service department: what the
/// permission matrix, the audit trail and every front end call it. The
/// shell's commands use the same names (`ro open`), so `roles` and the
/// audit trail read the same at the counter and in a second front end.
public struct OperationID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(noun: String, verb: String?) { self.rawValue = verb.map { "\(noun) \($0)" } ?? noun }

    /// The area it belongs to (`ro`, `appt`): the audit trail's noun.
    public var noun: String { rawValue.split(separator: " ").first.map(String.init) ?? rawValue }
    public var description: String { rawValue }
    public static func < (a: OperationID, b: OperationID) -> Bool { a.rawValue < b.rawValue }
}
