import Foundation
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// A plugin that tries everything a plugin might, good and bad.
private struct ProbePlugin: LanePlugin {
    var name = "probe"
    var extraCommands: [PluginCommand] = []
    var extraMigrations: [PluginMigration] = []

    var manifest: PluginManifest { PluginManifest(name: name, version: "0.1.0", summary: "probes the host", nouns: ["probe": "probing"]) }

    var migrations: [PluginMigration] {
        [PluginMigration("v1", sql: "CREATE TABLE plg_\(name)_seen (id INTEGER PRIMARY KEY, what TEXT NOT NULL)")] + extraMigrations
    }

    var commands: [PluginCommand] {
        let table = "plg_\(name)_seen"
        return [
            PluginCommand(noun: "probe", verb: "count", summary: "Count what was seen", access: .lookup) { _, ctx in
                .message("seen \(try ctx.rows("SELECT count(*) AS n FROM \(table)").first?.int("n") ?? -1)", nil)
            },
            PluginCommand(noun: "probe", verb: "write-in-lookup", summary: "A lookup that tries to write", access: .lookup) { _, ctx in
                try ctx.execute("INSERT INTO \(table) (what) VALUES ('x')")
                return .nothing
            },
            PluginCommand(noun: "probe", verb: "sql", summary: "Run SQL", positionals: [PositionalSpec("sql", "SQL")],
                          access: .changes(roles: [.serviceAdvisor])) { args, ctx in
                try ctx.execute("INSERT INTO \(table) (what) VALUES ('before')")
                try ctx.execute(args.positional("sql") ?? "")
                return .message("ran", nil)
            },
            PluginCommand(noun: "probe", verb: "run", summary: "Run a shell command", positionals: [PositionalSpec("line", "Command line")],
                          access: .changes(roles: [.serviceAdvisor, .technician])) { args, ctx in
                try ctx.execute("INSERT INTO \(table) (what) VALUES ('ran')")
                return try ctx.run(args.positional("line") ?? "")
            },
        ] + extraCommands
    }

    func handle(_ event: DomainEvent, _ ctx: any PluginContext) throws -> [String] {
        let what: String
        switch event {
        case .repairOrderOpened(let o): what = "opened \(o.number)"
        case .lineAdded(_, let line): what = "line \(line.code)"
        case .delivered(let o): what = "delivered \(o.number)"
        case .repairOrderStep(_, let step): what = "step \(step)"
        case .appointmentStep(let a, let step): what = "appointment \(a.number) \(step)"
        case .complaintOpened(let c): what = "complaint \(c.id)"
        case .customerErased(let code): what = "erased \(code)"
        }
        try ctx.execute("INSERT INTO plg_\(name)_seen (what) VALUES (?)", [.text(what)])
        return [what]
    }

    func today(_ ctx: any PluginContext) throws -> [PluginSection] {
        guard ctx.role == .serviceAdvisor else { return [] }
        var t = Table(columns: [Column("what", "what")])
        t.rows = try ctx.rows("SELECT what FROM plg_\(name)_seen ORDER BY id").map { [.optional($0.text("what"))] }
        return [PluginSection(key: "probe", title: "what the probe saw", table: t)]
    }

    func reminders(on day: CalendarDate, _ ctx: any PluginContext) throws -> [PluginReminder] {
        guard let v = try ctx.vehicle("粤B27DP2") else { return [] }
        let r = ServiceReminder(kind: .campaign, dueOn: day, estimatedMileage: nil, dueMileage: nil, reason: "probe recall PR-1", rule: "R1.6")
        return [PluginReminder(vehicleID: v.id, reminder: r, reference: "pr-1")]
    }
}

@Suite struct PluginHostTests {
    func shell(_ plugins: [any LanePlugin] = [ProbePlugin()], user: String = "薛淑芬") throws -> TestShell {
        try TestShell(user: user, seeded: true, plugins: plugins)
    }

    @Test func pluginCommandsAreListedWithTheirOrigin() throws {
        let s = try shell()
        #expect(s.pluginMessages.isEmpty)
        let list = try s.expectOK("plugin list")
        #expect(list.contains("probe") && list.contains("0.1.0") && list.contains("compiled in (ProbePlugin)") && list.contains("probe count"))
        let info = try s.expectOK("plugin info probe")
        #expect(info.contains("probes the host") && info.contains("v1") && info.contains("everyone"))
        #expect(try s.expectRefused("plugin info nothing").contains("the plugins are probe"))
        #expect(try s.expectOK("help").contains("probe"))
        #expect(try s.expectOK("roles").contains("probe sql"))
    }

    @Test func aClashWithABuiltInRefusesThePluginNotTheShell() throws {
        let clash = PluginCommand(noun: "ro", verb: "open", summary: "A rival", access: .lookup) { _, _ in .text("rival") }
        let s = try shell([ProbePlugin(extraCommands: [clash])])
        #expect(s.pluginMessages == ["plugin probe: its command 'ro open' clashes with a built-in command; a plugin can never replace a command; it is not loaded"])
        #expect(try s.expectOK("plugin list").contains("refused"))
        // None of its commands were registered, and the built-in still works.
        #expect(try s.expectRefused("probe count", code: .usage).contains("unknown command 'probe'"))
        #expect(try s.expectOK("ro open 粤B27DP2").contains("opened RO-20261123-0001"))
    }

    @Test func aClashBetweenPluginsRefusesTheLaterOne() throws {
        let s = try shell([ProbePlugin(), ProbePlugin(name: "probe2")])
        #expect(s.pluginMessages == ["plugin probe2: its command 'probe count' clashes with the plugin probe's command; a plugin can never replace a command; it is not loaded"])
        let s2 = try shell([ProbePlugin(), ProbePlugin()])
        #expect(s2.pluginMessages == ["plugin probe: another plugin is already called probe; it is not loaded"])
    }

    @Test func aBadNameRefusesThePlugin() throws {
        let s = try shell([ProbePlugin(name: "Probe-X")])
        #expect(s.pluginMessages.first?.contains("a plugin name is lower-case letters") == true)
    }

    @Test func migrationsStayInThePluginsNamespace() throws {
        let s = try shell([ProbePlugin(extraMigrations: [PluginMigration("v2", sql: "CREATE TABLE customer_extra (x)")])])
        #expect(s.pluginMessages.first?.contains("migration 'v2': it may create only its own tables (plg_probe_…), not customer_extra") == true)
        #expect(!(try s.store.snapshot()).contains("customer_extra"))
        // Not even its own name on a table of the dealership's.
        let trigger = PluginMigration("v2", sql: "CREATE TRIGGER probe_t AFTER INSERT ON customer BEGIN SELECT 1; END")
        #expect(try shell([ProbePlugin(extraMigrations: [trigger])]).pluginMessages.first?.contains("probe_t") == true)
        let pragma = PluginMigration("v2", sql: "PRAGMA foreign_keys = OFF")
        #expect(try shell([ProbePlugin(extraMigrations: [pragma])]).pluginMessages.first?.contains("run a pragma on") == true)
    }

    @Test func migrationsRunOnce() throws {
        let store = try SQLiteStore(inMemoryNamed: "migrations")
        var registry = try Launcher.builtinRegistry()
        let compiled = [PluginLoader.Compiled(ProbePlugin(), module: "Probe")]
        let (first, _) = PluginLoader.install(compiled: compiled, runtimeDirectory: nil, into: &registry, store: store, now: TestShell.demoNow)
        var again = try Launcher.builtinRegistry()
        let (second, messages) = PluginLoader.install(compiled: compiled, runtimeDirectory: nil, into: &again, store: store, now: TestShell.demoNow)
        #expect(messages.isEmpty)
        #expect(first.all.first?.migrations == ["v1"] && second.all.first?.migrations == ["v1"])
    }

    @Test func pluginSQLMayChangeOnlyItsOwnTables() throws {
        let s = try shell()
        #expect(try s.expectRefused("probe sql \"UPDATE customer SET name = 'x'\"").contains("it may update only its own tables (plg_probe_…), not customer"))
        #expect(try s.expectRefused("probe sql 'DROP TABLE plg_probe_seen'").contains("it may drop only its own tables"))
        #expect(try s.expectRefused("probe sql \"ATTACH 'x.db' AS x\"").contains("attach"))
        #expect(try s.expectRefused("probe sql 'INSERT INTO nowhere VALUES (1)'").contains("no such table: nowhere"))
        try s.expectOK("probe sql \"UPDATE plg_probe_seen SET what = 'after'\"")
        #expect(try s.expectOK("probe count") == "seen 1\n")
    }

    @Test func aLookupCannotChangeData() throws {
        let s = try shell()
        #expect(try s.expectRefused("probe write-in-lookup").contains("tried to change data in a lookup"))
    }

    @Test func X6_commandsAPluginRunsKeepTheCallersRoleAndTheRules() throws {
        let s = try shell()
        try s.expectOK("probe run 'customer edit C0002 --address 深圳市南山区科技园'")
        s.session.user = "admin"
        #expect(try s.expectOK("audit show --entity C0002").contains("customer edit C0002"))
        // A technician may run the plugin's command, not the customer edit it asks for: all of it is refused.
        s.session.user = "夏勇"
        #expect(try s.expectRefused("probe run 'customer edit C0002 --address 别处'").contains("may not run customer edit"))
        s.session.user = "薛淑芬"
        // The rules of the process hold: a refused step refuses the plugin's command.
        try s.expectOK("ro open 粤B27DP2")
        let sign = "probe run 'ro sign RO-20261123-0001 --payment cash --old-parts leave --wash no --signed-by 卢文博'"
        #expect(try s.expectRefused(sign).contains("RO-20261123-0001"))
        // A plugin that asks for a malformed command is refused, not the person typing.
        #expect(try s.expectRefused("probe run 'ro deliver RO-20261123-0001'").contains("the plugin asked for a command that is not valid"))
        #expect(try s.expectRefused("probe run 'use C0002'").contains("a plugin cannot run it"))
    }

    @Test func pluginsHearEventsInsideTheCommandsTransaction() throws {
        let s = try shell()
        let opened = try s.expectOK("ro open 粤B27DP2")
        #expect(opened.contains("note: probe: opened RO-20261123-0001"))
        #expect(try s.expectOK("ro labor MNT-5K").contains("note: probe: line MNT-5K"))
        #expect(try s.expectOK("ro complaint --text 保养").contains("note: probe: step complaint"))
        #expect(try s.expectOK("probe count") == "seen 3\n")
        // A refused command tells nobody.
        try s.expectRefused("ro labor NOPE")
        #expect(try s.expectOK("probe count") == "seen 3\n")
    }

    @Test func pluginsAddToTodayAndRemindDue() throws {
        let s = try shell()
        s.session.user = "蒋芳"
        let due = try s.expectOK("remind due --kind campaign")
        #expect(due.contains("probe recall PR-1") && due.contains("粤B27DP2"))
        try s.expectOK("remind log 粤B27DP2 campaign --campaign PR-1 --outcome booked")
        #expect(!(try s.expectOK("remind due --kind campaign")).contains("PR-1"))
        #expect(try s.expectOK("remind register").contains("PR-1"))
        s.session.user = "薛淑芬"
        try s.expectOK("ro open 粤B27DP2")
        #expect(try s.expectOK("today").contains("what the probe saw"))
        s.session.user = "蒋芳"
        #expect(!(try s.expectOK("today")).contains("what the probe saw"))
    }

    @Test func X6_aPluginCanBeSwitchedOffForTheStoreByAManager() throws {
        let s = try shell()
        #expect(try s.expectRefused("plugin disable probe").contains("may not run plugin disable"))
        s.session.user = "姚雪"
        #expect(try s.expectOK("plugin disable probe").contains("takes effect when lane next starts"))
        #expect(try s.expectRefused("plugin disable nothing").contains("there is no plugin nothing"))
        var registry = try Launcher.builtinRegistry()
        let (next, _) = PluginLoader.install(compiled: [PluginLoader.Compiled(ProbePlugin(), module: "Probe")], runtimeDirectory: nil,
                                             into: &registry, store: s.store, now: TestShell.demoNow)
        #expect(next.all.first?.state == .disabled)
        #expect(registry.command(noun: "probe", verb: "count") == nil)
        try s.expectOK("plugin enable probe")
        #expect(try s.expectRefused("plugin enable nothing").contains("there is no plugin nothing"))
        s.session.user = "薛淑芬"
        #expect(try s.expectRefused("plugin enable probe").contains("may not run plugin enable"))
    }

    @Test func aRefusedPluginCannotBeSwitchedOn() throws {
        let clash = PluginCommand(noun: "ro", verb: "open", summary: "A rival", access: .lookup) { _, _ in .text("rival") }
        let s = try shell([ProbePlugin(extraCommands: [clash])], user: "姚雪")
        #expect(try s.expectRefused("plugin enable probe").contains("it was refused at start-up: its command 'ro open' clashes"))
        #expect(try s.expectOK("plugin info probe").contains("why refused"))
    }
}
