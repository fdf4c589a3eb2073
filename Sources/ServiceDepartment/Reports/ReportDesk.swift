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

    /// The figures off their targets for the month so far (`today` shows them to the service manager).
    static func offTarget(by caller: Caller, _ tx: any StoreReading) throws -> [KPILine] {
        let today = caller.today
        guard let month = KPIPeriod.month(year: today.year, month: today.month) else { return [] }
        let settings = KPISettings.from(keyValues: try tx.settingValues())
        guard !settings.targets.isEmpty else { return [] }
        return KPIReport.offTarget(try facts(KPIPeriod(from: month.from, to: today), caller.settings, tx))
    }

    static func facts(_ period: KPIPeriod, _ settings: StoreSettings, _ tx: any StoreReading) throws -> KPIFacts {
        let offset = settings.utcOffset
        let (start, end) = period.bounds(in: offset)
        return KPIFacts(period: period, offset: offset,
                        orders: try tx.repairOrders(openedFrom: period.from, through: period.to, orDeliveredFrom: start, to: end),
                        comebacks: try tx.comebacks(deliveredFrom: start, to: end),
                        appointments: try tx.appointments(fromDay: period.from, toDay: period.to),
                        followUps: try tx.followUps(from: start, to: end),
                        complaints: try tx.complaints(openedFrom: start, to: end),
                        reminderCalls: try tx.reminderLog(from: start, to: end),
                        delayedDeliveries: try tx.delayedDeliveries(openedFrom: start, to: end),
                        technicians: try tx.staff().filter { $0.role == .technician },
                        settings: KPISettings.from(keyValues: try tx.settingValues()))
    }
}
