import Foundation
import LaneCore
import LaneShell
import LaneTesting
import Testing

/// Two desks on one store file: each shell has its own store and connections, as two `lane` processes
/// have. What the manager's desk changes in the staff list or the settings holds at the other desk from
/// that desk's next line, though its shell keeps them between lines.
@Suite struct OtherDesksTests {
    func twoDesks(_ body: (_ office: TestShell, _ desk: TestShell) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-desks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("lane.sqlite").path
        let office = try TestShell(user: "admin", seeded: true, databasePath: path)
        let desk = try TestShell(user: "admin", databasePath: path)
        try body(office, desk)
    }

    @Test func aMemberMarkedAsLeftAtAnotherDeskIsRefusedFromTheirNextLine() throws {
        try twoDesks { office, desk in
            desk.session.user = "夏勇"
            // A technician's command: refused for the missing order, not for who asks.
            let working = desk.run("ro clock-on RO-NOPE 1")
            #expect(working.code != .ok && !working.err.contains("not on the staff list"), "\(working.err)")
            _ = try office.expectOK("staff leave 夏勇")
            let refused = desk.run("ro clock-on RO-NOPE 1")
            #expect(refused.code == .refused && refused.err.contains("夏勇 is not on the staff list"), "\(refused.err)")
            #expect(try desk.expectOK("whoami").contains("left"))
        }
    }

    @Test func aRoleChangedAtAnotherDeskIsTheRoleOfTheNextLine() throws {
        try twoDesks { office, desk in
            desk.session.user = "薛淑芬"
            // A service advisor sees customers' numbers in full; the same shell, once she is no longer on
            // the staff list, sees them masked.
            let shown = try desk.expectOK("customer show C0001")
            #expect(!shown.contains("****"), "\(shown)")
            _ = try office.expectOK("staff leave 薛淑芬")
            let masked = try desk.expectOK("customer show C0001")
            #expect(masked.contains("****"), "\(masked)")
        }
    }

    @Test func aRateChangedAtAnotherDeskIsTheRateOfTheNextLine() throws {
        try twoDesks { office, desk in
            desk.session.user = "薛淑芬"
            let before = try desk.expectOK("store show")
            _ = try office.expectOK("store set rates.labor_rate_fen 41500")
            let after = try desk.expectOK("store show")
            #expect(!before.contains("415.00") && after.contains("415.00"), "\(before)\n\(after)")
        }
    }

    /// Without the row of the store's versions no line runs, and the refusal says what is missing.
    @Test func aStoreThatLostItsVersionsRowRunsNothingAndSaysWhy() throws {
        let shell = try TestShell()
        _ = try shell.expectOK("store show")
        try shell.store.unsafeExecute("DELETE FROM store_version")
        let refused = shell.run("store show")
        #expect(refused.code != .ok && refused.err.contains("store_version") && refused.err.contains("backup"), "\(refused.err)")
    }
}
