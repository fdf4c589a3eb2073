import LaneCore
import LaneStore
import ServiceDepartment

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
        action: .change { inv, ctx in
            let request = CustomerRequest(name: inv.option("name"), phone: inv.option("phone"), address: inv.option("address"))
            let added = try ctx.desks.customers.add(request, by: ctx.caller(inv.line)).value
            return .message(added.message.description, record(added.customer, vehicles: []))
        })

    static let show = CommandSpec(
        noun: "customer", verb: "show", summary: "Show a customer and their vehicles",
        positionals: [PositionalSpec("customer", "Code (C0007), mobile number or exact name", completion: .customers, current: .customer)],
        examples: ["customer show C0007", "customer show 王小明", "customer show 13800138000"],
        action: .lookup { inv, ctx in
            let file = try ctx.desks.customers.show(inv.positional("customer") ?? "", by: ctx.caller(inv.line))
            return .record(record(file.customer, vehicles: file.vehicles))
        })

    static let list = CommandSpec(
        noun: "customer", verb: "list", summary: "List customers by code",
        options: [
            OptionSpec("limit", value: "N", "At most N rows (default 50)"),
            OptionSpec("offset", value: "N", "Skip the first N rows"),
        ],
        action: .lookup { inv, ctx in
            let page = try Paging.read(inv)
            let rows = try ctx.desks.customers.list(page.probingForMore, by: ctx.caller(inv.line))
            return .table(Paging.cut(table(Array(rows.prefix(page.limit))), page, found: rows.count))
        })

    static let find = CommandSpec(
        noun: "customer", verb: "find", summary: "Find customers by name, phone, plate or code",
        discussion: """
            TEXT is matched against any part of a name (晓峰 finds 欧阳晓峰), its pinyin or initials (ouyang, oyxf), \
            a mobile number's first or last digits (138…, or the last four as people read them out), the start of a \
            plate of a car they own (粤B12, or B12 with the store's prefix), or a code. Names come in pinyin order. \
            Roles that see numbers masked give the whole number or its last four digits, never its first digits.
            """,
        positionals: [PositionalSpec("text", "What to look for", completion: .customers)],
        examples: ["customer find 王", "customer find oyxf", "customer find 8000", "customer find BC45"],
        action: .lookup { inv, ctx in
            let text = inv.positional("text") ?? ""
            var result = table(try ctx.desks.customers.find(text, by: ctx.caller(inv.line)))
            result.emptyText = Message("customer.nothing_found", ["text": .text(text.trimmingWhitespace())]).description
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
        action: .change { inv, ctx in
            let request = CustomerEditRequest(customer: inv.positional("customer") ?? "", name: inv.option("name"), phone: inv.option("phone"),
                                              address: inv.option("address"))
            let changed = try ctx.desks.customers.edit(request, by: ctx.caller(inv.line)).value
            var r = record(changed.customer, vehicles: changed.vehicles)
            r.add(section: "changes", "changes", changeTable(changed.changes))
            return .message(changed.message.description, r)
        })

    static let export = CommandSpec(
        noun: "customer", verb: "export", summary: "Everything held on a customer, for the customer (X4)",
        discussion: """
            Their details, vehicles and history (the cars they owned before too: the rows about them and their visits), repair \
            orders with money, appointments, calls, follow-ups with comments, complaints, and what plugins keep on them (the survey's \
            answers). `--format json` gives one document.
            """,
        positionals: [PositionalSpec("customer", "Code, mobile number or exact name", completion: .customers, current: .customer)],
        action: .lookup { inv, ctx in
            let e = try ctx.desks.customers.export(inv.positional("customer") ?? "", by: ctx.caller(inv.line),
                                            plugins: ctx.plugins.customerRecords(ctx))
            var r = Record()
            r.add("code", "code", .text(e.customer.code))
            r.add("name", "name", .text(e.customer.name))
            r.add("phone", "phone", .text(e.customer.phone))
            r.add("address", "address", .optional(e.customer.address))
            r.add("created_at", "since", .time(e.customer.createdAt))
            r.add(section: "vehicles", "vehicles", VehicleCommands.table(e.vehicles.map { VehicleRow(vehicle: $0, owner: nil) }))
            var history = Table(columns: [Column("plate", "plate"), Column("date", "date"), Column("event", "event", words: VehicleEventKind.wordKind), Column("mileage_km", "km"),
                                          Column("detail", "detail")], emptyText: Message("empty.no_history").description)
            for (plate, ev) in e.history {
                history.rows.append([.text(plate), .date(ev.occurredOn), .text(ev.kind.rawValue), ev.mileage.map(Value.int) ?? .none, .text(ev.text)])
            }
            var orders = Table(columns: [Column("number", "repair order"), Column("plate", "plate"), Column("opened_at", "opened"),
                                         Column("status", "status", words: RepairOrderStatus.wordKind), Column("total_fen", "total"), Column("paid_fen", "paid"),
                                         Column("invoice", "invoice")], emptyText: Message("empty.no_repair_orders").description)
            for (o, plate, total) in e.orders {
                orders.rows.append([.text(o.number), .text(plate), .time(o.openedAt), .text(o.status.rawValue), .money(total),
                                    o.payment.map { .money($0.amount) } ?? .none, .optional(o.payment?.invoiceNumber)])
            }
            var appointments = Table(columns: [Column("number", "appointment"), Column("start", "start"), Column("job", "job"),
                                               Column("status", "status", words: AppointmentStatus.wordKind)], emptyText: Message("empty.no_appointments").description)
            for a in e.appointments { appointments.rows.append([.text(a.number), .time(a.start), .text(a.job), .text(a.status.rawValue)]) }
            var calls = Table(columns: [Column("at", "called"), Column("kind", "reminder", words: ReminderKind.wordKind), Column("outcome", "outcome", words: ReminderOutcome.wordKind), Column("reason", "reason")],
                              emptyText: Message("empty.no_reminder_calls").description)
            for c in e.reminderCalls { calls.rows.append([.time(c.at), .text(c.kind.rawValue), .text(c.outcome.rawValue), .text(c.reason)]) }
            var followUps = Table(columns: [Column("at", "called"), Column("ro", "repair order"), Column("call", "call", words: FollowUpCall.wordKind), Column("score", "score"),
                                            Column("comment", "comment")], emptyText: Message("empty.no_follow_up_calls").description)
            for (f, number) in e.followUps {
                followUps.rows.append([.time(f.at), .text(number), .text(f.call.rawValue), f.score.map(Value.int) ?? .none, .text(f.comment)])
            }
            var complaints = Table(columns: [Column("opened_at", "opened"), Column("ro", "repair order"), Column("status", "status", words: Complaint.Status.wordKind),
                                             Column("text", "complaint"), Column("finding", "finding"), Column("action", "action")],
                                   emptyText: Message("empty.no_complaints").description)
            for (k, number) in e.complaints {
                complaints.rows.append([.time(k.openedAt), .optional(number), .text(k.status.rawValue), .text(k.text), .text(k.finding), .text(k.action)])
            }
            r.add(section: "history", "vehicle history", history)
            r.add(section: "repair_orders", "repair orders", orders)
            r.add(section: "appointments", "appointments", appointments)
            r.add(section: "reminder_calls", "reminder calls", calls)
            r.add(section: "follow_ups", "follow-up calls", followUps)
            r.add(section: "complaints", "complaints", complaints)
            var audit = Table(columns: [Column("at", "time"), Column("user", "by"), Column("command", "command"), Column("summary", "result")],
                              emptyText: Message("empty.no_audit_rows").description)
            for a in e.audit { audit.rows.append([.time(a.at), .text(a.user), .text(a.command), .text(a.summary.replacingLineBreaks())]) }
            r.add(section: "audit", "audit trail", audit)
            for s in e.plugins { r.add(section: s.key, s.title, s.table) }
            return .record(r)
        })

    static let erase = CommandSpec(
        noun: "customer", verb: "erase", summary: "Anonymise a customer; the financial records the law requires stay (X4)",
        discussion: """
            Name, mobile number and address go, with the words they left in notes, follow-up comments and complaints. In the texts \
            about their visits and cars (complaint and check-in sheets, timelines, the histories of every car they owned) their code \
            replaces their name and their number, however written, goes; plugins clear their own tables (survey comments). Vehicles, \
            repair orders, settlements and payments stay, under the customer code. The audit trail keeps its rows (append-only), \
            but the personal values kept apart from them (names, numbers, addresses, free text) go, and show as (erased). Type the customer code again with --confirm.
            """,
        positionals: [PositionalSpec("customer", "Customer code", completion: .customers)],
        options: [OptionSpec("confirm", value: "CODE", "The customer code again", required: true)],
        action: .change { inv, ctx in
            let erased = try ctx.desks.customers.erase(EraseRequest(customer: inv.positional("customer") ?? "", confirmation: inv.option("confirm")),
                                                by: ctx.caller(inv.line), plugins: ctx.plugins.customerRecords(ctx)).value
            var r = Record()
            r.add("code", "code", .text(erased.code))
            r.add("name", "name", .text(erased.name))
            var items = Table(columns: [Column("what", "erased"), Column("replacement", "now")])
            for item in erased.erasure.items { items.rows.append([.text(item.key), .optional(item.replacement)]) }
            r.add(section: "erased", "erased", items)
            return .message(erased.message.description, r)
        })

    /// A customer as the desk gave them (contacts already as the caller may see them).
    static func record(_ c: CustomerCard, vehicles: [Vehicle]) -> Record {
        var r = Record()
        r.add("code", "code", .text(c.code))
        r.add("name", "name", .text(c.name))
        r.add("phone", "phone", .text(c.phone))
        r.add("address", "address", .optional(c.address))
        r.add("created_at", "since", .time(c.createdAt))
        r.add(section: "vehicles", "vehicles", VehicleCommands.table(vehicles.map { VehicleRow(vehicle: $0, owner: nil) }))
        return r
    }

    /// Each changed field, before and after.
    static func changeTable(_ changes: [FieldChange]) -> Table {
        var t = Table(columns: [Column("field", "field"), Column("before", "before"), Column("after", "after")],
                      emptyText: Message("change.nothing").description)
        for c in changes { t.rows.append([.text(c.field), .optional(c.before), .optional(c.after)]) }
        return t
    }

    static func table(_ rows: [CustomerRow]) -> Table {
        var t = Table(columns: [Column("code", "code"), Column("name", "name"), Column("phone", "phone"),
                                Column("vehicles", "vehicles"), Column("address", "address")])
        for row in rows {
            let c = row.customer
            t.rows.append([.text(c.code), .text(c.name), .text(c.phone), .text(row.plates.joined(separator: " ")), .optional(c.address)])
        }
        return t
    }
}

/// `--limit` and `--offset` for lists.
enum Paging {
    static func read(_ inv: Invocation, defaultLimit: Int = 50) throws -> Page {
        var problems: [Problem] = []
        func number(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let text = inv.option(name) else { return fallback }
            guard let n = Int(text), range.contains(n) else {
                problems.append(Problem(name, Message("input.not_in_range", ["given": .text(text), "min": .int(range.lowerBound),
                                                                             "max": .int(range.upperBound)])))
                return fallback
            }
            return n
        }
        let limit = number("limit", defaultLimit, 1...10_000)
        let offset = number("offset", 0, 0...10_000_000)
        try Refusal.check(Message("input.cannot_list"), problems)
        return Page(limit: limit, offset: offset)
    }

    /// A list cut at its limit says so under the table. Counting every row
    /// would grow with the fleet, so one row more than the page is asked for:
    /// when it comes, more follow.
    static func cut(_ table: Table, _ page: Page, found: Int) -> Table {
        guard found > page.limit else { return table }
        var t = table
        t.footnote = Message("terminal.rows_more", ["first": .int(page.offset + 1), "last": .int(page.offset + page.limit),
                                                   "next": .int(page.offset + page.limit)]).description
        return t
    }
}

extension Page {
    /// The same page with one row more, to learn whether more follow.
    var probingForMore: Page { Page(limit: limit + 1, offset: offset) }
}
