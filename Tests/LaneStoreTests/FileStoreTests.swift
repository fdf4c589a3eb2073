import Foundation
import GRDB
import Testing
@testable import LaneStore
import LaneCore

/// A fresh folder under the system temporary directory, removed afterwards.
private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
}

/// Runs a pragma on the store's writer connection (where durability matters).
private func writerPragma(_ store: SQLiteStore, _ name: String) throws -> String? {
    try store.write { tx throws in
        guard let sqlite = tx as? SQLiteTransaction else { return nil }
        return try String.fetchOne(sqlite.db, sql: "PRAGMA \(name)")
    }
}

@Test func fileStoreCreatesMissingFoldersAndTheSchema() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("nested/deeper/lane.sqlite").path
        let store = try SQLiteStore(path: path)
        #expect(store.location == path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.tableCounts().keys.sorted()
                == ["appointment", "appointment_event", "audit_anchor", "audit_log", "audit_personal", "audit_subject", "campaign", "complaint", "credit_account", "credit_account_entry", "customer", "customer_search_key", "delayed_delivery", "follow_up", "follow_up_score_hour", "kpi_day", "kpi_day_mark", "labor_operation", "number_series", "part",
                    "part_reservation", "plugin_checksum", "plugin_handshake", "plugin_migration", "plugin_state", "print_log", "quality_check", "reminder_decline_count", "reminder_log", "reminder_schedule", "repair_order", "repair_order_event", "repair_order_line", "repair_order_payment", "row_count", "row_seal",
                    "setting", "staff", "staff_pin", "stock_movement", "store_version", "team", "vehicle", "vehicle_event"])
    }
}

@Test func dataSurvivesReopeningTheFile() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            let owner = try addCustomer(store, "王小明", "13800138000")
            try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
        }
        // Reopening runs the migrator again, which must leave the data alone.
        let reopened = try SQLiteStore(path: path)
        try reopened.read { tx throws in
            #expect(try tx.customer(number: 1)?.name == "王小明")
            #expect(try tx.vehicle(plate: "粤B12345")?.vin.value == vin1)
        }
    }
}

@Test func journalModeIsWALAndSynchronousIsFull() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        let store = try SQLiteStore(path: path)
        #expect(try writerPragma(store, "journal_mode") == "wal")
        // 2 = FULL (GRDB's own default with WAL would be 1, NORMAL).
        #expect(try writerPragma(store, "synchronous") == "2")
        #expect(try writerPragma(store, "foreign_keys") == "1")
        // WAL is also recorded in the file itself: header bytes 18 and 19 are 2.
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20)
        #expect(header.count == 20 && header[18] == 2 && header[19] == 2)
    }
}

/// Reads and writes share the writer's connection: a process opens one (a lookup no second one, whose
/// schema parse was a tenth of its start). It keeps 16 MB of pages from a session's second command on
/// (a page of `remind due` at 1M reads 10 MB); before that SQLite's default, 2 MB.
@Test func readsAndWritesShareOneConnectionThatKeepsMorePagesInASession() throws {
    try withTemporaryDirectory { dir in
        let store = try SQLiteStore(path: dir.appendingPathComponent("lane.sqlite").path)
        func reader() throws -> Int? {
            try store.read { tx throws in try (tx as? SQLiteTransaction).flatMap { try Int.fetchOne($0.db, sql: "PRAGMA cache_size") } }
        }
        let reading = try store.read { tx in (tx as? SQLiteTransaction)?.db.sqliteConnection }
        let writing = try store.write { tx in (tx as? SQLiteTransaction)?.db.sqliteConnection }
        #expect(reading != nil && reading == writing)
        #expect(try reader() == -2000)
        store.keepPagesBetweenCommands()
        store.keepPagesBetweenCommands()
        #expect(try reader() == -16_384)
        #expect(try writerPragma(store, "cache_size") == "-16384")
    }
}

/// A read inside a change (a plugin's, an event's) is on the same connection and reads what the change
/// has written so far; a read after a refused change finds nothing of it.
@Test func aReadInsideAChangeSeesTheChangeAndNothingStaysAfterARefusal() throws {
    try withTemporaryDirectory { dir in
        let store = try SQLiteStore(path: dir.appendingPathComponent("lane.sqlite").path)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.write { tx throws in
                try (tx as? SQLiteTransaction)?.db.execute(sql: "INSERT INTO setting (key, value) VALUES ('test.inside', 'yes')")
                let seen = try store.read { try $0.settingValues()["test.inside"] }
                #expect(seen == "yes")
                throw Refused()
            }
        }
        #expect(try store.read { try $0.settingValues()["test.inside"] } == nil)
    }
}

/// Start-up: the WAL file is kept between runs, so a lookup neither writes at open nor copies the log
/// back at close: the files are left as they were.
@Test func aLookupLeavesTheFilesAsTheyWere() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        // Made (its migrations fill the log past the bound, emptied at close), then a small write kept in the log.
        do { _ = try SQLiteStore(path: path) }
        do {
            let store = try SQLiteStore(path: path)
            _ = try addCustomer(store, "王小明", "13800138000")
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let log = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        let database = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!log.isEmpty)
        do {
            let store = try SQLiteStore(path: path)
            #expect(try store.read { try $0.customer(number: 1)?.name } == "王小明")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == log)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == database)
        // The committed row is in the kept log and read back from it, by SQLite's own reader too.
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.read { try $0.customer(number: 1)?.name } == "王小明")
    }
}

/// A kept WAL that has grown is emptied at close (its frames copied into the database), so the
/// next start does not read them all again; what was written stays.
@Test func aLargeLogIsEmptiedAtClose() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            try store.unsafeExecute("""
                CREATE TABLE bulk (b BLOB);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
                INSERT INTO bulk SELECT randomblob(4000) FROM n;
                """)
            let grown = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
            #expect(grown > SQLiteStore.logCompactionBytes)
        }
        let size = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? -1
        #expect(size >= 0 && size < 64 * 1024)
        let reopened = try SQLiteStore(path: path)
        try reopened.read { tx throws in
            let db = try #require(tx as? SQLiteTransaction).db
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bulk") == 400)
        }
    }
}

/// Throughput: a write keeps the connection's prepared statements. Each write used to begin with
/// `CREATE TEMP … IF NOT EXISTS`, after which GRDB empties its statement cache, so every statement
/// of every write was compiled again.
@Test func writesKeepTheirPreparedStatements() throws {
    let store = try SQLiteStore(inMemoryNamed: "statement-cache")
    func statement() throws -> Statement {
        try store.write { tx throws in try #require(tx as? SQLiteTransaction).db.cachedStatement(sql: "SELECT COUNT(*) FROM customer") }
    }
    _ = try addCustomer(store, "王小明", "13800138000")
    let first = try statement()
    _ = try addCustomer(store, "李四", "13900139000")
    #expect(try statement() === first)
}

@Test func twoStoresOnOneFileSeeEachOthersWrites() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        let a = try SQLiteStore(path: path)
        let b = try SQLiteStore(path: path)
        let wang = try addCustomer(a, "王小明", "13800138000")
        #expect(try b.read { try $0.customer(number: 1) } == wang)
        let li = try addCustomer(b, "李四", "13900139000")
        #expect(li.code == "C0002")
        #expect(try a.read { try $0.customers(limit: 10, offset: 0) } == [wang, li])
    }
}

@Test func aSecondStoreWaitsForTheOthersWriteInsteadOfFailing() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        let a = try SQLiteStore(path: path)
        let b = try SQLiteStore(path: path)
        let holding = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let fields = try customerFields("王小明", "13800138000")
        Thread {
            do {
                _ = try a.write { tx throws in
                    let c = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: testNow)
                    holding.signal()
                    Thread.sleep(forTimeInterval: 0.3)
                    return c
                }
            } catch {
                Issue.record("the first writer failed: \(error)")
                holding.signal()
            }
            finished.signal()
        }.start()
        holding.wait()
        // a holds the write lock; b blocks on the busy timeout until a commits,
        // then sees a's row when it picks the next number.
        let li = try addCustomer(b, "李四", "13900139000")
        finished.wait()
        #expect(li.code == "C0002")
        #expect(try a.read { try $0.customers(limit: 10, offset: 0) }.map(\.name) == ["王小明", "李四"])
    }
}

/// A writer still locked out when its wait is up (none at all, or `lane_sqlite_wait_when_busy`'s timeout)
/// is told the file is busy, and its write leaves nothing: it never waits forever.
@Test(arguments: [0, 0.2])
func aWriterLockedOutPastItsTimeoutIsToldTheFileIsBusy(timeout: Double) throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        let a = try SQLiteStore(path: path)
        let b = try SQLiteStore(path: path, busyTimeoutSeconds: timeout)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let fields = try customerFields("王小明", "13800138000")
        Thread {
            do {
                _ = try a.write { tx throws in
                    let c = try tx.insertCustomer(number: 1, fields: fields, at: testNow)
                    holding.signal()
                    release.wait()
                    return c
                }
            } catch {
                Issue.record("the first writer failed: \(error)")
                holding.signal()
            }
            finished.signal()
        }.start()
        holding.wait()
        // a keeps the lock until b has given up, however long b would wait.
        let message = storeFailureMessage { try addCustomer(b, "李四", "13900139000") }
        release.signal()
        finished.wait()
        #expect(message == "the database is busy in another session; try again in a moment")
        // Reading is never blocked by the writer in WAL mode, and the refused write left nothing.
        #expect(try b.read { try $0.customers(limit: 10, offset: 0) }.map(\.name) == ["王小明"])
        // Once the lock is free, b writes at once.
        _ = try addCustomer(b, "李四", "13900139000")
        #expect(try a.read { try $0.customers(limit: 10, offset: 0) }.map(\.name) == ["王小明", "李四"])
    }
}

@Test func aFileThatIsNotADatabaseIsReportedPlainly() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "这不是数据库 not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let message = storeFailureMessage { _ = try SQLiteStore(path: path) }
        #expect(message == "cannot open the database at \(path): the database file is damaged or is not a ServiceLane database")
    }
}

@Test func X4_aNewDatabaseIsReadableByItsOwnerOnly() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("private/lane.sqlite").path
        let store = try SQLiteStore(path: path)
        try addCustomer(store, "王小明", "13800138000")
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("private").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            #expect(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.posixPermissions] as? Int == 0o600)
        }
    }
}

/// `store copy` hands the file's key to a server store's key file; on a desk that never opened a
/// server store the folder of keys is not there yet (a clean machine's CI found it).
@Test func X4_aKeyHandedToAFolderNotYetMadeMakesItForItsOwnerOnly() throws {
    try withTemporaryDirectory { dir in
        let base = dir.appendingPathComponent("home/.lane/keys/127.0.0.1-5432-lane-lane").path
        let key = [UInt8](repeating: 7, count: 32)
        #expect(StoreBackendSupport.giveKey(key, beside: base))
        #expect(SQLiteStore.key(beside: base, mayCreate: false) == key)
        let fileMode = try FileManager.default.attributesOfItem(atPath: base + ".key")[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("home/.lane/keys").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        // A different key for the same store is refused, the first kept.
        #expect(!StoreBackendSupport.giveKey([UInt8](repeating: 8, count: 32), beside: base))
        #expect(SQLiteStore.key(beside: base, mayCreate: false) == key)
    }
}

@Test func onlyAServiceLaneDatabaseIsOpened() throws {
    try withTemporaryDirectory { dir in
        // A mistyped path is not made into a new store unless asked.
        let missing = dir.appendingPathComponent("typo.sqlite").path
        #expect(storeFailureMessage { _ = try SQLiteStore(path: missing, create: false) }?.contains("no such file") == true)
        #expect(!FileManager.default.fileExists(atPath: missing))
        // An empty file is not silently turned into a new store.
        let empty = dir.appendingPathComponent("empty.sqlite").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(storeFailureMessage { _ = try SQLiteStore(path: empty) }?.contains("the file is empty") == true)
        // Another program's database is left alone.
        let other = dir.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        try queue.close()
        #expect(storeFailureMessage { _ = try SQLiteStore(path: other) }?.contains("not a ServiceLane database") == true)
        #expect(try DatabaseQueue(path: other).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["invoices"])
        // A store made by lane is stamped, and opens again.
        let ours = dir.appendingPathComponent("lane.sqlite").path
        _ = try SQLiteStore(path: ours)
        let reopened = try SQLiteStore(path: ours, create: false)
        #expect(try writerPragma(reopened, "application_id") == String(SQLiteStore.applicationID))
        #expect(FileManager.default.fileExists(atPath: ours + ".key"))
    }
}

@Test func aDamagedPageIsFoundByTheIntegrityCheck() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            let given = Array("明华强伟芳娜敏静丽军洋勇艳杰娟涛超秀霞平")
            for n in 0..<300 { try addCustomer(store, "王" + String(given[n % 20]) + String(given[n / 20]), "139\(String(format: "%08d", n))") }
            #expect(try store.integrityProblems().isEmpty)
        }
        // Scribble over a page in the middle of the file, as a failing disk would.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
        try handle.close()
        let problems = (try? SQLiteStore(path: path, create: false).integrityProblems()) ?? [Message("store.damage", ["text": .text("could not even open")])]
        #expect(!problems.isEmpty)
    }
}

/// At the process's end the store is finished, not closed (`finishBeforeExit`): the open marker is gone,
/// so the next opening runs no check and owes none, the log is left as a close leaves it, and what was
/// committed is there.
@Test func aStoreFinishedForTheExitOpensAgainAsAfterAClose() throws {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("lane.sqlite").path
        do { _ = try SQLiteStore(path: path) }
        let store = try SQLiteStore(path: path)
        _ = try addCustomer(store, "王小明", "13800138000")
        store.finishBeforeExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".open-") }
        #expect(left.isEmpty, "\(left)")
        let log = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        let reopened = try SQLiteStore(path: path)
        #expect(reopened.integrityNotice == nil)
        #expect(try reopened.read { try $0.customer(number: 1)?.name } == "王小明")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == log)
    }
}
