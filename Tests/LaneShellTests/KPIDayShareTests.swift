import LaneCore
@testable import LaneStore
import LaneTesting
import Testing
@testable import LaneShell
@testable import ServiceDepartment

/// The service manager's month so far is added up from day shares the store keeps (`KPIDayShares`). After
/// every kind of change the figures read that way must be exactly those worked out from the month's rows.
@Suite struct KPIDayShareTests {
    /// Every figure misses its target, so `today` shows every figure counted: floors out of reach, ceilings below 0.
    func missEveryTarget(_ shell: TestShell) throws {
        try shell.store.write { (tx: any StoreWriting) throws in
            for id in KPIID.allCases { try tx.saveSettingValue(key: id.settingKey, value: id.higherIsBetter ? "1000000000" : "-1") }
        }
    }

    func manager(_ shell: TestShell) throws -> Caller {
        Caller(user: "姚雪", role: .serviceManager, now: shell.session.clock.now(), settings: try shell.store.read { try $0.settings() },
               request: "today")
    }

    /// The month so far from the kept shares (and keeping the new ones), and from the month's rows at once.
    func compare(_ shell: TestShell, after line: String) throws {
        let caller = try manager(shell)
        let kept = try ReportDesk(shell.session.department).offTarget(by: caller)
        let month = KPIPeriod(from: CalendarDate(year: caller.today.year, month: caller.today.month, day: 1)!, to: caller.today)
        let fresh = KPIReport.offTarget(try shell.store.read { try ReportDesk.facts(month, caller.settings, $0) })
        #expect(kept == fresh, "after \(line)")
    }

    static let lines = [
        "ro open 粤B27DP2", "ro complaint --text 保养", "ro check-in --mileage 19100 --fuel 4 --covers --waits", "ro warranty not_covered",
        "ro documents", "ro labor MNT-5K", "ro part XH-15400-0001", "ro promise",
        "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博", "ro handover",
        // The next day the oil filter is on back-order: Monday's order, still open, is held up by it.
        "clock set 2026-11-24T09:00", "set user 蒋芳", "remind delay 粤B27DP2 --part XH-15400-0001 --expected 2026-11-30",
        "set user 何子涵", "ro dispatch RO-20261123-0001 --team 机电一组", "set user 夏勇", "ro clock-on RO-20261123-0001 1 --tech 夏勇", "ro issue RO-20261123-0001 2 --to 夏勇",
        "ro clock-off RO-20261123-0001 1 --finished",
        "ro check RO-20261123-0001 self --pass", "set user 程国栋", "ro check RO-20261123-0001 leader --pass --note 正常", "set user 赵子涵",
        "ro check RO-20261123-0001 final --pass",
        "set user 薛淑芬", "ro delivery-check RO-20261123-0001", "ro notify RO-20261123-0001 --at 12:00",
        "ro deliver RO-20261123-0001 --next-date 2027-05-23 --next-km 24100 --call-time 工作日上午",
        "set user 蒋芳", "clock set 2026-11-25T10:00", "appt book 粤BD92702 --at 2026-11-26T14:00 --job 保养",
        "remind log 粤A8LP59 lost_customer --outcome declined --reason 搬到外地", "complaint open C0002 --text 异响没修好",
        "followup record RO-20261123-0001 quality --outcome unreachable",
    ]

    @Test func theKeptSharesAddUpToTheMonthAfterEveryKindOfChange() throws {
        let shell = try TestShell(seeded: true)
        try missEveryTarget(shell)
        try compare(shell, after: "nothing")
        for line in Self.lines {
            let out = shell.run(line)
            #expect(out.code == .ok, "\(line): \(out.err)")
            try compare(shell, after: line)
        }
        // Every day of the month so far has a share, and the figures counted something.
        let caller = try manager(shell)
        #expect(try shell.store.read { try $0.keptKPIDays(from: CalendarDate(year: 2026, month: 11, day: 1)!, through: caller.today) }.count == 25)
        #expect(try ReportDesk(shell.session.department).offTarget(by: caller).count > 5)
    }

    /// A share kept stands while nothing moved its days, and only then: a change to another day leaves it.
    @Test func aShareIsWorkedOutAgainOnlyForTheDaysAChangeTouched() throws {
        let shell = try TestShell(seeded: true)
        try missEveryTarget(shell)
        try compare(shell, after: "nothing")
        let first = CalendarDate(year: 2026, month: 11, day: 1)!, today = try manager(shell).today
        let before = try shell.store.read { try $0.keptKPIDays(from: first, through: today) }
        try shell.expectOK("ro open 粤B27DP2")
        let marks = try shell.store.read { tx in
            try tx.kpiDayMarks(utcDays: KPIDayShares.utcDays(of: first, offset: .china).lowerBound ... KPIDayShares.utcDays(of: today, offset: .china).upperBound)
        }
        let moved = try shell.store.read { try $0.keptKPIDays(from: first, through: today) }
            .filter { $0.marks != KPIDayShares.marks(of: $0.day, offset: .china, in: marks) }.map(\.day)
        #expect(moved == [today])
        try compare(shell, after: "ro open")
        let after = try shell.store.read { try $0.keptKPIDays(from: first, through: today) }
        #expect(after.filter { $0.day != today } == before.filter { $0.day != today })
        #expect(after.first { $0.day == today } != before.first { $0.day == today })
    }

    /// Two days apart changed (an order opened early in the month and paid today, say): each is read by itself,
    /// not every day from the first to the last again.
    @Test func theDaysBetweenTwoChangedDaysAreNotReadAgain() throws {
        let shell = try TestShell(seeded: true, recordingStatements: true)
        try missEveryTarget(shell)
        for line in ["clock set 2026-11-18T09:00", "ro open 粤B27DP2", "clock set 2026-11-23T09:00", "ro open 粤BD92702"] {
            try shell.expectOK(line)
        }
        try compare(shell, after: "two orders opened")
        func reads() -> Int { shell.store.statementExecutions()[SQLiteTransaction.periodKPIOrders] ?? 0 }
        for day in ["2026-11-18", "2026-11-23"] {
            try shell.store.unsafeExecute("UPDATE repair_order SET promised_at = coalesce(promised_at, 0) + 60 "
                                          + "WHERE id = (SELECT id FROM repair_order WHERE opened_on = '\(day)' LIMIT 1)")
        }
        let before = reads()
        try compare(shell, after: "two days changed")
        // Two runs of one day each (the comparison's own read of the month is one more).
        #expect(reads() - before == 3)
    }

    @Test func missingDaysGoInRunsOfConsecutiveDays() {
        let d = { CalendarDate(year: 2026, month: 11, day: $0)! }
        #expect(ReportDesk.runs(of: []) == [])
        #expect(ReportDesk.runs(of: [d(2), d(3), d(4), d(9), d(11), d(12)])
                == [KPIPeriod(from: d(2), to: d(4)), KPIPeriod.day(d(9)), KPIPeriod(from: d(11), to: d(12))])
    }

    /// A share changed with sqlite3 would show the manager figures no record supports: `store check` works each
    /// share that would be used out again from its day's rows and names the day that differs.
    @Test func aShareChangedOutsideLaneIsFoundByTheStoreCheck() throws {
        let shell = try TestShell(seeded: true)
        try missEveryTarget(shell)
        for line in Self.lines.prefix(10) { try shell.expectOK(line) }
        try compare(shell, after: "the reception")
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        let day = try #require(try shell.store.read { try $0.keptKPIDays(from: CalendarDate(year: 2026, month: 11, day: 23)!,
                                                                           through: CalendarDate(year: 2026, month: 11, day: 23)!) }.first)
        #expect(day.share.contains(",orders_opened=1/1,") || day.share.contains("|orders_opened=1/1,"))
        try shell.store.unsafeExecute("UPDATE kpi_day SET share = replace(share, 'orders_opened=1/1', 'orders_opened=9/1') WHERE day = '2026-11-23'")
        #expect(try shell.expectRefusalCodes("store check") == ["store.kpi_shares_changed", "store.kpi_share_changed"])
        #expect(try shell.expectRefused("store check").contains("the share kept for 2026-11-23 is not what that day's records give"))
        // A share that would not be used (its day's marks moved since) is left: `today` works that day out again.
        try shell.expectOK("set user 蒋芳")
        try shell.expectOK("appt book 粤BD92702 --at 15:00 --job 保养")
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
    }
}
