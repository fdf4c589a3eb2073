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

/// The command was not typed right; its message says how it should be.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
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
        if let refusal = error as? Refusal {
            members.append("\"code\": " + JSONText.string(refusal.headline.code.rawValue))
        }
        members.append("\"message\": " + JSONText.string(message(for: error)))
        members.append("\"where\": " + (origin.map(JSONText.string) ?? "null"))
        let problems = (error as? Refusal)?.problems ?? []
        members.append("\"problems\": [" + problems.map { p in
            "{\"field\": \(JSONText.string(p.field)), \"code\": \(JSONText.string(p.code.rawValue)), \"message\": \(JSONText.string(p.message))}"
        }.joined(separator: ", ") + "]")
        return "{\"error\": {" + members.joined(separator: ", ") + "}}"
    }

    static func message(for error: any Error) -> String {
        switch error {
        case let e as Refusal: return e.description
        case let e as Problem: return e.description
        case let e as UsageError: return e.message
        case let e as StoreFailure: return "storage: " + e.message
        case let e as TokenizerError: return e.message
        case let e as CSVError: return e.message
        default: return String(describing: error)
        }
    }
}
