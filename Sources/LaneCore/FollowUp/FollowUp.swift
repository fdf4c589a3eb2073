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
            p.append(Problem("score", "'\(scoreText)' is not a satisfaction score from 1 to 5"))
        }
        if call == .quality && outcome == .reached && scoreText == nil {
            p.append(Problem("score", "the quality call records the customer's satisfaction, 1 to 5 (R6.1)"))
        }
        return p
    }
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

    public mutating func investigate(finding: String) throws(Refusal) {
        var p: [Problem] = []
        if status == .resolved { p.append(Problem("status", "complaint \(id) is already resolved")) }
        if finding.trimmingWhitespace().isEmpty { p.append(Problem("finding", "write what the investigation found")) }
        try Refusal.check("cannot record the investigation", p)
        self.finding = finding.trimmingWhitespace()
        status = .investigated
    }

    /// Resolving needs the investigation first and the corrective action (R6.2).
    public mutating func resolve(action: String, at: Timestamp) throws(Refusal) {
        var p: [Problem] = []
        if status == .open { p.append(Problem("status", "complaint \(id) has not been investigated yet")) }
        if status == .resolved { p.append(Problem("status", "complaint \(id) is already resolved")) }
        if action.trimmingWhitespace().isEmpty { p.append(Problem("action", "record the corrective action")) }
        try Refusal.check("cannot resolve complaint \(id)", p)
        self.action = action.trimmingWhitespace()
        status = .resolved
        resolvedAt = at
    }
}

/// R6.3: within 2 days of a visit the customer file holds everything the
/// process lists. Names the missing items.
public enum CustomerFileCheck {
    public static let dueAfterDays = 2

    public static func missing(customer: Customer, order: RepairOrder) -> [String] {
        var m: [String] = []
        if customer.address?.trimmingWhitespace().isEmpty ?? true { m.append("address") }
        if order.complaint == nil { m.append("customer's request") }
        if order.approvedLines.isEmpty { m.append("work done") }
        if order.delivery == nil {
            m.append("next service date and mileage")
            m.append("preferred follow-up time")
        } else if order.delivery?.followUpPreference.trimmingWhitespace().isEmpty ?? true {
            m.append("preferred follow-up time")
        }
        if order.checkIn == nil { m.append("mileage at the visit") }
        return m
    }
}
