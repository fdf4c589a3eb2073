import Foundation
import LaneCore
import ServiceDepartment
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
        try registry.register(config)
        try registry.register(check)
        try registry.register(install)
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
            var t = Table(columns: [Column("name", "plugin"), Column("version", "version"), Column("state", "state", words: "plugin_state"), Column("origin", "origin"),
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
            r.add("summary", "what it does", .text(HelpText.pluginSummary(p.manifest)))
            r.add("state", "state", .text(state(p)), words: "plugin_state")
            if case .refused(let why) = p.state { r.add("refused", "why refused", .text(why)) }
            r.add("origin", "origin", .text(p.origin.description))
            var commands = Table(columns: [Column("command", "command"), Column("summary", "summary"), Column("roles", "who may run it")],
                                 emptyText: Message("empty.no_commands").description)
            for name in p.commands {
                let words = name.split(separator: " ").map(String.init)
                guard let spec = session.registry.command(noun: words[0], verb: words.count > 1 ? words[1] : nil), spec.plugin == p.manifest.name else {
                    commands.rows.append([.text(name), .text(Message("plugin.command_not_loaded").description), .text("")])
                    continue
                }
                let roles = CommandPermissions.isOpenToAll(spec) ? Message("plugin.everyone").description
                    : StaffRole.allCases.filter { CommandPermissions.roles(for: spec)?.contains($0) == true }.map { MessageCatalog.current.codeWord(StaffRole.wordKind, $0.rawValue) }.joined(separator: MessageCatalog.current.isChinese ? "、" : ", ")
                commands.rows.append([.text(name), .text(HelpText.summary(spec)), .text(roles)])
            }
            r.add(section: "commands", "commands", commands)
            var migrations = Table(columns: [Column("migration", "migration")], emptyText: Message("empty.no_tables_of_its_own").description)
            migrations.rows = p.migrations.map { [.text($0)] }
            r.add(section: "migrations", "migrations run", migrations)
            let prefix = "plugin.\(p.manifest.name)."
            var settings = Table(columns: [Column("key", "setting"), Column("value", "value")], emptyText: Message("plugin.no_settings", ["name": .text(p.manifest.name)]).description)
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
            action: .pluginWrite { inv, ctx, tx in
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
                let switched = Message(on ? "plugin.switched_on" : "plugin.switched_off", ["name": .text(name)]).description
                return .message(switched + (now ? "" : Message("plugin.switch_takes_effect_later").description), nil)
            })
    }

    static let enable = toggle("enable", on: true)
    static let disable = toggle("disable", on: false)
}

// MARK: Live configuration and the lifecycle of run-time plugins

extension PluginCommands {
    /// `plugin config NAME [KEY [VALUE]]`: a plugin's settings, read or set in a live
    /// store (store.toml is read only by `seed load`); setting one is audited.
    static let config = CommandSpec(
        noun: "plugin", verb: "config", summary: "A plugin's settings: all of them, one, or set one (audited)",
        discussion: "Sets `plugin.NAME.KEY`, which the plugin reads as its configuration from the next command on.",
        positionals: [PositionalSpec("name", "The plugin's name", completion: .plugins),
                      PositionalSpec("key", "A setting (lower-case letters, digits and _)", optional: true),
                      PositionalSpec("value", "Its new value", optional: true)],
        examples: ["plugin config loaner", "plugin config loaner cars 粤B0L001,粤B0L002"],
        action: .pluginWrite { inv, ctx, tx in
            let name = inv.positional("name") ?? ""
            guard ctx.plugins.plugin(named: name) != nil else {
                throw Refusal(Message("plugin.config.cannot", ["name": .text(name)]),
                              problems: [Problem("name", Message("plugin.no_such_plugin_among", ["name": .text(name), "installed": .text("")]))])
            }
            let prefix = "plugin.\(name)."
            let settings = try tx.settingValues().filter { $0.key.hasPrefix(prefix) }
            guard let key = inv.positional("key") else {
                var t = Table(columns: [Column("key", "setting"), Column("value", "value")], emptyText: Message("plugin.config.none").description)
                t.rows = settings.sorted { $0.key < $1.key }.map { [.text(String($0.key.dropFirst(prefix.count))), .text($0.value)] }
                return .table(t)
            }
            let keyOK = !key.isEmpty && key.count <= 40 && key != "enabled"
                && key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            guard keyOK else {
                throw Refusal(Message("plugin.config.cannot", ["name": .text(name)]), problems: [Problem("key", Message("plugin.config.bad_key", ["key": .text(key)]))])
            }
            guard let value = inv.positional("value") else {
                return .text(settings[prefix + key] ?? "")
            }
            try tx.saveSettingValue(key: prefix + key, value: value)
            return .message(Message("plugin.config.set", ["name": .text(name), "key": .text(key), "value": .text(value)]).description, nil)
        })

    /// What `plugin check` and `plugin install` accept: a safe file, a strict handshake,
    /// commands that do not clash with any already here.
    static func checked(_ path: String, _ session: ShellSession) throws -> RuntimePlugin {
        let file = (path as NSString).lastPathComponent
        let headline = Message("plugin.check.refused", ["path": .text(path)])
        guard file.hasPrefix("lane-"), file.count > 5 else {
            throw Refusal(headline, problems: [Problem("path", Message("plugin.check.file_name"))])
        }
        let name = String(file.dropFirst(5))
        if let problem = PluginManifest(name: name, version: "", summary: "").nameProblem {
            throw Refusal(headline, problems: [Problem("path", .text(problem))])
        }
        if let unsafe = RuntimePlugin.unsafeReason(path, directory: false) { throw Refusal(headline, problems: [Problem("path", unsafe)]) }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Refusal(headline, problems: [Problem("path", Message("plugin.check.not_executable"))])
        }
        let plugin: RuntimePlugin
        do {
            let data = try RuntimePlugin.exchange(path: path, request: ["protocol": RuntimePlugin.protocolVersion, "request": "describe", "language": RuntimePlugin.language],
                                                  timeout: RuntimePlugin.defaultTimeout)
            plugin = try RuntimePlugin.described(data, path: path, name: name, runTimeout: RuntimePlugin.defaultTimeout)
        } catch {
            throw Refusal(headline, problems: [Problem("handshake", error.said)])
        }
        var trial = session.registry
        var problems: [Problem] = []
        for command in plugin.commands {
            let spec = plugin.spec(for: command)
            let mine = trial.command(noun: spec.noun, verb: spec.verb)?.plugin == name
            if !mine && (spec.noun == "plugin" || trial.metaCommand(spec.noun) != nil || (try? trial.register(spec)) == nil) {
                problems.append(Problem("commands", Message("plugin.check.clash", ["command": .text(command.name)])))
            } else if session.registry.verbs(of: spec.noun)?.contains(where: { $0.plugin == nil }) == true {
                problems.append(Problem("commands", Message("plugin.load.core_noun", ["command": .text(command.name), "noun": .text(spec.noun)])))
            }
        }
        if !problems.isEmpty { throw Refusal(headline, problems: problems) }
        return plugin
    }

    /// A path as typed, from the folder lane was started in.
    static func absolutePath(_ path: String, _ session: ShellSession) -> String {
        path.hasPrefix("/") ? path : session.workingDirectory + "/" + path
    }

    static func described(_ plugin: RuntimePlugin) -> Record {
        var r = Record()
        r.add("name", "plugin", .text(plugin.manifest.name))
        r.add("version", "version", .text(plugin.manifest.version))
        r.add("summary", "what it does", .text(HelpText.pluginSummary(plugin.manifest)))
        var t = Table(columns: [Column("command", "command"), Column("roles", "who may run it")])
        for c in plugin.commands {
            t.rows.append([.text(c.name), .text(c.roles.map { $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? Message("plugin.everyone").description)])
        }
        r.add(section: "commands", "commands", t)
        return r
    }

    /// `plugin check PATH`: the handshake and every command's spec, read strictly, before installing.
    static let check = CommandSpec(
        noun: "plugin", verb: "check", summary: "Check a run-time plugin strictly before installing it",
        positionals: [PositionalSpec("path", "The plugin's file, lane-NAME", completion: .files)],
        examples: ["plugin check ./lane-loaner"],
        action: .session { inv, session in
            let path = inv.positional("path") ?? ""
            let absolute = absolutePath(path, session)
            let plugin = try checked(absolute, session)
            var r = described(plugin)
            r.add("result", "result", .text(Message("plugin.check.ok").description))
            return .record(r)
        })

    /// `plugin install PATH`: checked, copied into the plugin folder, its checksum recorded
    /// (a later change of the file stops it from running).
    static let install = CommandSpec(
        noun: "plugin", verb: "install", summary: "Check a run-time plugin and copy it into the plugin folder, recording its checksum",
        positionals: [PositionalSpec("path", "The plugin's file, lane-NAME", completion: .files)],
        examples: ["plugin install ./lane-loaner"],
        action: .session { inv, session in
            let path = inv.positional("path") ?? ""
            let absolute = absolutePath(path, session)
            let headline = Message("plugin.install.refused", ["path": .text(path)])
            guard let folder = session.pluginDirectory else {
                throw Refusal(headline, problems: [Problem("folder", Message("plugin.install.no_folder"))])
            }
            let plugin = try checked(absolute, session)
            guard let bytes = FileManager.default.contents(atPath: absolute) else {
                throw Refusal(headline, problems: [Problem("path", Message("plugin.folder.missing", ["path": .text(absolute)]))])
            }
            let sum = PluginChecksum.sha256(Array(bytes))
            let ctx = try session.context()
            let target = folder + "/lane-" + plugin.manifest.name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
                throw Refusal(headline, problems: [Problem("folder", Message("plugin.install.not_a_file", ["path": .text(target)]))])
            }
            let output = try session.change(CommandPermissions.operation(inv.spec), ctx, line: inv.line) {
                try ctx.desks.department.withOpenChange { try $0.savePluginChecksum(name: plugin.manifest.name, sha256: sum, at: ctx.now, by: ctx.user) }
                // Copied inside the change: if the copy fails, nothing is recorded.
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
                    let temporary = folder + "/.lane-install-\(UUID().uuidString)"
                    try bytes.write(to: URL(fileURLWithPath: temporary))
                    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
                    if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
                    try FileManager.default.moveItem(atPath: temporary, toPath: target)
                } catch {
                    throw Refusal(headline, problems: [Problem("folder", Message("plugin.install.cannot_copy", ["error": .text(error.localizedDescription)]))])
                }
                let text = Message("plugin.install.done", ["name": .text(plugin.manifest.name), "path": .text(target), "sha256": .text(sum)]).description
                return (Recorded(CommandOutput.message(text, nil), audit: AuditNote(ref: plugin.manifest.name, summary: text)), ())
            }.0
            return output
        })
}
