import LaneTesting
import Testing
@testable import LaneShell

/// `remind …` on the demo dealership on 2026-11-23 (seeds/README.md lists the cases).
@Suite struct ReminderCommandTests {
    func rows(_ out: String, containing text: String) -> [Substring] {
        out.split(separator: "\n").filter { $0.contains(text) }
    }

    @Test func R1_1_R1_2_R1_3_dueListHasEachRuleWithItsReason() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("remind due")
        #expect(rows(out, containing: "first_service").contains { $0.contains("粤BB8554") && $0.contains("60 days after the sale") })
        #expect(rows(out, containing: "regular_service").contains { $0.contains("粤B27DP2") && $0.contains("now about 19,062 km") })
        #expect(rows(out, containing: "lost_customer").contains { $0.contains("粤A8LP59") && $0.contains("no visit for 401 days") })
        let lost = try shell.expectOK("remind due --kind lost_customer")
        #expect(rows(lost, containing: "first_service").isEmpty)
        #expect(rows(lost, containing: "lost_customer").count == 5)
    }

    @Test func R1_2_anEarlierDayShowsFewerDue() throws {
        let shell = try TestShell(seeded: true)
        let today = try shell.expectOK("remind due --kind regular_service")
        let earlier = try shell.expectOK("remind due --kind regular_service --on 2026-11-01")
        #expect(rows(earlier, containing: "regular_service").count < rows(today, containing: "regular_service").count)
        #expect(try shell.expectRefused("remind due --on someday --kind weekly").contains("kind: 'weekly'"))
    }

    @Test func loggedOutcomesLeaveTheListAndFillTheRegister() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("remind log 粤B27DP2 regular_service --outcome unreachable")
        #expect(rows(try shell.expectOK("remind due"), containing: "粤B27DP2").first?.contains("      1  ") == true)
        try shell.expectOK("remind log 粤B27DP2 regular_service --outcome booked")
        #expect(rows(try shell.expectOK("remind due"), containing: "粤B27DP2").isEmpty)
        try shell.expectOK("remind log 粤A8LP59 lost_customer --outcome declined --reason 搬到外地")
        let register = try shell.expectOK("remind register")
        #expect(rows(register, containing: "粤B27DP2").count == 2)
        #expect(register.contains("搬到外地"))
        #expect(try shell.expectOK("remind register --kind lost_customer").contains("徐宇航"))
        #expect(try shell.expectOK("remind reasons").contains("搬到外地"))
    }

    @Test func R1_3_declinedNeedsAReason() throws {
        let shell = try TestShell(seeded: true)
        let err = try shell.expectRefused("remind log 粤A8LP59 lost_customer --outcome declined")
        #expect(err.contains("record why the customer declined"))
    }

    @Test func logRefusesWhatIsNotDueAndBadWords() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectRefused("remind log 粤A8LP59 first_service --outcome booked").contains("has no first_service reminder due"))
        let err = try shell.expectRefused("remind log 粤A00000 weekly --outcome maybe")
        #expect(err.contains("粤A00000"))
        #expect(err.contains("kind: 'weekly'"))
        #expect(err.contains("outcome: 'maybe'"))
    }

    @Test func R1_4_backOrderedPartInvitesTheCustomerWhenItArrives() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("remind delay 粤B27DP2 --part XH-51610-0001 --expected 2026-11-30")
        #expect(try shell.expectOK("remind delays").contains("waiting"))
        #expect(rows(try shell.expectOK("remind due"), containing: "delayed_delivery").isEmpty)
        try shell.store.write { tx in
            try Stockroom.move(StockMovement(partNumber: "XH-51610-0001", delta: 2, reason: "receipt", reference: "PO-1", at: TestShell.demoNow, by: "范颖"), tx)
        }
        #expect(rows(try shell.expectOK("remind due"), containing: "delayed_delivery").contains { $0.contains("粤B27DP2") && $0.contains("has arrived") })
        try shell.expectOK("remind log 粤B27DP2 delayed_delivery --outcome booked")
        #expect(rows(try shell.expectOK("remind due"), containing: "delayed_delivery").isEmpty)
        #expect(try shell.expectOK("remind delays --all").contains("closed"))
    }

    @Test func R1_4_publishedFixInvitesTheCustomer() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("remind delay 粤B27DP2 --no-fix 怠速抖动")
        #expect(try shell.expectRefused("remind fix-published 99").contains("there is no delay 99"))
        try shell.expectOK("remind fix-published 1")
        #expect(rows(try shell.expectOK("remind due"), containing: "delayed_delivery").contains { $0.contains("the fix is published") })
    }

    @Test func R1_4_delayNeedsExactlyOneCause() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectRefused("remind delay 粤B27DP2").contains("either --part NUMBER or --no-fix TEXT"))
        #expect(try shell.expectRefused("remind delay 粤B27DP2 --part NOPE").contains("there is no part NOPE"))
        #expect(try shell.expectRefused("remind delay 粤B27DP2 --part XH-51610-0001 --expected soon").contains("'soon' is not a date"))
    }

    @Test func aClosedRepairOrderJoinsTheServiceHistory() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay { try shell.expectOK(line) }
        #expect(try shell.expectOK("vehicle history 粤B27DP2").contains("RO-20261123-0001"))
        #expect(rows(try shell.expectOK("remind due"), containing: "粤B27DP2").isEmpty)
    }
}
