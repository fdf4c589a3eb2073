import Testing
@testable import LaneCore

/// The repair-order state machine: every step from every status, and the
/// rules of reception (R3), workshop (R4) and delivery/settlement (R5).
enum RO {
    static let t0 = Timestamp(secondsSince1970: 1_795_395_600) // 2026-11-23 09:00 +08:00
    static func at(_ minutes: Int) -> Timestamp { t0.adding(seconds: Int64(minutes) * 60) }

    static let oilChange = RepairOrderLine(kind: .labor, code: "MNT-10K", name: "10000公里保养", hours: LaborHours(hundredths: 120),
                                           unitPrice: Money(fen: 28_000))
    static let oilFilter = RepairOrderLine(kind: .part, code: "P-OF-01", name: "机油滤清器", quantity: 2, unitPrice: Money(fen: 4_550))

    /// The people of team 一组 and the workshop, as the staff list would give them.
    static let tech = Signer(name: "王技师", role: .technician, team: "一组")
    static let otherTech = Signer(name: "赵技师", role: .technician, team: "一组")
    static let leader = Signer(name: "李组长", role: .teamLeader, team: "一组")
    static let qc = Signer(name: "周质检", role: .qcInspector, team: nil)
    static let foreman = Signer(name: "何主管", role: .workshopForeman, team: nil)

    static func fresh() -> RepairOrder {
        RepairOrder(id: 1, number: "RO-20261123-0001", vehicleID: 1, customerID: 1, advisor: "薛淑芬", openedAt: t0)
    }

    static let sheet = CheckInSheet(mileage: 12_000, fuelEighths: 4, coversFitted: true, damage: "左后门划痕", valuables: "无", equipment: "备胎 工具")
    static let terms = WorkOrderTerms(payment: .wechat, oldParts: .take, wash: true, signedBy: "贺倩", signedAt: at(20))
    static func delivery(shown: Bool = true) -> DeliveryRecord {
        DeliveryRecord(nextServiceOn: CalendarDate(daysSinceEpoch: 20_600), nextServiceKm: 17_000,
                       followUpPreference: "工作日晚上", oldPartsShown: shown, at: at(300))
    }

    /// An order brought to `status` by the legal path.
    static func order(in status: RepairOrderStatus) throws -> RepairOrder {
        var o = fresh()
        if status == .cancelled { try o.cancel(reason: "客户改期"); return o }
        try o.addLine(oilChange)
        try o.addLine(oilFilter)
        if status == .reception { return o }
        try o.recordComplaint("保养，刹车有点软")
        try o.recordCheckIn(sheet, lastKnownMileage: 11_000)
        try o.decideWarranty(.notCovered)
        try o.takeDocuments()
        try o.promise(at(240), now: at(15))
        try o.sign(terms)
        if status == .signed { return o }
        try o.handOver()
        if status == .handedOver { return o }
        try o.dispatch(to: WorkshopTeam(name: "一组", skills: Skill.allCases), skills: [:], by: foreman)
        if status == .dispatched { return o }
        try o.clockOn(line: 1, technician: tech, by: tech, at: at(40))
        if status == .inProgress { return o }
        try o.issuePart(line: 2, quantity: 2, to: "王技师", inStock: 10)
        try o.clockOff(line: 1, at: at(110), finished: true)
        try o.check(.selfCheck, passed: true, by: tech, note: "", at: at(115))
        if status == .selfChecked { return o }
        try o.check(.leader, passed: true, by: leader, note: "下次注意刹车片厚度", at: at(120))
        if status == .leaderChecked { return o }
        try o.check(.final, passed: true, by: qc, note: "", at: at(130))
        if status == .qcPassed { return o }
        try o.wash()
        try o.deliveryCheck()
        if status == .readyForDelivery { return o }
        _ = try o.notifyCustomer(agreedAt: at(300), now: at(140), atPeak: false)
        try o.deliver(delivery())
        if status == .delivered { return o }
        try o.settle(signedBy: "贺倩", declinedAcknowledged: false)
        if status == .settled { return o }
        let total = o.settlement(vatBasisPoints: 1300).total
        try o.pay(Payment(method: .wechat, amount: total, invoiceNumber: "INV-0001", gatePass: "GP-0001", by: "收银员", at: at(320)), vatBasisPoints: 1300)
        return o
    }

    /// Performs `step` with valid data for it.
    static func perform(_ step: RepairOrderStep, on o: inout RepairOrder) throws {
        switch step {
        case .sign: try o.sign(terms)
        case .handover: try o.handOver()
        case .dispatch: try o.dispatch(to: WorkshopTeam(name: "二组", skills: Skill.allCases), skills: [:], by: foreman)
        case .start: try o.clockOn(line: 1, technician: otherTech, by: otherTech, at: at(50))
        case .selfCheck: try o.check(.selfCheck, passed: true, by: tech, note: "", at: at(115))
        case .leaderCheck: try o.check(.leader, passed: true, by: leader, note: "ok", at: at(120))
        case .finalCheck: try o.check(.final, passed: true, by: qc, note: "", at: at(130))
        case .wash: try o.wash()
        case .deliveryCheck: try o.deliveryCheck()
        case .notify: _ = try o.notifyCustomer(agreedAt: at(300), now: at(140), atPeak: false)
        case .deliver: try o.deliver(delivery())
        case .settle: try o.settle(signedBy: "贺倩", declinedAcknowledged: true)
        case .pay:
            let total = o.settlement(vatBasisPoints: 1300).total
            try o.pay(Payment(method: .cash, amount: total, invoiceNumber: "INV-9", gatePass: "GP-9", by: "收银员", at: at(320)), vatBasisPoints: 1300)
        case .cancel: try o.cancel(reason: "客户取消")
        }
    }
}

struct StatusStep: CustomTestStringConvertible, Sendable {
    var status: RepairOrderStatus
    var step: RepairOrderStep
    var testDescription: String { "\(step.rawValue) from \(status.rawValue)" }
    static var all: [StatusStep] {
        RepairOrderStatus.allCases.flatMap { s in RepairOrderStep.allCases.map { StatusStep(status: s, step: $0) } }
    }
}

@Suite struct RepairOrderStateMachineTests {
    @Test func legalPathReachesEveryStatus() throws {
        for status in RepairOrderStatus.allCases {
            #expect(try RO.order(in: status).status == status)
        }
    }

    @Test(arguments: StatusStep.all)
    func everyStepFromEveryStatus(_ pair: StatusStep) throws {
        var o = try RO.order(in: pair.status)
        let before = o
        let statusBlocked = o.blockers(for: pair.step).contains { $0.field == "status" }
        // The process, written out independently of `allowedFrom`.
        let legal: [RepairOrderStep: Set<RepairOrderStatus>] = [
            .sign: [.reception], .handover: [.signed], .dispatch: [.handedOver, .dispatched],
            .start: [.dispatched, .inProgress], .selfCheck: [.inProgress], .leaderCheck: [.selfChecked],
            .finalCheck: [.leaderChecked], .wash: [.qcPassed], .deliveryCheck: [.qcPassed],
            .notify: [.readyForDelivery], .deliver: [.readyForDelivery], .settle: [.delivered], .pay: [.settled],
            .cancel: [.reception, .signed, .handedOver, .dispatched],
        ]
        let isLegal = legal[pair.step]?.contains(pair.status) == true
        #expect(pair.step.allowedFrom.contains(pair.status) == isLegal)
        if isLegal {
            #expect(!statusBlocked)
        } else {
            #expect(statusBlocked)
            #expect(throws: Refusal.self) { try RO.perform(pair.step, on: &o) }
            #expect(o == before, "an illegal step changed the order")
        }
    }

    @Test func legalStepsMoveToTheirStatus() throws {
        let path: [(RepairOrderStatus, RepairOrderStep)] = [
            (.signed, .handover), (.handedOver, .dispatch), (.dispatched, .dispatch), (.dispatched, .start),
            (.leaderChecked, .finalCheck), (.qcPassed, .wash), (.readyForDelivery, .notify), (.delivered, .settle),
            (.settled, .pay), (.reception, .cancel), (.signed, .cancel), (.handedOver, .cancel), (.dispatched, .cancel),
        ]
        for (status, step) in path {
            var o = try RO.order(in: status)
            try RO.perform(step, on: &o)
            #expect(o.status == (step.leadsTo ?? status), "\(step) from \(status)")
        }
    }

    @Test func R3_10_noWorkshopStepBeforeTheCustomerSigns() throws {
        var o = try RO.order(in: .reception)
        for step in [RepairOrderStep.handover, .dispatch, .start, .selfCheck] {
            #expect(throws: Refusal.self) { try RO.perform(step, on: &o) }
        }
        #expect(throws: Refusal.self) { try o.issuePart(line: 2, quantity: 1, to: "王技师", inStock: 5) }
    }

    @Test func R3_10_signingListsEveryMissingReceptionStep() throws {
        var o = RO.fresh()
        do {
            try o.sign(RO.terms)
            Issue.record("signed without reception")
        } catch {
            let fields = Set(error.problems.map(\.field))
            #expect(fields == ["complaint", "check-in", "warranty", "documents", "estimate", "promise"])
        }
        #expect(o.status == .reception)
    }

    @Test func R3_4_walkAroundNeedsCoversAndAMileageThatDoesNotGoBack() throws {
        var o = RO.fresh()
        var sheet = RO.sheet
        sheet.coversFitted = false
        sheet.mileage = 900
        sheet.fuelEighths = 9
        #expect(throws: Refusal.self) { try o.recordCheckIn(sheet, lastKnownMileage: 1_000) }
        do { try o.recordCheckIn(sheet, lastKnownMileage: 1_000) } catch {
            #expect(Set(error.problems.map(\.field)) == ["covers", "mileage", "fuel"])
        }
        #expect(o.checkIn == nil)
    }

    @Test func R3_5_pendingWarrantyIsDecidedAfterDiagnosis() throws {
        var o = try RO.order(in: .reception)
        try o.decideWarranty(.pendingDiagnosis)
        try o.recordComplaint("仪表盘故障灯亮")
        try o.recordCheckIn(RO.sheet, lastKnownMileage: 0)
        try o.takeDocuments()
        try o.promise(RO.at(200), now: RO.at(10))
        try o.sign(RO.terms)
        try o.handOver()
        try o.decideWarranty(.covered)
        #expect(o.warranty == .covered)
        #expect(throws: Refusal.self) { try o.decideWarranty(.notCovered) }
    }

    @Test func R4_5_extraWorkWaitsForTheCustomer() throws {
        var o = try RO.order(in: .inProgress)
        let extra = try o.addLine(RepairOrderLine(kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 80),
                                                   unitPrice: Money(fen: 28_000), safety: true))
        #expect(extra.origin == .extra)
        #expect(extra.approval == .pending)
        #expect(throws: Refusal.self) { try o.clockOn(line: extra.id, technician: RO.tech, by: RO.tech, at: RO.at(60)) }
        #expect(o.blockers(for: .selfCheck).contains { $0.message.contains("waits for the customer's approval") })
        try o.decideLine(extra.id, approve: false)
        #expect(o.declinedSafetyLines.map(\.id) == [extra.id])
        #expect(throws: Refusal.self) { try o.decideLine(extra.id, approve: true) }
    }

    @Test func R4_3_partsNeverIssuedBeyondTheWorkOrderOrTheStock() throws {
        var o = try RO.order(in: .inProgress)
        do { try o.issuePart(line: 2, quantity: 3, to: "王技师", inStock: 1) } catch {
            #expect(error.problems.count == 2)
        }
        #expect(o.lines[1].issued == 0)
        try o.issuePart(line: 2, quantity: 1, to: "王技师", inStock: 1)
        #expect(o.lines[1].issued == 1)
        #expect(throws: Refusal.self) { try o.issuePart(line: 1, quantity: 1, to: "王技师", inStock: 5) }
    }

    @Test func R4_3_clockOnOffRecordsActualMinutes() throws {
        var o = try RO.order(in: .inProgress)
        try o.clockOff(line: 1, at: RO.at(100), finished: false)
        #expect(o.lines[0].workedMinutes == 60)
        #expect(!o.lines[0].done)
        try o.clockOn(line: 1, technician: RO.tech, by: RO.tech, at: RO.at(110))
        try o.clockOff(line: 1, at: RO.at(125), finished: true)
        #expect(o.lines[0].workedMinutes == 75)
        #expect(o.lines[0].done)
    }

    @Test func R4_6_selfCheckListsUnfinishedWork() throws {
        let o = try RO.order(in: .inProgress)
        let problems = o.blockers(for: .selfCheck)
        #expect(problems.contains { $0.message.contains("still clocked on") })
        #expect(problems.contains { $0.message.contains("0 of 2 issued") })
    }

    @Test func R4_6_failedCheckSendsTheJobBackWithItsReason() throws {
        var o = try RO.order(in: .leaderChecked)
        #expect(throws: Refusal.self) { try o.check(.final, passed: false, by: RO.qc, note: " ", at: RO.at(130)) }
        try o.check(.final, passed: false, by: RO.qc, note: "机油液位偏高", at: RO.at(130))
        #expect(o.status == .inProgress)
        #expect(!o.lines[0].done) // the labour goes back to work: it is done again before the self-check
        #expect(o.blockers(for: .leaderCheck).contains { $0.field == "status" })
        #expect(o.latestCheck(.final)?.note == "机油液位偏高")
        // Rework, then all three checks again.
        try o.clockOn(line: 1, technician: RO.tech, by: RO.tech, at: RO.at(140))
        try o.clockOff(line: 1, at: RO.at(150), finished: true)
        try o.check(.selfCheck, passed: true, by: RO.tech, note: "", at: RO.at(151))
        try o.check(.leader, passed: true, by: RO.leader, note: "已复查", at: RO.at(152))
        try o.check(.final, passed: true, by: RO.qc, note: "", at: RO.at(160))
        #expect(o.status == .qcPassed)
    }

    @Test func R4_6_aTechnicianOnTheJobCannotPassItsFinalQC() throws {
        var o = try RO.order(in: .leaderChecked)
        #expect(throws: Refusal.self) { try o.check(.final, passed: true, by: RO.tech, note: "", at: RO.at(130)) }
        #expect(o.status == .leaderChecked)
    }

    @Test func R4_6_teamLeaderWritesAdvice() throws {
        var o = try RO.order(in: .selfChecked)
        #expect(throws: Refusal.self) { try o.check(.leader, passed: true, by: RO.leader, note: "", at: RO.at(120)) }
    }

    @Test func R4_7_washOnlyWhenChosenAndBeforeTheDeliveryCheck() throws {
        var o = try RO.order(in: .qcPassed)
        #expect(o.blockers(for: .deliveryCheck).contains { $0.field == "wash" })
        try o.wash()
        #expect(throws: Refusal.self) { try o.wash() }
    }

    @Test func R5_2_refusedDeliveryCheckListsEveryUnmetCondition() throws {
        var o = try RO.order(in: .qcPassed)
        // Simulate what the checks never allow together, to see every condition listed.
        o.lines[0].done = false
        o.lines[1].issued = 1
        o.lines.append(RepairOrderLine(id: 3, kind: .labor, code: "AC-CLEAN", name: "空调清洗", hours: LaborHours(hundredths: 50),
                                       unitPrice: Money(fen: 28_000), origin: .extra, approval: .pending))
        o.checks.append(QualityCheck(stage: .final, passed: false, by: "周质检", at: RO.at(140), note: "复检"))
        let fields = o.blockers(for: .deliveryCheck)
        #expect(fields.contains { $0.field == "qc" })
        #expect(fields.contains { $0.field == "wash" })
        #expect(fields.contains { $0.message.contains("waits for the customer's approval") })
        #expect(fields.contains { $0.message.contains("1 of 2 issued") })
        #expect(fields.contains { $0.message.contains("went back to work after the failed final QC") })
        #expect(throws: Refusal.self) { try o.deliveryCheck() }
    }

    @Test func R5_3_majorRepairAtPeakTimeIsWarned() throws {
        var o = try RO.order(in: .readyForDelivery)
        #expect(try o.notifyCustomer(agreedAt: RO.at(300), now: RO.at(200), atPeak: true).isEmpty)
        o.lines[0].hours = LaborHours(hundredths: 450)
        #expect(try o.notifyCustomer(agreedAt: RO.at(300), now: RO.at(200), atPeak: true).count == 1)
    }

    @Test func R5_4_deliveryNeedsNotifyCallTimeAndOldPartsShown() throws {
        var o = try RO.order(in: .readyForDelivery)
        var record = RO.delivery(shown: false)
        record.followUpPreference = ""
        do { try o.deliver(record) } catch {
            #expect(Set(error.problems.map(\.field)) == ["notify", "call-time", "old-parts"])
        }
        #expect(o.status == .readyForDelivery)
    }

    @Test func R5_6_declinedSafetyRecommendationNeedsASignature() throws {
        var o = try RO.order(in: .reception)
        let rec = try o.addLine(RepairOrderLine(kind: .part, code: "TYRE-235", name: "轮胎", quantity: 2, unitPrice: Money(fen: 98_000),
                                                 origin: .recommended, approval: .pending, safety: true))
        try o.decideLine(rec.id, approve: false)
        var done = try RO.order(in: .delivered)
        done.lines.append(o.lines[2])
        #expect(throws: Refusal.self) { try done.settle(signedBy: "贺倩", declinedAcknowledged: false) }
        try done.settle(signedBy: "贺倩", declinedAcknowledged: true)
        #expect(done.status == .settled)
    }

    @Test func R5_8_paymentMustMatchTheSettlement() throws {
        var o = try RO.order(in: .settled)
        let wrong = Payment(method: .card, amount: Money(fen: 1), invoiceNumber: "INV-1", gatePass: "GP-1", by: "收银员", at: RO.at(320))
        #expect(throws: Refusal.self) { try o.pay(wrong, vatBasisPoints: 1300) }
        #expect(o.status == .settled)
    }

    @Test func noLinesChangeAfterFinalQC() throws {
        for status in [RepairOrderStatus.qcPassed, .readyForDelivery, .delivered, .settled, .closed, .cancelled] {
            var o = try RO.order(in: status)
            #expect(throws: Refusal.self) { try o.addLine(RO.oilFilter) }
        }
    }

    @Test func cancelRefusedOnceWorkStarted() throws {
        var o = try RO.order(in: .inProgress)
        #expect(throws: Refusal.self) { try o.cancel(reason: "客户要走") }
    }
}

@Suite struct SettlementTests {
    @Test func laborIsHoursTimesRateRoundedHalfUp() {
        let line = RepairOrderLine(kind: .labor, code: "X", name: "x", hours: LaborHours(hundredths: 125), unitPrice: Money(fen: 28_001))
        // 1.25 h × ¥280.01 = ¥350.0125 → ¥350.01
        #expect(line.amount.fen == 35_001)
        let half = RepairOrderLine(kind: .labor, code: "X", name: "x", hours: LaborHours(hundredths: 50), unitPrice: Money(fen: 1))
        #expect(half.amount.fen == 1) // 0.5 fen rounds up
    }

    @Test func vatIsComputedOnceOnTheCustomersNetTotal() {
        let lines = [
            RepairOrderLine(kind: .labor, code: "L", name: "l", hours: LaborHours(hundredths: 120), unitPrice: Money(fen: 28_000)),
            RepairOrderLine(kind: .part, code: "P", name: "p", quantity: 3, unitPrice: Money(fen: 333)),
        ]
        let s = Settlement(lines: lines, vatBasisPoints: 1300)
        #expect(s.laborNet.fen == 33_600)
        #expect(s.partsNet.fen == 999)
        #expect(s.net.fen == 34_599)
        #expect(s.vat.fen == 4_498) // 34599 × 13% = 4497.87 → 4498
        #expect(s.total.fen == 39_097)
    }

    @Test func warrantyFreeAndUnapprovedLinesCostTheCustomerNothing() {
        let lines = [
            RepairOrderLine(kind: .labor, code: "W", name: "w", hours: LaborHours(hundredths: 100), unitPrice: Money(fen: 28_000), payer: .warranty),
            RepairOrderLine(kind: .labor, code: "F", name: "首保", hours: LaborHours(hundredths: 100), unitPrice: Money(fen: 28_000), payer: .free),
            RepairOrderLine(kind: .part, code: "R", name: "refused", quantity: 1, unitPrice: Money(fen: 50_000), approval: .refused),
            RepairOrderLine(kind: .part, code: "Q", name: "pending", quantity: 1, unitPrice: Money(fen: 50_000), approval: .pending),
            RepairOrderLine(kind: .part, code: "C", name: "customer", quantity: 1, unitPrice: Money(fen: 10_000)),
        ]
        let s = Settlement(lines: lines, vatBasisPoints: 1300)
        #expect(s.net.fen == 10_000)
        #expect(s.coveredValue.fen == 56_000)
        #expect(s.vat.fen == 1_300)
        #expect(s.total.fen == 11_300)
    }

    @Test func discountComesOffTheNetBeforeVATAndNeverBelowZero() {
        let lines = [RepairOrderLine(kind: .part, code: "P", name: "p", quantity: 1, unitPrice: Money(fen: 10_000))]
        let s = Settlement(lines: lines, vatBasisPoints: 1300, discount: Money(fen: 1_000))
        #expect(s.net.fen == 9_000)
        #expect(s.vat.fen == 1_170)
        #expect(Settlement(lines: lines, vatBasisPoints: 1300, discount: Money(fen: 50_000)).total.fen == 0)
    }

    @Test func roundingHalfUpIsSymmetric() {
        #expect(Money.divideRoundingHalfUp(5, by: 10) == 1)
        #expect(Money.divideRoundingHalfUp(4, by: 10) == 0)
        #expect(Money.divideRoundingHalfUp(-5, by: 10) == -1)
        #expect(Money.divideRoundingHalfUp(-4, by: 10) == 0)
    }
}
