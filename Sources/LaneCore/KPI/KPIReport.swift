/// Who a report is split by.
public enum KPIGrouping: String, CaseIterable, Sendable {
    case advisor, team, technician
}

/// One figure of the report, with its shape over the period (one value per
/// slice: the sparkline) and its target.
public struct KPILine: Sendable, Equatable {
    public var figure: KPIFigure
    /// The figure's `value` per slice of the period (nil: nothing counted that slice).
    public var series: [Int64?]
    public var target: Int64?

    public var offTarget: Bool { target.flatMap { figure.isOffTarget($0) } ?? false }
}

/// One advisor's, team's or technician's figures.
public struct KPIGroupRow: Sendable, Equatable {
    public var name: String
    public var figures: [KPIFigure]

    public func figure(_ id: KPIID) -> KPIFigure? { figures.first { $0.id == id } }
}

/// The report: the store's figures with their shapes and targets, the split
/// by person or team when asked, and the breakdowns the charts draw. It holds
/// staff names, counts and amounts: no customer, vehicle or phone number.
public struct KPIReport: Sendable, Equatable {
    public var period: KPIPeriod
    public var slices: [KPIPeriod]
    public var lines: [KPILine]
    public var grouping: KPIGrouping?
    public var groups: [KPIGroupRow]
    public var declineReasons: [KPIReasonCount]
    /// Sections the plugins add from their own tables (`LanePlugin.kpi`), after the core's figures.
    public var contributions: [KPIContribution] = []

    public func line(_ id: KPIID) -> KPILine? { lines.first { $0.figure.id == id } }
    public var offTarget: [KPILine] { lines.filter(\.offTarget) }
    /// The plugins' figures off their targets, with the plugin's section.
    public var contributedOffTarget: [(section: KPIContribution, figure: KPIContributedFigure)] {
        contributions.flatMap { c in c.figures.filter(\.offTarget).map { (c, $0) } }
    }

    public init(facts f: KPIFacts, grouping: KPIGrouping? = nil) {
        period = f.period
        slices = f.period.slices
        let perSlice = f.sliced().map(KPIDefinitions.figures)
        lines = KPIDefinitions.figures(f).enumerated().map { i, figure in
            KPILine(figure: figure, series: perSlice.map { $0[i].value }, target: f.settings.targets[figure.id])
        }
        self.grouping = grouping
        groups = grouping.map { KPIReport.groups(f, by: $0) } ?? []
        declineReasons = KPIDefinitions.declineReasons(f).map { KPIReasonCount(reason: $0.reason, count: $0.count) }
    }

    /// The store's figures off their targets, as the report's `offTarget` gives them but without their shapes
    /// (`series` empty): `today` shows the service manager the month so far, and working the figures out once
    /// per slice as well (a day each) doubled the work, which grows with the month's orders.
    public static func offTarget(_ f: KPIFacts) -> [KPILine] {
        guard !f.settings.targets.isEmpty else { return [] }
        return offTarget(KPIDefinitions.figures(f), targets: f.settings.targets)
    }

    /// The figures given that miss their targets, as lines without shapes.
    public static func offTarget(_ figures: [KPIFigure], targets: [KPIID: Int64]) -> [KPILine] {
        figures.compactMap { figure in
            let line = KPILine(figure: figure, series: [], target: targets[figure.id])
            return line.offTarget ? line : nil
        }
    }

    /// The figures per advisor (their orders and appointments), per team (the orders dispatched to it) or per
    /// technician (the labour lines they clocked). Only the figures that split by person are given.
    public static func groups(_ f: KPIFacts, by grouping: KPIGrouping) -> [KPIGroupRow] {
        switch grouping {
        case .technician:
            return f.technicians.map(\.name).sorted().map { name in
                KPIGroupRow(name: name, figures: KPIDefinitions.labor(f, technician: name))
            }
        case .advisor, .team:
            // Each row is put with its person in one pass: filtering the period's rows once per person read a month's
            // 57,000 orders 200 times for a store with 200 advisors (docs/performance.md, twenty-second round).
            var orders: [String: [KPIOrder]] = [:], appointments: [String: [Appointment]] = [:], comebacks: [String: [KPIComeback]] = [:]
            for o in f.orders { if let n = grouping == .advisor ? o.advisor : o.team { orders[n, default: []].append(o) } }
            if grouping == .advisor { for a in f.appointments { appointments[a.advisor, default: []].append(a) } }
            // A comeback counts against the advisor or team of the order whose fault came back.
            for c in f.comebacks { if let n = grouping == .advisor ? c.earlierAdvisor : c.earlierTeam { comebacks[n, default: []].append(c) } }
            let names = Set(orders.keys).union(appointments.keys).union(comebacks.keys)
            return names.sorted().map { name in
                var mine = f
                mine.orders = orders[name] ?? []
                mine.appointments = appointments[name] ?? []
                mine.comebacks = comebacks[name] ?? []
                // Available hours are the workshop's, not an advisor's: productivity is per technician.
                mine.technicians = grouping == .team ? f.technicians.filter { $0.team == name } : []
                let o = KPIOrders(mine)
                let figures = KPIDefinitions.throughput(mine, o) + KPIDefinitions.revenue(mine, o) + KPIDefinitions.labor(mine, o)
                    + KPIDefinitions.delivery(mine, o) + (grouping == .advisor ? KPIDefinitions.appointments(mine, o) : [])
                    + KPIDefinitions.quality(mine, o)
                return KPIGroupRow(name: name, figures: figures)
            }
        }
    }
}

public struct KPIReasonCount: Sendable, Equatable {
    public var reason: String
    public var count: Int
}
