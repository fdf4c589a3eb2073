import Testing
@testable import LaneCore

/// Fixtures for the appointment rules (R2): the demo store's hours, 8 bays,
/// China time; days in November 2026 (the 23rd is a Monday).
private enum AP {
    static func time(_ text: String) -> TimeOfDay {
        guard let t = TimeOfDay(parsing: text) else { fatalError("\(text) is not a time") }
        return t
    }

    static func range(_ text: String) -> TimeRange {
        guard let r = TimeRange(parsing: text) else { fatalError("\(text) is not a range") }
        return r
    }

    static let settings = StoreSettings(
        name: "星河汽车4S店", code: "XH01", utcOffset: .china, laborRate: Money(fen: 28_000), vatBasisPoints: 1300,
        opens: time("08:00"), closes: time("20:00"), peakHours: [range("08:30-10:30"), range("16:30-18:00")], bays: 8)

    /// A day of November 2026 (32 and up run into December).
    static func day(_ d: Int) -> CalendarDate {
        guard let nov1 = CalendarDate(year: 2026, month: 11, day: 1) else { fatalError() }
        return nov1.adding(days: d - 1)
    }

    static func at(_ d: Int, _ h: Int, _ m: Int = 0) -> Timestamp {
        Timestamp(date: day(d), hour: h, minute: m, offset: .china)
    }

    static func appointment(id: Int64 = 1, start: Timestamp, minutes: Int = 60, advisor: String = "薛淑芬",
                            customerID: Int64 = 1, vehicleID: Int64 = 1, bay: Int? = nil, status: AppointmentStatus = .booked,
                            calledAt: Timestamp? = nil, internalChecks: InternalConfirmations = InternalConfirmations(),
                            attempt: Int = 1) -> Appointment {
        let called = calledAt ?? start.adding(seconds: -2 * 86_400)
        return Appointment(id: id, number: Appointment.number(day: start.date(in: .china), sequence: Int(id)),
                           vehicleID: vehicleID, customerID: customerID, advisor: advisor, start: start,
                           durationMinutes: minutes, job: "10000公里保养", bay: bay, channel: .inbound, status: status,
                           calledAt: called, enteredAt: called.adding(seconds: 600), internalChecks: internalChecks,
                           attempt: attempt)
    }

    /// `count` appointments holding bays from `start` for `minutes`.
    static func fill(_ count: Int, from start: Timestamp, minutes: Int, firstID: Int64 = 100) -> [Appointment] {
        (0..<count).map { appointment(id: firstID + Int64($0), start: start, minutes: minutes, bay: $0 + 1) }
    }

    static func clock(_ t: Timestamp) -> String { t.display(in: .china) }
}

@Suite struct AppointmentTests {
    // MARK: R2.3 slots

    @Test func R2_3_peakSlotOffersTwoAlternatives() {
        let check = AppointmentPlanner.check(request: AP.at(24, 9), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: [])
        #expect(check.isBookable, "a peak slot is explained, not refused")
        #expect(check.isPeak)
        #expect(check.warnings.contains { $0.message.contains("peak time") })
        #expect(check.alternatives.count >= 2)
        #expect(check.alternatives.map(AP.clock) == ["2026-11-24 10:30", "2026-11-24 11:00", "2026-11-24 11:30"])
        for t in check.alternatives {
            #expect(!AppointmentPlanner.isPeak(t, settings: AP.settings))
        }
    }

    @Test func R2_3_offPeakFreeSlotOffersNoAlternatives() {
        let check = AppointmentPlanner.check(request: AP.at(24, 11), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: [])
        #expect(check.isBookable && !check.isPeak && !check.isSameDay)
        #expect(check.problems.isEmpty && check.warnings.isEmpty && check.alternatives.isEmpty)
    }

    @Test func R2_3_secondPeakPeriodCountsToo() {
        #expect(AppointmentPlanner.isPeak(AP.at(24, 16, 30), settings: AP.settings))
        #expect(AppointmentPlanner.isPeak(AP.at(24, 17, 59), settings: AP.settings))
        #expect(!AppointmentPlanner.isPeak(AP.at(24, 18), settings: AP.settings), "a peak ends before its end time")
        #expect(!AppointmentPlanner.isPeak(AP.at(24, 10, 30), settings: AP.settings))
        #expect(!AppointmentPlanner.isPeak(AP.at(24, 8, 29), settings: AP.settings))
    }

    @Test func R2_3_alternativesSkipFullSlots() {
        // All bays taken 10:30-12:00: the first free non-peak slot is 12:00.
        let existing = AP.fill(8, from: AP.at(24, 10, 30), minutes: 90)
        let check = AppointmentPlanner.check(request: AP.at(24, 9), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: existing)
        #expect(check.alternatives.map(AP.clock) == ["2026-11-24 12:00", "2026-11-24 12:30", "2026-11-24 13:00"])
    }

    @Test func R2_3_alternativesRunIntoTheNextDayAndAvoidItsPeak() {
        let existing = AP.fill(8, from: AP.at(24, 18), minutes: 120)
        let check = AppointmentPlanner.check(request: AP.at(24, 18, 30), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: existing)
        #expect(!check.isBookable)
        #expect(check.alternatives.map(AP.clock) == ["2026-11-25 08:00", "2026-11-25 10:30", "2026-11-25 11:00"])
    }

    @Test func R2_3_sameDayWarnsButAllows() {
        let check = AppointmentPlanner.check(request: AP.at(23, 14), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: [])
        #expect(check.isBookable)
        #expect(check.isSameDay)
        #expect(check.warnings.count == 1)
        #expect(check.warnings.first?.message.contains("same-day") == true)
        #expect(check.alternatives.isEmpty, "same day is allowed; no need to offer others")
    }

    @Test func R2_3_sameDayAtPeakWarnsTwiceAndOffersAlternatives() {
        let check = AppointmentPlanner.check(request: AP.at(23, 17), duration: 30, now: AP.at(23, 10),
                                             settings: AP.settings, existing: [])
        #expect(check.isBookable)
        #expect(check.warnings.count == 2)
        #expect(check.alternatives.map(AP.clock) == ["2026-11-23 18:00", "2026-11-23 18:30", "2026-11-23 19:00"])
    }

    @Test func fullBaysAreRefused() {
        let existing = AP.fill(8, from: AP.at(24, 14), minutes: 60)
        let check = AppointmentPlanner.check(request: AP.at(24, 14, 30), duration: 30, now: AP.at(23, 10),
                                             settings: AP.settings, existing: existing)
        #expect(!check.isBookable)
        #expect(check.problems.map(\.field) == ["bays"])
        #expect(check.problems.first?.message.contains("all 8 bays") == true)
        #expect(check.alternatives.count >= 2)
        #expect(check.alternatives.first.map(AP.clock) == "2026-11-24 15:00")

        // Seven of eight taken: bookable.
        let seven = AppointmentPlanner.check(request: AP.at(24, 14, 30), duration: 30, now: AP.at(23, 10),
                                             settings: AP.settings, existing: Array(existing.prefix(7)))
        #expect(seven.isBookable && seven.alternatives.isEmpty)
    }

    @Test func cancelledMovedAndMissedAppointmentsFreeTheirBay() {
        var existing = AP.fill(8, from: AP.at(24, 14), minutes: 60)
        existing[0].status = .cancelled
        existing[1].status = .rescheduled
        existing[2].status = .noShow
        existing[3].status = .arrived
        let check = AppointmentPlanner.check(request: AP.at(24, 14), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: existing)
        #expect(check.isBookable)
        let free = AppointmentPlanner.freeSlots(on: AP.day(24), duration: 60, settings: AP.settings, existing: existing, now: AP.at(23, 10))
        #expect(free.first { $0.start == AP.at(24, 14) }?.baysFree == 3)
    }

    @Test func capacityCountsBaysInUseAtTheSameMomentNotEveryOverlap() {
        // Four bays 14:00-15:00, then four 15:00-16:00: a 2-hour job still finds a bay
        // (never more than four in use at once).
        let existing = AP.fill(4, from: AP.at(24, 14), minutes: 60) + AP.fill(4, from: AP.at(24, 15), minutes: 60, firstID: 200)
        let two = AppointmentPlanner.check(request: AP.at(24, 14), duration: 120, now: AP.at(23, 10),
                                           settings: AP.settings, existing: existing)
        #expect(two.isBookable)
        // Another four from 15:30 make eight at 15:30: the 2-hour job no longer fits,
        // a 60-minute job at 14:00 still does.
        let more = existing + AP.fill(4, from: AP.at(24, 15, 30), minutes: 60, firstID: 300)
        #expect(!AppointmentPlanner.check(request: AP.at(24, 14), duration: 120, now: AP.at(23, 10),
                                          settings: AP.settings, existing: more).isBookable)
        #expect(AppointmentPlanner.check(request: AP.at(24, 14), duration: 60, now: AP.at(23, 10),
                                         settings: AP.settings, existing: more).isBookable)
    }

    @Test func outsideOpeningHoursIsRefused() {
        for (start, minutes) in [(AP.at(24, 7, 30), 60), (AP.at(24, 20), 30), (AP.at(24, 21), 30), (AP.at(24, 19, 30), 60)] {
            let check = AppointmentPlanner.check(request: start, duration: minutes, now: AP.at(23, 10),
                                                 settings: AP.settings, existing: [])
            #expect(!check.isBookable, "\(AP.clock(start))")
            #expect(check.problems.map(\.field) == ["time"], "\(AP.clock(start))")
            #expect(check.alternatives.count >= 2, "refused slots come with alternatives")
        }
        let late = AppointmentPlanner.check(request: AP.at(24, 19, 30), duration: 60, now: AP.at(23, 10),
                                            settings: AP.settings, existing: [])
        #expect(late.problems.first?.message.contains("runs past closing at 20:00") == true)
        let early = AppointmentPlanner.check(request: AP.at(24, 7, 30), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: [])
        #expect(early.problems.first?.message.contains("outside opening hours (08:00-20:00)") == true)
        #expect(early.alternatives.first.map(AP.clock) == "2026-11-24 08:00")
        // The last hour ends exactly at closing: fine.
        #expect(AppointmentPlanner.check(request: AP.at(24, 19), duration: 60, now: AP.at(23, 10),
                                         settings: AP.settings, existing: []).isBookable)
    }

    @Test func pastSlotIsRefusedAndAlternativesStartFromNow() {
        let check = AppointmentPlanner.check(request: AP.at(23, 9), duration: 60, now: AP.at(23, 13, 10),
                                             settings: AP.settings, existing: [])
        #expect(!check.isBookable)
        #expect(check.problems.map(\.field) == ["time"])
        #expect(check.problems.first?.message.contains("in the past") == true)
        #expect(check.alternatives.map(AP.clock) == ["2026-11-23 13:30", "2026-11-23 14:00", "2026-11-23 14:30"])
    }

    @Test func everyProblemOfASlotIsListed() {
        let existing = AP.fill(8, from: AP.at(22, 19), minutes: 60)
        let check = AppointmentPlanner.check(request: AP.at(22, 19, 30), duration: 60, now: AP.at(23, 10),
                                             settings: AP.settings, existing: existing)
        #expect(check.problems.map(\.field) == ["time", "time", "bays"])
    }

    @Test func zeroDurationIsRefusedWithoutAlternatives() {
        let check = AppointmentPlanner.check(request: AP.at(24, 9), duration: 0, now: AP.at(23, 10),
                                             settings: AP.settings, existing: [])
        #expect(check.problems.map(\.field) == ["duration"])
        #expect(check.alternatives.isEmpty)
    }

    @Test func freeSlotsFlagPeakAndSkipFullAndPastSlots() {
        let existing = AP.fill(8, from: AP.at(24, 14), minutes: 60)
        let all = AppointmentPlanner.freeSlots(on: AP.day(24), duration: 60, settings: AP.settings, existing: [], now: AP.at(23, 10))
        #expect(all.count == 23, "08:00 … 19:00 every 30 minutes")
        #expect(all.first.map { AP.clock($0.start) } == "2026-11-24 08:00")
        #expect(all.last.map { AP.clock($0.start) } == "2026-11-24 19:00")
        #expect(all.filter(\.isPeak).map { $0.start.clockText(in: .china, seconds: false) }
                == ["08:30", "09:00", "09:30", "10:00", "16:30", "17:00", "17:30"])
        #expect(all.allSatisfy { $0.baysFree == 8 })

        let afternoon = AppointmentPlanner.freeSlots(on: AP.day(24), duration: 60, settings: AP.settings, existing: existing,
                                                     now: AP.at(24, 12))
        let times = afternoon.map { $0.start.clockText(in: .china, seconds: false) }
        #expect(times.first == "12:00")
        #expect(!times.contains("13:30") && !times.contains("14:00") && !times.contains("14:30"))
        #expect(times.contains("13:00") && times.contains("15:00"))
    }

    @Test func freeBaysLeaveOutAssignedBays() {
        let existing = AP.fill(3, from: AP.at(24, 14), minutes: 60)
        #expect(AppointmentPlanner.freeBays(start: AP.at(24, 14, 30), duration: 30, settings: AP.settings, existing: existing)
                == [4, 5, 6, 7, 8])
        #expect(AppointmentPlanner.freeBays(start: AP.at(24, 15), duration: 30, settings: AP.settings, existing: existing)
                == Array(1...8), "an appointment ending at 15:00 frees its bay at 15:00")
    }

    // MARK: Booking as a whole (R2.3, R2.4, R2.8)

    func booking(_ start: Timestamp?, job: String = "保养", duration: Int = 60, calledAt: Timestamp = AP.at(23, 9), acceptPeak: Bool = false,
                 missed: Appointment? = nil) -> BookingCheck {
        AppointmentPlanner.checkBooking(start: start, duration: duration, job: job, calledAt: calledAt, acceptPeak: acceptPeak, missed: missed,
                                        now: AP.at(23, 9), settings: AP.settings, existing: [])
    }

    @Test func R2_3_aPeakTimeIsRefusedWithAlternativesUnlessTheCustomerInsists() {
        let refused = booking(AP.at(25, 9))
        #expect(refused.problems.map(\.code) == ["appointment.peak_time", "appointment.alternatives"])
        #expect(refused.problems.last?.message == "2026-11-25 10:30, 2026-11-25 11:00, 2026-11-25 11:30")
        let insisted = booking(AP.at(25, 9), acceptPeak: true)
        #expect(insisted.problems.isEmpty)
        #expect(insisted.isPeak)
        #expect(insisted.warnings.map(\.code) == ["appointment.peak_warning"])
        #expect(booking(AP.at(25, 14)).problems.isEmpty)
    }

    @Test func aBookingListsEveryProblemItCan() {
        let check = booking(nil, job: " ", duration: 5, calledAt: AP.at(23, 7))
        #expect(check.problems.map(\.code) == ["appointment.job_missing", "appointment.duration_limits"])
        #expect(check.warnings.map(\.code) == ["appointment.entered_late"], "a late entry is kept, flagged (R2.4)")
        #expect(booking(AP.at(25, 21)).problems.map(\.code) == ["appointment.outside_hours", "appointment.alternatives"])
    }

    @Test func R2_8_aFollowUpIsTheNextAttemptInItsWindow() throws {
        var missed = AP.appointment(start: AP.at(23, 9))
        try missed.markNoShow(now: AP.at(23, 9, 30))
        #expect(booking(AP.at(24, 14), missed: missed).problems.map(\.code) == ["appointment.outside_follow_up_window"])
        let next = booking(AP.at(26, 14), missed: missed)
        #expect(next.problems.isEmpty)
        #expect(next.attempt == 2)
    }

    @Test func R2_5_partsArePutAsideOnlyFromWhatIsNotReserved() {
        let tyre = Part(number: "XH-42751-2355", name: "轮胎 235/55R19", unit: "个", price: Money(fen: 98_000), stock: 4, bin: "A1", group: "tyres")
        #expect(AppointmentPlanner.reservationProblem(part: tyre, reserved: 0, wanted: 4) == nil)
        let short = AppointmentPlanner.reservationProblem(part: tyre, reserved: 2, wanted: 4)
        #expect(short?.field == "XH-42751-2355")
        #expect(short?.message == "轮胎 235/55R19: 2 available, 4 needed; order it and record --parts-expected DATE")
        #expect(AppointmentPlanner.reservationLabel(customer: "卢文博", day: AP.day(24)) == "卢文博 2026-11-24")
    }

    @Test func R2_5_preparationOnlyWhileTheAppointmentIsOpen() throws {
        var a = AP.appointment(start: AP.at(26, 10))
        try a.recordPreparation(Preparation(items: true, needsPlan: true, partsExpectedOn: AP.day(25)), at: AP.at(24, 9))
        #expect(a.internalChecks == InternalConfirmations(advisorItemsAt: AP.at(24, 9), needsTechnicianPlan: true, partsExpectedOn: AP.day(25)))
        try a.cancel(reason: "客户出差")
        let refusal = #expect(throws: Refusal.self) { try a.recordPreparation(Preparation(plan: true), at: AP.at(24, 10)) }
        #expect(refusal?.codes == ["appointment.cannot_prepare", "appointment.not_open"])
    }

    // MARK: R2.4 entry within an hour

    @Test func R2_4_entryMoreThanAnHourAfterTheCallIsFlaggedNotRefused() {
        let call = AP.at(23, 9)
        #expect(AppointmentPlanner.lateEntryWarning(calledAt: call, now: AP.at(23, 9, 5)) == nil)
        #expect(AppointmentPlanner.lateEntryWarning(calledAt: call, now: AP.at(23, 10)) == nil, "exactly one hour is in time")
        #expect(AppointmentPlanner.entryProblem(calledAt: call, now: AP.at(23, 10, 1)) == nil)
        let late = AppointmentPlanner.lateEntryWarning(calledAt: call, now: AP.at(23, 10, 1))
        #expect(late?.field == "called")
        #expect(late?.code == "appointment.entered_late")
        #expect(late?.message == "entered late, and flagged so: the call was 1 h 1 min ago; appointments are entered within 1 hour of the call")
        #expect(AppointmentPlanner.lateEntryWarning(calledAt: call, now: AP.at(23, 12))?.message.contains("the call was 3 h ago") == true)
        #expect(AppointmentPlanner.lateEntryWarning(calledAt: call, now: AP.at(25, 11))?.message.contains("the call was 2 d 2 h ago") == true)
    }

    @Test func R2_4_callTimeInTheFutureIsRefused() {
        let problem = AppointmentPlanner.entryProblem(calledAt: AP.at(23, 11), now: AP.at(23, 10))
        #expect(problem?.message == "the call time is in the future")
    }

    // MARK: R2.5 internal confirmation

    @Test func R2_5_missingInternalConfirmationsAreListed() {
        let fresh = AP.appointment(start: AP.at(26, 10))
        #expect(AppointmentPlanner.internalConfirmationProblems(for: fresh, settings: AP.settings).map(\.field) == ["advisor", "parts"])

        let comeback = AP.appointment(start: AP.at(26, 10), internalChecks: InternalConfirmations(needsTechnicianPlan: true))
        let problems = AppointmentPlanner.internalConfirmationProblems(for: comeback, settings: AP.settings)
        #expect(problems.map(\.field) == ["advisor", "technician", "parts"])
        #expect(problems.map(\.code) == ["appointment.items_missing", "appointment.plan_missing", "appointment.parts_unchecked"])

        let done = AP.appointment(start: AP.at(26, 10), internalChecks: InternalConfirmations(
            advisorItemsAt: AP.at(24, 9), needsTechnicianPlan: true, technicianPlanAt: AP.at(24, 15), partsCheckedAt: AP.at(24, 11)))
        #expect(AppointmentPlanner.internalConfirmationProblems(for: done, settings: AP.settings).isEmpty)
    }

    @Test func R2_5_partsArrivingOnOrAfterTheDayMeanMovingTheAppointment() {
        func problems(partsOn day: Int) -> [Problem] {
            let a = AP.appointment(start: AP.at(26, 10), internalChecks: InternalConfirmations(
                advisorItemsAt: AP.at(24, 9), partsCheckedAt: AP.at(24, 11), partsExpectedOn: AP.day(day)))
            return AppointmentPlanner.internalConfirmationProblems(for: a, settings: AP.settings)
        }
        #expect(problems(partsOn: 25).isEmpty)
        #expect(problems(partsOn: 26).map(\.field) == ["parts"])
        #expect(problems(partsOn: 28).first?.message.contains("move the appointment with the customer") == true)
    }

    @Test func R2_7_reviewOfTheNextDayListsWhatEachAppointmentLacks() {
        let ready = AP.appointment(id: 1, start: AP.at(24, 9), bay: 2, internalChecks: InternalConfirmations(
            advisorItemsAt: AP.at(23, 9), partsCheckedAt: AP.at(23, 11)))
        let unready = AP.appointment(id: 2, start: AP.at(24, 11))
        let cancelled = AP.appointment(id: 3, start: AP.at(24, 12), status: .cancelled)
        let otherDay = AP.appointment(id: 4, start: AP.at(25, 12))
        let review = AppointmentPlanner.review(day: AP.day(24), settings: AP.settings, appointments: [otherDay, cancelled, unready, ready])
        #expect(review.map(\.field) == ["AP-20261124-002 advisor", "AP-20261124-002 parts", "AP-20261124-002 bay"])
    }

    // MARK: R2.6 customer confirmation

    @Test func R2_6_dayBeforeConfirmationWhenBookedThreeDaysAhead() throws {
        var a = AP.appointment(start: AP.at(26, 10), calledAt: AP.at(23, 18))
        func dayBefore(_ now: Timestamp) -> ConfirmationDue? {
            AppointmentPlanner.customerConfirmationsDue(for: a, now: now, settings: AP.settings).first { $0.kind == .dayBefore }
        }
        let due = try #require(dayBefore(AP.at(24, 9)))
        #expect(due.dueFrom == AP.at(25, 8), "from opening on the day before")
        #expect(due.deadline == AP.at(26, 0), "overdue once the appointment's day begins")
        #expect(due.state == .notYetDue)
        #expect(dayBefore(AP.at(25, 8))?.state == .due)
        #expect(dayBefore(AP.at(25, 19, 59))?.state == .due)
        #expect(dayBefore(AP.at(26, 7))?.state == .overdue)

        try a.recordCustomerConfirmation(.dayBefore, at: AP.at(25, 10))
        #expect(a.status == .confirmed)
        #expect(dayBefore(AP.at(26, 7))?.state == .done)
        #expect(dayBefore(AP.at(26, 7))?.doneAt == AP.at(25, 10))
    }

    @Test func R2_6_threeCalendarDaysCountNotSeventyTwoHours() {
        // Called late on the 23rd for early on the 26th: under 72 hours, but 3 days ahead.
        let a = AP.appointment(start: AP.at(26, 8), calledAt: AP.at(23, 19, 30))
        let kinds = AppointmentPlanner.customerConfirmationsDue(for: a, now: AP.at(24, 9), settings: AP.settings).map(\.kind)
        #expect(kinds == [.dayBefore, .hourBefore])
    }

    @Test func R2_6_noDayBeforeConfirmationWhenBookedTwoDaysAhead() {
        let a = AP.appointment(start: AP.at(25, 10), calledAt: AP.at(23, 9))
        let kinds = AppointmentPlanner.customerConfirmationsDue(for: a, now: AP.at(24, 9), settings: AP.settings).map(\.kind)
        #expect(kinds == [.hourBefore])
    }

    @Test func R2_6_hourBeforeConfirmation() throws {
        var a = AP.appointment(start: AP.at(24, 14), calledAt: AP.at(23, 10))
        func hourBefore(_ now: Timestamp) -> ConfirmationDue? {
            AppointmentPlanner.customerConfirmationsDue(for: a, now: now, settings: AP.settings).first { $0.kind == .hourBefore }
        }
        #expect(hourBefore(AP.at(24, 12, 59))?.state == .notYetDue)
        #expect(hourBefore(AP.at(24, 13))?.state == .due)
        #expect(hourBefore(AP.at(24, 13))?.dueFrom == AP.at(24, 13))
        #expect(hourBefore(AP.at(24, 14))?.state == .overdue)
        try a.recordCustomerConfirmation(.hourBefore, at: AP.at(24, 13, 5))
        #expect(hourBefore(AP.at(24, 14))?.state == .done)
    }

    @Test func R2_6_noHourBeforeCallWhenBookedWithinTheHour() {
        let a = AP.appointment(start: AP.at(23, 14), calledAt: AP.at(23, 13, 20))
        #expect(AppointmentPlanner.customerConfirmationsDue(for: a, now: AP.at(23, 13, 30), settings: AP.settings).isEmpty)
    }

    @Test func R2_6_closedAppointmentsNeedNoConfirmation() {
        for status in [AppointmentStatus.arrived, .noShow, .cancelled, .rescheduled] {
            let a = AP.appointment(start: AP.at(26, 10), status: status, calledAt: AP.at(20, 10))
            #expect(AppointmentPlanner.customerConfirmationsDue(for: a, now: AP.at(25, 10), settings: AP.settings).isEmpty)
        }
    }

    // MARK: R2.7 board

    @Test func R2_7_boardHasAnHourColumnPerWorkingHour() {
        let board = AppointmentBoard(day: AP.day(24), settings: AP.settings, appointments: [], customers: [:], plates: [:],
                                     now: AP.at(24, 8), advisors: ["薛淑芬"])
        #expect(board.hours.map(\.description) == ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00",
                                                   "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"])
        #expect(board.rows.count == 1)
        #expect(board.rows.first?.cells.count == 12)
        #expect(board.rows.first?.cards.isEmpty == true)
    }

    @Test func R2_7_cardsSitInTheirAdvisorsRowAndHourWithArrivedAndLateMarks() {
        let appointments = [
            AP.appointment(id: 1, start: AP.at(24, 9, 30), advisor: "薛淑芬", customerID: 11, vehicleID: 21, bay: 3, status: .arrived),
            AP.appointment(id: 2, start: AP.at(24, 9, 45), advisor: "薛淑芬", customerID: 12, vehicleID: 22),
            AP.appointment(id: 3, start: AP.at(24, 10), advisor: "王建国", customerID: 13, vehicleID: 23),
            AP.appointment(id: 4, start: AP.at(24, 8), advisor: "王建国", customerID: 14, vehicleID: 24, status: .noShow),
            AP.appointment(id: 5, start: AP.at(24, 11), advisor: "王建国", status: .cancelled),
            AP.appointment(id: 6, start: AP.at(25, 9), advisor: "李娜"),
            AP.appointment(id: 7, start: AP.at(24, 19, 59), advisor: "李娜", customerID: 15, vehicleID: 25, status: .confirmed),
        ]
        let board = AppointmentBoard(day: AP.day(24), settings: AP.settings, appointments: appointments,
                                     customers: [11: "贺倩", 12: "周杰", 13: "林芳"], plates: [21: "粤B12345", 22: "粤BD12345"],
                                     now: AP.at(24, 10, 5))
        #expect(board.rows.map(\.advisor) == ["李娜", "王建国", "薛淑芬"].sorted())
        let xue = board.rows.first { $0.advisor == "薛淑芬" }
        let nine = xue?.cells[1] ?? []
        #expect(nine.map(\.number) == ["AP-20261124-001", "AP-20261124-002"])
        #expect(nine.first?.customer == "贺倩")
        #expect(nine.first?.plate == "粤B12345")
        #expect(nine.first?.time.description == "09:30")
        #expect(nine.first?.job == "10000公里保养")
        #expect(nine.first?.bay == 3)
        #expect(nine.map(\.mark) == [.arrived, .late], "09:45 is more than 15 minutes ago at 10:05")

        let wang = board.rows.first { $0.advisor == "王建国" }
        #expect(wang?.cells[0].map(\.mark) == [.noShow])
        #expect(wang?.cells[2].map(\.mark) == [.none], "10:00 is within the 15-minute grace at 10:05")
        #expect(wang?.cells[2].first?.plate == "#23", "an unknown plate shows the vehicle's id")
        #expect(wang?.cards.count == 2, "cancelled appointments are not on the board")

        let li = board.rows.first { $0.advisor == "李娜" }
        #expect(li?.cells[11].map(\.number) == ["AP-20261124-007"], "the next day's appointment is not on this board")
        #expect(board.late.map(\.number) == ["AP-20261124-002"])
        #expect(board.outsideHours.isEmpty)
        #expect(board.cards.count == 5)
    }

    @Test func R2_7_cardsOutsideTheWorkingHoursAreKeptApart() {
        let early = AP.appointment(id: 1, start: AP.at(24, 7, 30))
        let board = AppointmentBoard(day: AP.day(24), settings: AP.settings, appointments: [early], customers: [:], plates: [:],
                                     now: AP.at(23, 17))
        #expect(board.outsideHours.map(\.number) == ["AP-20261124-001"])
        #expect(board.rows.first?.cards.isEmpty == true)
    }

    @Test func lateAfterFifteenMinutesGraceUnlessArrived() throws {
        var a = AP.appointment(start: AP.at(24, 9))
        #expect(!AppointmentPlanner.isLate(a, now: AP.at(24, 9, 15)))
        #expect(AppointmentPlanner.isLate(a, now: AP.at(24, 9, 16)))
        try a.markArrived()
        #expect(!AppointmentPlanner.isLate(a, now: AP.at(24, 9, 16)))
    }

    // MARK: R2.8 arrival and no-shows

    @Test func R2_8_noShowSecondAttemptThreeToTenDaysLater() {
        let second = AppointmentPlanner.noShowFollowUps(agreedDay: AP.day(24), attempt: 1)
        #expect(second.map { "\($0.lowerBound)…\($0.upperBound)" } == "2026-11-27…2026-12-04")
        #expect(AppointmentPlanner.noShowFollowUps(agreedDay: AP.day(30), attempt: 2).map { "\($0.lowerBound)…\($0.upperBound)" }
                == "2026-12-03…2026-12-10")
    }

    @Test func R2_8_noFourthAttempt() {
        #expect(AppointmentPlanner.noShowFollowUps(agreedDay: AP.day(24), attempt: 3) == nil)
        #expect(AppointmentPlanner.noShowFollowUps(agreedDay: AP.day(24), attempt: 0) == nil)
    }

    @Test func R2_8_followUpMustFallInTheWindowOfAMissedAppointment() throws {
        var missed = AP.appointment(start: AP.at(24, 9))
        #expect(AppointmentPlanner.followUpProblem(missed: missed, start: AP.at(28, 9), settings: AP.settings)?.field == "appointment")
        try missed.markNoShow(now: AP.at(24, 12))
        #expect(AppointmentPlanner.followUpProblem(missed: missed, start: AP.at(27, 9), settings: AP.settings) == nil)
        #expect(AppointmentPlanner.followUpProblem(missed: missed, start: AP.at(34, 19), settings: AP.settings) == nil)
        #expect(AppointmentPlanner.followUpProblem(missed: missed, start: AP.at(26, 9), settings: AP.settings)?.field == "time")
        #expect(AppointmentPlanner.followUpProblem(missed: missed, start: AP.at(35, 9), settings: AP.settings)?.field == "time")
        missed.attempt = 3
        #expect(AppointmentPlanner.followUpProblem(missed: missed, start: AP.at(28, 9), settings: AP.settings)?.field == "attempt")
    }

    @Test func R2_8_arrivalClosesTheAppointment() throws {
        var a = AP.appointment(start: AP.at(24, 9))
        try a.markArrived()
        #expect(a.status == .arrived)
        #expect(throws: Refusal.self) { try a.markArrived() }
        #expect(throws: Refusal.self) { try a.cancel(reason: "客户改期") }
        #expect(throws: Refusal.self) { try a.recordCustomerConfirmation(.hourBefore, at: AP.at(24, 9)) }
    }

    @Test func R2_8_noShowOnlyAfterTheGracePeriod() throws {
        var a = AP.appointment(start: AP.at(24, 9))
        let refusal = #expect(throws: Refusal.self) { try a.markNoShow(now: AP.at(24, 9, 10)) }
        #expect(refusal?.problems.map(\.field) == ["time"])
        #expect(a.status == .booked)
        try a.markNoShow(now: AP.at(24, 9, 20))
        #expect(a.status == .noShow)
    }

    // MARK: Register entries

    @Test func appointmentNumberIsDayAndThreeDigitSequence() {
        #expect(Appointment.number(day: AP.day(24), sequence: 3) == "AP-20261124-003")
        #expect(Appointment.number(day: AP.day(24), sequence: 1234) == "AP-20261124-1234")
    }

    @Test func R2_5_cancelAndMoveNeedAReasonAndKeepIt() throws {
        var a = AP.appointment(start: AP.at(26, 10))
        let refusal = #expect(throws: Refusal.self) { try a.cancel(reason: "  ") }
        #expect(refusal?.problems.map(\.field) == ["reason"])
        try a.cancel(reason: "暂无维修方案")
        #expect(a.status == .cancelled && a.note == "cancelled: 暂无维修方案")

        var b = AP.appointment(start: AP.at(26, 10))
        try b.markRescheduled(reason: "配件未到")
        #expect(b.status == .rescheduled && b.note == "moved: 配件未到")
    }

    @Test func statusRawValuesAreSnakeCase() {
        #expect(AppointmentStatus.allCases.map(\.rawValue) == ["booked", "confirmed", "arrived", "no_show", "cancelled", "rescheduled"])
        #expect(AppointmentChannel.allCases.map(\.rawValue) == ["inbound", "outbound", "campaign"])
    }
}
