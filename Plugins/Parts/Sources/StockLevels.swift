import LanePlugin

/// One part as the parts manager sees it: on the shelf, put aside for
/// appointments, free to use, on order, and when to reorder.
struct StockLevel {
    var part: Part
    var reserved: Int
    var onOrder: Int
    /// The earliest expected arrival of what is on order.
    var nextETA: CalendarDate?
    var reorderPoint: Int?

    /// What can be promised to a new job: on hand less the reservations (R2.5, R3.7).
    var available: Int { part.stock - reserved }
    var isLow: Bool { reorderPoint.map { available < $0 } ?? false }
}

enum StockLevels {
    /// Every part, by number; reservations, orders and points read once.
    static func all(_ context: any PluginContext) throws -> [StockLevel] {
        var reserved: [String: Int] = [:]
        for r in try context.openReservations(partNumber: nil) { reserved[r.reservation.partNumber, default: 0] += r.reservation.quantity }
        var onOrder: [String: (Int, CalendarDate)] = [:]
        for b in try PartsTables.backOrders(context, part: nil, openOnly: true) {
            let current = onOrder[b.partNumber]
            onOrder[b.partNumber] = ((current?.0 ?? 0) + b.outstanding, min(current?.1 ?? b.eta, b.eta))
        }
        let points = try ReorderPolicy(context)
        return try context.parts().map { p in
            StockLevel(part: p, reserved: reserved[p.number] ?? 0, onOrder: onOrder[p.number]?.0 ?? 0, nextETA: onOrder[p.number]?.1,
                       reorderPoint: points.point(for: p))
        }
    }
}

/// Where a part's reorder point comes from: its own (`parts reorder`), else
/// its group's (`reorder_GROUP` in `[plugin.parts]`), else `reorder_default`;
/// none of them means the part is never reported low.
struct ReorderPolicy {
    var own: [String: Int]
    var groups: [String: Int]
    var fallback: Int?

    init(_ context: any PluginContext) throws {
        own = try PartsTables.reorderPoints(context)
        groups = [:]
        fallback = nil
        var problems: [Problem] = []
        for (key, text) in context.config.sorted(by: { $0.key < $1.key }) where key.hasPrefix("reorder_") {
            guard let n = Int(text), n >= 0 else {
                problems.append(Problem("plugin.parts.\(key)", Message("parts.bad_setting", ["given": .text(text)])))
                continue
            }
            let group = String(key.dropFirst("reorder_".count))
            if group == "default" { fallback = n } else { groups[group] = n }
        }
        try Refusal.check(Message("parts.settings_unusable"), problems)
    }

    func point(for part: Part) -> Int? { own[part.number] ?? groups[part.group] ?? fallback }

    /// Where the point came from, for `parts reorder`'s answer.
    func source(for part: Part) -> String {
        if own[part.number] != nil { return "its own" }
        if groups[part.group] != nil { return "group \(part.group)" }
        return fallback == nil ? "none" : "the store default"
    }
}
