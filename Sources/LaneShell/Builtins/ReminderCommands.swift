import LaneCore
import LaneStore

/// `remind …`: who to call today and why (R1), what came of each call, and
/// the registers that keep it (X7).
enum ReminderCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "remind", "service reminders and win-back calls: due list, outcomes, registers")
        for spec in [due, log, registerList, reasons, delay, fixPublished, delays] { try registry.register(spec) }
    }

    static let kindChoices = CompletionSource.choices(ReminderKind.allCases.map(\.rawValue))

    /// A reminder due for one vehicle, with what is needed to show and call it.
    struct DueItem {
        var reminder: ServiceReminder
        var vehicle: Vehicle
        var tries: Int
        var delayedID: Int64?
        /// The campaign code of a campaign or upgrade invitation.
        var reference: String?
    }

    /// What the service history makes due for one vehicle (R1.1-R1.3),
    /// whatever came of the calls.
    static func serviceReminders(_ v: Vehicle, history: [VehicleEvent], on day: CalendarDate) -> [ServiceReminder] {
        ServiceReminders.due(for: v, history: history, on: day)
    }

    /// Everything due on `day`: R1.1-R1.3 from the histories, R1.5/R1.6 from
    /// running campaigns, R1.4 from the delayed-delivery register; booked and
    /// declined ones are left out. `only` limits it to one vehicle (reads just its rows).
    static func dueItems(on day: CalendarDate, _ ctx: CommandContext, _ tx: any StoreReading, only: Vehicle? = nil) throws -> [DueItem] {
        let offset = ctx.settings.utcOffset
        let events = try only.map { [$0.id: try tx.events(vehicleID: $0.id)] } ?? tx.allEvents()
        let log = try tx.reminderLog(vehicleID: only?.id)
        var items: [DueItem] = []
        var vehicles: [Int64: Vehicle] = [:]
        for v in try only.map({ [$0] }) ?? tx.allVehicles() {
            vehicles[v.id] = v
            for r in serviceReminders(v, history: events[v.id] ?? [], on: day) where ReminderRegister.isOpen(r, vehicleID: v.id, log: log) {
                items.append(DueItem(reminder: r, vehicle: v, tries: ReminderRegister.attempts(r, vehicleID: v.id, log: log)))
            }
        }
        for campaign in try tx.campaigns() where campaign.isRunning(on: day) {
            let r = campaign.reminder()
            for v in vehicles.values where campaign.applies(to: v)
                && ReminderRegister.isOpen(r, vehicleID: v.id, log: log, reference: campaign.code) {
                items.append(DueItem(reminder: r, vehicle: v, tries: ReminderRegister.attempts(r, vehicleID: v.id, log: log, reference: campaign.code),
                                     reference: campaign.code))
            }
        }
        for d in try tx.delayedDeliveries(openOnly: true) {
            guard let v = vehicles[d.vehicleID] else { continue }
            let stock = try d.partNumber.flatMap { try tx.part(number: $0)?.stock } ?? 0
            guard d.isReady(partInStock: stock) else { continue }
            let why = d.cause == .partOnBackOrder ? "part \(d.partNumber ?? "") has arrived (\(stock) in stock): \(d.note)" : "the fix is published: \(d.note)"
            let r = ServiceReminder(kind: .delayedDelivery, dueOn: d.openedAt.date(in: offset), estimatedMileage: nil, dueMileage: nil,
                                    reason: "invite back: " + why, rule: "R1.4")
            items.append(DueItem(reminder: r, vehicle: v, tries: ReminderRegister.attempts(r, vehicleID: v.id, log: log), delayedID: d.id))
        }
        // Calls the plugins add: recalls, parts that arrived for waiting customers, …
        for p in try ctx.plugins.reminders(on: day, ctx, tx) {
            guard let v = vehicles[p.vehicleID] else { continue }
            let reference = p.reference.uppercased()
            guard ReminderRegister.isOpen(p.reminder, vehicleID: v.id, log: log, reference: reference) else { continue }
            items.append(DueItem(reminder: p.reminder, vehicle: v, tries: ReminderRegister.attempts(p.reminder, vehicleID: v.id, log: log, reference: reference),
                                 reference: reference))
        }
        return items.sorted { ($0.reminder.dueOn, $0.vehicle.plate.value) < ($1.reminder.dueOn, $1.vehicle.plate.value) }
    }

    static let due = CommandSpec(
        noun: "remind", verb: "due", summary: "Who to call: first service, regular service, lost customers, delayed deliveries (R1)",
        discussion: """
            Lists every reminder falling due within 10 days of the day (overdue ones too), with the reason and, for mileage rules, \
            today's estimated mileage from the average km/day. A reminder leaves the list when `remind log` records it booked or declined; \
            unreachable customers stay on it.
            """,
        options: [OptionSpec("on", value: "DATE", "The day (default: today)"),
                  OptionSpec("kind", value: "KIND", "Only this kind", completion: kindChoices)],
        examples: ["remind due", "remind due --kind lost_customer", "remind due --on 2026-12-01"],
        action: .read { inv, ctx, tx in
            var day = ctx.today
            var p: [Problem] = []
            if let text = inv.option("on") {
                if let d = CalendarDate(parsing: text) { day = d } else { p.append(Problem("on", "'\(text)' is not a date; write YYYY-MM-DD")) }
            }
            var kind: ReminderKind?
            if let text = inv.option("kind") {
                kind = ReminderKind(rawValue: text)
                if kind == nil { p.append(Problem("kind", "'\(text)' is one of \(ReminderKind.allCases.map(\.rawValue).joined(separator: ", "))")) }
            }
            try Refusal.check("cannot list reminders", p)
            var t = Table(columns: [Column("rule", "rule"), Column("kind", "kind"), Column("due_on", "due"), Column("plate", "plate"),
                                    Column("customer", "customer"), Column("phone", "phone"), Column("estimated_km", "est. km"),
                                    Column("tries", "tries"), Column("reason", "reason")], emptyText: "nobody to call")
            for item in try dueItems(on: day, ctx, tx) where kind == nil || item.reminder.kind == kind {
                let owner = try tx.customer(id: item.vehicle.ownerID)
                t.rows.append([.text(item.reminder.rule), .text(item.reminder.kind.rawValue), .date(item.reminder.dueOn),
                               .text(item.vehicle.plate.value), .text(owner.map { "\($0.name) \($0.code)" } ?? "?"),
                               .text(ctx.privacy.phone(owner?.phone)), item.reminder.estimatedMileage.map(Value.int) ?? .none,
                               .int(item.tries), .text(item.reminder.reason)])
            }
            return .table(t)
        })

    static let log = CommandSpec(
        noun: "remind", verb: "log", summary: "Record what came of a reminder call: booked, declined (with reason) or unreachable",
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle),
                      PositionalSpec("kind", "first_service, regular_service, lost_customer, delayed_delivery…", completion: kindChoices)],
        options: [OptionSpec("outcome", value: "OUTCOME", "booked, declined or unreachable", completion: .choices(ReminderOutcome.allCases.map(\.rawValue)), required: true),
                  OptionSpec("reason", value: "TEXT", "Why they declined, and their feedback"),
                  OptionSpec("campaign", value: "CODE", "Which campaign or upgrade, when the vehicle has several")],
        examples: ["remind log 粤B82396 regular_service --outcome booked",
                   "remind log 粤BJ0Q65 lost_customer --outcome declined --reason '搬到外地'"],
        action: .write { inv, ctx, tx in
            var p: [Problem] = []
            let vehicle = try References.vehicle(inv.positional("vehicle"), tx, into: &p)
            let kindText = inv.positional("kind") ?? ""
            let kind = ReminderKind(rawValue: kindText)
            if kind == nil { p.append(Problem("kind", "'\(kindText)' is one of \(ReminderKind.allCases.map(\.rawValue).joined(separator: ", "))")) }
            let outcomeText = inv.option("outcome") ?? ""
            let outcome = ReminderOutcome(rawValue: outcomeText)
            if outcome == nil { p.append(Problem("outcome", "'\(outcomeText)' is booked, declined or unreachable")) }
            let reason = inv.option("reason") ?? ""
            if let outcome { p += ReminderRegister.problems(outcome: outcome, reason: reason) }
            var item: DueItem?
            if let vehicle, let kind {
                let code = inv.option("campaign")?.uppercased()
                item = try dueItems(on: ctx.today, ctx, tx, only: vehicle).first {
                    $0.vehicle.id == vehicle.id && $0.reminder.kind == kind && (code == nil || $0.reference == code)
                }
                if item == nil { p.append(Problem("kind", "\(vehicle.plate) has no \(kind.rawValue) reminder due; `remind due` lists them")) }
            }
            try Refusal.check("cannot log the call", p)
            guard let item, let outcome else { return .nothing }
            try tx.appendReminderLog(ReminderLogEntry(vehicleID: item.vehicle.id, kind: item.reminder.kind, dueOn: item.reminder.dueOn,
                                                      outcome: outcome, reason: reason, at: ctx.now, by: ctx.user, reference: item.reference))
            if let id = item.delayedID, outcome != .unreachable, var d = try tx.delayedDelivery(id: id) {
                d.closedAt = ctx.now
                try tx.updateDelayedDelivery(d)
            }
            return .message("\(item.vehicle.plate) \(item.reminder.kind.rawValue)\(item.reference.map { " " + $0 } ?? "") due \(item.reminder.dueOn): \(outcome.rawValue)"
                            + (reason.isEmpty ? "" : " (\(reason))"), nil)
        })

    static let registerList = CommandSpec(
        noun: "remind", verb: "register", summary: "The reminder registers: every call and its outcome (X7)",
        options: [OptionSpec("kind", value: "KIND", "Only this kind: the first-service list, the regular-service list…", completion: kindChoices)],
        action: .read { inv, _, tx in
            let kind = inv.option("kind").flatMap(ReminderKind.init(rawValue:))
            if let text = inv.option("kind"), kind == nil {
                throw Refusal("cannot show the register", problems: [Problem("kind", "'\(text)' is one of \(ReminderKind.allCases.map(\.rawValue).joined(separator: ", "))")])
            }
            var t = Table(columns: [Column("at", "called"), Column("by", "by"), Column("kind", "kind"), Column("plate", "plate"),
                                    Column("customer", "customer"), Column("due_on", "due"), Column("campaign", "campaign"), Column("outcome", "outcome"),
                                    Column("reason", "reason")], emptyText: "no calls recorded")
            for e in try tx.reminderLog(vehicleID: nil) where kind == nil || e.kind == kind {
                let v = try tx.vehicle(id: e.vehicleID)
                let c = try v.flatMap { try tx.customer(id: $0.ownerID) }
                t.rows.append([.time(e.at), .text(e.by), .text(e.kind.rawValue), .text(v?.plate.value ?? "?"), .text(c?.name ?? "?"),
                               .date(e.dueOn), .optional(e.reference), .text(e.outcome.rawValue), .text(e.reason)])
            }
            return .table(t)
        })

    static let reasons = CommandSpec(
        noun: "remind", verb: "reasons", summary: "Why customers declined, counted by kind: the analysis R1.3 asks for",
        action: .read { _, _, tx in
            var counts: [String: Int] = [:]
            for e in try tx.reminderLog(vehicleID: nil) where e.outcome == .declined {
                counts["\(e.kind.rawValue)\u{1F}\(e.reason)", default: 0] += 1
            }
            var t = Table(columns: [Column("kind", "kind"), Column("reason", "reason"), Column("count", "count")], emptyText: "nobody declined yet")
            for (key, n) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                t.rows.append([.text(parts[0]), .text(parts.count > 1 ? parts[1] : ""), .int(n)])
            }
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
        action: .write { inv, ctx, tx in
            var p: [Problem] = []
            let vehicle = try References.vehicle(inv.positional("vehicle"), tx, into: &p)
            let partNumber = inv.option("part")?.uppercased()
            let noFix = inv.option("no-fix")?.trimmingWhitespace()
            if (partNumber == nil) == (noFix == nil) { p.append(Problem("cause", "give either --part NUMBER or --no-fix TEXT")) }
            if let partNumber, try tx.part(number: partNumber) == nil { p.append(Problem("part", "there is no part \(partNumber)")) }
            if noFix?.isEmpty == true { p.append(Problem("no-fix", "describe the fault")) }
            var expected: CalendarDate?
            if let text = inv.option("expected") {
                expected = CalendarDate(parsing: text)
                if expected == nil { p.append(Problem("expected", "'\(text)' is not a date; write YYYY-MM-DD")) }
            }
            try Refusal.check("cannot register the delay", p)
            guard let vehicle else { return .nothing }
            let entry = try tx.insertDelayedDelivery(DelayedDelivery(
                vehicleID: vehicle.id, cause: partNumber != nil ? .partOnBackOrder : .noKnownFix, partNumber: partNumber,
                note: noFix ?? inv.option("note") ?? "", expectedOn: expected, openedAt: ctx.now))
            return .message("delay \(entry.id) registered for \(vehicle.plate): \(partNumber.map { "waiting for part \($0)" } ?? "no known fix")"
                            + (expected.map { ", expected \($0)" } ?? ""), nil)
        })

    static let fixPublished = CommandSpec(
        noun: "remind", verb: "fix-published", summary: "The maker published the fix for a delayed vehicle: invite it back (R1.4)",
        positionals: [PositionalSpec("id", "The delay number `remind delays` shows")],
        action: .write { inv, ctx, tx in
            let text = inv.positional("id") ?? ""
            guard let id = Int64(text), var d = try tx.delayedDelivery(id: id) else {
                throw Refusal("cannot record the fix", problems: [Problem("id", "there is no delay \(text); `remind delays` lists them")])
            }
            var p: [Problem] = []
            if d.cause != .noKnownFix { p.append(Problem("id", "delay \(id) waits for a part, not a fix")) }
            if d.closedAt != nil { p.append(Problem("id", "delay \(id) is already closed")) }
            try Refusal.check("cannot record the fix", p)
            d.fixPublishedAt = ctx.now
            try tx.updateDelayedDelivery(d)
            return .message("fix published for delay \(id); the customer is now on `remind due`", nil)
        })

    static let delays = CommandSpec(
        noun: "remind", verb: "delays", summary: "The delayed-delivery register (R1.4, X7)",
        options: [OptionSpec("all", "Include closed entries")],
        action: .read { inv, _, tx in
            var t = Table(columns: [Column("id", "id"), Column("plate", "plate"), Column("cause", "cause"), Column("part", "part"),
                                    Column("note", "note"), Column("expected_on", "expected"), Column("state", "state")], emptyText: "no delayed deliveries")
            for d in try tx.delayedDeliveries(openOnly: !inv.flag("all")) {
                let v = try tx.vehicle(id: d.vehicleID)
                let stock = try d.partNumber.flatMap { try tx.part(number: $0)?.stock } ?? 0
                let state = d.closedAt != nil ? "closed" : d.isReady(partInStock: stock) ? "ready: invite back" : "waiting"
                t.rows.append([.int(Int(d.id)), .text(v?.plate.value ?? "?"), .text(d.cause.rawValue), .optional(d.partNumber),
                               .text(d.note), d.expectedOn.map(Value.date) ?? .none, .text(state)])
            }
            return .table(t)
        })
}
