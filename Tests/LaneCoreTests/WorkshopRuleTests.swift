import Testing
@testable import LaneCore

/// Dispatch by skill (R4.2), one clock per technician (R4.3), the lines a
/// failed check sends back (R4.6), comebacks (返修) and safety items declined
/// before (R3.8), as LaneCore rules.
@Suite struct WorkshopRuleTests {
    static let bodyShop = WorkshopTeam(name: "钣喷组", skills: [.body, .paint])
    static let mechanics = WorkshopTeam(name: "一组", skills: [.maintenance, .mechanical, .electrical])
    static let skills: [String: Skill] = ["MNT-10K": .maintenance]

    @Test func R4_2_maintenanceToTheBodyShopIsRefusedNamingTheLine() throws {
        var o = try RO.order(in: .handedOver)
        let before = o
        let refusal = #expect(throws: Refusal.self) { try o.dispatch(to: Self.bodyShop, skills: Self.skills, by: RO.foreman) }
        #expect(refusal?.codes == ["repair_order.cannot.dispatch", "workshop.team_lacks_skill"])
        #expect(refusal?.problems.first?.field == "line 1")
        #expect(o == before)
        #expect(try o.dispatch(to: Self.mechanics, skills: Self.skills, by: RO.foreman) == false)
        #expect(o.team == "一组" && o.status == .dispatched)
    }

    @Test func R4_2_theForemanOverridesWithAReasonOnly() throws {
        var o = try RO.order(in: .handedOver)
        let blank = #expect(throws: Refusal.self) { try o.dispatch(to: Self.bodyShop, skills: Self.skills, by: RO.foreman, overrideReason: " ") }
        #expect(blank?.codes == ["repair_order.cannot.dispatch", "repair_order.override_reason_needed", "workshop.team_lacks_skill"])
        let leader = #expect(throws: Refusal.self) { try o.dispatch(to: Self.bodyShop, skills: Self.skills, by: RO.leader, overrideReason: "支援") }
        #expect(leader?.codes == ["repair_order.cannot.dispatch", "workshop.dispatch_override_not_allowed", "workshop.team_lacks_skill"])
        #expect(o.status == .handedOver && o.team == nil)
        #expect(try o.dispatch(to: Self.bodyShop, skills: Self.skills, by: RO.foreman, overrideReason: "机电组满负荷") == true)
        #expect(o.team == "钣喷组")
    }

    @Test func R4_3_aTechnicianClockedOnElsewhereIsRefusedSoNoHourCountsTwice() throws {
        var o = try RO.order(in: .dispatched)
        let elsewhere = [ClockedOnLine(orderNumber: "RO-20261123-0002", line: 2, code: "BRK-PAD-F", since: RO.at(30))]
        let before = o
        let refusal = #expect(throws: Refusal.self) {
            try o.clockOn(line: 1, technician: RO.tech, by: RO.tech, elsewhere: elsewhere, at: RO.at(40))
        }
        #expect(refusal?.codes == ["repair_order.cannot.clock-on", "workshop.technician_busy"])
        #expect(o == before)
        // Its own clock on this order is no clock elsewhere; another technician is free.
        try o.clockOn(line: 1, technician: RO.otherTech, by: RO.otherTech,
                      elsewhere: [ClockedOnLine(orderNumber: o.number, line: 1, code: "MNT-10K", since: RO.at(40))], at: RO.at(40))
        try o.addLine(RepairOrderLine(kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 120), unitPrice: Money(fen: 28_000)))
        try o.decideLine(3, approve: true)
        #expect(o.doubleClockProblems(technician: RO.otherTech.name, elsewhere: []).count == 1)
        #expect(o.doubleClockProblems(technician: RO.tech.name, elsewhere: []).isEmpty)
    }

    @Test func R4_6_aFailedCheckKeepsTheLinesItSentBack() throws {
        var o = try RO.order(in: .leaderChecked)
        try o.check(.final, passed: false, by: RO.qc, note: "异响仍在", rework: [1], at: RO.at(130))
        #expect(o.checks.last?.rework == [1])
        #expect(o.awaitsRework(o.lines[0]))
        #expect(o.blockers(for: .selfCheck).map(\.said.code) == ["repair_order.blocked.rework"])
        try o.clockOn(line: 1, technician: RO.tech, by: RO.tech, at: RO.at(140))
        try o.clockOff(line: 1, at: RO.at(150), finished: true)
        #expect(!o.awaitsRework(o.lines[0]))
        #expect(o.blockers(for: .selfCheck).isEmpty)
    }

    static func delivered(_ number: String, id: Int64, daysBefore: Int) throws -> RepairOrder {
        var e = try RO.order(in: .delivered)
        e.id = id
        e.number = number
        e.delivery?.at = RO.t0.adding(seconds: -Int64(daysBefore) * 86_400)
        return e
    }

    @Test func comebackWithinThePeriodIsLinkedOnce() throws {
        var o = RO.fresh()
        o.id = 9
        let earlier = try Self.delivered("RO-20261110-0001", id: 3, daysBefore: 13)
        #expect(o.comebackCandidates(history: [earlier], days: 30, offset: .china).map(\.number) == ["RO-20261110-0001"])
        #expect(o.comebackCandidates(history: [earlier], days: 10, offset: .china).isEmpty)
        try o.linkComeback(to: earlier, days: 30, offset: .china)
        #expect(o.comebackOf == "RO-20261110-0001")
        let again = #expect(throws: Refusal.self) { try o.linkComeback(to: earlier, days: 30, offset: .china) }
        #expect(again?.codes == ["repair_order.cannot.comeback", "workshop.comeback_already_linked"])
    }

    @Test func comebackRefusesAnotherCarTooLateNeverDeliveredAndItself() throws {
        var o = RO.fresh()
        o.id = 9
        var other = try Self.delivered("RO-20261110-0002", id: 4, daysBefore: 3)
        other.vehicleID = 2
        let late = try Self.delivered("RO-20261001-0001", id: 5, daysBefore: 53)
        var open = try RO.order(in: .inProgress)
        open.id = 6
        for (earlier, code): (RepairOrder, MessageCode) in [(other, "workshop.comeback_other_vehicle"), (late, "workshop.comeback_too_late"),
                                (open, "workshop.comeback_not_delivered"), (o, "workshop.comeback_of_itself")] {
            let refusal = #expect(throws: Refusal.self) { try o.linkComeback(to: earlier, days: 30, offset: .china) }
            #expect(refusal?.codes == ["repair_order.cannot.comeback", code])
        }
        #expect(o.comebackOf == nil)
    }

    @Test func comebackIsHandedOverOnlyWhenTheCustomerConfirmsTheFaultIsGone() throws {
        var o = try RO.order(in: .readyForDelivery)
        o.comebackOf = "RO-20261110-0001"
        _ = try o.notifyCustomer(agreedAt: RO.at(300), now: RO.at(140), atPeak: false)
        let refusal = #expect(throws: Refusal.self) { try o.deliver(RO.delivery()) }
        #expect(refusal?.codes == ["repair_order.cannot.deliver", "workshop.comeback_needs_confirmation"])
        #expect(o.status == .readyForDelivery)
        var satisfied = RO.delivery()
        // Not satisfied: the work found is added and the car goes back to work, checks and all.
        var again = o
        let added = try again.addLine(RepairOrderLine(kind: .labor, code: "BRK-DISC-F", name: "更换前刹车盘", hours: LaborHours(hundredths: 150),
                                                      unitPrice: Money(fen: 28_000)))
        #expect(added.approval == .pending && added.origin == .extra)
        #expect(again.status == .inProgress && again.agreedDeliveryAt == nil)
        var ordinary = o
        ordinary.comebackOf = nil
        let refusal2 = #expect(throws: Refusal.self) { try ordinary.addLine(RO.oilChange) }
        #expect(refusal2?.codes == ["repair_order.cannot_add", "repair_order.wrong_status_for"])
        satisfied.customerSatisfied = true
        try o.deliver(satisfied)
        #expect(o.status == .delivered)
    }

    @Test func R3_8_aSafetyItemDeclinedBeforeIsRecommendedUntilDone() throws {
        var first = try RO.order(in: .closed)
        first.lines.append(RepairOrderLine(id: 3, kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 120),
                                           unitPrice: Money(fen: 28_000), origin: .recommended, approval: .refused, safety: true))
        var now = RO.fresh()
        now.id = 2
        now.openedAt = RO.at(60 * 24 * 30)
        let items = RepairOrder.declinedSafetyItems(history: [first, now], before: now, offset: .china)
        #expect(items.map(\.code) == ["BRK-PAD-F"])
        #expect(items.first?.orderNumber == first.number)
        // Once on the order, or done on a later visit, it is no longer recommended.
        var withIt = now
        withIt.lines.append(RepairOrderLine(id: 1, kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 120),
                                            unitPrice: Money(fen: 28_000)))
        #expect(RepairOrder.declinedSafetyItems(history: [first], before: withIt, offset: .china).isEmpty)
        var done = withIt
        done.id = 5
        done.openedAt = RO.at(60 * 24 * 10)
        done.status = .closed
        #expect(RepairOrder.declinedSafetyItems(history: [first, done], before: now, offset: .china).isEmpty)
        // An order that is not a safety refusal is not recommended again.
        first.lines[2].safety = false
        #expect(RepairOrder.declinedSafetyItems(history: [first], before: now, offset: .china).isEmpty)
    }
}
