import Testing
import LaneCore
import LaneTesting
import LaneShell

/// A store file is one store: the group's commands say so there; the group's
/// reader changes nothing and reads the store's report. (On a server:
/// LanePostgresTests' PostgresGroupTests.)
@Suite struct GroupCommandTests {
    @Test func aStoreFileIsOneStore() throws {
        let shell = try TestShell(user: "集团王", role: .groupReader)
        #expect(try shell.expectRefusalCodes("store list") == ["group.cannot_list", "group.one_store_file"])
        #expect(try shell.expectRefusalCodes("report kpi --stores all") == ["group.cannot_read", "group.one_store_file"])
    }

    @Test func theGroupsReaderReadsReportsAndChangesNothing() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        _ = try shell.store.write { try $0.insertStaff(name: "集团王", role: .groupReader, team: nil, phone: nil) }
        shell.session.user = "集团王"
        for line in ["customer add --name 王小明 --phone 13800138000", "ro open 粤B27DP2", "store set store.code XX", "campaign add x",
                     "appt book 粤B27DP2 --at 2026-11-25T14:00", "ro pay --method cash --amount 1", "followup record x", "audit verify"] {
            #expect(try shell.expectRefusalCodes(line).contains("access.role_may_not"), "\(line)")
        }
        let report = try shell.expectOK("report kpi --month 2026-11")
        #expect(!report.isEmpty)
        try shell.expectOK("customer list")
        // Contacts masked for the group's reader, as for the workshop.
        #expect(!Privacy(role: .groupReader).showsContacts)
    }
}
