import CLaneSQLite
import Foundation
import GRDB
import Testing
@testable import LaneStore

// The store's statements on rows compile without GRDB's authorizer (lane_sqlite.c): GRDB's is behind the
// shim's trampoline, a quiet compile skips it, and everything else still goes through it: GRDB's own
// statements, a statement that changes the schema, and the plugin guard, whose verdict is its
// authorizer's report.
@Suite struct QuietCompileTests {
    @Test func onlyAStatementOnRowsCompilesQuietly() {
        for sql in ["SELECT 1", "  select name FROM t", "\n\tWITH x AS (SELECT 1) SELECT * FROM x", "INSERT INTO t VALUES (1)",
                    "update t SET a = 1", "DELETE FROM t", "REPLACE INTO t VALUES (1)"] {
            #expect(ConnectionStatements.readsOrChangesRowsOnly(sql), "\(sql)")
        }
        for sql in ["", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT a", "RELEASE a", "PRAGMA query_only = 1", "CREATE TABLE u (a)",
                    "ALTER TABLE t ADD COLUMN b", "DROP TABLE t", "ATTACH 'x' AS y", "-- SELECT\nDROP TABLE t", "SELECTED", "(SELECT 1)"] {
            #expect(!ConnectionStatements.readsOrChangesRowsOnly(sql), "\(sql)")
        }
    }

    @Test func aQuietCompileSkipsGRDBsAuthorizerAndNothingElseDoes() throws {
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            #expect(lane_sqlite_authorizer_trampolined() != 0)
            try db.execute(sql: "CREATE TABLE t (a, b)")
            // GRDB learns what a statement reads from its authorizer alone.
            #expect(!(try db.makeStatement(sql: "SELECT a FROM t").databaseRegion.isEmpty))
            #expect(try ConnectionStatements.compile("SELECT b FROM t", db).databaseRegion.isEmpty)
            // Only that compile was quiet.
            #expect(!(try db.makeStatement(sql: "SELECT b FROM t").databaseRegion.isEmpty))
            // A change of the schema still reaches GRDB, whose cache of the columns is then read again.
            #expect(try db.columns(in: "t").map(\.name) == ["a", "b"])
            try ConnectionStatements.compile("ALTER TABLE t ADD COLUMN c", db).execute()
            #expect(try db.columns(in: "t").map(\.name) == ["a", "b", "c"])
        }
    }

    @Test func thePluginGuardJudgesEvenWhileItsThreadCompilesQuietly() throws {
        let store = try SQLiteStore(inMemoryNamed: "quiet-guard-\(UUID().uuidString)")
        let problems = try store.write { tx in
            let db = try #require(tx as? SQLiteTransaction).db
            lane_sqlite_compile_quietly(1)
            defer { lane_sqlite_compile_quietly(0) }
            return try PluginSQLGuard.shared.problems("SELECT hash FROM staff_pin", plugin: "survey", purpose: .query, in: db)
        }
        #expect(!problems.isEmpty)
    }
}
