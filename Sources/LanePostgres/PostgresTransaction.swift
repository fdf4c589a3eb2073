import Foundation
import LaneCore
import LanePlugin
import LaneStore

/// One transaction's view of the PostgreSQL store. The statements are the
/// SQLite store's, in PostgreSQL's words where they differ (`= ANY(?)` for id
/// lists, `RETURNING id`, `GREATEST`, `strpos`); rows are decoded by hand.
final class PostgresTransaction: StoreWriting {
    let link: PGLink
    unowned let store: PostgresStore
    /// The customers whose contacts this transaction wrote (see `customersChangedInTransaction`).
    private var changedCustomers: Set<Int64> = []
    /// The members of staff this transaction added (see `staffChangedInTransaction`); lane changes staff
    /// rows only through `insertStaff`, so noting them there is what SQLite's temporary triggers do.
    private var changedStaff: Set<String> = []
    private var savepoints = 0

    init(link: PGLink, store: PostgresStore) {
        self.link = link
        self.store = store
    }

    func rows(_ sql: String, _ arguments: PGArguments = []) throws -> [PGRow] { try link.run(sql, arguments).rows }
    func row(_ sql: String, _ arguments: PGArguments = []) throws -> PGRow? { try rows(sql, arguments).first }
    func value<T: PGDecodable>(_ sql: String, _ arguments: PGArguments = []) throws -> T? {
        guard let row = try row(sql, arguments) else { return nil }
        let value: T? = try row[0]
        return value
    }
    @discardableResult
    func execute(_ sql: String, _ arguments: PGArguments = []) throws -> Int { try link.run(sql, arguments).changed }
    /// An INSERT with `RETURNING id`: the new row's id.
    func insert(_ sql: String, _ arguments: PGArguments) throws -> Int64 {
        guard let id: Int64 = try value(sql + " RETURNING id", arguments) else { throw StoreFailure("the new row got no id") }
        return id
    }

    func tableNames() throws -> [String] {
        try rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'lane_migration' ORDER BY tablename")
            .map { row -> String in try row[0] }
    }

    static func upperBound(_ prefix: String) -> String { StoreBackendSupport.upperBound(prefix) }

    // MARK: Settings

    func settingValues() throws -> [String: String] {
        var values: [String: String] = [:]
        for row in try rows("SELECT key, value FROM setting") { values[try row[0]] = try row[1] }
        return values
    }

    func storeVersions() throws -> StoreVersions {
        try PostgresStore.versions(try rows(StoreBackendSupport.storeVersionsSQL))
    }

    func settings() throws -> StoreSettings {
        switch StoreSettings.from(keyValues: try settingValues()) {
        case .success(let s): return s
        case .failure(let refusal): throw StoreFailure(Message("store.damaged.settings", ["text": .text(refusal.description)]))
        }
    }

    func saveSettings(_ settings: StoreSettings) throws {
        for (key, value) in settings.keyValues { try saveSettingValue(key: key, value: value) }
    }

    func saveSettingValue(key: String, value: String) throws {
        try execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])
    }

    func removeSettingValue(key: String) throws {
        try execute("DELETE FROM setting WHERE key = ?", [key])
    }

    // MARK: Customers

    private static let customerColumns = "id, number, name, phone, address, created_at"

    private func customer(from row: PGRow) throws -> Customer {
        let phoneText: String = try row[3]
        let parsed = phoneText.isEmpty ? .success(.erased) : MobileNumber.parse(phoneText)
        guard case .success(let phone) = parsed else {
            throw StoreFailure(Message("store.damaged.customer_phone", ["number": .text(row.text(1)), "phone": .text(phoneText)]))
        }
        return Customer(id: try row[0], code: Customer.code(number: try row[1]), name: try row[2], phone: phone,
                        address: try row[4], createdAt: Timestamp(secondsSince1970: try row[5]))
    }

    private func customers(_ sql: String, _ arguments: PGArguments = []) throws -> [Customer] {
        try rows("SELECT \(Self.customerColumns) FROM customer " + sql, arguments).map(customer(from:))
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
        return try customers("""
            WHERE id IN (SELECT customer_id FROM customer_search_key WHERE key >= ? AND key < ? ORDER BY key, customer_id LIMIT ?)
            ORDER BY sort_key, number LIMIT ?
            """, [key, Self.upperBound(key), limit * 8, limit])
    }

    func customers(phonePrefix prefix: String, tail: Bool, limit: Int) throws -> [Customer] {
        if tail {
            let reversed = String(prefix.reversed())
            return try customers("WHERE phone_reversed >= ? AND phone_reversed < ? ORDER BY phone_reversed, id LIMIT ?",
                                 [reversed, Self.upperBound(reversed), limit])
        }
        return try customers("WHERE phone >= ? AND phone < ? ORDER BY phone, id LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func customers(limit: Int, offset: Int) throws -> [Customer] { try customers("ORDER BY number LIMIT ? OFFSET ?", [limit, offset]) }

    func customers(ids: [Int64]) throws -> [Int64: Customer] {
        if ids.isEmpty { return [:] }
        return Dictionary(try customers("WHERE id = ANY(?)", [ids]).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func customerCount() throws -> Int { try value(RowCounts.countSQL, ["customer"]) ?? 0 }

    func insertCustomer(number: Int, fields: CustomerFields, at time: Timestamp) throws -> Customer {
        let id = try insert("""
            INSERT INTO customer (number, name, phone, phone_reversed, address, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [number, fields.name, fields.phone.digits, String(fields.phone.digits.reversed()), fields.address, time.secondsSince1970])
        try writeSearchKeys(customerID: id, name: fields.name)
        try claimNumber(number, in: .customers)
        changedCustomers.insert(id)
        return Customer(id: id, code: Customer.code(number: number), name: fields.name, phone: fields.phone, address: fields.address, createdAt: time)
    }

    func updateCustomer(_ c: Customer) throws {
        try execute("UPDATE customer SET name = ?, phone = ?, phone_reversed = ?, address = ? WHERE id = ?",
                    [c.name, c.phone.digits, String(c.phone.digits.reversed()), c.address, c.id])
        try writeSearchKeys(customerID: c.id, name: c.name)
        changedCustomers.insert(c.id)
    }

    func writeSearchKeys(customerID: Int64, name: String) throws {
        let (keys, sortKey) = StoreBackendSupport.searchKeys(name: name)
        try execute("DELETE FROM customer_search_key WHERE customer_id = ?", [customerID])
        if !keys.isEmpty {
            try execute("INSERT INTO customer_search_key (key, customer_id) SELECT DISTINCT unnest(?::text[]), ?",
                        [PGValue.text(Self.textArray(keys)), customerID])
        }
        try execute("UPDATE customer SET sort_key = ? WHERE id = ?", [sortKey, customerID])
    }

    /// A PostgreSQL array literal of texts (`{"a","b"}`), quoted so any text goes through.
    static func textArray(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    // MARK: Vehicles

    private static let vehicleColumns = "id, vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at"

    private func vehicle(from row: PGRow) throws -> Vehicle {
        let vinText: String = try row[1], plateText: String = try row[2], soldText: String = try row[5], mileageOnText: String = try row[7]
        guard let vin = VIN(stored: vinText), case .success(let plate) = LicensePlate.parse(plateText),
              let sold = CalendarDate(parsing: soldText), let mileageOn = CalendarDate(parsing: mileageOnText) else {
            throw StoreFailure(Message("store.damaged.vehicle", ["id": .text(row.text(0))]))
        }
        return Vehicle(id: try row[0], vin: vin, plate: plate, model: try row[3], ownerID: try row[4], soldOn: sold,
                       mileage: try row[6], mileageRecordedOn: mileageOn, createdAt: Timestamp(secondsSince1970: try row[8]))
    }

    private func vehicles(_ sql: String, _ arguments: PGArguments = []) throws -> [Vehicle] {
        try rows("SELECT \(Self.vehicleColumns) FROM vehicle " + sql, arguments).map(vehicle(from:))
    }

    func vehicle(id: Int64) throws -> Vehicle? { try vehicles("WHERE id = ?", [id]).first }
    func vehicle(plate: String) throws -> Vehicle? { try vehicles("WHERE plate = ?", [plate]).first }
    func vehicle(vin: String) throws -> Vehicle? { try vehicles("WHERE vin = ?", [vin]).first }
    func vehicles(platePrefix prefix: String, limit: Int) throws -> [Vehicle] {
        try vehicles("WHERE plate >= ? AND plate < ? ORDER BY plate LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }
    func vehicles(ownerID: Int64) throws -> [Vehicle] { try vehicles("WHERE owner_id = ? ORDER BY plate", [ownerID]) }
    func vehicles(everOwnedBy customer: Customer) throws -> [Vehicle] {
        try vehicles("WHERE id IN (\(Self.vehiclesEverOwned)) ORDER BY plate", [customer.id, customer.code])
    }
    func vehicles(limit: Int, offset: Int) throws -> [Vehicle] { try vehicles("ORDER BY plate LIMIT ? OFFSET ?", [limit, offset]) }
    func vehicles(ids: [Int64]) throws -> [Int64: Vehicle] {
        if ids.isEmpty { return [:] }
        return Dictionary(try vehicles("WHERE id = ANY(?)", [ids]).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
    func vehicleCount() throws -> Int { try value(RowCounts.countSQL, ["vehicle"]) ?? 0 }
    func allVehicles() throws -> [Vehicle] { try vehicles("ORDER BY id") }

    func vehicles(modelPrefixes: [String], vins: Range<String>?) throws -> [Vehicle] {
        // Each prefix is a range of vehicle_by_model (text is binary-ordered, as in SQLite); the VIN range
        // narrows it, or is the unique VIN index's own range when no model is named.
        let vinFrom = vins?.lowerBound ?? "", vinBelow = vins?.upperBound ?? Self.upperBound("")
        if modelPrefixes.isEmpty {
            if vins == nil { return try allVehicles() }
            return try vehicles("WHERE vin >= ? AND vin < ? ORDER BY id", [vinFrom, vinBelow])
        }
        var found: [Int64: Vehicle] = [:]
        for prefix in Set(modelPrefixes) {
            for v in try vehicles("WHERE model >= ? AND model < ? AND vin >= ? AND vin < ?", [prefix, Self.upperBound(prefix), vinFrom, vinBelow]) {
                found[v.id] = v
            }
        }
        return found.values.sorted { $0.id < $1.id }
    }

    func plates(ownerIDs: [Int64]) throws -> [Int64: [String]] {
        if ownerIDs.isEmpty { return [:] }
        var plates: [Int64: [String]] = [:]
        for row in try rows("SELECT owner_id, plate FROM vehicle WHERE owner_id = ANY(?) ORDER BY plate", [ownerIDs]) {
            plates[try row[0], default: []].append(try row[1])
        }
        return plates
    }

    func insertVehicle(_ f: VehicleFields, ownerID: Int64, at time: Timestamp) throws -> Vehicle {
        let id = try insert("""
            INSERT INTO vehicle (vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [f.vin.value, f.plate.value, f.model, ownerID, f.soldOn.description, f.mileage, f.soldOn.description, time.secondsSince1970])
        let v = Vehicle(id: id, vin: f.vin, plate: f.plate, model: f.model, ownerID: ownerID, soldOn: f.soldOn,
                        mileage: f.mileage, mileageRecordedOn: f.soldOn, createdAt: time)
        try refreshReminderSchedule(vehicleID: v.id)
        return v
    }

    func updateVehicle(_ v: Vehicle) throws {
        try execute("""
            UPDATE vehicle SET vin = ?, plate = ?, model = ?, owner_id = ?, sold_on = ?, mileage = ?, mileage_on = ? WHERE id = ?
            """, [v.vin.value, v.plate.value, v.model, v.ownerID, v.soldOn.description, v.mileage, v.mileageRecordedOn.description, v.id])
        try refreshReminderSchedule(vehicleID: v.id)
    }

    private func events(_ sql: String, _ arguments: PGArguments) throws -> [VehicleEvent] {
        try rows("""
            SELECT id, vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by, message FROM vehicle_event
            """ + " " + sql, arguments).map { row in
            let kindText: String = try row[2], onText: String = try row[4]
            guard let kind = VehicleEventKind(rawValue: kindText), let on = CalendarDate(parsing: onText) else {
                throw StoreFailure(Message("store.damaged.vehicle_event", ["id": .text(row.text(0))]))
            }
            let visitKind = (try row[3] as String?).flatMap(VisitKind.init(rawValue:))
            return VehicleEvent(id: try row[0], vehicleID: try row[1], kind: kind, visitKind: visitKind, occurredOn: on, mileage: try row[5],
                                detail: try row[6], recordedAt: Timestamp(secondsSince1970: try row[7]), recordedBy: try row[8],
                                message: (try row[9] as String?).flatMap(StoredMessage.decode))
        }
    }

    func events(vehicleID: Int64) throws -> [VehicleEvent] { try events("WHERE vehicle_id = ? ORDER BY occurred_on, id", [vehicleID]) }
    func events(vehicleIDs: [Int64]) throws -> [Int64: [VehicleEvent]] {
        if vehicleIDs.isEmpty { return [:] }
        return Dictionary(grouping: try events("WHERE vehicle_id = ANY(?) ORDER BY vehicle_id, occurred_on, id", [vehicleIDs]), by: \.vehicleID)
    }
    func allEvents() throws -> [Int64: [VehicleEvent]] {
        Dictionary(grouping: try events("ORDER BY vehicle_id, occurred_on, id", []), by: \.vehicleID)
    }

    func serviceHistory(vehicleIDs: [Int64]) throws -> [Int64: [ServiceHistoryEntry]] {
        if vehicleIDs.isEmpty { return [:] }
        var history: [Int64: [ServiceHistoryEntry]] = [:]
        // The key and included columns of vehicle_event_by_vehicle (v38): an index-only scan.
        for row in try rows("""
            SELECT id, vehicle_id, kind, visit_kind, occurred_on, mileage FROM vehicle_event
            WHERE vehicle_id = ANY(?) ORDER BY vehicle_id, occurred_on, id
            """, [vehicleIDs]) {
            let kindText: String = try row[2], onText: String = try row[4]
            guard let kind = VehicleEventKind(rawValue: kindText), let on = CalendarDate(parsing: onText) else {
                throw StoreFailure(Message("store.damaged.vehicle_event", ["id": .text(row.text(0))]))
            }
            let vehicleID: Int64 = try row[1]
            history[vehicleID, default: []].append(ServiceHistoryEntry(
                kind: kind, visitKind: (try row[3] as String?).flatMap(VisitKind.init(rawValue:)), occurredOn: on, mileage: try row[5]))
        }
        return history
    }

    func mileageReadings(vehicleID: Int64) throws -> [MileageReading] {
        try rows("SELECT occurred_on, mileage FROM vehicle_event WHERE vehicle_id = ? AND mileage IS NOT NULL ORDER BY occurred_on, id",
                 [vehicleID]).compactMap { row in
            let on: String = try row[0], km: Int = try row[1]
            return CalendarDate(parsing: on).map { MileageReading(on: $0, km: km) }
        }
    }

    func appendEvent(vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, on: CalendarDate, mileage: Int?,
                     detail: String, message: Message?, at time: Timestamp, by user: String) throws -> VehicleEvent {
        let id = try insert("""
            INSERT INTO vehicle_event (vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [vehicleID, kind.rawValue, visitKind?.rawValue, on.description, mileage, detail, time.secondsSince1970, user,
                  message.flatMap(StoredMessage.encode)])
        try refreshReminderSchedule(vehicleID: vehicleID)
        return VehicleEvent(id: id, vehicleID: vehicleID, kind: kind, visitKind: visitKind, occurredOn: on, mileage: mileage,
                            detail: detail, recordedAt: time, recordedBy: user, message: message)
    }

    // MARK: Dealership catalogue

    func teams() throws -> [WorkshopTeam] {
        try rows("SELECT name, skills FROM team ORDER BY name").map { row in
            let skills: String = try row[1]
            return WorkshopTeam(name: try row[0], skills: skills.split(separator: ";").compactMap { Skill(rawValue: String($0)) })
        }
    }

    func insertTeam(_ team: WorkshopTeam) throws {
        try execute("INSERT INTO team (name, skills) VALUES (?, ?)", [team.name, team.skills.map(\.rawValue).joined(separator: ";")])
    }

    private func staff(_ sql: String, _ arguments: PGArguments = []) throws -> [StaffMember] {
        try rows("SELECT id, name, role, team, phone, left_at FROM staff " + sql, arguments).map { row in
            let roleText: String = try row[2]
            guard let role = StaffRole(rawValue: roleText) else { throw StoreFailure(Message("store.damaged.staff_role", ["name": .text(row.text(1)), "role": .text(roleText)])) }
            let phone = (try row[4] as String?).flatMap { try? MobileNumber.parse($0).get() }
            return StaffMember(id: try row[0], name: try row[1], role: role, team: try row[3], phone: phone,
                               leftAt: (try row[5] as Int64?).map { Timestamp(secondsSince1970: $0) })
        }
    }

    func staff() throws -> [StaffMember] { try staff("ORDER BY role, team NULLS FIRST, name") }
    func staffMember(named name: String) throws -> StaffMember? { try staff("WHERE name = ?", [name]).first }
    func staff(namePrefix prefix: String, limit: Int) throws -> [StaffMember] {
        try staff("WHERE name >= ? AND name < ? ORDER BY name LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func insertStaff(name: String, role: StaffRole, team: String?, phone: MobileNumber?) throws -> StaffMember {
        let id = try insert("INSERT INTO staff (name, role, team, phone) VALUES (?, ?, ?, ?)", [name, role.rawValue, team, phone?.digits])
        changedStaff.insert(name)
        return StaffMember(id: id, name: name, role: role, team: team, phone: phone)
    }

    func markStaffLeft(name: String, at time: Timestamp) throws {
        try execute("UPDATE staff SET left_at = ? WHERE name = ? AND left_at IS NULL", [time.secondsSince1970, name])
        changedStaff.insert(name)
    }

    private func laborOperation(from row: PGRow) throws -> LaborOperation {
        let skillText: String = try row[3]
        guard let skill = Skill(rawValue: skillText) else { throw StoreFailure(Message("store.damaged.labour_skill", ["code": .text(row.text(0))])) }
        return LaborOperation(code: try row[0], name: try row[1], standardHours: LaborHours(hundredths: try row[2]), skill: skill)
    }

    func laborOperations() throws -> [LaborOperation] {
        try rows("SELECT code, name, standard_hours, skill FROM labor_operation ORDER BY code").map(laborOperation(from:))
    }

    func laborOperation(code: String) throws -> LaborOperation? {
        try row("SELECT code, name, standard_hours, skill FROM labor_operation WHERE code = ?", [code]).map(laborOperation(from:))
    }

    func laborOperations(codes: [String]) throws -> [String: LaborOperation] {
        if codes.isEmpty { return [:] }
        // The list as a JSON array, as the SQLite store passes it (the bindings carry integer arrays only).
        let list = String(decoding: try JSONEncoder().encode(codes), as: UTF8.self)
        let found = try rows("SELECT code, name, standard_hours, skill FROM labor_operation WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))",
                             [list]).map(laborOperation(from:))
        return Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func insertLaborOperation(_ op: LaborOperation) throws {
        try execute("INSERT INTO labor_operation (code, name, standard_hours, skill) VALUES (?, ?, ?, ?)",
                    [op.code, op.name, op.standardHours.hundredths, op.skill.rawValue])
    }

    private func parts(_ sql: String, _ arguments: PGArguments = []) throws -> [Part] {
        try rows("SELECT number, name, unit, price_fen, stock, bin, part_group FROM part " + sql, arguments).map { row in
            Part(number: try row[0], name: try row[1], unit: try row[2], price: Money(fen: try row[3]), stock: try row[4], bin: try row[5],
                 group: try row[6])
        }
    }

    func parts() throws -> [Part] { try parts("ORDER BY number") }
    func partGroups() throws -> Set<String> { Set(try rows(StoreBackendSupport.partGroupsSQL).map { row -> String in try row[0] }) }
    func part(number: String) throws -> Part? { try parts("WHERE number = ?", [number]).first }
    func parts(numbers: [String]) throws -> [String: Part] {
        if numbers.isEmpty { return [:] }
        // The list as a JSON array, as the SQLite store passes it (the bindings carry integer arrays only).
        let list = String(decoding: try JSONEncoder().encode(numbers), as: UTF8.self)
        return Dictionary(try parts("WHERE number IN (SELECT jsonb_array_elements_text(?::jsonb))", [list]).map { ($0.number, $0) },
                          uniquingKeysWith: { a, _ in a })
    }
    func parts(numberPrefix prefix: String, limit: Int) throws -> [Part] {
        try parts("WHERE number >= ? AND number < ? ORDER BY number LIMIT ?", [prefix, Self.upperBound(prefix), limit])
    }

    func insertPart(_ p: Part) throws {
        try execute("INSERT INTO part (number, name, unit, price_fen, stock, bin, part_group) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [p.number, p.name, p.unit, p.price.fen, p.stock, p.bin, p.group])
    }

    func recordStockMovement(_ m: StockMovement) throws {
        guard try execute("UPDATE part SET stock = stock + ? WHERE number = ?", [m.delta, m.partNumber]) == 1 else {
            throw StoreFailure(Message("stock.no_such_part", ["part": .text(m.partNumber)]))
        }
        try execute("INSERT INTO stock_movement (part_number, delta, reason, reference, at, by) VALUES (?, ?, ?, ?, ?, ?)",
                    [m.partNumber, m.delta, m.reason, m.reference, m.at.secondsSince1970, m.by])
    }

    func stockMovements(partNumber: String) throws -> [StockMovement] {
        try rows("SELECT part_number, delta, reason, reference, at, by FROM stock_movement WHERE part_number = ? ORDER BY id", [partNumber]).map { row in
            StockMovement(partNumber: try row[0], delta: try row[1], reason: try row[2], reference: try row[3],
                          at: Timestamp(secondsSince1970: try row[4]), by: try row[5])
        }
    }

    // MARK: Numbering

    /// One statement under the series' row lock: a second desk asking at the
    /// same moment waits for this transaction and then gets the next number.
    func allocateNumber(in series: NumberSeries) throws -> Int {
        guard let n: Int = try value("""
            INSERT INTO number_series (series, last) VALUES (?, 1)
            ON CONFLICT (series) DO UPDATE SET last = number_series.last + 1 RETURNING last
            """, [series.key]) else { throw StoreFailure(Message("store.number_series_stuck", ["series": .text(series.key)])) }
        return n
    }

    func claimNumber(_ number: Int, in series: NumberSeries) throws {
        try execute("""
            INSERT INTO number_series (series, last) VALUES (?, ?)
            ON CONFLICT (series) DO UPDATE SET last = GREATEST(number_series.last, excluded.last)
            """, [series.key, number])
    }

    // MARK: Print log

    func prints(document: String, reference: String) throws -> [PrintRecord] {
        try rows("""
            SELECT document, reference, copy, format, printed_by, printed_at FROM print_log WHERE document = ? AND reference = ? ORDER BY copy
            """, [document, reference]).map { row in
            PrintRecord(document: try row[0], reference: try row[1], copy: try row[2], format: try row[3], printedBy: try row[4],
                        printedAt: Timestamp(secondsSince1970: try row[5]))
        }
    }

    func appendPrint(_ r: PrintRecord) throws {
        try execute("INSERT INTO print_log (document, reference, copy, format, printed_by, printed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [r.document, r.reference, r.copy, r.format, r.printedBy, r.printedAt.secondsSince1970])
    }

    // MARK: PINs

    func storedPin(staffName name: String) throws -> StoredPin? {
        try row("SELECT salt, hash, iterations, failures, last_failure_at FROM staff_pin WHERE staff_name = ?", [name]).map { row in
            let last: Int64? = try row[4]
            return StoredPin(salt: try row[0], hash: try row[1], iterations: try row[2], failures: try row[3],
                             lastFailureAt: last.map(Timestamp.init(secondsSince1970:)))
        }
    }

    func savePin(staffName name: String, _ pin: StoredPin) throws {
        try execute("""
            INSERT INTO staff_pin (staff_name, salt, hash, iterations, failures, last_failure_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (staff_name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations,
                failures = excluded.failures, last_failure_at = excluded.last_failure_at
            """, [name, pin.salt, pin.hash, pin.iterations, pin.failures, pin.lastFailureAt?.secondsSince1970])
    }

    func setPinFailures(staffName name: String, failures: Int, at time: Timestamp?) throws {
        try execute("UPDATE staff_pin SET failures = ?, last_failure_at = ? WHERE staff_name = ?", [failures, time?.secondsSince1970, name])
    }

    // MARK: Savepoints

    func contained<T>(_ body: () throws -> T) throws -> T {
        savepoints += 1
        let name = "lane_contained_\(savepoints)"
        defer { savepoints -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT \(name)")
            throw error
        }
    }

    func customersChangedInTransaction() throws -> [Int64] {
        defer { changedCustomers = [] }
        return changedCustomers.sorted()
    }

    func noteChangedCustomer(_ id: Int64) { changedCustomers.insert(id) }

    func staffChangedInTransaction() throws -> [String] {
        defer { changedStaff = [] }
        return changedStaff.sorted()
    }
}
