import LaneCore
import LaneStore
import ServiceDepartment

/// `ro …`: the repair order from reception to the gate pass (R3-R5).
/// The rules live in LaneCore's `RepairOrder`; each command loads the order,
/// calls one step, saves it and writes the step to the order's timeline.
enum RepairOrderCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "ro", "repair orders: reception, workshop, checks, delivery, settlement")
        // In the order of a visit (`help ro` lists them so); lookups last.
        for spec in [open, complaint, checkIn, warranty, documents, labor, part, remove, estimate, promise, sign,
                     handover, dispatch, clockOn, issue, approve, decline, progress, clockOff, check, wash,
                     deliveryCheck, notify, deliver, settle, discount, pay, cancel, comeback,
                     show, list, timeline, whyNot] {
            try registry.register(spec)
        }
    }


    static let orderPositional = PositionalSpec("ro", "Repair order number, e.g. RO-20261123-0001", completion: .repairOrders, current: .repairOrder)

    // MARK: The shape every step shares

    /// A command that changes one order: it reads the invocation into a
    /// `RepairOrderAction`; the application layer loads the order, runs the
    /// step's rules, saves it and writes the timeline row.
    static func step(_ verb: String, _ summary: String, rule: String, discussion: String = "",
                     positionals: [PositionalSpec] = [], options: [OptionSpec] = [], examples: [String] = [],
                     _ read: @escaping @Sendable (Invocation, CommandContext) -> RepairOrderAction) -> CommandSpec {
        CommandSpec(
            noun: "ro", verb: verb, summary: summary, discussion: discussion,
            positionals: [orderPositional] + positionals, options: options, examples: examples,
            action: .change { inv, ctx in
                let done = try ctx.desks.repairOrders.perform(read(inv, ctx), order: inv.positional("ro") ?? "", by: ctx.caller(inv.line)).value
                return stepAnswer(done) { r in
                    if let line = done.value.line { r.add("line", "line", .int(Int(line.id))) }
                    if let override = done.value.override {
                        r.add("override_by", "override by", .text(override.by))
                        r.add("override_reason", "override reason", .text(override.reason))
                    }
                }
            })
    }

    /// A step's answer: the words, and the order's number and status move as fields.
    static func stepAnswer<T>(_ done: StepDone<T>, _ extra: (inout Record) -> Void = { _ in }) -> CommandOutput {
        StepAnswer.output(done.text, number: done.number, titled: "repair order", step: done.step,
                          before: done.statusBefore.rawValue, after: done.status.rawValue,
                          statuses: RepairOrderStatus.wordKind, steps: RepairOrderStep.wordKind, extra)
    }

    static func load(_ ref: String, _ ctx: CommandContext, _ inv: Invocation) throws -> RepairOrder {
        try ctx.desks.repairOrders.load(ref, by: ctx.caller(inv.line))
    }

    /// Reading what was typed: each reader adds what it cannot read to `problems`.
    struct Reader {
        let inv: Invocation
        let ctx: CommandContext
        var problems: [Problem] = []

        mutating func line() -> Int64 {
            let text = inv.positional("line") ?? ""
            guard let id = Int64(text) else {
                problems.append(Problem("line", Message("input.not_a_line", ["given": .text(text)])))
                return 0
            }
            return id
        }

        /// `2,3`: line numbers, each as `ro show` lists them.
        mutating func lineList(_ name: String) -> [Int64] {
            guard let text = inv.option(name) else { return [] }
            var ids: [Int64] = []
            for item in ListInput.items(text) {
                if let id = Int64(item) { ids.append(id) }
                else { problems.append(Problem(name, Message("input.not_a_line", ["given": .text(item)]))) }
            }
            return ids
        }

        mutating func time(_ name: String) -> Timestamp? {
            guard let text = inv.option(name) else { return nil }
            guard let t = TimeInput.parse(text, ctx) else {
                problems.append(Problem(name, Message("input.not_a_time", ["given": .text(text)])))
                return nil
            }
            return t
        }

        mutating func lineTerms() -> LineTerms {
            var payer: LinePayer?
            if let text = inv.option("payer") {
                payer = ValueInput.value(text, as: LinePayer.self)
                if payer == nil { problems.append(Problem("payer", Message("input.not_a_payer", ["given": .text(text)]))) }
            }
            return LineTerms(payer: payer, recommended: inv.flag("recommended"), safety: inv.flag("safety"))
        }

        /// One of a set of codes (`wechat`, `not-covered`, 微信); what else was typed is named with the choices.
        mutating func choice<T: Worded>(_ field: String, _ text: String) -> T? {
            if let value = ValueInput.value(text, as: T.self) { return value }
            problems.append(Problem(field, ValueInput.notOneOf(text, T.self)))
            return nil
        }

        func action(_ step: RepairOrderAction.Step) -> RepairOrderAction { RepairOrderAction(step, inputProblems: problems) }
    }

    // MARK: Open, show, list, timeline, why-not

    static let open = CommandSpec(
        noun: "ro", verb: "open", summary: "Open a repair order for a vehicle at reception (R3)",
        discussion: "The advisor is the signed-in user. The new order becomes current, so later `ro` commands may leave out its number.",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        examples: ["ro open 粤B27DP2"],
        action: .session { inv, session in
            let ctx = try session.context()
            let done = try session.calling("ro", ctx) { try RepairOrderDesk(session.department).open(vehicle: inv.positional("vehicle") ?? "", by: ctx.caller(inv.line)) }
            session.current = .repairOrder(number: done.value.number, plate: done.value.plate, ownerCode: done.value.customerCode)
            return PluginEvents.adding(done.notes, to: try opened(done.value, ctx, session))
        })

    /// `ro open`'s answer: the words and notes, and the new order as its record.
    static func opened(_ o: RepairOrderOpened, _ ctx: CommandContext, _ session: ShellSession) throws -> CommandOutput {
        let text = ([o.message.description] + o.notes.map { "note: " + $0.description }).joined(separator: "\n")
        // Just opened: no sheet, terms or checks yet, so the answer stays short (`ro show` has them).
        var r = try session.department.reading("ro show", by: ctx.caller("ro show \(o.number)")) { try record(o.order, ctx, workshop: false) }
        r.fields.insert(Record.Field(key: "first_visit", title: "new customer", value: .bool(o.firstVisit)), at: min(r.fields.count, 7))
        r.add("possible_comeback_of", "back within the comeback period after", possibleComebacks(o))
        return .message(text, r)
    }

    static let show = CommandSpec(
        noun: "ro", verb: "show", summary: "Show a repair order: vehicle, complaint, lines, money, status",
        positionals: [orderPositional], examples: ["ro show RO-20261123-0001"],
        action: .lookup { inv, ctx in .record(try record(try load(inv.positional("ro") ?? "", ctx, inv), ctx)) })

    static let list = CommandSpec(
        noun: "ro", verb: "list", summary: "Repair orders by status (default: all open ones)",
        options: [OptionSpec("status", value: "STATUS", "Only this status", completion: .choices(RepairOrderStatus.allCases.map(\.spelled))),
                  OptionSpec("all", "Include closed and cancelled orders")],
        examples: ["ro list", "ro list --status in_progress"],
        action: .lookup { inv, ctx in
            var statuses = RepairOrderStatus.allCases.filter { inv.flag("all") || ($0 != .closed && $0 != .cancelled) }
            if let text = inv.option("status") {
                guard let s = ValueInput.value(text, as: RepairOrderStatus.self) else {
                    throw Refusal(Message("repair_order.cannot_list"), problems: [
                        Problem("status", Message("repair_order.not_a_status", ["given": .text(text), "statuses": .list(RepairOrderStatus.allCases.map { .text($0.rawValue) })]))])
                }
                statuses = [s]
            }
            var t = Table(columns: [Column("number", "repair order"), Column("plate", "plate"), Column("customer", "customer"),
                                    Column("advisor", "advisor"), Column("status", "status", words: RepairOrderStatus.wordKind), Column("team", "team"),
                                    Column("promised_at", "promised"), Column("comeback_of", "comeback of")], emptyText: Message("empty.no_repair_orders").description)
            for row in try ctx.desks.repairOrders.rows(statuses: statuses, by: ctx.caller(inv.line)) {
                let o = row.order
                t.rows.append([.text(o.number), .text(row.plate), .text(row.customer?.name ?? "?"), .text(o.advisor),
                               .text(o.status.rawValue), .optional(o.team), o.promisedAt.map(Value.time) ?? .none,
                               .optional(o.comebackOf)])
            }
            return .table(t)
        })

    static let timeline = CommandSpec(
        noun: "ro", verb: "timeline", summary: "A repair order's whole story: every step with time and user",
        positionals: [orderPositional],
        action: .lookup { inv, ctx in
            var t = Table(columns: [Column("at", "time"), Column("by", "by"), Column("step", "step", words: RepairOrderStep.wordKind), Column("detail", "detail")])
            for e in try ctx.desks.repairOrders.timeline(inv.positional("ro") ?? "", by: ctx.caller(inv.line)).events {
                t.rows.append([.time(e.at), .text(e.by), .text(e.kind), .text(e.text)])
            }
            return .table(t)
        })

    static let whyNot = CommandSpec(
        noun: "ro", verb: "why-not", summary: "What blocks a step of a repair order, every condition",
        positionals: [orderPositional,
                      PositionalSpec("step", "The step", completion: .choices(RepairOrderStep.allCases.map(\.rawValue)))],
        examples: ["ro why-not RO-20261123-0001 delivery-check"],
        action: .lookup { inv, ctx in
            let o = try load(inv.positional("ro") ?? "", ctx, inv)
            let text = inv.positional("step") ?? ""
            guard let step = RepairOrderStep(rawValue: text) else {
                throw UsageError(Message("usage.not_a_step", ["given": .text(text), "steps": .list(RepairOrderStep.allCases.map { .text($0.rawValue) })]))
            }
            let blockers = o.blockers(for: step)
            if blockers.isEmpty { return .message(Message("repair_order.nothing_blocks", ["number": .text(o.number), "step": step.argument]).description, nil) }
            return .text(Message("repair_order.blocked", ["number": .text(o.number), "step": step.argument, "blockers": .lines(blockers.map { .text($0.description) })]).description)
        })

    // MARK: Reception (R3)

    static let complaint = step("complaint", "Record the complaint in the customer's words", rule: "R3.3",
                                options: [OptionSpec("text", value: "TEXT", "What the customer said", required: true)],
                                examples: ["ro complaint --text '刹车时有异响，方向盘抖'"]) { inv, _ in
        RepairOrderAction(.complaint(text: inv.option("text") ?? ""))
    }

    static let checkIn = step(
        "check-in", "Fill in the walk-around check sheet with covers fitted", rule: "R3.4",
        options: [OptionSpec("mileage", value: "KM", "Odometer now", required: true),
                  OptionSpec("fuel", value: "EIGHTHS", "Fuel or charge in eighths, 0-8", required: true),
                  OptionSpec("covers", "Seat, wheel, gear-knob and floor covers are fitted"),
                  OptionSpec("damage", value: "TEXT", "Body damage seen ('none' if none)"),
                  OptionSpec("valuables", value: "TEXT", "Valuables left in the car"),
                  OptionSpec("equipment", value: "TEXT", "Equipment: spare wheel, tools, triangle…"),
                  OptionSpec("waits", "The customer waits at the store for the car (their wait is a KPI)")],
        examples: ["ro check-in --mileage 12034 --fuel 4 --covers --damage '左后门划痕' --valuables 无 --equipment '备胎 工具' --waits"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        var mileage = 0
        switch Odometer.parse(inv.option("mileage") ?? "") {
        case .success(let km): mileage = km
        case .failure(let e): r.problems.append(e)
        }
        let fuelText = inv.option("fuel") ?? ""
        let fuel = Int(fuelText)
        if fuel == nil { r.problems.append(Problem("fuel", Message("input.not_eighths", ["given": .text(fuelText)]))) }
        return r.action(.checkIn(CheckInSheet(mileage: mileage, fuelEighths: fuel ?? 0, coversFitted: inv.flag("covers"),
                                              damage: inv.option("damage") ?? "none", valuables: inv.option("valuables") ?? "none",
                                              equipment: inv.option("equipment") ?? "", customerWaits: inv.flag("waits"))))
    }

    static let warranty = step(
        "warranty", "Record the warranty decision", rule: "R3.5",
        positionals: [PositionalSpec("decision", "covered, not-covered, pending-diagnosis or escalated",
                                     completion: .choices(WarrantyDecision.allCases.map(\.spelled)))],
        examples: ["ro warranty pending-diagnosis"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let decision: WarrantyDecision? = r.choice("decision", inv.positional("decision") ?? "")
        return r.action(.warranty(decision ?? .pendingDiagnosis))
    }

    static let documents = step("documents", "Driving licence and maintenance handbook taken", rule: "R3.6") { _, _ in
        RepairOrderAction(.documents)
    }

    static let lineOptions: [OptionSpec] = [
        OptionSpec("payer", value: "PAYER", "customer (default), warranty, free (first service) or insurer (accident repair)", completion: .choices(LinePayer.allCases.map(\.spelled))),
        OptionSpec("recommended", "A recommendation from the history: the customer may refuse it"),
        OptionSpec("safety", "Safety-related: refusing it needs the customer's signature"),
    ]

    static let labor = step(
        "labor", "Add labour from the catalogue: estimate at reception, extra work later", rule: "R3.8, R4.5",
        positionals: [PositionalSpec("code", "Labour operation code", completion: .laborOperations)],
        options: [OptionSpec("hours", value: "HOURS", "Hours if not the standard, e.g. 1.2")] + lineOptions,
        examples: ["ro labor RO-20261123-0007 BRK-PAD-F --hours 1.2"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        var hours: LaborHours?
        if let text = inv.option("hours") {
            if let h = LaborHours(parsing: text), h.hundredths > 0 { hours = h }
            else { r.problems.append(Problem("hours", Message("input.not_hours", ["given": .text(text)]))) }
        }
        let terms = r.lineTerms()
        return r.action(.addLabor(code: inv.positional("code") ?? "", hours: hours, terms: terms))
    }

    static let part = step(
        "part", "Add a part from the catalogue, with a stock check", rule: "R3.7, R3.8",
        positionals: [PositionalSpec("number", "Part number", completion: .parts)],
        options: [OptionSpec("qty", value: "N", "How many (default 1)")] + lineOptions,
        examples: ["ro part XH-45022-0011 --qty 1"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        var qty = 1
        if let text = inv.option("qty") {
            if let n = Int(text), n >= 1, n <= 999 { qty = n }
            else { r.problems.append(Problem("qty", Message("input.not_quantity", ["given": .text(text)]))) }
        }
        let terms = r.lineTerms()
        return r.action(.addPart(number: inv.positional("number") ?? "", quantity: qty, terms: terms))
    }

    static let linePositional = PositionalSpec("line", "Line number as `ro show` lists it")

    static let remove = step("remove", "Remove a line from the estimate (reception only)", rule: "R3.8",
                             positionals: [linePositional]) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let line = r.line()
        return r.action(.remove(line: line))
    }

    static let approve = step("approve", "The customer approves extra work or a recommendation", rule: "R4.5, X3",
                              positionals: [linePositional]) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let line = r.line()
        return r.action(.approve(line: line))
    }

    static let decline = step("decline", "The customer refuses extra work or a recommendation", rule: "R4.5, R5.6",
                              positionals: [linePositional]) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let line = r.line()
        return r.action(.decline(line: line))
    }

    static let estimate = CommandSpec(
        noun: "ro", verb: "estimate", summary: "The estimate: labour and parts, VAT, and items the history recommends (R3.8)",
        positionals: [orderPositional],
        action: .lookup { inv, ctx in
            let estimate = try ctx.desks.repairOrders.estimate(inv.positional("ro") ?? "", by: ctx.caller(inv.line))
            var r = try record(estimate.order, ctx)
            var t = Table(columns: [Column("rule", "rule", forMachines: true), Column("reason", "recommended from the history")], emptyText: Message("empty.nothing_due").description)
            for item in estimate.recommended { t.rows.append([.text(item.rule), .text(item.reason)]) }
            t.rows += declinedRows(estimate.declinedBefore)
            r.add(section: "recommended", "recommended from the history", t)
            return .record(r)
        })

    static let promise = step(
        "promise", "Promise a completion time from labour hours and the shop's load", rule: "R3.9",
        options: [OptionSpec("at", value: "TIME", "A time agreed instead, e.g. 16:30 or 2026-11-24T10:00")]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let at = r.time("at")
        return r.action(.promise(at: at))
    }

    static let sign = step(
        "sign", "The customer signs the work order: payment, old parts, wash", rule: "R3.10",
        discussion: "The advisor explains the work order and that any new work found will be done only after the customer's approval.",
        options: [OptionSpec("payment", value: "METHOD", "cash, card, wechat, alipay or transfer", completion: .choices(PaymentMethod.allCases.map(\.spelled)), required: true),
                  OptionSpec("old-parts", value: "CHOICE", "take or leave", completion: .choices(OldPartsChoice.allCases.map(\.spelled)), required: true),
                  OptionSpec("wash", value: "YES/NO", "Free wash: yes or no", completion: .choices(["yes", "no"]), required: true),
                  OptionSpec("signed-by", value: "NAME", "The name the customer signs with", required: true)],
        examples: ["ro sign --payment wechat --old-parts take --wash yes --signed-by 卢文博"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let payment: PaymentMethod? = r.choice("payment", inv.option("payment") ?? "")
        let old = ValueInput.value(inv.option("old-parts") ?? "", as: OldPartsChoice.self)
        if old == nil { r.problems.append(Problem("old-parts", Message("input.take_or_leave"))) }
        let washText = inv.option("wash") ?? ""
        let wash: Bool? = ValueInput.yesNo(washText)
        if wash == nil { r.problems.append(Problem("wash", Message("input.yes_or_no"))) }
        return r.action(.sign(payment: payment, oldParts: old, wash: wash, signedBy: inv.option("signed-by") ?? ""))
    }

    // MARK: Workshop (R4)

    static let handover = step("handover", "Keys, work order and check-in sheet to the foreman", rule: "R4.1") { _, _ in
        RepairOrderAction(.handover)
    }

    static let dispatch = TerminalCommands.showingLoadsWithoutTeam(step(
        "dispatch", "Assign a team (appointments first); without --team, shows each team's load", rule: "R4.2",
        discussion: "The team must have the skill of every labour line still to do (the catalogue's skill); the workshop foreman or the "
            + "service manager may dispatch without it with --override-reason, which the answer, the timeline and the audit trail keep.",
        options: [OptionSpec("team", value: "TEAM", "The team"),
                  OptionSpec("override-reason", value: "TEXT", "Foreman or service manager: why a team without the skill takes the work")],
        examples: ["ro dispatch --team 机电一组", "ro dispatch --team 钣喷组 --override-reason '机电组满负荷，钣喷组有持证技师'"]
    ) { inv, _ in
        RepairOrderAction(.dispatch(team: inv.option("team"), overrideReason: inv.option("override-reason")))
    })

    static let clockOn = step(
        "clock-on", "A technician of the dispatched team starts a labour line", rule: "R4.3, X6",
        discussion: "Only a technician or team leader of the team the order is dispatched to is clocked on. The workshop foreman or the "
            + "service manager may clock on a technician or team leader of another team with --override-reason; the reason is kept "
            + "on the order's timeline.",
        positionals: [linePositional],
        options: [OptionSpec("tech", value: "NAME", "The technician", completion: .staff, required: true),
                  OptionSpec("override-reason", value: "TEXT", "Foreman or service manager: why someone outside the dispatched team works it")],
        examples: ["ro clock-on 1 --tech 夏勇", "ro clock-on 2 --tech 叶丽华 --override-reason '一组人手不足，二组支援'"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let line = r.line()
        return r.action(.clockOn(line: line, technician: inv.option("tech") ?? "", overrideReason: inv.option("override-reason")))
    }

    static let clockOff = step(
        "clock-off", "Clock off a labour line; --finished when the work is done", rule: "R4.3",
        positionals: [linePositional],
        options: [OptionSpec("finished", "The line's work is finished")]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let line = r.line()
        return r.action(.clockOff(line: line, finished: inv.flag("finished")))
    }

    static let issue = step(
        "issue", "Issue parts from stores against the work order; the technician signs the slip", rule: "R4.3",
        positionals: [linePositional],
        options: [OptionSpec("qty", value: "N", "How many (default: all still to issue)"),
                  OptionSpec("to", value: "NAME", "The technician who signs the issue slip", completion: .staff, required: true)]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let line = r.line()
        var qty: Int?
        if let text = inv.option("qty") {
            qty = Int(text)
            if qty == nil { r.problems.append(Problem("qty", Message("input.not_a_number", ["given": .text(text)]))) }
        }
        return r.action(.issue(line: line, quantity: qty, to: inv.option("to") ?? ""))
    }

    static let check = step(
        "check", "Record a check: self, leader, or final QC; --fail sends the job back", rule: "R4.6, X6",
        discussion: "The self-check is by a technician who worked on the order, the leader check by the leader of the dispatched team, "
            + "final QC by a QC inspector or the technical director who did neither earlier check and worked on none of its lines. "
            + "A failed check sends the labour lines it names with --lines (all of them without) back to work: the self-check waits "
            + "until they are clocked on and off again.",
        positionals: [PositionalSpec("stage", "self, leader or final", completion: .choices(QualityCheckStage.allCases.map(\.spelled)))],
        options: [OptionSpec("pass", "The check passed"), OptionSpec("fail", "The check failed: the job goes back to work"),
                  OptionSpec("note", value: "TEXT", "Advice, notes, or the reason for failing"),
                  OptionSpec("lines", value: "N,N", "With --fail: the labour lines to work again (default: all labour lines)")],
        examples: ["ro check self --pass", "ro check leader --pass --note '刹车片余量正常'", "ro check final --fail --note '异响仍在'",
                   "ro check final --fail --lines 2 --note '机油液位偏高'"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let text = inv.positional("stage") ?? ""
        let stage = ValueInput.value(text, as: QualityCheckStage.self)
        if stage == nil { r.problems.append(Problem("stage", Message("input.not_a_stage", ["given": .text(text)]))) }
        if inv.flag("pass") == inv.flag("fail") { r.problems.append(Problem("result", Message("input.pass_or_fail"))) }
        let rework = r.lineList("lines")
        return r.action(.check(stage ?? .selfCheck, passed: inv.flag("pass"), note: inv.option("note") ?? "", rework: rework))
    }

    static let progress = step(
        "progress", "A change of progress: to foreman and advisor, the advisor tells the customer; optionally a new promised time", rule: "R4.5",
        options: [OptionSpec("note", value: "TEXT", "What changed", required: true),
                  OptionSpec("promise", value: "TIME", "The new promised completion time"),
                  OptionSpec("customer-told", "The advisor has told the customer")]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let promise = r.time("promise")
        return r.action(.progress(note: inv.option("note") ?? "", promise: promise, customerTold: inv.flag("customer-told")))
    }

    static let wash = step("wash", "The car is washed (only when the customer chose it)", rule: "R4.7") { _, _ in
        RepairOrderAction(.wash)
    }

    // MARK: Delivery and settlement (R5)

    static let deliveryCheck = step("delivery-check", "The advisor's internal delivery check; lists every unmet condition", rule: "R5.1, R5.2") { _, _ in
        RepairOrderAction(.deliveryCheck)
    }

    static let notify = step(
        "notify", "Tell the customer the car is ready and agree a time", rule: "R5.3",
        options: [OptionSpec("at", value: "TIME", "Agreed pick-up time, e.g. 17:30", required: true)]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let at = r.time("at")
        return r.action(.notify(at: at ?? ctx.now))
    }

    static let deliver = step(
        "deliver", "Hand over with the customer at the car: work explained, old parts, next service", rule: "R5.4",
        options: [OptionSpec("next-date", value: "DATE", "Next service date", required: true),
                  OptionSpec("next-km", value: "KM", "Next service mileage", required: true),
                  OptionSpec("call-time", value: "TEXT", "When the customer prefers the follow-up call", required: true),
                  OptionSpec("old-parts-shown", "The old parts were shown (and handed over if they take them)"),
                  OptionSpec("fault-gone", "The customer confirmed at the car that the fault is gone (a comeback needs it)")],
        examples: ["ro deliver --next-date 2027-05-23 --next-km 17000 --call-time '工作日晚上' --old-parts-shown"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        let dayText = inv.option("next-date") ?? ""
        let day = CalendarDate(parsing: dayText)
        if day == nil { r.problems.append(Problem("next-date", Message("input.not_a_date", ["given": .text(dayText)]))) }
        var km = 0
        switch Odometer.parse(inv.option("next-km") ?? "") {
        case .success(let n): km = n
        case .failure(let e): r.problems.append(e)
        }
        return r.action(.deliver(nextServiceOn: day ?? ctx.today, nextServiceKm: km, callTime: inv.option("call-time") ?? "",
                                 oldPartsShown: inv.flag("old-parts-shown"), faultGone: inv.flag("fault-gone")))
    }

    static let settle = CommandSpec(
        noun: "ro", verb: "settle", summary: "The customer signs the settlement (and for declined safety items) (R5.5-R5.7)",
        positionals: [orderPositional],
        options: [OptionSpec("signed-by", value: "NAME", "The name the customer signs with", required: true),
                  OptionSpec("declined-signed", "The customer signed for the safety items they declined")],
        action: .change { inv, ctx in
            let request = SettleRequest(order: inv.positional("ro") ?? "", signedBy: inv.option("signed-by") ?? "",
                                        declinedSafetyItemsSigned: inv.flag("declined-signed"))
            let done = try ctx.desks.repairOrders.settle(request, by: ctx.caller(inv.line)).value
            return stepAnswer(done) { r in
                money(done.value, into: &r)
                PaymentCommands.settled(done.order, ctx.settings, into: &r)
            }
        })

    /// The settlement's amounts as fields: integer fen in JSON.
    static func money(_ s: Settlement, into r: inout Record) {
        r.add("labor_fen", "labour", .money(s.laborNet))
        r.add("parts_fen", "parts", .money(s.partsNet))
        r.add("discount_fen", "discount", .money(s.discount))
        r.add("vat_fen", "VAT", .money(s.vat))
        r.add("total_fen", "total", .money(s.total))
        r.add("covered_fen", "warranty/free (not charged)", .money(s.coveredValue))
    }

    static let pay = CommandSpec(
        noun: "ro", verb: "pay", summary: "Payment at the cashier: invoice and gate pass; the order closes (R5.8, R5.9)",
        discussion: "What is paid is the settlement's total (with the customer's share of an insurance repair) less deposits, to the fen: "
            + "in one part (--method and --amount) or several (--split wechat:200,cash: one part may leave out its amount and take the rest). "
            + "--tendered records the cash handed over and the change. A part on account is charged to the customer's credit account "
            + "within its limit. The time is the clock's: a payment cannot be backdated.",
        positionals: [orderPositional],
        options: [OptionSpec("method", value: "METHOD", "cash, card, wechat, alipay, transfer or account", completion: .choices(PaymentMethod.allCases.map(\.spelled))),
                  OptionSpec("amount", value: "YUAN", "The amount paid, e.g. 1280.50"),
                  OptionSpec("split", value: "METHOD:YUAN,…", "Several parts, e.g. wechat:200,cash (one part without an amount takes the rest)"),
                  OptionSpec("tendered", value: "YUAN", "Cash handed over, when more than the cash part (the change is given back)"),
                  OptionSpec("invoice", value: "NUMBER", "The invoice number (not needed when nothing is due)")],
        examples: ["ro pay --method wechat --amount 398.00 --invoice 04400123", "ro pay --split wechat:200,cash --tendered 100 --invoice 04400124",
                   "ro pay --method account --amount 1130.00 --invoice 04400125"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let parts = PaymentCommands.tender(inv, into: &p)
            let tendered = PaymentCommands.yuan(inv, "tendered", into: &p)
            if !p.isEmpty {
                // Every unmet condition at once: what could not be read, and what the order still lacks.
                let order = try load(inv.positional("ro") ?? "", ctx, inv)
                throw Refusal(Message("repair_order.cannot.pay", ["number": .text(order.number)]), problems: p + order.blockers(for: .pay))
            }
            let request = PaymentRequest(order: inv.positional("ro") ?? "", parts: parts, tendered: tendered, invoiceNumber: inv.option("invoice") ?? "")
            let done = try ctx.desks.repairOrders.pay(request, by: ctx.caller(inv.line)).value
            return stepAnswer(done) { r in
                r.add("method", "paid by", .text(done.value.method.rawValue), words: PaymentMethod.wordKind)
                r.add("amount_fen", "amount", .money(done.value.amount))
                r.add("invoice", "invoice", .text(done.value.invoiceNumber))
                r.add("gate_pass", "gate pass", .text(done.value.gatePass))
                r.add("visit_kind", "visit", .text(done.order.visitKind.rawValue), words: VisitKind.wordKind)
                PaymentCommands.paid(done, into: &r)
            }
        })

    static let discount = step(
        "discount", "A discount off the customer's net before VAT; above the store's limit only the service manager gives it", rule: "X3",
        options: [OptionSpec("amount", value: "YUAN", "The discount in yuan"), OptionSpec("percent", value: "N", "Or a percentage of the net"),
                  OptionSpec("reason", value: "TEXT", "Why", required: true)],
        examples: ["ro discount --percent 5 --reason '老客户'"]
    ) { inv, ctx in
        var r = Reader(inv: inv, ctx: ctx)
        var discount = RepairOrderAction.Discount.amount(Money(fen: 0))
        switch (inv.option("amount"), inv.option("percent")) {
        case (let text?, nil):
            if let m = Money(yuan: text) { discount = .amount(m) }
            else { r.problems.append(Problem("amount", Message("input.not_amount_or_percent"))) }
        case (nil, let text?):
            if let n = Int(text) { discount = .percent(n) }
            else { r.problems.append(Problem("amount", Message("input.not_amount_or_percent"))) }
        default:
            r.problems.append(Problem("amount", Message("input.amount_or_percent")))
        }
        return r.action(.discount(discount, reason: inv.option("reason") ?? ""))
    }

    static let cancel = step(
        "cancel", "Cancel before work starts (no known fix, customer leaves)", rule: "R2.5",
        options: [OptionSpec("reason", value: "TEXT", "Why", required: true)]
    ) { inv, _ in
        RepairOrderAction(.cancel(reason: inv.option("reason") ?? ""))
    }

    // MARK: Showing an order

    static func record(_ o: RepairOrder, _ ctx: CommandContext, workshop: Bool = true) throws -> Record {
        let row = try ctx.desks.repairOrders.row(o, by: ctx.caller("ro show \(o.number)"))
        let v = row.vehicle, c = row.customer
        var r = Record()
        r.add("number", "repair order", .text(o.number))
        r.add("status", "status", .text(o.status.rawValue), words: RepairOrderStatus.wordKind)
        r.add("plate", "plate", .text(v?.plate.value ?? "?"))
        r.add("model", "model", .text(v?.model ?? "?"))
        r.add("customer_name", "customer", .text(c?.name ?? "?"))
        r.add("customer_code", "customer code", .text(c?.code ?? "?"))
        r.add("advisor", "advisor", .text(o.advisor))
        r.add("opened_at", "opened", .time(o.openedAt))
        r.add("complaint", "complaint", .optional(o.complaint))
        r.add("checkin_mileage", "mileage in (km)", o.checkIn.map { .int($0.mileage) } ?? .none)
        // R4.4: the workshop sees what is in the car and must not be touched without consent.
        r.add("valuables", "valuables in car", .optional(o.checkIn?.valuables))
        r.add("customer_waits", "customer waits", o.checkIn.map { .bool($0.customerWaits) } ?? .none)
        if workshop { receptionFields(o, into: &r) }
        r.add("warranty", "warranty", .optional(o.warranty?.rawValue), words: WarrantyDecision.wordKind)
        r.add("promised_at", "promised", o.promisedAt.map(Value.time) ?? .none)
        r.add("team", "team", .optional(o.team))
        let s = o.settlement(vatBasisPoints: ctx.settings.vatBasisPoints)
        r.add("labor_fen", "labour", .money(s.laborNet))
        r.add("parts_fen", "parts", .money(s.partsNet))
        r.add("discount_fen", "discount", .money(s.discount))
        r.add("vat_fen", "VAT", .money(s.vat))
        r.add("total_fen", "total", .money(s.total))
        r.add("covered_fen", "warranty/free (not charged)", .money(s.coveredValue))
        var t = Table(columns: [Column("line", "line"), Column("kind", "kind", words: LineKind.wordKind), Column("code", "code"), Column("name", "name"),
                                Column("hours", "hours"), Column("quantity", "qty"), Column("amount_fen", "amount"), Column("payer", "payer", words: LinePayer.wordKind),
                                Column("approval", "customer", words: LineApproval.wordKind), Column("safety", "safety"), Column("progress", "progress")],
                      emptyText: Message("empty.no_lines_yet").description)
        for l in o.lines {
            let progress = Self.progress(l, of: o)
            t.rows.append([.int(Int(l.id)), .text(l.kind.rawValue), .text(l.code), .text(l.name),
                           l.kind == .labor ? .hours(l.hours) : .none, l.kind == .part ? .int(l.quantity) : .none, .money(l.amount),
                           .text(l.payer.rawValue), .text(l.approval.rawValue), .bool(l.safety), .text(progress)])
        }
        r.add(section: "lines", "lines", t)
        if workshop { try workshopSections(o, ctx, into: &r) }
        PaymentCommands.show(o, ctx.settings, into: &r)
        return r
    }
}


