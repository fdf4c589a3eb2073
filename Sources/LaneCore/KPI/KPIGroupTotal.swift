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
}
