import LaneCore
import LaneStore

/// What `report kpi --stores` asks for: the period, which stores of the
/// server (codes or schemas; empty: all of them), and a split in each store
/// (`--by`, as `report kpi` splits one store's).
public struct GroupKPIRequest: Sendable {
    public var period: KPIPeriod
    public var stores: [String]
    public var grouping: KPIGrouping?

    public init(period: KPIPeriod, stores: [String], grouping: KPIGrouping? = nil) {
        self.period = period
        self.stores = stores
        self.grouping = grouping
    }
}

/// Asks the plugins of the front end for their KPI sections in one store of the group, inside that
/// store's lookup (its department has it open): the department, the reader there, the request, and that
/// store's plugin settings (`plugin.NAME.KEY`).
public typealias GroupKPIContributions = (Department, Caller, KPIContributionRequest, [String: String]) throws -> [KPIContribution]

/// One store's figures in a group report.
public struct GroupStoreKPI: Sendable {
    public var store: GroupStore
    public var report: KPIReport
}

/// The group's figures: each store's, and the group's total (`KPIGroupTotal`), the plugins' too.
public struct GroupKPIReport: Sendable {
    public var period: KPIPeriod
    public var grouping: KPIGrouping?
    public var stores: [GroupStoreKPI]
    public var total: [KPIFigure]
    /// The plugins' sections added up over the stores (`KPIGroupTotal.total(contributions:)`).
    public var contributedTotal: [KPIContribution] = []
}

/// A dealer group's view of the stores on one server: their KPI reports side
/// by side, for the group's reader (`StaffRole.groupReader`), who changes
/// nothing anywhere. Each store decides who reads it: the reader must be on
/// that store's staff list with the group reader's role and a PIN, and signs in
/// there with it (that store's PIN record and lockout), so nobody made in one
/// store reads another. The store's own service manager and admin read their
/// own store's report with `report kpi`, not the group's.
public struct GroupReportDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// `store list`: the stores on the server, and whether each is the one this desk works in.
    public func stores(by caller: Caller) throws -> [(store: GroupStore, isThisStore: Bool)] {
        try department.authorize("store list", caller)
        guard let group = department.store as? any StoreGroupServing else {
            throw Refusal(Message("group.cannot_list"), problems: [Problem("db", Message("group.one_store_file"))])
        }
        return try group.groupStores().map { ($0, $0.schema == group.groupSchema) }
    }

    /// The stores' reports and the group's total; `pin` gives the reader's PIN for a store (asked once, used for each).
    public func kpi(_ request: GroupKPIRequest, by caller: Caller, pin: (String) throws -> String?,
                    contributions: GroupKPIContributions = { _, _, _, _ in [] }) throws -> GroupKPIReport {
        let refused = Message("group.cannot_read")
        try department.authorize("report kpi", caller)
        guard let group = department.store as? any StoreGroupServing else {
            throw Refusal(refused, problems: [Problem("stores", Message("group.one_store_file"))])
        }
        guard caller.role == .groupReader else {
            throw Refusal(refused, problems: [Problem("role", Message("group.reader_only", ["user": .text(caller.user)]))])
        }
        var problems: [Problem] = []
        if request.period.dayCount > KPISettings.longestPeriodDays {
            problems.append(Problem("period", Message("report.period_too_long", ["days": .int(request.period.dayCount),
                                                                                 "most": .int(KPISettings.longestPeriodDays)])))
        }
        let chosen = Self.choose(request.stores, from: try group.groupStores(), problems: &problems)
        try Refusal.check(refused, problems)

        // Signed in to each store first, so that one refusal lists every store that refused.
        let departments = try Self.signIn(caller, to: chosen, of: group, here: department, as: .groupReader, problems: &problems, pin: pin) { store, role in
            Message("group.not_reader_there", ["user": .text(caller.user), "store": .text(store.code), "role": .role(role)])
        }
        try Refusal.check(refused, problems)

        var reports: [GroupStoreKPI] = []
        for (store, d) in departments {
            let report = try d.read("report kpi", by: caller) { tx in
                let there = Caller(user: caller.user, role: .groupReader, now: caller.now, settings: try tx.settings(), request: caller.request)
                var report = try ReportDesk.kpi(KPIRequest(period: request.period, grouping: request.grouping), by: there, tx)
                // The plugins' figures from that store's own tables, as `report kpi` asks them for one store.
                report.contributions = try contributions(d, there, KPIContributionRequest(
                    period: request.period, grouping: request.grouping == .technician ? nil : request.grouping),
                    try tx.settingValues().filter { $0.key.hasPrefix("plugin.") })
                return report
            }
            reports.append(GroupStoreKPI(store: store, report: report))
        }
        return GroupKPIReport(period: request.period, grouping: request.grouping, stores: reports,
                              total: KPIGroupTotal.total(reports.map { $0.report.lines.map(\.figure) }),
                              contributedTotal: KPIGroupTotal.total(contributions: reports.map(\.report.contributions)))
    }

    /// Signs `caller` in to each of `stores` by their staff row and PIN there (their PIN asked once, given to
    /// each), where they must have `role`; this store as it is. Every store that refuses is a problem (said with
    /// `notThat` when they have another role there); the departments of those that let them in.
    static func signIn(_ caller: Caller, to stores: [GroupStore], of group: any StoreGroupServing, here: Department, as role: StaffRole,
                       problems: inout [Problem], pin: (String) throws -> String?,
                       notThat: (GroupStore, StaffRole) -> Message) throws -> [(GroupStore, Department)] {
        var pinGiven: String??
        func samePin(_ who: String) throws -> String? {
            if let given = pinGiven { return given }
            let given = try pin(who)
            pinGiven = .some(given)
            return given
        }
        var departments: [(GroupStore, Department)] = []
        for store in stores {
            if store.schema == group.groupSchema {
                departments.append((store, here))
                continue
            }
            do {
                let other = Department(store: try group.openGroupStore(store))
                let member = try StaffAccess(other).signIn(caller.user, at: caller.now, pinRequired: true, pin: samePin)
                if member.role == role {
                    departments.append((store, other))
                } else {
                    problems.append(Problem("stores", notThat(store, member.role)))
                }
            } catch let refusal as Refusal {
                problems += refusal.problems.map { Problem("stores", Message("group.store_refused", ["store": .text(store.code),
                                                                                                     "reason": .message($0.said)])) }
            } catch let failure as StoreFailure {
                problems.append(Problem("stores", Message("group.store_refused", ["store": .text(store.code), "reason": .message(failure.said)])))
            }
        }
        return departments
    }

    /// The stores named (a code or a schema, any case; `all` or nothing: every store), every unknown or
    /// ambiguous name a problem.
    static func choose(_ names: [String], from stores: [GroupStore], problems: inout [Problem]) -> [GroupStore] {
        let wanted = names.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if wanted.isEmpty || wanted.contains(where: { $0.lowercased() == "all" }) { return stores }
        var chosen: [GroupStore] = []
        let known = MessageArgument.list(stores.map { .text($0.code) })
        for name in wanted {
            let bySchema = stores.filter { $0.schema == name.lowercased() }
            let byCode = stores.filter { $0.code.uppercased() == name.uppercased() }
            let found = bySchema.isEmpty ? byCode : bySchema
            if found.count == 1, let store = found.first {
                if !chosen.contains(store) { chosen.append(store) }
            } else if found.isEmpty {
                problems.append(Problem("stores", Message("group.no_such_store", ["given": .text(name), "stores": known])))
            } else {
                problems.append(Problem("stores", Message("group.ambiguous_code", ["given": .text(name),
                                                                                    "schemas": .list(found.map { .text($0.schema) })])))
            }
        }
        return chosen
    }
}
