/// One day's share of the store's figures, which the store keeps (`kpi_day`) so that `today` works out the
/// service manager's month so far by adding up its days, not by reading every order of the month again: at a
/// million vehicles a month is 57,000 orders and took 0.6 s (docs/performance.md, twentieth round).
///
/// A share holds each figure's numerator and denominator for the day (orders opened that day, delivered that
/// day, calls made that day…), the minutes clocked (hours are rounded once, for the month) and each waiting
/// customer's wait (a median does not add up). The month's figures are `KPIDay.figures`, which are
/// `KPIDefinitions.figures` of the month's facts (KPIDayTests checks that they are the same).
public struct KPIDay: Sendable, Equatable {
    public var day: CalendarDate
    public var figures: [KPIFigure]
    public var clockedMinutes: Int64
    public var waits: [Int64]
    /// Set when the day's parts figures hold up to this day only: an order opened that day with parts is still
    /// open, and a back-order opened later would hold its line up. The share is worked out again on another day.
    public var asOf: CalendarDate?

    public init(day: CalendarDate, figures: [KPIFigure], clockedMinutes: Int64, waits: [Int64], asOf: CalendarDate?) {
        self.day = day
        self.figures = figures
        self.clockedMinutes = clockedMinutes
        self.waits = waits
        self.asOf = asOf
    }

    /// The day's share from facts whose period is that day (`KPIFacts.sliced`): `backOrders` are the
    /// delayed deliveries from that day to the end of `asOf` (a later one may hold up an order opened that day).
    public init(_ f: KPIFacts, backOrders: [DelayedDelivery], asOf: CalendarDate) {
        let orders = KPIOrders(f)
        let end = KPIPeriod.day(asOf).bounds(in: f.offset).end
        let fill = KPIDefinitions.partsFill(orders.opened, heldBy: backOrders.filter { $0.cause == .partOnBackOrder }, openUntil: end)
        day = f.period.from
        figures = KPIDefinitions.figures(f).map { $0.id == .partsFillRate ? fill : $0 }
        clockedMinutes = KPIDefinitions.laborHours(orders.delivered).clockedMinutes
        waits = KPIDefinitions.waits(f, orders.delivered)
        let stillOpen = orders.opened.contains { o in
            o.approvedLines.contains { $0.kind == .part } && (o.delivery.map { $0.at >= end } ?? true)
        }
        self.asOf = stillOpen ? asOf : nil
    }

    /// Whether the share can stand for its day on `today`.
    public func holds(on today: CalendarDate) -> Bool { asOf == nil || asOf == today }

    /// The figures of `period` from its days' shares (one per day), with the technicians on the staff list now
    /// and the store's settings, in `KPIDefinitions.figures`' order.
    public static func figures(_ days: [KPIDay], period: KPIPeriod, technicians: Int, settings: KPISettings) -> [KPIFigure] {
        var sums: [KPIID: (numerator: Int64, denominator: Int64)] = [:]
        for d in days {
            for f in d.figures {
                let s = sums[f.id] ?? (0, 0)
                sums[f.id] = (s.numerator + f.numerator, s.denominator + f.denominator)
            }
        }
        let waits = KPIDefinitions.waits(days.flatMap(\.waits), settings)
        let labor = KPIDefinitions.labor(sold: sums[.hoursSold]?.numerator ?? 0, clockedMinutes: days.reduce(0) { $0 + $1.clockedMinutes },
                                         available: KPIDefinitions.available(people: Int64(technicians), settings, period))
        let worked = Dictionary((waits + labor).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A total (orders, amounts, counts) is shown over 1 and adds up; a share adds numerators and denominators.
        // Which is which is the definitions' own: with nothing counted, a total is 0 over 1, a share 0 over 0.
        return empty.map { e in
            if let w = worked[e.id] { return w }
            let s = sums[e.id] ?? (0, 0)
            return e.denominator == 1 ? KPIFigure(e.id, s.numerator) : KPIFigure(e.id, s.numerator, over: s.denominator)
        }
    }

    /// The figures of a period with nothing in it: their order, and which are totals.
    static let empty = KPIDefinitions.figures(KPIFacts(period: .day(CalendarDate(daysSinceEpoch: 0)), offset: .utc))
}

extension KPIDay {
    /// The share as the store keeps it, one line of text: `2|minutes|asOf|waits|id=n/d,…` (the first field is
    /// the form's number: a share of another form is worked out again, never misread). By hand: LaneCore has
    /// no Foundation, and the form is small.
    public var encoded: String {
        let figures = figures.map { "\($0.id.rawValue)=\($0.numerator)/\($0.denominator)" }.joined(separator: ",")
        return ["\(Self.form)", String(clockedMinutes), asOf?.description ?? "", waits.map(String.init).joined(separator: ","), figures]
            .joined(separator: "|")
    }

    /// The form `encoded` writes. Move it whenever a definition changes, so that no share worked out by the old
    /// definitions is added up with new ones.
    public static let form = 2

    /// A share read back; nil when the text is of another form or damaged (the day is worked out again).
    public init?(encoded text: String, day: CalendarDate) {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "\(Self.form)", let minutes = Int64(parts[1]) else { return nil }
        var asOf: CalendarDate?
        if !parts[2].isEmpty {
            guard let d = CalendarDate(parsing: String(parts[2])) else { return nil }
            asOf = d
        }
        var waits: [Int64] = []
        for w in parts[3].split(separator: ",") {
            guard let n = Int64(w) else { return nil }
            waits.append(n)
        }
        var figures: [KPIFigure] = []
        for item in parts[4].split(separator: ",") {
            let pair = item.split(separator: "=")
            guard pair.count == 2, let id = KPIID(rawValue: String(pair[0])) else { return nil }
            let nd = pair[1].split(separator: "/")
            guard nd.count == 2, let n = Int64(nd[0]), let d = Int64(nd[1]) else { return nil }
            figures.append(KPIFigure(id, n, over: d))
        }
        guard figures.map(\.id) == Self.empty.map(\.id) else { return nil }
        self.init(day: day, figures: figures, clockedMinutes: minutes, waits: waits, asOf: asOf)
    }
}
