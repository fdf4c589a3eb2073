/// Who does or signs a workshop step, as the staff list knows them. The
/// sign-off rules (R4.3, R4.6, X6) hold per person: whoever may run a
/// command, their role and team decide whether they may be clocked on or
/// sign a check. No role: the name is not on the staff list.
public struct Signer: Sendable, Equatable {
    public var name: String
    public var role: StaffRole?
    public var team: String?

    public init(name: String, role: StaffRole?, team: String?) {
        self.name = name
        self.role = role
        self.team = team
    }

    public init(_ member: StaffMember) {
        self.init(name: member.name, role: member.role, team: member.team)
    }

    /// Only technicians and team leaders work on cars (and are clocked on).
    public var worksOnCars: Bool { role?.belongsToTeam == true }

    /// `夏勇 (维修技师)`, or the name alone when the staff list does not know them.
    var named: [String: MessageArgument] {
        ["name": .text(name), "role": role.map(MessageArgument.role) ?? .message(Message("repair_order.not_on_staff_list"))]
    }
}

extension RepairOrder {
    /// Who may clock on someone outside the dispatched team, with a reason:
    /// the foreman, who assigns the work (R4.2), and the service manager.
    public static let clockOnOverriders: Set<StaffRole> = [.workshopForeman, .serviceManager]

    /// Clocking `technician` on needs an override: they are not in the team
    /// the order is dispatched to.
    public func needsOverride(toClockOn technician: Signer) -> Bool {
        team == nil || technician.team != team
    }

    /// R4.3, X6: every reason `technician` may not be clocked on a labour
    /// line of this order by `by`. `overrideReason` is nil when no override
    /// is asked for; an override is the foreman's or service manager's, needs
    /// a reason, and still only clocks on a technician or team leader.
    public func clockOnProblems(technician: Signer, by: Signer, overrideReason: String?) -> [Problem] {
        var p: [Problem] = []
        if technician.role == nil {
            p.append(Problem("tech", Message("repair_order.no_such_staff", ["name": .text(technician.name)])))
        } else if !technician.worksOnCars {
            p.append(Problem("tech", Message("repair_order.clock_on_not_workshop", technician.named)))
        }
        let reason = overrideReason?.trimmingWhitespace()
        let mayOverride = by.role.map(Self.clockOnOverriders.contains) ?? false
        let overridden = reason.map { !$0.isEmpty } == true && mayOverride
        if technician.worksOnCars && needsOverride(toClockOn: technician) && !overridden {
            p.append(Problem("tech", Message("repair_order.clock_on_other_team", ["name": .text(technician.name), "team": .text(team ?? "")])))
        }
        if let reason {
            if reason.isEmpty { p.append(Problem("override-reason", Message("repair_order.override_reason_needed"))) }
            if !mayOverride { p.append(Problem("override-reason", Message("repair_order.override_not_allowed", by.named))) }
        }
        return p
    }

    /// R4.6, X6: every reason `by` may not record `stage` of this order's
    /// checks, passed or failed. Self-check: a technician or team leader who
    /// worked on the job. Leader check: the leader of the dispatched team.
    /// Final QC: a QC inspector or the technical director who did neither
    /// earlier check and worked on none of the lines.
    public func checkerProblems(_ stage: QualityCheckStage, by: Signer) -> [Problem] {
        var p: [Problem] = []
        let worked = technicians.contains(by.name)
        switch stage {
        case .selfCheck:
            if !by.worksOnCars { p.append(Problem("by", Message("repair_order.self_check_not_technician", by.named))) }
            if !worked { p.append(Problem("by", Message("repair_order.self_check_not_worked", ["name": .text(by.name)]))) }
        case .leader:
            if by.role != .teamLeader { p.append(Problem("by", Message("repair_order.leader_check_not_leader", by.named))) }
            if team == nil || by.team != team {
                p.append(Problem("by", Message("repair_order.leader_check_other_team", ["name": .text(by.name), "team": .text(team ?? "")])))
            }
        case .final:
            if by.role != .qcInspector && by.role != .technicalDirector {
                p.append(Problem("by", Message("repair_order.final_qc_not_inspector", by.named)))
            }
            for earlier in [QualityCheckStage.selfCheck, .leader] where checks.contains(where: { $0.stage == earlier && $0.by == by.name }) {
                p.append(Problem("by", Message("repair_order.final_qc_checked_before", ["name": .text(by.name), "check": .text(earlier.title)])))
            }
            if worked { p.append(Problem("by", Message("repair_order.own_work_final_qc", ["name": .text(by.name)]))) }
        }
        return p
    }

    /// The labour lines a failed check sends back to work: those it names,
    /// or every approved labour line when it names none.
    public func linesBackToWork(_ named: [Int64]) -> [Int64] {
        named.isEmpty ? approvedLines.filter { $0.kind == .labor }.map(\.id) : named
    }

    /// What is wrong with the lines a check names for rework: only a failed
    /// check names them, and only approved labour goes back to work.
    func reworkProblems(_ named: [Int64], passed: Bool) -> [Problem] {
        var p: [Problem] = []
        if passed && !named.isEmpty { p.append(Problem("lines", Message("repair_order.rework_only_when_failed"))) }
        for id in named {
            guard let line = lines.first(where: { $0.id == id }) else {
                p.append(Problem("lines", Message("repair_order.no_such_line", ["line": .int(Int(id))])))
                continue
            }
            if line.kind != .labor || !line.isApproved {
                p.append(Problem("line \(id)", Message("repair_order.rework_labour_only", ["code": .text(line.code)])))
            }
        }
        return p
    }
}
