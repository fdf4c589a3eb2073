import Foundation
import Testing

/// The counter terminal driven as an advisor drives it (issue 16): the PIN
/// prompt, Ctrl-R, Chinese editing at 80 columns and a resize, history,
/// TAB lists, output fitted to the window, the pager, and Ctrl-C during a
/// command. Each test failed before its fix.
@Suite("Counter terminal in tmux")
struct CounterTerminalTests {
    static let prompt = InteractiveShellTests.prompt

    /// 姚雪 (the service manager) has the PIN 1357; 薛淑芬, at the terminal,
    /// none. lane starts and `login 姚雪` asks for the PIN.
    static func atTheManagersPinPrompt() throws -> TmuxShell {
        let shell = try TmuxShell.seeded()
        let set = try shell.scratch.lane(["--user", "姚雪", "-c", "staff pin"], environment: ["LANE_NEW_PIN": "1357"])
        try #require(set.status == 0, "\(set.stderr)")
        try shell.start()
        try askForThePin(shell)
        return shell
    }

    static func askForThePin(_ shell: TmuxShell) throws {
        shell.type("login 姚雪"); shell.press("Enter")
        try shell.waitForScreen("the PIN prompt") { $0.last?.hasPrefix("PIN for 姚雪:") == true }
    }

    @Test func ctrlCAtThePinPromptStopsItAndTheShellGoesOn() throws {
        let shell = try Self.atTheManagersPinPrompt()
        defer { shell.close() }
        shell.type("13")
        shell.press("C-c")
        try shell.waitForScreen("the stopped sign-in") { $0.contains { $0.contains("PIN entry stopped (Ctrl-C)") } }
        try shell.waitForInput("")
        // The shell hears keys again and echoes them.
        shell.type("whoami")
        try shell.waitForInput("whoami")
        shell.press("Enter")
        try shell.waitForScreen("whoami") { $0.contains { $0.contains("薛淑芬") && $0.contains("service_advisor") } || $0.contains { $0.hasPrefix("user") && $0.contains("薛淑芬") } }
        try shell.quitWithCtrlD()
    }

    @Test func ctrlDAtThePinPromptLeavesLaterPinPromptsWorking() throws {
        let shell = try Self.atTheManagersPinPrompt()
        defer { shell.close() }
        shell.press("C-d")
        try shell.waitForScreen("the stopped sign-in") { $0.contains { $0.contains("PIN entry stopped (Ctrl-D)") } }
        try shell.waitForInput("")
        try Self.askForThePin(shell)
        shell.type("1357"); shell.press("Enter")
        try shell.waitForScreen("signed in") { $0.contains { $0.contains("signed in as 姚雪") } }
        #expect(!shell.screen().joined().contains("1357"), "the PIN was echoed")
        shell.press("C-d")
        try shell.waitForScreen("lane to exit") { $0.contains(TmuxShell.exitMarker + "0") }
        // Neither the PIN nor the login is in anyone's history as a PIN.
        let histories = try FileManager.default.contentsOfDirectory(atPath: shell.scratch.directory.appendingPathComponent("history").path)
        for file in histories {
            let text = try String(contentsOf: shell.scratch.directory.appendingPathComponent("history/" + file), encoding: .utf8)
            #expect(!text.contains("1357"), "the PIN reached a history file")
        }
    }

    @Test func ctrlCDuringCtrlRSearchDropsTheSearchNotTheShell() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()
        shell.type("whoami"); shell.press("Enter")
        try shell.waitForScreen("whoami's output") { $0.contains { $0.hasPrefix("session time") } }
        try shell.waitForInput("")
        shell.press("C-r")
        shell.type("who")
        try shell.waitForScreen("the search") { $0.last?.contains("who") == true }
        shell.press("C-c")
        try shell.waitForInput("")
        shell.type("whoami"); shell.press("Enter")
        try shell.waitForScreen("the shell still there") { $0.filter { $0.hasPrefix("session time") }.count == 2 }
        try shell.waitForInput("")

        // An arrow key ends the search with the found line, and moves.
        shell.press("C-r")
        shell.type("who")
        try shell.waitForScreen("the search") { $0.last?.contains("who") == true }
        shell.press("End")
        try shell.waitForInput("whoami")
        shell.press("Left")
        shell.press("Right")
        try shell.waitForInput("whoami")
        #expect(!(shell.screen().last ?? "").contains("["), "an escape sequence was inserted")
        try shell.interrupt()
        try shell.quitWithCtrlD()
    }

    @Test func backspaceInChineseTextAt80ColumnsAndAResize() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        shell.width = 80
        try shell.start()
        shell.type("customer find 欧阳娜娜")
        try shell.waitForInput("customer find 欧阳娜娜")
        shell.press("Left", "Left", "BSpace")
        try shell.waitForLine(Self.prompt + "customer find 欧娜娜", cursorAfter: Self.prompt + "customer find 欧")
        shell.type("阳")
        try shell.waitForLine(Self.prompt + "customer find 欧阳娜娜", cursorAfter: Self.prompt + "customer find 欧阳")
        shell.press("BSpace", "BSpace")
        try shell.waitForLine(Self.prompt + "customer find 娜娜", cursorAfter: Self.prompt + "customer find ")
        try shell.interrupt()

        // A line longer than the window, then the window grows: Ctrl-A and Ctrl-E still find the ends.
        let long = "customer find " + String(repeating: "王", count: 40)
        shell.type(long)
        try shell.waitForScreen("the long line") { $0.last?.hasSuffix("王王") == true }
        shell.resize(width: 140, height: 40)
        shell.press("C-a")
        shell.type("#")
        try shell.waitForLine(Self.prompt + "#" + long, cursorAfter: Self.prompt + "#")
        shell.press("C-e")
        shell.type("!")
        try shell.waitForLine(Self.prompt + "#" + long + "!", cursorAfter: Self.prompt + "#" + long + "!")
        try shell.interrupt()
        try shell.quitWithCtrlD()
    }

    @Test func historyIsAppendedPerPersonWholeAndWithoutDroppedLines() throws {
        let first = try TmuxShell.seeded()
        defer { first.close() }
        let second = first.sibling()
        defer { second.close() }
        try first.start()
        try second.start()
        first.type("whoami"); first.press("Enter")
        try first.waitForScreen("whoami's output") { $0.contains { $0.hasPrefix("session time") } }
        try first.waitForInput("")
        // A continued line is one entry.
        second.type("customer find \\"); second.press("Enter")
        try second.waitForScreen("a continuation prompt") { $0.last?.hasSuffix("…") == true }
        second.type("卢文博"); second.press("Enter")
        try second.waitForScreen("卢文博 found") { $0.contains { $0.contains("13363270655") } }
        try second.waitForInput("")
        // A line dropped with Ctrl-C is not kept; nor one that looks like a PIN.
        second.type("customer add --name \"丢弃"); second.press("Enter")
        try second.waitForScreen("a continuation prompt") { $0.last?.hasSuffix("…") == true }
        try second.interrupt()
        second.type("2580"); second.press("Enter")
        try second.waitForInput("")
        try second.quitWithCtrlD()
        try first.quitWithCtrlD()

        // Both shells' lines are there, each command once and whole.
        try first.start()
        first.press("Up")
        try first.waitForInput("customer find 卢文博")
        first.press("Up")
        try first.waitForInput("whoami")
        try first.interrupt()

        // Someone else signed in: their history, not 薛淑芬's customers.
        first.type("login 顾静"); first.press("Enter")
        try first.waitForScreen("signed in") { $0.contains { $0.contains("signed in as 顾静") } }
        first.type("history"); first.press("Enter")
        // Their history holds only `history` itself.
        try first.waitForScreen("顾静's history") { $0.contains { $0.hasPrefix("1") && $0.hasSuffix("history") } }
        #expect(!first.screen().contains { $0.contains("2  ") || $0.hasSuffix("whoami") && !$0.contains(">") })
        first.press("C-d")
        try first.waitForScreen("lane to exit") { $0.contains(TmuxShell.exitMarker + "0") }
    }

    @Test func tabSaysWhenItsListIsCutAndDoubleTabAddsNoArgument() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()
        shell.type("vehicle show 粤")
        shell.press("Tab")
        shell.press("Tab")
        try shell.waitForScreen("the cut list") { $0.contains { $0.contains("only the first 40 are listed") } }
        try shell.interrupt()

        // With an order in use, the part number completes; a second TAB adds nothing.
        shell.type("ro open 粤B27DP2"); shell.press("Enter")
        try shell.waitForScreen("the order in use") { $0.last?.hasPrefix("SZNS 薛淑芬 [RO-20261123-0001") == true }
        shell.type("ro part XH-9410")
        shell.press("Tab")
        try shell.waitForScreen("the part completed") { $0.last?.hasSuffix("> ro part XH-94109-0014") == true }
        shell.press("Tab")
        shell.type("|")
        try shell.waitForScreen("the line after the second TAB") { $0.last?.hasSuffix("|") == true }
        let line = shell.screen().last ?? ""
        #expect(line.hasSuffix("> ro part XH-94109-0014 |"), "a second TAB added a bogus argument: \(line)")
        shell.press("C-c")
        try shell.waitForScreen("the line dropped") { $0.last?.hasSuffix("]>") == true }
        shell.type("exit"); shell.press("Enter")
        try shell.waitForScreen("lane to exit") { $0.contains(TmuxShell.exitMarker + "0") }
    }

    @Test func outputFitsEightyColumnsAndTallOutputIsPaged() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        shell.width = 80
        shell.height = 30
        try shell.start()
        shell.type("set pager off"); shell.press("Enter")
        try shell.waitForInput("")
        for command in ["remind due", "help ro", "help customer find", "appt board"] {
            let lines = try ReadmeTourTests.typed([command], on: shell)
            let wide = lines.filter { TmuxShell.cells($0) > 80 }
            #expect(wide.isEmpty, "`\(command)` wrapped at 80 columns:\n\(wide.joined(separator: "\n"))")
        }
        // Taller than the window: the pager shows it; q comes back.
        shell.type("set pager on"); shell.press("Enter")
        try shell.waitForInput("")
        shell.type("customer list --limit 60"); shell.press("Enter")
        try shell.waitForScreen("the pager") { $0.last == ":" }
        shell.press("q")
        try shell.waitForInput("")
        // Expanded: one field per line.
        shell.type("set expanded on"); shell.press("Enter")
        try shell.waitForInput("")
        shell.type("customer list --limit 2"); shell.press("Enter")
        try shell.waitForScreen("the expanded rows") { $0.contains { $0.hasPrefix("-[ 2 ]") } }
        try shell.quitWithCtrlD()
    }

    @Test func ctrlCStopsASlowPluginAndNothingIsStored() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        let folder = shell.scratch.directory.appendingPathComponent(".local/share/servicelane/plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("lane-slow")
        try """
            #!/bin/sh
            # A plugin that ignores Ctrl-C and takes its time, then adds a customer.
            req=$(cat)
            case "$req" in
            *'"describe"'*) cat <<'JSON'
            {"protocol":1,"name":"slow","version":"1.0.0","summary":"A slow plugin","nouns":{"slow":"slow work"},
             "commands":[{"noun":"slow","verb":"add","summary":"Adds a customer, slowly","changes":true,"roles":["service_advisor"]}]}
            JSON
            ;;
            *) trap '' INT; sleep 20
               echo '{"protocol":1,"commands":["customer add --name 慢慢来 --phone 13900000009"]}' ;;
            esac

            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        shell.environment = ["LANE_PLUGIN_TIMEOUT": "60"]
        try shell.start()
        shell.type("slow add"); shell.press("Enter")
        Thread.sleep(forTimeInterval: 1)
        shell.press("C-c")
        try shell.waitForScreen("the stopped command") { $0.contains { $0.contains("stopped by Ctrl-C") } }
        try shell.waitForInput("")
        try shell.quitWithCtrlD()
        let found = try shell.scratch.lane(["-c", "customer find 慢慢来"])
        #expect(!found.stdout.contains("13900000009"), "the stopped command stored its customer:\n\(found.stdout)")
    }
}

/// The README's first tour, typed at an 80-column terminal: no line of it,
/// typed or answered, is wrapped by the terminal.
@Suite("README tour at 80 columns")
struct ReadmeTourTests {
    /// The tour's commands, each as its typed lines (comments off).
    static func tour() throws -> [[String]] {
        let readme = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## A first tour"))
        let block = try #require(readme[start.upperBound...].range(of: "```text\n"))
        let end = try #require(readme[block.upperBound...].range(of: "```"))
        var commands: [[String]] = []
        var current: [String] = []
        for raw in readme[block.upperBound..<end.lowerBound].split(separator: "\n") {
            var line = String(raw)
            if let hash = line.range(of: "  #") ?? line.range(of: " # ") { line = String(line[..<hash.lowerBound]) }
            line = String(line.reversed().drop { $0 == " " }.reversed())
            current.append(line.hasPrefix("  ") ? String(line.dropFirst(2)) : line)
            if !line.hasSuffix("\\") {
                commands.append(current)
                current = []
            }
        }
        return commands
    }

    /// Types a command's lines on a cleared screen and returns everything
    /// shown since, lines the terminal wrapped joined again.
    static func typed(_ command: [String], on shell: TmuxShell) throws -> [String] {
        try shell.clearHistory()
        for line in command {
            shell.type(line)
            shell.press("Enter")
        }
        // The prompt again (it shows what `use` made current).
        try shell.waitForScreen("the prompt after `\(command[0])`") { $0.count > 1 && $0.last.map { $0.hasPrefix("SZNS 薛淑芬") && $0.hasSuffix(">") } == true }
        return shell.screen(joined: true, history: true)
    }

    @Test func theTourFitsEightyColumns() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        shell.width = 80
        shell.environment = ["LANE_PAGER": "cat"]
        try shell.start()
        for command in try Self.tour() {
            let lines = try Self.typed(command, on: shell)
            let wide = lines.filter { TmuxShell.cells($0) > 80 }
            #expect(wide.isEmpty, "`\(command.joined(separator: " "))` wrapped at 80 columns:\n\(wide.joined(separator: "\n"))")
            #expect(!lines.contains { $0.hasPrefix("error:") }, "`\(command.joined(separator: " "))` failed:\n\(lines.joined(separator: "\n"))")
        }
        shell.press("C-d")
        try shell.waitForScreen("lane to exit") { $0.contains(TmuxShell.exitMarker + "0") }
    }
}

/// `--watch`, `-c` with a pipe, and the manual page.
@Suite("Counter terminal: watching, scripts, manual")
struct CounterTerminalMoreTests {
    @Test func watchRedrawsUntilCtrlC() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()
        shell.type("appt board --watch 1"); shell.press("Enter")
        try shell.waitForScreen("the board drawn twice") { $0.contains { $0.hasPrefix("redrawn every 1 s (2)") } }
        shell.press("C-c")
        try shell.waitForInput("")
        shell.type("today --watch 1"); shell.press("Enter")
        try shell.waitForScreen("the agenda drawn twice") { lines in
            lines.contains { $0.hasPrefix("redrawn every 1 s (2)") } && lines.contains { $0.hasPrefix("for") && $0.contains("薛淑芬") }
        }
        shell.press("C-c")
        try shell.waitForInput("")
        try shell.quitWithCtrlD()
    }

    static func seeded() throws -> Scratch {
        let scratch = try Scratch()
        let seeded = try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        try #require(seeded.status == 0, "\(seeded.stderr)")
        return scratch
    }

    @Test func dashCSaysItLeftThePipedLines() throws {
        let scratch = try Self.seeded()
        defer { scratch.remove() }
        let piped = try scratch.lane(["-c", "whoami"], input: "customer add --name 管道甲 --phone 13800000011\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.contains("warning: standard input was not read"), "\(piped.stderr)")
        #expect(!(try scratch.lane(["-c", "customer find 管道甲"])).stdout.contains("13800000011"))
        let quiet = try scratch.lane(["-c", "whoami"])
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        // In a script --watch has nothing to redraw.
        let watched = try scratch.lane(["-c", "appt board --watch 2"])
        #expect(watched.status == 2 && watched.stderr.contains("--watch redraws a terminal's screen"))
    }

    static var groff: String? {
        ["/usr/bin/groff", "/usr/local/bin/groff"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: groff != nil, "groff is not installed, so the manual page cannot be rendered"))
    func theManualPageRendersWithoutWarnings() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let page = try LaneProcess.run(["--generate-manpage"], database: scratch.database)
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix(".TH LANE 1"))
        let file = try scratch.write("lane.1", page.stdout)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.groff))
        // -k: through preconv, as man does, for the Chinese examples; -P-cbou: plain text to search.
        process.arguments = ["-k", "-man", "-Tutf8", "-ww", "-P-cbou", file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(text.contains("ro dispatch") && text.contains("apropos"))
    }
}
