/// A reminder due for one vehicle, with what is needed to show and call it.
public struct DueReminder: Sendable, Equatable {
    public var reminder: ServiceReminder
    public var vehicle: Vehicle
    /// Calls logged for it so far (unreachable ones; it leaves the list once booked or declined).
    public var tries: Int
    /// The delayed-delivery entry it invites back for (R1.4).
    public var delayedID: Int64?
    /// The campaign code of a campaign or upgrade invitation, or the reference of another source's call.
    public var reference: String?

    public init(reminder: ServiceReminder, vehicle: Vehicle, tries: Int, delayedID: Int64? = nil, reference: String? = nil) {
        self.reminder = reminder
        self.vehicle = vehicle
        self.tries = tries
        self.delayedID = delayedID
        self.reference = reference
    }
}

/// A call another source asks for (a plugin's recall or back-order: the
/// plugin API calls it `PluginReminder`), listed beside the built-in
/// reminders. `reference` tells calls of one kind apart (a recall code, a
/// back-order number): `remind log PLATE KIND --campaign REFERENCE` records
/// the call (references are upper case).
public struct ReferencedCall: Sendable, Equatable {
    public var vehicleID: Int64
    public var reminder: ServiceReminder
    public var reference: String

    public init(vehicleID: Int64, reminder: ServiceReminder, reference: String) {
        self.vehicleID = vehicleID
        self.reminder = reminder
        self.reference = reference
    }
}

extension ReminderRegister {
    /// Everything to call about on `day`, for `vehicles`: R1.1-R1.3 from each
    /// history, R1.5/R1.6 from the running campaigns that apply, R1.4 from
    /// the delayed deliveries whose part is in (`stock` by part number) or
    /// whose fix is out (`delays` are the open entries), then the other
    /// sources' calls, and the next attempt after each of `missed` (R2.8). What the log records booked or declined is left out;
    /// unreachable customers stay, with their tries. Delays and other calls for vehicles not in `vehicles` are left
    /// out too, so one vehicle's list needs only its own rows. Then
    /// `ReminderPrecedence` decides what is called: nothing for a car in the
    /// workshop or booked (`standing`), one call where one rule puts another
    /// aside. Earliest due first, then by plate.
    public static func due(on day: CalendarDate, offset: UTCOffset, vehicles: [Vehicle], history: [Int64: [ServiceHistoryEntry]],
                           log: [LoggedCall], campaigns: [ServiceCampaign], delays: [DelayedDelivery], stock: [String: Int],
                           otherCalls: [ReferencedCall], missed: [Appointment] = [],
                           standing: [Int64: ReminderPrecedence.Standing] = [:]) -> [DueReminder] {
        var items: [DueReminder] = []
        // Room for two reminders a car and every other source: growing the array copied its items again.
        items.reserveCapacity(2 * vehicles.count + delays.count + otherCalls.count + missed.count)
        var byID: [Int64: Vehicle] = [:]
        // Each vehicle's calls looked up once: scanning the whole log for every reminder grew with page × log.
        let logs = Dictionary(grouping: log, by: \.vehicleID)
        func open(_ r: ServiceReminder, _ v: Vehicle, reference: String? = nil, delayedID: Int64? = nil) {
            let own = logs[v.id] ?? []
            guard isOpen(r, vehicleID: v.id, log: own, reference: reference) else { return }
            items.append(DueReminder(reminder: r, vehicle: v, tries: attempts(r, vehicleID: v.id, log: own, reference: reference),
                                     delayedID: delayedID, reference: reference))
        }
        for v in vehicles {
            byID[v.id] = v
            for r in ServiceReminders.due(for: v, history: history[v.id] ?? [], on: day) { open(r, v) }
        }
        for campaign in campaigns where campaign.isRunning(on: day) {
            let r = campaign.reminder()
            for v in vehicles where campaign.applies(to: v) { open(r, v, reference: campaign.code) }
        }
        for d in delays {
            guard let v = byID[d.vehicleID] else { continue }
            let inStock = d.partNumber.flatMap { stock[$0] } ?? 0
            guard d.isReady(partInStock: inStock) else { continue }
            // The register settles these: a booked or declined call closes the entry.
            let r = d.reminder(partInStock: inStock, offset: offset)
            items.append(DueReminder(reminder: r, vehicle: v, tries: attempts(r, vehicleID: v.id, log: logs[v.id] ?? []), delayedID: d.id))
        }
        for call in otherCalls {
            guard let v = byID[call.vehicleID] else { continue }
            // References are kept upper case, as `remind log --campaign` finds them.
            open(call.reminder, v, reference: call.reference.uppercased())
        }
        for a in missed {
            guard let id = a.vehicleID, let v = byID[id],
                  let r = AppointmentPlanner.nextAttemptCall(after: a, offset: offset, today: day) else { continue }
            open(r, v, reference: a.number)
        }
        let kept = ReminderPrecedence.callable(items, standing: standing)
        // The keys are sorted, not the items: moving an item (a car, a reminder and its reason) copies and
        // releases a dozen references. Equal keys keep their order, as a stable sort of the items would.
        let keys = kept.map { ($0.reminder.dueOn, $0.vehicle.plate.value) }
        return kept.indices.sorted { (keys[$0].0, keys[$0].1, $0) < (keys[$1].0, keys[$1].1, $1) }.map { kept[$0] }
    }
}
