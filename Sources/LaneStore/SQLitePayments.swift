import GRDB
import LaneCore

/// Reading fleet customers' credit accounts (挂账).
public protocol CreditAccountsReading {
    func creditAccount(customerID: Int64) throws -> CreditAccount?
    /// The account's statement, newest first, at most `limit` rows.
    func creditAccountEntries(customerID: Int64, limit: Int) throws -> [CreditAccountEntry]
}

/// Changing them: one row per account, one statement row per charge or repayment.
public protocol CreditAccountsWriting: CreditAccountsReading {
    /// Opens an account, or changes its limit and balance.
    func saveCreditAccount(_ account: CreditAccount) throws
    func appendCreditAccountEntry(customerID: Int64, _ entry: CreditAccountEntry) throws
}

// The repair order's payments and insurance claim (v24), and credit accounts.
extension SQLiteTransaction {
    /// Payments are only ever appended: the ones `before` did not have.
    func savePayments(_ o: RepairOrder, was before: RepairOrder?) throws {
        for e in o.payments.dropFirst(before?.payments.count ?? 0) {
            try execute(sql: """
                INSERT INTO repair_order_payment (repair_order_id, kind, method, amount_fen, tendered_fen, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [o.id, e.kind.rawValue, e.method.rawValue, e.amount.fen, e.tendered?.fen, e.by, e.at.secondsSince1970])
        }
    }

    /// The order row's own payment columns: who signed for declined safety items, an accident repair's claim.
    func loadInsurance(_ o: inout RepairOrder, _ row: OrderRow) throws {
        o.declinedSignedBy = try row[.declined_signed_by]
        if let insurer = try row[.insurer] as String? {
            o.insurance = try InsuranceClaim(insurer: insurer, claimNumber: row[.insurance_claim] ?? "", assessed: Money(fen: row[.insurance_assessed_fen] ?? 0),
                                         deductible: Money(fen: row[.insurance_deductible_fen] ?? 0))
        }
    }

    /// The payments of the orders `filter` (on `repair_order_id`) selects, by order id, oldest first.
    func payments(_ filter: String, _ arguments: StatementArguments, numbers: [Int64: String]) throws -> [Int64: [PaymentEntry]] {
        var payments: [Int64: [PaymentEntry]] = [:]
        try eachStepRow(sql: """
            SELECT kind, method, amount_fen, tendered_fen, by, at, repair_order_id FROM repair_order_payment
            WHERE \(filter) ORDER BY repair_order_id, id
            """, arguments: arguments, table: "repair_order_payment") { r in
            let orderID: Int64 = try r[6]
            guard let kind = PaymentKind(rawValue: try r[0]), let method = PaymentMethod(rawValue: try r[1]) else {
                throw StoreFailure(Message("store.damaged.payment", ["number": .text(numbers[orderID] ?? "?")]))
            }
            payments[orderID, default: []].append(try PaymentEntry(kind: kind, method: method, amount: Money(fen: r[2]),
                                                                   tendered: (r[3] as Int64?).map(Money.init(fen:)), by: r[4],
                                                                   at: Timestamp(secondsSince1970: r[5])))
        }
        return payments
    }

    func creditAccount(customerID: Int64) throws -> CreditAccount? {
        try fetchRow(sql: "SELECT customer_id, limit_fen, balance_fen, opened_by, opened_at FROM credit_account WHERE customer_id = ?",
                     arguments: [customerID]).map { r in
            CreditAccount(customerID: r[0], limit: Money(fen: r[1]), balance: Money(fen: r[2]), openedBy: r[3], openedAt: Timestamp(secondsSince1970: r[4]))
        }
    }

    func creditAccountEntries(customerID: Int64, limit: Int) throws -> [CreditAccountEntry] {
        try fetchRows(sql: """
            SELECT kind, amount_fen, method, reference, by, at FROM credit_account_entry WHERE customer_id = ? ORDER BY id DESC LIMIT ?
            """, arguments: [customerID, limit]).map { r in
            guard let kind = CreditAccountEntry.Kind(rawValue: r[0]) else { throw StoreFailure(Message("store.damaged.credit_account", ["id": .int(Int(customerID))])) }
            return CreditAccountEntry(kind: kind, amount: Money(fen: r[1]), method: (r[2] as String?).flatMap(PaymentMethod.init(rawValue:)),
                                      reference: r[3], by: r[4], at: Timestamp(secondsSince1970: r[5]))
        }
    }

    func saveCreditAccount(_ a: CreditAccount) throws {
        try execute(sql: """
            INSERT INTO credit_account (customer_id, limit_fen, balance_fen, opened_by, opened_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET limit_fen = excluded.limit_fen, balance_fen = excluded.balance_fen
            """, arguments: [a.customerID, a.limit.fen, a.balance.fen, a.openedBy, a.openedAt.secondsSince1970])
    }

    func appendCreditAccountEntry(customerID: Int64, _ e: CreditAccountEntry) throws {
        try execute(sql: """
            INSERT INTO credit_account_entry (customer_id, kind, amount_fen, method, reference, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [customerID, e.kind.rawValue, e.amount.fen, e.method?.rawValue, e.reference, e.by, e.at.secondsSince1970])
    }
}
