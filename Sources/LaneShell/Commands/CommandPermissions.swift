import LaneCore

/// Who may run each command (X6): every command is listed; a test fails
/// when a new one is not. The service manager and the admin may run
/// everything; lookups that change nothing are open to all staff.
public enum CommandPermissions {
    private static let A: StaffRole = .serviceAdvisor, CS: StaffRole = .customerService, F: StaffRole = .workshopForeman,
                       TL: StaffRole = .teamLeader, T: StaffRole = .technician, QC: StaffRole = .qcInspector,
                       TD: StaffRole = .technicalDirector, P: StaffRole = .partsManager, C: StaffRole = .cashier

    /// Everyone on the staff list.
    static let everyone = Set(StaffRole.allCases)

    /// Roles beyond the service manager and the admin, per command.
    static let table: [String: Set<StaffRole>] = [
        // The shell itself and lookups.
        "help": everyone, "history": everyone, "set": everyone, "source": everyone, "use": everyone, "whoami": everyone,
        "clock": everyone, "quit": everyone, "today": everyone, "roles": everyone, "login": everyone, "staff pin": everyone,
        "plugin list": everyone, "plugin info": everyone, "plugin enable": [], "plugin disable": [],
        "customer show": everyone, "customer list": everyone, "customer find": everyone,
        "vehicle show": everyone, "vehicle list": everyone, "vehicle history": everyone,
        "staff list": everyone, "catalog labor": everyone, "catalog parts": everyone, "store show": everyone,
        "ro show": everyone, "ro list": everyone, "ro timeline": everyone, "ro why-not": everyone, "ro estimate": everyone,
        "appt list": everyone, "appt show": everyone, "appt board": everyone, "appt free": everyone,
        "appt confirmations": everyone, "appt review": everyone,
        "remind due": everyone, "remind register": everyone, "remind reasons": everyone, "remind delays": everyone,
        "campaign list": everyone, "campaign show": everyone,
        "followup due": everyone, "followup list": everyone, "followup files": everyone, "complaint list": everyone,
        // Customers and vehicles: the front office.
        "customer add": [A, CS], "customer edit": [A, CS], "customer export": [A, CS], "customer erase": [],
        "vehicle add": [A, CS], "vehicle edit": [A, CS], "vehicle transfer": [A, CS],
        // Setting up the store.
        "import customers": [], "import vehicles": [], "import visits": [], "seed load": [], "store set": [],
        "campaign add": [], "audit show": [], "audit verify": [],
        // Solicit and appointments (R1, R2).
        "remind log": [A, CS], "remind delay": [A, CS, P], "remind fix-published": [A, TD],
        "appt book": [A, CS], "appt confirm": [A, CS], "appt cancel": [A, CS], "appt no-show": [A, CS], "appt arrive": [A],
        "appt prepare": [A, TL, T, P],
        // Reception (R3): the advisor with the customer.
        "ro open": [A], "ro complaint": [A], "ro check-in": [A], "ro warranty": [A, TD], "ro documents": [A],
        "ro labor": [A, F, TL, T], "ro part": [A, F, TL, T], "ro remove": [A], "ro approve": [A], "ro decline": [A],
        "ro promise": [A], "ro sign": [A], "ro cancel": [A], "ro discount": [A],
        // Workshop (R4).
        "ro handover": [A, F], "ro dispatch": [F], "ro clock-on": [TL, T], "ro clock-off": [TL, T], "ro issue": [P, TL, T],
        "ro progress": [A, F, TL, T], "ro check": [T, TL, QC, TD], "ro wash": [F, TL, T],
        // Delivery and settlement (R5).
        "ro delivery-check": [A, F], "ro notify": [A], "ro deliver": [A], "ro settle": [A], "ro pay": [C],
        // Follow-up (R6).
        "followup record": [A, CS], "complaint open": [A, CS], "complaint investigate": [CS, TD], "complaint resolve": [CS],
    ]

    /// Lookups and shell commands: no role check, no staff lookup.
    public static func isOpenToAll(_ spec: CommandSpec) -> Bool { (spec.pluginRoles ?? table[spec.name]) == everyone }

    /// The roles allowed to run a built-in command, or nil when it is not listed.
    public static func roles(for name: String) -> Set<StaffRole>? {
        table[name].map { $0.union([.serviceManager, .admin]) }
    }

    /// The roles allowed to run `spec`: a plugin's command carries its own.
    public static func roles(for spec: CommandSpec) -> Set<StaffRole>? {
        spec.pluginRoles.map { $0.union([.serviceManager, .admin]) } ?? roles(for: spec.name)
    }

    /// X6: throws why `user` may not run `spec`; the role is looked up only
    /// for commands not open to all.
    static func check(_ spec: CommandSpec, user: String, role: @autoclosure () throws -> StaffRole?) throws {
        if !isOpenToAll(spec), let refusal = refusal(spec, user: user, role: try role()) { throw refusal }
    }

    /// Why `role` may not run `spec`, or nil when it may. Unknown users may
    /// run only what everyone may.
    static func refusal(_ spec: CommandSpec, user: String, role: StaffRole?) -> Refusal? {
        guard let allowed = roles(for: spec) else {
            return Refusal("\(spec.name) is not open to anyone yet", problems: [Problem("roles", "it has no entry in CommandPermissions")])
        }
        guard let role else {
            return Refusal("\(user) may not run \(spec.name)", problems: [
                Problem("user", "\(user) is not on the staff list; sign in as a member of staff (`--user NAME`, `set user NAME`)")])
        }
        if allowed.contains(role) { return nil }
        let needed = StaffRole.allCases.filter { allowed.contains($0) }.map { "\($0.title) \($0.rawValue)" }
        return Refusal("\(user) (\(role.title)) may not run \(spec.name)", problems: [
            Problem("role", "it needs one of: \(needed.joined(separator: ", "))")])
    }
}

/// `roles`: the permission matrix, commands × roles.
enum RolesCommand {
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(roles)
    }

    static let roles = CommandSpec(
        noun: "roles", verb: nil, summary: "Who may run which command: the matrix of commands and roles (X6)",
        options: [OptionSpec("changes", "Only commands that change something (lookups are open to all staff)")],
        action: .session { inv, session in
            let columns = StaffRole.allCases
            var t = Table(columns: [Column("command", "command")] + columns.map { Column($0.rawValue, $0.title) })
            for spec in session.registry.allSpecs.sorted(by: { $0.name < $1.name }) {
                let allowed = CommandPermissions.roles(for: spec) ?? []
                if inv.flag("changes") && CommandPermissions.isOpenToAll(spec) { continue }
                t.rows.append([.text(spec.name)] + columns.map { .text(allowed.contains($0) ? "✓" : "") })
            }
            return .table(t)
        })
}
