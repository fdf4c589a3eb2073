import LaneCore
import LaneTesting
import Testing
@testable import LaneShell

/// X6: every role against every command.
@Suite struct PermissionTests {
    @Test func everyCommandDeclaresItsRoles() throws {
        let registry = try Launcher.builtinRegistry()
        let missing = registry.allSpecs.map(\.name).filter { CommandPermissions.roles(for: $0) == nil }
        #expect(missing.isEmpty, "no roles for \(missing)")
    }

    @Test(arguments: StaffRole.allCases)
    func X6_eachRoleMayRunExactlyItsCommands(_ role: StaffRole) throws {
        let shell = try TestShell(user: "测试\(role.title)", role: role)
        for spec in shell.session.registry.allSpecs where spec.name != "quit" {
            let allowed = CommandPermissions.roles(for: spec.name)?.contains(role) == true
            let outcome = shell.run(spec.name)
            let refusedForRole = outcome.err.contains("may not run \(spec.name)")
            #expect(refusedForRole == !allowed, "\(role.rawValue) × \(spec.name): \(outcome.err)")
            if refusedForRole {
                #expect(outcome.code == .refused)
                #expect(outcome.err.contains("it needs one of:"))
            }
        }
    }

    @Test func theRolesNamedByTheProcessDoTheirSteps() {
        func may(_ role: StaffRole, _ command: String) -> Bool { CommandPermissions.roles(for: command)?.contains(role) == true }
        #expect(may(.qcInspector, "ro check") && !may(.qcInspector, "ro pay"))
        #expect(may(.cashier, "ro pay") && !may(.cashier, "ro check") && !may(.cashier, "ro dispatch"))
        #expect(may(.workshopForeman, "ro dispatch") && !may(.serviceAdvisor, "ro dispatch"))
        #expect(may(.technician, "ro clock-on") && !may(.technician, "ro sign") && !may(.technician, "ro approve"))
        #expect(may(.partsManager, "ro issue") && !may(.partsManager, "ro clock-on"))
        // The foreman may clock someone on (with a reason when outside the team, R4.3); who is clocked on is LaneCore's rule.
        #expect(may(.workshopForeman, "ro clock-on") && !may(.cashier, "ro clock-on") && !may(.qcInspector, "ro clock-on"))
        #expect(may(.customerService, "followup record") && !may(.customerService, "ro open"))
        #expect(may(.admin, "seed load") && !may(.serviceAdvisor, "seed load"))
    }

    @Test func someoneNotOnTheStaffListMayOnlyLookThingsUp() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectRefused("set user 路人甲").contains("路人甲 is not on the staff list"))
        shell.session.user = "路人甲" // as if they had got in anyway: the permission check still holds
        #expect(try shell.expectRefused("customer add --name 王小明 --phone 13800138000").contains("路人甲 is not on the staff list"))
        try shell.expectOK("customer find 欧阳")
    }

    @Test func rolesPrintsTheMatrix() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("roles --changes")
        #expect(out.contains("质检员"))
        let payRow = try #require(out.split(separator: "\n").first { $0.hasPrefix("ro pay ") })
        #expect(payRow.filter { $0 == "✓" }.count == 3) // cashier, service manager, admin
        #expect(!out.contains("customer find")) // lookups are open to all
    }
}
