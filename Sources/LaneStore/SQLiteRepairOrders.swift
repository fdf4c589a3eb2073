import GRDB
import LaneCore

// Repair orders, their lines, checks and timeline, and the stock ledger.
extension SQLiteTransaction {
    // MARK: Parts and labour lookups

    func part(number: String) throws -> Part? {
        try fetchRow(sql: "SELECT number, name, unit, price_fen, stock, bin, part_group FROM part WHERE number = ?",
                         arguments: [number]).map { row in
            Part(number: row[0], name: row[1], unit: row[2], price: Money(fen: row[3]), stock: row[4], bin: row[5], group: row[6])
        }
    }

    func laborOperation(code: String) throws -> LaborOperation? {
        try stepRows(sql: "SELECT code, name, standard_hours, skill FROM labor_operation WHERE code = ?", arguments: [code],
                     table: "labor_operation") { row in
            let skillText: String = try row[3]
            guard let skill = Skill(rawValue: skillText) else { throw StoreFailure(Message("store.damaged.labour_skill", ["code": .text(code)])) }
            return try LaborOperation(code: row[0], name: row[1], standardHours: LaborHours(hundredths: row[2]), skill: skill)
        }.first
    }

    func laborOperations(codes: [String]) throws -> [String: LaborOperation] {
        guard !codes.isEmpty else { return [:] }
        let found = try stepRows(sql: "SELECT code, name, standard_hours, skill FROM labor_operation WHERE code IN (SELECT value FROM json_each(?))",
                                 arguments: [Self.textList(codes)], table: "labor_operation") { row in
            let code: String = try row[0]
            guard let skill = Skill(rawValue: try row[3]) else { throw StoreFailure(Message("store.damaged.labour_skill", ["code": .text(code)])) }
            return try LaborOperation(code: code, name: row[1], standardHours: LaborHours(hundredths: row[2]), skill: skill)
        }
        return Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func recordStockMovement(_ m: StockMovement) throws {
        try execute(sql: "UPDATE part SET stock = stock + ? WHERE number = ?", arguments: [m.delta, m.partNumber])
        guard db.changesCount == 1 else { throw StoreFailure(Message("stock.no_such_part", ["part": .text(m.partNumber)])) }
        try execute(sql: "INSERT INTO stock_movement (part_number, delta, reason, reference, at, by) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [m.partNumber, m.delta, m.reason, m.reference, m.at.secondsSince1970, m.by])
    }

    func stockMovements(partNumber: String) throws -> [StockMovement] {
        try fetchRows(sql: "SELECT part_number, delta, reason, reference, at, by FROM stock_movement WHERE part_number = ? ORDER BY id",
                         arguments: [partNumber]).map { row in
            StockMovement(partNumber: row[0], delta: row[1], reason: row[2], reference: row[3],
                          at: Timestamp(secondsSince1970: row[4]), by: row[5])
        }
    }

    // MARK: Repair orders

    /// Column → value for every scalar of an order (insert and update share it; `RepairOrderColumns`).
    private func columns(_ o: RepairOrder) -> [(String, (any DatabaseValueConvertible)?)] {
        RepairOrderColumns.values(o).map { ($0.0, Self.databaseValue($0.1)) }
    }

    func insertRepairOrder(_ order: RepairOrder, openedOn day: CalendarDate) throws -> RepairOrder {
        let cols = columns(order)
        let names = ["number", "opened_on"] + cols.map(\.0)
        let values: [(any DatabaseValueConvertible)?] = [order.number, day.description] + cols.map(\.1)
        try execute(sql: "INSERT INTO repair_order (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(values))
        var stored = order
        stored.id = db.lastInsertedRowID
        try saveChildren(stored)
        return stored
    }

    func saveRepairOrder(_ order: RepairOrder, was before: RepairOrder) throws {
        // Only the columns a step changed (a step changes one to five of them), not all 41.
        // Compared as the backend-neutral values, converted for GRDB only where they changed.
        let old = RepairOrderColumns.values(before)
        let changed = RepairOrderColumns.values(order).enumerated().filter { $0.element.1 != old[$0.offset].1 }.map(\.element)
        if !changed.isEmpty {
            let values: [(any DatabaseValueConvertible)?] = changed.map { Self.databaseValue($0.1) } + [order.id]
            try execute(sql: "UPDATE repair_order SET \(changed.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                        arguments: StatementArguments(values))
        }
        try saveChildren(order, was: before)
        savedOrder?.keep(order, changes: db.totalChangesCount)
    }

    private func writeLine(_ o: RepairOrder, _ l: RepairOrderLine) throws {
        try execute(sql: """
            INSERT OR REPLACE INTO repair_order_line (repair_order_id, line_no, kind, code, name, hours, quantity, unit_fen, payer, origin,
                approval, safety, issued, issued_to, worked_minutes, clocked_on_at, clocked_on_by, done)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [o.id, l.id, l.kind.rawValue, l.code, l.name, l.hours.hundredths, l.quantity, l.unitPrice.fen,
                             l.payer.rawValue, l.origin.rawValue, l.approval.rawValue, l.safety, l.issued, l.issuedTo,
                             l.workedMinutes, l.clockedOnAt?.secondsSince1970, l.clockedOnBy, l.done])
    }

    private func saveChildren(_ o: RepairOrder, was before: RepairOrder? = nil) throws {
        // Lines: only those added, changed or removed (a step touches one or two).
        let old = Dictionary((before?.lines ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for l in o.lines where old[l.id] != l { try writeLine(o, l) }
        let kept = Set(o.lines.map(\.id))
        for id in old.keys where !kept.contains(id) {
            try execute(sql: "DELETE FROM repair_order_line WHERE repair_order_id = ? AND line_no = ?", arguments: [o.id, id])
        }
        try savePayments(o, was: before)
        // Checks are only ever appended.
        let stored = try before.map { $0.checks.count }
            ?? fetchValue(Int.self, sql: "SELECT COUNT(*) FROM quality_check WHERE repair_order_id = ?", arguments: [o.id]) ?? 0
        for c in o.checks.dropFirst(stored) {
            try execute(sql: """
                INSERT INTO quality_check (repair_order_id, stage, passed, checked_by, checked_at, note, rework_lines) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [o.id, c.stage.rawValue, c.passed, c.by, c.at.secondsSince1970, c.note,
                                 c.rework.map(String.init).joined(separator: ",")])
        }
    }

    static let orderColumns = RepairOrderColumns.selectColumns

    /// The orders `where` selects, with their lines, checks and payments: three more queries for any
    /// number of orders (ids as a JSON array), never three per order.
    func orders(_ where: String, _ arguments: StatementArguments) throws -> [RepairOrder] {
        var orders = try orderRows(`where`, arguments)
        guard !orders.isEmpty else { return [] }
        // One order (what every step reads) by `= ?`; several by their ids as one JSON list. Building the
        // list's table cost a third more per statement than the order's three reads of its rows.
        let (filter, byOrder): (String, StatementArguments) = orders.count == 1
            ? ("repair_order_id = ?", [orders[0].id])
            : ("repair_order_id IN (SELECT value FROM json_each(?))", [Self.idList(orders.map(\.id))])
        let numbers = Dictionary(orders.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        let lines = try lines("WHERE \(filter)", byOrder, numbers: numbers)
        var checks: [Int64: [QualityCheck]] = [:]
        try eachStepRow(sql: """
            SELECT stage, passed, checked_by, checked_at, note, rework_lines, repair_order_id
            FROM quality_check WHERE \(filter) ORDER BY repair_order_id, id
            """, arguments: byOrder, table: "quality_check") { r in
            let orderID: Int64 = try r[6]
            guard let stage = QualityCheckStage(rawValue: try r[0]) else {
                throw StoreFailure(Message("store.damaged.quality_check", ["number": .text(numbers[orderID] ?? "?")]))
            }
            let rework = (try r[5] as String).split(separator: ",").compactMap { Int64($0) }
            checks[orderID, default: []].append(try QualityCheck(stage: stage, passed: r[1], by: r[2], at: Timestamp(secondsSince1970: r[3]),
                                                                 note: r[4], rework: rework))
        }
        let payments = try payments(filter, byOrder, numbers: numbers)
        for i in orders.indices {
            orders[i].lines = lines[orders[i].id] ?? []
            orders[i].checks = checks[orders[i].id] ?? []
            orders[i].payments = payments[orders[i].id] ?? []
        }
        return orders
    }

    /// The order rows `where` selects, without their lines, checks and payments.
    private func orderRows(_ where: String, _ arguments: StatementArguments) throws -> [RepairOrder] {
        // Stepped by hand (`eachStepRow`): every step of an order loads it, and its seal and events read
        // it again (making GRDB's rows for these four reads was 7 % of a scripted write's instructions).
        try stepRows(sql: "SELECT \(Self.orderColumns) FROM repair_order \(`where`)", arguments: arguments, table: "repair_order") {
            try order(from: OrderRow($0))
        }
    }

    /// The lines `filter` (a WHERE on repair_order_line) selects, by order id, in line order: one
    /// statement for any number of orders. `numbers` names an order in a damaged row's message.
    func lines(_ filter: String, _ arguments: StatementArguments, numbers: [Int64: String]) throws -> [Int64: [RepairOrderLine]] {
        var lines: [Int64: [RepairOrderLine]] = [:]
        try eachStepRow(sql: """
            SELECT line_no, kind, code, name, hours, quantity, unit_fen, payer, origin, approval, safety, issued, issued_to,
                   worked_minutes, clocked_on_at, clocked_on_by, done, repair_order_id
            FROM repair_order_line \(filter) ORDER BY repair_order_id, line_no
            """, arguments: arguments, table: "repair_order_line") { r in
            let orderID: Int64 = try r[17]
            guard let kind = LineKind(rawValue: try r[1]), let payer = LinePayer(rawValue: try r[7]), let origin = LineOrigin(rawValue: try r[8]),
                  let approval = LineApproval(rawValue: try r[9]) else {
                throw StoreFailure(Message("store.damaged.repair_order_line", ["number": .text(numbers[orderID] ?? "?"),
                                                                                "line": .int(Int((try? r[0] as Int64) ?? 0))]))
            }
            lines[orderID, default: []].append(try RepairOrderLine(
                id: r[0], kind: kind, code: r[2], name: r[3], hours: LaborHours(hundredths: r[4]), quantity: r[5],
                unitPrice: Money(fen: r[6]), payer: payer, origin: origin, approval: approval, safety: r[10],
                issued: r[11], issuedTo: r[12], workedMinutes: r[13],
                clockedOnAt: (r[14] as Int64?).map(Timestamp.init(secondsSince1970:)), clockedOnBy: r[15], done: r[16]))
        }
        return lines
    }

    func order(from row: OrderRow) throws -> RepairOrder {
        func time(_ column: OrderColumn) throws -> Timestamp? { try (row[column] as Int64?).map(Timestamp.init(secondsSince1970:)) }
        func decode<E: RawRepresentable>(_ type: E.Type, _ column: OrderColumn) throws -> E? where E.RawValue == String {
            guard let text = try row[column] as String? else { return nil }
            guard let value = E(rawValue: text) else {
                throw StoreFailure(Message("store.damaged.repair_order_value", ["number": .text((try? row[.number] as String?) ?? "?"),
                                                                                "column": .text("\(column)"), "value": .text(text)]))
            }
            return value
        }
        var o = try RepairOrder(id: row[.id], number: row[.number], vehicleID: row[.vehicle_id], customerID: row[.customer_id],
                                advisor: row[.advisor], appointmentID: row[.appointment_id],
                                openedAt: Timestamp(secondsSince1970: row[.opened_at]))
        o.status = try decode(RepairOrderStatus.self, .status) ?? .reception
        o.complaint = try row[.complaint]
        if let km = try row[.checkin_mileage] as Int? {
            o.checkIn = try CheckInSheet(mileage: km, fuelEighths: row[.checkin_fuel] ?? 0, coversFitted: row[.checkin_covers] ?? false,
                                         damage: row[.checkin_damage] ?? "", valuables: row[.checkin_valuables] ?? "",
                                         equipment: row[.checkin_equipment] ?? "", customerWaits: row[.checkin_customer_waits] ?? false)
        }
        o.warranty = try decode(WarrantyDecision.self, .warranty)
        o.documentsTaken = try row[.documents_taken]
        o.promisedAt = try time(.promised_at)
        if let payment = try decode(PaymentMethod.self, .terms_payment), let old = try decode(OldPartsChoice.self, .terms_old_parts),
           let signedAt = try time(.terms_signed_at) {
            o.terms = try WorkOrderTerms(payment: payment, oldParts: old, wash: row[.terms_wash] ?? false,
                                         signedBy: row[.terms_signed_by] ?? "", signedAt: signedAt)
        }
        o.team = try row[.team]
        o.washed = try row[.washed]
        o.agreedDeliveryAt = try time(.agreed_delivery_at)
        o.delivery = try RepairOrderColumns.deliveryRecord(nextServiceOn: row[.next_service_on], km: row[.next_service_km], preference: row[.follow_up_preference],
                                             oldPartsShown: row[.old_parts_shown], at: row[.delivered_at], satisfied: row[.customer_satisfied])
        o.settlementSignedBy = try row[.settlement_signed_by]
        if let method = try decode(PaymentMethod.self, .paid_method), let at = try time(.paid_at) {
            o.payment = try Payment(method: method, amount: Money(fen: row[.paid_fen] ?? 0), invoiceNumber: row[.invoice_number] ?? "",
                                    gatePass: row[.gate_pass] ?? "", by: row[.paid_by] ?? "", at: at)
        }
        o.cancelReason = try row[.cancel_reason]
        o.discount = try Money(fen: row[.discount_fen] ?? 0)
        o.discountReason = try row[.discount_reason]
        o.discountBy = try row[.discount_by]
        o.comebackOf = try row[.comeback_of]
        try loadInsurance(&o, row)
        return o
    }

    /// An order row read by the position of each column in `orderColumns` (`OrderColumn`), stepped by
    /// hand (`StepRow`): GRDB's lookup by name lowercases the name and hashes it for every value, and a
    /// lookup of our own by name hashed it still (a row has 50 columns).
    struct OrderRow {
        let row: StepRow
        init(_ row: StepRow) { self.row = row }
        subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: OrderColumn) -> Value {
            get throws { try row[column.rawValue] }
        }
    }

    /// The columns of `orderColumns`, in their order and named as SQL names them (`SchemaTests` holds the
    /// two together); a damaged value is reported by that name.
    enum OrderColumn: Int, CaseIterable {
        case id, number, vehicle_id, customer_id, advisor, appointment_id, opened_at, status, complaint
        case checkin_mileage, checkin_fuel, checkin_covers, checkin_damage, checkin_valuables, checkin_equipment, checkin_customer_waits
        case warranty, documents_taken, promised_at, terms_payment, terms_old_parts, terms_wash, terms_signed_by, terms_signed_at
        case team, washed, agreed_delivery_at, next_service_on, next_service_km, follow_up_preference, old_parts_shown, delivered_at
        case settlement_signed_by, paid_method, paid_fen, invoice_number, gate_pass, paid_by, paid_at, cancel_reason
        case discount_fen, discount_reason, discount_by, comeback_of, customer_satisfied
        case declined_signed_by, insurer, insurance_claim, insurance_assessed_fen, insurance_deductible_fen
    }

    func repairOrder(number: String) throws -> RepairOrder? { try orders("WHERE number = ?", [number]).first }
    func repairOrder(id: Int64) throws -> RepairOrder? {
        let kept = savedOrder?.order(id: id, changes: db.totalChangesCount)
        #if DEBUG
        // Every test run (a debug build) checks that the order kept is the order a read gives.
        if let kept, let read = try orders("WHERE id = ?", [id]).first, read != kept {
            assertionFailure("the order kept after its save is not the order stored: \(read) against \(kept)")
        }
        #endif
        return try kept ?? orders("WHERE id = ?", [id]).first
    }

    func repairOrders(statuses: [RepairOrderStatus], limit: Int) throws -> [RepairOrder] {
        guard !statuses.isEmpty else { return [] }
        let marks = statuses.map { _ in "?" }.joined(separator: ", ")
        // Optional values, built so: no array cast at run time (see `dueSchedule`).
        let values = statuses.map { $0.rawValue as (any DatabaseValueConvertible)? } + [limit]
        return try orders("WHERE status IN (\(marks)) ORDER BY opened_at LIMIT ?", StatementArguments(values))
    }

    func visitFiles(statuses: [RepairOrderStatus], openedFrom from: Timestamp, before position: RepairOrderPosition,
                    limit: Int) throws -> [VisitFile] {
        guard !statuses.isEmpty, limit > 0 else { return [] }
        let arguments = position.arguments(statuses: statuses, from: from, limit: limit).map { Self.databaseValue($0) as (any DatabaseValueConvertible)? }
        var visits: [VisitFile] = []
        try eachStepRow(sql: RepairOrderPosition.visitFilesSQL(statuses: statuses.count), arguments: StatementArguments(arguments),
                        table: "repair_order") { r in
            visits.append(try VisitFile(orderID: r[0], number: r[1], customerID: r[2], openedAt: Timestamp(secondsSince1970: r[3]),
                                        hasRequest: r[4], hasApprovedWork: r[5], isDelivered: r[6],
                                        followUpPreference: (try r[6] as Bool) ? (r[7] as String?) ?? "" : "", isCheckedIn: r[8]))
        }
        return visits
    }

    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [RepairOrder] {
        try orders("WHERE delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, id LIMIT ? OFFSET ?",
                   [from.secondsSince1970, to.secondsSince1970, limit, offset])
    }

    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder] {
        try orders("WHERE delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, id", [from.secondsSince1970, to.secondsSince1970])
    }

    func deliveredOrders(from: Timestamp, to: Timestamp, limit: Int?, offset: Int) throws -> [DeliveredOrder] {
        // The head's columns only: decoding every column of the order was a third of `followup due` at 1M vehicles,
        // which reads about 1,000 orders for a page of 200 calls (docs/performance.md, nineteenth round).
        var heads: [DeliveredOrder] = []
        try eachStepRow(sql: RepairOrderColumns.deliveredHeadsSQL, arguments: [from.secondsSince1970, to.secondsSince1970, limit ?? -1, offset], table: "repair_order") { r in
            heads.append(try DeliveredOrder(id: r[0], number: r[1], vehicleID: r[2], customerID: r[3], advisor: r[4],
                                            delivery: RepairOrderColumns.deliveryRecord(nextServiceOn: r[5], km: r[6], preference: r[7],
                                                                                        oldPartsShown: r[8], at: r[9], satisfied: r[10])))
        }
        return heads
    }


    func repairOrders(vehicleID: Int64) throws -> [RepairOrder] {
        try orders("WHERE vehicle_id = ? ORDER BY opened_at", [vehicleID])
    }

    func repairOrderNumbers(prefix: String, limit: Int) throws -> [String] {
        try fetchValues(String.self, sql: "SELECT number FROM repair_order WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?",
                            arguments: [prefix, Self.upperBound(prefix), limit])
    }

    func repairOrderNumbers(afterID id: Int64, limit: Int) throws -> [(id: Int64, number: String)] {
        try fetchRows(sql: "SELECT id, number FROM repair_order WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map { ($0[0], $0[1]) }
    }

    func repairOrderNumbers(ids: [Int64]) throws -> [Int64: String] {
        if ids.isEmpty { return [:] }
        var numbers: [Int64: String] = [:]
        for row in try fetchRows(sql: "SELECT id, number FROM repair_order WHERE id IN (SELECT value FROM json_each(?))", arguments: [Self.idList(ids)]) {
            numbers[row[0]] = row[1]
        }
        return numbers
    }

    func repairOrderNumbers(comebackOf number: String) throws -> [String] {
        try fetchValues(String.self, sql: "SELECT number FROM repair_order WHERE comeback_of = ? ORDER BY opened_at", arguments: [number])
    }

    func clockedOnLines(technician: String) throws -> [ClockedOnLine] {
        try fetchRows(sql: """
            SELECT o.number, l.line_no, l.code, l.clocked_on_at FROM repair_order_line l JOIN repair_order o ON o.id = l.repair_order_id
            WHERE l.clocked_on_by = ? AND l.clocked_on_at IS NOT NULL ORDER BY l.clocked_on_at
            """, arguments: [technician]).map { r in
            ClockedOnLine(orderNumber: r[0], line: r[1], code: r[2], since: Timestamp(secondsSince1970: r[3]))
        }
    }

    func appendRepairOrderEvent(orderID: Int64, kind: String, detail: String, message: Message?, at: Timestamp, by: String) throws {
        try execute(sql: "INSERT INTO repair_order_event (repair_order_id, at, by, kind, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [orderID, at.secondsSince1970, by, kind, detail, message.flatMap(StoredMessage.encode)])
    }

    func repairOrderEvents(orderID: Int64) throws -> [TimelineEvent] {
        try fetchRows(sql: "SELECT kind, detail, at, by, message FROM repair_order_event WHERE repair_order_id = ? ORDER BY id",
                         arguments: [orderID]).map { r in
            TimelineEvent(kind: r[0], detail: r[1], at: Timestamp(secondsSince1970: r[2]), by: r[3], message: (r[4] as String?).flatMap(StoredMessage.decode))
        }
    }

    func lastRepairOrderEventID() throws -> Int64 {
        try fetchValue(Int64.self, sql: "SELECT max(id) FROM repair_order_event") ?? 0
    }

    func repairOrderEvents(afterID id: Int64) throws -> [RepairOrderEventRef] {
        // Stepped by hand: every change reads the rows it added.
        try stepRows(sql: "SELECT id, repair_order_id, kind FROM repair_order_event WHERE id > ? ORDER BY id", arguments: [id],
                     table: "repair_order_event") { r in try RepairOrderEventRef(id: r[0], orderID: r[1], kind: r[2]) }
    }
}

/// The order a write transaction saved last, as it saved it, for as long as no row has changed since.
/// Every change reads the orders it touched again, for their seals, its audit row and its plugins'
/// events, just after the step that saved them (6 % of a scripted write's instructions); the count
/// of changed rows on the connection (`sqlite3_total_changes`) says whether anything, a trigger or a
/// plugin's SQL included, wrote since. A savepoint rolled back undoes rows without lowering the count,
/// so it forgets the order (`contained`); a rolled-back transaction takes this with it.
final class SavedOrder {
    private var kept: (order: RepairOrder, changes: Int)?

    func keep(_ order: RepairOrder, changes: Int) { kept = (order, changes) }
    func forget() { kept = nil }

    func order(id: Int64, changes: Int) -> RepairOrder? {
        guard let kept, kept.order.id == id, kept.changes == changes else { return nil }
        return kept.order
    }
}
