/// One unmet condition or bad field, in words a service advisor understands.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field or condition it is about (`phone`, `vin`, `line 7 phone`); empty for a general condition.
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

/// A command refused: carries every problem found, not only the first,
/// so the advisor can fix them all in one go.
public struct Refusal: Error, Sendable, CustomStringConvertible {
    public var summary: String
    public var problems: [Problem]

    public init(_ summary: String, problems: [Problem] = []) {
        self.summary = summary
        self.problems = problems
    }

    /// Throws when `problems` is not empty.
    public static func check(_ summary: String, _ problems: [Problem]) throws(Refusal) {
        if !problems.isEmpty { throw Refusal(summary, problems: problems) }
    }

    public var description: String {
        guard !problems.isEmpty else { return summary }
        if problems.count == 1 { return "\(summary): \(problems[0])" }
        return ([summary + ":"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
