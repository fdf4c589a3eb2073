import Foundation
import LaneTesting
import Testing
@testable import LaneShell

/// Reception's sheet and terms (R3.4, R3.10), recommendations from the
/// history (R3.8), dispatch by skill (R4.2), one clock per technician
/// (R4.3), rework tied to lines (R4.6) and comebacks (返修), through the shell.
@Suite struct WorkshopCommandTests {
    let orders = RepairOrderCommandTests()

    func json(_ shell: TestShell, _ line: String) throws -> [String: Any] {
        shell.session.format = .json
        defer { shell.session.format = .table }
        let out = try shell.expectOK(line)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        return (object?["record"] as? [String: Any]) ?? object ?? [:]
    }

    /// RO-20261123-0001 of 粤B27DP2 taken the whole way to the gate pass, BRK-PAD-F declined.
    func closed() throws -> TestShell {
        let shell = try orders.checked()
        try shell.expectOK("ro wash")
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro delivery-check")
        try shell.expectOK("ro notify --at 17:00")
        try shell.expectOK("ro deliver --next-date 2027-05-23 --next-km 35000 --call-time 工作日晚上 --old-parts-shown")
        try shell.expectOK("ro settle --signed-by 卢文博 --declined-signed")
        try shell.expectOK("set user 莫霞")
        try shell.expectOK("ro pay --method wechat --amount 296.06 --invoice 04400123")
        try shell.expectOK("set user 薛淑芬")
        return shell
    }

    @Test func R3_4_R3_10_theCheckInSheetAndTheTermsAreShownAndOnTheTimeline() throws {
        let shell = try orders.signed()
        let shown = try shell.expectOK("ro show")
        for text in ["备胎 工具", "左后门划痕", "wechat", "take", "卢文博"] { #expect(shown.contains(text), "ro show lacks \(text)") }
        let record = try json(shell, "ro show")
        #expect(record["equipment"] as? String == "备胎 工具")
        #expect(record["damage"] as? String == "左后门划痕")
        #expect(record["covers_fitted"] as? Bool == true)
        #expect(record["fuel_eighths"] as? Int == 4)
        #expect(record["payment_method"] as? String == "wechat")
        #expect(record["old_parts"] as? String == "take")
        #expect(record["wash"] as? Bool == true)
        #expect(record["signed_by"] as? String == "卢文博")
        let timeline = try shell.expectOK("ro timeline")
        #expect(timeline.contains("equipment 备胎 工具") && timeline.contains("covers fitted"))
        #expect(timeline.contains("payment wechat, old parts take, free wash"))
    }

    @Test func R3_8_aSafetyItemDeclinedLastVisitIsRecommendedAgain() throws {
        let shell = try closed()
        try shell.expectOK("clock advance 60d")
        let opened = try shell.expectOK("ro open 粤B27DP2")
        #expect(opened.contains("BRK-PAD-F") && opened.contains("declined on RO-20261123-0001"))
        #expect(try shell.expectOK("ro estimate").contains("BRK-PAD-F 更换前刹车片: a safety item the customer declined on RO-20261123-0001"))
        try shell.expectOK("ro labor BRK-PAD-F --recommended --safety")
        #expect(!(try shell.expectOK("ro estimate")).contains("declined on RO-20261123-0001"))
    }

    func handedOver() throws -> TestShell {
        let shell = try orders.signed()
        try shell.expectOK("set user 何子涵")
        try shell.expectOK("ro handover")
        return shell
    }

    @Test func R4_2_maintenanceToTheBodyShopIsRefusedListingWhy() throws {
        let shell = try handedOver()
        #expect(try shell.expectRefusalCodes("ro dispatch --team 钣喷组") == ["repair_order.cannot.dispatch", "workshop.team_lacks_skill"])
        #expect(try shell.expectRefused("ro dispatch --team 钣喷组").contains("MNT-5K 5000公里常规保养 needs maintenance, which 钣喷组 does not have"))
        #expect(try shell.expectRefusalCodes("ro dispatch --team 钣喷组 --override-reason ' '")
            == ["repair_order.cannot.dispatch", "repair_order.override_reason_needed", "workshop.team_lacks_skill"])
        #expect(try shell.expectOK("ro dispatch --team 机电一组").contains("dispatched to 机电一组"))
    }

    @Test func R4_2_theForemansOverrideNeedsAReasonAndIsAudited() throws {
        let shell = try handedOver()
        let record = try json(shell, "ro dispatch --team 钣喷组 --override-reason '机电组满负荷'")
        #expect(record["override_by"] as? String == "何子涵")
        #expect(record["override_reason"] as? String == "机电组满负荷")
        #expect(try shell.expectOK("ro timeline").contains("dispatched to 钣喷组 without the skill for line 1: allowed by 何子涵: 机电组满负荷"))
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("audit show").contains("机电组满负荷"))
        try shell.expectOK("set user 何子涵")
        #expect(try shell.expectOK("ro dispatch --team 机电一组 --override-reason 多余").contains("no override was needed"))
    }

    @Test func R4_3_aTechnicianIsClockedOnOneLineAtATime() throws {
        let shell = try orders.inWorkshop() // 夏勇 clocked on line 1 of RO-20261123-0001
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro labor BRK-PAD-F")
        try shell.expectOK("ro approve 4")
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("ro clock-on 4 --tech 夏勇") == ["repair_order.cannot.clock-on", "workshop.technician_busy"])
        // Another car: the same technician, already clocked on, is refused there too.
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro open 粤B82396")
        try shell.expectOK("ro complaint --text 保养")
        try shell.expectOK("ro check-in --mileage 99000 --fuel 4 --covers")
        try shell.expectOK("ro warranty not-covered")
        try shell.expectOK("ro documents")
        try shell.expectOK("ro labor MNT-5K")
        try shell.expectOK("ro promise")
        try shell.expectOK("ro sign --payment cash --old-parts leave --wash no --signed-by 车主")
        try shell.expectOK("set user 何子涵")
        try shell.expectOK("ro handover")
        try shell.expectOK("ro dispatch --team 机电一组")
        let busy = try shell.expectRefused("ro clock-on 1 --tech 夏勇")
        #expect(busy.contains("夏勇 is clocked on RO-20261123-0001 line 1 MNT-5K"))
        try shell.expectOK("ro clock-on 1 --tech 许思远")
        // Clocked off there, 夏勇 takes the next line.
        try shell.expectOK("set user 夏勇")
        try shell.expectOK("ro clock-off RO-20261123-0001 1 --finished")
        try shell.expectOK("ro clock-on RO-20261123-0001 4 --tech 夏勇")
    }

    @Test func R4_6_aFailedCheckShowsTheLinesItSentBackToWork() throws {
        let shell = try orders.leaderChecked()
        try shell.expectOK("ro check final --fail --lines 1 --note 机油液位偏高")
        let shown = try shell.expectOK("ro show")
        #expect(shown.contains("back to work"))
        shell.session.format = .json
        let out = try shell.expectOK("ro show")
        shell.session.format = .table
        let record = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let checks = record?["checks"] as? [[String: Any]] ?? []
        #expect(checks.last?["stage"] as? String == "final" && checks.last?["passed"] as? Bool == false)
        #expect(checks.last?["rework"] as? String == "1")
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("ro check self --pass") == ["repair_order.cannot_record_check", "repair_order.blocked.rework"])
    }

    @Test func aComebackIsSeenAtReceptionLinkedAndCounted() throws {
        let shell = try closed()
        try shell.expectOK("clock advance 5d")
        let opened = try shell.expectOK("ro open 粤B27DP2")
        #expect(opened.contains("RO-20261123-0001 was handed over on 2026-11-23"))
        #expect(opened.contains("ro comeback RO-20261123-0001"))
        try shell.expectOK("ro complaint --text 刹车异响又出现")
        #expect(try shell.expectRefusalCodes("ro comeback RO-20261128-0001") == ["repair_order.cannot.comeback", "workshop.comeback_of_itself"])
        #expect(try shell.expectRefusalCodes("ro comeback RO-20991128-0001") == ["repair_order.not_found", "repair_order.no_such_number"])
        #expect(try shell.expectOK("ro comeback RO-20261123-0001").contains("comeback of RO-20261123-0001, handed over 5 days ago"))
        #expect(try shell.expectRefusalCodes("ro comeback RO-20261123-0001") == ["repair_order.cannot.comeback", "workshop.comeback_already_linked"])
        let now = try json(shell, "ro show")
        #expect(now["comeback_of"] as? String == "RO-20261123-0001")
        let earlier = try json(shell, "ro show RO-20261123-0001")
        #expect(earlier["came_back_as"] as? String == "RO-20261128-0001")
        #expect(earlier["comebacks"] as? Int == 1)
        #expect(try shell.expectOK("ro timeline RO-20261123-0001").contains("came back as RO-20261128-0001"))
        #expect(try shell.expectOK("ro timeline").contains("comeback of RO-20261123-0001"))
        #expect(try shell.expectOK("ro list").contains("RO-20261123-0001"))
    }

    @Test func aComebackAfterThePeriodIsRefused() throws {
        let shell = try closed()
        try shell.expectOK("clock advance 31d")
        #expect(!(try shell.expectOK("ro open 粤B27DP2")).contains("ro comeback"))
        #expect(try shell.expectRefusalCodes("ro comeback RO-20261123-0001") == ["repair_order.cannot.comeback", "workshop.comeback_too_late"])
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("store set workshop.comeback_days 40")
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro comeback RO-20261123-0001")
    }
}
