import GRDB
import LaneCore

// The reminder registers (X7) and the delayed-delivery register (R1.4).
extension SQLiteTransaction {
    private func logEntries(_ sql: String, _ arguments: StatementArguments) throws -> [ReminderLogEntry] {
        // Stepped by hand (`StepRow`): a day's calls are read for the manager's KPI day.
        try stepRows(sql: "SELECT vehicle_id, kind, due_on, outcome, reason, at, by, reference FROM reminder_log " + sql, arguments: arguments,
                     table: "reminder_log") { r in
            guard let kind = ReminderKind(rawValue: try r[1]), let due = CalendarDate(parsing: try r[2]),
                  let outcome = ReminderOutcome(rawValue: try r[3]) else {
                throw StoreFailure(Message("store.damaged.reminder_log"))
            }
            return try ReminderLogEntry(vehicleID: r[0], kind: kind, dueOn: due, outcome: outcome, reason: r[4],
                                        at: Timestamp(secondsSince1970: r[5]), by: r[6], reference: r[7])
        }
    }

    func reminderLog(vehicleID: Int64?) throws -> [ReminderLogEntry] {
        if let vehicleID { return try logEntries("WHERE vehicle_id = ? ORDER BY id", [vehicleID]) }
        return try logEntries("ORDER BY id", [])
    }

    func reminderLog(from: Timestamp, to: Timestamp) throws -> [ReminderLogEntry] {
        try logEntries("WHERE at >= ? AND at < ? ORDER BY at, id", [from.secondsSince1970, to.secondsSince1970])
    }

    func reminderLog(kind: ReminderKind?, newest limit: Int) throws -> [ReminderLogEntry] {
        try StoreBackendSupport.newestReminderLog(kind: kind, limit: limit) { clause, kind, limit in
            if let kind { return try logEntries(clause, [kind, limit]) }
            return try logEntries(clause, [limit])
        }
    }

    func reminderLog(reference: String) throws -> [ReminderLogEntry] {
        try logEntries("WHERE reference = ? ORDER BY id", [reference])
    }

    func declineCounts() throws -> [DeclineReason] {
        try fetchRows(sql: DeclineCounts.countsSQL).map { r in
            guard let kind = ReminderKind(rawValue: r[0]) else { throw StoreFailure(Message("store.damaged.reminder_log")) }
            return DeclineReason(kind: kind, reason: r[1], count: r[2])
        }
    }

    func appendReminderLog(_ e: ReminderLogEntry) throws {
        try execute(sql: "INSERT INTO reminder_log (vehicle_id, kind, due_on, outcome, reason, at, by, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [e.vehicleID, e.kind.rawValue, e.dueOn.description, e.outcome.rawValue, e.reason, e.at.secondsSince1970, e.by, e.reference])
        if e.outcome.settlesReminder { try refreshReminderSchedule(vehicleID: e.vehicleID) }
    }

    func delayed(_ sql: String, _ arguments: StatementArguments) throws -> [DelayedDelivery] {
        try fetchRows(sql: """
            SELECT id, vehicle_id, cause, part_number, note, expected_on, opened_at, fix_published_at, closed_at FROM delayed_delivery
            """ + " " + sql, arguments: arguments).map { r in
            guard let cause = DelayedDelivery.Cause(rawValue: r[2]) else { throw StoreFailure(Message("store.damaged.delayed_delivery", ["id": .int(Int(r[0] as Int64))])) }
            return DelayedDelivery(id: r[0], vehicleID: r[1], cause: cause, partNumber: r[3], note: r[4],
                                   expectedOn: (r[5] as String?).flatMap(CalendarDate.init(parsing:)),
                                   openedAt: Timestamp(secondsSince1970: r[6]),
                                   fixPublishedAt: (r[7] as Int64?).map(Timestamp.init(secondsSince1970:)),
                                   closedAt: (r[8] as Int64?).map(Timestamp.init(secondsSince1970:)))
        }
    }

    func delayedDeliveries(openOnly: Bool) throws -> [DelayedDelivery] {
        try delayed(openOnly ? "WHERE closed_at IS NULL ORDER BY vehicle_id, id" : "ORDER BY id", [])
    }

    func delayedDelivery(id: Int64) throws -> DelayedDelivery? { try delayed("WHERE id = ?", [id]).first }

    func insertDelayedDelivery(_ e: DelayedDelivery) throws -> DelayedDelivery {
        try execute(sql: """
            INSERT INTO delayed_delivery (vehicle_id, cause, part_number, note, expected_on, opened_at, fix_published_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.vehicleID, e.cause.rawValue, e.partNumber, e.note, e.expectedOn?.description, e.openedAt.secondsSince1970,
                             e.fixPublishedAt?.secondsSince1970, e.closedAt?.secondsSince1970])
        var stored = e
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateDelayedDelivery(_ e: DelayedDelivery) throws {
        try execute(sql: "UPDATE delayed_delivery SET fix_published_at = ?, closed_at = ?, expected_on = ? WHERE id = ?",
                       arguments: [e.fixPublishedAt?.secondsSince1970, e.closedAt?.secondsSince1970, e.expectedOn?.description, e.id])
    }

    private func campaigns(_ sql: String, _ arguments: StatementArguments) throws -> [ServiceCampaign] {
        try fetchRows(sql: "SELECT id, code, kind, title, models, vin_prefix, starts_on, ends_on FROM campaign " + sql, arguments: arguments).map { r in
            guard let kind = ReminderKind(rawValue: r[2]), let starts = CalendarDate(parsing: r[6]) else { throw StoreFailure(Message("store.damaged.campaign", ["name": .text(r[1] as String)])) }
            let models = (r[4] as String).split(separator: ";").map(String.init)
            return ServiceCampaign(id: r[0], code: r[1], kind: kind, title: r[3], models: models, vinPrefix: r[5], startsOn: starts,
                                   endsOn: (r[7] as String?).flatMap(CalendarDate.init(parsing:)))
        }
    }

    func campaigns() throws -> [ServiceCampaign] { try campaigns("ORDER BY starts_on, code", []) }
    func campaign(code: String) throws -> ServiceCampaign? { try campaigns("WHERE code = ?", [code]).first }

    func insertCampaign(_ c: ServiceCampaign) throws -> ServiceCampaign {
        try execute(sql: "INSERT INTO campaign (code, kind, title, models, vin_prefix, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [c.code, c.kind.rawValue, c.title, c.models.joined(separator: ";"), c.vinPrefix, c.startsOn.description, c.endsOn?.description])
        var stored = c
        stored.id = db.lastInsertedRowID
        // Its invitations join the schedule of every vehicle it applies to (those in its scope's index ranges).
        for v in try vehicles(modelPrefixes: stored.models, vins: stored.vinRange) where stored.applies(to: v) {
            try refreshReminderSchedule(vehicleID: v.id)
        }
        return stored
    }
}

// The reminder schedule (v20): one row per vehicle and reminder it owes, read by an index range.
extension SQLiteTransaction {
    /// A JSON array of ids: one cached statement whatever the count (`IN (SELECT value FROM json_each(?))`).
    /// Its digits are written into one buffer: a text made for each id and then joined cost about 1,000
    /// instructions an id, 1.1M of a page of `remind due`, which lists 225 cars in five reads.
    static func idList(_ ids: [Int64]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 + ids.count * 8)
        bytes.append(UInt8(ascii: "["))
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        for (index, id) in ids.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if id < 0 { bytes.append(UInt8(ascii: "-")) }
            var rest = id.magnitude
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: digits.reversed())
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A read by vehicle of `vehicleIDs` (not empty): its statement for one vehicle and its argument, or for several.
    /// One vehicle (a write working its schedule out again) is `vehicle_id = ?`: the list's `json_each` and the sort
    /// by vehicle it brings cost a read of one vehicle's calls twice its instructions.
    static func byVehicle(_ vehicleIDs: [Int64], _ sql: ByVehicle) -> (sql: String, arguments: StatementArguments) {
        vehicleIDs.count == 1 ? (sql.one, [vehicleIDs[0]]) : (sql.several, [idList(vehicleIDs)])
    }

    /// A statement by vehicle written twice: `WHERE vehicle_id = ?` and `WHERE vehicle_id IN (SELECT value FROM json_each(?))`.
    struct ByVehicle {
        let one: String, several: String
        init(_ select: String, order: String) {
            one = select + " WHERE vehicle_id = ? " + order
            several = select + " WHERE vehicle_id IN (SELECT value FROM json_each(?)) " + order
        }
    }

    private static let loggedCallsSQL = ByVehicle("SELECT vehicle_id, kind, due_on, reference, outcome, id FROM reminder_log", order: "ORDER BY vehicle_id, id")

    func loggedCalls(vehicleIDs: [Int64]) throws -> [LoggedCall] {
        if vehicleIDs.isEmpty { return [] }
        // Every column is in reminder_log_by_vehicle (v40), the row id included: SQLite reads the index alone.
        let (sql, arguments) = Self.byVehicle(vehicleIDs, Self.loggedCallsSQL)
        return try decodeRows(sql: sql, arguments: arguments) { r in
            guard let kind = ReminderKind(rawValue: r[1]), let due = CalendarDate(parsing: r[2]), let outcome = ReminderOutcome(rawValue: r[4]) else {
                throw StoreFailure(Message("store.damaged.reminder_log"))
            }
            return LoggedCall(vehicleID: r[0], kind: kind, dueOn: due, reference: r[3], outcome: outcome)
        }
    }

    private func schedule(_ sql: String, _ arguments: StatementArguments) throws -> [ScheduledVehicleReminder] {
        try decodeRows(sql: "SELECT vehicle_id, plate, kind, reference, due_on, listed_from, listed_until FROM reminder_schedule " + sql,
                       arguments: arguments) { r in
            guard let kind = ReminderKind(rawValue: r[2]), let due = CalendarDate(parsing: r[4]), let from = CalendarDate(parsing: r[5]) else {
                throw StoreFailure(Message("store.damaged.reminder_schedule"))
            }
            let reference: String = r[3]
            return ScheduledVehicleReminder(vehicleID: r[0], plate: r[1], reminder: ScheduledReminder(
                kind: kind, reference: reference.isEmpty ? nil : reference, dueOn: due, listedFrom: from,
                listedUntil: (r[6] as String?).flatMap(CalendarDate.init(parsing:))))
        }
    }

    func scheduledReminders(dueBy: CalendarDate, kind: ReminderKind?, limit: Int?) throws -> [ScheduledVehicleReminder] {
        try dueSchedule(dueBy: dueBy, kind: kind, listedOn: nil, limit: limit)
    }

    func scheduledReminders(dueBy: CalendarDate, kind: ReminderKind?, listedOn day: CalendarDate, limit: Int?) throws -> [ScheduledVehicleReminder] {
        try dueSchedule(dueBy: dueBy, kind: kind, listedOn: day, limit: limit)
    }

    /// With `day`, dead entries (listed until a day gone by) are left out by SQLite, not decoded and dropped:
    /// at 10k vehicles 4,693 of the 11,369 entries due by the horizon were dead, and sat at the front.
    private func dueSchedule(dueBy: CalendarDate, kind: ReminderKind?, listedOn day: CalendarDate?, limit: Int?) throws -> [ScheduledVehicleReminder] {
        // Optional values, the element type `StatementArguments` takes: an array of non-optional ones was cast
        // to it element by element at run time, and each cast looked up its value's type's conformance among
        // the binary's 9,000 (`String` and `Int`: 800,000 instructions at a process's first list).
        var filter = "reference = ''", arguments: [(any DatabaseValueConvertible)?] = []
        if let kind { filter += " AND kind = ?"; arguments.append(kind.rawValue) }
        filter += " AND due_on <= ?"; arguments.append(dueBy.description)
        if let day { filter += " AND listed_from <= ? AND (listed_until IS NULL OR listed_until > ?)"; arguments += [day.description, day.description] }
        return try schedule("WHERE \(filter) ORDER BY due_on, plate LIMIT ?", StatementArguments(arguments + [limit ?? -1]))
    }

    func scheduledReminders(campaign code: String, limit: Int?) throws -> [ScheduledVehicleReminder] {
        // `reference != ''` lets SQLite use the partial index reminder_schedule_by_campaign (a parameter alone cannot).
        try schedule("WHERE reference = ? AND reference != '' ORDER BY plate LIMIT ?", [code, limit ?? -1])
    }

    func reminderSchedule(vehicleID: Int64) throws -> [ScheduledReminder] {
        try schedule("WHERE vehicle_id = ? ORDER BY due_on, kind, reference", [vehicleID]).map(\.reminder)
    }

    func replaceReminderSchedule(vehicleID: Int64, plate: String, entries: [ScheduledReminder]) throws {
        try execute(sql: "DELETE FROM reminder_schedule WHERE vehicle_id = ?", arguments: [vehicleID])
        for e in entries {
            try execute(sql: """
                INSERT INTO reminder_schedule (vehicle_id, kind, reference, due_on, listed_from, listed_until, plate) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [vehicleID, e.kind.rawValue, e.reference ?? "", e.dueOn.description, e.listedFrom.description,
                                 e.listedUntil?.description, plate])
        }
    }

    /// Every vehicle's schedule worked out again (migration v20, and stores filled outside lane: scripts/make-store).
    static func rebuildReminderSchedule(_ db: Database) throws {
        // Run by migrations too: one older than v30 reads history rows without their messages.
        let tx = SQLiteTransaction(db: db, historyMessages: try db.columns(in: "vehicle_event").contains { $0.name == "message" })
        try db.execute(sql: "DELETE FROM reminder_schedule")
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM vehicle ORDER BY id") { try tx.refreshReminderSchedule(vehicleID: id) }
    }
}
