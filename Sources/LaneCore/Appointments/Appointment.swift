/// How the appointment came about.
public enum AppointmentChannel: String, CaseIterable, Sendable {
    /// The customer called in (R2.2).
    case inbound
    /// The advisor called the customer, e.g. from a reminder list (R2.1).
    case outbound
    /// An invitation for a service campaign or technical upgrade (R1.5, R1.6).
    case campaign

    /// R1, R2.1: a booking from an advisor's call or an invitation settles
    /// the vehicle's due reminders; a customer calling in answered none.
    public var settlesReminders: Bool { self != .inbound }

    public var title: String { MessageCatalog.current.word("appt_channel", rawValue) }
}

/// Where an appointment stands.
public enum AppointmentStatus: String, CaseIterable, Sendable {
    /// In the appointment register, not yet confirmed again with the customer.
    case booked
    /// The customer confirmed again (R2.6).
    case confirmed
    /// The customer came: the appointment is closed (R2.8).
    case arrived
    /// The customer did not come; a new attempt follows (R2.8).
    case noShow = "no_show"
    /// Called off (e.g. no known fix for the job yet, R2.5, or the customer's wish).
    case cancelled
    /// Moved with the customer to another time; the new time is a new appointment (R2.5).
    case rescheduled

    /// Still expected: it holds a bay and appears on the board as a card to watch.
    public var isOpen: Bool { self == .booked || self == .confirmed }

    /// Holds a bay for its time: open appointments, and arrived ones (the car is in).
    public var holdsBay: Bool { isOpen || self == .arrived }

    public var title: String { MessageCatalog.current.word("appt_status", rawValue) }
}

/// The internal confirmation before the day (R2.5). Each is recorded with the
/// time it was done; nil means not done yet.
public struct InternalConfirmations: Sendable, Equatable {
    /// The advisor fixed the job items and materials.
    public var advisorItemsAt: Timestamp?
    /// A comeback or complaint job: the technician must prepare a plan (R2.5).
    /// Routine jobs need no plan.
    public var needsTechnicianPlan: Bool
    /// The technician's plan for the comeback or complaint.
    public var technicianPlanAt: Timestamp?
    /// The parts manager checked stock and reserved the parts, labelled with
    /// the customer's name and the appointment date.
    public var partsCheckedAt: Timestamp?
    /// Parts out of stock: the expected arrival day the parts manager gave the advisor.
    public var partsExpectedOn: CalendarDate?

    public init(advisorItemsAt: Timestamp? = nil, needsTechnicianPlan: Bool = false, technicianPlanAt: Timestamp? = nil,
                partsCheckedAt: Timestamp? = nil, partsExpectedOn: CalendarDate? = nil) {
        self.advisorItemsAt = advisorItemsAt
        self.needsTechnicianPlan = needsTechnicianPlan
        self.technicianPlanAt = technicianPlanAt
        self.partsCheckedAt = partsCheckedAt
        self.partsExpectedOn = partsExpectedOn
    }
}

/// What the people preparing an appointment say they did (R2.5).
public struct Preparation: Sendable, Equatable {
    /// The advisor fixed the job items and materials.
    public var items: Bool
    /// A comeback or complaint: the technician must prepare a plan.
    public var needsPlan: Bool
    /// The technician's plan is ready.
    public var plan: Bool
    /// The parts manager checked stock and put the parts aside.
    public var partsChecked: Bool
    /// Parts out of stock arrive on this day.
    public var partsExpectedOn: CalendarDate?

    public init(items: Bool = false, needsPlan: Bool = false, plan: Bool = false, partsChecked: Bool = false,
                partsExpectedOn: CalendarDate? = nil) {
        self.items = items
        self.needsPlan = needsPlan
        self.plan = plan
        self.partsChecked = partsChecked
        self.partsExpectedOn = partsExpectedOn
    }
}

/// The two confirmations with the customer (R2.6).
public enum CustomerConfirmationKind: String, CaseIterable, Sendable {
    /// At least one day before, when the appointment was made 3 or more days ahead.
    case dayBefore = "day_before"
    /// One hour before the time.
    case hourBefore = "hour_before"

    public var title: String { MessageCatalog.current.word("confirmation", rawValue) }
}

/// When the customer confirmed again (R2.6); nil means not yet.
public struct CustomerConfirmations: Sendable, Equatable {
    public var dayBefore: Timestamp?
    public var hourBefore: Timestamp?

    public init(dayBefore: Timestamp? = nil, hourBefore: Timestamp? = nil) {
        self.dayBefore = dayBefore
        self.hourBefore = hourBefore
    }

    public subscript(kind: CustomerConfirmationKind) -> Timestamp? {
        get { kind == .dayBefore ? dayBefore : hourBefore }
        set { if kind == .dayBefore { dayBefore = newValue } else { hourBefore = newValue } }
    }
}

/// An entry in the appointment register (预约登记): who comes when, with what
/// job, to which advisor and bay. The planning rules (slots, peak times, the
/// one-hour entry rule, confirmations, no-shows) are in `AppointmentPlanner`.
public struct Appointment: Sendable, Equatable {
    public var id: Int64
    /// `AP-20261124-003`: the appointment's day and its number that day.
    public var number: String
    /// Nil for a car not yet registered (R2.2: an inbound call gives name,
    /// phone, model and need; the VIN and sale date come at reception).
    public var vehicleID: Int64?
    public var customerID: Int64
    /// The model the caller named for a car not yet registered.
    public var model: String?
    /// The odometer the customer gave on the phone (R2.1), in km.
    public var reportedMileage: Int?
    /// The service advisor who receives the customer (the board's row).
    public var advisor: String
    public var start: Timestamp
    public var durationMinutes: Int
    /// The job as agreed on the phone ("10000公里保养", "刹车异响").
    public var job: String
    public var bay: Int?
    public var channel: AppointmentChannel
    public var status: AppointmentStatus
    /// When the call that made the appointment happened.
    public var calledAt: Timestamp
    /// When it was entered into the system (R2.4: within 1 hour of the call).
    public var enteredAt: Timestamp
    public var internalChecks: InternalConfirmations
    public var customerConfirmations: CustomerConfirmations
    /// 1 for the first appointment; 2 and 3 for the attempts after a no-show (R2.8).
    public var attempt: Int
    public var note: String

    public init(id: Int64 = 0, number: String, vehicleID: Int64?, customerID: Int64, model: String? = nil, reportedMileage: Int? = nil,
                advisor: String, start: Timestamp,
                durationMinutes: Int, job: String, bay: Int? = nil, channel: AppointmentChannel,
                status: AppointmentStatus = .booked, calledAt: Timestamp, enteredAt: Timestamp,
                internalChecks: InternalConfirmations = InternalConfirmations(),
                customerConfirmations: CustomerConfirmations = CustomerConfirmations(), attempt: Int = 1, note: String = "") {
        self.id = id
        self.number = number
        self.vehicleID = vehicleID
        self.customerID = customerID
        self.model = model
        self.reportedMileage = reportedMileage
        self.advisor = advisor
        self.start = start
        self.durationMinutes = durationMinutes
        self.job = job
        self.bay = bay
        self.channel = channel
        self.status = status
        self.calledAt = calledAt
        self.enteredAt = enteredAt
        self.internalChecks = internalChecks
        self.customerConfirmations = customerConfirmations
        self.attempt = attempt
        self.note = note
    }

    /// `AP-20261124-003`: the n-th appointment for that day.
    public static func number(day: CalendarDate, sequence: Int) -> String {
        let c = day.components
        return "AP-\(CalendarDate.pad(c.year, 4))\(CalendarDate.pad(c.month, 2))\(CalendarDate.pad(c.day, 2))-\(CalendarDate.pad(sequence, 3))"
    }

    public var end: Timestamp { start.adding(seconds: Int64(durationMinutes) * 60) }

    /// R2.4: entered more than an hour after the call. Kept and flagged, not
    /// refused: refusing loses the appointment or tempts a faked call time.
    public var enteredLate: Bool { AppointmentPlanner.isLateEntry(calledAt: calledAt, enteredAt: enteredAt) }

    /// The appointment's day in the store's zone.
    public func day(in offset: UTCOffset) -> CalendarDate { start.date(in: offset) }

    /// True when it holds a bay at some moment of `[from, to)`.
    public func overlaps(from: Timestamp, to: Timestamp) -> Bool {
        status.holdsBay && start < to && from < end
    }

    // MARK: - Steps

    /// Every step after booking needs the appointment still open (booked or confirmed).
    func openProblems() -> [Problem] {
        status.isOpen ? [] : [Problem("status", Message("appointment.not_open", ["status": .text(status.title)]))]
    }

    var numberArgument: [String: MessageArgument] { ["number": .text(number)] }

    /// Why the appointment cannot be prepared any more (R2.5): it is no longer open.
    public var preparationProblems: [Problem] { openProblems() }

    /// R2.5: the internal confirmation, as far as it went at `at`: each check
    /// keeps the time it was done; a comeback or complaint asks for the
    /// technician's plan; parts out of stock keep their expected arrival.
    public mutating func recordPreparation(_ done: Preparation, at: Timestamp) throws(Refusal) {
        try Refusal.check(Message("appointment.cannot_prepare", numberArgument), preparationProblems)
        if done.items { internalChecks.advisorItemsAt = at }
        if done.needsPlan { internalChecks.needsTechnicianPlan = true }
        if done.plan { internalChecks.technicianPlanAt = at }
        if done.partsChecked { internalChecks.partsCheckedAt = at }
        if let expected = done.partsExpectedOn { internalChecks.partsExpectedOn = expected }
    }

    /// R2.6: the customer confirmed again. The first confirmation moves a
    /// booked appointment to confirmed.
    public mutating func recordCustomerConfirmation(_ kind: CustomerConfirmationKind, at: Timestamp) throws(Refusal) {
        var p = openProblems()
        if at > end { p.append(Problem("at", Message("appointment.confirmation_too_late"))) }
        try Refusal.check(Message("appointment.cannot_confirm", ["number": .text(number), "confirmation": .text(kind.title)]), p)
        customerConfirmations[kind] = at
        status = .confirmed
    }

    /// R2.8: the customer came; the appointment is closed. Early or late, it
    /// counts (the repair order keeps the arrival time).
    public mutating func markArrived() throws(Refusal) {
        try Refusal.check(Message("appointment.cannot_arrive", numberArgument), openProblems())
        status = .arrived
    }

    /// R2.8: the customer did not come. Only once the grace period
    /// (`AppointmentPlanner.lateGraceMinutes`) after the start has passed.
    public mutating func markNoShow(now: Timestamp) throws(Refusal) {
        var p = openProblems()
        if !AppointmentPlanner.isLate(self, now: now) && status.isOpen {
            p.append(Problem("time", Message("appointment.not_late_yet", ["minutes": .int(AppointmentPlanner.lateGraceMinutes)])))
        }
        try Refusal.check(Message("appointment.cannot_no_show", numberArgument), p)
        status = .noShow
    }

    /// Called off, with the reason (R2.5: no known fix yet; or the customer's wish).
    public mutating func cancel(reason: String) throws(Refusal) {
        var p = openProblems()
        let why = reason.trimmingWhitespace()
        if why.isEmpty { p.append(Problem("reason", Message("appointment.cancel_reason_missing"))) }
        try Refusal.check(Message("appointment.cannot_cancel", numberArgument), p)
        status = .cancelled
        note = Appointment.appending(Message("appointment.note_cancelled", ["reason": .text(why)]).description, to: note)
    }

    /// R2.5: moved with the customer; the new time is booked as a new appointment.
    public mutating func markRescheduled(reason: String) throws(Refusal) {
        var p = openProblems()
        let why = reason.trimmingWhitespace()
        if why.isEmpty { p.append(Problem("reason", Message("appointment.move_reason_missing"))) }
        try Refusal.check(Message("appointment.cannot_move", numberArgument), p)
        status = .rescheduled
        note = Appointment.appending(Message("appointment.note_moved", ["reason": .text(why)]).description, to: note)
    }

    static func appending(_ text: String, to note: String) -> String {
        note.isEmpty ? text : note + "; " + text
    }
}
