import LaneCore
import LaneStore

/// `vehicle add|show|list|edit|transfer|history`: the cars on the register.
enum VehicleCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "vehicle", "vehicles: register, look up, change owner, history")
        for spec in [add, show, list, edit, transfer, history] { try registry.register(spec) }
    }

    static let add = CommandSpec(
        noun: "vehicle", verb: "add", summary: "Register a vehicle for a customer",
        discussion: "The VIN's check digit is verified. Plates are ordinary (粤B12345) or new-energy (粤BD12345, 粤B12345D).",
        options: [
            OptionSpec("vin", value: "VIN", "17-character vehicle identification number", required: true),
            OptionSpec("plate", value: "PLATE", "Number plate, e.g. 粤B12345", required: true),
            OptionSpec("model", value: "MODEL", "Model as the maker names it, e.g. '星河 S5 1.5T'", required: true),
            OptionSpec("owner", value: "CUSTOMER", "The owner: code, mobile number or exact name", completion: .customers, required: true),
            OptionSpec("sold", value: "DATE", "Sale date, YYYY-MM-DD", required: true),
            OptionSpec("mileage", value: "KM", "Odometer at sale in km (default 0)"),
        ],
        examples: ["vehicle add --vin LXHCB1A24T0000017 --plate 粤BD12345 --model '星河 EV6' --owner C0001 --sold 2026-10-08"],
        action: .write { inv, ctx, tx in
            var problems: [Problem] = []
            var fields: VehicleFields?
            switch VehicleFields.validate(vin: inv.option("vin"), plate: inv.option("plate"), model: inv.option("model"),
                                          sold: inv.option("sold"), mileage: inv.option("mileage"), today: ctx.today) {
            case .success(let f): fields = f
            case .failure(let r): problems += r.problems
            }
            let owner = try References.customer(inv.option("owner"), tx, field: "owner", into: &problems)
            // Duplicates are checked even when other fields are wrong, so one refusal lists everything.
            let vin = inv.option("vin").flatMap { try? VIN.parse($0).get() }
            let plate = inv.option("plate").flatMap { try? LicensePlate.parse($0).get() }
            problems += try duplicates(vin: vin, plate: plate, tx, except: nil)
            guard problems.isEmpty, let f = fields, let owner else {
                throw Refusal("the vehicle cannot be registered", problems: problems)
            }
            let v = try tx.insertVehicle(f, ownerID: owner.id, at: ctx.now)
            try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: f.soldOn, mileage: f.mileage,
                               detail: "sold to \(owner.name) \(owner.code)", at: ctx.now, by: ctx.user)
            return .message("added vehicle \(v.plate) \(v.model) for \(owner.name) \(owner.code)", record(v, owner: owner, events: []))
        })

    /// VINs and plates are unique on the register.
    static func duplicates(vin: VIN?, plate: LicensePlate?, _ tx: any StoreReading, except id: Int64?) throws -> [Problem] {
        var problems: [Problem] = []
        if let vin, let other = try tx.vehicle(vin: vin.value), other.id != id {
            problems.append(Problem("vin", "\(vin) is already registered, on \(other.plate)"))
        }
        if let plate, let other = try tx.vehicle(plate: plate.value), other.id != id {
            problems.append(Problem("plate", "\(plate) is already registered, to VIN \(other.vin)"))
        }
        return problems
    }

    static let show = CommandSpec(
        noun: "vehicle", verb: "show", summary: "Show a vehicle, its owner and latest visits",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        examples: ["vehicle show 粤B12345"],
        action: .read { inv, _, tx in
            let v = try References.vehicle(inv.positional("vehicle") ?? "", tx)
            let owner = try tx.customer(id: v.ownerID)
            return .record(record(v, owner: owner, events: try tx.events(vehicleID: v.id)))
        })

    static let list = CommandSpec(
        noun: "vehicle", verb: "list", summary: "List vehicles by plate",
        options: [
            OptionSpec("owner", value: "CUSTOMER", "Only this customer's vehicles", completion: .customers),
            OptionSpec("limit", value: "N", "At most N rows (default 50)"),
            OptionSpec("offset", value: "N", "Skip the first N rows"),
        ],
        action: .read { inv, _, tx in
            let (limit, offset) = try Paging.read(inv)
            let vehicles: [Vehicle]
            if let ref = inv.option("owner") {
                vehicles = try tx.vehicles(ownerID: References.customer(ref, tx, field: "owner").id)
            } else {
                vehicles = try tx.vehicles(limit: limit, offset: offset)
            }
            var owners: [Int64: Customer] = [:]
            for v in vehicles where owners[v.ownerID] == nil { owners[v.ownerID] = try tx.customer(id: v.ownerID) }
            return .table(table(vehicles, owners: owners))
        })

    static let edit = CommandSpec(
        noun: "vehicle", verb: "edit", summary: "Change a vehicle's plate, model or sale date, or record its mileage",
        discussion: "Mileage never goes backwards: a reading lower than an earlier one is refused. Every change is kept in the vehicle's history.",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        options: [
            OptionSpec("plate", value: "PLATE", "New plate (re-registration)"),
            OptionSpec("model", value: "MODEL", "Corrected model"),
            OptionSpec("sold", value: "DATE", "Corrected sale date"),
            OptionSpec("mileage", value: "KM", "An odometer reading"),
            OptionSpec("on", value: "DATE", "Day of the mileage reading (default today)"),
        ],
        examples: ["vehicle edit 粤B12345 --mileage 12500", "vehicle edit 粤B12345 --plate 粤B54321"],
        action: .write { inv, ctx, tx in
            var v = try References.vehicle(inv.positional("vehicle") ?? "", tx)
            let before = v
            var problems: [Problem] = []
            var changes: [String] = []
            if let text = inv.option("plate") {
                switch LicensePlate.parse(text) {
                case .success(let p):
                    problems += try duplicates(vin: nil, plate: p, tx, except: v.id)
                    if p != v.plate { changes.append("plate \(v.plate) → \(p)"); v.plate = p }
                case .failure(let p): problems.append(p)
                }
            }
            if let text = inv.option("model") {
                let model = text.trimmingWhitespace()
                if let p = VehicleModel.problem(model) { problems.append(p) } else if model != v.model { changes.append("model \(v.model) → \(model)"); v.model = model }
            }
            if let text = inv.option("sold") {
                switch DateRule.past(text, field: "sold", today: ctx.today) {
                case .success(let d):
                    let firstEvent = try tx.events(vehicleID: v.id).filter { $0.kind != .sold }.map(\.occurredOn).min()
                    if let first = firstEvent, d > first {
                        problems.append(Problem("sold", "\(d) is after the first recorded visit or reading (\(first))"))
                    } else if d != v.soldOn { changes.append("sold \(v.soldOn) → \(d)"); v.soldOn = d }
                case .failure(let p): problems.append(p)
                }
            }
            var reading: MileageReading?
            if inv.option("on") != nil && inv.option("mileage") == nil {
                problems.append(Problem("on", "--on dates a mileage reading; give --mileage too"))
            }
            if let text = inv.option("mileage") {
                var day = ctx.today
                if let on = inv.option("on") {
                    switch DateRule.past(on, field: "on", today: ctx.today) {
                    case .success(let d): day = d
                    case .failure(let p): problems.append(p)
                    }
                }
                switch Odometer.parse(text) {
                case .success(let km):
                    let r = MileageReading(on: day, km: km)
                    if day < v.soldOn { problems.append(Problem("on", "\(day) is before the sale date \(v.soldOn)")) }
                    if let p = MileageRule.problem(adding: r, to: try tx.mileageReadings(vehicleID: v.id)) { problems.append(p) }
                    reading = r
                case .failure(let p): problems.append(p)
                }
            }
            try Refusal.check("the vehicle cannot be changed", problems)
            guard !changes.isEmpty || reading != nil else {
                throw Refusal("nothing to change", problems: [Problem("", "give --plate, --model, --sold or --mileage (with values that differ)")])
            }
            if let r = reading, r.km >= v.mileage {
                v.mileage = r.km
                v.mileageRecordedOn = max(r.on, v.mileageRecordedOn)
            }
            if v != before { try tx.updateVehicle(v) }
            if !changes.isEmpty {
                try tx.appendEvent(vehicleID: v.id, kind: .edit, visitKind: nil, on: ctx.today, mileage: nil,
                                   detail: changes.joined(separator: "; "), at: ctx.now, by: ctx.user)
            }
            if let r = reading {
                try tx.appendEvent(vehicleID: v.id, kind: .mileage, visitKind: nil, on: r.on, mileage: r.km,
                                   detail: "odometer reading", at: ctx.now, by: ctx.user)
                changes.append("mileage \(r.km) km on \(r.on)")
            }
            return .message("changed vehicle \(v.plate): " + changes.joined(separator: "; "),
                            record(v, owner: try tx.customer(id: v.ownerID), events: []))
        })

    static let transfer = CommandSpec(
        noun: "vehicle", verb: "transfer", summary: "Record a change of owner; the history stays with the vehicle",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        options: [
            OptionSpec("to", value: "CUSTOMER", "The new owner: code, mobile number or exact name", completion: .customers, required: true),
            OptionSpec("on", value: "DATE", "Day of the change (default today)"),
        ],
        examples: ["vehicle transfer 粤B12345 --to C0012"],
        action: .write { inv, ctx, tx in
            let v = try References.vehicle(inv.positional("vehicle") ?? "", tx)
            var problems: [Problem] = []
            var newOwner: Customer?
            switch try References.findCustomer(inv.option("to") ?? "", tx, field: "to") {
            case .success(let c): newOwner = c
            case .failure(let p): problems.append(p)
            }
            var day = ctx.today
            if let on = inv.option("on") {
                switch DateRule.past(on, field: "on", today: ctx.today) {
                case .success(let d): day = d
                case .failure(let p): problems.append(p)
                }
                if day < v.soldOn { problems.append(Problem("on", "\(day) is before the sale date \(v.soldOn)")) }
            }
            if let c = newOwner, c.id == v.ownerID { problems.append(Problem("to", "\(c.name) \(c.code) already owns \(v.plate)")) }
            guard problems.isEmpty, let to = newOwner else { throw Refusal("the vehicle cannot change owner", problems: problems) }
            let from = try tx.customer(id: v.ownerID)
            var changed = v
            changed.ownerID = to.id
            try tx.updateVehicle(changed)
            let fromText = from.map { "\($0.name) \($0.code)" } ?? "unknown"
            try tx.appendEvent(vehicleID: v.id, kind: .transfer, visitKind: nil, on: day, mileage: nil,
                               detail: "\(fromText) → \(to.name) \(to.code)", at: ctx.now, by: ctx.user)
            return .message("\(v.plate) now belongs to \(to.name) \(to.code) (was \(fromText))", record(changed, owner: to, events: []))
        })

    static let history = CommandSpec(
        noun: "vehicle", verb: "history", summary: "The vehicle's whole story: sale, visits, mileage, owners",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        examples: ["vehicle history 粤B12345"],
        action: .read { inv, _, tx in
            let v = try References.vehicle(inv.positional("vehicle") ?? "", tx)
            return .table(eventTable(try tx.events(vehicleID: v.id)))
        })

    static func eventTable(_ events: [VehicleEvent]) -> Table {
        var t = Table(columns: [Column("date", "date"), Column("event", "event"), Column("mileage_km", "km"),
                                Column("detail", "detail"), Column("recorded_by", "by")])
        for e in events {
            let what = e.visitKind?.title ?? e.kind.title
            t.rows.append([.date(e.occurredOn), .text(what), e.mileage.map(Value.int) ?? .none, .text(e.detail), .text(e.recordedBy)])
        }
        return t
    }

    static func record(_ v: Vehicle, owner: Customer?, events: [VehicleEvent]) -> Record {
        var r = Record()
        r.add("plate", "plate", .text(v.plate.value))
        r.add("new_energy", "new energy", .bool(v.plate.isNewEnergy))
        r.add("vin", "VIN", .text(v.vin.value))
        r.add("model", "model", .text(v.model))
        r.add("owner_code", "owner", .optional(owner.map { $0.code }))
        r.add("owner_name", "owner name", .optional(owner.map { $0.name }))
        r.add("sold_on", "sold", .date(v.soldOn))
        r.add("mileage_km", "mileage (km)", .int(v.mileage))
        r.add("mileage_on", "mileage read", .date(v.mileageRecordedOn))
        let visits = events.filter { $0.kind == .visit }
        if !events.isEmpty {
            r.add("visits", "visits", .int(visits.count))
            r.add("last_visit", "last visit", visits.last.map { .date($0.occurredOn) } ?? .none)
            r.add(section: "recent", "latest history", eventTable(Array(events.suffix(5))))
        }
        return r
    }

    static func table(_ vehicles: [Vehicle], owners: [Int64: Customer]) -> Table {
        var columns = [Column("plate", "plate"), Column("model", "model"), Column("vin", "VIN"),
                       Column("sold_on", "sold"), Column("mileage_km", "km")]
        if !owners.isEmpty { columns += [Column("owner_code", "owner"), Column("owner_name", "name")] }
        var t = Table(columns: columns)
        for v in vehicles {
            var row: [Value] = [.text(v.plate.value), .text(v.model), .text(v.vin.value), .date(v.soldOn), .int(v.mileage)]
            if !owners.isEmpty {
                let o = owners[v.ownerID]
                row += [.optional(o?.code), .optional(o?.name)]
            }
            t.rows.append(row)
        }
        return t
    }
}
