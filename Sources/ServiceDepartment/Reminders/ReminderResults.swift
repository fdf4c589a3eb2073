import LaneCore

// MARK: Requests

/// `remind due`: the day (nil: today) and the kind (nil: every kind).
public struct DueRequest: Sendable {
    public var day: CalendarDate?
    public var kind: ReminderKind?
    /// At most this many calls, earliest due first (a page); nil: every one.
    public var limit: Int?
    public init(day: CalendarDate? = nil, kind: ReminderKind? = nil, limit: Int? = nil) {
        self.day = day
        self.kind = kind
        self.limit = limit
    }
}

/// `remind log`: which call and what came of it. What the front end could
/// not read is nil, with its problem in `inputProblems`, refused together
/// with the desk's own.
public struct CallLogRequest: Sendable {
    /// Plate or VIN.
    public var vehicle: String
    public var kind: ReminderKind?
    public var outcome: ReminderOutcome?
    public var reason: String
    /// The campaign or other reference, when the vehicle has several calls of the kind.
    public var campaign: String?
    public var inputProblems: [Problem]

    public init(vehicle: String, kind: ReminderKind?, outcome: ReminderOutcome?, reason: String = "", campaign: String? = nil,
                inputProblems: [Problem] = []) {
        self.vehicle = vehicle
        self.kind = kind
        self.outcome = outcome
        self.reason = reason
        self.campaign = campaign
        self.inputProblems = inputProblems
    }
}

/// `remind delay`: a part on back-order or a fault without a fix (exactly one).
public struct DelayRequest: Sendable {
    public var vehicle: String
    public var partNumber: String?
    public var noFix: String?
    /// What the customer was told (a fault without a fix is its own note).
    public var note: String
    public var expectedOn: CalendarDate?
    public var inputProblems: [Problem]

    public init(vehicle: String, partNumber: String? = nil, noFix: String? = nil, note: String = "", expectedOn: CalendarDate? = nil,
                inputProblems: [Problem] = []) {
        self.vehicle = vehicle
        self.partNumber = partNumber
        self.noFix = noFix
        self.note = note
        self.expectedOn = expectedOn
        self.inputProblems = inputProblems
    }
}

// MARK: Results

/// A call to make, with whom to call (nil when the owner's row is missing).
public struct DueCall: Sendable {
    public var item: DueReminder
    public var customerName: String?
    public var customerCode: String?
    /// As the caller may see it (X4).
    public var phone: String
}

/// A call logged.
public struct CallLogged: Sendable {
    public var item: DueReminder
    public var outcome: ReminderOutcome
    public var reason: String

    public var message: Message {
        let r = item.reminder
        return Message("reminder.logged", [
            "plate": .text(item.vehicle.plate.value), "kind": .text(r.kind.rawValue),
            "reference": .text(item.reference.map { " " + $0 } ?? ""), "due_on": .date(r.dueOn), "outcome": .text(outcome.word),
            "reason": reason.isEmpty ? .text("") : .message(Message("reminder.logged_reason", ["reason": .text(reason)]))])
    }
}

/// A row of the reminder register, with the plate and the customer's name.
public struct RegisterEntry: Sendable {
    public var entry: ReminderLogEntry
    public var plate: String?
    public var customerName: String?
}

/// A delay registered.
public struct DelayRegistered: Sendable {
    public var delay: DelayedDelivery
    public var plate: String

    public var message: Message {
        let what = delay.partNumber.map { Message("reminder.waiting_for_part", ["part": .text($0)]) } ?? Message("reminder.no_known_fix")
        let expected = delay.expectedOn.map { MessageArgument.message(Message("reminder.expected_on", ["day": .date($0)])) } ?? .text("")
        return Message("reminder.delay_registered", ["id": .int(Int(delay.id)), "plate": .text(plate), "what": .message(what),
                                                     "expected": expected])
    }
}

/// A row of the delayed-delivery register.
public struct DelayEntry: Sendable {
    public var delay: DelayedDelivery
    public var plate: String?
    public var state: DelayedDelivery.State
}
