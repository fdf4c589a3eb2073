import Testing
import LaneCore
import LaneTesting
@testable import ServiceDepartment

/// The store's settings and imports through the application layer itself.
@Suite struct SetupDeskTests {
    let shell: TestShell
    init() throws { shell = try TestShell(seeded: true) }

    func manager() throws -> Caller {
        Caller(user: "姚雪", role: .serviceManager, now: TestShell.demoNow, settings: try shell.session.settings(), request: "desk test")
    }

    @Test func storeSetSavesThroughTheDeskAndIsAudited() throws {
        let done = try SetupDesk(shell.session.department).set(SettingRequest(key: "workshop.bays", value: "10"), by: try manager())
        #expect(done.value.before == "8")
        #expect(done.value.after == "10")
        #expect(try shell.store.read { try $0.settings() }.bays == 10)
        #expect(try shell.store.read { try $0.auditEntries(ref: "workshop.bays", user: "姚雪", from: nil, to: nil, limit: 10) }.count == 1)
    }

    @Test func anUnknownSettingIsRefusedWithWhatWasMeant() throws {
        do {
            _ = try SetupDesk(shell.session.department).set(SettingRequest(key: "bays", value: "10"), by: try manager())
            Issue.record("bays is not a setting")
        } catch let r as Refusal {
            #expect(r.codes == ["store.cannot_set", "store.not_a_setting_meant"])
            #expect(r.problems.first?.said.arguments["meant"] == .text("workshop.bays"))
        }
    }

    @Test func anImportWithABadRowNamesItsLineAndStoresNothing() throws {
        let table = ImportTable(name: "c.csv", header: ["code", "name", "phone"], rows: [
            ImportTable.Row(line: 2, fields: ["C0101", "王小明", "13800138000"]),
            ImportTable.Row(line: 3, fields: ["C0001", "李四", "1234"]),
        ])
        let before = try shell.store.snapshot()
        do {
            _ = try SetupDesk(shell.session.department).importTable(.customers, table, by: try manager())
            Issue.record("line 3 is wrong")
        } catch let r as Refusal {
            #expect(r.codes == ["import.nothing_imported", "import.already_a_customer", "phone.not_mobile"])
            #expect(r.problems.map(\.field) == ["c.csv line 3 code", "c.csv line 3 phone"])
        }
        #expect(try shell.store.snapshot() == before)
        let good = ImportTable(name: "c.csv", header: ["Name", "Phone"], rows: [ImportTable.Row(line: 2, fields: ["王小明", "13800138000"])])
        let done = try SetupDesk(shell.session.department).importTable(.customers, good, by: try manager())
        #expect(done.value.rows == 1)
        #expect(done.value.message.description == "imported 1 customers from c.csv")
    }
}
