/// A service campaign (R1.5) or a technical upgrade issued by the maker
/// (R1.6): which vehicles it is for, and when it runs.
public struct ServiceCampaign: Sendable, Equatable {
    public var id: Int64
    /// The maker's or the store's code, e.g. `UPG-2026-07`.
    public var code: String
    /// `.campaign` or `.upgrade`.
    public var kind: ReminderKind
    public var title: String
    /// Models it applies to, matched at the start of the model name
    /// (`星河 EV6` matches `星河 EV6 长续航`); empty: every model.
    public var models: [String]
    /// VINs it applies to, by their start (the maker's VIN range); nil: any.
    public var vinPrefix: String?
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate?

    public init(id: Int64 = 0, code: String, kind: ReminderKind, title: String, models: [String], vinPrefix: String?,
                startsOn: CalendarDate, endsOn: CalendarDate?) {
        self.id = id
        self.code = code
        self.kind = kind
        self.title = title
        self.models = models
        self.vinPrefix = vinPrefix
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    public func applies(to vehicle: Vehicle) -> Bool {
        (models.isEmpty || models.contains { vehicle.model.hasPrefix($0) })
            && (vinPrefix.map { vehicle.vin.value.hasPrefix($0) } ?? true)
    }

    /// The VINs `vinPrefix` admits, as a range (a store's index range; `applies` decides).
    public var vinRange: Range<String>? { vinPrefix.map { $0..<($0 + "\u{10FFFF}") } }

    public func isRunning(on day: CalendarDate) -> Bool {
        startsOn <= day && (endsOn.map { day <= $0 } ?? true)
    }

    /// The reminder for one eligible vehicle.
    public func reminder() -> ServiceReminder {
        let until = endsOn.map { MessageArgument.message(Message("campaign.until", ["day": .date($0)])) } ?? .text("")
        let what = Message(kind == .upgrade ? "campaign.invite_upgrade" : "campaign.invite",
                           ["code": .text(code), "title": .text(title), "until": until])
        return ServiceReminder(kind: kind, dueOn: startsOn, estimatedMileage: nil, dueMileage: nil, why: what, rule: kind.rule)
    }

    /// Every problem with a campaign about to be created.
    public static func problems(code: String, kind: ReminderKind?, title: String, startsOn: CalendarDate?, endsOn: CalendarDate?) -> [Problem] {
        var p: [Problem] = []
        if code.trimmingWhitespace().isEmpty { p.append(Problem("code", Message("campaign.code_missing"))) }
        if kind != .campaign && kind != .upgrade { p.append(Problem("kind", Message("campaign.not_a_kind"))) }
        if title.trimmingWhitespace().isEmpty { p.append(Problem("title", Message("campaign.title_missing"))) }
        if startsOn == nil { p.append(Problem("from", Message("campaign.first_day_missing"))) }
        if let s = startsOn, let e = endsOn, e < s { p.append(Problem("until", Message("campaign.ends_before_start"))) }
        return p
    }
}

extension ServiceCampaign {
    /// R1.5, R1.6: the running campaigns that apply to `vehicle` and for which
    /// it has not been booked yet.
    public static func pending(_ campaigns: [ServiceCampaign], for vehicle: Vehicle, on day: CalendarDate,
                               log: [LoggedCall]) -> [ServiceCampaign] {
        campaigns.filter { c in
            c.isRunning(on: day) && c.applies(to: vehicle) && !log.contains { $0.reference == c.code && $0.outcome == .booked }
        }
    }
}
