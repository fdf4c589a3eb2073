/// Turns messages into words in one language. Templates are data: text with
/// `{name}` where an argument goes, so a translator edits words, not code.
/// English is the first catalog; another language adds its own table.
public struct MessageCatalog: Sendable {
    public var language: String
    public var templates: [MessageCode: String]
    /// Times are shown in the store's zone.
    public var offset: UTCOffset

    public init(language: String, templates: [MessageCode: String], offset: UTCOffset = .china) {
        self.language = language
        self.templates = templates
        self.offset = offset
    }

    public func inZone(_ offset: UTCOffset) -> MessageCatalog {
        var c = self
        c.offset = offset
        return c
    }

    public func render(_ message: Message) -> String {
        guard let template = templates[message.code] ?? MessageCatalog.englishTemplates[message.code] else {
            // A code without words is a bug, but the person still learns something.
            return message.code.rawValue + message.arguments.sorted { $0.key < $1.key }.map { " \($0.key)=\(render($0.value))" }.joined()
        }
        var out = ""
        var name = ""
        var inName = false
        for ch in template {
            if inName {
                if ch == "}" {
                    out += message.arguments[name].map(render) ?? "{\(name)}"
                    inName = false
                    name = ""
                } else {
                    name.append(ch)
                }
            } else if ch == "{" {
                inName = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    public func render(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let s): return s
        case .int(let n): return String(n)
        case .money(let m): return m.description
        case .date(let d): return d.description
        case .time(let t): return t.display(in: offset)
        case .role(let r): return r.title
        case .list(let items): return items.map(render).joined(separator: ", ")
        case .lines(let items): return items.map { "\n  - " + render($0) }.joined()
        case .message(let m): return render(m)
        }
    }

    public func render(_ problem: Problem) -> String {
        problem.field.isEmpty ? render(problem.said) : "\(problem.field): \(render(problem.said))"
    }

    /// The headline, then every problem: on one line when there is one.
    public func render(_ refusal: Refusal) -> String {
        let summary = render(refusal.headline)
        guard !refusal.problems.isEmpty else { return summary }
        if refusal.problems.count == 1 { return "\(summary): \(render(refusal.problems[0]))" }
        return ([summary + ":"] + refusal.problems.map { "  - " + render($0) }).joined(separator: "\n")
    }

    /// Codes that have no words in this catalog.
    public func missing(_ codes: [MessageCode]) -> [MessageCode] { codes.filter { templates[$0] == nil } }

    public static let english = MessageCatalog(language: "en", templates: englishTemplates)
}
