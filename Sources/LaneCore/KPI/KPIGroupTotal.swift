/// A dealer group's figures over several stores (`report kpi --stores`). A
/// figure that is a total (orders, revenue, hours, calls) is the stores' sum;
/// a rate or an average is the stores' numerators over their denominators, so
/// each store weighs by its volume (never an average of the stores' rates). A
/// median does not add up either way and has no group figure.
public enum KPIGroupTotal {
    /// The figures that count or add something up (their denominator is 1, KPIDefinitions).
    public static let totals: Set<KPIID> = [
        .ordersOpened, .ordersDelivered, .deliveredFirstService, .deliveredRegularService, .deliveredRepair,
        .laborRevenue, .partsRevenue, .discounts, .warrantyValue, .hoursSold, .hoursClocked, .hoursAvailable,
        .waitingCustomers, .noShows, .complaintsOpened, .reminderCalls, .reminderDeclined, .lostCustomersWonBack, .backOrders,
    ]

    /// Whether the stores' figures may be added up into the group's.
    public static func addsUp(_ id: KPIID) -> Bool { id != .waitMedian }

    /// The group's figures, in the order of the first store's, from each store's figures.
    public static func total(_ stores: [[KPIFigure]]) -> [KPIFigure] {
        guard let first = stores.first else { return [] }
        return first.map(\.id).filter(addsUp).map { id in
            let figures = stores.compactMap { $0.first { $0.id == id } }
            let numerator = figures.reduce(0) { $0 + $1.numerator }
            return totals.contains(id) ? KPIFigure(id, numerator) : KPIFigure(id, numerator, over: figures.reduce(0) { $0 + $1.denominator })
        }
    }

    /// The plugins' sections added up the same way, section by section and figure by figure in the first
    /// store's order (a plugin's section is matched by its name, a figure by its key). A count, an amount
    /// or hours over 1 in every store stays over 1; any other figure is its numerators over its
    /// denominators. A store whose plugin failed adds nothing to that section; no sparkline, no split.
    public static func total(contributions stores: [[KPIContribution]]) -> [KPIContribution] {
        var order: [String] = []
        var titles: [String: String] = [:]
        for store in stores {
            for c in store where c.failure == nil && titles[c.plugin] == nil {
                order.append(c.plugin)
                titles[c.plugin] = c.title
            }
        }
        return order.map { plugin in
            let sections = stores.compactMap { $0.first { $0.plugin == plugin && $0.failure == nil } }
            var keys: [String] = []
            for s in sections { for f in s.figures where !keys.contains(f.key) { keys.append(f.key) } }
            let figures = keys.compactMap { key -> KPIContributedFigure? in
                let each = sections.compactMap { $0.figures.first { $0.key == key } }
                guard let first = each.first else { return nil }
                let numerator = each.reduce(0) { $0 + $1.numerator }
                let overOne = [KPIUnit.count, .money, .hours].contains(first.unit) && each.allSatisfy { $0.denominator == 1 }
                return KPIContributedFigure(key: key, title: first.title, unit: first.unit, higherIsBetter: first.higherIsBetter,
                                            numerator: numerator, over: overOne ? 1 : each.reduce(0) { $0 + $1.denominator },
                                            target: each.allSatisfy { $0.target == first.target } ? first.target : nil)
            }
            return KPIContribution(plugin: plugin, title: titles[plugin] ?? plugin, figures: figures)
        }
    }
}
