import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell
@testable import ServiceDepartment

/// Tried as an attacker with sqlite3 would: remove a row's seal, then change
/// the row. Once a store seals, every order, member of staff, PIN record and
/// customer carries a seal, and the audit trail (which cannot be rewritten
/// without the key) says since when, so a missing seal is found.
@Suite struct SealEveryRowTests {
    func shell() throws -> TestShell {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("set user 薛淑芬")
        for line in FollowUpCommandTests.serviceDay { try shell.expectOK(line) }
        try shell.expectOK("set user 姚雪")
        shell.session.pinSource = PinSource(environment: ["LANE_NEW_PIN": "2580"], askSecret: nil)
        try shell.expectOK("staff pin 赵子涵")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        return shell
    }

    @Test func aCustomersSealRemovedAndTheirPhoneChangedIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'customer' AND ref = 'C0003'")
        try shell.store.unsafeExecute("UPDATE customer SET phone = '13800000000', phone_reversed = '00000000831' WHERE number = 3")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.customer_unsealed"])
        #expect(try shell.expectRefused("store check").contains("C0003"))
    }

    @Test func everyPinSealRemovedAndAPinSwappedIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'staff_pin'")
        try shell.store.unsafeExecute("UPDATE staff_pin SET hash = 'aa' || substr(hash, 3) WHERE staff_name = '赵子涵'")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.pin_unsealed"])
    }

    @Test func everyStaffSealRemovedAndATechnicianMadeAdminIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'staff'")
        try shell.store.unsafeExecute("UPDATE staff SET role = 'admin' WHERE name = '夏勇'")
        let codes = try shell.expectRefusalCodes("store check")
        #expect(codes.first == "seal.changed_outside")
        #expect(Set(codes.dropFirst()).isSubset(of: ["seal.staff_unsealed", "seal.more_unsealed"]))
        #expect(try shell.expectRefused("store check").contains("夏勇"))
    }

    @Test func anOrdersSealRemovedAndItsPaymentLoweredIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'repair_order' AND ref = 'RO-20261123-0001'")
        try shell.store.unsafeExecute("UPDATE repair_order SET paid_fen = 100 WHERE number = 'RO-20261123-0001'")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.order_unsealed"])
    }

    @Test func aCustomerAddedWithSqliteIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("""
            INSERT INTO customer (number, name, phone, phone_reversed, created_at, sort_key)
            SELECT 99, '假客户', '13700000000', '00000000731', created_at, sort_key FROM customer WHERE number = 1
            """)
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.customer_unsealed"])
    }

    @Test func everySealRemovedIsFoundRowByRowAndCounted() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind <> 'audit_signing'")
        let codes = try shell.expectRefusalCodes("store check")
        #expect(codes.count == 22)  // the headline, 20 rows by name, how many more
        #expect(codes.last == "seal.more_unsealed")
    }

    /// A technician made admin with sqlite3, then a staff command run (their own PIN):
    /// the command seals what it wrote, not the whole staff list over the change.
    @Test func aRoleChangedOutsideLaneIsNotSealedOverByTheNextStaffCommand() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-seal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("lane.sqlite").path
        let shell = try TestShell(user: "姚雪", seeded: true, databasePath: path)
        // Another program's connection (sqlite3): nothing of lane's notes what it writes.
        let sqlite3 = try SQLiteStore(path: path, create: false)
        try sqlite3.unsafeExecute("UPDATE staff SET role = 'admin' WHERE name = '夏勇'")
        shell.session.pinSource = PinSource(environment: ["LANE_NEW_PIN": "2580"], askSecret: nil)
        try shell.expectOK("staff pin 赵子涵")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.staff_changed"])
    }

    /// A store from before every row was sealed: its first change seals the rows without a
    /// seal, and leaves a seal that no longer matches as it is (the change stays found).
    @Test func sealingEverythingKeepsTheSealsThereAre() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("UPDATE customer SET phone = '13800000000', phone_reversed = '00000000831' WHERE number = 3")
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'customer' AND ref = 'C0004'")
        let key = try #require(shell.store.secretKey)
        let vat = try shell.session.settings().vatBasisPoints
        try shell.store.write { tx in try RowSeals.sealEverything(key: key, tx) }
        let problems = try shell.store.read { tx in try RowSeals.check(key: key, vatBasisPoints: vat, allSealed: true, tx).problems }
        #expect(problems.map(\.field) == ["C0003"])
    }

    /// The trail's rows say the store seals; that cannot be undone without the key.
    @Test func theTrailSaysSinceWhenAndCannotBeToldOtherwise() throws {
        let shell = try shell()
        #expect(try shell.expectOK("audit verify").contains("are sealed since row 1"))
        try shell.store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        try shell.store.unsafeExecute("UPDATE audit_log SET sealed = NULL")
        try shell.store.unsafeExecute("DELETE FROM row_seal WHERE kind = 'customer' AND ref = 'C0003'")
        #expect(try shell.expectRefusalCodes("audit verify").first == "audit.tampered")
        #expect(try shell.expectRefusalCodes("store check").first == "audit.tampered")
    }

    /// Erasing, editing and signing in keep every seal right.
    @Test func lanesOwnChangesKeepEveryRowSealed() throws {
        let shell = try shell()
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        try shell.expectOK("customer erase C0002 --confirm C0002")
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "0000"], askSecret: nil)
        _ = shell.run("login 赵子涵")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        let counts = try shell.store.tableCounts()
        let seals = try shell.store.read { tx in (try tx.seals(kind: "customer").count, try tx.seals(kind: "repair_order").count) }
        #expect(seals.0 == counts["customer"])
        #expect(seals.1 == counts["repair_order"])
    }
}

/// `audit verify` after an erasure: how many values went, and what an
/// attacker who edits the values kept apart gets.
@Suite struct ErasedValuesTests {
    @Test func verifySaysHowManyValuesWereErased() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222 --address 广东省深圳市福田区莲花路88号")
        try shell.expectOK("customer edit C0037 --phone 13911113333")
        try shell.expectOK("customer erase C0037 --confirm C0037")
        let said = try shell.expectOK("audit verify")
        // The add kept name, number and address; the edit its new and old number, name and address.
        #expect(said.contains("2 rows had their personal data erased with `customer erase` (7 values)"), "\(said)")
        try shell.expectOK("set format json")
        let json = try shell.expectOK("audit verify")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let record = try #require(answer["record"] as? [String: Any])
        #expect(record["personal_values_erased"] as? Int == 7)
        #expect(record["sealed_since"] as? Int == 1)
        try shell.expectOK("set format table")
        // What `audit show` gives back in their place.
        #expect(try shell.expectOK("audit show --entity C0037").contains("(erased)"))
    }

    /// Values of two rows swapped with sqlite3 (each row's values still "look right").
    @Test func valuesMovedBetweenRowsAreFound() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        try shell.expectOK("customer add --name 司马光 --phone 13911114444")
        try shell.store.unsafeExecute("""
            UPDATE audit_personal SET vals = CASE seq WHEN (SELECT MAX(seq) FROM audit_personal) THEN (SELECT vals FROM audit_personal WHERE seq = (SELECT MIN(seq) FROM audit_personal))
                                                       ELSE (SELECT vals FROM audit_personal WHERE seq = (SELECT MAX(seq) FROM audit_personal)) END,
                                      salt = CASE seq WHEN (SELECT MAX(seq) FROM audit_personal) THEN (SELECT salt FROM audit_personal WHERE seq = (SELECT MIN(seq) FROM audit_personal))
                                                       ELSE (SELECT salt FROM audit_personal WHERE seq = (SELECT MAX(seq) FROM audit_personal)) END
            """)
        #expect(try shell.expectRefusalCodes("audit verify") == ["audit.tampered", "audit.personal_changed"])
    }
}
