import LaneCore
import ServiceDepartment

/// `today`: one agenda for the signed-in person, by their role: what waits
/// for them now.
enum TodayCommand {
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(TerminalCommands.watched(today))
    }

    static let today = CommandSpec(
        noun: "today", verb: nil, summary: "Your agenda: what waits for you now, by your role",
        discussion: """
            Advisors see their appointments, confirmation calls and the repair orders waiting for them; customer service the \
            reminders, follow-up calls, complaints and incomplete files; the foreman cars to dispatch and team loads; team leaders, \
            technicians and QC the jobs at their step; parts the parts to issue; the cashier settlements to take payment for.
            """,
        action: .lookup { _, ctx in
            let member = try ctx.desks.setup.staffMember(named: ctx.user, by: ctx.caller("today"))
            var r = Record()
            r.add("user", "for", .text(ctx.user + (member.map { " (\($0.role.title))" } ?? "")))
            r.add("now", "now", .time(ctx.now))
            let role = member?.role
            let sections = try agenda(role: role, team: member?.team, ctx)
            for (key, title, table) in sections { r.add(section: key, title, table) }
            for s in try ctx.plugins.todaySections(ctx) { r.add(section: s.key, s.title, s.table) }
            return .record(r)
        })

    typealias Section = (String, String, Table)

    static func agenda(role: StaffRole?, team: String?, _ ctx: CommandContext) throws -> [Section] {
        switch role {
        case .serviceAdvisor?:
            return [try appointments(ctx, advisor: ctx.user), try confirmations(ctx),
                    try orders("my_orders", "my repair orders waiting for me", [.reception, .qcPassed, .readyForDelivery, .delivered], ctx) { $0.advisor == ctx.user }]
        case .customerService?:
            return [try reminders(ctx), try followUps(ctx), try complaints(ctx)]
        case .workshopForeman?:
            return [try orders("to_dispatch", "to dispatch (appointments first)", [.handedOver], ctx) { _ in true }, try loads(ctx)]
        case .teamLeader?:
            return [try orders("to_check", "self-checked, waiting for your check", [.selfChecked], ctx) { $0.team == team },
                    try orders("team_work", "your team's jobs", [.dispatched, .inProgress], ctx) { $0.team == team }]
        case .technician?:
            return [try orders("team_work", "your team's jobs", [.dispatched, .inProgress], ctx) { $0.team == team }]
        case .qcInspector?, .technicalDirector?:
            return [try orders("final_qc", "waiting for final QC", [.leaderChecked], ctx) { _ in true }]
        case .partsManager?:
            return [try partsToIssue(ctx), try appointmentsToPrepare(ctx)]
        case .cashier?:
            return [try orders("to_pay", "settled, waiting for payment", [.settled], ctx) { _ in true }]
        case .groupReader?:
            // The group's reader reads reports only: the store's figures off target.
            return [try offTarget(ctx)]
        case .serviceManager?, .admin?, nil:
            return [try appointments(ctx, advisor: nil),
                    try orders("open_orders", "open repair orders", RepairOrderStatus.allCases.filter { $0 != .closed && $0 != .cancelled }, ctx) { _ in true },
                    try reminders(ctx), try followUps(ctx), try complaints(ctx)]
                + (role == .serviceManager ? [try offTarget(ctx)] : [])
        }
    }

    /// The service manager's figures that miss their targets this month so far (`kpi.target_…`, docs/kpis.md).
    static func offTarget(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("figure", "figure"), Column("value", "value"), Column("target", "target")],
                      emptyText: Message("empty.no_kpi_off_target").description)
        for line in try ctx.desks.reports.offTarget(by: ctx.caller("today")) {
            t.rows.append([.text(line.figure.id.title.trimmingWhitespace()), .text(KPIChart.text(line.figure.value, line.figure.id.unit)),
                           .text(KPIChart.target(line))])
        }
        // The plugins' figures with their own targets (the survey's NPS and CSI), this month so far.
        let today = ctx.today
        if let month = KPIPeriod.month(year: today.year, month: today.month) {
            for c in try ctx.plugins.kpiSections(KPIContributionRequest(period: KPIPeriod(from: month.from, to: today)), ctx) {
                for f in c.figures where f.offTarget {
                    t.rows.append([.text(f.title.trimmingWhitespace()), .text(KPIChart.text(f.value, f.unit)), .text(f.targetText)])
                }
            }
        }
        return ("kpi_off_target", "KPIs off target this month (report kpi)", t)
    }

    static func appointments(_ ctx: CommandContext, advisor: String?) throws -> Section {
        var t = AppointmentCommands.table(try ctx.desks.appointments.day(ctx.today, advisor: advisor, by: ctx.caller("today")))
        t.emptyText = Message("empty.no_appointments_today").description
        return ("appointments", "today's appointments", t)
    }

    static func confirmations(_ ctx: CommandContext) throws -> Section {
        var t = AppointmentCommands.confirmationTable(try ctx.desks.appointments.confirmationCalls(by: ctx.caller("today")))
        // The calls due, and how to record each one.
        if !t.rows.isEmpty { t.footnote = Message("terminal.today_confirm_hint", ["count": .int(t.rows.count)]).description }
        return ("confirmations", "confirmation calls due", t)
    }

    static func orders(_ key: String, _ title: String, _ statuses: [RepairOrderStatus], _ ctx: CommandContext,
                       where keep: (RepairOrder) -> Bool) throws -> Section {
        var t = Table(columns: [Column("ro", "repair order"), Column("plate", "plate"), Column("status", "status", words: RepairOrderStatus.wordKind), Column("next", "next step"),
                                Column("priority", "priority"), Column("promised_at", "promised")], emptyText: Message("empty.nothing_waiting").description)
        // The table shows plates, not customers.
        let list = try ctx.desks.repairOrders.rows(statuses: statuses, limit: 1000, customers: false, by: ctx.caller("today")).filter { keep($0.order) }
            .sorted { RepairOrder.byPriority($0.order, $1.order) }
        for row in list {
            let o = row.order
            // A step that cannot be done yet is not suggested: `ro why-not` says what it waits for.
            var next = o.nextStep
            if let step = RepairOrderStep(rawValue: String(next.dropFirst(3))), !o.blockers(for: step).isEmpty {
                next = "ro why-not \(o.number) \(step.rawValue)"
            }
            t.rows.append([.text(o.number), .text(row.plate), .text(o.status.rawValue), .text(next),
                           .text(o.byAppointment ? Message("word.appointment").description : ""), o.promisedAt.map(Value.time) ?? .none])
        }
        return (key, title, t)
    }

    static func loads(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("team", "team"), Column("hours", "labour hours waiting")], emptyText: Message("empty.no_teams").description)
        for (team, hours) in try ctx.desks.repairOrders.teamLoads(by: ctx.caller("today")) { t.rows.append([.text(team.name), .text(hours.description)]) }
        return ("loads", "team loads", t)
    }

    /// Customer service calls people: each row has who to call and their
    /// number (masked for roles that may not see it, as everywhere).
    static func reminders(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("rule", "rule", forMachines: true), Column("plate", "plate"), Column("customer", "customer"), Column("phone", "phone"),
                                Column("due_on", "due"), Column("reason", "reason")],
                      emptyText: Message("empty.nobody_to_call").description)
        // The first page, as `remind due` shows it; the rest is a `remind due --limit` away.
        for call in try ctx.desks.reminders.due(DueRequest(day: ctx.today, kind: nil, limit: 50), by: ctx.caller("today"),
                                         otherCalls: ctx.plugins.reminderCalls(ctx)) {
            let r = call.item.reminder
            t.rows.append([.text(r.rule), .text(call.item.vehicle.plate.value), .text(call.customerName ?? "?"), .text(call.phone),
                           .date(r.dueOn), .text(r.reason)])
        }
        if !t.rows.isEmpty { t.footnote = Message("terminal.today_remind_hint", ["count": .int(t.rows.count)]).description }
        return ("reminders", "reminder calls (remind due)", t)
    }

    static func followUps(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("rule", "rule", forMachines: true), Column("ro", "repair order"), Column("customer", "customer"), Column("phone", "phone"),
                                Column("call", "call", words: FollowUpCall.wordKind), Column("call_time", "preferred time")],
                      emptyText: Message("empty.no_follow_up_calls_due").description)
        // The first page, as for the reminders; `followup due` lists them all.
        for row in try ctx.desks.followUps.dueCallRows(on: ctx.today, limit: 50, by: ctx.caller("today")) {
            let c = row.due
            t.rows.append([.text(c.call.rule), .text(c.order.number), .text(row.customer?.name ?? "?"), .text(ctx.privacy.phone(row.customer?.phone)),
                           .text(c.call.rawValue), .text(c.order.delivery?.followUpPreference ?? "")])
        }
        if !t.rows.isEmpty { t.footnote = Message("terminal.today_followup_hint", ["count": .int(t.rows.count)]).description }
        return ("follow_ups", "follow-up calls (followup due)", t)
    }

    static func complaints(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("id", "id"), Column("status", "status", words: Complaint.Status.wordKind), Column("text", "complaint")], emptyText: Message("empty.no_open_complaints").description)
        for (c, _, _) in try ctx.desks.followUps.complaints(includingResolved: false, by: ctx.caller("today")) {
            t.rows.append([.int(Int(c.id)), .text(c.status.rawValue), .text(c.text)])
        }
        return ("complaints", "open complaints", t)
    }

    static func partsToIssue(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("ro", "repair order"), Column("line", "line"), Column("part", "part"), Column("name", "name"),
                                Column("to_issue", "to issue"), Column("stock", "in stock")], emptyText: Message("empty.nothing_to_issue").description)
        for (o, l, stock) in try ctx.desks.repairOrders.partsToIssue(by: ctx.caller("today")) {
            t.rows.append([.text(o.number), .int(Int(l.id)), .text(l.code), .text(l.name), .int(l.quantity - l.issued), .int(stock)])
        }
        return ("parts", "parts to issue", t)
    }

    static func appointmentsToPrepare(_ ctx: CommandContext) throws -> Section {
        var t = Table(columns: [Column("appt", "appointment"), Column("start", "start"), Column("job", "job")], emptyText: Message("empty.every_appointment_s_parts_are_checked").description)
        for a in try ctx.desks.appointments.waitingForPartsCheck(from: ctx.today, by: ctx.caller("today")) {
            t.rows.append([.text(a.number), .time(a.start), .text(a.job)])
        }
        return ("parts_checks", "appointments waiting for the parts check (R2.5)", t)
    }
}
