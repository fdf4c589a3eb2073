import LaneCore
import LaneShell
import LaneStore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// Dispatch by skill and comebacks through the repair-order desk, as a second
/// front end would call it: typed results, message codes, nothing stored on a refusal.
@Suite struct WorkshopDeskTests {
    static let closedVisit = [
        "ro open 粤B27DP2", "ro complaint --text 刹车异响", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty not_covered",
        "ro documents", "ro labor MNT-5K", "ro labor BRK-PAD-F --recommended --safety", "ro decline 2", "ro promise",
        "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博", "ro handover", "set user 何子涵", "ro dispatch --team 机电一组",
        "set user 夏勇", "ro clock-on 1 --tech 夏勇", "ro clock-off 1 --finished", "ro check self --pass", "set user 程国栋",
        "ro check leader --pass --note 正常", "set user 赵子涵", "ro check final --pass", "set user 薛淑芬", "ro delivery-check",
        "ro notify --at 12:00", "ro deliver --next-date 2027-05-23 --next-km 24100 --call-time 工作日上午",
        "ro settle --signed-by 卢文博 --declined-signed", "set user 莫霞", "ro pay --method cash --amount 253.12 --invoice 1", "set user 薛淑芬",
    ]

    @Test func aComebackIsOfferedAtOpeningAndLinkedWithTypedResults() throws {
        let shell = try TestShell(seeded: true)
        for line in Self.closedVisit { try shell.expectOK(line) }
        let desk = RepairOrderDesk(shell.session.department)
        let later = TestShell.demoNow.adding(seconds: 3 * 86_400)
        let advisor = try RepairOrderDeskTests.caller(shell, at: later)
        let opened = try desk.open(vehicle: "粤B27DP2", by: advisor).value
        #expect(opened.comebackCandidates.map(\.number) == ["RO-20261123-0001"])
        #expect(opened.comebackCandidates.first?.daysAgo == 3)
        #expect(opened.declinedBefore.map(\.code) == ["BRK-PAD-F"])
        #expect(opened.notes.map(\.code) == ["workshop.possible_comeback", "workshop.declined_before"])
        let before = try shell.store.snapshot()
        let wrong = RepairOrderDeskTests().refusal {
            _ = try desk.perform(RepairOrderAction(.comeback(earlier: opened.number)), order: opened.number, by: advisor)
        }
        #expect(wrong?.codes == ["repair_order.cannot.comeback", "workshop.comeback_of_itself"])
        #expect(try shell.store.snapshot() == before)
        let linked = try desk.perform(RepairOrderAction(.comeback(earlier: "ro-20261123-0001")), order: opened.number, by: advisor).value
        #expect(linked.order.comebackOf == "RO-20261123-0001")
        #expect(linked.value.said.code == "workshop.did.comeback")
        #expect(try shell.store.read { try $0.repairOrderNumbers(comebackOf: "RO-20261123-0001") } == [opened.number])
    }

    @Test func dispatchWithoutTheSkillIsRefusedUnlessTheForemanOverrides() throws {
        let shell = try TestShell(seeded: true)
        for line in Self.closedVisit.prefix(11) { try shell.expectOK(line) }
        let desk = RepairOrderDesk(shell.session.department)
        let foreman = try RepairOrderDeskTests.caller(shell, "何子涵", .workshopForeman)
        let before = try shell.store.snapshot()
        let refused = RepairOrderDeskTests().refusal {
            _ = try desk.perform(RepairOrderAction(.dispatch(team: "钣喷组")), order: "RO-20261123-0001", by: foreman)
        }
        #expect(refused?.codes == ["repair_order.cannot.dispatch", "workshop.team_lacks_skill"])
        #expect(try shell.store.snapshot() == before)
        let done = try desk.perform(RepairOrderAction(.dispatch(team: "钣喷组", overrideReason: "机电组满负荷")), order: "RO-20261123-0001",
                                    by: foreman).value
        #expect(done.order.team == "钣喷组" && done.status == .dispatched)
        #expect(done.value.override?.by == "何子涵" && done.value.override?.reason == "机电组满负荷")
        let audit = try shell.store.read { try $0.auditEntries(ref: "RO-20261123-0001", user: "何子涵", from: nil, to: nil, limit: 5) }
        #expect(audit.contains { $0.summary.contains("机电组满负荷") })
    }
}
