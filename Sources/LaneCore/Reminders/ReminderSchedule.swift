/// The reminder schedule: for each vehicle, the day each reminder it owes
/// falls due and the days it is listed, kept by the store beside the rows it
/// comes from so that `remind due` reads an index range instead of every
/// vehicle's history (docs/performance.md).
///
/// The due dates are the rules' own (`ServiceReminders`, `ServiceCampaign`):
/// none of them depends on the day asked about, only on the history, so they
/// can be worked out when the history changes. What does depend on the day
/// (the reason's words, today's estimated mileage, whether R1.2 gives way to
/// R1.3) is worked out again, by the same rules, for the vehicles the range
/// finds: the schedule picks the vehicles, the rules still write the list.
public struct ScheduledReminder: Sendable, Equatable, Hashable {
    public var kind: ReminderKind
    /// The campaign's code for R1.5/R1.6; nil for the built-in rules.
    public var reference: String?
    /// The day the reminder falls due (the list's order, with the plate).
    public var dueOn: CalendarDate
    /// The first day it is listed.
    public var listedFrom: CalendarDate
    /// The first day it is no longer listed (R1.2 once the customer counts as
    /// lost, a campaign after its last day); nil: until it is settled.
    public var listedUntil: CalendarDate?

    public init(kind: ReminderKind, reference: String?, dueOn: CalendarDate, listedFrom: CalendarDate, listedUntil: CalendarDate?) {
        self.kind = kind
        self.reference = reference
        self.dueOn = dueOn
        self.listedFrom = listedFrom
        self.listedUntil = listedUntil
    }

    public func isListed(on day: CalendarDate) -> Bool {
        listedFrom <= day && (listedUntil.map { day < $0 } ?? true)
    }
}

public enum ReminderSchedule {
    /// R1.1 and R1.2 are listed this many days before they fall due (`ServiceReminders.due`'s horizon).
    public static let horizonDays = 10

    /// What `vehicle` owes from its whole history, less what the log has
    /// settled (booked or declined). An R1.2 reminder whose customer has
    /// since been settled as lost is left out: it was listed only until R1.3
    /// took its place, and the days only go forward.
    public static func entries(for vehicle: Vehicle, history: [ServiceHistoryEntry], log: [LoggedCall],
                               campaigns: [ServiceCampaign], policy: ServicePolicy = .standard) -> [ScheduledReminder] {
        let saleMileage = history.first { $0.kind == .sold }?.mileage ?? 0
        let visits = ServiceReminders.sortedByDay(ServiceVisitRecord.records(from: history))
        // Every visit is known (the rules' "visits after today" do not exist for today or later days).
        let latest = visits.last?.on ?? vehicle.soldOn
        let asOf = max(latest, vehicle.soldOn)
        let usage = ServiceReminders.Usage(soldOn: vehicle.soldOn, saleMileage: saleMileage, visits: visits,
                                           readings: MileageReading.readings(from: history))
        let regular = ServiceReminders.regularService(visits: visits, usage: usage, today: asOf, policy: policy)
        let lostOn = ServiceReminders.lostOn(soldOn: vehicle.soldOn, lastVisit: visits.last?.on, regularDue: regular?.dueOn, policy: policy)
        func settled(_ kind: ReminderKind, _ due: CalendarDate, _ reference: String? = nil) -> Bool {
            log.contains { $0.vehicleID == vehicle.id && $0.kind == kind && $0.dueOn == due && $0.reference == reference && $0.outcome.settlesReminder }
        }
        var out: [ScheduledReminder] = []
        let lostSettled = settled(.lostCustomer, lostOn)
        if let first = ServiceReminders.firstService(soldOn: vehicle.soldOn, saleMileage: saleMileage, visits: visits, usage: usage,
                                                     today: asOf, policy: policy), !settled(.firstService, first.dueOn) {
            out.append(ScheduledReminder(kind: .firstService, reference: nil, dueOn: first.dueOn,
                                         listedFrom: first.dueOn.adding(days: -horizonDays), listedUntil: nil))
        }
        if !lostSettled, let regular, !settled(.regularService, regular.dueOn) {
            out.append(ScheduledReminder(kind: .regularService, reference: nil, dueOn: regular.dueOn,
                                         listedFrom: regular.dueOn.adding(days: -horizonDays), listedUntil: lostOn))
        }
        if !lostSettled {
            out.append(ScheduledReminder(kind: .lostCustomer, reference: nil, dueOn: lostOn, listedFrom: lostOn, listedUntil: nil))
        }
        for c in campaigns where c.applies(to: vehicle) && !settled(c.kind, c.startsOn, c.code) {
            out.append(ScheduledReminder(kind: c.kind, reference: c.code, dueOn: c.startsOn, listedFrom: c.startsOn,
                                         listedUntil: c.endsOn.map { $0.adding(days: 1) }))
        }
        return out
    }
}
