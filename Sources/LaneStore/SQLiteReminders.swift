import GRDB
import LaneCore

// The reminder registers (X7) and the delayed-delivery register (R1.4).
extension SQLiteTransaction {
    private func logEntries(_ sql: String, _ arguments: StatementArguments) throws -> [ReminderLogEntry] {
        try Row.fetchAll(db, sql: "SELECT vehicle_id, kind, due_on, outcome, reason, at, by, reference FROM reminder_log " + sql, arguments: arguments).map { r in
            guard let kind = ReminderKind(rawValue: r[1]), let due = CalendarDate(parsing: r[2]), let outcome = ReminderOutcome(rawValue: r[3]) else {
                throw StoreFailure("a reminder log row is damaged")
            }
            return ReminderLogEntry(vehicleID: r[0], kind: kind, dueOn: due, outcome: outcome, reason: r[4],
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

    func appendReminderLog(_ e: ReminderLogEntry) throws {
        try db.execute(sql: "INSERT INTO reminder_log (vehicle_id, kind, due_on, outcome, reason, at, by, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [e.vehicleID, e.kind.rawValue, e.dueOn.description, e.outcome.rawValue, e.reason, e.at.secondsSince1970, e.by, e.reference])
    }

    private func delayed(_ sql: String, _ arguments: StatementArguments) throws -> [DelayedDelivery] {
        try Row.fetchAll(db, sql: """
            SELECT id, vehicle_id, cause, part_number, note, expected_on, opened_at, fix_published_at, closed_at FROM delayed_delivery
            """ + " " + sql, arguments: arguments).map { r in
            guard let cause = DelayedDelivery.Cause(rawValue: r[2]) else { throw StoreFailure("delayed-delivery row \(r[0] as Int64) is damaged") }
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
        try db.execute(sql: """
            INSERT INTO delayed_delivery (vehicle_id, cause, part_number, note, expected_on, opened_at, fix_published_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.vehicleID, e.cause.rawValue, e.partNumber, e.note, e.expectedOn?.description, e.openedAt.secondsSince1970,
                             e.fixPublishedAt?.secondsSince1970, e.closedAt?.secondsSince1970])
        var stored = e
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateDelayedDelivery(_ e: DelayedDelivery) throws {
        try db.execute(sql: "UPDATE delayed_delivery SET fix_published_at = ?, closed_at = ?, expected_on = ? WHERE id = ?",
                       arguments: [e.fixPublishedAt?.secondsSince1970, e.closedAt?.secondsSince1970, e.expectedOn?.description, e.id])
    }

    private func campaigns(_ sql: String, _ arguments: StatementArguments) throws -> [ServiceCampaign] {
        try Row.fetchAll(db, sql: "SELECT id, code, kind, title, models, vin_prefix, starts_on, ends_on FROM campaign " + sql, arguments: arguments).map { r in
            guard let kind = ReminderKind(rawValue: r[2]), let starts = CalendarDate(parsing: r[6]) else { throw StoreFailure("campaign \(r[1] as String) is damaged") }
            let models = (r[4] as String).split(separator: ";").map(String.init)
            return ServiceCampaign(id: r[0], code: r[1], kind: kind, title: r[3], models: models, vinPrefix: r[5], startsOn: starts,
                                   endsOn: (r[7] as String?).flatMap(CalendarDate.init(parsing:)))
        }
    }

    func campaigns() throws -> [ServiceCampaign] { try campaigns("ORDER BY starts_on, code", []) }
    func campaign(code: String) throws -> ServiceCampaign? { try campaigns("WHERE code = ?", [code]).first }

    func insertCampaign(_ c: ServiceCampaign) throws -> ServiceCampaign {
        try db.execute(sql: "INSERT INTO campaign (code, kind, title, models, vin_prefix, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [c.code, c.kind.rawValue, c.title, c.models.joined(separator: ";"), c.vinPrefix, c.startsOn.description, c.endsOn?.description])
        var stored = c
        stored.id = db.lastInsertedRowID
        return stored
    }
}
