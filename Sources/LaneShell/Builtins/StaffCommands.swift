import LaneCore
import ServiceDepartment

/// `staff add` and `staff leave`: the admin keeps the store's staff list by
/// command (staff.csv is for setting up a store). The rules are `StaffAdmin`'s.
enum StaffCommands {
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(add)
        try registry.register(leave)
    }

    static let add = CommandSpec(
        noun: "staff", verb: "add", summary: "Add a member of staff with a role (the admin)",
        discussion: "Team leaders and technicians belong to a team. The new member has no PIN yet: they set one with staff pin, or the admin does. On a database server, --stores adds them to several stores at once, all or nothing, where you are the admin (your PIN there is asked).",
        positionals: [PositionalSpec("name", "Their name as they sign in")],
        options: [OptionSpec("role", value: "ROLE", "Their role", completion: .choices(StaffRole.allCases.map(\.rawValue)), required: true),
                  OptionSpec("team", value: "TEAM", "Their workshop team (team leaders and technicians)"),
                  OptionSpec("stores", value: "STORES", "Several stores of the server at once (codes), where you are the admin")],
        examples: ["staff add 孙伟 --role technician --team 机电一组", "staff add 林晓 --role service_advisor --stores SZNS,SZFT"],
        action: .session { inv, session in
            let ctx = try session.context()
            let member = StaffAdmin.NewMember(name: inv.positional("name") ?? "", role: inv.option("role") ?? "", team: inv.option("team"))
            let desk = StaffAdmin(session.department)
            guard let stores = inv.option("stores") else {
                let added = try desk.add(member, by: ctx.caller(inv.line))
                session.forgetSettings()
                return .message(Message("staff.added_answer", ["name": .text(added.name), "role": .role(added.role)]).description, nil)
            }
            let source = session.pinSource
            let added = try desk.add(member, toStores: stores.split(separator: ",").map(String.init), by: ctx.caller(inv.line)) { who in
                try source.pin(for: who, prompt: Message("sign_in.pin_prompt", ["user": .text(who)]).description)
            }
            session.forgetSettings()
            return .message(Message("staff.added_to_stores", ["name": .text(member.name), "role": .role(added.first?.member.role ?? .serviceAdvisor),
                                                              "stores": .list(added.map { .text($0.store.code) })]).description, nil)
        })

    static let leave = CommandSpec(
        noun: "staff", verb: "leave", summary: "End a member of staff's employment: they no longer sign in (the admin)",
        discussion: "Their name stays on the orders, the audit trail and the reports they are in; staff list shows when they left.",
        positionals: [PositionalSpec("name", "Who leaves", completion: .staff)],
        examples: ["staff leave 孙伟"],
        action: .change { inv, ctx in
            let left = try ctx.desks.staff.leave(inv.positional("name") ?? "", by: ctx.caller(inv.line))
            return .message(Message("staff.left_answer", ["name": .text(left.name)]).description, nil)
        })
}
