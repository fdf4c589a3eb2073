/// One field of a record changed: what it was and what it is now, for the
/// answer and the audit trail (`phone 13800138000 → 13900139000`). Nil: the
/// field was or is now empty.
public struct FieldChange: Hashable, Sendable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(_ field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    public var said: Message {
        Message("change.field", ["field": .text(field), "before": .text(before ?? "-"), "after": .text(after ?? "-")])
    }

    /// Several changes in one line, or `nothing changed`.
    public static func said(_ changes: [FieldChange]) -> Message {
        changes.isEmpty ? Message("change.nothing") : .series(changes.map(\.said))
    }
}

extension Message {
    /// Messages said one after the other (`a; b; c`), still as data.
    public static func series(_ parts: [Message]) -> Message {
        guard let last = parts.last else { return .text("") }
        return parts.dropLast().reversed().reduce(last) { rest, first in Message("series.then", ["first": .message(first), "then": .message(rest)]) }
    }
}
