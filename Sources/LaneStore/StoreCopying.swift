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

/// A store whose rows can be copied whole to a store of another backend.
public protocol StoreCopying: ServiceStore {
    /// Every table's rows, the core's and the plugins', in one read transaction.
    func exportTables() throws -> [CopiedTable]
    /// Fills this store, which must hold nothing yet (`heldRows`), with `tables`, in one
    /// transaction; `check` runs inside it before the commit, and whatever it throws undoes it all.
    func importTables(_ tables: [CopiedTable], check: (any StoreReading) throws -> Void) throws
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

    /// The core tables first, in `core`'s order, then the others (plugins') by name.
    public static func sorted(_ names: [String]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: core.enumerated().map { ($0.element, $0.offset) })
        return names.sorted { a, b in
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
    public func exportTables() throws -> [CopiedTable] {
        try writer.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                """)
            var tables: [CopiedTable] = []
            for name in CopyOrder.sorted(names) {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name.quotedDatabaseIdentifier))").map { row -> String in row["name"] }
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)").map { row in
                    Array(row.databaseValues).map(SQLiteTransaction.sqlValue)
                }
                tables.append(CopiedTable(name: name, columns: columns, rows: rows))
            }
            // How the plugins' tables and indexes were made, by plugin: another backend makes them the same way.
            let namespaces = try String.fetchAll(db, sql: "SELECT DISTINCT plugin FROM plugin_migration")
            var definitions: [[SQLValue]] = []
            for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name LIKE 'plg\\_%' ESCAPE '\\' ORDER BY rowid") {
                let name: String = row[0]
                guard let plugin = namespaces.filter({ name.hasPrefix(PluginSQLGuard.prefix(of: $0)) }).max(by: { $0.count < $1.count }) else { continue }
                definitions.append([.text(plugin), .text(row[1])])
            }
            tables.append(CopiedTable(name: "sqlite_definitions", columns: ["plugin", "sql"], rows: definitions))
            return tables
        }
    }

    /// Plugin tables are made by replaying the plugins' migrations (the copy's `plugin_migration`
    /// holds their SQL when it comes from a server store), then every row goes in under deferred
    /// foreign keys; the schema's own first rows (the first admin) make way for the copy's.
    public func importTables(_ tables: [CopiedTable], check: (any StoreReading) throws -> Void) throws {
        try write { tx in
            guard let sqlite = tx as? SQLiteTransaction else { throw StoreFailure("not a SQLite transaction") }
            let db = sqlite.db
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            if let migrations = tables.first(where: { $0.name == "plugin_migration" }),
               let plugin = migrations.columns.firstIndex(of: "plugin"), let identifier = migrations.columns.firstIndex(of: "identifier"),
               let sql = migrations.columns.firstIndex(of: "sql") {
                for row in migrations.rows {
                    guard case .text(let name) = row[plugin], case .text(let id) = row[identifier], case .text(let text) = row[sql],
                          !text.isEmpty else { continue }
                    _ = try sqlite.migratePlugin(namespace: name, migrations: [PluginMigration(id, sql: text)], at: Timestamp(secondsSince1970: 0))
                }
            }
            let existing = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            for table in tables.reversed() where existing.contains(table.name) {
                try db.execute(sql: "DELETE FROM \(table.name.quotedDatabaseIdentifier)")
            }
            for table in tables {
                guard existing.contains(table.name) || table.name.hasPrefix("plg_") else { continue }
                let have = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name.quotedDatabaseIdentifier))").map { row -> String in row["name"] })
                let kept = table.columns.enumerated().filter { have.contains($0.element) }
                guard !kept.isEmpty else { continue }
                let statement = try db.makeStatement(sql: """
                    INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(kept.map { $0.element.quotedDatabaseIdentifier }.joined(separator: ", ")))
                    VALUES (\(kept.map { _ in "?" }.joined(separator: ", ")))
                    """)
                for row in table.rows {
                    try statement.execute(arguments: StatementArguments(kept.map { SQLiteTransaction.databaseValue(row[$0.offset]) }))
                }
            }
            try check(sqlite)
        }
    }
}
