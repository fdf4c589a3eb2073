import Foundation
import LaneCore
import LaneStore
import ServiceDepartment

/// A run-time plugin: an executable `lane-NAME` in the plugin folder that
/// speaks the JSON protocol of docs/plugins.md, one process per request.
/// Whatever it does (crash, hang, garbage) becomes a refusal of the one
/// command; the shell goes on.
public struct RuntimePlugin: Sendable {
    /// The protocol versions this shell speaks.
    public static let protocolVersion = 1
    /// The reader's language as a plugin is told it (`"language"` in each
    /// request, `LANE_LANGUAGE` in its environment): `zh-Hans` or `en`, so it
    /// answers in the words of whoever is at the keyboard.
    static var language: String { (InterfaceLanguage(parsing: MessageCatalog.current.language) ?? .english).rawValue }
    /// Seconds a plugin may take to answer; `LANE_PLUGIN_TIMEOUT` changes it.
    public static let defaultTimeout = 5.0
    /// The most a plugin may print (a runaway plugin must not fill memory).
    static let maxOutput = 4 << 20
    /// The most one value of a plugin's state may hold: state is for facts, not files.
    static let maxStateValue = 64 << 10

    public let path: String
    public let manifest: PluginManifest
    let commands: [RuntimeCommand]
    let timeout: Double
    /// The words the handshake gave in several languages, as the plugin's own
    /// message codes (`loaner.help.command.loaner.lend`), which help reads
    /// in the reader's language (`HelpText`); see `RuntimeProtocol.Words`.
    var words: [InterfaceLanguage: [MessageCode: String]] = [:]
    /// The events it asked to hear (`RuntimeEvents`), as the handshake named them.
    var events: [String] = []

    struct RuntimeCommand: Sendable {
        var noun: String
        var verb: String
        var summary: String
        var discussion: String
        var positionals: [PositionalSpec]
        var options: [OptionSpec]
        var examples: [String]
        var roles: Set<StaffRole>?
        var name: String { "\(noun) \(verb)" }
    }

    struct Failure: Error {
        var name: String
        var path: String
        var message: String
        /// A refused handshake is remembered for the file as it is (its identity), so a
        /// hanging plugin costs its timeout once, not at every start; nil when not to remember.
        var identity: String? = nil
    }

    /// How a refused handshake is kept in the handshake cache: its words after this mark.
    static let refusedMark = "!"

    /// The plugin folder: `$LANE_PLUGINS`, else `plugins/` beside the default
    /// database. A relative `LANE_PLUGINS` is refused: resolved against
    /// whatever folder `lane` was started in, anyone's files could run.
    static func defaultDirectory(environment: [String: String], dataDirectory: String) -> Result<String, RuntimeFailure> {
        guard let dir = environment["LANE_PLUGINS"], !dir.isEmpty else { return .success(dataDirectory + "/plugins") }
        guard dir.hasPrefix("/") else { return .failure(RuntimeFailure(Message("plugin.folder.relative", ["path": .text(dir)]))) }
        return .success(dir)
    }

    /// Why `path` may not be trusted to run: not owned by the user or root, or
    /// writable by others (group or world), or not what it should be. Nil when safe.
    static func unsafeReason(_ path: String, directory: Bool) -> Message? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return Message("plugin.folder.missing", ["path": .text(path)]) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK { return Message("plugin.folder.symlink", ["path": .text(path)]) }
        if directory ? kind != S_IFDIR : kind != S_IFREG { return Message("plugin.folder.not_a_file", ["path": .text(path)]) }
        if info.st_uid != geteuid() && info.st_uid != 0 {
            return Message("plugin.folder.owner", ["path": .text(path), "uid": .int(Int(info.st_uid))])
        }
        if info.st_mode & (S_IWGRP | S_IWOTH) != 0 {
            return Message("plugin.folder.writable", ["path": .text(path), "mode": .text(String(info.st_mode & 0o777, radix: 8))])
        }
        return nil
    }

    /// The file's identity as far as a cached handshake goes: device, inode, size and time of change.
    static func identity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// What discovery found in the folder.
    enum Found {
        /// Asked, or remembered: `answer` is the handshake's text and `identity` the file's, to keep for next time.
        case plugin(RuntimePlugin, answer: String, identity: String, cached: Bool)
        /// Switched off: never started.
        case disabled(name: String, path: String)
        case failure(Failure)
    }

    /// Every `lane-NAME` executable in `directory`: switched-off ones are never
    /// started, unsafe ones refused, and the others asked for their commands
    /// unless `cached` remembers the same file.
    static func discover(in directory: String, timeout: Double, handshakeTimeout: Double, disabled: Set<String>,
                         cached: [String: (identity: String, answer: String)], checksums: [String: String] = [:],
                         environment: [String: String] = ProcessInfo.processInfo.environment) -> [Found] {
        if let problem = unsafeReason(directory, directory: true) {
            if case .some = try? FileManager.default.contentsOfDirectory(atPath: directory) {
                return [.failure(Failure(name: "(folder)", path: directory, message: problem.description))]
            }
            return []
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix("lane-") && $0.count > 5 }.sorted().compactMap { file -> Found? in
            let path = directory + "/" + file
            guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
            let name = String(file.dropFirst(5))
            if disabled.contains(name) { return .disabled(name: name, path: path) }
            if let problem = unsafeReason(path, directory: false) {
                return .failure(Failure(name: name, path: path, message: problem.description))
            }
            if let recorded = checksums[name], let actual = PluginChecksum.sha256(ofFile: path), actual != recorded {
                return .failure(Failure(name: name, path: path, message: Message("plugin.install.changed", ["path": .text(path)]).description))
            }
            guard let identity = identity(path) else { return nil }
            do throws(RuntimeFailure) {
                if let memory = cached[path], memory.identity == identity, memory.answer.hasPrefix(refusedMark) {
                    return .failure(Failure(name: name, path: path, message: String(memory.answer.dropFirst(refusedMark.count))))
                }
                if let memory = cached[path], memory.identity == identity {
                    return .plugin(try described(Data(memory.answer.utf8), path: path, name: name, runTimeout: timeout),
                                   answer: memory.answer, identity: identity, cached: true)
                }
                let data = try exchange(path: path, request: ["protocol": protocolVersion, "request": "describe", "language": language], timeout: handshakeTimeout,
                                        environment: environment)
                return .plugin(try described(data, path: path, name: name, runTimeout: timeout),
                               answer: String(decoding: data, as: UTF8.self), identity: identity, cached: false)
            } catch {
                return .failure(Failure(name: name, path: path, message: error.message, identity: identity))
            }
        }
    }

    /// The plugin a handshake describes, checked strictly.
    static func described(_ data: Data, path: String, name: String, runTimeout: Double) throws(RuntimeFailure) -> RuntimePlugin {
        try checkVersion(data)
        let h = try RuntimeProtocol.decode(RuntimeProtocol.Handshake.self, from: data, shape: RuntimeProtocol.handshakeShape)
        let m = PluginManifest(name: h.name, version: h.version, summary: h.summary.text, nouns: (h.nouns ?? [:]).mapValues(\.text))
        guard m.name == name else {
            throw RuntimeFailure(Message("plugin.runtime.wrong_name", ["said": .text(m.name), "file": .text("lane-\(name)")]))
        }
        var words: [InterfaceLanguage: [MessageCode: String]] = [:]
        func add(_ given: RuntimeProtocol.Words?, _ code: String) {
            for (language, text) in given?.byLanguage ?? [:] { words[language, default: [:]][MessageCode(name + "." + code)] = text }
        }
        add(h.summary, "help.summary")
        for (noun, summary) in h.nouns ?? [:] { add(summary, "help.noun." + noun) }
        var commands: [RuntimeCommand] = []
        for (i, c) in h.commands.enumerated() {
            var roles: Set<StaffRole>?
            if c.changes == true {
                roles = []
                for text in c.roles ?? [] {
                    guard let role = StaffRole(rawValue: text) else {
                        throw RuntimeFailure(Message("plugin.runtime.not_a_role", ["field": .text("commands[\(i)].roles"), "given": .text(text),
                                                                                   "roles": .list(StaffRole.allCases.map { .text($0.rawValue) })]))
                    }
                    roles?.insert(role)
                }
            }
            let command = c.noun + "." + c.verb
            add(c.summary, "help.command." + command)
            add(c.discussion, "help.discussion." + command)
            for p in c.positionals ?? [] { add(p.help, "help.option." + command + "." + p.name) }
            for o in c.options ?? [] { add(o.help, "help.option." + command + "." + o.name) }
            var positionals: [PositionalSpec] = []
            for (j, p) in (c.positionals ?? []).enumerated() {
                let current: CurrentKind?
                switch p.current {
                case nil: current = nil
                case "customer": current = .customer
                case "vehicle": current = .vehicle
                case "repair_order": current = .repairOrder
                case let other?:
                    throw RuntimeFailure(Message("plugin.runtime.not_a_current_kind", ["field": .text("commands[\(i)].positionals[\(j)].current"),
                                                                                       "given": .text(other)]))
                }
                positionals.append(PositionalSpec(p.name, p.help?.text ?? "", completion: try completion(p.completion, field: "commands[\(i)].positionals[\(j)].completion"),
                                                  optional: p.optional ?? false, current: current))
            }
            var options: [OptionSpec] = []
            for (j, o) in (c.options ?? []).enumerated() {
                options.append(OptionSpec(o.name, value: o.value, o.help?.text ?? "", completion: try completion(o.completion, field: "commands[\(i)].options[\(j)].completion"),
                                          required: o.required ?? false))
            }
            commands.append(RuntimeCommand(noun: c.noun, verb: c.verb, summary: c.summary.text, discussion: c.discussion?.text ?? "", positionals: positionals,
                                           options: options, examples: c.examples ?? [], roles: roles))
        }
        var plugin = RuntimePlugin(path: path, manifest: m, commands: commands, timeout: runTimeout)
        plugin.words = words
        plugin.events = try RuntimeEvents.checked(h.events ?? [])
        return plugin
    }

    /// The version comes first: a plugin of another protocol is told so, whatever else it says.
    static func checkVersion(_ data: Data) throws(RuntimeFailure) {
        let version = try RuntimeProtocol.decode(RuntimeProtocol.Version.self, from: data)
        guard let theirs = version.protocol else { throw RuntimeFailure(Message("plugin.runtime.no_protocol", ["version": .int(protocolVersion)])) }
        guard theirs == protocolVersion else {
            throw RuntimeFailure(Message("plugin.runtime.protocol", ["theirs": .int(theirs), "ours": .int(protocolVersion)]))
        }
    }

    static func completion(_ name: String?, field: String) throws(RuntimeFailure) -> CompletionSource {
        switch name {
        case nil: return .none
        case "customers": return .customers
        case "vehicles": return .vehicles
        case "staff": return .staff
        case "parts": return .parts
        case "repair_orders": return .repairOrders
        case "appointments": return .appointments
        case "files": return .files
        case let other?:
            throw RuntimeFailure(Message("plugin.runtime.not_a_completion", ["field": .text(field), "given": .text(other)]))
        }
    }

    /// The command as the shell runs it. The plugin runs first, before any
    /// write transaction opens (`CommandSpec.prepare`), and answers what it
    /// wants done; the action then applies that in the command's one
    /// transaction, so a slow plugin never keeps other shells waiting.
    func spec(for command: RuntimeCommand) -> CommandSpec {
        let plugin = self
        let action: CommandAction
        if command.roles != nil {
            action = .pluginWrite { inv, ctx, tx in try plugin.apply(command, inv, ctx, tx) }
        } else {
            action = .lookup { inv, ctx in try plugin.apply(command, inv, ctx, nil) }
        }
        var spec = CommandSpec(noun: command.noun, verb: command.verb, summary: command.summary, discussion: command.discussion,
                               positionals: command.positionals, options: command.options, examples: command.examples, action: action)
        spec.pluginRoles = command.roles ?? Set(StaffRole.allCases)
        spec.plugin = manifest.name
        spec.prepare = { inv, ctx, tx in
            var asked = inv
            asked.runtimeAnswer = try plugin.ask(command, inv, ctx, tx)
            return asked
        }
        return spec
    }

    /// Runs the plugin for one command, outside any write transaction.
    /// The request for `command`: `run` before the transaction, `committed` after it.
    func request(_ kind: String, _ command: RuntimeCommand, _ inv: Invocation, _ ctx: CommandContext, state: [String: String],
                 records: [String: Any]) -> [String: Any] {
        var context = Self.context(ctx, plugin: manifest.name)
        context["state"] = state
        context["records"] = records
        return [
            "protocol": Self.protocolVersion, "request": kind, "command": command.name, "language": Self.language,
            "arguments": ["positionals": inv.positionals, "options": inv.options, "switches": inv.switches.sorted()],
            "context": context,
        ]
    }

    /// Who asks, when, where, and the plugin's settings: the `context` of every request.
    static func context(_ ctx: CommandContext, plugin name: String) -> [String: Any] {
        var context: [String: Any] = [
            "user": ctx.user, "role": ctx.role?.rawValue ?? NSNull(), "now": ctx.now.iso8601(in: ctx.settings.utcOffset),
            "today": ctx.today.description, "store": ctx.settings.code, "config": ctx.pluginSettings.of(name),
        ]
        if let current = ctx.current { context["current"] = current.label }
        return context
    }

    func ask(_ command: RuntimeCommand, _ inv: Invocation, _ ctx: CommandContext, _ tx: any StoreReading) throws -> RuntimeProtocol.Answer {
        let name = manifest.name
        let records = try Self.records(command, inv, ctx, tx)
        let request = request("run", command, inv, ctx, state: try tx.pluginState(plugin: name), records: records)
        let data: Data
        do { data = try Self.exchange(path: path, request: request, timeout: timeout) } catch {
            throw Refusal(Message("plugin.failed", ["plugin": .text(name)]), problems: [Problem("plugin", error.said)])
        }
        do {
            try Self.checkVersion(data)
            let answer = try RuntimeProtocol.decode(RuntimeProtocol.Answer.self, from: data, shape: RuntimeProtocol.answerShape)
            if let table = answer.table {
                for (i, row) in table.rows.enumerated() where row.count != table.columns.count {
                    throw RuntimeFailure(Message("plugin.runtime.row_length", ["row": .int(i), "count": .int(table.columns.count)]))
                }
            }
            if let refusal = answer.refusal {
                // The plugin's own words: protocol 1 carries no codes, so they stay free text (code `text`).
                throw Refusal(refusal.message, problems: (refusal.problems ?? []).map { Problem($0.field ?? "", $0.text) })
            }
            if command.roles == nil, !(answer.commands ?? []).isEmpty || !(answer.state ?? [:]).isEmpty {
                throw RuntimeFailure(Message("plugin.runtime.commands_from_lookup", ["command": .text(command.name)]))
            }
            for key in (answer.state ?? [:]).keys where key.isEmpty || key.count > 200 {
                throw RuntimeFailure(Message("plugin.runtime.bad_state_key", ["key": .text(String(key.prefix(40)))]))
            }
            for (key, value) in answer.state ?? [:] where (value?.utf8.count ?? 0) > Self.maxStateValue {
                throw RuntimeFailure(Message("plugin.runtime.state_too_long", ["key": .text(String(key.prefix(40))), "kib": .int(Self.maxStateValue >> 10)]))
            }
            return answer
        } catch let failure as RuntimeFailure {
            throw Refusal(Message("plugin.answered_badly", ["plugin": .text(name)]), problems: [Problem("plugin", failure.said)])
        }
    }

    /// Typed reads for a run-time plugin: each positional that completes repair
    /// orders, vehicles or customers, as the record it names, masked for the
    /// signed-in role as the shell shows it to them (X4).
    static func records(_ command: RuntimeCommand, _ inv: Invocation, _ ctx: CommandContext, _ tx: any StoreReading) throws -> [String: Any] {
        let privacy = Privacy(role: ctx.role)
        let offset = ctx.settings.utcOffset
        func customer(_ c: Customer) -> [String: Any] {
            ["code": c.code, "name": c.name, "phone": privacy.phone(c.phone), "address": privacy.address(c.address) ?? NSNull()]
        }
        func vehicle(_ v: Vehicle) throws -> [String: Any] {
            var r: [String: Any] = ["plate": v.plate.value, "vin": v.vin.value, "model": v.model, "mileage": v.mileage]
            if let owner = try tx.customer(id: v.ownerID) { r["owner"] = customer(owner) }
            return r
        }
        var records: [String: Any] = [:]
        for p in command.positionals {
            guard let given = inv.positional(p.name)?.split(separator: " ").first.map(String.init) else { continue }
            switch p.completion {
            case .repairOrders:
                guard let o = try tx.repairOrder(number: given.uppercased()) else { continue }
                var r: [String: Any] = ["number": o.number, "status": o.status.rawValue, "advisor": o.advisor,
                                        "opened": o.openedAt.iso8601(in: offset), "complaint": privacy.scrub(o.complaint ?? "")]
                if let v = try tx.vehicle(id: o.vehicleID) { r["vehicle"] = try vehicle(v) }
                records[p.name] = r
            case .vehicles:
                if case .success(let v) = try References.findVehicle(given, tx) { records[p.name] = try vehicle(v) }
            case .customers:
                if case .success(let c) = try References.findCustomer(given, tx) { records[p.name] = customer(c) }
            default:
                continue
            }
        }
        return records
    }

    /// Does what the plugin answered, inside the command's transaction (nil for a lookup).
    func apply(_ command: RuntimeCommand, _ inv: Invocation, _ ctx: CommandContext, _ tx: (any StoreWriting)?) throws -> CommandOutput {
        let name = manifest.name
        guard let answer = inv.runtimeAnswer else {
            throw Refusal(Message("plugin.failed", ["plugin": .text(name)]), problems: [Problem("plugin", Message("plugin.runtime.not_asked"))])
        }
        var parts: [String] = []
        if let message = answer.message { parts.append(message) }
        if let tx {
            for (key, value) in (answer.state ?? [:]).sorted(by: { $0.key < $1.key }) {
                try tx.setPluginState(plugin: name, key: key, value: value, at: ctx.now)
            }
            if answer.notify == true, let session = ctx.runner?.session {
                // After the commit the state is as this command left it.
                var state = try tx.pluginState(plugin: name)
                for (key, value) in answer.state ?? [:] { state[key] = value }
                let request = request("committed", command, inv, ctx, state: state, records: try Self.records(command, inv, ctx, tx))
                let (path, timeout) = (path, timeout)
                session.afterCommit.append { _ = try? Self.exchange(path: path, request: request, timeout: timeout) }
            }
            let lines = answer.commands ?? []
            if !lines.isEmpty {
                guard let session = ctx.runner?.session else {
                    throw Refusal(Message("plugin.cannot_run_here", ["plugin": .text(name), "line": .text(lines[0])]),
                                  problems: [Problem("plugin", Message("plugin.commands_only_in_session"))])
                }
                for line in lines {
                    // Each command runs as the caller typed it: same role check, rules and audit.
                    let output = try PluginBlame.naming(name, line) { try session.runNested(line, ctx) }
                    if let text = output.messageText { parts.append(text) }
                }
            }
        }
        if let table = answer.table {
            let t = Self.table(table)
            if parts.isEmpty { return .table(t) }
            var r = Record()
            r.add("message", "", .text(parts.joined(separator: "\n")))
            r.add(section: "rows", "", t)
            return .record(r)
        }
        if let text = answer.text { parts.append(text) }
        return parts.isEmpty ? .nothing : .message(parts.joined(separator: "\n"), nil)
    }

    static func table(_ answer: RuntimeProtocol.TableAnswer) -> Table {
        var t = Table(columns: answer.columns.map { Column($0.key, $0.title ?? $0.key) }, emptyText: answer.empty ?? "(none)")
        for row in answer.rows {
            t.rows.append(row.map { cell in
                switch cell {
                case .text(let s): return .text(s)
                case .bool(let b): return .bool(b)
                case .int(let i): return .int(i)
                case .null: return .none
                }
            })
        }
        return t
    }

    /// Sends one request and returns the answer's bytes, within `timeout` seconds.
    static func exchange(path: String, request: [String: Any], timeout: Double,
                         environment: [String: String] = ProcessInfo.processInfo.environment) throws(RuntimeFailure) -> Data {
        guard let input = try? JSONSerialization.data(withJSONObject: request, options: [.sortedKeys]) else {
            throw RuntimeFailure(Message("plugin.runtime.request_not_json"))
        }
        let finished: PluginProcess.Finished
        do throws(PluginProcess.Stop) {
            finished = try PluginProcess.run(path: path, input: input + Data("\n".utf8),
                                             environment: PluginProcess.environment(environment, protocolVersion: protocolVersion, language: language),
                                             timeout: timeout, maxOutput: maxOutput)
        } catch {
            switch error {
            case .cannotStart(let why): throw RuntimeFailure(Message("plugin.runtime.cannot_start", ["path": .text(path), "error": .text(why)]))
            case .timedOut: throw RuntimeFailure(Message("plugin.runtime.timed_out", ["seconds": .text(formatSeconds(timeout))]))
            case .interrupted: throw RuntimeFailure(Message("plugin.runtime.interrupted"))
            case .tooMuchOutput: throw RuntimeFailure(Message("plugin.runtime.too_much_output", ["megabytes": .int(maxOutput >> 20)]))
            }
        }
        // What the plugin printed on standard error, after a colon, tells its author why.
        let errText = String(decoding: finished.err.prefix(500), as: UTF8.self).trimmingWhitespace()
        let said = errText.isEmpty ? MessageArgument.text("") : .message(Message("plugin.runtime.printed", ["text": .text(errText)]))
        if let signal = finished.signal {
            throw RuntimeFailure(Message("plugin.runtime.crashed", ["signal": .int(Int(signal)), "printed": said]))
        }
        if let status = finished.status, status != 0 {
            throw RuntimeFailure(Message("plugin.runtime.exited", ["status": .int(Int(status)), "printed": said]))
        }
        return finished.out
    }

    static func formatSeconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}

/// What went wrong talking to a run-time plugin, said for its author.
struct RuntimeFailure: Error {
    var said: Message
    init(_ said: Message) { self.said = said }
    /// In English.
    var message: String { said.description }
}

