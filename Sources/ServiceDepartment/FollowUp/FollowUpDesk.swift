import LaneCore
import LaneStore

/// After the car has gone (R6): the calls due, the outcome of each call,
/// and complaints from opening to the corrective action.
public struct FollowUpDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    // MARK: Calls

    /// The first `limit` of `dueCalls`, in its order, reading the month's deliveries a page at a
    /// time until they are found (`today`: the whole month was every order delivered in it).
    public static func dueCalls(on day: CalendarDate, limit: Int, by caller: Caller, _ tx: any StoreReading) throws -> [FollowUpCallDue] {
        let offset = caller.settings.utcOffset
        let from = Timestamp(date: day.adding(days: -FollowUpCall.lookBackDays), offset: offset)
        let to = Timestamp(date: day, offset: offset)
        // An order owes up to two calls (R6.1, R6.4): half the page in orders, and a little more, fills it in one read
        // where few calls were made. Where most were (1 order in 5 still owing one in the 1M benchmark store), the next
        // read is sized by what the orders read so far owed, an eighth more, up to 1,024 orders (doubling each time
        // read up to twice the orders needed, which cost more than it saved). Only the orders' heads are read: the list
        // shows none of their lines, checks and payments (reading them was half of customer service's `today`).
        let page = min(limit, 1 << 20)
        var batch = max(16, page / 2 + page / 8)
        var calls: [FollowUpCallDue] = []
        var read = 0
        // Each read starts at the last one's last delivery, skipping the orders of that second already read (they come
        // by id), so no read steps again over every order read before it (an offset did).
        var start = from, skip = 0
        while calls.count < limit {
            let orders = try tx.deliveredOrders(from: start, to: to, limit: batch, offset: skip)
            let attempts = try tx.followUpAttempts(orderIDs: orders.map(\.id))
            for order in orders {
                calls += FollowUpCall.due(for: order, attempts: attempts[order.id] ?? [], on: day, offset: offset)
            }
            read += orders.count
            guard orders.count == batch else { break }
            if let last = orders.last?.delivery?.at, orders.allSatisfy({ $0.delivery != nil }) {
                let tied = orders.reversed().prefix { $0.delivery?.at == last }.count
                skip = last == start ? skip + tied : tied
                start = last
            } else {
                // A row without its whole delivery record (lane writes the two together) has no time to go on from:
                // read on past this batch from the same start.
                skip += orders.count
            }
            let remaining = max(0, page - calls.count)
            batch = min(1_024, max(16, calls.isEmpty ? 2 * batch : remaining * read / calls.count + remaining / 8))
        }
        return Array(calls.prefix(limit))
    }

    /// R6.1, R6.4: calls due on `day` for orders delivered in the month before.
    public static func dueCalls(on day: CalendarDate, by caller: Caller, _ tx: any StoreReading) throws -> [FollowUpCallDue] {
        let offset = caller.settings.utcOffset
        let from = Timestamp(date: day.adding(days: -FollowUpCall.lookBackDays), offset: offset)
        let orders = try tx.deliveredOrders(from: from, to: Timestamp(date: day, offset: offset), limit: nil, offset: 0)
        // The orders' calls in one statement, not one per order.
        let attempts = try tx.followUpAttempts(orderIDs: orders.map(\.id))
        return orders.flatMap { FollowUpCall.due(for: $0, attempts: attempts[$0.id] ?? [], on: day, offset: offset) }
    }

    /// `followup record`: the outcome of a call; a low score opens a complaint,
    /// unless one is already open for the order.
    public func record(_ request: CallRequest, by caller: Caller) throws -> Done<CallRecorded> {
        try department.change("followup record", by: caller) { tx in
            let done = try Self.record(request, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.message.description))
        }
    }

    static func record(_ request: CallRequest, by caller: Caller, _ tx: any StoreWriting) throws -> CallRecorded {
        let order = try RepairOrderDesk.load(request.order, tx)
        var p: [Problem] = []
        if order.delivery == nil { p.append(Problem("ro", Message("follow_up.not_delivered", ["number": .text(order.number)]))) }
        p += FollowUpRecord.problems(call: request.call, outcome: request.outcome, score: request.score, scoreText: request.scoreText)
        if try tx.followUps(orderID: order.id).contains(where: { $0.call == request.call && $0.outcome == .reached }) {
            p.append(Problem("call", Message("follow_up.already_recorded", ["call": .text(request.call.word), "number": .text(order.number)])))
        }
        try Refusal.check(Message("follow_up.cannot_record"), p)
        let record = FollowUpRecord(orderID: order.id, call: request.call, outcome: request.outcome, score: request.score,
                                    comment: request.comment, at: caller.now, by: caller.user)
        try tx.appendFollowUp(record)
        var result = CallRecorded(number: order.number, record: record, complaintID: nil, complaintWasOpen: false)
        if record.opensComplaint, let score = record.score {
            if let open = Complaint.openOne(forOrder: order.id, among: try tx.complaints(statuses: [.open, .investigated])) {
                result.complaintID = open.id
                result.complaintWasOpen = true
            } else {
                let text = Message("follow_up.low_score_complaint", ["score": .int(score), "call": .text(request.call.word),
                                                                    "comment": .text(request.comment)])
                let c = try tx.insertComplaint(Complaint(orderID: order.id, customerID: order.customerID, text: text.description,
                                                         openedAt: caller.now, openedBy: caller.user))
                result.complaintID = c.id
            }
        }
        return result
    }

    // MARK: Complaints

    /// `complaint open`: a complaint or dispute, about an order or not.
    public static func openComplaint(_ request: ComplaintRequest, by caller: Caller, _ tx: any StoreWriting) throws -> ComplaintOpened {
        var p: [Problem] = []
        let customer = try References.customer(request.customer, tx, into: &p)
        var orderID: Int64?
        if let ref = request.order {
            if let o = try tx.repairOrder(number: ref.trimmingWhitespace().uppercased()) { orderID = o.id }
            else { p.append(Problem("ro", Message("follow_up.no_such_order", ["number": .text(ref)]))) }
        }
        let text = request.text.trimmingWhitespace()
        if text.isEmpty { p.append(Problem("text", Message("complaint.text_needed"))) }
        try Refusal.check(Message("complaint.cannot_open"), p)
        guard let customer else { throw Refusal(Message("complaint.cannot_open"), problems: p) }
        let c = try tx.insertComplaint(Complaint(orderID: orderID, customerID: customer.id, text: text, openedAt: caller.now, openedBy: caller.user))
        return ComplaintOpened(complaint: c, customerCode: customer.code, customerName: customer.name)
    }

    /// `complaint investigate` and `complaint resolve`.
    public static func advanceComplaint(_ id: String, by caller: Caller, _ tx: any StoreWriting,
                                        _ step: (inout Complaint) throws -> Message) throws -> ComplaintAdvanced {
        guard let number = Int64(id.trimmingWhitespace()), var c = try tx.complaint(id: number) else {
            throw Refusal(Message("complaint.not_found"), problems: [Problem("id", Message("complaint.no_such_number", ["given": .text(id)]))])
        }
        let before = c.status
        let said = try step(&c)
        try tx.updateComplaint(c)
        return ComplaintAdvanced(complaint: c, statusBefore: before, message: said)
    }

    static func investigate(_ id: String, finding: String, by caller: Caller, _ tx: any StoreWriting) throws -> ComplaintAdvanced {
        try advanceComplaint(id, by: caller, tx) { c in
            try c.investigate(finding: finding)
            return Message("complaint.investigated", ["complaint": .int(Int(c.id)), "finding": .text(c.finding)])
        }
    }

    static func resolve(_ id: String, action: String, by caller: Caller, _ tx: any StoreWriting) throws -> ComplaintAdvanced {
        try advanceComplaint(id, by: caller, tx) { c in
            try c.resolve(action: action, at: caller.now)
            return Message("complaint.resolved", ["complaint": .int(Int(c.id)), "action": .text(c.action)])
        }
    }
}

// MARK: Requests and results

/// `followup record`: which order and call, what came of it.
public struct CallRequest: Sendable {
    public var order: String
    public var call: FollowUpCall
    public var outcome: FollowUpOutcome
    public var score: Int?
    /// The score as typed, to name it when it is not 1-5.
    public var scoreText: String?
    public var comment: String
    public init(order: String, call: FollowUpCall, outcome: FollowUpOutcome, score: Int?, scoreText: String?, comment: String) {
        self.order = order
        self.call = call
        self.outcome = outcome
        self.score = score
        self.scoreText = scoreText
        self.comment = comment
    }
}

/// A call recorded, and the complaint its score opened or found open.
public struct CallRecorded: Sendable {
    public var number: String
    public var record: FollowUpRecord
    public var complaintID: Int64?
    /// True when the complaint was already open (a survey or an earlier call opened it).
    public var complaintWasOpen: Bool

    public var message: Message {
        var args: [String: MessageArgument] = ["number": .text(number), "call": .text(record.call.word),
                                               "outcome": .text(record.outcome.word)]
        if let score = record.score { args["score"] = .int(score) }
        return Message(record.score == nil ? "follow_up.recorded" : "follow_up.recorded_score", args)
    }

    public var notes: [Message] {
        guard let complaintID else { return [] }
        let args: [String: MessageArgument] = ["complaint": .int(Int(complaintID)), "number": .text(number)]
        return [Message(complaintWasOpen ? "follow_up.complaint_already_open" : "follow_up.complaint_opened", args)]
    }
}

/// `complaint open`: whose, about which order, in their words.
public struct ComplaintRequest: Sendable {
    public var customer: String
    public var order: String?
    public var text: String
    public init(customer: String, order: String?, text: String) {
        self.customer = customer
        self.order = order
        self.text = text
    }
}

public struct ComplaintOpened: Sendable {
    public var complaint: Complaint
    public var customerCode: String
    public var customerName: String
    public var message: Message {
        Message("complaint.opened", ["complaint": .int(Int(complaint.id)), "customer": .text(customerName), "code": .text(customerCode)])
    }
}

public struct ComplaintAdvanced: Sendable {
    public var complaint: Complaint
    public var statusBefore: Complaint.Status
    public var message: Message
}

// MARK: Lookups, with the names a list shows

extension FollowUpDesk {
    /// A due call with the vehicle and customer it is about.
    public struct DueCallRow: Sendable {
        public var due: FollowUpCallDue
        public var plate: String?
        public var customer: Customer?
    }

    static func dueCallRows(on day: CalendarDate, limit: Int? = nil, by caller: Caller, _ tx: any StoreReading) throws -> [DueCallRow] {
        let calls = try limit.map { try dueCalls(on: day, limit: $0, by: caller, tx) } ?? dueCalls(on: day, by: caller, tx)
        let vehicles = try tx.vehicles(ids: Array(Set(calls.map(\.order.vehicleID))))
        let customers = try tx.customers(ids: Array(Set(calls.map(\.order.customerID))))
        return calls.map { c in DueCallRow(due: c, plate: vehicles[c.order.vehicleID]?.plate.value, customer: customers[c.order.customerID]) }
    }

    /// A page of the calls recorded in [first, last], oldest first, each with its order's number (the numbers in
    /// one read, not an order read whole per call), and the whole period's scores. A month of calls at a million
    /// cars is 160,000: the list was every one of them.
    static func calls(from first: CalendarDate, to last: CalendarDate, page: Page, by caller: Caller,
                      _ tx: any StoreReading) throws -> CallLog {
        let offset = caller.settings.utcOffset
        let (from, to) = (Timestamp(date: first, offset: offset), Timestamp(date: last.adding(days: 1), offset: offset))
        let records = try tx.followUps(from: from, to: to, limit: page.limit, offset: page.offset)
        let numbers = try tx.repairOrderNumbers(ids: Array(Set(records.map(\.orderID))))
        let scores = try tx.followUpScores(from: from, to: to)
        return CallLog(calls: records.map { ($0, numbers[$0.orderID]) }, scoredCalls: scores.scored, scoreTotal: scores.total)
    }

    /// Visits whose customer file is still incomplete two days on (R6.3), newest first: the visits from `since`
    /// (default `CustomerFileCheck.lookBackDays` before the check falls due) up to the day it falls due, read
    /// a page of orders at a time with each page's customers in one query, until `limit` files are found. A
    /// week at a time read 13,000 orders with their lines for a page of 200 at a million cars (185-197 ms, 96 MB).
    static func incompleteFiles(since: CalendarDate? = nil, limit: Int = 200, by caller: Caller, _ tx: any StoreReading)
        throws -> [(visit: VisitFile, customer: Customer, missing: [Message])] {
        let offset = caller.settings.utcOffset
        let cutoff = caller.today.adding(days: -CustomerFileCheck.dueAfterDays)
        let floor = Timestamp(date: since ?? cutoff.adding(days: -CustomerFileCheck.lookBackDays), offset: offset)
        var position = RepairOrderPosition.before(Timestamp(date: cutoff.adding(days: 1), offset: offset))
        var rows: [(visit: VisitFile, customer: Customer, missing: [Message])] = []
        // A page of orders an eighth larger than the page of files; twice as large each time it did not fill the page,
        // up to 1,024 orders. Where few files lack anything (1 visit in 20 in the 1M benchmark store) a page of 200 files
        // takes 4,000 orders; pages of a fixed 225 read them in 18 statements. Of each order only what the check reads.
        var batch = ReadAhead.rows(forPage: limit, capped: 1_024)
        while rows.count < limit {
            let visits = try tx.visitFiles(statuses: [.delivered, .settled, .closed], openedFrom: floor, before: position, limit: batch)
            let customers = try tx.customers(ids: Array(Set(visits.map(\.customerID))))
            for v in visits where rows.count < limit {
                guard let c = customers[v.customerID] else { continue }
                let missing = CustomerFileCheck.missing(customer: c, visit: v)
                if !missing.isEmpty { rows.append((v, c, missing)) }
            }
            guard visits.count == batch, let last = visits.last else { break }
            position = RepairOrderPosition(after: last)
            batch = min(2 * batch, max(batch, 1_024))
        }
        return rows
    }

    /// Complaints not yet resolved, or all of them, with customer and order.
    static func complaints(includingResolved: Bool, _ tx: any StoreReading)
        throws -> [(complaint: Complaint, customer: Customer?, number: String?)] {
        let statuses: [Complaint.Status] = includingResolved ? Complaint.Status.allCases : [.open, .investigated]
        let list = try tx.complaints(statuses: statuses)
        // Their customers and orders' numbers in one read each, never one per complaint.
        let customers = try tx.customers(ids: Array(Set(list.map(\.customerID))))
        let numbers = try tx.repairOrderNumbers(ids: Array(Set(list.compactMap(\.orderID))))
        return list.map { c in (c, customers[c.customerID], c.orderID.flatMap { numbers[$0] }) }
    }
}

/// `followup list`: a page of the calls recorded in a period, and the satisfaction scores of all of them.
public struct CallLog: Sendable {
    /// The page's calls, oldest first, each with its order's number.
    public var calls: [(record: FollowUpRecord, number: String?)]
    /// How many calls of the whole period carry a satisfaction score (1 to 5), and their sum.
    public var scoredCalls: Int
    public var scoreTotal: Int
}
