import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell
@testable import ServiceDepartment

/// Issue 11, tried as an attacker would: personal data kept apart from the
/// audit trail and erased with the customer; PINs and contacts sealed.
@Suite struct AuditPersonalDataTests {
    /// 卢文博 (C0002) through a full visit, named in every free text, with the number he has since an edit.
    static let visit: [String] = FollowUpCommandTests.serviceDay.map { line in
        switch line {
        case "ro complaint --text 保养": return "ro complaint --text '卢文博说保养，电话13900007777'"
        case "ro check-in --mileage 19100 --fuel 4 --covers":
            return "ro check-in --mileage 19100 --fuel 4 --covers --valuables '卢文博的墨镜' --equipment '车主 139 0000 7777'"
        default: return line
        }
    }

    /// His name, his number before and after the edit, his address.
    static let traces = ["卢文博", "13363270655", "13900007777", "139 0000 7777", "广东省深圳市福田区莲花路88号"]

    func temporaryDatabase() throws -> URL {
        try ScratchFolders.make("lane-trust").appendingPathComponent("lane.sqlite")
    }

    @Test func anErasedCustomerIsNowhereInTheFileAndTheTrailStillVerifies() throws {
        let path = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        do {
            let shell = try TestShell(seeded: true, databasePath: path.path)
            // An edit: the old number is in its answer, the new number and address typed.
            try shell.expectOK("customer edit C0002 --phone 13900007777 --address 广东省深圳市福田区莲花路88号")
            for line in Self.visit { try shell.expectOK(line) }
            try shell.expectOK("set user 薛淑芬")
            try shell.expectOK("clock set 2026-11-24T10:00")
            try shell.expectOK("followup record RO-20261123-0001 quality --score 4 --comment '卢文博满意 13900007777'")
            try shell.expectOK("set user 姚雪")
            // While they are there, export and `audit show` give them as typed.
            #expect(try shell.expectOK("customer export C0002").contains("卢文博说保养，电话13900007777"))
            #expect(try shell.expectOK("audit show --entity C0002").contains("--phone 13900007777"))
            try shell.expectOK("customer erase C0002 --confirm C0002")

            // Every table, audit trail included.
            let rows = try shell.store.snapshot()
            for trace in Self.traces { #expect(!rows.contains(trace), "\(trace) is still in a table") }
            let verified = try shell.expectOK("audit verify")
            #expect(verified.contains("had their personal data erased"))
            #expect(try shell.expectOK("store check").contains("the database file is sound"))
        }
        // The bytes on disk, once the store is closed: nothing left in freed space, the log (which
        // the store keeps between runs, emptied at the close after an erasure) or the file.
        for file in [path.path, path.path + "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: file) else { continue }
            for trace in Self.traces {
                #expect(bytes.range(of: Data(trace.utf8)) == nil, "\(trace) is still in the bytes of \(file)")
            }
        }
    }

    @Test func aPersonalValueChangedOrRemovedOutsideLaneIsFound() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        #expect(try shell.expectOK("audit verify").contains("keep personal data"))
        // The value, not erased but changed with sqlite3.
        try shell.store.unsafeExecute("UPDATE audit_personal SET vals = replace(vals, '欧阳娜娜', '欧阳某某')")
        #expect(try shell.expectRefusalCodes("audit verify") == ["audit.tampered", "audit.personal_changed"])
        #expect(try shell.expectRefusalCodes("store check").contains("audit.personal_changed"))
    }

    @Test func anErasureForgedWithoutTheKeyIsFound() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        // Someone blanks the values as an erasure would, without the store's key.
        try shell.store.unsafeExecute("UPDATE audit_personal SET vals = '', salt = '', erased_mark = 'forged'")
        #expect(try shell.expectRefusalCodes("audit verify") == ["audit.tampered", "audit.personal_changed"])
    }

    @Test func aRowUnlinkedFromItsCustomerToEscapeAnErasureIsFound() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        try shell.store.unsafeExecute("DELETE FROM audit_subject WHERE customer = 'C0037'")
        #expect(try shell.expectRefusalCodes("audit verify") == ["audit.tampered", "audit.personal_changed"])
    }

    @Test func valuesRemovedOutsideLaneAreFound() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        try shell.store.unsafeExecute("DELETE FROM audit_personal")
        #expect(try shell.expectRefusalCodes("audit verify") == ["audit.tampered", "audit.personal_changed"])
    }

    @Test func theRowItselfNamesNobody() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222 --address 广东省深圳市福田区莲花路88号")
        let row = try #require(try shell.store.read { try $0.auditHead() }.flatMap { head in try shell.store.read { try $0.auditEntry(sequence: head.sequence) } })
        for trace in ["欧阳娜娜", "13911112222", "莲花路"] {
            #expect(!row.command.contains(trace) && !row.summary.contains(trace))
        }
        #expect(row.ref == "C0037")
    }

    @Test func whichArgumentsArePersonalIsDecidedFromTheirTypes() throws {
        let registry = try Launcher.builtinRegistry()
        func kinds(_ noun: String, _ verb: String) throws -> [String: PersonalData] {
            let spec = try #require(registry.command(noun: noun, verb: verb))
            var all: [String: PersonalData] = [:]
            for p in spec.positionals { if let k = p.personal { all[p.name] = k } }
            for o in spec.options { if let k = o.personal { all["--" + o.name] = k } }
            return all
        }
        #expect(try kinds("customer", "add") == ["--name": .name, "--phone": .phone, "--address": .address])
        #expect(try kinds("ro", "complaint")["--text"] == .text)
        #expect(try kinds("ro", "sign")["--signed-by"] == .name)
        #expect(try kinds("customer", "edit")["customer"] == .customerReference)
        // Staff are not customers: a technician's name is no personal value of theirs.
        #expect(try kinds("ro", "clock-on")["--tech"] == nil)
    }
}

/// The key file deleted: lane makes no new key for a store that signed its
/// trail (rows signed with it could never be checked with the old one) and
/// changes nothing until the key is back.
@Suite struct MissingKeyTests {
    @Test func aSignedStoreWithoutItsKeyIsNotWrittenAndGetsNoNewKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("lane.sqlite").path
        do { _ = try TestShell(seeded: true, databasePath: path) }
        let key = try #require(FileManager.default.contents(atPath: path + ".key"))
        try FileManager.default.removeItem(atPath: path + ".key")
        do {
            let store = try SQLiteStore(path: path, create: false)
            #expect(store.secretKey == nil)
            #expect(!FileManager.default.fileExists(atPath: path + ".key"))
            #expect(try store.read { try $0.customerCount() } > 0)
            do {
                try store.write { tx in _ = try tx.insertStaff(name: "某人", role: .admin, team: nil, phone: nil) }
                Issue.record("a store without its key was written")
            } catch let failure as StoreFailure {
                #expect(failure.message.contains("key file"))
            }
        }
        // Put back, everything verifies and works again.
        #expect(FileManager.default.createFile(atPath: path + ".key", contents: key))
        let shell = try TestShell(user: "admin", seeded: false, databasePath: path)
        #expect(try shell.expectOK("audit verify").contains("the audit trail is intact"))
    }
}

/// Seals on PIN records and customers' contacts: `store check` finds an edit made with sqlite3.
@Suite struct PinAndContactSealTests {
    func shell() throws -> TestShell {
        let shell = try TestShell(user: "姚雪", seeded: true)
        shell.session.pinSource = PinSource(environment: ["LANE_NEW_PIN": "2580"], askSecret: nil)
        try shell.expectOK("staff pin 赵子涵")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        return shell
    }

    @Test func aPinHashChangedWithSqliteIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("UPDATE staff_pin SET hash = 'aa' || substr(hash, 3) WHERE staff_name = '赵子涵'")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.pin_changed"])
    }

    @Test func aLockoutCounterResetWithSqliteIsFound() throws {
        let shell = try shell()
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "0000"], askSecret: nil)
        for _ in 0..<5 { _ = shell.run("login 赵子涵") }
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        try shell.store.unsafeExecute("UPDATE staff_pin SET failures = 0, last_failure_at = NULL WHERE staff_name = '赵子涵'")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.pin_changed"])
    }

    @Test func aPinRecordRemovedOrAddedWithSqliteIsFound() throws {
        let shell = try shell()
        try shell.store.unsafeExecute("INSERT INTO staff_pin (staff_name, salt, hash, iterations, failures) SELECT '夏勇', salt, hash, iterations, 0 FROM staff_pin")
        try shell.store.unsafeExecute("DELETE FROM staff_pin WHERE staff_name = '赵子涵'")
        #expect(try shell.expectRefusalCodes("store check").sorted() == ["seal.changed_outside", "seal.pin_removed", "seal.pin_unsealed"])
    }

    @Test func aCustomersPhoneOrAddressChangedWithSqliteIsFound() throws {
        let shell = try shell()
        try shell.expectOK("customer edit C0002 --address 广东省深圳市福田区莲花路88号")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        try shell.store.unsafeExecute("UPDATE customer SET phone = '13800000000', phone_reversed = '00000000831' WHERE number = 3")
        try shell.store.unsafeExecute("UPDATE customer SET address = '别处' WHERE number = 2")
        let codes = try shell.expectRefusalCodes("store check")
        #expect(codes == ["seal.changed_outside", "seal.customer_changed", "seal.customer_changed"])
        #expect(try shell.expectRefused("store check").contains("C0003"))
    }

    @Test func changesMadeInLaneKeepTheSealsRight() throws {
        let shell = try shell()
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13911112222")
        try shell.expectOK("customer edit C0037 --phone 13911113333")
        try shell.expectOK("customer erase C0037 --confirm C0037")
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "0000"], askSecret: nil)
        _ = shell.run("login 赵子涵")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
    }
}

/// A script line that is not UTF-8: its line and the byte of the first bad byte.
@Suite struct ScriptEncodingTests {
    @Test func theLineAndTheByteAreSaid() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID().uuidString).lane")
        defer { try? FileManager.default.removeItem(at: url) }
        // Line 2: "customer add --name 欧" (20 bytes + 3 in UTF-8), then 阳 in GBK (D1 F4):
        // the first bad byte is the 24th, the 22nd character.
        var bytes = Data("customer list\n".utf8)
        bytes += Data("customer add --name 欧".utf8) + Data([0xD1, 0xF4]) + Data(" --phone 13900001111\n".utf8)
        try bytes.write(to: url)
        let shell = try TestShell(seeded: true)
        let file = try #require(fopen(url.path, "r"))
        defer { fclose(file) }
        let reader = PlainLineReader(file: file)
        let outcome = shell.runScript { reader.readLine(prompt: "") }
        #expect(outcome.code == .usage)
        let err = outcome.err
        #expect(err.contains("line 2"))
        #expect(err.contains("at byte 24"))
    }
}
