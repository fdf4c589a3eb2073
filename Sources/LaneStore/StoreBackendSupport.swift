import Foundation
import GRDB
import LaneCore
import LanePlugin

/// What a second backend (LanePostgres) shares with the SQLite store rather
/// than doing twice: the customer search keys, the store's key file, and the
/// judging of plugins' SQL by SQLite's authorizer.
public enum StoreBackendSupport {
    /// The search keys (`customer find`) and the pinyin sort key of a name, as `CustomerSearchIndex` writes them.
    public static func searchKeys(name: String) -> (keys: [String], sortKey: String) {
        let readings = Pinyin.readings(of: name)
        return (NameSearch.keys(name: name, readings: readings), NameSearch.sortKey(readings: readings))
    }

    /// The store's secret key kept in the file `base + ".key"` (owner-only), made when missing and allowed.
    public static func secretKey(beside base: String, mayCreate: Bool) -> [UInt8]? {
        SQLiteStore.key(beside: base, mayCreate: mayCreate)
    }

    /// The smallest string above every string starting with `prefix` (binary order): a prefix search is a range.
    public static func upperBound(_ prefix: String) -> String { SQLiteTransaction.upperBound(prefix) }

    /// `remind register`'s page: the newest `limit` rows of the reminder log (of
    /// one kind, or of all), oldest first. `fetch` runs the clause after the
    /// backend's SELECT with the kind (when given) and the limit as its arguments.
    public static func newestReminderLog(kind: ReminderKind?, limit: Int,
                                         _ fetch: (_ clause: String, _ kind: String?, _ limit: Int) throws -> [ReminderLogEntry])
        rethrows -> [ReminderLogEntry] {
        let clause = kind == nil ? "ORDER BY id DESC LIMIT ?" : "WHERE kind = ? ORDER BY id DESC LIMIT ?"
        return try fetch(clause, kind?.rawValue, limit).reversed()
    }

    /// The part groups there are, one index seek per group (`part_by_group`, v36): each step asks the index
    /// for the smallest group after the last. `SELECT DISTINCT part_group` read the whole catalogue, and the
    /// warranty plugin asks at every line added: 33 ms at 200,000 parts without the index, 11 ms with it
    /// (SQLite still walks every entry), 0.04 ms this way. The same SQL on every backend.
    public static let partGroupsSQL = """
        WITH RECURSIVE g(name) AS (
            SELECT (SELECT min(part_group) FROM part)
            UNION ALL
            SELECT (SELECT min(part_group) FROM part WHERE part_group > g.name) FROM g WHERE g.name IS NOT NULL)
        SELECT name FROM g WHERE name IS NOT NULL
        """

    /// `kpiFollowUpCalls`: a period's calls as the figures read them (call, outcome, score, time), in time order.
    public static let kpiFollowUpCallsSQL = "SELECT call, outcome, score, at FROM follow_up WHERE at >= ? AND at < ? ORDER BY at, id"

    /// A call as the figures read it from `kpiFollowUpCallsSQL`'s values (every backend's); a call or outcome lane
    /// does not write is a damaged row, as in a whole call's decoding.
    public static func kpiFollowUpCall(call: String, outcome: String, score: Int?, at: Int64) throws -> KPIFollowUpCall {
        guard let call = FollowUpCall(rawValue: call), let outcome = FollowUpOutcome(rawValue: outcome) else {
            throw StoreFailure(Message("store.damaged.follow_up"))
        }
        return KPIFollowUpCall(call: call, outcome: outcome, score: score, at: Timestamp(secondsSince1970: at))
    }

    /// `followUpScores(from:to:)`: the scored calls of a period and their sum, read along `follow_up_by_time`. The
    /// same SQL on every backend (the cast: PostgreSQL sums integers as `numeric`).
    public static let followUpScoresSQL = "SELECT COUNT(score), CAST(COALESCE(SUM(score), 0) AS BIGINT) FROM follow_up WHERE at >= ? AND at < ?"

    /// The store's versions (`StoreVersions`, v37): their one row. The same SQL on every backend.
    public static let storeVersionsSQL = "SELECT settings, catalogue FROM store_version WHERE id = 1"

    /// Audit personal values are kept in one column (see `SQLiteTransaction.joinValues`).
    public static func joinValues(_ values: [String]) -> String { SQLiteTransaction.joinValues(values) }
    public static func splitValues(_ text: String) -> [String] { SQLiteTransaction.splitValues(text) }

    /// The vehicles a customer owns or owned (`?1` their id, `?2` their code), and every free text
    /// that may name them (field, row id, text): the same query on every backend (`instr` is
    /// SQLite's; the PostgreSQL schema defines it).
    public static var vehiclesEverOwnedQuery: String { SQLiteTransaction.vehiclesEverOwned }
    public static var customerTextsQuery: String { SQLiteTransaction.customerTextsQuery }

    /// `report kpi`'s period statements (`SQLiteReports`), the same on every backend.
    /// Those orders' columns the figures read (`RepairOrderColumns.kpiColumns`).
    public static var periodKPIOrdersQuery: String { SQLiteTransaction.periodKPIOrders }
    public static var comebacksDeliveredQuery: String { SQLiteTransaction.comebacksDelivered }
    /// Those orders' lines, the columns the figures read (`RepairOrderColumns.kpiLineColumns`; the same four arguments).
    public static var periodKPIOrderLinesQuery: String { SQLiteTransaction.periodKPIOrderLines }
    public static var openedInPeriodFilter: String { SQLiteTransaction.openedInPeriod }

    /// The plugin's own table prefix, `plg_NAME_`.
    public static func pluginPrefix(_ plugin: String) -> String { PluginSQLGuard.prefix(of: plugin) }

    /// The refusal for a plugin whose SQL left its namespace.
    public static func pluginRefusal(_ plugin: String, _ why: Message) -> Refusal { LaneStore.pluginRefusal(plugin, why) }
}

/// A plugin's SQL judged on a private SQLite copy of the core schema and of the
/// plugin's own tables, for a backend that is not SQLite: SQLite's authorizer
/// reports what each statement touches, whatever the backend that then runs it.
/// The plugins write their SQL for SQLite (docs/plugins.md); another backend
/// runs it after translating what differs.
public final class PluginSQLShadow: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var applied: Set<String> = []
    private let lock = NSLock()

    public init() throws {
        queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
    }

    /// Applies a plugin migration to the copy (once per identifier), refusing what a SQLite store would refuse.
    public func migrate(plugin: String, identifier: String, sql: String) throws {
        try lock.withLock {
            let key = plugin + "\u{1F}" + identifier
            guard !applied.contains(key) else { return }
            try queue.inDatabase { db in
                try db.inSavepoint {
                    _ = try SQLiteTransaction(db: db).migratePlugin(namespace: plugin, migrations: [PluginMigration(identifier, sql: sql)],
                                                                    at: Timestamp(secondsSince1970: 0))
                    return .commit
                }
            }
            applied.insert(key)
        }
    }

    /// The statements of `sql`, each as SQLite compiled it, when every one may run for `plugin`; otherwise the refusal.
    public func check(plugin: String, sql: String, readOnly: Bool) throws -> [String] {
        try lock.withLock {
            try queue.inDatabase { db in
                var statements: [String] = []
                do {
                    let all = try db.allStatements(sql: sql)
                    while let statement = try all.next() {
                        if readOnly && !statement.isReadonly {
                            throw LaneStore.pluginRefusal(plugin, Message("plugin_sql.query_only_reads", ["statement": .text(String(sql.prefix(30)))]))
                        }
                        let text = SQLiteTransaction.text(of: statement)
                        let problems = try PluginSQLGuard.shared.problems(text, plugin: plugin, purpose: readOnly ? .query : .statement, in: db)
                        if let first = problems.first { throw LaneStore.pluginRefusal(plugin, first) }
                        statements.append(text)
                    }
                } catch let error as DatabaseError {
                    throw Refusal(Message("plugin_sql.refused"), problems: [Problem("sql", Message("plugin_sql.sqlite_said", ["error": .text(error.message ?? error.description)]))])
                }
                return statements
            }
        }
    }
}

extension RepairOrderEventRef {
    /// For another backend's store (the memberwise initialiser is internal).
    public init(eventID: Int64, orderID: Int64, kind: String) {
        self.init(id: eventID, orderID: orderID, kind: kind)
    }
}

extension StoreBackendSupport {
    /// Writes `key` to `base + ".key"` (owner-only) unless a key is there already; `store copy`
    /// gives the copy the store's own key, so its audit trail verifies there. False when another key is there.
    public static func giveKey(_ key: [UInt8], beside base: String) -> Bool {
        if let existing = SQLiteStore.key(beside: base, mayCreate: false) { return existing == key }
        let text = key.map { String(format: "%02x", $0) }.joined() + "\n"
        let path = base + ".key", temporary = path + ".new"
        // The first server store on this machine: its folder of keys (~/.lane/keys) is not there yet.
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                              attributes: [.posixPermissions: 0o700])) != nil else { return false }
        }
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
        return true
    }
}

extension SQLValue {
    static func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    static func int64(_ value: Int64?) -> SQLValue { value.map { .integer($0) } ?? .null }
    static func bool(_ value: Bool?) -> SQLValue { value.map { .integer($0 ? 1 : 0) } ?? .null }
    static func string(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
}

/// The two conditions of the call lists' standing (`callListStanding`), the same for every backend. The
/// statuses are written into the text rather than bound: a store uses a partial index only for a statement
/// whose condition is the index's own, and v39's `repair_order_in_workshop_by_vehicle` and
/// `appointment_expected_by_vehicle` are made with these lists, in this order. Bound, the read went through
/// every order the car ever had, a table row each: 326 pages of a first `remind due` at 1M vehicles, 281 of
/// 805 at 10,000 (docs/performance.md, sixteenth round). A test holds the reads to those indexes.
///
/// The store works an index's condition out at every write of the row. SQLite compares `status IN (…)` with
/// more than two values by building a table of them first, at every statement that writes an order: the
/// nine statuses of an open order so cost 3 % of a scripted lifecycle's instructions, compared one by one
/// with `OR` 0.5 %. The two of an appointment still expected are compared one by one anyway.
public enum CallListStanding {
    /// An open repair order: the car is in the workshop.
    public static let inWorkshop = "(" + ReminderPrecedence.inWorkshop.map { "status = \(quoted($0.rawValue))" }.joined(separator: " OR ") + ")"
    /// An appointment still expected.
    public static let expected = "status IN (\(quoted(AppointmentStatus.booked.rawValue)), \(quoted(AppointmentStatus.confirmed.rawValue)))"

    /// Status names are letters and underscores, constants of LaneCore, never input.
    private static func quoted(_ name: String) -> String { "'\(name)'" }
}

/// Where a newest-first list of repair orders stopped: read on from here, it gives the orders opened earlier,
/// and those opened in the same second with a lower id (orders opened in one second are told apart by id).
public struct RepairOrderPosition: Sendable, Hashable {
    public var openedAt: Timestamp
    public var id: Int64

    /// Before every order opened at `time` or later.
    public static func before(_ time: Timestamp) -> RepairOrderPosition { RepairOrderPosition(openedAt: time, id: .min) }

    /// The ids of `repairOrders(statuses:openedFrom:before:limit:)`, newest first, for `statuses` statuses, the
    /// same on every backend: per status, the index range from its newest end, at most `limit` entries, then the
    /// newest `limit` of them all. (`status IN (…)` with `ORDER BY` read every order of the range and sorted them:
    /// a week of a million cars' store, 13,000 orders, for a page of 200.) Its arguments: `arguments`.
    public static func newestIDsSQL(statuses: Int) -> String {
        let each = (0..<max(1, statuses)).map { i in
            """
            SELECT id, opened_at FROM (SELECT id, opened_at FROM repair_order WHERE status = ? AND opened_at >= ? AND opened_at <= ? \
            AND (opened_at < ? OR id < ?) ORDER BY opened_at DESC, id DESC LIMIT ?) AS status_\(i)
            """
        }
        return "SELECT id FROM (" + each.joined(separator: " UNION ALL ") + ") AS newest ORDER BY opened_at DESC, id DESC LIMIT ?"
    }

    /// `newestIDsSQL`'s arguments, in its order.
    public func arguments(statuses: [RepairOrderStatus], from: Timestamp, limit: Int) -> [SQLValue] {
        statuses.flatMap { status -> [SQLValue] in
            [.string(status.rawValue), .int64(from.secondsSince1970), .int64(openedAt.secondsSince1970), .int64(openedAt.secondsSince1970),
             .int64(id), .int(limit)]
        } + [.int(limit)]
    }
}

extension RepairOrderPosition {
    /// Past `visit`, the last one read. (In an extension: the memberwise initialiser stays.)
    public init(after visit: VisitFile) { self.init(openedAt: visit.openedAt, id: visit.orderID) }

    /// `visitFiles(statuses:openedFrom:before:limit:)`: what the customer-file check reads of the orders
    /// `newestIDsSQL` picks, in its order, the same on every backend, with `arguments`. Columns: id, number,
    /// customer, opened, then `VisitFile`'s facts. The check-in and delivery conditions are the ones the
    /// order's decoding builds its `CheckInSheet` and `DeliveryRecord` from; whether work was approved is one
    /// seek into the order's lines. Reading the orders whole (every column, every line, check and payment) was
    /// most of `followup files` at 1M vehicles (docs/performance.md, nineteenth round).
    public static func visitFilesSQL(statuses: Int) -> String {
        """
        SELECT o.id, o.number, o.customer_id, o.opened_at, o.complaint IS NOT NULL,
               EXISTS (SELECT 1 FROM repair_order_line AS l WHERE l.repair_order_id = o.id AND l.approval = '\(LineApproval.approved.rawValue)'),
               o.next_service_on IS NOT NULL AND o.delivered_at IS NOT NULL, o.follow_up_preference, o.checkin_mileage IS NOT NULL
        FROM repair_order AS o WHERE o.id IN (\(newestIDsSQL(statuses: statuses))) ORDER BY o.opened_at DESC, o.id DESC
        """
    }
}

/// A repair order's scalar columns and their values, the same for every backend.
public enum RepairOrderColumns {
    /// The number of the order `id` for a message about its damaged row ("?" when even that cannot be read).
    public static func damagedOrderNumber(_ id: Int64, in tx: any RepairOrdersReading) -> String {
        ((try? tx.repairOrderNumbers(ids: [id])) ?? [:])[id] ?? "?"
    }

    /// `deliveredOrders(from:to:limit:offset:)`: the heads' own columns (id, number, vehicle, customer, advisor, then
    /// `deliveryRecord`'s in its order), not every column of the order. Decoding every column was a third of
    /// `followup due` at 1M vehicles, which reads about 1,000 orders for a page of 200 calls (docs/performance.md,
    /// nineteenth round). Arguments: from, to, limit, offset.
    public static let deliveredHeadsSQL = """
        SELECT id, number, vehicle_id, customer_id, advisor, next_service_on, next_service_km, follow_up_preference, old_parts_shown,
               delivered_at, customer_satisfied
        FROM repair_order WHERE delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, id LIMIT ? OFFSET ?
        """

    /// An order's delivery record from its columns: there when the next service and the time of delivery are (lane
    /// writes them together). Every backend's decoding of a whole order and of a head uses it.
    public static func deliveryRecord(nextServiceOn: String?, km: Int?, preference: String?, oldPartsShown: Bool?, at: Int64?,
                                      satisfied: Bool?) -> DeliveryRecord? {
        guard let text = nextServiceOn, let day = CalendarDate(parsing: text), let at else { return nil }
        return DeliveryRecord(nextServiceOn: day, nextServiceKm: km ?? 0, followUpPreference: preference ?? "", oldPartsShown: oldPartsShown ?? false,
                              at: Timestamp(secondsSince1970: at), customerSatisfied: satisfied ?? false)
    }

    /// `kpiOrders`: the columns of an order the figures read (`KPIOrder`), in the order `kpiOrder` takes them.
    public static let kpiColumns = """
        id, vehicle_id, advisor, team, status, opened_at, delivered_at, promised_at, appointment_id, checkin_mileage,
        checkin_customer_waits, discount_fen
        """

    /// An order as the figures read it from `kpiColumns`' values (every backend's); a status lane does not write is a
    /// damaged row, as in a whole order's decoding. `number` names the order then: it is looked up only for the message
    /// (`damagedOrderNumber`), not read and kept for each of a month's orders.
    public static func kpiOrder(id: Int64, vehicleID: Int64, advisor: String, team: String?, status: String, openedAt: Int64,
                                deliveredAt: Int64?, promisedAt: Int64?, appointmentID: Int64?, checkInMileage: Int?, customerWaits: Bool?,
                                discountFen: Int64?, number: () -> String) throws -> KPIOrder {
        guard let status = RepairOrderStatus(rawValue: status) else {
            throw StoreFailure(Message("store.damaged.repair_order_value", ["number": .text(number()), "column": .text("status"), "value": .text(status)]))
        }
        // The customer waits only as the check-in sheet says, and there is a sheet when its mileage is (`order(from:)`).
        return KPIOrder(id: id, vehicleID: vehicleID, advisor: advisor, team: team, isCancelled: status == .cancelled,
                        openedAt: Timestamp(secondsSince1970: openedAt), deliveredAt: deliveredAt.map(Timestamp.init(secondsSince1970:)),
                        promisedAt: promisedAt.map(Timestamp.init(secondsSince1970:)), byAppointment: appointmentID != nil,
                        customerWaits: checkInMileage != nil && customerWaits == true, discount: Money(fen: discountFen ?? 0))
    }

    /// `kpiOrders`' lines: the columns `KPIOrderLine` holds, in the order `kpiLine` takes them, then the order's id and
    /// the line's number.
    public static let kpiLineColumns = "kind, code, hours, quantity, unit_fen, payer, origin, approval, worked_minutes, clocked_on_by, repair_order_id, line_no"

    /// A line as the figures read it (every backend's); a kind, payer, origin or approval lane does not write is a damaged
    /// row, as in a whole line's decoding. `number` (looked up then) and `line` name it.
    public static func kpiLine(kind: String, code: String, hours: Int, quantity: Int, unitFen: Int64, payer: String, origin: String,
                               approval: String, workedMinutes: Int, clockedOnBy: String?, line: Int64, number: () -> String) throws -> KPIOrderLine {
        guard let kind = LineKind(rawValue: kind), let payer = LinePayer(rawValue: payer), let origin = LineOrigin(rawValue: origin),
              let approval = LineApproval(rawValue: approval) else {
            throw StoreFailure(Message("store.damaged.repair_order_line", ["number": .text(number()), "line": .int(Int(line))]))
        }
        return KPIOrderLine(kind: kind, code: code, hours: LaborHours(hundredths: hours), quantity: quantity, unitPrice: Money(fen: unitFen),
                            payer: payer, origin: origin, approval: approval, workedMinutes: workedMinutes, clockedOnBy: clockedOnBy)
    }

    public static let selectColumns = """
        id, number, vehicle_id, customer_id, advisor, appointment_id, opened_at, status, complaint,
        checkin_mileage, checkin_fuel, checkin_covers, checkin_damage, checkin_valuables, checkin_equipment, checkin_customer_waits,
        warranty, documents_taken, promised_at, terms_payment, terms_old_parts, terms_wash, terms_signed_by, terms_signed_at,
        team, washed, agreed_delivery_at, next_service_on, next_service_km, follow_up_preference, old_parts_shown, delivered_at,
        settlement_signed_by, paid_method, paid_fen, invoice_number, gate_pass, paid_by, paid_at, cancel_reason,
        discount_fen, discount_reason, discount_by, comeback_of, customer_satisfied,
        declined_signed_by, insurer, insurance_claim, insurance_assessed_fen, insurance_deductible_fen
        """

    /// Column → value for every scalar of an order (insert and update share it).
    public static func values(_ o: RepairOrder) -> [(String, SQLValue)] {
        [
            ("vehicle_id", .int64(o.vehicleID)), ("customer_id", .int64(o.customerID)), ("advisor", .string(o.advisor)),
            ("appointment_id", .int64(o.appointmentID)), ("opened_at", .int64(o.openedAt.secondsSince1970)), ("status", .string(o.status.rawValue)),
            ("complaint", .string(o.complaint)),
            ("checkin_mileage", .int(o.checkIn?.mileage)), ("checkin_fuel", .int(o.checkIn?.fuelEighths)), ("checkin_covers", .bool(o.checkIn?.coversFitted)),
            ("checkin_damage", .string(o.checkIn?.damage)), ("checkin_valuables", .string(o.checkIn?.valuables)),
            ("checkin_equipment", .string(o.checkIn?.equipment)), ("checkin_customer_waits", .bool(o.checkIn?.customerWaits)),
            ("warranty", .string(o.warranty?.rawValue)), ("documents_taken", .bool(o.documentsTaken)), ("promised_at", .int64(o.promisedAt?.secondsSince1970)),
            ("terms_payment", .string(o.terms?.payment.rawValue)), ("terms_old_parts", .string(o.terms?.oldParts.rawValue)), ("terms_wash", .bool(o.terms?.wash)),
            ("terms_signed_by", .string(o.terms?.signedBy)), ("terms_signed_at", .int64(o.terms?.signedAt.secondsSince1970)),
            ("team", .string(o.team)), ("washed", .bool(o.washed)), ("agreed_delivery_at", .int64(o.agreedDeliveryAt?.secondsSince1970)),
            ("next_service_on", .string(o.delivery?.nextServiceOn.description)), ("next_service_km", .int(o.delivery?.nextServiceKm)),
            ("follow_up_preference", .string(o.delivery?.followUpPreference)), ("old_parts_shown", .bool(o.delivery?.oldPartsShown)),
            ("delivered_at", .int64(o.delivery?.at.secondsSince1970)),
            ("settlement_signed_by", .string(o.settlementSignedBy)),
            ("paid_method", .string(o.payment?.method.rawValue)), ("paid_fen", .int64(o.payment?.amount.fen)),
            ("invoice_number", .string(o.payment?.invoiceNumber)),
            ("gate_pass", .string(o.payment?.gatePass)), ("paid_by", .string(o.payment?.by)), ("paid_at", .int64(o.payment?.at.secondsSince1970)),
            ("cancel_reason", .string(o.cancelReason)),
            ("discount_fen", .int64(o.discount.fen)), ("discount_reason", .string(o.discountReason)), ("discount_by", .string(o.discountBy)),
            ("comeback_of", .string(o.comebackOf)), ("customer_satisfied", .bool(o.delivery?.customerSatisfied)),
            // v24: payments and the insurance claim.
            ("declined_signed_by", .string(o.declinedSignedBy)), ("insurer", .string(o.insurance?.insurer)),
            ("insurance_claim", .string(o.insurance?.claimNumber)), ("insurance_assessed_fen", .int64(o.insurance?.assessed.fen)),
            ("insurance_deductible_fen", .int64(o.insurance?.deductible.fen)),
        ]
    }
}

/// An appointment's columns and their values, the same for every backend.
public enum AppointmentRow {
    public static let selectColumns = """
        id, number, vehicle_id, customer_id, advisor, start_at, duration_minutes, job, bay, channel, status, called_at, entered_at,
        advisor_items_at, needs_technician_plan, technician_plan_at, parts_checked_at, parts_expected_on, day_before_at, hour_before_at,
        attempt, note, model, reported_mileage
        """

    public static let writtenColumns = [
        "number", "day", "vehicle_id", "customer_id", "advisor", "start_at", "duration_minutes", "job", "bay", "channel", "status",
        "called_at", "entered_at", "advisor_items_at", "needs_technician_plan", "technician_plan_at", "parts_checked_at",
        "parts_expected_on", "day_before_at", "hour_before_at", "attempt", "note", "model", "reported_mileage",
    ]

    /// The values of `writtenColumns`, in order.
    public static func values(_ a: Appointment, day: CalendarDate) -> [SQLValue] {
        [.string(a.number), .string(day.description), .int64(a.vehicleID), .int64(a.customerID), .string(a.advisor),
         .int64(a.start.secondsSince1970), .int(a.durationMinutes), .string(a.job), .int(a.bay),
         .string(a.channel.rawValue), .string(a.status.rawValue), .int64(a.calledAt.secondsSince1970), .int64(a.enteredAt.secondsSince1970),
         .int64(a.internalChecks.advisorItemsAt?.secondsSince1970), .bool(a.internalChecks.needsTechnicianPlan),
         .int64(a.internalChecks.technicianPlanAt?.secondsSince1970),
         .int64(a.internalChecks.partsCheckedAt?.secondsSince1970), .string(a.internalChecks.partsExpectedOn?.description),
         .int64(a.customerConfirmations.dayBefore?.secondsSince1970), .int64(a.customerConfirmations.hourBefore?.secondsSince1970),
         .int(a.attempt), .string(a.note), .string(a.model), .int(a.reportedMileage)]
    }
}
