import Testing
@testable import LaneCore

/// Issue 11, R4.3, R4.6, X6: who may be clocked on and who signs each check,
/// per person: the role and team the staff list gives them, not the
/// permission to run the command. Team 一组 works the order (`RO`).
@Suite struct SignOffTests {
    static let fromTeamTwo = Signer(name: "叶技师", role: .technician, team: "二组")
    static let bodyShop = Signer(name: "萧技师", role: .technician, team: "钣喷组")
    static let leaderTwo = Signer(name: "江组长", role: .teamLeader, team: "二组")
    static let cashier = Signer(name: "莫收银", role: .cashier, team: nil)
    static let director = Signer(name: "任总监", role: .technicalDirector, team: nil)
    static let manager = Signer(name: "姚经理", role: .serviceManager, team: nil)
    static let stranger = Signer(name: "路人甲", role: nil, team: nil)

    /// The codes of the refusal `body` throws, headline first; empty when it passes.
    func codes(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let refusal as Refusal { return refusal.codes.map(\.rawValue) } catch { return ["not a refusal: \(error)"] }
        return []
    }

    // MARK: Clock-on (R4.3)

    @Test func R4_3_onlyTechniciansAndLeadersOfTheDispatchedTeamAreClockedOn() throws {
        var o = try RO.order(in: .dispatched)
        for someone in [Self.fromTeamTwo, Self.bodyShop, Self.leaderTwo] {
            #expect(codes { try o.clockOn(line: 1, technician: someone, by: someone, at: RO.at(40)) }
                == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team"], "\(someone.name)")
        }
        for someone in [Self.cashier, RO.qc, Self.manager] {
            #expect(codes { try o.clockOn(line: 1, technician: someone, by: RO.leader, at: RO.at(40)) }
                == ["repair_order.cannot.clock-on", "repair_order.clock_on_not_workshop"], "\(someone.name)")
        }
        #expect(codes { try o.clockOn(line: 1, technician: Self.stranger, by: RO.leader, at: RO.at(40)) }
            == ["repair_order.cannot.clock-on", "repair_order.no_such_staff"])
        #expect(o.status == .dispatched && o.technicians.isEmpty)
        // The team's leader works too; whoever clocks them on.
        try o.clockOn(line: 1, technician: RO.leader, by: RO.foreman, at: RO.at(40))
        #expect(o.technicians == ["李组长"])
    }

    @Test func R4_3_theForemanOverridesWithAReasonForATechnicianOnly() throws {
        var o = try RO.order(in: .dispatched)
        #expect(o.needsOverride(toClockOn: Self.fromTeamTwo) && !o.needsOverride(toClockOn: RO.tech))
        // Without a reason, or by someone who may not override, or for someone who does not work on cars: refused.
        #expect(codes { try o.clockOn(line: 1, technician: Self.fromTeamTwo, by: RO.foreman, overrideReason: "  ", at: RO.at(40)) }
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team", "repair_order.override_reason_needed"])
        #expect(codes { try o.clockOn(line: 1, technician: Self.fromTeamTwo, by: RO.leader, overrideReason: "人手不足", at: RO.at(40)) }
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_other_team", "repair_order.override_not_allowed"])
        #expect(codes { try o.clockOn(line: 1, technician: Self.cashier, by: RO.foreman, overrideReason: "人手不足", at: RO.at(40)) }
            == ["repair_order.cannot.clock-on", "repair_order.clock_on_not_workshop"])
        #expect(o.status == .dispatched)
        try o.clockOn(line: 1, technician: Self.fromTeamTwo, by: Self.manager, overrideReason: "一组人手不足", at: RO.at(40))
        #expect(o.lines[0].clockedOnBy == "叶技师" && o.status == .inProgress)
    }

    // MARK: The three checks (R4.6)

    @Test func R4_6_theSelfCheckIsByATechnicianWhoWorkedOnTheOrder() throws {
        var o = try RO.order(in: .inProgress)
        try o.issuePart(line: 2, quantity: 2, to: "王技师", inStock: 10)
        try o.clockOff(line: 1, at: RO.at(110), finished: true)
        #expect(codes { try o.check(.selfCheck, passed: true, by: RO.otherTech, note: "", at: RO.at(115)) }
            == ["repair_order.cannot_record_check", "repair_order.self_check_not_worked"])
        #expect(codes { try o.check(.selfCheck, passed: true, by: Self.manager, note: "", at: RO.at(115)) }
            == ["repair_order.cannot_record_check", "repair_order.self_check_not_technician", "repair_order.self_check_not_worked"])
        // Failing it is signing it too.
        #expect(codes { try o.check(.selfCheck, passed: false, by: RO.qc, note: "漏油", at: RO.at(115)) }
            == ["repair_order.cannot_record_check", "repair_order.self_check_not_technician", "repair_order.self_check_not_worked"])
        #expect(o.status == .inProgress)
        try o.check(.selfCheck, passed: true, by: RO.tech, note: "", at: RO.at(115))
        #expect(o.status == .selfChecked)
    }

    @Test func R4_6_theLeaderCheckIsByTheLeaderOfTheDispatchedTeam() throws {
        var o = try RO.order(in: .selfChecked)
        #expect(codes { try o.check(.leader, passed: true, by: RO.tech, note: "正常", at: RO.at(120)) }
            == ["repair_order.cannot_record_check", "repair_order.leader_check_not_leader"])
        #expect(codes { try o.check(.leader, passed: true, by: Self.leaderTwo, note: "正常", at: RO.at(120)) }
            == ["repair_order.cannot_record_check", "repair_order.leader_check_other_team"])
        #expect(codes { try o.check(.leader, passed: true, by: RO.qc, note: "正常", at: RO.at(120)) }
            == ["repair_order.cannot_record_check", "repair_order.leader_check_not_leader", "repair_order.leader_check_other_team"])
        try o.check(.leader, passed: true, by: RO.leader, note: "正常", at: RO.at(120))
        #expect(o.status == .leaderChecked)
    }

    @Test func R4_6_finalQCIsByAnInspectorWhoNeitherCheckedNorWorked() throws {
        var o = try RO.order(in: .leaderChecked)
        #expect(codes { try o.check(.final, passed: true, by: RO.leader, note: "", at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector", "repair_order.final_qc_checked_before"])
        #expect(codes { try o.check(.final, passed: true, by: RO.tech, note: "", at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector", "repair_order.final_qc_checked_before",
                "repair_order.own_work_final_qc"])
        #expect(codes { try o.check(.final, passed: false, by: Self.cashier, note: "不合格", at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector"])
        // An inspector who worked on a line or did an earlier check is refused too (the staff list may have changed).
        var worked = o
        worked.lines[0].clockedOnBy = "周质检"
        #expect(codes { try worked.check(.final, passed: true, by: RO.qc, note: "", at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.own_work_final_qc"])
        // The service manager may run the command; they cannot pass final QC of a job they worked on.
        var managed = o
        managed.lines[0].clockedOnBy = "姚经理"
        #expect(codes { try managed.check(.final, passed: true, by: Self.manager, note: "", at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.final_qc_not_inspector", "repair_order.own_work_final_qc"])
        var director = o
        try director.check(.final, passed: true, by: Self.director, note: "", at: RO.at(130))
        #expect(director.status == .qcPassed)
        try o.check(.final, passed: true, by: RO.qc, note: "", at: RO.at(130))
        #expect(o.status == .qcPassed)
    }

    // MARK: A failed check returns the work (R4.6)

    @Test func R4_6_aFailedCheckReturnsTheLinesItNamesAndTheSelfCheckWaitsForThem() throws {
        var o = try RO.order(in: .inProgress)
        try o.addLine(RepairOrderLine(kind: .labor, code: "AC-CHECK", name: "空调检查", hours: LaborHours(hundredths: 50), unitPrice: Money(fen: 28_000)))
        try o.decideLine(3, approve: true)
        try o.issuePart(line: 2, quantity: 2, to: "王技师", inStock: 10)
        try o.clockOff(line: 1, at: RO.at(100), finished: true)
        try o.clockOn(line: 3, technician: RO.otherTech, by: RO.otherTech, at: RO.at(100))
        try o.clockOff(line: 3, at: RO.at(110), finished: true)
        try o.check(.selfCheck, passed: true, by: RO.tech, note: "", at: RO.at(115))
        try o.check(.leader, passed: true, by: RO.leader, note: "正常", at: RO.at(120))
        // Only a failed check names lines, and only approved labour.
        #expect(codes { try o.check(.final, passed: true, by: RO.qc, note: "", rework: [3], at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.rework_only_when_failed"])
        #expect(codes { try o.check(.final, passed: false, by: RO.qc, note: "滤芯装反", rework: [2, 9], at: RO.at(130)) }
            == ["repair_order.cannot_record_check", "repair_order.rework_labour_only", "repair_order.no_such_line"])
        try o.check(.final, passed: false, by: RO.qc, note: "空调出风温度偏高", rework: [3], at: RO.at(130))
        #expect(o.status == .inProgress)
        #expect(o.lines.map(\.done) == [true, false, false]) // line 2 is a part: never "done"
        #expect(o.blockers(for: .selfCheck).map(\.code) == ["repair_order.blocked.rework"])
        #expect(codes { try o.check(.selfCheck, passed: true, by: RO.otherTech, note: "", at: RO.at(135)) }
            == ["repair_order.cannot_record_check", "repair_order.blocked.rework"])
        // Clocked on and off again, finished: the self-check may be done.
        try o.clockOn(line: 3, technician: RO.otherTech, by: RO.otherTech, at: RO.at(140))
        #expect(o.blockers(for: .selfCheck).map(\.code) == ["repair_order.blocked.still_clocked_on"])
        try o.clockOff(line: 3, at: RO.at(150), finished: true)
        try o.check(.selfCheck, passed: true, by: RO.otherTech, note: "", at: RO.at(151))
        #expect(o.status == .selfChecked)
    }

    @Test func R4_6_aFailureNamingNoLinesReturnsEveryLabourLine() throws {
        var o = try RO.order(in: .selfChecked)
        try o.check(.leader, passed: false, by: RO.leader, note: "工时记录不全", at: RO.at(120))
        #expect(o.linesBackToWork([]) == [1])
        #expect(!o.lines[0].done && o.status == .inProgress)
        #expect(o.blockers(for: .selfCheck).map(\.code) == ["repair_order.blocked.rework"])
    }
}
