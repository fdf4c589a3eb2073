import Foundation
import LaneShell
import LaneTesting
import NotesPlugin
import Testing

/// The two examples of docs/plugins.md, run exactly as the guide shows them.
@Suite struct ExamplePluginTests {
    static let examples = TestShell.repositoryRoot.appendingPathComponent("Plugins/Examples")

    /// A plugin folder holding only the shipped lane-tyres.
    static func tyresFolder() throws -> String {
        // A scratch folder, removed when the tests end (they were left in /tmp, four a run).
        let dir = try ScratchFolders.make("lane-plugins")
        try FileManager.default.copyItem(at: examples.appendingPathComponent("lane-tyres"), to: dir.appendingPathComponent("lane-tyres"))
        return dir.path
    }

    // MARK: The compiled example: notes

    @Test func noteIsKeptAndShownWhenTheNextRepairOrderOpens() throws {
        let shell = try TestShell(seeded: true, plugins: [NotesPlugin()])
        #expect(shell.pluginMessages.isEmpty)
        #expect(try shell.expectOK("note add 粤B27DP2 客户要求保留旧件") == "noted on 粤B27DP2\n")
        let opened = try shell.expectOK("ro open 粤B27DP2")
        #expect(opened.contains("note: notes: note from 薛淑芬: 客户要求保留旧件"))
        // Another vehicle's order hears nothing.
        #expect(!(try shell.expectOK("ro open 粤B82396")).contains("note:"))
    }

    /// The guide's "Try it" for notes, taken from docs/plugins.md byte for byte, ends as the guide says.
    @Test func theGuidesNotesSessionRunsAsShown() throws {
        let guide = try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        let session = try #require(Self.codeBlocks(guide).first { $0.hasPrefix("note add 粤B27DP2 ") })
        let lines = session.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let shell = try TestShell(seeded: true, plugins: [NotesPlugin()])
        #expect(try shell.expectOK(lines[0]) == "noted on 粤B27DP2\n")
        #expect(try shell.expectOK(lines[1]).contains("note: notes: note from 薛淑芬: 客户要求保留旧件"))
        #expect(guide.contains("`noted on 粤B27DP2`") && guide.contains("`note: notes: note from 薛淑芬: 客户要求保留旧件`"))
    }

    /// The guide's "Try it" for tyres, byte for byte, in a shell with the plugin folder.
    @Test func theGuidesTyresSessionRunsAsShown() throws {
        let guide = try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        let session = try #require(Self.codeBlocks(guide).first { $0.hasPrefix("ro open 粤B27DP2\nro complaint --text 轮胎磨损") })
        let lines = session.split(separator: "\n").map(String.init)
        let shell = try TestShell(seeded: true, runtimeDirectory: try Self.tyresFolder())
        var outputs: [String] = []
        for line in lines { outputs.append(try shell.expectOK(line)) }
        #expect(outputs[3].contains("replace now (below the legal 1.6 mm)") && outputs[3].contains("replace soon"))
        #expect(outputs[4].contains("轮胎 225/55R17"))
    }

    @Test func noteRefusalsLeaveNothingBehind() throws {
        let shell = try TestShell(seeded: true, plugins: [NotesPlugin()])
        #expect(try shell.expectRefused("note add 粤B00000 随便").contains("there is no vehicle 粤B00000"))
        #expect(try shell.expectRefused("note add", code: .usage).contains("VEHICLE is missing"))
        shell.session.user = "夏勇"
        #expect(try shell.expectRefused("note add 粤B27DP2 随便").contains("may not run note add"))
    }

    @Test func notesSpeakBothLanguages() throws {
        let faults = try PluginWords.faults(of: NotesPlugin(), sources: Self.examples.appendingPathComponent("Notes"))
        #expect(faults.isEmpty, "\(faults.joined(separator: "\n"))")
        let shell = try TestShell(seeded: true, plugins: [NotesPlugin()])
        shell.session.languageChoice = .chinese
        let err = try shell.expectRefused("note add 粤B00000 随便")
        #expect(err.contains("无法记录备注") && err.contains("没有车辆 粤B00000"), "\(err)")
        #expect(try shell.expectOK("note add 粤B27DP2 客户要求保留旧件") == "已记在 粤B27DP2 名下\n")
    }

    /// A plugin may bring words only for its own codes: never the shell's, nor another plugin's.
    @Test func aPluginWithWordsOutsideItsPrefixIsNotLoaded() throws {
        struct Borrower: LanePlugin {
            var name: String
            var words: [MessageCode: String]
            var manifest: PluginManifest { PluginManifest(name: name, version: "1", summary: "") }
            var messages: [InterfaceLanguage: [MessageCode: String]] { [.english: words, .chinese: words] }
        }
        let fair: MessageCode = "fair.ok"
        let shell = try TestShell(seeded: true, plugins: [
            Borrower(name: "borrower", words: ["borrower.ok": "fine", "notes.noted": "stolen"]),
            Borrower(name: "stock", words: ["stock.below_zero": "stock may go below zero"]),
            Borrower(name: "fair", words: [fair: "fine"]),
        ])
        #expect(shell.pluginMessages.count == 2, "\(shell.pluginMessages)")
        #expect(shell.pluginMessages.contains { $0.hasPrefix("plugin borrower:") && $0.contains("notes.noted") })
        #expect(shell.pluginMessages.contains { $0.hasPrefix("plugin stock:") && $0.contains("stock.below_zero") })
        #expect(Message("stock.below_zero").description == "stock cannot go below zero")
        #expect(MessageCatalog.chinese.render(Message(fair)) == "fine")
    }

    @Test func notesAreInHelpAndPluginInfo() throws {
        let shell = try TestShell(seeded: true, plugins: [NotesPlugin()])
        #expect(try shell.expectOK("help note").contains("note add"))
        let help = try shell.expectOK("note add --help")
        #expect(help.contains("note add [VEHICLE] TEXT") && help.contains("From the plugin notes"))
        let info = try shell.expectOK("plugin info notes")
        #expect(info.contains("v1 notes"))
        #expect(info.contains("customer_service, service_advisor") || info.contains("service_advisor, customer_service"))
    }

    // MARK: The run-time example: lane-tyres

    /// An order at reception with its walk-around check done.
    func orderAtReception(_ shell: TestShell) throws {
        for line in ["ro open 粤B27DP2", "ro complaint --text 轮胎磨损", "ro check-in --mileage 19100 --fuel 4 --covers"] { try shell.expectOK(line) }
    }

    @Test func tyresJudgesDepthsAndAddsTheRecommendedTyres() throws {
        let shell = try TestShell(seeded: true, runtimeDirectory: try Self.tyresFolder())
        #expect(shell.pluginMessages.isEmpty)
        try orderAtReception(shell)
        let lookup = try shell.expectOK("tyres check RO-20261123-0001 --depths 4.1,3.9,4.0,3.5")
        #expect(lookup.contains("左前") && lookup.contains("ok"))
        #expect(!(try shell.expectOK("ro show RO-20261123-0001")).contains("XH-42751-2255"))
        let worn = try shell.expectOK("tyres check RO-20261123-0001 --depths 4.1,3.9,2.2,1.4 --part XH-42751-2255")
        #expect(worn.contains("replace now (below the legal 1.6 mm)"))
        #expect(worn.contains("XH-42751-2255"))
        let order = try shell.expectOK("ro show RO-20261123-0001")
        #expect(order.contains("轮胎 225/55R17"))
        // The line came through `ro part`, under the advisor's name, and is audited as such.
        shell.session.user = "姚雪"
        #expect(try shell.expectOK("audit show --entity RO-20261123-0001").contains("ro part RO-20261123-0001 XH-42751-2255 --qty 2 --recommended --safety"))
    }

    @Test func tyresRefusalsLeaveNothingBehind() throws {
        let shell = try TestShell(seeded: true, runtimeDirectory: try Self.tyresFolder())
        try orderAtReception(shell)
        #expect(try shell.expectRefused("tyres check RO-20261123-0001 --depths 4.1,3.9").contains("give four depths"))
        #expect(try shell.expectRefused("tyres check RO-20261123-0001 --depths 4.1,x,2,3").contains("'x' is not a depth"))
        // The command it returns is the shell's: an unknown part refuses the whole check.
        #expect(try shell.expectRefused("tyres check RO-20261123-0001 --depths 1,1,1,1 --part XH-NOPE").contains("there is no part XH-NOPE"))
        // The caller's role is checked for the plugin's command and for what it runs.
        shell.session.user = "莫霞"
        #expect(try shell.expectRefused("tyres check RO-20261123-0001 --depths 1,1,1,1").contains("may not run tyres check"))
    }

    // MARK: The guide shows these files exactly

    @Test func theGuideShowsTheExamplesExactly() throws {
        let guide = try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        let blocks = Self.codeBlocks(guide)
        let notes = try String(contentsOf: Self.examples.appendingPathComponent("Notes/NotesPlugin.swift"), encoding: .utf8)
        let tyres = try String(contentsOf: Self.examples.appendingPathComponent("lane-tyres"), encoding: .utf8)
        #expect(blocks.contains(notes), "docs/plugins.md must show Plugins/Examples/Notes/NotesPlugin.swift as it is")
        #expect(blocks.contains(tyres), "docs/plugins.md must show Plugins/Examples/lane-tyres as it is")
        // The compiled one also carries its words in English and Chinese.
        #expect(notes.split(separator: "\n").count < 50 && tyres.split(separator: "\n").count < 40)
    }

    /// The fenced code blocks of a Markdown text, each with its final newline.
    static func codeBlocks(_ text: String) -> [String] {
        var blocks: [String] = [], current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let c = current { blocks.append(c.joined(separator: "\n") + "\n"); current = nil } else { current = [] }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }
}

/// The third example of docs/plugins.md: courtesy cars, a run-time plugin with state.
@Suite struct LoanerExampleTests {
    static let guide = TestShell.repositoryRoot.appendingPathComponent("docs/plugins.md")
    static let file = ExamplePluginTests.examples.appendingPathComponent("lane-loaner")

    static func folder() throws -> String {
        let dir = try ScratchFolders.make("lane-loaner")
        try FileManager.default.copyItem(at: file, to: dir.appendingPathComponent("lane-loaner"))
        return dir.path
    }

    @Test func theGuideShowsItExactly() throws {
        let blocks = ExamplePluginTests.codeBlocks(try String(contentsOf: Self.guide, encoding: .utf8))
        #expect(blocks.contains(try String(contentsOf: Self.file, encoding: .utf8)), "docs/plugins.md must show Plugins/Examples/lane-loaner as it is")
    }

    /// The guide's session, line by line, as the guide says each ends.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "the example is written in Python"))
    func theGuidesSessionRunsAsShown() throws {
        let blocks = ExamplePluginTests.codeBlocks(try String(contentsOf: Self.guide, encoding: .utf8))
        let session = try #require(blocks.first { $0.hasPrefix("plugin config loaner cars") })
        let lines = session.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let shell = try TestShell(user: "姚雪", seeded: true, runtimeDirectory: try Self.folder())
        #expect(shell.pluginMessages.isEmpty)
        try shell.expectOK(lines[0])
        try shell.expectOK(lines[1])
        #expect(try shell.expectOK(lines[2]).contains("粤B0L001 lent for RO-20261123-0001"))
        let list = try shell.expectOK(lines[3])
        #expect(list.contains("RO-20261123-0001") && list.contains("available"))
        // No such order: `ro show` is refused, and the state change with it.
        let before = try shell.storedRows()["plugin_state"]
        try shell.expectRefused(lines[4])
        #expect(try shell.storedRows()["plugin_state"] == before)
        #expect(try shell.expectOK(lines[5]).contains("粤B0L001 is back"))
        #expect(!(try shell.expectOK("loaner list")).contains("RO-20261123-0001"))
        // A car already out cannot be lent twice.
        try shell.expectOK(lines[2])
        #expect(try shell.expectRefused(lines[2]).contains("it is out with RO-20261123-0001"))
    }
}
