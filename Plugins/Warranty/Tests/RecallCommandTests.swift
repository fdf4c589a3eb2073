import Foundation
import LaneTesting
import Testing
import WarrantyPlugin

/// Recalls and technical upgrades (R1.6): registered by the technical
/// director, invited through `remind due`, named when the car comes in, and
/// recorded done on a repair order.
@Suite struct RecallCommandTests {
    /// The 星河 X3 of model year T with serials 218000-220999: 粤B27DP2, 粤BT7261, 粤B6R1C3, 粤B838QH, 粤BMR733.
    static let recall = "warranty recall-add RC-2026-12 --kind recall --title 前稳定杆连杆更换 "
        + "--vin-from LXHBX3K20TG218000 --vin-to LXHBX3K20TG220999 --from 2026-11-20"

    func withRecall() throws -> TestShell {
        let shell = try Demo.shell("任雪")
        #expect(try shell.expectOK(Self.recall).contains("5 vehicles eligible (粤B27DP2, 粤BT7261, 粤B6R1C3, 粤B838QH, 粤BMR733)"))
        shell.session.user = "薛淑芬"
        return shell
    }

    @Test func R1_6_recallByVinRangeListsItsVehicles() throws {
        let shell = try withRecall()
        let list = try shell.expectOK("warranty recall-list")
        #expect(list.contains("RC-2026-12  recall  前稳定杆连杆更换  VIN LXHBX3K20TG218000…LXHBX3K20TG220999"))
        let vehicles = try shell.expectOK("warranty recall-vehicles rc-2026-12")
        for plate in ["粤B27DP2", "粤BT7261", "粤B6R1C3", "粤B838QH", "粤BMR733"] { #expect(vehicles.contains(plate)) }
        #expect(!vehicles.contains("粤B189WZ"))   // LXHBX3K2XSG218542: model year S, before the range
        #expect(try shell.expectRefused("warranty recall-vehicles RC-1999-01").contains("there is no recall RC-1999-01"))
    }

    @Test func R1_6_upgradeByModel() throws {
        let shell = try Demo.shell("姚雪")   // the service manager may too
        let out = try shell.expectOK("warranty recall-add UP-BMS-03 --kind upgrade --title BMS软件升级 --models '星河 EV6,星河 EV9' --from 2026-11-23 --until 2027-03-31")
        #expect(out.contains("upgrade UP-BMS-03 from 2026-11-23: 11 vehicles eligible"))
    }

    @Test func R1_6_eligibleVehiclesAreInRemindDueUntilLogged() throws {
        let shell = try withRecall()
        let due = try shell.expectOK("remind due --kind recall")
        #expect(due.contains("recall 召回 RC-2026-12 前稳定杆连杆更换: invite the customer, or do it at the next visit"))
        #expect(due.components(separatedBy: "RC-2026-12").count - 1 == 5)
        #expect(try shell.expectOK("remind log 粤BT7261 recall --campaign RC-2026-12 --outcome booked").contains("粤BT7261 recall RC-2026-12 due 2026-11-20: booked"))
        let after = try shell.expectOK("remind due --kind recall")
        #expect(!after.contains("粤BT7261"))
        #expect(after.contains("粤B838QH"))
        #expect(try shell.expectOK("remind register --kind recall").contains("RC-2026-12"))
    }

    @Test func R1_6_aRecallIsListedAsARecallAndAnUpgradeAsAnUpgrade() throws {
        let shell = try withRecall()
        shell.session.user = "任雪"
        try shell.expectOK("warranty recall-add UP-BMS-03 --kind upgrade --title BMS软件升级 --models '星河 EV6' --from 2026-11-20")
        shell.session.user = "薛淑芬"
        let recalls = try shell.expectOK("remind due --kind recall")
        #expect(recalls.contains("RC-2026-12") && !recalls.contains("UP-BMS-03"))
        let upgrades = try shell.expectOK("remind due --kind upgrade")
        #expect(upgrades.contains("UP-BMS-03") && !upgrades.contains("RC-2026-12"))
        shell.session.format = .json
        let all = try shell.expectOK("remind due")
        #expect(all.contains("\"recall\""))
    }

    @Test func R1_6_onlyWhileItRuns() throws {
        let shell = try Demo.shell("任雪")
        try shell.expectOK("warranty recall-add RC-LATER --kind recall --title 后续召回 --models '星河 S7' --from 2026-12-01")
        try shell.expectOK("warranty recall-add RC-OVER --kind upgrade --title 已结束 --models '星河 S7' --from 2026-01-01 --until 2026-06-30")
        let due = try shell.expectOK("remind due")
        #expect(!due.contains("RC-LATER") && !due.contains("RC-OVER"))
        #expect(try shell.expectOK("remind due --kind recall --on 2026-12-01").contains("RC-LATER"))
        #expect(try shell.expectOK("warranty recall-list").contains("RC-OVER"))
    }

    @Test func R1_6_namedWhenTheCarComesIn() throws {
        let shell = try withRecall()
        #expect(try shell.expectOK("ro open 粤B27DP2").contains(
            "note: warranty: 粤B27DP2 is eligible for recall 召回 RC-2026-12 前稳定杆连杆更换: do it on this visit, "
            + "then `warranty recall-done RC-2026-12 RO-20261123-0001`"))
        #expect(!(try shell.expectOK("ro open 粤B82396")).contains("RC-2026-12"))
    }

    @Test func R1_6_doneOnARepairOrderLeavesTheReminders() throws {
        let shell = try withRecall()
        try Demo.run(shell, Demo.signed)
        #expect(try shell.expectRefused("warranty recall-done RC-2026-12 RO-20261123-0001").contains("is not through final QC yet (now: work order signed)"))
        try Demo.run(shell, Array(Demo.checked.dropFirst(Demo.signed.count)))
        #expect(try shell.expectOK("warranty recall-done RC-2026-12 RO-20261123-0001").contains("recall RC-2026-12 done for 粤B27DP2 on RO-20261123-0001"))
        #expect(!(try shell.expectOK("remind due --kind recall")).contains("粤B27DP2"))
        let register = try shell.expectOK("warranty recall-vehicles RC-2026-12")
        #expect(register.split(separator: "\n").contains { $0.hasPrefix("粤B27DP2") && $0.contains("yes") && $0.contains("RO-20261123-0001") })
        #expect(try shell.expectOK("warranty recall-list").contains("2026-11-20  -             5     1  yes"))
        #expect(try shell.expectRefused("warranty recall-done RC-2026-12 RO-20261123-0001").contains("粤B27DP2 already had RC-2026-12 done, on RO-20261123-0001"))
    }

    @Test func R1_6_doneRefusesEveryUnmetCondition() throws {
        let shell = try withRecall()
        try shell.expectOK("ro open 粤B82396")
        let err = try shell.expectRefused("warranty recall-done RC-2026-12 RO-20261123-0001")
        #expect(err.contains("RO-20261123-0001 is not through final QC yet (now: at reception)"))
        #expect(err.contains("粤B82396 星河 S5 1.5T (LXHA55K28NG210456) is not eligible for RC-2026-12"))
        let missing = try shell.expectRefused("warranty recall-done RC-NONE RO-20991231-0001")
        #expect(missing.contains("there is no recall RC-NONE"))
        #expect(missing.contains("there is no repair order RO-20991231-0001"))
    }

    @Test func R1_6_addRefusesEveryProblemAtOnce() throws {
        let shell = try Demo.shell("任雪")
        let err = try shell.expectRefused("warranty recall-add 'rc 1' --kind campaign --title ' ' --from 2026-13-01 --until 2026-01-01")
        #expect(err.contains("code: 'RC 1' should be capital letters, digits and '-'"))
        #expect(err.contains("kind: 'campaign' is recall or upgrade"))
        #expect(err.contains("title: say what is done to the car"))
        #expect(err.contains("models: say which vehicles"))
        #expect(err.contains("from: '2026-13-01' is not a date"))
        let range = try shell.expectRefused("warranty recall-add RC-1 --kind recall --title x --vin-from LXHBX3K20TG220999 --vin-to LXHBX3K20TG218000 --from 2026-11-23")
        #expect(range.contains("give the lower end first"))
        try shell.expectOK(Self.recall)
        #expect(try shell.expectRefused(Self.recall).contains("RC-2026-12 is already registered"))
    }

    @Test func R1_6_aRecallCannotTakeACampaignsCode() throws {
        let shell = try Demo.shell("姚雪")
        try shell.expectOK("campaign add UPG-2026-07 --kind upgrade --title BMS软件升级 --models '星河 EV6'")
        #expect(try shell.expectRefused("warranty recall-add UPG-2026-07 --kind upgrade --title x --models '星河 EV6' --from 2026-11-23")
            .contains("UPG-2026-07 is already a service campaign"))
    }

    @Test func X6_rolesForRecalls() throws {
        let shell = try withRecall()
        #expect(try shell.expectRefused("warranty recall-add RC-X --kind recall --title x --models '星河 S5' --from 2026-11-23")
            .contains("may not run warranty recall-add"))
        try Demo.run(shell, Demo.checked)
        shell.session.user = "夏勇"
        #expect(try shell.expectRefused("warranty recall-done RC-2026-12 RO-20261123-0001").contains("may not run warranty recall-done"))
        try shell.expectOK("warranty recall-list")
        try shell.expectOK("warranty recall-vehicles RC-2026-12")
        shell.session.user = "任雪"
        try shell.expectOK("warranty recall-done RC-2026-12 RO-20261123-0001")
    }
}
