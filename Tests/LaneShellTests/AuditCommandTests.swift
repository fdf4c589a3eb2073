import LaneTesting
import Testing
@testable import LaneShell

@Suite struct AuditCommandTests {
    @Test func everyChangeIsAuditedAsTypedAndRefusalsAreNot() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.expectOK("set user 顾静")
        try shell.expectOK("ro complaint --text 刹车异响")
        try shell.expectRefused("ro complaint --text ' '")
        try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        try shell.expectOK("set user 姚雪") // the service manager reads the trail
        let trail = try shell.expectOK("audit show --entity RO-20261123-0001")
        #expect(trail.contains("ro open 粤B27DP2"))
        #expect(trail.contains("顾静"))
        #expect(trail.contains("service_advisor"))
        #expect(trail.contains("ro complaint --text 刹车异响"))
        #expect(trail.split(separator: "\n").count == 4) // header, rule, two rows: the refusal left none
        #expect(try shell.expectOK("audit show --entity C0037").contains("customer add"))
        #expect(try shell.expectOK("audit show --user 顾静 --day 2026-11-23").contains("刹车异响"))
        #expect(try shell.expectOK("audit show --user 顾静 --day 2026-11-22").contains("no changes recorded"))
        #expect(try shell.expectOK("audit verify").contains("the audit trail is intact: 4 rows")) // seed load, open, complaint, add
    }

    @Test func verifyReportsTampering() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        try shell.store.unsafeExecute("DROP TRIGGER audit_log_no_update")
        try shell.store.unsafeExecute("UPDATE audit_log SET user = '无名氏' WHERE seq = 2")
        try shell.expectOK("set user 姚雪")
        let err = try shell.expectRefused("audit verify")
        #expect(err.contains("the audit trail has been tampered with"))
        #expect(err.contains("row 2"))
    }

    @Test func aCheckpointKeptElsewhereFindsRemovedRows() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        let out = try shell.expectOK("audit anchor")
        let line = try #require(out.split(separator: "\n").first { $0.hasPrefix("lane-audit ") }.map(String.init))
        let verified = try shell.expectOK("audit verify")
        #expect(verified.contains("signed with this store's key"))
        #expect(verified.contains("the newest checkpoint (row 2) matches"))
        // Someone with the file removes the newest rows and the stored checkpoints.
        try shell.store.unsafeExecute("DROP TRIGGER audit_log_no_delete")
        try shell.store.unsafeExecute("DROP TRIGGER audit_anchor_no_delete")
        try shell.store.unsafeExecute("DELETE FROM audit_log WHERE seq >= 2")
        try shell.store.unsafeExecute("DELETE FROM audit_anchor")
        #expect(try shell.expectOK("audit verify").contains("no checkpoint yet"))
        let codes = try shell.expectRefusalCodes("audit verify --checkpoint '\(line)'")
        #expect(codes == ["audit.tampered", "audit.checkpoint_broken"])
    }

    @Test func onlyManagersTakeCheckpointsAndARefusalStoresNone() throws {
        let shell = try TestShell(user: "夏勇", seeded: true)
        #expect(try shell.expectRefusalCodes("audit anchor") == ["access.role_may_not", "access.needs_one_of"])
        #expect(try shell.store.read { try $0.auditAnchors() }.isEmpty)
    }
}
