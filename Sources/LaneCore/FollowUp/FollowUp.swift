/// The calls after delivery (R6.1, R6.4).
public enum FollowUpCall: String, CaseIterable, Sendable {
    /// R6.1: within 3 days of delivery, at the customer's preferred time,
    /// with the satisfaction survey.
    case quality
    /// R6.4: the first tracking call, 3 days to a week after pick-up.
    case tracking

    public var rule: String { self == .quality ? "R6.1" : "R6.4" }

    /// The days the call is due, counted from the delivery day.
    /// Reading: "within 3 days" is the three days after delivery; "3 days to
    /// 1 week" is days 3 to 7.
    public func window(deliveredOn day: CalendarDate) -> ClosedRange<CalendarDate> {
        switch self {
        case .quality: return day.adding(days: 1)...day.adding(days: 3)
        case .tracking: return day.adding(days: 3)...day.adding(days: 7)
        }
    }
}

public enum FollowUpOutcome: String, CaseIterable, Sendable {
    case reached
    /// Tried and not reached: the call stays due.
    case unreachable
}

/// A follow-up call as recorded.
public struct FollowUpRecord: Sendable, Equatable {
    public var orderID: Int64
    public var call: FollowUpCall
    public var outcome: FollowUpOutcome
    /// Satisfaction 1 (very unhappy) … 5 (very happy); quality calls that reached the customer.
    public var score: Int?
    public var comment: String
    public var at: Timestamp
    public var by: String

    public init(orderID: Int64, call: FollowUpCall, outcome: FollowUpOutcome, score: Int?, comment: String, at: Timestamp, by: String) {
        self.orderID = orderID
        self.call = call
        self.outcome = outcome
        self.score = score
        self.comment = comment
        self.at = at
        self.by = by
    }

    /// Every problem with a call about to be recorded.
    public static func problems(call: FollowUpCall, outcome: FollowUpOutcome, score: Int?, scoreText: String?) -> [Problem] {
        var p: [Problem] = []
        if let scoreText, score == nil || !(1...5).contains(score ?? 0) {
            p.append(Problem("score", Message("follow_up.not_a_score", ["given": .text(scoreText)])))
        }
        if call == .quality && outcome == .reached && scoreText == nil {
            p.append(Problem("score", Message("follow_up.score_needed")))
        }
        return p
    }

    /// R6.2: a satisfaction of 1 or 2 is a complaint, investigated and resolved like any other.
    public static let complaintAtOrBelow = 2

    public var opensComplaint: Bool { score.map { $0 <= Self.complaintAtOrBelow } ?? false }
}

/// A call due on a day: the order, which call, its window, and the tries so far.
public struct FollowUpCallDue: Sendable, Equatable {
    public var order: DeliveredOrder
    public var call: FollowUpCall
    public var window: ClosedRange<CalendarDate>
    public var tries: Int

    public func isOverdue(on day: CalendarDate) -> Bool { day > window.upperBound }
}

extension FollowUpCall {
    /// How far back delivered orders are looked at for calls still due.
    public static let lookBackDays = 30

    /// R6.1, R6.4: the calls of one delivered order due on `day`. A call is
    /// due from the first day of its window until someone reaches the
    /// customer; overdue ones stay on the list.
    /// From what the rule reads of the order's recorded calls (`FollowUpAttempt`; the due list reads no more of them).
    public static func due(for order: DeliveredOrder, attempts: [FollowUpAttempt], on day: CalendarDate, offset: UTCOffset) -> [FollowUpCallDue] {
        guard let delivered = order.delivery?.at.date(in: offset) else { return [] }
        return allCases.compactMap { call in
            let window = call.window(deliveredOn: delivered)
            guard window.lowerBound <= day else { return nil }
            let mine = attempts.filter { $0.call == call }
            if mine.contains(where: { $0.outcome == .reached }) { return nil }
            return FollowUpCallDue(order: order, call: call, window: window, tries: mine.count)
        }
    }
}

/// What the calls-due rule reads of a recorded call: which call it was and whether it reached the customer. A
/// store reads it from the index by order alone (`followUpAttempts(orderIDs:)`, v43).
public struct FollowUpAttempt: Sendable, Equatable {
    public var call: FollowUpCall
    public var outcome: FollowUpOutcome

    public init(call: FollowUpCall, outcome: FollowUpOutcome) {
        self.call = call
        self.outcome = outcome
    }

    public init(_ record: FollowUpRecord) { self.init(call: record.call, outcome: record.outcome) }
}

/// A complaint or dispute (R6.2): investigated, resolved, and the corrective
/// action recorded.
public struct Complaint: Sendable, Equatable {
    public enum Status: String, CaseIterable, Sendable {
        case open, investigated, resolved
    }
    public var id: Int64
    public var orderID: Int64?
    public var customerID: Int64
    public var text: String
    public var status: Status
    public var finding: String
    public var action: String
    public var openedAt: Timestamp
    public var openedBy: String
    public var resolvedAt: Timestamp?

    public init(id: Int64 = 0, orderID: Int64?, customerID: Int64, text: String, status: Status = .open, finding: String = "",
                action: String = "", openedAt: Timestamp, openedBy: String, resolvedAt: Timestamp? = nil) {
        self.id = id
        self.orderID = orderID
        self.customerID = customerID
        self.text = text
        self.status = status
        self.finding = finding
        self.action = action
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.resolvedAt = resolvedAt
    }

    /// Not yet resolved.
    public var isOpen: Bool { status != .resolved }

    /// R6.2: one unhappy visit, one complaint: the complaint already open for
    /// an order (a quality call or a survey may have opened it).
    public static func openOne(forOrder orderID: Int64, among complaints: [Complaint]) -> Complaint? {
        complaints.filter { $0.orderID == orderID && $0.isOpen }.min { $0.id < $1.id }
    }

    public mutating func investigate(finding: String) throws(Refusal) {
        var p: [Problem] = []
        if status == .resolved { p.append(Problem("status", Message("complaint.already_resolved", ["complaint": .int(Int(id))]))) }
        if finding.trimmingWhitespace().isEmpty { p.append(Problem("finding", Message("complaint.finding_needed"))) }
        try Refusal.check(Message("complaint.cannot_investigate"), p)
        self.finding = finding.trimmingWhitespace()
        status = .investigated
    }

    /// Resolving needs the investigation first and the corrective action (R6.2).
    public mutating func resolve(action: String, at: Timestamp) throws(Refusal) {
        var p: [Problem] = []
        if status == .open { p.append(Problem("status", Message("complaint.not_investigated", ["complaint": .int(Int(id))]))) }
        if status == .resolved { p.append(Problem("status", Message("complaint.already_resolved", ["complaint": .int(Int(id))]))) }
        if action.trimmingWhitespace().isEmpty { p.append(Problem("action", Message("complaint.action_needed"))) }
        try Refusal.check(Message("complaint.cannot_resolve", ["complaint": .int(Int(id))]), p)
        self.action = action.trimmingWhitespace()
        status = .resolved
        resolvedAt = at
    }
}

/// R6.3: within 2 days of a visit the customer file holds everything the
/// process lists. Names the missing items.
public enum CustomerFileCheck {
    public static let dueAfterDays = 2
    /// How far back `followup files` looks by default: the visits of the last 90 days before the
    /// check falls due, so the list reads a bounded range of orders however old the store is.
    public static let lookBackDays = 90

    /// What the file of this visit still lacks, each as its words (`customer_file.address`).
    public static func missing(customer: Customer, order: RepairOrder) -> [Message] {
        missing(customer: customer, visit: VisitFile(order))
    }

    /// The same, from what the check reads of the visit (`followup files` reads no more of each order).
    public static func missing(customer: Customer, visit: VisitFile) -> [Message] {
        var m: [String] = []
        if customer.address?.trimmingWhitespace().isEmpty ?? true { m.append("address") }
        if !visit.hasRequest { m.append("request") }
        if !visit.hasApprovedWork { m.append("work_done") }
        if !visit.isDelivered {
            m.append("next_service")
            m.append("follow_up_time")
        } else if visit.followUpPreference.trimmingWhitespace().isEmpty {
            m.append("follow_up_time")
        }
        if !visit.isCheckedIn { m.append("visit_mileage") }
        return m.map { Message(MessageCode("customer_file." + $0)) }
    }
}

/// What the customer-file check (R6.3) reads of a visit: the order's number and when it was opened, and
/// whether each thing the file needs from the order is there. A store reads it without the order's lines,
/// checks and payments (`visitFiles(statuses:openedFrom:before:limit:)`); `init(_:)` takes it from a whole order.
public struct VisitFile: Sendable, Equatable {
    public var orderID: Int64
    public var number: String
    public var customerID: Int64
    public var openedAt: Timestamp
    /// The customer's request is written down (the order's complaint).
    public var hasRequest: Bool
    /// At least one line of work was approved.
    public var hasApprovedWork: Bool
    /// The car was handed back, with its next service (the delivery record).
    public var isDelivered: Bool
    /// When the customer would like the follow-up call, as said at delivery ("" when not delivered).
    public var followUpPreference: String
    /// The check-in sheet, with the visit's mileage, was filled in.
    public var isCheckedIn: Bool

    public init(orderID: Int64, number: String, customerID: Int64, openedAt: Timestamp, hasRequest: Bool, hasApprovedWork: Bool,
                isDelivered: Bool, followUpPreference: String, isCheckedIn: Bool) {
        self.orderID = orderID
        self.number = number
        self.customerID = customerID
        self.openedAt = openedAt
        self.hasRequest = hasRequest
        self.hasApprovedWork = hasApprovedWork
        self.isDelivered = isDelivered
        self.followUpPreference = followUpPreference
        self.isCheckedIn = isCheckedIn
    }

    public init(_ order: RepairOrder) {
        self.init(orderID: order.id, number: order.number, customerID: order.customerID, openedAt: order.openedAt,
                  hasRequest: order.complaint != nil, hasApprovedWork: !order.approvedLines.isEmpty, isDelivered: order.delivery != nil,
                  followUpPreference: order.delivery?.followUpPreference ?? "", isCheckedIn: order.checkIn != nil)
    }
}
