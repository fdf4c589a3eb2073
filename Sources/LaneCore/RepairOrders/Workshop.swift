// The workshop's rules that span more than one step or more than one order:
// dispatch by skill (R4.2), one clock per technician (R4.3), lines back to
// work after a failed check (R4.6), comebacks (返修) and the safety items a
// customer declined before (R3.8). The application layer gathers the facts
// (the catalogue's skills, the technician's other clocks, the vehicle's
// earlier orders) and asks here.

/// A labour line a technician is clocked on, on any order.
public struct ClockedOnLine: Sendable, Equatable {
    public var orderNumber: String
    public var line: Int64
    public var code: String
    public var since: Timestamp

    public init(orderNumber: String, line: Int64, code: String, since: Timestamp) {
        self.orderNumber = orderNumber
        self.line = line
        self.code = code
        self.since = since
    }
}

/// A safety item the customer declined on an earlier visit, not done since (R3.8, R5.6).
public struct DeclinedSafetyItem: Sendable, Equatable {
    public var orderNumber: String
    public var code: String
    public var name: String
    public var declinedOn: CalendarDate

    public init(orderNumber: String, code: String, name: String, declinedOn: CalendarDate) {
        self.orderNumber = orderNumber
        self.code = code
        self.name = name
        self.declinedOn = declinedOn
    }
}

extension RepairOrder {
    // MARK: Dispatch by skill (R4.2)

    /// Who may dispatch a job to a team without the skills, with a reason:
    /// the same people who may clock on across teams.
    public static let dispatchOverriders: Set<StaffRole> = clockOnOverriders

    /// R4.2: each approved labour line still to do whose skill `team` lacks.
    /// `skills` is each operation code's skill from the catalogue.
    public func skillProblems(team: WorkshopTeam, skills: [String: Skill]) -> [Problem] {
        var p: [Problem] = []
        for line in approvedLines where line.kind == .labor && !line.done {
            guard let skill = skills[line.code], !team.skills.contains(skill) else { continue }
            p.append(Problem("line \(line.id)", Message("workshop.team_lacks_skill", [
                "code": .text(line.code), "name": .text(line.name), "skill": .text(skill.word), "team": .text(team.name),
                "skills": .list(team.skills.map { .text($0.word) })])))
        }
        return p
    }

    /// R4.2: a team is assigned (again, if the foreman changes it before work
    /// starts). Work the team has no skill for is refused, each line named,
    /// unless the foreman or the service manager overrides with a reason.
    /// Returns whether an override was used.
    @discardableResult
    public mutating func dispatch(to team: WorkshopTeam, skills: [String: Skill], by: Signer,
                                  overrideReason: String? = nil) throws(Refusal) -> Bool {
        var p = blockers(for: .dispatch)
        let gaps = skillProblems(team: team, skills: skills)
        let reason = overrideReason?.trimmingWhitespace()
        let mayOverride = by.role.map(Self.dispatchOverriders.contains) ?? false
        if let reason {
            if reason.isEmpty { p.append(Problem("override-reason", Message("repair_order.override_reason_needed"))) }
            if !mayOverride { p.append(Problem("override-reason", Message("workshop.dispatch_override_not_allowed", by.named))) }
        }
        let overridden = reason.map { !$0.isEmpty } == true && mayOverride
        if !overridden { p += gaps }
        try Refusal.check(Message("repair_order.cannot.dispatch", ["number": .text(number)]), p)
        self.team = team.name
        status = .dispatched
        return overridden && !gaps.isEmpty
    }

    // MARK: One clock per technician (R4.3)

    /// R4.3: a technician works one line at a time, so hours are never
    /// counted twice. Clocking on while clocked on elsewhere is refused: the
    /// workshop clocks off the first line itself (finished or not), which
    /// only the technician knows. `elsewhere`: their clocks on other orders.
    public func doubleClockProblems(technician: String, elsewhere: [ClockedOnLine]) -> [Problem] {
        let here = lines.filter { $0.clockedOnBy == technician && $0.clockedOnAt != nil }
            .compactMap { l in l.clockedOnAt.map { ClockedOnLine(orderNumber: number, line: l.id, code: l.code, since: $0) } }
        return (here + elsewhere.filter { $0.orderNumber != number }).map { c in
            Problem("tech", Message("workshop.technician_busy", ["name": .text(technician), "number": .text(c.orderNumber),
                                                                 "line": .int(Int(c.line)), "code": .text(c.code), "since": .time(c.since)]))
        }
    }

    // MARK: Rework after a failed check (R4.6)

    /// A labour line a failed check sent back to work that has not been
    /// worked (clocked on and off finished) since.
    public func awaitsRework(_ line: RepairOrderLine) -> Bool {
        guard line.kind == .labor, line.isApproved, !line.done, line.clockedOnAt == nil, line.clockedOnBy != nil,
              let last = checks.last, !last.passed else { return false }
        return true
    }

    // MARK: Comebacks (返修)

    /// The days from the earlier order's hand-over to this order's opening.
    public func daysSinceDelivery(of earlier: RepairOrder, offset: UTCOffset) -> Int? {
        guard let delivered = earlier.delivery?.at else { return nil }
        return delivered.date(in: offset).days(until: openedAt.date(in: offset))
    }

    /// The vehicle's earlier orders handed over within `days` before this
    /// one opened, newest first: at reception, the advisor asks whether the
    /// car is back for the same fault.
    public func comebackCandidates(history: [RepairOrder], days: Int, offset: UTCOffset) -> [RepairOrder] {
        history.filter { $0.id != id && $0.vehicleID == vehicleID && $0.status != .cancelled }
            .filter { e in daysSinceDelivery(of: e, offset: offset).map { (0...days).contains($0) } ?? false }
            .sorted { ($0.delivery?.at ?? $0.openedAt) > ($1.delivery?.at ?? $1.openedAt) }
    }

    /// A comeback (返修): the car is back for the same fault as `earlier`
    /// within the store's period. The link is the advisor's judgement of the
    /// complaint; the rules are that it is the same car, handed over within
    /// the period, and linked once.
    public mutating func linkComeback(to earlier: RepairOrder, days: Int, offset: UTCOffset) throws(Refusal) {
        var p = statusProblems("link a comeback", allowed: [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked,
                                                             .leaderChecked, .qcPassed])
        if let linked = comebackOf { p.append(Problem("ro", Message("workshop.comeback_already_linked", ["number": .text(linked)]))) }
        if earlier.id == id { p.append(Problem("earlier", Message("workshop.comeback_of_itself"))) }
        else if earlier.vehicleID != vehicleID {
            p.append(Problem("earlier", Message("workshop.comeback_other_vehicle", ["number": .text(earlier.number)])))
        } else if let since = daysSinceDelivery(of: earlier, offset: offset), earlier.status != .cancelled {
            if since > days || since < 0 {
                p.append(Problem("earlier", Message("workshop.comeback_too_late", ["number": .text(earlier.number), "since": .int(since),
                                                                                   "days": .int(days)])))
            }
        } else {
            p.append(Problem("earlier", Message("workshop.comeback_not_delivered", ["number": .text(earlier.number),
                                                                                   "status": .text(earlier.status.title)])))
        }
        try Refusal.check(Message("repair_order.cannot.comeback", ["number": .text(number)]), p)
        comebackOf = earlier.number
    }

    /// Where a line may be added: until final QC, and for a comeback until
    /// the hand-over, since it is repaired again until the customer is
    /// satisfied (the line waits for their approval and the job goes back to work).
    var linesAddableIn: Set<RepairOrderStatus> {
        let workshop: Set<RepairOrderStatus> = [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked, .leaderChecked]
        return comebackOf == nil ? workshop : workshop.union([.qcPassed, .readyForDelivery])
    }

    /// A comeback is repaired until the customer is satisfied: it is handed
    /// over only when the customer confirms at the car that the fault is gone.
    func comebackDeliveryProblems(_ record: DeliveryRecord) -> [Problem] {
        guard let earlier = comebackOf, !record.customerSatisfied else { return [] }
        return [Problem("fault-gone", Message("workshop.comeback_needs_confirmation", ["number": .text(earlier)]))]
    }

    // MARK: Recommendations from the history (R3.8)

    /// Safety items the customer declined on earlier orders of this vehicle
    /// and that no later order did: they are recommended again. The newest
    /// refusal of each code counts; one done since (approved) clears it.
    public static func declinedSafetyItems(history: [RepairOrder], before current: RepairOrder, offset: UTCOffset) -> [DeclinedSafetyItem] {
        var items: [String: DeclinedSafetyItem] = [:]
        let earlier = history.filter { $0.id != current.id && $0.status != .cancelled && $0.openedAt <= current.openedAt }
            .sorted { $0.openedAt < $1.openedAt }
        for o in earlier {
            for line in o.lines {
                if line.isApproved { items[line.code] = nil }
                if line.safety && line.approval == .refused {
                    items[line.code] = DeclinedSafetyItem(orderNumber: o.number, code: line.code, name: line.name,
                                                          declinedOn: o.openedAt.date(in: offset))
                }
            }
        }
        // Already on this order: nothing to recommend again.
        let here = Set(current.lines.map(\.code))
        return items.values.filter { !here.contains($0.code) }.sorted { ($0.declinedOn, $0.code) < ($1.declinedOn, $1.code) }
    }
}

/// A team's skills in the foreman's words (`word.skill.body`).
extension Skill: Worded { public static var wordKind: String { "skill" } }
