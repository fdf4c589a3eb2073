/// What came of a reminder call (R1.1-R1.3, R2.1): the registers of X7 are
/// these outcomes, kept per vehicle, rule and due date.
public enum ReminderOutcome: String, CaseIterable, Sendable {
    /// An appointment was made.
    case booked
    /// The customer said no; the reason is recorded and analysed (R1.3, R2.1).
    case declined
    /// Nobody answered: the reminder stays on the list for another try.
    case unreachable
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
}

public enum ReminderRegister {
    /// A reminder still to call: nothing booked or declined for this vehicle,
    /// rule and due date yet. Unreachable customers stay on the list.
    public static func isOpen(_ reminder: ServiceReminder, vehicleID: Int64, log: [ReminderLogEntry], reference: String? = nil) -> Bool {
        !log.contains { $0.vehicleID == vehicleID && $0.kind == reminder.kind && $0.dueOn == reminder.dueOn && $0.reference == reference
                        && $0.outcome != .unreachable }
    }

    /// Tries so far for this reminder (to show "3rd try").
    public static func attempts(_ reminder: ServiceReminder, vehicleID: Int64, log: [ReminderLogEntry], reference: String? = nil) -> Int {
        log.filter { $0.vehicleID == vehicleID && $0.kind == reminder.kind && $0.dueOn == reminder.dueOn && $0.reference == reference }.count
    }

    /// A declined reminder needs its reason (R1.3, R2.1).
    public static func problems(outcome: ReminderOutcome, reason: String) -> [Problem] {
        outcome == .declined && reason.trimmingWhitespace().isEmpty
            ? [Problem("reason", "record why the customer declined; the reasons are analysed (R1.3)")] : []
    }
}
