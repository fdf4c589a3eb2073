import LanePlugin

/// The parts store (备件): stock by bin with reorder points, supplier receipts,
/// back-orders with their expected arrival, the ledger of every movement, and
/// the customers waiting for a part that has arrived (R2.5, R3.7, R4.3, R1.4).
/// The core keeps the stock and its ledger; this plugin adds what the parts
/// manager does around them and changes stock only through `moveStock`.
public struct PartsPlugin: LanePlugin {
    public init() {}

    public var manifest: PluginManifest {
        PluginManifest(name: "parts", version: "1.0.0",
                       summary: "Parts inventory: stock by bin, reorder points, supplier receipts, back-orders with ETA, the stock ledger",
                       nouns: ["parts": "the parts store: stock, reservations, receipts, back-orders, ledger"])
    }

    public var migrations: [PluginMigration] { [PartsTables.v1] }

    public var messages: [InterfaceLanguage: [MessageCode: String]] {
        // Its help too: the specs' words in English, its own in Chinese (`helpWords`).
        [.english: PartsWords.english.merging(helpWords) { own, _ in own }.merging(PartsHelpWords.english) { own, _ in own }, .chinese: PartsWords.chinese.merging(PartsHelpWords.chinese) { own, _ in own }]
    }

    public var commands: [PluginCommand] {
        [StockCommands.find, StockCommands.stock, StockCommands.reorder, StockCommands.reservations, StockCommands.ledger,
         SupplyCommands.receive, SupplyCommands.receipts, SupplyCommands.order, SupplyCommands.backOrders]
    }

    /// R3.7: when a part line is added, say at once if the shelf cannot cover
    /// it once the appointments' reservations are set aside.
    public func handle(_ event: DomainEvent, _ context: any PluginContext) throws -> [String] {
        guard case .lineAdded(let order, let line) = event, line.kind == .part,
              let part = try context.part(number: line.code) else { return [] }
        let reserved = try context.reservedQuantity(partNumber: part.number)
        let available = max(part.stock - reserved, 0)
        guard available < line.quantity else { return [] }
        var text = Message("parts.shortage", ["available": .int(available), "qty": .int(line.quantity), "part": .text(part.number),
                                              "name": .text(part.name)]).description
        if reserved > 0 { text += Message("parts.shortage.reserved", ["reserved": .int(reserved)]).description }
        let open = try PartsTables.backOrders(context, part: part.number, openOnly: true)
        if !open.isEmpty {
            let etas = open.map { MessageArgument.message(Message("parts.shortage.eta", ["number": .text($0.number), "eta": .date($0.eta)])) }
            text += Message("parts.shortage.on_order", ["qty": .int(open.reduce(0) { $0 + $1.outstanding }), "etas": .list(etas)]).description
        }
        let missing = line.quantity - available
        text += Message("parts.shortage.order_it", ["part": .text(part.number), "missing": .int(missing), "ro": .text(order.number)]).description
        return [text]
    }

    /// The parts manager's day: back-orders that should be here, and shelves running low.
    public func today(_ context: any PluginContext) throws -> [PluginSection] {
        guard context.role == .partsManager else { return [] }
        var due = SupplyCommands.backOrderTable(emptyText: Message("parts.today.none_due").description)
        for b in try PartsTables.backOrders(context, part: nil, openOnly: true) where b.eta <= context.today {
            due.rows.append(try SupplyCommands.row(b, context))
        }
        var low = StockCommands.levelTable(emptyText: Message("parts.none_low").description)
        for level in try StockLevels.all(context) where level.isLow { low.rows.append(StockCommands.row(level)) }
        return [PluginSection(key: "parts_backorders_due", title: Message("parts.today.due").description, table: due),
                PluginSection(key: "parts_low", title: Message("parts.today.low").description, table: low)]
    }

    /// R1.4: a back-order for a waiting vehicle has fully arrived: invite the
    /// customer back. Logged with `remind log PLATE delayed_delivery --campaign BO-…`.
    ///
    /// A back-order for a repair order invites nobody while the car is still
    /// in the workshop (the part is issued to the job), nor once the order
    /// went out with the part fitted: only a car that left without it.
    ///
    /// A vehicle that is also on the core delayed-delivery register for the
    /// same part (`remind delay … --part`) is left to that register, which
    /// already lists it once the part is in stock: one wait, one call. An
    /// entry closed before the back-order arrived was an earlier wait and
    /// does not hide this one.
    public func reminders(on day: CalendarDate, _ context: any PluginContext) throws -> [PluginReminder] {
        let register = try context.delayedDeliveries(openOnly: false).filter { $0.cause == .partOnBackOrder }
        var calls: [PluginReminder] = []
        for b in try PartsTables.arrivedForVehicles(context) {
            guard let vehicleID = b.vehicleID, let arrivedAt = b.arrivedAt else { continue }
            let arrivedOn = arrivedAt.date(in: context.settings.utcOffset)
            guard arrivedOn <= day, try leftWithoutThePart(b, context) else { continue }
            let onRegister = register.contains { d in
                d.vehicleID == vehicleID && d.partNumber == b.partNumber && (d.closedAt.map { $0 >= arrivedAt } ?? true)
            }
            guard !onRegister else { continue }
            let name = try context.part(number: b.partNumber)?.name ?? ""
            let reason = b.roNumber.map { Message("parts.invite_back_ro", ["part": .text(b.partNumber), "name": .text(name), "qty": .int(b.quantity),
                                                                         "number": .text(b.number), "ro": .text($0)]) }
                ?? Message("parts.invite_back", ["part": .text(b.partNumber), "name": .text(name), "qty": .int(b.quantity), "number": .text(b.number)])
            calls.append(PluginReminder(vehicleID: vehicleID,
                                        reminder: ServiceReminder(kind: .delayedDelivery, dueOn: arrivedOn, estimatedMileage: nil, dueMileage: nil,
                                                                  reason: reason.description, rule: "R1.4"),
                                        reference: b.number.uppercased()))
        }
        return calls
    }

    /// The vehicle a back-order waits for is not in the workshop getting the part.
    func leftWithoutThePart(_ b: BackOrder, _ context: any PluginContext) throws -> Bool {
        guard let number = b.roNumber, let order = try context.repairOrder(number: number) else { return true }
        return Self.hasLeft(order) && !order.lines.contains { $0.kind == .part && $0.code == b.partNumber && $0.issued > 0 && $0.issued >= $0.quantity }
    }

    static func hasLeft(_ order: RepairOrder) -> Bool {
        [.delivered, .settled, .closed, .cancelled].contains(order.status)
    }
}
