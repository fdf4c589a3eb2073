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
    /// The arguments, in the order given; a name comes once. Kept as pairs, not a dictionary: a message
    /// has a handful, found by a look along them, and a dictionary made for each one was a tenth of
    /// `remind due`'s instructions, whose every row words five messages inside one another
    /// (docs/performance.md, fifteenth round).
    public private(set) var namedArguments: [NamedArgument]

    /// One argument and its name (`{name}` in the catalog's words).
    public struct NamedArgument: Hashable, Sendable {
        public var name: String
        public var value: MessageArgument
        public init(name: String, value: MessageArgument) {
            self.name = name
            self.value = value
        }
    }

    public init(_ code: MessageCode, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) {
        self.code = code
        namedArguments = arguments.map { NamedArgument(name: $0.key, value: $0.value) }
    }

    /// From arguments gathered in a dictionary. Disfavoured so a literal (`["name": …]`) is read as the pairs.
    @_disfavoredOverload
    public init(_ code: MessageCode, _ arguments: [String: MessageArgument]) {
        self.code = code
        namedArguments = arguments.map { NamedArgument(name: $0.key, value: $0.value) }
    }

    /// From pairs in a given order (tests: the order makes no difference to `==`).
    init(_ code: MessageCode, named: [NamedArgument]) {
        self.code = code
        namedArguments = named
    }

    /// The arguments by name.
    public var arguments: [String: MessageArgument] {
        get { Dictionary(namedArguments.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }) }
        set { namedArguments = newValue.map { NamedArgument(name: $0.key, value: $0.value) } }
    }

    /// The argument named `name`, if given.
    public func argument(_ name: String) -> MessageArgument? {
        for pair in namedArguments where pair.name == name { return pair.value }
        return nil
    }

    /// Equal when the codes are and the arguments are, in whatever order they were given.
    public static func == (a: Message, b: Message) -> Bool {
        guard a.code == b.code, a.namedArguments.count == b.namedArguments.count else { return false }
        if a.namedArguments == b.namedArguments { return true }
        return a.namedArguments.allSatisfy { pair in b.argument(pair.name) == pair.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        // Independent of the order, as `==` is.
        var sum = 0
        for pair in namedArguments { sum &+= pair.hashValue }
        hasher.combine(sum)
    }

    /// Words not yet in the catalog under a code of their own.
    public static func text(_ words: String) -> Message { Message(.text, ["text": .text(words)]) }

    /// In the session's language (`MessageCatalog.current`; English where none is bound), in China's time zone.
    public var description: String { MessageCatalog.current.render(self) }
}
