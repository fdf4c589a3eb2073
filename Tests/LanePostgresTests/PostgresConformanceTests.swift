import Foundation
import Testing
import LaneStore
import StoreConformance
@testable import LanePostgres

/// The PostgreSQL store passes the same store conformance suite as the SQLite store.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresConformanceTests {
    @Test(arguments: StoreConformance.checks.map(\.name))
    func onAServer(_ name: String) throws {
        let made = StoreBox()
        defer { for store in made.stores { try? store.dropEverything() } }
        let suite = StoreConformance { let store = try PostgresTestServer.makeStore("conf"); made.add(store); return store }
        try #require(StoreConformance.checks.first { $0.name == name }).run(suite)
    }
}

/// The stores a check made, to drop them afterwards.
final class StoreBox: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [PostgresStore] = []
    func add(_ store: PostgresStore) { lock.withLock { all.append(store) } }
    var stores: [PostgresStore] { lock.withLock { all } }
}
