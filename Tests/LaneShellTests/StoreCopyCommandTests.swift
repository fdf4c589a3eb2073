import Foundation
import Testing
import LaneCore
import LaneShell
import LaneStore
import LaneTesting

/// `store copy` between files (the server's side is in LanePostgresTests): the
/// copy is whole, keeps the store's key so its audit trail verifies, and a
/// refused copy leaves the source unchanged and makes no file.
@Suite struct StoreCopyCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lane-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSeededStoreCopiedToANewFileOpensThereWithEveryRowAndAVerifyingTrail() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("backup.sqlite").path
        shell.session.format = .json
        let answer = try shell.expectOK("store copy --to \(target)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])["record"] as? [String: Any]
        #expect(record?["to"] as? String == target)
        let copy = try SQLiteStore(path: target, create: false)
        #expect(copy.secretKey == shell.store.secretKey, "the copy keeps the store's key")
        let source = try shell.store.exportTables().filter { $0.name != "sqlite_definitions" }
        let copied = try copy.exportTables().filter { $0.name != "sqlite_definitions" }
        #expect(source.map(\.name) == copied.map(\.name))
        for (a, b) in zip(source, copied) { #expect(a.rows == b.rows, "\(a.name)") }
        #expect((record?["audit_rows"] as? Int ?? 0) > 0)
        let verified = try copy.read { tx in try AuditTrail.verify(tx, key: copy.secretKey) }
        #expect(verified.firstBroken == nil && !verified.keyMismatch && verified.checked == record?["audit_rows"] as? Int)
    }

    @Test func withoutATargetOrIntoAFileThatExistsNothingIsCopiedOrMade() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try shell.expectRefusalCodes("store copy") == ["server.copy_refused", "server.copy_needs_both"])
        let existing = folder.appendingPathComponent("there.sqlite").path
        FileManager.default.createFile(atPath: existing, contents: Data("x".utf8))
        #expect(try shell.expectRefusalCodes("store copy --to \(existing)") == ["server.copy_refused", "server.copy_file_exists"])
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "x")
        let before = try shell.store.snapshot()
        // A mistyped address is refused before anything is made for it: no folder named after it where lane runs.
        let host = "db-\(UUID().uuidString.prefix(8))"
        let outcome = shell.run("store copy --to mysql://\(host)/lane")
        #expect(outcome.code == .storage && outcome.err.contains("is not a server address"), "\(outcome.err)")
        #expect(try shell.store.snapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["there.sqlite"])
        #expect(!FileManager.default.fileExists(atPath: "mysql:/\(host)"), "a folder was made for the address")
        try? FileManager.default.removeItem(atPath: "mysql:/\(host)")
    }

    @Test func anAdvisorMayNotCopyTheStore() throws {
        let shell = try TestShell(seeded: true)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let codes = try shell.expectRefusalCodes("store copy --to \(folder.appendingPathComponent("x.sqlite").path)")
        #expect(codes.first == "access.role_may_not")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
