import LaneTesting
import Testing
@testable import LaneShell

/// The rules of service-process.md that the other suites do not name: each
/// proven through the commands that carry it out.
@Suite struct ProcessRuleTests {
    /// Runs the demo service of 粤B27DP2 up to `count` lines of the day.
    func shell(upTo marker: String? = nil) throws -> TestShell {
        let shell = try TestShell(seeded: true)
        let lines = marker.map(FollowUpCommandTests.serviceDay(upTo:)) ?? FollowUpCommandTests.serviceDay[...]
        for line in lines { try shell.expectOK(line) }
        return shell
    }

    @Test func R2_2_inboundCallRecordsTheCustomersNeed() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job '空调不制冷' --note '提醒带保养手册'")
        let shown = try shell.expectOK("appt show AP-20261124-001")
        #expect(shown.contains("inbound"))
        #expect(shown.contains("空调不制冷"))
        #expect(shown.contains("卢文博"))
        #expect(shown.contains("提醒带保养手册"))
    }

    @Test func R3_1_morningReviewOfTodaysAppointments() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("clock set 2026-11-23T07:30")
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 保养")
        #expect(try shell.expectOK("appt review --on 2026-11-23").contains("AP-20261123-001 parts"))
    }

    @Test func R3_2_firstTimeVisitorGetsTheAdvisorsCard() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13912345678")
        try shell.expectOK("vehicle add --vin LXHCB1A24T0000017 --plate 粤BD12345 --model 星河E3 --owner C0037 --sold 2026-10-01")
        #expect(try shell.expectOK("ro open 粤BD12345").contains("first visit to the store: give 欧阳娜娜 your card"))
        #expect(!(try shell.expectOK("ro open 粤B27DP2")).contains("first visit"))
    }

    @Test func R3_3_complaintInTheCustomersWords() throws {
        let shell = try shell(upTo: "ro check-in")
        #expect(try shell.expectOK("ro show").contains("保养"))
        #expect(try shell.expectRefused("ro complaint --text '   '").contains("in their words"))
    }

    @Test func R3_6_documentsAreTakenBeforeSigning() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "ro sign") where !line.hasPrefix("ro documents") { try shell.expectOK(line) }
        #expect(try shell.expectRefusalCodes("ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博")
                .contains("repair_order.blocked.documents"))
    }

    @Test func R3_11_signedCustomerIsTakenToTheLounge() throws {
        let shell = try shell(upTo: "ro sign")
        #expect(try shell.expectOK("ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博").contains("take them to the lounge"))
    }

    @Test func R4_1_handoverToTheForemanAfterTheSignature() throws {
        let shell = try shell(upTo: "ro handover")
        #expect(try shell.expectOK("ro handover").contains("handed over to the workshop foreman"))
        #expect(try shell.expectOK("ro timeline").contains("[signed → handed_over]"))
    }

    @Test func R4_4_valuablesOnTheCheckInSheetAreShownToTheWorkshop() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("ro check-in --mileage 19100 --fuel 4 --covers --valuables '行车记录仪 太阳镜'")
        #expect(try shell.expectOK("ro show").contains("行车记录仪 太阳镜"))
    }

    @Test func R5_1_R5_5_afterFinalQCTheDeliveryCheckAndTheSettlementStatement() throws {
        let shell = try shell(upTo: "ro delivery-check")
        #expect(try shell.expectOK("ro delivery-check").contains("internal delivery check passed"))
        try shell.expectOK("ro notify --at 12:00")
        try shell.expectOK("ro deliver --next-date 2027-05-23 --next-km 24100 --call-time 上午")
        #expect(try shell.expectOK("ro settle --signed-by 卢文博").contains("labour ¥224.00, parts ¥0.00, VAT ¥29.12, total ¥253.12"))
    }

    @Test func R5_7_settlementNeedsTheCustomersSignature() throws {
        let shell = try shell(upTo: "ro settle")
        #expect(try shell.expectRefused("ro settle --signed-by ' '").contains("the customer signs the settlement"))
    }

    @Test func R5_9_paymentIssuesTheGatePassAndReturnsTheKeys() throws {
        let shell = try shell(upTo: "ro pay")
        let out = try shell.expectOK("ro pay --method cash --amount 253.12 --invoice 1")
        #expect(out.contains("gate pass GP-20261123-0001"))
        #expect(out.contains("keys, licence and handbook returned"))
    }

    @Test func R6_5_feedbackIsAggregated() throws {
        let shell = try shell()
        try shell.expectOK("clock set 2026-11-24T10:00")
        try shell.expectOK("followup record RO-20261123-0001 quality --score 4")
        #expect(try shell.expectOK("followup list").contains("4.00 of 5"))
    }

    @Test func X1_warrantyLinesCostTheCustomerNothing() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("ro labor BRK-PAD-F --payer warranty")
        let shown = try shell.expectOK("ro show")
        #expect(shown.contains("total                        ¥0.00") || shown.contains("¥0.00"))
        #expect(shown.contains("warranty/free (not charged)"))
    }

    @Test func X2_everyPartFittedIsOnTheRecord() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "ro clock-off") { try shell.expectOK(line) }
        try shell.expectOK("ro part XH-15400-0001")      // found by the technician
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro approve 2")               // the customer's yes, through the advisor
        try shell.expectOK("set user 范颖")
        try shell.expectOK("ro issue 2 --to 夏勇")
        let ledger = try shell.store.read { try $0.stockMovements(partNumber: "XH-15400-0001") }.filter { $0.reason != "opening" }
        #expect(ledger.count == 1)
        #expect(ledger.first?.by == "夏勇") // the technician who signed the issue slip
        #expect(try shell.expectOK("ro show").contains("1/1 issued"))
    }

    @Test func X3_nothingIsChargedThatTheCustomerDidNotApprove() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "ro clock-off") { try shell.expectOK(line) }
        try shell.expectOK("ro part XH-45022-0011")
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro decline 2")
        #expect(try shell.expectOK("ro show").contains("¥253.12"))
    }

    @Test func X5_theCustomerGetsADetailedRecord() throws {
        let shell = try shell()
        let json = try shell.expectOK("set format json") + (try shell.expectOK("ro show RO-20261123-0001"))
        for key in ["\"labor_fen\": 22400", "\"vat_fen\": 2912", "\"total_fen\": 25312", "\"code\": \"MNT-5K\"", "\"hours\": 0.8", "\"quantity\": null"] {
            #expect(json.contains(key), "missing \(key)")
        }
    }

    @Test func X6_eachStepIsRecordedWithWhoDidIt() throws {
        let shell = try shell()
        let timeline = try shell.expectOK("ro timeline RO-20261123-0001")
        for (who, step) in [("薛淑芬", "sign"), ("赵子涵", "check"), ("莫霞", "pay")] {
            #expect(timeline.split(separator: "\n").contains { $0.contains(who) && $0.contains(" \(step) ") }, "\(who) \(step)")
        }
    }

    @Test func X7_everyRegisterCanBeShown() throws {
        let shell = try shell()
        for command in ["appt list", "appt board", "ro show RO-20261123-0001", "remind register", "remind delays",
                        "campaign list", "followup list", "followup files", "complaint list", "vehicle history 粤B27DP2"] {
            try shell.expectOK(command)
        }
    }
}
