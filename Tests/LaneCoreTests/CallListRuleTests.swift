import PropertyBased
import Testing
@testable import LaneCore

// Issue 12, items 1-2: every odometer reading counts and none goes backwards
// (R1.1, R1.2, R2.1); the call lists' precedence (R1.2, R1.3, R2.8). Each
// test is named after the rule it checks.

@Suite struct CallListRuleTests {
    static func day(_ text: String) -> CalendarDate {
        guard let d = CalendarDate(parsing: text) else { fatalError("\(text) is not a date") }
        return d
    }

    static func reminder(_ kind: ReminderKind, _ due: String) -> ServiceReminder {
        ServiceReminder(kind: kind, dueOn: day(due), estimatedMileage: nil, dueMileage: nil, reason: "", rule: kind.rule)
    }

    // MARK: R1.1, R1.2, R2.1: readings

    @Test func R1_1_aReadingOutsideAVisitBringsTheFirstServiceForward() throws {
        // Sold 40 days before 2026-11-23 at 10 km; the owner reports 2,600 km today.
        let sold = "2026-10-14"
        let withoutReading = ServiceReminders.due(soldOn: Self.day(sold), saleMileage: 10, visits: [], today: Self.day("2026-11-23"))
        #expect(withoutReading.isEmpty, "60 days alone: due 2026-12-13, outside the horizon")
        let reading = MileageReading(on: Self.day("2026-11-23"), km: 2_600)
        let due = ServiceReminders.due(soldOn: Self.day(sold), saleMileage: 10, visits: [], readings: [reading], today: Self.day("2026-11-23"))
        let first = try #require(due.first { $0.kind == .firstService })
        #expect(first.isOverdue(on: Self.day("2026-11-23")), "2,000 km were driven by day 31: \(first.reason)")
        #expect(first.estimatedMileage == 2_600)
    }

    @Test func R1_2_theLatestReadingOfTheDayCounts() {
        // A visit imported at 1,800 km and a reading of 1,900 km the same day: the estimate starts at 1,900.
        let visits = [ServiceVisitRecord(on: Self.day("2026-11-20"), mileage: 1_800, kind: .repair)]
        let reading = MileageReading(on: Self.day("2026-11-20"), km: 1_900)
        let est = ServiceReminders.estimatedMileage(soldOn: Self.day("2026-10-01"), saleMileage: 0, visits: visits,
                                                    readings: [reading], today: Self.day("2026-11-20"))
        #expect(est == 1_900)
    }

    @Test func R1_2_readingsFromTheHistoryCountWhateverTookThem() {
        let t = Timestamp(date: Self.day("2026-11-20"), hour: 9, minute: 0, offset: .china)
        func event(_ kind: VehicleEventKind, _ on: String, _ km: Int?) -> ServiceHistoryEntry {
            ServiceHistoryEntry(VehicleEvent(id: 1, vehicleID: 1, kind: kind, visitKind: kind == .visit ? .repair : nil, occurredOn: Self.day(on),
                                             mileage: km, detail: "", recordedAt: t, recordedBy: "test"))
        }
        let history = [event(.sold, "2026-10-01", 5), event(.visit, "2026-11-01", 1_000), event(.mileage, "2026-11-10", 1_500),
                       event(.edit, "2026-11-11", nil)]
        #expect(MileageReading.readings(from: history) == [MileageReading(on: Self.day("2026-11-01"), km: 1_000),
                                                           MileageReading(on: Self.day("2026-11-10"), km: 1_500)],
                "the sale is the starting point, not a reading of use; an edit has no reading")
    }

    @Test func R2_1_aReadingMayNotGoBackwardsTheSameDay() {
        let today = Self.day("2026-11-23")
        let history = [MileageReading(on: Self.day("2026-11-01"), km: 1_000), MileageReading(on: today, km: 1_900)]
        let lower = MileageRule.problem(adding: MileageReading(on: today, km: 1_850), to: history)
        #expect(lower?.code == "mileage.below_earlier", "a lower reading than one taken earlier the same day")
        #expect(MileageRule.problem(adding: MileageReading(on: today, km: 1_900), to: history) == nil, "the same reading again")
        #expect(MileageRule.problem(adding: MileageReading(on: today, km: 1_950), to: history) == nil)
        #expect(MileageRule.problem(adding: MileageReading(on: Self.day("2026-10-20"), km: 1_200), to: history)?.code == "mileage.above_later")
    }

    // MARK: R1.3 against the service interval

    @Test func R1_3_aRegularServiceCustomerIsNotLostBeforeTheServiceFallsDue() {
        // Serviced 2026-05-24 at 10,000 km, 20 km/day: the 6 months end 2026-11-24, 184 days later.
        let visits = [ServiceVisitRecord(on: Self.day("2025-11-24"), mileage: 6_400, kind: .firstService),
                      ServiceVisitRecord(on: Self.day("2026-05-24"), mileage: 10_000, kind: .regularService)]
        let onDay180 = ServiceReminders.due(soldOn: Self.day("2025-09-01"), saleMileage: 0, visits: visits, today: Self.day("2026-11-20"))
        #expect(onDay180.map(\.kind) == [.regularService], "180 days without a visit, but the service is not due until 2026-11-24")
        let onDueDay = ServiceReminders.due(soldOn: Self.day("2025-09-01"), saleMileage: 0, visits: visits, today: Self.day("2026-11-24"))
        #expect(onDueDay.map(\.kind) == [.lostCustomer])
        #expect(ServiceReminders.lostOn(soldOn: Self.day("2025-09-01"), lastVisit: Self.day("2026-05-24"),
                                        regularDue: Self.day("2026-11-24"), policy: .standard) == Self.day("2026-11-24"))
        #expect(ServiceReminders.lostOn(soldOn: Self.day("2025-09-01"), lastVisit: Self.day("2026-05-24"),
                                        regularDue: nil, policy: .standard) == Self.day("2026-11-20"))
    }

    // MARK: The precedence between reminder kinds

    @Test func R1_3_theWinBackCallPutsAsideTheRegularServiceButNotTheFirst() {
        let kept = ReminderPrecedence.callable([Self.reminder(.firstService, "2026-01-01"), Self.reminder(.regularService, "2026-11-01"),
                                                Self.reminder(.lostCustomer, "2026-11-20")])
        #expect(kept.map(\.kind) == [.firstService, .lostCustomer])
    }

    @Test func R2_8_theNextAttemptPutsAsideTheServiceAndWinBackCalls() {
        let kept = ReminderPrecedence.callable([Self.reminder(.firstService, "2026-01-01"), Self.reminder(.lostCustomer, "2026-11-20"),
                                                Self.reminder(.missedAppointment, "2026-11-22"), Self.reminder(.campaign, "2026-11-01")])
        #expect(kept.map(\.kind) == [.missedAppointment, .campaign], "campaigns are calls of their own")
        for kind in ReminderKind.allCases { #expect(!ReminderPrecedence.putsAside(kind).contains(kind)) }
        #expect(ReminderPrecedence.putsAside(.campaign).isEmpty && ReminderPrecedence.putsAside(.upgrade).isEmpty
                && ReminderPrecedence.putsAside(.delayedDelivery).isEmpty)
    }

    @Test func R1_2_aCarInTheWorkshopOrBookedIsOnNoCallList() throws {
        let t = Timestamp(date: Self.day("2026-01-01"), hour: 9, minute: 0, offset: .china)
        func vehicle(_ id: Int64) throws -> Vehicle {
            Vehicle(id: id, vin: try VIN.parse("LXHCB1A24T0000017").get(), plate: try LicensePlate.parse("粤B1234\(id)").get(),
                    model: "X", ownerID: 1, soldOn: Self.day("2023-01-01"), mileage: 0, mileageRecordedOn: Self.day("2023-01-01"), createdAt: t)
        }
        let items = try [1, 2, 3].map { DueReminder(reminder: Self.reminder(.firstService, "2023-03-02"), vehicle: try vehicle(Int64($0)), tries: 0) }
        let kept = ReminderPrecedence.callable(items, standing: [1: .inWorkshop, 2: .booked])
        #expect(kept.map(\.vehicle.id) == [3])
        #expect(!ReminderPrecedence.mayCall(.inWorkshop) && !ReminderPrecedence.mayCall(.booked) && ReminderPrecedence.mayCall(nil))
    }

    /// The precedence by bits gives what the plain rule gives with sets of kinds: for random lists of reminders
    /// of any kind, on three cars, some in the workshop or booked; and the bits are `putsAside`'s.
    @Test func thePrecedenceByBitsIsThePlainRule() async throws {
        let t = Timestamp(date: Self.day("2026-01-01"), hour: 9, minute: 0, offset: .china)
        let cars = try (1...3).map { id in
            Vehicle(id: Int64(id), vin: try VIN.parse("LXHCB1A24T0000017").get(), plate: try LicensePlate.parse("粤B1234\(id)").get(),
                    model: "X", ownerID: 1, soldOn: Self.day("2023-01-01"), mileage: 0, mileageRecordedOn: Self.day("2023-01-01"), createdAt: t)
        }
        for kind in ReminderKind.allCases {
            for other in ReminderKind.allCases {
                #expect((ReminderPrecedence.asideBits(kind) & ReminderPrecedence.bit(other) != 0) == ReminderPrecedence.putsAside(kind).contains(other))
            }
        }
        let pick = PropertyBased.zip(Gen<ReminderKind?>.element(of: ReminderKind.allCases), Gen.int(in: 0...2))
        await propertyCheck(count: 400, input: PropertyBased.zip(pick.array(of: 0...9), Gen.int(in: 0...3))) { input in
            let (picks, held) = input
            let reminders = picks.compactMap { kind, _ in kind.map { Self.reminder($0, "2026-11-01") } }
            let aside = reminders.reduce(into: Set<ReminderKind>()) { $0.formUnion(ReminderPrecedence.putsAside($1.kind)) }
            #expect(ReminderPrecedence.callable(reminders).map(\.kind) == reminders.filter { !aside.contains($0.kind) }.map(\.kind))
            let items = picks.compactMap { kind, car in kind.map { DueReminder(reminder: Self.reminder($0, "2026-11-01"), vehicle: cars[car], tries: 0) } }
            let standing: [Int64: ReminderPrecedence.Standing] = held == 0 ? [:] : [Int64(held): held == 2 ? .booked : .inWorkshop]
            var perCar: [Int64: Set<ReminderKind>] = [:]
            for item in items { perCar[item.vehicle.id, default: []].formUnion(ReminderPrecedence.putsAside(item.reminder.kind)) }
            let plain = items.filter { standing[$0.vehicle.id] == nil && !(perCar[$0.vehicle.id]?.contains($0.reminder.kind) ?? false) }
            #expect(ReminderPrecedence.callable(items, standing: standing) == plain)
        }
    }

    // MARK: R2.8, R2.4

    @Test func R2_8_aNoShowIsCalledForTheNextAttemptUntilItsWindowCloses() throws {
        let start = Timestamp(date: Self.day("2026-11-19"), hour: 11, minute: 0, offset: .china)
        var missed = Appointment(number: "AP-20261119-001", vehicleID: 7, customerID: 1, advisor: "薛淑芬", start: start, durationMinutes: 60,
                                 job: "保养", channel: .outbound, status: .noShow, calledAt: start.adding(seconds: -86_400),
                                 enteredAt: start.adding(seconds: -86_000))
        let call = try #require(AppointmentPlanner.nextAttemptCall(after: missed, offset: .china, today: Self.day("2026-11-19")))
        #expect(call.kind == .missedAppointment && call.rule == "R2.8")
        #expect(call.dueOn == Self.day("2026-11-22"))
        #expect(AppointmentPlanner.nextAttemptCall(after: missed, offset: .china, today: Self.day("2026-11-29")) != nil)
        #expect(AppointmentPlanner.nextAttemptCall(after: missed, offset: .china, today: Self.day("2026-11-30")) == nil, "the window closed")
        missed.attempt = 3
        #expect(AppointmentPlanner.nextAttemptCall(after: missed, offset: .china, today: Self.day("2026-11-20")) == nil, "after the third, none")
        missed.attempt = 2
        #expect(AppointmentPlanner.nextAttemptCall(after: missed, offset: .china, today: Self.day("2026-11-20")) != nil, "the third attempt")
        missed.status = .arrived
        #expect(AppointmentPlanner.nextAttemptCall(after: missed, offset: .china, today: Self.day("2026-11-20")) == nil)
    }

    @Test func R2_4_aLateEntryIsKeptAndFlagged() {
        let call = Timestamp(date: Self.day("2026-11-23"), hour: 9, minute: 0, offset: .china)
        let late = call.adding(seconds: 3_601)
        #expect(AppointmentPlanner.entryProblem(calledAt: call, now: late) == nil, "not refused")
        #expect(AppointmentPlanner.lateEntryWarning(calledAt: call, now: late)?.code == "appointment.entered_late")
        #expect(AppointmentPlanner.lateEntryWarning(calledAt: call, now: call.adding(seconds: 3_600)) == nil, "exactly one hour is in time")
        #expect(AppointmentPlanner.isLateEntry(calledAt: call, enteredAt: late))
        #expect(AppointmentPlanner.entryProblem(calledAt: late, now: call)?.code == "appointment.call_in_future")
    }
}
