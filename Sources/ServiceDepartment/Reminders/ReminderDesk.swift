import LaneCore
import LaneStore

/// The reminder operations (R1, X7): who to call and why, what came of each
/// call, and the registers that keep it. The rules are LaneCore's
/// (`ReminderRegister`, `ServiceReminders`, `DelayedDelivery`); the desk
/// gathers the rows they need.
public struct ReminderDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// Calls other sources add to the due list (the plugins' recalls and
    /// back-orders), asked inside the operation's transaction.
    public typealias OtherCalls = (_ day: CalendarDate, _ tx: any StoreReading) throws -> [ReferencedCall]

    public static func noOtherCalls(_ day: CalendarDate, _ tx: any StoreReading) -> [ReferencedCall] { [] }

    // MARK: The due list (R1.1-R1.6)

    /// What is due on `day`, from the rows the rules need; `only` reads just one vehicle's.
    /// From today on, the reminder schedule picks the vehicles (an index range) and the rules
    /// write their list; at most `limit` items, earliest due first (nil: all). A day before today
    /// is worked out from every vehicle's history, as the schedule keeps only what is still owed.
    public static func dueReminders(on day: CalendarDate, only vehicle: Vehicle? = nil, kind: ReminderKind? = nil, limit: Int? = nil,
                                    by caller: Caller, _ tx: any StoreReading, otherCalls: OtherCalls = noOtherCalls) throws -> [DueReminder] {
        let delays = try tx.delayedDeliveries(openOnly: true)
        let stock = try tx.parts(numbers: Array(Set(delays.compactMap(\.partNumber)))).mapValues(\.stock)
        let others = try otherCalls(day, tx)
        let campaigns = try tx.campaigns()
        // R2.8: the no-shows whose next attempt may still be booked (an index range of recent days).
        let missed = try tx.noShows(fromDay: day.adding(days: -AppointmentPlanner.nextAttemptLookbackDays), toDay: day)
        func due(_ vehicles: [Vehicle], _ history: [Int64: [ServiceHistoryEntry]], _ log: [LoggedCall]) throws -> [DueReminder] {
            // Cars in the workshop or booked are called about nothing (ReminderPrecedence); asked only for these vehicles.
            let standing = try tx.callListStanding(vehicleIDs: vehicles.map(\.id))
            return ReminderRegister.due(on: day, offset: caller.settings.utcOffset, vehicles: vehicles, history: history, log: log,
                                        campaigns: campaigns, delays: delays, stock: stock, otherCalls: others, missed: missed,
                                        standing: standing)
                .filter { kind == nil || $0.reminder.kind == kind }
        }
        if let vehicle {
            return try due([vehicle], try tx.serviceHistory(vehicleIDs: [vehicle.id]), try tx.loggedCalls(vehicleIDs: [vehicle.id]))
        }
        if day < caller.today {
            let all = try due(try tx.allVehicles(), try tx.allEvents().mapValues { $0.map(ServiceHistoryEntry.init) }, try tx.reminderLog(vehicleID: nil).map(\.call))
            return limit.map { Array(all.prefix($0)) } ?? all
        }
        return try scheduled(on: day, kind: kind, limit: limit, campaigns: campaigns,
                             always: delays.map(\.vehicleID) + others.map(\.vehicleID) + missed.compactMap(\.vehicleID), tx, due)
    }

    /// The due list from the schedule: each source (the built-in rules, each running campaign) is
    /// read in the list's order, `batch` entries at a time, until `limit` items are known to come
    /// before anything not read yet. Entries the rules no longer list that day (R1.2 once the
    /// customer counts as lost, say) are read and dropped, so a page may take a second read.
    static func scheduled(on day: CalendarDate, kind: ReminderKind?, limit: Int?, campaigns: [ServiceCampaign], always: [Int64],
                          _ tx: any StoreReading,
                          _ due: ([Vehicle], [Int64: [ServiceHistoryEntry]], [LoggedCall]) throws -> [DueReminder]) throws -> [DueReminder] {
        let builtIn: Set<ReminderKind> = [.firstService, .regularService, .lostCustomer]
        let running = campaigns.filter { $0.isRunning(on: day) && (kind == nil || kind == $0.kind) }
        // The store leaves out entries not listed that day, so nearly every entry read becomes an item
        // (at 1M vehicles, 400 of the first 400): an eighth more than the page covers the few the rules drop
        // (a car booked or in the workshop), where twice the page read and decoded twice the rows needed.
        // A page beyond `wholeListAbove` is read as the whole list at once: its batch would overflow.
        var batch = limit.flatMap { $0 > Self.wholeListAbove ? nil : ReadAhead.rows(forPage: $0, capped: Self.wholeListAbove) }
        while true {
            var sources: [[ScheduledVehicleReminder]] = []
            if kind.map(builtIn.contains) ?? true {
                sources.append(try tx.scheduledReminders(dueBy: day.adding(days: ReminderSchedule.horizonDays), kind: kind, listedOn: day, limit: batch))
            }
            for c in running { sources.append(try tx.scheduledReminders(campaign: c.code, limit: batch)) }
            // A source that filled its batch may hold more: the list is known up to its last entry.
            var cutoff: (CalendarDate, String)?
            for rows in sources {
                guard let batch, rows.count == batch, let last = rows.last else { continue }
                let key = (last.reminder.dueOn, last.plate)
                if cutoff.map({ key < $0 }) ?? true { cutoff = key }
            }
            var ids = Set(always)
            for rows in sources { for r in rows where r.reminder.isListed(on: day) { ids.insert(r.vehicleID) } }
            let wanted = Array(ids).sorted()
            let vehicles = try tx.vehicles(ids: wanted)
            let items = try due(wanted.compactMap { vehicles[$0] }, try tx.serviceHistory(vehicleIDs: wanted), try tx.loggedCalls(vehicleIDs: wanted))
            guard let limit else { return items }
            guard let cutoff else { return Array(items.prefix(limit)) }
            let known = items.filter { ($0.reminder.dueOn, $0.vehicle.plate.value) <= cutoff }
            if known.count >= limit { return Array(known.prefix(limit)) }
            batch = (batch ?? limit) * 4
        }
    }

    /// A page size that reads the schedule whole, not a batch at a time (the shell allows 10,000).
    static let wholeListAbove = 1 << 24

    /// `remind due`: every call to make on a day (default today), of one kind
    /// when asked, with the customer and their phone as the caller may see it.
    public func due(_ request: DueRequest, by caller: Caller, otherCalls: OtherCalls = noOtherCalls) throws -> [DueCall] {
        try department.read("remind due", by: caller) { tx in try Self.due(request, by: caller, tx, otherCalls: otherCalls) }
    }

    static func due(_ request: DueRequest, by caller: Caller, _ tx: any StoreReading,
                           otherCalls: OtherCalls = noOtherCalls) throws -> [DueCall] {
        let items = try dueReminders(on: request.day ?? caller.today, kind: request.kind, limit: request.limit, by: caller, tx, otherCalls: otherCalls)
        let owners = try tx.customers(ids: Array(Set(items.map(\.vehicle.ownerID))))
        return items.map { item in
            let owner = owners[item.vehicle.ownerID]
            return DueCall(item: item, customerName: owner?.name, customerCode: owner?.code, phone: caller.privacy.phone(owner?.phone))
        }
    }

    // MARK: Calls

    /// What came of a call (`remind log`): booked and declined ones leave the
    /// list, a declined one needs its reason (R1.3), and an invitation back
    /// after a delayed delivery closes its entry (R1.4).
    public func log(_ request: CallLogRequest, by caller: Caller, otherCalls: OtherCalls = noOtherCalls) throws -> Done<CallLogged> {
        try department.change("remind log", by: caller) { tx in
            let logged = try Self.log(request, by: caller, tx, otherCalls: otherCalls)
            return Recorded(logged, audit: AuditNote(ref: logged.item.vehicle.plate.value, summary: logged.message.description))
        }
    }

    static func log(_ request: CallLogRequest, by caller: Caller, _ tx: any StoreWriting,
                           otherCalls: OtherCalls = noOtherCalls) throws -> CallLogged {
        var p = request.inputProblems
        let vehicle = try References.vehicle(request.vehicle, tx, into: &p)
        if let outcome = request.outcome { p += ReminderRegister.problems(outcome: outcome, reason: request.reason) }
        var item: DueReminder?
        if let vehicle, let kind = request.kind {
            let code = request.campaign?.uppercased()
            item = try dueReminders(on: caller.today, only: vehicle, by: caller, tx, otherCalls: otherCalls).first {
                $0.reminder.kind == kind && (code == nil || $0.reference == code)
            }
            if item == nil {
                p.append(Problem("kind", Message("reminder.nothing_due", ["plate": .text(vehicle.plate.value), "kind": .text(kind.rawValue)])))
            }
        }
        try Refusal.check(Message("reminder.cannot_log"), p)
        guard let item, let outcome = request.outcome else { throw Refusal(Message("reminder.cannot_log"), problems: p) }
        try tx.appendReminderLog(ReminderLogEntry(vehicleID: item.vehicle.id, kind: item.reminder.kind, dueOn: item.reminder.dueOn,
                                                  outcome: outcome, reason: request.reason, at: caller.now, by: caller.user,
                                                  reference: item.reference))
        if let id = item.delayedID, outcome.settlesReminder, var d = try tx.delayedDelivery(id: id) {
            d.closedAt = caller.now
            try tx.updateDelayedDelivery(d)
        }
        return CallLogged(item: item, outcome: outcome, reason: request.reason)
    }

    // MARK: The registers (X7)

    /// The calls and their outcomes (`remind register`), of one kind when asked: the newest
    /// `limit`, in the order they were made.
    public func register(kind: ReminderKind?, limit: Int = ReminderDesk.registerPage, by caller: Caller) throws -> [RegisterEntry] {
        try department.read("remind register", by: caller) { tx in try Self.register(kind: kind, limit: limit, tx) }
    }

    /// How many calls `remind register` shows unless told.
    public static let registerPage = 200

    static func register(kind: ReminderKind?, limit: Int = registerPage, _ tx: any StoreReading) throws -> [RegisterEntry] {
        let log = try tx.reminderLog(kind: kind, newest: limit)
        let vehicles = try tx.vehicles(ids: Array(Set(log.map(\.vehicleID))))
        let owners = try tx.customers(ids: Array(Set(vehicles.values.map(\.ownerID))))
        return log.map { e in
            let v = vehicles[e.vehicleID]
            return RegisterEntry(entry: e, plate: v?.plate.value, customerName: v.flatMap { owners[$0.ownerID] }?.name)
        }
    }

    /// R1.3: why customers declined, counted (`remind reasons`).
    public func declineReasons(by caller: Caller) throws -> [DeclineReason] {
        try department.read("remind reasons", by: caller) { tx in try Self.declineReasons(tx) }
    }

    static func declineReasons(_ tx: any StoreReading) throws -> [DeclineReason] {
        ReminderRegister.ranked(try tx.declineCounts())
    }

    // MARK: Delayed deliveries (R1.4)

    /// A vehicle joins the delayed-delivery register (`remind delay`): a
    /// back-ordered part, or a fault with no known fix yet.
    public func delay(_ request: DelayRequest, by caller: Caller) throws -> Done<DelayRegistered> {
        try department.change("remind delay", by: caller) { tx in
            let registered = try Self.delay(request, by: caller, tx)
            return Recorded(registered, audit: AuditNote(ref: registered.plate, summary: registered.message.description))
        }
    }

    static func delay(_ request: DelayRequest, by caller: Caller, _ tx: any StoreWriting) throws -> DelayRegistered {
        var p = request.inputProblems
        let vehicle = try References.vehicle(request.vehicle, tx, into: &p)
        let noFix = request.noFix?.trimmingWhitespace()
        p += DelayedDelivery.problems(partNumber: request.partNumber, noFix: noFix)
        if let number = request.partNumber, try tx.part(number: number) == nil {
            p.append(Problem("part", Message("stock.no_such_part", ["part": .text(number)])))
        }
        try Refusal.check(Message("reminder.cannot_delay"), p)
        guard let vehicle else { throw Refusal(Message("reminder.cannot_delay"), problems: p) }
        let entry = try tx.insertDelayedDelivery(DelayedDelivery(
            vehicleID: vehicle.id, cause: request.partNumber != nil ? .partOnBackOrder : .noKnownFix, partNumber: request.partNumber,
            note: noFix ?? request.note, expectedOn: request.expectedOn, openedAt: caller.now))
        return DelayRegistered(delay: entry, plate: vehicle.plate.value)
    }

    /// R1.4: the maker published the fix for a delayed vehicle (`remind fix-published`); it joins the due list.
    public func publishFix(delay id: Int64, by caller: Caller) throws -> Done<DelayedDelivery> {
        try department.change("remind fix-published", by: caller) { tx in
            let d = try Self.publishFix(delay: id, by: caller, tx)
            return Recorded(d, audit: AuditNote(ref: String(id), summary: Self.fixPublished(d).description))
        }
    }

    static func publishFix(delay id: Int64, by caller: Caller, _ tx: any StoreWriting) throws -> DelayedDelivery {
        guard var d = try tx.delayedDelivery(id: id) else { throw noSuchDelay(String(id)) }
        try d.publishFix(at: caller.now)
        try tx.updateDelayedDelivery(d)
        return d
    }

    public static func fixPublished(_ d: DelayedDelivery) -> Message { Message("reminder.fix_published", ["id": .int(Int(d.id))]) }

    /// The refusal for a delay number that names no entry (`given` as typed).
    public static func noSuchDelay(_ given: String) -> Refusal {
        Refusal(Message("reminder.cannot_record_fix"), problems: [Problem("id", Message("reminder.no_such_delay", ["id": .text(given)]))])
    }

    /// The delayed-delivery register (`remind delays`): open entries, or all.
    public func delays(all: Bool, by caller: Caller) throws -> [DelayEntry] {
        try department.read("remind delays", by: caller) { tx in try Self.delays(all: all, tx) }
    }

    static func delays(all: Bool, _ tx: any StoreReading) throws -> [DelayEntry] {
        let list = try tx.delayedDeliveries(openOnly: !all)
        let parts = try tx.parts(numbers: Array(Set(list.compactMap(\.partNumber))))
        let vehicles = try tx.vehicles(ids: Array(Set(list.map(\.vehicleID))))
        return list.map { d in
            DelayEntry(delay: d, plate: vehicles[d.vehicleID]?.plate.value, state: d.state(partInStock: d.partNumber.flatMap { parts[$0]?.stock } ?? 0))
        }
    }
}
