import Testing
import LaneStore
import LaneCore
@testable import ServiceDepartment

/// Rows written before the store had its key, or before personal values were
/// kept apart: `audit verify` says so plainly instead of passing them in silence.
@Suite struct LegacyAuditRowTests {
    let t0 = Timestamp(secondsSince1970: 1_795_395_600)

    func entry(_ n: Int) -> AuditEntry {
        AuditEntry(at: t0.adding(seconds: Int64(n) * 60), user: "薛淑芬", role: "service_advisor", command: "ro complaint --text 第\(n)次",
                   noun: "ro", ref: "RO-20261123-0001", summary: "complaint \(n)")
    }

    /// Rows as an older `lane` wrote them: chained, unsigned, the text as typed.
    func appendLegacy(_ n: Int, _ store: SQLiteStore) throws {
        try store.write { tx in
            let head = try tx.auditHead()
            var e = entry(n)
            e.sequence = (head?.sequence ?? 0) + 1
            e.previousHash = head?.hash ?? AuditTrail.genesis
            e.personalHash = nil
            e.hash = AuditTrail.hash(previous: e.previousHash, e)
            try tx.insertAudit(e, personal: nil)
        }
    }

    func codes(_ v: AuditVerification) -> [String] { v.messages.map(\.code.rawValue) }

    @Test func rowsFromBeforeTheKeyAreReportedAsLegacy() throws {
        let store = try SQLiteStore(inMemoryNamed: "legacy")
        for n in 1...2 { try appendLegacy(n, store) }
        try store.write { tx in for n in 3...4 { try AuditTrail.append(entry(n), key: store.secretKey, tx) } }
        let v = try store.read { try AuditTrail.verify($0, key: store.secretKey) }
        #expect(v.isIntact)
        #expect((v.checked, v.unsigned, v.signed, v.signingStart, v.personalLegacy) == (4, 2, 2, 3, 2))
        #expect(codes(v).contains("audit.legacy_unsigned"))
        #expect(codes(v).contains("audit.personal_legacy"))
        #expect(v.messages.contains { $0.description.contains("2 rows (1 to 2) were written before this store had its key") })
    }

    @Test func signaturesStrippedFromEveryRowAreFound() throws {
        let store = try SQLiteStore(inMemoryNamed: "stripped")
        try store.write { tx in for n in 1...3 { try AuditTrail.append(entry(n), key: store.secretKey, tx) } }
        // Someone with sqlite3 strips every signature, so the rows would pass as written before keys.
        try store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        try store.unsafeExecute("UPDATE audit_log SET mac = ''")
        #expect(try store.read { try AuditTrail.verify($0, key: store.secretKey).firstBroken } == 1)
    }

    @Test func withoutTheSignedRecordOfWhenSigningBeganUnsignedRowsAreSaidUnproven() throws {
        let store = try SQLiteStore(inMemoryNamed: "unproven")
        try store.write { tx in for n in 1...3 { try AuditTrail.append(entry(n), key: store.secretKey, tx) } }
        try store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        try store.unsafeExecute("UPDATE audit_log SET mac = ''")
        try store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'audit_signing'")
        let v = try store.read { try AuditTrail.verify($0, key: store.secretKey) }
        #expect(codes(v).contains("audit.unsigned_unproven"))
        #expect(!codes(v).contains("audit.legacy_unsigned"))
    }

    @Test func aLegacyRowAfterNewOnesIsAForgery() throws {
        let store = try SQLiteStore(inMemoryNamed: "late-legacy")
        try store.write { tx in try AuditTrail.append(entry(1), tx) }
        try appendLegacy(2, store)
        #expect(try store.read { try AuditTrail.verify($0).firstBroken } == 2)
    }

    @Test func aReplacedKeyFileIsSaidPlainly() throws {
        let store = try SQLiteStore(inMemoryNamed: "new-key")
        try store.write { tx in for n in 1...2 { try AuditTrail.append(entry(n), key: store.secretKey, tx) } }
        // The key file deleted: lane makes a new one, which signed none of these rows.
        let other = [UInt8](repeating: 7, count: 32)
        let refusal = try #require(throws: Refusal.self) { _ = try store.read { try AuditDesk.verify($0, key: other) } }
        #expect(refusal.problems.map(\.said.code.rawValue).first == "audit.key_mismatch")
    }
}
