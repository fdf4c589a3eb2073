import LaneCore
import ServiceDepartment

/// `followup …` and `complaint …`: after the car has gone (R6).
enum FollowUpCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "followup", "calls after delivery: due list, outcome and satisfaction, customer files")
        registry.describe(noun: "complaint", "complaints and disputes: investigate, resolve, corrective action")
        for spec in [due, record, list, files, complaintOpen, complaintInvestigate, complaintResolve, complaintList] {
            try registry.register(spec)
        }
    }

    static let due = CommandSpec(
        noun: "followup", verb: "due", summary: "Follow-up calls due: quality call within 3 days (R6.1), tracking call on days 3-7 (R6.4)",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)"),
                  OptionSpec("limit", value: "N", "At most N calls, oldest delivery first (default 200)")],
        examples: ["followup due", "followup due --on 2026-11-25 --limit 20"],
        action: .lookup { inv, ctx in
            let day = try DayInput.option(inv, ctx)
            let limit = try Paging.read(inv, defaultLimit: 200).limit
            var t = Table(columns: [Column("rule", "rule", forMachines: true), Column("ro", "repair order"), Column("plate", "plate"), Column("customer", "customer"),
                                    Column("phone", "phone"), Column("call", "call", words: FollowUpCall.wordKind), Column("window", "due"), Column("call_time", "preferred time"),
                                    Column("tries", "tries"), Column("state", "state", words: ConfirmationState.wordKind)], emptyText: Message("empty.no_follow_up_calls_due").description)
            for row in try ctx.desks.followUps.dueCallRows(on: day, limit: limit, by: ctx.caller(inv.line)) {
                let c = row.due
                t.rows.append([.text(c.call.rule), .text(c.order.number), .text(row.plate ?? "?"), .text(row.customer?.name ?? "?"),
                               .text(ctx.privacy.phone(row.customer?.phone)), .text(c.call.rawValue), .text("\(c.window.lowerBound)…\(c.window.upperBound)"),
                               .text(c.order.delivery?.followUpPreference ?? ""), .int(c.tries),
                               .text(c.isOverdue(on: day) ? "overdue" : "due")])
            }
            return .table(t)
        })

    static let record = CommandSpec(
        noun: "followup", verb: "record", summary: "Record a follow-up call: reached or not, satisfaction 1-5, comments (R6.1, R6.4)",
        discussion: "A score of 1 or 2 opens a complaint at once, so it is investigated and resolved (R6.2).",
        positionals: [RepairOrderCommands.orderPositional,
                      PositionalSpec("call", "quality or tracking", completion: .choices(FollowUpCall.allCases.map(\.spelled)))],
        options: [OptionSpec("outcome", value: "OUTCOME", "reached (default) or unreachable", completion: .choices(FollowUpOutcome.allCases.map(\.spelled))),
                  OptionSpec("score", value: "1-5", "Satisfaction: 1 very unhappy … 5 very happy"),
                  OptionSpec("comment", value: "TEXT", "What the customer said")],
        examples: ["followup record RO-20261123-0001 quality --score 5 --comment '很满意'"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let callText = inv.positional("call") ?? ""
            let call = ValueInput.value(callText, as: FollowUpCall.self)
            if call == nil { p.append(Problem("call", Message("follow_up.not_a_call", ["given": .text(callText)]))) }
            let outcomeText = inv.option("outcome") ?? "reached"
            let outcome = ValueInput.value(outcomeText, as: FollowUpOutcome.self)
            if outcome == nil { p.append(Problem("outcome", Message("follow_up.not_an_outcome", ["given": .text(outcomeText)]))) }
            guard let call, let outcome else {
                // Name the order's own problems too (not delivered, no such order), all at once.
                if let o = try? ctx.desks.repairOrders.load(inv.positional("ro") ?? "", by: ctx.caller(inv.line)), o.delivery == nil {
                    p.insert(Problem("ro", Message("follow_up.not_delivered", ["number": .text(o.number)])), at: 0)
                }
                throw Refusal(Message("follow_up.cannot_record"), problems: p)
            }
            let request = CallRequest(order: inv.positional("ro") ?? "", call: call, outcome: outcome, score: inv.option("score").flatMap { Int($0) },
                                      scoreText: inv.option("score"), comment: inv.option("comment") ?? "")
            let done = try ctx.desks.followUps.record(request, by: ctx.caller(inv.line)).value
            var r = Record()
            r.add("number", "repair order", .text(done.number))
            r.add("call", "call", .text(done.record.call.rawValue), words: FollowUpCall.wordKind)
            r.add("outcome", "outcome", .text(done.record.outcome.rawValue), words: FollowUpOutcome.wordKind)
            r.add("score", "satisfaction", done.record.score.map(Value.int) ?? .none)
            r.add("complaint_id", "complaint", done.complaintID.map { .int(Int($0)) } ?? .none)
            r.add("complaint_opened", "complaint opened", .bool(done.complaintID != nil && !done.complaintWasOpen))
            return .message(([done.message] + done.notes).map(\.description).joined(separator: "\n"), r)
        })

    static let list = CommandSpec(
        noun: "followup", verb: "list", summary: "The follow-up record: calls and satisfaction (X7, R6.5)",
        options: [OptionSpec("from", value: "DATE", "First day (default: 30 days ago)"), OptionSpec("to", value: "DATE", "Last day (default: today)"),
                  OptionSpec("limit", value: "N", "At most N calls, oldest first (default 200)"), OptionSpec("offset", value: "N", "Skip the first N calls")],
        action: .lookup { inv, ctx in
            let first = inv.option("from") == nil ? ctx.today.adding(days: -30) : try DayInput.option(inv, ctx, "from")
            let last = try DayInput.option(inv, ctx, "to")
            let page = try Paging.read(inv, defaultLimit: 200)
            let log = try ctx.desks.followUps.calls(from: first, to: last, page: page.probingForMore, by: ctx.caller(inv.line))
            var t = Table(columns: [Column("at", "called"), Column("by", "by"), Column("ro", "repair order"), Column("call", "call", words: FollowUpCall.wordKind),
                                    Column("outcome", "outcome", words: FollowUpOutcome.wordKind), Column("score", "score"), Column("comment", "comment")], emptyText: Message("empty.no_calls_recorded").description)
            for (f, number) in log.calls.prefix(page.limit) {
                let number = number ?? "?"
                t.rows.append([.time(f.at), .text(f.by), .text(number), .text(f.call.rawValue), .text(f.outcome.rawValue),
                               f.score.map(Value.int) ?? .none, .text(f.comment)])
            }
            // One shape whatever the data: the summary (of the whole period), then the page of calls.
            var r = Record()
            r.add("scored_calls", "scored calls", .int(log.scoredCalls))
            if log.scoredCalls == 0 {
                r.add("average_score", "average score", .none)
            } else {
                let average = log.scoreTotal * 100 / log.scoredCalls
                let score = "\(average / 100).\(CalendarDate.pad(average % 100, 2))"
                r.add("average_score", "average score", .text(Message("follow_up.average_score", ["score": .text(score)]).description))
            }
            r.add(section: "calls", "calls", Paging.cut(t, page, found: log.calls.count))
            return .record(r)
        })

    static let files = CommandSpec(
        noun: "followup", verb: "files", summary: "Customer files still incomplete 2 days after a visit (R6.3)",
        options: [OptionSpec("since", value: "DATE", "Visits from this day on (default 90 days before the check falls due)"),
                  OptionSpec("limit", value: "N", "At most N files, newest visit first (default 200)")],
        action: .lookup { inv, ctx in
            let since = inv.option("since") == nil ? nil : try DayInput.option(inv, ctx, "since")
            let limit = try Paging.read(inv, defaultLimit: 200).limit
            var t = Table(columns: [Column("ro", "repair order"), Column("customer", "customer"), Column("visit", "visit"),
                                    Column("missing", "missing")], emptyText: Message("empty.every_customer_file_is_complete").description)
            for row in try ctx.desks.followUps.incompleteFiles(since: since, limit: limit, by: ctx.caller(inv.line)) {
                t.rows.append([.text(row.visit.number), .text("\(row.customer.name) \(row.customer.code)"),
                               .date(row.visit.openedAt.date(in: ctx.settings.utcOffset)),
                               .text(row.missing.map(\.description).joined(separator: MessageCatalog.current.isChinese ? "、" : ", "))])
            }
            return .table(t)
        })

    // MARK: Complaints (R6.2)

    static let complaintOpen = CommandSpec(
        noun: "complaint", verb: "open", summary: "Record a complaint or dispute (R6.2)",
        positionals: [PositionalSpec("customer", "Customer code, mobile number or name", completion: .customers, current: .customer)],
        options: [OptionSpec("text", value: "TEXT", "The complaint in the customer's words", required: true),
                  OptionSpec("ro", value: "RO", "The repair order it is about", completion: .repairOrders)],
        action: .change { inv, ctx in
            let request = ComplaintRequest(customer: inv.positional("customer") ?? "", order: inv.option("ro"), text: inv.option("text") ?? "")
            let opened = try ctx.desks.followUps.openComplaint(request, by: ctx.caller(inv.line)).value
            var r = Record()
            r.add("complaint_id", "complaint", .int(Int(opened.complaint.id)))
            r.add("status", "status", .text(opened.complaint.status.rawValue), words: Complaint.Status.wordKind)
            r.add("customer_code", "customer", .text(opened.customerCode))
            return .message(opened.message.description, r)
        })

    static func complaintStep(_ verb: String, _ summary: String, option: OptionSpec,
                              _ body: @escaping @Sendable (FollowUpDesk, String, String, Caller) throws -> ComplaintAdvanced) -> CommandSpec {
        CommandSpec(noun: "complaint", verb: verb, summary: summary,
                    positionals: [PositionalSpec("id", "Complaint number")], options: [option],
                    action: .change { inv, ctx in
            let done = try body(ctx.desks.followUps, inv.positional("id") ?? "", inv.option(option.name) ?? "", ctx.caller(inv.line))
            var r = Record()
            r.add("complaint_id", "complaint", .int(Int(done.complaint.id)))
            r.add("status_before", "status before", .text(done.statusBefore.rawValue), words: Complaint.Status.wordKind)
            r.add("status", "status", .text(done.complaint.status.rawValue), words: Complaint.Status.wordKind)
            return .message(done.message.description, r)
        })
    }

    static let complaintInvestigate = complaintStep(
        "investigate", "Record what the investigation found (R6.2)",
        option: OptionSpec("finding", value: "TEXT", "What was found", required: true)) { desk, id, finding, caller in
        try desk.investigate(id, finding: finding, by: caller).value
    }

    static let complaintResolve = complaintStep(
        "resolve", "Resolve with the corrective action (R6.2)",
        option: OptionSpec("action", value: "TEXT", "The corrective action", required: true)) { desk, id, action, caller in
        try desk.resolve(id, action: action, by: caller).value
    }

    static let complaintList = CommandSpec(
        noun: "complaint", verb: "list", summary: "Complaints not yet resolved (--all for every one)",
        options: [OptionSpec("all", "Include resolved complaints")],
        action: .lookup { inv, ctx in
            var t = Table(columns: [Column("id", "id"), Column("opened_at", "opened"), Column("customer", "customer"), Column("ro", "repair order"),
                                    Column("status", "status", words: Complaint.Status.wordKind), Column("text", "complaint"), Column("finding", "finding"), Column("action", "action")],
                          emptyText: Message("empty.no_open_complaints").description)
            for (c, cu, ro) in try ctx.desks.followUps.complaints(includingResolved: inv.flag("all"), by: ctx.caller(inv.line)) {
                t.rows.append([.int(Int(c.id)), .time(c.openedAt), .text(cu.map { "\($0.name) \($0.code)" } ?? "?"), .optional(ro),
                               .text(c.status.rawValue), .text(c.text), .text(c.finding), .text(c.action)])
            }
            return .table(t)
        })
}
