import LanePlugin

/// All of the plugin's SQL: its own tables, `warranty_…`.
enum WarrantyStore {
    /// Claims with every move of each (`plg_warranty_claim_step`: who, when, why);
    /// recalls, and the upgrade register (X7): which vehicle had which recall
    /// done, on which repair order.
    static let migrations = [
        PluginMigration("1 claims and recalls", sql: """
            CREATE TABLE plg_warranty_claim (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                ro_number TEXT NOT NULL,
                vehicle_id INTEGER NOT NULL,
                advisor TEXT NOT NULL,
                operation TEXT NOT NULL,
                symptom TEXT NOT NULL,
                diagnosis TEXT NOT NULL,
                cover TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'approved', 'rejected')),
                maker_ref TEXT,
                opened_on TEXT NOT NULL,
                opened_at INTEGER NOT NULL,
                opened_by TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX plg_warranty_claim_by_ro ON plg_warranty_claim (ro_number);
            CREATE INDEX plg_warranty_claim_by_status ON plg_warranty_claim (status);
            CREATE INDEX plg_warranty_claim_by_day ON plg_warranty_claim (opened_on);
            CREATE TABLE plg_warranty_claim_step (
                id INTEGER PRIMARY KEY,
                claim_id INTEGER NOT NULL REFERENCES plg_warranty_claim (id),
                status TEXT NOT NULL,
                note TEXT NOT NULL,
                maker_ref TEXT,
                at INTEGER NOT NULL,
                recorded_by TEXT NOT NULL
            );
            CREATE INDEX plg_warranty_claim_step_by_claim ON plg_warranty_claim_step (claim_id);
            CREATE TABLE plg_warranty_recall (
                code TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('recall', 'upgrade')),
                title TEXT NOT NULL,
                models TEXT NOT NULL,
                vin_from TEXT,
                vin_to TEXT,
                starts_on TEXT NOT NULL,
                ends_on TEXT,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL
            );
            CREATE TABLE plg_warranty_recall_done (
                code TEXT NOT NULL REFERENCES plg_warranty_recall (code),
                vehicle_id INTEGER NOT NULL,
                ro_number TEXT NOT NULL,
                done_on TEXT NOT NULL,
                at INTEGER NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (code, vehicle_id)
            );
            """),
        // Version 1 kept the rules' verdict only as text, in the words of whoever opened the claim; from
        // version 2 also as a message (`StoredMessage`), read in each reader's language. Older rows keep their text.
        PluginMigration("2 claim verdict as a message", sql: """
            ALTER TABLE plg_warranty_claim ADD COLUMN cover_message TEXT;
            """),
    ]

    // MARK: Claims

    static func claim(number: String, _ c: any PluginContext) throws -> Claim? {
        try c.rows("SELECT \(Claim.columns) FROM plg_warranty_claim WHERE number = ?", [.text(number.uppercased())]).first.flatMap(Claim.init)
    }

    static func claims(order: String, _ c: any PluginContext) throws -> [Claim] {
        try c.rows("SELECT \(Claim.columns) FROM plg_warranty_claim WHERE ro_number = ? ORDER BY id", [.text(order)]).compactMap(Claim.init)
    }

    static func claims(statuses: [ClaimStatus], _ c: any PluginContext) throws -> [Claim] {
        let marks = statuses.map { _ in "?" }.joined(separator: ", ")
        return try c.rows("SELECT \(Claim.columns) FROM plg_warranty_claim WHERE status IN (\(marks)) ORDER BY id",
                          statuses.map { .text($0.rawValue) }).compactMap(Claim.init)
    }

    /// `WC-20261123-01`: the day it was opened and its number that day.
    static func nextClaimNumber(on day: CalendarDate, _ c: any PluginContext) throws -> String {
        let count = try c.rows("SELECT count(*) AS n FROM plg_warranty_claim WHERE opened_on = ?", [.text(day.description)]).first?.int("n") ?? 0
        return "WC-\(day.description.filter { $0 != "-" })-\(CalendarDate.pad(Int(count) + 1, 2))"
    }

    struct NewClaim {
        var number: String
        var order: RepairOrder
        var operation: String
        var symptom: String
        var diagnosis: String
        /// The rules' verdict: kept as a message, and as text in the opener's words for an older reader.
        var cover: Message
    }

    static func insert(_ n: NewClaim, _ c: any PluginContext) throws {
        try c.execute("""
            INSERT INTO plg_warranty_claim (number, ro_number, vehicle_id, advisor, operation, symptom, diagnosis, cover, cover_message, status,
                                        opened_on, opened_at, opened_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
            """, [.text(n.number), .text(n.order.number), .integer(n.order.vehicleID), .text(n.order.advisor), .text(n.operation),
                  .text(n.symptom), .text(n.diagnosis), .text(n.cover.description), SQLValue(StoredMessage.encode(n.cover)), .text(c.today.description),
                  .integer(c.now.secondsSince1970), .text(c.user), .integer(c.now.secondsSince1970)])
        try addStep(claimID: c.lastInsertedRowID, status: .open, note: n.symptom, makerRef: nil, c)
    }

    static func move(_ claim: Claim, to status: ClaimStatus, note: String, makerRef: String?, _ c: any PluginContext) throws {
        try c.execute("UPDATE plg_warranty_claim SET status = ?, maker_ref = ?, updated_at = ? WHERE id = ?",
                      [.text(status.rawValue), SQLValue(makerRef), .integer(c.now.secondsSince1970), .integer(claim.id)])
        try addStep(claimID: claim.id, status: status, note: note, makerRef: makerRef, c)
    }

    private static func addStep(claimID: Int64, status: ClaimStatus, note: String, makerRef: String?, _ c: any PluginContext) throws {
        try c.execute("INSERT INTO plg_warranty_claim_step (claim_id, status, note, maker_ref, at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                      [.integer(claimID), .text(status.rawValue), .text(note), SQLValue(makerRef), .integer(c.now.secondsSince1970), .text(c.user)])
    }

    struct Step {
        var status: String
        var note: String
        var makerRef: String?
        var at: Timestamp
        var by: String
    }

    static func steps(claimID: Int64, _ c: any PluginContext) throws -> [Step] {
        try c.rows("SELECT status, note, maker_ref, at, recorded_by FROM plg_warranty_claim_step WHERE claim_id = ? ORDER BY id", [.integer(claimID)])
            .map { Step(status: $0.text("status") ?? "", note: $0.text("note") ?? "", makerRef: $0.text("maker_ref"),
                        at: Timestamp(secondsSince1970: $0.int("at") ?? 0), by: $0.text("recorded_by") ?? "") }
    }

    // MARK: Recalls

    static let recallColumns = "code, kind, title, models, vin_from, vin_to, starts_on, ends_on"

    static func recall(code: String, _ c: any PluginContext) throws -> Recall? {
        try c.rows("SELECT \(recallColumns) FROM plg_warranty_recall WHERE code = ?", [.text(code.uppercased())]).first.flatMap(Recall.init)
    }

    static func recalls(_ c: any PluginContext) throws -> [Recall] {
        try c.rows("SELECT \(recallColumns) FROM plg_warranty_recall ORDER BY starts_on, code").compactMap(Recall.init)
    }

    static func insert(_ r: Recall, _ c: any PluginContext) throws {
        try c.execute("""
            INSERT INTO plg_warranty_recall (code, kind, title, models, vin_from, vin_to, starts_on, ends_on, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(r.code), .text(r.kind.rawValue), .text(r.title), .text(r.models.joined(separator: ",")),
                  SQLValue(r.vins?.from), SQLValue(r.vins?.to), .text(r.startsOn.description), SQLValue(r.endsOn?.description),
                  .integer(c.now.secondsSince1970), .text(c.user)])
    }

    struct Done {
        var code: String
        var vehicleID: Int64
        var order: String
        var on: CalendarDate
    }

    /// The upgrade register; `code` limits it to one recall.
    static func done(code: String? = nil, _ c: any PluginContext) throws -> [Done] {
        let rows = try code.map { try c.rows("SELECT code, vehicle_id, ro_number, done_on FROM plg_warranty_recall_done WHERE code = ?", [.text($0)]) }
            ?? c.rows("SELECT code, vehicle_id, ro_number, done_on FROM plg_warranty_recall_done")
        return rows.compactMap { row in
            guard let code = row.text("code"), let id = row.int("vehicle_id"), let order = row.text("ro_number"),
                  let on = row.text("done_on").flatMap(CalendarDate.init(parsing:)) else { return nil }
            return Done(code: code, vehicleID: id, order: order, on: on)
        }
    }

    static func recordDone(_ recall: Recall, vehicleID: Int64, order: String, _ c: any PluginContext) throws {
        try c.execute("INSERT INTO plg_warranty_recall_done (code, vehicle_id, ro_number, done_on, at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                      [.text(recall.code), .integer(vehicleID), .text(order), .text(c.today.description),
                       .integer(c.now.secondsSince1970), .text(c.user)])
    }

    /// Running recalls the vehicle is eligible for and has not had done.
    static func open(for vehicle: Vehicle, on day: CalendarDate, _ c: any PluginContext) throws -> [Recall] {
        let done = Set(try done(c).filter { $0.vehicleID == vehicle.id }.map(\.code))
        return try recalls(c).filter { $0.isRunning(on: day) && $0.applies(to: vehicle) && !done.contains($0.code) }
    }
}
