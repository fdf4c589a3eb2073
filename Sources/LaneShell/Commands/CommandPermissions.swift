import LaneCore
import ServiceDepartment

/// The shell's view of the permission matrix, which lives below it in the
/// application layer (`Permissions`), so a second front end cannot skip it.
/// A command's operation has the command's name; a plugin's command carries
/// the roles its plugin gave it.
public enum CommandPermissions {
    static let builtIns = Permissions()

    public static func operation(_ spec: CommandSpec) -> OperationID { OperationID(spec.name) }

    /// Lookups and shell commands: no role check, no staff lookup.
    public static func isOpenToAll(_ spec: CommandSpec) -> Bool {
        spec.pluginRoles.map { $0 == Permissions.everyone } ?? builtIns.isOpenToAll(operation(spec))
    }

    /// The roles allowed to run a built-in command, or nil when it is not listed.
    public static func roles(for name: String) -> Set<StaffRole>? { builtIns.roles(for: OperationID(name)) }

    /// The roles allowed to run `spec`: a plugin's command carries its own.
    public static func roles(for spec: CommandSpec) -> Set<StaffRole>? {
        spec.pluginRoles.map(Permissions.withTheManagers) ?? roles(for: spec.name)
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
