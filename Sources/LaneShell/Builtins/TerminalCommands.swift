import LaneCore
import ServiceDepartment

/// The counter terminal's own commands (issue 16): `exit`, and what a
/// person at the counter expects of a shell.
enum TerminalCommands {
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(exit)
        try registry.register(HelpGuide.apropos)
    }

    /// `exit` as every shell has it; `quit` and Ctrl-D do the same. A spec's
    /// words are English whenever it is first built; help reads the reader's
    /// language from the catalog (`help.command.exit`).
    static let exit = CommandSpec(
        noun: "exit", verb: nil, summary: MessageCatalog.englishTerminalWords(MessageCode("terminal.exit_summary")),
        action: .session { _, _ in throw QuitRequest() })

    /// Commands that may be watched: `appt board --watch [N]`, `today --watch [N]`.
    static let watchable: Set<String> = ["appt board", "today"]
    static let watchOption = OptionSpec("watch", value: "N", MessageCatalog.englishTerminalWords(MessageCode("terminal.watch_option")))

    /// Adds `--watch N` to a command's spec (help and TAB show it). At the
    /// terminal the shell takes it off the line and redraws (`Watch`); in a
    /// script there is nothing to redraw, so it is refused.
    static func watched(_ spec: CommandSpec) -> CommandSpec {
        guard case .lookup(let body) = spec.action else { return spec }
        var s = spec
        s.options.append(watchOption)
        s.action = .lookup { inv, ctx in
            if inv.option("watch") != nil { throw UsageError(Message("terminal.watch_needs_terminal")) }
            return try body(inv, ctx)
        }
        return s
    }

    /// `ro dispatch` without `--team` shows each team's load, as its help
    /// says, through a read (no audit row: nothing changed); with a team it
    /// dispatches as every step does.
    static func showingLoadsWithoutTeam(_ spec: CommandSpec) -> CommandSpec {
        guard case .change(let body) = spec.action else { return spec }
        var shown = spec
        shown.action = .session { inv, session in
            let ctx = try session.context()
            let operation = CommandPermissions.operation(spec)
            guard inv.option("team") != nil else {
                return try session.department.reading(operation, by: ctx.caller(inv.line)) {
                    _ = try ctx.desks.repairOrders.load(inv.positional("ro") ?? "", by: ctx.caller(inv.line))
                    return .table(try TodayCommand.loads(ctx).2)
                }
            }
            return try session.change(operation, ctx, line: inv.line) {
                let output = try body(inv, ctx)
                return (Recorded(output, audit: AuditCommands.note(spec, inv, output)), ())
            }.0
        }
        return shown
    }
}
