import LaneCore
import LanePlugin
import LaneStore

/// `store copy` to and from a server store: a table and a batch at a time, in one transaction.
extension PostgresStore: StoreCopying {
    public func exporting<T>(_ body: (any CopySource) throws -> T) throws -> T {
        try read { tx in
            guard let pg = tx as? PostgresTransaction else { throw StoreFailure("not a PostgreSQL transaction") }
            return try body(PostgresCopySource(tx: pg))
        }
    }

    /// Plugin tables (`plg_…`) are made from their SQLite definitions, each plugin's first migration
    /// recorded with them (so their statements are judged as before); ids keep their values and the
    /// identity counters move past them; the schema's own first rows make way for the copy's.
    public func importTables(from source: any CopySource, batchRows: Int, check: (any StoreReading) throws -> Void) throws -> CopyCount {
        let count = try write { tx in
            guard let pg = tx as? PostgresTransaction else { throw StoreFailure("not a PostgreSQL transaction") }
            let tables = try source.tables()
            let existing = Set(try pg.tableNames())
            for table in tables.reversed() where existing.contains(table.name) {
                try pg.execute("DELETE FROM \(table.name)")
            }
            var definitions: [String: [String]] = [:]
            for (plugin, sql) in try source.pluginDefinitions() { definitions[plugin, default: []].append(sql) }
            for plugin in definitions.keys.sorted() {
                for statement in PostgresDialect.pluginMigration(definitions[plugin, default: []].joined(separator: ";\n")) {
                    try pg.execute(statement)
                }
            }
            let now = Set(try pg.tableNames())
            var count = CopyCount()
            for table in tables where now.contains(table.name) {
                var columns = table.columns
                // The SQLite store keeps no migration SQL: each plugin's first migration is given the definitions it made.
                let plugin = table.name == "plugin_migration" && !columns.contains("sql") ? columns.firstIndex(of: "plugin") : nil
                if plugin != nil { columns.append("sql") }
                var seen: Set<String> = []
                let have = Set(try pg.columnNames(table.name))
                let kept = columns.enumerated().filter { have.contains($0.element) }
                guard !kept.isEmpty else { continue }
                var rows = 0
                try source.eachBatch(of: table.name, batchRows: batchRows) { batch in
                    var batch = batch
                    if let plugin {
                        batch = batch.map { row in
                            guard case .text(let name) = row[plugin] else { return row + [.text("")] }
                            defer { seen.insert(name) }
                            return row + [.text(seen.contains(name) ? "" : definitions[name, default: []].joined(separator: ";\n"))]
                        }
                    }
                    try pg.insertBatches(into: table.name, columns: kept.map(\.element), rows: batch, keeping: kept.map(\.offset))
                    rows += batch.count
                }
                for identity in try pg.identityColumns(table.name) {
                    try pg.execute("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(\(identity)) FROM \(table.name)), 0) + 1, false)",
                                   [table.name, identity])
                }
                if rows > 0 { count.tables += 1 }
                count.rows += rows
            }
            try check(pg)
            return count
        }
        // The plugins' statements are judged on the SQLite copy: it learns the new tables.
        let link = try PGLink.connect(endpoint, on: PostgresStore.loopGroup.next(), logger: .init(label: "lane.postgres"))
        defer { link.close() }
        try link.run("SET search_path TO \(endpoint.schema)")
        for row in try link.run("SELECT plugin, identifier, sql FROM plugin_migration ORDER BY applied_at, identifier").rows {
            try shadow.migrate(plugin: try row[0], identifier: try row[1], sql: try row[2])
        }
        return count
    }
}

/// A server store's read transaction as a copy's source: each table read through a cursor of its
/// own, `FETCH`ed a batch at a time (postgres-nio answers a statement with all its rows at once).
struct PostgresCopySource: CopySource {
    let tx: PostgresTransaction
    var reading: any StoreReading { tx }

    func tables() throws -> [(name: String, columns: [String])] {
        try CopyOrder.sorted(try tx.tableNames()).map { ($0, try tx.columnNames($0)) }
    }

    func pluginDefinitions() throws -> [(plugin: String, sql: String)] { [] }

    func eachBatch(of table: String, batchRows: Int, _ body: ([[SQLValue]]) throws -> Void) throws {
        let columns = try tx.columnNames(table)
        try tx.execute("DECLARE lane_copy NO SCROLL CURSOR FOR SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(table)")
        while true {
            let rows = try tx.rows("FETCH FORWARD \(max(1, batchRows)) FROM lane_copy")
            if rows.isEmpty { break }
            try body(rows.map { row in
                row.values.map { value -> SQLValue in
                    switch value {
                    case .null: return .null
                    case .int(let i): return .integer(i)
                    case .text(let s): return .text(s)
                    case .ints(let list): return .text(list.map(String.init).joined(separator: ","))
                    }
                }
            })
            if rows.count < batchRows { break }
        }
        try tx.execute("CLOSE lane_copy")
    }
}

extension PostgresTransaction {
    /// At most this many values in one INSERT: PostgreSQL takes up to 65,535 parameters in a statement.
    static let copyBatchValues = 60_000

    /// `rows` (only the `keeping` positions of each) in multi-row INSERTs of up to 1,000 rows: one statement per
    /// row was one round trip per row (10,000 vehicles took N s; see docs/performance.md).
    func insertBatches(into table: String, columns: [String], rows: [[SQLValue]], keeping: [Int],
                       valuesPerStatement: Int = copyBatchValues) throws {
        guard !columns.isEmpty, !rows.isEmpty else { return }
        let perStatement = max(1, min(1_000, valuesPerStatement / columns.count))
        let head = "INSERT INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var arguments: PGArguments = []
            arguments.reserveCapacity((end - start) * columns.count)
            for row in rows[start..<end] {
                for offset in keeping {
                    switch row[offset] {
                    case .null: arguments.append(PGValue.null)
                    case .integer(let i): arguments.append(PGValue.int(i))
                    case .text(let s): arguments.append(PGValue.text(s))
                    }
                }
            }
            // `$n` written here, not `?`: the statement is large and `PGLink.numbered` reads it character by character.
            var sql = head
            for row in 0..<(end - start) {
                sql += row == 0 ? "(" : ", ("
                sql += (1...columns.count).map { "$\(row * columns.count + $0)" }.joined(separator: ", ")
                sql += ")"
            }
            try execute(sql, arguments)
            start = end
        }
    }

    func columnNames(_ table: String) throws -> [String] {
        try rows("""
            SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
            """, [table]).map { row -> String in try row[0] }
    }

    func identityColumns(_ table: String) throws -> [String] {
        try rows("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'
            """, [table]).map { row -> String in try row[0] }
    }
}
