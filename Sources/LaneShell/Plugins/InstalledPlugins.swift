import Foundation
import LaneCore
import LaneStore
import ServiceDepartment

/// Where a plugin came from, for `plugin list` and `plugin info`.
public enum PluginOrigin: Sendable, Equatable {
    /// Built into this `lane`, from the named module.
    case compiled(module: String)
    /// A `lane-NAME` executable found in the plugin folder.
    case runtime(path: String)

    public var description: String {
        switch self {
        case .compiled(let module): return Message("plugin.origin.compiled", ["module": .text(module)]).description
        case .runtime(let path): return Message("plugin.origin.runtime", ["path": .text(path)]).description
        }
    }
}

/// One plugin as the shell found it at start-up.
public struct InstalledPlugin: Sendable {
    public enum State: Sendable, Equatable {
        case enabled
        /// Switched off in the settings (`plugin.NAME.enabled = "false"`).
        case disabled
        /// Not loaded, and why (a clash with a built-in, a failed migration, a bad handshake).
        case refused(String)
    }

    public var manifest: PluginManifest
    public var origin: PluginOrigin
    public var state: State
    /// The commands it added (or would add).
    public var commands: [String]
    /// Its migrations that have run on this database.
    public var migrations: [String]
    let compiled: (any LanePlugin)?
    /// A run-time plugin that asked for events (`RuntimeEvents`).
    var runtime: RuntimePlugin? = nil
}

/// The plugins of this session. Commands reach them through `CommandContext.plugins`.
public struct InstalledPlugins: Sendable {
    public var all: [InstalledPlugin] = []

    public init() {}

    /// The compiled plugins that are switched on: they hear events and add to `today` and `remind due`.
    var active: [(name: String, plugin: any LanePlugin)] {
        all.compactMap { p in p.state == .enabled ? p.compiled.map { (p.manifest.name, $0) } : nil }
    }

    /// The run-time plugins that are switched on and asked to hear events.
    var listeners: [RuntimePlugin] {
        all.compactMap { p in p.state == .enabled ? p.runtime.flatMap { $0.events.isEmpty ? nil : $0 } : nil }
    }

    public func plugin(named name: String) -> InstalledPlugin? { all.first { $0.manifest.name == name } }

    /// Sections the active plugins add to `today`.
    /// A plugin whose section fails is named in a section of its own; the others still show.
    func todaySections(_ ctx: CommandContext) throws -> [PluginSection] {
        try ctx.withOpenLookup { tx in try todaySections(ctx, tx) }
    }

    private func todaySections(_ ctx: CommandContext, _ tx: any StoreReading) throws -> [PluginSection] {
        var sections: [PluginSection] = []
        var failed = Table(columns: [Column("plugin", "plugin"), Column("error", "what went wrong")])
        for (name, plugin) in active {
            do { sections += try plugin.today(HostPluginContext(plugin: name, ctx, tx)) } catch let failure as StoreFailure {
                throw failure
            } catch {
                failed.rows.append([.text(name), .text(ErrorReport.message(for: error))])
            }
        }
        if !failed.rows.isEmpty {
            sections.append(PluginSection(key: "plugin_failures", title: Message("plugin.today_failed").description, table: failed))
        }
        return sections
    }

    /// Sections the active plugins add to `report kpi`, each named by its plugin. A plugin that fails
    /// is named in a section of its own (a store failure fails the report); the others still show.
    func kpiSections(_ request: KPIContributionRequest, _ ctx: CommandContext) throws -> [KPIContribution] {
        try ctx.withOpenLookup { tx in try kpiSections(request, ctx, tx) }
    }

    private func kpiSections(_ request: KPIContributionRequest, _ ctx: CommandContext, _ tx: any StoreReading) throws -> [KPIContribution] {
        var sections: [KPIContribution] = []
        for (name, plugin) in active {
            do {
                sections += try plugin.kpi(request, HostPluginContext(plugin: name, ctx, tx)).map { section in
                    var s = section
                    s.plugin = name
                    return s
                }
            } catch let failure as StoreFailure {
                throw failure
            } catch {
                sections.append(KPIContribution(plugin: name, title: name, figures: [],
                                                failure: Message("report.plugin_failed", ["plugin": .text(name),
                                                                                          "error": .text(ErrorReport.message(for: error))]).description))
            }
        }
        return sections
    }

    /// X4: what the active plugins keep on customers, for `customer export`
    /// and `customer erase` run with this command's context.
    func customerRecords(_ ctx: CommandContext) -> PluginRecords {
        PluginRecords(export: { customer, _, tx in
            try active.flatMap { name, plugin in try plugin.export(customer: customer, HostPluginContext(plugin: name, ctx, tx)) }
        }, erase: { customer, _, tx in
            for (name, plugin) in active { try plugin.erase(customer: customer, HostPluginContext(plugin: name, ctx, tx, writing: tx)) }
        })
    }

    /// The calls the plugins add to `remind due` (and `today`), asked inside the desk's lookup.
    func reminderCalls(_ ctx: CommandContext) -> ReminderDesk.OtherCalls {
        { day, tx in try reminders(on: day, ctx, tx) }
    }

    /// Calls the active plugins add to `remind due`.
    func reminders(on day: CalendarDate, _ ctx: CommandContext, _ tx: any StoreReading) throws -> [PluginReminder] {
        try active.flatMap { name, plugin in try plugin.reminders(on: day, HostPluginContext(plugin: name, ctx, tx)) }
    }
}

/// Finds the plugins, runs their migrations and registers their commands
/// after the built-ins, so none of them can shadow a built-in.
public enum PluginLoader {
    /// What a compiled plugin looks like to the loader: the plugin and the module it lives in.
    public struct Compiled: Sendable {
        public var plugin: any LanePlugin
        public var module: String
        public init(_ plugin: any LanePlugin, module: String) {
            self.plugin = plugin
            self.module = module
        }
    }

    /// Installs `compiled` and the run-time plugins of `runtimeDirectory` (each
    /// given `handshakeTimeout` to describe itself, `runtimeTimeout` per command) into
    /// `registry`. Returns the plugins and one message per refused plugin; a
    /// refused plugin is left out, the shell still starts.
    public static func install(compiled: [Compiled], runtimeDirectory: String?, runtimeTimeout: Double = RuntimePlugin.defaultTimeout,
                               handshakeTimeout: Double? = nil, into registry: inout CommandRegistry, store: any ServiceStore, now: Timestamp) -> (InstalledPlugins, [String]) {
        var installed = InstalledPlugins()
        var candidates: [Candidate] = []
        for c in compiled {
            let m = c.plugin.manifest
            // Asked once: a plugin builds its commands afresh at each ask.
            let commands = c.plugin.commands
            let p = InstalledPlugin(manifest: m, origin: .compiled(module: c.module), state: .enabled,
                                    commands: commands.map(\.name), migrations: [], compiled: c.plugin)
            candidates.append(Candidate(plugin: p, specs: commands.map { spec(for: $0, plugin: m.name) }, migrations: c.plugin.migrations))
        }
        var messages = admit(candidates, into: &installed, registry: &registry, store: store, now: now)
        if let runtimeDirectory {
            messages += installRuntime(from: runtimeDirectory, runtimeTimeout: runtimeTimeout, handshakeTimeout: handshakeTimeout,
                                       into: &installed, registry: &registry, store: store, now: now)
        }
        return (installed, messages)
    }

    /// Adds the run-time plugins of `directory`: called once someone has signed
    /// in, so nothing in the folder runs for a name not on the staff list.
    /// Switched-off plugins are never started; a handshake is asked again only
    /// when the file changed (its identity, size or time).
    public static func installRuntime(from directory: String, runtimeTimeout: Double = RuntimePlugin.defaultTimeout, handshakeTimeout: Double? = nil,
                                      into installed: inout InstalledPlugins, registry: inout CommandRegistry,
                                      store: any ServiceStore, now: Timestamp,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix("lane-") }
        typealias Memory = (identity: String, answer: String)
        let known = (try? store.read { tx -> ([String: String], [String: Memory], [String: String]) in
            var cached: [String: Memory] = [:]
            var checksums: [String: String] = [:]
            for file in files {
                let name = String(file.dropFirst(5))
                if let memory = try tx.pluginHandshake(path: directory + "/" + file) { cached[directory + "/" + file] = memory }
                if let sum = try tx.pluginChecksum(name: name) { checksums[name] = sum }
            }
            return (try tx.settingValues(), cached, checksums)
        }) ?? ([:], [:], [:])
        let (settings, cached, checksums) = known
        let disabled = Set(files.map { String($0.dropFirst(5)) }.filter { settings["plugin.\($0).enabled"]?.lowercased() == "false" })
        var candidates: [Candidate] = []
        var messages: [String] = []
        var remember: [(path: String, identity: String, answer: String)] = []
        for found in RuntimePlugin.discover(in: directory, timeout: runtimeTimeout, handshakeTimeout: handshakeTimeout ?? runtimeTimeout,
                                            disabled: disabled, cached: cached, checksums: checksums, environment: environment) {
            switch found {
            case .plugin(let rp, let answer, let identity, let wasCached):
                if !wasCached { remember.append((rp.path, identity, answer)) }
                let p = InstalledPlugin(manifest: rp.manifest, origin: .runtime(path: rp.path), state: .enabled,
                                        commands: rp.commands.map(\.name), migrations: [], compiled: nil, runtime: rp)
                candidates.append(Candidate(plugin: p, specs: rp.commands.map { rp.spec(for: $0) }, migrations: [], words: rp.words))
            case .disabled(let name, let path):
                installed.all.append(InstalledPlugin(manifest: PluginManifest(name: name, version: "?", summary: ""), origin: .runtime(path: path),
                                                     state: .disabled, commands: [], migrations: [], compiled: nil))
            case .failure(let failure):
                let p = InstalledPlugin(manifest: PluginManifest(name: failure.name, version: "?", summary: ""),
                                        origin: .runtime(path: failure.path), state: .refused(failure.message), commands: [], migrations: [], compiled: nil)
                installed.all.append(p)
                messages.append(Message("plugin.load.not_loaded", ["plugin": .text(failure.name), "why": .text(failure.message)]).description)
                if let identity = failure.identity { remember.append((failure.path, identity, RuntimePlugin.refusedMark + failure.message)) }
            }
        }
        // One write, and only when a file is new or changed: start-up stays quick.
        if !remember.isEmpty {
            _ = try? store.write { tx in
                for r in remember { try tx.savePluginHandshake(path: r.path, identity: r.identity, answer: r.answer) }
            }
        }
        return messages + admit(candidates, into: &installed, registry: &registry, store: store, now: now)
    }

    struct Candidate {
        var plugin: InstalledPlugin
        var specs: [CommandSpec]
        var migrations: [PluginMigration]
        /// A run-time plugin's words in several languages (a compiled one's are `LanePlugin.messages`).
        var words: [InterfaceLanguage: [MessageCode: String]] = [:]
    }

    /// Registers each candidate's commands (all or none) and runs its migrations.
    static func admit(_ candidates: [Candidate], into installed: inout InstalledPlugins, registry: inout CommandRegistry,
                      store: any ServiceStore, now: Timestamp) -> [String] {
        var messages: [String] = []
        func refuse(_ plugin: InstalledPlugin, _ why: String) {
            var p = plugin
            p.state = .refused(why)
            installed.all.append(p)
            messages.append(Message("plugin.load.not_loaded", ["plugin": .text(p.manifest.name), "why": .text(why)]).description)
        }
        // One read for the whole start-up: the switches, and which migrations each plugin has run.
        let names = candidates.map(\.plugin.manifest.name)
        let (settings, applied) = (try? store.read { tx in
            (try tx.settingValues(), try Dictionary(names.map { ($0, try tx.pluginMigrations(namespace: $0)) }, uniquingKeysWith: { a, _ in a }))
        }) ?? ([:], [:])
        for candidate in candidates {
            var p = candidate.plugin
            let specs = candidate.specs, migrations = candidate.migrations
            let name = p.manifest.name
            if let problem = p.manifest.nameProblem { refuse(p, problem); continue }
            if !p.manifest.apiVersions.contains(LanePluginAPI.version) {
                refuse(p, Message("plugin.api_version", ["theirs": .list(p.manifest.apiVersions.sorted().map { .int($0) }),
                                                         "ours": .int(LanePluginAPI.version)]).description)
                continue
            }
            if installed.all.contains(where: { $0.manifest.name == name }) { refuse(p, Message("plugin.load.name_taken", ["plugin": .text(name)]).description); continue }
            let words = p.compiled?.messages ?? candidate.words
            let foreign = PluginMessages.foreignCodes(words, plugin: name)
            if !foreign.isEmpty {
                refuse(p, Message("plugin.load.foreign_words", ["codes": .list(foreign.map { .text($0.rawValue) }), "plugin": .text(name)]).description)
                continue
            }
            if settings["plugin.\(name).enabled"]?.lowercased() == "false" {
                p.state = .disabled
                p.migrations = applied[name] ?? []
                installed.all.append(p)
                continue
            }
            // All of its commands or none: a clash leaves the registry as it was.
            var trial = registry
            var clash: String?
            for (noun, summary) in p.manifest.nouns where registry.verbs(of: noun) == nil { trial.describe(noun: noun, summary, plugin: name) }
            for spec in specs {
                let taken = spec.noun == "plugin" || registry.metaCommand(spec.noun) != nil || registry.command(noun: spec.noun, verb: spec.verb) != nil
                if taken || (try? trial.register(spec)) == nil {
                    clash = spec.name
                    break
                }
            }
            if let clash {
                let words = clash.split(separator: " ").map(String.init)
                let other = registry.command(noun: words[0], verb: words.count > 1 ? words[1] : nil)?.plugin
                refuse(p, (other.map { Message("plugin.load.clash_plugin", ["command": .text(clash), "other": .text($0)]) }
                           ?? Message("plugin.load.clash_builtin", ["command": .text(clash)])).description)
                continue
            }
            // A noun of lane's own (`staff`, `ro`) gets no plugin's verb: its commands, and its help, stay the core's.
            if let joining = specs.first(where: { spec in registry.verbs(of: spec.noun)?.contains { $0.plugin == nil } == true }) {
                refuse(p, Message("plugin.load.core_noun", ["command": .text(joining.name), "noun": .text(joining.noun)]).description)
                continue
            }
            do {
                // Start-up stays quick: a write (and its fsync) only when a migration is new.
                let done = applied[name] ?? []
                p.migrations = migrations.allSatisfy({ done.contains($0.identifier) }) ? done : try store.write { tx in
                    _ = try tx.migratePlugin(namespace: name, migrations: migrations, at: now)
                    return try tx.pluginMigrations(namespace: name)
                }
            } catch {
                refuse(p, Message("plugin.load.migrations_failed", ["error": .text(ErrorReport.message(for: error))]).description)
                continue
            }
            registry = trial
            PluginMessages.install(checked: words, plugin: name)
            installed.all.append(p)
        }
        return messages
    }

    /// A compiled plugin's command as the shell runs it: a lookup reads, a
    /// change writes, both through a context bound to the command's transaction.
    static func spec(for command: PluginCommand, plugin name: String) -> CommandSpec {
        let run = command.run
        let action: CommandAction
        let roles: Set<StaffRole>
        switch command.access {
        case .lookup:
            roles = Set(StaffRole.allCases)
            action = .pluginRead { inv, ctx, tx in try run(arguments(inv), HostPluginContext(plugin: name, ctx, tx)) }
        case .changes(let allowed):
            roles = allowed
            action = .pluginWrite { inv, ctx, tx in try run(arguments(inv), HostPluginContext(plugin: name, ctx, tx, writing: tx)) }
        }
        var spec = CommandSpec(noun: command.noun, verb: command.verb, summary: command.summary, discussion: command.discussion,
                               positionals: command.positionals, options: command.options, examples: command.examples, action: action)
        spec.pluginRoles = roles
        spec.plugin = name
        if let interview = command.interview {
            spec.prepare = { inv, ctx, tx in
                let answered = try interview(arguments(inv), HostPluginContext(plugin: name, ctx, tx))
                // The line stays as typed: the audit keeps what the person typed.
                return Invocation(spec: inv.spec, positionals: answered.positionals, options: answered.options,
                                  switches: answered.switches, line: inv.line)
            }
        }
        return spec
    }

    static func arguments(_ inv: Invocation) -> PluginArguments {
        PluginArguments(positionals: inv.positionals, options: inv.options, switches: inv.switches, line: inv.line)
    }
}

