import LaneCore
import LaneStore

/// `customer add|show|list|find|edit`: the people who bring cars in.
enum CustomerCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "customer", "customers: add, look up, change")
        try registry.register(add)
        try registry.register(show)
        try registry.register(list)
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
            let customer = try tx.insertCustomer(number: try tx.nextCustomerNumber(), fields: fields, at: ctx.now)
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
            c.name = fields.name
            c.phone = fields.phone
            c.address = fields.address
            try tx.updateCustomer(c)
            return .message("changed customer \(c.code) \(c.name)", record(c, vehicles: try tx.vehicles(ownerID: c.id), ctx))
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
