/// One unmet condition or bad field, in words a service advisor understands.
/// It is data: the field, a stable code and typed arguments; the message
/// catalog says it in the reader's language.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field or condition it is about (`phone`, `vin`, `line 7 phone`); empty for a general condition.
    public var field: String
    public var said: Message

    public init(_ field: String, _ said: Message) {
        self.field = field
        self.said = said
    }

    /// Words not yet in the catalog under a code of their own.
    public init(_ field: String, _ message: String) {
        self.init(field, .text(message))
    }

    public var code: MessageCode { said.code }
    /// The problem in the session's language (`MessageCatalog.current`).
    public var message: String { said.description }
    public var description: String { MessageCatalog.current.render(self) }
}

/// A command refused: carries every problem found, not only the first,
/// so the advisor can fix them all in one go.
public struct Refusal: Error, Sendable, CustomStringConvertible {
    public var headline: Message
    public var problems: [Problem]

    public init(_ headline: Message, problems: [Problem] = []) {
        self.headline = headline
        self.problems = problems
    }

    public init(_ summary: String, problems: [Problem] = []) {
        self.init(.text(summary), problems: problems)
    }

    /// Throws when `problems` is not empty.
    public static func check(_ summary: String, _ problems: [Problem]) throws(Refusal) {
        if !problems.isEmpty { throw Refusal(summary, problems: problems) }
    }

    public static func check(_ headline: Message, _ problems: [Problem]) throws(Refusal) {
        if !problems.isEmpty { throw Refusal(headline, problems: problems) }
    }

    /// The headline in the session's language.
    public var summary: String { headline.description }

    /// Every code it carries, headline first: what tests and scripts match on.
    public var codes: [MessageCode] { [headline.code] + problems.map(\.code) }

    public var description: String { MessageCatalog.current.render(self) }
}
