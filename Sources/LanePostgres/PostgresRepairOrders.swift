import LaneCore
import LaneStore

// Repair orders, their lines, checks and timeline.
extension PostgresTransaction {
    /// Column → value for every scalar of an order (insert and update share it; `RepairOrderColumns`).
    private func columns(_ o: RepairOrder) -> [(String, PGValue)] {
        RepairOrderColumns.values(o).map { ($0.0, PGValue($0.1)) }
    }

    func insertRepairOrder(_ order: RepairOrder, openedOn day: CalendarDate) throws -> RepairOrder {
        let cols = columns(order)
        let names = ["number", "opened_on"] + cols.map(\.0)
        let values: PGArguments = [order.number, day.description] + cols.map { $0.1 as (any PGArgument)? }
        var stored = order
        stored.id = try insert("INSERT INTO repair_order (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                               values)
        try saveChildren(stored)
        return stored
    }

    func saveRepairOrder(_ order: RepairOrder, was before: RepairOrder) throws {
        let old = columns(before).map(\.1)
        let changed = columns(order).enumerated().filter { $0.element.1 != old[$0.offset] }.map(\.element)
        if !changed.isEmpty {
            try execute("UPDATE repair_order SET \(changed.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                        changed.map { $0.1 as (any PGArgument)? } + [order.id])
        }
        try saveChildren(order, was: before)
    }

    private func writeLine(_ o: RepairOrder, _ l: RepairOrderLine) throws {
        let names = ["repair_order_id", "line_no", "kind", "code", "name", "hours", "quantity", "unit_fen", "payer", "origin", "approval",
                     "safety", "issued", "issued_to", "worked_minutes", "clocked_on_at", "clocked_on_by", "done"]
        try execute("""
            INSERT INTO repair_order_line (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (repair_order_id, line_no) DO UPDATE SET \(names.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            """, [o.id, l.id, l.kind.rawValue, l.code, l.name, l.hours.hundredths, l.quantity, l.unitPrice.fen,
                  l.payer.rawValue, l.origin.rawValue, l.approval.rawValue, l.safety, l.issued, l.issuedTo,
                  l.workedMinutes, l.clockedOnAt?.secondsSince1970, l.clockedOnBy, l.done])
    }

    private func saveChildren(_ o: RepairOrder, was before: RepairOrder? = nil) throws {
        let old = Dictionary((before?.lines ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for l in o.lines where old[l.id] != l { try writeLine(o, l) }
        let kept = Set(o.lines.map(\.id))
        for id in old.keys where !kept.contains(id) {
            try execute("DELETE FROM repair_order_line WHERE repair_order_id = ? AND line_no = ?", [o.id, id])
        }
        // Payments and checks are only ever appended.
        for e in o.payments.dropFirst(before?.payments.count ?? 0) {
            try execute("""
                INSERT INTO repair_order_payment (repair_order_id, kind, method, amount_fen, tendered_fen, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [o.id, e.kind.rawValue, e.method.rawValue, e.amount.fen, e.tendered?.fen, e.by, e.at.secondsSince1970])
        }
        let stored = try before.map { $0.checks.count } ?? value("SELECT COUNT(*) FROM quality_check WHERE repair_order_id = ?", [o.id]) ?? 0
        for c in o.checks.dropFirst(stored) {
            try execute("""
                INSERT INTO quality_check (repair_order_id, stage, passed, checked_by, checked_at, note, rework_lines) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [o.id, c.stage.rawValue, c.passed, c.by, c.at.secondsSince1970, c.note, c.rework.map(String.init).joined(separator: ",")])
        }
    }

    private static let orderColumns = RepairOrderColumns.selectColumns

    /// The order rows `filter` selects, without their lines, checks and payments.
    private func orderRows(_ filter: String, _ arguments: PGArguments) throws -> [RepairOrder] {
        try rows("SELECT \(Self.orderColumns) FROM repair_order \(filter)", arguments).map(order(from:))
    }

    /// The orders `filter` selects, with their lines, checks and payments: three more queries for any
    /// number of orders (`= ANY` of their ids), never three per order, as in the SQLite store.
    private func orders(_ filter: String, _ arguments: PGArguments) throws -> [RepairOrder] {
        var orders = try orderRows(filter, arguments)
        guard !orders.isEmpty else { return [] }
        let ids = orders.map(\.id)
        let numbers = Dictionary(orders.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        var checks: [Int64: [QualityCheck]] = [:], payments: [Int64: [PaymentEntry]] = [:]
        for r in try rows("""
            SELECT kind, method, amount_fen, tendered_fen, by, at, repair_order_id FROM repair_order_payment
            WHERE repair_order_id = ANY(?) ORDER BY repair_order_id, id
            """, [ids]) {
            let orderID: Int64 = try r[6]
            guard let kind = PaymentKind(rawValue: try r[0]), let method = PaymentMethod(rawValue: try r[1]) else {
                throw StoreFailure(Message("store.damaged.payment", ["number": .text(numbers[orderID] ?? "?")]))
            }
            payments[orderID, default: []].append(PaymentEntry(kind: kind, method: method, amount: Money(fen: try r[2]),
                                                               tendered: (try r[3] as Int64?).map(Money.init(fen:)),
                                                               by: try r[4], at: Timestamp(secondsSince1970: try r[5])))
        }
        let lines = try lines("WHERE repair_order_id = ANY(?)", [ids], numbers: numbers)
        for r in try rows("""
            SELECT stage, passed, checked_by, checked_at, note, rework_lines, repair_order_id
            FROM quality_check WHERE repair_order_id = ANY(?) ORDER BY repair_order_id, id
            """, [ids]) {
            let orderID: Int64 = try r[6]
            guard let stage = QualityCheckStage(rawValue: try r[0]) else {
                throw StoreFailure(Message("store.damaged.quality_check", ["number": .text(numbers[orderID] ?? "?")]))
            }
            let rework = (try r[5] as String).split(separator: ",").compactMap { Int64($0) }
            checks[orderID, default: []].append(QualityCheck(stage: stage, passed: try r[1], by: try r[2], at: Timestamp(secondsSince1970: try r[3]),
                                                             note: try r[4], rework: rework))
        }
        for i in orders.indices {
            orders[i].lines = lines[orders[i].id] ?? []
            orders[i].checks = checks[orders[i].id] ?? []
            orders[i].payments = payments[orders[i].id] ?? []
        }
        return orders
    }

    /// The lines `filter` (a WHERE on repair_order_line) selects, by order id, in line order: one
    /// statement for any number of orders, as in the SQLite store.
    private func lines(_ filter: String, _ arguments: PGArguments, numbers: [Int64: String]) throws -> [Int64: [RepairOrderLine]] {
        var lines: [Int64: [RepairOrderLine]] = [:]
        for r in try rows("""
            SELECT line_no, kind, code, name, hours, quantity, unit_fen, payer, origin, approval, safety, issued, issued_to,
                   worked_minutes, clocked_on_at, clocked_on_by, done, repair_order_id
            FROM repair_order_line \(filter) ORDER BY repair_order_id, line_no
            """, arguments) {
            let orderID: Int64 = try r[17]
            guard let kind = LineKind(rawValue: try r[1]), let payer = LinePayer(rawValue: try r[7]), let origin = LineOrigin(rawValue: try r[8]),
                  let approval = LineApproval(rawValue: try r[9]) else {
                throw StoreFailure(Message("store.damaged.repair_order_line", ["number": .text(numbers[orderID] ?? "?"), "line": .int(Int(try r[0] as Int64))]))
            }
            lines[orderID, default: []].append(RepairOrderLine(
                id: try r[0], kind: kind, code: try r[2], name: try r[3], hours: LaborHours(hundredths: try r[4]),
                quantity: try r[5], unitPrice: Money(fen: try r[6]), payer: payer, origin: origin, approval: approval,
                safety: try r[10], issued: try r[11], issuedTo: try r[12], workedMinutes: try r[13],
                clockedOnAt: (try r[14] as Int64?).map(Timestamp.init(secondsSince1970:)), clockedOnBy: try r[15], done: try r[16]))
        }
        return lines
    }

    private func order(from row: PGRow) throws -> RepairOrder {
        func time(_ column: String) throws -> Timestamp? { (try row[column] as Int64?).map(Timestamp.init(secondsSince1970:)) }
        func decode<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> E? where E.RawValue == String {
            guard let text = try row[column] as String? else { return nil }
            guard let value = E(rawValue: text) else {
                throw StoreFailure(Message("store.damaged.repair_order_value", ["number": .text((try? row["number"] as String) ?? "?"),
                                                                               "column": .text(column), "value": .text(text)]))
            }
            return value
        }
        var o = RepairOrder(id: try row["id"], number: try row["number"], vehicleID: try row["vehicle_id"], customerID: try row["customer_id"],
                            advisor: try row["advisor"], appointmentID: try row["appointment_id"],
                            openedAt: Timestamp(secondsSince1970: try row["opened_at"]))
        o.status = try decode(RepairOrderStatus.self, "status") ?? .reception
        o.complaint = try row["complaint"]
        if let km = try row["checkin_mileage"] as Int? {
            o.checkIn = CheckInSheet(mileage: km, fuelEighths: try row["checkin_fuel"] ?? 0, coversFitted: try row["checkin_covers"] ?? false,
                                     damage: try row["checkin_damage"] ?? "", valuables: try row["checkin_valuables"] ?? "",
                                     equipment: try row["checkin_equipment"] ?? "", customerWaits: try row["checkin_customer_waits"] ?? false)
        }
        o.warranty = try decode(WarrantyDecision.self, "warranty")
        o.documentsTaken = try row["documents_taken"]
        o.promisedAt = try time("promised_at")
        if let payment = try decode(PaymentMethod.self, "terms_payment"), let old = try decode(OldPartsChoice.self, "terms_old_parts"),
           let signedAt = try time("terms_signed_at") {
            o.terms = WorkOrderTerms(payment: payment, oldParts: old, wash: try row["terms_wash"] ?? false,
                                     signedBy: try row["terms_signed_by"] ?? "", signedAt: signedAt)
        }
        o.team = try row["team"]
        o.washed = try row["washed"]
        o.agreedDeliveryAt = try time("agreed_delivery_at")
        o.delivery = RepairOrderColumns.deliveryRecord(nextServiceOn: try row["next_service_on"], km: try row["next_service_km"],
                                                       preference: try row["follow_up_preference"], oldPartsShown: try row["old_parts_shown"],
                                                       at: try row["delivered_at"], satisfied: try row["customer_satisfied"])
        o.settlementSignedBy = try row["settlement_signed_by"]
        if let method = try decode(PaymentMethod.self, "paid_method"), let at = try time("paid_at") {
            o.payment = Payment(method: method, amount: Money(fen: try row["paid_fen"] ?? 0), invoiceNumber: try row["invoice_number"] ?? "",
                                gatePass: try row["gate_pass"] ?? "", by: try row["paid_by"] ?? "", at: at)
        }
        o.cancelReason = try row["cancel_reason"]
        o.discount = Money(fen: try row["discount_fen"] ?? 0)
        o.discountReason = try row["discount_reason"]
        o.discountBy = try row["discount_by"]
        o.comebackOf = try row["comeback_of"]
        o.declinedSignedBy = try row["declined_signed_by"]
        if let insurer = try row["insurer"] as String? {
            o.insurance = InsuranceClaim(insurer: insurer, claimNumber: try row["insurance_claim"] ?? "",
                                         assessed: Money(fen: try row["insurance_assessed_fen"] ?? 0),
                                         deductible: Money(fen: try row["insurance_deductible_fen"] ?? 0))
        }
        return o
    }

    func repairOrder(number: String) throws -> RepairOrder? { try orders("WHERE number = ?", [number]).first }
    func repairOrder(id: Int64) throws -> RepairOrder? { try orders("WHERE id = ?", [id]).first }

    func repairOrders(statuses: [RepairOrderStatus], limit: Int) throws -> [RepairOrder] {
        guard !statuses.isEmpty else { return [] }
        return try orders("WHERE status = ANY(?::text[]) ORDER BY opened_at, id LIMIT ?",
                          [PGValue.text(Self.textArray(statuses.map(\.rawValue))), limit])
    }

    func visitFiles(statuses: [RepairOrderStatus], openedFrom from: Timestamp, before position: RepairOrderPosition,
                    limit: Int) throws -> [VisitFile] {
        guard !statuses.isEmpty, limit > 0 else { return [] }
        return try rows(RepairOrderPosition.visitFilesSQL(statuses: statuses.count),
                        position.arguments(statuses: statuses, from: from, limit: limit).map { PGValue($0) as (any PGArgument)? }).map { r in
            let delivered: Bool = try r[6]
            return VisitFile(orderID: try r[0], number: try r[1], customerID: try r[2], openedAt: Timestamp(secondsSince1970: try r[3]),
                             hasRequest: try r[4], hasApprovedWork: try r[5], isDelivered: delivered,
                             followUpPreference: delivered ? (try r[7] as String?) ?? "" : "", isCheckedIn: try r[8])
        }
    }

    func repairOrderNumbers(afterID id: Int64, limit: Int) throws -> [(id: Int64, number: String)] {
        try rows("SELECT id, number FROM repair_order WHERE id > ? ORDER BY id LIMIT ?", [id, limit]).map { r in (try r[0], try r[1]) }
    }

    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [RepairOrder] {
        try orders("WHERE delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, id LIMIT ? OFFSET ?",
                   [from.secondsSince1970, to.secondsSince1970, limit, offset])
    }

    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder] {
        try orders("WHERE delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, id", [from.secondsSince1970, to.secondsSince1970])
    }

    func deliveredOrders(from: Timestamp, to: Timestamp, limit: Int?, offset: Int) throws -> [DeliveredOrder] {
        // LIMIT NULL is no limit on PostgreSQL.
        try rows(RepairOrderColumns.deliveredHeadsSQL, [from.secondsSince1970, to.secondsSince1970, limit, offset]).map { r in
            DeliveredOrder(id: try r[0], number: try r[1], vehicleID: try r[2], customerID: try r[3], advisor: try r[4],
                           delivery: RepairOrderColumns.deliveryRecord(nextServiceOn: try r[5], km: try r[6], preference: try r[7],
                                                                       oldPartsShown: try r[8], at: try r[9], satisfied: try r[10]))
        }
    }

    func repairOrders(vehicleID: Int64) throws -> [RepairOrder] { try orders("WHERE vehicle_id = ? ORDER BY opened_at, id", [vehicleID]) }

    func repairOrderNumbers(prefix: String, limit: Int) throws -> [String] {
        try rows("SELECT number FROM repair_order WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?",
                 [prefix, Self.upperBound(prefix), limit]).map { row -> String in try row[0] }
    }

    // MARK: A report's period (`report kpi`; the statements are the SQLite store's)

    /// Two statements for any period, as in the SQLite store: the orders, then their lines (found from the same
    /// two ranges); no check or payment is read.
    func kpiOrders(openedFrom first: CalendarDate, through last: CalendarDate, orDeliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIOrder] {
        let period: PGArguments = [first.description, last.description, from.secondsSince1970, to.secondsSince1970]
        var orders = try rows(StoreBackendSupport.periodKPIOrdersQuery, period).map { r in
            let id: Int64 = try r[0]
            return try RepairOrderColumns.kpiOrder(id: id, vehicleID: r[1], advisor: r[2], team: r[3], status: r[4], openedAt: r[5],
                                                   deliveredAt: r[6], promisedAt: r[7], appointmentID: r[8], checkInMileage: r[9],
                                                   customerWaits: r[10], discountFen: r[11]) { RepairOrderColumns.damagedOrderNumber(id, in: self) }
        }
        guard !orders.isEmpty else { return [] }
        var lines: [Int64: [KPIOrderLine]] = [:]
        for r in try rows(StoreBackendSupport.periodKPIOrderLinesQuery, period) {
            let orderID: Int64 = try r[10]
            lines[orderID, default: []].append(try RepairOrderColumns.kpiLine(
                kind: r[0], code: r[1], hours: r[2], quantity: r[3], unitFen: r[4], payer: r[5], origin: r[6], approval: r[7],
                workedMinutes: r[8], clockedOnBy: r[9], line: r[11]) { RepairOrderColumns.damagedOrderNumber(orderID, in: self) })
        }
        for i in orders.indices { orders[i].lines = lines[orders[i].id] ?? [] }
        return orders
    }

    func comebacks(deliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIComeback] {
        try rows(StoreBackendSupport.comebacksDeliveredQuery, [from.secondsSince1970, to.secondsSince1970]).map { r in
            KPIComeback(orderID: try r[0], deliveredAt: Timestamp(secondsSince1970: try r[1]), earlier: try r[2], earlierAdvisor: try r[3],
                        earlierTeam: try r[4])
        }
    }

    func repairOrderNumbers(ids: [Int64]) throws -> [Int64: String] {
        if ids.isEmpty { return [:] }
        var numbers: [Int64: String] = [:]
        for row in try rows("SELECT id, number FROM repair_order WHERE id = ANY(?)", [ids]) { numbers[try row[0]] = try row[1] }
        return numbers
    }

    func repairOrderNumbers(comebackOf number: String) throws -> [String] {
        try rows("SELECT number FROM repair_order WHERE comeback_of = ? ORDER BY opened_at, id", [number]).map { row -> String in try row[0] }
    }

    func clockedOnLines(technician: String) throws -> [ClockedOnLine] {
        try rows("""
            SELECT o.number, l.line_no, l.code, l.clocked_on_at FROM repair_order_line l JOIN repair_order o ON o.id = l.repair_order_id
            WHERE l.clocked_on_by = ? AND l.clocked_on_at IS NOT NULL ORDER BY l.clocked_on_at
            """, [technician]).map { r in
            ClockedOnLine(orderNumber: try r[0], line: try r[1], code: try r[2], since: Timestamp(secondsSince1970: try r[3]))
        }
    }

    func appendRepairOrderEvent(orderID: Int64, kind: String, detail: String, message: Message?, at: Timestamp, by: String) throws {
        try execute("INSERT INTO repair_order_event (repair_order_id, at, by, kind, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
                    [orderID, at.secondsSince1970, by, kind, detail, message.flatMap(StoredMessage.encode)])
    }

    func repairOrderEvents(orderID: Int64) throws -> [TimelineEvent] {
        try rows("SELECT kind, detail, at, by, message FROM repair_order_event WHERE repair_order_id = ? ORDER BY id", [orderID]).map { r in
            TimelineEvent(kind: try r[0], detail: try r[1], at: Timestamp(secondsSince1970: try r[2]), by: try r[3],
                          message: (try r[4] as String?).flatMap(StoredMessage.decode))
        }
    }

    // MARK: Credit accounts (挂账)

    func creditAccount(customerID: Int64) throws -> CreditAccount? {
        try row("SELECT customer_id, limit_fen, balance_fen, opened_by, opened_at FROM credit_account WHERE customer_id = ?", [customerID]).map { r in
            CreditAccount(customerID: try r[0], limit: Money(fen: try r[1]), balance: Money(fen: try r[2]), openedBy: try r[3],
                          openedAt: Timestamp(secondsSince1970: try r[4]))
        }
    }

    func creditAccountEntries(customerID: Int64, limit: Int) throws -> [CreditAccountEntry] {
        try rows("""
            SELECT kind, amount_fen, method, reference, by, at FROM credit_account_entry WHERE customer_id = ? ORDER BY id DESC LIMIT ?
            """, [customerID, limit]).map { r in
            guard let kind = CreditAccountEntry.Kind(rawValue: try r[0]) else { throw StoreFailure(Message("store.damaged.credit_account", ["id": .int(Int(customerID))])) }
            return CreditAccountEntry(kind: kind, amount: Money(fen: try r[1]), method: (try r[2] as String?).flatMap(PaymentMethod.init(rawValue:)),
                                      reference: try r[3], by: try r[4], at: Timestamp(secondsSince1970: try r[5]))
        }
    }

    func saveCreditAccount(_ a: CreditAccount) throws {
        try execute("""
            INSERT INTO credit_account (customer_id, limit_fen, balance_fen, opened_by, opened_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET limit_fen = excluded.limit_fen, balance_fen = excluded.balance_fen
            """, [a.customerID, a.limit.fen, a.balance.fen, a.openedBy, a.openedAt.secondsSince1970])
    }

    func appendCreditAccountEntry(customerID: Int64, _ e: CreditAccountEntry) throws {
        try execute("""
            INSERT INTO credit_account_entry (customer_id, kind, amount_fen, method, reference, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [customerID, e.kind.rawValue, e.amount.fen, e.method?.rawValue, e.reference, e.by, e.at.secondsSince1970])
    }

    func lastRepairOrderEventID() throws -> Int64 { try value("SELECT COALESCE(MAX(id), 0) FROM repair_order_event") ?? 0 }

    func repairOrderEvents(afterID id: Int64) throws -> [RepairOrderEventRef] {
        try rows("SELECT id, repair_order_id, kind FROM repair_order_event WHERE id > ? ORDER BY id", [id]).map { r in
            RepairOrderEventRef(eventID: try r[0], orderID: try r[1], kind: try r[2])
        }
    }
}
