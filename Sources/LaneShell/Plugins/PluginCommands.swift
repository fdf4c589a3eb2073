import LaneCore
import LaneStore

/// `plugin list|info|enable|disable`: what extends this shell, and the
/// switch that turns a plugin off for the store.
enum PluginCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "plugin", "the plugins that add commands: compiled in or run-time (docs/plugins.md)")
        try registry.register(list)
        try registry.register(info)
        try registry.register(enable)
        try registry.register(disable)
    }

    static func state(_ p: InstalledPlugin) -> String {
        switch p.state {
        case .enabled: return "on"
        case .disabled: return "off"
        case .refused: return "refused"
        }
    }

    static let list = CommandSpec(
        noun: "plugin", verb: "list", summary: "The plugins: name, version, whether on, where from, commands",
        action: .session { _, session in
            var t = Table(columns: [Column("name", "plugin"), Column("version", "version"), Column("state", "state"), Column("origin", "origin"),
                                    Column("commands", "commands")], emptyText: Message("empty.no_plugins").description)
            for p in session.plugins.all {
                t.rows.append([.text(p.manifest.name), .text(p.manifest.version), .text(state(p)), .text(p.origin.description),
                               .text(p.commands.joined(separator: ", "))])
            }
            return .table(t)
        })

    static let info = CommandSpec(
        noun: "plugin", verb: "info", summary: "One plugin: what it does, its commands, its tables' migrations and settings",
        positionals: [PositionalSpec("name", "The plugin's name", completion: .plugins)],
        examples: ["plugin info warranty"],
        action: .session { inv, session in
            let name = inv.positional("name") ?? ""
            guard let p = session.plugins.plugin(named: name) else {
                let names = session.plugins.all.map(\.manifest.name)
                let installed = names.isEmpty ? Message("plugin.none_installed") : Message("plugin.installed", ["names": .list(names.map { .text($0) })])
                throw Refusal(Message("plugin.no_such_plugin", ["name": .text(name)]), problems: [Problem("name", installed)])
            }
            var r = Record()
            r.add("name", "plugin", .text(p.manifest.name))
            r.add("version", "version", .text(p.manifest.version))
            r.add("summary", "what it does", .text(p.manifest.summary))
            r.add("state", "state", .text(state(p)))
            if case .refused(let why) = p.state { r.add("refused", "why refused", .text(why)) }
            r.add("origin", "origin", .text(p.origin.description))
            var commands = Table(columns: [Column("command", "command"), Column("summary", "summary"), Column("roles", "who may run it")],
                                 emptyText: Message("empty.no_commands").description)
            for name in p.commands {
                let words = name.split(separator: " ").map(String.init)
                guard let spec = session.registry.command(noun: words[0], verb: words.count > 1 ? words[1] : nil), spec.plugin == p.manifest.name else {
                    commands.rows.append([.text(name), .text("(not loaded)"), .text("")])
                    continue
                }
                let roles = CommandPermissions.isOpenToAll(spec) ? "everyone"
                    : StaffRole.allCases.filter { CommandPermissions.roles(for: spec)?.contains($0) == true }.map(\.rawValue).joined(separator: ", ")
                commands.rows.append([.text(name), .text(spec.summary), .text(roles)])
            }
            r.add(section: "commands", "commands", commands)
            var migrations = Table(columns: [Column("migration", "migration")], emptyText: Message("empty.no_tables_of_its_own").description)
            migrations.rows = p.migrations.map { [.text($0)] }
            r.add(section: "migrations", "migrations run", migrations)
            let prefix = "plugin.\(p.manifest.name)."
            var settings = Table(columns: [Column("key", "setting"), Column("value", "value")], emptyText: "no settings (store.toml [plugin.\(p.manifest.name)])")
            for (key, value) in try session.store.read({ try $0.settingValues() }).filter({ $0.key.hasPrefix(prefix) }).sorted(by: { $0.key < $1.key }) {
                settings.rows.append([.text(String(key.dropFirst(prefix.count))), .text(value)])
            }
            r.add(section: "settings", "settings", settings)
            return .record(r)
        })

    static func toggle(_ verb: String, on: Bool) -> CommandSpec {
        CommandSpec(
            noun: "plugin", verb: verb, summary: on ? "Switch a plugin on for this store (from the next start of lane)"
                : "Switch a plugin off for this store (from the next start of lane); its tables stay",
            discussion: "Sets `plugin.NAME.enabled` in the store's settings, as `[plugin.NAME] enabled = \"\(on)\"` in store.toml does.",
            positionals: [PositionalSpec("name", "The plugin's name", completion: .plugins)],
            examples: ["plugin \(verb) survey"],
            action: .write { inv, ctx, tx in
                let name = inv.positional("name") ?? ""
                guard let p = ctx.plugins.plugin(named: name) else {
                    let names = ctx.plugins.all.map(\.manifest.name)
                    let installed = names.isEmpty ? MessageArgument.text("")
                        : .message(Message("plugin.installed_after", ["names": .list(names.map { .text($0) })]))
                    let headline = on ? Message("plugin.cannot_switch_on", ["name": .text(name)]) : Message("plugin.cannot_switch_off", ["name": .text(name)])
                    throw Refusal(headline, problems: [
                        Problem("name", Message("plugin.no_such_plugin_among", ["name": .text(name), "installed": installed]))])
                }
                if case .refused(let why) = p.state, on {
                    throw Refusal(Message("plugin.cannot_switch_on", ["name": .text(name)]),
                                  problems: [Problem("plugin", Message("plugin.refused_at_start", ["why": .text(why)]))])
                }
                try tx.saveSettingValue(key: "plugin.\(name).enabled", value: on ? "true" : "false")
                let now = (p.state == .enabled) == on
                return .message("\(name) is switched \(on ? "on" : "off") for this store" + (now ? "" : "; this takes effect when lane next starts"), nil)
            })
    }

    static let enable = toggle("enable", on: true)
    static let disable = toggle("disable", on: false)
}
