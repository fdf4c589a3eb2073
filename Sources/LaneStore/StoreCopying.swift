import Foundation
import GRDB
import LaneCore
import LanePlugin

/// One table's rows in a backend-neutral form, for `store copy` (a store moved
/// from its file to a server, or back for a backup a person can open).
public struct CopiedTable: Sendable {
    public var name: String
    public var columns: [String]
    public var rows: [[SQLValue]]
    public init(name: String, columns: [String], rows: [[SQLValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// One read of a whole store, as `store copy` takes it: the tables and their columns, and each
/// table's rows a batch at a time (the target's one transaction pulls them, so neither side ever
/// holds more than a batch: a 1M-vehicle store is about 80M rows).
public protocol CopySource {
    /// The tables to copy, core tables first in `CopyOrder`, with their columns.
    func tables() throws -> [(name: String, columns: [String])]
    /// How the plugins' tables and indexes were made, by plugin, from a SQLite store (a server store
    /// keeps its plugins' SQL in `plugin_migration` and gives none here).
    func pluginDefinitions() throws -> [(plugin: String, sql: String)]
    /// `table`'s rows, at most `batchRows` at a time, in its columns' order.
    func eachBatch(of table: String, batchRows: Int, _ body: ([[SQLValue]]) throws -> Void) throws
    /// The same read as a store's lookups (the source's audit trail is verified in it).
    var reading: any StoreReading { get }
}

/// What a copy brought: the tables that had rows, and the rows.
public struct CopyCount: Sendable, Equatable {
    public var tables = 0
    public var rows = 0
    public init(tables: Int = 0, rows: Int = 0) {
        self.tables = tables
        self.rows = rows
    }
}

/// A store whose rows can be copied whole to a store of another backend.
public protocol StoreCopying: ServiceStore {
    /// Opens one read transaction of the whole store and hands it to `body` as a copy's source.
    func exporting<T>(_ body: (any CopySource) throws -> T) throws -> T
    /// Fills this store, which must hold nothing yet (`heldRows`), from `source`, a table and a batch of
    /// `batchRows` rows at a time, in one transaction; `check` runs inside it before the commit, and
    /// whatever it (or the source) throws undoes it all.
    func importTables(from source: any CopySource, batchRows: Int, check: (any StoreReading) throws -> Void) throws -> CopyCount
    /// What the store already holds that a person made: customers, repair orders, audit rows.
    func heldRows() throws -> (customers: Int, repairOrders: Int, auditRows: Int)
}

extension StoreCopying {
    public func heldRows() throws -> (customers: Int, repairOrders: Int, auditRows: Int) {
        try read { tx in
            (try tx.customerCount(), try tx.repairOrders(statuses: RepairOrderStatus.allCases, limit: 1).count,
             try tx.auditChain(afterSequence: 0, limit: 1).count)
        }
    }

    /// Every table's rows at once, and a SQLite store's plugin definitions as the table
    /// `sqlite_definitions`: for tests that compare two stores (a copy streams instead).
    public func exportTables() throws -> [CopiedTable] {
        try exporting { source in
            var tables: [CopiedTable] = []
            for (name, columns) in try source.tables() {
                var rows: [[SQLValue]] = []
                try source.eachBatch(of: name, batchRows: 10_000) { rows += $0 }
                tables.append(CopiedTable(name: name, columns: columns, rows: rows))
            }
            if self is SQLiteStore {
                tables.append(CopiedTable(name: "sqlite_definitions", columns: ["plugin", "sql"],
                                          rows: try source.pluginDefinitions().map { [.text($0.plugin), .text($0.sql)] }))
            }
            return tables
        }
    }
}

/// The order tables are filled in, so that a row's references are there before it.
public enum CopyOrder {
    public static let core = [
        "setting", "number_series", "team", "staff", "staff_pin", "labor_operation", "part", "customer", "customer_search_key",
        "vehicle", "vehicle_event", "campaign", "appointment", "appointment_event", "part_reservation", "repair_order", "repair_order_line",
        "quality_check", "repair_order_payment", "repair_order_event", "stock_movement", "reminder_log", "reminder_schedule", "delayed_delivery", "follow_up",
        "complaint", "credit_account", "credit_account_entry", "audit_log", "audit_personal", "audit_subject", "audit_anchor", "row_seal", "plugin_migration", "plugin_handshake",
        "plugin_checksum", "plugin_state", "print_log",
    ]

    /// Each store's own, never copied: its counters of changes (`StoreVersions`), which the copy's own
    /// writes move, so a shell open on the store the copy fills sees them move; and the decline counts
    /// (`DeclineCounts`), which the copy's log rows make as they go in; and the KPI day shares and their marks
    /// (`KPIDayShares`), which the copy's rows mark and its first `today` works out; and the customers' and
    /// vehicles' counts (`RowCounts`) and the calls' scores per hour (`FollowUpScoreHours`), which the copy's rows move.
    public static let ownToEachStore: Set<String> = ["store_version", "reminder_decline_count", "kpi_day_mark", "kpi_day", "row_count",
                                                     "follow_up_score_hour"]

    /// The core tables first, in `core`'s order, then the others (plugins') by name; not those `ownToEachStore`.
    public static func sorted(_ names: [String]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: core.enumerated().map { ($0.element, $0.offset) })
        return names.filter { !ownToEachStore.contains($0) }.sorted { a, b in
            switch (rank[a], rank[b]) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }
}

extension SQLiteStore: StoreCopying {
    public func exporting<T>(_ body: (any CopySource) throws -> T) throws -> T {
        try read { tx in
            guard let sqlite = tx as? SQLiteTransaction else { throw StoreFailure("not a SQLite transaction") }
            return try body(SQLiteCopySource(tx: sqlite))
        }
    }

    /// Plugin tables are made by replaying the plugins' migrations (the copy's `plugin_migration`
    /// holds their SQL when it comes from a server store), then every row goes in under deferred
    /// foreign keys, a batch at a time; the schema's own first rows (the first admin) make way for the copy's.
    public func importTables(from source: any CopySource, batchRows: Int, check: (any StoreReading) throws -> Void) throws -> CopyCount {
        try write { tx in
            guard let sqlite = tx as? SQLiteTransaction else { throw StoreFailure("not a SQLite transaction") }
            let db = sqlite.db
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let tables = try source.tables()
            if let migrations = tables.first(where: { $0.name == "plugin_migration" }),
               let plugin = migrations.columns.firstIndex(of: "plugin"), let identifier = migrations.columns.firstIndex(of: "identifier"),
               let sql = migrations.columns.firstIndex(of: "sql") {
                try source.eachBatch(of: "plugin_migration", batchRows: batchRows) { rows in
                    for row in rows {
                        guard case .text(let name) = row[plugin], case .text(let id) = row[identifier], case .text(let text) = row[sql],
                              !text.isEmpty else { continue }
                        _ = try sqlite.migratePlugin(namespace: name, migrations: [PluginMigration(id, sql: text)], at: Timestamp(secondsSince1970: 0))
                    }
                }
            }
            let existing = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            for table in tables.reversed() where existing.contains(table.name) {
                try db.execute(sql: "DELETE FROM \(table.name.quotedDatabaseIdentifier)")
            }
            var count = CopyCount()
            for table in tables {
                guard existing.contains(table.name) || table.name.hasPrefix("plg_") else { continue }
                let have = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name.quotedDatabaseIdentifier))").map { row -> String in row["name"] })
                let kept = table.columns.enumerated().filter { have.contains($0.element) }
                guard !kept.isEmpty else { continue }
                let statement = try db.makeStatement(sql: """
                    INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(kept.map { $0.element.quotedDatabaseIdentifier }.joined(separator: ", ")))
                    VALUES (\(kept.map { _ in "?" }.joined(separator: ", ")))
                    """)
                var rows = 0
                try source.eachBatch(of: table.name, batchRows: batchRows) { batch in
                    for row in batch {
                        try statement.execute(arguments: StatementArguments(kept.map { SQLiteTransaction.databaseValue(row[$0.offset]) }))
                    }
                    rows += batch.count
                }
                if rows > 0 { count.tables += 1 }
                count.rows += rows
            }
            try check(sqlite)
            return count
        }
    }
}

/// A SQLite store's read transaction as a copy's source: each table read through one cursor.
struct SQLiteCopySource: CopySource {
    let tx: SQLiteTransaction
    var reading: any StoreReading { tx }

    func tables() throws -> [(name: String, columns: [String])] {
        let names = try String.fetchAll(tx.db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            """)
        return try CopyOrder.sorted(names).map { name in
            (name, try Row.fetchAll(tx.db, sql: "PRAGMA table_info(\(name.quotedDatabaseIdentifier))").map { row -> String in row["name"] })
        }
    }

    func pluginDefinitions() throws -> [(plugin: String, sql: String)] {
        let namespaces = try String.fetchAll(tx.db, sql: "SELECT DISTINCT plugin FROM plugin_migration")
        var definitions: [(plugin: String, sql: String)] = []
        for row in try Row.fetchAll(tx.db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name LIKE 'plg\\_%' ESCAPE '\\' ORDER BY rowid") {
            let name: String = row[0]
            guard let plugin = namespaces.filter({ name.hasPrefix(PluginSQLGuard.prefix(of: $0)) }).max(by: { $0.count < $1.count }) else { continue }
            definitions.append((plugin, row[1]))
        }
        return definitions
    }

    func eachBatch(of table: String, batchRows: Int, _ body: ([[SQLValue]]) throws -> Void) throws {
        let cursor = try Row.fetchCursor(tx.db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
        var batch: [[SQLValue]] = []
        batch.reserveCapacity(min(batchRows, 10_000))
        while let row = try cursor.next() {
            batch.append(Array(row.databaseValues).map(SQLiteTransaction.sqlValue))
            if batch.count >= batchRows {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }
}
