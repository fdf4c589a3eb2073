import LaneCore
import ServiceDepartment
import LaneStore

/// `customer add|show|list|find|edit`: the people who bring cars in.
enum CustomerCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "customer", "customers: add, look up, change")
        try registry.register(add)
        try registry.register(show)
        try registry.register(list)
        try registry.register(export)
        try registry.register(erase)
        try registry.register(find)
        try registry.register(edit)
    }

    static let add = CommandSpec(
        noun: "customer", verb: "add", summary: "Register a new customer",
        discussion: "The customer gets the next code (C0001, C0002, …). A customer with the same name and mobile number is refused as a duplicate.",
        options: [
            OptionSpec("name", value: "NAME", "Full name as on their ID, e.g. 王小明", required: true),
            OptionSpec("phone", value: "PHONE", "Mainland mobile number, e.g. 13800138000", required: true),
            OptionSpec("address", value: "TEXT", "Postal address"),
        ],
        examples: ["customer add --name 王小明 --phone 13800138000 --address '广东省深圳市南山区科技园路1号'"],
        action: .write { inv, ctx, tx in
            let fields = try CustomerFields.validate(name: inv.option("name"), phone: inv.option("phone"), address: inv.option("address")).get()
            if let same = try tx.customers(phone: fields.phone.digits).first(where: { $0.name == fields.name }) {
                throw Refusal("the customer is already registered", problems: [Problem("", "\(same.name) with \(same.phone.digits) is \(same.code)")])
            }
            let customer = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: ctx.now)
            return .message("added customer \(customer.code) \(customer.name)", record(customer, vehicles: [], ctx))
        })

    static let show = CommandSpec(
        noun: "customer", verb: "show", summary: "Show a customer and their vehicles",
        positionals: [PositionalSpec("customer", "Code (C0007), mobile number or exact name", completion: .customers, current: .customer)],
        examples: ["customer show C0007", "customer show 王小明", "customer show 13800138000"],
        action: .read { inv, ctx, tx in
            let c = try References.customer(inv.positional("customer") ?? "", tx)
            return .record(record(c, vehicles: try tx.vehicles(ownerID: c.id), ctx))
        })

    static let list = CommandSpec(
        noun: "customer", verb: "list", summary: "List customers by code",
        options: [
            OptionSpec("limit", value: "N", "At most N rows (default 50)"),
            OptionSpec("offset", value: "N", "Skip the first N rows"),
        ],
        action: .read { inv, ctx, tx in
            let (limit, offset) = try Paging.read(inv)
            return .table(try table(try tx.customers(limit: limit, offset: offset), tx, ctx))
        })

    static let find = CommandSpec(
        noun: "customer", verb: "find", summary: "Find customers by name, phone, plate or code",
        discussion: """
            TEXT is matched against the start of a name (王 finds 王小明), a mobile number's first or last digits \
            (138…, or the last four as people read them out), the start of a plate of a car they own (粤B12), or a code.
            """,
        positionals: [PositionalSpec("text", "What to look for", completion: .customers)],
        examples: ["customer find 王", "customer find 8000", "customer find 粤BD"],
        action: .read { inv, ctx, tx in
            let text = (inv.positional("text") ?? "").trimmingWhitespace()
            guard !text.isEmpty else { throw Refusal("say what to look for", problems: [Problem("text", "is empty")]) }
            var found: [Customer] = []
            var seen = Set<Int64>()
            func take(_ cs: [Customer]) { for c in cs where seen.insert(c.id).inserted { found.append(c) } }
            let limit = 50
            if Customer.looksLikeCode(text), let n = Int(text.dropFirst()), let c = try tx.customer(number: n) { take([c]) }
            if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                take(try tx.customers(phonePrefix: text, tail: false, limit: limit))
                if text.count <= 8 { take(try tx.customers(phonePrefix: text, tail: true, limit: limit)) }
            }
            let upper = text.uppercased()
            if let first = upper.first, LicensePlateHint.startsPlate(first) {
                for v in try tx.vehicles(platePrefix: upper, limit: limit) {
                    if let owner = try tx.customer(id: v.ownerID) { take([owner]) }
                }
            }
            take(try tx.customers(namePrefix: text, limit: limit))
            var result = try table(found, tx, ctx)
            result.emptyText = "no customer's name, mobile number, plate or code starts with '\(text)'"
            return .table(result)
        })

    static let edit = CommandSpec(
        noun: "customer", verb: "edit", summary: "Change a customer's name, phone or address",
        positionals: [PositionalSpec("customer", "Code, mobile number or exact name", completion: .customers, current: .customer)],
        options: [
            OptionSpec("name", value: "NAME", "New name"),
            OptionSpec("phone", value: "PHONE", "New mobile number"),
            OptionSpec("address", value: "TEXT", "New address ('' clears it)"),
        ],
        examples: ["customer edit C0007 --phone 13912345678"],
        action: .write { inv, ctx, tx in
            var c = try References.customer(inv.positional("customer") ?? "", tx)
            guard inv.option("name") != nil || inv.option("phone") != nil || inv.option("address") != nil else {
                throw Refusal("nothing to change", problems: [Problem("", "give --name, --phone or --address")])
            }
            let fields = try CustomerFields.validate(name: inv.option("name") ?? c.name, phone: inv.option("phone") ?? c.phone.digits,
                                                     address: inv.option("address") ?? c.address).get()
            // Before → after, for the answer and the audit trail.
            var changes: [String] = []
            if fields.name != c.name { changes.append("name \(c.name) → \(fields.name)") }
            if fields.phone != c.phone { changes.append("phone \(c.phone.digits) → \(fields.phone.digits)") }
            if fields.address != c.address { changes.append("address \(c.address ?? "-") → \(fields.address ?? "-")") }
            c.name = fields.name
            c.phone = fields.phone
            c.address = fields.address
            try tx.updateCustomer(c)
            let what = changes.isEmpty ? "nothing changed" : changes.joined(separator: "; ")
            return .message("changed customer \(c.code) \(c.name): \(what)", record(c, vehicles: try tx.vehicles(ownerID: c.id), ctx))
        })

    static let export = CommandSpec(
        noun: "customer", verb: "export", summary: "Everything held on a customer, for the customer (X4)",
        discussion: "Their details, vehicles and history, repair orders with money, appointments, calls, follow-ups and complaints. `--format json` gives one document.",
        positionals: [PositionalSpec("customer", "Code, mobile number or exact name", completion: .customers, current: .customer)],
        action: .read { inv, ctx, tx in
            let c = try References.findCustomer(inv.positional("customer") ?? "", tx).get()
            var r = Record()
            r.add("code", "code", .text(c.code))
            r.add("name", "name", .text(c.name))
            r.add("phone", "phone", .text(c.phone.digits))
            r.add("address", "address", .optional(c.address))
            r.add("created_at", "since", .time(c.createdAt))
            let vehicles = try tx.vehicles(ownerID: c.id)
            r.add(section: "vehicles", "vehicles", VehicleCommands.table(vehicles, owners: [:]))
            var history = Table(columns: [Column("plate", "plate"), Column("date", "date"), Column("event", "event"), Column("mileage_km", "km"),
                                          Column("detail", "detail")], emptyText: "no history")
            var orders = Table(columns: [Column("number", "repair order"), Column("plate", "plate"), Column("opened_at", "opened"),
                                         Column("status", "status"), Column("total_fen", "total"), Column("paid_fen", "paid"),
                                         Column("invoice", "invoice")], emptyText: "no repair orders")
            var appointments = Table(columns: [Column("number", "appointment"), Column("start", "start"), Column("job", "job"),
                                               Column("status", "status")], emptyText: "no appointments")
            var calls = Table(columns: [Column("at", "called"), Column("kind", "reminder"), Column("outcome", "outcome"), Column("reason", "reason")],
                              emptyText: "no reminder calls")
            var followUps = Table(columns: [Column("at", "called"), Column("ro", "repair order"), Column("call", "call"), Column("score", "score"),
                                            Column("comment", "comment")], emptyText: "no follow-up calls")
            for v in vehicles {
                for e in try tx.events(vehicleID: v.id) {
                    history.rows.append([.text(v.plate.value), .date(e.occurredOn), .text(e.kind.rawValue), e.mileage.map(Value.int) ?? .none, .text(e.detail)])
                }
                for o in try tx.repairOrders(vehicleID: v.id) where o.customerID == c.id {
                    orders.rows.append([.text(o.number), .text(v.plate.value), .time(o.openedAt), .text(o.status.rawValue),
                                        .money(o.settlement(vatBasisPoints: ctx.settings.vatBasisPoints).total),
                                        o.payment.map { .money($0.amount) } ?? .none, .optional(o.payment?.invoiceNumber)])
                    for f in try tx.followUps(orderID: o.id) {
                        followUps.rows.append([.time(f.at), .text(o.number), .text(f.call.rawValue), f.score.map(Value.int) ?? .none, .text(f.comment)])
                    }
                }
                for a in try tx.appointments(vehicleID: v.id) where a.customerID == c.id {
                    appointments.rows.append([.text(a.number), .time(a.start), .text(a.job), .text(a.status.rawValue)])
                }
                for e in try tx.reminderLog(vehicleID: v.id) {
                    calls.rows.append([.time(e.at), .text(e.kind.rawValue), .text(e.outcome.rawValue), .text(e.reason)])
                }
            }
            var complaints = Table(columns: [Column("opened_at", "opened"), Column("status", "status"), Column("text", "complaint"),
                                             Column("action", "action")], emptyText: "no complaints")
            for k in try tx.complaints(statuses: Complaint.Status.allCases) where k.customerID == c.id {
                complaints.rows.append([.time(k.openedAt), .text(k.status.rawValue), .text(k.text), .text(k.action)])
            }
            r.add(section: "history", "vehicle history", history)
            r.add(section: "repair_orders", "repair orders", orders)
            r.add(section: "appointments", "appointments", appointments)
            r.add(section: "reminder_calls", "reminder calls", calls)
            r.add(section: "follow_ups", "follow-up calls", followUps)
            r.add(section: "complaints", "complaints", complaints)
            return .record(r)
        })

    static let erase = CommandSpec(
        noun: "customer", verb: "erase", summary: "Anonymise a customer; the financial records the law requires stay (X4)",
        discussion: """
            Name, mobile number and address go, with the words they left in notes, follow-up comments and complaints. Vehicles, \
            repair orders, settlements and payments stay, under the customer code. The audit trail keeps the commands as typed: it \
            is append-only by design. Type the customer code again with --confirm.
            """,
        positionals: [PositionalSpec("customer", "Customer code", completion: .customers)],
        options: [OptionSpec("confirm", value: "CODE", "The customer code again", required: true)],
        action: .write { inv, ctx, tx in
            let erased = try CustomerDesk.erase(EraseRequest(customer: inv.positional("customer") ?? "", confirmation: inv.option("confirm")),
                                                by: ctx.caller(inv.line), tx)
            var r = Record()
            r.add("code", "code", .text(erased.code))
            r.add("name", "name", .text(erased.name))
            var items = Table(columns: [Column("what", "erased"), Column("replacement", "now")])
            for item in erased.erasure.items { items.rows.append([.text(item.key), .optional(item.replacement)]) }
            r.add(section: "erased", "erased", items)
            return .message(erased.message.description, r)
        })

    static func record(_ c: Customer, vehicles: [Vehicle], _ ctx: CommandContext) -> Record {
        var r = Record()
        r.add("code", "code", .text(c.code))
        r.add("name", "name", .text(c.name))
        r.add("phone", "phone", .text(ctx.privacy.phone(c.phone)))
        r.add("address", "address", .optional(ctx.privacy.address(c.address)))
        r.add("created_at", "since", .time(c.createdAt))
        r.add(section: "vehicles", "vehicles", VehicleCommands.table(vehicles, owners: [:]))
        return r
    }

    static func table(_ customers: [Customer], _ tx: any StoreReading, _ ctx: CommandContext) throws -> Table {
        var t = Table(columns: [Column("code", "code"), Column("name", "name"), Column("phone", "phone"),
                                Column("vehicles", "vehicles"), Column("address", "address")])
        for c in customers {
            let plates = try tx.vehicles(ownerID: c.id).map(\.plate.value).joined(separator: " ")
            t.rows.append([.text(c.code), .text(c.name), .text(ctx.privacy.phone(c.phone)), .text(plates), .optional(ctx.privacy.address(c.address))])
        }
        return t
    }
}

enum LicensePlateHint {
    static let provinces = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    static func startsPlate(_ ch: Character) -> Bool { provinces.contains(ch) }
}

/// `--limit` and `--offset` for lists.
enum Paging {
    static func read(_ inv: Invocation, defaultLimit: Int = 50) throws -> (limit: Int, offset: Int) {
        var problems: [Problem] = []
        func number(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let text = inv.option(name) else { return fallback }
            guard let n = Int(text), range.contains(n) else {
                problems.append(Problem(name, "'\(text)' should be a whole number from \(range.lowerBound) to \(range.upperBound)"))
                return fallback
            }
            return n
        }
        let limit = number("limit", defaultLimit, 1...10_000)
        let offset = number("offset", 0, 0...10_000_000)
        try Refusal.check("the list cannot be shown", problems)
        return (limit, offset)
    }
}
