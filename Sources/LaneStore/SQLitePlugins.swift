import GRDB
import LaneCore
import LanePlugin

/// A plugin's SQL, kept inside the plugin's namespace: its statements may
/// read and change only tables named `plg_NAME_…`, and only its migrations
/// may change the schema, and then only objects of that name on tables of
/// that name (`PluginSQLGuard` asks SQLite what each statement touches).
extension SQLiteTransaction {
    func pluginRows(namespace: String, sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        // Kept on the connection like the core's: the recall check runs the same two queries at every `ro open`.
        // Compiled as the core's are (`quietly`): the guard below judges it on a connection of its own.
        let statement = try checked { try ConnectionStatements.quietly(sql) { try db.cachedStatement(sql: sql) } }
        guard statement.isReadonly else {
            throw pluginRefusal(namespace, Message("plugin_sql.query_only_reads", ["statement": .text(Self.firstWords(sql))]))
        }
        try guardStatement(Self.text(of: statement), namespace: namespace, purpose: .query)
        let rows = try checked { try Self.copiedRows(statement, arguments: StatementArguments(arguments.map(Self.databaseValue))) }
        return rows.map { row in
            var values: [String: SQLValue] = [:]
            for (column, value) in row { values[column] = Self.sqlValue(value) }
            return SQLRow(values)
        }
    }

    func pluginExecute(namespace: String, sql: String, arguments: [SQLValue]) throws -> Int64 {
        let schemaBefore = try schemaObjects()
        try checked {
            let statements = try db.allStatements(sql: sql, arguments: StatementArguments(arguments.map(Self.databaseValue)))
            while let statement = try statements.next() {
                try guardStatement(Self.text(of: statement), namespace: namespace, purpose: .statement)
                try statement.execute()
            }
        }
        if try schemaObjects() != schemaBefore {
            throw pluginRefusal(namespace, Message("plugin_sql.schema_in_command"))
        }
        return db.lastInsertedRowID
    }

    /// Refuses a statement that touches anything outside the plugin's own tables (`plg_NAME_…`),
    /// as SQLite's authorizer reports it: triggers and views included.
    private func guardStatement(_ sql: String, namespace: String, purpose: PluginSQLGuard.Purpose, migration: String? = nil) throws {
        // A migration changes the schema as it goes: judged afresh, always, and not kept.
        let verdicts = migration == nil ? pluginVerdicts : nil
        let key = try verdicts.map { _ in
            PluginVerdicts.Key(version: try Self.schemaVersion(db),
                               sql: sql, namespace: namespace, purpose: purpose)
        }
        let problems: [Message]
        if let key, let known = verdicts?.verdict(key) {
            problems = known
        } else {
            problems = try PluginSQLGuard.shared.problems(sql, plugin: namespace, purpose: purpose, in: db)
            if let key { verdicts?.record(key, problems) }
        }
        guard let first = problems.first else { return }
        if let migration {
            throw pluginRefusal(namespace, Message("plugin_sql.migration_refused", ["migration": .text(migration), "why": .message(first)]))
        }
        throw Refusal(Message("plugin.stopped", ["plugin": .text(namespace)]), problems: problems.map { Problem("plugin", $0) })
    }

    /// Runs the migrations not yet applied, in order; returns their identifiers.
    func migratePlugin(namespace: String, migrations: [PluginMigration], at time: Timestamp) throws -> [String] {
        let done = Set(try String.fetchAll(db, sql: "SELECT identifier FROM plugin_migration WHERE plugin = ?", arguments: [namespace]))
        let own = PluginSQLGuard.prefix(of: namespace)
        var applied: [String] = []
        for migration in migrations where !done.contains(migration.identifier) {
            let before = try schemaObjects()
            try checked {
                let statements = try db.allStatements(sql: migration.sql)
                while let statement = try statements.next() {
                    try guardStatement(Self.text(of: statement), namespace: namespace, purpose: .migration, migration: migration.identifier)
                    try statement.execute()
                }
            }
            // A second line: a rename (`ALTER TABLE … RENAME TO`) names its new table only here.
            let after = try schemaObjects()
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            let foreign = changed.filter { name in
                let object = after[name] ?? before[name]
                let onOwnTable = object?.table.hasPrefix(own) ?? false
                return !onOwnTable || !(name.hasPrefix(own) || name.hasPrefix("sqlite_autoindex_\(own)"))
            }
            if !foreign.isEmpty {
                throw pluginRefusal(namespace, Message("plugin_sql.migration_names", ["migration": .text(migration.identifier), "prefix": .text(own),
                                                                                      "objects": .list(foreign.sorted().map { .text($0) })]))
            }
            try db.execute(sql: "INSERT INTO plugin_migration (plugin, identifier, applied_at) VALUES (?, ?, ?)",
                           arguments: [namespace, migration.identifier, time.secondsSince1970])
            applied.append(migration.identifier)
        }
        return applied
    }

    /// A savepoint through prepared statements kept on the connection: GRDB's `inSavepoint` compiles
    /// `SAVEPOINT` and `RELEASE` afresh each time, and a write command opens one per active plugin and
    /// event (with the reads' `BEGIN` and `COMMIT`, 2.8 % of a scripted write's instructions). Always
    /// inside the command's transaction (GRDB's transaction block), so a statement after an automatic
    /// rollback is still refused as aborted.
    func contained<T>(_ body: () throws -> T) throws -> T {
        guard db.isInsideTransaction else {
            var result: T?
            try db.inTransaction { result = try body(); return .commit }
            guard let result else { throw StoreFailure(Message("store.change_without_result")) }
            return result
        }
        try db.cachedStatement(sql: "SAVEPOINT lane_plugin").execute()
        let result: T
        do {
            result = try body()
        } catch {
            // Undo what the handler wrote and leave the savepoint; the handler's error is the one told.
            // After an automatic rollback (disk full) nothing is left to undo into: that is the store's
            // failure, and the command's, not the plugin's.
            guard db.isInsideTransaction else { throw StoreFailure(SQLiteStore.explain(error)) }
            pluginVerdicts?.forget()
            savedOrder?.forget()  // undone rows do not move the count of changes
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT lane_plugin").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT lane_plugin").execute()
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT lane_plugin").execute()
        return result
    }

    func pluginHandshake(path: String) throws -> (identity: String, answer: String)? {
        try Row.fetchOne(db, sql: "SELECT identity, answer FROM plugin_handshake WHERE path = ?", arguments: [path]).map { ($0[0], $0[1]) }
    }

    func savePluginHandshake(path: String, identity: String, answer: String) throws {
        try db.execute(sql: """
            INSERT INTO plugin_handshake (path, identity, answer) VALUES (?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET identity = excluded.identity, answer = excluded.answer
            """, arguments: [path, identity, answer])
    }

    func pluginChecksum(name: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT sha256 FROM plugin_checksum WHERE name = ?", arguments: [name])
    }

    func savePluginChecksum(name: String, sha256: String, at time: Timestamp, by user: String) throws {
        try db.execute(sql: """
            INSERT INTO plugin_checksum (name, sha256, installed_at, installed_by) VALUES (?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET sha256 = excluded.sha256, installed_at = excluded.installed_at, installed_by = excluded.installed_by
            """, arguments: [name, sha256, time.secondsSince1970, user])
    }

    func pluginState(plugin: String) throws -> [String: String] {
        var state: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM plugin_state WHERE plugin = ?", arguments: [plugin]) { state[row[0]] = row[1] }
        return state
    }

    func removePluginState(keyPrefix: String) throws {
        // Compared as a prefix, not LIKE: a key may hold % or _.
        try db.execute(sql: "DELETE FROM plugin_state WHERE substr(key, 1, length(?)) = ?", arguments: [keyPrefix, keyPrefix])
    }

    func setPluginState(plugin: String, key: String, value: String?, at time: Timestamp) throws {
        if let value {
            try db.execute(sql: """
                INSERT INTO plugin_state (plugin, key, value, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(plugin, key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
                """, arguments: [plugin, key, value, time.secondsSince1970])
        } else {
            try db.execute(sql: "DELETE FROM plugin_state WHERE plugin = ? AND key = ?", arguments: [plugin, key])
        }
    }

    func pluginMigrations(namespace: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT identifier FROM plugin_migration WHERE plugin = ? ORDER BY applied_at, identifier", arguments: [namespace])
    }

    private struct SchemaObject: Equatable {
        var type: String
        var table: String
        var sql: String?
    }

    private func schemaObjects() throws -> [String: SchemaObject] {
        var objects: [String: SchemaObject] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master") {
            objects[row[1]] = SchemaObject(type: row[0], table: row[2], sql: row[3])
        }
        return objects
    }

    private static func firstWords(_ sql: String, count: Int = 3) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" }).prefix(count).joined(separator: " ")
    }

    private func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY && error.resultCode != .SQLITE_FULL {
            // The plugin's SQL is wrong (syntax, constraint): its author's mistake, not the store's failure.
            throw Refusal(Message("plugin_sql.refused"), problems: [Problem("sql", Message("plugin_sql.sqlite_said", ["error": .text(error.message ?? error.description)]))])
        }
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let i): return i.databaseValue
        case .text(let s): return s.databaseValue
        }
    }

    static func sqlValue(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let i): return .integer(i)
        case .double(let d): return .text(String(d))
        case .string(let s): return .text(s)
        case .blob(let b): return .text(String(decoding: b, as: UTF8.self))
        }
    }
}

/// A plugin's SQL left its namespace.
func pluginRefusal(_ namespace: String, _ why: Message) -> Refusal {
    Refusal(Message("plugin.stopped", ["plugin": .text(namespace)]), problems: [Problem("plugin", why)])
}
