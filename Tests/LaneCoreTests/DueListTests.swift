import Testing
@testable import LaneCore

/// The due list over plain values (R1.1-R1.6): what is due, what the log
/// settled, and the other sources' calls.
@Suite struct DueListTests {
    static func day(_ text: String) -> CalendarDate {
        guard let d = CalendarDate(parsing: text) else { fatalError("\(text) is not a date") }
        return d
    }

    static func vehicle(_ id: Int64, _ vin: String, _ plate: String, sold: String, model: String = "星河 S5 1.5T") throws -> Vehicle {
        Vehicle(id: id, vin: try VIN.parse(vin).get(), plate: try LicensePlate.parse(plate).get(), model: model, ownerID: id,
                soldOn: day(sold), mileage: 15, mileageRecordedOn: day(sold), createdAt: Timestamp(secondsSince1970: 0))
    }

    let today = day("2026-11-23")

    /// Sold 2026-10-01: first service due 2026-11-30 (R1.1). Sold 2022-05-14
    /// and never back: lost since 2022-11-10 (R1.3), first service still owed.
    func vehicles() throws -> [Vehicle] {
        [try Self.vehicle(1, "LXHA55K28NG210456", "粤B82396", sold: "2026-10-01"),
         try Self.vehicle(2, "LXHA57M34PG213200", "粤BJ0Q65", sold: "2022-05-14", model: "星河 S7 2.0T")]
    }

    func due(log: [ReminderLogEntry] = [], campaigns: [ServiceCampaign] = [], delays: [DelayedDelivery] = [], stock: [String: Int] = [:],
             otherCalls: [ReferencedCall] = [], only: Int64? = nil) throws -> [DueReminder] {
        ReminderRegister.due(on: today, offset: .china, vehicles: try vehicles().filter { only == nil || $0.id == only },
                             history: [:], log: log.map(\.call), campaigns: campaigns, delays: delays, stock: stock, otherCalls: otherCalls)
    }

    func entry(_ vehicleID: Int64, _ kind: ReminderKind, _ dueOn: String, _ outcome: ReminderOutcome, reference: String? = nil) -> ReminderLogEntry {
        ReminderLogEntry(vehicleID: vehicleID, kind: kind, dueOn: Self.day(dueOn), outcome: outcome, reason: "", at: Timestamp(secondsSince1970: 0),
                         by: "顾静", reference: reference)
    }

    @Test func R1_eachVehiclesRemindersEarliestFirst() throws {
        let list = try due()
        #expect(list.map { "\($0.vehicle.id) \($0.reminder.kind.rawValue)" } == ["2 first_service", "2 lost_customer", "1 first_service"])
        #expect(list.allSatisfy { $0.tries == 0 && $0.reference == nil && $0.delayedID == nil })
    }

    @Test func R1_bookedAndDeclinedLeaveTheListUnreachableStaysWithItsTries() throws {
        let lost = try #require(try due().first { $0.reminder.kind == .lostCustomer })
        let dueOn = lost.reminder.dueOn.description
        let unreachable = try due(log: [entry(2, .lostCustomer, dueOn, .unreachable), entry(2, .lostCustomer, dueOn, .unreachable)])
        #expect(unreachable.first { $0.reminder.kind == .lostCustomer }?.tries == 2)
        for outcome in [ReminderOutcome.booked, .declined] {
            #expect(try !due(log: [entry(2, .lostCustomer, dueOn, outcome)]).contains { $0.reminder.kind == .lostCustomer })
        }
    }

    @Test func R1_5_R1_6_runningCampaignsForTheVehiclesTheyApplyTo() throws {
        let upgrade = ServiceCampaign(code: "UPG-1", kind: .upgrade, title: "车机升级", models: ["星河 S7"], vinPrefix: nil,
                                      startsOn: Self.day("2026-11-01"), endsOn: nil)
        let later = ServiceCampaign(code: "WINTER", kind: .campaign, title: "冬季检测", models: [], vinPrefix: nil,
                                    startsOn: Self.day("2026-12-01"), endsOn: Self.day("2026-12-31"))
        let list = try due(campaigns: [upgrade, later])
        let invited = list.filter { $0.reference != nil }
        #expect(invited.map { "\($0.vehicle.id) \($0.reference ?? "")" } == ["2 UPG-1"])
        #expect(invited.first?.reminder.reason == "technical upgrade UPG-1 车机升级: invite the customer, or upgrade at the next visit")
        #expect(try !due(log: [entry(2, .upgrade, "2026-11-01", .booked, reference: "UPG-1")], campaigns: [upgrade]).contains { $0.reference != nil })
    }

    @Test func R1_4_aDelayIsDueOnceThePartIsIn() throws {
        let delay = DelayedDelivery(id: 7, vehicleID: 1, cause: .partOnBackOrder, partNumber: "XH-51610-0001", note: "前减震器",
                                    expectedOn: nil, openedAt: Timestamp(date: Self.day("2026-11-20"), hour: 10, minute: 0, offset: .china))
        #expect(try due(delays: [delay], stock: ["XH-51610-0001": 0]).allSatisfy { $0.delayedID == nil })
        let ready = try #require(try due(delays: [delay], stock: ["XH-51610-0001": 2]).first { $0.delayedID == 7 })
        #expect(ready.reminder.kind == .delayedDelivery)
        #expect(ready.reminder.dueOn == Self.day("2026-11-20"))
        #expect(ready.reminder.reason == "invite back: part XH-51610-0001 has arrived (2 in stock): 前减震器")
        #expect(try due(delays: [delay], stock: ["XH-51610-0001": 2], only: 2).allSatisfy { $0.delayedID == nil }, "another vehicle's delay")
    }

    @Test func otherSourcesCallsAreKeptByTheirReference() throws {
        let recall = ServiceReminder(kind: .upgrade, dueOn: Self.day("2026-11-20"), estimatedMileage: nil, dueMileage: nil, reason: "召回", rule: "R1.6")
        let call = ReferencedCall(vehicleID: 1, reminder: recall, reference: "rc-2026-12")
        #expect(try due(otherCalls: [call]).contains { $0.reference == "RC-2026-12" })
        #expect(try !due(log: [entry(1, .upgrade, "2026-11-20", .booked, reference: "RC-2026-12")], otherCalls: [call]).contains { $0.reference != nil })
        #expect(try due(otherCalls: [call], only: 2).allSatisfy { $0.reference == nil }, "a vehicle not asked for")
    }

    @Test func R1_3_declineReasonsCountedMostOftenFirst() {
        func declined(_ kind: ReminderKind, _ reason: String) -> ReminderLogEntry {
            ReminderLogEntry(vehicleID: 1, kind: kind, dueOn: today, outcome: .declined, reason: reason, at: Timestamp(secondsSince1970: 0), by: "顾静")
        }
        let log = [declined(.lostCustomer, "搬到外地"), declined(.regularService, "太贵"), declined(.lostCustomer, "搬到外地"),
                   entry(1, .lostCustomer, "2026-11-23", .booked)]
        #expect(ReminderRegister.declineReasons(log).map { "\($0.kind.rawValue) \($0.reason) \($0.count)" }
                == ["lost_customer 搬到外地 2", "regular_service 太贵 1"])
    }

    @Test func R1_4_aDelayHasExactlyOneCauseAndOnlyAFaultGetsAFix() throws {
        #expect(DelayedDelivery.problems(partNumber: nil, noFix: nil).map(\.code) == ["reminder.delay_one_cause"])
        #expect(DelayedDelivery.problems(partNumber: "P", noFix: "x").map(\.code) == ["reminder.delay_one_cause"])
        #expect(DelayedDelivery.problems(partNumber: nil, noFix: " ").map(\.code) == ["reminder.delay_fault_missing"])
        #expect(DelayedDelivery.problems(partNumber: "P", noFix: nil).isEmpty)

        let now = Timestamp(secondsSince1970: 1_795_395_600)
        var part = DelayedDelivery(id: 3, vehicleID: 1, cause: .partOnBackOrder, partNumber: "P", note: "", expectedOn: nil, openedAt: now)
        let refusal = #expect(throws: Refusal.self) { try part.publishFix(at: now) }
        #expect(refusal?.codes == ["reminder.cannot_record_fix", "reminder.delay_waits_for_part"])
        var fault = DelayedDelivery(id: 4, vehicleID: 1, cause: .noKnownFix, partNumber: nil, note: "怠速抖动", expectedOn: nil, openedAt: now)
        #expect(fault.state(partInStock: 0) == .waiting)
        try fault.publishFix(at: now)
        #expect(fault.state(partInStock: 0) == .ready)
        fault.closedAt = now
        #expect(fault.state(partInStock: 0) == .closed)
    }
}
