import CLaneSQLite
import Foundation
import GRDB
import LaneCore

/// The embedded store: one SQLite file in WAL mode, so readers never block
/// the writer, with a busy timeout so two shells on one file wait for each
/// other instead of failing.
public final class SQLiteStore: ServiceStore {
    let writer: any DatabaseWriter
    public let location: String
    public let secretKey: [UInt8]?
    /// What the plugin SQL guard decided, by schema version (`PluginVerdicts`).
    let pluginVerdicts = PluginVerdicts()
    /// Whether the connection keeps a session's pages (`keepPagesBetweenCommands`).
    let keepsMorePages = Locked(false)
    /// The statements each connection keeps for the transactions' SQL (`ConnectionStatements`).
    let statementsByConnection: StatementsByConnection

    /// A transaction on `db` with its connection's statements, which it first checks against the schema.
    func transaction(_ db: Database, savedOrder: SavedOrder? = nil) throws -> SQLiteTransaction {
        let statements = statementsByConnection.statements(for: db)
        try statements.startTransaction(db)
        return SQLiteTransaction(db: db, pluginVerdicts: pluginVerdicts, savedOrder: savedOrder, statements: statements)
    }

    /// "LANE" in the SQLite header: a file is opened only as a database this program recognises.
    static let applicationID: Int32 = 0x4C41_4E45

    /// Opens the file at `path` and brings its schema up to date. A missing
    /// file is created only when `create` is true; an existing file must be
    /// a ServiceLane database (an empty file or another program's database
    /// is refused, never silently made into a new store).
    /// After an unclean close the file is checked for at most `openCheck` before it is used
    /// (see `boundedCheck`); what is left is owed, and `integrityNotice` says so.
    public init(path: String, create: Bool = true, busyTimeoutSeconds: Double = 10,
                openCheck: OpenCheckBudget = .standard) throws(StoreFailure) {
        location = path
        statementsByConnection = StatementsByConnection()
        recorder = nil
        let directory = (path as NSString).deletingLastPathComponent
        let existed = FileManager.default.fileExists(atPath: path)
        if !existed && !create {
            throw StoreFailure(Message("store.open.no_such_file", ["path": .text(path)]))
        }
        // `stat`, not `FileManager.attributesOfItem`: its dictionary of `Any` and the cast of the size
        // from it cost 2 million instructions of every start.
        var info = stat()
        if existed, stat(path, &info) == 0, info.st_size == 0 {
            throw StoreFailure(Message("store.open.empty_file", ["path": .text(path)]))
        }
        // A process that had the file open ended without closing it (killed, a power
        // cut): found before this opening marks the file as its own, checked below
        // before anything is read or written. The marker goes up before the first
        // write (the migrations), so a kill during them is found too.
        let unclean = existed ? SQLiteStore.staleMarkers(of: path) : []
        var owed = existed && FileManager.default.fileExists(atPath: SQLiteStore.checkOwedPath(path))
        var notice: Message?
        var marker: String?
        // Whether the audit trail is signed, as read with the migrations' check at open (nil: not read then).
        var signedAtOpen: Bool?? = nil
        do {
            // X4: customer data is confidential; a new store is readable by its owner only
            // (SQLite gives the -wal and -shm files the database file's permissions).
            if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw StoreFailure(Message("store.open.cannot_create"))
                }
            }
            marker = SQLiteStore.markOpen(path)
            let byConnection = statementsByConnection
            let pageCacheInLargePages = SQLiteStore.pageCacheSlotsHandedOut != nil
            if pageCacheInLargePages { keepsMorePages.withLock { $0 = true } }
            var config = Configuration()
            // The wait for another shell's lock is set per connection below (`lane_sqlite_wait_when_busy`).
            config.busyMode = .immediateError
            config.foreignKeysEnabled = true
            config.prepareDatabase { db in
                byConnection.connectionOpened(db)
                let connection = db.sqliteConnection.map { UnsafeMutableRawPointer($0) }
                // Several shells writing one file take turns: SQLite's own busy timeout backs off to 100 ms
                // a try, so the shell that has waited longest looked least often and could be starved.
                let waiting = lane_sqlite_wait_when_busy(connection, Int32(max(0, min(busyTimeoutSeconds, 86_400)) * 1000))
                if ResultCode(rawValue: waiting) != .SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: waiting)) }
                // X4: an erased customer's name and number are overwritten on disk, not
                // only unlinked: a deleted or updated row leaves no readable trace in the file.
                try db.execute(sql: "PRAGMA secure_delete = ON")
                // Fresh memory for the cache is cheap in 2 MB pages: a session's bound from the first command.
                if pageCacheInLargePages { try db.execute(sql: SQLiteStore.sessionPageCache) }
                // Start-up: the WAL file stays, and no connection checkpoints at its close. Otherwise
                // SQLite removes the WAL at the last close, and the next opening has GRDB write (and
                // fsync) a table into a new one before anything is read; and every close, even after a
                // lookup, copies the WAL's frames back with two fsyncs. The frames a kept WAL still
                // holds are bounded by SQLite's automatic checkpoint and by `compactLogAtClose`.
                let rc = lane_sqlite_keep_wal_at_close(connection)
                if ResultCode(rawValue: rc) != .SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: rc)) }
            }
            // One connection for reads and writes (`read`), so a queue, not a pool of readers. WAL is set
            // here, not by GRDB: its set-up looks at the WAL file through Foundation's `URL` (2.7 million
            // instructions, 7 % of a lookup's start) to write into it when empty, which only a pool's
            // readers need. A committed repair order must survive a power cut: synchronous FULL.
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreFailure(Message("store.open.not_wal", ["path": .text(path)]))
                }
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            if !unclean.isEmpty {
                let outcome: OpenCheckOutcome
                do { outcome = try queue.read { db in try SQLiteStore.boundedCheck(db, budget: openCheck) } }
                catch { throw Unclean(damage: [SQLiteStore.explain(error)]) }
                if !outcome.damage.isEmpty { throw Unclean(damage: outcome.damage) }
                if outcome.complete {
                    if owed { try? FileManager.default.removeItem(atPath: SQLiteStore.checkOwedPath(path)) }
                    owed = false
                } else {
                    // Opened with the rest unchecked: remembered until a check completes, and said now.
                    SQLiteStore.recordCheckOwed(path, outcome)
                    owed = false
                    notice = Message("store.check_cut_short", ["path": .text(path), "seconds": .int(Int(openCheck.seconds.rounded())),
                                                               "checked": .int(outcome.tablesChecked), "tables": .int(outcome.tables)])
                }
                for marker in unclean { try? FileManager.default.removeItem(atPath: marker) }
            }
            if owed { notice = Message("store.check_owed", ["path": .text(path)]) }
            // A store already stamped and up to date is only read at open (one read, which also asks whether
            // the audit trail is signed, below); the rest needs the writer.
            // On the writer's connection, as every read (`read`): no second connection is opened.
            let (stamped, current, signedNow) = try queue.writeWithoutTransaction { db in
                var answers: (Bool, Bool, Bool??) = (false, false, nil)
                try db.inTransaction(.deferred) {
                    answers = (try Int32.fetchOne(db, sql: "PRAGMA application_id") == SQLiteStore.applicationID,
                               try Schema.hasCompletedMigrations(db),
                               try? SQLiteStore.isSigned(db))
                    return .commit
                }
                return answers
            }
            if !stamped { try queue.writeWithoutTransaction { db in try SQLiteStore.recognise(db, new: !existed) } }
            if !current { try Schema.migrator.migrate(queue) }
            writer = queue
            signedAtOpen = stamped && current ? signedNow : nil
        } catch let unclean as Unclean {
            if let marker { try? FileManager.default.removeItem(atPath: marker) }
            throw StoreFailure(Message("store.unclean_damaged", ["path": .text(path), "text": .text(unclean.damage.prefix(3).joined(separator: "; "))]))
        } catch {
            if let marker { try? FileManager.default.removeItem(atPath: marker) }
            // After an unclean close, a page so damaged that the file cannot even be read for the check (a page
            // of its schema: every statement stops on it) is the check's finding too, said as one.
            if !unclean.isEmpty, let e = error as? DatabaseError, e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
                throw StoreFailure(Message("store.unclean_damaged", ["path": .text(path), "text": .text(SQLiteStore.explain(error))]))
            }
            throw StoreFailure(Message("store.open.failed", ["path": .text(path), "why": .text(SQLiteStore.explain(error))]))
        }
        // A store that has signed rows gets no new key when its key file is gone:
        // rows signed with a new key could never be checked with the old one.
        let signed: Bool?
        if let known = signedAtOpen { signed = known } else { signed = (try? writer.read { db in try SQLiteStore.isSigned(db) }) ?? nil }
        secretKey = SQLiteStore.key(beside: path, mayCreate: signed != true)
        keyMissing = secretKey == nil && signed == true
        openMarker = marker
        integrityNotice = notice
    }

    /// Said at opening when a full check of the file is owed: the check after an unclean close was cut
    /// short, now or at an earlier opening, and no check has completed since. Nil otherwise.
    public let integrityNotice: Message?

    /// The store signed its audit trail, but its key file is gone: nothing is written until it is back.
    private let keyMissing: Bool

    /// Whether the store has signed rows of its audit trail (then it never gets a new key).
    static func isSigned(_ db: Database) throws -> Bool? {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM row_seal WHERE kind = 'audit_signing')
                OR COALESCE((SELECT mac <> '' FROM audit_log ORDER BY seq DESC LIMIT 1), 0)
            """)
    }

    /// Notes the statements run, when a test asked (in-memory stores only).
    private let recorder: StatementRecorder?

    /// Every distinct statement run since the store was made (SQL with its `?`), when it was made
    /// `recordingStatements`; statements SQLite runs inside triggers are left out (their SQL is the trigger's).
    public func statementsRun() -> [String] { recorder?.all() ?? [] }

    /// How many times each of those statements ran: a query made once per row shown counts as many.
    public func statementExecutions() -> [String: Int] { recorder?.executions() ?? [:] }

    /// How SQLite runs `sql` (`EXPLAIN QUERY PLAN`, parameters unbound): one line per step, such as
    /// `SEARCH vehicle USING INDEX vehicle_by_owner (owner_id=?)` or `SCAN vehicle`.
    public func queryPlan(_ sql: String) throws -> [String] {
        try translatingFailures {
            try writer.read { db in
                let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                statement.setUncheckedArguments([])  // every parameter NULL: the plan does not depend on their values
                return try Row.fetchAll(statement).map { $0["detail"] as String }
            }
        }
    }

    /// Removed when the store is closed cleanly (see `staleMarkers`).
    private let openMarker: String?

    /// Stores finished for the process's exit (`finishBeforeExit`): kept, so never closed.
    private static let finishedForExit = Locked<[SQLiteStore]>([])

    /// The last call on the store, when the process exits next: the log is compacted and the open
    /// marker removed, as a close does, and
    /// the connection is left open for the system to drop with the process. Closing it freed the whole
    /// parsed schema, one statement at a time (1.5 million instructions, 4 % of a lookup's start), and
    /// wrote nothing: the WAL is kept and never checkpointed at a close, so the file is left exactly as a
    /// close leaves it, and the next opening finds no marker of an unclean close.
    public func finishBeforeExit() {
        compactLogAtClose()
        if let openMarker { try? FileManager.default.removeItem(atPath: openMarker) }
        Self.finishedForExit.withLock { $0.append(self) }
    }

    deinit {
        statementsByConnection.removeAll()
        compactLogAtClose()
        if let openMarker { try? FileManager.default.removeItem(atPath: openMarker) }
    }

    /// A kept WAL larger than this is emptied at close (`compactLogAtClose`).
    static let logCompactionBytes = 1 << 20

    /// The WAL is kept between runs (see the opening), so its valid frames are read again by the
    /// next process that opens the file. At close it is emptied when it has grown beyond
    /// `logCompactionBytes`, or when this run erased a customer (X4: no old page of theirs stays in
    /// the log): its frames are copied into the database and the file truncated. (While the store
    /// opened a pool, one page was written into the emptied log again, because GRDB's pool writes into
    /// an empty WAL at its opening; the queue it opens now does not.)
    /// A lookup leaves a small log as it is: no write, no fsync. Skipped when other processes are
    /// busy on the file (a later close does it; the frames are safe in the log meanwhile).
    private func compactLogAtClose() {
        guard location != ":memory:" else { return }
        var info = stat()
        let size = stat(location + "-wal", &info) == 0 ? Int(info.st_size) : 0
        try? writer.writeWithoutTransaction { db in
            let erased = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = 'customer_erased')") ?? false
            guard erased || size > Self.logCompactionBytes else { return }
            try db.execute(sql: "PRAGMA busy_timeout = 500")
            // Its first column says whether another process kept it from finishing: a later close does it.
            _ = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    struct Unclean: Error { var damage: [String] }

    /// While a store is open, a marker `<database>.open-<pid>-<id>` sits beside
    /// it; a clean close removes it. A marker whose process is gone says the
    /// file was not closed cleanly. One per opening, so shells sharing a file
    /// never remove each other's. It holds the opener's `processIdentity`.
    static func markOpen(_ path: String) -> String? {
        // Eight hex digits, zero-padded (a leading 1 printed and dropped), as UUID's first eight were.
        var random = SystemRandomNumberGenerator()
        let id = String(UInt64(random.next() & 0xFFFF_FFFF) | 1 << 32, radix: 16, uppercase: true).dropFirst()
        let marker = "\(path).open-\(getpid())-\(id)"
        // Made in one call with what it holds (FileManager writes a temporary file and
        // renames it: more system calls at every start).
        let fd = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if let identity = processIdentity(getpid()) {
            let bytes = Array((identity + "\n").utf8)
            guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { unlink(marker); return nil }
        }
        return marker
    }

    /// A process as the system knows it while it runs: this boot's id and the
    /// process's start time (Linux's /proc). A process id alone is not enough:
    /// after a power cut the machine starts again and hands the same ids out to
    /// other programs, so the marker of a killed `lane` would look alive and
    /// its file would never be checked. Nil where /proc is not there.
    static func processIdentity(_ pid: Int32) -> String? {
        guard let boot = smallText("/proc/sys/kernel/random/boot_id"),
              let stat = smallText("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After the name (which may hold spaces, in parentheses): state is field 3, the start time field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        // `trimmingWhitespace`, not Foundation's `trimmingCharacters(in:)`: its first use bridges to NSString (a million instructions).
        // `String(…)` first: appending the Substring itself goes through the generic `append(contentsOf:)`,
        // whose first use has the runtime look up `Substring: Collection` (400,000 instructions).
        return boot.trimmingWhitespace() + " " + String(fields[19])
    }

    /// The text of a small file (a marker, a line of /proc, the key), or nil when it cannot be read or
    /// is not UTF-8. Read with `open` and `read`: Foundation's `String(contentsOfFile:)`, four times
    /// at every start, cost about a million instructions.
    static func smallText(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let n = Glibc.read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Bytes that are not UTF-8 come back changed (replacement characters): refused, as Foundation does.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// The markers left by processes that no longer run: their process is
    /// gone, or its id now belongs to another process (another boot, another
    /// start time). A marker without an identity (an older `lane`) goes by the id.
    static func staleMarkers(of path: String) -> [String] {
        // Split by hand: `URL(fileURLWithPath:)` cost a million instructions of every start.
        let slash = path.lastIndex(of: "/")
        let prefix = String(slash.map { path[path.index(after: $0)...] } ?? path[...]) + ".open-"
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        // `readdir`, not `FileManager.contentsOfDirectory` (half a million instructions of every start).
        var names: [String] = []
        if let folder = opendir(directory) {
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                names.append(withUnsafeBytes(of: entry.pointee.d_name) { $0.bindMemory(to: CChar.self).baseAddress.map { String(cString: $0) } ?? "" })
            }
        }
        return names.filter { $0.hasPrefix(prefix) }.compactMap { name in
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { return nil }
            let file = directory + "/" + name
            if kill(pid, 0) != 0 && errno == ESRCH { return file }
            let held = smallText(file)?.trimmingWhitespace() ?? ""
            return !held.isEmpty && processIdentity(pid) != held ? file : nil
        }
    }

    /// The store's secret key: `<database>.key`, 32 random bytes in hex,
    /// readable by the store's owner only, made the first time the store is
    /// opened. It is kept out of the database so that someone who can edit
    /// the file (or a copy of it) cannot re-sign the audit trail. Nil when
    /// the file cannot be read or made (`audit verify` then says so).
    static func key(beside path: String, mayCreate: Bool = true) -> [UInt8]? {
        let keyPath = path + ".key"
        if let text = smallText(keyPath) {
            let bytes = hexBytes(text.trimmingWhitespace())
            return bytes.count == 32 ? bytes : nil
        }
        guard mayCreate else { return nil }
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let text = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
        // Written aside and renamed into place, so a crash never leaves half a key.
        let temporary = keyPath + ".new"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, keyPath) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return nil
        }
        return bytes
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = hex.makeIterator()
        while let a = chars.next(), let b = chars.next() {
            guard let v = UInt8(String([a, b]), radix: 16) else { return [] }
            out.append(v)
        }
        return out
    }

    /// Stamps a new file as ours; refuses an existing file that is not. Files
    /// made before the stamp are recognised by their migrations table.
    static func recognise(_ db: Database, new: Bool) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        let ours = tables.contains("grdb_migrations") && tables.contains("customer") && tables.contains("repair_order")
        guard id == 0, new || tables.isEmpty || ours else { throw NotOurs() }
        if !new && tables.isEmpty { throw NotOurs() }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }

    struct NotOurs: Error {}

    /// A private in-memory database, for tests. With `recordingStatements`, every statement it
    /// runs is noted (`statementsRun`), so a test can ask SQLite how each is executed (`queryPlan`).
    public init(inMemoryNamed name: String = "lane", recordingStatements: Bool = false) throws(StoreFailure) {
        location = ":memory:"
        let recorder = recordingStatements ? StatementRecorder() : nil
        self.recorder = recorder
        statementsByConnection = StatementsByConnection()
        openMarker = nil
        integrityNotice = nil
        keyMissing = false
        // A key for this database's life only: tests sign and verify like a real store.
        var rng = SystemRandomNumberGenerator()
        secretKey = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        do {
            let byConnection = statementsByConnection
            var config = Configuration()
            config.prepareDatabase { db in
                byConnection.connectionOpened(db)
                try db.execute(sql: "PRAGMA secure_delete = ON")
                if let recorder { db.trace(options: .statement) { event in if case let .statement(s) = event { recorder.note(s.sql) } } }
            }
            let queue = try DatabaseQueue(named: name + "-" + UUID().uuidString, configuration: config)
            try Schema.migrator.migrate(queue)
            recorder?.start()  // what the commands run, not the migrations that made the file
            writer = queue
        } catch {
            throw StoreFailure(Message("store.open.in_memory_failed", ["why": .text(SQLiteStore.explain(error))]))
        }
    }

    public func read<T>(_ body: (any StoreReading) throws -> T) throws -> T {
        try translatingFailures {
            // On the writer's connection, which every process opens, in a read transaction of its own. A
            // reader of the pool was a second connection: opened, and the whole schema parsed, at every
            // start (a tenth of a lookup's start-up), and each read waited on the pool (34,000
            // instructions). A shell reads and writes one command at a time, so the reads never waited
            // on a write of this process; another process's write never blocks a read (WAL).
            try writer.unsafeReentrantWrite { db in
                // A read inside a change (a plugin's, an event's) reads what the change has written so far.
                if db.isInsideTransaction { return try body(transaction(db)) }
                // Through prepared statements kept on the connection: GRDB's `read` compiles `BEGIN` and
                // `COMMIT` afresh, and every command reads at least once.
                try db.cachedStatement(sql: "BEGIN DEFERRED").execute()
                do {
                    let result = try body(transaction(db))
                    // An error swallowed inside that rolled the transaction back would have let the reads
                    // after it see other snapshots: refused, as GRDB refuses it.
                    guard db.isInsideTransaction else { throw StoreFailure(Message("store.error.read_aborted")) }
                    try db.cachedStatement(sql: "COMMIT").execute()
                    return result
                } catch {
                    if db.isInsideTransaction { try? db.cachedStatement(sql: "ROLLBACK").execute() }
                    throw error
                }
            }
        }
    }

    /// Asked at every line a shell runs (`ServiceStore.versions`): one statement on the writer's
    /// connection, which is open in every process and has read the schema, in a transaction of its
    /// own (or, on a line run inside a change, in that change's). Through a reader of the pool it
    /// also waited on the pool and ran `BEGIN` and `COMMIT`: 55,000 instructions a line, 4.7 % of
    /// the scripted lifecycles.
    public func versions() throws -> StoreVersions {
        try translatingFailures {
            try writer.unsafeReentrantWrite { db in try SQLiteTransaction(db: db, pluginVerdicts: pluginVerdicts).storeVersions() }
        }
    }

    public func write<T>(_ body: (any StoreWriting) throws -> T) throws -> T {
        if keyMissing {
            throw StoreFailure(Message("store.key_missing", ["path": .text(location + ".key")]))
        }
        do {
            return try translatingFailures {
                try writer.write { db in
                    // Once per connection: a CREATE, even one that finds the table there, makes GRDB empty its
                    // cache of prepared statements, and every statement of the write was compiled again.
                    if try SQLiteTransaction.firstValue(Bool.self, of: db.cachedStatement(sql: Self.changeTrackingReady)) != true {
                        try db.execute(sql: Self.changeTracking)
                    }
                    return try body(transaction(db, savedOrder: SavedOrder()))
                }
            }
        } catch {
            // Rolled back: a schema it changed is gone, and its version may come again with another.
            pluginVerdicts.forget()
            throw error
        }
    }

    /// A session's second command on: its connection keeps 16 MB of the file's pages, where
    /// SQLite keeps 2 MB. At 1M vehicles a page of `remind due` reads about 10 MB of the file (2,600 pages;
    /// 4.5 MB at 10k), and the default cache kept none of it for the next command, which read it all again
    /// (docs/performance.md, ninth round). Not from the first command in malloc's memory: keeping pages
    /// means touching fresh memory, a page fault each 4 KB, which would make `lane -c` and every session's
    /// first command slower. With the page cache in 2 MB pages (`preparePageCacheForProcess`) every
    /// connection keeps 16 MB from its opening, and this does nothing (fifteenth round).
    /// Reads and writes share the connection (`read`): 16 MB is its bound, a day of writes included.
    public func keepPagesBetweenCommands() {
        let already = keepsMorePages.withLock { keep -> Bool in
            if keep { return true }
            keep = true
            return false
        }
        guard !already else { return }
        // The writer's connection, where the reads are (`read`); a reader opened later (a check) is set up
        // so too. A hint: if it cannot be given, the reads are as before.
        _ = try? writer.unsafeReentrantWrite { db in try db.execute(sql: Self.sessionPageCache) }
    }

    static let sessionPageCache = "PRAGMA cache_size = -16384"

    /// For the `lane` process, before any store opens, while it has one thread: SQLite's page cache takes
    /// its memory from 2 MB pages, reserved up to the 16 MB a session keeps (`sessionPageCache`) and the
    /// other connections' first pages. In 4 KB pages of malloc's memory, a session's first command took a
    /// page fault for each page it read, about 0.9 ms of the first list at 1M vehicles, and later ones one
    /// for each page the cache grew by (docs/performance.md, fifteenth round). Nothing changes where the
    /// kernel gives no large pages or SQLite already started.
    public static func preparePageCacheForProcess() {
        _ = lane_sqlite_page_cache_in_large_pages(Int32(defaultPageSize), 12)
    }

    /// Slots of that region handed out so far; nil when SQLite's memory is malloc's alone (no large pages,
    /// or set too late). Reported with `LANE_STARTUP_TIMINGS`.
    public static var pageCacheSlotsHandedOut: Int? {
        let slots = lane_sqlite_pages_handed_out()
        return slots < 0 ? nil : Int(slots)
    }

    /// For the `lane` binary once plugins are installed: the plugin guard's connection to this file is opened
    /// and its schema read on a thread of its own while the session starts, not at the first plugin query
    /// (`PluginSQLGuard.prepareFileConnection`); that query waits for it if it comes first.
    public func preparePluginGuardInBackground() {
        guard location != ":memory:",
              let path = try? writer.unsafeReentrantRead({ db in PluginSQLGuard.filePath(of: db) }),
              !path.isEmpty else { return }
        Thread.detachNewThread { PluginSQLGuard.shared.prepareFileConnection(path: path) }
    }

    /// The page size SQLite gives a new file, which lane keeps.
    static let defaultPageSize = 4096

    /// Notes, in this connection only, the customers whose contacts a
    /// transaction writes, and the members of staff it adds or changes, so the
    /// change that wrote them renews their seals (and no one else's).
    /// Temporary triggers: an edit made with another program (sqlite3) is
    /// not noted, so its seal no longer matches.
    static let changeTrackingReady = "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE type = 'trigger' AND name = 'staff_changed')"

    static let changeTracking = """
        CREATE TEMP TABLE IF NOT EXISTS changed_customer (id INTEGER PRIMARY KEY);
        CREATE TEMP TRIGGER IF NOT EXISTS customer_contact_added AFTER INSERT ON main.customer
            BEGIN INSERT OR IGNORE INTO changed_customer (id) VALUES (new.id); END;
        CREATE TEMP TRIGGER IF NOT EXISTS customer_contact_changed AFTER UPDATE OF phone, address ON main.customer
            BEGIN INSERT OR IGNORE INTO changed_customer (id) VALUES (new.id); END;
        CREATE TEMP TABLE IF NOT EXISTS changed_staff (name TEXT PRIMARY KEY);
        CREATE TEMP TRIGGER IF NOT EXISTS staff_added AFTER INSERT ON main.staff
            BEGIN INSERT OR IGNORE INTO changed_staff (name) VALUES (new.name); END;
        CREATE TEMP TRIGGER IF NOT EXISTS staff_changed AFTER UPDATE ON main.staff
            BEGIN INSERT OR IGNORE INTO changed_staff (name) VALUES (new.name); END;
        """

    public func integrityProblems() throws -> [Message] {
        do {
            let (damage, broken) = try writer.read { db in
                let damage = try String.fetchAll(db, sql: "PRAGMA quick_check").filter { $0 != "ok" }
                // A sound file may still hold a row whose reference names a row that is not there: only a change
                // made outside lane leaves one (its connections keep the foreign keys on), and migrations from v25
                // on no longer check the whole store after them. The first 20: a refusal lists no more.
                guard damage.isEmpty else { return (damage, [Row]()) }
                return (damage, try Row.fetchAll(db, sql: "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 20"))
            }
            var problems = damage.map { Message("store.damage", ["text": .text($0)]) } + broken.map { row in
                Message("store.broken_reference", ["table": .text(row[0]), "row": (row[1] as Int64?).map { .int(Int($0)) } ?? .text("-"),
                                                   "parent": .text(row[2])])
            }
            if damage.isEmpty {
                problems += try writer.read { db in
                    try KeptCounts.problems { sql in try Row.fetchAll(db, sql: sql).map { KeptCountRow(key: $0[0], a: $0[1], b: $0[2]) } }
                }
            }
            // A whole check completed and found the file sound: nothing is owed any more.
            if problems.isEmpty && location != ":memory:" { try? FileManager.default.removeItem(atPath: Self.checkOwedPath(location)) }
            return problems
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // A page so damaged the check itself stops on it: that is its finding, not a failure to look.
            return [Message("store.damage", ["text": .text(SQLiteStore.explain(error))])]
        } catch {
            return try translatingFailures { throw error }
        }
    }

    /// Runs raw SQL; for tests that need to see or damage the file directly.
    public func unsafeExecute(_ sql: String) throws {
        try writer.writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    /// Counts rows of every table: a cheap fingerprint tests use to prove a refused command stored nothing.
    public func tableCounts() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'") {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
            }
            return counts
        }
    }

    /// Every row of every table as text, in a stable order: tests compare
    /// snapshots to prove a refused command changed nothing at all.
    public func snapshot() throws -> String {
        try writer.read { db in
            var lines: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name") {
                lines.append("[\(table)]")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)") {
                    lines.append(row.description)
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    private func translatingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreFailure(SQLiteStore.explain(error))
        }
    }

    static func explain(_ error: any Error) -> String {
        if error is NotOurs { return Message("store.error.not_ours").description }
        guard let e = error as? DatabaseError else { return String(describing: error) }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return Message("store.error.busy").description
        case .SQLITE_READONLY: return Message("store.error.read_only").description
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return Message("store.error.damaged").description
        case .SQLITE_FULL: return Message("store.error.disk_full").description
        case .SQLITE_CANTOPEN: return Message("store.error.cannot_open").description
        default: return e.message ?? e.description
        }
    }
}

/// The statements a test store ran, once each, in the order first seen.
final class StatementRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []
    private var order: [String] = []
    private var counts: [String: Int] = [:]
    private var started = false

    func start() {
        lock.lock(); defer { lock.unlock() }
        started = true
    }

    func note(_ sql: String) {
        let text = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.hasPrefix("--") else { return }
        lock.lock(); defer { lock.unlock() }
        guard started else { return }
        if seen.insert(text).inserted { order.append(text) }
        counts[text, default: 0] += 1
    }

    func executions() -> [String: Int] {
        lock.lock(); defer { lock.unlock() }
        return counts
    }

    func all() -> [String] {
        lock.lock(); defer { lock.unlock() }
        return order
    }
}
