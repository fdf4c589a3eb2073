import Foundation
import LaneCore
import LaneShell
@testable import LaneStore
import LaneTesting
import Testing

/// A shell that goes on past its first command (the terminal, a script) has the store keep its connection's
/// pages between commands; one command (`lane -c`) leaves SQLite's default.
@Test func aSessionsSecondCommandHasTheStoreKeepItsPages() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-page-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let shell = try TestShell(databasePath: dir.appendingPathComponent("lane.sqlite").path)
    let store = shell.store
    func reader() throws -> Int? {
        try store.read { tx throws in try (tx as? SQLiteTransaction).flatMap { try Int.fetchOne($0.db, sql: "PRAGMA cache_size") } }
    }
    _ = try shell.expectOK("whoami")
    #expect(store.keepsMorePages.withLock { $0 } == false)
    #expect(try reader() == -2000)
    _ = try shell.expectOK("whoami")
    #expect(store.keepsMorePages.withLock { $0 } == true)
    #expect(try reader() == -16_384)
}
