import Foundation
import LaneCore
import ServiceDepartment
import LaneStore

/// Loads spreadsheet exports. Every row is checked; any bad row refuses the
/// whole file with the line and field of each problem, so a file is either
/// imported entirely or not at all.
struct Importer {
    let tx: any StoreWriting
    let ctx: CommandContext
    /// Names problems after the file (`customers.csv line 7 phone`).
    let fileName: String

    static func readFile(_ path: String, relativeTo directory: String) throws -> (text: String, name: String) {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        guard FileManager.default.fileExists(atPath: full) else {
            throw Refusal("cannot read the file", problems: [Problem("file", "\(path) does not exist")])
        }
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
            throw Refusal("cannot read the file", problems: [Problem("file", "\(path) cannot be read as UTF-8 text (save it from the spreadsheet as \"CSV UTF-8\")")])
        }
        return (text, (path as NSString).lastPathComponent)
    }

    static func table(_ text: String, name: String, required: [String]) throws -> CSVTable {
        let table: CSVTable
        do { table = try CSV.parse(text) } catch {
            throw Refusal("\(name) is not valid CSV", problems: [Problem("", error.message)])
        }
        let missing = required.filter { table.column($0) == nil }
        try Refusal.check("\(name) lacks columns", missing.map { Problem($0, "the header row has no '\($0)' column (it has: \(table.header.joined(separator: ", ")))") })
        return table
    }

    private func field(_ table: CSVTable, _ row: CSVRow, _ name: String) -> String? {
        guard let i = table.column(name), i < row.fields.count else { return nil }
        let v = row.fields[i].trimmingWhitespace()
        return v.isEmpty ? nil : v
    }

    private func at(_ row: CSVRow, _ problem: Problem) -> Problem {
        Problem("\(fileName) line \(row.line)" + (problem.field.isEmpty ? "" : " \(problem.field)"), problem.message)
    }

    /// Columns: name, phone, and optionally code (C0001) and address.
    func customers(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["name", "phone"])
        var problems: [Problem] = []
        var rows: [(Int, CustomerFields)] = []
        var numbersInFile: [Int: Int] = [:]
        var namePhoneInFile: [String: Int] = [:]
        for row in table.rows {
            var number: Int?
            if let code = field(table, row, "code") {
                if Customer.looksLikeCode(code), let n = Int(code.dropFirst()), n > 0 {
                    if let line = numbersInFile[n] { problems.append(at(row, Problem("code", "\(code) is also on line \(line)"))) }
                    else if try tx.customer(number: n) != nil { problems.append(at(row, Problem("code", "\(code) is already a customer"))) }
                    numbersInFile[n] = row.line
                    number = n
                } else {
                    problems.append(at(row, Problem("code", "'\(code)' is not a customer code like C0001")))
                }
            }
            switch CustomerFields.validate(name: field(table, row, "name") ?? "", phone: field(table, row, "phone") ?? "", address: field(table, row, "address")) {
            case .failure(let r): problems += r.problems.map { at(row, $0) }
            case .success(let f):
                let key = f.name + "|" + f.phone.digits
                if let line = namePhoneInFile[key] { problems.append(at(row, Problem("", "\(f.name) \(f.phone) is also on line \(line)"))) }
                else if let same = try tx.customers(phone: f.phone.digits).first(where: { $0.name == f.name }) {
                    problems.append(at(row, Problem("", "\(f.name) \(f.phone) is already customer \(same.code)")))
                }
                namePhoneInFile[key] = row.line
                rows.append((number ?? 0, f))
            }
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        // Rows without a code are numbered after every code the file gives.
        for (number, _) in rows where number != 0 { try tx.claimNumber(number, in: .customers) }
        for (number, fields) in rows {
            _ = try tx.insertCustomer(number: number != 0 ? number : try tx.allocateNumber(in: .customers), fields: fields, at: ctx.now)
        }
        return rows.count
    }

    /// Columns: vin, plate, model, owner (code, mobile or name), sold, and optionally mileage.
    func vehicles(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["vin", "plate", "model", "owner", "sold"])
        var problems: [Problem] = []
        var accepted: [(VehicleFields, Customer)] = []
        var vins: [String: Int] = [:], plates: [String: Int] = [:]
        for row in table.rows {
            var fields: VehicleFields?
            switch VehicleFields.validate(vin: field(table, row, "vin") ?? "", plate: field(table, row, "plate") ?? "",
                                          model: field(table, row, "model") ?? "", sold: field(table, row, "sold") ?? "",
                                          mileage: field(table, row, "mileage"), today: ctx.today) {
            case .success(let f): fields = f
            case .failure(let r): problems += r.problems.map { at(row, $0) }
            }
            var owner: Customer?
            switch try References.findCustomer(field(table, row, "owner") ?? "", tx, field: "owner") {
            case .success(let c): owner = c
            case .failure(let p): problems.append(at(row, p))
            }
            guard let f = fields else { continue }
            problems += try VehicleCommands.duplicates(vin: f.vin, plate: f.plate, tx, except: nil).map { at(row, $0) }
            if let line = vins[f.vin.value] { problems.append(at(row, Problem("vin", "\(f.vin) is also on line \(line)"))) }
            if let line = plates[f.plate.value] { problems.append(at(row, Problem("plate", "\(f.plate) is also on line \(line)"))) }
            vins[f.vin.value] = row.line
            plates[f.plate.value] = row.line
            if let owner { accepted.append((f, owner)) }
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        for (f, owner) in accepted {
            let v = try tx.insertVehicle(f, ownerID: owner.id, at: ctx.now)
            try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: f.soldOn, mileage: f.mileage,
                               detail: "sold to \(owner.name) \(owner.code)", at: ctx.now, by: ctx.user)
        }
        return accepted.count
    }

    /// Columns: plate (or vin), date, mileage, kind, summary: the service
    /// history from a previous system. Mileage must never go backwards.
    func visits(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["date", "mileage", "kind", "summary"])
        guard table.column("plate") != nil || table.column("vin") != nil else {
            throw Refusal("\(fileName) lacks columns", problems: [Problem("plate", "the header row needs a 'plate' or 'vin' column")])
        }
        var problems: [Problem] = []
        var vehicles: [Int64: Vehicle] = [:]
        var readings: [Int64: [MileageReading]] = [:]
        var accepted: [(Int64, VisitKind, MileageReading, String)] = []
        for row in table.rows {
            var rowProblems: [Problem] = []
            var vehicle: Vehicle?
            switch try References.findVehicle(field(table, row, "plate") ?? field(table, row, "vin") ?? "", tx, field: "plate") {
            case .success(let v): vehicle = vehicles[v.id] ?? v
            case .failure(let p): rowProblems.append(p)
            }
            var day: CalendarDate?
            switch DateRule.past(field(table, row, "date") ?? "", field: "date", today: ctx.today) {
            case .success(let d): day = d
            case .failure(let p): rowProblems.append(p)
            }
            var km: Int?
            switch Odometer.parse(field(table, row, "mileage") ?? "") {
            case .success(let k): km = k
            case .failure(let p): rowProblems.append(p)
            }
            let kindText = field(table, row, "kind") ?? ""
            let kind = VisitKind(rawValue: kindText)
            if kind == nil {
                rowProblems.append(Problem("kind", "'\(kindText)' is not one of \(VisitKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            let summary = field(table, row, "summary") ?? ""
            if summary.isEmpty { rowProblems.append(Problem("summary", "say what was done")) }
            if let v = vehicle, let d = day, let k = km, let kind {
                if d < v.soldOn { rowProblems.append(Problem("date", "\(d) is before the sale date \(v.soldOn)")) }
                let reading = MileageReading(on: d, km: k)
                if readings[v.id] == nil { readings[v.id] = try tx.mileageReadings(vehicleID: v.id) }
                if let p = MileageRule.problem(adding: reading, to: readings[v.id] ?? []) { rowProblems.append(p) }
                if rowProblems.isEmpty {
                    readings[v.id, default: []].append(reading)
                    var updated = v
                    if k >= updated.mileage { updated.mileage = k; updated.mileageRecordedOn = max(d, updated.mileageRecordedOn) }
                    vehicles[v.id] = updated
                    accepted.append((v.id, kind, reading, summary))
                }
            }
            problems += rowProblems.map { at(row, $0) }
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        for (id, kind, reading, summary) in accepted {
            try tx.appendEvent(vehicleID: id, kind: .visit, visitKind: kind, on: reading.on, mileage: reading.km,
                               detail: summary, at: ctx.now, by: ctx.user)
        }
        for v in vehicles.values { try tx.updateVehicle(v) }
        return accepted.count
    }

    /// Columns: name, skills (separated by ';').
    func teams(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["name", "skills"])
        var problems: [Problem] = []
        var teams: [WorkshopTeam] = []
        for row in table.rows {
            guard let name = field(table, row, "name") else { problems.append(at(row, Problem("name", "is empty"))); continue }
            let words = (field(table, row, "skills") ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }
            let skills = words.compactMap(Skill.init(rawValue:))
            if skills.count != words.count || skills.isEmpty {
                problems.append(at(row, Problem("skills", "use \(Skill.allCases.map(\.rawValue).joined(separator: ", ")) separated by ';'")))
            }
            teams.append(WorkshopTeam(name: name, skills: skills))
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        for t in teams { try tx.insertTeam(t) }
        return teams.count
    }

    /// Columns: name, role, team (leaders and technicians), phone.
    func staff(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["name", "role"])
        let teamNames = Set(try tx.teams().map(\.name))
        var problems: [Problem] = []
        var members: [(String, StaffRole, String?, MobileNumber?)] = []
        var names = Set(try tx.staff().map(\.name))
        for row in table.rows {
            let name = field(table, row, "name") ?? ""
            if let p = PersonName.problem(name) { problems.append(at(row, p)) }
            else if !names.insert(name).inserted { problems.append(at(row, Problem("name", "\(name) is already on the staff list"))) }
            let roleText = field(table, row, "role") ?? ""
            guard let role = StaffRole(rawValue: roleText) else {
                problems.append(at(row, Problem("role", "'\(roleText)' is not one of \(StaffRole.allNames)")))
                continue
            }
            let team = field(table, row, "team")
            if role.belongsToTeam && team == nil { problems.append(at(row, Problem("team", "a \(role.rawValue) belongs to a team"))) }
            if let team, !teamNames.contains(team) { problems.append(at(row, Problem("team", "there is no team '\(team)'"))) }
            var phone: MobileNumber?
            if let text = field(table, row, "phone") {
                switch MobileNumber.parse(text) {
                case .success(let m): phone = m
                case .failure(let p): problems.append(at(row, p))
                }
            }
            members.append((name, role, team, phone))
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        for m in members { _ = try tx.insertStaff(name: m.0, role: m.1, team: m.2, phone: m.3) }
        return members.count
    }

    /// Columns: code, name, hours (standard labour hours), skill.
    func laborOperations(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["code", "name", "hours", "skill"])
        var problems: [Problem] = []
        var ops: [LaborOperation] = []
        var codes = Set<String>()
        for row in table.rows {
            let code = (field(table, row, "code") ?? "").uppercased()
            if let p = CatalogCode.problem(code, field: "code") { problems.append(at(row, p)) }
            else if !codes.insert(code).inserted { problems.append(at(row, Problem("code", "\(code) appears twice"))) }
            let name = field(table, row, "name") ?? ""
            if name.isEmpty { problems.append(at(row, Problem("name", "is empty"))) }
            let hoursText = field(table, row, "hours") ?? ""
            let hours = LaborHours(parsing: hoursText)
            if hours == nil { problems.append(at(row, Problem("hours", "'\(hoursText)' is not standard hours like 1.2"))) }
            let skillText = field(table, row, "skill") ?? ""
            let skill = Skill(rawValue: skillText)
            if skill == nil { problems.append(at(row, Problem("skill", "'\(skillText)' is not one of \(Skill.allCases.map(\.rawValue).joined(separator: ", "))"))) }
            if let hours, let skill { ops.append(LaborOperation(code: code, name: name, standardHours: hours, skill: skill)) }
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        for op in ops { try tx.insertLaborOperation(op) }
        return ops.count
    }

    /// Columns: number, name, unit, price (yuan, VAT excluded), stock, bin, group.
    func parts(_ text: String) throws -> Int {
        let table = try Importer.table(text, name: fileName, required: ["number", "name", "unit", "price", "stock", "bin", "group"])
        var problems: [Problem] = []
        var parts: [Part] = []
        var numbers = Set<String>()
        for row in table.rows {
            let number = (field(table, row, "number") ?? "").uppercased()
            if let p = CatalogCode.problem(number, field: "number") { problems.append(at(row, p)) }
            else if !numbers.insert(number).inserted { problems.append(at(row, Problem("number", "\(number) appears twice"))) }
            let name = field(table, row, "name") ?? ""
            if name.isEmpty { problems.append(at(row, Problem("name", "is empty"))) }
            let priceText = field(table, row, "price") ?? ""
            let price = Money(yuan: priceText)
            if price == nil || (price?.fen ?? 0) < 0 { problems.append(at(row, Problem("price", "'\(priceText)' is not a price in yuan like 128.00"))) }
            let stockText = field(table, row, "stock") ?? ""
            let stock = Int(stockText)
            if stock == nil || (stock ?? 0) < 0 { problems.append(at(row, Problem("stock", "'\(stockText)' is not a quantity of 0 or more"))) }
            if let price, let stock {
                parts.append(Part(number: number, name: name, unit: field(table, row, "unit") ?? "个", price: price, stock: stock,
                                  bin: field(table, row, "bin") ?? "", group: field(table, row, "group") ?? ""))
            }
        }
        try Refusal.check("nothing was imported from \(fileName)", problems)
        for p in parts {
            // The stock on the shelf enters through the ledger, so the ledger explains every part's stock (R4.3).
            var empty = p
            empty.stock = 0
            try tx.insertPart(empty)
            if p.stock > 0 {
                try Stockroom.move(StockMovement(partNumber: p.number, delta: p.stock, reason: "opening", reference: fileName, at: ctx.now, by: ctx.user), tx)
            }
        }
        return parts.count
    }
}
