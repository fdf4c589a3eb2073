import LaneCore
import LaneStore
import ServiceDepartment

/// `appt …`: booking, preparing and confirming appointments, the board, and
/// arrival or no-show (R2). The rules are LaneCore's `AppointmentPlanner`.
enum AppointmentCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "appt", "appointments: free slots, booking, confirmations, the board, arrival")
        for spec in [free, book, list, show, prepare, confirm, confirmations, TerminalCommands.watched(board), review, arrive, noShow, cancel] {
            try registry.register(spec)
        }
    }

    static let apptPositional = PositionalSpec("appt", "Appointment number, e.g. AP-20261124-001", completion: .appointments)

    static let durationOption = OptionSpec("duration", value: "MINUTES", "How long the job holds a bay (default 60)")

    /// `--duration`, 60 when left out; a word that is no number is a problem
    /// (the desk judges the number).
    static func duration(_ inv: Invocation, into p: inout [Problem]) -> Int {
        guard let text = inv.option("duration") else { return 60 }
        guard let n = Int(text) else {
            p.append(Problem("duration", AppointmentPlanner.durationMessage(given: text)))
            return 60
        }
        return n
    }

    /// A step's answer: its words, and the appointment's number and status move as fields.
    static func stepAnswer<T>(_ done: AppointmentStepDone<T>, _ extra: (inout Record) -> Void = { _ in }) -> CommandOutput {
        StepAnswer.output(done.message.description, number: done.number, titled: "appointment", step: done.step,
                          before: done.statusBefore.rawValue, after: done.status.rawValue,
                          statuses: AppointmentStatus.wordKind, steps: "appt_step", extra)
    }

    // MARK: Slots and booking (R2.1-R2.4)

    static let free = CommandSpec(
        noun: "appt", verb: "free", summary: "Free slots of a day, peak times marked (R2.3)",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)"), durationOption],
        action: .lookup { inv, ctx in
            let d = try DayInput.option(inv, ctx)
            var p: [Problem] = []
            let minutes = duration(inv, into: &p)
            try Refusal.check(Message("appointment.cannot_use_duration"), p)
            var t = Table(columns: [Column("start", "start"), Column("peak", "peak"), Column("bays_free", "bays free")], emptyText: Message("empty.no_free_slot_that_day").description)
            for slot in try ctx.desks.appointments.freeSlots(on: d, duration: minutes, by: ctx.caller(inv.line)) {
                t.rows.append([.time(slot.start), .text(slot.isPeak ? Message("word.peak").description : ""), .int(slot.baysFree)])
            }
            return .table(t)
        })

    static let book = CommandSpec(
        noun: "appt", verb: "book", summary: "Book an appointment from a call: slot check, peak alternatives, 1-hour entry rule (R2.1-R2.4)",
        discussion: """
            A peak-time slot is refused with other slots offered (R2.3) unless --accept-peak says the customer insists; a same-day \
            appointment is allowed with a warning. The entry is made within an hour of the call (--called-at, default now); a later \
            entry is kept and flagged as late (R2.4). An outbound call that books settles the vehicle's due reminder. --after names a \
            missed appointment this one follows up (R2.8). --mileage records the odometer the customer gives (R2.1). A car not yet \
            registered is booked with --name, --phone and --model instead of a plate (R2.2); its VIN, plate and sale date are read \
            at reception (appt arrive).
            """,
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, optional: true, current: .vehicle)],
        options: [OptionSpec("at", value: "TIME", "Start, e.g. 2026-11-25T14:00", required: true),
                  OptionSpec("job", value: "TEXT", "What the customer needs", required: true),
                  durationOption,
                  OptionSpec("channel", value: "CHANNEL", "inbound (default), outbound or campaign", completion: .choices(AppointmentChannel.allCases.map(\.spelled))),
                  OptionSpec("called-at", value: "TIME", "When the call was (default: now)"),
                  OptionSpec("advisor", value: "NAME", "The advisor who receives the car (default: you)", completion: .staff),
                  OptionSpec("accept-peak", "The customer insists on the peak time after hearing the alternatives"),
                  OptionSpec("after", value: "APPT", "The missed appointment this one follows up (R2.8)", completion: .appointments),
                  OptionSpec("note", value: "TEXT", "Other needs; the reminder to bring the owner's manual"),
                  OptionSpec("mileage", value: "KM", "The odometer the customer gives on the phone"),
                  OptionSpec("name", value: "NAME", "A car not yet registered: the caller's name"),
                  OptionSpec("phone", value: "PHONE", "A car not yet registered: the caller's mobile number"),
                  OptionSpec("model", value: "MODEL", "A car not yet registered: its model")],
        examples: ["appt book 粤B27DP2 --at 2026-11-25T14:00 --job '20000公里保养' --channel outbound --mileage 19800",
                   "appt book --name 王芳 --phone 13912345678 --model 朗逸 --at 2026-11-25T10:00 --job 首次保养"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let atText = inv.option("at") ?? ""
            let start = TimeInput.parse(atText, ctx)
            if start == nil { p.append(Problem("at", Message("input.not_a_time", ["given": .text(atText)]))) }
            let channelText = inv.option("channel") ?? AppointmentChannel.inbound.rawValue
            let channel = ValueInput.value(channelText, as: AppointmentChannel.self)
            if channel == nil { p.append(Problem("channel", Message("appointment.not_a_channel", ["given": .text(channelText)]))) }
            var calledAt: Timestamp?
            if let text = inv.option("called-at") {
                calledAt = TimeInput.parse(text, ctx)
                if calledAt == nil { p.append(Problem("called-at", Message("input.not_a_time", ["given": .text(text)]))) }
            }
            let minutes = duration(inv, into: &p)
            var mileage: Int?
            if let text = inv.option("mileage") {
                switch Odometer.parse(text) {
                case .success(let km): mileage = km
                case .failure(let problem): p.append(problem)
                }
            }
            var newCar: NewCarCall?
            var vehicle = inv.positional("vehicle")
            if inv.option("name") != nil || inv.option("phone") != nil || inv.option("model") != nil {
                newCar = NewCarCall(name: inv.option("name"), phone: inv.option("phone"), model: inv.option("model"))
                // The car in use filled the left-out plate; a car not yet registered has none.
                if vehicle != nil && vehicle == ctx.current?.reference(for: .vehicle) { vehicle = nil }
            } else if vehicle == nil {
                p.append(Problem("vehicle", Message("appointment.plate_or_new_car")))
            }
            let request = BookingRequest(vehicle: vehicle ?? "", start: start, job: inv.option("job") ?? "",
                                         durationMinutes: minutes, channel: channel ?? .inbound, calledAt: calledAt, advisor: inv.option("advisor"),
                                         acceptPeak: inv.flag("accept-peak"), after: inv.option("after"), note: inv.option("note") ?? "",
                                         mileage: mileage, newCar: newCar, inputProblems: p)
            let booked = try ctx.desks.appointments.book(request, by: ctx.caller(inv.line), otherCalls: ctx.plugins.reminderCalls(ctx)).value
            return bookedAnswer(booked)
        })

    /// `appt book`'s answer: the words with a line per warning, and the appointment as typed fields.
    static func bookedAnswer(_ booked: AppointmentBooked) -> CommandOutput {
        let a = booked.appointment
        var r = Record()
        r.add("number", "appointment", .text(a.number))
        r.add("status", "status", .text(a.status.rawValue), words: AppointmentStatus.wordKind)
        r.add("plate", "plate", .text(booked.plate))
        r.add("customer_code", "customer code", .text(booked.customerCode))
        r.add("customer_name", "customer", .text(booked.customerName))
        r.add("advisor", "advisor", .text(a.advisor))
        r.add("start", "start", .time(a.start))
        r.add("duration_minutes", "minutes", .int(a.durationMinutes))
        r.add("bay", "bay", a.bay.map(Value.int) ?? .none)
        r.add("channel", "channel", .text(a.channel.rawValue), words: AppointmentChannel.wordKind)
        r.add("attempt", "attempt", .int(a.attempt))
        r.add("peak", "peak time", .bool(booked.isPeak))
        r.add("model", "model", a.model.map(Value.text) ?? .none)
        r.add("reported_mileage", "mileage given", a.reportedMileage.map(Value.int) ?? .none)
        r.add("entered_late", "entered late", .bool(a.enteredLate))
        // Always there, empty or not (docs/json.md: the key is always there).
        var t = Table(columns: [Column("code", "code"), Column("message", "warning")], emptyText: Message("empty.none").description)
        for w in booked.warnings { t.rows.append([.text(w.code.rawValue), .text(w.message)]) }
        r.add(section: "warnings", "warnings", t)
        let lines = [booked.message] + booked.warnings.map { Message("appointment.warning", ["warning": .message($0.said)]) }
        return .message(lines.map(\.description).joined(separator: "\n"), r)
    }

    static func table(_ list: [AppointmentListing]) -> Table {
        var t = Table(columns: [Column("number", "appointment"), Column("start", "start"), Column("plate", "plate"), Column("customer", "customer"),
                                Column("advisor", "advisor"), Column("job", "job"), Column("bay", "bay"), Column("status", "status", words: AppointmentStatus.wordKind),
                                Column("attempt", "attempt")], emptyText: Message("empty.no_appointments").description)
        for item in list {
            let a = item.appointment
            t.rows.append([.text(a.number), .time(a.start), .text(item.plate ?? "?"), .text(item.customerName ?? "?"), .text(a.advisor), .text(a.job),
                           a.bay.map(Value.int) ?? .none, .text(a.status.rawValue), .int(a.attempt)])
        }
        return t
    }

    static let list = CommandSpec(
        noun: "appt", verb: "list", summary: "The appointment register for a day",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)")],
        action: .lookup { inv, ctx in .table(table(try ctx.desks.appointments.day(try DayInput.option(inv, ctx), by: ctx.caller(inv.line)))) })

    static let show = CommandSpec(
        noun: "appt", verb: "show", summary: "One appointment with its confirmations",
        positionals: [apptPositional],
        action: .lookup { inv, ctx in
            let details = try ctx.desks.appointments.show(inv.positional("appt") ?? "", by: ctx.caller(inv.line))
            let a = details.listing.appointment
            var r = Record()
            let row = table([details.listing])
            for (i, column) in row.columns.enumerated() { r.add(column.key, column.title, row.rows[0][i], words: column.words) }
            r.add("called_at", "called", .time(a.calledAt))
            r.add("channel", "channel", .text(a.channel.rawValue), words: AppointmentChannel.wordKind)
            r.add("internal", "internal confirmation",
                  .text(details.missing.isEmpty ? Message("appointment.prepared").description : details.missing.map(\.message).joined(separator: "; ")))
            for due in details.confirmations { r.add(due.kind.rawValue, due.kind.title, .text(due.state.rawValue), words: ConfirmationState.wordKind) }
            r.add("note", "note", .text(a.note))
            var reserved = Table(columns: [Column("part", "part"), Column("qty", "qty"), Column("label", "label"), Column("state", "state")],
                                 emptyText: Message("empty.no_parts_reserved").description)
            for res in details.reservations {
                reserved.rows.append([.text(res.partNumber), .int(res.quantity), .text(res.label), .text(res.released ? "released" : "reserved")])
            }
            r.add(section: "reserved", "parts reserved", reserved)
            var history = Table(columns: [Column("at", "time"), Column("by", "by"), Column("step", "step", words: "appt_step"), Column("detail", "detail")])
            for e in details.history { history.rows.append([.time(e.at), .text(e.by), .text(e.kind), .text(e.text)]) }
            r.add(section: "history", "history", history)
            return .record(r)
        })

    // MARK: Preparation and confirmation (R2.5, R2.6)

    static let prepare = CommandSpec(
        noun: "appt", verb: "prepare", summary: "Internal confirmation before the day: job items, technician plan, parts (R2.5)",
        positionals: [apptPositional],
        options: [OptionSpec("items", "The advisor fixed job items and materials"),
                  OptionSpec("needs-plan", "A comeback or complaint: the technician must prepare a plan"),
                  OptionSpec("plan", "The technician's plan is ready"),
                  OptionSpec("parts", "The parts manager checked stock and reserved the parts"),
                  OptionSpec("reserve", value: "PARTS", "Reserve parts: NUMBER[:QTY],… (checks stock; counts as the parts check)", completion: .parts),
                  OptionSpec("parts-expected", value: "DATE", "Parts out of stock: expected arrival")],
        examples: ["appt prepare AP-20261125-001 --items --parts", "appt prepare AP-20261125-001 --reserve XH-15400-0001:1,XH-94109-0014"],
        action: .change { inv, ctx in
            var p: [Problem] = []
            let reserve = inv.option("reserve").map { partList($0, into: &p) } ?? []
            var expected: CalendarDate?
            if let text = inv.option("parts-expected") {
                expected = CalendarDate(parsing: text)
                if expected == nil { p.append(Problem("parts-expected", Message("input.not_a_date", ["given": .text(text)]))) }
            }
            let done = Preparation(items: inv.flag("items"), needsPlan: inv.flag("needs-plan"), plan: inv.flag("plan"),
                                   partsChecked: inv.flag("parts"), partsExpectedOn: expected)
            let request = PreparationRequest(appointment: inv.positional("appt") ?? "", done: done, reserve: reserve, inputProblems: p)
            let prepared = try ctx.desks.appointments.prepare(request, by: ctx.caller(inv.line)).value
            return stepAnswer(prepared) { r in r.add("internal_complete", "internal confirmation complete", .bool(prepared.value.isEmpty)) }
        })

    /// `NUMBER[:QTY],…` as typed: part numbers upper case, one when no quantity.
    static func partList(_ text: String, into p: inout [Problem]) -> [PartQuantity] {
        var wanted: [PartQuantity] = []
        for item in ListInput.items(text, keepingEmpty: false) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            let quantity = parts.count > 1 ? Int(parts[1]) : 1
            guard let number = parts.first, !number.isEmpty, let quantity, quantity > 0, parts.count <= 2 else {
                p.append(Problem("reserve", Message("appointment.reserve_format", ["given": .text(String(item))])))
                continue
            }
            wanted.append(PartQuantity(partNumber: number.uppercased(), quantity: quantity))
        }
        return wanted
    }

    static let confirm = CommandSpec(
        noun: "appt", verb: "confirm", summary: "The customer confirmed: the day before or the hour before (R2.6)",
        positionals: [apptPositional,
                      PositionalSpec("when", "day-before or hour-before", completion: .choices(CustomerConfirmationKind.allCases.map(\.spelled)))],
        action: .change { inv, ctx in
            let text = inv.positional("when") ?? ""
            guard let kind = ValueInput.value(text, as: CustomerConfirmationKind.self) else {
                throw Refusal(Message("appointment.cannot_record_confirmation"),
                              problems: [Problem("when", Message("appointment.not_a_confirmation", ["given": .text(text)]))])
            }
            let done = try ctx.desks.appointments.confirm(ConfirmationRequest(appointment: inv.positional("appt") ?? "", kind: kind), by: ctx.caller(inv.line)).value
            return stepAnswer(done) { r in r.add("confirmation", "confirmation", .text(done.value.rawValue), words: CustomerConfirmationKind.wordKind) }
        })

    static let confirmations = CommandSpec(
        noun: "appt", verb: "confirmations", summary: "Customer confirmation calls due now: day before, hour before (R2.6)",
        action: .lookup { inv, ctx in .table(confirmationTable(try ctx.desks.appointments.confirmationCalls(by: ctx.caller(inv.line)))) })

    /// The confirmation calls due now (also on the advisors' `today`).
    static func confirmationTable(_ calls: [ConfirmationCall]) -> Table {
        var t = Table(columns: [Column("number", "appointment"), Column("start", "start"), Column("plate", "plate"), Column("customer", "customer"),
                                Column("phone", "phone"), Column("call", "call", words: CustomerConfirmationKind.wordKind), Column("state", "state", words: ConfirmationState.wordKind)], emptyText: Message("empty.no_confirmation_calls_due").description)
        for call in calls {
            let a = call.listing.appointment
            t.rows.append([.text(a.number), .time(a.start), .text(call.listing.plate ?? "?"), .text(call.listing.customerName ?? "?"),
                           .text(call.phone), .text(call.due.kind.rawValue), .text(call.due.state.rawValue)])
        }
        return t
    }

    // MARK: The board (R2.7)

    static let board = CommandSpec(
        noun: "appt", verb: "board", summary: "The appointment board: advisors × hours, with arrived and late marks (R2.7)",
        options: [OptionSpec("on", value: "DATE", "The day (default: today)")],
        action: .lookup { inv, ctx in
            let b = try ctx.desks.appointments.board(on: try DayInput.option(inv, ctx), by: ctx.caller(inv.line))
            var t = Table(columns: [Column("advisor", "advisor")] + b.hours.map { Column("h\($0.minutes / 60)", $0.description) },
                          emptyText: Message("empty.no_advisors").description)
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
        action: .lookup { inv, ctx in
            let d = inv.option("on") == nil ? ctx.today.adding(days: 1) : try DayInput.option(inv, ctx)
            let review = try ctx.desks.appointments.review(d, by: ctx.caller(inv.line))
            if review.problems.isEmpty { return .message(review.message.description, nil) }
            return .text(([review.message.description] + review.problems.map { "  - \($0)" }).joined(separator: "\n"))
        })

    // MARK: Arrival and no-show (R2.8)

    static let arrive = CommandSpec(
        noun: "appt", verb: "arrive", summary: "The customer arrived: close the appointment and open the repair order with priority (R2.8)",
        discussion: """
            A car booked before it was registered (R2.2) joins the register now, for the customer who called, with the model they \
            named: give --vin, --plate and --sold (and --sale-mileage when the papers give it). The mileage given on the phone joins \
            its readings.
            """,
        positionals: [apptPositional],
        options: [OptionSpec("vin", value: "VIN", "A car not yet registered: its VIN"),
                  OptionSpec("plate", value: "PLATE", "A car not yet registered: its plate"),
                  OptionSpec("sold", value: "DATE", "A car not yet registered: its sale date"),
                  OptionSpec("sale-mileage", value: "KM", "A car not yet registered: the odometer at the sale (default 0)")],
        examples: ["appt arrive AP-20261124-001", "appt arrive AP-20261124-002 --vin LSVAU2180N2183321 --plate 粤B5K2M8 --sold 2026-10-02"],
        action: .session { inv, session in
            let ctx = try session.context()
            let given = ["vin", "plate", "sold", "sale-mileage"].contains { inv.option($0) != nil }
            let registering = given ? ArrivalRegistration(vin: inv.option("vin"), plate: inv.option("plate"), sold: inv.option("sold"),
                                                          saleMileage: inv.option("sale-mileage")) : nil
            let done = try session.calling("appt", ctx) {
                try AppointmentDesk(session.department).arrive(inv.positional("appt") ?? "", registering: registering, by: ctx.caller(inv.line))
            }
            let arrival = done.value
            session.current = .repairOrder(number: arrival.opened.number, plate: arrival.opened.plate, ownerCode: arrival.opened.customerCode)
            guard case .message(let opened, let record) = try RepairOrderCommands.opened(arrival.opened, ctx, session) else {
                return PluginEvents.adding(done.notes, to: .message(arrival.message.description, nil))
            }
            return PluginEvents.adding(done.notes, to: .message(arrival.message.description + "\n" + opened, record))
        })

    static let noShow = CommandSpec(
        noun: "appt", verb: "no-show", summary: "The customer did not come: book the next attempt 3-10 days later (R2.8)",
        positionals: [apptPositional],
        action: .change { inv, ctx in
            let done = try ctx.desks.appointments.noShow(inv.positional("appt") ?? "", by: ctx.caller(inv.line)).value
            return stepAnswer(done) { r in
                r.add("next_attempt_from", "next attempt from", done.value.map { .date($0.lowerBound) } ?? .none)
                r.add("next_attempt_until", "next attempt until", done.value.map { .date($0.upperBound) } ?? .none)
            }
        })

    static let cancel = CommandSpec(
        noun: "appt", verb: "cancel", summary: "Cancel an appointment, with the reason",
        positionals: [apptPositional],
        options: [OptionSpec("reason", value: "TEXT", "Why", required: true)],
        action: .change { inv, ctx in
            let request = CancellationRequest(appointment: inv.positional("appt") ?? "", reason: inv.option("reason") ?? "")
            return stepAnswer(try ctx.desks.appointments.cancel(request, by: ctx.caller(inv.line)).value)
        })
}
