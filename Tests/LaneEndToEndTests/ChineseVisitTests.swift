import Foundation
import Testing

/// A whole visit walked in Chinese, as staff read it: everything the shell
/// prints for the steps of docs/process.md and the records read back
/// afterwards has no English word in it. Codes, plates, VINs, numbers, units
/// and the commands a hint tells one to type are not words to translate.
@Suite struct ChineseVisitTests {
    /// ASCII runs that may stand in Chinese text: a code with a digit or a
    /// hyphen (RO-20261125-0001, MNT-5K, 粤B27DP2, XH-15400-0001), an
    /// abbreviation in capitals (VIN, CSI, QC), a unit, or a command and its
    /// options inside a hint (`ro why-not`, `--payer`).
    static let allowed: Set<String> = ["km", "lane", "h", "x", "admin"]

    static func englishWords(in text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            // What a hint tells one to type, between backticks, is a command: ASCII by design.
            let parts = line.split(separator: "`", omittingEmptySubsequences: false)
            let prose = parts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            var word = ""
            func flush() {
                defer { word = "" }
                guard word.count >= 2 else { return }
                if word.contains(where: { $0.isNumber }) || word.contains("-") || word.contains("_") || word.contains(".") { return }
                if word == word.uppercased() { return }
                if allowed.contains(word) { return }
                found.append(word)
            }
            for ch in prose {
                if ch.isASCII && (ch.isLetter || ch.isNumber || ch == "-" || ch == "_" || ch == ".") { word.append(ch) } else {
                    // A code glued to Chinese (粤B27DP2) starts after the CJK character: still a code.
                    flush()
                }
            }
            flush()
        }
        return found
    }

    @Test func aVisitReadInChineseHasNoEnglishWords() throws {
        let doc = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/process.md"), encoding: .utf8)
        let walk = try #require(doc.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Loaded by a Chinese shell: a vehicle's history rows keep the words of whoever wrote them.
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"], environment: ["LANG": "zh_CN.UTF-8"]).status == 0)
        // The steps, then what the advisor, the manager and the cashier read back.
        let readBack = """
            set user 薛淑芬
            ro show RO-20261125-0001
            ro timeline RO-20261125-0001
            ro list --all
            appt show AP-20261125-001
            customer show C0002
            vehicle history 粤B27DP2
            today
            remind due --limit 5
            """
        let result = try scratch.lane(input: walk + readBack + "\n", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let english = Self.englishWords(in: result.stdout)
        #expect(english.isEmpty, "English words in what staff read: \(Array(Set(english)).sorted())\n\(result.stdout)")
        #expect(result.stdout.contains("已交车"), "\(result.stdout)")
    }

    /// The same visit at a terminal: the steps sourced in a Chinese shell in
    /// tmux, then the order's timeline and list read on the screen.
    @Test func aVisitOnAChineseTerminalHasNoEnglishWords() throws {
        let doc = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/process.md"), encoding: .utf8)
        let walk = try #require(doc.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        let shell = try TmuxShell.seeded()
        defer { shell.close() }
        _ = try shell.scratch.write("walk.lane", walk + "set user 薛淑芬\n")
        shell.environment = ["LANG": "zh_CN.UTF-8"]
        try shell.start()
        shell.type("set pager off"); shell.press("Enter")
        shell.type("source walk.lane"); shell.press("Enter")
        try shell.waitForScreen("the visit's last step") { lines in lines.contains { $0.contains("质量回访：已接通，满意度 5/5") } }
        try shell.waitForScreen("the prompt after the visit") { lines in
            lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.hasSuffix("[RO-20261125-0001 粤B27DP2]>") == true
        }
        // A cleared screen first, so nothing the visit printed (its 收款 step)
        // can be taken for the timeline.
        try shell.clearHistory()
        shell.type("ro timeline RO-20261125-0001"); shell.press("Enter")
        try shell.waitForScreen("the timeline in Chinese") { lines in
            // The timeline's own first row, its payment row, and the prompt after it.
            lines.contains { $0.contains("薛淑芬 为 粤B27DP2 开单") } && lines.contains { $0.contains("收款") }
                && lines.count > 2 && lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.hasSuffix("]>") == true
        }
        let screen = shell.screen()
        // What staff read: not the lines they typed (after the prompt), which are commands.
        let read = screen.filter { !$0.contains("> ") }.joined(separator: "\n")
        #expect(read.contains("薛淑芬 为 粤B27DP2 开单"), "\(screen.joined(separator: "\n"))")
        let english = Self.englishWords(in: read)
        #expect(english.isEmpty, "English words on the screen: \(english)\n\(screen.joined(separator: "\n"))")
        shell.type("use none"); shell.press("Enter")
        try shell.quitWithCtrlD()
    }

    @Test func theFilterFindsEnglishAndLeavesCodesAlone() {
        #expect(Self.englishWords(in: "RO-20261125-0001 粤B27DP2 MNT-5K VIN LXHBX3K24TG218960 ¥296.06 `ro why-not RO-1 sign`") == [])
        #expect(Self.englishWords(in: "状态 signed [reception → 委托书已签字]") == ["signed", "reception"])
    }
}
