import LaneCore
import LaneStore

/// `lane`'s exit codes. Stable: scripts depend on them (README, docs/shell.md).
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// A command was refused: bad input or an unmet condition of the process.
    case refused = 1
    /// The command line itself was wrong: unknown command, option or missing argument.
    case usage = 2
    /// The database failed: cannot open, busy beyond the timeout, damaged, disk full.
    case storage = 3
}

/// The command was not typed right: what was wrong, as messages with stable
/// codes, and for a command line how the command is typed.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// What was wrong; in a line with several problems, the first. Its code is
    /// the error's code, as scripts read it in JSON (`usage.unknown_option`).
    public var message: Message
    /// The line's other problems, in the order found: `Invocation.parse` reports them all at once.
    public var more: [Message]
    /// The whole error as one message, as the person at the terminal reads it.
    public var said: Message

    public init(_ message: Message) {
        self.message = message
        self.more = []
        self.said = message
    }

    /// Every problem of a line of `command`, then how the command is typed.
    public init(command: String, usage: String, _ message: Message, more: [Message] = []) {
        self.message = message
        self.more = more
        let problems: MessageArgument = more.isEmpty ? .message(message) : .lines(([message] + more).map { .message($0) })
        self.said = Message("usage.in_command", ["command": .text(command), "problems": problems, "usage": .text(usage)])
    }

    public var problems: [Message] { [message] + more }
    public var code: MessageCode { message.code }
    public var description: String { said.description }
}

/// A `quit` (or end of input) asked the shell to stop.
struct QuitRequest: Error {}

enum ErrorReport {
    static func exitCode(for error: any Error) -> ExitCode {
        switch error {
        case is UsageError, is TokenizerError: return .usage
        case is StoreFailure: return .storage
        case let e as SourcedScriptFailed: return e.code
        default: return .refused
        }
    }

    /// `{"error": {"kind": "refused", "code": …, "message": …, "where": "line 3", "problems": [{"field", "code", "message"}]}}`
    /// (docs/json.md): what went wrong, as stable codes.
    static func json(for error: any Error, origin: String?) -> String {
        let kind: String
        switch exitCode(for: error) {
        case .usage: kind = "usage"
        case .storage: kind = "storage"
        case .ok, .refused: kind = "refused"
        }
        var members = ["\"kind\": " + JSONText.string(kind)]
        if let code = code(of: error) {
            members.append("\"code\": " + JSONText.string(code.rawValue))
        }
        members.append("\"message\": " + JSONText.string(message(for: error)))
        members.append("\"where\": " + (origin.map(JSONText.string) ?? "null"))
        members.append("\"problems\": [" + problems(of: error).map { p in
            "{\"field\": \(JSONText.string(p.field)), \"code\": \(JSONText.string(p.code.rawValue)), \"message\": \(JSONText.string(p.message))}"
        }.joined(separator: ", ") + "]")
        return "{\"error\": {" + members.joined(separator: ", ") + "}}"
    }

    /// The stable code of a refusal or a usage error; storage failures have none.
    static func code(of error: any Error) -> MessageCode? {
        switch error {
        case let e as Refusal: return e.headline.code
        case let e as UsageError: return e.code
        case let e as TokenizerError: return e.said.code
        default: return nil
        }
    }

    /// A refusal's problems; a usage error's when its line had several (its code is the first's).
    static func problems(of error: any Error) -> [Problem] {
        switch error {
        case let e as Refusal: return e.problems
        case let e as UsageError where !e.more.isEmpty: return e.problems.map { Problem("", $0) }
        default: return []
        }
    }

    static func message(for error: any Error) -> String {
        switch error {
        case let e as Refusal: return e.description
        case let e as Problem: return e.description
        case let e as UsageError: return e.description
        case let e as StoreFailure: return Message("store.failure", ["text": .text(e.message)]).description
        case let e as TokenizerError: return e.message
        case let e as CSVError: return e.message
        default: return String(describing: error)
        }
    }
}
