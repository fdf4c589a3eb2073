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
}
