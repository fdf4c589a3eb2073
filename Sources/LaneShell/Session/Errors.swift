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
