import Foundation
import Testing
import LaneStore
import StoreConformance

/// The SQLite store passes the store conformance suite, in memory and on a file.
@Suite struct SQLiteConformanceTests {
    @Test(arguments: StoreConformance.checks.map(\.name))
    func inMemory(_ name: String) throws {
        let suite = StoreConformance { try SQLiteStore(inMemoryNamed: "conformance") }
        try #require(StoreConformance.checks.first { $0.name == name }).run(suite)
    }

    @Test(arguments: StoreConformance.checks.map(\.name))
    func onAFile(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lane-conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = StoreConformance { try SQLiteStore(path: folder.appendingPathComponent("lane-\(UUID().uuidString).sqlite").path) }
        try #require(StoreConformance.checks.first { $0.name == name }).run(suite)
    }
}
