/// The repair order's money beyond the settlement itself: who pays what
/// (customer, insurer), deposits, the payment at the cashier in several
/// parts with change, a charge to a credit account, the free first-service
/// package, and lines the maker refused under warranty (R3.5, R5.5-R5.8, X1, X3).

/// Everything the customer and the insurer owe for one order.
public struct Bill: Sendable, Equatable {
    /// The customer's own lines (labour, parts, discount, VAT).
    public var settlement: Settlement
    /// The lines billed to the insurer, and who pays what of them; nil when there are none.
    public var insurance: InsuranceSplit?
    /// Deposits taken, less anything refunded.
    public var deposits: Money
    /// Everything taken so far: deposits, the payment's parts, less refunds.
    public var paid: Money
    /// What the customer pays for the visit: their own total, plus the deductible and extras of an insurance repair.
    public var customerTotal: Money { settlement.total + (insurance?.customerPays ?? .zero) }
    /// Still to pay at the cashier (nothing once closed); negative: to refund.
    public var dueNow: Money { customerTotal - paid }
}

/// The labour and parts free at a brand's first service (R5.6), from the
/// `first_service.free_package` setting: `星河:XH-15400-0001+XH-08232-0020`.
/// The first-service labour (`MNT-FIRST`) is always free.
public struct FirstServicePackage: Sendable, Hashable {
    /// Vehicles whose model starts with this (`星河`, `星河 EV6`).
    public var modelPrefix: String
    public var codes: [String]

    public init(modelPrefix: String, codes: [String]) {
        self.modelPrefix = modelPrefix
        self.codes = codes
    }

    /// The setting's items; nil when one is not `PREFIX:CODE+CODE`.
    public static func list(_ items: [String]) -> [FirstServicePackage]? {
        guard let keyed = SettingList.keyed(items) else { return nil }
        var out: [FirstServicePackage] = []
        for (prefix, text) in keyed {
            let codes = text.split(separator: "+").map { String($0).trimmingWhitespace().uppercased() }.filter { !$0.isEmpty }
            guard !codes.isEmpty else { return nil }
            out.append(FirstServicePackage(modelPrefix: prefix, codes: codes))
        }
        return out
    }

    public var settingText: String { modelPrefix + ":" + codes.joined(separator: "+") }

    /// The codes free at the first service of a model: the longest matching prefix's package, and the first-service labour.
    public static func freeCodes(for model: String, in packages: [FirstServicePackage]) -> Set<String> {
        let best = packages.filter { model.hasPrefix($0.modelPrefix) }.max { $0.modelPrefix.count < $1.modelPrefix.count }
        return Set(best?.codes ?? []).union([LaborOperation.firstServiceCode])
    }
}

extension RepairOrder {
    /// Deposits taken, less refunds.
    public var depositsHeld: Money {
        Money(fen: payments.filter { $0.kind != .payment }.reduce(0) { $0 + $1.amount.fen })
    }

    public func bill(vatBasisPoints: Int) -> Bill {
        let s = settlement(vatBasisPoints: vatBasisPoints)
        let split = s.insurerNet.fen > 0 || insurance != nil ? InsuranceSplit(net: s.insurerNet, vatBasisPoints: vatBasisPoints, claim: insurance) : nil
        return Bill(settlement: s, insurance: split, deposits: depositsHeld, paid: Money(fen: payments.reduce(0) { $0 + $1.amount.fen }))
    }

    // MARK: Who pays a new line

    /// The payer of a line added without one: free when it is the first
    /// service's labour, or in the brand's package on an order that is a
    /// first service; else the customer.
    public func defaultPayer(for code: String, freeCodes: Set<String>) -> LinePayer {
        if code == LaborOperation.firstServiceCode { return .free }
        let firstService = lines.contains { $0.code == LaborOperation.firstServiceCode && $0.approval != .refused }
        return firstService && freeCodes.contains(code) ? .free : .customer
    }

    /// When the first service's labour joins the estimate, the package's
    /// parts already on it become free too. Returns the lines changed.
    @discardableResult
    public mutating func applyFirstServicePackage(_ freeCodes: Set<String>) -> [RepairOrderLine] {
        guard status == .reception, lines.contains(where: { $0.code == LaborOperation.firstServiceCode && $0.approval != .refused }) else { return [] }
        var changed: [RepairOrderLine] = []
        for i in lines.indices where lines[i].payer == .customer && freeCodes.contains(lines[i].code) {
            lines[i].payer = .free
            changed.append(lines[i])
        }
        return changed
    }

    /// A line for the insurer needs the claim first (`ro insurance`).
    public func payerProblems(_ payer: LinePayer) -> [Problem] {
        payer == .insurer && insurance == nil ? [Problem("payer", Message("insurance.claim_first", ["number": .text(number)]))] : []
    }

    // MARK: Warranty refused (R3.5, X1, X3)

    /// The maker will not pay: the warranty lines become the customer's,
    /// waiting for the customer's yes before work goes on (and never charged
    /// without it). Returns the lines moved.
    @discardableResult
    mutating func warrantyLinesToCustomer() -> [RepairOrderLine] {
        var moved: [RepairOrderLine] = []
        for i in lines.indices where lines[i].payer == .warranty && lines[i].approval != .refused {
            lines[i].payer = .customer
            lines[i].approval = .pending
            moved.append(lines[i])
        }
        return moved
    }

    // MARK: Accident repairs

    /// R5.3: an accident repair, not handed over at peak times: billed to an insurer, or body-and-paint work.
    public func isAccidentRepair(jobType: JobType) -> Bool { insurance != nil || jobType == .bodyPaint }

    /// Records the insurer, the claim and the loss assessment (定损), until the settlement is signed.
    public mutating func recordInsurance(_ claim: InsuranceClaim, insurers: [Insurer]) throws(Refusal) {
        var p = statusProblems("record the insurance claim", allowed: [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked,
                                                                        .leaderChecked, .qcPassed, .readyForDelivery, .delivered])
        p += InsuranceClaim.problems(claim, insurers: insurers)
        try Refusal.check(Message("repair_order.cannot.insurance", ["number": .text(number)]), p)
        var c = claim
        c.claimNumber = claim.claimNumber.trimmingWhitespace()
        insurance = c
    }

    /// What must be true of the insurance before the settlement is signed: lines for the insurer need a claim.
    func insuranceProblems() -> [Problem] {
        guard insurance == nil else { return [] }
        return approvedLines.filter { $0.payer == .insurer }.map {
            Problem("line \($0.id)", Message("insurance.line_without_claim", ["code": .text($0.code), "name": .text($0.name)]))
        }
    }

    // MARK: Deposits and payment (R5.8)

    /// A deposit before the work is done. The time is the session's clock.
    public mutating func takeDeposit(_ method: PaymentMethod, amount: Money, tendered: Money?, by: String, at: Timestamp) throws(Refusal) {
        var p = statusProblems("take a deposit", allowed: [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked,
                                                           .leaderChecked, .qcPassed, .readyForDelivery, .delivered])
        if amount.fen <= 0 { p.append(Problem("amount", Message("payment.deposit_positive"))) }
        if method == .account { p.append(Problem("method", Message("payment.deposit_not_on_account"))) }
        p += Cashier.tenderProblems(tendered, cash: method == .cash ? amount : nil)
        try Refusal.check(Message("repair_order.cannot.deposit", ["number": .text(number)]), p)
        payments.append(PaymentEntry(kind: .deposit, method: method, amount: amount, tendered: tendered, by: by, at: at))
    }

    /// R5.8: the payment at the cashier, in one or several parts that add up
    /// exactly to what is still due (the bill less deposits); one part may be
    /// left open to take the rest. Cash may be tendered above its part: the
    /// change is recorded. A part on `account` is charged to the customer's
    /// credit account within its limit. Deposits above the bill are refunded.
    @discardableResult
    public mutating func pay(parts given: [TenderPart], tendered: Money?, invoiceNumber: String, gatePass: String, by: String, at: Timestamp,
                             vatBasisPoints: Int, account: inout CreditAccount?) throws(Refusal) -> [PaymentEntry] {
        var p = blockers(for: .pay)
        let bill = self.bill(vatBasisPoints: vatBasisPoints)
        let due = bill.dueNow
        // Nothing to pay: a part of nothing is no part (`--amount 0` on a free first service).
        let parts = due.fen <= 0 ? given.filter { ($0.amount?.fen ?? 0) != 0 } : given
        var split: [(method: PaymentMethod, amount: Money)] = []
        if due.fen > 0 {
            if parts.isEmpty { p.append(Problem("method", Message("payment.parts_needed", ["due": .money(due)]))) }
            else {
                switch Cashier.settle(parts, due: due) {
                case .success(let s): split = s
                case .failure(let refusal): p += refusal.problems
                }
            }
        } else if !parts.isEmpty {
            p.append(Problem("amount", Message("payment.nothing_due", ["due": .money(due)])))
        }
        p += Cashier.tenderProblems(tendered, cash: split.first { $0.method == .cash }?.amount ?? (parts.contains { $0.method == .cash } ? .zero : nil))
        if let charge = split.first(where: { $0.method == .account })?.amount {
            if account == nil { p.append(Problem("method", Message("account.none_for_customer"))) }
            else {
                do throws(Refusal) { try account?.charge(charge) } catch { p += error.problems }
            }
        }
        if invoiceNumber.trimmingWhitespace().isEmpty && bill.customerTotal.fen > 0 { p.append(Problem("invoice", Message("repair_order.invoice_needed"))) }
        try Refusal.check(Message("repair_order.cannot.pay", ["number": .text(number)]), p)

        var entries = split.map {
            PaymentEntry(kind: .payment, method: $0.method, amount: $0.amount, tendered: $0.method == .cash ? tendered : nil, by: by, at: at)
        }
        if due.fen < 0 {
            let method = payments.last { $0.kind == .deposit }?.method ?? .cash
            entries.append(PaymentEntry(kind: .refund, method: method, amount: due, by: by, at: at))
        }
        payments += entries
        let main = split.max { $0.amount < $1.amount }?.method ?? given.first?.method ?? payments.first?.method ?? .cash
        payment = Payment(method: main, amount: Money(fen: max(due.fen, 0)), invoiceNumber: invoiceNumber.trimmingWhitespace(), gatePass: gatePass, by: by, at: at)
        status = .closed
        return entries
    }

    /// A cancelled order gives its deposits back. Returns the refund, if any.
    public mutating func refundDeposits(by: String, at: Timestamp) -> PaymentEntry? {
        let held = depositsHeld
        guard held.fen > 0 else { return nil }
        let method = payments.last { $0.kind == .deposit }?.method ?? .cash
        let refund = PaymentEntry(kind: .refund, method: method, amount: Money(fen: -held.fen), by: by, at: at)
        payments.append(refund)
        return refund
    }
}
