import Foundation
import LaneCore
import LaneStore

/// The shell's own commands: they stand alone, without a verb.
enum MetaCommands {
    static func register(into registry: inout CommandRegistry) throws {
        for spec in [help, history, set, source, use, whoami, clock, quit] { try registry.register(spec) }
    }

    static let help = CommandSpec(
        noun: "help", verb: nil, summary: "List commands, or explain one: help NOUN [VERB]",
        positionals: [PositionalSpec("noun", "A command noun, workflow (a visit step by step) or a word to look for", completion: .commands, optional: true),
                      PositionalSpec("verb", "One of its verbs", optional: true)],
        examples: ["help", "help customer", "help vehicle add", "help workflow", "help 刹车"],
        action: .session { inv, session in
            let registry = session.registry
            guard let noun = inv.positional("noun") else { return .text(HelpText.overview(registry)) }
            if let verb = inv.positional("verb") {
                guard let spec = registry.command(noun: noun, verb: verb) else {
                    throw UsageError(Message("usage.no_such_command_verb", ["noun": .text(noun), "verb": .text(verb)]))
                }
                return .text(HelpText.command(spec))
            }
            if let meta = registry.metaCommand(noun) { return .text(HelpText.command(meta)) }
            if let text = HelpText.noun(noun, registry) { return .text(text) }
            if noun == "workflow" { return .text(HelpGuide.workflow) }
            if let found = HelpGuide.search(noun, session) { return .text(found) }
            let hint = CommandRegistry.suggestion(for: noun, among: registry.nounNames + registry.metaNames)
                .map { MessageArgument.message(Message("usage.did_you_mean_then", ["suggestion": .text($0)])) } ?? .text("")
            throw UsageError(Message("usage.no_such_command", ["noun": .text(noun), "hint": hint]))
        })

    static let history = CommandSpec(
        noun: "history", verb: nil, summary: "The lines entered so far (on a terminal, kept across sessions)",
        options: [OptionSpec("last", value: "N", "Only the last N lines")],
        action: .session { inv, session in
            var lines = session.history
            if let text = inv.option("last") {
                guard let n = Int(text), n > 0 else {
                    throw Refusal(Message("session.cannot_show_history"), problems: [Problem("last", Message("session.not_a_count", ["given": .text(text)]))])
                }
                lines = Array(lines.suffix(n))
            }
            let start = session.history.count - lines.count
            var t = Table(columns: [Column("number", "#"), Column("line", "line")])
            for (i, line) in lines.enumerated() { t.rows.append([.int(start + i + 1), .text(line)]) }
            return .table(t)
        })

    static let set = CommandSpec(
        noun: "set", verb: nil, summary: "Show or change a session setting: set [NAME VALUE]",
        discussion: "Settings: format (table, json, csv), on-error (stop, continue), color (on, off), user (who is recording), pager (on, off), expanded (on, off, auto), lang (zh, en: the language of this shell; the store's store.language otherwise).",
        positionals: [PositionalSpec("name", "Setting name", completion: .choices(["format", "on-error", "color", "user", "pager", "expanded", "lang"]), optional: true),
                      PositionalSpec("value", "New value", optional: true)],
        examples: ["set format json", "set on-error continue"],
        action: .session { inv, session in
            guard let name = inv.positional("name") else {
                var t = Table(columns: [Column("name", "setting"), Column("value", "value")])
                t.rows = [[.text("format"), .text(session.format.rawValue)], [.text("on-error"), .text(session.onError.rawValue)],
                          [.text("color"), .text(session.color ? "on" : "off")], [.text("user"), .text(session.user)],
                          [.text("pager"), .text(session.pagerOn ? "on" : "off")], [.text("expanded"), .text(session.expanded.rawValue)],
                          [.text("lang"), .text(session.language.rawValue)]]
                return .table(t)
            }
            guard let value = inv.positional("value") else { throw UsageError(Message("usage.set_needs_value", ["name": .text(name)])) }
            switch name {
            case "format":
                guard let f = OutputFormat(rawValue: value) else { throw UsageError(Message("usage.format_choices")) }
                session.format = f
            case "on-error":
                guard let p = ErrorPolicy(rawValue: value) else { throw UsageError(Message("usage.on_error_choices")) }
                session.onError = p
            case "color":
                guard value == "on" || value == "off" else { throw UsageError(Message("usage.color_choices")) }
                session.color = value == "on"
            case "user":
                // The same as `login`: on the staff list, and the PIN when they have one.
                try session.signIn(value)
            case "pager":
                guard value == "on" || value == "off" else { throw UsageError(Message("usage.pager_choices")) }
                session.pagerOn = value == "on"
            case "expanded":
                guard let mode = ExpandedMode(rawValue: value) else { throw UsageError(Message("usage.expanded_choices")) }
                session.expanded = mode
            case "lang":
                guard let language = InterfaceLanguage(parsing: value) else {
                    throw UsageError(Message("settings.not_a_language", ["given": .text(value)]))
                }
                session.languageChoice = language
            default:
                throw UsageError(Message("usage.unknown_setting", ["name": .text(name)]))
            }
            return .message(Message("session.set_to", ["name": .text(name), "value": .text(value)]).description, nil)
        })

    /// Scripts sourcing scripts: deeper than this is a loop, not a plan.
    static let maxSourceDepth = 16

    static let source = CommandSpec(
        noun: "source", verb: nil, summary: "Run the commands in a file, as if typed",
        discussion: "Errors name the file and line; the session's on-error setting decides whether the file goes on after one.",
        positionals: [PositionalSpec("file", "Script file", completion: .files)],
        examples: ["source morning.lane"],
        action: .session { inv, session in
            let path = inv.positional("file") ?? ""
            guard session.sourceDepth < maxSourceDepth else {
                throw Refusal(Message("session.cannot_source", ["file": .text(path)]),
                              problems: [Problem("file", Message("session.source_too_deep", ["max": .int(maxSourceDepth)]))])
            }
            // As bytes: a line that is not UTF-8 is refused with its line and byte, the lines before it run.
            let (bytes, name) = try Importer.readBytes(path, relativeTo: session.workingDirectory)
            let reader = ByteLineReader(bytes)
            session.sourceDepth += 1
            let wasInteractive = session.isInteractive
            session.isInteractive = false
            defer {
                session.sourceDepth -= 1
                session.isInteractive = wasInteractive
            }
            let code = session.runScript(lines: { reader.readScriptLine() }, name: name)
            if code != .ok { throw SourcedScriptFailed(code: code, file: name) }
            return .nothing
        })

    static let use = CommandSpec(
        noun: "use", verb: nil, summary: "Make a repair order, vehicle or customer current; later commands may leave it out",
        discussion: "`use` alone shows what is current; `use none` clears it. The prompt shows the current object.",
        positionals: [PositionalSpec("ref", "Repair order, plate, VIN, customer code, mobile number or name; or none", completion: .vehiclesAndCustomers, optional: true)],
        examples: ["use 粤B12345", "use C0007", "use none"],
        action: .session { inv, session in
            guard let ref = inv.positional("ref") else {
                return .message((session.current.map { Message("session.current_is", ["current": .text($0.label)]) } ?? Message("session.nothing_current")).description, nil)
            }
            if ref == "none" {
                session.current = nil
                return .message(Message("session.nothing_current").description, nil)
            }
            let found: CurrentObject
            switch try session.lookup("use", inv, { ctx in try ctx.desks.repairOrders.current(ref, by: ctx.caller(inv.line)) }) {
            case .repairOrder(let number, let plate, let owner): found = .repairOrder(number: number, plate: plate, ownerCode: owner)
            case .vehicle(let plate, let owner): found = .vehicle(plate: plate, ownerCode: owner)
            case .customer(let code, let name): found = .customer(code: code, name: name)
            }
            session.current = found
            return .message(Message("session.using", ["current": .text(found.label)]).description, nil)
        })

    static let whoami = CommandSpec(
        noun: "whoami", verb: nil, summary: "Who is signed in, at which store, on which database",
        action: .session { inv, session in
            let settings = try session.settings()
            let member = try session.lookup("whoami", inv) { ctx in try ctx.desks.setup.staffMember(named: session.user, by: ctx.caller(inv.line)) }
            var r = Record()
            r.add("user", "user", .text(session.user))
            r.add("role", "role", .optional(member.map { "\($0.role.rawValue) \($0.role.title)" }))
            r.add("team", "team", .optional(member?.team))
            // A shell open as someone who has since left says so (every command but the lookups open to all refuses them).
            if let left = member?.leftAt { r.add("left_at", "left", .time(left)) }
            r.add("store", "store", .text(settings.name))
            r.add("database", "database", .text(session.store.location))
            r.add("now", "session time", .time(session.clock.now()))
            return .record(r)
        })

    static let clock = CommandSpec(
        noun: "clock", verb: nil, summary: "Show the session time; fix it, or move it on (demos, tests, training)",
        discussion: """
            `clock` shows the time every command records. `clock set 2026-11-23T09:00` fixes it, `clock advance 90m` \
            (or 2h, 1d) moves a fixed clock on, `clock system` goes back to the real time. `--now`/LANE_NOW fix it at start.
            """,
        positionals: [PositionalSpec("action", "set, advance or system", completion: .choices(["set", "advance", "system"]), optional: true),
                      PositionalSpec("value", "A time (set) or a duration (advance)", optional: true)],
        examples: ["clock", "clock set 2026-11-23T09:00", "clock advance 2h"],
        action: .session { inv, session in
            let offset = try session.settings().utcOffset
            let before = session.clock.now()
            var next: (any LaneClock)?
            switch inv.positional("action") {
            case nil: break
            case "set":
                guard let text = inv.positional("value"), let t = Timestamp(parsing: text, defaultOffset: offset) else {
                    throw UsageError(Message("usage.clock_set_needs_time"))
                }
                next = FixedClock(t)
            case "advance":
                guard let text = inv.positional("value"), let seconds = ClockRule.seconds(text) else {
                    throw UsageError(Message("usage.clock_advance_needs_duration"))
                }
                next = FixedClock(before.adding(seconds: seconds))
            case "system":
                next = SystemClock()
            case let other?:
                throw UsageError(Message("usage.clock_action", ["given": .text(other)]))
            }
            if let next {
                // The change is audited at the real time, whatever the session's clock says.
                var ctx = try session.context()
                ctx.now = SystemClock().now()
                try ClockDesk(session.department).change(inv.positional("action") ?? "", from: before, to: next.now(), by: ctx.caller(inv.line))
                session.clock = next
            }
            let now = session.clock.now()
            var r = Record()
            r.add("now", "now", .time(now))
            r.add("fixed", "fixed", .bool(!(session.clock is SystemClock)))
            r.add("weekday", "weekday", .text(MessageCatalog.current.word("weekday", String(now.date(in: offset).weekday))))
            return .record(r)
        })

    static let quit = CommandSpec(
        noun: "quit", verb: nil, summary: "Leave the shell (Ctrl-D does too)",
        action: .session { _, _ in throw QuitRequest() })
}

/// A sourced script failed; its own lines were already reported.
struct SourcedScriptFailed: Error, CustomStringConvertible {
    var code: ExitCode
    var file: String
    var description: String { "\(file) stopped at an error (see above)" }
}

/// The computer's clock, for real work.
public struct SystemClock: LaneClock {
    public init() {}
    public func now() -> Timestamp { Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)) }
}
