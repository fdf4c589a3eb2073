import Foundation
import Testing
import LaneStore
@testable import LanePostgres

/// The PostgreSQL tests run against the server named by LANE_TEST_POSTGRES
/// (`scripts/pg-server start` prints one; .ci/run starts it). Without it they
/// are reported as skipped, never as passed.
enum PostgresTestServer {
    static let url: String? = ProcessInfo.processInfo.environment["LANE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool { url != nil }

    /// A new, empty store in a schema of its own on the test server (several tests share the server).
    static func makeStore(_ label: String = "t") throws -> PostgresStore {
        guard let url else { throw StoreFailure("LANE_TEST_POSTGRES is not set") }
        let schema = "\(label)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        let separator = url.contains("?") ? "&" : "?"
        // A key file of its own, so that every desk opening this store signs with the same key.
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("lane-pg-key-\(schema)").path
        return try PostgresStore(url: url + separator + "schema=" + schema, keyFile: keyFile)
    }

    /// The same store opened again, as a second desk would (its own connections).
    static func reopen(_ store: PostgresStore) throws -> PostgresStore {
        try PostgresStore(endpoint: store.endpoint, keyFile: store.keyFile)
    }
}

