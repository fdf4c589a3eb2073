import Foundation
import Testing
import LaneCore
import LanePlugin
import LaneStore
@testable import LanePostgres

/// `store copy` writes a table's rows in multi-row INSERTs: every row arrives once, in its columns,
/// whatever falls on a statement's edge (NULLs, quotes, question marks, Chinese text), and a failed
/// batch undoes the ones before it.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresCopyBatchTests {
    private func withStore(_ body: (PostgresStore) throws -> Void) throws {
        let url = try #require(PostgresTestServer.url)
        let schema = "batch_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
        let endpoint = try #require(PostgresEndpoint(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema))
        let store = try PostgresStore(endpoint: endpoint, keyFile: nil)
        defer {
            try? FileManager.default.removeItem(atPath: PostgresStore.keyFile(for: endpoint) + ".key")
            try? store.dropEverything()
        }
        try body(store)
    }

    /// Seven rows of four columns (the third is not copied): every third name NULL, the others with quotes,
    /// a question mark and a `$1` in them.
    private var rows: [[SQLValue]] {
        (1...7).map { (i: Int) -> [SQLValue] in
            let name: SQLValue = i % 3 == 0 ? .null : .text("客户'\(i)'? $1 \"x\"")
            return [.integer(Int64(i)), name, .text("drop me \(i)"), .integer(Int64(i * 100))]
        }
    }

    @Test func rowsCrossStatementEdgesWhole() throws {
        try withStore { store in
            try store.write { tx in
                let pg = try #require(tx as? PostgresTransaction)
                try pg.execute("CREATE TABLE copy_batch (id INTEGER PRIMARY KEY, name TEXT, fen INTEGER)")
                // Three columns, seven values a statement: two rows a statement, the last one alone.
                try pg.insertBatches(into: "copy_batch", columns: ["id", "name", "fen"], rows: rows, keeping: [0, 1, 3], valuesPerStatement: 7)
                let back = try pg.rows("SELECT id, name, fen FROM copy_batch ORDER BY id")
                #expect(back.count == 7)
                let expected = rows.map { row in [0, 1, 3].map { column -> PGValue in
                    switch row[column] {
                    case .null: return .null
                    case .integer(let i): return .int(i)
                    case .text(let s): return .text(s)
                    }
                } }
                #expect(back.map(\.values) == expected)
            }
        }
    }

    @Test func aFailedBatchLeavesNothing() throws {
        try withStore { store in
            try store.write { tx in
                let pg = try #require(tx as? PostgresTransaction)
                try pg.execute("CREATE TABLE copy_batch_kept (id INTEGER PRIMARY KEY)")
            }
            // The fourth statement repeats a key: the three before it go too (one transaction).
            let duplicated = rows + [rows[0]]
            #expect(throws: (any Error).self) {
                try store.write { tx in
                    let pg = try #require(tx as? PostgresTransaction)
                    try pg.insertBatches(into: "copy_batch_kept", columns: ["id"], rows: duplicated, keeping: [0], valuesPerStatement: 2)
                }
            }
            try store.write { tx in
                let pg = try #require(tx as? PostgresTransaction)
                #expect(try pg.rows("SELECT id FROM copy_batch_kept").isEmpty)
            }
        }
    }
}
