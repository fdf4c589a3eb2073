import Foundation
import LaneCore
import LaneStore

/// A run-time plugin: an executable `lane-NAME` in the plugin folder that
/// speaks the JSON protocol of docs/plugins.md, one process per request.
/// Whatever it does (crash, hang, garbage) becomes a refusal of the one
/// command; the shell goes on.
public struct RuntimePlugin: Sendable {
    /// The protocol versions this shell speaks.
    public static let protocolVersion = 1
    /// Seconds a plugin may take to answer; `LANE_PLUGIN_TIMEOUT` changes it.
    public static let defaultTimeout = 5.0
    /// The most a plugin may print (a runaway plugin must not fill memory).
    static let maxOutput = 4 << 20

    public let path: String
    public let manifest: PluginManifest
    let commands: [RuntimeCommand]
    let timeout: Double

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
    }

    /// The default folder: `$LANE_PLUGINS`, else `plugins/` beside the default database.
    static func defaultDirectory(environment: [String: String], dataDirectory: String) -> String {
        if let dir = environment["LANE_PLUGINS"], !dir.isEmpty { return dir }
        return dataDirectory + "/plugins"
    }

    /// Every `lane-NAME` executable in `directory`, asked for its commands.
    static func discover(in directory: String, timeout: Double, handshakeTimeout: Double) -> [Result<RuntimePlugin, Failure>] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix("lane-") && $0.count > 5 }.sorted().compactMap { file in
            let path = directory + "/" + file
            guard fm.isExecutableFile(atPath: path) else { return nil }
            let name = String(file.dropFirst(5))
            do {
                return .success(try handshake(path: path, name: name, timeout: handshakeTimeout, runTimeout: timeout))
            } catch let error as RuntimeFailure {
                return .failure(Failure(name: name, path: path, message: error.message))
            } catch {
                return .failure(Failure(name: name, path: path, message: String(describing: error)))
            }
        }
    }

    static func handshake(path: String, name: String, timeout: Double, runTimeout: Double) throws(RuntimeFailure) -> RuntimePlugin {
        let answer = try exchange(path: path, name: name, request: ["protocol": protocolVersion, "request": "describe"], timeout: timeout)
        let reader = JSONReader(answer, plugin: name)
        let m = PluginManifest(name: try reader.string("name"), version: try reader.string("version"), summary: try reader.string("summary"),
                               nouns: try reader.optionalDictionary("nouns") ?? [:])
        guard m.name == name else {
            throw RuntimeFailure(Message("plugin.runtime.wrong_name", ["said": .text(m.name), "file": .text("lane-\(name)")]))
        }
        var commands: [RuntimeCommand] = []
        for (i, c) in try reader.array("commands").enumerated() {
            let r = JSONReader(c, plugin: name, path: "commands[\(i)]")
            var roles: Set<StaffRole>?
            if try r.optionalBool("changes") == true {
                roles = []
                for text in try r.optionalStrings("roles") ?? [] {
                    guard let role = StaffRole(rawValue: text) else {
                        throw RuntimeFailure(Message("plugin.runtime.not_a_role", ["field": .text("commands[\(i)].roles"), "given": .text(text),
                                                                                   "roles": .list(StaffRole.allCases.map { .text($0.rawValue) })]))
                    }
                    roles?.insert(role)
                }
            }
            var positionals: [PositionalSpec] = []
            for (j, p) in (try r.optionalArray("positionals") ?? []).enumerated() {
                let pr = JSONReader(p, plugin: name, path: "commands[\(i)].positionals[\(j)]")
                let current: CurrentKind?
                switch try pr.optionalString("current") {
                case nil: current = nil
                case "customer": current = .customer
                case "vehicle": current = .vehicle
                case "repair_order": current = .repairOrder
                case let other?:
                    throw RuntimeFailure(Message("plugin.runtime.not_a_current_kind", ["field": .text("commands[\(i)].positionals[\(j)].current"),
                                                                                       "given": .text(other)]))
                }
                positionals.append(PositionalSpec(try pr.string("name"), try pr.optionalString("help") ?? "", completion: completion(try pr.optionalString("completion")),
                                                  optional: try pr.optionalBool("optional") ?? false, current: current))
            }
            var options: [OptionSpec] = []
            for (j, o) in (try r.optionalArray("options") ?? []).enumerated() {
                let or = JSONReader(o, plugin: name, path: "commands[\(i)].options[\(j)]")
                options.append(OptionSpec(try or.string("name"), value: try or.optionalString("value"), try or.optionalString("help") ?? "",
                                          completion: completion(try or.optionalString("completion")), required: try or.optionalBool("required") ?? false))
            }
            commands.append(RuntimeCommand(noun: try r.string("noun"), verb: try r.string("verb"), summary: try r.string("summary"),
                                           discussion: try r.optionalString("discussion") ?? "", positionals: positionals, options: options,
                                           examples: try r.optionalStrings("examples") ?? [], roles: roles))
        }
        return RuntimePlugin(path: path, manifest: m, commands: commands, timeout: runTimeout)
    }

    static func completion(_ name: String?) -> CompletionSource {
        switch name {
        case "customers": return .customers
        case "vehicles": return .vehicles
        case "staff": return .staff
        case "parts": return .parts
        case "repair_orders": return .repairOrders
        case "appointments": return .appointments
        case "files": return .files
        default: return .none
        }
    }

    /// The command as the shell runs it: the plugin is asked, and the shell
    /// commands it returns run as the caller, in this command's transaction.
    func spec(for command: RuntimeCommand) -> CommandSpec {
        let plugin = self
        let action: CommandAction
        if command.roles != nil {
            action = .write { inv, ctx, tx in try plugin.invoke(command, inv, ctx, tx) }
        } else {
            action = .read { inv, ctx, _ in try plugin.invoke(command, inv, ctx, nil) }
        }
        var spec = CommandSpec(noun: command.noun, verb: command.verb, summary: command.summary, discussion: command.discussion,
                               positionals: command.positionals, options: command.options, examples: command.examples, action: action)
        spec.pluginRoles = command.roles ?? Set(StaffRole.allCases)
        spec.plugin = manifest.name
        return spec
    }

    func invoke(_ command: RuntimeCommand, _ inv: Invocation, _ ctx: CommandContext, _ tx: (any StoreWriting)?) throws -> CommandOutput {
        var context: [String: Any] = [
            "user": ctx.user, "role": ctx.role?.rawValue ?? NSNull(), "now": ctx.now.iso8601(in: ctx.settings.utcOffset),
            "today": ctx.today.description, "store": ctx.settings.code,
        ]
        if let current = ctx.current { context["current"] = current.label }
        let request: [String: Any] = [
            "protocol": Self.protocolVersion, "request": "run", "command": command.name,
            "arguments": ["positionals": inv.positionals, "options": inv.options, "switches": inv.switches.sorted()],
            "context": context,
        ]
        let name = manifest.name
        let answer: [String: Any]
        do { answer = try Self.exchange(path: path, name: name, request: request, timeout: timeout) } catch {
            throw Refusal(Message("plugin.failed", ["plugin": .text(name)]), problems: [Problem("plugin", error.said)])
        }
        let reader = JSONReader(answer, plugin: name)
        do {
            if let refusal = try reader.optionalObject("refusal") {
                // The plugin's own words: protocol 1 carries no codes, so they stay free text (code `text`).
                let r = JSONReader(refusal, plugin: name, path: "refusal")
                var problems: [Problem] = []
                for (i, p) in (try r.optionalArray("problems") ?? []).enumerated() {
                    let pr = JSONReader(p, plugin: name, path: "refusal.problems[\(i)]")
                    problems.append(Problem(try pr.optionalString("field") ?? "", try pr.string("text")))
                }
                throw Refusal(try r.string("message"), problems: problems)
            }
            var parts: [String] = []
            if let message = try reader.optionalString("message") { parts.append(message) }
            let lines = try reader.optionalStrings("commands") ?? []
            if !lines.isEmpty {
                guard let tx, let session = ctx.runner?.session else {
                    throw RuntimeFailure(Message("plugin.runtime.commands_from_lookup", ["command": .text(command.name)]))
                }
                for line in lines {
                    // Each command runs as the caller typed it: same role check, rules and audit.
                    let output = try session.runNested(line, ctx, tx)
                    if let text = output.messageText { parts.append(text) }
                }
            }
            if let table = try reader.optionalObject("table") {
                let t = try Self.table(JSONReader(table, plugin: name, path: "table"))
                if parts.isEmpty { return .table(t) }
                var r = Record()
                r.add("message", "", .text(parts.joined(separator: "\n")))
                r.add(section: "rows", "", t)
                return .record(r)
            }
            if let text = try reader.optionalString("text") { parts.append(text) }
            return parts.isEmpty ? .nothing : .message(parts.joined(separator: "\n"), nil)
        } catch let error as RuntimeFailure {
            throw Refusal(Message("plugin.answered_badly", ["plugin": .text(name)]), problems: [Problem("plugin", error.said)])
        }
    }

    static func table(_ r: JSONReader) throws(RuntimeFailure) -> Table {
        var columns: [Column] = []
        for (i, c) in try r.array("columns").enumerated() {
            let cr = JSONReader(c, plugin: r.plugin, path: "table.columns[\(i)]")
            let key = try cr.string("key")
            columns.append(Column(key, try cr.optionalString("title") ?? key))
        }
        var t = Table(columns: columns, emptyText: try r.optionalString("empty") ?? "(none)")
        for (i, row) in try r.array("rows").enumerated() {
            guard let cells = row as? [Any], cells.count == columns.count else {
                throw RuntimeFailure(Message("plugin.runtime.row_length", ["row": .int(i), "count": .int(columns.count)]))
            }
            t.rows.append(cells.map { cell in
                switch cell {
                case let s as String: return .text(s)
                case let n as NSNumber where JSONReader.isBoolean(n): return .bool(n.boolValue)
                case let n as NSNumber: return .int(n.intValue)
                default: return .none
                }
            })
        }
        return t
    }

    /// Sends one request and reads one answer, within `timeout` seconds.
    static func exchange(path: String, name: String, request: [String: Any], timeout: Double) throws(RuntimeFailure) -> [String: Any] {
        guard let input = try? JSONSerialization.data(withJSONObject: request, options: [.sortedKeys]) else {
            throw RuntimeFailure(Message("plugin.runtime.request_not_json"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = []
        var environment = ProcessInfo.processInfo.environment
        environment["LANE_PROTOCOL"] = String(protocolVersion)
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw RuntimeFailure(Message("plugin.runtime.cannot_start", ["path": .text(path), "error": .text(error.localizedDescription)]))
        }
        let output = PipeDrain(stdout.fileHandleForReading), errors = PipeDrain(stderr.fileHandleForReading)
        // A plugin that never reads its input must not block the shell: write on a thread of its own
        // (not Dispatch's shared pool, which a few blocked reads can starve on two cores).
        let writer = Thread {
            stdin.fileHandleForWriting.write(input + Data("\n".utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        // Wait in short steps, so Ctrl-C at the terminal stops a slow plugin
        // (the command's transaction then rolls back: nothing is stored).
        let deadline = DispatchTime.now() + timeout
        func stop() {
            process.terminate()
            if finished.wait(timeout: .now() + 1) == .timedOut { kill(process.processIdentifier, SIGKILL) }
        }
        while finished.wait(timeout: min(deadline, .now() + 0.1)) == .timedOut {
            if Terminal.interruptPending {
                stop()
                throw RuntimeFailure(Message("terminal.command_stopped"))
            }
            if DispatchTime.now() >= deadline {
                stop()
                throw RuntimeFailure(Message("plugin.runtime.timed_out", ["seconds": .text(formatSeconds(timeout))]))
            }
        }
        let out = output.finish(), err = errors.finish()
        // What the plugin printed on standard error, after a colon, tells its author why.
        let errText = String(decoding: err.prefix(500), as: UTF8.self).trimmingWhitespace()
        let said = errText.isEmpty ? MessageArgument.text("") : .message(Message("plugin.runtime.printed", ["text": .text(errText)]))
        if process.terminationReason == .uncaughtSignal {
            throw RuntimeFailure(Message("plugin.runtime.crashed", ["signal": .int(Int(process.terminationStatus)), "printed": said]))
        }
        if process.terminationStatus != 0 {
            throw RuntimeFailure(Message("plugin.runtime.exited", ["status": .int(Int(process.terminationStatus)), "printed": said]))
        }
        if out.count > maxOutput { throw RuntimeFailure(Message("plugin.runtime.too_much_output", ["megabytes": .int(maxOutput >> 20)])) }
        guard let object = try? JSONSerialization.jsonObject(with: out), let answer = object as? [String: Any] else {
            let start = String(decoding: out.prefix(80), as: UTF8.self)
            let printed = start.isEmpty ? Message("plugin.runtime.printed_nothing") : Message("plugin.runtime.printed", ["text": .text(start)])
            throw RuntimeFailure(Message("plugin.runtime.not_json", ["printed": .message(printed)]))
        }
        guard let version = answer["protocol"] as? Int else { throw RuntimeFailure(Message("plugin.runtime.no_protocol", ["version": .int(protocolVersion)])) }
        guard version == protocolVersion else {
            throw RuntimeFailure(Message("plugin.runtime.protocol", ["theirs": .int(version), "ours": .int(protocolVersion)]))
        }
        return answer
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

/// Reads a pipe to its end on a background thread, so a chatty plugin never
/// blocks on a full pipe while the shell waits for it.
private final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private let handle: FileHandle

    init(_ handle: FileHandle) {
        self.handle = handle
        let reader = Thread { [self] in
            while true {
                let chunk = handle.availableData
                let full = lock.withLock { () -> Bool in
                    data.append(chunk)
                    return data.count > RuntimePlugin.maxOutput
                }
                if chunk.isEmpty || full { break }
            }
            done.signal()
        }
        reader.start()
    }

    func finish() -> Data {
        // A child the plugin left running may hold the pipe open: do not wait for it forever.
        _ = done.wait(timeout: .now() + 1)
        return lock.withLock { data }
    }
}

/// Typed access to a plugin's JSON, with errors that name the field.
struct JSONReader {
    let object: [String: Any]
    let plugin: String
    let path: String

    init(_ value: Any, plugin: String, path: String = "") {
        object = value as? [String: Any] ?? [:]
        self.plugin = plugin
        self.path = path
    }

    /// JSON's true and false arrive as NSNumbers of the C type `char`.
    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    private func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The field `key` (with its path) is missing or of the wrong type.
    private func failure(_ said: Message, _ key: String) -> RuntimeFailure {
        var said = said
        said.arguments["field"] = .text(field(key))
        return RuntimeFailure(said)
    }

    func string(_ key: String) throws(RuntimeFailure) -> String {
        guard let s = try optionalString(key), !s.isEmpty else { throw failure(Message("plugin.json.missing_string"), key) }
        return s
    }
    func optionalString(_ key: String) throws(RuntimeFailure) -> String? {
        guard let v = object[key], !(v is NSNull) else { return nil }
        guard let s = v as? String else { throw failure(Message("plugin.json.not_a_string"), key) }
        return s
    }
    func optionalBool(_ key: String) throws(RuntimeFailure) -> Bool? {
        guard let v = object[key], !(v is NSNull) else { return nil }
        guard let n = v as? NSNumber, Self.isBoolean(n) else { throw failure(Message("plugin.json.not_a_bool"), key) }
        return n.boolValue
    }
    func array(_ key: String) throws(RuntimeFailure) -> [Any] {
        guard let a = try optionalArray(key) else { throw failure(Message("plugin.json.missing_list"), key) }
        return a
    }
    func optionalArray(_ key: String) throws(RuntimeFailure) -> [Any]? {
        guard let v = object[key], !(v is NSNull) else { return nil }
        guard let a = v as? [Any] else { throw failure(Message("plugin.json.not_a_list"), key) }
        return a
    }
    func optionalStrings(_ key: String) throws(RuntimeFailure) -> [String]? {
        guard let a = try optionalArray(key) else { return nil }
        guard let s = a as? [String] else { throw failure(Message("plugin.json.not_strings"), key) }
        return s
    }
    func optionalObject(_ key: String) throws(RuntimeFailure) -> [String: Any]? {
        guard let v = object[key], !(v is NSNull) else { return nil }
        guard let o = v as? [String: Any] else { throw failure(Message("plugin.json.not_an_object"), key) }
        return o
    }
    func optionalDictionary(_ key: String) throws(RuntimeFailure) -> [String: String]? {
        guard let o = try optionalObject(key) else { return nil }
        guard let d = o as? [String: String] else { throw failure(Message("plugin.json.not_a_string_map"), key) }
        return d
    }
}
