import LaneCore
import ServiceDepartment

/// `remind …`: who to call today and why (R1), what came of each call, and
/// the registers that keep it (X7). The operations are `ReminderDesk`'s.
enum ReminderCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "remind", "service reminders and win-back calls: due list, outcomes, registers")
        for spec in [due, log, registerList, reasons, delay, fixPublished, delays] { try registry.register(spec) }
    }

    static let kindChoices = CompletionSource.choices(ReminderKind.allCases.map(\.spelled))

    /// A kind as typed, or nil with its problem added.
    static func kind(_ text: String, into p: inout [Problem]) -> ReminderKind? {
        guard let kind = ValueInput.value(text, as: ReminderKind.self) else {
            p.append(Problem("kind", Message("reminder.not_a_kind", ["given": .text(text),
                                                                     "kinds": .list(ReminderKind.allCases.map { .text($0.rawValue) })])))
            return nil
        }
        return kind
    }

    /// A day as typed, or nil with its problem added.
    static func day(_ text: String, _ field: String, into p: inout [Problem]) -> CalendarDate? {
        guard let d = CalendarDate(parsing: text) else {
            p.append(Problem(field, Message("input.not_a_date", ["given": .text(text)])))
            return nil
        }
        return d
    }

    static let due = CommandSpec(
        noun: "remind", verb: "due", summary: "Who to call: first service, regular service, lost customers, delayed deliveries (R1)",
        discussion: """
            Lists every reminder falling due within 10 days of the day (overdue ones too), with the reason and, for mileage rules, \
            today's estimated mileage from the average km/day. A reminder leaves the list when `remind log` records it booked or declined; \
            unreachable customers stay on it. Earliest due first, at most --limit of them (200 unless said).
            """,
        options: [OptionSpec("on", value: "DATE", "The day (default: today)"),
                  OptionSpec("kind", value: "KIND", "Only this kind", completion: kindChoices),
                  OptionSpec("limit", value: "N", "At most N calls, earliest due first (default 200)")],
        examples: ["remind due", "remind due --kind lost_customer", "remind due --on 2026-12-01", "remind due --limit 20"],
        action: .lookup { inv, ctx in
            var p: [Problem] = []
            let day = inv.option("on").flatMap { Self.day($0, "on", into: &p) }
            let kind = inv.option("kind").flatMap { Self.kind($0, into: &p) }
            try Refusal.check(Message("reminder.cannot_list"), p)
            let limit = try Paging.read(inv, defaultLimit: 200).limit
            let calls = try ctx.desks.reminders.due(DueRequest(day: day, kind: kind, limit: limit), by: ctx.caller(inv.line), otherCalls: ctx.plugins.reminderCalls(ctx))
            var t = Table(columns: [Column("rule", "rule", forMachines: true), Column("kind", "kind", words: ReminderKind.wordKind), Column("due_on", "due"), Column("plate", "plate"),
                                    Column("customer", "customer"), Column("phone", "phone"), Column("estimated_km", "est. km"),
                                    Column("tries", "tries"), Column("reason", "reason")], emptyText: Message("empty.nobody_to_call").description)
            for call in calls {
                let r = call.item.reminder
                t.rows.append([.text(r.rule), .text(r.kind.rawValue), .date(r.dueOn), .text(call.item.vehicle.plate.value),
                               .text(call.customerName.map { "\($0) \(call.customerCode ?? "")" } ?? "?"), .text(call.phone),
                               r.estimatedMileage.map(Value.int) ?? .none, .int(call.item.tries), .text(r.reason)])
            }
            return .table(t)
        })

    static let log = CommandSpec(
        noun: "remind", verb: "log", summary: "Record what came of a reminder call: booked, declined (with reason) or unreachable",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle),
                      PositionalSpec("kind", "first_service, regular_service, lost_customer, delayed_delivery…", completion: kindChoices)],
        options: [OptionSpec("outcome", value: "OUTCOME", "booked, declined or unreachable", completion: .choices(ReminderOutcome.allCases.map(\.spelled)), required: true),
                  OptionSpec("reason", value: "TEXT", "Why they declined, and their feedback"),
                  OptionSpec("campaign", value: "CODE", "Which campaign or upgrade, when the vehicle has several")],
        examples: ["remind log 粤B82396 regular_service --outcome booked",
                   "remind log 粤BJ0Q65 lost_customer --outcome declined --reason '搬到外地'"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let kind = Self.kind(inv.positional("kind") ?? "", into: &p)
            let outcomeText = inv.option("outcome") ?? ""
            let outcome = ValueInput.value(outcomeText, as: ReminderOutcome.self)
            if outcome == nil { p.append(Problem("outcome", Message("reminder.not_an_outcome", ["given": .text(outcomeText)]))) }
            let request = CallLogRequest(vehicle: inv.positional("vehicle") ?? "", kind: kind, outcome: outcome, reason: inv.option("reason") ?? "",
                                         campaign: inv.option("campaign"), inputProblems: p)
            let logged = try ctx.desks.reminders.log(request, by: ctx.caller(inv.line), otherCalls: ctx.plugins.reminderCalls(ctx)).value
            var r = Record()
            r.add("plate", "plate", .text(logged.item.vehicle.plate.value))
            r.add("kind", "kind", .text(logged.item.reminder.kind.rawValue), words: ReminderKind.wordKind)
            r.add("reference", "campaign", .optional(logged.item.reference))
            r.add("due_on", "due", .date(logged.item.reminder.dueOn))
            r.add("outcome", "outcome", .text(logged.outcome.rawValue), words: ReminderOutcome.wordKind)
            r.add("reason", "reason", .text(logged.reason))
            return .message(logged.message.description, r)
        })

    static let registerList = CommandSpec(
        noun: "remind", verb: "register", summary: "The reminder registers: every call and its outcome (X7)",
        options: [OptionSpec("kind", value: "KIND", "Only this kind: the first-service list, the regular-service list…", completion: kindChoices),
                  OptionSpec("limit", value: "N", "The newest N calls, oldest of them first (default 200)")],
        examples: ["remind register", "remind register --kind lost_customer --limit 50"],
        action: .lookup { inv, ctx in
            var p: [Problem] = []
            let kind = inv.option("kind").flatMap { Self.kind($0, into: &p) }
            try Refusal.check(Message("reminder.cannot_show_register"), p)
            let limit = try Paging.read(inv, defaultLimit: ReminderDesk.registerPage).limit
            var t = Table(columns: [Column("at", "called"), Column("by", "by"), Column("kind", "kind", words: ReminderKind.wordKind), Column("plate", "plate"),
                                    Column("customer", "customer"), Column("due_on", "due"), Column("campaign", "campaign"), Column("outcome", "outcome", words: ReminderOutcome.wordKind),
                                    Column("reason", "reason")], emptyText: Message("empty.no_calls_recorded").description)
            for row in try ctx.desks.reminders.register(kind: kind, limit: limit, by: ctx.caller(inv.line)) {
                let e = row.entry
                t.rows.append([.time(e.at), .text(e.by), .text(e.kind.rawValue), .text(row.plate ?? "?"), .text(row.customerName ?? "?"),
                               .date(e.dueOn), .optional(e.reference), .text(e.outcome.rawValue), .text(e.reason)])
            }
            return .table(t)
        })

    static let reasons = CommandSpec(
        noun: "remind", verb: "reasons", summary: "Why customers declined, counted by kind: the analysis R1.3 asks for",
        action: .lookup { inv, ctx in
            var t = Table(columns: [Column("kind", "kind", words: ReminderKind.wordKind), Column("reason", "reason"), Column("count", "count")], emptyText: Message("empty.nobody_declined_yet").description)
            for r in try ctx.desks.reminders.declineReasons(by: ctx.caller(inv.line)) { t.rows.append([.text(r.kind.rawValue), .text(r.reason), .int(r.count)]) }
            return .table(t)
        })

    static let delay = CommandSpec(
        noun: "remind", verb: "delay", summary: "Put a vehicle on the delayed-delivery register: a back-ordered part or no known fix (R1.4)",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        options: [OptionSpec("part", value: "NUMBER", "The part on back-order", completion: .parts),
                  OptionSpec("expected", value: "DATE", "Expected arrival of the part"),
                  OptionSpec("no-fix", value: "TEXT", "The fault that has no known fix yet"),
                  OptionSpec("note", value: "TEXT", "What the customer was told")],
        examples: ["remind delay 粤B27DP2 --part XH-51610-0001 --expected 2026-11-30", "remind delay 粤B27DP2 --no-fix '怠速抖动，厂家未发布方案'"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let expected = inv.option("expected").flatMap { Self.day($0, "expected", into: &p) }
            let request = DelayRequest(vehicle: inv.positional("vehicle") ?? "", partNumber: inv.option("part")?.uppercased(),
                                       noFix: inv.option("no-fix"), note: inv.option("note") ?? "", expectedOn: expected, inputProblems: p)
            let registered = try ctx.desks.reminders.delay(request, by: ctx.caller(inv.line)).value
            return .message(registered.message.description, delayRecord(registered))
        })

    static let fixPublished = CommandSpec(
        noun: "remind", verb: "fix-published", summary: "The maker published the fix for a delayed vehicle: invite it back (R1.4)",
        positionals: [PositionalSpec("id", "The delay number `remind delays` shows")],
        action: .change { inv, ctx in
            let text = inv.positional("id") ?? ""
            guard let id = Int64(text) else { throw ReminderDesk.noSuchDelay(text) }
            let d = try ctx.desks.reminders.publishFix(delay: id, by: ctx.caller(inv.line)).value
            return .message(ReminderDesk.fixPublished(d).description, nil)
        })

    static let delays = CommandSpec(
        noun: "remind", verb: "delays", summary: "The delayed-delivery register (R1.4, X7)",
        options: [OptionSpec("all", "Include closed entries")],
        action: .lookup { inv, ctx in
            var t = Table(columns: delayColumns, emptyText: Message("empty.no_delayed_deliveries").description)
            for entry in try ctx.desks.reminders.delays(all: inv.flag("all"), by: ctx.caller(inv.line)) { t.rows.append(delayRow(entry)) }
            return .table(t)
        })

    static let delayColumns = [Column("id", "id"), Column("plate", "plate"), Column("cause", "cause", words: DelayedDelivery.Cause.wordKind), Column("part", "part"),
                               Column("note", "note"), Column("expected_on", "expected"), Column("state", "state")]

    static func delayRow(_ entry: DelayEntry) -> [Value] {
        let d = entry.delay
        // A ready entry says what to do about it.
        let state = entry.state == .ready ? Message("reminder.delay_ready").description : entry.state.word
        return [.int(Int(d.id)), .text(entry.plate ?? "?"), .text(d.cause.rawValue), .optional(d.partNumber),
                .text(d.note), d.expectedOn.map(Value.date) ?? .none, .text(state)]
    }

    /// A new entry as fields: its number is what `remind fix-published` takes.
    static func delayRecord(_ registered: DelayRegistered) -> Record {
        let d = registered.delay
        var r = Record()
        r.add("id", "delay", .int(Int(d.id)))
        r.add("plate", "plate", .text(registered.plate))
        r.add("cause", "cause", .text(d.cause.rawValue), words: DelayedDelivery.Cause.wordKind)
        r.add("part", "part", .optional(d.partNumber))
        r.add("expected_on", "expected", d.expectedOn.map(Value.date) ?? .none)
        return r
    }
}
