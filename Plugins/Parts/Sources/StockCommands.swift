import LanePlugin

/// `parts find|stock|reorder|reservations|ledger`: what is on the shelves,
/// for whom it is put aside, and every movement that got it there.
enum StockCommands {
    static let partPositional = PositionalSpec("part", "Part number, e.g. XH-45022-0011", completion: .parts)

    /// The part named on the line, or a problem saying there is none.
    static func part(_ text: String?, _ context: any PluginContext, field: String = "part", into problems: inout [Problem]) throws -> Part? {
        let number = (text ?? "").trimmingWhitespace().uppercased()
        if let p = try context.part(number: number) { return p }
        problems.append(Problem(field, number.isEmpty ? Message("parts.give_part_number") : Message("parts.no_such_part", ["part": .text(number)])))
        return nil
    }

    static func levelTable(emptyText: String) -> Table {
        Table(columns: [Column("bin", "bin"), Column("number", "number"), Column("name", "part"), Column("on_hand", "on hand"),
                        Column("reserved", "reserved"), Column("available", "available"), Column("on_order", "on order"),
                        Column("reorder_point", "reorder at"), Column("low", "low", words: "parts.level")], emptyText: emptyText)
    }

    static func row(_ l: StockLevel) -> [Value] {
        [.text(l.part.bin), .text(l.part.number), .text(l.part.name), .int(l.part.stock), .int(l.reserved), .int(l.available),
         .int(l.onOrder), l.reorderPoint.map(Value.int) ?? .none, .text(l.isLow ? "low" : "")]
    }

    static let find = PluginCommand(
        noun: "parts", verb: "find", summary: "Look a part up by number, name (Chinese too) or group, with what is free to use",
        discussion: "Matches part numbers containing TEXT (so a prefix or a middle group of digits), names containing it, and the group. "
            + "Available is on hand less what appointments have reserved; on order is what open back-orders still bring.",
        positionals: [PositionalSpec("text", "Part number, part of a name, or a group, e.g. 刹车片, XH-450, brake")],
        examples: ["parts find 刹车片", "parts find XH-45022", "parts find brake"],
        access: .lookup
    ) { args, context in
        let text = (args.positional("text") ?? "").trimmingWhitespace()
        guard !text.isEmpty else {
            throw Refusal(Message("parts.cannot_find"), problems: [Problem("text", Message("parts.give_search_text"))])
        }
        let upper = text.uppercased()
        // A group by its code, its word in either language or a counter's word (`三电`, `易损件`).
        let group = PartGroup.code(typed: text) ?? text.lowercased()
        var t = Table(columns: [Column("number", "number"), Column("name", "part"), Column("group", "group", words: PartGroup.wordKind), Column("bin", "bin"),
                                Column("on_hand", "on hand"), Column("reserved", "reserved"), Column("available", "available"),
                                Column("on_order", "on order"), Column("next_eta", "next ETA"), Column("price_fen", "price")],
                      emptyText: Message("parts.no_match", ["text": .text(text)]).description)
        for l in try StockLevels.all(context)
        where l.part.number.contains(upper) || l.part.name.contains(text) || l.part.group.lowercased() == group {
            t.rows.append([.text(l.part.number), .text(l.part.name), .text(l.part.group), .text(l.part.bin), .int(l.part.stock),
                           .int(l.reserved), .int(l.available), .int(l.onOrder), l.nextETA.map(Value.date) ?? .none, .money(l.part.price)])
        }
        return .table(t)
    }

    static let stock = PluginCommand(
        noun: "parts", verb: "stock", summary: "Stock by bin: on hand, reserved, available, on order, reorder point",
        discussion: "Bins are sorted, parts listed in them. --bin takes a whole bin or the start of one (C-02 is the whole shelf). "
            + "--low keeps the parts whose available stock is below their reorder point (`parts reorder`, or the group's in store.toml).",
        options: [OptionSpec("bin", value: "BIN", "Only this bin, or bins starting so (e.g. C-02)"),
                  OptionSpec("low", "Only parts below their reorder point")],
        examples: ["parts stock", "parts stock --bin C-02", "parts stock --low"],
        access: .lookup
    ) { args, context in
        var levels = try StockLevels.all(context)
        if let bin = args.option("bin")?.trimmingWhitespace().uppercased() {
            levels = levels.filter { $0.part.bin.uppercased().hasPrefix(bin) }
            if levels.isEmpty {
                let shelves = Set(try context.parts().map { String($0.bin.prefix(1)) }).sorted().joined(separator: ", ")
                throw Refusal(Message("parts.cannot_show_stock"), problems: [Problem("bin", Message("parts.no_such_bin", ["bin": .text(bin), "shelves": .text(shelves)]))])
            }
        }
        if args.flag("low") { levels = levels.filter(\.isLow) }
        var t = levelTable(emptyText: Message(args.flag("low") ? "parts.none_low" : "parts.no_parts").description)
        for l in levels.sorted(by: { ($0.part.bin, $0.part.number) < ($1.part.bin, $1.part.number) }) { t.rows.append(row(l)) }
        return .table(t)
    }

    static let reorder = PluginCommand(
        noun: "parts", verb: "reorder", summary: "Set a part's reorder point: below it, `parts stock --low` and `today` report the part",
        discussion: "A part's own point wins over its group's (`reorder_GROUP` in store.toml [plugin.parts]) and the store default (`reorder_default`). "
            + "0 means the part is never reported low.",
        positionals: [partPositional],
        options: [OptionSpec("point", value: "N", "Report the part low when fewer than N are available", required: true)],
        examples: ["parts reorder XH-45022-0011 --point 4"],
        access: .changes(roles: [.partsManager])
    ) { args, context in
        var problems: [Problem] = []
        let found = try part(args.positional("part"), context, into: &problems)
        let text = args.option("point") ?? ""
        let point = Int(text)
        if point == nil || !(0...99_999).contains(point ?? -1) { problems.append(Problem("point", Message("parts.bad_point", ["given": .text(text)]))) }
        try Refusal.check(Message("parts.cannot_set_point"), problems)
        guard let found, let point else { return .nothing }
        let before = try ReorderPolicy(context)
        let was = before.point(for: found).map { "\($0) (\(before.source(for: found)))" } ?? "none"
        try PartsTables.setReorderPoint(context, part: found.number, point: point)
        return .message("\(found.number) \(found.name): reorder point \(point), was \(was)", nil)
    }

    static let reservations = PluginCommand(
        noun: "parts", verb: "reservations", summary: "Parts put aside for appointments: for whom, which day, how many",
        discussion: "Reservations are made with `appt prepare --reserve` and released when the customer arrives, misses or cancels.",
        positionals: [PositionalSpec("part", "Only this part", completion: .parts, optional: true)],
        examples: ["parts reservations", "parts reservations XH-15400-0001"],
        access: .lookup
    ) { args, context in
        var problems: [Problem] = []
        var only: Part?
        if args.positional("part") != nil { only = try part(args.positional("part"), context, into: &problems) }
        try Refusal.check(Message("parts.cannot_list_reservations"), problems)
        let offset = context.settings.utcOffset
        var t = Table(columns: [Column("appointment", "appointment"), Column("day", "day"), Column("start", "start"), Column("customer", "customer"),
                                Column("plate", "plate"), Column("part", "part"), Column("name", "name"), Column("qty", "qty"), Column("label", "label")],
                      emptyText: (only.map { Message("parts.nothing_reserved_of", ["part": .text($0.number)]) } ?? Message("parts.nothing_reserved")).description)
        let list = try context.openReservations(partNumber: only?.number)
            .sorted { ($0.appointment.start, $0.appointment.number) < ($1.appointment.start, $1.appointment.number) }
        for r in list {
            let a = r.appointment
            let customer = try context.customer(id: a.customerID)
            let vehicle = try a.vehicleID.flatMap { try context.vehicle(id: $0) }
            t.rows.append([.text(a.number), .date(a.start.date(in: offset)), .time(a.start), .text(customer?.name ?? "?"),
                           .text(vehicle?.plate.value ?? "?"), .text(r.reservation.partNumber),
                           .text(try context.part(number: r.reservation.partNumber)?.name ?? ""), .int(r.reservation.quantity),
                           .text(r.reservation.label)])
        }
        return .table(t)
    }

    static let ledger = PluginCommand(
        noun: "parts", verb: "ledger", summary: "Every movement of a part, oldest first, with the running balance",
        discussion: "The core's stock ledger: receipts (`parts receive`), issues against repair orders (`ro issue`, signed by the technician). "
            + "the opening stock the catalogue was loaded with (seed load, import). Stock the ledger cannot explain "
            + "(a database loaded before the ledger kept opening rows) is shown first as an opening row, so the last balance is the stock on the shelf.",
        positionals: [partPositional],
        examples: ["parts ledger XH-45022-0011"],
        access: .lookup
    ) { args, context in
        var problems: [Problem] = []
        let found = try part(args.positional("part"), context, into: &problems)
        try Refusal.check(Message("parts.cannot_show_ledger"), problems)
        guard let found else { return .nothing }
        let movements = try context.stockMovements(partNumber: found.number)
        let opening = found.stock - movements.reduce(0) { $0 + $1.delta }
        var t = Table(columns: [Column("at", "time"), Column("reason", "movement", words: "parts.movement"), Column("reference", "reference"), Column("by", "by"),
                                Column("delta", "change"), Column("balance", "balance")], emptyText: Message("parts.no_movements").description)
        var balance = opening
        if opening != 0 {
            // What the ledger does not explain: the stock the dealership was loaded with.
            t.rows.append([.none, .text("opening"), .text(Message("parts.ledger.unexplained").description), .none, .int(opening), .int(opening)])
        }
        for m in movements {
            balance += m.delta
            t.rows.append([.time(m.at), .text(m.reason), .optional(m.reference), .text(m.by), .int(m.delta), .int(balance)])
        }
        var r = Record()
        r.add("number", "part", .text(found.number))
        r.add("name", "name", .text(found.name))
        r.add("bin", "bin", .text(found.bin))
        r.add("stock", "on hand", .int(found.stock))
        r.add(section: "movements", "movements", t)
        return .record(r)
    }
}
