import Foundation
import LaneCore
import LaneStore
import PostgresNIO

/// The server's register of its stores (`lane_group.store`): one row per store
/// schema, added when a store is created or copied to the server (and when a
/// store made before the register is next opened). A store's code and name are
/// not copied into it: they are the store's own settings, read when the list
/// is asked for, so a `store set store.code` shows at once and the two never
/// disagree. PostgreSQL only: a SQLite file is one store.
enum PostgresGroup {
    /// The register's own schema and its migrations (its own `lane_migration`), apart from every store's.
    static let schema = "lane_group"
    static let migrations: [(identifier: String, statements: [String])] = [
        ("g1 the server's stores", [
            "CREATE TABLE lane_group.store (schema_name TEXT COLLATE \"C\" PRIMARY KEY, registered_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        ]),
    ]

    /// Puts `store` on the register, inside the caller's transaction (the store's migration). The
    /// register is made, or brought up to date, under a lock of its own: stores being created at the same
    /// moment (each under its own store lock) do not make it twice.
    static func register(_ link: PGLink, store: String) throws {
        let current: Bool = try link.run("""
            SELECT (to_regclass('lane_group.lane_migration') IS NOT NULL
                AND to_regclass('lane_group.store') IS NOT NULL)::int
            """).rows.first?[0] ?? false
        let upToDate = try current && upToDate(link)
        if !upToDate {
            try link.run("SELECT pg_advisory_xact_lock(?)", [PostgresStore.lockKey(schema)])
            try link.run("CREATE SCHEMA IF NOT EXISTS lane_group")
            try link.run("CREATE TABLE IF NOT EXISTS lane_group.lane_migration (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let done = Set(try link.run("SELECT identifier FROM lane_group.lane_migration").rows.map { row -> String in try row[0] })
            for migration in migrations where !done.contains(migration.identifier) {
                for statement in migration.statements { try link.run(statement) }
                try link.run("INSERT INTO lane_group.lane_migration (identifier) VALUES (?)", [migration.identifier])
            }
        }
        try link.run("INSERT INTO lane_group.store (schema_name) VALUES (?) ON CONFLICT DO NOTHING", [store])
    }

    private static func upToDate(_ link: PGLink) throws -> Bool {
        let count: Int = try link.run("SELECT COUNT(*) FROM lane_group.lane_migration").rows.first?[0] ?? 0
        return count >= migrations.count
    }

    /// A schema's name goes into statements as an identifier: letters, digits and _ only (as `PostgresEndpoint` admits).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "_" }
    }

    /// The registered stores whose schema still holds a store, with their codes and names: two statements
    /// whatever the number of stores (a group has tens, not thousands).
    static func stores(_ link: PGLink) throws -> [GroupStore] {
        var attempt = 0
        while true {
            attempt += 1
            let schemas = try link.run("""
                SELECT schema_name FROM lane_group.store
                WHERE to_regclass(quote_ident(schema_name) || '.setting') IS NOT NULL ORDER BY schema_name
                """).rows.map { row -> String in try row[0] }.filter(isIdentifier)
            guard !schemas.isEmpty else { return [] }
            let query = schemas.map { s in
                "SELECT '\(s)' AS schema_name, (SELECT value FROM \(s).setting WHERE key = 'store.code') AS code, "
                    + "(SELECT value FROM \(s).setting WHERE key = 'store.name') AS name"
            }.joined(separator: " UNION ALL ")
            // A store dropped between the two statements (another desk's `DROP SCHEMA`) fails the second
            // (42P01) and would spoil the transaction: under a savepoint it is undone and the list read again.
            try link.run("SAVEPOINT lane_group_list")
            do {
                let rows = try link.run(query).rows
                try link.run("RELEASE SAVEPOINT lane_group_list")
                return try rows.map { row in
                    let code: String? = try row[1], name: String? = try row[2]
                    return GroupStore(schema: try row[0], code: code.flatMap { $0.isEmpty ? nil : $0 } ?? StoreSettings.standard.code,
                                      name: name.flatMap { $0.isEmpty ? nil : $0 } ?? StoreSettings.standard.name)
                }
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P01" && attempt < 3 {
                try link.run("ROLLBACK TO SAVEPOINT lane_group_list")
            }
        }
    }
}

extension PostgresStore: StoreGroupServing {
    public var groupSchema: String { endpoint.schema }

    public func groupStores() throws -> [GroupStore] {
        // A store dropped between the register's statement and the settings' (another desk's
        // `DROP SCHEMA`) fails the second one (42P01): asked again, it is no longer listed.
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try read { tx in
                    guard let tx = tx as? PostgresTransaction else { return [] }
                    return try PostgresGroup.stores(tx.link)
                }
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P01" && attempt < 3 {
                continue
            } catch let failure as StoreFailure {
                throw failure
            } catch {
                throw PostgresStore.failure(error, endpoint, committing: false)
            }
        }
    }

    public func openGroupStore(_ store: GroupStore) throws -> any ServiceStore {
        if store.schema == endpoint.schema { return self }
        var other = endpoint
        other.schema = store.schema
        // The other store's key, if this desk was given it, is beside this store's, under the default name.
        let keyFile = keyFile.map { (($0 as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent((PostgresStore.defaultKeyFile(other, [:]) as NSString).lastPathComponent) }
        return try PostgresStore(endpoint: other, keyFile: keyFile, create: false, mayMakeKey: false)
    }
}
