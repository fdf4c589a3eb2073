import LaneCore
import LanePlugin
import LaneStore

/// The service department's front door: every operation of every front end
/// (the shell, a plugin, later HTTP) goes through here, and here alone:
///
/// - the X6 permission check, before anything is read;
/// - one transaction per operation: a refusal rolls everything back;
/// - the audit row of every change, in that transaction;
/// - the events plugins hear of (the repair-order timeline rows it added).
///
/// Typed operations per area (`RepairOrderDesk`, `AppointmentDesk`,
/// `FollowUpDesk`) are built on `read` and `change`.
public final class Department {
    public let store: any ServiceStore
    public var permissions = Permissions()
    /// Called inside a change's transaction with the timeline rows it added;
    /// returns notes for the person (the plugins' answers).
    public var listener: EventListener?

    public typealias EventListener = (_ events: [DomainEvent], _ caller: Caller, _ tx: any StoreWriting) throws -> [String]

    /// X4: what the front end's plugins keep on customers, which `customer
    /// export` adds and `customer erase` reaches. A front end with plugins sets it.
    public var pluginRecords: PluginRecords?

    public init(store: any ServiceStore) { self.store = store }

    /// X6: throws why the caller may not run `operation`.
    public func authorize(_ operation: OperationID, _ caller: Caller) throws {
        try permissions.check(operation, user: caller.user, role: caller.role)
    }

    /// The transaction of the operation running now (a front end's command):
    /// the desks' operations called inside it join it rather than open their
    /// own, so one command is one transaction and front ends never hold one.
    private var open: OpenTransaction?

    private enum OpenTransaction {
        case reading(any StoreReading)
        case writing(any StoreWriting)

        var reader: any StoreReading {
            switch self {
            case .reading(let tx): return tx
            case .writing(let tx): return tx
            }
        }
    }

    /// Runs `body` with `tx` as the open transaction, and none after it.
    private func opening<T>(_ tx: OpenTransaction, _ body: () throws -> T) rethrows -> T {
        open = tx
        defer { open = nil }
        return try body()
    }

    /// A lookup: permission, then one read transaction (or the one already
    /// open, when a front end's command calls it).
    public func read<T>(_ operation: OperationID, by caller: Caller, _ body: (any StoreReading) throws -> T) throws -> T {
        try authorize(operation, caller)
        if let open { return try body(open.reader) }
        defer { keepShares() }
        return try store.read { tx in try opening(.reading(tx)) { try body(tx) } }
    }

    /// Day shares of the figures a lookup worked out (`KPIDayShares`), kept once its read transaction is over.
    private var sharesToKeep: [KeptKPIDay] = []

    /// Keeps `shares` once the lookup running now is over, in a transaction of their own: they are derived
    /// rows, not the command's doing (no audit row, no event), and each stands only while its marks do.
    public func keepAfterReading(_ shares: [KeptKPIDay]) {
        sharesToKeep += shares
        if open == nil { keepShares() }
    }

    private func keepShares() {
        guard !sharesToKeep.isEmpty else { return }
        let shares = sharesToKeep
        sharesToKeep = []
        // Only a saving: a store that cannot take the write now (another desk's long change, a copy that cannot
        // be written) works the days out again next time, so a failure is not the lookup's.
        _ = try? store.write { tx in try tx.keepKPIDays(shares) }
    }

    /// A change: permission, one write transaction, the audit row, and the
    /// events. `body` says what it changed for the audit trail. Inside a
    /// change already open (a command calling the desks' operations) it joins
    /// that change: the permission is checked, the audit row and the events
    /// are the command's.
    public func change<T>(_ operation: OperationID, by caller: Caller,
                          _ body: (any StoreWriting) throws -> Recorded<T>) throws -> Done<T> {
        try authorize(operation, caller)
        switch open {
        case .writing(let tx)?: return Done(value: try body(tx).value, notes: [])
        case .reading?: throw StoreFailure(Message("department.change_inside_lookup", ["operation": .text(operation.description)]))
        case nil: return try store.write { tx in try opening(.writing(tx)) { try changeInside(operation, by: caller, tx, body) } }
        }
    }

    /// A front end's lookup command: its permission, one read transaction,
    /// which every desk operation `body` calls joins.
    public func reading<T>(_ operation: OperationID, by caller: Caller, _ body: () throws -> T) throws -> T {
        try read(operation, by: caller) { _ in try body() }
    }

    /// A front end's command that changes something: its permission, one write
    /// transaction that every desk operation `body` calls joins, its one audit row, its events.
    public func changing<T>(_ operation: OperationID, by caller: Caller, _ body: () throws -> Recorded<T>) throws -> Done<T> {
        try change(operation, by: caller) { _ in try body() }
    }

    /// A command run inside the change already open (a plugin's command that
    /// runs another): its own permission check and audit row, the events left
    /// to the change around it.
    public func changingInside<T>(_ operation: OperationID, by caller: Caller, _ body: () throws -> Recorded<T>) throws -> Done<T> {
        guard case .writing(let tx)? = open else {
            throw StoreFailure(Message("department.change_inside_lookup", ["operation": .text(operation.description)]))
        }
        return try changeInside(operation, by: caller, tx, notifying: false) { _ in try body() }
    }

    /// The transaction of the operation open now, for what a front end hands
    /// its plugins (their `PluginContext`, whose lookups are the plugin API's);
    /// outside an operation there is none to hand.
    public func withOpenLookup<T>(_ body: (any StoreReading) throws -> T) throws -> T {
        guard let open else { throw StoreFailure(Message("department.no_operation_open")) }
        return try body(open.reader)
    }

    /// The same, when it is a change (a plugin's command or handler writes in it).
    public func withOpenChange<T>(_ body: (any StoreWriting) throws -> T) throws -> T {
        guard case .writing(let tx)? = open else { throw StoreFailure(Message("department.no_operation_open")) }
        return try body(tx)
    }

    /// A change inside a transaction already open (a plugin's command that
    /// runs another): the same permission check and audit row, no new transaction.
    /// `notifying: false` leaves the events to the change around it.
    public func changeInside<T>(_ operation: OperationID, by caller: Caller, _ tx: any StoreWriting, notifying: Bool = true,
                                _ body: (any StoreWriting) throws -> Recorded<T>) throws -> Done<T> {
        try authorize(operation, caller)
        let key = store.secretKey
        let first = key == nil && (listener == nil || !notifying) ? nil : try tx.lastRepairOrderEventID()
        let mark = listener == nil || !notifying ? nil : first.map { EventMark(repairOrder: $0) }
        if mark != nil {
            mark?.appointment = try tx.lastAppointmentEventID()
            mark?.complaint = try tx.lastComplaintID()
        }
        // X4: the customers typed, as they were before the change: an edit's answer names their old number.
        let before = try AuditPrivacy.subjects(noun: operation.noun, ref: "", typed: caller.personal, texts: [], tx)
        let recorded = try body(tx)
        // The orders the change touched (its timeline rows), loaded once for the seals and the events.
        let rows = try first.map { try tx.repairOrderEvents(afterID: $0) } ?? []
        var touched: [Int64: RepairOrder] = [:]
        for id in Set(rows.map(\.orderID)) { touched[id] = try tx.repairOrder(id: id) }
        // Read once, after the body: whether the rows are sealed yet, and where the audit row goes
        // (nothing between here and the append writes an audit row).
        let head = try tx.auditHead()
        if let key, first != nil {
            // The first change with the store's key seals every row there is; its audit row, and every
            // later one, says the rows are sealed, so a row without its seal is found from then on.
            if head?.sealed != true {
                try RowSeals.sealEverything(key: key, tx)
            }
            // A change of the VAT rate reseals the orders sealed in the first form where the rate
            // is written (`RowSeals.saveSettings`, through which `store set` and `seed load` write), not here:
            // reading every setting at every change to notice it was a tenth of a write's CPU.
            // The rows that matter are sealed by the change that wrote them (`RowSeals`).
            try RowSeals.seal(touched.values.sorted { $0.id < $1.id }, key: key, tx)
        }
        // X4: the row names its customers by code; their personal data is kept apart, erasable.
        let ref = AuditTrail.canonical(recorded.audit.ref)
        let command = caller.request.trimmingWhitespace(), summary = Self.auditPrefix(recorded.audit.summary)
        let subjects = try AuditPrivacy.subjects(noun: operation.noun, ref: ref, typed: caller.personal, texts: [command, summary],
                                                loaded: touched, tx)
        try AuditPrivacy.eraseValues(of: subjects, key: key, tx)
        let split = AuditPrivacy.split(command: command, summary: summary, typed: caller.personal, subjects: subjects, before: before)
        try AuditTrail.append(AuditEntry(at: caller.now, user: caller.user, role: caller.role?.rawValue ?? "-",
                                         command: split.command, noun: operation.noun, ref: ref, summary: split.summary),
                              personal: split.values, subjects: split.subjects, key: key, sealed: key != nil, after: head, tx)
        guard let mark, let listener else { return Done(value: recorded.value, notes: []) }
        var events = rows.compactMap { row in touched[row.orderID].map { Self.domainEvent(row.kind, $0) } }
        events += try Self.otherEvents(since: mark, tx)
        // An erasure leaves no history row to read it from (that is its point): its audit row, just written, is its record.
        // Named by code, which stays: the subjects found after it, else as typed before it.
        if operation == Self.customerErase, let erased = (subjects + before).first { events.append(.customerErased(code: erased.code)) }
        return Done(value: recorded.value, notes: events.isEmpty ? [] : try listener(events, caller, tx))
    }

    static let customerErase: OperationID = "customer erase"

    /// An answer as the audit row keeps it: its first 500 characters. A text of at most 500 bytes has at
    /// most 500 characters and is kept whole without walking it (cutting by characters walked every answer).
    static func auditPrefix(_ summary: String) -> String {
        summary.utf8.count <= 500 ? summary : String(summary.prefix(500))
    }

    /// Where the histories stood when a change began.
    final class EventMark {
        var repairOrder: Int64
        var appointment: Int64 = 0
        var complaint: Int64 = 0
        init(repairOrder: Int64) { self.repairOrder = repairOrder }
    }

    /// The history rows written after `mark` besides the repair orders' timelines, as domain
    /// events: the appointments' histories and the complaints are the record of every step,
    /// so no operation has to announce anything itself.
    static func otherEvents(since mark: EventMark, _ tx: any StoreReading) throws -> [DomainEvent] {
        var events: [DomainEvent] = []
        for row in try tx.appointmentEvents(afterID: mark.appointment) {
            if let appointment = try tx.appointment(id: row.appointmentID) { events.append(.appointmentStep(appointment, step: row.kind)) }
        }
        var id = mark.complaint
        while let complaint = try tx.complaint(id: id + 1) {
            events.append(.complaintOpened(complaint))
            id += 1
        }
        return events
    }

    static func domainEvent(_ step: String, _ order: RepairOrder) -> DomainEvent {
        switch step {
        case "open": return .repairOrderOpened(order)
        case "labor", "part":
            // The line just added is the newest of its kind.
            let kind: LineKind = step == "labor" ? .labor : .part
            if let line = order.lines.filter({ $0.kind == kind }).max(by: { $0.id < $1.id }) { return .lineAdded(order, line) }
            return .repairOrderStep(order, step: step)
        case "deliver": return .delivered(order)
        default: return .repairOrderStep(order, step: step)
        }
    }
}

/// X4: plugins' own records of customers, reached in the operation's transaction.
public struct PluginRecords {
    /// Sections for `customer export`.
    public var export: (_ customer: Customer, _ caller: Caller, _ tx: any StoreReading) throws -> [PluginSection]
    /// Inside `customer erase`, with the customer as they were before it.
    public var erase: (_ customer: Customer, _ caller: Caller, _ tx: any StoreWriting) throws -> Void

    public init(export: @escaping (_ customer: Customer, _ caller: Caller, _ tx: any StoreReading) throws -> [PluginSection],
                erase: @escaping (_ customer: Customer, _ caller: Caller, _ tx: any StoreWriting) throws -> Void) {
        self.export = export
        self.erase = erase
    }
}

/// What a change did, for the audit trail: the entity and, in words, the change.
public struct AuditNote: Sendable, Equatable {
    public var ref: String
    public var summary: String
    public init(ref: String, summary: String) {
        self.ref = ref
        self.summary = summary
    }
}

/// A change's result and its audit note.
public struct Recorded<T> {
    public var value: T
    public var audit: AuditNote
    public init(_ value: T, audit: AuditNote) {
        self.value = value
        self.audit = audit
    }
}

/// A change done: its result, and what plugins had to say about it.
public struct Done<T> {
    public var value: T
    public var notes: [String]
}
