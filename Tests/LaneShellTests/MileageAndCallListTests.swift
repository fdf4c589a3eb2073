import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// Issue 12, items 1-3 on the demo dealership (Monday 2026-11-23 09:00):
/// every reading counts and none goes backwards, who is on the call lists,
/// and booking a car not yet registered. Named after the rules.
@Suite struct MileageAndCallListTests {
    func rows(_ out: String, containing text: String) -> [Substring] {
        out.split(separator: "\n").filter { $0.contains(text) }
    }

    func csv(_ shell: TestShell, _ line: String) throws -> String {
        let format = shell.session.format
        shell.session.format = .csv
        defer { shell.session.format = format }
        return try shell.expectOK(line)
    }

    func readings(_ shell: TestShell, _ plate: String) throws -> [MileageReading] {
        try shell.store.read { tx in
            guard let v = try tx.vehicle(plate: plate) else { return [] }
            return try tx.mileageReadings(vehicleID: v.id)
        }
    }

    // MARK: Item 1: mileage

    @Test func R1_1_aReadingFromVehicleEditBringsTheFirstServiceDue() throws {
        let shell = try TestShell(seeded: true)
        // Sold 2026-10-22, no visit: by the 60 days alone, not yet due.
        #expect(rows(try shell.expectOK("remind due --kind first_service"), containing: "粤BG0416").isEmpty)
        try shell.expectOK("vehicle edit 粤BG0416 --mileage 2600")
        let due = try shell.expectOK("remind due --kind first_service")
        #expect(rows(due, containing: "粤BG0416").count == 1, "2,600 km in 32 days: the 2,000 km came first\n\(due)")
    }

    @Test func R1_1_theEstimateRecommendsFromTheLatestReading() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤BG0416")
        #expect(!(try shell.expectOK("ro estimate")).contains("first service"), "by the 60 days alone, not due yet")
        try shell.expectOK("vehicle edit 粤BG0416 --mileage 2600")
        let estimate = try shell.expectOK("ro estimate")
        #expect(estimate.contains("first service") && estimate.contains("2,600 km"), "\(estimate)")
    }

    @Test func R2_1_aLowerReadingThanOneTakenEarlierTheSameDayIsRefused() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("vehicle edit 粤BG0416 --mileage 2600")
        let codes = try shell.expectRefusalCodes("vehicle edit 粤BG0416 --mileage 2500")
        #expect(codes.contains("mileage.below_earlier"), "\(codes)")
    }

    @Test func R2_1_theMileageGivenOnThePhoneIsAReading() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("appt book 粤BG0416 --at 2026-11-25T14:00 --job 首次保养 --mileage 2600")
        #expect(out.contains("AP-20261125-001"))
        #expect(try readings(shell, "粤BG0416").contains(MileageReading(on: CalendarDate(year: 2026, month: 11, day: 23)!, km: 2600)))
        let history = try shell.expectOK("vehicle history 粤BG0416")
        #expect(history.contains("AP-20261125-001"), "\(history)")
    }

    @Test func R2_1_aBookingWithAMileageBelowTheLastReadingIsRefusedAndNothingStored() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("vehicle edit 粤BG0416 --mileage 2600")
        let codes = try shell.expectRefusalCodes("appt book 粤BG0416 --at 2026-11-25T14:00 --job 首次保养 --mileage 2500")
        #expect(codes.first == "appointment.cannot_book" && codes.contains("mileage.below_earlier"), "\(codes)")
        let typo = try shell.expectRefusalCodes("appt book 粤BG0416 --at 2026-11-25T14:00 --job 首次保养 --mileage 2千")
        #expect(typo.contains("mileage.not_km"), "\(typo)")
    }

    // MARK: Item 2: call lists

    @Test func R1_1_aCarInTheWorkshopIsOnNoCallList() throws {
        let shell = try TestShell(seeded: true)
        #expect(rows(try shell.expectOK("remind due"), containing: "粤BB9188").count == 1, "first service overdue")
        try shell.expectOK("ro open 粤BB9188")
        try shell.expectOK("use none")
        #expect(rows(try shell.expectOK("remind due"), containing: "粤BB9188").isEmpty)
        try shell.expectOK("set user 蒋芳")
        #expect(rows(try shell.expectOK("today"), containing: "粤BB9188").isEmpty)
        // One vehicle's list says the same, so a call cannot be logged for it either.
        #expect(try shell.expectRefusalCodes("remind log 粤BB9188 first_service --outcome booked").contains("reminder.nothing_due"))
    }

    @Test func R1_2_aBookedCarIsOnNoCallListUntilTheAppointmentIsOff() throws {
        let shell = try TestShell(seeded: true)
        #expect(rows(try shell.expectOK("remind due"), containing: "粤BB8554").count == 1)
        // An inbound call settles no reminder: the car leaves the list because it is booked.
        try shell.expectOK("appt book 粤BB8554 --at 2026-11-25T14:00 --job 首次保养")
        #expect(rows(try shell.expectOK("remind due"), containing: "粤BB8554").isEmpty)
        try shell.expectOK("appt cancel AP-20261125-001 --reason 客户改主意")
        #expect(rows(try shell.expectOK("remind due"), containing: "粤BB8554").count == 1)
    }

    @Test func R2_8_aNoShowIsCalledForItsSecondAttemptInsteadOfTheWinBack() throws {
        let shell = try TestShell(seeded: true)
        #expect(rows(try csv(shell, "remind due"), containing: "粤BS1822").contains { $0.contains("lost_customer") })
        try shell.expectOK("appt book 粤BS1822 --at 2026-11-23T14:00 --job 常规保养")
        try shell.expectOK("clock set 2026-11-23T14:30")
        try shell.expectOK("appt no-show AP-20261123-001")
        let due = rows(try csv(shell, "remind due"), containing: "粤BS1822")
        #expect(due.count == 1 && due[0].contains("missed_appointment") && due[0].contains("attempt 2"), "\(due)")
        try shell.expectOK("set user 蒋芳")
        #expect(rows(try shell.expectOK("today"), containing: "粤BS1822").count == 1)
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("appt book 粤BS1822 --at 2026-11-26T14:00 --job 常规保养 --after AP-20261123-001")
        #expect(rows(try shell.expectOK("remind due"), containing: "粤BS1822").isEmpty)
        // Missed again: the third attempt is called for.
        try shell.expectOK("clock set 2026-11-26T14:30")
        try shell.expectOK("appt no-show AP-20261126-001")
        let third = rows(try csv(shell, "remind due"), containing: "粤BS1822")
        #expect(third.count == 1 && third[0].contains("attempt 3"), "\(third)")
        // The customer declines: recorded with the reason; the win-back call it put aside is owed again (R1.3).
        try shell.expectOK("remind log 粤BS1822 missed_appointment --outcome declined --reason 已在外地保养")
        let after = rows(try csv(shell, "remind due"), containing: "粤BS1822")
        #expect(after.count == 1 && after[0].contains("lost_customer"), "\(after)")
    }

    // MARK: Item 3: booking

    @Test func R2_2_aCarNotYetRegisteredIsBookedThenRegisteredAtReception() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("""
            appt book --name 邵雨桐 --phone 13923456781 --model '星河 S7 2.0T' --at 2026-11-25T14:00 --job 首次保养 --mileage 1800
            """)
        #expect(out.contains("AP-20261125-001") && out.contains("星河 S7 2.0T"), "\(out)")
        #expect(try shell.expectOK("customer find 13923456781").contains("邵雨桐"))
        // At reception: without the car's papers the order cannot open.
        try shell.expectOK("clock set 2026-11-25T13:55")
        #expect(try shell.expectRefusalCodes("appt arrive AP-20261125-001").contains("appointment.register_at_reception"))
        let bad = try shell.expectRefusalCodes("appt arrive AP-20261125-001 --vin LXHCB1A24T0000018 --plate 粤B5K2M8")
        #expect(bad.contains("vehicle.sold_required"), "\(bad)")
        try shell.expectOK("appt arrive AP-20261125-001 --vin LXHCB1A24T0000017 --plate 粤B5K2M8 --sold 2026-10-02")
        let v = try #require(try shell.store.read { try $0.vehicle(plate: "粤B5K2M8") })
        #expect(v.model == "星河 S7 2.0T")
        #expect(try shell.store.read { try $0.customer(id: v.ownerID) }?.name == "邵雨桐")
        #expect(try readings(shell, "粤B5K2M8") == [MileageReading(on: CalendarDate(year: 2026, month: 10, day: 2)!, km: 0),
                                                     MileageReading(on: CalendarDate(year: 2026, month: 11, day: 23)!, km: 1800)])
        let a = try #require(try shell.store.read { try $0.appointment(number: "AP-20261125-001") })
        #expect(a.vehicleID == v.id && a.status == .arrived)
        #expect(try shell.store.read { try $0.repairOrders(vehicleID: v.id) }.first?.appointmentID == a.id)
    }

    @Test func R2_2_aBookingOfACarNotYetRegisteredNeedsNamePhoneAndModel() throws {
        let shell = try TestShell(seeded: true)
        let missing = try shell.expectRefusalCodes("appt book --name 邵雨桐 --at 2026-11-25T14:00 --job 首次保养")
        #expect(missing.filter { $0 == "appointment.new_car_needs" }.count == 2, "\(missing)")
        let both = try shell.expectRefusalCodes("appt book 粤BB8554 --name 邵雨桐 --phone 13923456781 --model 星河 --at 2026-11-25T14:00 --job 保养")
        #expect(both.contains("appointment.plate_or_new_car"), "\(both)")
        let neither = try shell.expectRefusalCodes("appt book --at 2026-11-25T14:00 --job 保养")
        #expect(neither.contains("appointment.plate_or_new_car"), "\(neither)")
        let phone = try shell.expectRefusalCodes("appt book --name 邵雨桐 --phone 12345 --model 星河 --at 2026-11-25T14:00 --job 保养")
        #expect(phone.contains { $0.hasPrefix("phone.") || $0.hasPrefix("customer.") || $0.hasPrefix("mobile") }, "\(phone)")
    }

    @Test func R2_2_aRegisteredCarArrivesWithoutPapers() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤BB8554 --at 2026-11-23T14:00 --job 首次保养")
        try shell.expectOK("clock set 2026-11-23T13:50")
        let codes = try shell.expectRefusalCodes("appt arrive AP-20261123-001 --vin LXHCB1A24T0000017 --plate 粤B5K2M8 --sold 2026-10-02")
        #expect(codes.contains("appointment.car_registered"), "\(codes)")
        try shell.expectOK("appt arrive AP-20261123-001")
    }
}
