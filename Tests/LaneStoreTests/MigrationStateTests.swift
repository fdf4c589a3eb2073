import GRDB
import Testing
@testable import LaneStore

/// Whether a store is up to date is read at every opening by lane's own query; it answers as GRDB's
/// `hasCompletedMigrations` does in every state a store can be in.
@Suite struct MigrationStateTests {
    @Test func aStoreIsUpToDateExactlyWhenGRDBSaysItIs() throws {
        let queue = try DatabaseQueue()
        func bothAnswer(_ expected: Bool, _ state: Comment) throws {
            let (ours, grdbs) = try queue.read { db in
                (try Schema.hasCompletedMigrations(db), try Schema.migrator.hasCompletedMigrations(db))
            }
            #expect(ours == expected, state)
            #expect(grdbs == expected, state)
        }
        try bothAnswer(false, "an empty file: no migration table")
        try Schema.migrator.migrate(queue, upTo: "v21 print log")
        try bothAnswer(false, "migrated half way")
        try Schema.migrator.migrate(queue)
        try bothAnswer(true, "migrated")
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999 a later lane')") }
        try bothAnswer(true, "a migration this lane does not know is ignored")
        try queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3 reminder registers'") }
        try bothAnswer(false, "one missing in the middle")
    }

    /// Migrations from v25 on run with the foreign keys on and leave the rest of the store unchecked: GRDB's
    /// default checks every foreign key of the store after each one, 40-65 s at 1M vehicles. So a store with a
    /// row that breaks one (which only a change made outside lane leaves) is still brought up to date, and the
    /// row is still there for a check to find.
    @Test func laterMigrationsDoNotCheckEveryForeignKeyOfTheStore() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v27 bounded registers and campaign scopes")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: """
                INSERT INTO vehicle (vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at)
                VALUES ('LXHCB1A24T0000017', '粤B12345', '星河 E3', 4242, '2026-01-01', 0, '2026-01-01', 0)
                """)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        try Schema.migrator.migrate(queue)
        let (done, broken) = try queue.read { db in
            (try Schema.migrator.hasCompletedMigrations(db), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { $0[0] as String })
        }
        #expect(done)
        #expect(broken == ["vehicle"])
    }

    /// v41 counts the declined calls a store logged before it (`DeclineCounts`), and from then on its triggers do.
    @Test func theDeclineCountsStartFromTheLogAsItStands() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v40 logged calls read from their index alone")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for (kind, outcome, reason) in [("lost_customer", "declined", "太贵"), ("lost_customer", "declined", "太贵"),
                                            ("regular_service", "declined", "太贵"), ("regular_service", "unreachable", ""),
                                            ("regular_service", "booked", "AP-1")] {
                try db.execute(sql: """
                    INSERT INTO reminder_log (vehicle_id, kind, due_on, outcome, reason, at, by) VALUES (1, ?, '2026-11-23', ?, ?, 0, '蒋芳')
                    """, arguments: [kind, outcome, reason])
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        try Schema.migrator.migrate(queue)
        func counts() throws -> [String] {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT kind, reason, calls FROM reminder_decline_count ORDER BY kind, reason")
                    .map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int)" }
            }
        }
        #expect(try counts() == ["lost_customer 太贵 2", "regular_service 太贵 1"])
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: """
                INSERT INTO reminder_log (vehicle_id, kind, due_on, outcome, reason, at, by) VALUES (1, 'lost_customer', '2026-11-24', 'declined', '太贵', 0, '蒋芳')
                """)
        }
        #expect(try counts() == ["lost_customer 太贵 3", "regular_service 太贵 1"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reminder_log_by_outcome'") } == 0)
    }
}
