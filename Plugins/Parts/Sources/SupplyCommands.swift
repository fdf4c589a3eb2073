import LanePlugin

/// `parts receive|receipts|order|backorders`: what comes in from suppliers,
/// what is still expected, and for which waiting customer (R2.5, R1.4).
enum SupplyCommands {
    /// A quantity from the line: a whole number from 1 to 9999.
    static func quantity(_ text: String?, into problems: inout [Problem]) -> Int? {
        let text = text ?? ""
        guard let n = Int(text), (1...9_999).contains(n) else {
            problems.append(Problem("qty", Message("parts.bad_quantity", ["given": .text(text)])))
            return nil
        }
        return n
    }

    static let receive = PluginCommand(
        noun: "parts", verb: "receive", summary: "Book goods received from a supplier: stock up, a ledger row, open back-orders filled",
        discussion: "Gives the receipt a number (GR-YYYYMMDD-NN), which the stock ledger row carries. The quantity fills the part's "
            + "open back-orders oldest first; a back-order for a vehicle that is now complete puts its customer on `remind due`.",
        positionals: [StockCommands.partPositional, PositionalSpec("qty", "How many arrived")],
        options: [OptionSpec("supplier", value: "NAME", "Who delivered", required: true),
                  OptionSpec("note", value: "TEXT", "The supplier's delivery note number")],
        examples: ["parts receive XH-51610-0001 2 --supplier 星河汽车配件华南中心库 --note DN-88231"],
        access: .changes(roles: [.partsManager])
    ) { args, context in
        var problems: [Problem] = []
        let found = try StockCommands.part(args.positional("part"), context, into: &problems)
        let qty = quantity(args.positional("qty"), into: &problems)
        let supplier = (args.option("supplier") ?? "").trimmingWhitespace()
        if supplier.isEmpty { problems.append(Problem("supplier", Message("parts.supplier_needed"))) }
        try Refusal.check(Message("parts.cannot_receive"), problems)
        guard let found, let qty else { return .nothing }
        let number = try PartsTables.nextNumber(context, prefix: "GR", table: "plg_parts_receipt")
        try context.moveStock(partNumber: found.number, delta: qty, reason: "receipt", reference: number)
        let id = try PartsTables.insertReceipt(context, Receipt(
            id: 0, number: number, partNumber: found.number, quantity: qty, supplier: supplier,
            deliveryNote: (args.option("note") ?? "").trimmingWhitespace(), receivedAt: context.now, receivedBy: context.user))
        var text = Message("parts.received", ["number": .text(number), "qty": .int(qty), "part": .text(found.number), "name": .text(found.name),
                                              "supplier": .text(supplier), "before": .int(found.stock), "after": .int(found.stock + qty)]).description
        for (b, took) in try PartsTables.fill(context, part: found.number, quantity: qty, receiptID: id) {
            let plate = try b.vehicleID.flatMap { try context.vehicle(id: $0)?.plate.value }
            text += "\n" + Message("parts.filled", ["number": .text(b.number), "took": .int(took), "filled": .int(b.filled), "qty": .int(b.quantity)]).description
            guard !b.isOpen, let plate else { continue }
            if let number = b.roNumber, let order = try context.repairOrder(number: number), !PartsPlugin.hasLeft(order) {
                text += Message("parts.filled.in_workshop", ["ro": .text(number), "plate": .text(plate)]).description
            } else {
                text += Message("parts.filled.waiting", ["plate": .text(plate)]).description
            }
        }
        return .message(text, nil)
    }

    static let receipts = PluginCommand(
        noun: "parts", verb: "receipts", summary: "Goods received from suppliers, with the back-orders they filled",
        options: [OptionSpec("part", value: "NUMBER", "Only this part", completion: .parts)],
        examples: ["parts receipts", "parts receipts --part XH-51610-0001"],
        access: .lookup
    ) { args, context in
        var problems: [Problem] = []
        var only: Part?
        if args.option("part") != nil { only = try StockCommands.part(args.option("part"), context, into: &problems) }
        try Refusal.check(Message("parts.cannot_list_receipts"), problems)
        var t = Table(columns: [Column("number", "receipt"), Column("at", "received"), Column("part", "part"), Column("name", "name"),
                                Column("qty", "qty"), Column("supplier", "supplier"), Column("delivery_note", "delivery note"),
                                Column("by", "by"), Column("filled", "back-orders filled")], emptyText: Message("parts.no_receipts").description)
        let fills = try PartsTables.fillsByReceipt(context)
        for r in try PartsTables.receipts(context, part: only?.number) {
            t.rows.append([.text(r.number), .time(r.receivedAt), .text(r.partNumber), .text(try context.part(number: r.partNumber)?.name ?? ""),
                           .int(r.quantity), .text(r.supplier), .text(r.deliveryNote), .text(r.receivedBy),
                           .text((fills[r.id] ?? []).joined(separator: ", "))])
        }
        return .table(t)
    }

    static let order = PluginCommand(
        noun: "parts", verb: "order", summary: "Order a part from the supplier with its expected arrival, for a repair order or a waiting vehicle",
        discussion: "The ETA is what the advisor tells the customer; `parts backorders` and `parts find` show it. "
            + "When the order names a vehicle (--vehicle, or the repair order's), the customer is invited back once it has all arrived.",
        positionals: [StockCommands.partPositional, PositionalSpec("qty", "How many")],
        options: [OptionSpec("eta", value: "DATE", "Expected arrival, YYYY-MM-DD (today or later)", required: true),
                  OptionSpec("ro", value: "RO", "The repair order waiting for it", completion: .repairOrders),
                  OptionSpec("vehicle", value: "PLATE", "The vehicle waiting for it", completion: .vehicles),
                  OptionSpec("supplier", value: "NAME", "Who it is ordered from")],
        examples: ["parts order XH-51610-0001 2 --eta 2026-11-26 --ro RO-20261123-0001 --supplier 星河汽车配件华南中心库",
                   "parts order XH-45022-0011 10 --eta 2026-11-30"],
        access: .changes(roles: [.partsManager, .serviceAdvisor])
    ) { args, context in
        var problems: [Problem] = []
        let found = try StockCommands.part(args.positional("part"), context, into: &problems)
        let qty = quantity(args.positional("qty"), into: &problems)
        let eta = args.date("eta", into: &problems)
        if let eta, eta < context.today {
            problems.append(Problem("eta", Message("parts.eta_past", ["eta": .date(eta), "today": .date(context.today)])))
        }
        var vehicle: Vehicle?
        var roNumber: String?
        if args.option("ro") != nil && args.option("vehicle") != nil {
            problems.append(Problem("ro", Message("parts.ro_or_vehicle")))
        } else if let text = args.option("ro") {
            if let o = try context.repairOrder(number: text.trimmingWhitespace()) {
                roNumber = o.number
                vehicle = try context.vehicle(id: o.vehicleID)
                if o.status == .cancelled { problems.append(Problem("ro", Message("parts.ro_cancelled", ["ro": .text(o.number)]))) }
            } else {
                problems.append(Problem("ro", Message("parts.no_such_ro", ["ro": .text(text)])))
            }
        } else if let text = args.option("vehicle") {
            vehicle = try context.vehicle(text)
            if vehicle == nil { problems.append(Problem("vehicle", Message("parts.no_such_vehicle", ["vehicle": .text(text)]))) }
        }
        try Refusal.check(Message("parts.cannot_order"), problems)
        guard let found, let qty, let eta else { return .nothing }
        let number = try PartsTables.nextNumber(context, prefix: "BO", table: "plg_parts_backorder")
        try PartsTables.insertBackOrder(context, BackOrder(
            id: 0, number: number, partNumber: found.number, quantity: qty, filled: 0, eta: eta, vehicleID: vehicle?.id, roNumber: roNumber,
            supplier: (args.option("supplier") ?? "").trimmingWhitespace(), orderedAt: context.now, orderedBy: context.user, arrivedAt: nil))
        var text = Message("parts.ordered", ["number": .text(number), "qty": .int(qty), "part": .text(found.number), "name": .text(found.name),
                                             "eta": .date(eta)]).description
        if let vehicle {
            text += (roNumber.map { Message("parts.ordered.for_ro", ["plate": .text(vehicle.plate.value), "ro": .text($0)]) }
                     ?? Message("parts.ordered.for", ["plate": .text(vehicle.plate.value)])).description
            let registered = try context.delayedDeliveries(openOnly: true).first {
                $0.vehicleID == vehicle.id && $0.cause == .partOnBackOrder && $0.partNumber == found.number
            }
            if let registered {
                text += "\n" + Message("parts.ordered.on_register", ["plate": .text(vehicle.plate.value), "delay": .text(String(registered.id))]).description
            }
        }
        return .message(text, nil)
    }

    static func backOrderTable(emptyText: String) -> Table {
        Table(columns: [Column("number", "back-order"), Column("ordered_at", "ordered"), Column("part", "part"), Column("name", "name"),
                        Column("qty", "qty"), Column("arrived", "arrived"), Column("eta", "ETA"), Column("status", "status", words: "parts.backorder_status"),
                        Column("plate", "plate"), Column("ro", "repair order"), Column("supplier", "supplier"), Column("by", "by")],
              emptyText: emptyText)
    }

    static func row(_ b: BackOrder, _ context: any PluginContext) throws -> [Value] {
        [.text(b.number), .time(b.orderedAt), .text(b.partNumber), .text(try context.part(number: b.partNumber)?.name ?? ""),
         .int(b.quantity), .int(b.filled), .date(b.eta), .text(b.status(on: context.today)),
         .optional(try b.vehicleID.flatMap { try context.vehicle(id: $0)?.plate.value }), .optional(b.roNumber), .text(b.supplier),
         .text(b.orderedBy)]
    }

    static let backOrders = PluginCommand(
        noun: "parts", verb: "backorders", summary: "Parts ordered from suppliers: ordered, arrived, or overdue when the ETA has passed",
        options: [OptionSpec("open", "Only those still expected")],
        examples: ["parts backorders", "parts backorders --open"],
        access: .lookup
    ) { args, context in
        var t = backOrderTable(emptyText: Message(args.flag("open") ? "parts.nothing_on_order" : "parts.no_back_orders").description)
        for b in try PartsTables.backOrders(context, part: nil, openOnly: args.flag("open")) { t.rows.append(try row(b, context)) }
        return .table(t)
    }
}
