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
        figures = KPIDefinitions.figures(f, orders, partsFill: fill)
        clockedMinutes = KPIDefinitions.laborHours(orders.delivered).clockedMinutes
        waits = KPIDefinitions.waits(f, orders.delivered)
        let stillOpen = orders.opened.contains { o in
            o.lines.contains { $0.isApproved && $0.kind == .part } && (o.deliveredAt.map { $0 >= end } ?? true)
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
    /// Read byte by byte: `today` reads a share per day of the month at every command, and splitting the text
    /// into `String`s took a quarter of the manager's `today`.
    public init?(encoded text: String, day: CalendarDate) {
        var text = text
        guard let share = text.withUTF8({ KPIDay.decode($0, day: day) }) else { return nil }
        self = share
    }

    /// The ids of the figures in the order a share holds them, as bytes.
    static let idBytes: [[UInt8]] = empty.map { Array($0.id.rawValue.utf8) }

    private static func decode(_ b: UnsafeBufferPointer<UInt8>, day: CalendarDate) -> KPIDay? {
        var i = 0
        /// A whole number (with its sign) up to the next byte that is not a digit.
        func number() -> Int64? {
            var negative = false
            if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            let start = i
            var n: Int64 = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 48))
                if o1 || o2 { return nil }
                n = a
                i += 1
            }
            return i == start ? nil : negative ? -n : n
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard number() == Int64(form), expect("|"), let minutes = number(), expect("|") else { return nil }
        var asOf: CalendarDate?
        if i < b.count, b[i] != UInt8(ascii: "|") {
            let start = i
            while i < b.count, b[i] != UInt8(ascii: "|") { i += 1 }
            guard let d = CalendarDate(parsing: String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) else { return nil }
            asOf = d
        }
        guard expect("|") else { return nil }
        var waits: [Int64] = []
        while i < b.count, b[i] != UInt8(ascii: "|") {
            guard let w = number() else { return nil }
            waits.append(w)
            if i < b.count, b[i] == UInt8(ascii: ",") { i += 1 }
        }
        guard expect("|") else { return nil }
        var figures: [KPIFigure] = []
        figures.reserveCapacity(empty.count)
        for (k, id) in idBytes.enumerated() {
            if k > 0 { guard expect(",") else { return nil } }
            guard i + id.count <= b.count, b[i..<(i + id.count)].elementsEqual(id) else { return nil }
            i += id.count
            guard expect("="), let n = number(), expect("/"), let d = number() else { return nil }
            figures.append(KPIFigure(empty[k].id, n, over: d))
        }
        guard i == b.count else { return nil }
        return KPIDay(day: day, figures: figures, clockedMinutes: minutes, waits: waits, asOf: asOf)
    }
}
