import LaneCore
import LaneStore

/// What `report kpi` asks for: the days, and whom to split the figures by.
public struct KPIRequest: Sendable {
    public var period: KPIPeriod
    public var grouping: KPIGrouping?

    public init(period: KPIPeriod, grouping: KPIGrouping? = nil) {
        self.period = period
        self.grouping = grouping
    }
}

/// The service manager's figures. The store hands over the period's rows
/// (index ranges by date), LaneCore works the figures out (`KPIDefinitions`).
/// The report names staff and counts; no customer, vehicle or number reaches it.
/// An advisor sees their own orders' and appointments' figures only.
public struct ReportDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    public func kpi(_ request: KPIRequest, by caller: Caller) throws -> KPIReport {
        try department.read("report kpi", by: caller) { tx in try Self.kpi(request, by: caller, tx) }
    }

    static func kpi(_ request: KPIRequest, by caller: Caller, _ tx: any StoreReading) throws -> KPIReport {
        var problems: [Problem] = []
        if request.period.dayCount > KPISettings.longestPeriodDays {
            problems.append(Problem("period", Message("report.period_too_long", ["days": .int(request.period.dayCount),
                                                                                 "most": .int(KPISettings.longestPeriodDays)])))
        }
        let ownOnly = seesOwnFiguresOnly(caller)
        if ownOnly, request.grouping != nil {
            problems.append(Problem("by", Message("report.own_figures_only")))
        }
        try Refusal.check(Message("report.cannot_report"), problems)
        var facts = try Self.facts(request.period, caller.settings, tx)
        if ownOnly {
            // Their orders and appointments; the store's follow-up, reminder and parts rows are not theirs.
            facts.orders = facts.orders.filter { $0.advisor == caller.user }
            facts.appointments = facts.appointments.filter { $0.advisor == caller.user }
            // A comeback counts against the advisor of the order whose fault came back.
            facts.comebacks = facts.comebacks.filter { $0.earlierAdvisor == caller.user }
            facts.followUps = []
            facts.complaints = []
            facts.reminderCalls = []
            facts.delayedDeliveries = []
            facts.technicians = []
        }
        return KPIReport(facts: facts, grouping: request.grouping)
    }

    /// An advisor sees the figures of their own orders and appointments only (plugins are asked the same).
    public static func seesOwnFiguresOnly(_ caller: Caller) -> Bool { caller.role == .serviceAdvisor }

    /// The figures off their targets for the month so far (`today` shows them to the service manager), and the
    /// day shares worked out anew, for the store to keep (`Department.keepAfterReading`).
    ///
    /// The month is added up from a share per day (`KPIDay`): a kept one while the marks of its days have not
    /// moved (`KPIDayShares`), else worked out from that day's rows. The marks are read first, in the same
    /// transaction as the rows: a change made after them moves them, and the share kept is worked out again.
    static func offTarget(by caller: Caller, _ tx: any StoreReading) throws -> (lines: [KPILine], keep: [KeptKPIDay]) {
        let today = caller.today
        guard let month = KPIPeriod.month(year: today.year, month: today.month) else { return ([], []) }
        let settings = KPISettings.from(keyValues: try tx.settingValues())
        guard !settings.targets.isEmpty else { return ([], []) }
        let period = KPIPeriod(from: month.from, to: today), offset = caller.settings.utcOffset
        let basis = KPIDayShares.basis(offset, settings)
        let (standing, marks) = try standingShares(period, basis: basis, by: caller, tx)
        var shares = standing
        var keep: [KeptKPIDay] = []
        // Each run of days without a share is read at once (each day a slice), and only those days: an order
        // opened on the 2nd and paid today leaves the days between with their shares, which a single span from
        // the first day to the last would read again (docs/performance.md, twenty-first round).
        for run in Self.runs(of: period.days.filter { shares[$0] == nil }) {
            let f = try facts(run, caller.settings, tx)
            // A back-order up to now may hold up a line of an order opened on a day of the run.
            let backOrders = try tx.delayedDeliveries(openedFrom: run.bounds(in: offset).start, to: period.bounds(in: offset).end)
            for day in f.sliced() where shares[day.period.from] == nil {
                let start = day.period.bounds(in: offset).start
                let share = KPIDay(day, backOrders: backOrders.filter { $0.openedAt >= start }, asOf: today)
                shares[share.day] = share
                keep.append(KeptKPIDay(day: share.day, marks: KPIDayShares.marks(of: share.day, offset: offset, in: marks),
                                       basis: basis, share: share.encoded))
            }
        }
        let technicians = try tx.staff().count { $0.role == .technician }
        let figures = KPIDay.figures(period.days.compactMap { shares[$0] }, period: period, technicians: technicians, settings: settings)
        return (KPIReport.offTarget(figures, targets: settings.targets), keep)
    }

    /// The kept shares of `period`'s days that stand on the caller's day: kept for the same basis, with the marks of
    /// their days unmoved since, and holding on that day (`KPIDay.holds`); and the marks read, in the same transaction.
    static func standingShares(_ period: KPIPeriod, basis: String, by caller: Caller,
                               _ tx: any StoreReading) throws -> (shares: [CalendarDate: KPIDay], marks: [Int64: Int64]) {
        let offset = caller.settings.utcOffset
        let marks = try tx.kpiDayMarks(utcDays: KPIDayShares.utcDays(of: period.from, offset: offset).lowerBound
                                       ... KPIDayShares.utcDays(of: period.to, offset: offset).upperBound)
        var shares: [CalendarDate: KPIDay] = [:]
        for kept in try tx.keptKPIDays(from: period.from, through: period.to)
        where kept.basis == basis && kept.marks == KPIDayShares.marks(of: kept.day, offset: offset, in: marks) {
            if let share = KPIDay(encoded: kept.share, day: kept.day), share.holds(on: caller.today) { shares[kept.day] = share }
        }
        return (shares, marks)
    }

    /// The days given (in order) as periods of consecutive days.
    static func runs(of days: [CalendarDate]) -> [KPIPeriod] {
        var runs: [KPIPeriod] = []
        for day in days {
            if let last = runs.last, last.to.adding(days: 1) == day {
                runs[runs.count - 1] = KPIPeriod(from: last.from, to: day)
            } else {
                runs.append(KPIPeriod.day(day))
            }
        }
        return runs
    }

    /// `store check`: the kept day shares that would be added up today but are not what their day's rows give
    /// (a share changed outside lane: `today` would show figures no row supports). Each such day is worked out
    /// from its rows again, a day at a time; a share that would not be used (its marks moved, another basis,
    /// worked out for another day) is left, as `today` leaves it.
    static func sharesChangedOutside(by caller: Caller, _ tx: any StoreReading) throws -> [CalendarDate] {
        let offset = caller.settings.utcOffset, today = caller.today
        let settings = KPISettings.from(keyValues: try tx.settingValues())
        // The month so far only: `today` adds up no other day's share (each day here reads its day's rows, and a year of
        // them would take seconds at 1M).
        guard let month = KPIPeriod.month(year: today.year, month: today.month) else { return [] }
        let (shares, _) = try standingShares(KPIPeriod(from: month.from, to: today), basis: KPIDayShares.basis(offset, settings),
                                             by: caller, tx)
        var changed: [CalendarDate] = []
        for share in shares.values.sorted(by: { $0.day < $1.day }) {
            let day = KPIPeriod.day(share.day)
            let f = try facts(day, caller.settings, tx)
            let backOrders = try tx.delayedDeliveries(openedFrom: day.bounds(in: offset).start, to: KPIPeriod.day(today).bounds(in: offset).end)
            let again = KPIDay(f, backOrders: backOrders, asOf: today)
            // The waits in any order: the median and the rest do not depend on it.
            if again.figures != share.figures || again.clockedMinutes != share.clockedMinutes || again.waits.sorted() != share.waits.sorted()
                || again.asOf != share.asOf {
                changed.append(share.day)
            }
        }
        return changed
    }

    static func facts(_ period: KPIPeriod, _ settings: StoreSettings, _ tx: any StoreReading) throws -> KPIFacts {
        let offset = settings.utcOffset
        let (start, end) = period.bounds(in: offset)
        return KPIFacts(period: period, offset: offset,
                        orders: try tx.kpiOrders(openedFrom: period.from, through: period.to, orDeliveredFrom: start, to: end),
                        comebacks: try tx.comebacks(deliveredFrom: start, to: end),
                        appointments: try tx.appointments(fromDay: period.from, toDay: period.to),
                        followUps: try tx.kpiFollowUpCalls(from: start, to: end),
                        complaints: try tx.complaints(openedFrom: start, to: end),
                        reminderCalls: try tx.reminderLog(from: start, to: end),
                        delayedDeliveries: try tx.delayedDeliveries(openedFrom: start, to: end),
                        technicians: try tx.staff().filter { $0.role == .technician },
                        settings: KPISettings.from(keyValues: try tx.settingValues()))
    }
}
