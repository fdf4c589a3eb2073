import Foundation
import GRDB
import Testing
@testable import LaneStore
import LaneCore
import LanePlugin

/// Security 1: plugins' tables live under `plg_NAME_`, which no table of the core
/// has, and what a plugin's SQL touches is decided by SQLite's authorizer.
@Suite struct PluginNamespaceTests {
    @Test func noTableOfTheCoreStartsWithThePluginPrefix() throws {
        let store = try SQLiteStore(inMemoryNamed: "prefix")
        let names = try store.read { tx in
            try String.fetchAll(try #require(tx as? SQLiteTransaction).db, sql: "SELECT name FROM sqlite_master")
        }
        #expect(names.contains("plugin_state") && names.contains("repair_order"))
        #expect(names.filter { $0.hasPrefix(PluginSQLGuard.reservedPrefix) }.isEmpty)
    }

    @Test func v18MovesTheCompiledPluginsTablesUnderThePrefix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-v18-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        // A store as a lane before v18 left it: the warranty plugin's table under its bare name.
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v16 row seals")
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE warranty_claim (id INTEGER PRIMARY KEY, ro_number TEXT NOT NULL);
                CREATE INDEX warranty_claim_by_ro ON warranty_claim (ro_number);
                INSERT INTO warranty_claim (ro_number) VALUES ('RO-20261123-0001');
                INSERT INTO plugin_migration (plugin, identifier, applied_at) VALUES ('warranty', '1 claims and recalls', 0);
                """)
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let (tables, rows) = try store.read { tx in
            let db = try #require(tx as? SQLiteTransaction).db
            return (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE '%warranty%' ORDER BY name"),
                    try String.fetchAll(db, sql: "SELECT ro_number FROM plg_warranty_claim"))
        }
        #expect(tables == ["plg_warranty_claim", "plg_warranty_claim_by_ro"])
        #expect(rows == ["RO-20261123-0001"])
    }

    /// What SQLite reports for one statement, judged for the plugin `repair`.
    private func problems(_ sql: String, _ purpose: PluginSQLGuard.Purpose, plugin: String = "repair",
                          setup: String = "") throws -> [Message] {
        let store = try SQLiteStore(inMemoryNamed: "guard-\(UUID().uuidString)")
        return try store.write { tx in
            let db = try #require(tx as? SQLiteTransaction).db
            if !setup.isEmpty { try db.execute(sql: setup) }
            return try PluginSQLGuard.shared.problems(sql, plugin: plugin, purpose: purpose, in: db)
        }
    }

    @Test func aPluginNamedLikeACoreTableCannotTouchIt() throws {
        #expect(try !problems("UPDATE repair_order SET status = 'closed'", .statement).isEmpty)
        #expect(try !problems("DROP TABLE repair_order_event", .migration).isEmpty)
        #expect(try !problems("DELETE FROM staff_pin", .statement, plugin: "staff").isEmpty)
        #expect(try !problems("DELETE FROM plugin_migration", .statement, plugin: "plugin").isEmpty)
        #expect(try !problems("DELETE FROM part_reservation", .statement, plugin: "part").isEmpty)
        // Reading the dealership's records goes through the typed API, never SQL.
        #expect(try !problems("SELECT phone, address FROM customer", .query, plugin: "survey").isEmpty)
        // Its own tables are its own.
        #expect(try problems("CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY)", .migration).isEmpty)
        let own = "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT);"
        #expect(try problems("INSERT INTO plg_repair_x (v) VALUES ('a')", .statement, setup: own).isEmpty)
        #expect(try problems("SELECT v FROM plg_repair_x", .query, setup: own).isEmpty)
        #expect(try !problems("INSERT INTO plg_repair_x (v) VALUES ('a')", .query, setup: own).isEmpty)
    }

    @Test func aTriggerOnItsOwnTableCannotReachTheCore() throws {
        let setup = """
            CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT);
            CREATE TRIGGER plg_repair_t AFTER INSERT ON plg_repair_x BEGIN UPDATE repair_order SET status = 'closed'; END;
            """
        let found = try problems("INSERT INTO plg_repair_x (v) VALUES ('a')", .statement, setup: setup)
        #expect(found.contains { $0.description.contains("repair_order") && $0.description.contains("plg_repair_t") })
    }

    @Test func aKeptVerdictAnswersOnlyForTheSchemaItWasMadeFor() throws {
        let store = try SQLiteStore(inMemoryNamed: "verdicts-\(UUID().uuidString)")
        let insert = "INSERT INTO plg_repair_x (v) VALUES ('a')"
        func change(_ sql: String, thenInsert: Bool, undo: Bool = false) throws {
            struct Undo: Error {}
            try store.write { tx in
                let t = try #require(tx as? SQLiteTransaction)
                if !sql.isEmpty { try t.db.execute(sql: sql) }
                if thenInsert { _ = try t.pluginExecute(namespace: "repair", sql: insert, arguments: []) }
                if undo { throw Undo() }
            }
        }
        let table = "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT);"
        let reachesTheCore = "CREATE TRIGGER plg_repair_t AFTER INSERT ON plg_repair_x BEGIN DELETE FROM staff_pin; END;"
        // Undone: the table and a harmless index, the insert allowed for that schema.
        #expect(throws: (any Error).self) { try change(table + "CREATE INDEX plg_repair_i ON plg_repair_x (v);", thenInsert: true, undo: true) }
        // As many changes again, so the same schema version, but with a trigger that reaches the core: refused.
        #expect(throws: Refusal.self) { try change(table + reachesTheCore, thenInsert: true) }
        // Committed: the insert allowed and its verdict kept; a trigger added later makes it refused.
        try change(table, thenInsert: false)
        try change("", thenInsert: true)
        try change("", thenInsert: true)
        try change(reachesTheCore, thenInsert: false)
        #expect(throws: Refusal.self) { try change("", thenInsert: true) }
    }

    /// A store on disk: `setup` committed first, then `sql` judged by a guard of its own inside a
    /// write, with `uncommitted` run in that write before it. Returns the problems and how many
    /// in-memory copies of the schema the guard made (none when the file's own schema answered).
    private func problemsOnFile(_ sql: String, _ purpose: PluginSQLGuard.Purpose, plugin: String = "repair",
                                setup: String = "", uncommitted: String = "") throws -> ([Message], Int) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let judge = PluginSQLGuard()
        let store = try SQLiteStore(path: dir.appendingPathComponent("lane.sqlite").path)
        if !setup.isEmpty { try store.write { tx in try #require(tx as? SQLiteTransaction).db.execute(sql: setup) } }
        let problems = try store.write { tx in
            let db = try #require(tx as? SQLiteTransaction).db
            if !uncommitted.isEmpty { try db.execute(sql: uncommitted) }
            return try judge.problems(sql, plugin: plugin, purpose: purpose, in: db)
        }
        return (problems, judge.copiesMade)
    }

    /// The guard compiles on its own read-only connection to the store's file when that file's schema is
    /// the one the store's connection sees, and its verdicts are the in-memory copy's, word for word.
    @Test func aStoreOnDiskIsJudgedOnItsOwnFileWithTheSameVerdicts() throws {
        let own = "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT);"
        let trigger = own + "CREATE TRIGGER plg_repair_t AFTER INSERT ON plg_repair_x BEGIN UPDATE repair_order SET status = 'closed'; END;"
        let cases: [(String, PluginSQLGuard.Purpose, String, String)] = [
            ("UPDATE repair_order SET status = 'closed'", .statement, "repair", ""),
            ("SELECT phone, address FROM customer", .query, "survey", ""),
            ("INSERT INTO plg_repair_x (v) VALUES ('a')", .statement, "repair", own),
            ("SELECT v FROM plg_repair_x", .query, "repair", own),
            ("INSERT INTO plg_repair_x (v) VALUES ('a')", .query, "repair", own),
            ("INSERT INTO plg_repair_x (v) VALUES ('a')", .statement, "repair", trigger),
            ("DROP TABLE plg_repair_x", .migration, "repair", own),
            ("CREATE VIEW plg_repair_v AS SELECT * FROM customer", .migration, "repair", ""),
        ]
        for (sql, purpose, plugin, setup) in cases {
            let (onFile, copies) = try problemsOnFile(sql, purpose, plugin: plugin, setup: setup)
            #expect(copies == 0, "\(sql)")
            #expect(onFile == (try problems(sql, purpose, plugin: plugin, setup: setup)), "\(sql)")
        }
        // A statement SQLite cannot compile is refused in SQLite's words, as on the copy.
        #expect(throws: Refusal.self) { try problemsOnFile("SELECT nothing FROM plg_repair_none", .query) }
    }

    /// A change of the schema not yet committed (a plugin's migration in its write) is not in the file:
    /// the statement is judged on a copy of the schema the transaction sees.
    @Test func aSchemaNotYetCommittedIsJudgedOnACopy() throws {
        let reachesTheCore = """
            CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT);
            CREATE TRIGGER plg_repair_t AFTER INSERT ON plg_repair_x BEGIN DELETE FROM staff_pin; END;
            """
        let (found, copies) = try problemsOnFile("INSERT INTO plg_repair_x (v) VALUES ('a')", .statement, uncommitted: reachesTheCore)
        #expect(copies == 1)
        #expect(found.contains { $0.description.contains("staff_pin") && $0.description.contains("plg_repair_t") })
    }

    /// Another process changes the schema after the guard read it: the guard's connection reads it again.
    @Test func aSchemaChangedByAnotherProcessIsReadAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("lane.sqlite").path
        let judge = PluginSQLGuard()
        let insert = "INSERT INTO plg_repair_x (v) VALUES ('a')"
        let store = try SQLiteStore(path: path)
        try store.write { tx in try #require(tx as? SQLiteTransaction).db.execute(sql: "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT)") }
        func judged() throws -> [Message] {
            try store.write { tx in try judge.problems(insert, plugin: "repair", purpose: .statement, in: try #require(tx as? SQLiteTransaction).db) }
        }
        #expect(try judged().isEmpty)
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "CREATE TRIGGER plg_repair_t AFTER INSERT ON plg_repair_x BEGIN DELETE FROM staff_pin; END")
        }
        try other.close()
        #expect(try judged().contains { $0.description.contains("staff_pin") })
        #expect(judge.copiesMade == 0)
    }

    /// A PRAGMA acts as it compiles: refused, and the connection to the store's file it was compiled on
    /// is closed with whatever it changed there; the next statement opens a fresh one.
    @Test func aPragmaLeavesNothingOnTheConnectionToTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("lane.sqlite").path)
        try store.write { tx in try #require(tx as? SQLiteTransaction).db.execute(sql: "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT)") }
        let judge = PluginSQLGuard()
        func judged(_ sql: String, _ purpose: PluginSQLGuard.Purpose) throws -> [Message] {
            try store.read { tx in try judge.problems(sql, plugin: "repair", purpose: purpose, in: try #require(tx as? SQLiteTransaction).db) }
        }
        #expect(try judged("SELECT v FROM plg_repair_x", .query).isEmpty)
        #expect(judge.holdsFileConnection)
        #expect(try !judged("PRAGMA locking_mode = EXCLUSIVE", .statement).isEmpty)
        #expect(!judge.holdsFileConnection)
        #expect(throws: Refusal.self) { try judged("SELECT v FROM plg_repair_none", .query) }
        #expect(!judge.holdsFileConnection)
        #expect(try judged("SELECT v FROM plg_repair_x", .query).isEmpty)
        #expect(judge.holdsFileConnection)
        #expect(judge.copiesMade == 0)
    }

    /// Opened and its schema read ahead (`prepareFileConnection`, which `lane` runs on a thread of its own
    /// while a session starts): the first verdict is the file's own, and a schema changed since is seen.
    @Test func aConnectionOpenedAheadJudgesAsOneOpenedAtTheQuery() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("lane.sqlite").path
        let store = try SQLiteStore(path: path)
        try store.write { tx in try #require(tx as? SQLiteTransaction).db.execute(sql: "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT)") }
        let judge = PluginSQLGuard()
        func judged(_ sql: String, _ purpose: PluginSQLGuard.Purpose) throws -> [Message] {
            try store.read { tx in try judge.problems(sql, plugin: "repair", purpose: purpose, in: try #require(tx as? SQLiteTransaction).db) }
        }
        #expect(!judge.holdsFileConnection)
        let file = try store.read { tx in PluginSQLGuard.filePath(of: try #require(tx as? SQLiteTransaction).db) }
        #expect(file.hasSuffix("/lane.sqlite"))
        judge.prepareFileConnection(path: file)
        #expect(judge.holdsFileConnection)
        #expect(try judged("SELECT v FROM plg_repair_x", .query).isEmpty)
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "CREATE TRIGGER plg_repair_t AFTER INSERT ON plg_repair_x BEGIN DELETE FROM staff_pin; END")
        }
        try other.close()
        #expect(try judged("INSERT INTO plg_repair_x (v) VALUES ('a')", .statement).contains { $0.description.contains("staff_pin") })
        #expect(judge.copiesMade == 0)
        // Nothing there to open: nothing is held, and the first query opens as before.
        let elsewhere = PluginSQLGuard()
        elsewhere.prepareFileConnection(path: dir.appendingPathComponent("none/lane.sqlite").path)
        #expect(!elsewhere.holdsFileConnection)
    }

    @Test func schemaChangesOnlyInMigrationsAndOnlyOfItsOwn() throws {
        let own = "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY, v TEXT);"
        #expect(try !problems("DROP TABLE plg_repair_x", .statement, setup: own).isEmpty)
        #expect(try problems("DROP TABLE plg_repair_x", .migration, setup: own).isEmpty)
        #expect(try !problems("CREATE INDEX plg_repair_i ON customer (name)", .migration).isEmpty)
        #expect(try !problems("CREATE TRIGGER plg_repair_t AFTER INSERT ON customer BEGIN SELECT 1; END", .migration).isEmpty)
        #expect(try !problems("PRAGMA foreign_keys = OFF", .migration).isEmpty)
        #expect(try !problems("ATTACH 'x.db' AS x", .statement).isEmpty)
        #expect(try !problems("CREATE VIEW plg_repair_v AS SELECT * FROM customer", .migration).isEmpty)
    }

    @Test func aRenameOutOfTheNamespaceIsRefused() throws {
        let store = try SQLiteStore(inMemoryNamed: "rename")
        #expect(throws: Refusal.self) {
            try store.write { tx in
                _ = try tx.migratePlugin(namespace: "repair", migrations: [
                    PluginMigration("v1", sql: "CREATE TABLE plg_repair_x (id INTEGER PRIMARY KEY); ALTER TABLE plg_repair_x RENAME TO repair_extra"),
                ], at: Timestamp(secondsSince1970: 0))
            }
        }
    }
}
