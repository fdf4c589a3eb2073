import Foundation
import Testing
import LaneCore
import LanePlugin
import LaneShell
import LaneStore
import LaneTesting
import ServiceDepartment
@testable import LanePostgres

/// `store copy` streams: the target's one transaction pulls the source's rows a batch at a time.
/// With batches of 7 rows every table of the demo store crosses many batch edges; the copy arrives
/// whole both ways, and a source that fails halfway through a table leaves the target as it was.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresCopyStreamTests {
    /// Each table's rows as sorted lines (the two backends read a table in different orders).
    static func contents(_ store: any StoreCopying) throws -> [String: [String]] {
        var tables: [String: [String]] = [:]
        for t in try store.exportTables() where t.name != "sqlite_definitions" {
            tables[t.name] = t.rows.map { "\($0)" }.sorted()
        }
        return tables
    }

    private func withServer(_ body: (String, PostgresEndpoint, URL) throws -> Void) throws {
        let url = try #require(PostgresTestServer.url)
        let schema = "stream_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
        let server = url + (url.contains("?") ? "&" : "?") + "schema=" + schema
        let endpoint = try #require(PostgresEndpoint(url: server))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lane-pgstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(atPath: PostgresStore.keyFile(for: endpoint) + ".key")
            try? PostgresStore(endpoint: endpoint, keyFile: nil).dropEverything()
        }
        try body(server, endpoint, folder)
    }

    static func caller(_ store: any ServiceStore) throws -> Caller {
        Caller(user: "admin", role: .admin, now: TestShell.demoNow, settings: try store.read { try $0.settings() }, request: "store copy")
    }

    @Test func aCopyInManyBatchesArrivesWholeBothWays() throws {
        try withServer { server, endpoint, folder in
            let shell = try TestShell(user: "admin", seeded: true)
            try shell.expectOK("ro open 粤B27DP2")
            let key = try #require(shell.store.secretKey)
            #expect(StoreBackendSupport.giveKey(key, beside: PostgresStore.keyFile(for: endpoint)))
            let onServer = try PostgresStore(url: server, create: true)
            let source = try Self.contents(shell.store)
            #expect((source["customer_search_key"]?.count ?? 0) > 7 * 20, "the demo store's tables cross many batch edges")

            let there = try StoreCopyDesk.copy(from: shell.store, to: onServer, by: try Self.caller(shell.store),
                                               department: shell.session.department, batchRows: 7)
            #expect(there.rows == source.values.reduce(0) { $0 + $1.count })
            #expect(there.auditRows > 0)
            let copied = try Self.contents(onServer)
            for (name, rows) in source { #expect(copied[name] == rows, "\(name) on the server") }

            // And back to a new file, in batches of 7 again: the same rows, the trail verifies.
            let backup = folder.appendingPathComponent("back.sqlite").path
            #expect(StoreBackendSupport.giveKey(key, beside: backup))
            let file = try SQLiteStore(path: backup, create: true)
            let back = try StoreCopyDesk.copy(from: onServer, to: file, by: try Self.caller(onServer), department: Department(store: onServer),
                                              batchRows: 7)
            #expect(back.rows == there.rows && back.auditRows == there.auditRows)
            let returned = try Self.contents(file)
            for (name, rows) in source { #expect(returned[name] == rows, "\(name) back in a file") }
        }
    }

    /// A source that reads as the real one until its `failAt`-th batch of `table`, then fails as a
    /// dropped connection would.
    struct FailingSource: CopySource {
        let real: any CopySource
        let table: String
        let failAt: Int
        var reading: any StoreReading { real.reading }
        func tables() throws -> [(name: String, columns: [String])] { try real.tables() }
        func pluginDefinitions() throws -> [(plugin: String, sql: String)] { try real.pluginDefinitions() }
        func eachBatch(of name: String, batchRows: Int, _ body: ([[SQLValue]]) throws -> Void) throws {
            var batches = 0
            try real.eachBatch(of: name, batchRows: batchRows) { batch in
                batches += 1
                if name == table && batches == failAt { throw StoreFailure("the source went away") }
                try body(batch)
            }
        }
    }

    @Test func aSourceFailingHalfwayLeavesNothingOnEitherSide() throws {
        try withServer { server, endpoint, folder in
            let shell = try TestShell(user: "admin", seeded: true)
            let key = try #require(shell.store.secretKey)
            #expect(StoreBackendSupport.giveKey(key, beside: PostgresStore.keyFile(for: endpoint)))
            let onServer = try PostgresStore(url: server, create: true)
            let emptyServer = try onServer.snapshot()
            // Halfway through the customers' search keys, after every table before them went in.
            let failed = #expect(throws: StoreFailure.self) {
                try shell.store.exporting { source in
                    try onServer.importTables(from: FailingSource(real: source, table: "customer_search_key", failAt: 5), batchRows: 7) { _ in }
                }
            }
            #expect(failed?.description.contains("the source went away") == true)
            #expect(try onServer.snapshot() == emptyServer, "the server's store is as it was")
            #expect(try onServer.heldRows() == (0, 0, 0))

            // Whole the other way: the server's copy (made now) back to a file that fails halfway.
            _ = try StoreCopyDesk.copy(from: shell.store, to: onServer, by: try Self.caller(shell.store), department: shell.session.department)
            let backup = folder.appendingPathComponent("back.sqlite").path
            #expect(StoreBackendSupport.giveKey(key, beside: backup))
            let file = try SQLiteStore(path: backup, create: true)
            let emptyFile = try file.snapshot()
            #expect(throws: StoreFailure.self) {
                try onServer.exporting { source in
                    try file.importTables(from: FailingSource(real: source, table: "customer_search_key", failAt: 9), batchRows: 7) { _ in }
                }
            }
            #expect(try file.snapshot() == emptyFile, "the file is as it was")
        }
    }
}
