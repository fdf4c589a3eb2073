import Foundation
import LaneCore
import LaneTesting
import Testing
@testable import LaneShell

/// Issue 16 in the shell itself: output fitted to a width, history files,
/// completion, help, `use`, `ro dispatch`, `today`, `exit`, the manual page.
@Suite struct FittedOutputTests {
    func renderer(_ width: Int?, expanded: ExpandedMode = .auto) -> Renderer {
        Renderer(format: .table, offset: .china, color: false, width: width, expanded: expanded)
    }

    @Test func wideTablesShrinkTheirTextColumnsAndNeverSplitANumber() {
        var t = Table(columns: [Column("plate", "plate"), Column("phone", "phone"), Column("reason", "reason"), Column("km", "km")])
        t.rows = [[.text("粤B12345"), .text("13800138000"), .text("首次保养 到期 the first free service is due within ten days"), .int(123456)],
                  [.text("粤BD92702"), .text("13912345678"), .text("常规保养"), .int(7)]]
        let text = renderer(40).renderTable(t)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 40, "\(line)") }
        #expect(text.contains("13800138000") && text.contains("123456") && text.contains("粤B12345"))
        // The same table without a width is one line per row, as before.
        #expect(renderer(nil).renderTable(t).split(separator: "\n").count == 4)
    }

    @Test func rowsThatCannotFitAreShownOneFieldPerLine() {
        var t = Table(columns: (1...8).map { Column("c\($0)", "column\($0)") })
        t.rows = [(1...8).map { .text("RO-2026112\($0)-0001") }]
        let auto = renderer(40).renderTable(t)
        #expect(auto.hasPrefix("-[ 1 ]"))
        #expect(auto.contains("column8  RO-20261128-0001"))
        #expect(renderer(40, expanded: .off).renderTable(t).hasPrefix("column1"))
        #expect(renderer(nil, expanded: .on).renderTable(t).hasPrefix("-[ 1 ]"))
    }

    @Test func helpWrapsAtWordsUnderItsDescriptions() {
        let text = "  --name NAME   The customer's name as the registration certificate writes it, in full"
        let wrapped = TextWrap.paragraphs(text, width: 50).split(separator: "\n").map(String.init)
        #expect(wrapped.count > 1)
        #expect(wrapped.allSatisfy { DisplayWidth.of($0) <= 50 })
        #expect(wrapped[1].hasPrefix(String(repeating: " ", count: 16)) && !wrapped[1].hasPrefix(String(repeating: " ", count: 17)))
        #expect(wrapped.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").contains("registration certificate"))
        #expect(TextWrap.lines("客户反映刹车异响需要检查", width: 10).allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test func aListWrittenWithoutSpacesBreaksAfterItsCommasAndNeverInANumber() {
        let list = #"["XH-15400-0001","XH-17220-0003","XH-12290-0002","XH-16010-0002","XH-94109-0014"]"#
        let lines = TextWrap.lines(list, width: 40)
        #expect(lines.count > 1 && lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
        #expect(lines.joined() == list)
        #expect(TextWrap.widestNumber(list) == DisplayWidth.of(#"["XH-15400-0001","#))
        // A number with thousands separators is one number.
        #expect(TextWrap.lines("¥1,280,000.50", width: 5) == ["¥1,280,000.50"])
        // In a record (the way `plugin info` shows a setting) the value wraps under itself.
        var record = Record()
        record.add("value", "value", .text(list))
        for line in renderer(50).render(.record(record)).split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 50, "\(line)")
        }
    }

    @Test func chinesePunctuationNeverStartsALine() {
        let text = "一张索赔单：维修、现象、诊断、规则的判定及其经过，以及厂家的答复。"
        for width in 6...20 {
            let lines = TextWrap.lines(text, width: width)
            #expect(lines.joined() == text)
            #expect(lines.dropFirst().allSatisfy { !TextWrap.closing.contains($0.first ?? " ") }, "at \(width): \(lines)")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "at \(width): \(lines)")
        }
    }

    @Test func aTablesFootnoteAndItsEmptyTextWrapToo() {
        var t = Table(columns: [Column("plate", "plate")])
        t.rows = [[.text("粤B12345")]]
        t.footnote = "5 to call; `appt confirm APPT day_before|hour_before` records each answer"
        let text = renderer(40).renderTable(t)
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 }, "\(text)")
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("records each answer"))
        var empty = Table(columns: [Column("plate", "plate")])
        empty.emptyText = "nothing waiting: no appointments, no orders and no calls due for you this morning"
        #expect(renderer(40).renderTable(empty).split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 })
    }

    @Test func aCutListSaysSoAndHowToSeeMore() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("customer list --limit 5")
        #expect(out.contains("rows 1 to 5 shown, more follow: --offset 5"))
        let all = try shell.expectOK("customer list --limit 1000")
        #expect(!all.contains("more follow"))
        shell.session.format = .json
        #expect(!(try shell.expectOK("vehicle list --limit 5")).contains("more follow"))
    }

    @Test func pagerAndExpandedAreSessionSettings() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("set pager off")
        #expect(shell.session.pagerOn == false)
        try shell.expectOK("set expanded on")
        #expect(shell.session.expanded == .on)
        #expect(try shell.expectOK("customer list --limit 1").hasPrefix("-[ 1 ]"))
        try shell.expectRefused("set expanded sideways", code: .usage)
        try shell.expectRefused("set pager maybe", code: .usage)
    }
}

@Suite struct HistoryFileTests {
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lane-history-\(UUID().uuidString)").path
    }

    @Test func twoWritersAppendAndBothAreKept() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = HistoryFile.forPerson("薛淑芬", in: folder), b = HistoryFile.forPerson("薛淑芬", in: folder)
        a.append("whoami")
        b.append("customer find 卢文博")
        a.append("customer add --name '王\n小明'")
        #expect(HistoryFile.forPerson("薛淑芬", in: folder).load() == ["whoami", "customer find 卢文博", "customer add --name '王\n小明'"])
        #expect(HistoryFile.forPerson("顾静", in: folder).load().isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: a.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aLongHistoryIsCompactedToItsSize() {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = HistoryFile(path: folder + "/h", size: 3)
        for i in 1...7 { file.append("line \(i)") }
        #expect(file.load() == ["line 5", "line 6", "line 7"])
    }

    @Test func linesThatLookLikeAPinAreRecognised() {
        #expect(HistoryFile.looksLikePin("2580"))
        #expect(HistoryFile.looksLikePin(" 12345678 "))
        #expect(!HistoryFile.looksLikePin("123"))
        #expect(!HistoryFile.looksLikePin("whoami"))
        #expect(!HistoryFile.looksLikePin("13800138000"))
    }
}

@Suite struct TerminalCompletionTests {
    func complete(_ shell: TestShell, _ line: String) -> [String] {
        Completer(session: shell.session).candidates(forLineBeforeCursor: line)
    }

    @Test func settingsTeamsTechniciansAndPartsByName() throws {
        let shell = try TestShell(seeded: true)
        #expect(complete(shell, "set format ") == ["csv", "json", "table"])
        #expect(complete(shell, "set expanded a") == ["auto"])
        #expect(complete(shell, "set user 顾").contains("顾静"))
        #expect(complete(shell, "ro dispatch RO-1 --team 机电") == ["机电一组", "机电二组"])
        let techs = complete(shell, "ro clock-on 1 --tech ")
        #expect(techs.contains("夏勇") && techs.contains("程国栋") && !techs.contains("薛淑芬") && !techs.contains("姚雪"))
        #expect(complete(shell, "ro part RO-1 放油螺栓") == ["XH-94109-0014"])
    }

    @Test func afterTheCurrentOrdersPartNothingMoreIsOffered() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("use RO-20261123-0001")
        #expect(complete(shell, "ro part XH-9410").contains("XH-94109-0014"))
        #expect(complete(shell, "ro part XH-94109-0014 ").isEmpty)
        // --signed-by offers the order's customer: 粤B27DP2 is 卢文博's.
        #expect(complete(shell, "ro sign --signed-by ") == ["卢文博"])
    }

    @Test func partsFoundByTheirNameAreListedWithIt() throws {
        let shell = try TestShell(seeded: true)
        let found = Completer(session: shell.session).completions(forLineBeforeCursor: "ro part RO-1 机油")
        #expect(Set(found.words) == ["XH-15400-0001", "XH-08232-0020", "XH-08232-0040"])
        #expect(found.notes["XH-15400-0001"] == "机油滤清器")
        let listing = EditLineReader.listing(found.words, more: false, notes: found.notes, columns: 30)
        #expect(listing.contains("XH-15400-0001  机油滤清器"), "\(listing)")
        #expect(listing.split(separator: "\n").count == 3)
        #expect(listing.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 30 }, "\(listing)")
        // By number, the list is the numbers alone.
        #expect(Completer(session: shell.session).completions(forLineBeforeCursor: "ro part RO-1 XH-0823").notes.isEmpty)
    }

    @Test func listsAreCutAtFortyAndSaySo() throws {
        let shell = try TestShell(seeded: true)
        let found = Completer(session: shell.session).completions(forLineBeforeCursor: "vehicle show 粤")
        #expect(found.words.count == Completer.limit && found.more)
        let listing = EditLineReader.listing(found.words, more: true, columns: 80)
        #expect(listing.contains("only the first 40 are listed"))
        #expect(listing.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(EditLineReader.listing(found.words, more: true, columns: 80, catalog: .chinese).contains("只列出前 40 个"))
    }

    @Test func theCurrentCustomersCarsComeFirstForRoOpen() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("use 卢文博")
        let plates = complete(shell, "ro open ")
        let code = shell.session.current?.reference(for: .customer) ?? ""
        let theirs = try shell.expectOK("vehicle list --owner \(code)")
        let first = try #require(plates.first)
        #expect(theirs.contains(first), "\(first) is not 卢文博's")
    }
}

@Suite struct TerminalCommandTests {
    @Test func exitAndQuitLeave() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("exit")
        #expect(shell.session.quitRequested)
    }

    @Test func helpListsRepairOrderVerbsInTheOrderOfAVisit() throws {
        let shell = try TestShell(seeded: true)
        let text = try shell.expectOK("help ro")
        let open = try #require(text.range(of: "  ro open "))
        let sign = try #require(text.range(of: "  ro sign "))
        let dispatch = try #require(text.range(of: "  ro dispatch "))
        let pay = try #require(text.range(of: "  ro pay "))
        #expect(open.lowerBound < sign.lowerBound && sign.lowerBound < dispatch.lowerBound && dispatch.lowerBound < pay.lowerBound)
    }

    @Test func helpWalksAVisitAndSearches() throws {
        let shell = try TestShell(seeded: true)
        let workflow = try shell.expectOK("help workflow")
        #expect(workflow.contains("ro open") && workflow.contains("ro dispatch") && workflow.contains("ro pay"))
        // Every command the walk names exists.
        for line in workflow.split(separator: "\n") {
            let words = line.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            if words.count >= 2, words[0] == "ro", shell.session.registry.command(noun: "ro", verb: String(words[1])) == nil {
                Issue.record("the walk names `ro \(words[1])`, which is no command")
            }
        }
        let brakes = try shell.expectOK("help 刹车")
        #expect(brakes.contains("ro labor") && brakes.contains("ro part"))
        #expect(try shell.expectOK("apropos delivery").contains("ro deliver"))
        try shell.expectRefused("apropos 潜水艇")
    }

    @Test func usePlateMakesItsOpenOrderCurrent() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("use none")
        #expect(try shell.expectOK("use 粤B27DP2").contains("RO-20261123-0001"))
        #expect(shell.session.current?.reference(for: .repairOrder) == "RO-20261123-0001")
        // A car without an open order is the car.
        #expect(try shell.expectOK("use 粤BD92702").contains("粤BD92702"))
        #expect(shell.session.current?.reference(for: .repairOrder) == nil)
    }

    @Test func todaySuggestsOnlyStepsThatCanBeDoneAndCustomerServiceSeesWhoToCall() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        let advisor = try shell.expectOK("today")
        #expect(advisor.contains("ro why-not RO-20261123-0001 sign"))
        try shell.expectOK("set user 蒋芳")
        let service = try shell.expectOK("today")
        #expect(service.contains("customer") && service.contains("phone"))
    }

    @Test func watchIsForTheTerminal() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectRefused("appt board --watch 2", code: .usage)
        let watch = try #require(Watch.request("appt board --on 2026-11-23 --watch 3", shell.session))
        #expect(watch.seconds == 3 && watch.line == "'appt' 'board' '--on' '2026-11-23'")
        #expect(Watch.request("today --watch", shell.session)?.seconds == Watch.defaultSeconds)
        #expect(Watch.request("customer list --watch 3", shell.session) == nil)
    }

    @Test func theManualPageNamesEveryCommand() throws {
        let registry = try Launcher.builtinRegistry()
        let page = ManPage.roff(registry, processHelp: "OPTIONS:\n  --db <path>", version: "0.1.0")
        #expect(page.hasPrefix(".TH LANE 1"))
        for spec in registry.allSpecs { #expect(page.contains(ManPage.escape(spec.usage)), "\(spec.name) is missing") }
    }
}

/// seeds/monday.lane: the demo's Monday is live for the advisor and for customer service.
@Suite struct LiveMondayTests {
    @Test func theDemoAdvisorsMondayHasRealItems() throws {
        let shell = try TestShell(seeded: true)
        shell.session.user = "admin"
        try shell.expectOK("source \(TestShell.seedsPath)/monday.lane")
        try shell.expectOK("clock set 2026-11-23T09:00")
        try shell.expectOK("set user 薛淑芬")
        let today = try shell.expectOK("today")
        // Appointments arriving this morning, calls to make, an order waiting for her.
        #expect(today.contains("AP-20261123-001") && today.contains("AP-20261123-003"))
        #expect(today.contains("confirmation calls due") && today.contains("AP-20261124-001"))
        #expect(today.contains("to call; `appt confirm APPT"))
        #expect(today.contains("RO-20261123-0002"))
        // Never a step that cannot be done now: the order at reception is not ready to sign.
        #expect(!today.contains(" ro sign "), "\(today)")
        #expect(today.contains("ro why-not RO-20261123-0002 sign"))
        // The workshop has a car in it.
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectOK("today").contains("RO-20261123-0001"))
        // Customer service: Friday's delivery to call, with the name and the number.
        try shell.expectOK("set user 蒋芳")
        let service = try shell.expectOK("today")
        #expect(service.contains("RO-20261120-0001") && service.contains("邹家豪") && service.contains("19105176320"))
        #expect(service.contains("`followup record RO"))
    }
}
