/// The service manager's figures. Each is a numerator over a denominator
/// worked out from recorded rows (docs/kpis.md defines every one); a count
/// or an amount has the denominator 1.
public enum KPIID: String, CaseIterable, Sendable, Hashable {
    // Throughput (台次)
    case ordersOpened = "orders_opened"
    case ordersDelivered = "orders_delivered"
    case deliveredFirstService = "delivered_first_service"
    case deliveredRegularService = "delivered_regular_service"
    case deliveredRepair = "delivered_repair"
    // Revenue (单车产值)
    case revenuePerOrder = "revenue_per_order"
    case laborRevenue = "labor_revenue"
    case partsRevenue = "parts_revenue"
    case discounts
    case warrantyValue = "warranty_value"
    // Labour (工时效率 / 生产利用率)
    case hoursSold = "hours_sold"
    case hoursClocked = "hours_clocked"
    case hoursAvailable = "hours_available"
    case laborEfficiency = "labor_efficiency"
    case productivity
    // Delivery (准时交车率)
    case onTimeDelivery = "on_time_delivery"
    case sameDayTurnaround = "same_day_turnaround"
    /// Customers who waited at the store for their car, and how long.
    case waitingCustomers = "waiting_customers"
    case waitMedian = "wait_median"
    case waitAverage = "wait_average"
    case waitedTooLong = "waited_too_long"
    // Appointments (预约率 / 履约率)
    case appointmentRate = "appointment_rate"
    case keptAppointmentRate = "kept_appointment_rate"
    case noShows = "no_shows"
    // Quality (一次修复率 / 返修率)
    case comebackRate = "comeback_rate"
    case firstTimeFix = "first_time_fix"
    // Extra work
    case extraWorkCloseRate = "extra_work_close_rate"
    // Follow-up and complaints
    case followUpReach = "follow_up_reach"
    case satisfaction
    case csi
    case complaintsOpened = "complaints_opened"
    case complaintsClosedInTime = "complaints_closed_in_time"
    // Reminders
    case reminderCalls = "reminder_calls"
    case reminderBookedRate = "reminder_booked_rate"
    case reminderDeclined = "reminder_declined"
    case lostCustomersWonBack = "lost_customers_won_back"
    // Parts (备件满足率)
    case partsFillRate = "parts_fill_rate"
    case backOrders = "back_orders"

    public var unit: KPIUnit {
        switch self {
        case .ordersOpened, .ordersDelivered, .deliveredFirstService, .deliveredRegularService, .deliveredRepair,
             .noShows, .complaintsOpened, .waitingCustomers, .reminderCalls, .reminderDeclined, .lostCustomersWonBack, .backOrders: .count
        case .revenuePerOrder, .laborRevenue, .partsRevenue, .discounts, .warrantyValue: .money
        case .hoursSold, .hoursClocked, .hoursAvailable: .hours
        case .sameDayTurnaround, .waitMedian, .waitAverage: .minutes
        case .satisfaction: .score
        default: .percent
        }
    }

    /// Whether more is better (a target is a floor) or less (a ceiling).
    public var higherIsBetter: Bool {
        switch self {
        case .comebackRate, .discounts, .noShows, .complaintsOpened, .sameDayTurnaround, .reminderDeclined, .backOrders,
             .waitMedian, .waitAverage, .waitedTooLong: false
        default: true
        }
    }

    /// The group a figure is shown in.
    public var section: KPISection {
        switch self {
        case .ordersOpened, .ordersDelivered, .deliveredFirstService, .deliveredRegularService, .deliveredRepair: .throughput
        case .revenuePerOrder, .laborRevenue, .partsRevenue, .discounts, .warrantyValue: .revenue
        case .hoursSold, .hoursClocked, .hoursAvailable, .laborEfficiency, .productivity: .labor
        case .onTimeDelivery, .sameDayTurnaround, .waitingCustomers, .waitMedian, .waitAverage, .waitedTooLong: .delivery
        case .appointmentRate, .keptAppointmentRate, .noShows: .appointments
        case .comebackRate, .firstTimeFix, .extraWorkCloseRate: .quality
        case .followUpReach, .satisfaction, .csi, .complaintsOpened, .complaintsClosedInTime: .followUp
        case .reminderCalls, .reminderBookedRate, .reminderDeclined, .lostCustomersWonBack: .reminders
        case .partsFillRate, .backOrders: .parts
        }
    }

    /// Figures that mean something for one advisor, team or technician
    /// (the others are the store's: follow-up, reminders, parts).
    public var splitsByPerson: Bool {
        switch section {
        case .throughput, .revenue, .labor, .delivery, .quality, .appointments: true
        case .followUp, .reminders, .parts: false
        }
    }

    /// `kpi.target_on_time_delivery` (store.toml: `[kpi]` `target_on_time_delivery = 90`): a target in what a
    /// manager types (whole percent, fen, whole hours, minutes, a count; a score × 100).
    public var settingKey: String { "kpi.target_" + rawValue }

    public var title: String { MessageCatalog.current.word("kpi", rawValue) }
}

public enum KPISection: String, CaseIterable, Sendable {
    case throughput, revenue, labor, delivery, appointments, quality, followUp = "follow_up", reminders, parts

    public var title: String { MessageCatalog.current.word("kpi_section", rawValue) }
}

public enum KPIUnit: String, Sendable {
    /// Orders, calls, complaints…
    case count
    /// Fen.
    case money
    /// A share: numerator over denominator.
    case percent
    /// Hundredths of an hour.
    case hours
    case minutes
    /// The follow-up satisfaction 1…5, as an average.
    case score
    /// Points on a scale shown with one decimal, in tenths: a survey's CSI 0…100 (87.5), NPS −100…100.
    case points
}

/// One figure as worked out: `numerator / denominator` (nil value when nothing was counted).
public struct KPIFigure: Sendable, Equatable {
    public var id: KPIID
    public var numerator: Int64
    public var denominator: Int64

    public init(_ id: KPIID, _ numerator: Int64, over denominator: Int64 = 1) {
        self.id = id
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The figure in its unit's smallest step, rounded half up: a percent in
    /// basis points (85.25 % → 8525), money in fen, hours in hundredths,
    /// minutes, a count; a score × 100 (4.35 → 435). Nil when nothing was counted.
    public var value: Int64? { Self.value(numerator, over: denominator, id.unit) }

    /// `numerator / denominator` in `unit`'s smallest step (points in tenths), rounded half away from zero.
    public static func value(_ numerator: Int64, over denominator: Int64, _ unit: KPIUnit) -> Int64? {
        guard denominator != 0 else { return nil }
        let scale: Int64 = switch unit {
        case .percent: 10_000
        case .score: 100
        case .points: 10
        case .count, .money, .hours, .minutes: 1
        }
        return Money.divideRoundingHalfUp(numerator * scale, by: denominator)
    }

    /// A target in what a manager types: whole percent, fen, whole hours, minutes, a count, a score × 100, whole points.
    public static func targetValue(_ target: Int64, for id: KPIID) -> Int64 { targetValue(target, unit: id.unit) }

    public static func targetValue(_ target: Int64, unit: KPIUnit) -> Int64 {
        switch unit {
        case .percent, .hours: target * 100
        case .points: target * 10
        case .count, .money, .minutes, .score: target
        }
    }

    /// Whether the figure misses `target` (nil: nothing counted, so nothing to judge).
    public func isOffTarget(_ target: Int64) -> Bool? {
        guard let v = value else { return nil }
        let t = Self.targetValue(target, for: id)
        return id.higherIsBetter ? v < t : v > t
    }
}
