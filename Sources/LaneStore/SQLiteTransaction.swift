import CLaneSQLite
import GRDB
import GRDBSQLite
import LaneCore

/// One transaction's view of the database; rows are decoded by hand, which
/// is both faster and plainer than reflection on these hot paths.
struct SQLiteTransaction: StoreWriting {
    let db: Database
    /// False only inside a migration older than v30, when history rows have no message column yet.
    var historyMessages = true
    /// The store's verdicts on plugin SQL, kept across commands (none: every statement judged afresh).
    var pluginVerdicts: PluginVerdicts? = nil
    /// A write transaction's last saved order, as saved (`repairOrder(id:)`); none in reads.
    var savedOrder: SavedOrder? = nil
    /// The statements kept on this connection (none: GRDB's cache).
    var statements: ConnectionStatements? = nil

    /// The statement of `sql`, kept on the connection.
    func cachedStatement(_ sql: String) throws -> Statement {
        guard let statements else { return try db.cachedStatement(sql: sql) }
        return try statements.statement(sql, db)
    }

    /// `body` with the statement of `sql`. A statement that failed is not used again (as GRDB drops it
    /// from its cache): SQLite would report the old failure at its next reset.
    func withStatement<T>(_ sql: String, _ body: (Statement) throws -> T) throws -> T {
        let statement = try cachedStatement(sql)
        do { return try body(statement) } catch {
            statements?.forget(sql)
            throw error
        }
    }

    // MARK: Statements

    // Every statement is prepared once per connection and kept (GRDB's statement cache): compiling
    // SQL was a fifth of a lookup's time. Only fixed SQL goes through here (ids travel as arguments).
    func fetchRows(sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try withStatement(sql) { try Self.copiedRows($0, arguments: arguments) }
    }

    /// Every row of `statement`, copied (the cursor reuses one row).
    static func copiedRows(_ statement: Statement, arguments: StatementArguments = []) throws -> [Row] {
        try decoded(statement, arguments: arguments) { $0.copy() }
    }

    /// Each row decoded where the cursor holds it, not copied first as `fetchRows` does (a copy of every
    /// row was a tenth of `remind due`'s CPU in the lists that read hundreds: vehicles, history, schedule).
    func decodeRows<T>(sql: String, arguments: StatementArguments = [], _ decode: (Row) throws -> T) throws -> [T] {
        try withStatement(sql) { try Self.decoded($0, arguments: arguments, decode) }
    }

    /// Every row of `statement` through `decode`, by the concrete cursor's own loop. GRDB's `Row.fetchAll`
    /// gathers rows through its generic cursor code, which has the runtime look up `RowCursor: Cursor`
    /// among the binary's 9,000 conformances at the first call of a process (400,000 instructions).
    static func decoded<T>(_ statement: Statement, arguments: StatementArguments, _ decode: (Row) throws -> T) throws -> [T] {
        var decoded: [T] = []
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try cursor.next() { decoded.append(try decode(row)) }
        return decoded
    }

    /// Rows stepped by hand and read by position with GRDB's column decoding (`StepRow`), for the reads
    /// every write makes (an order with its lines, checks and payments, at each step and again for its
    /// seal): a GRDB row, even the one a cursor reuses, names every column afresh for each query
    /// (lowercased and hashed), which cost more than decoding the order itself.
    func eachStepRow(sql: String, arguments: StatementArguments, table: String, _ body: (StepRow) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        try statement.setArguments(arguments)
        let raw = UnsafeMutableRawPointer(statement.sqliteStatement)
        // The read ends with the loop, whether it finished or not.
        defer { lane_sqlite_reset(raw) }
        while true {
            let code = lane_sqlite_step(raw)
            if code == 101 { return }  // SQLITE_DONE
            guard code == 100 else {  // SQLITE_ROW
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: lane_sqlite_statement_error(raw)),
                                    sql: sql, arguments: arguments)
            }
            try body(StepRow(statement: statement, table: table))
        }
    }

    /// `eachStepRow`, each row decoded into one value.
    func stepRows<T>(sql: String, arguments: StatementArguments, table: String, _ decode: (StepRow) throws -> T) throws -> [T] {
        var decoded: [T] = []
        try eachStepRow(sql: sql, arguments: arguments, table: table) { decoded.append(try decode($0)) }
        return decoded
    }

    func fetchRow(sql: String, arguments: StatementArguments = []) throws -> Row? {
        try withStatement(sql) { try Row.fetchOne($0, arguments: arguments) }
    }

    func fetchValue<T: DatabaseValueConvertible & StatementColumnConvertible>(_ type: T.Type, sql: String,
                                                                              arguments: StatementArguments = []) throws -> T? {
        try withStatement(sql) { try Self.firstValue(T.self, of: $0, arguments: arguments) }
    }

    /// The number in the file's header that every change of the schema moves, committed or not, in the
    /// connection that made it (`PRAGMA schema_version`): what the kept statements, the guard's verdicts
    /// and the guard's file connection are checked against.
    static func schemaVersion(_ db: Database) throws -> Int64 {
        try firstValue(Int64.self, of: db.cachedStatement(sql: schemaVersionSQL)) ?? -1
    }

    static let schemaVersionSQL = "PRAGMA main.schema_version"

    /// The first column of the first row (nil: no row, or NULL), stepped by hand: GRDB's generic
    /// `fetchOne` made a cursor for it, 10,000 instructions a value (2 % of a scripted write's).
    static func firstValue<T: DatabaseValueConvertible & StatementColumnConvertible>(_ type: T.Type, of statement: Statement,
                                                                                     arguments: StatementArguments = []) throws -> T? {
        try statement.setArguments(arguments)
        let raw = UnsafeMutableRawPointer(statement.sqliteStatement)
        defer { lane_sqlite_reset(raw) }
        let code = lane_sqlite_step(raw)
        if code == 101 { return nil }  // SQLITE_DONE
        guard code == 100 else {  // SQLITE_ROW
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: lane_sqlite_statement_error(raw)),
                                sql: statement.sql, arguments: arguments)
        }
        if sqlite3_column_type(statement.sqliteStatement, 0) == SQLITE_NULL { return nil }
        guard let value = T.fromStatement(statement.sqliteStatement, atUncheckedIndex: 0) else {
            // Named by the table the column comes from, as SQLite knows it.
            let table = sqlite3_column_table_name(statement.sqliteStatement, 0).map { String(cString: $0) } ?? "?"
            throw StoreFailure(Message("store.damaged.column", ["table": .text(table), "column": .text(statement.columnNames.first ?? "0")]))
        }
        return value
    }

    /// The text of `statement` without the separators around it (white space and `;`), as GRDB's
    /// `Statement.sql` gives it. That one trims through Foundation's `NSString`, which made the first
    /// plugin query of a process look up three conformances among the binary's 9,000 (1.2 million
    /// instructions) and every one bridge the text twice.
    static func text(of statement: Statement) -> String {
        let whole = String(cString: sqlite3_sql(statement.sqliteStatement))
        let scalars = whole.unicodeScalars
        func separates(_ scalar: Unicode.Scalar) -> Bool { scalar == ";" || scalar.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: { !separates($0) }),
              let last = scalars.lastIndex(where: { !separates($0) }) else { return "" }
        return String(scalars[first...last])
    }

    func fetchValues<T: DatabaseValueConvertible & StatementColumnConvertible>(_ type: T.Type, sql: String,
                                                                               arguments: StatementArguments = []) throws -> [T] {
        try withStatement(sql) { try T.fetchAll($0, arguments: arguments) }
    }

    func execute(sql: String, arguments: StatementArguments = []) throws {
        try withStatement(sql) { try $0.execute(arguments: arguments) }
    }

    // MARK: Settings

    func settingValues() throws -> [String: String] {
        var values: [String: String] = [:]
        try eachStepRow(sql: "SELECT key, value FROM setting", arguments: [], table: "setting") { row in
            values[try row[0]] = try row[1] as String
        }
        return values
    }

    func storeVersions() throws -> StoreVersions {
        // Read at every line a shell runs, so stepped by hand (a `Row` was 15,000 instructions).
        var versions: StoreVersions?
        try eachStepRow(sql: StoreBackendSupport.storeVersionsSQL, arguments: [], table: "store_version") { row in
            versions = StoreVersions(settings: try row[0], catalogue: try row[1])
        }
        guard let versions else { throw StoreFailure(Message("store.damaged.versions")) }
        return versions
    }

    func settings() throws -> StoreSettings {
        switch StoreSettings.from(keyValues: try settingValues()) {
        case .success(let s): return s
        case .failure(let refusal): throw StoreFailure(Message("store.damaged.settings", ["text": .text(refusal.description)]))
        }
    }

    func saveSettings(_ settings: StoreSettings) throws {
        for (key, value) in settings.keyValues {
            try execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    func saveSettingValue(key: String, value: String) throws {
        try execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    func removeSettingValue(key: String) throws {
        try execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
    }

    // MARK: Customers

    private static let customerColumns = "id, number, name, phone, address, created_at"

    private func customer(from row: StepRow) throws -> Customer {
        let phoneText: String = try row[3]
        let parsed = phoneText.isEmpty ? .success(.erased) : MobileNumber.parse(phoneText)
        guard case .success(let phone) = parsed else {
            throw StoreFailure(Message("store.damaged.customer_phone", ["number": .int(try row[1] as Int), "phone": .text(phoneText)]))
        }
        return try Customer(id: row[0], code: Customer.code(number: row[1]), name: row[2], phone: phone,
                            address: row[4], createdAt: Timestamp(secondsSince1970: row[5]))
    }

    /// Stepped by hand (`eachStepRow`): a write reads the customers it concerns for its audit row.
    private func customers(_ sql: String, _ arguments: StatementArguments = []) throws -> [Customer] {
        try stepRows(sql: "SELECT \(Self.customerColumns) FROM customer " + sql, arguments: arguments, table: "customer", customer(from:))
    }

    func customer(id: Int64) throws -> Customer? { try customers("WHERE id = ?", [id]).first }
    func customer(number: Int) throws -> Customer? { try customers("WHERE number = ?", [number]).first }
    func customers(phone: String) throws -> [Customer] { try customers("WHERE phone = ? ORDER BY number", [phone]) }
    func customers(named name: String) throws -> [Customer] { try customers("WHERE name = ? ORDER BY number", [name]) }

    func customers(namePrefix prefix: String, limit: Int) throws -> [Customer] {
        try customers("WHERE name >= ? AND name < ? ORDER BY name, id LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func customers(matching text: String, limit: Int) throws -> [Customer] {
        let key = NameSearch.query(text)
        guard !key.isEmpty else { return [] }
        // One customer may match by several keys: the inner range is bounded, then each customer is taken once.
        return try customers("""
            WHERE id IN (SELECT customer_id FROM customer_search_key WHERE key >= ? AND key < ? LIMIT ?)
            ORDER BY sort_key, number LIMIT ?
            """, [key, Self.upperBound(key), limit * 8, limit])
    }

    func customers(phonePrefix prefix: String, tail: Bool, limit: Int) throws -> [Customer] {
        if tail {
            let reversed = String(prefix.reversed())
            // In the index's order: sorting every match by code was a temporary B-tree over them all.
            return try customers("WHERE phone_reversed >= ? AND phone_reversed < ? ORDER BY phone_reversed LIMIT ?",
                                 [reversed, Self.upperBound(reversed), limit])
        }
        return try customers("WHERE phone >= ? AND phone < ? ORDER BY phone LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func customers(limit: Int, offset: Int) throws -> [Customer] {
        try customers("ORDER BY number LIMIT ? OFFSET ?", [limit, offset])
    }

    func customers(ids: [Int64]) throws -> [Int64: Customer] {
        if ids.isEmpty { return [:] }
        let found = try customers("WHERE id IN (SELECT value FROM json_each(?))", [Self.idList(ids)])
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func customerCount() throws -> Int { try fetchValue(Int.self, sql: RowCounts.countSQL, arguments: ["customer"]) ?? 0 }

    func insertCustomer(number: Int, fields: CustomerFields, at time: Timestamp) throws -> Customer {
        try execute(sql: """
            INSERT INTO customer (number, name, phone, phone_reversed, address, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [number, fields.name, fields.phone.digits, String(fields.phone.digits.reversed()), fields.address, time.secondsSince1970])
        let id = db.lastInsertedRowID
        try CustomerSearchIndex.write(db, customerID: id, name: fields.name)
        try claimNumber(number, in: .customers)
        return Customer(id: id, code: Customer.code(number: number), name: fields.name,
                        phone: fields.phone, address: fields.address, createdAt: time)
    }

    func updateCustomer(_ c: Customer) throws {
        try execute(sql: "UPDATE customer SET name = ?, phone = ?, phone_reversed = ?, address = ? WHERE id = ?",
                       arguments: [c.name, c.phone.digits, String(c.phone.digits.reversed()), c.address, c.id])
        try CustomerSearchIndex.write(db, customerID: c.id, name: c.name)
    }

    // MARK: Vehicles

    private static let vehicleColumns = "id, vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at"

    private func vehicle(from row: Row) throws -> Vehicle {
        let vinText: String = row[1], plateText: String = row[2], soldText: String = row[5], mileageOnText: String = row[7]
        guard let vin = VIN(stored: vinText), case .success(let plate) = LicensePlate.parse(plateText),
              let sold = CalendarDate(parsing: soldText), let mileageOn = CalendarDate(parsing: mileageOnText) else {
            throw StoreFailure(Message("store.damaged.vehicle", ["id": .int(Int(row[0] as Int64))]))
        }
        return Vehicle(id: row[0], vin: vin, plate: plate, model: row[3], ownerID: row[4], soldOn: sold,
                       mileage: row[6], mileageRecordedOn: mileageOn, createdAt: Timestamp(secondsSince1970: row[8]))
    }

    private func vehicles(_ sql: String, _ arguments: StatementArguments = []) throws -> [Vehicle] {
        try decodeRows(sql: "SELECT \(Self.vehicleColumns) FROM vehicle " + sql, arguments: arguments, vehicle(from:))
    }

    func vehicle(id: Int64) throws -> Vehicle? { try vehicles("WHERE id = ?", [id]).first }
    func vehicle(plate: String) throws -> Vehicle? { try vehicles("WHERE plate = ?", [plate]).first }
    func vehicle(vin: String) throws -> Vehicle? { try vehicles("WHERE vin = ?", [vin]).first }
    func vehicles(platePrefix prefix: String, limit: Int) throws -> [Vehicle] {
        try vehicles("WHERE plate >= ? AND plate < ? ORDER BY plate LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }
    func vehicles(ownerID: Int64) throws -> [Vehicle] { try vehicles("WHERE owner_id = ? ORDER BY plate", [ownerID]) }
    func vehicles(everOwnedBy customer: Customer) throws -> [Vehicle] {
        try vehicles("WHERE id IN (\(SQLiteTransaction.vehiclesEverOwned)) ORDER BY plate", [customer.id, customer.code])
    }
    func vehicles(limit: Int, offset: Int) throws -> [Vehicle] { try vehicles("ORDER BY plate LIMIT ? OFFSET ?", [limit, offset]) }
    func vehicles(ids: [Int64]) throws -> [Int64: Vehicle] {
        if ids.isEmpty { return [:] }
        let found = try vehicles("WHERE id IN (SELECT value FROM json_each(?))", [Self.idList(ids)])
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func events(vehicleIDs: [Int64]) throws -> [Int64: [VehicleEvent]] {
        if vehicleIDs.isEmpty { return [:] }
        return Dictionary(grouping: try events("WHERE vehicle_id IN (SELECT value FROM json_each(?)) ORDER BY vehicle_id, occurred_on, id",
                                               [Self.idList(vehicleIDs)]), by: \.vehicleID)
    }

    func plates(ownerIDs: [Int64]) throws -> [Int64: [String]] {
        if ownerIDs.isEmpty { return [:] }
        var plates: [Int64: [String]] = [:]
        for row in try fetchRows(sql: "SELECT owner_id, plate FROM vehicle WHERE owner_id IN (SELECT value FROM json_each(?)) ORDER BY plate",
                                 arguments: [Self.idList(ownerIDs)]) {
            plates[row[0], default: []].append(row[1])
        }
        return plates
    }

    func vehicleCount() throws -> Int { try fetchValue(Int.self, sql: RowCounts.countSQL, arguments: ["vehicle"]) ?? 0 }

    func insertVehicle(_ f: VehicleFields, ownerID: Int64, at time: Timestamp) throws -> Vehicle {
        try execute(sql: """
            INSERT INTO vehicle (vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [f.vin.value, f.plate.value, f.model, ownerID, f.soldOn.description, f.mileage, f.soldOn.description, time.secondsSince1970])
        let v = Vehicle(id: db.lastInsertedRowID, vin: f.vin, plate: f.plate, model: f.model, ownerID: ownerID, soldOn: f.soldOn,
                        mileage: f.mileage, mileageRecordedOn: f.soldOn, createdAt: time)
        try refreshReminderSchedule(vehicleID: v.id)
        return v
    }

    func updateVehicle(_ v: Vehicle) throws {
        try execute(sql: """
            UPDATE vehicle SET vin = ?, plate = ?, model = ?, owner_id = ?, sold_on = ?, mileage = ?, mileage_on = ? WHERE id = ?
            """, arguments: [v.vin.value, v.plate.value, v.model, v.ownerID, v.soldOn.description, v.mileage, v.mileageRecordedOn.description, v.id])
        try refreshReminderSchedule(vehicleID: v.id)
    }

    func events(vehicleID: Int64) throws -> [VehicleEvent] {
        try events("WHERE vehicle_id = ? ORDER BY occurred_on, id", [vehicleID])
    }

    func allEvents() throws -> [Int64: [VehicleEvent]] {
        Dictionary(grouping: try events("ORDER BY vehicle_id, occurred_on, id", []), by: \.vehicleID)
    }

    func allVehicles() throws -> [Vehicle] { try vehicles("ORDER BY id", []) }

    func vehicles(modelPrefixes: [String], vins: Range<String>?) throws -> [Vehicle] {
        // Every prefix is its own range of vehicle_by_model (joined through json_each, so one statement serves
        // any count); the VIN range narrows it, or is the unique VIN index's own range when no model is named.
        let vinFrom = vins?.lowerBound ?? "", vinBelow = vins?.upperBound ?? Self.upperBound("")
        if modelPrefixes.isEmpty {
            if vins == nil { return try allVehicles() }
            return try vehicles("WHERE vin >= ? AND vin < ? ORDER BY id", [vinFrom, vinBelow])
        }
        return try vehicles("""
            WHERE id IN (SELECT v.id FROM json_each(?) AS p JOIN vehicle AS v INDEXED BY vehicle_by_model
                         ON v.model >= p.value AND v.model < p.value || char(1114111) AND v.vin >= ? AND v.vin < ?)
            ORDER BY id
            """, [Self.textList(modelPrefixes), vinFrom, vinBelow])
    }

    private func events(_ sql: String, _ arguments: StatementArguments) throws -> [VehicleEvent] {
        try decodeRows(sql: """
            SELECT id, vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by,
            """ + (historyMessages ? "message" : "NULL AS message") + " FROM vehicle_event " + sql, arguments: arguments) { row in
            let kindText: String = row[2], onText: String = row[4]
            guard let kind = VehicleEventKind(rawValue: kindText), let on = CalendarDate(parsing: onText) else {
                throw StoreFailure(Message("store.damaged.vehicle_event", ["id": .int(Int(row[0] as Int64))]))
            }
            let visitKind = (row[3] as String?).flatMap(VisitKind.init(rawValue:))
            return VehicleEvent(id: row[0], vehicleID: row[1], kind: kind, visitKind: visitKind, occurredOn: on, mileage: row[5],
                                detail: row[6], recordedAt: Timestamp(secondsSince1970: row[7]), recordedBy: row[8],
                                message: (row[9] as String?).flatMap(StoredMessage.decode))
        }
    }

    private static let serviceHistorySQL = ByVehicle("SELECT id, vehicle_id, kind, visit_kind, occurred_on, mileage FROM vehicle_event",
                                                     order: "ORDER BY vehicle_id, occurred_on, id")

    func serviceHistory(vehicleIDs: [Int64]) throws -> [Int64: [ServiceHistoryEntry]] {
        if vehicleIDs.isEmpty { return [:] }
        var history: [Int64: [ServiceHistoryEntry]] = [:]
        // Every column is in vehicle_event_by_vehicle (v38), the row id included: SQLite reads the index alone.
        let (sql, arguments) = Self.byVehicle(vehicleIDs, Self.serviceHistorySQL)
        let rows = try decodeRows(sql: sql, arguments: arguments) { row -> (Int64, ServiceHistoryEntry) in
            let kindText: String = row[2], onText: String = row[4]
            guard let kind = VehicleEventKind(rawValue: kindText), let on = CalendarDate(parsing: onText) else {
                throw StoreFailure(Message("store.damaged.vehicle_event", ["id": .int(Int(row[0] as Int64))]))
            }
            return (row[1], ServiceHistoryEntry(kind: kind, visitKind: (row[3] as String?).flatMap(VisitKind.init(rawValue:)),
                                                occurredOn: on, mileage: row[5]))
        }
        for (vehicleID, entry) in rows { history[vehicleID, default: []].append(entry) }
        return history
    }

    func mileageReadings(vehicleID: Int64) throws -> [MileageReading] {
        try fetchRows(sql: """
            SELECT occurred_on, mileage FROM vehicle_event WHERE vehicle_id = ? AND mileage IS NOT NULL ORDER BY occurred_on, id
            """, arguments: [vehicleID]).compactMap { row in
            let on: String = row[0]
            return CalendarDate(parsing: on).map { MileageReading(on: $0, km: row[1]) }
        }
    }

    func appendEvent(vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, on: CalendarDate, mileage: Int?,
                     detail: String, message: Message?, at time: Timestamp, by user: String) throws -> VehicleEvent {
        try execute(sql: """
            INSERT INTO vehicle_event (vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [vehicleID, kind.rawValue, visitKind?.rawValue, on.description, mileage, detail, time.secondsSince1970, user,
                             message.flatMap(StoredMessage.encode)])
        let event = VehicleEvent(id: db.lastInsertedRowID, vehicleID: vehicleID, kind: kind, visitKind: visitKind, occurredOn: on,
                                 mileage: mileage, detail: detail, recordedAt: time, recordedBy: user, message: message)
        try refreshReminderSchedule(vehicleID: vehicleID)
        return event
    }

    // MARK: Dealership catalogue

    func teams() throws -> [WorkshopTeam] {
        try fetchRows(sql: "SELECT name, skills FROM team ORDER BY name").map { row in
            let skills: String = row[1]
            return WorkshopTeam(name: row[0], skills: skills.split(separator: ";").compactMap { Skill(rawValue: String($0)) })
        }
    }

    func insertTeam(_ team: WorkshopTeam) throws {
        try execute(sql: "INSERT INTO team (name, skills) VALUES (?, ?)",
                       arguments: [team.name, team.skills.map(\.rawValue).joined(separator: ";")])
    }

    private func staff(_ sql: String, _ arguments: StatementArguments = []) throws -> [StaffMember] {
        try stepRows(sql: "SELECT id, name, role, team, phone, left_at FROM staff " + sql, arguments: arguments, table: "staff") { row in
            let roleText: String = try row[2]
            guard let role = StaffRole(rawValue: roleText) else { throw StoreFailure(Message("store.damaged.staff_role", ["name": .text(try row[1] as String), "role": .text(roleText)])) }
            let phone = (try row[4] as String?).flatMap { try? MobileNumber.parse($0).get() }
            return try StaffMember(id: row[0], name: row[1], role: role, team: row[3], phone: phone,
                                   leftAt: (row[5] as Int64?).map { Timestamp(secondsSince1970: $0) })
        }
    }

    func staff() throws -> [StaffMember] { try staff("ORDER BY role, team, name") }
    func staffMember(named name: String) throws -> StaffMember? { try staff("WHERE name = ?", [name]).first }
    func staff(namePrefix prefix: String, limit: Int) throws -> [StaffMember] {
        try staff("WHERE name >= ? AND name < ? ORDER BY name LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func insertStaff(name: String, role: StaffRole, team: String?, phone: MobileNumber?) throws -> StaffMember {
        try execute(sql: "INSERT INTO staff (name, role, team, phone) VALUES (?, ?, ?, ?)",
                       arguments: [name, role.rawValue, team, phone?.digits])
        return StaffMember(id: db.lastInsertedRowID, name: name, role: role, team: team, phone: phone)
    }

    func markStaffLeft(name: String, at time: Timestamp) throws {
        // The temporary trigger notes the row as changed: its seal is renewed by the same change.
        try execute(sql: "UPDATE staff SET left_at = ? WHERE name = ? AND left_at IS NULL", arguments: [time.secondsSince1970, name])
    }

    func laborOperations() throws -> [LaborOperation] {
        try fetchRows(sql: "SELECT code, name, standard_hours, skill FROM labor_operation ORDER BY code").map { row in
            let skillText: String = row[3]
            guard let skill = Skill(rawValue: skillText) else { throw StoreFailure(Message("store.damaged.labour_skill", ["code": .text(row[0] as String)])) }
            return LaborOperation(code: row[0], name: row[1], standardHours: LaborHours(hundredths: row[2]), skill: skill)
        }
    }

    func insertLaborOperation(_ op: LaborOperation) throws {
        try execute(sql: "INSERT INTO labor_operation (code, name, standard_hours, skill) VALUES (?, ?, ?, ?)",
                       arguments: [op.code, op.name, op.standardHours.hundredths, op.skill.rawValue])
    }

    private func parts(_ sql: String, _ arguments: StatementArguments = []) throws -> [Part] {
        try stepRows(sql: "SELECT number, name, unit, price_fen, stock, bin, part_group FROM part " + sql, arguments: arguments, table: "part") { row in
            try Part(number: row[0], name: row[1], unit: row[2], price: Money(fen: row[3]), stock: row[4], bin: row[5], group: row[6])
        }
    }

    func parts() throws -> [Part] { try parts("ORDER BY number") }
    func partGroups() throws -> Set<String> { Set(try fetchValues(String.self, sql: StoreBackendSupport.partGroupsSQL)) }
    func parts(numbers: [String]) throws -> [String: Part] {
        if numbers.isEmpty { return [:] }
        return Dictionary(try parts("WHERE number IN (SELECT value FROM json_each(?))", [Self.textList(numbers)]).map { ($0.number, $0) },
                          uniquingKeysWith: { a, _ in a })
    }
    func parts(numberPrefix prefix: String, limit: Int) throws -> [Part] {
        try parts("WHERE number >= ? AND number < ? ORDER BY number LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func insertPart(_ p: Part) throws {
        try execute(sql: "INSERT INTO part (number, name, unit, price_fen, stock, bin, part_group) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [p.number, p.name, p.unit, p.price.fen, p.stock, p.bin, p.group])
    }

    /// The smallest string above every string starting with `prefix` (in
    /// SQLite's binary order), so a prefix search is an index range.
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }

    /// Texts as a JSON array, for `json_each(?)`: one statement serves any count.
    /// Written by hand: this file stays free of Foundation, and JSON strings need only these escapes.
    static func textList(_ texts: [String]) -> String {
        "[" + texts.map { text in
            // Nearly every text (a part number, a code) needs no escape: taken whole.
            if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + text + "\"" }
            var out = "\""
            for u in text.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where u.value < 0x20: out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }.joined(separator: ",") + "]"
    }
}

/// The row a hand-stepped statement holds (`SQLiteTransaction.eachStepRow`), valid until the next step.
struct StepRow {
    let statement: Statement
    let table: String

    /// The value of the column at `index`, decoded as GRDB decodes it; a value that is not one (text in
    /// a number's place, a NULL where one is required) is a damaged row, said with its table and column.
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int) -> Value {
        get throws {
            guard let value = Value.fromStatement(statement.sqliteStatement, atUncheckedIndex: CInt(index)) else {
                let column = index < statement.columnCount ? statement.columnNames[index] : "\(index)"
                throw StoreFailure(Message("store.damaged.column", ["table": .text(table), "column": .text(column)]))
            }
            return value
        }
    }
}
