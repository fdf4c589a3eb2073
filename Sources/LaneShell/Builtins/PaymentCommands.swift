import LaneCore
import ServiceDepartment

/// Money beyond the settlement: `ro deposit`, `ro insurance` (accident
/// repairs billed to an insurer), the payment's parts on `ro pay` and `ro show`,
/// and fleet customers' credit accounts (`account …`, 挂账).
enum PaymentCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "account", "fleet customers' credit accounts (挂账): limit, charges, repayments")
        for spec in [deposit, insurance, openAccount, showAccount, repay] { try registry.register(spec) }
    }

    static let customerPositional = PositionalSpec("customer", "Code (C0007), mobile number or exact name", completion: .customers, current: .customer)

    /// Reads `YUAN` from an option, adding a problem when it is not an amount.
    static func yuan(_ inv: Invocation, _ name: String, into p: inout [Problem]) -> Money? {
        guard let text = inv.option(name) else { return nil }
        guard let m = Money(yuan: text) else {
            p.append(Problem(name, Message("input.not_yuan", ["given": .text(text)])))
            return nil
        }
        return m
    }

    static func method(_ text: String?, _ field: String, into p: inout [Problem]) -> PaymentMethod? {
        guard let text else { return nil }
        if let m = ValueInput.value(text, as: PaymentMethod.self) { return m }
        p.append(Problem(field, ValueInput.notOneOf(text, PaymentMethod.self)))
        return nil
    }

    /// `wechat:200,cash`: each part a method and an amount in yuan; one part may leave the amount out (the rest).
    static func split(_ text: String, into p: inout [Problem]) -> [TenderPart] {
        var parts: [TenderPart] = []
        for item in ListInput.items(text) {
            let pieces = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard let m = method(pieces[0], "split", into: &p) else { continue }
            if pieces.count == 2 {
                if let amount = Money(yuan: pieces[1]) { parts.append(TenderPart(m, amount)) }
                else { p.append(Problem("split", Message("input.not_yuan", ["given": .text(pieces[1])]))) }
            } else {
                parts.append(TenderPart(m, nil))
            }
        }
        if parts.isEmpty && p.isEmpty { p.append(Problem("split", Message("payment.split_example"))) }
        return parts
    }

    // MARK: ro deposit, ro insurance

    static let deposit = CommandSpec(
        noun: "ro", verb: "deposit", summary: "Take a deposit before the work is done; it counts toward the payment",
        discussion: "The cashier takes it at any step before the settlement is paid; the payment at `ro pay` is what is left. "
            + "With cash, --tendered records what the customer handed over and the change. A cancelled order's deposits are refunded.",
        positionals: [RepairOrderCommands.orderPositional],
        options: [OptionSpec("method", value: "METHOD", "cash, card, wechat, alipay or transfer",
                             completion: .choices(PaymentMethod.allCases.filter { $0 != .account }.map(\.spelled)), required: true),
                  OptionSpec("amount", value: "YUAN", "The deposit, e.g. 500", required: true),
                  OptionSpec("tendered", value: "YUAN", "Cash: what the customer handed over (the change is given back)")],
        examples: ["ro deposit RO-20261123-0001 --method wechat --amount 2000", "ro deposit --method cash --amount 480 --tendered 500"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let m = method(inv.option("method") ?? "", "method", into: &p)
            let amount = yuan(inv, "amount", into: &p)
            let tendered = yuan(inv, "tendered", into: &p)
            let order = try ctx.desks.repairOrders.load(inv.positional("ro") ?? "", by: ctx.caller(inv.line))
            guard let m, let amount, p.isEmpty else { throw Refusal(Message("repair_order.cannot.deposit", ["number": .text(order.number)]), problems: p) }
            let done = try ctx.desks.repairOrders.deposit(DepositRequest(order: order.number, method: m, amount: amount, tendered: tendered), by: ctx.caller(inv.line)).value
            return RepairOrderCommands.stepAnswer(done) { r in
                r.add("method", "method", .text(done.value.method.rawValue), words: PaymentMethod.wordKind)
                r.add("amount_fen", "deposit", .money(done.value.amount))
                r.add("tendered_fen", "tendered", done.value.tendered.map(Value.money) ?? .none)
                r.add("change_fen", "change", .money(done.value.change))
                r.add("deposits_fen", "deposits held", .money(done.order.depositsHeld))
            }
        })

    static let insurance = CommandSpec(
        noun: "ro", verb: "insurance", summary: "An accident repair billed to an insurer: claim number, loss assessment, deductible",
        discussion: "The insurer is one of the store's (`insurance.insurers` in the settings). Lines added with --payer insurer are billed to it "
            + "up to the loss assessment (定损, VAT included), less the deductible; the customer pays the deductible and whatever costs more "
            + "than the assessment. Body and paint work is never put under warranty, and an accident repair is not handed over at peak times.",
        positionals: [RepairOrderCommands.orderPositional],
        options: [OptionSpec("insurer", value: "CODE", "The insurer's code, e.g. PICC", required: true),
                  OptionSpec("claim", value: "NUMBER", "The insurer's claim (report) number", required: true),
                  OptionSpec("assessed", value: "YUAN", "The loss assessment (定损金额), VAT included", required: true),
                  OptionSpec("deductible", value: "YUAN", "What the customer pays of it (免赔额); default 0")],
        examples: ["ro insurance RO-20261123-0003 --insurer PICC --claim RDAA202644030000012345 --assessed 4860 --deductible 500"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let assessed = yuan(inv, "assessed", into: &p)
            let deductible = yuan(inv, "deductible", into: &p)
            let order = try ctx.desks.repairOrders.load(inv.positional("ro") ?? "", by: ctx.caller(inv.line))
            guard let assessed, p.isEmpty else {
                throw Refusal(Message("repair_order.cannot.insurance", ["number": .text(order.number)]), problems: p)
            }
            let request = InsuranceRequest(order: order.number, insurer: inv.option("insurer") ?? "", claimNumber: inv.option("claim") ?? "",
                                           assessed: assessed, deductible: deductible ?? .zero)
            let done = try ctx.desks.repairOrders.insurance(request, by: ctx.caller(inv.line)).value
            return RepairOrderCommands.stepAnswer(done) { r in
                r.add("insurer", "insurer", .text(done.value.insurer))
                r.add("claim", "claim", .text(done.value.claimNumber))
                r.add("assessed_fen", "loss assessed", .money(done.value.assessed))
                r.add("deductible_fen", "deductible", .money(done.value.deductible))
            }
        })

    // MARK: What ro pay, ro settle and ro show add

    /// `ro pay`'s parts: `--split`, or `--method` with `--amount`.
    static func tender(_ inv: Invocation, into p: inout [Problem]) -> [TenderPart] {
        if let text = inv.option("split") {
            if inv.option("method") != nil || inv.option("amount") != nil { p.append(Problem("split", Message("payment.split_or_method"))) }
            return split(text, into: &p)
        }
        let m = method(inv.option("method"), "method", into: &p)
        let amount = yuan(inv, "amount", into: &p)
        if inv.option("method") == nil || inv.option("amount") == nil { p.append(Problem("method", Message("payment.method_and_amount"))) }
        guard let m, let amount else { return [] }
        return [TenderPart(m, amount)]
    }

    /// The payment's answer fields: each part, change, and a charge to the account.
    static func paid(_ done: StepDone<Payment>, into r: inout Record) {
        let parts = done.order.payments.filter { $0.kind != .deposit && $0.at == done.value.at }
        r.add("change_fen", "change", .money(parts.reduce(Money.zero) { $0 + $1.change }))
        r.add("deposits_fen", "deposits", .money(done.order.payments.filter { $0.kind == .deposit }.reduce(Money.zero) { $0 + $1.amount }))
        r.add(section: "payments", "payments", table(parts))
    }

    /// The settlement's answer fields beyond its amounts (R5.6, R5.8, accident repairs).
    /// People see only those that say something for this order; scripts get them all.
    static func settled(_ o: RepairOrder, _ settings: StoreSettings, into r: inout Record) {
        let bill = o.bill(vatBasisPoints: settings.vatBasisPoints)
        let money = bill.insurance != nil || bill.paid.fen != 0
        r.add("declined_signed_by", "declined items signed by", .optional(o.declinedSignedBy), forMachines: o.declinedSignedBy == nil)
        r.add("next_service_on", "next service", o.delivery.map { .date($0.nextServiceOn) } ?? .none, forMachines: o.delivery == nil)
        r.add("next_service_km", "next service km", o.delivery.map { .int($0.nextServiceKm) } ?? .none, forMachines: o.delivery == nil)
        r.add("call_time", "follow-up call", .optional(o.delivery?.followUpPreference), forMachines: o.delivery == nil)
        r.add("insurer_fen", "insurer pays", .money(bill.insurance?.insurerPays ?? .zero), forMachines: bill.insurance == nil)
        r.add("customer_total_fen", "customer pays", .money(bill.customerTotal), forMachines: bill.insurance == nil)
        r.add("deposits_fen", "deposits", .money(bill.deposits), forMachines: bill.deposits.fen == 0)
        r.add("due_fen", "still to pay", .money(bill.dueNow), forMachines: !money)
    }

    /// `ro show`: the insurance claim, the settlement's signatures and next service, the payments, invoice and gate pass.
    static func show(_ o: RepairOrder, _ settings: StoreSettings, into r: inout Record) {
        settled(o, settings, into: &r)
        let claim = o.insurance == nil, unpaid = o.payment == nil
        r.add("insurer", "insurer", .optional(o.insurance?.insurer), forMachines: claim)
        r.add("insurance_claim", "insurance claim", .optional(o.insurance?.claimNumber), forMachines: claim)
        r.add("assessed_fen", "loss assessed", o.insurance.map { .money($0.assessed) } ?? .none, forMachines: claim)
        r.add("deductible_fen", "deductible", o.insurance.map { .money($0.deductible) } ?? .none, forMachines: claim)
        r.add("invoice", "invoice", .optional(o.payment?.invoiceNumber), forMachines: unpaid)
        r.add("gate_pass", "gate pass", .optional(o.payment?.gatePass), forMachines: unpaid)
        r.add("paid_at", "paid", o.payment.map { .time($0.at) } ?? .none, forMachines: unpaid)
        r.add("cashier", "cashier", .optional(o.payment?.by), forMachines: unpaid)
        r.add(section: "payments", "payments", table(o.payments), forMachines: o.payments.isEmpty)
    }

    static func table(_ entries: [PaymentEntry]) -> Table {
        var t = Table(columns: [Column("kind", "kind", words: PaymentKind.wordKind), Column("method", "method", words: PaymentMethod.wordKind), Column("amount_fen", "amount"), Column("tendered_fen", "tendered"),
                                Column("change_fen", "change"), Column("by", "by"), Column("at", "time")],
                      emptyText: Message("empty.no_payments").description)
        for e in entries {
            t.rows.append([.text(e.kind.rawValue), .text(e.method.rawValue), .money(e.amount), e.tendered.map(Value.money) ?? .none,
                           .money(e.change), .text(e.by), .time(e.at)])
        }
        return t
    }

    // MARK: account open, show, repay

    static func record(_ v: CreditAccountView) -> Record {
        var r = Record()
        r.add("customer_code", "customer code", .text(v.customer.code))
        r.add("customer_name", "customer", .text(v.customer.name))
        r.add("limit_fen", "limit", .money(v.account.limit))
        r.add("balance_fen", "balance owed", .money(v.account.balance))
        r.add("available_fen", "available", .money(v.account.available))
        r.add("opened_by", "opened by", .text(v.account.openedBy))
        r.add("opened_at", "opened", .time(v.account.openedAt))
        var t = Table(columns: [Column("at", "time"), Column("kind", "kind", words: CreditAccountEntry.Kind.wordKind), Column("amount_fen", "amount"),
                                Column("method", "method", words: PaymentMethod.wordKind),
                                Column("reference", "reference"), Column("by", "by")], emptyText: Message("empty.no_account_entries").description)
        for e in v.entries {
            t.rows.append([.time(e.at), .text(e.kind.rawValue), .money(e.amount), .optional(e.method?.rawValue), .text(e.reference), .text(e.by)])
        }
        r.add(section: "entries", "latest entries", t)
        return r
    }

    static let openAccount = CommandSpec(
        noun: "account", verb: "open", summary: "Open a fleet customer's credit account with a limit, or change its limit",
        discussion: "Only the service manager opens an account. Orders are charged to it with `ro pay --method account` "
            + "(or a part of --split) while the balance stays within the limit.",
        positionals: [customerPositional],
        options: [OptionSpec("limit", value: "YUAN", "The most the customer may owe", required: true)],
        examples: ["account open C0040 --limit 50000"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let limit = yuan(inv, "limit", into: &p)
            guard let limit, p.isEmpty else { throw Refusal(Message("account.cannot_open"), problems: p) }
            let v = try ctx.desks.creditAccounts.open(CreditAccountRequest(customer: inv.positional("customer") ?? "", amount: limit), by: ctx.caller(inv.line)).value
            return .message(Message("account.did.open", ["customer": .text(v.customer.code), "limit": .money(v.account.limit)]).description, record(v))
        })

    static let showAccount = CommandSpec(
        noun: "account", verb: "show", summary: "A fleet customer's credit account: limit, balance owed and latest entries",
        positionals: [customerPositional], examples: ["account show C0040"],
        action: .lookup { inv, ctx in .record(record(try ctx.desks.creditAccounts.show(inv.positional("customer") ?? "", by: ctx.caller(inv.line)))) })

    static let repay = CommandSpec(
        noun: "account", verb: "repay", summary: "A fleet customer pays what it owes on its credit account, or part of it",
        positionals: [customerPositional],
        options: [OptionSpec("amount", value: "YUAN", "The amount paid", required: true),
                  OptionSpec("method", value: "METHOD", "cash, card, wechat, alipay or transfer",
                             completion: .choices(PaymentMethod.allCases.filter { $0 != .account }.map(\.spelled)), required: true),
                  OptionSpec("reference", value: "TEXT", "The bank slip or receipt number")],
        examples: ["account repay C0040 --amount 12000 --method transfer --reference 'HSBC 20261130-88'"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let amount = yuan(inv, "amount", into: &p)
            let m = method(inv.option("method") ?? "", "method", into: &p)
            guard let amount, let m, p.isEmpty else { throw Refusal(Message("account.cannot_repay"), problems: p) }
            let request = CreditAccountRequest(customer: inv.positional("customer") ?? "", amount: amount, method: m, reference: inv.option("reference") ?? "")
            let v = try ctx.desks.creditAccounts.repay(request, by: ctx.caller(inv.line)).value
            return .message(Message("account.did.repay", ["customer": .text(v.customer.code), "amount": .money(amount),
                                                          "balance": .money(v.account.balance)]).description, record(v))
        })
}
