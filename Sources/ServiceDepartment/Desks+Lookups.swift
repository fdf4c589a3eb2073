import LaneCore
import LaneStore

// The desks' operations a front end's command calls besides its main one (the
// order it names, its row, the sections of `today`). Each checks its own
// operation's permission and, called inside a command, joins its transaction
// (`Department.read`), so the shell never holds one.

extension RepairOrderDesk {
    /// The order a reference names (`RO-…`, or the open order of a plate).
    public func load(_ reference: String, by caller: Caller) throws -> RepairOrder {
        try department.read("ro show", by: caller) { tx in try Self.load(reference, tx) }
    }

    /// An order with its vehicle and customer.
    public func row(_ order: RepairOrder, by caller: Caller) throws -> RepairOrderRow {
        try department.read("ro show", by: caller) { tx in try Self.row(order, tx) }
    }

    /// Orders in `statuses`, oldest first, each with its vehicle and, unless `customers` is false (a list
    /// that shows no customer), its customer.
    public func rows(statuses: [RepairOrderStatus], limit: Int = 500, customers: Bool = true, by caller: Caller) throws -> [RepairOrderRow] {
        try department.read("ro list", by: caller) { tx in try Self.rows(statuses: statuses, limit: limit, customers: customers, tx) }
    }

    /// The orders that came back as comebacks of this one (R4.6).
    public func comebacks(of order: RepairOrder, by caller: Caller) throws -> [String] {
        try department.read("ro show", by: caller) { tx in try tx.repairOrderNumbers(comebackOf: order.number) }
    }

    /// An order's whole story, step by step.
    public func timeline(_ reference: String, by caller: Caller) throws -> (order: RepairOrder, events: [TimelineEvent]) {
        try department.read("ro timeline", by: caller) { tx in try Self.timeline(reference, tx) }
    }

    /// Each team's hours of work waiting or under way.
    public func teamLoads(by caller: Caller) throws -> [(team: WorkshopTeam, hours: LaborHours)] {
        try department.read("ro list", by: caller) { tx in try Self.teamLoads(tx) }
    }

    /// The parts still to issue for orders in the workshop, with what is on the shelf.
    public func partsToIssue(by caller: Caller) throws -> [(order: RepairOrder, line: RepairOrderLine, inStock: Int)] {
        try department.read("today", by: caller) { tx in try Self.partsToIssue(tx) }
    }

    /// What a reference typed at `use` names: an order, a vehicle or a customer.
    public func current(_ reference: String, by caller: Caller) throws -> CurrentReference {
        try department.read("use", by: caller) { tx in try References.current(reference, tx) }
    }
}

extension AppointmentDesk {
    /// The coming days' appointments whose parts nobody has checked yet.
    public func waitingForPartsCheck(from day: CalendarDate, by caller: Caller) throws -> [Appointment] {
        try department.read("today", by: caller) { tx in try Self.waitingForPartsCheck(from: day, tx) }
    }
}

extension FollowUpDesk {
    /// `followup due`: the calls due on `day`, with plate and customer.
    public func dueCallRows(on day: CalendarDate, limit: Int? = nil, by caller: Caller) throws -> [DueCallRow] {
        try department.read("followup due", by: caller) { tx in try Self.dueCallRows(on: day, limit: limit, by: caller, tx) }
    }

    /// `followup list`: the calls recorded in [first, last].
    public func calls(from first: CalendarDate, to last: CalendarDate, page: Page, by caller: Caller) throws -> CallLog {
        try department.read("followup list", by: caller) { tx in try Self.calls(from: first, to: last, page: page, by: caller, tx) }
    }

    /// `followup files`: visits whose customer file is still incomplete (R6.3).
    public func incompleteFiles(since: CalendarDate? = nil, limit: Int = 200, by caller: Caller)
        throws -> [(visit: VisitFile, customer: Customer, missing: [Message])] {
        try department.read("followup files", by: caller) { tx in try Self.incompleteFiles(since: since, limit: limit, by: caller, tx) }
    }

    /// `complaint list`: complaints not yet resolved, or all of them.
    public func complaints(includingResolved: Bool, by caller: Caller) throws -> [(complaint: Complaint, customer: Customer?, number: String?)] {
        try department.read("complaint list", by: caller) { tx in try Self.complaints(includingResolved: includingResolved, tx) }
    }

    /// `complaint open`.
    public func openComplaint(_ request: ComplaintRequest, by caller: Caller) throws -> Done<ComplaintOpened> {
        try department.change("complaint open", by: caller) { tx in
            let opened = try Self.openComplaint(request, by: caller, tx)
            return Recorded(opened, audit: AuditNote(ref: opened.customerCode, summary: opened.message.description))
        }
    }

    /// `complaint investigate`.
    public func investigate(_ id: String, finding: String, by caller: Caller) throws -> Done<ComplaintAdvanced> {
        try department.change("complaint investigate", by: caller) { tx in
            let done = try Self.investigate(id, finding: finding, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: String(done.complaint.id), summary: done.message.description))
        }
    }

    /// `complaint resolve`.
    public func resolve(_ id: String, action: String, by caller: Caller) throws -> Done<ComplaintAdvanced> {
        try department.change("complaint resolve", by: caller) { tx in
            let done = try Self.resolve(id, action: action, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: String(done.complaint.id), summary: done.message.description))
        }
    }
}

extension ReportDesk {
    /// The month's figures off target, for the service manager's `today`.
    public func offTarget(by caller: Caller) throws -> [KPILine] {
        let (lines, keep) = try department.read("today", by: caller) { tx in try Self.offTarget(by: caller, tx) }
        department.keepAfterReading(keep)
        return lines
    }
}

extension SetupDesk {
    /// A member of staff by name (`whoami`, `today`).
    public func staffMember(named name: String, by caller: Caller) throws -> StaffMember? {
        try department.read("whoami", by: caller) { tx in try Self.staffMember(named: name, tx) }
    }
}
