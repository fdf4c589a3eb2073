/// The days a report covers: a day, a week, a month or any range, both ends included.
public struct KPIPeriod: Hashable, Sendable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    public static func day(_ d: CalendarDate) -> KPIPeriod { KPIPeriod(from: d, to: d) }

    /// Monday to Sunday of the week holding `day`.
    public static func week(of day: CalendarDate) -> KPIPeriod {
        let monday = day.adding(days: -((day.weekday + 6) % 7))
        return KPIPeriod(from: monday, to: monday.adding(days: 6))
    }

    /// The calendar month `year`-`month`; nil when there is no such month.
    public static func month(year: Int, month: Int) -> KPIPeriod? {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        return KPIPeriod(from: first, to: first.adding(months: 1).adding(days: -1))
    }

    public var dayCount: Int { from.days(until: to) + 1 }
    public var days: [CalendarDate] { (0..<dayCount).map { from.adding(days: $0) } }
    public func contains(_ day: CalendarDate) -> Bool { day >= from && day <= to }

    /// The first instant of the period and the first instant after it, in the store's time.
    public func bounds(in offset: UTCOffset) -> (start: Timestamp, end: Timestamp) {
        (Timestamp(date: from, offset: offset), Timestamp(date: to.adding(days: 1), offset: offset))
    }

    /// The slices a chart shows: each day up to 45 days, else weeks of seven days from the first.
    public var slices: [KPIPeriod] {
        let step = sliceDays
        return stride(from: 0, to: dayCount, by: step).map { i in
            KPIPeriod(from: from.adding(days: i), to: min(to, from.adding(days: i + step - 1)))
        }
    }

    /// The days of one slice (the last may be shorter).
    public var sliceDays: Int { dayCount <= 45 ? 1 : 7 }

    /// Which of `slices` holds `day`; nil outside the period.
    public func sliceIndex(of day: CalendarDate) -> Int? { contains(day) ? from.days(until: day) / sliceDays : nil }
}

/// The recorded rows a report is worked out from, as the store hands them
/// over for one period. Nothing here is typed in for the report: every row
/// is one the department's own steps wrote.
public struct KPIFacts: Sendable {
    public var period: KPIPeriod
    public var offset: UTCOffset
    /// Orders opened in the period, and orders delivered in it (each once).
    public var orders: [KPIOrder]
    /// The comebacks (orders linked by `ro comeback` to the earlier order
    /// whose fault they repair again) delivered in the period, each with the
    /// earlier order's advisor and team: a comeback counts against them.
    public var comebacks: [KPIComeback]
    /// Appointments whose day is in the period.
    public var appointments: [Appointment]
    /// Follow-up calls made in the period.
    public var followUps: [KPIFollowUpCall]
    /// Complaints opened in the period.
    public var complaints: [Complaint]
    /// Reminder calls made in the period.
    public var reminderCalls: [ReminderLogEntry]
    /// Delayed deliveries opened in the period (cause `part`: a back-order).
    public var delayedDeliveries: [DelayedDelivery]
    /// Technicians on the staff list (hours available).
    public var technicians: [StaffMember]
    public var settings: KPISettings

    public init(period: KPIPeriod, offset: UTCOffset, orders: [KPIOrder] = [], comebacks: [KPIComeback] = [],
                appointments: [Appointment] = [], followUps: [KPIFollowUpCall] = [], complaints: [Complaint] = [],
                reminderCalls: [ReminderLogEntry] = [], delayedDeliveries: [DelayedDelivery] = [], technicians: [StaffMember] = [],
                settings: KPISettings = KPISettings()) {
        self.period = period
        self.offset = offset
        self.orders = orders
        self.comebacks = comebacks
        self.appointments = appointments
        self.followUps = followUps
        self.complaints = complaints
        self.reminderCalls = reminderCalls
        self.delayedDeliveries = delayedDeliveries
        self.technicians = technicians
        self.settings = settings
    }

    func isOpened(_ o: KPIOrder, in p: KPIPeriod) -> Bool { p.contains(o.openedAt.date(in: offset)) }
    func isDelivered(_ o: KPIOrder, in p: KPIPeriod) -> Bool { o.deliveredAt.map { p.contains($0.date(in: offset)) } ?? false }

    /// The facts of each of the period's slices, as `narrowed(to:)` gives them one at a time, in one pass
    /// over the rows: each row is put in the slice of its day (an order in those of its opening and its
    /// delivery), in the order the rows came, instead of every row being read once per slice.
    public func sliced() -> [KPIFacts] {
        var parts = period.slices.map { slice -> KPIFacts in
            var f = self
            f.period = slice
            f.orders = []
            f.comebacks = []
            f.appointments = []
            f.followUps = []
            f.complaints = []
            f.reminderCalls = []
            f.delayedDeliveries = []
            return f
        }
        func slice(_ t: Timestamp) -> Int? { period.sliceIndex(of: t.date(in: offset)) }
        for o in orders {
            let opened = slice(o.openedAt), delivered = o.deliveredAt.flatMap { slice($0) }
            if let opened { parts[opened].orders.append(o) }
            if let delivered, delivered != opened { parts[delivered].orders.append(o) }
        }
        for c in comebacks { if let i = slice(c.deliveredAt) { parts[i].comebacks.append(c) } }
        for a in appointments { if let i = slice(a.start) { parts[i].appointments.append(a) } }
        for r in followUps { if let i = slice(r.at) { parts[i].followUps.append(r) } }
        for c in complaints { if let i = slice(c.openedAt) { parts[i].complaints.append(c) } }
        for c in reminderCalls { if let i = slice(c.at) { parts[i].reminderCalls.append(c) } }
        for d in delayedDeliveries { if let i = slice(d.openedAt) { parts[i].delayedDeliveries.append(d) } }
        return parts
    }

    /// The same facts narrowed to one slice of the period (a day of a sparkline).
    public func narrowed(to p: KPIPeriod) -> KPIFacts {
        var f = self
        f.period = p
        f.orders = orders.filter { isOpened($0, in: p) || isDelivered($0, in: p) }
        f.comebacks = comebacks.filter { p.contains($0.deliveredAt.date(in: offset)) }
        f.appointments = appointments.filter { p.contains($0.start.date(in: offset)) }
        f.followUps = followUps.filter { p.contains($0.at.date(in: offset)) }
        f.complaints = complaints.filter { p.contains($0.openedAt.date(in: offset)) }
        f.reminderCalls = reminderCalls.filter { p.contains($0.at.date(in: offset)) }
        f.delayedDeliveries = delayedDeliveries.filter { p.contains($0.openedAt.date(in: offset)) }
        return f
    }
}

/// A follow-up call as the figures read it: which call, what came of it, the score given and when (not what was
/// said nor who called: a day's 5,500 calls at 1M vehicles are read whenever its share is worked out again).
public struct KPIFollowUpCall: Sendable, Equatable {
    public var call: FollowUpCall
    public var outcome: FollowUpOutcome
    public var score: Int?
    public var at: Timestamp

    public init(call: FollowUpCall, outcome: FollowUpOutcome, score: Int?, at: Timestamp) {
        self.call = call
        self.outcome = outcome
        self.score = score
        self.at = at
    }

    /// The figures' view of a call as recorded.
    public init(_ r: FollowUpRecord) { self.init(call: r.call, outcome: r.outcome, score: r.score, at: r.at) }
}

/// A comeback delivered in the period: the order (`comeback_of` set by `ro
/// comeback`), when it was delivered, and the earlier order it repeats with
/// that order's advisor and team.
public struct KPIComeback: Sendable, Equatable {
    public var orderID: Int64
    public var deliveredAt: Timestamp
    public var earlier: String
    public var earlierAdvisor: String
    public var earlierTeam: String?

    public init(orderID: Int64, deliveredAt: Timestamp, earlier: String, earlierAdvisor: String, earlierTeam: String?) {
        self.orderID = orderID
        self.deliveredAt = deliveredAt
        self.earlier = earlier
        self.earlierAdvisor = earlierAdvisor
        self.earlierTeam = earlierTeam
    }
}

/// What the report's definitions leave to the store: the days a complaint
/// may take, a technician's hours a day, how long a waiting customer may
/// wait, and the targets (`kpi.*` in store.toml, `store set`).
public struct KPISettings: Hashable, Sendable {
    /// A complaint resolved within this many days of being opened was closed in time.
    public var complaintDays = 3
    /// Hours each technician is available on each day of the period.
    public var technicianHoursPerDay = 8
    /// A customer who waits in the lounge should have their car back within this many minutes of the order's opening.
    public var waitMinutes = 90
    /// Targets by figure; a figure without one is never "off target".
    public var targets: [KPIID: Int64] = [:]

    public init(complaintDays: Int = 3, technicianHoursPerDay: Int = 8, waitMinutes: Int = 90, targets: [KPIID: Int64] = [:]) {
        self.waitMinutes = waitMinutes
        self.complaintDays = complaintDays
        self.technicianHoursPerDay = technicianHoursPerDay
        self.targets = targets
    }
}

extension KPISettings {
    /// The `kpi.*` settings: `kpi.complaint_days`, `kpi.technician_hours_per_day`, `kpi.wait_minutes` and a
    /// `kpi.target.FIGURE` per figure. Missing or malformed values keep the standard (`store set` checks them).
    public static func from(keyValues: [String: String]) -> KPISettings {
        var s = KPISettings()
        if let v = keyValues["kpi.complaint_days"].flatMap({ Int($0) }), v > 0 { s.complaintDays = v }
        if let v = keyValues["kpi.technician_hours_per_day"].flatMap({ Int($0) }), (1...24).contains(v) { s.technicianHoursPerDay = v }
        if let v = keyValues["kpi.wait_minutes"].flatMap({ Int($0) }), v > 0 { s.waitMinutes = v }
        for id in KPIID.allCases {
            if let v = keyValues[id.settingKey].flatMap({ Int64($0.trimmingWhitespace()) }) { s.targets[id] = v }
        }
        return s
    }

    /// The `[kpi]` keys of store.toml and `store set`: the definitions' parameters and a target per figure.
    public static let settingKeys: [StoreSettingKey] = [
        StoreSettingKey("kpi.complaint_days", .wholeNumber, example: "3"),
        StoreSettingKey("kpi.technician_hours_per_day", .wholeNumber, example: "8"),
        StoreSettingKey("kpi.wait_minutes", .wholeNumber, example: "90"),
    ] + KPIID.allCases.map { id in
        StoreSettingKey(id.settingKey, .wholeNumber, meaning: Message("setting.meaning.kpi.target"),
                        example: id.unit == .money ? "30000" : id.unit == .score ? "450" : "90")
    }

    /// The value a parameter (`kpi.complaint_days`…) has when the store sets none; nil for a target, which a
    /// figure has only when the store sets one.
    public static func standardValue(of key: String) -> String? {
        let s = KPISettings()
        switch key {
        case "kpi.complaint_days": return String(s.complaintDays)
        case "kpi.technician_hours_per_day": return String(s.technicianHoursPerDay)
        case "kpi.wait_minutes": return String(s.waitMinutes)
        default: return nil
        }
    }

    /// Every problem with `kpi.*` values (a whole number each; the parameters above zero).
    public static func problems(keyValues: [String: String]) -> [Problem] {
        var p: [Problem] = []
        for key in settingKeys {
            guard let v = keyValues[key.name] else { continue }
            guard let n = Int64(v.trimmingWhitespace()) else {
                p.append(Problem(key.name, Message("settings.not_a_whole_number", ["given": .text(v)])))
                continue
            }
            if n < 0 || (!key.name.hasPrefix("kpi.target_") && (n < 1 || (key.name == "kpi.technician_hours_per_day" && n > 24))) {
                p.append(Problem(key.name, Message("settings.not_a_kpi_value", ["given": .text(v)])))
            }
        }
        return p
    }

    /// The longest period one report covers.
    public static let longestPeriodDays = 366
}
