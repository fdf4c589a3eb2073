import LaneCore
import LaneStore

/// The repair order's operations, from reception to the gate pass (R3-R5).
/// Each takes a typed request and returns a typed result; the rules are
/// LaneCore's (`RepairOrder`, `RepairOrderRules`), the transaction,
/// permission check, audit row and events the `Department`'s.
public struct RepairOrderDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    // MARK: Opening

    /// Opens an order at reception for a walk-in (`ro open`).
    public func open(vehicle reference: String, by caller: Caller) throws -> Done<RepairOrderOpened> {
        try department.change("ro open", by: caller) { tx in
            let vehicle: Vehicle
            switch try References.findVehicle(reference, tx) {
            case .success(let v): vehicle = v
            case .failure(let p): throw Refusal(Message("repair_order.cannot_open"), problems: [p])
            }
            let opened = try Self.open(vehicle, appointmentID: nil, by: caller, tx)
            return Recorded(opened, audit: AuditNote(ref: opened.number, summary: opened.message.description))
        }
    }

    /// Opens an order inside a change already under way (`appt arrive`).
    public static func open(_ vehicle: Vehicle, appointmentID: Int64?, by caller: Caller, _ tx: any StoreWriting) throws -> RepairOrderOpened {
        let history = try tx.repairOrders(vehicleID: vehicle.id)
        if let p = RepairOrder.openingProblem(plate: vehicle.plate.value, existing: history) {
            throw Refusal(Message("repair_order.cannot_open"), problems: [p])
        }
        let day = caller.today
        let number = RepairOrder.number(day: day, sequence: try tx.allocateNumber(in: .repairOrders(on: day)))
        var order = RepairOrder(number: number, vehicleID: vehicle.id, customerID: vehicle.ownerID, advisor: caller.user,
                                appointmentID: appointmentID, openedAt: caller.now)
        order = try tx.insertRepairOrder(order, openedOn: day)
        let opened = Message("repair_order.timeline.opened", ["plate": .text(vehicle.plate.value), "user": .text(caller.user)])
        try tx.appendRepairOrderEvent(orderID: order.id, kind: "open", detail: opened.description, message: opened, at: caller.now, by: caller.user)
        let owner = try tx.customer(id: vehicle.ownerID)
        // This vehicle's orders were read above, before this one was opened: a returning car is known
        // without reading its orders again (that second read was 1 % of a scripted lifecycle's instructions).
        var visits = false, otherOrders = !history.isEmpty
        for v in try tx.vehicles(ownerID: vehicle.ownerID) where !(visits || otherOrders) {
            visits = try tx.events(vehicleID: v.id).contains { $0.kind == .visit }
            if !visits && v.id != vehicle.id { otherOrders = try tx.repairOrders(vehicleID: v.id).contains { $0.id != order.id } }
        }
        let campaigns = ServiceCampaign.pending(try tx.campaigns(), for: vehicle, on: day, log: try tx.loggedCalls(vehicleIDs: [vehicle.id]))
        return RepairOrderOpened(order: order, plate: vehicle.plate.value, model: vehicle.model, customerCode: owner?.code ?? "",
                                 customerName: owner?.name ?? "",
                                 firstVisit: RepairOrder.isFirstVisit(visitsOnRecord: visits, otherOrders: otherOrders),
                                 campaigns: campaigns,
                                 comebackCandidates: comebackCandidates(order, history: history, settings: caller.settings),
                                 declinedBefore: RepairOrder.declinedSafetyItems(history: history, before: order, offset: caller.settings.utcOffset))
    }

    // MARK: Looking

    /// The order a reference names (upper or lower case), or why not.
    public static func load(_ reference: String, _ tx: any StoreReading) throws -> RepairOrder {
        let number = reference.trimmingWhitespace().uppercased()
        if let order = try tx.repairOrder(number: number) { return order }
        throw Refusal(Message("repair_order.not_found"), problems: [
            Problem("ro", Message("repair_order.no_such_number", ["number": .text(reference)]))])
    }

    /// R3.8: the estimate, with the services the history says are due.
    public func estimate(_ reference: String, by caller: Caller) throws -> Estimate {
        try department.read("ro estimate", by: caller) { tx in try Self.estimate(reference, by: caller, tx) }
    }

    static func estimate(_ reference: String, by caller: Caller, _ tx: any StoreReading) throws -> Estimate {
        let order = try load(reference, tx)
        var due: [ServiceReminder] = []
        if let v = try tx.vehicle(id: order.vehicleID) {
            due = ServiceReminders.due(for: v, history: try tx.serviceHistory(vehicleIDs: [v.id])[v.id] ?? [], on: caller.today)
                .filter { $0.kind == .firstService || $0.kind == .regularService }
        }
        return Estimate(order: order, settlement: order.settlement(vatBasisPoints: caller.settings.vatBasisPoints), recommended: due,
                        declinedBefore: try declinedBefore(order, tx, settings: caller.settings))
    }

    /// R4.2: each team's labour hours waiting, the load the foreman weighs.
    static func teamLoads(_ tx: any StoreReading) throws -> [(team: WorkshopTeam, hours: LaborHours)] {
        let loads = WorkshopLoad.perTeam(try tx.repairOrders(statuses: WorkshopLoad.statuses, limit: 1000))
        return try tx.teams().map { ($0, LaborHours(hundredths: loads[$0.name] ?? 0)) }
    }

    // MARK: Steps

    /// One step of an order: load, the step, a timeline row with the status
    /// move, save, and the audit row. `body` runs the LaneCore step and
    /// says in words what it did.
    public func step<T>(_ verb: String, order reference: String, by caller: Caller,
                        _ body: (inout RepairOrder, any StoreWriting) throws -> (detail: Message, value: T)) throws -> Done<StepDone<T>> {
        try department.change(OperationID(noun: "ro", verb: verb), by: caller) { tx in
            let done = try Self.step(verb, order: reference, by: caller, tx, body)
            // The status move is the before/after the audit trail keeps.
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.text))
        }
    }

    /// The same inside a change already open (the shell's command, a plugin's nested command).
    public static func step<T>(_ verb: String, order reference: String, by caller: Caller, _ tx: any StoreWriting,
                               _ body: (inout RepairOrder, any StoreWriting) throws -> (detail: Message, value: T)) throws -> StepDone<T> {
        var order = try load(reference, tx)
        let loaded = order
        let before = order.status
        let (said, value) = try body(&order, tx)
        let detail = said.description
        let done = StepDone(order: order, step: verb, statusBefore: before, detail: detail, value: value)
        // The row keeps the move in codes (` [signed → handed_over]`), read in the reader's words (`RepairOrderStatus.readingMove`).
        let moved = order.status != before ? " [\(before.rawValue) → \(order.status.rawValue)]" : ""
        try tx.appendRepairOrderEvent(orderID: order.id, kind: verb, detail: detail + moved, message: said, at: caller.now, by: caller.user)
        // Saved last, so the store may hand the order as saved to the change's seal and events (no row written since).
        try tx.saveRepairOrder(order, was: loaded)
        return done
    }

    /// R5.5-R5.7: the customer signs the settlement (and for declined safety items).
    public func settle(_ request: SettleRequest, by caller: Caller) throws -> Done<StepDone<Settlement>> {
        try department.change("ro settle", by: caller) { tx in
            let done = try Self.settle(request, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.text))
        }
    }

    static func settle(_ request: SettleRequest, by caller: Caller, _ tx: any StoreWriting) throws -> StepDone<Settlement> {
        try step("settle", order: request.order, by: caller, tx) { order, _ in
            try order.settle(signedBy: request.signedBy, declinedAcknowledged: request.declinedSafetyItemsSigned)
            let s = order.settlement(vatBasisPoints: caller.settings.vatBasisPoints)
            let discount: MessageArgument = s.discount.fen > 0 ? .message(Message("repair_order.settled_discount", ["discount": .money(s.discount)])) : .text("")
            let words = Message("repair_order.settled", ["labor": .money(s.laborNet), "parts": .money(s.partsNet), "discount": discount,
                                                        "vat": .money(s.vat), "total": .money(s.total)])
            // R5.6, R5.8: the declined items' signature, the next service, the call time, the insurer's share and deposits.
            let more = PaymentWords.settlementNotes(order, order.bill(vatBasisPoints: caller.settings.vatBasisPoints))
            return (PaymentWords.withNotes(words, more), s)
        }
    }

    /// R5.8, R5.9: payment at the cashier for exactly the total; the gate
    /// pass; the visit joins the vehicle's history, from which the next
    /// reminders count (R1.1, R1.2, R6.3).
    public func pay(_ request: PaymentRequest, by caller: Caller) throws -> Done<StepDone<Payment>> {
        try department.change("ro pay", by: caller) { tx in
            let done = try Self.pay(request, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.text))
        }
    }

    static func pay(_ request: PaymentRequest, by caller: Caller, _ tx: any StoreWriting) throws -> StepDone<Payment> {
        try step("pay", order: request.order, by: caller, tx) { order, tx in
            // The time is the session's clock: a cashier cannot backdate a payment.
            let before = try tx.creditAccount(customerID: order.customerID)
            var account = before
            try order.pay(parts: request.parts, tendered: request.tendered, invoiceNumber: request.invoiceNumber,
                          gatePass: RepairOrder.gatePass(for: order.number), by: caller.user, at: caller.now,
                          vatBasisPoints: caller.settings.vatBasisPoints, account: &account)
            guard let payment = order.payment else { throw StoreFailure(Message("store.missing.payment", ["number": .text(order.number)])) }
            if let account, let before, account.balance != before.balance {
                try tx.saveCreditAccount(account)
                try tx.appendCreditAccountEntry(customerID: account.customerID, CreditAccountEntry(
                    kind: .charge, amount: account.balance - before.balance, method: nil, reference: order.number, by: caller.user, at: caller.now))
            }
            let work = order.approvedLines.map(\.name).joined(separator: " ")
            try tx.appendEvent(vehicleID: order.vehicleID, kind: .visit, visitKind: order.visitKind, on: caller.today,
                               mileage: order.checkIn?.mileage,
                               said: Message("vehicle.event.visit", ["number": .text(order.number), "work": .text(work)]), at: caller.now, by: caller.user)
            let said = PaymentWords.paid(order, payment)
            return (PaymentWords.withNotes(said.first ?? Message(.text, ["text": .text("")]), Array(said.dropFirst())), payment)
        }
    }
}

// MARK: Requests and results

/// `ro settle`: who signs, and whether they signed for declined safety items.
public struct SettleRequest: Sendable {
    public var order: String
    public var signedBy: String
    public var declinedSafetyItemsSigned: Bool
    public init(order: String, signedBy: String, declinedSafetyItemsSigned: Bool) {
        self.order = order
        self.signedBy = signedBy
        self.declinedSafetyItemsSigned = declinedSafetyItemsSigned
    }
}

/// `ro pay`: how much, how (in one part or several), cash tendered, and the invoice.
public struct PaymentRequest: Sendable {
    public var order: String
    public var parts: [TenderPart]
    /// Cash handed over, when more than the cash part (the change is given back).
    public var tendered: Money?
    public var invoiceNumber: String
    public init(order: String, method: PaymentMethod, amount: Money, invoiceNumber: String, tendered: Money? = nil) {
        self.init(order: order, parts: [TenderPart(method, amount)], tendered: tendered, invoiceNumber: invoiceNumber)
    }
    public init(order: String, parts: [TenderPart], tendered: Money?, invoiceNumber: String) {
        self.order = order
        self.parts = parts
        self.tendered = tendered
        self.invoiceNumber = invoiceNumber
    }
}

/// A new repair order and what the advisor should know at once.
public struct RepairOrderOpened: Sendable {
    public var order: RepairOrder
    public var plate: String
    public var model: String
    public var customerCode: String
    public var customerName: String
    /// R3.2: the customer has never been to the store: give them your card.
    public var firstVisit: Bool
    /// R1.5, R1.6: campaigns and upgrades open for this vehicle.
    public var campaigns: [ServiceCampaign]
    /// Earlier orders handed over within the comeback period (返修?).
    public var comebackCandidates: [ComebackCandidate] = []
    /// R3.8: safety items declined on earlier visits, to recommend again.
    public var declinedBefore: [DeclinedSafetyItem] = []

    public var number: String { order.number }

    /// The answer in words: the order, then a note per thing to do.
    public var message: Message {
        Message("repair_order.opened", ["number": .text(number), "plate": .text(plate), "model": .text(model)])
    }

    public var notes: [Message] {
        var notes: [Message] = []
        if firstVisit { notes.append(Message("repair_order.first_visit", ["customer": .text(customerName)])) }
        for c in campaigns {
            notes.append(Message(c.kind == .upgrade ? "repair_order.upgrade_open" : "repair_order.campaign_open",
                                 ["code": .text(c.code), "title": .text(c.title)]))
        }
        return notes + historyNotes
    }
}

/// An order with its money and what the history recommends.
public struct Estimate: Sendable {
    public var order: RepairOrder
    public var settlement: Settlement
    public var recommended: [ServiceReminder]
    /// R3.8: safety items declined on earlier visits, recommended again.
    public var declinedBefore: [DeclinedSafetyItem] = []
}

/// A step done: the order after it, the status before, and the step's own result.
public struct StepDone<T> {
    public var order: RepairOrder
    public var step: String
    public var statusBefore: RepairOrderStatus
    public var detail: String
    public var value: T

    public var number: String { order.number }
    public var status: RepairOrderStatus { order.status }
    /// The answer in words, with the status move when there was one.
    public var text: String {
        "\(order.number): \(detail)" + (status != statusBefore ? RepairOrderStatus.move(statusBefore, status) : "")
    }
}
