import GRDB
import LaneCore
import LanePlugin

/// A plugin's SQL, kept inside the plugin's namespace: its statements may
/// change only tables named `NAME_…`, and only its migrations may change the
/// schema, and then only objects of that name on tables of that name.
extension SQLiteTransaction {
    func pluginRows(namespace: String, sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try checked { try db.makeStatement(sql: sql) }
        guard statement.isReadonly else {
            throw pluginRefusal(namespace, Message("plugin_sql.query_only_reads", ["statement": .text(Self.firstWords(sql))]))
        }
        let rows = try checked { try Row.fetchAll(statement, arguments: StatementArguments(arguments.map(Self.databaseValue))) }
        return rows.map { row in
            var values: [String: SQLValue] = [:]
            for (column, value) in row { values[column] = Self.sqlValue(value) }
            return SQLRow(values)
        }
    }

    func pluginExecute(namespace: String, sql: String, arguments: [SQLValue]) throws -> Int64 {
        let schemaBefore = try schemaObjects()
        let recorder = ChangedTables()
        db.add(transactionObserver: recorder, extent: .observerLifetime)
        defer { db.remove(transactionObserver: recorder) }
        try checked {
            let statements = try db.allStatements(sql: sql, arguments: StatementArguments(arguments.map(Self.databaseValue)))
            while let statement = try statements.next() {
                if let word = Self.forbiddenKeyword(statement.sql) {
                    throw pluginRefusal(namespace, Message("plugin_sql.not_for_commands", ["keyword": .text(word)]))
                }
                try statement.execute()
            }
        }
        let foreign = recorder.tables.filter { !$0.hasPrefix(namespace + "_") }.sorted()
        if !foreign.isEmpty {
            throw pluginRefusal(namespace, Message("plugin_sql.foreign_tables", ["plugin": .text(namespace), "tables": .list(foreign.map { .text($0) })]))
        }
        if try schemaObjects() != schemaBefore {
            throw pluginRefusal(namespace, Message("plugin_sql.schema_changed"))
        }
        return db.lastInsertedRowID
    }

    /// Runs the migrations not yet applied, in order; returns their identifiers.
    func migratePlugin(namespace: String, migrations: [PluginMigration], at time: Timestamp) throws -> [String] {
        let done = Set(try String.fetchAll(db, sql: "SELECT identifier FROM plugin_migration WHERE plugin = ?", arguments: [namespace]))
        var applied: [String] = []
        for migration in migrations where !done.contains(migration.identifier) {
            let before = try schemaObjects()
            try checked {
                let statements = try db.allStatements(sql: migration.sql)
                while let statement = try statements.next() {
                    if let word = Self.forbiddenKeyword(statement.sql), !["CREATE", "DROP", "ALTER"].contains(word) {
                        throw pluginRefusal(namespace, Message("plugin_sql.migration_keyword", ["migration": .text(migration.identifier), "keyword": .text(word)]))
                    }
                    try statement.execute()
                }
            }
            let after = try schemaObjects()
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            let foreign = changed.filter { name in
                let object = after[name] ?? before[name]
                let onOwnTable = object?.table.hasPrefix(namespace + "_") ?? false
                return !onOwnTable || !(name.hasPrefix(namespace + "_") || name.hasPrefix("sqlite_autoindex_\(namespace)_"))
            }
            if !foreign.isEmpty {
                throw pluginRefusal(namespace, Message("plugin_sql.migration_foreign", ["migration": .text(migration.identifier), "plugin": .text(namespace),
                                                                                         "objects": .list(foreign.sorted().map { .text($0) })]))
            }
            try db.execute(sql: "INSERT INTO plugin_migration (plugin, identifier, applied_at) VALUES (?, ?, ?)",
                           arguments: [namespace, migration.identifier, time.secondsSince1970])
            applied.append(migration.identifier)
        }
        return applied
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

    /// Statements that would leave the plugin's namespace or the command's transaction.
    private static func forbiddenKeyword(_ sql: String) -> String? {
        let word = firstWords(sql, count: 1).uppercased()
        let forbidden = ["ATTACH", "DETACH", "PRAGMA", "VACUUM", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE",
                         "CREATE", "DROP", "ALTER", "REINDEX", "ANALYZE"]
        return forbidden.contains(word) ? word : nil
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

/// Records which tables a statement changed (SQLite's update hook, through GRDB).
private final class ChangedTables: TransactionObserver, @unchecked Sendable {
    var tables: Set<String> = []
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) { tables.insert(event.tableName) }
    func databaseDidCommit(_ db: Database) {}
    func databaseDidRollback(_ db: Database) {}
}

/// A plugin's SQL left its namespace.
func pluginRefusal(_ namespace: String, _ why: Message) -> Refusal {
    Refusal(Message("plugin.stopped", ["plugin": .text(namespace)]), problems: [Problem("plugin", why)])
}
