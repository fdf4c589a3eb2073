import Testing
@testable import LaneCore

/// The cashier's rules (R5.8), the free first-service package and the
/// settlement's signatures (R5.6), warranty lines the maker refused (R3.5, X1,
/// X3), and accident repairs billed to an insurer.
@Suite struct PaymentRuleTests {
    /// RO.order(.settled) owes 427.00 + 13 % VAT = 482.51.
    static let total = Money(fen: 48_251)

    func pay(_ o: inout RepairOrder, _ parts: [TenderPart], tendered: Money? = nil, account: CreditAccount? = nil) throws -> [PaymentEntry] {
        var a = account
        return try o.pay(parts: parts, tendered: tendered, invoiceNumber: "INV-1", gatePass: "GP-1", by: "莫霞", at: RO.at(330),
                         vatBasisPoints: 1300, account: &a)
    }

    @Test func R5_8_splitPaymentAddsUpToTheFenAndOnePartTakesTheRest() throws {
        var o = try RO.order(in: .settled)
        let entries = try pay(&o, [TenderPart(.wechat, Money(fen: 20_000)), TenderPart(.cash, nil)], tendered: Money(fen: 30_000))
        #expect(entries.map(\.method) == [.wechat, .cash])
        #expect(entries.map(\.amount) == [Money(fen: 20_000), Money(fen: 28_251)])
        #expect(entries[1].change == Money(fen: 1_749))
        #expect(o.status == .closed && o.payment?.amount == Self.total && o.payment?.at == RO.at(330))
    }

    @Test func R5_8_partsThatDoNotAddUpAreRefusedWithEveryReason() throws {
        var o = try RO.order(in: .settled)
        let before = o
        let refusal = #expect(throws: Refusal.self) {
            _ = try pay(&o, [TenderPart(.wechat, Money(fen: 20_000)), TenderPart(.wechat, Money(fen: 1)), TenderPart(.card, Money(fen: 0))],
                        tendered: Money(fen: 100))
        }
        let codes = refusal?.problems.map(\.said.code.rawValue) ?? []
        #expect(codes.contains("payment.method_twice") && codes.contains("payment.part_not_positive") && codes.contains("payment.parts_differ"))
        #expect(codes.contains("payment.tendered_without_cash"))
        #expect(o == before)
    }

    @Test func R5_8_cashTenderedMustCoverTheCashPart() throws {
        var o = try RO.order(in: .settled)
        let refusal = #expect(throws: Refusal.self) { _ = try pay(&o, [TenderPart(.cash, Self.total)], tendered: Money(fen: 48_000)) }
        #expect(refusal?.problems.map(\.said.code.rawValue) == ["payment.tendered_short"])
        let entries = try pay(&o, [TenderPart(.cash, Self.total)], tendered: Money(fen: 50_000))
        #expect(entries.first?.change == Money(fen: 1_749) && entries.first?.tendered == Money(fen: 50_000))
    }

    @Test func R5_8_aDepositCountsTowardThePaymentAndOneAboveTheBillIsRefunded() throws {
        var o = try RO.order(in: .delivered)
        try o.takeDeposit(.wechat, amount: Money(fen: 20_000), tendered: nil, by: "莫霞", at: RO.at(310))
        try o.settle(signedBy: "贺倩", declinedAcknowledged: false)
        #expect(o.bill(vatBasisPoints: 1300).dueNow == Money(fen: 28_251))
        var paid = o
        _ = try pay(&paid, [TenderPart(.cash, Money(fen: 28_251))])
        #expect(paid.payment?.amount == Money(fen: 28_251))

        var big = try RO.order(in: .delivered)
        try big.takeDeposit(.card, amount: Money(fen: 50_000), tendered: nil, by: "莫霞", at: RO.at(310))
        try big.settle(signedBy: "贺倩", declinedAcknowledged: false)
        // Nothing due: a payment part is refused; none closes the order and refunds the rest.
        #expect(throws: Refusal.self) { _ = try pay(&big, [TenderPart(.cash, Money(fen: 100))]) }
        let entries = try pay(&big, [])
        #expect(entries.map(\.kind) == [.refund] && entries.first?.amount == Money(fen: -1_749) && entries.first?.method == .card)
        #expect(big.status == .closed && big.depositsHeld == Self.total)
    }

    @Test func R5_8_aDepositIsMoneyTakenNowNeverOnAccountOrBelowZero() throws {
        var o = try RO.order(in: .signed)
        let refusal = #expect(throws: Refusal.self) {
            try o.takeDeposit(.account, amount: Money(fen: 0), tendered: Money(fen: 5), by: "莫霞", at: RO.at(30))
        }
        #expect(Set(refusal?.problems.map(\.said.code.rawValue) ?? []) == ["payment.deposit_positive", "payment.deposit_not_on_account", "payment.tendered_without_cash"])
        #expect(o.payments.isEmpty)
        var closed = try RO.order(in: .closed)
        #expect(throws: Refusal.self) { try closed.takeDeposit(.cash, amount: Money(fen: 100), tendered: nil, by: "莫霞", at: RO.at(400)) }
    }

    @Test func R5_8_aCancelledOrderRefundsItsDeposits() throws {
        var o = try RO.order(in: .signed)
        try o.takeDeposit(.alipay, amount: Money(fen: 30_000), tendered: nil, by: "莫霞", at: RO.at(30))
        try o.cancel(reason: "客户改期")
        let refund = o.refundDeposits(by: "薛淑芬", at: RO.at(40))
        #expect(refund?.amount == Money(fen: -30_000) && refund?.method == .alipay && o.depositsHeld == .zero)
        #expect(o.refundDeposits(by: "薛淑芬", at: RO.at(41)) == nil)
    }

    @Test func R5_8_aFleetAccountIsChargedWithinItsLimit() throws {
        let account = CreditAccount(customerID: 1, limit: Money(fen: 50_000), balance: Money(fen: 10_000), openedBy: "经理", openedAt: RO.t0)
        var o = try RO.order(in: .settled)
        let before = o
        // 100.00 owed + 482.51 > 500.00: refused, nothing recorded.
        let refusal = #expect(throws: Refusal.self) { _ = try pay(&o, [TenderPart(.account, Self.total)], account: account) }
        #expect(refusal?.problems.map(\.said.code.rawValue) == ["account.over_limit"])
        #expect(o == before)
        // No account at all.
        #expect(throws: Refusal.self) { _ = try pay(&o, [TenderPart(.account, Self.total)]) }
        // Part on account, part by WeChat.
        var a: CreditAccount? = account
        try o.pay(parts: [TenderPart(.account, Money(fen: 40_000)), TenderPart(.wechat, nil)], tendered: nil, invoiceNumber: "INV-2", gatePass: "GP-2",
                  by: "莫霞", at: RO.at(330), vatBasisPoints: 1300, account: &a)
        #expect(a?.balance == Money(fen: 50_000) && a?.available == .zero)
        var repaid = a
        try repaid?.repay(Money(fen: 20_000))
        #expect(repaid?.balance == Money(fen: 30_000))
        #expect(throws: Refusal.self) { try repaid?.repay(Money(fen: 30_001)) }
        #expect(CreditAccount.limitProblems(Money(fen: 29_999), balance: Money(fen: 30_000)).map(\.said.code.rawValue) == ["account.limit_below_balance"])
    }

    @Test func R5_6_theFirstServicePackageIsFreePerBrand() throws {
        let packages = FirstServicePackage.list(["星河:XH-15400-0001+XH-08232-0020", "星河 EV6:EV-COOLANT"])
        #expect(packages?.count == 2)
        let ice = FirstServicePackage.freeCodes(for: "星河 S5 1.5T", in: packages ?? [])
        #expect(ice == ["MNT-FIRST", "XH-15400-0001", "XH-08232-0020"])
        // The longest prefix wins: an EV6 has its own package.
        #expect(FirstServicePackage.freeCodes(for: "星河 EV6", in: packages ?? []) == ["MNT-FIRST", "EV-COOLANT"])
        #expect(FirstServicePackage.freeCodes(for: "其他品牌", in: packages ?? []) == ["MNT-FIRST"])
        #expect(FirstServicePackage.list(["星河"]) == nil && FirstServicePackage.list(["星河:"]) == nil)

        var o = RO.fresh()
        // The oil filter is on the estimate before the first-service labour: it becomes free with it.
        try o.addLine(RepairOrderLine(kind: .part, code: "XH-15400-0001", name: "机油滤清器", unitPrice: Money(fen: 3_800),
                                      payer: o.defaultPayer(for: "XH-15400-0001", freeCodes: ice)))
        #expect(o.lines[0].payer == .customer)
        try o.addLine(RepairOrderLine(kind: .labor, code: "MNT-FIRST", name: "首次保养", hours: LaborHours(hundredths: 100), unitPrice: Money(fen: 28_000),
                                      payer: o.defaultPayer(for: "MNT-FIRST", freeCodes: ice)))
        #expect(o.applyFirstServicePackage(ice).map(\.id) == [1])
        // Added after it: free at once; anything else stays the customer's.
        #expect(o.defaultPayer(for: "XH-08232-0020", freeCodes: ice) == .free)
        #expect(o.defaultPayer(for: "XH-17220-0003", freeCodes: ice) == .customer)
        #expect(o.lines.allSatisfy { $0.payer == .free } && o.settlement(vatBasisPoints: 1300).total == .zero)
    }

    @Test func R5_6_theSettlementKeepsWhoSignedForDeclinedSafetyItems() throws {
        var o = try RO.order(in: .reception)
        try o.addLine(RepairOrderLine(kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 100), unitPrice: Money(fen: 28_000),
                                      origin: .recommended, approval: .pending, safety: true))
        try o.decideLine(3, approve: false)
        var settled = try RO.order(in: .delivered)
        settled.lines = o.lines.map { var l = $0; if l.kind == .part { l.issued = l.quantity }; if l.kind == .labor && l.approval == .approved { l.done = true }; return l }
        #expect(throws: Refusal.self) { try settled.settle(signedBy: "贺倩", declinedAcknowledged: false) }
        try settled.settle(signedBy: "贺倩", declinedAcknowledged: true)
        #expect(settled.declinedSignedBy == "贺倩")
        var plain = try RO.order(in: .delivered)
        try plain.settle(signedBy: "贺倩", declinedAcknowledged: false)
        #expect(plain.declinedSignedBy == nil)
    }

    @Test func R3_5_rejectedWarrantyLinesBecomeCustomerPayWaitingForApproval() throws {
        var o = RO.fresh()
        try o.addLine(RepairOrderLine(kind: .labor, code: "EV-BATT-CHECK", name: "动力电池检测", hours: LaborHours(hundredths: 100),
                                      unitPrice: Money(fen: 28_000), payer: .warranty))
        try o.addLine(RO.oilChange)
        try o.decideWarranty(.escalated)
        try o.recordComplaint("续航骤降")
        try o.recordCheckIn(RO.sheet, lastKnownMileage: 11_000)
        try o.takeDocuments()
        try o.promise(RO.at(240), now: RO.at(15))
        try o.sign(RO.terms)
        try o.handOver()
        try o.dispatch(to: WorkshopTeam(name: "一组", skills: Skill.allCases), skills: [:], by: RO.foreman)
        // The maker says no: the line is the customer's and waits for their yes; nothing is charged yet.
        try o.decideWarranty(.notCovered)
        #expect(o.lines[0].payer == .customer && o.lines[0].approval == .pending)
        #expect(o.settlement(vatBasisPoints: 0).laborNet == Money(fen: 33_600))
        #expect(throws: Refusal.self) { try o.clockOn(line: 1, technician: RO.tech, by: RO.tech, at: RO.at(60)) }
        try o.decideLine(1, approve: true)
        #expect(o.settlement(vatBasisPoints: 0).laborNet == Money(fen: 61_600))
        try o.clockOn(line: 1, technician: RO.tech, by: RO.tech, at: RO.at(60))
    }

    @Test func accidentRepair_insurerPaysTheAssessmentLessTheDeductible() throws {
        let insurers = Insurer.list(["PICC:中国人保财险", "PAIC:平安产险"]) ?? []
        var o = RO.fresh()
        // A line for the insurer needs the claim first.
        let paint = RepairOrderLine(kind: .labor, code: "PAINT-PANEL", name: "单面喷漆", hours: LaborHours(hundredths: 1_000), unitPrice: Money(fen: 28_000),
                                    payer: .insurer)
        #expect(throws: Refusal.self) { try o.addLine(paint) }
        let bad = #expect(throws: Refusal.self) {
            try o.recordInsurance(InsuranceClaim(insurer: "XYZ", claimNumber: " ", assessed: Money(fen: 100), deductible: Money(fen: 200)), insurers: insurers)
        }
        #expect(Set(bad?.problems.map(\.said.code.rawValue) ?? []) == ["insurance.unknown_insurer", "insurance.claim_number_needed", "insurance.deductible_above_assessed"])
        try o.recordInsurance(InsuranceClaim(insurer: "PICC", claimNumber: "RDAA2026001", assessed: Money(fen: 300_000), deductible: Money(fen: 50_000)),
                              insurers: insurers)
        try o.addLine(paint)
        try o.addLine(RO.oilChange)
        // 2,800.00 + 13 % = 3,164.00 for the insurer's lines: it pays up to the 3,000.00 assessed, less the 500.00 deductible.
        var bill = o.bill(vatBasisPoints: 1300)
        #expect(bill.insurance?.gross == Money(fen: 316_400) && bill.insurance?.insurerPays == Money(fen: 250_000))
        #expect(bill.insurance?.customerPays == Money(fen: 66_400) && bill.insurance?.aboveAssessment == Money(fen: 16_400))
        #expect(bill.settlement.coveredValue == .zero && bill.settlement.insurerNet == Money(fen: 280_000))
        // The customer: the oil change with VAT (379.68), the 500.00 deductible and the 164.00 above the assessment.
        #expect(bill.customerTotal == Money(fen: 37_968 + 66_400))
        try o.recordInsurance(InsuranceClaim(insurer: "PICC", claimNumber: "RDAA2026001", assessed: Money(fen: 400_000), deductible: .zero), insurers: insurers)
        bill = o.bill(vatBasisPoints: 1300)
        #expect(bill.insurance?.insurerPays == Money(fen: 316_400) && bill.insurance?.customerPays == .zero)
    }

    @Test func R5_3_anAccidentRepairIsNotHandedOverAtAPeakTime() throws {
        var o = try RO.order(in: .readyForDelivery)
        let warnings = try o.notifyCustomer(agreedAt: RO.at(300), now: RO.at(140), atPeak: true, jobType: .bodyPaint)
        #expect(warnings.map(\.code.rawValue) == ["repair_order.accident_repair_at_peak"])
        var quiet = try RO.order(in: .readyForDelivery)
        #expect(try quiet.notifyCustomer(agreedAt: RO.at(300), now: RO.at(140), atPeak: false, jobType: .bodyPaint).isEmpty)
        #expect(JobType.of(skills: [.mechanical, .paint]) == .bodyPaint && JobType.of(skills: [.maintenance]) == .maintenance)
        #expect(JobType.of(skills: [.mechanical]) == .repair && JobType.bodyPaint.requiredSkills == [.body, .paint])
    }
}
