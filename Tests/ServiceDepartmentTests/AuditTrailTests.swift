import Testing
import LaneStore
import LaneCore
@testable import ServiceDepartment

@Suite struct AuditTrailTests {
    let t0 = Timestamp(secondsSince1970: 1_795_395_600)

    func entry(_ n: Int, user: String = "薛淑芬") -> AuditEntry {
        AuditEntry(at: t0.adding(seconds: Int64(n) * 60), user: user, role: "service_advisor", command: "ro complaint --text 第\(n)次",
                   noun: "ro", ref: "RO-20261123-0001", summary: "complaint \(n)")
    }

    func storeWithThreeRows() throws -> SQLiteStore {
        let store = try SQLiteStore(inMemoryNamed: "audit")
        try store.write { tx in for n in 1...3 { try AuditTrail.append(entry(n, user: n == 2 ? "赵子涵" : "薛淑芬"), tx) } }
        return store
    }

    /// The key is taken in once and the HMAC copied for each text: the codes are RFC 4231's, whichever
    /// key signed the text before.
    @Test func aMacIsTheHMACOfItsKeyWhicheverKeyCameBefore() {
        let jefe = Array("Jefe".utf8), elevens = [UInt8](repeating: 0x0b, count: 20)
        for _ in 0..<2 {
            #expect(AuditTrail.mac(jefe, "what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
            #expect(AuditTrail.mac(jefe, "what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
            #expect(AuditTrail.mac(elevens, "Hi There") == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        }
    }

    @Test func rowsAreNumberedAndChained() throws {
        let store = try storeWithThreeRows()
        let rows = try store.read { try $0.auditEntries(ref: nil, user: nil, from: nil, to: nil, limit: 10) }
        #expect(rows.map(\.sequence) == [1, 2, 3])
        #expect(Set(rows.map(\.hash)).count == 3)
        #expect(rows.allSatisfy { $0.hash.count == 64 })
        #expect(try store.read { try AuditTrail.verify($0) } == AuditVerification(checked: 3, firstBroken: nil))
    }

    @Test func queriesByEntityUserAndTime() throws {
        let store = try storeWithThreeRows()
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.auditEntries(ref: nil, user: "赵子涵", from: nil, to: nil, limit: 10).map(\.sequence) == [2])
            #expect(try tx.auditEntries(ref: "RO-20261123-0001", user: nil, from: nil, to: nil, limit: 10).count == 3)
            #expect(try tx.auditEntries(ref: "RO-X", user: nil, from: nil, to: nil, limit: 10).isEmpty)
            #expect(try tx.auditEntries(ref: nil, user: nil, from: t0.adding(seconds: 120), to: t0.adding(seconds: 180), limit: 10).map(\.sequence) == [2])
        }
    }

    @Test func theTableRefusesUpdatesAndDeletes() throws {
        let store = try storeWithThreeRows()
        #expect(throws: (any Error).self) { try store.unsafeExecute("UPDATE audit_log SET user = '某人' WHERE seq = 2") }
        #expect(throws: (any Error).self) { try store.unsafeExecute("DELETE FROM audit_log WHERE seq = 3") }
        #expect(try store.read { try AuditTrail.verify($0).firstBroken } == nil)
    }

    @Test func aTamperedRowIsDetected() throws {
        let store = try storeWithThreeRows()
        // Someone with the file drops the trigger and edits a row.
        try store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        try store.unsafeExecute("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 2")
        #expect(try store.read { try AuditTrail.verify($0) } == AuditVerification(checked: 1, firstBroken: 2))
    }

    @Test func aRemovedRowIsDetected() throws {
        let store = try storeWithThreeRows()
        try store.unsafeExecute("DROP TRIGGER audit_log_no_delete")
        try store.unsafeExecute("DELETE FROM audit_log WHERE seq = 2")
        #expect(try store.read { try AuditTrail.verify($0).firstBroken } == 3)
    }

    @Test func aRehashedRowStillBreaksTheNextLink() throws {
        let store = try storeWithThreeRows()
        try store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        // A forger recomputing row 2's own hash cannot fix row 3's stored link.
        var forged = entry(2, user: "赵子涵")
        forged.sequence = 2
        forged.summary = "forged"
        let first = try store.read { try $0.auditEntries(ref: nil, user: nil, from: nil, to: nil, limit: 1) }[0]
        let hash = AuditTrail.hash(previous: first.hash, forged)
        try store.unsafeExecute("UPDATE audit_log SET summary = 'forged', hash = '\(hash)' WHERE seq = 2")
        #expect(try store.read { try AuditTrail.verify($0).firstBroken } == 3)
    }
}

/// The attacks of issue 11 on the trail: someone with the database file
/// but not the store's key.
@Suite struct SignedAuditTrailTests {
    let t0 = Timestamp(secondsSince1970: 1_795_395_600)

    func entry(_ n: Int) -> AuditEntry {
        AuditEntry(at: t0.adding(seconds: Int64(n) * 60), user: "薛淑芬", role: "service_advisor", command: "ro complaint --text 第\(n)次",
                   noun: "ro", ref: "RO-20261123-0001", summary: "complaint \(n)")
    }

    func signedStore(rows: Int = 4) throws -> SQLiteStore {
        let store = try SQLiteStore(inMemoryNamed: "signed-audit")
        try store.write { tx in for n in 1...rows { try AuditTrail.append(entry(n), key: store.secretKey, tx) } }
        return store
    }

    func verify(_ store: SQLiteStore, _ checkpoint: Checkpoint? = nil) throws -> AuditVerification {
        try store.read { try AuditTrail.verify($0, key: store.secretKey, checkpoint: checkpoint) }
    }

    @Test func everyRowIsSignedAndChecked() throws {
        let store = try signedStore()
        let result = try verify(store)
        #expect(result.isIntact && result.signed == 4 && result.keyKnown)
    }

    @Test func rehashingEveryRowAfterAnEditIsFound() throws {
        let store = try signedStore()
        try store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        // The forger edits row 2 and recomputes the whole chain from there, but cannot sign.
        let rows = try store.read { try $0.auditChain(afterSequence: 0, limit: 10) }
        var previous = rows[0].hash
        for var row in rows.dropFirst() {
            if row.sequence == 2 { row.summary = "nothing happened" }
            row.previousHash = previous
            row.hash = AuditTrail.hash(previous: previous, row)
            try store.unsafeExecute("UPDATE audit_log SET summary = '\(row.summary)', prev_hash = '\(row.previousHash)', hash = '\(row.hash)' WHERE seq = \(row.sequence)")
            previous = row.hash
        }
        #expect(try verify(store).firstBroken == 2)
    }

    @Test func aForgedUnsignedRowAtTheEndIsFound() throws {
        let store = try signedStore()
        try store.write { tx in try AuditTrail.append(entry(5), key: nil, tx) }
        #expect(try verify(store).firstBroken == 5)
    }

    @Test func removingTheNewestRowsIsFoundByACheckpoint() throws {
        let store = try signedStore()
        let checkpoint = try #require(try store.write { try AuditTrail.anchor(at: t0, by: "姚雪", key: store.secretKey, $0) })
        #expect(checkpoint.sequence == 4)
        #expect(try verify(store).newestCheckpoint == 4)
        try store.unsafeExecute("DROP TRIGGER audit_log_no_delete")
        try store.unsafeExecute("DELETE FROM audit_log WHERE seq >= 3")
        #expect(try verify(store).brokenCheckpoint == 4)
        // Even with the checkpoints removed from the file, the one kept on paper finds it.
        try store.unsafeExecute("DROP TRIGGER audit_anchor_no_delete")
        try store.unsafeExecute("DELETE FROM audit_anchor")
        #expect(try verify(store).isIntact, "without a checkpoint the shortened trail looks whole: that is what checkpoints are for")
        #expect(try verify(store, Checkpoint(parsing: checkpoint.description)).brokenCheckpoint == 4)
    }

    @Test func deletingEveryRowIsFoundByACheckpointKeptElsewhere() throws {
        let store = try signedStore()
        let checkpoint = try #require(try store.write { try AuditTrail.anchor(at: t0, by: "姚雪", key: store.secretKey, $0) })
        try store.unsafeExecute("DROP TRIGGER audit_log_no_delete")
        try store.unsafeExecute("DELETE FROM audit_log")
        #expect(try verify(store, checkpoint).brokenCheckpoint == checkpoint.sequence)
    }

    @Test func aCheckpointWithAForgedSignatureIsRefused() throws {
        let store = try signedStore()
        let head = try #require(try store.read { try $0.auditHead() })
        let forged = Checkpoint(sequence: head.sequence, hash: head.hash, mac: String(repeating: "0", count: 64))
        #expect(try verify(store, forged).brokenCheckpoint == head.sequence)
        #expect(Checkpoint(parsing: "lane-audit four x y") == nil)
    }
}
