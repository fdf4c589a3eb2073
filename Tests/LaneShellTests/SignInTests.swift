import Foundation
import LaneCore
import LaneTesting
import Testing
@testable import ServiceDepartment
import LaneStore
@testable import LaneShell

/// Sign-in with PINs: salted slow hashes, five tries, never a flag.
@Suite struct SignInTests {
    func shell(pins: [String: String] = [:], newPin: String? = nil) throws -> TestShell {
        let shell = try TestShell(seeded: true)
        var env: [String: String] = [:]
        if let newPin { env["LANE_NEW_PIN"] = newPin }
        if !pins.isEmpty {
            let file = try ScratchFolders.make("pins").appendingPathComponent("pins")
            try pins.map { "\($0.key) \($0.value)" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            env["LANE_PIN_FILE"] = file.path
        }
        shell.session.pinSource = PinSource(environment: env, askSecret: nil)
        return shell
    }

    @Test func theRoleReadAtSignInServesTheNextCommand() throws {
        let shell = try TestShell(seeded: true, recordingStatements: true)
        try shell.expectOK("set user 程国栋")
        try shell.expectOK("whoami")
        // The sign-in read the member, role and all: the role is not read from the staff list again.
        try shell.expectOK("set user 赵子涵")
        let before = shell.store.statementExecutions()
        let role = try shell.session.role()
        let reads = shell.store.statementExecutions().reduce(0) { $0 + $1.value - before[$1.key, default: 0] }
        #expect(role != nil)
        #expect(role == (try shell.store.read { try $0.staffMember(named: "赵子涵")?.role }))
        #expect(reads == 0, "the role after set user ran \(reads) statements")
        // A member who has left has no role, and signs in no more.
        try shell.expectOK("set user admin")
        try shell.expectOK("staff leave 赵子涵")
        #expect(try shell.expectRefused("set user 赵子涵").contains("赵子涵"))
    }

    @Test func aPinIsStoredOnlyAsASaltedHash() throws {
        let shell = try shell(newPin: "2580")
        try shell.expectOK("staff pin")
        // Hashes, salts and seals are hex: "2580" turns up in them by chance one run in a few.
        let dump = try withoutHashes(shell.store.snapshot())
        #expect(!dump.contains("2580"))
        #expect(try shell.store.snapshot().contains("60000")) // the iteration count, beside salt and hash
    }

    @Test func loginAsksForThePinOnceThereIsOne() throws {
        let setter = try shell(newPin: "2580")
        try setter.expectOK("set user 姚雪")
        try setter.expectOK("staff pin 赵子涵")
        // Same store, no PIN given: refused and nothing changes.
        setter.session.pinSource = .none
        #expect(try setter.expectRefused("login 赵子涵").contains("has a PIN"))
        setter.session.pinSource = PinSource(environment: ["LANE_PIN": "2580"], askSecret: nil)
        try setter.expectOK("login 赵子涵")
        #expect(setter.session.user == "赵子涵")
    }

    @Test func wrongPinsDelayTheNextTryMoreAndMoreButNeverForGood() throws {
        let shell = try shell(newPin: "2580")
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("staff pin 赵子涵")
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "0000"], askSecret: nil)
        for n in 1...4 {
            let outcome = shell.run("login 赵子涵")
            #expect(outcome.err.contains("wrong PIN for 赵子涵 (\(n) of 5 tries)"))
        }
        // The fifth wrong PIN: the next try waits a minute.
        #expect(shell.run("login 赵子涵").err.contains("the next try can be made at 2026-11-23 09:01"))
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "2580"], askSecret: nil)
        #expect(shell.run("login 赵子涵").err.contains("the next try can be made")) // even the right PIN waits
        #expect(shell.session.user == "姚雪")
        try shell.expectOK("clock advance 2m")
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "1111"], askSecret: nil)
        // Another wrong one doubles the wait.
        #expect(shell.run("login 赵子涵").err.contains("the next try can be made at 2026-11-23 09:04"))
        try shell.expectOK("clock advance 3m")
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "2580"], askSecret: nil)
        try shell.expectOK("login 赵子涵")
        #expect(shell.session.user == "赵子涵")
        #expect(try shell.store.read { try $0.storedPin(staffName: "赵子涵")?.failures } == 0)
    }

    @Test func aPinHashedAtFewerRoundsIsHashedAgainAtTheNextSignIn() throws {
        let shell = try shell(newPin: "2580")
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("staff pin 赵子涵")
        // A record from before: the same PIN at 60,000 rounds.
        let old = try shell.store.read { try $0.storedPin(staffName: "赵子涵") }
        let salt = [UInt8](repeating: 7, count: 16)
        let weak = try PinVault.hash(pin: "2580", salt: salt, iterations: 60_000)
        try shell.store.write { tx in
            try tx.savePin(staffName: "赵子涵", StoredPin(salt: PinVault.hex(salt), hash: PinVault.hex(weak), iterations: 60_000, failures: 0))
        }
        #expect(old?.iterations == 210_000)
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "2580"], askSecret: nil)
        try shell.expectOK("login 赵子涵")
        #expect(try shell.store.read { try $0.storedPin(staffName: "赵子涵")?.iterations } == 210_000)
    }

    @Test func aPinFileSignsSeveralPeopleIn() throws {
        let shell = try shell(newPin: "2580")
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("staff pin 赵子涵")
        try shell.expectOK("staff pin 夏勇")
        shell.session.pinSource = PinSource(environment: [:], askSecret: nil)
        let file = try ScratchFolders.make("pins").appendingPathComponent("pins")
        try "赵子涵 2580\n夏勇 2580\n".write(to: file, atomically: true, encoding: .utf8)
        shell.session.pinSource = PinSource(environment: ["LANE_PIN_FILE": file.path], askSecret: nil)
        try shell.expectOK("login 夏勇")
        try shell.expectOK("login 赵子涵")
    }

    @Test func onlyManagersSetOtherPeoplesPinsAndWeakPinsAreRefused() throws {
        let shell = try shell(newPin: "2580")
        #expect(try shell.expectRefused("staff pin 赵子涵").contains("only the admin or the service manager"))
        shell.session.pinSource = PinSource(environment: ["LANE_NEW_PIN": "1234"], askSecret: nil)
        #expect(try shell.expectRefused("staff pin").contains("too easy"))
        shell.session.pinSource = PinSource(environment: ["LANE_NEW_PIN": "12a4"], askSecret: nil)
        #expect(try shell.expectRefused("staff pin").contains("4 to 8 digits"))
    }

    @Test func strangersCannotSignIn() throws {
        let shell = try shell()
        #expect(try shell.expectRefused("login 路人甲").contains("not on the staff list"))
        #expect(shell.session.user == "薛淑芬")
    }

    @Test func weakPinRules() {
        #expect(StaffPin.problem("2580") == nil)
        #expect(StaffPin.problem("111111") != nil)
        #expect(StaffPin.problem("9876") != nil)
        #expect(StaffPin.problem("123") != nil)
        #expect(StaffPin.problem("123456789") != nil)
    }
}
