/// The repair quality warranty (维修质量保证期) the settlement promises: by
/// the kind of repair, so many km or so many days from the day the car left
/// the workshop, whichever comes first. The defaults are those of the
/// Motor Vehicle Repair Regulations (机动车维修管理规定, art. 38) for cars;
/// a store sets its own (`quality.*`), never shorter in practice.
public struct QualityWarrantyTerms: Hashable, Sendable {
    public struct Period: Hashable, Sendable {
        public var km: Int
        public var days: Int
        public init(km: Int, days: Int) {
            self.km = km
            self.days = days
        }
    }

    /// 整车修理、总成修理 (whole-vehicle and assembly repairs).
    public var assembly: Period
    /// 二级维护 (second-level maintenance).
    public var secondLevel: Period
    /// 一级维护、小修及专项修理 (first-level maintenance, minor and special repairs).
    public var minor: Period
    /// Labour operation codes that make a job an assembly repair or second-level maintenance.
    public var assemblyOperations: [String]
    public var secondLevelOperations: [String]

    public init(assembly: Period, secondLevel: Period, minor: Period, assemblyOperations: [String], secondLevelOperations: [String]) {
        self.assembly = assembly
        self.secondLevel = secondLevel
        self.minor = minor
        self.assemblyOperations = assemblyOperations
        self.secondLevelOperations = secondLevelOperations
    }

    public static let regulation = QualityWarrantyTerms(
        assembly: Period(km: 20_000, days: 100), secondLevel: Period(km: 5_000, days: 30), minor: Period(km: 2_000, days: 10),
        assemblyOperations: [], secondLevelOperations: [])

    /// The kind of a repair: the weightiest of the labour the customer approved.
    public func kind(of order: RepairOrder) -> RepairKind {
        let codes = Set(order.approvedLines.filter { $0.kind == .labor }.map(\.code))
        if !codes.isDisjoint(with: assemblyOperations) { return .assembly }
        if !codes.isDisjoint(with: secondLevelOperations) { return .secondLevel }
        return .minor
    }

    public func period(_ kind: RepairKind) -> Period {
        switch kind {
        case .assembly: return assembly
        case .secondLevel: return secondLevel
        case .minor: return minor
        }
    }

    /// What the order's settlement promises: counted from `leftOn` (the day
    /// the car left) at `mileage` (the odometer at check-in).
    public func warranty(for order: RepairOrder, leftOn: CalendarDate, mileage: Int) -> QualityWarranty {
        let kind = kind(of: order)
        let p = period(kind)
        return QualityWarranty(kind: kind, period: p, from: leftOn, until: leftOn.adding(days: p.days), fromKm: mileage, untilKm: mileage + p.km)
    }
}

/// The kinds of repair the regulation gives different warranty periods.
public enum RepairKind: String, CaseIterable, Sendable {
    case assembly
    case secondLevel = "second_level"
    case minor
}

/// One order's repair quality warranty: the first of the date and the km ends it.
public struct QualityWarranty: Sendable, Equatable {
    public var kind: RepairKind
    public var period: QualityWarrantyTerms.Period
    public var from: CalendarDate
    public var until: CalendarDate
    public var fromKm: Int
    public var untilKm: Int
}
