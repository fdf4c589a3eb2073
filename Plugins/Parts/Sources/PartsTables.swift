import LanePlugin

/// An order placed with a supplier for a part, possibly for a waiting
/// vehicle (R2.5: its ETA goes to the advisor; R1.4: its arrival invites the
/// customer back). Receipts fill it oldest first.
struct BackOrder: Equatable {
    var id: Int64
    var number: String
    var partNumber: String
    var quantity: Int
    var filled: Int
    var eta: CalendarDate
    var vehicleID: Int64?
    var roNumber: String?
    var supplier: String
    var orderedAt: Timestamp
    var orderedBy: String
    /// When the last of it arrived.
    var arrivedAt: Timestamp?

    var outstanding: Int { quantity - filled }
    var isOpen: Bool { filled < quantity }

    func status(on today: CalendarDate) -> String {
        isOpen ? (eta < today ? "overdue" : "ordered") : "arrived"
    }
}

/// A delivery from a supplier (入库): the stock went up by `quantity`.
struct Receipt: Equatable {
    var id: Int64
    var number: String
    var partNumber: String
    var quantity: Int
    var supplier: String
    var deliveryNote: String
    var receivedAt: Timestamp
    var receivedBy: String
}

/// The plugin's tables and every statement on them.
enum PartsTables {
    static let v1 = PluginMigration("1 reorder points, receipts, back-orders", sql: """
        -- A part's own reorder point; parts without one use their group's from the settings.
        CREATE TABLE plg_parts_reorder_point (
            part_number TEXT PRIMARY KEY,
            point INTEGER NOT NULL CHECK (point >= 0),
            set_by TEXT NOT NULL,
            set_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        -- Goods received from suppliers; the stock ledger row carries the receipt number.
        CREATE TABLE plg_parts_receipt (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            part_number TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            supplier TEXT NOT NULL,
            delivery_note TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            received_by TEXT NOT NULL
        );
        CREATE INDEX plg_parts_receipt_by_part ON plg_parts_receipt(part_number, id);
        -- Orders placed with a supplier, with the expected arrival (R2.5).
        CREATE TABLE plg_parts_backorder (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            part_number TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            filled INTEGER NOT NULL DEFAULT 0 CHECK (filled >= 0 AND filled <= quantity),
            eta TEXT NOT NULL,
            vehicle_id INTEGER,
            ro_number TEXT,
            supplier TEXT NOT NULL,
            ordered_at INTEGER NOT NULL,
            ordered_by TEXT NOT NULL,
            arrived_at INTEGER
        );
        CREATE INDEX plg_parts_backorder_by_part ON plg_parts_backorder(part_number, arrived_at, id);
        -- Which receipt filled how much of which back-order.
        CREATE TABLE plg_parts_backorder_fill (
            backorder_id INTEGER NOT NULL REFERENCES plg_parts_backorder(id),
            receipt_id INTEGER NOT NULL REFERENCES plg_parts_receipt(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            PRIMARY KEY (backorder_id, receipt_id)
        ) WITHOUT ROWID;
        """)

    // MARK: Reorder points

    static func reorderPoints(_ context: any PluginContext) throws -> [String: Int] {
        var points: [String: Int] = [:]
        for row in try context.rows("SELECT part_number, point FROM plg_parts_reorder_point") {
            if let number = row.text("part_number"), let point = row.int("point") { points[number] = Int(point) }
        }
        return points
    }

    static func setReorderPoint(_ context: any PluginContext, part: String, point: Int) throws {
        try context.execute("""
            INSERT INTO plg_parts_reorder_point (part_number, point, set_by, set_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(part_number) DO UPDATE SET point = excluded.point, set_by = excluded.set_by, set_at = excluded.set_at
            """, [.text(part), SQLValue(point), .text(context.user), .integer(context.now.secondsSince1970)])
    }

    // MARK: Numbers

    /// `GR-20261123-01`, `BO-20261123-01`: the day and the count that day.
    static func nextNumber(_ context: any PluginContext, prefix: String, table: String) throws -> String {
        let day = context.today.description.filter { $0 != "-" }
        let stem = "\(prefix)-\(day)-"
        let count = try context.rows("SELECT COUNT(*) AS n FROM \(table) WHERE number LIKE ?", [.text(stem + "%")]).first?.int("n") ?? 0
        return stem + CalendarDate.pad(Int(count) + 1, 2)
    }

    // MARK: Receipts

    static func insertReceipt(_ context: any PluginContext, _ r: Receipt) throws -> Int64 {
        try context.execute("""
            INSERT INTO plg_parts_receipt (number, part_number, quantity, supplier, delivery_note, received_at, received_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.text(r.number), .text(r.partNumber), SQLValue(r.quantity), .text(r.supplier), .text(r.deliveryNote),
                  .integer(r.receivedAt.secondsSince1970), .text(r.receivedBy)])
        return context.lastInsertedRowID
    }

    static func receipts(_ context: any PluginContext, part: String?) throws -> [Receipt] {
        let rows = try part.map { try context.rows("SELECT * FROM plg_parts_receipt WHERE part_number = ? ORDER BY id", [.text($0)]) }
            ?? context.rows("SELECT * FROM plg_parts_receipt ORDER BY id")
        return rows.compactMap { row in
            guard let id = row.int("id"), let number = row.text("number"), let partNumber = row.text("part_number"),
                  let quantity = row.int("quantity"), let at = row.int("received_at") else { return nil }
            return Receipt(id: id, number: number, partNumber: partNumber, quantity: Int(quantity), supplier: row.text("supplier") ?? "",
                           deliveryNote: row.text("delivery_note") ?? "", receivedAt: Timestamp(secondsSince1970: at),
                           receivedBy: row.text("received_by") ?? "")
        }
    }

    /// The back-orders each receipt filled, as `BO-… × 2`, by receipt id.
    static func fillsByReceipt(_ context: any PluginContext) throws -> [Int64: [String]] {
        var fills: [Int64: [String]] = [:]
        for row in try context.rows("""
            SELECT f.receipt_id, b.number, f.quantity FROM plg_parts_backorder_fill f JOIN plg_parts_backorder b ON b.id = f.backorder_id
            ORDER BY f.receipt_id, b.id
            """) {
            if let receipt = row.int("receipt_id"), let number = row.text("number"), let qty = row.int("quantity") {
                fills[receipt, default: []].append("\(number) × \(qty)")
            }
        }
        return fills
    }

    // MARK: Back-orders

    static func insertBackOrder(_ context: any PluginContext, _ b: BackOrder) throws {
        try context.execute("""
            INSERT INTO plg_parts_backorder (number, part_number, quantity, eta, vehicle_id, ro_number, supplier, ordered_at, ordered_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(b.number), .text(b.partNumber), SQLValue(b.quantity), .text(b.eta.description), SQLValue(b.vehicleID),
                  SQLValue(b.roNumber), .text(b.supplier), .integer(b.orderedAt.secondsSince1970), .text(b.orderedBy)])
    }

    /// Oldest first; one part's or all.
    static func backOrders(_ context: any PluginContext, part: String?, openOnly: Bool) throws -> [BackOrder] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let part {
            conditions.append("part_number = ?")
            arguments.append(.text(part))
        }
        if openOnly { conditions.append("arrived_at IS NULL") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try context.rows("SELECT * FROM plg_parts_backorder \(filter) ORDER BY id", arguments).compactMap(backOrder)
    }

    /// Back-orders for a vehicle that have all arrived: the customers to invite back (R1.4).
    static func arrivedForVehicles(_ context: any PluginContext) throws -> [BackOrder] {
        try context.rows("SELECT * FROM plg_parts_backorder WHERE arrived_at IS NOT NULL AND vehicle_id IS NOT NULL ORDER BY id").compactMap(backOrder)
    }

    static func backOrder(_ row: SQLRow) -> BackOrder? {
        guard let id = row.int("id"), let number = row.text("number"), let part = row.text("part_number"),
              let quantity = row.int("quantity"), let filled = row.int("filled"),
              let eta = row.text("eta").flatMap(CalendarDate.init(parsing:)), let orderedAt = row.int("ordered_at") else { return nil }
        return BackOrder(id: id, number: number, partNumber: part, quantity: Int(quantity), filled: Int(filled), eta: eta,
                         vehicleID: row.int("vehicle_id"), roNumber: row.text("ro_number"), supplier: row.text("supplier") ?? "",
                         orderedAt: Timestamp(secondsSince1970: orderedAt), orderedBy: row.text("ordered_by") ?? "",
                         arrivedAt: row.int("arrived_at").map(Timestamp.init(secondsSince1970:)))
    }

    /// Puts `quantity` of a receipt towards the part's open back-orders,
    /// oldest first. Returns what each back-order got.
    static func fill(_ context: any PluginContext, part: String, quantity: Int, receiptID: Int64) throws -> [(BackOrder, Int)] {
        var left = quantity
        var filled: [(BackOrder, Int)] = []
        for var b in try backOrders(context, part: part, openOnly: true) where left > 0 {
            let take = min(left, b.outstanding)
            left -= take
            b.filled += take
            if !b.isOpen { b.arrivedAt = context.now }
            try context.execute("UPDATE plg_parts_backorder SET filled = ?, arrived_at = ? WHERE id = ?",
                                [SQLValue(b.filled), SQLValue(b.arrivedAt?.secondsSince1970), .integer(b.id)])
            try context.execute("INSERT INTO plg_parts_backorder_fill (backorder_id, receipt_id, quantity) VALUES (?, ?, ?)",
                                [.integer(b.id), .integer(receiptID), SQLValue(take)])
            filled.append((b, take))
        }
        return filled
    }
}
