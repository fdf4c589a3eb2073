import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// Issue 11, R4.3, R4.6, X6: who may be clocked on and who may sign each
/// check, per person (role and team from the staff list), whatever the
/// command's permission. The demo dealership: 粤B27DP2's 5000 km service
/// dispatched to 机电一组 (leader 程国栋; technicians 夏勇, 许思远, 吕颖).
@Suite struct SignOffDeskTests {
    /// One order through the desk, each step run by a named member of staff.
    struct Visit {
        let shell: TestShell
        let desk: RepairOrderDesk
        let number: String

        func caller(_ user: String, _ role: StaffRole) throws -> Caller { try RepairOrderDeskTests.caller(shell, user, role) }

        @discardableResult
        func step(_ s: RepairOrderAction.Step, _ user: String, _ role: StaffRole) throws -> StepDone<StepOutcome> {
            try desk.perform(RepairOrderAction(s), order: number, by: try caller(user, role)).value
        }

        /// The codes of the refusal, proving nothing was stored.
        func refused(_ s: RepairOrderAction.Step, _ user: String, _ role: StaffRole,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
            let before = try shell.store.snapshot()
            do {
                try step(s, user, role)
                Issue.record("\(user) was not refused", sourceLocation: sourceLocation)
                return []
            } catch let r as Refusal {
                #expect(try shell.store.snapshot() == before, "a refusal stored something", sourceLocation: sourceLocation)
                return r.codes.map(\.rawValue)
            }
        }

        func timeline() throws -> [TimelineEvent] {
            try shell.store.read { try RepairOrderDesk.timeline(number, $0).events }
        }
    }

    /// Signed, handed over and dispatched to 机电一组.
    static func dispatched() throws -> Visit {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        let advisor = try RepairOrderDeskTests.caller(shell)
        let number = try desk.open(vehicle: "粤B27DP2", by: advisor).value.number
        let visit = Visit(shell: shell, desk: desk, number: number)
        for s: RepairOrderAction.Step in [
            .complaint(text: "保养"),
            .checkIn(CheckInSheet(mileage: 19_100, fuelEighths: 4, coversFitted: true, damage: "无", valuables: "无", equipment: "")),
            .warranty(.notCovered), .documents,
            .addLabor(code: "MNT-5K", hours: nil, terms: LineTerms(payer: nil, recommended: false, safety: false)),
            .promise(at: nil), .sign(payment: .cash, oldParts: .leave, wash: false, signedBy: "卢文博"), .handover,
        ] {
            try visit.step(s, "薛淑芬", .serviceAdvisor)
        }
        try visit.step(.dispatch(team: "机电一组"), "何子涵", .workshopForeman)
        return visit
    }

    /// 夏勇 did the work and his self-check; the leader check waits.
    static func selfChecked() throws -> Visit {
        let visit = try dispatched()
        try visit.step(.clockOn(line: 1, technician: "夏勇"), "夏勇", .technician)
        try visit.step(.clockOff(line: 1, finished: true), "夏勇", .technician)
        try visit.step(.check(.selfCheck, passed: true, note: ""), "夏勇", .technician)
        return visit
    }

    /// 程国栋 did the leader check; final QC waits.
    static func leaderChecked() throws -> Visit {
        let visit = try selfChecked()
        try visit.step(.check(.leader, passed: true, note: "正常"), "程国栋", .teamLeader)
        return visit
    }

    // MARK: Clock-on (R4.3)

    @Test func R4_3_aTechnicianOfAnotherTeamCannotClockOn() throws {
        let visit = try Self.dispatched()
        #expect(try visit.refused(.clockOn(line: 1, technician: "叶丽华"), "叶丽华", .technician)
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team"])
        // The body shop's technician neither: 钣喷组 is not the team of this mechanical job.
        #expect(try visit.refused(.clockOn(line: 1, technician: "萧春梅"), "萧春梅", .technician)
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team"])
    }

    @Test func R4_3_aCashierOrAQCInspectorCannotBeClockedOn() throws {
        let visit = try Self.dispatched()
        for name in ["莫霞", "赵子涵"] {
            #expect(try visit.refused(.clockOn(line: 1, technician: name), "程国栋", .teamLeader)
                == ["repair_order.cannot.clock-on", "repair_order.clock_on_not_workshop"], "\(name)")
        }
        // Nor the service manager, who may run the command.
        #expect(try visit.refused(.clockOn(line: 1, technician: "姚雪"), "姚雪", .serviceManager)
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_not_workshop"])
        // The team's own technician may.
        try visit.step(.clockOn(line: 1, technician: "许思远"), "许思远", .technician)
    }

    @Test func R4_3_theForemanOverridesWithAReasonAndItIsRecorded() throws {
        let visit = try Self.dispatched()
        // Without a reason; by a team leader; for a cashier: refused, nothing stored.
        #expect(try visit.refused(.clockOn(line: 1, technician: "叶丽华", overrideReason: " "), "何子涵", .workshopForeman)
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team", "repair_order.override_reason_needed"])
        #expect(try visit.refused(.clockOn(line: 1, technician: "叶丽华", overrideReason: "一组人手不足"), "程国栋", .teamLeader)
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team", "repair_order.override_not_allowed"])
        #expect(try visit.refused(.clockOn(line: 1, technician: "莫霞", overrideReason: "一组人手不足"), "何子涵", .workshopForeman)
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_not_workshop"])
        let done = try visit.step(.clockOn(line: 1, technician: "叶丽华", overrideReason: "一组人手不足，二组支援"), "何子涵", .workshopForeman)
        #expect(done.value.said.code == "repair_order.did.clock_on_override")
        #expect(done.value.override?.by == "何子涵" && done.value.override?.reason == "一组人手不足，二组支援")
        #expect(done.order.lines[0].clockedOnBy == "叶丽华" && done.status == .inProgress)
        let row = try #require(try visit.timeline().last)
        #expect(row.kind == "clock-on" && row.by == "何子涵")
        #expect(row.detail.contains("叶丽华") && row.detail.contains("一组人手不足，二组支援"))
        // She worked on it: she signs the self-check; the leader of the dispatched team the leader check.
        try visit.step(.clockOff(line: 1, finished: true), "叶丽华", .technician)
        try visit.step(.check(.selfCheck, passed: true, note: ""), "叶丽华", .technician)
        #expect(try visit.step(.check(.leader, passed: true, note: "支援作业已复查"), "程国栋", .teamLeader).status == .leaderChecked)
    }

    @Test func R4_3_anOverrideNotNeededIsNotRecordedAsOne() throws {
        let visit = try Self.dispatched()
        let done = try visit.step(.clockOn(line: 1, technician: "夏勇", overrideReason: "顺手"), "何子涵", .workshopForeman)
        #expect(done.value.said.code == "repair_order.did.clock_on")
        #expect(done.value.warnings.map(\.code) == ["repair_order.override_not_needed"])
        #expect(done.value.override == nil)
    }

    // MARK: The three checks (R4.6)

    @Test func R4_6_aTechnicianWhoDidNotWorkCannotSelfCheck() throws {
        let visit = try Self.dispatched()
        try visit.step(.clockOn(line: 1, technician: "夏勇"), "夏勇", .technician)
        try visit.step(.clockOff(line: 1, finished: true), "夏勇", .technician)
        #expect(try visit.refused(.check(.selfCheck, passed: true, note: ""), "许思远", .technician)
            == ["repair_order.cannot_record_check", "repair_order.self_check_not_worked"])
        // The service manager may run the command; the rule still holds for them.
        #expect(try visit.refused(.check(.selfCheck, passed: true, note: ""), "姚雪", .serviceManager)
            == ["repair_order.cannot_record_check", "repair_order.self_check_not_technician", "repair_order.self_check_not_worked"])
        #expect(try visit.step(.check(.selfCheck, passed: true, note: ""), "夏勇", .technician).status == .selfChecked)
    }

    @Test func R4_6_aTechnicianCannotDoTheLeaderCheck() throws {
        let visit = try Self.selfChecked()
        #expect(try visit.refused(.check(.leader, passed: true, note: "正常"), "夏勇", .technician)
            == ["repair_order.cannot_record_check", "repair_order.leader_check_not_leader"])
        // Another team's leader does not check 机电一组's work.
        #expect(try visit.refused(.check(.leader, passed: true, note: "正常"), "江静", .teamLeader)
            == ["repair_order.cannot_record_check", "repair_order.leader_check_other_team"])
        #expect(try visit.step(.check(.leader, passed: true, note: "正常"), "程国栋", .teamLeader).status == .leaderChecked)
    }

    @Test func R4_6_theLeaderWhoCheckedCannotDoFinalQC() throws {
        let visit = try Self.leaderChecked()
        #expect(try visit.refused(.check(.final, passed: true, note: ""), "程国栋", .teamLeader)
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector", "repair_order.final_qc_checked_before"])
        // The technician on the job: not an inspector, did the self-check, worked on it.
        #expect(try visit.refused(.check(.final, passed: true, note: ""), "夏勇", .technician)
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector", "repair_order.final_qc_checked_before",
                "repair_order.own_work_final_qc"])
        #expect(try visit.refused(.check(.final, passed: true, note: ""), "姚雪", .serviceManager)
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector"])
        // The technical director may, as the QC inspector may.
        #expect(try visit.step(.check(.final, passed: true, note: ""), "任雪", .technicalDirector).status == .qcPassed)
    }

    @Test func R4_6_afterAFailedFinalQCSelfCheckWaitsUntilTheWorkIsDoneAgain() throws {
        let visit = try Self.leaderChecked()
        let failed = try visit.step(.check(.final, passed: false, note: "机油液位偏高"), "赵子涵", .qcInspector)
        #expect(failed.status == .inProgress)
        #expect(failed.order.lines.filter { $0.kind == .labor }.allSatisfy { !$0.done })
        #expect(try visit.refused(.check(.selfCheck, passed: true, note: ""), "夏勇", .technician)
            == ["repair_order.cannot_record_check", "repair_order.blocked.rework"])
        // Clocked on and off again: the self-check, then all three checks again.
        try visit.step(.clockOn(line: 1, technician: "夏勇"), "夏勇", .technician)
        try visit.step(.clockOff(line: 1, finished: true), "夏勇", .technician)
        try visit.step(.check(.selfCheck, passed: true, note: ""), "夏勇", .technician)
        try visit.step(.check(.leader, passed: true, note: "已复查"), "程国栋", .teamLeader)
        #expect(try visit.step(.check(.final, passed: true, note: ""), "赵子涵", .qcInspector).status == .qcPassed)
    }
}
