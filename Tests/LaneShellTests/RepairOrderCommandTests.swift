import LaneTesting
import Testing
@testable import LaneShell

/// `ro …` through the shell on the demo dealership: the whole path, and the
/// refusals of each step with the database unchanged.
@Suite struct RepairOrderCommandTests {
    /// Reception done up to the signature: 粤B27DP2 (卢文博 C0002), a 5000 km
    /// service, an oil filter, and a declined safety recommendation.
    func atReception() throws -> TestShell {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectOK("ro open 粤B27DP2").hasPrefix("opened RO-20261123-0001 for 粤B27DP2"))
        try shell.expectOK("ro complaint --text '保养，刹车时有异响'")
        try shell.expectOK("ro check-in --mileage 30000 --fuel 4 --covers --damage 左后门划痕 --valuables 无 --equipment '备胎 工具'")
        try shell.expectOK("ro warranty not_covered")
        try shell.expectOK("ro documents")
        try shell.expectOK("ro labor MNT-5K")
        try shell.expectOK("ro part XH-15400-0001")
        try shell.expectOK("ro labor BRK-PAD-F --recommended --safety")
        try shell.expectOK("ro decline 3")
        try shell.expectOK("ro promise")
        return shell
    }

    func signed() throws -> TestShell {
        let shell = try atReception()
        try shell.expectOK("ro sign --payment wechat --old-parts take --wash yes --signed-by 卢文博")
        return shell
    }

    func inWorkshop() throws -> TestShell {
        let shell = try signed()
        try shell.expectOK("set user 何子涵")
        try shell.expectOK("ro handover")
        try shell.expectOK("ro dispatch --team 机电一组")
        try shell.expectOK("set user 夏勇")
        try shell.expectOK("ro clock-on 1 --tech 夏勇")
        return shell
    }

    /// The work done and the first two checks signed; the QC inspector at the keyboard.
    func leaderChecked() throws -> TestShell {
        let shell = try inWorkshop()
        try shell.expectOK("ro issue 2 --to 夏勇")
        try shell.expectOK("clock advance 50m")
        try shell.expectOK("ro clock-off 1 --finished")
        try shell.expectOK("ro check self --pass")
        try shell.expectOK("set user 程国栋")
        try shell.expectOK("ro check leader --pass --note 刹车片余量3mm建议更换")
        try shell.expectOK("set user 赵子涵")
        return shell
    }

    func checked() throws -> TestShell {
        let shell = try leaderChecked()
        try shell.expectOK("ro check final --pass")
        try shell.expectOK("set user 夏勇") // the technician washes
        return shell
    }

    @Test func openRefusesAnUnknownVehicleAndASecondOpenOrder() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectRefused("ro open 粤A00000").contains("粤A00000"))
        try shell.expectOK("ro open 粤B27DP2")
        #expect(try shell.expectRefused("ro open 粤B27DP2").contains("already has open repair order RO-20261123-0001"))
    }

    @Test func openMakesTheOrderCurrent() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        #expect(shell.session.current == .repairOrder(number: "RO-20261123-0001", plate: "粤B27DP2", ownerCode: "C0002"))
        try shell.expectOK("use none")
        try shell.expectOK("use ro-20261123-0001")
        let shown = try shell.expectOK("ro show")
        #expect(shown.contains("卢文博") && shown.contains("C0002"))
    }

    @Test func R3_10_signatureRefusedListsEveryMissingReceptionStep() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        let codes = try shell.expectRefusalCodes("ro sign --payment wechat --old-parts take --wash yes --signed-by 卢文博")
        // R3.3, R3.4, R3.5, R3.6, R3.8, R3.9: every missing reception step, at once.
        #expect(codes == ["repair_order.cannot.sign", "repair_order.blocked.complaint", "repair_order.blocked.check_in",
                          "repair_order.blocked.warranty", "repair_order.blocked.documents", "repair_order.blocked.estimate",
                          "repair_order.blocked.promise"])
    }

    @Test func R3_10_signRefusesBadTermsWithTheOtherConditions() throws {
        let shell = try atReception()
        let err = try shell.expectRefused("ro sign --payment bitcoin --old-parts keep --wash maybe --signed-by 卢文博")
        #expect(err.contains("payment: 'bitcoin'"))
        #expect(err.contains("old-parts: take or leave"))
        #expect(err.contains("wash: yes or no"))
    }

    @Test func R3_10_noWorkshopStepBeforeTheSignature() throws {
        let shell = try atReception()
        #expect(try shell.expectRefused("ro handover").contains("handover needs it work order signed"))
        try shell.expectOK("set user 何子涵")
        #expect(try shell.expectRefused("ro dispatch --team 机电一组").contains("status"))
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefused("ro clock-on 1 --tech 夏勇").contains("status"))
        #expect(try shell.expectRefused("ro issue 2 --to 夏勇").contains("status"))
    }

    @Test func R3_4_checkInRefusesMileageBelowTheRecordAndMissingCovers() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        let err = try shell.expectRefused("ro check-in --mileage 100 --fuel 4")
        #expect(err.contains("covers"))
        #expect(err.contains("mileage: 100 km is less than"))
    }

    @Test func R3_4_checkInRecordsTheMileageOnTheVehicle() throws {
        let shell = try atReception()
        let history = try shell.expectOK("vehicle history 粤B27DP2")
        #expect(history.contains("check-in RO-20261123-0001"))
        #expect(history.contains("30000"))
    }

    @Test func R3_7_partAddedBeyondStockSaysSoAndUnknownCodesAreRefused() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        #expect(try shell.expectOK("ro part XH-42751-2355 --qty 4").contains("only 0 in stock"))
        let err = try shell.expectRefused("ro part XH-NOPE --qty 0 --payer boss")
        #expect(err.contains("there is no part XH-NOPE"))
        #expect(err.contains("qty: '0'"))
        #expect(err.contains("payer: 'boss'"))
        #expect(try shell.expectRefused("ro labor NOPE-1").contains("there is no labour operation NOPE-1"))
    }

    @Test func R3_8_estimateSplitsLabourAndPartsWithVATAndRecommends() throws {
        let shell = try atReception()
        let out = try shell.expectOK("ro estimate")
        #expect(out.contains("labour                       ¥224.00") || out.contains("¥224.00"))
        #expect(out.contains("¥38.00"))
        #expect(out.contains("¥34.06")) // 13% of ¥262.00 = ¥34.06
        #expect(out.contains("¥296.06"))
        #expect(out.contains("recommended from the history"))
    }

    @Test func R3_9_promiseFromLabourHoursAndLoad() throws {
        let shell = try atReception()
        // 0.8 h of labour + 30 min for checks and wash from 09:00 → 10:18 → 10:30.
        #expect(try shell.expectOK("ro show").contains("2026-11-23 10:30"))
        #expect(try shell.expectRefused("ro promise --at 08:00").contains("later than now"))
        #expect(try shell.expectRefused("ro promise --at soon").contains("'soon' is not a time"))
    }

    @Test func R4_2_dispatchWithoutATeamShowsTheLoads() throws {
        let shell = try signed()
        try shell.expectOK("ro handover")
        try shell.expectOK("set user 何子涵")
        // As its help says: the loads, as a table, and nothing stored.
        let before = try shell.store.snapshot()
        let out = try shell.expectOK("ro dispatch")
        #expect(out.contains("机电一组") && out.contains("labour hours waiting"))
        #expect(try shell.store.snapshot() == before)
        #expect(try shell.expectRefused("ro dispatch --team 飞行组").contains("there is no team 飞行组"))
    }

    @Test func R4_3_issueDecrementsStockAndWritesTheLedger() throws {
        let shell = try inWorkshop()
        #expect(try shell.expectOK("ro issue 2 --to 夏勇").contains("45 left in stock"))
        let err = try shell.expectRefused("ro issue 2 --qty 1 --to 夏勇")
        #expect(err.contains("1 already issued"))
        #expect(try shell.expectRefused("ro issue 2 --to 夏勇").contains("all 1 of XH-15400-0001 are already issued"))
        let ledger = try shell.store.read { try $0.stockMovements(partNumber: "XH-15400-0001") }.filter { $0.reason != "opening" }
        #expect(ledger.map(\.delta) == [-1])
        #expect(ledger.first?.reference == "RO-20261123-0001 line 2")
    }

    @Test func R4_3_stockNeverGoesBelowZero() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("ro complaint --text 换轮胎")
        try shell.expectOK("ro check-in --mileage 30000 --fuel 4 --covers")
        try shell.expectOK("ro warranty not_covered")
        try shell.expectOK("ro documents")
        try shell.expectOK("ro part XH-42751-2355 --qty 2")
        try shell.expectOK("ro promise")
        try shell.expectOK("ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博")
        try shell.expectOK("ro handover")
        try shell.expectOK("set user 何子涵")
        try shell.expectOK("ro dispatch --team 机电二组")
        try shell.expectOK("set user 范颖")
        #expect(try shell.expectRefused("ro issue 1 --to 叶丽华").contains("only 0 of XH-42751-2355 in stock"))
    }

    @Test func R4_5_extraWorkWaitsForApproval() throws {
        let shell = try inWorkshop()
        #expect(try shell.expectOK("ro part XH-45022-0011").contains("waiting for the customer's approval"))
        #expect(try shell.expectRefused("ro issue 4 --to 夏勇").contains("not approved by the customer"))
        #expect(try shell.expectRefused("ro approve 4").contains("may not run ro approve")) // the customer's word comes through the advisor
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro approve 4")
        #expect(try shell.expectRefused("ro approve 4").contains("already approved"))
        try shell.expectOK("set user 夏勇")
        try shell.expectOK("ro issue 4 --to 夏勇")
    }

    @Test func R4_6_failedFinalQCSendsTheJobBackAndATechnicianCannotPassIt() throws {
        let shell = try inWorkshop()
        try shell.expectOK("ro issue 2 --to 夏勇")
        try shell.expectOK("ro clock-off 1 --finished")
        try shell.expectOK("ro check self --pass")
        try shell.expectOK("set user 程国栋")
        #expect(try shell.expectRefused("ro check leader --pass").contains("advice"))
        try shell.expectOK("ro check leader --pass --note 正常")
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefused("ro check final --pass").contains("夏勇 worked on this job"))
        try shell.expectOK("set user 赵子涵")
        #expect(try shell.expectRefused("ro check final").contains("--pass or --fail"))
        try shell.expectOK("ro check final --fail --note 机油液位偏高")
        #expect(try shell.expectOK("ro show").contains("in_progress"))
        let blocked = try shell.expectOK("ro why-not delivery-check")
        #expect(blocked.contains("final QC has not passed"))
    }

    @Test func R4_3_onlyTheDispatchedTeamIsClockedOnUnlessTheForemanOverrides() throws {
        let shell = try signed()
        try shell.expectOK("set user 何子涵")
        try shell.expectOK("ro handover")
        try shell.expectOK("ro dispatch --team 机电一组")
        #expect(try shell.expectRefusalCodes("ro clock-on 1 --tech 叶丽华") == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team"])
        #expect(try shell.expectRefusalCodes("ro clock-on 1 --tech 莫霞 --override-reason 支援")
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_not_workshop"])
        #expect(try shell.expectRefusalCodes("ro clock-on 1 --tech 叶丽华 --override-reason ' '")
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team", "repair_order.override_reason_needed"])
        #expect(try shell.expectRefused("ro clock-on 1 --tech 叶丽华").contains("叶丽华 is not in 机电一组"))
        shell.session.format = .json
        let answer = try shell.expectOK("ro clock-on 1 --tech 叶丽华 --override-reason '一组人手不足，二组支援'")
        shell.session.format = .table
        #expect(answer.contains("\"override_by\": \"何子涵\"") && answer.contains("\"override_reason\": \"一组人手不足，二组支援\""))
        #expect(try shell.expectOK("ro timeline").contains("叶丽华 clocked on line 1 outside 机电一组 by 何子涵's override: 一组人手不足，二组支援"))
    }

    @Test func R4_6_aFailedCheckSendsTheLinesItNamesBackToWork() throws {
        let shell = try leaderChecked()
        #expect(try shell.expectRefusalCodes("ro check final --fail --lines 2,x --note 机油液位偏高")
            == ["repair_order.cannot_record_check", "input.not_a_line", "repair_order.rework_labour_only"])
        #expect(try shell.expectOK("ro check final --fail --lines 1 --note 机油液位偏高").contains("back to work: line 1 MNT-5K"))
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("ro check self --pass") == ["repair_order.cannot_record_check", "repair_order.blocked.rework"])
        #expect(try shell.expectOK("ro why-not self-check").contains("went back to work after the failed final QC"))
        try shell.expectOK("ro clock-on 1 --tech 夏勇")
        try shell.expectOK("ro clock-off 1 --finished")
        try shell.expectOK("ro check self --pass")
    }

    @Test func R5_2_deliveryCheckListsEveryUnmetCondition() throws {
        let shell = try checked()
        try shell.expectOK("set user 薛淑芬")
        #expect(try shell.expectRefused("ro delivery-check").contains("chose a wash"))
        try shell.expectOK("set user 夏勇")
        try shell.expectOK("ro wash")
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro delivery-check")
    }

    @Test func R5_thewholeWayToTheGatePass() throws {
        let shell = try checked()
        try shell.expectOK("ro wash")
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro delivery-check")
        #expect(try shell.expectRefused("ro deliver --next-date 2027-05-23 --next-km 35000 --call-time 晚上").contains("not been told"))
        try shell.expectOK("ro notify --at 17:00")
        #expect(try shell.expectRefused("ro deliver --next-date 2027-05-23 --next-km 35000 --call-time 晚上").contains("old-parts"))
        try shell.expectOK("ro deliver --next-date 2027-05-23 --next-km 35000 --call-time 工作日晚上 --old-parts-shown")
        #expect(try shell.expectRefused("ro settle --signed-by 卢文博").contains("declined safety item BRK-PAD-F"))
        #expect(try shell.expectOK("ro settle --signed-by 卢文博 --declined-signed").contains("total ¥296.06"))
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectRefused("ro pay --method wechat --amount 100 --invoice 1").contains("the settlement total is ¥296.06"))
        #expect(try shell.expectOK("ro pay --method wechat --amount 296.06 --invoice 04400123").contains("gate pass GP-20261123-0001"))
        let show = try shell.expectOK("ro show")
        #expect(show.contains("closed"))
        let timeline = try shell.expectOK("ro timeline")
        for step in ["open", "sign", "handover", "dispatch", "clock-on", "issue", "check", "wash", "delivery-check", "notify", "deliver", "settle", "pay"] {
            #expect(timeline.contains("  \(step) "), "timeline lacks \(step)")
        }
        #expect(timeline.contains("赵子涵"))
        try shell.expectOK("set user 薛淑芬")
        #expect(try shell.expectRefused("ro labor MNT-5K").contains("closed"))
    }

    @Test func R5_3_majorRepairAtPeakIsWarned() throws {
        let shell = try checked()
        try shell.expectOK("ro wash")
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro delivery-check")
        #expect(!(try shell.expectOK("ro notify --at 17:00")).contains("warning"))
    }

    @Test func cancelBeforeWorkOnly() throws {
        let shell = try signed()
        #expect(try shell.expectRefused("ro cancel", code: .usage).contains("--reason"))
        try shell.expectOK("ro cancel --reason 客户改期")
        #expect(try shell.expectOK("ro list").contains("no repair orders"))
        #expect(try shell.expectOK("ro list --all").contains("cancelled"))
        let working = try inWorkshop()
        try working.expectOK("set user 薛淑芬")
        #expect(try working.expectRefused("ro cancel --reason 走了").contains("status"))
    }

    @Test func whyNotNamesSteps() throws {
        let shell = try atReception()
        #expect(try shell.expectOK("ro why-not sign").contains("nothing blocks sign"))
        #expect(try shell.expectRefused("ro why-not fly", code: .usage).contains("steps are"))
        #expect(try shell.expectRefused("ro show RO-19990101-0001").contains("no repair order"))
    }
}

/// Separation of duties: a discount above the store's limit needs the service manager.
@Suite struct DiscountTests {
    func reception() throws -> TestShell {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "ro sign") { try shell.expectOK(line) }
        return shell
    }

    @Test func anAdvisorGivesUpToTheLimitAndVATFollows() throws {
        let shell = try reception()
        // Net ¥224.00: 10% is ¥22.40; VAT on ¥201.60 is ¥26.21; total ¥227.81.
        #expect(try shell.expectOK("ro discount --percent 10 --reason 老客户").contains("total now ¥227.81"))
        #expect(try shell.expectOK("ro show").contains("¥22.40"))
    }

    @Test func aboveTheLimitOnlyTheServiceManager() throws {
        let shell = try reception()
        let err = try shell.expectRefused("ro discount --amount 50 --reason 投诉补偿")
        #expect(err.contains("above the 10% an advisor may give (¥22.40); the service manager gives it"))
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("ro discount --amount 50 --reason 投诉补偿").contains("discount ¥50.00"))
        #expect(try shell.expectRefused("ro discount --amount 500 --reason x").contains("more than the customer's net"))
    }

    @Test func discountRefusals() throws {
        let shell = try reception()
        #expect(try shell.expectRefused("ro discount --reason x").contains("either --amount YUAN or --percent N"))
        #expect(try shell.expectRefused("ro discount --percent 150 --reason x").contains("not an amount"))
        #expect(try shell.expectRefused("ro discount --percent 5 --reason ' '").contains("say why"))
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefused("ro discount --percent 5 --reason x").contains("may not run ro discount"))
    }

    @Test func noDiscountAfterSettlement() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "set user 莫霞") { try shell.expectOK(line) }
        #expect(try shell.expectRefused("ro discount --percent 5 --reason x").contains("settled"))
    }
}

@Suite struct RepairOrderListTests {
    @Test func R3_8_removeTakesALineOffTheEstimateAtReceptionOnly() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("ro labor MNT-5K")
        try shell.expectOK("ro part XH-15400-0001")
        #expect(try shell.expectOK("ro remove 2").contains("removed line 2 XH-15400-0001"))
        #expect(!(try shell.expectOK("ro show")).contains("XH-15400-0001"))
        #expect(try shell.expectRefused("ro remove 9").contains("there is no line 9"))
        #expect(try shell.expectRefused("ro remove two").contains("'two' is not a line number"))
    }

    @Test func listByStatusAndRefusesAnUnknownOne() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        #expect(try shell.expectOK("ro list --status reception").contains("RO-20261123-0001"))
        #expect(try shell.expectOK("ro list --status closed").contains("no repair orders"))
        #expect(try shell.expectRefused("ro list --status finished").contains("'finished' is not a status"))
    }
}
