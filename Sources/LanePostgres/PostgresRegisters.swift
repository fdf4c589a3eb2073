import LaneCore
import LaneStore

// Appointments, reminder registers, the reminder schedule, follow-ups and complaints.
extension PostgresTransaction {
    private static let appointmentColumns = AppointmentRow.selectColumns

    private func appointments(_ sql: String, _ arguments: PGArguments) throws -> [Appointment] {
        try rows("SELECT \(Self.appointmentColumns) FROM appointment " + sql, arguments).map { r in
            func time(_ i: Int) throws -> Timestamp? { (try r[i] as Int64?).map(Timestamp.init(secondsSince1970:)) }
            guard let channel = AppointmentChannel(rawValue: try r[9]), let status = AppointmentStatus(rawValue: try r[10]) else {
                throw StoreFailure(Message("store.damaged.appointment", ["number": .text(r.text(1))]))
            }
            let checks = InternalConfirmations(advisorItemsAt: try time(13), needsTechnicianPlan: try r[14], technicianPlanAt: try time(15),
                                               partsCheckedAt: try time(16),
                                               partsExpectedOn: (try r[17] as String?).flatMap(CalendarDate.init(parsing:)))
            return Appointment(id: try r[0], number: try r[1], vehicleID: try r[2], customerID: try r[3], model: try r[22],
                               reportedMileage: try r[23], advisor: try r[4],
                               start: Timestamp(secondsSince1970: try r[5]), durationMinutes: try r[6], job: try r[7], bay: try r[8],
                               channel: channel, status: status, calledAt: Timestamp(secondsSince1970: try r[11]),
                               enteredAt: Timestamp(secondsSince1970: try r[12]), internalChecks: checks,
                               customerConfirmations: CustomerConfirmations(dayBefore: try time(18), hourBefore: try time(19)),
                               attempt: try r[20], note: try r[21])
        }
    }

    private func values(_ a: Appointment, day: CalendarDate) -> PGArguments {
        AppointmentRow.values(a, day: day).map { PGValue($0) as (any PGArgument)? }
    }

    private static let writtenColumns = AppointmentRow.writtenColumns

    func insertAppointment(_ a: Appointment, day: CalendarDate) throws -> Appointment {
        let cols = Self.writtenColumns
        var stored = a
        stored.id = try insert("INSERT INTO appointment (\(cols.joined(separator: ", "))) VALUES (\(cols.map { _ in "?" }.joined(separator: ", ")))",
                               values(a, day: day))
        return stored
    }

    func saveAppointment(_ a: Appointment, day: CalendarDate) throws {
        try execute("UPDATE appointment SET \(Self.writtenColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                    values(a, day: day) + [a.id])
    }

    func appointment(number: String) throws -> Appointment? { try appointments("WHERE number = ?", [number]).first }
    func appointment(id: Int64) throws -> Appointment? { try appointments("WHERE id = ?", [id]).first }
    func appointments(fromDay: CalendarDate, toDay: CalendarDate) throws -> [Appointment] {
        try appointments("WHERE day >= ? AND day <= ? ORDER BY start_at, id", [fromDay.description, toDay.description])
    }
    func appointments(vehicleID: Int64) throws -> [Appointment] { try appointments("WHERE vehicle_id = ? ORDER BY start_at, id", [vehicleID]) }
    func appointments(customerID: Int64) throws -> [Appointment] { try appointments("WHERE customer_id = ? ORDER BY start_at, id", [customerID]) }
    func noShows(fromDay: CalendarDate, toDay: CalendarDate) throws -> [Appointment] {
        try appointments("WHERE status = ? AND day >= ? AND day <= ? ORDER BY start_at, id",
                         [AppointmentStatus.noShow.rawValue, fromDay.description, toDay.description])
    }

    func callListStanding(vehicleIDs: [Int64]) throws -> [Int64: ReminderPrecedence.Standing] {
        if vehicleIDs.isEmpty { return [:] }
        var standing: [Int64: ReminderPrecedence.Standing] = [:]
        // An appointment still expected; then an open order, which wins (the car is here).
        // Each through its partial index (v39), the conditions as the indexes name them (`CallListStanding`).
        for r in try rows("SELECT DISTINCT vehicle_id FROM appointment WHERE vehicle_id = ANY(?) AND \(CallListStanding.expected)", [vehicleIDs]) {
            standing[try r[0]] = .booked
        }
        for r in try rows("SELECT DISTINCT vehicle_id FROM repair_order WHERE vehicle_id = ANY(?) AND \(CallListStanding.inWorkshop)", [vehicleIDs]) {
            standing[try r[0]] = .inWorkshop
        }
        return standing
    }
    func appointmentNumbers(prefix: String, limit: Int) throws -> [String] {
        try rows("SELECT number FROM appointment WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?",
                 [prefix, Self.upperBound(prefix), limit]).map { row -> String in try row[0] }
    }

    func lastAppointmentEventID() throws -> Int64 { try value("SELECT COALESCE(MAX(id), 0) FROM appointment_event") ?? 0 }

    func appointmentEvents(afterID id: Int64) throws -> [(id: Int64, appointmentID: Int64, kind: String)] {
        try rows("SELECT id, appointment_id, kind FROM appointment_event WHERE id > ? ORDER BY id", [id]).map { r -> (id: Int64, appointmentID: Int64, kind: String) in (try r[0], try r[1], try r[2]) }
    }

    func appendAppointmentEvent(appointmentID: Int64, kind: String, detail: String, message: Message?, at: Timestamp, by: String) throws {
        try execute("INSERT INTO appointment_event (appointment_id, at, by, kind, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
                    [appointmentID, at.secondsSince1970, by, kind, detail, message.flatMap(StoredMessage.encode)])
    }

    func appointmentEvents(appointmentID: Int64) throws -> [TimelineEvent] {
        try rows("SELECT kind, detail, at, by, message FROM appointment_event WHERE appointment_id = ? ORDER BY id", [appointmentID]).map { r in
            TimelineEvent(kind: try r[0], detail: try r[1], at: Timestamp(secondsSince1970: try r[2]), by: try r[3],
                          message: (try r[4] as String?).flatMap(StoredMessage.decode))
        }
    }

    func reservedQuantity(partNumber: String) throws -> Int {
        try value("SELECT COALESCE(SUM(quantity), 0)::bigint FROM part_reservation WHERE part_number = ? AND released_at IS NULL",
                  [partNumber]) ?? 0
    }

    func reservations(appointmentID: Int64) throws -> [PartReservation] {
        try rows("SELECT part_number, quantity, label, released_at FROM part_reservation WHERE appointment_id = ? ORDER BY id",
                 [appointmentID]).map { r in
            PartReservation(partNumber: try r[0], quantity: try r[1], label: try r[2], released: (try r[3] as Int64?) != nil)
        }
    }

    func openReservations(partNumber: String?) throws -> [(appointmentID: Int64, reservation: PartReservation)] {
        let filter = partNumber == nil ? "" : "AND part_number = ?"
        return try rows("SELECT appointment_id, part_number, quantity, label FROM part_reservation WHERE released_at IS NULL \(filter) ORDER BY id",
                        partNumber.map { [$0] as PGArguments } ?? []).map { r -> (appointmentID: Int64, reservation: PartReservation) in
            (try r[0], PartReservation(partNumber: try r[1], quantity: try r[2], label: try r[3], released: false))
        }
    }

    func reserve(partNumber: String, quantity: Int, for appointmentID: Int64, label: String, at: Timestamp) throws {
        try execute("INSERT INTO part_reservation (appointment_id, part_number, quantity, label, reserved_at) VALUES (?, ?, ?, ?, ?)",
                    [appointmentID, partNumber, quantity, label, at.secondsSince1970])
    }

    func releaseReservations(appointmentID: Int64, at: Timestamp) throws {
        try execute("UPDATE part_reservation SET released_at = ? WHERE appointment_id = ? AND released_at IS NULL", [at.secondsSince1970, appointmentID])
    }

    // MARK: Reminder registers

    private func logEntries(_ sql: String, _ arguments: PGArguments) throws -> [ReminderLogEntry] {
        try rows("SELECT vehicle_id, kind, due_on, outcome, reason, at, by, reference FROM reminder_log " + sql, arguments).map { r in
            guard let kind = ReminderKind(rawValue: try r[1]), let due = CalendarDate(parsing: try r[2]),
                  let outcome = ReminderOutcome(rawValue: try r[3]) else { throw StoreFailure(Message("store.damaged.reminder_log")) }
            return ReminderLogEntry(vehicleID: try r[0], kind: kind, dueOn: due, outcome: outcome, reason: try r[4],
                                    at: Timestamp(secondsSince1970: try r[5]), by: try r[6], reference: try r[7])
        }
    }

    func reminderLog(vehicleID: Int64?) throws -> [ReminderLogEntry] {
        if let vehicleID { return try logEntries("WHERE vehicle_id = ? ORDER BY id", [vehicleID]) }
        return try logEntries("ORDER BY id", [])
    }
    func reminderLog(from: Timestamp, to: Timestamp) throws -> [ReminderLogEntry] {
        try logEntries("WHERE at >= ? AND at < ? ORDER BY at, id", [from.secondsSince1970, to.secondsSince1970])
    }
    func loggedCalls(vehicleIDs: [Int64]) throws -> [LoggedCall] {
        if vehicleIDs.isEmpty { return [] }
        // The key and included columns of reminder_log_by_vehicle (v40): an index-only scan.
        return try rows("""
            SELECT vehicle_id, kind, due_on, reference, outcome FROM reminder_log WHERE vehicle_id = ANY(?) ORDER BY vehicle_id, id
            """, [vehicleIDs]).map { r in
            guard let kind = ReminderKind(rawValue: try r[1]), let due = CalendarDate(parsing: try r[2]),
                  let outcome = ReminderOutcome(rawValue: try r[4]) else { throw StoreFailure(Message("store.damaged.reminder_log")) }
            return LoggedCall(vehicleID: try r[0], kind: kind, dueOn: due, reference: try r[3], outcome: outcome)
        }
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
        try rows(DeclineCounts.countsSQL).map { r in
            guard let kind = ReminderKind(rawValue: try r[0]) else { throw StoreFailure(Message("store.damaged.reminder_log")) }
            return DeclineReason(kind: kind, reason: try r[1], count: try r[2])
        }
    }

    func appendReminderLog(_ e: ReminderLogEntry) throws {
        try execute("INSERT INTO reminder_log (vehicle_id, kind, due_on, outcome, reason, at, by, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [e.vehicleID, e.kind.rawValue, e.dueOn.description, e.outcome.rawValue, e.reason, e.at.secondsSince1970, e.by, e.reference])
        if e.outcome.settlesReminder { try refreshReminderSchedule(vehicleID: e.vehicleID) }
    }

    private func delayed(_ sql: String, _ arguments: PGArguments) throws -> [DelayedDelivery] {
        try rows("""
            SELECT id, vehicle_id, cause, part_number, note, expected_on, opened_at, fix_published_at, closed_at FROM delayed_delivery
            """ + " " + sql, arguments).map { r in
            guard let cause = DelayedDelivery.Cause(rawValue: try r[2]) else { throw StoreFailure(Message("store.damaged.delayed_delivery", ["id": .text(r.text(0))])) }
            return DelayedDelivery(id: try r[0], vehicleID: try r[1], cause: cause, partNumber: try r[3], note: try r[4],
                                   expectedOn: (try r[5] as String?).flatMap(CalendarDate.init(parsing:)),
                                   openedAt: Timestamp(secondsSince1970: try r[6]),
                                   fixPublishedAt: (try r[7] as Int64?).map(Timestamp.init(secondsSince1970:)),
                                   closedAt: (try r[8] as Int64?).map(Timestamp.init(secondsSince1970:)))
        }
    }

    func delayedDeliveries(openOnly: Bool) throws -> [DelayedDelivery] {
        try delayed(openOnly ? "WHERE closed_at IS NULL ORDER BY vehicle_id, id" : "ORDER BY id", [])
    }
    func delayedDelivery(id: Int64) throws -> DelayedDelivery? { try delayed("WHERE id = ?", [id]).first }

    func insertDelayedDelivery(_ e: DelayedDelivery) throws -> DelayedDelivery {
        var stored = e
        stored.id = try insert("""
            INSERT INTO delayed_delivery (vehicle_id, cause, part_number, note, expected_on, opened_at, fix_published_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [e.vehicleID, e.cause.rawValue, e.partNumber, e.note, e.expectedOn?.description, e.openedAt.secondsSince1970,
                  e.fixPublishedAt?.secondsSince1970, e.closedAt?.secondsSince1970])
        return stored
    }

    func updateDelayedDelivery(_ e: DelayedDelivery) throws {
        try execute("UPDATE delayed_delivery SET fix_published_at = ?, closed_at = ?, expected_on = ? WHERE id = ?",
                    [e.fixPublishedAt?.secondsSince1970, e.closedAt?.secondsSince1970, e.expectedOn?.description, e.id])
    }

    private func campaigns(_ sql: String, _ arguments: PGArguments) throws -> [ServiceCampaign] {
        try rows("SELECT id, code, kind, title, models, vin_prefix, starts_on, ends_on FROM campaign " + sql, arguments).map { r in
            guard let kind = ReminderKind(rawValue: try r[2]), let starts = CalendarDate(parsing: try r[6]) else {
                throw StoreFailure(Message("store.damaged.campaign", ["name": .text(r.text(1))]))
            }
            let models = (try r[4] as String).split(separator: ";").map(String.init)
            return ServiceCampaign(id: try r[0], code: try r[1], kind: kind, title: try r[3], models: models, vinPrefix: try r[5], startsOn: starts,
                                   endsOn: (try r[7] as String?).flatMap(CalendarDate.init(parsing:)))
        }
    }

    func campaigns() throws -> [ServiceCampaign] { try campaigns("ORDER BY starts_on, code", []) }
    func campaign(code: String) throws -> ServiceCampaign? { try campaigns("WHERE code = ?", [code]).first }

    func insertCampaign(_ c: ServiceCampaign) throws -> ServiceCampaign {
        var stored = c
        stored.id = try insert("INSERT INTO campaign (code, kind, title, models, vin_prefix, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [c.code, c.kind.rawValue, c.title, c.models.joined(separator: ";"), c.vinPrefix, c.startsOn.description,
                                c.endsOn?.description])
        // Its invitations join the schedule of every vehicle it applies to (those in its scope's index ranges).
        for v in try vehicles(modelPrefixes: stored.models, vins: stored.vinRange) where stored.applies(to: v) {
            try refreshReminderSchedule(vehicleID: v.id)
        }
        return stored
    }

    // MARK: The reminder schedule

    private func schedule(_ sql: String, _ arguments: PGArguments) throws -> [ScheduledVehicleReminder] {
        try rows("SELECT vehicle_id, plate, kind, reference, due_on, listed_from, listed_until FROM reminder_schedule " + sql, arguments).map { r in
            guard let kind = ReminderKind(rawValue: try r[2]), let due = CalendarDate(parsing: try r[4]),
                  let from = CalendarDate(parsing: try r[5]) else { throw StoreFailure(Message("store.damaged.reminder_schedule")) }
            let reference: String = try r[3]
            return ScheduledVehicleReminder(vehicleID: try r[0], plate: try r[1], reminder: ScheduledReminder(
                kind: kind, reference: reference.isEmpty ? nil : reference, dueOn: due, listedFrom: from,
                listedUntil: (try r[6] as String?).flatMap(CalendarDate.init(parsing:))))
        }
    }

    func scheduledReminders(dueBy: CalendarDate, kind: ReminderKind?, limit: Int?) throws -> [ScheduledVehicleReminder] {
        try dueSchedule(dueBy: dueBy, kind: kind, listedOn: nil, limit: limit)
    }

    /// As SQLite's: the entries no longer listed on `day` are left out in the index (v35), not decoded and dropped.
    func scheduledReminders(dueBy: CalendarDate, kind: ReminderKind?, listedOn day: CalendarDate, limit: Int?) throws -> [ScheduledVehicleReminder] {
        try dueSchedule(dueBy: dueBy, kind: kind, listedOn: day, limit: limit)
    }

    private func dueSchedule(dueBy: CalendarDate, kind: ReminderKind?, listedOn day: CalendarDate?, limit: Int?) throws -> [ScheduledVehicleReminder] {
        var filter = "reference = ''", arguments: PGArguments = []
        if let kind { filter += " AND kind = ?"; arguments.append(kind.rawValue) }
        filter += " AND due_on <= ?"; arguments.append(dueBy.description)
        if let day { filter += " AND listed_from <= ? AND (listed_until IS NULL OR listed_until > ?)"; arguments += [day.description, day.description] }
        // Without a kind, ties on the day and plate are broken the same way every time.
        let order = kind == nil ? "due_on, plate, vehicle_id, kind" : "due_on, plate"
        return try schedule("WHERE \(filter) ORDER BY \(order) LIMIT ?", arguments + [limit])
    }

    func scheduledReminders(campaign code: String, limit: Int?) throws -> [ScheduledVehicleReminder] {
        try schedule("WHERE reference = ? ORDER BY plate, vehicle_id, kind LIMIT ?", [code, limit])
    }

    func reminderSchedule(vehicleID: Int64) throws -> [ScheduledReminder] {
        try schedule("WHERE vehicle_id = ? ORDER BY due_on, kind, reference", [vehicleID]).map(\.reminder)
    }

    func replaceReminderSchedule(vehicleID: Int64, plate: String, entries: [ScheduledReminder]) throws {
        try execute("DELETE FROM reminder_schedule WHERE vehicle_id = ?", [vehicleID])
        for e in entries {
            try execute("""
                INSERT INTO reminder_schedule (vehicle_id, kind, reference, due_on, listed_from, listed_until, plate) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [vehicleID, e.kind.rawValue, e.reference ?? "", e.dueOn.description, e.listedFrom.description, e.listedUntil?.description, plate])
        }
    }

    // MARK: Follow-up calls and complaints

    private func followUps(_ sql: String, _ arguments: PGArguments) throws -> [FollowUpRecord] {
        try rows("SELECT repair_order_id, call, outcome, score, comment, at, by FROM follow_up " + sql, arguments).map { r in
            guard let call = FollowUpCall(rawValue: try r[1]), let outcome = FollowUpOutcome(rawValue: try r[2]) else {
                throw StoreFailure(Message("store.damaged.follow_up"))
            }
            return FollowUpRecord(orderID: try r[0], call: call, outcome: outcome, score: try r[3], comment: try r[4],
                                  at: Timestamp(secondsSince1970: try r[5]), by: try r[6])
        }
    }

    func followUps(orderID: Int64) throws -> [FollowUpRecord] { try followUps("WHERE repair_order_id = ? ORDER BY id", [orderID]) }
    func followUpAttempts(orderIDs: [Int64]) throws -> [Int64: [FollowUpAttempt]] {
        if orderIDs.isEmpty { return [:] }
        var attempts: [Int64: [FollowUpAttempt]] = [:]
        // The key and included columns of follow_up_by_order (v43): an index-only scan.
        for r in try rows("SELECT repair_order_id, call, outcome FROM follow_up WHERE repair_order_id = ANY(?) ORDER BY repair_order_id, id", [orderIDs]) {
            guard let call = FollowUpCall(rawValue: try r[1]), let outcome = FollowUpOutcome(rawValue: try r[2]) else {
                throw StoreFailure(Message("store.damaged.follow_up"))
            }
            attempts[try r[0], default: []].append(FollowUpAttempt(call: call, outcome: outcome))
        }
        return attempts
    }

    func followUps(from: Timestamp, to: Timestamp) throws -> [FollowUpRecord] {
        try followUps("WHERE at >= ? AND at < ? ORDER BY at, id", [from.secondsSince1970, to.secondsSince1970])
    }

    func kpiFollowUpCalls(from: Timestamp, to: Timestamp) throws -> [KPIFollowUpCall] {
        try rows(StoreBackendSupport.kpiFollowUpCallsSQL, [from.secondsSince1970, to.secondsSince1970]).map { r in
            try StoreBackendSupport.kpiFollowUpCall(call: r[0], outcome: r[1], score: r[2], at: r[3])
        }
    }

    func followUps(from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [FollowUpRecord] {
        try followUps("WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ? OFFSET ?", [from.secondsSince1970, to.secondsSince1970, limit, offset])
    }

    func followUpScores(from: Timestamp, to: Timestamp) throws -> (scored: Int, total: Int) {
        try FollowUpScoreHours.scores(from: from, to: to, hours: { first, last in
            guard let r = try rows(FollowUpScoreHours.hoursSQL, [first, last]).first else { return (0, 0) }
            return (try r[0], try r[1])
        }, calls: { from, to in
            guard let r = try rows(StoreBackendSupport.followUpScoresSQL, [from.secondsSince1970, to.secondsSince1970]).first else { return (0, 0) }
            return (try r[0], try r[1])
        })
    }

    func appendFollowUp(_ f: FollowUpRecord) throws {
        try execute("INSERT INTO follow_up (repair_order_id, call, outcome, score, comment, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [f.orderID, f.call.rawValue, f.outcome.rawValue, f.score, f.comment, f.at.secondsSince1970, f.by])
    }

    private func complaints(_ sql: String, _ arguments: PGArguments) throws -> [Complaint] {
        try rows("""
            SELECT id, repair_order_id, customer_id, text, status, finding, action, opened_at, opened_by, resolved_at FROM complaint
            """ + " " + sql, arguments).map { r in
            guard let status = Complaint.Status(rawValue: try r[4]) else { throw StoreFailure(Message("store.damaged.complaint", ["id": .text(r.text(0))])) }
            return Complaint(id: try r[0], orderID: try r[1], customerID: try r[2], text: try r[3], status: status, finding: try r[5],
                             action: try r[6], openedAt: Timestamp(secondsSince1970: try r[7]), openedBy: try r[8],
                             resolvedAt: (try r[9] as Int64?).map(Timestamp.init(secondsSince1970:)))
        }
    }

    func complaints(statuses: [Complaint.Status]) throws -> [Complaint] {
        guard !statuses.isEmpty else { return [] }
        return try complaints("WHERE status = ANY(?::text[]) ORDER BY opened_at, id", [PGValue.text(Self.textArray(statuses.map(\.rawValue)))])
    }

    func complaint(id: Int64) throws -> Complaint? { try complaints("WHERE id = ?", [id]).first }
    func complaints(openedFrom from: Timestamp, to: Timestamp) throws -> [Complaint] {
        try complaints(StoreBackendSupport.openedInPeriodFilter, [from.secondsSince1970, to.secondsSince1970])
    }
    func delayedDeliveries(openedFrom from: Timestamp, to: Timestamp) throws -> [DelayedDelivery] {
        try delayed(StoreBackendSupport.openedInPeriodFilter, [from.secondsSince1970, to.secondsSince1970])
    }

    // The KPI day shares (`KPIDayShares`; the statements are the SQLite store's).
    func kpiDayMarks(utcDays: ClosedRange<Int64>) throws -> [Int64: Int64] {
        var marks: [Int64: Int64] = [:]
        for row in try rows(KPIDayShares.marksSQL, [utcDays.lowerBound, utcDays.upperBound]) { marks[try row[0]] = try row[1] }
        return marks
    }

    func keptKPIDays(from first: CalendarDate, through last: CalendarDate) throws -> [KeptKPIDay] {
        try rows(KPIDayShares.sharesSQL, [first.description, last.description]).compactMap { row in
            let text: String = try row[0]
            guard let day = CalendarDate(parsing: text) else { return nil }
            return KeptKPIDay(day: day, marks: try row[1], basis: try row[2], share: try row[3])
        }
    }

    func keepKPIDays(_ days: [KeptKPIDay]) throws {
        for d in days { _ = try execute(KPIDayShares.keepSQL, [d.day.description, d.marks, d.basis, d.share]) }
    }
    func lastComplaintID() throws -> Int64 { try value("SELECT COALESCE(MAX(id), 0) FROM complaint") ?? 0 }

    func insertComplaint(_ c: Complaint) throws -> Complaint {
        var stored = c
        stored.id = try insert("""
            INSERT INTO complaint (repair_order_id, customer_id, text, status, finding, action, opened_at, opened_by, resolved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [c.orderID, c.customerID, c.text, c.status.rawValue, c.finding, c.action, c.openedAt.secondsSince1970, c.openedBy,
                  c.resolvedAt?.secondsSince1970])
        return stored
    }

    func updateComplaint(_ c: Complaint) throws {
        try execute("UPDATE complaint SET status = ?, finding = ?, action = ?, resolved_at = ? WHERE id = ?",
                    [c.status.rawValue, c.finding, c.action, c.resolvedAt?.secondsSince1970, c.id])
    }
}
