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
    public var noun: String {
        // Cut at the first space's byte: splitting the whole name made an array of words, 5,000
        // instructions asked four times a change. In ASCII a space is a character of its own; any other
        // name (none is: a space may start a character with a combining mark) is split as before.
        let utf8 = rawValue.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }), let space = utf8.firstIndex(of: UInt8(ascii: " ")), space != utf8.startIndex else {
            return rawValue.split(separator: " ").first.map(String.init) ?? rawValue
        }
        return String(rawValue[..<space])
    }
    public var description: String { rawValue }
    public static func < (a: OperationID, b: OperationID) -> Bool { a.rawValue < b.rawValue }
}
