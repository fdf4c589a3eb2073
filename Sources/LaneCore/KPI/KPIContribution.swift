/// Figures a plugin adds to `report kpi` from its own tables (the survey
/// plugin's NPS and CSI): the core keeps none of those tables, so it asks the
/// plugin, as `today` asks plugins for sections. `LanePlugin.kpi` answers.
public struct KPIContributionRequest: Sendable, Equatable {
    public var period: KPIPeriod
    /// One value per slice for the sparkline (`period.slices`).
    public var slices: [KPIPeriod]
    /// Set when the reader may see their own figures only (an advisor): count their orders' rows only.
    public var advisor: String?
    /// Split the figures per advisor or team too, when the plugin's rows say whose they are.
    public var grouping: KPIGrouping?

    public init(period: KPIPeriod, advisor: String? = nil, grouping: KPIGrouping? = nil) {
        self.period = period
        self.slices = period.slices
        self.advisor = advisor
        self.grouping = grouping
    }
}

/// One figure a plugin works out: a numerator over a denominator like the
/// core's (`KPIFigure`), in one of the same units, with its shape and target.
public struct KPIContributedFigure: Sendable, Equatable {
    /// Lower-case words with `_`; the report names it `PLUGIN.key` (`survey.nps`).
    public var key: String
    public var title: String
    public var unit: KPIUnit
    public var higherIsBetter: Bool
    public var numerator: Int64
    public var denominator: Int64
    /// The value per slice of the request (nil: nothing counted that slice).
    public var series: [Int64?]
    /// A target as a manager types it (see `KPIFigure.targetValue`); nil without one.
    public var target: Int64?
    /// Per advisor or team, when asked and known.
    public var groups: [KPIContributedGroup]

    public init(key: String, title: String, unit: KPIUnit, higherIsBetter: Bool = true, numerator: Int64, over denominator: Int64,
                series: [Int64?] = [], target: Int64? = nil, groups: [KPIContributedGroup] = []) {
        self.key = key
        self.title = title
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.numerator = numerator
        self.denominator = denominator
        self.series = series
        self.target = target
        self.groups = groups
    }

    /// The figure in its unit's smallest step (as `KPIFigure.value`); nil when nothing was counted.
    public var value: Int64? { KPIFigure.value(numerator, over: denominator, unit) }

    public var offTarget: Bool {
        guard let v = value, let t = target else { return false }
        let limit = KPIFigure.targetValue(t, unit: unit)
        return higherIsBetter ? v < limit : v > limit
    }

    /// The target as the report shows it: "≥ 40.0" for a floor, "≤ …" for a ceiling; empty without one.
    public var targetText: String {
        guard let t = target else { return "" }
        return (higherIsBetter ? "≥ " : "≤ ") + KPIText.value(KPIFigure.targetValue(t, unit: unit), unit)
    }
}

/// One advisor's or team's share of a contributed figure.
public struct KPIContributedGroup: Sendable, Equatable {
    public var name: String
    public var numerator: Int64
    public var denominator: Int64

    public init(name: String, numerator: Int64, over denominator: Int64) {
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// A plugin's section of the report: its title and figures, or why it could not give them.
public struct KPIContribution: Sendable, Equatable {
    public var plugin: String
    public var title: String
    public var figures: [KPIContributedFigure]
    /// Set when the plugin failed: the report still shows, with this in the section's place.
    public var failure: String?

    public init(plugin: String, title: String, figures: [KPIContributedFigure], failure: String? = nil) {
        self.plugin = plugin
        self.title = title
        self.figures = figures
        self.failure = failure
    }

    /// `survey.nps`: how JSON and CSV name a contributed figure.
    public func name(_ figure: KPIContributedFigure) -> String { plugin + "." + figure.key }
}
