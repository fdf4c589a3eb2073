import LaneCore
import LaneStore

/// Credit accounts (挂账) of fleet customers: opened with a limit by the
/// service manager, charged by `ro pay --method account`, paid off at the
/// cashier (R5.8). The rules are LaneCore's `CreditAccount`.
public struct CreditAccountDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// Opens a customer's account, or sets a new limit (`account open`).
    public func open(_ request: CreditAccountRequest, by caller: Caller) throws -> Done<CreditAccountView> {
        try department.change("account open", by: caller) { tx in
            let view = try Self.open(request, by: caller, tx)
            return Recorded(view, audit: AuditNote(ref: view.customer.code, summary: Message("account.did.open", [
                "customer": .text(view.customer.code), "limit": .money(view.account.limit)]).description))
        }
    }

    static func open(_ request: CreditAccountRequest, by caller: Caller, _ tx: any StoreWriting) throws -> CreditAccountView {
        var p: [Problem] = []
        let customer = try References.customer(request.customer, tx, into: &p)
        let existing = try customer.flatMap { try tx.creditAccount(customerID: $0.id) }
        p += CreditAccount.limitProblems(request.amount, balance: existing?.balance ?? .zero)
        try Refusal.check(Message("account.cannot_open"), p)
        guard let customer else { throw StoreFailure(Message("store.missing.customer")) }
        var account = existing ?? CreditAccount(customerID: customer.id, limit: request.amount, openedBy: caller.user, openedAt: caller.now)
        account.limit = request.amount
        try tx.saveCreditAccount(account)
        return CreditAccountView(customer: customer, account: account, entries: try tx.creditAccountEntries(customerID: customer.id, limit: 20))
    }

    /// The customer pays what they owe, or part of it (`account repay`).
    public func repay(_ request: CreditAccountRequest, by caller: Caller) throws -> Done<CreditAccountView> {
        try department.change("account repay", by: caller) { tx in
            let view = try Self.repay(request, by: caller, tx)
            return Recorded(view, audit: AuditNote(ref: view.customer.code, summary: Message("account.did.repay", [
                "customer": .text(view.customer.code), "amount": .money(request.amount), "balance": .money(view.account.balance)]).description))
        }
    }

    static func repay(_ request: CreditAccountRequest, by caller: Caller, _ tx: any StoreWriting) throws -> CreditAccountView {
        var p: [Problem] = []
        let customer = try References.customer(request.customer, tx, into: &p)
        var account = try customer.flatMap { try tx.creditAccount(customerID: $0.id) }
        if customer != nil && account == nil { p.append(Problem("customer", Message("account.none_for_customer"))) }
        if request.method == .account { p.append(Problem("method", Message("account.repay_not_on_account"))) }
        do throws(Refusal) { try account?.repay(request.amount) } catch { p += error.problems }
        try Refusal.check(Message("account.cannot_repay"), p)
        guard let customer, let account else { throw StoreFailure(Message("store.missing.credit_account")) }
        try tx.saveCreditAccount(account)
        // The time is the session's clock: a repayment cannot be backdated.
        try tx.appendCreditAccountEntry(customerID: customer.id, CreditAccountEntry(kind: .repayment, amount: request.amount, method: request.method,
                                                                                    reference: request.reference, by: caller.user, at: caller.now))
        return CreditAccountView(customer: customer, account: account, entries: try tx.creditAccountEntries(customerID: customer.id, limit: 20))
    }

    /// A customer's account and its latest rows (`account show`).
    public func show(_ reference: String, by caller: Caller) throws -> CreditAccountView {
        try department.read("account show", by: caller) { tx in try Self.show(reference, tx) }
    }

    static func show(_ reference: String, _ tx: any StoreReading) throws -> CreditAccountView {
        let customer = try References.customer(reference, tx)
        guard let account = try tx.creditAccount(customerID: customer.id) else {
            throw Refusal(Message("account.cannot_show"), problems: [Problem("customer", Message("account.none_for_customer"))])
        }
        return CreditAccountView(customer: customer, account: account, entries: try tx.creditAccountEntries(customerID: customer.id, limit: 20))
    }
}

/// `account open` (amount: the limit) and `account repay` (amount: what is paid).
public struct CreditAccountRequest: Sendable {
    public var customer: String
    public var amount: Money
    public var method: PaymentMethod
    public var reference: String
    public init(customer: String, amount: Money, method: PaymentMethod = .transfer, reference: String = "") {
        self.customer = customer
        self.amount = amount
        self.method = method
        self.reference = reference
    }
}

/// An account with its customer and latest statement rows, newest first.
public struct CreditAccountView: Sendable {
    public var customer: Customer
    public var account: CreditAccount
    public var entries: [CreditAccountEntry]
}
