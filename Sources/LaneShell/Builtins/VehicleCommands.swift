import LaneCore
import ServiceDepartment

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
        action: .change { inv, ctx in
            let request = VehicleRequest(vin: inv.option("vin"), plate: inv.option("plate"), model: inv.option("model"), owner: inv.option("owner"),
                                         sold: inv.option("sold"), mileage: inv.option("mileage"))
            let added = try ctx.desks.customers.addVehicle(request, by: ctx.caller(inv.line)).value
            return .message(added.message.description, record(added.vehicle, owner: added.owner, events: []))
        })

    static let show = CommandSpec(
        noun: "vehicle", verb: "show", summary: "Show a vehicle, its owner and latest visits",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        examples: ["vehicle show 粤B12345"],
        action: .lookup { inv, ctx in
            let file = try ctx.desks.customers.vehicle(inv.positional("vehicle") ?? "", by: ctx.caller(inv.line))
            return .record(record(file.vehicle, owner: file.owner, events: file.events))
        })

    static let list = CommandSpec(
        noun: "vehicle", verb: "list", summary: "List vehicles by plate",
        options: [
            OptionSpec("owner", value: "CUSTOMER", "Only this customer's vehicles", completion: .customers),
            OptionSpec("limit", value: "N", "At most N rows (default 50)"),
            OptionSpec("offset", value: "N", "Skip the first N rows"),
        ],
        action: .lookup { inv, ctx in
            let page = try Paging.read(inv)
            let rows = try ctx.desks.customers.vehicles(owner: inv.option("owner"), page.probingForMore, by: ctx.caller(inv.line))
            return .table(Paging.cut(table(Array(rows.prefix(page.limit)), owners: true), page, found: rows.count))
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
        action: .change { inv, ctx in
            let request = VehicleEditRequest(vehicle: inv.positional("vehicle") ?? "", plate: inv.option("plate"), model: inv.option("model"),
                                             sold: inv.option("sold"), mileage: inv.option("mileage"), on: inv.option("on"))
            let changed = try ctx.desks.customers.editVehicle(request, by: ctx.caller(inv.line)).value
            var r = record(changed.vehicle, owner: changed.owner, events: [])
            r.add(section: "changes", "changes", CustomerCommands.changeTable(changed.changes))
            return .message(changed.message.description, r)
        })

    static let transfer = CommandSpec(
        noun: "vehicle", verb: "transfer", summary: "Record a change of owner; the history stays with the vehicle",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        options: [
            OptionSpec("to", value: "CUSTOMER", "The new owner: code, mobile number or exact name", completion: .customers, required: true),
            OptionSpec("on", value: "DATE", "Day of the change (default today)"),
        ],
        examples: ["vehicle transfer 粤B12345 --to C0012"],
        action: .change { inv, ctx in
            let request = TransferRequest(vehicle: inv.positional("vehicle") ?? "", to: inv.option("to") ?? "", on: inv.option("on"))
            let moved = try ctx.desks.customers.transfer(request, by: ctx.caller(inv.line)).value
            var r = record(moved.vehicle, owner: moved.to, events: [])
            r.add("previous_owner_code", "previous owner", .optional(moved.from?.code))
            r.add("previous_owner_name", "previous owner name", .optional(moved.from?.name))
            r.add("transferred_on", "transferred", .date(moved.on))
            return .message(moved.message.description, r)
        })

    static let history = CommandSpec(
        noun: "vehicle", verb: "history", summary: "The vehicle's whole story: sale, visits, mileage, owners",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        examples: ["vehicle history 粤B12345"],
        action: .lookup { inv, ctx in
            .table(eventTable(try ctx.desks.customers.history(inv.positional("vehicle") ?? "", by: ctx.caller(inv.line))))
        })

    static func eventTable(_ events: [VehicleEvent]) -> Table {
        var t = Table(columns: [Column("date", "date"), Column("event", "event", words: VehicleEventKind.wordKind), Column("mileage_km", "km"),
                                Column("detail", "detail"), Column("recorded_by", "by")])
        for e in events {
            let what = e.visitKind?.title ?? e.kind.title
            t.rows.append([.date(e.occurredOn), .text(what), e.mileage.map(Value.int) ?? .none, .text(e.text), .text(e.recordedBy)])
        }
        return t
    }

    static func record(_ v: Vehicle, owner: CustomerCard?, events: [VehicleEvent]) -> Record {
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

    /// Vehicles by plate; with `owners`, each with its owner's code and name.
    static func table(_ rows: [VehicleRow], owners: Bool = false) -> Table {
        var columns = [Column("plate", "plate"), Column("model", "model"), Column("vin", "VIN"),
                       Column("sold_on", "sold"), Column("mileage_km", "km")]
        if owners { columns += [Column("owner_code", "owner"), Column("owner_name", "name")] }
        var t = Table(columns: columns)
        for row in rows {
            let v = row.vehicle
            var cells: [Value] = [.text(v.plate.value), .text(v.model), .text(v.vin.value), .date(v.soldOn), .int(v.mileage)]
            if owners { cells += [.optional(row.owner?.code), .optional(row.owner?.name)] }
            t.rows.append(cells)
        }
        return t
    }
}
