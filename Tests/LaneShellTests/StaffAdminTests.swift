import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell
@testable import ServiceDepartment

/// `staff add` and `staff leave`: the admin keeps the staff list by command;
/// every refusal stores nothing; each change is audited and its row sealed.
@Suite struct StaffAdminTests {
    func shell() throws -> TestShell {
        let shell = try TestShell(user: "admin", seeded: true)
        shell.session.pinSource = PinSource(environment: [:], askSecret: nil)
        return shell
    }

    @Test func theAdminAddsATechnicianWhoIsAuditedSealedAndSignsIn() throws {
        let shell = try shell()
        #expect(try shell.expectOK("staff add 孙伟 --role technician --team 机电一组").contains("孙伟 is on the staff list as"))
        let member = try #require(try shell.store.read { try $0.staffMember(named: "孙伟") })
        #expect(member.role == .technician && member.team == "机电一组" && member.leftAt == nil)
        #expect(try shell.expectOK("audit show --entity 孙伟").contains("staff add"))
        let seal = try shell.store.read { try $0.seals(kind: "staff")["孙伟"] }
        #expect(seal != nil, "the new member's row is sealed with the store's key")
        #expect(try shell.expectOK("store check").contains("sound"))
        try shell.expectOK("login 孙伟")
        #expect(shell.session.user == "孙伟")
    }

    @Test func aDuplicateNameAnUnknownRoleAMissingTeamAndANonAdminAreRefusedStoringNothing() throws {
        let shell = try shell()
        #expect(try shell.expectRefusalCodes("staff add 夏勇 --role technician --team 机电一组") == ["staff.cannot_add", "staff.already_on_list"])
        #expect(try shell.expectRefusalCodes("staff add 孙伟 --role mechanic") == ["staff.cannot_add", "input.not_a_role"])
        #expect(try shell.expectRefusalCodes("staff add 孙伟 --role technician") == ["staff.cannot_add", "import.belongs_to_team"])
        #expect(try shell.expectRefusalCodes("staff add 孙伟 --role technician --team 不存在组") == ["staff.cannot_add", "import.no_such_team"])
        // Every unmet condition at once.
        #expect(try shell.expectRefusalCodes("staff add 夏勇 --role mechanic") == ["staff.cannot_add", "staff.already_on_list", "input.not_a_role"])
        // Escape codes in a name never reach the list (refused at input); a name that is not a person's is refused.
        #expect(try shell.expectRefused("staff add '孙\u{1B}[2J伟' --role cashier", code: .usage).contains("control character"))
        #expect(try shell.expectRefusalCodes("staff add '孙#伟' --role cashier") == ["staff.cannot_add", "name.bad_character"])
        // The service manager runs everything else, but not the staff list; the refusal names the admin alone.
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectRefusalCodes("staff add 孙伟 --role cashier") == ["access.role_may_not", "access.needs_one_of"])
        #expect(try shell.expectRefusalCodes("staff leave 夏勇") == ["access.role_may_not", "access.needs_one_of"])
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("staff add 孙伟 --role cashier") == ["access.role_may_not", "access.needs_one_of"])
        let said = try shell.expectRefused("staff add 孙伟 --role cashier")
        #expect(said.contains("admin") && !said.contains("service_manager"))
        #expect(try shell.store.read { try $0.staffMember(named: "孙伟") } == nil)
    }

    @Test func someoneWhoLeftCannotSignInAndTheirHistoryStays() throws {
        let shell = try shell()
        shell.session.pinSource = PinSource(environment: ["LANE_NEW_PIN": "2580"], askSecret: nil)
        try shell.expectOK("staff pin 夏勇")
        let before = try shell.expectOK("audit show --user admin")
        #expect(try shell.expectOK("staff leave 夏勇").contains("夏勇 has left the store"))
        let member = try #require(try shell.store.read { try $0.staffMember(named: "夏勇") })
        #expect(member.leftAt == TestShell.demoNow, "the row stays, with the day they left")
        #expect(try shell.expectOK("audit show --entity 夏勇").contains("staff leave"))
        #expect(try shell.expectOK("audit show --user admin").count > before.count)
        #expect(try shell.expectOK("store check").contains("sound"), "their row is sealed anew with the day they left")
        #expect(try shell.expectOK("staff list --role technician").contains("夏勇"))
        // Signing in is refused, PIN or not; nothing is written (no wrong try counted).
        shell.session.pinSource = PinSource(environment: ["LANE_PIN": "2580"], askSecret: nil)
        #expect(try shell.expectRefusalCodes("login 夏勇") == ["sign_in.refused", "sign_in.has_left"])
        // A shell already set to them changes nothing more: they are no longer on the staff list.
        #expect(try shell.expectRefusalCodes("set user 夏勇") == ["sign_in.refused", "sign_in.has_left"])
        shell.session.user = "夏勇"
        #expect(try shell.expectRefusalCodes("ro open 粤B27DP2").first == "access.not_on_staff_list")
        shell.session.user = "admin"
        // Refusals: twice, someone not on the list, the admin themself.
        #expect(try shell.expectRefusalCodes("staff leave 夏勇") == ["staff.cannot_leave", "staff.already_left"])
        #expect(try shell.expectRefusalCodes("staff leave 无此人") == ["staff.cannot_leave", "sign_in.not_on_staff_list"])
        #expect(try shell.expectRefusalCodes("staff leave admin") == ["staff.cannot_leave", "staff.cannot_leave_yourself"])
        // The name stays taken: adding them again is refused.
        #expect(try shell.expectRefusalCodes("staff add 夏勇 --role technician --team 机电一组") == ["staff.cannot_add", "staff.already_on_list"])
    }

    @Test func aLeftRowChangedOutsideLaneIsFoundByStoreCheck() throws {
        let shell = try shell()
        try shell.expectOK("staff leave 夏勇")
        // Someone with sqlite3 gives them back their sign-in: the seal no longer holds.
        try shell.store.unsafeExecute("UPDATE staff SET left_at = NULL WHERE name = '夏勇'")
        #expect(try shell.expectRefusalCodes("store check").first == "seal.changed_outside")
    }
}
