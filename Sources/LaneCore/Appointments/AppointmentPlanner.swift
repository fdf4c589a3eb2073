/// What the planner says about a requested slot (R2.3).
public struct SlotCheck: Sendable, Equatable {
    public var start: Timestamp
    public var durationMinutes: Int
    /// Why the slot cannot be booked: outside opening hours, in the past, all bays taken.
    public var problems: [Problem]
    /// Bookable, but tell the customer: a peak time, a same-day appointment.
    public var warnings: [Problem]
    /// Free, non-peak slots to offer instead, earliest first; at least two
    /// (`AppointmentPlanner.alternativesOffered`) when the slot is at a peak
    /// time or cannot be booked, empty otherwise.
    public var alternatives: [Timestamp]
    public var isPeak: Bool
    public var isSameDay: Bool

    /// No problem: the appointment may be entered (warnings are told, not enforced).
    public var isBookable: Bool { problems.isEmpty }
}

/// What the planner says about a booking as a whole (see `AppointmentPlanner.checkBooking`).
public struct BookingCheck: Sendable, Equatable {
    /// Why it cannot be booked; empty when it can.
    public var problems: [Problem]
    /// Told to the customer, not enforced: a peak time they insist on, a same-day appointment.
    public var warnings: [Problem]
    public var isPeak: Bool
    /// R2.8: 1, or the attempt after the missed appointment's.
    public var attempt: Int
}

/// A slot of a day with room left (see `AppointmentPlanner.freeSlots`).
public struct FreeSlot: Sendable, Equatable {
    public var start: Timestamp
    /// At a peak time: offer it only when the customer wants no other (R2.3).
    public var isPeak: Bool
    /// Bays still free for the whole slot.
    public var baysFree: Int
}

/// Where a customer confirmation stands.
public enum ConfirmationState: String, CaseIterable, Sendable {
    case done
    /// Not yet time to call.
    case notYetDue = "not_yet_due"
    /// Time to call now.
    case due
    /// Its time has passed without a confirmation.
    case overdue
}

/// One customer confirmation an appointment needs (R2.6).
public struct ConfirmationDue: Sendable, Equatable {
    public var kind: CustomerConfirmationKind
    /// From when to call.
    public var dueFrom: Timestamp
    /// Not confirmed by then: overdue.
    public var deadline: Timestamp
    public var doneAt: Timestamp?
    public var state: ConfirmationState
}

/// The appointment rules (R2.3-R2.8) as pure functions: time comes in as
/// arguments, nothing is read or written.
///
/// Slots: a slot is bookable when it starts at or after opening, ends by
/// closing, is not in the past, and fewer appointments than the store has
/// bays hold a bay at every moment of it. Peak time is judged by the start
/// (when the customer arrives at reception), not by the whole job.
public enum AppointmentPlanner {
    /// Slots are offered every 30 minutes from opening.
    public static let slotStepMinutes = 30
    /// How many alternatives are offered for a peak or full slot; R2.3 asks for at least two.
    public static let alternativesOffered = 3
    /// How far ahead alternatives are searched.
    public static let searchDays = 14
    /// A customer is late (board mark, no-show) this long after the appointment time.
    /// The spec names no grace period; 15 minutes is the common dealership practice.
    public static let lateGraceMinutes = 15
    /// R2.4: the appointment is in the system within this many minutes of the call.
    public static let entryLimitMinutes = 60
    /// R2.6: booked this many calendar days ahead or more, the customer is confirmed again the day before.
    public static let dayBeforeConfirmationFromDays = 3
    /// R2.8: a no-show's next attempt falls this many days after the missed day.
    public static let noShowFollowUpDays = 3...10
    /// R2.8: the first appointment and two more attempts.
    public static let maxAttempts = 3

    // MARK: - Slots (R2.3)

    /// Checks a requested slot. `existing` are the appointments already
    /// registered (leave out the one being moved); only those that hold a bay count.
    public static func check(request start: Timestamp, duration: Int, now: Timestamp, settings: StoreSettings,
                             existing: [Appointment]) -> SlotCheck {
        let offset = settings.utcOffset
        var problems: [Problem] = []
        var warnings: [Problem] = []
        let peak = isPeak(start, settings: settings)
        let sameDay = start.date(in: offset) == now.date(in: offset) && start >= now
        if duration <= 0 {
            problems.append(Problem("duration", Message("appointment.no_duration")))
        } else if let p = hoursProblem(start: start, duration: duration, settings: settings) {
            problems.append(p)
        }
        if start < now { problems.append(Problem("time", Message("appointment.in_the_past", ["start": .time(start)]))) }
        if duration > 0 && busyBays(from: start, minutes: duration, existing: existing) >= settings.bays {
            // R2.3: offer another slot.
            problems.append(Problem("bays", Message("appointment.bays_full", ["bays": .int(settings.bays), "start": .time(start)])))
        }
        if peak {
            // R2.3: explain, and offer another slot.
            warnings.append(Problem("time", Message("appointment.peak_warning", [
                "clock": .text(start.clockText(in: offset, seconds: false)),
                "peaks": .list(settings.peakHours.map { .text($0.description) })])))
        }
        if sameDay {
            warnings.append(Problem("time", Message("appointment.same_day")))  // R2.3
        }
        var alternatives: [Timestamp] = []
        if duration > 0 && (peak || !problems.isEmpty) {
            alternatives = self.alternatives(after: start, duration: duration, now: now, settings: settings,
                                             existing: existing, count: alternativesOffered)
        }
        return SlotCheck(start: start, durationMinutes: duration, problems: problems, warnings: warnings,
                         alternatives: alternatives, isPeak: peak, isSameDay: sameDay)
    }

    /// Free, non-peak, bookable slots after `start` (or after now, when later),
    /// earliest first, searched in 30-minute steps over the next `searchDays` days.
    public static func alternatives(after start: Timestamp, duration: Int, now: Timestamp, settings: StoreSettings,
                                    existing: [Appointment], count: Int = alternativesOffered) -> [Timestamp] {
        guard duration > 0, count > 0 else { return [] }
        let from = max(start, now)
        let firstDay = from.date(in: settings.utcOffset)
        var found: [Timestamp] = []
        for d in 0...searchDays {
            for slot in gridSlots(on: firstDay.adding(days: d), duration: duration, settings: settings) where slot > start && slot >= now {
                if isPeak(slot, settings: settings) { continue }
                if busyBays(from: slot, minutes: duration, existing: existing) >= settings.bays { continue }
                found.append(slot)
                if found.count == count { return found }
            }
        }
        return found
    }

    /// The day's slots (every 30 minutes from opening, ending by closing) that
    /// are not in the past and still have a free bay; peak slots are flagged.
    public static func freeSlots(on day: CalendarDate, duration: Int, settings: StoreSettings, existing: [Appointment],
                                 now: Timestamp) -> [FreeSlot] {
        guard duration > 0 else { return [] }
        return gridSlots(on: day, duration: duration, settings: settings).compactMap { slot in
            guard slot >= now else { return nil }
            let free = settings.bays - busyBays(from: slot, minutes: duration, existing: existing)
            return free > 0 ? FreeSlot(start: slot, isPeak: isPeak(slot, settings: settings), baysFree: free) : nil
        }
    }

    /// Bay numbers (1…bays) no appointment holding a bay is assigned to during the slot.
    public static func freeBays(start: Timestamp, duration: Int, settings: StoreSettings, existing: [Appointment]) -> [Int] {
        guard settings.bays > 0 else { return [] }
        let end = start.adding(seconds: Int64(duration) * 60)
        let taken = Set(existing.filter { $0.overlaps(from: start, to: end) }.compactMap(\.bay))
        return (1...settings.bays).filter { !taken.contains($0) }
    }

    /// True when `t` falls in one of the store's peak hours (start included, end excluded).
    public static func isPeak(_ t: Timestamp, settings: StoreSettings) -> Bool {
        let minute = TimeOfDay(minutes: t.secondOfDay(in: settings.utcOffset) / 60)
        return settings.peakHours.contains { $0.contains(minute) }
    }

    /// The most appointments holding a bay at the same moment within `[start, start + minutes)`.
    static func busyBays(from start: Timestamp, minutes: Int, existing: [Appointment]) -> Int {
        let end = start.adding(seconds: Int64(minutes) * 60)
        let overlapping = existing.filter { $0.overlaps(from: start, to: end) }
        // The count only rises where an appointment starts, so those moments are enough.
        let moments = [start] + overlapping.map(\.start).filter { $0 > start }
        return moments.map { m in overlapping.filter { $0.start <= m && m < $0.end }.count }.max() ?? 0
    }

    static func hoursProblem(start: Timestamp, duration: Int, settings: StoreSettings) -> Problem? {
        let offset = settings.utcOffset
        let minute = start.secondOfDay(in: offset) / 60
        let clock = MessageArgument.text(start.clockText(in: offset, seconds: false))
        let opens = MessageArgument.text(settings.opens.description), closes = MessageArgument.text(settings.closes.description)
        if minute < settings.opens.minutes || minute >= settings.closes.minutes {
            return Problem("time", Message("appointment.outside_hours", ["clock": clock, "opens": opens, "closes": closes]))
        }
        if minute + duration > settings.closes.minutes {
            return Problem("time", Message("appointment.past_closing", ["minutes": .int(duration), "clock": clock, "closes": closes]))
        }
        return nil
    }

    static func gridSlots(on day: CalendarDate, duration: Int, settings: StoreSettings) -> [Timestamp] {
        var slots: [Timestamp] = []
        var m = settings.opens.minutes
        while m + duration <= settings.closes.minutes {
            slots.append(Timestamp(date: day, hour: m / 60, minute: m % 60, offset: settings.utcOffset))
            m += slotStepMinutes
        }
        return slots
    }

    // MARK: - Entry (R2.4)

    /// R2.4: the appointment goes into the system within 1 hour of the call.
    /// A call time in the future is refused (`entryProblem`); an entry later
    /// than the hour is kept and flagged (`lateEntryWarning`, `isLateEntry`).
    public static func entryProblem(calledAt: Timestamp, now: Timestamp) -> Problem? {
        calledAt > now ? Problem("called", Message("appointment.call_in_future")) : nil
    }

    /// R2.4: entered more than `entryLimitMinutes` after the call.
    public static func isLateEntry(calledAt: Timestamp, enteredAt: Timestamp) -> Bool {
        enteredAt.secondsSince1970 - calledAt.secondsSince1970 > Int64(entryLimitMinutes) * 60
    }

    /// R2.4: what the advisor is told when the entry comes later than the hour; nil when in time.
    public static func lateEntryWarning(calledAt: Timestamp, now: Timestamp) -> Problem? {
        guard calledAt <= now, isLateEntry(calledAt: calledAt, enteredAt: now) else { return nil }
        let seconds = now.secondsSince1970 - calledAt.secondsSince1970
        let minutes = Int(seconds / 60)
        let ago = minutes >= 60 * 24 ? Message("duration.days_hours", ["days": .int(minutes / (60 * 24)), "hours": .int(minutes / 60 % 24)])
            : minutes % 60 == 0 ? Message("duration.hours", ["hours": .int(minutes / 60)])
            : Message("duration.hours_minutes", ["hours": .int(minutes / 60), "minutes": .int(minutes % 60)])
        return Problem("called", Message("appointment.entered_late", ["ago": .message(ago)]))
    }

    /// How long a job may hold a bay, in minutes: a quarter of an hour to a long day.
    public static let durationLimits = 15...600

    /// Why `minutes` cannot be a job's duration; nil when it can.
    public static func durationProblem(_ minutes: Int) -> Problem? {
        durationLimits.contains(minutes) ? nil : Problem("duration", durationMessage(given: String(minutes)))
    }

    /// What a duration outside the limits (or not a number) is told.
    public static func durationMessage(given: String) -> Message {
        Message("appointment.duration_limits", ["given": .text(given), "min": .int(durationLimits.lowerBound),
                                                 "max": .int(durationLimits.upperBound)])
    }

    // MARK: - Booking (R2.3, R2.4, R2.8)

    /// Everything that stops a booking, from the facts gathered for it: the
    /// job and its duration, the 1-hour entry rule (R2.4), the slot (R2.3: a
    /// peak time only when the customer insists after hearing the
    /// alternatives, which are offered whenever the slot asked for is
    /// refused) and, after a missed appointment, the next attempt's window
    /// (R2.8). `start` is nil when it could not be read; the rest is still checked.
    public static func checkBooking(start: Timestamp?, duration: Int, job: String, calledAt: Timestamp, acceptPeak: Bool,
                                    missed: Appointment?, now: Timestamp, settings: StoreSettings, existing: [Appointment]) -> BookingCheck {
        var problems: [Problem] = []
        if let e = entryProblem(calledAt: calledAt, now: now) { problems.append(e) }
        if job.trimmingWhitespace().isEmpty { problems.append(Problem("job", Message("appointment.job_missing"))) }
        let badDuration = durationProblem(duration)
        if let badDuration { problems.append(badDuration) }
        var warnings: [Problem] = []
        if let late = lateEntryWarning(calledAt: calledAt, now: now) { warnings.append(late) }
        var peak = false
        if let start, badDuration == nil {
            let slot = check(request: start, duration: duration, now: now, settings: settings, existing: existing)
            problems += slot.problems
            warnings += slot.warnings
            peak = slot.isPeak
            let peakRefused = slot.isPeak && !acceptPeak
            if peakRefused { problems.append(Problem("at", Message("appointment.peak_time", ["start": .time(start)]))) }
            if !slot.alternatives.isEmpty && (!slot.problems.isEmpty || peakRefused) {
                problems.append(Problem("alternatives", Message("appointment.alternatives", ["times": .list(slot.alternatives.map { .time($0) })])))
            }
        }
        if let missed, let start, let e = followUpProblem(missed: missed, start: start, settings: settings) { problems.append(e) }
        return BookingCheck(problems: problems, warnings: warnings, isPeak: peak, attempt: (missed?.attempt ?? 0) + 1)
    }

    // MARK: - Parts put aside (R2.5)

    /// R2.5: reserved parts carry the customer's name and the appointment's day.
    public static func reservationLabel(customer: String, day: CalendarDate) -> String { "\(customer) \(day)" }

    /// R2.5: why `wanted` of `part` cannot be put aside while `reserved` are
    /// held for other appointments; nil when the stock covers them. Short
    /// parts are ordered and their arrival recorded instead.
    public static func reservationProblem(part: Part, reserved: Int, wanted: Int) -> Problem? {
        let available = part.stock - reserved
        guard available < wanted else { return nil }
        return Problem(part.number, Message("appointment.parts_short", ["name": .text(part.name), "available": .int(max(available, 0)),
                                                                        "wanted": .int(wanted)]))
    }

    // MARK: - Confirmations (R2.5, R2.6)

    /// R2.5: every internal confirmation still missing before the day, and
    /// parts that will not be in by then (move the appointment with the customer).
    public static func internalConfirmationProblems(for appointment: Appointment, settings: StoreSettings) -> [Problem] {
        let c = appointment.internalChecks
        var p: [Problem] = []
        if c.advisorItemsAt == nil { p.append(Problem("advisor", Message("appointment.items_missing"))) }
        if c.needsTechnicianPlan && c.technicianPlanAt == nil { p.append(Problem("technician", Message("appointment.plan_missing"))) }
        if c.partsCheckedAt == nil { p.append(Problem("parts", Message("appointment.parts_unchecked"))) }
        let day = appointment.day(in: settings.utcOffset)
        if let expected = c.partsExpectedOn, expected >= day {
            p.append(Problem("parts", Message("appointment.parts_late", ["expected": .date(expected), "day": .date(day)])))
        }
        return p
    }

    /// R2.6: the confirmations the customer needs, with where each stands.
    /// - Day before: when the call was 3 or more calendar days before the
    ///   appointment's day; due from opening on the day before, overdue once
    ///   the appointment's day begins. A confirmation recorded earlier counts.
    /// - Hour before: due from 1 hour before the start, overdue at the start;
    ///   not needed when the call itself was within that hour.
    /// Only open (booked or confirmed) appointments need confirmations.
    public static func customerConfirmationsDue(for appointment: Appointment, now: Timestamp,
                                                settings: StoreSettings) -> [ConfirmationDue] {
        guard appointment.status.isOpen else { return [] }
        let offset = settings.utcOffset
        let day = appointment.day(in: offset)
        var due: [ConfirmationDue] = []
        func entry(_ kind: CustomerConfirmationKind, from: Timestamp, deadline: Timestamp) -> ConfirmationDue {
            let done = appointment.customerConfirmations[kind]
            let state: ConfirmationState = done != nil ? .done : now < from ? .notYetDue : now < deadline ? .due : .overdue
            return ConfirmationDue(kind: kind, dueFrom: from, deadline: deadline, doneAt: done, state: state)
        }
        if appointment.calledAt.date(in: offset).days(until: day) >= dayBeforeConfirmationFromDays {
            let dayBefore = day.adding(days: -1)
            let from = Timestamp(date: dayBefore, hour: settings.opens.minutes / 60, minute: settings.opens.minutes % 60, offset: offset)
            due.append(entry(.dayBefore, from: from, deadline: Timestamp(date: day, offset: offset)))
        }
        let hourBefore = appointment.start.adding(seconds: -3600)
        if appointment.calledAt < hourBefore {
            due.append(entry(.hourBefore, from: hourBefore, deadline: appointment.start))
        }
        return due
    }

    // MARK: - Arrival and no-shows (R2.7, R2.8)

    /// Late: still expected (booked or confirmed) more than `lateGraceMinutes`
    /// after the appointment time. Arrived, cancelled and moved appointments are never late.
    public static func isLate(_ appointment: Appointment, now: Timestamp) -> Bool {
        appointment.status.isOpen && now > appointment.start.adding(seconds: Int64(lateGraceMinutes) * 60)
    }

    /// R2.8: the days on which the next attempt after a missed appointment may
    /// be booked: 3 to 10 days after the missed (agreed) day. `attempt` is the
    /// attempt that was missed (1 for the first appointment); nil after the
    /// third, when no further attempt is made, and for a number outside 1…3.
    public static func noShowFollowUps(agreedDay: CalendarDate, attempt: Int) -> ClosedRange<CalendarDate>? {
        guard (1..<maxAttempts).contains(attempt) else { return nil }
        return agreedDay.adding(days: noShowFollowUpDays.lowerBound)...agreedDay.adding(days: noShowFollowUpDays.upperBound)
    }

    /// R2.8: the call that books the next attempt after `missed`, listed from
    /// the no-show until the attempt's window closes; due on the window's
    /// first day. Nil after the last attempt, for a car not yet registered,
    /// and once the window has passed.
    public static func nextAttemptCall(after missed: Appointment, offset: UTCOffset, today: CalendarDate) -> ServiceReminder? {
        guard missed.status == .noShow, missed.vehicleID != nil,
              let window = noShowFollowUps(agreedDay: missed.day(in: offset), attempt: missed.attempt), today <= window.upperBound else { return nil }
        let reason = Message("reminder.next_attempt", ["attempt": .int(missed.attempt + 1), "number": .text(missed.number),
                                                       "day": .date(missed.day(in: offset)), "from": .date(window.lowerBound),
                                                       "to": .date(window.upperBound)])
        return ServiceReminder(kind: .missedAppointment, dueOn: window.lowerBound, estimatedMileage: nil, dueMileage: nil,
                               why: reason, rule: ReminderKind.missedAppointment.rule)
    }

    /// R2.8: how many days back a missed appointment may still owe its call (the window's last day).
    public static var nextAttemptLookbackDays: Int { noShowFollowUpDays.upperBound }

    /// R2.8: why a new attempt for the missed appointment cannot be booked at `start`; nil when it can.
    public static func followUpProblem(missed: Appointment, start: Timestamp, settings: StoreSettings) -> Problem? {
        guard missed.status == .noShow else {
            return Problem("appointment", Message("appointment.not_a_no_show", ["number": .text(missed.number), "status": .text(missed.status.title)]))
        }
        let agreed = missed.day(in: settings.utcOffset)
        guard let window = noShowFollowUps(agreedDay: agreed, attempt: missed.attempt) else {
            return Problem("attempt", Message("appointment.no_more_attempts", ["number": .text(missed.number), "attempt": .int(missed.attempt),
                                                                               "max": .int(maxAttempts)]))
        }
        let day = start.date(in: settings.utcOffset)
        guard window.contains(day) else {
            return Problem("time", Message("appointment.outside_follow_up_window", [
                "attempt": .int(missed.attempt + 1), "min_days": .int(noShowFollowUpDays.lowerBound), "max_days": .int(noShowFollowUpDays.upperBound),
                "day": .date(agreed), "from": .date(window.lowerBound), "to": .date(window.upperBound)]))
        }
        return nil
    }

    // MARK: - Review (R2.7, R3.1)

    /// Before closing, the next day's appointments are reviewed (R2.7): every
    /// open appointment of `day` with what it still lacks, by appointment number.
    public static func review(day: CalendarDate, settings: StoreSettings, appointments: [Appointment]) -> [Problem] {
        appointments
            .filter { $0.status.isOpen && $0.day(in: settings.utcOffset) == day }
            .sorted { ($0.start, $0.number) < ($1.start, $1.number) }
            .flatMap { a in
                var p = internalConfirmationProblems(for: a, settings: settings)
                if a.bay == nil { p.append(Problem("bay", Message("appointment.no_bay"))) }
                return p.map { Problem("\(a.number) \($0.field)", $0.said) }
            }
    }
}
