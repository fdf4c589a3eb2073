import GRDB
import LaneCore

// The appointment register (R2, X7).
extension SQLiteTransaction {
    private static let appointmentColumns = AppointmentRow.selectColumns

    private func appointments(_ sql: String, _ arguments: StatementArguments) throws -> [Appointment] {
        // Stepped by hand (`StepRow`): the board and a KPI day read a day's appointments.
        try stepRows(sql: "SELECT \(Self.appointmentColumns) FROM appointment " + sql, arguments: arguments, table: "appointment") { r in
            func time(_ i: Int) throws -> Timestamp? { (try r[i] as Int64?).map(Timestamp.init(secondsSince1970:)) }
            guard let channel = AppointmentChannel(rawValue: try r[9]), let status = AppointmentStatus(rawValue: try r[10]) else {
                throw StoreFailure(Message("store.damaged.appointment", ["number": .text(try r[1] as String)]))
            }
            let checks = try InternalConfirmations(advisorItemsAt: time(13), needsTechnicianPlan: r[14], technicianPlanAt: time(15),
                                                   partsCheckedAt: time(16), partsExpectedOn: (r[17] as String?).flatMap(CalendarDate.init(parsing:)))
            return try Appointment(id: r[0], number: r[1], vehicleID: r[2], customerID: r[3], model: r[22], reportedMileage: r[23], advisor: r[4],
                               start: Timestamp(secondsSince1970: r[5]), durationMinutes: r[6], job: r[7], bay: r[8], channel: channel,
                               status: status, calledAt: Timestamp(secondsSince1970: r[11]), enteredAt: Timestamp(secondsSince1970: r[12]),
                               internalChecks: checks, customerConfirmations: CustomerConfirmations(dayBefore: time(18), hourBefore: time(19)),
                               attempt: r[20], note: r[21])
        }
    }

    private func values(_ a: Appointment, day: CalendarDate) -> [(any DatabaseValueConvertible)?] {
        AppointmentRow.values(a, day: day).map { Self.databaseValue($0) as (any DatabaseValueConvertible)? }
    }

    private static let writtenColumns = AppointmentRow.writtenColumns

    func insertAppointment(_ a: Appointment, day: CalendarDate) throws -> Appointment {
        let cols = Self.writtenColumns
        try execute(sql: "INSERT INTO appointment (\(cols.joined(separator: ", "))) VALUES (\(cols.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(values(a, day: day)))
        var stored = a
        stored.id = db.lastInsertedRowID
        return stored
    }

    func saveAppointment(_ a: Appointment, day: CalendarDate) throws {
        try execute(sql: "UPDATE appointment SET \(Self.writtenColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments(values(a, day: day) + [a.id]))
    }

    func appointment(number: String) throws -> Appointment? { try appointments("WHERE number = ?", [number]).first }
    func appointment(id: Int64) throws -> Appointment? { try appointments("WHERE id = ?", [id]).first }

    func appointments(fromDay: CalendarDate, toDay: CalendarDate) throws -> [Appointment] {
        try appointments("WHERE day >= ? AND day <= ? ORDER BY start_at, id", [fromDay.description, toDay.description])
    }

    func appointments(vehicleID: Int64) throws -> [Appointment] {
        try appointments("WHERE vehicle_id = ? ORDER BY start_at", [vehicleID])
    }

    func appointments(customerID: Int64) throws -> [Appointment] {
        try appointments("WHERE customer_id = ? ORDER BY start_at", [customerID])
    }

    func noShows(fromDay: CalendarDate, toDay: CalendarDate) throws -> [Appointment] {
        try appointments("WHERE status = ? AND day >= ? AND day <= ? ORDER BY start_at, id",
                         [AppointmentStatus.noShow.rawValue, fromDay.description, toDay.description])
    }

    func callListStanding(vehicleIDs: [Int64]) throws -> [Int64: ReminderPrecedence.Standing] {
        if vehicleIDs.isEmpty { return [:] }
        let ids = Self.idList(vehicleIDs)
        var standing: [Int64: ReminderPrecedence.Standing] = [:]
        // An appointment still expected; then an open order, which wins (the car is here).
        // Each through its partial index (v39), the conditions as the indexes name them (`CallListStanding`).
        for id in try fetchValues(Int64.self, sql: Self.expectedSQL, arguments: [ids]) { standing[id] = .booked }
        for id in try fetchValues(Int64.self, sql: Self.inWorkshopSQL, arguments: [ids]) { standing[id] = .inWorkshop }
        return standing
    }

    private static let expectedSQL =
        "SELECT DISTINCT vehicle_id FROM appointment WHERE vehicle_id IN (SELECT value FROM json_each(?)) AND \(CallListStanding.expected)"
    private static let inWorkshopSQL =
        "SELECT DISTINCT vehicle_id FROM repair_order WHERE vehicle_id IN (SELECT value FROM json_each(?)) AND \(CallListStanding.inWorkshop)"

    func appointmentNumbers(prefix: String, limit: Int) throws -> [String] {
        try fetchValues(String.self, sql: "SELECT number FROM appointment WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?",
                            arguments: [prefix, Self.upperBound(prefix), limit])
    }

    func lastAppointmentEventID() throws -> Int64 {
        try fetchValue(Int64.self, sql: "SELECT max(id) FROM appointment_event") ?? 0
    }

    func appointmentEvents(afterID id: Int64) throws -> [(id: Int64, appointmentID: Int64, kind: String)] {
        // Stepped by hand: every change asks (`Department.otherEvents`).
        try stepRows(sql: "SELECT id, appointment_id, kind FROM appointment_event WHERE id > ? ORDER BY id", arguments: [id],
                     table: "appointment_event") { (try $0[0], try $0[1], try $0[2]) }
    }

    func appendAppointmentEvent(appointmentID: Int64, kind: String, detail: String, message: Message?, at: Timestamp, by: String) throws {
        try execute(sql: "INSERT INTO appointment_event (appointment_id, at, by, kind, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [appointmentID, at.secondsSince1970, by, kind, detail, message.flatMap(StoredMessage.encode)])
    }

    func appointmentEvents(appointmentID: Int64) throws -> [TimelineEvent] {
        try fetchRows(sql: "SELECT kind, detail, at, by, message FROM appointment_event WHERE appointment_id = ? ORDER BY id",
                         arguments: [appointmentID]).map { r in
            TimelineEvent(kind: r[0], detail: r[1], at: Timestamp(secondsSince1970: r[2]), by: r[3], message: (r[4] as String?).flatMap(StoredMessage.decode))
        }
    }

    func reservedQuantity(partNumber: String) throws -> Int {
        try fetchValue(Int.self, sql: "SELECT COALESCE(SUM(quantity), 0) FROM part_reservation WHERE part_number = ? AND released_at IS NULL",
                         arguments: [partNumber]) ?? 0
    }

    func reservations(appointmentID: Int64) throws -> [PartReservation] {
        try fetchRows(sql: "SELECT part_number, quantity, label, released_at FROM part_reservation WHERE appointment_id = ? ORDER BY id",
                         arguments: [appointmentID]).map { r in
            PartReservation(partNumber: r[0], quantity: r[1], label: r[2], released: (r[3] as Int64?) != nil)
        }
    }

    func openReservations(partNumber: String?) throws -> [(appointmentID: Int64, reservation: PartReservation)] {
        let filter = partNumber == nil ? "" : "AND part_number = ?"
        return try fetchRows(sql: "SELECT appointment_id, part_number, quantity, label FROM part_reservation WHERE released_at IS NULL \(filter) ORDER BY id",
                                arguments: StatementArguments(partNumber.map { [$0] } ?? [])).map { r in
            (r[0], PartReservation(partNumber: r[1], quantity: r[2], label: r[3], released: false))
        }
    }

    func reserve(partNumber: String, quantity: Int, for appointmentID: Int64, label: String, at: Timestamp) throws {
        try execute(sql: "INSERT INTO part_reservation (appointment_id, part_number, quantity, label, reserved_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [appointmentID, partNumber, quantity, label, at.secondsSince1970])
    }

    func releaseReservations(appointmentID: Int64, at: Timestamp) throws {
        try execute(sql: "UPDATE part_reservation SET released_at = ? WHERE appointment_id = ? AND released_at IS NULL",
                       arguments: [at.secondsSince1970, appointmentID])
    }
}
