/// Service reminders: spec section 1 "Solicit", rules R1.1 (first service),
/// R1.2 (regular service) and R1.3 (lost customer).
///
/// Pure domain code: the caller passes `today` and the vehicle's history, so the
/// same inputs always give the same list (no clock, no I/O). The readings follow
/// seeds/README.md "Reminder cases" and the check in scripts/make-seeds.py, which
/// the seed tests hold this code to:
///   * a *service* is a first_service or regular_service visit; repairs,
///     accidents and other visits are visits (they keep a customer from being
///     lost) but do not restart the service interval;
///   * mileage between readings is unknown, so today's odometer is estimated
///     from the average km/day between the first and the last reading (one
///     reading only: since the sale, from the sale mileage). Every reading
///     counts, whatever took it: a visit, a check-in, `vehicle edit
///     --mileage`, the mileage a customer gave when booking (`readings`);
///     on one day the highest is the latest, as odometers only go forward;
///   * "due" means falling due on or before `today + horizonDays`; a reminder that
///     fell due earlier is still listed, as overdue.

/// What a reminder invites the customer for, one per rule of section 1.
public enum ReminderKind: String, CaseIterable, Sendable {
    case firstService = "first_service"
    case regularService = "regular_service"
    case lostCustomer = "lost_customer"
    case delayedDelivery = "delayed_delivery"
    case campaign = "campaign"
    case upgrade = "upgrade"
    /// A customer who missed their appointment is called for the next attempt (R2.8).
    case missedAppointment = "missed_appointment"
    /// A safety recall by the maker (召回), listed apart from upgrades (warranty plugin).
    case recall = "recall"

    /// The rule of service-process.md that produces this kind of reminder.
    public var rule: String {
        switch self {
        case .firstService: return "R1.1"
        case .regularService: return "R1.2"
        case .lostCustomer: return "R1.3"
        case .delayedDelivery: return "R1.4"
        case .campaign: return "R1.5"
        case .upgrade, .recall: return "R1.6"
        case .missedAppointment: return "R2.8"
        }
    }

    public var title: String { MessageCatalog.current.word("reminder_kind", rawValue) }
}

/// One visit of a vehicle's service history, as the reminder rules see it.
public struct ServiceVisitRecord: Sendable, Equatable {
    public var on: CalendarDate
    /// The odometer at the visit, when it was recorded.
    public var mileage: Int?
    public var kind: VisitKind

    public init(on: CalendarDate, mileage: Int?, kind: VisitKind) {
        self.on = on
        self.mileage = mileage
        self.kind = kind
    }

    /// Nil unless the event is a visit. A visit recorded without a kind counts
    /// as `.other`: it is a visit (R1.3) but not a service (R1.1, R1.2).
    public init?(_ entry: ServiceHistoryEntry) {
        guard entry.kind == .visit else { return nil }
        self.init(on: entry.occurredOn, mileage: entry.mileage, kind: entry.visitKind ?? .other)
    }


    /// The visits among a vehicle's events (sales, transfers, edits and bare
    /// mileage readings are left out).
    public static func records(from history: [ServiceHistoryEntry]) -> [ServiceVisitRecord] {
        history.compactMap(ServiceVisitRecord.init)
    }

    /// First or regular service: the visits that count for R1.1 and restart R1.2's interval.
    public var isService: Bool { kind == .firstService || kind == .regularService }
}

/// One thing to call a customer about.
public struct ServiceReminder: Sendable, Equatable {
    public var kind: ReminderKind
    /// The day it falls (or fell) due; before `today` means overdue.
    public var dueOn: CalendarDate
    /// Today's odometer as estimated from the history; nil without usage data.
    public var estimatedMileage: Int?
    /// The odometer reading at which it falls due; nil when no distance applies (R1.3)
    /// or the reading at the last service is unknown.
    public var dueMileage: Int?
    /// Why, as a message, worded only when read (`reason`): a due list weighs more reminders than it
    /// shows (a vehicle's first and regular service both, a batch beyond the page), and wording each
    /// one as it was made was a fifth of `remind due`'s cost per page.
    public var why: Message
    /// Why, in an advisor's words and the reader's language, e.g. "first service due by 2026-12-01, …".
    public var reason: String { why.description }
    /// The rule that produced it, e.g. "R1.1".
    public var rule: String

    public init(kind: ReminderKind, dueOn: CalendarDate, estimatedMileage: Int?, dueMileage: Int?, why: Message,
                rule: String) {
        self.kind = kind
        self.dueOn = dueOn
        self.estimatedMileage = estimatedMileage
        self.dueMileage = dueMileage
        self.why = why
        self.rule = rule
    }

    /// A reminder whose reason is already words (a plugin's, a test's).
    public init(kind: ReminderKind, dueOn: CalendarDate, estimatedMileage: Int?, dueMileage: Int?, reason: String,
                rule: String) {
        self.init(kind: kind, dueOn: dueOn, estimatedMileage: estimatedMileage, dueMileage: dueMileage,
                  why: Message(.text, ["text": .text(reason)]), rule: rule)
    }

    public func isOverdue(on today: CalendarDate) -> Bool { dueOn < today }
}

/// The limits of section 1, kept together so a store with another maker's
/// schedule changes numbers, not code.
public struct ServicePolicy: Sendable, Equatable {
    /// R1.1: first service this many days after the sale …
    public var firstServiceDays: Int
    /// … or after this many km driven since the sale, whichever first.
    public var firstServiceKm: Int
    /// R1.2: regular service this many km after the last service …
    public var regularIntervalKm: Int
    /// … or this many calendar months after it, whichever first.
    public var regularIntervalMonths: Int
    /// R1.2: remind this many days before the service falls due; the upper
    /// bound is the default look-ahead of `ServiceReminders.due`.
    public var remindDaysBefore: ClosedRange<Int>
    /// R1.3: a vehicle with no visit for this many days is a lost customer.
    public var lostAfterDays: Int

    public init(firstServiceDays: Int = 60, firstServiceKm: Int = 2000, regularIntervalKm: Int = 5000,
                regularIntervalMonths: Int = 6, remindDaysBefore: ClosedRange<Int> = 7...10, lostAfterDays: Int = 180) {
        self.firstServiceDays = firstServiceDays
        self.firstServiceKm = firstServiceKm
        self.regularIntervalKm = regularIntervalKm
        self.regularIntervalMonths = regularIntervalMonths
        self.remindDaysBefore = remindDaysBefore
        self.lostAfterDays = lostAfterDays
    }

    /// 60 days / 2,000 km, then every 5,000 km / 6 months; remind 7-10 days ahead; lost after 180 days.
    public static let standard = ServicePolicy()
}

public enum ServiceReminders {
    /// Estimated odometer on `today`: the latest reading plus the average km/day
    /// times the days since it. The average is taken between the first and the
    /// last visit with a reading; with one reading (or all readings on one day)
    /// it is taken since the sale, from `saleMileage`. Without usage data (no
    /// reading after the sale day, or no distance gained) it is the latest
    /// reading, or the sale mileage. Visits after `today` are not yet known.
    public static func estimatedMileage(soldOn: CalendarDate, saleMileage: Int, visits: [ServiceVisitRecord],
                                        readings: [MileageReading] = [], today: CalendarDate) -> Int {
        Usage(soldOn: soldOn, saleMileage: saleMileage, visits: visits.filter { $0.on <= today },
              readings: readings.filter { $0.on <= today }).mileage(on: today)
    }

    /// Everything due for one vehicle on `today`, looking `horizonDays` ahead
    /// (10 by default: "due" means falling due by today + 10, the earliest day
    /// of R1.2's 7-10-day reminder window). At most one reminder per rule, in
    /// rule order R1.1, R1.2, R1.3.
    ///
    /// - R1.1 until the vehicle has had a service: due at the sale + 60 days or
    ///   on the day 2,000 km are driven since the sale, whichever first. The km
    ///   day uses the average km/day since the sale (to the last visit with a
    ///   reading), as make-seeds.py does; without a visit there is no usage
    ///   data and the 60 days alone apply.
    /// - R1.2 once there is a service: 6 calendar months or 5,000 km after the
    ///   latest service, whichever first; the km day is projected from the
    ///   latest reading at the average km/day. Overdue services stay listed.
    /// - R1.3 when the last visit of any kind (or the sale, with no visit) is
    ///   180 days or more before `today`, and, for a regular-service customer,
    ///   once their regular service has fallen due (`lostOn`): nobody is lost
    ///   before the service they were last told to come for. Not before: a
    ///   customer is not lost in advance, so the horizon does not apply.
    ///   Which of them is called is `ReminderPrecedence`'s: a lost customer
    ///   gets the win-back call instead of R1.2; R1.1 stays, since the first
    ///   service is still owed.
    ///
    /// Visits may come in any order and without mileage; visits after `today`
    /// are ignored (not yet known on `today`).
    public static func due(soldOn: CalendarDate, saleMileage: Int, visits: [ServiceVisitRecord], readings: [MileageReading] = [],
                           today: CalendarDate, policy: ServicePolicy = .standard, horizonDays: Int = 10) -> [ServiceReminder] {
        let known = sortedByDay(visits.filter { $0.on <= today })
        let usage = Usage(soldOn: soldOn, saleMileage: saleMileage, visits: known, readings: readings.filter { $0.on <= today })
        let horizon = today.adding(days: max(0, horizonDays))
        var result: [ServiceReminder] = []

        let regular = regularService(visits: known, usage: usage, today: today, policy: policy)
        if let first = firstService(soldOn: soldOn, saleMileage: saleMileage, visits: known, usage: usage,
                                    today: today, policy: policy), first.dueOn <= horizon {
            result.append(first)
        }
        if let regular, regular.dueOn <= horizon { result.append(regular) }
        if let lost = lostCustomer(soldOn: soldOn, visits: known, regularDue: regular?.dueOn, today: today, policy: policy) {
            result.append(lost)
        }
        return ReminderPrecedence.callable(result)
    }

    /// R1.3: the day a vehicle counts as lost: `lostAfterDays` after its last
    /// visit (or the sale), and not before its regular service fell due.
    public static func lostOn(soldOn: CalendarDate, lastVisit: CalendarDate?, regularDue: CalendarDate?,
                              policy: ServicePolicy) -> CalendarDate {
        let byDays = (lastVisit ?? soldOn).adding(days: policy.lostAfterDays)
        return regularDue.map { max($0, byDays) } ?? byDays
    }

    // MARK: The rules

    /// R1.1, whatever its due date; nil once the vehicle has had a service.
    static func firstService(soldOn: CalendarDate, saleMileage: Int, visits: [ServiceVisitRecord], usage: Usage,
                             today: CalendarDate, policy: ServicePolicy) -> ServiceReminder? {
        guard !visits.contains(where: \.isService) else { return nil }
        let byDays = soldOn.adding(days: policy.firstServiceDays)
        let dueMileage = saleMileage + policy.firstServiceKm
        // "2,000 km after the sale": the rate since the sale, to the last reading.
        var byKm: CalendarDate?
        var rateSinceSale: Double?
        if let last = usage.readings.last, soldOn < last.on, last.km > saleMileage {
            let rate = Double(last.km - saleMileage) / Double(soldOn.days(until: last.on))
            rateSinceSale = rate
            byKm = daysToCover(Double(policy.firstServiceKm), at: rate).map { soldOn.adding(days: $0) }
        }
        let kmFirst = byKm.map { $0 < byDays } ?? false
        let dueOn = kmFirst ? byKm! : byDays
        let estimate = usage.kmPerDay == nil ? nil : usage.mileage(on: today)

        // In the reader's words: reminders are worked out when they are read.
        let how: Message
        if kmFirst, let rate = rateSinceSale {
            how = Message("reminder.first.by_km", ["due_km": .text(km(dueMileage)), "interval": .text(km(policy.firstServiceKm)), "sold": .date(soldOn),
                                                   "rate": .message(kmPerDay(rate)), "days": .int(policy.firstServiceDays), "limit": .date(byDays)])
        } else {
            how = Message("reminder.first.by_days", ["days": .int(policy.firstServiceDays), "sold": .date(soldOn),
                                                     "or_km": byKm == nil ? .text("") : .message(Message("reminder.or_at_if_sooner", ["km": .text(km(dueMileage))]))])
        }
        let now = estimate.map { Message("reminder.now_about", ["km": .text(km($0))]) } ?? Message("reminder.no_mileage_since_sale")
        let reason = Message("reminder.first_service", ["due": .message(dueText(dueOn, today)), "how": .message(how), "now": .message(now)])
        return ServiceReminder(kind: .firstService, dueOn: dueOn, estimatedMileage: estimate, dueMileage: dueMileage,
                               why: reason, rule: ReminderKind.firstService.rule)
    }

    /// R1.2, whatever its due date; nil before the first service.
    static func regularService(visits: [ServiceVisitRecord], usage: Usage, today: CalendarDate,
                               policy: ServicePolicy) -> ServiceReminder? {
        guard let service = visits.last(where: \.isService) else { return nil }
        let byMonths = service.on.adding(months: policy.regularIntervalMonths)
        // The odometer at the service; estimated when the visit has no reading.
        let serviceKm = service.mileage ?? (usage.kmPerDay == nil ? nil : usage.mileage(on: service.on))
        let dueMileage = serviceKm.map { $0 + policy.regularIntervalKm }
        var byKm: CalendarDate?
        if let dueMileage, let rate = usage.kmPerDay {
            byKm = daysToCover(Double(dueMileage - usage.anchor.km), at: rate).map { usage.anchor.on.adding(days: $0) }
        }
        let kmFirst = byKm.map { $0 < byMonths } ?? false   // on a tie the months count, as make-seeds.py says
        let dueOn = kmFirst ? byKm! : byMonths
        let estimate = usage.kmPerDay == nil ? nil : usage.mileage(on: today)

        let at: MessageArgument = serviceKm.map { .message(Message(service.mileage == nil ? "reminder.at_about_km" : "reminder.at_km", ["km": .text(km($0))])) } ?? .text("")
        let how: Message
        if kmFirst, let dueMileage {
            how = Message("reminder.regular.by_km", ["due_km": .text(km(dueMileage)), "interval": .text(km(policy.regularIntervalKm)),
                                                     "last": .date(service.on), "at": at])
        } else {
            let orKm: MessageArgument = byKm != nil && dueMileage != nil ? .message(Message("reminder.or_at_if_sooner", ["km": .text(km(dueMileage ?? 0))])) : .text("")
            how = Message("reminder.regular.by_months", ["months": .int(policy.regularIntervalMonths), "last": .date(service.on), "at": at, "or_km": orKm])
        }
        let now: Message
        if let estimate, let rate = usage.kmPerDay {
            now = Message("reminder.now_about_rate", ["km": .text(km(estimate)), "rate": .message(kmPerDay(rate))])
        } else {
            now = Message("reminder.mileage_unknown")
        }
        let reason = Message("reminder.regular_service", ["due": .message(dueText(dueOn, today)), "how": .message(how), "now": .message(now)])
        return ServiceReminder(kind: .regularService, dueOn: dueOn, estimatedMileage: estimate, dueMileage: dueMileage,
                               why: reason, rule: ReminderKind.regularService.rule)
    }

    /// R1.3; nil unless the vehicle has gone `lostAfterDays` without a visit
    /// and its regular service (`regularDue`, when it has one) has fallen due.
    static func lostCustomer(soldOn: CalendarDate, visits: [ServiceVisitRecord], regularDue: CalendarDate?, today: CalendarDate,
                             policy: ServicePolicy) -> ServiceReminder? {
        let last = visits.last?.on
        let since = last ?? soldOn
        let dueOn = lostOn(soldOn: soldOn, lastVisit: last, regularDue: regularDue, policy: policy)
        guard dueOn <= today else { return nil }
        let days = since.days(until: today)
        let what = last == nil ? Message("reminder.lost.never", ["since": .date(since), "days": .int(days)])
                               : Message("reminder.lost.since", ["since": .date(since), "days": .int(days)])
        let reason = Message("reminder.lost_customer", ["what": .message(what), "lost": .date(dueOn)])
        return ServiceReminder(kind: .lostCustomer, dueOn: dueOn, estimatedMileage: nil, dueMileage: nil,
                               why: reason, rule: ReminderKind.lostCustomer.rule)
    }

    // MARK: Mileage estimate

    /// What the history says about how far the vehicle goes.
    struct Usage {
        struct Reading { var on: CalendarDate; var km: Int }
        /// Every reading (visits' and the others'), by day (and km on the same day: odometers only go forward).
        let readings: [Reading]
        /// The latest reading, or the sale when there is none: estimates start here.
        let anchor: Reading
        /// Average km/day; nil when unknown or not positive (no distance can be projected).
        let kmPerDay: Double?
        let saleMileage: Int

        init(soldOn: CalendarDate, saleMileage: Int, visits: [ServiceVisitRecord], readings others: [MileageReading] = []) {
            readings = (visits.compactMap { v in v.mileage.map { Reading(on: v.on, km: $0) } } + others.map { Reading(on: $0.on, km: $0.km) })
                .sorted { ($0.on, $0.km) < ($1.on, $1.km) }
            self.saleMileage = saleMileage
            anchor = readings.last ?? Reading(on: soldOn, km: saleMileage)
            var rate: Double?
            if let first = readings.first, let last = readings.last, first.on < last.on {
                rate = Double(last.km - first.km) / Double(first.on.days(until: last.on))
            } else if let last = readings.last, soldOn < last.on {
                rate = Double(last.km - saleMileage) / Double(soldOn.days(until: last.on))
            }
            kmPerDay = rate.flatMap { $0 > 0 ? $0 : nil }
        }

        /// The odometer on `day`, projected from the anchor (backwards too, for a
        /// service recorded without a reading), never below the sale mileage.
        func mileage(on day: CalendarDate) -> Int {
            guard let rate = kmPerDay else { return anchor.km }
            let projected = Double(anchor.km) + rate * Double(anchor.on.days(until: day))
            return max(saleMileage, Int(projected.rounded()))
        }
    }

    /// Whole days to drive `distance` km at `rate` km/day, rounded up (the day
    /// the distance is reached); negative when it was reached before. Nil for a
    /// distance further than a century away: no due date worth showing.
    static func daysToCover(_ distance: Double, at rate: Double) -> Int? {
        let days = (distance / rate).rounded(.up)
        guard days.isFinite, abs(days) < 36_525 else { return nil }
        return Int(days)
    }

    /// Sorted by day, keeping the given order within a day.
    static func sortedByDay(_ visits: [ServiceVisitRecord]) -> [ServiceVisitRecord] {
        visits.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
    }

    // MARK: Words

    static func dueText(_ dueOn: CalendarDate, _ today: CalendarDate) -> Message {
        Message(dueOn < today ? "reminder.overdue_since" : "reminder.due_by", ["date": .date(dueOn)])
    }

    /// "12,345 km": distances as the store writes them (plugins too).
    public static func km(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out + " km"
    }

    /// "53.5 km/day", one decimal.
    static func kmPerDayText(_ rate: Double) -> String { kmPerDay(rate).description }

    /// `60.0 km/day`, `日均 60.0 km`.
    static func kmPerDay(_ rate: Double) -> Message {
        let tenths = Int((rate * 10).rounded())
        return Message("reminder.km_per_day", ["rate": .text("\(tenths / 10).\(tenths % 10)")])
    }
}

extension ServiceReminders {
    /// R1.1-R1.3 for one vehicle, from its history (sale, visits and every reading).
    public static func due(for vehicle: Vehicle, history: [ServiceHistoryEntry], on day: CalendarDate) -> [ServiceReminder] {
        let sale = history.first { $0.kind == .sold }?.mileage ?? 0
        return due(soldOn: vehicle.soldOn, saleMileage: sale, visits: ServiceVisitRecord.records(from: history),
                   readings: MileageReading.readings(from: history), today: day)
    }
}
