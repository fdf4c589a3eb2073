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

    /// `staff pin` hides what is typed too: Ctrl-C and Ctrl-D there stop it,
    /// and the next `staff pin` still asks without echo.
    @Test func ctrlCAndCtrlDAtStaffPinLeaveThePromptWorking() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        try shell.start()
        func askForANewPin() throws {
            shell.type("staff pin"); shell.press("Enter")
            try shell.waitForScreen("the new-PIN prompt") { $0.last?.hasPrefix("new PIN for 薛淑芬:") == true }
        }
        try askForANewPin()
        shell.type("24")
        shell.press("C-c")
        try shell.waitForScreen("the stopped PIN entry") { $0.contains { $0.contains("PIN entry stopped (Ctrl-C)") } }
        try shell.waitForInput("")
        try askForANewPin()
        shell.press("C-d")
        try shell.waitForScreen("the stopped PIN entry") { $0.contains { $0.contains("PIN entry stopped (Ctrl-D)") } }
        try shell.waitForInput("")
        try askForANewPin()
        shell.type("2468"); shell.press("Enter")
        try shell.waitForScreen("the second prompt") { $0.last?.hasPrefix("again:") == true }
        shell.type("2468"); shell.press("Enter")
        try shell.waitForScreen("the PIN set") { $0.contains { $0.hasPrefix("PIN set for 薛淑芬") } }
        #expect(!shell.screen().joined().contains("2468"), "the PIN was echoed")
        try shell.quitWithCtrlD()
        let folder = shell.scratch.directory.appendingPathComponent("history")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(!lines.contains("24") && !text.contains("2468"), "a line typed at the hidden prompt reached the history:\n\(text)")
            #expect(text.contains("staff pin"))
        }
        // The PIN took: signing in asks for it.
        let wrong = try shell.scratch.lane(["-c", "whoami"], environment: ["LANE_PIN": "1111"])
        #expect(wrong.status != 0)
        #expect(try shell.scratch.lane(["-c", "whoami"], environment: ["LANE_PIN": "2468"]).status == 0)
    }

    /// Ctrl-C during a built-in command: a long script run with `source`
    /// stops at the command running then, which stores nothing.
    @Test func ctrlCStopsARunningScriptAndItsCommandStoresNothing() throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        let surnames = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许")
        let lines = (0..<4000).map { i in
            "customer add --name 批\(surnames[i % 20])\(surnames[(i / 20) % 20])\(surnames[(i / 400) % 20]) --phone 139\(String(format: "%08d", i))"
        }
        _ = try shell.scratch.write("many.lane", lines.joined(separator: "\n") + "\n")
        try shell.start()
        shell.type("set pager off"); shell.press("Enter")
        try shell.waitForInput("")
        shell.type("source many.lane"); shell.press("Enter")
        // Under way: its fifth customer or a later one is on the screen (not only the fifth:
        // a fast machine scrolls it away between two looks at the screen).
        try shell.waitForScreen("the script under way") { screen in
            screen.contains { line in
                guard let r = line.range(of: "phone    139") else { return false }
                return (Int(line[r.upperBound...].prefix(8)) ?? 0) >= 4
            }
        }
        shell.press("C-c")
        try shell.waitForScreen("the stopped script") { $0.contains { $0.contains("stopped by Ctrl-C") } }
        try shell.waitForInput("")
        let stopped = try #require(shell.screen().first { $0.contains("stopped by Ctrl-C") })
        // `error: many.lane:N: stopped by Ctrl-C: nothing was stored`
        let after = try #require(stopped.range(of: "many.lane:"), "\(stopped)")
        let number = try #require(Int(stopped[after.upperBound...].prefix { $0.isNumber }), "\(stopped)")
        #expect(number > 5 && number < lines.count, "\(stopped)")
        try shell.quitWithCtrlD()
        // The lines before it are stored; its own customer and the rest are not.
        let phone = { (i: Int) in "139" + String(format: "%08d", i) }
        // (A customer found is listed by name, and every name here starts with 批.)
        #expect(try shell.scratch.lane(["-c", "customer find \(phone(number - 2))"]).stdout.contains("批"))
        for i in [number - 1, number] {
            let found = try shell.scratch.lane(["-c", "customer find \(phone(i))"])
            #expect(!found.stdout.contains("批"), "line \(i + 1) of many.lane was stored after `\(stopped)`:\n\(found.stdout)")
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

        // An arrow key during the search ends it with the found line, the
        // cursor where the match starts (as bash does), and moves it.
        shell.press("C-r")
        shell.type("who")
        try shell.waitForScreen("the search") { $0.last?.contains("who") == true }
        shell.press("Left")
        try shell.waitForLine(Self.prompt + "whoami", cursorAfter: Self.prompt)
        shell.press("Right")
        try shell.waitForLine(Self.prompt + "whoami", cursorAfter: Self.prompt + "w")
        #expect(!(shell.screen().last ?? "").contains("["), "an escape sequence was inserted")
        // End, another escape sequence, ends a search too.
        try shell.interrupt()
        shell.press("C-r")
        shell.type("who")
        try shell.waitForScreen("the search") { $0.last?.contains("who") == true }
        shell.press("End")
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
        // A part asked for by its name: the list says which number is which.
        shell.type("ro part 机油")
        shell.press("Tab")
        try shell.waitForScreen("the parts listed with their names") { $0.contains { $0.hasPrefix("XH-15400-0001") && $0.contains("机油滤清器") } }
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

    /// The issue's window sizes, narrow and wide, in both languages: the
    /// everyday lists, records and help fit (tables shrink, wrap or turn
    /// into one field per line; long lists of codes break after commas).
    @Test(arguments: [(70, "en_US.UTF-8"), (70, "zh_CN.UTF-8"), (140, "en_US.UTF-8")])
    func everydayOutputFitsTheWindow(width: Int, language: String) throws {
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        shell.width = width
        shell.environment = ["LANE_PAGER": "cat", "LANG": language]
        try shell.start()
        for command in ["help", "help ro", "help workflow", "today", "remind due", "appt board", "customer list --limit 20",
                        "vehicle show 粤B27DP2", "plugin info warranty", "warranty policy", "catalog parts", "staff list", "roles"] {
            let lines = try ReadmeTourTests.typed([command], on: shell)
            let wide = lines.filter { TmuxShell.cells($0) > width }
            #expect(wide.isEmpty, "`\(command)` wrapped at \(width) columns (\(language)):\n\(wide.joined(separator: "\n"))")
        }
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

/// The README's first tour, typed at an 80-column terminal on the demo store
/// as `scripts/demo` makes it, in English and in the demo's Chinese: no line
/// of it, typed or answered, is wider than the window (a Chinese character
/// takes two columns), so the terminal wraps none.
@Suite("README tour at 80 columns")
struct ReadmeTourTests {
    /// The tour's commands, each as its typed lines (comments off), as the
    /// README writes them; then the commands its "service day" paragraph names
    /// that run as written (not `ro …` nor `print … --pdf`).
    static func tour() throws -> (tour: [[String]], serviceDay: [String]) {
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
        let day = try #require(readme[end.upperBound...].range(of: "Then a service day:"))
        let paragraph = String(readme[day.upperBound...]).components(separatedBy: "\n\n")[0]
        let spans = paragraph.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let serviceDay = spans.filter { !$0.contains("…") && !$0.contains("--pdf") && !$0.hasPrefix("ro ") }
        return (commands, serviceDay)
    }

    @Test func theTourIsReadFromTheReadme() throws {
        let (tour, day) = try Self.tour()
        #expect(tour.count >= 15 && tour.first == ["help"] && tour.contains { $0.count == 2 })
        #expect(day.contains("today") && day.contains("appt board") && day.contains("followup due"))
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

    /// The demo store: the seeds, then scripts/demo-day.lane and
    /// seeds/monday.lane as scripts/demo runs them (not seeds/history.lane,
    /// three months of closed orders for `report kpi`, which takes minutes
    /// and changes no line of the tour).
    static func demoStore() throws -> TmuxShell {
        let shell = try TmuxShell.seeded()
        let root = LaneProcess.repositoryRoot
        let day = try shell.scratch.lane(["-f", root.appendingPathComponent("scripts/demo-day.lane").path])
        try #require(day.status == 0, "scripts/demo-day.lane: \(day.stderr)")
        let monday = try shell.scratch.lane(["--user", "admin", "-f", root.appendingPathComponent("seeds/monday.lane").path])
        try #require(monday.status == 0, "seeds/monday.lane: \(monday.stderr)")
        return shell
    }

    @Test(arguments: ["en_US.UTF-8", "zh_CN.UTF-8"])
    func theTourFitsEightyColumns(language: String) throws {
        let shell = try Self.demoStore()
        defer { shell.close() }
        shell.width = 80
        shell.environment = ["LANE_PAGER": "cat", "LANG": language]
        try shell.start()
        let (tour, serviceDay) = try Self.tour()
        for command in tour + serviceDay.map { [$0] } {
            let lines = try Self.typed(command, on: shell)
            let wide = lines.filter { TmuxShell.cells($0) > 80 }
            #expect(wide.isEmpty, "`\(command.joined(separator: " "))` wrapped at 80 columns (\(language)):\n\(wide.joined(separator: "\n"))")
            // The tour itself runs as written; the service day's commands may ask for more.
            if tour.contains(command) {
                #expect(!lines.contains { $0.hasPrefix("error:") }, "`\(command.joined(separator: " "))` failed:\n\(lines.joined(separator: "\n"))")
            }
            // After `set format json`, the rest is in tables again.
            if command == ["set format json"] {
                _ = try Self.typed(["set format table"], on: shell)
            }
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
        // -k: through preconv, as man does, for the Chinese examples; -P-cbou: plain text to search.
        let rendered = try LaneProcess.program(URL(fileURLWithPath: try #require(Self.groff)), ["-k", "-man", "-Tutf8", "-ww", "-P-cbou", file.path])
        let text = rendered.stdout
        #expect(rendered.status == 0)
        #expect(rendered.stderr.isEmpty, "\(rendered.stderr)")
        #expect(text.contains("ro dispatch") && text.contains("apropos"))
    }
}

/// The shell completion script (`lane --generate-completion-script`) and
/// the manual page: what the README documents, checked.
@Suite("Completion script and manual page")
struct CompletionScriptTests {
    static func run(_ executable: String, _ arguments: [String]) throws -> LaneProcess.Result {
        try LaneProcess.program(URL(fileURLWithPath: executable), arguments)
    }

    static func script(_ shell: String, in scratch: Scratch) throws -> String {
        let generated = try LaneProcess.runWithoutCreate(["--generate-completion-script", shell], database: scratch.database)
        try #require(generated.status == 0, "\(generated.stderr)")
        return generated.stdout
    }

    @Test func everyShellGetsAScriptForTheProcessOptions() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for shell in ["bash", "zsh", "fish"] {
            let text = try Self.script(shell, in: scratch)
            for option in ["db", "format", "on-error", "now", "user", "generate-manpage"] {
                // fish names a long option `-l NAME`, bash and zsh `--NAME`.
                #expect(text.contains(shell == "fish" ? "-l '\(option)'" : "--\(option)"), "the \(shell) script does not know --\(option)")
            }
        }
    }

    /// bash runs the script's function as TAB would, on `lane --for` and
    /// `lane --format `.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
    func bashCompletesOptionsAndTheirValues() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("lane.bash", try Self.script("bash", in: scratch))
        let check = try Self.run("/bin/bash", ["-n", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let line = words.joined(separator: " ")
            let program = """
                source '\(file.path)'
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=\(line.utf8.count)
                f=$(complete -p lane | sed -E 's/.*-F ([^ ]+).*/\\1/')
                "$f" lane "\(words.last ?? "")" "\(words.count > 1 ? words[words.count - 2] : "")"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try Self.run("/bin/bash", ["--norc", "--noprofile", "-c", program])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        let options = try complete(["lane", "--for"])
        #expect(options == ["--format"], "\(options)")
        let formats = try complete(["lane", "--format", ""])
        #expect(Set(formats) == ["table", "json", "csv"], "\(formats)")
        let policies = try complete(["lane", "--on-error", ""])
        #expect(Set(policies) == ["stop", "continue"], "\(policies)")
    }

    /// The README's install lines are lane(1)'s.
    @Test func theReadmeAndTheManualGiveTheSameInstallLines() throws {
        let readme = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let scratch = try Scratch()
        defer { scratch.remove() }
        let page = try LaneProcess.runWithoutCreate(["--generate-manpage"], database: scratch.database)
        #expect(page.status == 0)
        for shell in ["bash", "zsh", "fish"] {
            let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("lane --generate-completion-script \(shell) > ") })
            #expect(page.stdout.contains(line.replacingOccurrences(of: "-", with: "\\-")), "lane(1) lacks `\(line)`")
        }
        #expect(page.stdout.contains(".SH SHELL COMPLETION"))
    }

    /// docs/lane.1 is what `lane --generate-manpage` writes from the specs
    /// today; after changing a command, `scripts/make-manpage` renews it.
    @Test func theManualPageInDocsIsGeneratedFromTheSpecs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let page = try LaneProcess.runWithoutCreate(["--generate-manpage"], database: scratch.database)
        #expect(page.status == 0)
        let committed = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/lane.1"), encoding: .utf8)
        if committed != page.stdout {
            let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let new = page.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            Issue.record("""
                docs/lane.1 is not what `lane --generate-manpage` writes now (run scripts/make-manpage); \
                first difference at line \(first + 1):
                docs/lane.1: \(first < old.count ? String(old[first]) : "(end)")
                generated:   \(first < new.count ? String(new[first]) : "(end)")
                """)
        }
    }
}
