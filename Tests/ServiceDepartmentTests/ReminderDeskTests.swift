import LaneCore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// The reminder and campaign desks called directly, on the demo dealership on 2026-11-23.
@Suite struct ReminderDeskTests {
    static func caller(_ shell: TestShell, _ user: String = "顾静", _ role: StaffRole = .customerService) throws -> Caller {
        Caller(user: user, role: role, now: TestShell.demoNow, settings: try shell.session.settings(), request: "remind (test)")
    }

    @Test func theDueListNamesEachCallWithItsCustomer() throws {
        let shell = try TestShell(seeded: true)
        let calls = try ReminderDesk(shell.session.department).due(DueRequest(kind: .lostCustomer), by: try Self.caller(shell))
        #expect(calls.count == 5)
        #expect(calls.allSatisfy { $0.item.reminder.kind == .lostCustomer && $0.customerName != nil })
        #expect(calls.map(\.item.reminder.dueOn) == calls.map(\.item.reminder.dueOn).sorted())
        // X4: a technician sees masked phones.
        let masked = try ReminderDesk(shell.session.department).due(DueRequest(kind: .lostCustomer), by: try Self.caller(shell, "夏勇", .technician))
        #expect(masked.allSatisfy { $0.phone.contains("****") })
    }

    @Test func aLoggedCallLeavesTheListOrIsRefusedWithCodes() throws {
        let shell = try TestShell(seeded: true)
        let desk = ReminderDesk(shell.session.department)
        let caller = try Self.caller(shell)
        let before = try shell.store.snapshot()
        let declined = CallLogRequest(vehicle: "粤A8LP59", kind: .lostCustomer, outcome: .declined)
        let refusal = try #require(throws: Refusal.self) { try desk.log(declined, by: caller) }
        #expect(refusal.codes == ["reminder.cannot_log", "reminder.decline_reason_missing"])
        let notDue = try #require(throws: Refusal.self) {
            try desk.log(CallLogRequest(vehicle: "粤A8LP59", kind: .firstService, outcome: .booked), by: caller)
        }
        #expect(notDue.codes == ["reminder.cannot_log", "reminder.nothing_due"])
        #expect(try shell.store.snapshot() == before)

        var withReason = declined
        withReason.reason = "搬到外地"
        let logged = try desk.log(withReason, by: caller).value
        #expect(logged.message.description == "粤A8LP59 lost_customer due 2026-04-16: declined (搬到外地)")
        #expect(try !desk.due(DueRequest(kind: .lostCustomer), by: caller).contains { $0.item.vehicle.plate.value == "粤A8LP59" })
        #expect(try desk.declineReasons(by: caller).map { "\($0.kind.rawValue) \($0.reason) \($0.count)" } == ["lost_customer 搬到外地 1"])
    }

    @Test func aDelayWithAPublishedFixJoinsTheDueList() throws {
        let shell = try TestShell(seeded: true)
        let desk = ReminderDesk(shell.session.department)
        let caller = try Self.caller(shell, "薛淑芬", .serviceAdvisor)
        let bothCauses = DelayRequest(vehicle: "粤B27DP2", partNumber: "XH-51610-0001", noFix: "怠速抖动")
        #expect(try #require(throws: Refusal.self) { try desk.delay(bothCauses, by: caller) }.codes == ["reminder.cannot_delay", "reminder.delay_one_cause"])
        let delay = try desk.delay(DelayRequest(vehicle: "粤B27DP2", noFix: "怠速抖动"), by: caller).value.delay
        let published = try desk.publishFix(delay: delay.id, by: caller).value
        #expect(published.fixPublishedAt == TestShell.demoNow)
        let again = try #require(throws: Refusal.self) { try desk.publishFix(delay: 99, by: caller) }
        #expect(again.codes == ["reminder.cannot_record_fix", "reminder.no_such_delay"])
        let due = try desk.due(DueRequest(kind: .delayedDelivery), by: caller)
        #expect(due.map(\.item.delayedID) == [delay.id])
        #expect(due.first?.item.reminder.reason == "invite back: the fix is published: 怠速抖动")
    }

    @Test func aCampaignIsStartedOrRefusedWithCodes() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        let desk = CampaignDesk(shell.session.department)
        let manager = try Self.caller(shell, "姚雪", .serviceManager)
        let bad = CampaignRequest(code: "X", kind: .firstService, title: " ", startsOn: CalendarDate(parsing: "2026-12-10"),
                                  endsOn: CalendarDate(parsing: "2026-12-01"))
        let refusal = try #require(throws: Refusal.self) { try desk.start(bad, by: manager) }
        #expect(refusal.codes == ["campaign.cannot_start", "campaign.not_a_kind", "campaign.title_missing", "campaign.ends_before_start"])
        let advisor = try #require(throws: Refusal.self) {
            try desk.start(CampaignRequest(code: "UPG-1", kind: .upgrade, title: "车机升级"), by: try Self.caller(shell, "薛淑芬", .serviceAdvisor))
        }
        #expect(advisor.codes.first == "access.role_may_not")

        let started = try desk.start(CampaignRequest(code: "upg-1", kind: .upgrade, title: "车机升级"), by: manager).value
        #expect(started.campaign.code == "UPG-1")
        #expect(started.eligible > 0)
        let due = try ReminderDesk(shell.session.department).due(DueRequest(kind: .upgrade), by: manager)
        #expect(due.count == started.eligible)
        #expect(due.allSatisfy { $0.item.reference == "UPG-1" })
        #expect(try desk.list(by: manager).map(\.campaign.code) == ["UPG-1"])
        let register = try desk.register("upg-1", by: manager)
        #expect(register.rows.count == started.eligible && register.rows.allSatisfy { $0.lastCall == nil })
    }
}
