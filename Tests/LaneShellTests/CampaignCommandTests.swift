import LaneTesting
import Testing
@testable import LaneShell

/// Campaigns are started by the service manager (姚雪).
@Suite struct CampaignCommandTests {
    @Test func R1_6_upgradeInvitesEligibleVehiclesByModel() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        let out = try shell.expectOK("campaign add UPG-2026-07 --kind upgrade --title BMS软件升级 --models '星河 EV6;星河 EV9'")
        #expect(out.contains("vehicles eligible"))
        let due = try shell.expectOK("remind due --kind upgrade")
        #expect(due.contains("upgrade"))
        #expect(!due.contains("R1.6")) // the rule is for scripts (JSON, CSV), not the table
        #expect(due.contains("technical upgrade UPG-2026-07"))
        #expect(!due.contains("星河 S5"))
        let plate = try #require(due.split(separator: "\n").dropFirst(2).first?.split(separator: " ").dropFirst(2).first.map(String.init))
        try shell.expectOK("remind log \(plate) upgrade --outcome booked")
        #expect(!(try shell.expectOK("remind due --kind upgrade")).contains(plate))
        #expect(try shell.expectOK("campaign show UPG-2026-07").contains("booked"))
        #expect(try shell.expectOK("remind register --kind upgrade").contains("UPG-2026-07"))
    }

    @Test func R1_5_campaignForAllVehiclesWithinItsDates() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("campaign add WINTER-2026 --kind campaign --title 冬季免费检测 --from 2026-12-01 --until 2026-12-31")
        #expect(try shell.expectOK("remind due --kind campaign").contains("nobody to call"))
        #expect(try shell.expectOK("remind due --kind campaign --on 2026-12-05").contains("冬季免费检测"))
        #expect(try shell.expectOK("campaign list").contains("WINTER-2026"))
    }

    @Test func R1_6_openingARepairOrderShowsAnOpenUpgrade() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("campaign add UPG-ALL --kind upgrade --title 车机升级")
        #expect(try shell.expectOK("ro open 粤B27DP2").contains("note: technical upgrade UPG-ALL 车机升级 is open for this vehicle"))
    }

    @Test func campaignRefusals() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        let err = try shell.expectRefused("campaign add X --kind first_service --title ' ' --from 2026-12-10 --until 2026-12-01")
        #expect(err.contains("kind"))
        #expect(err.contains("title"))
        #expect(err.contains("ends before it starts"))
        try shell.expectOK("campaign add X --kind campaign --title 检测")
        #expect(try shell.expectRefused("campaign add x --kind campaign --title 检测").contains("X already exists"))
        #expect(try shell.expectRefused("campaign show NOPE").contains("there is no campaign NOPE"))
    }
}

@Suite struct ProgressTests {
    @Test func R4_5_progressChangeIsRecordedWithANewPromise() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay(upTo: "ro clock-off") { try shell.expectOK(line) } // clocked on
        let out = try shell.expectOK("ro progress --note 发现刹车盘磨损，等待客户确认 --promise 15:00")
        #expect(out.contains("now promised for 2026-11-23 15:00"))
        #expect(try shell.expectOK("ro timeline").contains("发现刹车盘磨损"))
        #expect(try shell.expectRefused("ro progress --note ' ' --promise later").contains("say what changed"))
    }
}
