import LaneCore
import LaneStore

/// What a command does with the records. The shell opens the command's one
/// transaction through the application layer; the command calls the desks'
/// operations (`ctx.desks`), which join it, so a refusal always rolls
/// everything back. A command never holds the transaction itself.
public enum CommandAction: Sendable {
    /// Looks things up: one read transaction, no audit row.
    case lookup(@Sendable (Invocation, CommandContext) throws -> CommandOutput)
    /// Changes records: one write transaction, one audit row, the plugins told after it.
    case change(@Sendable (Invocation, CommandContext) throws -> CommandOutput)
    /// Meta commands work on the session itself (`set`, `use`, `source`).
    case session(@Sendable (Invocation, ShellSession) throws -> CommandOutput)
}

/// One command: the single description that drives parsing, help and completion.
public struct CommandSpec: Sendable {
    public var noun: String
    /// Nil for stand-alone meta commands (`help`, `quit`).
    public var verb: String?
    public var summary: String
    public var discussion: String
    public var positionals: [PositionalSpec]
    public var options: [OptionSpec]
    public var examples: [String]
    public var action: CommandAction
    /// Set for a plugin's command: who may run it (built-ins are listed in `CommandPermissions`).
    public var pluginRoles: Set<StaffRole>?
    /// The plugin that added the command, for `help` and `plugin info`.
    public var plugin: String?
    /// Options whose value may be left out (`report kpi --month`: this month); such an option then holds "".
    public var optionalValues: Set<String> = []
    /// Runs before the action's transaction, in a read transaction of its own,
    /// and returns the invocation the action runs with: a plugin's interview
    /// asks the person at the terminal here, so no write waits on them.
    public var prepare: (@Sendable (Invocation, CommandContext, any StoreReading) throws -> Invocation)?
    /// The arguments of the discussion's words (`help.discussion.…`), built when
    /// help is shown, in the reader's language: `store set` lists the settings
    /// from their one table (`StoreSettings.settingKeys`).
    public var discussionArguments: (@Sendable () -> [String: MessageArgument])?

    public init(noun: String, verb: String?, summary: String, discussion: String = "", positionals: [PositionalSpec] = [],
                options: [OptionSpec] = [], examples: [String] = [], action: CommandAction) {
        self.noun = noun
        self.verb = verb
        self.summary = summary
        self.discussion = discussion
        self.positionals = positionals
        self.options = options
        self.examples = examples
        self.action = action
    }

    public var name: String { verb.map { "\(noun) \($0)" } ?? noun }

    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

    /// `customer add --name NAME --phone PHONE [--address TEXT]`
    public var usage: String {
        var parts = [name]
        for p in positionals {
            let shown = p.name.uppercased()
            parts.append(p.isOptional || p.current != nil ? "[\(shown)]" : shown)
        }
        for o in options {
            let text = o.valueName.map { "--\(o.name) \($0)" } ?? "--\(o.name)"
            parts.append(o.isRequired ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }
}

/// A parsed command line, checked against its spec.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let positionals: [String: String]
    public let options: [String: String]
    public let switches: Set<String>
    /// The line as typed, for the record.
    public let line: String
    /// A run-time plugin's answer, asked before the command's transaction opened.
    var runtimeAnswer: RuntimeProtocol.Answer?

    public func positional(_ name: String) -> String? { positionals[name] }

    /// X4: the values typed in arguments that hold personal data (see
    /// `PersonalData.of`): the audit trail keeps them apart from its row.
    public var personalValues: [PersonalValue] {
        var values: [PersonalValue] = []
        for p in spec.positionals { if let kind = p.personal, let v = positionals[p.name], !v.isEmpty { values.append(PersonalValue(kind, v)) } }
        for o in spec.options { if let kind = o.personal, let v = options[o.name], !v.isEmpty { values.append(PersonalValue(kind, v)) } }
        return values
    }
    public func option(_ name: String) -> String? { options[name] }
    public func flag(_ name: String) -> Bool { switches.contains(name) }

    /// Parses `words` (after the noun and verb) against `spec`. Every usage
    /// problem is collected and reported together.
    static func parse(_ words: [String], spec: CommandSpec, line: String, current: CurrentObject?) throws(UsageError) -> Invocation {
        var problems: [Message] = []
        var options: [String: String] = [:]
        var switches: Set<String> = []
        var loose: [String] = []
        var i = 0
        var onlyPositionals = false
        // Control characters never reach the records: a NUL would be cut by
        // the database while the audit hash covers it, and an ESC would
        // drive the next reader's terminal.
        for word in words {
            if let bad = word.unicodeScalars.first(where: TerminalSafe.isUnsafe) {
                problems.append(Message("usage.control_character", ["word": .text(TerminalSafe.escape(word)),
                                                                    "character": .text(TerminalSafe.escape(String(bad)))]))
            }
        }
        while i < words.count {
            let word = words[i]
            i += 1
            if onlyPositionals || !word.hasPrefix("--") || word == "-" {
                if word == "--" && !onlyPositionals { onlyPositionals = true; continue }
                loose.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = spec.option(named: name) else {
                let known = spec.options.map { MessageArgument.text("--\($0.name)") }
                let takes = known.isEmpty ? Message("usage.takes_no_options", ["command": .text(spec.name)])
                    : Message("usage.takes_options", ["command": .text(spec.name), "options": .list(known)])
                if let meant = Spelling.closest(to: name, among: spec.options.map(\.name)) {
                    problems.append(Message("usage.unknown_option_meant", ["option": .text(name), "suggestion": .text(meant), "takes": .message(takes)]))
                } else {
                    problems.append(Message("usage.unknown_option", ["option": .text(name), "takes": .message(takes)]))
                }
                continue
            }
            // A repeated option would silently take its last value (`--amount 1 --amount 253.12`).
            if switches.contains(name) || options[name] != nil {
                problems.append(Message("usage.repeated_option", ["option": .text(name)]))
            }
            if option.isSwitch {
                if inlineValue != nil { problems.append(Message("usage.switch_with_value", ["option": .text(name)])) }
                switches.insert(name)
            } else if let v = inlineValue {
                options[name] = options[name] ?? v
            } else if spec.optionalValues.contains(name), i >= words.count || words[i].hasPrefix("--") {
                options[name] = options[name] ?? ""
            } else if i < words.count {
                options[name] = options[name] ?? words[i]
                i += 1
            } else {
                problems.append(Message("usage.needs_value", ["option": .text(name), "value": .text(option.valueName ?? "VALUE")]))
            }
        }
        var positionals: [String: String] = [:]
        var queue = loose[...]
        // Fewer words than required positionals: the current object fills
        // the positionals it can, leftmost first (`ro labor BRK-PAD-F` with an order in use).
        var missing = spec.positionals.filter { !$0.isOptional }.count - loose.count
        // A word taken by a positional that the current object could have filled.
        var takenForCurrent: (name: String, word: String)?
        for p in spec.positionals {
            if missing > 0, let kind = p.current, let current, let ref = current.reference(for: kind) {
                positionals[p.name] = ref
                missing -= 1
            } else if let word = queue.first {
                // A word that cannot be this positional's current-object kind still fills it; resolution says what is wrong.
                positionals[p.name] = word
                queue = queue.dropFirst()
                if p.current != nil { takenForCurrent = (p.name.uppercased(), word) }
            } else if let kind = p.current, let current, let ref = current.reference(for: kind) {
                positionals[p.name] = ref
            } else if !p.isOptional {
                let orUse = p.current.map { _ in MessageArgument.message(Message("usage.hint.or_use")) } ?? .text("")
                let readAs = takenForCurrent.map { MessageArgument.message(Message("usage.hint.read_as", ["word": .text($0.word), "name": .text($0.name)])) }
                problems.append(Message("usage.missing_argument", ["name": .text(p.name.uppercased()), "help": HelpText.argument(spec, p.name.lowercased(), p.help),
                                                                   "or_use": orUse, "read_as": readAs ?? .text("")]))
            }
        }
        if !queue.isEmpty {
            problems.append(Message("usage.unexpected", ["words": .text(queue.map { "'\($0)'" }.joined(separator: " "))]))
        }
        for o in spec.options where o.isRequired && options[o.name] == nil {
            problems.append(Message("usage.option_required", ["option": .text(o.name), "value": .text(o.valueName ?? ""), "help": HelpText.argument(spec, o.name, o.help)]))
        }
        if let first = problems.first {
            throw UsageError(command: spec.name, usage: spec.usage, first, more: Array(problems.dropFirst()))
        }
        return Invocation(spec: spec, positionals: positionals, options: options, switches: switches, line: line)
    }
}
