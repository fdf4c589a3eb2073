import GRDB
import LaneCore
import Testing
@testable import LaneStore

/// v22: the appointment table is rebuilt so that a car not yet registered can
/// be booked; appointments stored before keep every column, and the
/// reminder schedule is worked out again by the rules as they are now.
@Suite struct AppointmentMigrationTests {
    @Test func v22KeepsTheAppointmentsStoredBefore() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v21 print log")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO customer (number, name, phone, phone_reversed, created_at) VALUES (1, '王小明', '13900000001', '10000000931', 0);
                INSERT INTO vehicle (vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at)
                    VALUES ('LXHCB1A24T0000017', '粤B12345', '星河 S5', 1, '2026-05-01', 10, '2026-05-01', 0);
                INSERT INTO appointment (number, day, vehicle_id, customer_id, advisor, start_at, duration_minutes, job, bay, channel, status,
                    called_at, entered_at, needs_technician_plan, attempt, note)
                    VALUES ('AP-20261125-001', '2026-11-25', 1, 1, '薛淑芬', 1795413600, 60, '保养', 2, 'inbound', 'no_show',
                    1795300000, 1795300100, 0, 2, '带保养手册');
                INSERT INTO appointment_event (appointment_id, at, by, kind, detail) VALUES (1, 1795300100, '薛淑芬', 'book', 'booked');
                """)
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let tx = SQLiteTransaction(db: db)
            let a = try #require(try tx.appointment(number: "AP-20261125-001"))
            #expect(a.vehicleID == 1 && a.customerID == 1 && a.bay == 2 && a.status == .noShow && a.attempt == 2 && a.note == "带保养手册")
            #expect(a.model == nil && a.reportedMileage == nil && !a.enteredLate)
            #expect(try tx.appointmentEvents(appointmentID: a.id).map(\.kind) == ["book"])
            #expect(try tx.noShows(fromDay: CalendarDate(year: 2026, month: 11, day: 20)!, toDay: CalendarDate(year: 2026, month: 11, day: 30)!)
                .map(\.number) == ["AP-20261125-001"])
            #expect(try tx.reminderSchedule(vehicleID: 1).contains { $0.kind == .firstService }, "the schedule is worked out again")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let plan = try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id FROM appointment WHERE status = 'no_show' AND day >= '2026-11-20' AND day <= '2026-11-30'
                """).map { $0["detail"] as String }
            #expect(plan.contains { $0.contains("appointment_by_status_day") }, "\(plan)")
        }
    }
}
