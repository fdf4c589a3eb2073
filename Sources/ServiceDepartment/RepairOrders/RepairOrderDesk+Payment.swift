import LaneCore
import LaneStore

/// Deposits and insurance claims on a repair order, and the facts the money
/// rules need from the store (the brand's free first-service package, the
/// job's type). The rules are LaneCore's (`RepairOrder+Payment`, `Cashier`, `Insurance`).
extension RepairOrderDesk {
    /// R5.8: a deposit, at the cashier (`ro deposit`).
    public func deposit(_ request: DepositRequest, by caller: Caller) throws -> Done<StepDone<PaymentEntry>> {
        try department.change("ro deposit", by: caller) { tx in
            let done = try Self.deposit(request, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.text))
        }
    }

    static func deposit(_ request: DepositRequest, by caller: Caller, _ tx: any StoreWriting) throws -> StepDone<PaymentEntry> {
        try step("deposit", order: request.order, by: caller, tx) { order, _ in
            // The time is the session's clock, never typed.
            try order.takeDeposit(request.method, amount: request.amount, tendered: request.tendered, by: caller.user, at: caller.now)
            guard let entry = order.payments.last else { throw StoreFailure(Message("store.missing.deposit", ["number": .text(order.number)])) }
            let words = entry.change.fen > 0
                ? Message("payment.did.deposit_change", ["amount": .money(entry.amount), "method": entry.method.argument,
                                                         "tendered": .money(entry.tendered ?? entry.amount), "change": .money(entry.change)])
                : Message("payment.did.deposit", ["amount": .money(entry.amount), "method": entry.method.argument])
            return (words, entry)
        }
    }

    /// An accident repair's insurer, claim and loss assessment (`ro insurance`).
    public func insurance(_ request: InsuranceRequest, by caller: Caller) throws -> Done<StepDone<InsuranceClaim>> {
        try department.change("ro insurance", by: caller) { tx in
            let done = try Self.insurance(request, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.text))
        }
    }

    static func insurance(_ request: InsuranceRequest, by caller: Caller, _ tx: any StoreWriting) throws -> StepDone<InsuranceClaim> {
        try step("insurance", order: request.order, by: caller, tx) { order, _ in
            let claim = InsuranceClaim(insurer: request.insurer.trimmingWhitespace().uppercased(), claimNumber: request.claimNumber,
                                       assessed: request.assessed, deductible: request.deductible)
            try order.recordInsurance(claim, insurers: caller.settings.insurers)
            guard let recorded = order.insurance else { throw StoreFailure(Message("store.missing.claim", ["number": .text(order.number)])) }
            let name = caller.settings.insurers.first { $0.code == recorded.insurer }?.name ?? recorded.insurer
            let words = Message("payment.did.insurance", ["insurer": .text(name), "claim": .text(recorded.claimNumber),
                                                          "assessed": .money(recorded.assessed), "deductible": .money(recorded.deductible)])
            return (words, recorded)
        }
    }

    /// The codes free at this order's first service: its vehicle's brand package (R5.6).
    static func freeCodes(_ o: RepairOrder, _ caller: Caller, _ tx: any StoreReading) throws -> Set<String> {
        let model = try tx.vehicle(id: o.vehicleID)?.model ?? ""
        return FirstServicePackage.freeCodes(for: model, in: caller.settings.firstServicePackages)
    }

    /// The order's job type from its approved labour lines' skills (R4.2, R5.3).
    public static func jobType(_ o: RepairOrder, _ tx: any StoreReading) throws -> JobType {
        var skills: [Skill] = []
        for code in Set(o.approvedLines.filter { $0.kind == .labor }.map(\.code)) {
            if let op = try tx.laborOperation(code: code) { skills.append(op.skill) }
        }
        return JobType.of(skills: skills)
    }
}

/// `ro deposit`: how much, how, and cash tendered.
public struct DepositRequest: Sendable {
    public var order: String
    public var method: PaymentMethod
    public var amount: Money
    public var tendered: Money?
    public init(order: String, method: PaymentMethod, amount: Money, tendered: Money? = nil) {
        self.order = order
        self.method = method
        self.amount = amount
        self.tendered = tendered
    }
}

/// `ro insurance`: the insurer, its claim number, the loss assessment and the deductible.
public struct InsuranceRequest: Sendable {
    public var order: String
    public var insurer: String
    public var claimNumber: String
    public var assessed: Money
    public var deductible: Money
    public init(order: String, insurer: String, claimNumber: String, assessed: Money, deductible: Money = .zero) {
        self.order = order
        self.insurer = insurer
        self.claimNumber = claimNumber
        self.assessed = assessed
        self.deductible = deductible
    }
}

/// The words of the cashier's and the settlement's answers.
public enum PaymentWords {
    /// One answer: what was done, then each note on a line of its own.
    public static func withNotes(_ said: Message, _ notes: [Message]) -> Message {
        notes.isEmpty ? said : Message("payment.with_notes", ["said": .message(said), "notes": .lines(notes.map { .message($0) })])
    }

    /// `paid ¥296.06 by wechat; gate pass …`, then a line each for the parts, change, refund, deposits and account charge.
    public static func paid(_ order: RepairOrder, _ payment: Payment) -> [Message] {
        let parts = order.payments.filter { $0.kind != .deposit && $0.at == payment.at }
        let paidParts = parts.filter { $0.kind == .payment }
        var out = [Message("repair_order.paid", ["amount": .money(payment.amount), "method": payment.method.argument, "gate_pass": .text(payment.gatePass)])]
        if paidParts.count > 1 {
            out.append(Message("payment.split", ["parts": .list(paidParts.map {
                .message(Message("payment.part", ["method": $0.method.argument, "amount": .money($0.amount)]))
            })]))
        }
        for e in parts where e.change.fen > 0 {
            out.append(Message("payment.change", ["tendered": .money(e.tendered ?? e.amount), "change": .money(e.change)]))
        }
        for e in parts where e.kind == .refund {
            out.append(Message("payment.refund", ["amount": .money(Money(fen: -e.amount.fen)), "method": e.method.argument]))
        }
        let deposits = order.payments.filter { $0.kind == .deposit }.reduce(Money.zero) { $0 + $1.amount }
        if deposits.fen > 0 { out.append(Message("payment.deposits_counted", ["amount": .money(deposits)])) }
        let charged = paidParts.filter { $0.method == .account }.reduce(Money.zero) { $0 + $1.amount }
        if charged.fen > 0 { out.append(Message("payment.charged_to_account", ["amount": .money(charged)])) }
        return out
    }

    /// What the settlement adds to its totals (R5.6, R5.8): who signed for
    /// declined safety items, the next service and call time, the insurer's
    /// share, deposits and what is left to pay.
    public static func settlementNotes(_ o: RepairOrder, _ bill: Bill) -> [Message] {
        var out: [Message] = []
        // The customer's name and the call time (free text that may hold a number) stay out of
        // these words, which the audit row keeps: they are the record's fields and on the printed settlement.
        if o.declinedSignedBy != nil {
            out.append(Message("payment.settled_declined_signed", ["lines": .list(o.declinedSafetyLines.map { .text("\($0.code) \($0.name)") })]))
        }
        if let d = o.delivery {
            out.append(Message("payment.settled_next_service", ["date": .date(d.nextServiceOn), "km": .int(d.nextServiceKm)]))
        }
        if let split = bill.insurance, let claim = o.insurance {
            out.append(Message("payment.settled_insurance", ["insurer": .text(claim.insurer), "claim": .text(claim.claimNumber), "gross": .money(split.gross),
                                                             "insurer_pays": .money(split.insurerPays), "customer_pays": .money(split.customerPays)]))
        }
        if bill.deposits.fen != 0 || bill.insurance != nil {
            out.append(Message("payment.settled_due", ["total": .money(bill.customerTotal), "deposits": .money(bill.deposits), "due": .money(bill.dueNow)]))
        }
        return out
    }
}
