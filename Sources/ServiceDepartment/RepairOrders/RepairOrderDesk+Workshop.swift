import LaneCore
import LaneStore

// Reception's sheet and terms in words (R3.4, R3.10), dispatch by skill
// (R4.2), comebacks (返修) and what the vehicle's earlier orders tell
// reception (R3.8). The rules are LaneCore's (`Workshop.swift`); these
// gather the facts from the store and write what they decided.

/// An earlier order of the same car handed over within the store's comeback
/// period: at reception the advisor asks whether it is back for the same fault.
public struct ComebackCandidate: Sendable, Equatable {
    public var number: String
    public var deliveredOn: CalendarDate
    public var daysAgo: Int
    public var complaint: String
}

extension RepairOrderDesk {
    /// The check-in sheet as the timeline keeps it: everything on it (R3.4).
    static func checkInWords(_ sheet: CheckInSheet) -> [String: MessageArgument] {
        // "none" is what the shell writes when nothing was noted: read in the reader's words.
        func noted(_ text: String) -> MessageArgument { text == "none" ? .message(Message("empty.none")) : .text(text) }
        return ["mileage": .int(sheet.mileage), "fuel": .int(sheet.fuelEighths), "damage": noted(sheet.damage),
                "valuables": noted(sheet.valuables), "equipment": .text(sheet.equipment.isEmpty ? "-" : sheet.equipment)]
    }

    /// The work order's terms as the timeline keeps them (R3.10).
    static func termsWords(_ terms: WorkOrderTerms?) -> [String: MessageArgument] {
        guard let terms else { return [:] }
        return ["name": .text(terms.signedBy), "payment": terms.payment.argument, "old_parts": terms.oldParts.argument,
                "wash": .message(Message(terms.wash ? "workshop.wash_yes" : "workshop.wash_no"))]
    }

    /// R4.2: dispatch to `team`, whose skills must cover the work unless the
    /// foreman overrides with a reason (kept on the timeline and in the audit row).
    static func dispatch(_ o: inout RepairOrder, to team: WorkshopTeam, overrideReason: String?, by caller: Caller,
                         _ tx: any StoreReading) throws -> StepOutcome {
        var skills: [String: Skill] = [:]
        for line in o.approvedLines where line.kind == .labor && skills[line.code] == nil {
            skills[line.code] = try tx.laborOperation(code: line.code)?.skill
        }
        let gaps = o.skillProblems(team: team, skills: skills)
        let overridden = try o.dispatch(to: team, skills: skills, by: signer(caller, tx), overrideReason: overrideReason)
        let said = Message(o.byAppointment ? "repair_order.did.dispatch_priority" : "repair_order.did.dispatch", ["team": .text(team.name)])
        guard let reason = overrideReason?.trimmingWhitespace() else { return StepOutcome(said: said) }
        guard overridden else {
            return StepOutcome(said: said, warnings: [Message("workshop.dispatch_override_not_needed", ["team": .text(team.name)])])
        }
        return StepOutcome(said: Message("workshop.did.dispatch_override", [
            "team": .text(team.name), "lines": .list(gaps.map { .text($0.field) }), "by": .text(caller.user), "reason": .text(reason)]),
                           override: (caller.user, reason))
    }

    /// A comeback (返修): links the order to the earlier one of the same car
    /// and writes the link on both timelines.
    static func linkComeback(_ o: inout RepairOrder, to reference: String, by caller: Caller, _ tx: any StoreWriting) throws -> StepOutcome {
        let earlier = try load(reference, tx)
        try o.linkComeback(to: earlier, days: caller.settings.comebackDays, offset: caller.settings.utcOffset)
        let days = o.daysSinceDelivery(of: earlier, offset: caller.settings.utcOffset) ?? 0
        let cameBack = Message("workshop.came_back_as", ["number": .text(o.number), "days": .int(days)])
        try tx.appendRepairOrderEvent(orderID: earlier.id, kind: "comeback", detail: cameBack.description, message: cameBack,
                                      at: caller.now, by: caller.user)
        return StepOutcome(said: Message("workshop.did.comeback", ["earlier": .text(earlier.number), "days": .int(days)]))
    }

    /// What the car's earlier orders tell reception: orders handed over
    /// within the comeback period, newest first.
    static func comebackCandidates(_ order: RepairOrder, history: [RepairOrder], settings: StoreSettings) -> [ComebackCandidate] {
        order.comebackCandidates(history: history, days: settings.comebackDays, offset: settings.utcOffset).compactMap { e in
            guard let at = e.delivery?.at, let days = order.daysSinceDelivery(of: e, offset: settings.utcOffset) else { return nil }
            return ComebackCandidate(number: e.number, deliveredOn: at.date(in: settings.utcOffset), daysAgo: days, complaint: e.complaint ?? "")
        }
    }

    /// R3.8: the safety items declined before, recommended again.
    static func declinedBefore(_ order: RepairOrder, _ tx: any StoreReading, settings: StoreSettings) throws -> [DeclinedSafetyItem] {
        RepairOrder.declinedSafetyItems(history: try tx.repairOrders(vehicleID: order.vehicleID), before: order, offset: settings.utcOffset)
    }
}

extension RepairOrderOpened {
    /// Reception's notes from the car's earlier orders: a possible comeback,
    /// and each safety item declined before (R3.8).
    var historyNotes: [Message] {
        comebackCandidates.map { c in
            Message("workshop.possible_comeback", ["number": .text(c.number), "date": .date(c.deliveredOn), "days": .int(c.daysAgo),
                                                   "complaint": .text(c.complaint.isEmpty ? "-" : c.complaint)])
        } + declinedBefore.map(\.recommendation)
    }
}

extension DeclinedSafetyItem {
    /// `BRK-PAD-F 更换前刹车片: declined on RO-… (2026-10-12), a safety item: recommend it again`.
    public var recommendation: Message {
        Message("workshop.declined_before", ["code": .text(code), "name": .text(name), "number": .text(orderNumber), "date": .date(declinedOn)])
    }
}
