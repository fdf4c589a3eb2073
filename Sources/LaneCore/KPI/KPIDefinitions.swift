/// The definitions of docs/kpis.md, one function per figure, over the rows
/// of `KPIFacts`. Pure: the same rows give the same figures.
///
/// The store keeps a share of these per day (`KPIDay`) while the rows' columns they read stand still; those
/// columns are listed in LaneStore's `KPIDayShares.watched`. A definition that reads another column must add it
/// there, and any change to a definition moves `KPIDay.form`, so that no share kept before is added up.
public enum KPIDefinitions {
    /// Every figure for the facts' period.
    public static func figures(_ f: KPIFacts) -> [KPIFigure] { figures(f, KPIOrders(f)) }

    /// Every figure, from the orders picked out already; `partsFill` when the caller worked the fill rate out itself
    /// (a day's share counts the back-orders up to today, `KPIDay`).
    static func figures(_ f: KPIFacts, _ o: KPIOrders, partsFill fill: KPIFigure? = nil) -> [KPIFigure] {
        throughput(f, o) + revenue(f, o) + labor(f, o) + delivery(f, o) + appointments(f, o) + quality(f, o) + followUp(f) + reminders(f)
            + parts(f, o, fill: fill)
    }

    /// Orders opened in the period (not cancelled), and delivered in it by the kind of visit the paid work makes.
    public static func throughput(_ f: KPIFacts, _ o: KPIOrders? = nil) -> [KPIFigure] {
        let orders = o ?? KPIOrders(f)
        let (opened, delivered) = (orders.opened, orders.delivered)
        // Each order's kind is worked out once (from its lines), not once per kind.
        var kinds: [VisitKind: Int64] = [:]
        for o in delivered { kinds[o.visitKind, default: 0] += 1 }
        func kind(_ k: VisitKind) -> Int64 { kinds[k] ?? 0 }
        return [KPIFigure(.ordersOpened, Int64(opened.count)), KPIFigure(.ordersDelivered, Int64(delivered.count)),
                KPIFigure(.deliveredFirstService, kind(.firstService)), KPIFigure(.deliveredRegularService, kind(.regularService)),
                KPIFigure(.deliveredRepair, kind(.repair))]
    }

    /// Net revenue (VAT excluded, after discounts) of the orders delivered in the period, per order; its labour and
    /// parts; the discounts; and the warranty and free work at its price (shown, not charged).
    public static func revenue(_ f: KPIFacts, _ o: KPIOrders? = nil) -> [KPIFigure] {
        let delivered = (o ?? KPIOrders(f)).delivered
        var labor: Int64 = 0, parts: Int64 = 0, discount: Int64 = 0, covered: Int64 = 0
        for o in delivered {
            let s = Settlement(lines: o.lines, vatBasisPoints: 0, discount: o.discount)
            labor += s.laborNet.fen
            parts += s.partsNet.fen
            discount += s.discount.fen
            covered += s.coveredValue.fen
        }
        return [KPIFigure(.revenuePerOrder, labor + parts - discount, over: Int64(delivered.count)),
                KPIFigure(.laborRevenue, labor), KPIFigure(.partsRevenue, parts), KPIFigure(.discounts, discount),
                KPIFigure(.warrantyValue, covered)]
    }

    /// Standard hours sold (approved labour lines of orders delivered in the period, whoever pays), hours clocked on
    /// those lines, and hours available (technicians × hours a day × days). Efficiency = sold / clocked;
    /// productivity = clocked / available. `technician` narrows the lines to those they clocked and the hours
    /// available to theirs.
    public static func labor(_ f: KPIFacts, _ orders: KPIOrders? = nil, technician: String? = nil) -> [KPIFigure] {
        let (sold, clockedMinutes) = laborHours((orders ?? KPIOrders(f)).delivered, technician: technician)
        let people = technician == nil ? Int64(f.technicians.count) : 1
        return labor(sold: sold, clockedMinutes: clockedMinutes, available: available(people: people, f.settings, f.period))
    }

    /// The standard hours (hundredths) and the minutes clocked of the approved labour lines of the orders given
    /// (those `technician` clocked, when given).
    public static func laborHours(_ delivered: KPIOrderSubset, technician: String? = nil) -> (sold: Int64, clockedMinutes: Int64) {
        var sold: Int64 = 0, clockedMinutes: Int64 = 0
        for o in delivered {
            for l in o.lines where l.isApproved && l.kind == .labor && (technician == nil || l.clockedOnBy == technician) {
                sold += Int64(l.hours.hundredths)
                clockedMinutes += Int64(l.workedMinutes)
            }
        }
        return (sold, clockedMinutes)
    }

    /// The labour figures from the hours sold, the minutes clocked and the hours available (all hundredths but the
    /// minutes): the month so far adds its days' hours and minutes up and comes here (`KPIDay`).
    public static func labor(sold: Int64, clockedMinutes: Int64, available: Int64) -> [KPIFigure] {
        // Minutes to hundredths of an hour, half up.
        let clocked = Money.divideRoundingHalfUp(clockedMinutes * 100, by: 60)
        return [KPIFigure(.hoursSold, sold), KPIFigure(.hoursClocked, clocked), KPIFigure(.hoursAvailable, available),
                KPIFigure(.laborEfficiency, sold, over: clocked), KPIFigure(.productivity, clocked, over: available)]
    }

    /// Hours available, in hundredths: people × hours a day × the period's days.
    public static func available(people: Int64, _ settings: KPISettings, _ period: KPIPeriod) -> Int64 {
        people * Int64(settings.technicianHoursPerDay) * 100 * Int64(period.dayCount)
    }

    /// Orders delivered in the period with a promised time: delivered (the delivery step) at or before it.
    /// Same-day turnaround: minutes from opening to delivery of orders opened and delivered on one day.
    /// Waiting customers (the check-in sheet says the customer waits at the store): of the orders delivered in the
    /// period, each one's wait in whole minutes from the order's opening to its delivery; their median and average,
    /// and the share that waited longer than `waitMinutes`.
    public static func delivery(_ f: KPIFacts, _ o: KPIOrders? = nil) -> [KPIFigure] {
        let delivered = (o ?? KPIOrders(f)).delivered
        var promised: Int64 = 0, onTime: Int64 = 0, sameDay: Int64 = 0, minutes: Int64 = 0
        for o in delivered {
            guard let at = o.deliveredAt else { continue }
            if let promise = o.promisedAt {
                promised += 1
                if at <= promise { onTime += 1 }
            }
            if at.date(in: f.offset) == o.openedAt.date(in: f.offset) {
                sameDay += 1
                minutes += (at.secondsSince1970 - o.openedAt.secondsSince1970) / 60
            }
        }
        return [KPIFigure(.onTimeDelivery, onTime, over: promised), KPIFigure(.sameDayTurnaround, minutes, over: sameDay)]
            + waits(waits(f, delivered), f.settings)
    }

    /// Each waiting customer's wait in whole minutes, from the order's opening to its delivery, of the orders given.
    public static func waits(_ f: KPIFacts, _ delivered: KPIOrderSubset) -> [Int64] {
        delivered.compactMap { o in
            guard let at = o.deliveredAt, o.customerWaits else { return nil }
            return max(0, at.secondsSince1970 - o.openedAt.secondsSince1970) / 60
        }
    }

    /// The waiting customers, their median and average wait and the share that waited too long, from their waits
    /// (in any order): the month so far puts its days' waits together and comes here (`KPIDay`).
    public static func waits(_ waits: [Int64], _ settings: KPISettings) -> [KPIFigure] {
        let waits = waits.sorted()
        let n = Int64(waits.count)
        // The median of an even count is the mean of the two middle waits: their sum over 2.
        let median: KPIFigure = waits.isEmpty ? KPIFigure(.waitMedian, 0, over: 0)
            : waits.count % 2 == 1 ? KPIFigure(.waitMedian, waits[waits.count / 2])
            : KPIFigure(.waitMedian, waits[waits.count / 2 - 1] + waits[waits.count / 2], over: 2)
        let tooLong = Int64(waits.filter { $0 > Int64(settings.waitMinutes) }.count)
        return [KPIFigure(.waitingCustomers, n), median, KPIFigure(.waitAverage, waits.reduce(0, +), over: n),
                KPIFigure(.waitedTooLong, tooLong, over: n)]
    }

    /// Appointment rate: orders opened in the period that came by appointment, over orders opened (not cancelled).
    /// Kept rate: appointments of the period's days that arrived, over those that arrived or were no-shows
    /// (cancelled and rescheduled ones were not expected any more; open ones are not decided yet).
    public static func appointments(_ f: KPIFacts, _ o: KPIOrders? = nil) -> [KPIFigure] {
        let opened = (o ?? KPIOrders(f)).opened
        let arrived = Int64(f.appointments.filter { $0.status == .arrived }.count)
        let noShows = Int64(f.appointments.filter { $0.status == .noShow }.count)
        return [KPIFigure(.appointmentRate, Int64(opened.count(where: \.byAppointment)), over: Int64(opened.count)),
                KPIFigure(.keptAppointmentRate, arrived, over: arrived + noShows), KPIFigure(.noShows, noShows)]
    }

    /// Comeback rate: of the orders delivered in the period, the comebacks (orders the advisor linked with
    /// `ro comeback` to the earlier order whose fault they repair again: `comeback_of`). Per advisor or team a
    /// comeback counts against the earlier order's advisor or team, over their own orders delivered in the
    /// period. First-time fix is its complement.
    /// Extra-work close rate: recommended and extra lines of orders opened in the period that the customer
    /// approved, over those decided (approved or refused).
    public static func quality(_ f: KPIFacts, _ o: KPIOrders? = nil) -> [KPIFigure] {
        let orders = o ?? KPIOrders(f)
        let opened = orders.opened, delivered = Int64(orders.delivered.count)
        let comebacks = Int64(f.comebacks.filter { f.period.contains($0.deliveredAt.date(in: f.offset)) }.count)
        var approved: Int64 = 0, decided: Int64 = 0
        for o in opened {
            for l in o.lines where l.origin != .estimate && l.approval != .pending {
                decided += 1
                if l.approval == .approved { approved += 1 }
            }
        }
        return [KPIFigure(.comebackRate, comebacks, over: delivered), KPIFigure(.firstTimeFix, delivered - comebacks, over: delivered),
                KPIFigure(.extraWorkCloseRate, approved, over: decided)]
    }

    /// Follow-up calls made in the period: reached over made; the average satisfaction of the quality calls that
    /// reached the customer (1…5); CSI: the share of those scored 4 or 5. Complaints opened in the period, and the
    /// share of them resolved within `complaintDays`. (NPS needs the 0…10 "would you recommend" answer, which only
    /// the survey plugin records; it is not worked out here.)
    public static func followUp(_ f: KPIFacts) -> [KPIFigure] {
        let made = Int64(f.followUps.count)
        let reached = Int64(f.followUps.filter { $0.outcome == .reached }.count)
        let scores = f.followUps.compactMap { $0.call == .quality && $0.outcome == .reached ? $0.score : nil }
        let happy = Int64(scores.filter { $0 >= 4 }.count)
        let limit = Int64(f.settings.complaintDays) * 86_400
        let inTime = Int64(f.complaints.filter { c in
            c.resolvedAt.map { $0.secondsSince1970 - c.openedAt.secondsSince1970 <= limit } ?? false
        }.count)
        return [KPIFigure(.followUpReach, reached, over: made),
                KPIFigure(.satisfaction, Int64(scores.reduce(0, +)), over: Int64(scores.count)),
                KPIFigure(.csi, happy, over: Int64(scores.count)),
                KPIFigure(.complaintsOpened, Int64(f.complaints.count)),
                KPIFigure(.complaintsClosedInTime, inTime, over: Int64(f.complaints.count))]
    }

    /// Reminder calls made in the period; booked over made; declined; lost-customer calls that booked a visit.
    public static func reminders(_ f: KPIFacts) -> [KPIFigure] {
        let calls = f.reminderCalls
        let booked = Int64(calls.filter { $0.outcome == .booked }.count)
        return [KPIFigure(.reminderCalls, Int64(calls.count)), KPIFigure(.reminderBookedRate, booked, over: Int64(calls.count)),
                KPIFigure(.reminderDeclined, Int64(calls.filter { $0.outcome == .declined }.count)),
                KPIFigure(.lostCustomersWonBack, Int64(calls.filter { $0.kind == .lostCustomer && $0.outcome == .booked }.count))]
    }

    /// Declined reminder calls by the reason given, most frequent first (the reason as recorded, trimmed).
    public static func declineReasons(_ f: KPIFacts) -> [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for c in f.reminderCalls where c.outcome == .declined { counts[c.reason.trimmingWhitespace(), default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }

    /// Parts fill rate: approved part lines of orders opened in the period that no back-order held up, over those
    /// lines. A line was held up when a delayed delivery for a part on back-order, for the same vehicle and part
    /// number, was opened while the order was open. Back-orders: such delayed deliveries opened in the period.
    public static func parts(_ f: KPIFacts, _ orders: KPIOrders? = nil) -> [KPIFigure] { parts(f, orders, fill: nil) }

    static func parts(_ f: KPIFacts, _ orders: KPIOrders?, fill: KPIFigure?) -> [KPIFigure] {
        let backOrders = f.delayedDeliveries.filter { $0.cause == .partOnBackOrder }
        return [fill ?? partsFill((orders ?? KPIOrders(f)).opened, heldBy: backOrders, openUntil: f.period.bounds(in: f.offset).end),
                KPIFigure(.backOrders, Int64(backOrders.count))]
    }

    /// The fill rate of the orders given: an order not delivered is open until `end`, and any of `backOrders` opened
    /// while it was open holds its line up. A day of the month so far (`KPIDay`) passes the back-orders from that
    /// day to the end of today, not only the day's own.
    public static func partsFill(_ opened: KPIOrderSubset, heldBy backOrders: [DelayedDelivery], openUntil end: Timestamp) -> KPIFigure {
        var lines: Int64 = 0, filled: Int64 = 0
        // By car: each part line looks at its own car's back-orders, not at every back-order of the period (a month of
        // them at a large store, for each of thousands of lines).
        let byVehicle = Dictionary(grouping: backOrders, by: \.vehicleID)
        for o in opened {
            let until = o.deliveredAt ?? end
            let car = byVehicle[o.vehicleID] ?? []
            for l in o.lines where l.isApproved && l.kind == .part {
                lines += 1
                let held = car.contains { $0.partNumber == l.code && $0.openedAt >= o.openedAt && $0.openedAt <= until }
                if !held { filled += 1 }
            }
        }
        return KPIFigure(.partsFillRate, filled, over: lines)
    }
}

/// The orders the figures count, picked out of the facts once for all of them (each figure picking its own copied
/// every order of the period again: half of `today`'s month so far for the service manager at 1M vehicles). They
/// are the facts' own orders, found by position, not copies: a month at 1M vehicles is 57,000 orders.
public struct KPIOrders: Sendable {
    /// Opened in the period and not cancelled.
    public var opened: KPIOrderSubset
    /// Delivered in the period.
    public var delivered: KPIOrderSubset

    public init(_ f: KPIFacts) {
        var opened: [Int] = [], delivered: [Int] = []
        for i in f.orders.indices {
            if !f.orders[i].isCancelled && f.isOpened(f.orders[i], in: f.period) { opened.append(i) }
            if f.isDelivered(f.orders[i], in: f.period) { delivered.append(i) }
        }
        self.opened = KPIOrderSubset(orders: f.orders, positions: opened)
        self.delivered = KPIOrderSubset(orders: f.orders, positions: delivered)
    }
}

/// Some of the facts' orders, in their order.
public struct KPIOrderSubset: Sequence, Sendable {
    let orders: [KPIOrder]
    let positions: [Int]

    public var count: Int { positions.count }

    public struct Iterator: IteratorProtocol {
        let orders: [KPIOrder]
        var positions: IndexingIterator<[Int]>
        public mutating func next() -> KPIOrder? { positions.next().map { orders[$0] } }
    }

    public func makeIterator() -> Iterator { Iterator(orders: orders, positions: positions.makeIterator()) }
}
