import LaneCore
import LaneStore

/// A table from a file (a spreadsheet's CSV export), as a front end read it:
/// the header and each row with the line it starts on.
public struct ImportTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The file's name, for problems (`customers.csv line 7 phone`).
    public var name: String
    public var header: [String]
    public var rows: [Row]

    public init(name: String, header: [String], rows: [Row]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// The header's columns, lower case and trimmed.
    public var columns: [String] { header.map { $0.trimmingWhitespace().lowercased() } }

    /// A row's value in `column` (any case), trimmed; nil when empty.
    func field(_ row: Row, _ column: String) -> String? {
        guard let i = columns.firstIndex(of: column), i < row.fields.count else { return nil }
        let v = row.fields[i].trimmingWhitespace()
        return v.isEmpty ? nil : v
    }
}

/// What a file holds, and the order a dealership's data folder loads in
/// (each kind depends on the ones before it).
public enum ImportKind: String, CaseIterable, Sendable {
    case teams, staff, laborOperations = "labor_operations", parts, customers, vehicles, visits

    public static let seedOrder: [ImportKind] = [.teams, .staff, .laborOperations, .parts, .customers, .vehicles, .visits]

    /// Its file in a data folder.
    public var fileName: String { rawValue + ".csv" }

    /// The columns a file of this kind must have (others may be left out).
    public var columns: [String] {
        switch self {
        case .teams: return ["name", "skills"]
        case .staff: return ["name", "role"]
        case .laborOperations: return ["code", "name", "hours", "skill"]
        case .parts: return ["number", "name", "unit", "price", "stock", "bin", "group"]
        case .customers: return ["name", "phone"]
        case .vehicles: return ["vin", "plate", "model", "owner", "sold"]
        // And a plate or a VIN column.
        case .visits: return ["date", "mileage", "kind", "summary"]
        }
    }

    /// What the rows are, in words (`labour operations`).
    public var what: Message { Message(MessageCode("import.what." + rawValue)) }
}

/// Loads one table: every row is checked, and any bad row refuses the whole
/// file with the line and field of each problem, so a file is imported
/// entirely or not at all.
struct Importer {
    let table: ImportTable
    let caller: Caller
    let tx: any StoreWriting

    init(table: ImportTable, caller: Caller, tx: any StoreWriting) {
        self.table = table
        self.caller = caller
        self.tx = tx
    }

    private func field(_ row: ImportTable.Row, _ name: String) -> String? { table.field(row, name) }

    /// The problem, named after the file and the line (`customers.csv line 7 phone`).
    private func at(_ row: ImportTable.Row, _ problem: Problem) -> Problem {
        let place = Message("location.line", ["file": .text(table.name), "line": .int(row.line)]).description
        return Problem(problem.field.isEmpty ? place : "\(place) \(problem.field)", problem.said)
    }

    private func check(_ problems: [Problem]) throws {
        try Refusal.check(Message("import.nothing_imported", ["file": .text(table.name)]), problems)
    }

    private static func alsoOnLine(_ what: String, _ line: Int) -> Message {
        Message("import.also_on_line", ["what": .text(what), "line": .int(line)])
    }

    private static func notOneOf(_ given: String, _ choices: [String]) -> Message {
        Message("import.not_one_of", ["given": .text(given), "choices": .list(choices.map(MessageArgument.text))])
    }

    /// Columns: name, phone, and optionally code (C0001) and address.
    func customers() throws -> Int {
        var problems: [Problem] = []
        var rows: [(Int, CustomerFields)] = []
        var numbersInFile: [Int: Int] = [:]
        var namePhoneInFile: [String: Int] = [:]
        for row in table.rows {
            var number: Int?
            if let code = field(row, "code") {
                if Customer.looksLikeCode(code), let n = Int(code.dropFirst()), n > 0 {
                    if let line = numbersInFile[n] { problems.append(at(row, Problem("code", Self.alsoOnLine(code, line)))) }
                    else if try tx.customer(number: n) != nil {
                        problems.append(at(row, Problem("code", Message("import.already_a_customer", ["code": .text(code)]))))
                    }
                    numbersInFile[n] = row.line
                    number = n
                } else {
                    problems.append(at(row, Problem("code", Message("import.not_a_customer_code", ["given": .text(code)]))))
                }
            }
            switch CustomerFields.validate(name: field(row, "name") ?? "", phone: field(row, "phone") ?? "", address: field(row, "address")) {
            case .failure(let r): problems += r.problems.map { at(row, $0) }
            case .success(let f):
                let key = f.name + "|" + f.phone.digits
                if let line = namePhoneInFile[key] { problems.append(at(row, Problem("", Self.alsoOnLine("\(f.name) \(f.phone)", line)))) }
                else if let same = Customer.duplicate(of: f, among: try tx.customers(phone: f.phone.digits)) {
                    problems.append(at(row, Problem("", Message("import.already_customer_as", ["name": .text(f.name), "phone": .text(f.phone.digits),
                                                                                             "code": .text(same.code)]))))
                }
                namePhoneInFile[key] = row.line
                rows.append((number ?? 0, f))
            }
        }
        try check(problems)
        // Rows without a code are numbered after every code the file gives.
        for (number, _) in rows where number != 0 { try tx.claimNumber(number, in: .customers) }
        for (number, fields) in rows {
            _ = try tx.insertCustomer(number: number != 0 ? number : try tx.allocateNumber(in: .customers), fields: fields, at: caller.now)
        }
        return rows.count
    }

    /// Columns: vin, plate, model, owner (code, mobile or name), sold, and optionally mileage.
    func vehicles() throws -> Int {
        var problems: [Problem] = []
        var accepted: [(VehicleFields, Customer)] = []
        var vins: [String: Int] = [:], plates: [String: Int] = [:]
        for row in table.rows {
            var fields: VehicleFields?
            switch VehicleFields.validate(vin: field(row, "vin") ?? "", plate: field(row, "plate") ?? "", model: field(row, "model") ?? "",
                                          sold: field(row, "sold") ?? "", mileage: field(row, "mileage"), today: caller.today) {
            case .success(let f): fields = f
            case .failure(let r): problems += r.problems.map { at(row, $0) }
            }
            var owner: Customer?
            switch try References.findCustomer(field(row, "owner") ?? "", tx, field: "owner") {
            case .success(let c): owner = c
            case .failure(let p): problems.append(at(row, p))
            }
            guard let f = fields else { continue }
            problems += try CustomerDesk.duplicates(vin: f.vin, plate: f.plate, tx).map { at(row, $0) }
            if let line = vins[f.vin.value] { problems.append(at(row, Problem("vin", Self.alsoOnLine(f.vin.value, line)))) }
            if let line = plates[f.plate.value] { problems.append(at(row, Problem("plate", Self.alsoOnLine(f.plate.value, line)))) }
            vins[f.vin.value] = row.line
            plates[f.plate.value] = row.line
            if let owner { accepted.append((f, owner)) }
        }
        try check(problems)
        for (f, owner) in accepted { _ = try CustomerDesk.insert(f, owner: owner, by: caller, tx) }
        return accepted.count
    }

    /// Columns: plate (or vin), date, mileage, kind, summary: the service
    /// history from a previous system. Mileage must never go backwards.
    func visits() throws -> Int {
        guard table.columns.contains("plate") || table.columns.contains("vin") else {
            throw Refusal(Message("import.lacks_columns", ["file": .text(table.name)]), problems: [
                Problem("plate", Message("import.needs_plate_or_vin"))])
        }
        var problems: [Problem] = []
        var vehicles: [Int64: Vehicle] = [:]
        var readings: [Int64: [MileageReading]] = [:]
        var accepted: [(Int64, VisitKind, MileageReading, String)] = []
        for row in table.rows {
            var rowProblems: [Problem] = []
            var vehicle: Vehicle?
            switch try References.findVehicle(field(row, "plate") ?? field(row, "vin") ?? "", tx, field: "plate") {
            case .success(let v): vehicle = vehicles[v.id] ?? v
            case .failure(let p): rowProblems.append(p)
            }
            var day: CalendarDate?
            switch DateRule.past(field(row, "date") ?? "", field: "date", today: caller.today) {
            case .success(let d): day = d
            case .failure(let p): rowProblems.append(p)
            }
            var km: Int?
            switch Odometer.parse(field(row, "mileage") ?? "") {
            case .success(let k): km = k
            case .failure(let p): rowProblems.append(p)
            }
            let kindText = field(row, "kind") ?? ""
            let kind = VisitKind(rawValue: kindText)
            if kind == nil { rowProblems.append(Problem("kind", Self.notOneOf(kindText, VisitKind.allCases.map(\.rawValue)))) }
            let summary = field(row, "summary") ?? ""
            if summary.isEmpty { rowProblems.append(Problem("summary", Message("import.say_what_was_done"))) }
            if var v = vehicle, let d = day, let k = km, let kind {
                if let p = v.beforeSaleProblem(d, field: "date") { rowProblems.append(p) }
                let reading = MileageReading(on: d, km: k)
                if readings[v.id] == nil { readings[v.id] = try tx.mileageReadings(vehicleID: v.id) }
                if let p = MileageRule.problem(adding: reading, to: readings[v.id] ?? []) { rowProblems.append(p) }
                if rowProblems.isEmpty {
                    readings[v.id, default: []].append(reading)
                    v.record(reading)
                    vehicles[v.id] = v
                    accepted.append((v.id, kind, reading, summary))
                }
            }
            problems += rowProblems.map { at(row, $0) }
        }
        try check(problems)
        for (id, kind, reading, summary) in accepted {
            try tx.appendEvent(vehicleID: id, kind: .visit, visitKind: kind, on: reading.on, mileage: reading.km,
                               detail: summary, at: caller.now, by: caller.user)
        }
        for v in vehicles.values { try tx.updateVehicle(v) }
        return accepted.count
    }

    /// Columns: name, skills (separated by ';').
    func teams() throws -> Int {
        var problems: [Problem] = []
        var teams: [WorkshopTeam] = []
        for row in table.rows {
            guard let name = field(row, "name") else { problems.append(at(row, Problem("name", Message("input.empty")))); continue }
            let words = (field(row, "skills") ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }
            let skills = words.compactMap(Skill.init(rawValue:))
            if skills.count != words.count || skills.isEmpty {
                problems.append(at(row, Problem("skills", Message("import.skills", ["skills": .list(Skill.allCases.map { .text($0.rawValue) })]))))
            }
            teams.append(WorkshopTeam(name: name, skills: skills))
        }
        try check(problems)
        for t in teams { try tx.insertTeam(t) }
        return teams.count
    }

    /// Columns: name, role, team (leaders and technicians), phone.
    func staff() throws -> Int {
        let teamNames = Set(try tx.teams().map(\.name))
        var problems: [Problem] = []
        var members: [(String, StaffRole, String?, MobileNumber?)] = []
        var names = Set(try tx.staff().map(\.name))
        for row in table.rows {
            let name = field(row, "name") ?? ""
            if let p = PersonName.problem(name) { problems.append(at(row, p)) }
            else if !names.insert(name).inserted {
                problems.append(at(row, Problem("name", Message("import.already_on_staff", ["name": .text(name)]))))
            }
            let roleText = field(row, "role") ?? ""
            guard let role = StaffRole(rawValue: roleText) else {
                problems.append(at(row, Problem("role", Self.notOneOf(roleText, StaffRole.allCases.map(\.rawValue)))))
                continue
            }
            let team = field(row, "team")
            problems += StaffAdmin.teamProblems(role: role, team: team, teams: teamNames).map { at(row, $0) }
            var phone: MobileNumber?
            if let text = field(row, "phone") {
                switch MobileNumber.parse(text) {
                case .success(let m): phone = m
                case .failure(let p): problems.append(at(row, p))
                }
            }
            members.append((name, role, team, phone))
        }
        try check(problems)
        for m in members { _ = try tx.insertStaff(name: m.0, role: m.1, team: m.2, phone: m.3) }
        return members.count
    }

    /// A catalogue row's code (in `column`, upper case) and name: a code of
    /// the catalogue's shape, once in the file, and a name.
    private func catalogEntry(_ row: ImportTable.Row, _ column: String, seen: inout Set<String>,
                              into problems: inout [Problem]) -> (code: String, name: String) {
        let code = (field(row, column) ?? "").uppercased()
        if let p = CatalogCode.problem(code, field: column) { problems.append(at(row, p)) }
        else if !seen.insert(code).inserted { problems.append(at(row, Problem(column, Message("import.appears_twice", ["code": .text(code)])))) }
        let name = field(row, "name") ?? ""
        if name.isEmpty { problems.append(at(row, Problem("name", Message("input.empty")))) }
        return (code, name)
    }

    /// Columns: code, name, hours (standard labour hours), skill.
    func laborOperations() throws -> Int {
        var problems: [Problem] = []
        var ops: [LaborOperation] = []
        var codes = Set<String>()
        for row in table.rows {
            let (code, name) = catalogEntry(row, "code", seen: &codes, into: &problems)
            let hoursText = field(row, "hours") ?? ""
            let hours = LaborHours(parsing: hoursText)
            if hours == nil { problems.append(at(row, Problem("hours", Message("import.not_hours", ["given": .text(hoursText)])))) }
            let skillText = field(row, "skill") ?? ""
            let skill = Skill(rawValue: skillText)
            if skill == nil { problems.append(at(row, Problem("skill", Self.notOneOf(skillText, Skill.allCases.map(\.rawValue))))) }
            if let hours, let skill { ops.append(LaborOperation(code: code, name: name, standardHours: hours, skill: skill)) }
        }
        try check(problems)
        for op in ops { try tx.insertLaborOperation(op) }
        return ops.count
    }

    /// Columns: number, name, unit, price (yuan, VAT excluded), stock, bin, group.
    func parts() throws -> Int {
        var problems: [Problem] = []
        var parts: [Part] = []
        var numbers = Set<String>()
        for row in table.rows {
            let (number, name) = catalogEntry(row, "number", seen: &numbers, into: &problems)
            let priceText = field(row, "price") ?? ""
            let price = Money(yuan: priceText)
            if price == nil || (price?.fen ?? 0) < 0 { problems.append(at(row, Problem("price", Message("import.not_a_price", ["given": .text(priceText)])))) }
            let stockText = field(row, "stock") ?? ""
            let stock = Int(stockText)
            if stock == nil || (stock ?? 0) < 0 { problems.append(at(row, Problem("stock", Message("import.not_a_stock", ["given": .text(stockText)])))) }
            if let price, let stock {
                parts.append(Part(number: number, name: name, unit: field(row, "unit") ?? "个", price: price, stock: stock,
                                  bin: field(row, "bin") ?? "", group: field(row, "group") ?? ""))
            }
        }
        try check(problems)
        for p in parts {
            // The stock on the shelf enters through the ledger, so the ledger explains every part's stock (R4.3).
            var empty = p
            empty.stock = 0
            try tx.insertPart(empty)
            if p.stock > 0 {
                try Stockroom.move(StockMovement(partNumber: p.number, delta: p.stock, reason: "opening", reference: table.name,
                                                 at: caller.now, by: caller.user), tx)
            }
        }
        return parts.count
    }
}
