import LaneCore
import LaneStore
import ServiceDepartment

/// `today`: one agenda for the signed-in person, by their role: what waits
/// for them now.
enum TodayCommand {
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(today)
    }

    static let today = CommandSpec(
        noun: "today", verb: nil, summary: "Your agenda: what waits for you now, by your role",
        discussion: """
            Advisors see their appointments, confirmation calls and the repair orders waiting for them; customer service the \
            reminders, follow-up calls, complaints and incomplete files; the foreman cars to dispatch and team loads; team leaders, \
            technicians and QC the jobs at their step; parts the parts to issue; the cashier settlements to take payment for.
            """,
        action: .read { _, ctx, tx in
            let member = try SetupDesk.staffMember(named: ctx.user, tx)
            var r = Record()
            r.add("user", "for", .text(ctx.user + (member.map { " (\($0.role.title))" } ?? "")))
            r.add("now", "now", .time(ctx.now))
            let role = member?.role
            let sections = try agenda(role: role, team: member?.team, ctx, tx)
            for (key, title, table) in sections { r.add(section: key, title, table) }
            for s in try ctx.plugins.todaySections(ctx, tx) { r.add(section: s.key, s.title, s.table) }
            return .record(r)
        })

    typealias Section = (String, String, Table)

    static func agenda(role: StaffRole?, team: String?, _ ctx: CommandContext, _ tx: any StoreReading) throws -> [Section] {
        switch role {
        case .serviceAdvisor?:
            return [try appointments(ctx, tx, advisor: ctx.user), try confirmations(ctx, tx),
                    try orders("my_orders", "my repair orders waiting for me", [.reception, .qcPassed, .readyForDelivery, .delivered], ctx, tx) { $0.advisor == ctx.user }]
        case .customerService?:
            return [try reminders(ctx, tx), try followUps(ctx, tx), try complaints(tx)]
        case .workshopForeman?:
            return [try orders("to_dispatch", "to dispatch (appointments first)", [.handedOver], ctx, tx) { _ in true }, try loads(tx)]
        case .teamLeader?:
            return [try orders("to_check", "self-checked, waiting for your check", [.selfChecked], ctx, tx) { $0.team == team },
                    try orders("team_work", "your team's jobs", [.dispatched, .inProgress], ctx, tx) { $0.team == team }]
        case .technician?:
            return [try orders("team_work", "your team's jobs", [.dispatched, .inProgress], ctx, tx) { $0.team == team }]
        case .qcInspector?, .technicalDirector?:
            return [try orders("final_qc", "waiting for final QC", [.leaderChecked], ctx, tx) { _ in true }]
        case .partsManager?:
            return [try partsToIssue(ctx, tx), try appointmentsToPrepare(ctx, tx)]
        case .cashier?:
            return [try orders("to_pay", "settled, waiting for payment", [.settled], ctx, tx) { _ in true }]
        case .serviceManager?, .admin?, nil:
            return [try appointments(ctx, tx, advisor: nil),
                    try orders("open_orders", "open repair orders", RepairOrderStatus.allCases.filter { $0 != .closed && $0 != .cancelled }, ctx, tx) { _ in true },
                    try reminders(ctx, tx), try followUps(ctx, tx), try complaints(tx)]
        }
    }

    static func appointments(_ ctx: CommandContext, _ tx: any StoreReading, advisor: String?) throws -> Section {
        var t = AppointmentCommands.table(try AppointmentDesk.day(ctx.today, advisor: advisor, tx))
        t.emptyText = "no appointments today"
        return ("appointments", "today's appointments", t)
    }

    static func confirmations(_ ctx: CommandContext, _ tx: any StoreReading) throws -> Section {
        ("confirmations", "confirmation calls due",
         AppointmentCommands.confirmationTable(try AppointmentDesk.confirmationCalls(by: ctx.caller("today"), tx)))
    }

    static func orders(_ key: String, _ title: String, _ statuses: [RepairOrderStatus], _ ctx: CommandContext, _ tx: any StoreReading,
                       where keep: (RepairOrder) -> Bool) throws -> Section {
        var t = Table(columns: [Column("ro", "repair order"), Column("plate", "plate"), Column("status", "status"), Column("next", "next step"),
                                Column("priority", "priority"), Column("promised_at", "promised")], emptyText: "nothing waiting")
        let list = try RepairOrderDesk.rows(statuses: statuses, limit: 1000, tx).filter { keep($0.order) }
            .sorted { RepairOrder.byPriority($0.order, $1.order) }
        for row in list {
            let o = row.order
            t.rows.append([.text(o.number), .text(row.plate), .text(o.status.rawValue), .text(o.nextStep),
                           .text(o.byAppointment ? "appointment" : ""), o.promisedAt.map(Value.time) ?? .none])
        }
        return (key, title, t)
    }

    static func loads(_ tx: any StoreReading) throws -> Section {
        var t = Table(columns: [Column("team", "team"), Column("hours", "labour hours waiting")], emptyText: "no teams")
        for (team, hours) in try RepairOrderDesk.teamLoads(tx) { t.rows.append([.text(team.name), .text(hours.description)]) }
        return ("loads", "team loads", t)
    }

    static func reminders(_ ctx: CommandContext, _ tx: any StoreReading) throws -> Section {
        var t = Table(columns: [Column("rule", "rule"), Column("plate", "plate"), Column("due_on", "due"), Column("reason", "reason")],
                      emptyText: "nobody to call")
        // The first page, as `remind due` shows it; the rest is a `remind due --limit` away.
        for item in try ReminderDesk.dueReminders(on: ctx.today, limit: 50, by: ctx.caller("today"), tx,
                                                  otherCalls: ReminderCommands.pluginCalls(ctx)) {
            t.rows.append([.text(item.reminder.rule), .text(item.vehicle.plate.value), .date(item.reminder.dueOn), .text(item.reminder.reason)])
        }
        return ("reminders", "reminder calls (remind due)", t)
    }

    static func followUps(_ ctx: CommandContext, _ tx: any StoreReading) throws -> Section {
        var t = Table(columns: [Column("rule", "rule"), Column("ro", "repair order"), Column("call", "call"), Column("call_time", "preferred time")],
                      emptyText: "no follow-up calls due")
        // The first page, as for the reminders; `followup due` lists them all.
        for c in try FollowUpDesk.dueCalls(on: ctx.today, limit: 50, by: ctx.caller(""), tx) {
            t.rows.append([.text(c.call.rule), .text(c.order.number), .text(c.call.rawValue), .text(c.order.delivery?.followUpPreference ?? "")])
        }
        return ("follow_ups", "follow-up calls (followup due)", t)
    }

    static func complaints(_ tx: any StoreReading) throws -> Section {
        var t = Table(columns: [Column("id", "id"), Column("status", "status"), Column("text", "complaint")], emptyText: "no open complaints")
        for (c, _, _) in try FollowUpDesk.complaints(includingResolved: false, tx) {
            t.rows.append([.int(Int(c.id)), .text(c.status.rawValue), .text(c.text)])
        }
        return ("complaints", "open complaints", t)
    }

    static func partsToIssue(_ ctx: CommandContext, _ tx: any StoreReading) throws -> Section {
        var t = Table(columns: [Column("ro", "repair order"), Column("line", "line"), Column("part", "part"), Column("name", "name"),
                                Column("to_issue", "to issue"), Column("stock", "in stock")], emptyText: "nothing to issue")
        for (o, l, stock) in try RepairOrderDesk.partsToIssue(tx) {
            t.rows.append([.text(o.number), .int(Int(l.id)), .text(l.code), .text(l.name), .int(l.quantity - l.issued), .int(stock)])
        }
        return ("parts", "parts to issue", t)
    }

    static func appointmentsToPrepare(_ ctx: CommandContext, _ tx: any StoreReading) throws -> Section {
        var t = Table(columns: [Column("appt", "appointment"), Column("start", "start"), Column("job", "job")], emptyText: "every appointment's parts are checked")
        for a in try AppointmentDesk.waitingForPartsCheck(from: ctx.today, tx) {
            t.rows.append([.text(a.number), .time(a.start), .text(a.job)])
        }
        return ("parts_checks", "appointments waiting for the parts check (R2.5)", t)
    }
}
