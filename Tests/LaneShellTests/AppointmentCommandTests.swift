import Foundation
import LaneTesting
import Testing
@testable import LaneShell

/// `appt …` on the demo dealership; the session starts Monday 2026-11-23 09:00.
@Suite struct AppointmentCommandTests {
    @Test func R2_1_outboundBookingSettlesTheDueReminder() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("appt book 粤B27DP2 --at 2026-11-25T14:00 --job 常规保养 --channel outbound")
        #expect(out.hasPrefix("booked AP-20261125-001: 粤B27DP2 2026-11-25 14:00 with 薛淑芬, bay 1"))
        #expect(!(try shell.expectOK("remind due")).contains("粤B27DP2"))
        #expect(try shell.expectOK("remind register").contains("AP-20261125-001"))
    }

    @Test func R2_3_peakSlotIsRefusedWithAlternatives() throws {
        let shell = try TestShell(seeded: true)
        let err = try shell.expectRefused("appt book 粤B27DP2 --at 2026-11-25T09:00 --job 保养")
        #expect(err.contains("is a peak time"))
        #expect(err.contains("alternatives: 2026-11-25 10:30, 2026-11-25 11:00"))
        let insisted = try shell.expectOK("appt book 粤B27DP2 --at 2026-11-25T09:00 --job 保养 --accept-peak")
        #expect(insisted.contains("warning: 09:00 is a peak time"))
    }

    @Test func R2_3_sameDayWarnsButBooks() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectOK("appt book 粤BD92702 --at 15:00 --job 保养").contains("warning: same-day appointments are discouraged"))
    }

    @Test func R2_4_entryMoreThanAnHourAfterTheCallIsKeptAndFlaggedLate() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("appt book 粤BD92702 --at 2026-11-24T11:00 --job 保养 --called-at 07:30")
        #expect(out.contains("warning: entered late, and flagged so: the call was 1 h 30 min ago"), "\(out)")
        shell.session.format = .json
        let json = try shell.expectOK("appt book 粤BD92702 --at 2026-11-24T14:00 --job 保养 --called-at 07:45")
        shell.session.format = .table
        let record = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])["record"] as? [String: Any]
        #expect(record?["entered_late"] as? Bool == true, "\(json)")
        #expect(try shell.expectRefusalCodes("appt book 粤BD92702 --at 2026-11-24T15:00 --job 保养 --called-at 10:00")
                .contains("appointment.call_in_future"))
    }

    @Test func bookingListsEveryProblem() throws {
        let shell = try TestShell(seeded: true)
        let err = try shell.expectRefused("appt book 粤A00000 --at soon --job ' ' --channel fax --advisor 无名氏")
        #expect(err.contains("粤A00000"))
        #expect(err.contains("at: 'soon'"))
        #expect(err.contains("channel: 'fax'"))
        #expect(err.contains("there is no staff member 无名氏"))
        #expect(err.contains("job: say what the customer needs"))
        #expect(try shell.expectRefused("appt book 粤B27DP2 --at 2026-11-25T21:00 --job 保养").contains("alternatives"))
    }

    @Test func R2_5_prepareRecordsInternalConfirmationAndReviewListsWhatIsMissing() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 常规保养")
        #expect(try shell.expectOK("appt review").contains("AP-20261124-001"))
        #expect(try shell.expectOK("appt prepare AP-20261124-001 --items").contains("still to do"))
        #expect(try shell.expectOK("appt prepare AP-20261124-001 --parts").contains("internal confirmation complete"))
        #expect(try shell.expectOK("appt review").contains("every appointment is prepared"))
    }

    @Test func R2_6_confirmationsDueTheHourBefore() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 常规保养")
        #expect(try shell.expectOK("appt confirmations").contains("no confirmation calls due"))
        try shell.expectOK("clock set 2026-11-23T13:10")
        #expect(try shell.expectOK("appt confirmations").contains("hour_before"))
        try shell.expectOK("appt confirm AP-20261123-001 hour_before")
        #expect(try shell.expectOK("appt confirmations").contains("no confirmation calls due"))
        #expect(try shell.expectRefused("appt confirm AP-20261123-001 week_before").contains("day-before or hour-before"))
    }

    @Test func R2_7_boardShowsAdvisorsByHourWithMarks() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 常规保养")
        let board = try shell.expectOK("appt board")
        #expect(board.contains("08:00"))
        #expect(board.contains("19:00"))
        #expect(board.split(separator: "\n").contains { $0.hasPrefix("薛淑芬") && $0.contains("14:00 粤B27DP2") })
        try shell.expectOK("clock set 2026-11-23T14:30")
        #expect(try shell.expectOK("appt board").contains("!14:00 粤B27DP2"))
        try shell.expectOK("appt arrive AP-20261123-001")
        #expect(try shell.expectOK("appt board").contains("✓14:00 粤B27DP2"))
    }

    @Test func R2_8_arrivalOpensTheRepairOrderWithPriority() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 常规保养")
        try shell.expectOK("clock set 2026-11-23T13:55")
        #expect(try shell.expectOK("appt arrive AP-20261123-001").contains("opened RO-20261123-0001"))
        #expect(try shell.expectRefused("appt arrive AP-20261123-001").contains("arrived"))
        let order = try shell.store.read { try $0.repairOrder(number: "RO-20261123-0001") }
        #expect(order?.byAppointment == true)
    }

    @Test func R2_8_noShowGetsASecondAttemptThreeToTenDaysLater() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 常规保养")
        #expect(try shell.expectRefused("appt no-show AP-20261123-001").contains("15"))
        try shell.expectOK("clock set 2026-11-23T16:00")
        #expect(try shell.expectOK("appt no-show AP-20261123-001").contains("between 2026-11-26 and 2026-12-03"))
        #expect(try shell.expectRefused("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 常规保养 --after AP-20261123-001").contains("falls 3-10 days after 2026-11-23"))
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-27T14:00 --job 常规保养 --after AP-20261123-001")
        #expect(try shell.expectOK("appt list --on 2026-11-27").contains("      2"))
    }

    @Test func cancelNeedsAReason() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 常规保养")
        #expect(try shell.expectRefused("appt cancel AP-20261124-001 --reason ' '").contains("reason"))
        try shell.expectOK("appt cancel AP-20261124-001 --reason 客户出差")
        #expect(try shell.expectOK("appt list --on 2026-11-24").contains("cancelled"))
        #expect(try shell.expectRefused("appt show AP-20991124-001").contains("no appointment"))
    }
}

@Suite struct AppointmentPreparationTests {
    @Test func R2_5_partsAreReservedWithTheCustomersNameAndDay() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 常规保养")
        try shell.expectOK("appt prepare AP-20261124-001 --items --reserve XH-15400-0001:2,XH-94109-0014")
        let shown = try shell.expectOK("appt show AP-20261124-001")
        #expect(shown.contains("卢文博 2026-11-24"))
        #expect(shown.contains("internal confirmation     complete") || shown.contains("complete"))
        #expect(try shell.store.read { try $0.reservedQuantity(partNumber: "XH-15400-0001") } == 2)
    }

    @Test func R2_5_aShortageIsRefusedWithEveryPartNamed() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 换轮胎")
        let err = try shell.expectRefused("appt prepare AP-20261124-001 --reserve XH-42751-2355:4,XH-51610-0001,NOPE,XH-1:x")
        #expect(err.contains("XH-42751-2355: 轮胎 235/55R19: 0 available, 4 needed"))
        #expect(err.contains("XH-51610-0001"))
        #expect(err.contains("there is no part NOPE"))
        #expect(err.contains("'XH-1:x' should be NUMBER or NUMBER:QTY"))
        try shell.expectOK("appt prepare AP-20261124-001 --items --parts --parts-expected 2026-11-30")
        #expect(try shell.expectOK("appt review --on 2026-11-24").contains("move the appointment"))
    }

    @Test func R2_5_reservedStockIsNotAvailableToAnotherAppointment() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 保养")
        try shell.expectOK("appt book 粤BD92702 --at 2026-11-24T15:00 --job 保养")
        try shell.expectOK("appt prepare AP-20261124-001 --reserve XH-12341-0001:6") // all 6 in stock
        #expect(try shell.expectRefused("appt prepare AP-20261124-002 --reserve XH-12341-0001").contains("0 available"))
        try shell.expectOK("appt cancel AP-20261124-001 --reason 客户改期")
        try shell.expectOK("appt prepare AP-20261124-002 --reserve XH-12341-0001")
    }

    @Test func everyAppointmentChangeIsInItsHistory() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T14:00 --job 保养")
        try shell.expectOK("appt prepare AP-20261124-001 --items --parts")
        try shell.expectOK("set user 顾静")
        try shell.expectOK("appt cancel AP-20261124-001 --reason 客户出差")
        let history = try shell.expectOK("appt show AP-20261124-001")
        for step in ["book", "prepare", "cancel"] { #expect(history.contains("  \(step)  ") || history.contains(" \(step) "), "\(step)") }
        #expect(history.contains("顾静"))
    }
}

@Suite struct FreeSlotTests {
    @Test func R2_3_freeSlotsMarkPeakTimesAndCountBays() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-25T14:00 --job 保养")
        let out = try shell.expectOK("appt free --on 2026-11-25")
        let lines = out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("2026-11-25 09:00") && $0.contains("peak") })
        #expect(lines.contains { $0.hasPrefix("2026-11-25 14:00") && $0.hasSuffix("7") })
        #expect(lines.contains { $0.hasPrefix("2026-11-25 11:00") && $0.hasSuffix("8") })
        #expect(!lines.contains { $0.hasPrefix("2026-11-25 19:30") }) // a 60-minute job must end by closing
    }

    @Test func freeRefusesABadDayOrDuration() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectRefused("appt free --on someday").contains("'someday' is not a date"))
        #expect(try shell.expectRefused("appt free --duration 5").contains("minutes from 15 to 600"))
    }
}
