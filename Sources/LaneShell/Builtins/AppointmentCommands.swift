import LaneCore
import LaneStore
import ServiceDepartment

/// `appt …`: booking, preparing and confirming appointments, the board, and
/// arrival or no-show (R2). The rules are LaneCore's `AppointmentPlanner`.
enum AppointmentCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "appt", "appointments: free slots, booking, confirmations, the board, arrival")
        for spec in [free, book, list, show, prepare, confirm, confirmations, board, review, arrive, noShow, cancel] {
            try registry.register(spec)
        }
    }

    static let apptPositional = PositionalSpec("appt", "Appointment number, e.g. AP-20261124-001", completion: .appointments)

    static func load(_ ref: String, _ tx: any StoreReading) throws -> Appointment {
        if let a = try tx.appointment(number: ref.trimmingWhitespace().uppercased()) { return a }
        throw Refusal("no such appointment", problems: [Problem("appt", "there is no appointment \(ref); `appt list` shows a day's")])
    }

    static func around(_ day: CalendarDate, _ tx: any StoreReading) throws -> [Appointment] {
        try tx.appointments(fromDay: day.adding(days: -1), toDay: day.adding(days: 15))
    }

    /// A step that changes one appointment: load, `body`, save.
    static func step(_ verb: String, _ summary: String, positionals: [PositionalSpec] = [], options: [OptionSpec] = [],
                     examples: [String] = [],
                     _ body: @escaping @Sendable (inout Appointment, Invocation, CommandContext, any StoreWriting) throws -> String) -> CommandSpec {
        CommandSpec(noun: "appt", verb: verb, summary: summary, positionals: [apptPositional] + positionals, options: options,
                    examples: examples, action: .write { inv, ctx, tx in
            var a = try load(inv.positional("appt") ?? "", tx)
            let text = try body(&a, inv, ctx, tx)
            try tx.saveAppointment(a, day: a.day(in: ctx.settings.utcOffset))
            try tx.appendAppointmentEvent(appointmentID: a.id, kind: verb, detail: text, at: ctx.now, by: ctx.user)
            if !a.status.isOpen { try tx.releaseReservations(appointmentID: a.id, at: ctx.now) }
            return .message("\(a.number): \(text)", nil)
        })
    }

    static let durationOption = OptionSpec("duration", value: "MINUTES", "How long the job holds a bay (default 60)")

    static func duration(_ inv: Invocation) throws -> Int {
        guard let text = inv.option("duration") else { return 60 }
        guard let n = Int(text), (15...600).contains(n) else {
            throw Refusal("cannot use that duration", problems: [Problem("duration", "'\(text)' should be minutes from 15 to 600")])
        }
        return n
    }

    // MARK: Slots and booking (R2.1-R2.4)

    static let free = CommandSpec(
        noun: "appt", verb: "free", summary: "Free slots of a day, peak times marked (R2.3)",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)"), durationOption],
        action: .read { inv, ctx, tx in
            let d = try DayInput.option(inv, ctx)
            let minutes = try duration(inv)
            var t = Table(columns: [Column("start", "start"), Column("peak", "peak"), Column("bays_free", "bays free")], emptyText: "no free slot that day")
            for slot in AppointmentPlanner.freeSlots(on: d, duration: minutes, settings: ctx.settings, existing: try around(d, tx), now: ctx.now) {
                t.rows.append([.time(slot.start), .text(slot.isPeak ? "peak" : ""), .int(slot.baysFree)])
            }
            return .table(t)
        })

    static let book = CommandSpec(
        noun: "appt", verb: "book", summary: "Book an appointment from a call: slot check, peak alternatives, 1-hour entry rule (R2.1-R2.4)",
        discussion: """
            A peak-time slot is refused with other slots offered (R2.3) unless --accept-peak says the customer insists; a same-day \
            appointment is allowed with a warning. The entry must be made within an hour of the call (--called-at, default now). \
            An outbound call that books settles the vehicle's due reminder. --after names a missed appointment this one follows up (R2.8).
            """,
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        options: [OptionSpec("at", value: "TIME", "Start, e.g. 2026-11-25T14:00", required: true),
                  OptionSpec("job", value: "TEXT", "What the customer needs", required: true),
                  durationOption,
                  OptionSpec("channel", value: "CHANNEL", "inbound (default), outbound or campaign", completion: .choices(AppointmentChannel.allCases.map(\.rawValue))),
                  OptionSpec("called-at", value: "TIME", "When the call was (default: now)"),
                  OptionSpec("advisor", value: "NAME", "The advisor who receives the car (default: you)", completion: .staff),
                  OptionSpec("accept-peak", "The customer insists on the peak time after hearing the alternatives"),
                  OptionSpec("after", value: "APPT", "The missed appointment this one follows up (R2.8)", completion: .appointments),
                  OptionSpec("note", value: "TEXT", "Other needs; the reminder to bring the owner's manual")],
        examples: ["appt book 粤B27DP2 --at 2026-11-25T14:00 --job '20000公里保养' --channel outbound"],
        action: .write { inv, ctx, tx in
            var p: [Problem] = []
            let vehicle = try References.vehicle(inv.positional("vehicle"), tx, into: &p)
            let start = TimeInput.parse(inv.option("at") ?? "", ctx)
            if start == nil { p.append(Problem("at", "'\(inv.option("at") ?? "")' is not a time like 2026-11-25T14:00")) }
            let channelText = inv.option("channel") ?? "inbound"
            let channel = AppointmentChannel(rawValue: channelText)
            if channel == nil { p.append(Problem("channel", "'\(channelText)' is inbound, outbound or campaign")) }
            var calledAt = ctx.now
            if let text = inv.option("called-at") {
                if let t = TimeInput.parse(text, ctx) { calledAt = t } else { p.append(Problem("called-at", "'\(text)' is not a time")) }
            }
            if let e = AppointmentPlanner.entryProblem(calledAt: calledAt, now: ctx.now) { p.append(e) }
            let advisor = inv.option("advisor") ?? ctx.user
            if inv.option("advisor") != nil, try tx.staffMember(named: advisor) == nil { p.append(Problem("advisor", "there is no staff member \(advisor)")) }
            let job = (inv.option("job") ?? "").trimmingWhitespace()
            if job.isEmpty { p.append(Problem("job", "say what the customer needs")) }
            let minutes = try duration(inv)
            var attempt = 1
            var missed: Appointment?
            if let ref = inv.option("after") {
                missed = try load(ref, tx)
                attempt = (missed?.attempt ?? 0) + 1
            }
            var warnings: [String] = []
            if let start {
                let check = AppointmentPlanner.check(request: start, duration: minutes, now: ctx.now, settings: ctx.settings, existing: try around(start.date(in: ctx.settings.utcOffset), tx))
                p += check.problems
                warnings += check.warnings.map(\.message)
                if check.isPeak && !inv.flag("accept-peak") {
                    p.append(Problem("at", "\(start.display(in: ctx.settings.utcOffset)) is a peak time; offer another slot, or --accept-peak if the customer insists"))
                }
                if !check.alternatives.isEmpty && (!check.problems.isEmpty || (check.isPeak && !inv.flag("accept-peak"))) {
                    p.append(Problem("alternatives", check.alternatives.map { $0.display(in: ctx.settings.utcOffset) }.joined(separator: ", ")))
                }
                if let missed, let e = AppointmentPlanner.followUpProblem(missed: missed, start: start, settings: ctx.settings) { p.append(e) }
            }
            try Refusal.check("the appointment cannot be booked", p)
            guard let vehicle, let start, let channel else { return .nothing }
            let d = start.date(in: ctx.settings.utcOffset)
            let number = Appointment.number(day: d, sequence: try tx.allocateNumber(in: .appointments(on: d)))
            let bay = AppointmentPlanner.freeBays(start: start, duration: minutes, settings: ctx.settings, existing: try around(d, tx)).first
            let a = try tx.insertAppointment(Appointment(number: number, vehicleID: vehicle.id, customerID: vehicle.ownerID, advisor: advisor,
                                                         start: start, durationMinutes: minutes, job: job, bay: bay, channel: channel,
                                                         calledAt: calledAt, enteredAt: ctx.now, attempt: attempt, note: inv.option("note") ?? ""), day: d)
            // An outbound reminder call that books settles the reminder (R1, R2.1).
            if channel != .inbound {
                for item in try ReminderCommands.dueItems(on: ctx.today, ctx, tx, only: vehicle) {
                    try tx.appendReminderLog(ReminderLogEntry(vehicleID: vehicle.id, kind: item.reminder.kind, dueOn: item.reminder.dueOn,
                                                              outcome: .booked, reason: a.number, at: ctx.now, by: ctx.user, reference: item.reference))
                }
            }
            let text = "booked \(a.number): \(vehicle.plate) \(start.display(in: ctx.settings.utcOffset)) with \(advisor), bay \(bay.map(String.init) ?? "-"), \(job)"
            try tx.appendAppointmentEvent(appointmentID: a.id, kind: "book", detail: "\(channel.rawValue) call at \(calledAt.display(in: ctx.settings.utcOffset)); \(text)",
                                          at: ctx.now, by: ctx.user)
            return .message(text + warnings.map { "\nwarning: \($0)" }.joined(), nil)
        })

    static func table(_ list: [Appointment], _ tx: any StoreReading, _ ctx: CommandContext) throws -> Table {
        var t = Table(columns: [Column("number", "appointment"), Column("start", "start"), Column("plate", "plate"), Column("customer", "customer"),
                                Column("advisor", "advisor"), Column("job", "job"), Column("bay", "bay"), Column("status", "status"),
                                Column("attempt", "attempt")], emptyText: "no appointments")
        for a in list {
            let v = try tx.vehicle(id: a.vehicleID), c = try tx.customer(id: a.customerID)
            t.rows.append([.text(a.number), .time(a.start), .text(v?.plate.value ?? "?"), .text(c?.name ?? "?"), .text(a.advisor), .text(a.job),
                           a.bay.map(Value.int) ?? .none, .text(a.status.rawValue), .int(a.attempt)])
        }
        return t
    }

    static let list = CommandSpec(
        noun: "appt", verb: "list", summary: "The appointment register for a day",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)")],
        action: .read { inv, ctx, tx in
            let d = try DayInput.option(inv, ctx)
            return .table(try table(try tx.appointments(fromDay: d, toDay: d), tx, ctx))
        })

    static let show = CommandSpec(
        noun: "appt", verb: "show", summary: "One appointment with its confirmations",
        positionals: [apptPositional],
        action: .read { inv, ctx, tx in
            let a = try load(inv.positional("appt") ?? "", tx)
            var r = Record()
            let row = try table([a], tx, ctx)
            for (i, column) in row.columns.enumerated() { r.add(column.key, column.title, row.rows[0][i]) }
            r.add("called_at", "called", .time(a.calledAt))
            r.add("channel", "channel", .text(a.channel.rawValue))
            let missing = AppointmentPlanner.internalConfirmationProblems(for: a, settings: ctx.settings)
            r.add("internal", "internal confirmation", .text(missing.isEmpty ? "complete" : missing.map(\.message).joined(separator: "; ")))
            for due in AppointmentPlanner.customerConfirmationsDue(for: a, now: ctx.now, settings: ctx.settings) {
                r.add(due.kind.rawValue, due.kind.title, .text(due.state.rawValue))
            }
            r.add("note", "note", .text(a.note))
            var reserved = Table(columns: [Column("part", "part"), Column("qty", "qty"), Column("label", "label"), Column("state", "state")],
                                 emptyText: "no parts reserved")
            for res in try tx.reservations(appointmentID: a.id) {
                reserved.rows.append([.text(res.partNumber), .int(res.quantity), .text(res.label), .text(res.released ? "released" : "reserved")])
            }
            r.add(section: "reserved", "parts reserved", reserved)
            var history = Table(columns: [Column("at", "time"), Column("by", "by"), Column("step", "step"), Column("detail", "detail")])
            for e in try tx.appointmentEvents(appointmentID: a.id) { history.rows.append([.time(e.at), .text(e.by), .text(e.kind), .text(e.detail)]) }
            r.add(section: "history", "history", history)
            return .record(r)
        })

    // MARK: Preparation and confirmation (R2.5, R2.6)

    static let prepare = step(
        "prepare", "Internal confirmation before the day: job items, technician plan, parts (R2.5)",
        options: [OptionSpec("items", "The advisor fixed job items and materials"),
                  OptionSpec("needs-plan", "A comeback or complaint: the technician must prepare a plan"),
                  OptionSpec("plan", "The technician's plan is ready"),
                  OptionSpec("parts", "The parts manager checked stock and reserved the parts"),
                  OptionSpec("reserve", value: "PARTS", "Reserve parts: NUMBER[:QTY],… (checks stock; counts as the parts check)", completion: .parts),
                  OptionSpec("parts-expected", value: "DATE", "Parts out of stock: expected arrival")],
        examples: ["appt prepare AP-20261125-001 --items --parts", "appt prepare AP-20261125-001 --reserve XH-15400-0001:1,XH-94109-0014"]
    ) { a, inv, ctx, tx in
        guard a.status.isOpen else {
            throw Refusal("\(a.number): cannot prepare", problems: [Problem("status", "the appointment is \(a.status.rawValue)")])
        }
        if inv.flag("items") { a.internalChecks.advisorItemsAt = ctx.now }
        if inv.flag("needs-plan") { a.internalChecks.needsTechnicianPlan = true }
        if inv.flag("plan") { a.internalChecks.technicianPlanAt = ctx.now }
        if inv.flag("parts") { a.internalChecks.partsCheckedAt = ctx.now }
        if let list = inv.option("reserve") {
            try reserve(list, for: a, ctx, tx)
            a.internalChecks.partsCheckedAt = ctx.now
        }
        if let text = inv.option("parts-expected") {
            guard let d = CalendarDate(parsing: text) else {
                throw Refusal("\(a.number): cannot prepare", problems: [Problem("parts-expected", "'\(text)' is not a date")])
            }
            a.internalChecks.partsExpectedOn = d
        }
        let missing = AppointmentPlanner.internalConfirmationProblems(for: a, settings: ctx.settings)
        return missing.isEmpty ? "internal confirmation complete" : "still to do: " + missing.map(\.message).joined(separator: "; ")
    }

    /// R2.5: parts put aside for the appointment, labelled with the customer's
    /// name and the day. Refused, with every shortage, when stock (less what
    /// is already reserved) cannot cover them: record --parts-expected instead.
    static func reserve(_ list: String, for a: Appointment, _ ctx: CommandContext, _ tx: any StoreWriting) throws {
        var p: [Problem] = []
        var wanted: [(String, Int)] = []
        for item in list.split(separator: ",") {
            let parts = item.split(separator: ":").map { String($0).trimmingWhitespace() }
            let number = parts[0].uppercased()
            let qty = parts.count > 1 ? Int(parts[1]) : 1
            guard let qty, qty > 0, parts.count <= 2 else { p.append(Problem("reserve", "'\(item)' should be NUMBER or NUMBER:QTY")); continue }
            guard let part = try tx.part(number: number) else { p.append(Problem("reserve", "there is no part \(number)")); continue }
            let available = part.stock - (try tx.reservedQuantity(partNumber: number))
            if available < qty {
                p.append(Problem(number, "\(part.name): \(max(available, 0)) available, \(qty) needed; order it and record --parts-expected DATE"))
            }
            wanted.append((number, qty))
        }
        try Refusal.check("\(a.number): cannot reserve the parts", p)
        let name = try tx.customer(id: a.customerID)?.name ?? ""
        let label = "\(name) \(a.day(in: ctx.settings.utcOffset))"
        for (number, qty) in wanted { try tx.reserve(partNumber: number, quantity: qty, for: a.id, label: label, at: ctx.now) }
    }

    static let confirm = step(
        "confirm", "The customer confirmed: the day before or the hour before (R2.6)",
        positionals: [PositionalSpec("when", "day_before or hour_before", completion: .choices(CustomerConfirmationKind.allCases.map(\.rawValue)))]
    ) { a, inv, ctx, _ in
        let text = inv.positional("when") ?? ""
        guard let kind = CustomerConfirmationKind(rawValue: text) else {
            throw Refusal("\(a.number): cannot confirm", problems: [Problem("when", "'\(text)' is day_before or hour_before")])
        }
        try a.recordCustomerConfirmation(kind, at: ctx.now)
        return "customer confirmed (\(kind.title))"
    }

    static let confirmations = CommandSpec(
        noun: "appt", verb: "confirmations", summary: "Customer confirmation calls due now: day before, hour before (R2.6)",
        action: .read { _, ctx, tx in .table(try confirmationCalls(ctx, tx)) })

    /// The confirmation calls due now (also on the advisors' `today`).
    static func confirmationCalls(_ ctx: CommandContext, _ tx: any StoreReading) throws -> Table {
        var t = Table(columns: [Column("number", "appointment"), Column("start", "start"), Column("plate", "plate"), Column("customer", "customer"),
                                Column("phone", "phone"), Column("call", "call"), Column("state", "state")], emptyText: "no confirmation calls due")
        for a in try tx.appointments(fromDay: ctx.today, toDay: ctx.today.adding(days: 1)) {
            for due in AppointmentPlanner.customerConfirmationsDue(for: a, now: ctx.now, settings: ctx.settings)
            where due.state == .due || due.state == .overdue {
                let v = try tx.vehicle(id: a.vehicleID), c = try tx.customer(id: a.customerID)
                t.rows.append([.text(a.number), .time(a.start), .text(v?.plate.value ?? "?"), .text(c?.name ?? "?"),
                               .text(ctx.privacy.phone(c?.phone)), .text(due.kind.rawValue), .text(due.state.rawValue)])
            }
        }
        return t
    }

    // MARK: The board (R2.7)

    static let board = CommandSpec(
        noun: "appt", verb: "board", summary: "The appointment board: advisors × hours, with arrived and late marks (R2.7)",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)")],
        action: .read { inv, ctx, tx in
            let d = try DayInput.option(inv, ctx)
            let list = try tx.appointments(fromDay: d, toDay: d)
            var customers: [Int64: String] = [:], plates: [Int64: String] = [:]
            for a in list {
                customers[a.customerID] = try tx.customer(id: a.customerID)?.name
                plates[a.vehicleID] = try tx.vehicle(id: a.vehicleID)?.plate.value
            }
            let advisors = try tx.staff().filter { $0.role == .serviceAdvisor }.map(\.name)
            let b = AppointmentBoard(day: d, settings: ctx.settings, appointments: list, customers: customers, plates: plates,
                                     now: ctx.now, advisors: advisors)
            var t = Table(columns: [Column("advisor", "advisor")] + b.hours.map { Column("h\($0.minutes / 60)", $0.description) },
                          emptyText: "no advisors")
            for row in b.rows {
                t.rows.append([.text(row.advisor)] + row.cells.map { cards in
                    .text(cards.map { card in
                        let mark = card.mark == .arrived ? "✓" : card.mark == .late ? "!" : card.mark == .noShow ? "✗" : ""
                        return "\(mark)\(card.time) \(card.plate)"
                    }.joined(separator: " "))
                })
            }
            return .table(t)
        })

    static let review = CommandSpec(
        noun: "appt", verb: "review", summary: "Before closing: what tomorrow's appointments still lack (R2.7)",
        options: [OptionSpec("on", value: "DATE", "The day to review (default: tomorrow)")],
        action: .read { inv, ctx, tx in
            let d = inv.option("on") == nil ? ctx.today.adding(days: 1) : try DayInput.option(inv, ctx)
            let problems = AppointmentPlanner.review(day: d, settings: ctx.settings, appointments: try tx.appointments(fromDay: d, toDay: d))
            if problems.isEmpty { return .message("\(d): every appointment is prepared", nil) }
            return .text("\(d): still to prepare\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        })

    // MARK: Arrival and no-show (R2.8)

    static let arrive = CommandSpec(
        noun: "appt", verb: "arrive", summary: "The customer arrived: close the appointment and open the repair order with priority (R2.8)",
        positionals: [apptPositional],
        action: .session { inv, session in
            let ctx = try session.context()
            let (output, current) = try session.change("appt arrive", ctx, line: inv.line) { tx -> (Recorded<CommandOutput>, CurrentObject) in
                var a = try load(inv.positional("appt") ?? "", tx)
                try a.markArrived()
                try tx.saveAppointment(a, day: a.day(in: ctx.settings.utcOffset))
                try tx.appendAppointmentEvent(appointmentID: a.id, kind: "arrive", detail: "arrived", at: ctx.now, by: ctx.user)
                try tx.releaseReservations(appointmentID: a.id, at: ctx.now)
                guard let v = try tx.vehicle(id: a.vehicleID) else { throw StoreFailure("appointment \(a.number) has no vehicle") }
                let opened = try RepairOrderDesk.open(v, appointmentID: a.id, by: ctx.caller(inv.line), tx)
                // R3.2: appointment customers are greeted by name.
                let name = try tx.customer(id: a.customerID)?.name ?? ""
                let text = ([opened.message] + opened.notes).map(\.description).map { $0 == opened.message.description ? $0 : "note: " + $0 }
                let arrived = CommandOutput.message("\(a.number) arrived: greet \(name) by name; priority in dispatch\n" + text.joined(separator: "\n"),
                                                    try RepairOrderCommands.record(opened.order, tx, ctx))
                return (Recorded(arrived, audit: AuditCommands.note(ref: inv.positional("appt"), name: "appt arrive", arrived)),
                        .repairOrder(number: opened.number, plate: opened.plate, ownerCode: opened.customerCode))
            }
            session.current = current
            return output
        })

    static let noShow = step("no-show", "The customer did not come: book the next attempt 3-10 days later (R2.8)") { a, _, ctx, _ in
        try a.markNoShow(now: ctx.now)
        if let window = AppointmentPlanner.noShowFollowUps(agreedDay: a.day(in: ctx.settings.utcOffset), attempt: a.attempt) {
            return "no-show; call for attempt \(a.attempt + 1) between \(window.lowerBound) and \(window.upperBound) (appt book … --after \(a.number))"
        }
        return "no-show on the last attempt"
    }

    static let cancel = step("cancel", "Cancel an appointment, with the reason",
                             options: [OptionSpec("reason", value: "TEXT", "Why", required: true)]) { a, inv, _, _ in
        try a.cancel(reason: inv.option("reason") ?? "")
        return "cancelled"
    }
}
