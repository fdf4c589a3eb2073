/// What came of a reminder call (R1.1-R1.3, R2.1): the registers of X7 are
/// these outcomes, kept per vehicle, rule and due date.
public enum ReminderOutcome: String, CaseIterable, Sendable {
    /// An appointment was made.
    case booked
    /// The customer said no; the reason is recorded and analysed (R1.3, R2.1).
    case declined
    /// Nobody answered: the reminder stays on the list for another try.
    case unreachable

    /// Booked or declined: the reminder leaves the due list, and an invitation
    /// back after a delayed delivery is done.
    public var settlesReminder: Bool { self != .unreachable }
}

/// One logged call.
public struct ReminderLogEntry: Sendable, Equatable {
    public var vehicleID: Int64
    public var kind: ReminderKind
    public var dueOn: CalendarDate
    public var outcome: ReminderOutcome
    public var reason: String
    public var at: Timestamp
    public var by: String
    /// The campaign code for campaign and upgrade invitations (R1.5, R1.6).
    public var reference: String?

    public init(vehicleID: Int64, kind: ReminderKind, dueOn: CalendarDate, outcome: ReminderOutcome, reason: String, at: Timestamp, by: String,
                reference: String? = nil) {
        self.reference = reference
        self.vehicleID = vehicleID
        self.kind = kind
        self.dueOn = dueOn
        self.outcome = outcome
        self.reason = reason
        self.at = at
        self.by = by
    }
}

extension ReminderLogEntry {
    /// What the reminder rules read of this call.
    public var call: LoggedCall { LoggedCall(vehicleID: vehicleID, kind: kind, dueOn: dueOn, reference: reference, outcome: outcome) }
}

/// What the reminder rules read of a logged call (`ReminderLogEntry.call`): which reminder it was about
/// and what came of it. Not who called, when, or the reason given: the due list reads these of each listed
/// car from an index alone (`loggedCalls(vehicleIDs:)`, v40), where whole rows took a table page a call.
public struct LoggedCall: Sendable, Equatable, Hashable {
    public var vehicleID: Int64
    public var kind: ReminderKind
    public var dueOn: CalendarDate
    /// The campaign code for campaign and upgrade invitations (R1.5, R1.6).
    public var reference: String?
    public var outcome: ReminderOutcome

    public init(vehicleID: Int64, kind: ReminderKind, dueOn: CalendarDate, reference: String?, outcome: ReminderOutcome) {
        self.vehicleID = vehicleID
        self.kind = kind
        self.dueOn = dueOn
        self.reference = reference
        self.outcome = outcome
    }
}

/// Something that held up a delivery (R1.4): a part on back-order or a fault
/// with no known fix yet. The customer is invited back when it clears.
public struct DelayedDelivery: Sendable, Equatable {
    public enum Cause: String, Sendable, CaseIterable {
        case partOnBackOrder = "part"
        case noKnownFix = "no_fix"
    }
    public var id: Int64
    public var vehicleID: Int64
    public var cause: Cause
    /// The part waited for (cause `part`).
    public var partNumber: String?
    public var note: String
    public var expectedOn: CalendarDate?
    public var openedAt: Timestamp
    /// The fix was published (cause `no_fix`).
    public var fixPublishedAt: Timestamp?
    /// The customer was invited back: the entry is done.
    public var closedAt: Timestamp?

    public init(id: Int64 = 0, vehicleID: Int64, cause: Cause, partNumber: String?, note: String, expectedOn: CalendarDate?,
                openedAt: Timestamp, fixPublishedAt: Timestamp? = nil, closedAt: Timestamp? = nil) {
        self.id = id
        self.vehicleID = vehicleID
        self.cause = cause
        self.partNumber = partNumber
        self.note = note
        self.expectedOn = expectedOn
        self.openedAt = openedAt
        self.fixPublishedAt = fixPublishedAt
        self.closedAt = closedAt
    }

    /// Ready to invite the customer back: the part is in stock, or the fix is out.
    public func isReady(partInStock: Int) -> Bool {
        guard closedAt == nil else { return false }
        switch cause {
        case .partOnBackOrder: return partInStock > 0
        case .noKnownFix: return fixPublishedAt != nil
        }
    }

    /// Where an entry of the register stands.
    public enum State: String, Sendable, CaseIterable {
        /// For the part or the fix.
        case waiting
        /// The part is in or the fix is out: invite the customer back.
        case ready
        /// The customer was invited back.
        case closed
    }

    public func state(partInStock: Int) -> State {
        closedAt != nil ? .closed : isReady(partInStock: partInStock) ? .ready : .waiting
    }

    /// Every problem with a delay about to be registered: exactly one cause,
    /// a back-ordered part or a fault without a known fix, and that fault described.
    public static func problems(partNumber: String?, noFix: String?) -> [Problem] {
        var p: [Problem] = []
        if (partNumber == nil) == (noFix == nil) { p.append(Problem("cause", Message("reminder.delay_one_cause"))) }
        if noFix?.trimmingWhitespace().isEmpty == true { p.append(Problem("no-fix", Message("reminder.delay_fault_missing"))) }
        return p
    }

    /// R1.4: the maker published the fix for a fault that had none; the
    /// customer is invited back from now on.
    public mutating func publishFix(at: Timestamp) throws(Refusal) {
        var p: [Problem] = []
        if cause != .noKnownFix { p.append(Problem("id", Message("reminder.delay_waits_for_part", ["id": .int(Int(id))]))) }
        if closedAt != nil { p.append(Problem("id", Message("reminder.delay_closed", ["id": .int(Int(id))]))) }
        try Refusal.check(Message("reminder.cannot_record_fix"), p)
        fixPublishedAt = at
    }

    /// The call it asks for once ready (R1.4), due from the day it was registered.
    func reminder(partInStock: Int, offset: UTCOffset) -> ServiceReminder {
        let why = cause == .partOnBackOrder
            ? Message("reminder.invite_back_part", ["part": .text(partNumber ?? ""), "stock": .int(partInStock), "note": .text(note)])
            : Message("reminder.invite_back_fix", ["note": .text(note)])
        return ServiceReminder(kind: .delayedDelivery, dueOn: openedAt.date(in: offset), estimatedMileage: nil, dueMileage: nil,
                               why: why, rule: ReminderKind.delayedDelivery.rule)
    }
}

public enum ReminderRegister {
    /// A reminder still to call: nothing booked or declined for this vehicle,
    /// rule and due date yet. Unreachable customers stay on the list.
    public static func isOpen(_ reminder: ServiceReminder, vehicleID: Int64, log: [LoggedCall], reference: String? = nil) -> Bool {
        !log.contains { $0.vehicleID == vehicleID && $0.kind == reminder.kind && $0.dueOn == reminder.dueOn && $0.reference == reference
                        && $0.outcome.settlesReminder }
    }

    /// Tries so far for this reminder (to show "3rd try").
    public static func attempts(_ reminder: ServiceReminder, vehicleID: Int64, log: [LoggedCall], reference: String? = nil) -> Int {
        log.filter { $0.vehicleID == vehicleID && $0.kind == reminder.kind && $0.dueOn == reminder.dueOn && $0.reference == reference }.count
    }

    /// A declined reminder needs its reason (R1.3, R2.1).
    public static func problems(outcome: ReminderOutcome, reason: String) -> [Problem] {
        outcome == .declined && reason.trimmingWhitespace().isEmpty
            ? [Problem("reason", Message("reminder.decline_reason_missing"))] : []
    }

    /// R1.3: why customers declined, counted by kind and reason, most often first.
    public static func declineReasons(_ log: [ReminderLogEntry]) -> [DeclineReason] {
        var counts: [DeclineReason.Key: Int] = [:]
        for e in log where e.outcome == .declined { counts[DeclineReason.Key(kind: e.kind, reason: e.reason), default: 0] += 1 }
        return ranked(counts.map { DeclineReason(kind: $0.key.kind, reason: $0.key.reason, count: $0.value) })
    }

    /// The analysis's order: the most given reason first, then by kind and reason.
    public static func ranked(_ counts: [DeclineReason]) -> [DeclineReason] {
        counts.sorted { ($1.count, $0.kind.rawValue, $0.reason) < ($0.count, $1.kind.rawValue, $1.reason) }
    }
}

/// How many times customers gave one reason for declining one kind of call.
public struct DeclineReason: Sendable, Equatable {
    struct Key: Hashable {
        var kind: ReminderKind
        var reason: String
    }
    public var kind: ReminderKind
    public var reason: String
    public var count: Int

    public init(kind: ReminderKind, reason: String, count: Int) {
        self.kind = kind
        self.reason = reason
        self.count = count
    }
}
