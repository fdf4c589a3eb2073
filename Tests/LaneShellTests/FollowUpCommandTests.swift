import LaneTesting
import Testing
@testable import LaneShell

/// `followup …` and `complaint …` after a delivery on Monday 2026-11-23.
@Suite struct FollowUpCommandTests {
    /// 粤B27DP2's 5000 km service, delivered and paid on 2026-11-23.
    static let serviceDay = [
        "ro open 粤B27DP2", "ro complaint --text 保养", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty not_covered",
        "ro documents", "ro labor MNT-5K", "ro promise", "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博",
        "ro handover", "set user 何子涵", "ro dispatch --team 机电一组", "set user 夏勇", "ro clock-on 1 --tech 夏勇", "ro clock-off 1 --finished",
        "ro check self --pass", "set user 程国栋", "ro check leader --pass --note 正常", "set user 赵子涵", "ro check final --pass",
        "set user 薛淑芬", "ro delivery-check", "ro notify --at 12:00", "ro deliver --next-date 2027-05-23 --next-km 24100 --call-time 工作日上午",
        "ro settle --signed-by 卢文博", "set user 莫霞", "ro pay --method cash --amount 253.12 --invoice 1", "set user 蒋芳",
    ]

    /// The service day's lines before the first one starting with `marker`.
    static func serviceDay(upTo marker: String) -> ArraySlice<String> {
        serviceDay.prefix { !$0.hasPrefix(marker) }
    }

    func delivered() throws -> TestShell {
        let shell = try TestShell(seeded: true)
        for line in Self.serviceDay { try shell.expectOK(line) }
        return shell
    }

    @Test func R6_1_qualityCallDueInTheThreeDaysAfterDelivery() throws {
        let shell = try delivered()
        #expect(try shell.expectOK("followup due").contains("no follow-up calls due"))
        try shell.expectOK("clock set 2026-11-24T10:00")
        let due = try shell.expectOK("followup due")
        #expect(due.contains("quality"))
        #expect(due.contains("工作日上午"))
        #expect(!due.contains("tracking"))
        #expect(!due.contains("R6.1")) // the rule is for scripts (JSON, CSV), not the table
        try shell.expectOK("clock set 2026-11-27T10:00")
        let later = try shell.expectOK("followup due")
        #expect(later.contains("overdue"))
        #expect(later.contains("tracking"))
    }

    @Test func R6_1_reachedCallNeedsAScoreAndLeavesTheList() throws {
        let shell = try delivered()
        try shell.expectOK("clock set 2026-11-24T10:00")
        #expect(try shell.expectRefused("followup record RO-20261123-0001 quality").contains("satisfaction, 1 to 5"))
        #expect(try shell.expectRefused("followup record RO-20261123-0001 quality --score 9").contains("'9' is not a satisfaction score"))
        try shell.expectOK("followup record RO-20261123-0001 quality --outcome unreachable")
        #expect(try shell.expectOK("followup due").contains("      1  due"))
        try shell.expectOK("followup record RO-20261123-0001 quality --score 5 --comment 很满意")
        #expect(try shell.expectOK("followup due").contains("no follow-up calls due"))
        #expect(try shell.expectRefused("followup record RO-20261123-0001 quality --score 4").contains("already recorded"))
        #expect(try shell.expectOK("followup list").contains("很满意"))
    }

    /// `followup list` names each call's order from one read of the numbers, not by reading each order whole.
    @Test func theCallsListNamesTheirOrdersWithoutReadingEachOrder() throws {
        let shell = try TestShell(seeded: true, recordingStatements: true)
        for line in Self.serviceDay { try shell.expectOK(line) }
        try shell.expectOK("clock set 2026-11-24T10:00")
        try shell.expectOK("followup record RO-20261123-0001 quality --outcome unreachable")
        try shell.expectOK("followup record RO-20261123-0001 quality --score 5 --comment 很满意")
        func ordersReadWhole() -> Int {
            shell.store.statementExecutions().filter { $0.key.contains("FROM repair_order WHERE id = ?") }.values.reduce(0, +)
        }
        let before = ordersReadWhole()
        let list = try shell.expectOK("followup list")
        #expect(list.components(separatedBy: "RO-20261123-0001").count == 3, "both calls name their order:\n\(list)")
        #expect(ordersReadWhole() == before)
    }

    /// `followup list` shows a page of the period's calls, oldest first, says when more follow, and sums up the
    /// scores of the whole period, not of the page.
    @Test func theCallsListIsPagedAndItsSummaryIsThePeriods() throws {
        let shell = try delivered()
        try shell.expectOK("clock set 2026-11-24T10:00")
        try shell.expectOK("followup record RO-20261123-0001 quality --outcome unreachable --comment 无人接听")
        try shell.expectOK("followup record RO-20261123-0001 quality --score 5 --comment 很满意")
        let first = try shell.expectOK("followup list --limit 1")
        #expect(first.contains("无人接听") && !first.contains("很满意"))
        // The page holds the unreachable call only; the summary counts the whole period's scored call.
        #expect(first.contains("scored calls   1") && first.contains("average score  5.00 of 5"), "\(first)")
        #expect(first.contains("--offset 1"), "the page says how to read on:\n\(first)")
        let second = try shell.expectOK("followup list --limit 1 --offset 1")
        #expect(second.contains("很满意") && !second.contains("无人接听") && !second.contains("--offset 2"))
        #expect(try shell.expectOK("followup list").contains("很满意"))
        #expect(try shell.expectRefused("followup list --limit 0").contains("1"))
    }

    @Test func R6_4_trackingCallDaysThreeToSeven() throws {
        let shell = try delivered()
        try shell.expectOK("clock set 2026-11-26T10:00")
        #expect(try shell.expectOK("followup due").contains("2026-11-26…2026-11-30"))
        try shell.expectOK("followup record RO-20261123-0001 tracking --comment 车况良好")
        #expect(!(try shell.expectOK("followup due")).contains("tracking"))
    }

    @Test func R6_2_lowScoreOpensAComplaintThatIsInvestigatedAndResolved() throws {
        let shell = try delivered()
        try shell.expectOK("clock set 2026-11-24T10:00")
        #expect(try shell.expectOK("followup record RO-20261123-0001 quality --score 2 --comment 等待时间太长").contains("complaint 1 opened"))
        #expect(try shell.expectOK("complaint list").contains("等待时间太长"))
        #expect(try shell.expectRefused("complaint resolve 1 --action 道歉").contains("has not been investigated yet"))
        try shell.expectOK("complaint investigate 1 --finding 当天工位排满，未按承诺时间交车")
        try shell.expectOK("complaint resolve 1 --action 调整预约排班，赠送保养券")
        #expect(try shell.expectOK("complaint list").contains("no open complaints"))
        #expect(try shell.expectOK("complaint list --all").contains("resolved"))
        #expect(try shell.expectRefused("complaint investigate 9 --finding x").contains("there is no complaint 9"))
    }

    @Test func R6_2_oneUnhappyVisitIsOneComplaint() throws {
        let shell = try delivered()
        try shell.expectOK("complaint open C0002 --text 异响没修好 --ro RO-20261123-0001")
        try shell.expectOK("clock set 2026-11-24T10:00")
        #expect(try shell.expectOK("followup record RO-20261123-0001 quality --score 1").contains("complaint 1 is already open for RO-20261123-0001"))
        #expect(try shell.store.read { try $0.complaints(statuses: Complaint.Status.allCases) }.count == 1)
    }

    @Test func R6_2_complaintOpenedByHand() throws {
        let shell = try delivered()
        try shell.expectOK("complaint open C0002 --text 发票抬头错误 --ro RO-20261123-0001")
        #expect(try shell.expectRefused("complaint open C0099 --text x --ro RO-1").contains("C0099"))
    }

    @Test func R6_3_incompleteCustomerFilesTwoDaysAfterTheVisit() throws {
        let shell = try delivered()
        try shell.expectOK("customer edit C0002 --address ''")
        #expect(try shell.expectOK("followup files").contains("every customer file is complete"))
        try shell.expectOK("clock set 2026-11-25T10:00")
        let files = try shell.expectOK("followup files")
        #expect(files.contains("RO-20261123-0001"))
        #expect(files.contains("address"))
        // Visits before --since are left out; the list is read in the reader's language.
        #expect(try shell.expectOK("followup files --since 2026-11-24").contains("every customer file is complete"))
        #expect(try shell.expectRefusalCodes("followup files --limit 0") == ["input.cannot_list", "input.not_in_range"])
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("followup files")
        #expect(chinese.contains("地址") && !chinese.contains("address"), "\(chinese)")
    }

    @Test func followUpBeforeDeliveryIsRefused() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        #expect(try shell.expectRefused("followup record RO-20261123-0001 quality --score 5").contains("has not been delivered yet"))
    }
}
