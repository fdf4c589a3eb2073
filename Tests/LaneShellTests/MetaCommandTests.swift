import Foundation
import LaneTesting
import Testing
@testable import LaneShell

@Suite struct MetaCommandTests {
    @Test func helpListsEveryNounAndShellCommand() throws {
        let shell = try TestShell()
        let out = try shell.expectOK("help")
        for name in ["customer", "vehicle", "import", "seed", "staff", "catalog", "store",
                     "help", "history", "set", "source", "use", "whoami", "clock", "quit"] {
            #expect(out.contains("  \(name) "), "help lacks \(name)")
        }
    }

    @Test func helpForACommandComesFromItsSpec() throws {
        let shell = try TestShell()
        let viaHelp = try shell.expectOK("help vehicle add")
        let viaFlag = try shell.expectOK("vehicle add --help")
        #expect(viaHelp == viaFlag)
        let spec = try #require(shell.session.registry.command(noun: "vehicle", verb: "add"))
        for option in spec.options { #expect(viaHelp.contains("--\(option.name)"), "help lacks --\(option.name)") }
        #expect(viaHelp.contains(spec.usage))
        let noun = try shell.expectOK("help customer")
        for verb in ["add", "edit", "find", "list", "show"] { #expect(noun.contains(verb)) }
    }

    @Test func unknownCommandSuggestsTheClosestOne() throws {
        let shell = try TestShell()
        #expect(try shell.expectRefused("custmer list", code: .usage).contains("did you mean 'customer'?"))
        #expect(try shell.expectRefused("customer lsit", code: .usage).contains("did you mean 'customer list'?"))
    }

    @Test func aNounAloneShowsItsVerbs() throws {
        let shell = try TestShell()
        let out = try shell.expectOK("vehicle")
        #expect(out.contains("transfer"))
    }

    @Test func setChangesFormatAndRefusesUnknownValues() throws {
        let shell = try TestShell()
        try shell.expectOK("set format json")
        #expect(shell.session.format == .json)
        // In JSON the error is JSON too (docs/json.md).
        for (line, words) in [("set format xml", "table, json, csv"), ("set colour on", "unknown setting 'colour'"),
                              ("set on-error maybe", "stop or continue")] {
            let outcome = shell.run(line)
            #expect(outcome.code == .usage)
            #expect(outcome.err.hasPrefix("{\"error\": {\"kind\": \"usage\"") && outcome.err.contains(words))
        }
        try shell.expectOK("set on-error continue")
        #expect(shell.session.onError == .continue)
        let table = try shell.expectOK("set format table")
        #expect(table.contains("format = table"))
    }

    @Test func useMakesAVehicleCurrentAndNoneClearsIt() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectOK("use 粤B27DP2").contains("using 粤B27DP2"))
        #expect(shell.session.current == .vehicle(plate: "粤B27DP2", ownerCode: "C0002"))
        #expect(try shell.expectOK("use C0001").contains("贺倩"))
        try shell.expectOK("use none")
        #expect(shell.session.current == nil)
        #expect(try shell.expectRefused("use 粤A99999").contains("粤A99999"))
        #expect(shell.session.current == nil)
    }

    @Test func whoamiNamesTheUserTheirRoleAndTheStore() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("whoami")
        #expect(out.contains("薛淑芬"))
        #expect(out.contains("service_advisor 服务顾问"))
        #expect(out.contains("2026-11-23 09:00"))
    }

    @Test func clockCanBeFixedAndMovedOn() throws {
        let shell = try TestShell()
        let shown = try shell.expectOK("clock")
        #expect(shown.contains("2026-11-23 09:00"))
        #expect(shown.contains("Monday 星期一"))
        #expect(try shell.expectOK("clock advance 90m").contains("2026-11-23 10:30"))
        #expect(try shell.expectOK("clock set 2026-12-01T14:00").contains("Tuesday 星期二"))
        #expect(try shell.expectRefused("clock advance soon", code: .usage).contains("30m, 2h or 1d"))
        #expect(try shell.expectRefused("clock set tomorrow", code: .usage).contains("2026-11-23T09:00"))
    }

    @Test func recordedTimesComeFromTheSessionClock() throws {
        let shell = try TestShell()
        try shell.expectOK("clock set 2026-12-01T14:00")
        try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        #expect(try shell.expectOK("customer show C0001").contains("2026-12-01 14:00"))
    }

    @Test func historyListsTheScriptLines() throws {
        let shell = try TestShell()
        let code = shell.session.runScript(TextLineReader("whoami\nclock\nhistory\n").readLineFunction, name: nil)
        #expect(code == .ok)
        let out = try shell.expectOK("history")
        #expect(out.contains("whoami"))
        #expect(out.contains("clock"))
    }

    @Test func sourceRunsAFileAndNamesItsFailingLine() throws {
        let shell = try TestShell()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.lane")
        try "# two customers\ncustomer add --name 王小明 \\\n  --phone 13800138000\ncustomer add --name 李四 --phone 13800138001\n"
            .write(to: good, atomically: true, encoding: .utf8)
        try shell.expectOK("source \(good.path)")
        #expect(try shell.expectOK("customer list").contains("李四"))

        let bad = dir.appendingPathComponent("bad.lane")
        try "customer add --name 张三 --phone 13800138002\ncustomer add --name 赵六 --phone 12\ncustomer add --name 钱七 --phone 13800138003\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let outcome = shell.run("source \(bad.path)")
        #expect(outcome.code == .refused)
        #expect(outcome.err.contains("error: bad.lane:2: the customer cannot be saved"))
        let list = try shell.expectOK("customer list")
        #expect(list.contains("张三"))   // the line before the error ran, in its own transaction
        #expect(!list.contains("钱七"))  // stop at the first error
        #expect(try shell.expectRefused("source \(dir.path)/missing.lane").contains("missing.lane"))
    }

    @Test func quitStopsAScript() throws {
        let shell = try TestShell()
        let code = shell.session.runScript(TextLineReader("quit\ncustomer add --name 王小明 --phone 13800138000\n").readLineFunction, name: nil)
        #expect(code == .ok)
        #expect(try shell.store.tableCounts()["customer"] == 0)
    }

    @Test func scriptStopsAtTheFirstErrorUnlessToldToContinue() throws {
        let script = "customer add --name 王小明 --phone 13800138000\nbogus\ncustomer add --name 李四 --phone 13800138001\n"
        let stopping = try TestShell()
        #expect(stopping.session.runScript(TextLineReader(script).readLineFunction, name: nil) == .usage)
        #expect(try stopping.store.tableCounts()["customer"] == 1)
        let continuing = try TestShell()
        continuing.session.onError = .continue
        #expect(continuing.session.runScript(TextLineReader(script).readLineFunction, name: nil) == .usage)
        #expect(try continuing.store.tableCounts()["customer"] == 2)
    }
}

extension TextLineReader {
    var readLineFunction: () -> String? { { self.readLine(prompt: "") } }
}

/// Time in a live store is the real time; a training store's clock changes are audited.
@Suite struct StoreClockTests {
    @Test func aLiveStoreRefusesToSetItsClock() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        try shell.expectOK("store set store.mode live")
        let before = try shell.store.snapshot()
        for line in ["clock set 2020-01-01T03:00", "clock advance 2h", "clock system"] {
            #expect(try shell.expectRefusalCodes(line) == ["clock.cannot_set", "clock.live_store"])
        }
        #expect(try shell.store.snapshot() == before)
        #expect(shell.session.clock.now() == TestShell.demoNow)
    }

    @Test func aTrainingStoreAuditsEveryChangeOfItsClock() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("clock set 2026-11-24T10:00")
        try shell.expectOK("clock advance 90m")
        let trail = try shell.expectOK("audit show --user 姚雪")
        #expect(trail.contains("clock set: 2026-11-23 09:00 → 2026-11-24 10:00"))
        #expect(trail.contains("clock advance: 2026-11-24 10:00 → 2026-11-24 11:30"))
    }

    @Test func onlyTheAdminSwitchesLiveAndTraining() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        #expect(try shell.expectRefusalCodes("store set store.mode live").contains("settings.mode_is_the_admins"))
    }

    @Test func anAbsurdDurationIsRefusedNotACrash() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectRefused("clock advance 9223372036854775807h", code: .usage)
        try shell.expectRefused("clock advance 99999999d", code: .usage)
        #expect(ClockRule.seconds("90m") == 5400 && ClockRule.seconds("-1d") == -86_400)
    }
}

@Suite struct StoreCheckTests {
    @Test func aSoundStoreIsSaidToBeSoundWithWhatTheAuditProved() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        let out = try shell.expectOK("store check")
        #expect(out.contains("the database file is sound"))
        #expect(out.contains("the audit trail is intact"))
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("store check") == ["access.role_may_not", "access.needs_one_of"])
    }

    /// A row whose reference names a row that is not there (written with the foreign keys off, as only a
    /// change from outside lane can) is damage `store check` finds, in the reader's language.
    @Test func aBrokenReferenceIsFoundAndNamed() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.store.unsafeExecute("""
            PRAGMA foreign_keys = OFF;
            UPDATE vehicle SET owner_id = 424242 WHERE plate = '粤B27DP2';
            PRAGMA foreign_keys = ON;
            """)
        let before = try shell.store.snapshot()
        #expect(try shell.expectRefusalCodes("store check") == ["store.damaged", "store.broken_reference"])
        let english = try shell.expectRefused("store check")
        #expect(english.contains("vehicle row") && english.contains("refers to a customer row that is not there"), "\(english)")
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectRefused("store check")
        #expect(chinese.contains("vehicle 表第") && chinese.contains("引用的 customer 记录不存在"), "\(chinese)")
        #expect(try shell.store.snapshot() == before)
    }
}

extension StoreCheckTests {
    /// The counts the store keeps with triggers (customers and vehicles, declined calls by reason, scores per
    /// hour) are checked against the rows they count: one changed with sqlite3 is damage `store check` names.
    @Test func aKeptCountChangedOutsideLaneIsFound() throws {
        let shell = try TestShell(user: "薛淑芬", seeded: true)
        for line in FollowUpCommandTests.serviceDay { try shell.expectOK(line) }
        try shell.expectOK("clock set 2026-11-24T10:00")
        try shell.expectOK("followup record RO-20261123-0001 quality --score 4")
        try shell.expectOK("remind log 粤A8LP59 lost_customer --outcome declined --reason 搬到外地")
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        try shell.store.unsafeExecute("UPDATE row_count SET n = n + 1 WHERE name = 'customer'")
        try shell.store.unsafeExecute("UPDATE reminder_decline_count SET calls = calls + 1")
        try shell.store.unsafeExecute("UPDATE follow_up_score_hour SET total = total + 1")
        let before = try shell.store.snapshot()
        #expect(try shell.expectRefusalCodes("store check") == ["store.damaged", "store.kept_counts_differ", "store.kept_counts_differ",
                                                                 "store.kept_counts_differ"])
        let english = try shell.expectRefused("store check")
        for table in ["row_count", "reminder_decline_count", "follow_up_score_hour"] {
            #expect(english.contains("the counts kept in \(table) differ from the rows they count"), "\(english)")
        }
        #expect(try shell.store.snapshot() == before)
    }
}

@Suite struct RowSealTests {
    @Test func aPaymentOrARoleChangedOutsideLaneIsFound() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("set user 薛淑芬")
        for line in FollowUpCommandTests.serviceDay { try shell.expectOK(line) }
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        // Someone with sqlite3 lowers what was paid and promotes a technician.
        try shell.store.unsafeExecute("UPDATE repair_order SET paid_fen = 100 WHERE number = 'RO-20261123-0001'")
        try shell.store.unsafeExecute("UPDATE staff SET role = 'admin' WHERE name = '夏勇'")
        let codes = try shell.expectRefusalCodes("store check")
        #expect(codes == ["seal.changed_outside", "seal.order_changed", "seal.staff_changed"])
    }
}
