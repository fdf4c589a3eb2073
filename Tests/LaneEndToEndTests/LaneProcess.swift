import Foundation
import Testing

/// Runs the built `lane` binary as a user or a script would.
///
/// The binary sits next to the test bundle in the build folder (`swift test`
/// builds it because this target depends on it).
enum LaneProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The build folder that holds `lane` and the test bundle.
    static let binDirectory: URL = {
        var url = Bundle.main.bundleURL
        // On Linux the test runner is `<bin>/ServiceLanePackageTests.xctest`;
        // walk up until a folder with `lane` in it appears.
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("lane").path) { return url }
            url.deleteLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug")
        return fallback
    }()

    static var executable: URL { binDirectory.appendingPathComponent("lane") }

    /// The repository's root (for `seeds/`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seedsDirectory: URL { repositoryRoot.appendingPathComponent("seeds") }

    /// Environment for a reproducible run: fixed clock, no colour, a private history file.
    static func environment(database: URL, extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": database.deletingLastPathComponent().path,
            "LANE_DB": database.path,
            // English unless a test asks for Chinese (the demo store's language is zh-Hans);
            // lane falls back to C.UTF-8 for characters where the locale is not installed.
            "LANG": "en_US.UTF-8",
            "LANE_NOW": "2026-11-23T09:00",
            "LANE_USER": "薛淑芬",
            "LANE_HISTORY": database.deletingLastPathComponent().appendingPathComponent("history").path,
            "LANE_SEEDS": seedsDirectory.path,
            "NO_COLOR": "1",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `lane ARGS` exactly as given (no `--create`): for the tests of database paths.
    static func runWithoutCreate(_ arguments: [String], database: URL) throws -> Result {
        try run(arguments, input: "", database: database, environment: [:], create: false)
    }

    /// Runs `lane ARGS` with `input` on stdin and waits for it.
    static func run(_ arguments: [String] = [], input: String = "", database: URL,
                    environment extra: [String: String] = [:], create: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = executable
        // The scratch store is made on first use, as `lane --create` does.
        process.arguments = (create ? ["--create"] : []) + arguments
        process.environment = environment(database: database, extra: extra)
        process.currentDirectoryURL = database.deletingLastPathComponent()
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}

extension LaneProcess {
    /// Runs another program (groff, bash, a harness script) and waits for it.
    static func program(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// A fresh folder per test, removed afterwards by the caller.
struct Scratch {
    let directory: URL
    var database: URL { directory.appendingPathComponent("lane.sqlite") }
    /// With a server: the store is a schema of its own on it (`postgres://…?schema=…`), its key file in `directory`.
    var server: String?

    /// The PostgreSQL server the tests may use (`scripts/pg-server start`), nil when none is given.
    static let testServer = ProcessInfo.processInfo.environment["LANE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    init(server: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lane-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let server {
            let schema = "e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            self.server = server + (server.contains("?") ? "&" : "?") + "schema=" + schema
        }
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Removes the folder (a server's schema stays: the test server is thrown away whole, `scripts/pg-server stop`).
    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs lane on this scratch database.
    func lane(_ arguments: [String] = [], input: String = "", environment: [String: String] = [:]) throws -> LaneProcess.Result {
        var environment = environment
        if let server {
            environment["LANE_DB"] = environment["LANE_DB"] ?? server
            environment["LANE_KEY_FILE"] = directory.appendingPathComponent("store").path
        }
        return try LaneProcess.run(arguments, input: input, database: database, environment: environment)
    }
}
