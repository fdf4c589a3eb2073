import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interactive shell on a real pseudo-terminal: `lane` runs in a detached
/// tmux session on a private tmux server, keys go in with `send-keys` and the
/// screen comes back with `capture-pane`. Every wait polls the screen until
/// what is expected shows up, never a fixed sleep.
///
/// tmux is required (scripts/setup installs it); without it these tests fail.
@Suite("Interactive shell in tmux")
struct InteractiveShellTests {
    /// The prompt for the seeded store (code SZNS) and LANE_USER 薛淑芬.
    static let prompt = "SZNS 薛淑芬> "

    @Test func tabCompletesNounsVerbsOptionsPlatesAndChineseNames() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()

        try shell.complete("cust", to: "customer ")
        try shell.complete("l", to: "customer list ")
        try shell.interrupt()

        try shell.complete("customer add --na", to: "customer add --name ")
        try shell.interrupt()

        try shell.complete("vehicle show 粤B27", to: "vehicle show 粤B27DP2 ")
        try shell.interrupt()

        try shell.complete("customer show 卢文", to: "customer show 卢文博 ")
        // The completed line runs: 卢文博's mobile number is shown.
        shell.press("Enter")
        try shell.waitForScreen("卢文博's record") { $0.contains { $0.contains("13363270655") } }
        try shell.waitForInput("")

        try shell.quitWithCtrlD()
    }

    /// A run-time plugin's commands complete like the built-ins: its noun,
    /// verb and options come from the spec it sent at start-up.
    @Test func pluginCommandsCompleteLikeBuiltIns() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        // The default plugin folder, under the scratch HOME.
        let folder = shell.scratch.directory.appendingPathComponent(".local/share/servicelane/plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: LaneProcess.repositoryRoot.appendingPathComponent("Plugins/Examples/lane-tyres"),
                                         to: folder.appendingPathComponent("lane-tyres"))
        try shell.start()

        try shell.complete("tyr", to: "tyres ")
        try shell.complete("c", to: "tyres check ")
        try shell.interrupt()
        try shell.complete("tyres check --d", to: "tyres check --depths ")
        try shell.interrupt()

        try shell.complete("plugin info ty", to: "plugin info tyres ")
        shell.press("Enter")
        try shell.waitForScreen("the plugin's record") { $0.contains { $0.contains("run-time:") } }
        try shell.waitForInput("")
        try shell.quitWithCtrlD()
    }

    @Test func thePinIsAskedWithoutEcho() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        let set = try shell.scratch.lane(["--user", "姚雪", "-c", "staff pin 薛淑芬"], environment: ["LANE_NEW_PIN": "2580"])
        try #require(set.status == 0, "\(set.stderr)")
        try shell.start(waitForPrompt: false)
        try shell.waitForScreen("the PIN prompt") { $0.contains { $0.hasPrefix("PIN for 薛淑芬:") } }
        shell.type("2580")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!shell.screen().joined().contains("2580"), "the PIN was echoed")
        shell.press("Enter")
        try shell.waitForInput("")
        #expect(!shell.screen().joined().contains("2580"))
        shell.type("whoami"); shell.press("Enter")
        try shell.waitForScreen("whoami") { $0.contains { $0.contains("service_advisor") } }
        try shell.quitWithCtrlD()
    }

    @Test func chineseInputIsEditedAndStored() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()

        shell.type("customer add --name 欧阳娜娜x --phone 13912345678")
        try shell.waitForInput("customer add --name 欧阳娜娜x --phone 13912345678")
        // Edit inside the Chinese text: back over the phone option, delete the stray x.
        shell.press(Array(repeating: "Left", count: " --phone 13912345678".count))
        shell.press("BSpace")
        try shell.waitForLine(Self.prompt + "customer add --name 欧阳娜娜 --phone 13912345678",
                              cursorAfter: Self.prompt + "customer add --name 欧阳娜娜")
        shell.press("Enter")
        try shell.waitForScreen("the new customer") { lines in
            lines.contains { $0.hasPrefix("added customer ") && $0.hasSuffix(" 欧阳娜娜") }
        }
        try shell.waitForInput("")

        shell.type("customer find 欧阳"); shell.press("Enter")
        try shell.waitForScreen("欧阳娜娜 in the search") { lines in
            lines.contains { $0.contains("欧阳娜娜") && $0.contains("13912345678") && !$0.contains("add") }
                && lines.contains { $0.contains("欧阳晓峰") }
        }
        try shell.quitWithCtrlD()

        let found = try shell.scratch.lane(["-c", "customer find 欧阳"])
        #expect(found.status == 0, "stderr: \(found.stderr)")
        let row = found.stdout.split(separator: "\n").first { $0.contains("欧阳娜娜") }
        #expect(row?.contains("13912345678") == true, "customer find 欧阳 printed:\n\(found.stdout)")
    }

    @Test func upArrowRecallsHistoryAcrossARestart() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()

        shell.type("whoami"); shell.press("Enter")
        try shell.waitForScreen("whoami's output") { $0.contains { $0.hasPrefix("session time") } }
        try shell.waitForInput("")
        shell.type("customer find 卢文博"); shell.press("Enter")
        try shell.waitForScreen("卢文博 found") { $0.contains { $0.contains("13363270655") } }
        try shell.waitForInput("")
        shell.press("Up")
        try shell.waitForInput("customer find 卢文博")
        shell.press("Up")
        try shell.waitForInput("whoami")
        shell.press("Down")
        try shell.waitForInput("customer find 卢文博")
        try shell.interrupt()
        try shell.quitWithCtrlD()

        // A new process reads the history file the first one wrote.
        try shell.start()
        shell.press("Up")
        try shell.waitForInput("customer find 卢文博")
        shell.press("Up")
        try shell.waitForInput("whoami")
        shell.press("Down")
        try shell.waitForInput("customer find 卢文博")
        shell.press("Enter")
        try shell.waitForScreen("the recalled command's output") { $0.contains { $0.contains("13363270655") } }
        try shell.waitForInput("")
        try shell.quitWithCtrlD()
    }

    /// The survey plugin asks its questions through the line editor, before
    /// its transaction; the answers stay out of the history (R6.1).
    @Test func theSurveyIsAskedQuestionByQuestion() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        // The service week's Monday and Tuesday: 粤BB8554 is delivered on Tuesday.
        for day in [23, 24] { try ServiceDayTests.run(shell.scratch, ServiceDayTests.plan.script(for: day), [], "2026-11-\(day)") }
        let ro = try #require(ServiceDayTests.plan.order["粤BB8554"])
        try shell.start()
        shell.type("clock set 2026-11-25T10:00"); shell.press("Enter")
        try shell.waitForInput("")

        shell.type("survey start \(ro)"); shell.press("Enter")
        for (question, answer) in [("q1/5 接待服务 (1-5):", "5"), ("q2/5 维修质量 (1-5):", "7"), ("'7' is not on the scale 1-5: q2/5", "4"),
                                   ("q3/5 按时交车 (1-5):", "5"), ("q4/5 费用透明 (1-5):", "5"),
                                   ("q5/5 您向亲友推荐本店的可能性 (0-10):", "10"), ("其他意见或建议 (Enter for none):", "师傅很细心")] {
            try shell.waitForScreen(question) { $0.last?.hasPrefix(question) == true }
            shell.type(answer); shell.press("Enter")
        }
        try shell.waitForScreen("the confirmation") { $0.last == "record \(ro): 5,4,5,5,10 and the comment? [Y/n]" }
        shell.press("Enter")
        try shell.waitForScreen("the survey recorded") { $0.contains { $0.hasPrefix("survey of \(ro) recorded for 沈思远") && $0.hasSuffix("CSI 93.8, recommend 10/10 (promoter)") } }
        try shell.waitForInput("")
        // Up recalls the command, not the answers.
        shell.press("Up")
        try shell.waitForInput("survey start \(ro)")
        try shell.interrupt()
        try shell.quitWithCtrlD()

        let shown = try shell.scratch.lane(["-c", "survey show \(ro)"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("师傅很细心") && shown.stdout.contains("93.8"), "\(shown.stdout)")
    }

    @Test func ctrlCDropsTheLineAndKeepsTheShell() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()

        shell.type("customer add --name 丢弃甲 --phone 13800000001")
        try shell.waitForInput("customer add --name 丢弃甲 --phone 13800000001")
        try shell.interrupt()

        // Ctrl-C on a continuation line drops the whole command, not just that line.
        shell.type("customer add --phone 13800000002 --name \"丢弃"); shell.press("Enter")
        try shell.waitForScreen("a continuation prompt") { $0.last?.hasSuffix("…") == true }
        shell.type("乙")
        try shell.waitForScreen("乙 on the continuation line") { $0.last?.hasSuffix("… 乙") == true }
        try shell.interrupt()

        shell.type("whoami"); shell.press("Enter")
        try shell.waitForScreen("whoami's output") { $0.contains { $0.hasPrefix("session time") } }
        try shell.waitForInput("")
        try shell.quitWithCtrlD()

        let found = try shell.scratch.lane(["-c", "customer find 丢弃"])
        #expect(!found.stdout.contains("13800000001") && !found.stdout.contains("13800000002"),
                "a dropped line was run:\n\(found.stdout)")
        let byPhone = try shell.scratch.lane(["-c", "customer find 138000000"])
        #expect(!byPhone.stdout.contains("丢弃"), "a dropped line was run:\n\(byPhone.stdout)")
    }
}

/// `lane` in a detached tmux session on its own tmux server (`tmux -L` with a
/// unique name), so tests running in parallel never share a server, with no
/// user tmux config.
final class TmuxShell {
    struct WaitTimedOut: Error, CustomStringConvertible {
        var what: String
        var screen: [String]
        var description: String {
            "timed out waiting for \(what); the screen was:\n" + screen.map { "|" + $0 }.joined(separator: "\n")
        }
    }

    static let width = 120, height = 40
    /// This shell's window; `resize` changes it.
    var width = TmuxShell.width, height = TmuxShell.height
    /// Added to the environment lane runs with (set before `start`).
    var environment: [String: String] = [:]
    static let timeout: TimeInterval = 10
    static let exitMarker = "lane exited with status "

    let scratch: Scratch
    let tmux: String
    let socket = "lane-e2e-\(UUID().uuidString.prefix(13))"
    private var runs = 0
    private var target: String { "lane\(runs)" }

    /// A second shell on the same scratch folder (same store, same history
    /// folder): two windows of one account. Close it before the first.
    func sibling() -> TmuxShell {
        let other = TmuxShell(scratch: scratch, tmux: tmux)
        other.ownsScratch = false
        return other
    }
    private var ownsScratch = true

    /// A fresh scratch folder with the demo seeds loaded.
    static func seeded() throws -> TmuxShell {
        let tmux = try #require(TmuxShell.findTmux(),
            "tmux is not installed, so the interactive shell cannot be tested; run scripts/setup or `apt-get install -y tmux`")
        let scratch = try Scratch()
        let seeded = try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        if seeded.status != 0 { scratch.remove() }
        try #require(seeded.status == 0, "seed load failed: \(seeded.stderr)")
        return TmuxShell(scratch: scratch, tmux: tmux)
    }

    private init(scratch: Scratch, tmux: String) {
        self.scratch = scratch
        self.tmux = tmux
    }

    static func findTmux() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return dirs.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `lane` in a new session (the server too, the first time) and
    /// waits for its first prompt. Dead panes stay, so the exit line can be read.
    func start(waitForPrompt: Bool = true) throws {
        runs += 1
        // A shell around lane reports its exit status on the screen (tmux 3.3
        // sometimes misses the exit of a pane process that caught SIGINT, so
        // #{pane_dead_status} cannot be relied on). `trap : INT` keeps the
        // shell itself alive through Ctrl-C; lane still gets default handlers.
        // After the marker the shell waits (until kill-server hangs it up):
        // tmux 3.3 can drop a pane's last output when its process exits
        // right after writing it, and the marker was lost that way in CI.
        let lane = "'" + LaneProcess.executable.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let command = "trap : INT; \(lane) --create; echo \"\(Self.exitMarker)$?\"; exec sleep 3600"
        let result = try run(["start-server", ";",
                              "set-option", "-g", "default-terminal", "screen", ";",
                              "set-option", "-g", "default-shell", "/bin/sh", ";",
                              "set-option", "-g", "remain-on-exit", "on", ";",
                              "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)",
                              "-c", scratch.directory.path, command])
        try #require(result.status == 0, "tmux could not start lane: \(result.output)")
        if waitForPrompt { try waitForInput("") }
    }

    /// Kills the tmux server (and lane with it) and removes the scratch folder.
    func close() {
        _ = try? run(["kill-server"])
        // tmux leaves its socket file behind; the environment it ran with has
        // no TMUX_TMPDIR, so the socket is in /tmp/tmux-UID.
        unlink("/tmp/tmux-\(getuid())/\(socket)")
        if ownsScratch { scratch.remove() }
    }

    /// Types text literally.
    func type(_ text: String) { _ = try? run(["send-keys", "-t", target, "-l", "--", text]) }

    /// Presses keys by tmux name: Tab, Enter, Up, C-c, C-d…
    func press(_ keys: String...) { press(keys) }
    func press(_ keys: [String]) { _ = try? run(["send-keys", "-t", target] + keys) }

    /// Forgets the lines scrolled off the top and clears the screen.
    func clearHistory() throws {
        press("C-l")
        // Cleared, the screen may scroll into the history: clear that after.
        try waitForScreen("a cleared screen") { $0.count == 1 && $0[0].hasSuffix(">") }
        _ = try? run(["clear-history", "-t", target])
    }

    /// Resizes the window, as someone dragging its corner.
    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        _ = try? run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible lines, trailing spaces removed; with `joined`, lines the
    /// terminal wrapped are joined again (tmux remembers which it wrapped).
    func screen(joined: Bool = false, history: Bool = false) -> [String] {
        let options = (joined ? ["-J"] : []) + (history ? ["-S", "-"] : [])
        guard let result = try? run(["capture-pane", "-p"] + options + ["-t", target]), result.status == 0 else { return [] }
        var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The cursor's cell column and row.
    func cursor() -> (x: Int, y: Int)? {
        guard let result = try? run(["display-message", "-p", "-t", target, "#{cursor_x} #{cursor_y}"]) else { return nil }
        let parts = result.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    func waitForScreen(_ what: String, until done: ([String]) -> Bool) throws {
        let deadline = Date().addingTimeInterval(Self.timeout)
        var lines: [String] = []
        repeat {
            lines = screen()
            if done(lines) { return }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        throw WaitTimedOut(what: what, screen: lines)
    }

    /// Waits until the cursor's line reads `line` and the cursor sits right
    /// after `cursorAfter`, counting Chinese characters as two cells.
    func waitForLine(_ line: String, cursorAfter: String) throws {
        let expected = String(line.reversed().drop { $0 == " " }.reversed())
        let column = TmuxShell.cells(cursorAfter)
        let deadline = Date().addingTimeInterval(Self.timeout)
        var lines: [String] = []
        var seen = "nothing"
        repeat {
            lines = screen()
            if let (x, y) = cursor(), y < lines.count {
                if lines[y] == expected && x == column { return }
                seen = "'\(lines[y])' with the cursor at column \(x)"
            }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        throw WaitTimedOut(what: "the line '\(expected)' with the cursor at column \(column), last saw \(seen)", screen: lines)
    }

    /// Waits for a prompt holding `input` with the cursor at its end (so a
    /// trailing space from completion counts).
    func waitForInput(_ input: String) throws {
        try waitForLine(InteractiveShellTests.prompt + input, cursorAfter: InteractiveShellTests.prompt + input)
    }

    /// Types `typed`, presses TAB and waits for the line to read `expected`.
    func complete(_ typed: String, to expected: String) throws {
        type(typed)
        press("Tab")
        try waitForInput(expected)
    }

    /// Ctrl-C: the line is dropped, marked ^C, and an empty prompt follows.
    func interrupt() throws {
        press("C-c")
        try waitForInput("")
        try waitForScreen("^C on the dropped line") { lines in
            lines.count >= 2 && lines[lines.count - 2].hasSuffix("^C")
        }
    }

    /// Ctrl-D on an empty line ends lane with status 0.
    func quitWithCtrlD() throws {
        try waitForInput("")
        press("C-d")
        try waitForScreen("lane to exit with status 0 after Ctrl-D") { lines in
            lines.contains { $0.hasPrefix(Self.exitMarker) } && lines.contains(Self.exitMarker + "0")
        }
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "could not start tmux: \(String(cString: strerror(code)))" }
    }

    /// Runs a tmux command on this test's server and waits for it.
    ///
    /// posix_spawn rather than Foundation's Process, for two reasons. The
    /// client forks the tmux server, which would inherit (and keep open) the
    /// socket Process watches to notice the client's exit, so the wait would
    /// never end. And Process hands down the calling thread's signal mask,
    /// which on a test thread blocks SIGINT and SIGHUP: tmux and lane would
    /// inherit it, Ctrl-C would do nothing and kill-server would hang. So the
    /// child gets an empty signal mask, default handlers, and no descriptors
    /// beyond 0-2; its output goes to a file.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = scratch.directory.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }

        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        #if os(Linux)
        Self.closeFrom3(&actions)
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        #else
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        // The server passes this environment on to lane: fixed clock, no colour,
        // UTF-8, HOME and history in the scratch folder.
        let environment = LaneProcess.environment(database: scratch.database, extra: self.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([tmux, "-u", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let code = posix_spawn(&pid, tmux, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnFailed(code: code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (exitStatus, output)
    }

    #if os(Linux)
    /// Closes every descriptor above 2 in the child: glibc's
    /// posix_spawn_file_actions_addclosefrom_np (2.34+, which Swift does not
    /// import), else a close for each descriptor open now.
    static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }
    #endif

    /// Terminal cells a text takes: East Asian wide characters take two.
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}
