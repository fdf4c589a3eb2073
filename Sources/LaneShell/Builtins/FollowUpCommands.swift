import LaneCore
import LaneStore

/// `followup …` and `complaint …`: after the car has gone (R6).
enum FollowUpCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "followup", "calls after delivery: due list, outcome and satisfaction, customer files")
        registry.describe(noun: "complaint", "complaints and disputes: investigate, resolve, corrective action")
        for spec in [due, record, list, files, complaintOpen, complaintInvestigate, complaintResolve, complaintList] {
            try registry.register(spec)
        }
    }

    struct DueCall {
        var order: RepairOrder
        var call: FollowUpCall
        var window: ClosedRange<CalendarDate>
        var tries: Int
    }

    /// Calls due on `day`: the quality call in the three days after delivery
    /// (R6.1) and the tracking call on days 3-7 (R6.4); overdue ones stay
    /// until someone reaches the customer.
    static func dueCalls(on day: CalendarDate, _ ctx: CommandContext, _ tx: any StoreReading) throws -> [DueCall] {
        let offset = ctx.settings.utcOffset
        let from = Timestamp(date: day.adding(days: -30), offset: offset)
        let to = Timestamp(date: day, offset: offset)
        var calls: [DueCall] = []
        for o in try tx.repairOrders(deliveredFrom: from, to: to) {
            guard let delivered = o.delivery?.at.date(in: offset) else { continue }
            let records = try tx.followUps(orderID: o.id)
            for call in FollowUpCall.allCases {
                let window = call.window(deliveredOn: delivered)
                guard window.lowerBound <= day else { continue }
                let mine = records.filter { $0.call == call }
                if mine.contains(where: { $0.outcome == .reached }) { continue }
                calls.append(DueCall(order: o, call: call, window: window, tries: mine.count))
            }
        }
        return calls
    }

    static let due = CommandSpec(
        noun: "followup", verb: "due", summary: "Follow-up calls due: quality call within 3 days (R6.1), tracking call on days 3-7 (R6.4)",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)")],
        action: .read { inv, ctx, tx in
            let day = try DayInput.option(inv, ctx)
            var t = Table(columns: [Column("rule", "rule"), Column("ro", "repair order"), Column("plate", "plate"), Column("customer", "customer"),
                                    Column("phone", "phone"), Column("call", "call"), Column("window", "due"), Column("call_time", "preferred time"),
                                    Column("tries", "tries"), Column("state", "state")], emptyText: "no follow-up calls due")
            for c in try dueCalls(on: day, ctx, tx) {
                let v = try tx.vehicle(id: c.order.vehicleID), cu = try tx.customer(id: c.order.customerID)
                t.rows.append([.text(c.call.rule), .text(c.order.number), .text(v?.plate.value ?? "?"), .text(cu?.name ?? "?"),
                               .text(ctx.privacy.phone(cu?.phone)), .text(c.call.rawValue), .text("\(c.window.lowerBound)…\(c.window.upperBound)"),
                               .text(c.order.delivery?.followUpPreference ?? ""), .int(c.tries),
                               .text(day > c.window.upperBound ? "overdue" : "due")])
            }
            return .table(t)
        })

    static let record = CommandSpec(
        noun: "followup", verb: "record", summary: "Record a follow-up call: reached or not, satisfaction 1-5, comments (R6.1, R6.4)",
        discussion: "A score of 1 or 2 opens a complaint at once, so it is investigated and resolved (R6.2).",
        positionals: [RepairOrderCommands.orderPositional,
                      PositionalSpec("call", "quality or tracking", completion: .choices(FollowUpCall.allCases.map(\.rawValue)))],
        options: [OptionSpec("outcome", value: "OUTCOME", "reached (default) or unreachable", completion: .choices(FollowUpOutcome.allCases.map(\.rawValue))),
                  OptionSpec("score", value: "1-5", "Satisfaction: 1 very unhappy … 5 very happy"),
                  OptionSpec("comment", value: "TEXT", "What the customer said")],
        examples: ["followup record RO-20261123-0001 quality --score 5 --comment '很满意'"],
        action: .write { inv, ctx, tx in
            let o = try RepairOrderCommands.load(inv.positional("ro") ?? "", tx)
            var p: [Problem] = []
            if o.delivery == nil { p.append(Problem("ro", "\(o.number) has not been delivered yet")) }
            let callText = inv.positional("call") ?? ""
            let call = FollowUpCall(rawValue: callText)
            if call == nil { p.append(Problem("call", "'\(callText)' is quality or tracking")) }
            let outcomeText = inv.option("outcome") ?? "reached"
            let outcome = FollowUpOutcome(rawValue: outcomeText)
            if outcome == nil { p.append(Problem("outcome", "'\(outcomeText)' is reached or unreachable")) }
            let score = inv.option("score").flatMap { Int($0) }
            if let call, let outcome { p += FollowUpRecord.problems(call: call, outcome: outcome, score: score, scoreText: inv.option("score")) }
            if let call, try tx.followUps(orderID: o.id).contains(where: { $0.call == call && $0.outcome == .reached }) {
                p.append(Problem("call", "the \(call.rawValue) call of \(o.number) is already recorded"))
            }
            try Refusal.check("cannot record the call", p)
            guard let call, let outcome else { return .nothing }
            let comment = inv.option("comment") ?? ""
            try tx.appendFollowUp(FollowUpRecord(orderID: o.id, call: call, outcome: outcome, score: score, comment: comment, at: ctx.now, by: ctx.user))
            var text = "\(o.number) \(call.rawValue) call: \(outcome.rawValue)" + (score.map { ", satisfaction \($0)/5" } ?? "")
            if let score, score <= 2 {
                // One unhappy visit, one complaint: a survey may already have opened it.
                if let open = try tx.complaints(statuses: [.open, .investigated]).first(where: { $0.orderID == o.id }) {
                    text += "\ncomplaint \(open.id) is already open for \(o.number): add what the customer said to its investigation (R6.2)"
                } else {
                    let c = try tx.insertComplaint(Complaint(orderID: o.id, customerID: o.customerID,
                                                             text: "satisfaction \(score)/5 on the \(call.rawValue) call: \(comment)",
                                                             openedAt: ctx.now, openedBy: ctx.user))
                    text += "\ncomplaint \(c.id) opened: investigate and resolve it (R6.2)"
                }
            }
            return .message(text, nil)
        })

    static let list = CommandSpec(
        noun: "followup", verb: "list", summary: "The follow-up record: calls and satisfaction (X7, R6.5)",
        options: [OptionSpec("from", value: "DATE", "First day (default: 30 days ago)"), OptionSpec("to", value: "DATE", "Last day (default: today)")],
        action: .read { inv, ctx, tx in
            let offset = ctx.settings.utcOffset
            let first = inv.option("from") == nil ? ctx.today.adding(days: -30) : try DayInput.option(inv, ctx, "from")
            let last = try DayInput.option(inv, ctx, "to")
            let records = try tx.followUps(from: Timestamp(date: first, offset: offset), to: Timestamp(date: last.adding(days: 1), offset: offset))
            var t = Table(columns: [Column("at", "called"), Column("by", "by"), Column("ro", "repair order"), Column("call", "call"),
                                    Column("outcome", "outcome"), Column("score", "score"), Column("comment", "comment")], emptyText: "no calls recorded")
            for f in records {
                let number = try tx.repairOrder(id: f.orderID)?.number ?? "?"
                t.rows.append([.time(f.at), .text(f.by), .text(number), .text(f.call.rawValue), .text(f.outcome.rawValue),
                               f.score.map(Value.int) ?? .none, .text(f.comment)])
            }
            // One shape whatever the data: the summary, then the calls.
            let scores = records.compactMap(\.score)
            var r = Record()
            r.add("scored_calls", "scored calls", .int(scores.count))
            if scores.isEmpty {
                r.add("average_score", "average score", .none)
            } else {
                let average = scores.reduce(0, +) * 100 / scores.count
                r.add("average_score", "average score", .text("\(average / 100).\(CalendarDate.pad(average % 100, 2)) of 5"))
            }
            r.add(section: "calls", "calls", t)
            return .record(r)
        })

    static let files = CommandSpec(
        noun: "followup", verb: "files", summary: "Customer files still incomplete 2 days after a visit (R6.3)",
        action: .read { _, ctx, tx in
            let offset = ctx.settings.utcOffset
            let cutoff = ctx.today.adding(days: -CustomerFileCheck.dueAfterDays)
            var t = Table(columns: [Column("ro", "repair order"), Column("customer", "customer"), Column("visit", "visit"),
                                    Column("missing", "missing")], emptyText: "every customer file is complete")
            for o in try tx.repairOrders(statuses: [.delivered, .settled, .closed], limit: 10_000) {
                guard o.openedAt.date(in: offset) <= cutoff, let c = try tx.customer(id: o.customerID) else { continue }
                let missing = CustomerFileCheck.missing(customer: c, order: o)
                if !missing.isEmpty {
                    t.rows.append([.text(o.number), .text("\(c.name) \(c.code)"), .date(o.openedAt.date(in: offset)), .text(missing.joined(separator: ", "))])
                }
            }
            return .table(t)
        })

    // MARK: Complaints (R6.2)

    static let complaintOpen = CommandSpec(
        noun: "complaint", verb: "open", summary: "Record a complaint or dispute (R6.2)",
        positionals: [PositionalSpec("customer", "Customer code, mobile number or name", completion: .customers, current: .customer)],
        options: [OptionSpec("text", value: "TEXT", "The complaint in the customer's words", required: true),
                  OptionSpec("ro", value: "RO", "The repair order it is about", completion: .repairOrders)],
        action: .write { inv, ctx, tx in
            var p: [Problem] = []
            let customer = try References.customer(inv.positional("customer"), tx, into: &p)
            var orderID: Int64?
            if let ref = inv.option("ro") {
                if let o = try tx.repairOrder(number: ref.uppercased()) { orderID = o.id } else { p.append(Problem("ro", "there is no repair order \(ref)")) }
            }
            let text = (inv.option("text") ?? "").trimmingWhitespace()
            if text.isEmpty { p.append(Problem("text", "write what the customer complains about")) }
            try Refusal.check("cannot record the complaint", p)
            guard let customer else { return .nothing }
            let c = try tx.insertComplaint(Complaint(orderID: orderID, customerID: customer.id, text: text, openedAt: ctx.now, openedBy: ctx.user))
            return .message("complaint \(c.id) opened for \(customer.name) \(customer.code)", nil)
        })

    static func complaintStep(_ verb: String, _ summary: String, option: OptionSpec,
                              _ body: @escaping @Sendable (inout Complaint, String, CommandContext) throws -> String) -> CommandSpec {
        CommandSpec(noun: "complaint", verb: verb, summary: summary,
                    positionals: [PositionalSpec("id", "Complaint number")], options: [option],
                    action: .write { inv, ctx, tx in
            let text = inv.positional("id") ?? ""
            guard let id = Int64(text), var c = try tx.complaint(id: id) else {
                throw Refusal("no such complaint", problems: [Problem("id", "there is no complaint \(text); `complaint list` shows them")])
            }
            let message = try body(&c, inv.option(option.name) ?? "", ctx)
            try tx.updateComplaint(c)
            return .message("complaint \(id): \(message)", nil)
        })
    }

    static let complaintInvestigate = complaintStep(
        "investigate", "Record what the investigation found (R6.2)",
        option: OptionSpec("finding", value: "TEXT", "What was found", required: true)) { c, finding, _ in
        try c.investigate(finding: finding)
        return "investigated: \(c.finding)"
    }

    static let complaintResolve = complaintStep(
        "resolve", "Resolve with the corrective action (R6.2)",
        option: OptionSpec("action", value: "TEXT", "The corrective action", required: true)) { c, action, ctx in
        try c.resolve(action: action, at: ctx.now)
        return "resolved: \(c.action)"
    }

    static let complaintList = CommandSpec(
        noun: "complaint", verb: "list", summary: "Complaints not yet resolved (--all for every one)",
        options: [OptionSpec("all", "Include resolved complaints")],
        action: .read { inv, _, tx in
            let statuses: [Complaint.Status] = inv.flag("all") ? Complaint.Status.allCases : [.open, .investigated]
            var t = Table(columns: [Column("id", "id"), Column("opened_at", "opened"), Column("customer", "customer"), Column("ro", "repair order"),
                                    Column("status", "status"), Column("text", "complaint"), Column("finding", "finding"), Column("action", "action")],
                          emptyText: "no open complaints")
            for c in try tx.complaints(statuses: statuses) {
                let cu = try tx.customer(id: c.customerID)
                let ro = try c.orderID.flatMap { try tx.repairOrder(id: $0)?.number }
                t.rows.append([.int(Int(c.id)), .time(c.openedAt), .text(cu.map { "\($0.name) \($0.code)" } ?? "?"), .optional(ro),
                               .text(c.status.rawValue), .text(c.text), .text(c.finding), .text(c.action)])
            }
            return .table(t)
        })
}
