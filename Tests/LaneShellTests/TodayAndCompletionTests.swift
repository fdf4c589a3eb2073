import LaneTesting
import Testing
@testable import LaneShell

@Suite struct TodayTests {
    @Test func advisorSeesTheirAppointmentsAndOrders() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("appt book 粤BD92702 --at 15:00 --job 保养")
        try shell.expectOK("ro open 粤B27DP2")
        let out = try shell.expectOK("today")
        #expect(out.contains("薛淑芬 (服务顾问)"))
        #expect(out.contains("AP-20261123-001"))
        #expect(out.contains("RO-20261123-0001"))
        #expect(out.contains("ro why-not RO-20261123-0001 sign"))
    }

    @Test func eachRoleSeesItsStep() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "set user 何子涵") { try shell.expectOK(line) } // signed and handed over
        try shell.expectOK("set user 何子涵")
        #expect(try shell.expectOK("today").contains("ro dispatch"))
        try shell.expectOK("ro dispatch --team 机电一组")
        try shell.expectOK("set user 程国栋")
        #expect(try shell.expectOK("today").contains("RO-20261123-0001"))
        try shell.expectOK("set user 白健") // another team
        #expect(!(try shell.expectOK("today")).contains("RO-20261123-0001"))
        try shell.expectOK("set user 蒋芳")
        let service = try shell.expectOK("today")
        #expect(service.contains("reminder calls"))
        #expect(service.contains("call to win the customer back"))
        #expect(!service.contains("R1.3"))
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectOK("today").contains("settled, waiting for payment"))
    }
}

@Suite struct CompletionTests {
    func complete(_ shell: TestShell, _ line: String) -> [String] {
        Completer(session: shell.session).candidates(forLineBeforeCursor: line)
    }

    @Test func completesNounsVerbsAndOptionsFromTheSpecs() throws {
        let shell = try TestShell(seeded: true)
        #expect(complete(shell, "cust") == ["customer"])
        #expect(complete(shell, "ro de").contains("decline"))
        #expect(complete(shell, "ro de").contains("delivery-check"))
        #expect(complete(shell, "appt book 粤B27DP2 --acc") == ["--accept-peak"])
    }

    @Test func completesLiveReferences() throws {
        let shell = try TestShell(seeded: true)
        #expect(complete(shell, "vehicle show 粤B27") == ["粤B27DP2"])
        #expect(complete(shell, "customer show 卢文").contains("卢文博"))
        #expect(complete(shell, "ro labor RO-1 BRK-PAD").contains("BRK-PAD-F"))
        #expect(complete(shell, "ro part RO-1 XH-4502").contains("XH-45022-0011"))
        try shell.expectOK("ro open 粤B27DP2")
        #expect(complete(shell, "ro show RO-2026") == ["RO-20261123-0001"])
        #expect(complete(shell, "use RO-") == ["RO-20261123-0001"])
        try shell.expectOK("appt book 粤BD92702 --at 15:00 --job 保养")
        #expect(complete(shell, "appt show AP-") == ["AP-20261123-001"])
        #expect(complete(shell, "ro check ").contains("final"))
    }
}
