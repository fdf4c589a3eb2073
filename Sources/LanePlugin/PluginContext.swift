/// What a plugin may see and do while one command runs: who is typing and
/// when, its own settings, the dealership's records (read-only), its own
/// tables, and the shell's commands. Everything happens in the command's one
/// transaction: if anything throws, nothing the command did is kept.
public protocol PluginContext {
    /// One "now" for the whole command.
    var now: Timestamp { get }
    var today: CalendarDate { get }
    /// The signed-in member of staff and their role.
    var user: String { get }
    var role: StaffRole? { get }
    var settings: StoreSettings { get }
    /// The plugin's own settings: the `[plugin.NAME]` section of store.toml,
    /// keys without the prefix (`basic_years`, not `plugin.warranty.basic_years`).
    /// Numbers and true/false come as their text; an array as a list that
    /// `SettingList.items(config["KEY"])` reads (an item may hold a comma).
    var config: [String: String] { get }
    /// Whether this command may change data (false in lookups, `today` and `remind due`).
    var canChange: Bool { get }

    // MARK: The dealership's records, read-only

    /// A vehicle by plate (粤B12345) or VIN.
    func vehicle(_ reference: String) throws -> Vehicle?
    func vehicle(id: Int64) throws -> Vehicle?
    func allVehicles() throws -> [Vehicle]
    /// The vehicles whose model starts with one of `modelPrefixes` (any model when empty) and whose
    /// VIN lies in `vins` (any when nil), by index ranges: what a recall's scope may cover, for its
    /// own rule to decide, without reading the whole fleet.
    func vehicles(modelPrefixes: [String], vins: Range<String>?) throws -> [Vehicle]
    /// X4: as the signed-in role may see them: their number (`138****5678`) and
    /// address (down to the district) masked for roles that see them so in the shell.
    func customer(id: Int64) throws -> Customer?
    /// Several customers at once, by id (masked the same way): one query, never one per row shown.
    func customers(ids: [Int64]) throws -> [Int64: Customer]
    /// Several vehicles at once, by id: one query, never one per row shown.
    func vehicles(ids: [Int64]) throws -> [Int64: Vehicle]
    func repairOrder(number: String) throws -> RepairOrder?
    func repairOrders(vehicleID: Int64) throws -> [RepairOrder]
    /// Orders delivered in [from, to), oldest delivery first.
    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder]
    /// The same orders a page at a time (`limit` of them after the first `offset`), by an index range:
    /// what a list on `today` reads, however many cars the store has.
    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [RepairOrder]
    /// The same page as the call lists show it: each order's number, car, customer, advisor and delivery,
    /// without the lines, checks and payments, which it does not read.
    func deliveredOrders(from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [DeliveredOrder]
    func part(number: String) throws -> Part?
    /// A labour operation of the catalogue (`catalog labor`), by its code.
    func laborOperation(code: String) throws -> LaborOperation?
    /// Several parts at once, keyed by the number as given (found as `part(number:)` finds it): one query.
    func parts(numbers: [String]) throws -> [String: Part]
    /// Several labour operations at once, keyed by the code as given (found as `laborOperation(code:)`
    /// finds it): one query.
    func laborOperations(codes: [String]) throws -> [String: LaborOperation]
    func parts() throws -> [Part]
    /// The part groups of the catalogue (`powertrain`, `consumable`…): those some part belongs to.
    func partGroups() throws -> Set<String>
    /// A number that stays the same while the catalogue's part numbers, part groups and labour operation
    /// codes do, and changes (to one not seen before, in this store or any other) when any of them comes,
    /// goes or changes, from any desk; not when stock, names or prices change. What a plugin keys what it
    /// works out from them on, to work it out once. Nil when the context cannot say: work it out each time.
    func catalogueVersion() throws -> Int64?
    func stockMovements(partNumber: String) throws -> [StockMovement]
    /// Parts put aside for appointments and not yet released.
    func reservedQuantity(partNumber: String) throws -> Int
    /// The reservations behind `reservedQuantity`, each with its appointment
    /// (R2.5: who the parts wait for, and when); every part's when `partNumber` is nil.
    func openReservations(partNumber: String?) throws -> [AppointmentReservation]
    /// The delayed-delivery register (R1.4, `remind delays`); closed entries too unless `openOnly`.
    func delayedDeliveries(openOnly: Bool) throws -> [DelayedDelivery]
    /// Complaints about one repair order (R6.2), oldest first, whatever their status.
    func complaints(orderID: Int64) throws -> [Complaint]
    func staffMember(named name: String) throws -> StaffMember?
    func staff() throws -> [StaffMember]

    // MARK: The plugin's own tables

    /// Runs statements on the plugin's own tables (`plg_NAME_…`); a statement that
    /// reads or changes anything else (also through a trigger) is refused and the
    /// command rolled back. The dealership's records are read through the typed
    /// queries above, which apply the signed-in role's privacy.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query on the plugin's own tables and returns its rows.
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// The id of the last row inserted by `execute`.
    var lastInsertedRowID: Int64 { get }

    // MARK: Changing the dealership's records

    /// R3.5: records the warranty decision on an order as the signed-in
    /// user, inside this command's transaction: the same operation as
    /// `ro warranty`, with its role check, rules and audit row.
    @discardableResult
    func decideWarranty(orderNumber: String, _ decision: WarrantyDecision) throws -> RepairOrder
    /// R6.2: opens a complaint as the signed-in user (the operation of
    /// `complaint open`: role check, rules, audit row). One unhappy visit is
    /// one complaint: when the order already has one open, nothing is opened
    /// and that one comes back with `alreadyOpen`.
    func openComplaint(customerCode: String, orderNumber: String?, text: String) throws -> (complaint: Complaint, alreadyOpen: Bool)
    /// The store's service campaigns and technical upgrades (`campaign list`).
    func campaigns() throws -> [ServiceCampaign]

    /// Runs a shell command as the signed-in user, inside this command's
    /// transaction: the same role check, rules and audit row as typed at the
    /// prompt. Prefer the typed operations above; this is for what they do
    /// not cover yet, and how run-time plugins change records.
    @discardableResult
    func run(_ commandLine: String) throws -> CommandOutput
    /// Moves a part's stock and writes its ledger row (`parts ledger`);
    /// refused when the stock would go below zero.
    func moveStock(partNumber: String, delta: Int, reason: String, reference: String?) throws

    // MARK: Asking the person at the terminal

    /// Shows `prompt` and returns the line typed. Nil when no one can answer
    /// (a script, `-c`, a pipe); Ctrl-C or Ctrl-D at the question refuses
    /// the command. Only a lookup or a command's `interview`
    /// may ask: inside a command that changes data it is refused, because
    /// the transaction would stay open while the person answers.
    func ask(_ prompt: String) throws -> String?
}

extension PluginContext {
    /// Contexts that cannot reach a person (tests' own contexts) have no one to ask.
    public func ask(_ prompt: String) throws -> String? { nil }
    public func execute(_ sql: String) throws { try execute(sql, []) }
    public func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }
    /// For contexts of their own (tests'): from the whole catalogue, or one by one.
    public func partGroups() throws -> Set<String> { Set(try parts().map(\.group)) }
    public func catalogueVersion() throws -> Int64? { nil }
    public func parts(numbers: [String]) throws -> [String: Part] {
        Dictionary(try numbers.compactMap { n in try part(number: n).map { (n, $0) } }, uniquingKeysWith: { a, _ in a })
    }
    public func laborOperations(codes: [String]) throws -> [String: LaborOperation] {
        Dictionary(try codes.compactMap { c in try laborOperation(code: c).map { (c, $0) } }, uniquingKeysWith: { a, _ in a })
    }
    public func deliveredOrders(from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [DeliveredOrder] {
        try repairOrders(deliveredFrom: from, to: to, limit: limit, offset: offset).map(DeliveredOrder.init)
    }
}

/// Parts put aside for an appointment and not yet released (`appt prepare --reserve`).
public struct AppointmentReservation: Sendable, Equatable {
    public var appointment: Appointment
    public var reservation: PartReservation
    public init(appointment: Appointment, reservation: PartReservation) {
        self.appointment = appointment
        self.reservation = reservation
    }
}

/// A value bound into, or read out of, a plugin's SQL. Money is Int64 fen.
public enum SQLValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    case null
    case integer(Int64)
    case text(String)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
}

/// One row of a query, by column name.
public struct SQLRow: Sendable, Equatable {
    public var values: [String: SQLValue]
    public init(_ values: [String: SQLValue]) { self.values = values }

    public subscript(column: String) -> SQLValue { values[column] ?? .null }

    public func text(_ column: String) -> String? {
        switch self[column] {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .null: return nil
        }
    }

    public func int(_ column: String) -> Int64? {
        switch self[column] {
        case .integer(let i): return i
        case .text(let s): return Int64(s)
        case .null: return nil
        }
    }
}
