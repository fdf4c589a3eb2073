import CLaneSQLite
import Foundation
import GRDB
import GRDBSQLite
import LaneCore

/// Judges a plugin's SQL by what SQLite itself says the statement touches:
/// its authorizer reports, while the statement compiles, every table read or
/// written (also by triggers and views) and every change of the schema.
/// Parsing SQL by hand would miss triggers, views and quoting tricks.
///
/// GRDB keeps the store connection's authorizer for its own bookkeeping (and
/// setting another would expire its prepared statements), so statements are
/// compiled here, on a private connection: one of its own, read-only, to the
/// store's file when that reads the very schema the store's connection sees;
/// else (a store in memory, a schema changed by a transaction not yet
/// committed) an in-memory one holding a copy of that schema. Compiling needs
/// the schema only, never the rows.
final class PluginSQLGuard: @unchecked Sendable {
    /// Plugins' tables live under `plg_NAME_`; no table of the core may start with `plg_`.
    static let reservedPrefix = "plg_"
    static func prefix(of plugin: String) -> String { reservedPrefix + plugin + "_" }

    enum Purpose {
        /// `PluginContext.rows`: reads the plugin's own tables only.
        case query
        /// `PluginContext.execute`: reads and writes the plugin's own tables only.
        case statement
        /// A plugin's migration: may also create, alter and drop its own tables, indexes and triggers.
        case migration
    }

    struct Access: Equatable {
        var action: Int32
        var first: String?
        var second: String?
        /// The trigger or view through which the statement reaches the table.
        var inner: String?
    }

    static let shared = PluginSQLGuard()

    private let lock = NSLock()
    private var connection: OpaquePointer?
    private var schema: [String] = []
    /// The read-only connection to a store's file, and that file.
    private var fileConnection: OpaquePointer?
    private var filePath = ""

    deinit {
        if let connection { sqlite3_close(connection) }
        if let fileConnection { sqlite3_close(fileConnection) }
    }

    static let schemaSQL = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"

    /// The problems of `sql` (one statement) for `plugin`, empty when it may run.
    func problems(_ sql: String, plugin: String, purpose: Purpose, in db: Database) throws -> [Message] {
        let version = try SQLiteTransaction.schemaVersion(db)
        let path = Self.filePath(of: db)
        return try lock.withLock {
            let accesses = try compileOnFile(sql, path: path, version: version)
                ?? compile(sql, schema: try String.fetchAll(db, sql: Self.schemaSQL))
            return Self.judge(accesses, plugin: plugin, purpose: purpose)
        }
    }

    /// The file the connection's main database is, "" in memory.
    static func filePath(of db: Database) -> String {
        db.sqliteConnection.flatMap { sqlite3_db_filename($0, "main") }.map { String(cString: $0) } ?? ""
    }

    /// How often `compileOnFile` could not answer and the copy was made (for tests).
    private(set) var copiesMade = 0

    /// Compiles `sql` on the read-only connection to the store's file, inside a read transaction
    /// whose schema is the one the store's connection sees (the same file, and the same `version`), and
    /// returns what the authorizer reported; nil when that cannot be (no file, another schema there,
    /// the file unreadable). Copying the schema into memory statement by statement cost 28 million
    /// instructions, at the first plugin query of every process (a third of a first `remind due`);
    /// opening the file and reading its schema costs about a seventh of that.
    ///
    /// The schemas are the same when their numbers are: a change the store's connection has not
    /// committed moved its number and holds the write lock, so the file's committed number is behind
    /// it; a change another process committed since the store's snapshot moved the file's number past
    /// it. Comparing the schemas' texts instead was 3.9 million instructions of a first `remind due`.
    private func compileOnFile(_ sql: String, path: String, version: Int64) throws -> [Access]? {
        guard !path.isEmpty, let connection = openFileConnection(path) else { return nil }
        // One snapshot: a statement run on the catalogue starts it and has SQLite load the schema again if
        // another process changed it since (a PRAGMA alone, or compiling, does not look); then its number
        // is compared, and the statement compiled against that schema.
        guard sqlite3_exec(connection, "BEGIN", nil, nil, nil) == SQLITE_OK else { return nil }
        guard Self.texts("SELECT 1 FROM sqlite_master LIMIT 1", on: connection) != nil,
              let seen = Self.texts(SQLiteTransaction.schemaVersionSQL, on: connection), seen == [String(version)] else {
            sqlite3_exec(connection, "ROLLBACK", nil, nil, nil)
            return nil
        }
        let compiled = Result { try authorize(sql, on: connection) }
        sqlite3_exec(connection, "ROLLBACK", nil, nil, nil)
        // Some PRAGMAs take effect as they compile (`locking_mode`, `writable_schema`, `cache_size`):
        // refused all the same, but their effect must not stay on a connection to the store's file.
        // A statement that does more than read and change rows, or does not compile, closes it.
        let onlyRows = (try? compiled.get())?.allSatisfy { Self.rowActions.contains($0.action) } ?? false
        if !onlyRows {
            sqlite3_close(connection)
            fileConnection = nil
            filePath = ""
        }
        return try compiled.get()
    }

    /// The read-only connection to the file at `path`, opened unless it is; nil when it cannot be. Under `lock`.
    private func openFileConnection(_ path: String) -> OpaquePointer? {
        if fileConnection == nil || filePath != path {
            if let fileConnection { sqlite3_close(fileConnection) }
            fileConnection = nil
            var opened: OpaquePointer?
            guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let opened else {
                sqlite3_close(opened)
                return nil
            }
            sqlite3_busy_timeout(opened, 1000)
            fileConnection = opened
            filePath = path
        }
        return fileConnection
    }

    /// Opens the read-only connection to the store's file at `path` and reads its schema before the first
    /// plugin query needs them: that query then only compiles (a first `remind due` or `today` at 1M ran
    /// 4.4 million instructions in the guard, of them 3.4 million reading the schema). Whatever this reads,
    /// `compileOnFile` still compares the schema's number at each statement, as before.
    func prepareFileConnection(path: String) {
        lock.withLock {
            guard !path.isEmpty, let connection = openFileConnection(path) else { return }
            guard sqlite3_exec(connection, "BEGIN", nil, nil, nil) == SQLITE_OK else { return }
            _ = Self.texts("SELECT 1 FROM sqlite_master LIMIT 1", on: connection)
            sqlite3_exec(connection, "ROLLBACK", nil, nil, nil)
        }
    }

    /// What an ordinary query or change of rows reports: nothing of it lasts beyond the statement.
    static let rowActions: Set<Int32> = [SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE,
                                          SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE]

    /// Whether a read-only connection to a store's file is open (for tests).
    var holdsFileConnection: Bool { lock.withLock { fileConnection != nil } }

    /// The first column of every row of `sql`, or nil when it cannot be read.
    private static func texts(_ sql: String, on connection: OpaquePointer) -> [String]? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite3_finalize(statement) }
        var texts: [String] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: texts.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
            case SQLITE_DONE: return texts
            default: return nil
            }
        }
    }

    private final class Collector {
        var accesses: [Access] = []
    }

    /// Compiles `sql` on the copy of the schema and returns what the authorizer reported.
    private func compile(_ sql: String, schema: [String]) throws -> [Access] {
        if connection == nil || schema != self.schema {
            copiesMade += 1
            if let connection { sqlite3_close(connection) }
            connection = nil
            var fresh: OpaquePointer?
            guard sqlite3_open_v2(":memory:", &fresh, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let fresh else {
                throw StoreFailure(Message("store.plugin_guard.cannot_open"))
            }
            for statement in schema where sqlite3_exec(fresh, statement, nil, nil, nil) != SQLITE_OK {
                let why = String(cString: sqlite3_errmsg(fresh))
                sqlite3_close(fresh)
                throw StoreFailure(Message("store.plugin_guard.cannot_copy", ["why": .text(why)]))
            }
            connection = fresh
            self.schema = schema
        }
        guard let connection else { return [] }
        return try authorize(sql, on: connection)
    }

    /// Compiles `sql` on `connection` and returns what the authorizer reported.
    private func authorize(_ sql: String, on connection: OpaquePointer) throws -> [Access] {
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        // Directly: the verdict is this authorizer's report, so no compile may skip it, and without it
        // nothing is judged (a statement whose report is empty would pass).
        let set = lane_sqlite_set_authorizer_directly(UnsafeMutableRawPointer(connection), { context, action, first, second, _, inner in
            guard let context else { return SQLITE_OK }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            collector.accesses.append(Access(action: action, first: first.map { String(cString: $0) },
                                             second: second.map { String(cString: $0) }, inner: inner.map { String(cString: $0) }))
            return SQLITE_OK
        }, context)
        defer { lane_sqlite_set_authorizer_directly(UnsafeMutableRawPointer(connection), nil, nil) }
        guard set == SQLITE_OK else {
            throw Refusal(Message("plugin_sql.refused"),
                          problems: [Problem("sql", Message("plugin_sql.sqlite_said", ["error": .text(String(cString: sqlite3_errstr(set)))]))])
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard code == SQLITE_OK else {
            throw Refusal(Message("plugin_sql.refused"),
                          problems: [Problem("sql", Message("plugin_sql.sqlite_said", ["error": .text(String(cString: sqlite3_errmsg(connection)))]))])
        }
        return withExtendedLifetime(collector) { collector.accesses }
    }

    /// What a plugin may do, decided from the authorizer's report.
    static func judge(_ accesses: [Access], plugin: String, purpose: Purpose) -> [Message] {
        let own = prefix(of: plugin)
        func isOwn(_ name: String?) -> Bool {
            guard let name = name?.lowercased() else { return false }
            return name.hasPrefix(own) || name.hasPrefix("sqlite_autoindex_" + own)
        }
        // SQLite's own bookkeeping while a migration creates or drops something.
        func isCatalog(_ name: String?) -> Bool {
            ["sqlite_master", "sqlite_schema", "sqlite_sequence", "sqlite_stat1"].contains(name?.lowercased() ?? "")
        }
        var problems: [Message] = []
        func refuse(_ action: Int32, _ name: String?, _ inner: String?) {
            var args: [String: MessageArgument] = ["what": .message(actionMessage(action)), "name": .text(name ?? ""),
                                                   "plugin": .text(plugin), "prefix": .text(own)]
            args["through"] = inner.map { .message(Message("plugin_sql.through", ["name": .text($0)])) } ?? .text("")
            let message = Message("plugin_sql.outside_namespace", args)
            if !problems.contains(message) { problems.append(message) }
        }
        let migrating = purpose == .migration
        for a in accesses {
            switch a.action {
            case SQLITE_SELECT, SQLITE_FUNCTION, SQLITE_RECURSIVE:
                continue
            case SQLITE_READ:
                if isOwn(a.first) || (migrating && isCatalog(a.first)) { continue }
                refuse(a.action, a.first, a.inner)
            case SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE:
                if purpose != .query && isOwn(a.first) { continue }
                if migrating && isCatalog(a.first) { continue }
                refuse(a.action, a.first, a.inner)
            case SQLITE_CREATE_TABLE, SQLITE_DROP_TABLE:
                if migrating && isOwn(a.first) { continue }
                refuse(a.action, a.first, a.inner)
            case SQLITE_CREATE_INDEX, SQLITE_DROP_INDEX, SQLITE_CREATE_TRIGGER, SQLITE_DROP_TRIGGER:
                if migrating && isOwn(a.first) && isOwn(a.second) { continue }
                refuse(a.action, isOwn(a.first) ? a.second : a.first, a.inner)
            case SQLITE_REINDEX:
                // Creating an index asks to build it.
                if migrating && isOwn(a.first) { continue }
                refuse(a.action, a.first, a.inner)
            case SQLITE_ALTER_TABLE:
                if migrating && isOwn(a.second) { continue }
                refuse(a.action, a.second, a.inner)
            default:
                refuse(a.action, a.first, a.inner)
            }
        }
        return problems
    }

    /// Words for what the authorizer reported.
    static func actionMessage(_ action: Int32) -> Message {
        switch action {
        case SQLITE_READ: return Message("plugin_sql.action.read")
        case SQLITE_INSERT: return Message("plugin_sql.action.insert")
        case SQLITE_UPDATE: return Message("plugin_sql.action.update")
        case SQLITE_DELETE: return Message("plugin_sql.action.delete")
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_INDEX, SQLITE_CREATE_TRIGGER: return Message("plugin_sql.action.create")
        case SQLITE_DROP_TABLE, SQLITE_DROP_INDEX, SQLITE_DROP_TRIGGER: return Message("plugin_sql.action.drop")
        case SQLITE_ALTER_TABLE: return Message("plugin_sql.action.alter")
        case SQLITE_REINDEX: return Message("plugin_sql.action.reindex")
        case SQLITE_PRAGMA: return Message("plugin_sql.action.pragma")
        case SQLITE_ATTACH, SQLITE_DETACH: return Message("plugin_sql.action.attach")
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: return Message("plugin_sql.action.transaction")
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW, SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: return Message("plugin_sql.action.view")
        case SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_TRIGGER,
             SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_TRIGGER: return Message("plugin_sql.action.temporary")
        default: return Message("plugin_sql.action.other", ["code": .int(Int(action))])
        }
    }
}

/// The guard's verdicts on one store's plugin SQL, by the version of the schema they were made for
/// (`PRAGMA schema_version`): the recall check's two queries at every `ro open` were compiled afresh,
/// the schema read and copied for each, a million instructions each (3 % of a scripted write).
/// Among committed schemas a version names one only; a change undone (a write that failed, a plugin's
/// savepoint rolled back) may have shown a version that a later change shows again with another
/// schema, so every undo forgets them all.
final class PluginVerdicts: @unchecked Sendable {
    struct Key: Hashable {
        var version: Int64
        var sql: String
        var namespace: String
        var purpose: PluginSQLGuard.Purpose
    }
    private let verdicts = Locked<[Key: [Message]]>([:])
    /// Verdicts kept at most (a plugin that writes its values into its SQL would add one a call).
    static let kept = 512

    func verdict(_ key: Key) -> [Message]? { verdicts.withLock { $0[key] } }

    func record(_ key: Key, _ problems: [Message]) {
        verdicts.withLock { verdicts in
            if verdicts.count >= Self.kept { verdicts = [:] }
            verdicts[key] = problems
        }
    }

    func forget() { verdicts.withLock { $0 = [:] } }
}
