import LaneCore
import ServiceDepartment
import LaneStore

/// The shell's side of `PluginContext`: one plugin, one command, one
/// transaction. Lookups get it without `writing`, so they cannot change data.
final class HostPluginContext: PluginContext {
    let plugin: String
    let ctx: CommandContext
    let tx: any StoreReading
    let writing: (any StoreWriting)?
    private(set) var lastInsertedRowID: Int64 = 0

    init(plugin: String, _ ctx: CommandContext, _ tx: any StoreReading, writing: (any StoreWriting)? = nil) {
        self.plugin = plugin
        self.ctx = ctx
        self.tx = tx
        self.writing = writing
    }

    var now: Timestamp { ctx.now }
    var today: CalendarDate { ctx.today }
    var user: String { ctx.user }
    var role: StaffRole? { ctx.role }
    var settings: StoreSettings { ctx.settings }
    var canChange: Bool { writing != nil }

    var config: [String: String] { ctx.pluginSettings.of(plugin) }

    func vehicle(_ reference: String) throws -> Vehicle? {
        if case .success(let vehicle) = try References.findVehicle(reference, tx) { return vehicle }
        return nil
    }
    func vehicle(id: Int64) throws -> Vehicle? { try tx.vehicle(id: id) }
    func allVehicles() throws -> [Vehicle] { try tx.allVehicles() }
    func vehicles(modelPrefixes: [String], vins: Range<String>?) throws -> [Vehicle] { try tx.vehicles(modelPrefixes: modelPrefixes, vins: vins) }
    /// X4: masked for the signed-in role, as the shell shows customers to them.
    func customer(id: Int64) throws -> Customer? {
        try tx.customer(id: id).map(masked)
    }
    func customers(ids: [Int64]) throws -> [Int64: Customer] {
        try tx.customers(ids: ids).mapValues(masked)
    }
    private func masked(_ customer: Customer) -> Customer {
        var customer = customer
        let privacy = Privacy(role: ctx.role)
        if !privacy.showsContacts {
            customer.phone = .hiding(customer.phone)
            customer.address = privacy.address(customer.address)
        }
        return customer
    }
    func repairOrder(number: String) throws -> RepairOrder? { try tx.repairOrder(number: number.uppercased()) }
    func repairOrders(vehicleID: Int64) throws -> [RepairOrder] { try tx.repairOrders(vehicleID: vehicleID) }
    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder] { try tx.repairOrders(deliveredFrom: from, to: to) }
    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [RepairOrder] {
        try tx.repairOrders(deliveredFrom: from, to: to, limit: limit, offset: offset)
    }
    func deliveredOrders(from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [DeliveredOrder] {
        try tx.deliveredOrders(from: from, to: to, limit: limit, offset: offset)
    }
    func vehicles(ids: [Int64]) throws -> [Int64: Vehicle] { try tx.vehicles(ids: ids) }
    func part(number: String) throws -> Part? { try tx.part(number: number.uppercased()) }
    func parts() throws -> [Part] { try tx.parts() }
    func partGroups() throws -> Set<String> { try tx.partGroups() }
    func catalogueVersion() throws -> Int64? { try tx.storeVersions().catalogue }
    func laborOperation(code: String) throws -> LaborOperation? { try tx.laborOperation(code: code.uppercased()) }
    func parts(numbers: [String]) throws -> [String: Part] {
        let found = try tx.parts(numbers: numbers.map { $0.uppercased() })
        return Dictionary(numbers.compactMap { n in found[n.uppercased()].map { (n, $0) } }, uniquingKeysWith: { a, _ in a })
    }
    func laborOperations(codes: [String]) throws -> [String: LaborOperation] {
        let found = try tx.laborOperations(codes: codes.map { $0.uppercased() })
        return Dictionary(codes.compactMap { c in found[c.uppercased()].map { (c, $0) } }, uniquingKeysWith: { a, _ in a })
    }
    func stockMovements(partNumber: String) throws -> [StockMovement] { try tx.stockMovements(partNumber: partNumber.uppercased()) }
    func reservedQuantity(partNumber: String) throws -> Int { try tx.reservedQuantity(partNumber: partNumber.uppercased()) }
    func openReservations(partNumber: String?) throws -> [AppointmentReservation] {
        try tx.openReservations(partNumber: partNumber?.uppercased()).compactMap { row in
            try tx.appointment(id: row.appointmentID).map { AppointmentReservation(appointment: $0, reservation: row.reservation) }
        }
    }
    func delayedDeliveries(openOnly: Bool) throws -> [DelayedDelivery] { try tx.delayedDeliveries(openOnly: openOnly) }
    func complaints(orderID: Int64) throws -> [Complaint] {
        try tx.complaints(statuses: Complaint.Status.allCases).filter { $0.orderID == orderID }.sorted { $0.id < $1.id }
    }
    func staffMember(named name: String) throws -> StaffMember? { try tx.staffMember(named: name) }
    func staff() throws -> [StaffMember] { try tx.staff() }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try tx.pluginRows(namespace: plugin, sql: sql, arguments: arguments)
    }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        lastInsertedRowID = try changing().pluginExecute(namespace: plugin, sql: sql, arguments: arguments)
    }

    func run(_ commandLine: String) throws -> CommandOutput {
        _ = try changing()
        guard let session = ctx.runner?.session else {
            throw Refusal(Message("plugin.cannot_run_here", ["plugin": .text(plugin), "line": .text(commandLine)]),
                          problems: [Problem("plugin", Message("plugin.commands_only_in_session"))])
        }
        return try PluginBlame.naming(plugin, commandLine) { try session.runNested(commandLine, ctx) }
    }

    func campaigns() throws -> [ServiceCampaign] { try tx.campaigns() }

    func decideWarranty(orderNumber: String, _ decision: WarrantyDecision) throws -> RepairOrder {
        let (department, tx) = try operating()
        let caller = ctx.caller("ro warranty \(orderNumber) \(decision.rawValue)")
        return try department.changeInside("ro warranty", by: caller, tx, notifying: false) { tx in
            let done = try RepairOrderDesk.perform(RepairOrderAction(.warranty(decision)), order: orderNumber, by: caller, tx)
            return Recorded(done.order, audit: AuditNote(ref: done.number, summary: done.text))
        }.value
    }

    func openComplaint(customerCode: String, orderNumber: String?, text: String) throws -> (complaint: Complaint, alreadyOpen: Bool) {
        let (department, tx) = try operating()
        if let number = orderNumber, let order = try tx.repairOrder(number: number.uppercased()),
           let open = Complaint.openOne(forOrder: order.id, among: try complaints(orderID: order.id)) {
            return (open, true)
        }
        var caller = ctx.caller("complaint open \(customerCode)" + (orderNumber.map { " --ro \($0)" } ?? "") + " --text \(ShellWord.quoted(text))")
        // X4: the customer's words, kept apart from the audit row like any typed free text.
        caller.personal = [PersonalValue(.text, text)]
        let opened = try department.changeInside("complaint open", by: caller, tx, notifying: false) { tx in
            let opened = try FollowUpDesk.openComplaint(ComplaintRequest(customer: customerCode, order: orderNumber, text: text), by: caller, tx)
            return Recorded(opened, audit: AuditNote(ref: opened.customerCode, summary: opened.message.description))
        }.value
        return (opened.complaint, false)
    }

    /// The application layer and this command's transaction, for a plugin's operation.
    private func operating() throws -> (Department, any StoreWriting) {
        let tx = try changing()
        guard let department = ctx.runner?.session?.department else {
            throw Refusal(Message("plugin.cannot_change_here", ["plugin": .text(plugin)]),
                          problems: [Problem("plugin", Message("plugin.operations_only_in_session"))])
        }
        return (department, tx)
    }

    func moveStock(partNumber: String, delta: Int, reason: String, reference: String?) throws {
        try Stockroom.move(StockMovement(partNumber: partNumber.uppercased(), delta: delta, reason: reason, reference: reference,
                                         at: ctx.now, by: ctx.user), try changing())
    }

    func ask(_ prompt: String) throws -> String? {
        guard writing == nil else {
            throw Refusal(Message("plugin.asked_while_changing", ["plugin": .text(plugin)]),
                          problems: [Problem("plugin", Message("plugin.ask_in_interview"))])
        }
        guard let ask = ctx.runner?.session?.ask else { return nil }
        return try ask(prompt)
    }

    private func changing() throws -> any StoreWriting {
        guard let writing else {
            throw Refusal(Message("plugin.changed_in_lookup", ["plugin": .text(plugin)]),
                          problems: [Problem("plugin", Message("plugin.only_changes_change"))])
        }
        return writing
    }
}

/// Lets a plugin's command run shell commands in the session that ran it.
/// The shell is single-threaded: the session is only touched from its own thread.
final class CommandRunner: @unchecked Sendable {
    weak var session: ShellSession?
    init(_ session: ShellSession) { self.session = session }
}
