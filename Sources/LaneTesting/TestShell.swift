import Foundation
import LaneCore
import LaneShell
import LaneStore
import Testing

/// A shell on a private in-memory database with a fixed clock, capturing
/// what it prints. Commands run exactly as typed at the prompt. The shell's
/// own tests use it, and so can a plugin's: pass the plugin in `plugins`.
public final class TestShell {
    public let store: SQLiteStore
    public let session: ShellSession
    private let captured = Captured()
    /// One message per plugin refused at start-up (a clash, a failed migration).
    public private(set) var pluginMessages: [String] = []

    /// The demo's date and time: Monday 2026-11-23 09:00 in Shenzhen.
    public static let demoNow = Timestamp(secondsSince1970: 1_795_395_600)

    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var seedsPath: String { repositoryRoot.appendingPathComponent("seeds").path }

    /// Seeded: the demo dealership, loaded by the admin, then `user` (one of its
    /// staff) at the keyboard. Not seeded: an empty store where `user` is on the
    /// staff list with `role`.
    /// With `plugins`, they are installed after the seed load, as `lane`
    /// installs them at start-up (their settings come from seeds/store.toml);
    /// `runtimeDirectory` adds the run-time plugins found there; `databasePath`
    /// puts the store in that file instead of memory; `recordingStatements` notes every statement the
    /// (in-memory) store runs, for `QueryPlans`.
    public init(user: String = "薛淑芬", role: StaffRole = .serviceAdvisor, seeded: Bool = false, format: OutputFormat = .table,
                plugins: [any LanePlugin] = [], runtimeDirectory: String? = nil, runtimeTimeout: Double = RuntimePlugin.defaultTimeout,
                databasePath: String? = nil, recordingStatements: Bool = false) throws {
        // A file when the test needs one (the bytes on disk, a second opening, another shell writing while this one waits), else memory.
        store = try databasePath.map { try SQLiteStore(path: $0, create: true) } ?? SQLiteStore(inMemoryNamed: "test", recordingStatements: recordingStatements)
        let captured = self.captured
        var registry = try Launcher.builtinRegistry()
        session = ShellSession(
            store: store, clock: FixedClock(Self.demoNow), user: user, registry: registry,
            io: ShellIO(out: { captured.append(out: $0) }, err: { captured.append(err: $0) }),
            format: format, seedsDirectory: Self.seedsPath, workingDirectory: FileManager.default.temporaryDirectory.path)
        // The tests read English unless they choose Chinese (`session.languageChoice = .chinese`).
        session.languageChoice = .english
        if seeded {
            session.user = "admin"
            try expectOK("seed load \(Self.seedsPath)")
            session.user = user
        } else if user != "admin" {
            _ = try store.write { try $0.insertStaff(name: user, role: role, team: nil, phone: nil) }
        }
        // Installed after the seed load, as `lane` does at start-up: their settings come from store.toml.
        guard !plugins.isEmpty || runtimeDirectory != nil else { return }
        let (installed, messages) = PluginLoader.install(
            compiled: plugins.map { PluginLoader.Compiled($0, module: String(describing: type(of: $0))) },
            runtimeDirectory: runtimeDirectory, runtimeTimeout: runtimeTimeout,
            // A loaded test machine must not make a plugin's handshake time out.
            handshakeTimeout: max(runtimeTimeout, 60), into: &registry, store: store, now: Self.demoNow)
        session.plugins = installed
        session.registry = registry
        session.pluginDirectory = runtimeDirectory
        pluginMessages = messages
    }

    /// Every stored row as text, by table (`SQLiteStore.snapshot()` cut at its `[table]` lines).
    public func storedRows() throws -> [String: String] {
        var tables: [String: [Substring]] = [:]
        var table = ""
        for line in try store.snapshot().split(separator: "\n") {
            if line.hasPrefix("["), line.hasSuffix("]"), line.dropFirst().dropLast().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                table = String(line.dropFirst().dropLast())
                tables[table, default: []] = []
            } else {
                tables[table, default: []].append(line)
            }
        }
        return tables.mapValues { $0.joined(separator: "\n") }
    }

    public struct Outcome {
        public var code: ExitCode
        public var out: String
        public var err: String
    }

    /// Runs one line as a script line would; returns exit code and what was printed.
    @discardableResult
    public func run(_ line: String) -> Outcome {
        captured.reset()
        let code = session.execute(line, origin: "line 1")
        return Outcome(code: code, out: captured.out, err: captured.err)
    }

    /// Runs a script, line by line from `next`, as `lane < file` does.
    public func runScript(_ next: () -> String?) -> Outcome {
        captured.reset()
        let code = session.runScript(next, name: nil)
        return Outcome(code: code, out: captured.out, err: captured.err)
    }

    /// Runs lines read as bytes, as `lane` reads a pipe or a script file.
    public func runScript(lines next: () -> ScriptLine?) -> Outcome {
        captured.reset()
        let code = session.runScript(lines: next, name: nil)
        return Outcome(code: code, out: captured.out, err: captured.err)
    }

    /// Runs a line that must succeed; returns its output.
    @discardableResult
    public func expectOK(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let outcome = run(line)
        #expect(outcome.code == .ok, "\(line) → \(outcome.err)", sourceLocation: sourceLocation)
        #expect(outcome.err.isEmpty, sourceLocation: sourceLocation)
        return outcome.out
    }

    /// Runs a line that must be refused with `code`, proves the database did
    /// not change at all, and returns the error text.
    @discardableResult
    public func expectRefused(_ line: String, code: ExitCode = .refused,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try store.snapshot()
        let outcome = run(line)
        #expect(outcome.code == code, "\(line) → \(outcome.code): \(outcome.err)", sourceLocation: sourceLocation)
        #expect(outcome.err.hasPrefix("error: line 1: "), "\(outcome.err)", sourceLocation: sourceLocation)
        #expect(outcome.out.isEmpty, "\(outcome.out)", sourceLocation: sourceLocation)
        #expect(try store.snapshot() == before, "\(line) changed the database", sourceLocation: sourceLocation)
        return outcome.err
    }

    /// Runs a line that must be refused (nothing stored, as `expectRefused`)
    /// and returns the message codes of the refusal, headline first: what
    /// tests of a rule match on, whatever the language of the words.
    @discardableResult
    public func expectRefusalCodes(_ line: String, code: ExitCode = .refused,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let format = session.format
        session.format = .json
        defer { session.format = format }
        let before = try store.snapshot()
        let outcome = run(line)
        #expect(outcome.code == code, "\(line) → \(outcome.code): \(outcome.err)", sourceLocation: sourceLocation)
        #expect(try store.snapshot() == before, "\(line) changed the database", sourceLocation: sourceLocation)
        return try Self.refusalCodes(outcome.err)
    }

    /// The message codes of a refusal written as JSON (`{"error": …}`), headline first.
    public static func refusalCodes(_ json: String) throws -> [String] {
        struct Answer: Decodable {
            struct Error: Decodable {
                struct Problem: Decodable { var code: String }
                var code: String?
                var problems: [Problem]
            }
            var error: Error
        }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
        return (answer.error.code.map { [$0] } ?? []) + answer.error.problems.map(\.code)
    }
}

private final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = "", errText = ""
    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
    func append(out text: String) { lock.withLock { outText += text } }
    func append(err text: String) { lock.withLock { errText += text } }
    func reset() { lock.withLock { outText = ""; errText = "" } }
}
