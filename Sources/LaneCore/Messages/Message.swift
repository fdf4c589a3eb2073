/// A stable identifier of something `lane` says: lowercase, dotted by area
/// (`repair_order.already_open`). Scripts and tests match on it; the catalog
/// turns it into words. A code is added, never renamed.
public struct MessageCode: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: MessageCode, b: MessageCode) -> Bool { a.rawValue < b.rawValue }

    /// Free text not yet given a code of its own: the catalog prints it as it is.
    public static let text: MessageCode = "text"
}

/// A typed argument of a message, rendered by the catalog in the reader's
/// language and the store's time zone.
public enum MessageArgument: Hashable, Sendable {
    case text(String)
    case int(Int)
    case money(Money)
    case date(CalendarDate)
    case time(Timestamp)
    case role(StaffRole)
    /// An enumerated value's code (`ro_status`, `signed`): read as its word
    /// (`MessageCatalog.codeWord`), so the reader's language decides.
    case code(String, String)
    /// Several values, rendered as a list (`a, b, c`).
    case list([MessageArgument])
    /// Several values, each on a line of its own after `  - `, as a refusal lists its problems.
    case lines([MessageArgument])
    /// A message of its own, rendered in the same language.
    case message(Message)
}

/// Something said to a person, as data: a code and its typed arguments.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    public var code: MessageCode
    public var arguments: [String: MessageArgument]

    public init(_ code: MessageCode, _ arguments: [String: MessageArgument] = [:]) {
        self.code = code
        self.arguments = arguments
    }

    /// Words not yet in the catalog under a code of their own.
    public static func text(_ words: String) -> Message { Message(.text, ["text": .text(words)]) }

    /// In the session's language (`MessageCatalog.current`; English where none is bound), in China's time zone.
    public var description: String { MessageCatalog.current.render(self) }
}
