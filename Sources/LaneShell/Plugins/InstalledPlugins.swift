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
        case .compiled(let module): return "compiled in (\(module))"
        case .runtime(let path): return "run-time: \(path)"
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
}

/// The plugins of this session. Commands reach them through `CommandContext.plugins`.
public struct InstalledPlugins: Sendable {
    public var all: [InstalledPlugin] = []

    public init() {}

    /// The compiled plugins that are switched on: they hear events and add to `today` and `remind due`.
    var active: [(name: String, plugin: any LanePlugin)] {
        all.compactMap { p in p.state == .enabled ? p.compiled.map { (p.manifest.name, $0) } : nil }
    }

    public func plugin(named name: String) -> InstalledPlugin? { all.first { $0.manifest.name == name } }

    /// Sections the active plugins add to `today`.
    func todaySections(_ ctx: CommandContext, _ tx: any StoreReading) throws -> [PluginSection] {
        try active.flatMap { name, plugin in try plugin.today(HostPluginContext(plugin: name, ctx, tx)) }
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
        var messages: [String] = []
        func refuse(_ plugin: InstalledPlugin, _ why: String) {
            var p = plugin
            p.state = .refused(why)
            installed.all.append(p)
            messages.append("plugin \(p.manifest.name): \(why); it is not loaded")
        }
        var candidates: [(InstalledPlugin, [CommandSpec], [PluginMigration])] = []
        for c in compiled {
            let m = c.plugin.manifest
            let p = InstalledPlugin(manifest: m, origin: .compiled(module: c.module), state: .enabled,
                                    commands: c.plugin.commands.map(\.name), migrations: [], compiled: c.plugin)
            candidates.append((p, c.plugin.commands.map { spec(for: $0, plugin: m.name) }, c.plugin.migrations))
        }
        if let runtimeDirectory {
            for found in RuntimePlugin.discover(in: runtimeDirectory, timeout: runtimeTimeout,
                                                    handshakeTimeout: handshakeTimeout ?? runtimeTimeout) {
                switch found {
                case .success(let rp):
                    let p = InstalledPlugin(manifest: rp.manifest, origin: .runtime(path: rp.path), state: .enabled,
                                            commands: rp.commands.map(\.name), migrations: [], compiled: nil)
                    candidates.append((p, rp.commands.map { rp.spec(for: $0) }, []))
                case .failure(let failure):
                    refuse(InstalledPlugin(manifest: PluginManifest(name: failure.name, version: "?", summary: ""),
                                           origin: .runtime(path: failure.path), state: .enabled, commands: [], migrations: [], compiled: nil),
                           failure.message)
                }
            }
        }
        // One read for the whole start-up: the switches, and which migrations each plugin has run.
        let names = candidates.map(\.0.manifest.name)
        let (settings, applied) = (try? store.read { tx in
            (try tx.settingValues(), try Dictionary(names.map { ($0, try tx.pluginMigrations(namespace: $0)) }, uniquingKeysWith: { a, _ in a }))
        }) ?? ([:], [:])
        for (plugin, specs, migrations) in candidates {
            var p = plugin
            let name = p.manifest.name
            if let problem = p.manifest.nameProblem { refuse(p, problem); continue }
            if installed.all.contains(where: { $0.manifest.name == name }) { refuse(p, "another plugin is already called \(name)"); continue }
            if settings["plugin.\(name).enabled"]?.lowercased() == "false" {
                p.state = .disabled
                p.migrations = applied[name] ?? []
                installed.all.append(p)
                continue
            }
            // All of its commands or none: a clash leaves the registry as it was.
            var trial = registry
            var clash: String?
            for (noun, summary) in p.manifest.nouns where registry.verbs(of: noun) == nil { trial.describe(noun: noun, summary) }
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
                refuse(p, "its command '\(clash)' clashes with " + (other.map { "the plugin \($0)'s command" } ?? "a built-in command")
                          + "; a plugin can never replace a command")
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
                refuse(p, "its migrations failed: " + ErrorReport.message(for: error))
                continue
            }
            registry = trial
            installed.all.append(p)
        }
        return (installed, messages)
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
            action = .read { inv, ctx, tx in try run(arguments(inv), HostPluginContext(plugin: name, ctx, tx)) }
        case .changes(let allowed):
            roles = allowed
            action = .write { inv, ctx, tx in try run(arguments(inv), HostPluginContext(plugin: name, ctx, tx, writing: tx)) }
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

