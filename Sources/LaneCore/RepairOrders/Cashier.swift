/// The cashier's arithmetic (R5.8): payments split over several methods,
/// change for cash, deposits taken at reception, and the credit account
/// (挂账) of a fleet customer. Every amount is Int64 fen.

/// What a payment row of a repair order is.
public enum PaymentKind: String, CaseIterable, Sendable {
    /// Taken before the work (at reception or while the car is in the workshop).
    case deposit
    /// Part of the payment at the cashier that closes the order.
    case payment
    /// Paid back: a deposit larger than the bill, or the deposit of a cancelled order (negative amount).
    case refund

    public var title: String { MessageCatalog.current.word("payment_kind", rawValue) }
}

/// One payment row: how much was counted toward the bill by which method,
/// and for cash what was handed over (the change is the difference).
public struct PaymentEntry: Sendable, Equatable {
    public var kind: PaymentKind
    public var method: PaymentMethod
    /// Counted toward the bill; negative for a refund.
    public var amount: Money
    /// Cash only: the notes handed over; nil when exactly the amount.
    public var tendered: Money?
    public var by: String
    /// From the session's clock, never typed (a cashier cannot backdate a payment).
    public var at: Timestamp

    public init(kind: PaymentKind, method: PaymentMethod, amount: Money, tendered: Money? = nil, by: String, at: Timestamp) {
        self.kind = kind
        self.method = method
        self.amount = amount
        self.tendered = tendered
        self.by = by
        self.at = at
    }

    /// The change handed back for cash.
    public var change: Money { tendered.map { $0 - amount } ?? .zero }
}

/// One part of a payment as the cashier types it: `wechat:200`, or a
/// method alone (`cash`), which takes what is left to pay.
public struct TenderPart: Sendable, Equatable {
    public var method: PaymentMethod
    /// Nil: the rest of what is due.
    public var amount: Money?

    public init(_ method: PaymentMethod, _ amount: Money?) {
        self.method = method
        self.amount = amount
    }
}

public enum Cashier {
    /// The parts with the one open part (no amount) given what is left of
    /// `due`. Problems: more than one open part, a part of zero or less, parts
    /// that do not add up to `due` exactly, a method named twice. The parts
    /// come back in the order given.
    public static func settle(_ parts: [TenderPart], due: Money) -> Result<[(method: PaymentMethod, amount: Money)], Refusal> {
        var p: [Problem] = []
        let open = parts.filter { $0.amount == nil }
        if open.count > 1 { p.append(Problem("split", Message("payment.one_open_part"))) }
        var seen: Set<PaymentMethod> = []
        for part in parts where !seen.insert(part.method).inserted {
            p.append(Problem("split", Message("payment.method_twice", ["method": .text(part.method.word)])))
        }
        for part in parts { if let a = part.amount, a.fen <= 0 { p.append(Problem("split", Message("payment.part_not_positive", ["method": .text(part.method.word)]))) } }
        // Added with a check: a cashier typing absurd amounts gets a refusal, never a crash.
        var fixed: Int64 = 0, overflow = false
        for part in parts {
            let (sum, over) = fixed.addingReportingOverflow(part.amount?.fen ?? 0)
            overflow = overflow || over
            fixed = sum
        }
        let (rest, under) = due.fen.subtractingReportingOverflow(fixed)
        if overflow || under {
            return .failure(Refusal(Message("payment.cannot_split"), problems: [Problem("amount", Message("payment.parts_differ", ["due": .money(due), "given": .text("…")]))]))
        }
        if open.count == 1 && rest <= 0 {
            p.append(Problem("split", Message("payment.nothing_left", ["method": .text(open[0].method.word), "due": .money(due), "given": .money(Money(fen: fixed))])))
        }
        if open.isEmpty && rest != 0 {
            // One part: the words the cashier knows (the total, not what was given); several: what they add up to.
            p.append(Problem("amount", parts.count == 1 ? Message("repair_order.payment_mismatch", ["total": .money(due), "given": .money(Money(fen: fixed))])
                                                         : Message("payment.parts_differ", ["due": .money(due), "given": .money(Money(fen: fixed))])))
        }
        if !p.isEmpty { return .failure(Refusal(Message("payment.cannot_split"), problems: p)) }
        return .success(parts.map { ($0.method, $0.amount ?? Money(fen: rest)) })
    }

    /// Change for cash: the notes handed over less the cash part. Nil when
    /// they do not cover it.
    public static func change(tendered: Money, for cash: Money) -> Money? {
        tendered.fen >= cash.fen ? tendered - cash : nil
    }

    /// What a tendered amount means for a split: problems when there is no
    /// cash part, or the notes do not cover it.
    public static func tenderProblems(_ tendered: Money?, cash: Money?) -> [Problem] {
        guard let tendered else { return [] }
        guard let cash else { return [Problem("tendered", Message("payment.tendered_without_cash"))] }
        if change(tendered: tendered, for: cash) == nil {
            return [Problem("tendered", Message("payment.tendered_short", ["tendered": .money(tendered), "cash": .money(cash)]))]
        }
        return []
    }
}

/// A fleet customer's credit account (挂账): the store lets them pay later up
/// to a limit; the balance is what they owe now.
public struct CreditAccount: Sendable, Equatable {
    public var customerID: Int64
    public var limit: Money
    public var balance: Money
    public var openedBy: String
    public var openedAt: Timestamp

    public init(customerID: Int64, limit: Money, balance: Money = .zero, openedBy: String, openedAt: Timestamp) {
        self.customerID = customerID
        self.limit = limit
        self.balance = balance
        self.openedBy = openedBy
        self.openedAt = openedAt
    }

    /// What may still be charged.
    public var available: Money { Money(fen: max(limit.fen - balance.fen, 0)) }

    /// Problems of a new limit: positive, and not below what is owed now.
    public static func limitProblems(_ limit: Money, balance: Money) -> [Problem] {
        var p: [Problem] = []
        if limit.fen <= 0 { p.append(Problem("limit", Message("account.limit_positive"))) }
        else if limit.fen < balance.fen { p.append(Problem("limit", Message("account.limit_below_balance", ["limit": .money(limit), "balance": .money(balance)]))) }
        return p
    }

    /// Charges an order to the account, within the limit.
    public mutating func charge(_ amount: Money) throws(Refusal) {
        var p: [Problem] = []
        if amount.fen <= 0 { p.append(Problem("amount", Message("account.charge_positive"))) }
        if amount.fen > available.fen {
            p.append(Problem("account", Message("account.over_limit", ["amount": .money(amount), "balance": .money(balance), "limit": .money(limit),
                                                                      "available": .money(available)])))
        }
        try Refusal.check(Message("account.cannot_charge"), p)
        balance = balance + amount
    }

    /// The customer pays (part of) what they owe.
    public mutating func repay(_ amount: Money) throws(Refusal) {
        var p: [Problem] = []
        if amount.fen <= 0 { p.append(Problem("amount", Message("account.repay_positive"))) }
        if amount.fen > balance.fen { p.append(Problem("amount", Message("account.repay_above_balance", ["amount": .money(amount), "balance": .money(balance)]))) }
        try Refusal.check(Message("account.cannot_repay"), p)
        balance = balance - amount
    }
}

/// A row of a credit account's statement.
public struct CreditAccountEntry: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable { case charge, repayment }
    public var kind: Kind
    public var amount: Money
    /// For a repayment: how it was paid.
    public var method: PaymentMethod?
    /// The repair order charged, or the receipt of a repayment.
    public var reference: String
    public var by: String
    public var at: Timestamp

    public init(kind: Kind, amount: Money, method: PaymentMethod?, reference: String, by: String, at: Timestamp) {
        self.kind = kind
        self.amount = amount
        self.method = method
        self.reference = reference
        self.by = by
        self.at = at
    }
}
