import LaneCore
import LaneStore
import ServiceDepartment

/// What a failing line does to a script: stop there (the default, like
/// psql's ON_ERROR_STOP) or read on and still exit non-zero.
public enum ErrorPolicy: String, CaseIterable, Sendable {
    case stop, `continue`
}

/// Where the shell writes. Tests capture it; the binary writes to stdout/stderr.
public struct ShellIO: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }
}

/// The state of one shell session: the store, the clock, who is typing, what
/// is current, and how output looks. Commands run through `execute`.
public final class ShellSession {
    public let store: any ServiceStore
    /// The application layer: every command's permission check, transaction and audit row go through it.
    public let department: Department
    public var clock: any LaneClock
    public var user: String
    public var format: OutputFormat
    public var onError: ErrorPolicy
    public var color: Bool
    /// Wide rows one field per line: `set expanded on|off|auto`.
    public var expanded: ExpandedMode = .auto
    /// Output taller than the screen goes through the pager: `set pager on|off`.
    public var pagerOn = true
    /// On a terminal: its width now (a window may be resized between commands).
    public var terminalWidth: (() -> Int)?
    /// On a terminal: shows a text through the pager when it is taller than
    /// the screen, answering false when it did not.
    public var pager: ((String) -> Bool)?
    public var current: CurrentObject?
    /// The language this shell chose (`LANG`/`LC_MESSAGES` at start, `set
    /// lang`); nil: the store's `store.language`.
    public var languageChoice: InterfaceLanguage?
    public var registry: CommandRegistry {
        didSet { declarePluginOperations() }
    }

    /// Plugins' commands are operations too: their roles join the matrix below the shell.
    private func declarePluginOperations() {
        for spec in registry.unorderedSpecs {
            if let roles = spec.pluginRoles { department.permissions.declare(CommandPermissions.operation(spec), roles: roles) }
        }
    }
    public let io: ShellIO
    public var seedsDirectory: String?
    /// The run-time plugin folder (`plugin install` copies plugins there); nil when there is none.
    public var pluginDirectory: String?
    public var workingDirectory: String
    /// On a terminal, the line editor's history (kept across sessions); else the lines of this run.
    public var historyProvider: (() -> [String])?
    /// True while reading from a terminal (no `error: line N:` prefixes).
    public var isInteractive = false
    /// Measurement only (`LANE_TIMINGS`, scripts/bench): told each line and the
    /// nanoseconds it took in this process, from parsing to printed answer.
    public var timings: ((String, Int64) -> Void)?
    /// Where PINs come from (terminal, LANE_PIN, LANE_PIN_FILE).
    public var pinSource: PinSource = .none
    /// Asks the person at the terminal for a line (plugins' `ask`): set by the
    /// interactive shell, nil in scripts; throws when they stop (Ctrl-C, Ctrl-D).
    public var ask: ((String) throws -> String?)?
    var sourceDepth = 0
    private var cachedSettings: StoreSettings?
    private var cachedPluginSettings: PluginSettings?
    /// The plugins installed at start-up (`PluginLoader.install`).
    public var plugins = InstalledPlugins() {
        didSet { installListener() }
    }
    private lazy var runner = CommandRunner(self)
    private var nestedDepth = 0
    /// Plugins running commands that run plugins: deeper than this is a loop.
    static let maxNestedDepth = 4
    var quitRequested = false

    public init(store: any ServiceStore, clock: any LaneClock, user: String, registry: CommandRegistry, io: ShellIO,
                format: OutputFormat = .table, onError: ErrorPolicy = .stop, color: Bool = false,
                seedsDirectory: String? = nil, workingDirectory: String) {
        self.store = store
        self.department = Department(store: store)
        self.clock = clock
        self.user = user
        self.registry = registry
        self.io = io
        self.format = format
        self.onError = onError
        self.color = color
        self.seedsDirectory = seedsDirectory
        self.workingDirectory = workingDirectory
        declarePluginOperations()
    }

    /// The store's settings, read once and again after any change (this session's or another desk's).
    public func settings() throws -> StoreSettings {
        if let cachedSettings { return cachedSettings }
        let (s, version) = try store.read { (try $0.settings(), try $0.storeVersions().settings) }
        cachedSettings = s
        keptSince(version)
        return s
    }

    /// Where the settings and the staff list stood when what this session keeps of them (the settings, the
    /// plugins' settings, the user's role) was read: at each line, if the store no longer stands there
    /// (another desk changed a rate, or marked this user as left), the session forgets it all and reads again.
    private var keptAt: Int64?
    private var keptMayBeStale = false

    /// Something kept was read where the store stood at `version`.
    private func keptSince(_ version: Int64) {
        // Two pieces read at different moments: the next line's check compares both.
        if let keptAt, keptAt != version { keptMayBeStale = true }
        keptAt = keptAt ?? version
    }

    /// At each line: what the session keeps is dropped when the settings or the staff list changed since
    /// it was read, from any desk. One small read; nothing when nothing is kept.
    func forgetWhatOtherDesksChanged() throws {
        guard let keptAt else { return }
        if keptMayBeStale { return forgetSettings() }
        if try store.versions().settings != keptAt { forgetSettings() }
    }

    /// The areas whose changes never touch the settings or the staff list: after
    /// them the session keeps what it read (every other change forgets it).
    static let leavesSettingsAlone: Set<String> = ["ro", "appt", "remind", "customer", "vehicle", "followup", "complaint", "campaign"]

    /// After a write: settings and the staff list may have changed.
    func forgetSettings() {
        cachedSettings = nil
        cachedPluginSettings = nil
        cachedRole = nil
        keptAt = nil
        keptMayBeStale = false
    }

    /// The user's role on the staff list, looked up once per user name.
    private var cachedRole: (user: String, role: StaffRole?)?
    func cacheRole(of member: StaffMember, at version: Int64) {
        cachedRole = (member.name, member.leftAt == nil ? member.role : nil)
        keptSince(version)
    }

    public func role() throws -> StaffRole? {
        if let cachedRole, cachedRole.user == user { return cachedRole.role }
        // A member who left has no role: an open shell of theirs, at any desk, is refused from their next command.
        let (role, version) = try store.read { tx in
            (try tx.staffMember(named: user).flatMap { $0.leftAt == nil ? $0.role : nil }, try tx.storeVersions().settings)
        }
        cachedRole = (user, role)
        keptSince(version)
        return role
    }

    public func context() throws -> CommandContext {
        var ctx = CommandContext(now: clock.now(), settings: try settings(), user: user, role: try role(), current: current,
                                 seedsDirectory: seedsDirectory, workingDirectory: workingDirectory, desks: Desks(department))
        if !plugins.all.isEmpty {
            if cachedPluginSettings == nil {
                let (values, version) = try store.read { (try $0.settingValues(), try $0.storeVersions().settings) }
                cachedPluginSettings = PluginSettings(values.filter { $0.key.hasPrefix("plugin.") })
                keptSince(version)
            }
            ctx.plugins = plugins
            ctx.pluginSettings = cachedPluginSettings ?? PluginSettings()
            ctx.runner = runner
        }
        ctx.personal = typedPersonal
        return ctx
    }

    /// X4: the personal values typed in the command being performed, for its audit row.
    private var typedPersonal: [PersonalValue] = []
    /// The language this shell speaks: its own choice, else the store's.
    public var language: InterfaceLanguage { languageChoice ?? (try? settings().language) ?? .chinese }

    /// The catalog of that language, in the store's time zone.
    public var catalog: MessageCatalog { MessageCatalog.of(language).inZone((try? settings().utcOffset) ?? .china) }

    /// Runs `body` speaking this shell's language: every message rendered
    /// inside (`description`, refusals, enumerated values) uses its catalog.
    public func speaking<T>(_ body: () throws -> T) rethrows -> T {
        try MessageCatalog.speaking(catalog, body)
    }

    public var renderer: Renderer {
        Renderer(format: format, offset: (try? settings().utcOffset) ?? .china, color: color,
                 width: format == .table ? terminalWidth?() : nil, expanded: expanded)
    }

    /// Runs one logical line and returns its output; throws what refused it.
    public func run(_ line: String) throws -> CommandOutput {
        // Bytes that were not UTF-8 arrive as U+FFFD: refuse the line rather
        // than store a name with a hole in it. Everything before the first
        // replacement was decoded unchanged, so its UTF-8 length is the number
        // of good bytes before the first bad one.
        // Scalars, not characters: a replacement followed by a combining mark is still one, and finding
        // it needs no grapheme breaking of every line (1 % of a scripted write's instructions).
        if let bad = line.unicodeScalars.firstIndex(of: "\u{FFFD}") {
            throw UsageError(Message("usage.not_utf8_byte", ["byte": .int(line.utf8[..<bad].count + 1)]))
        }
        switch try resolve(line) {
        case .nothing: return .nothing
        case .help(let text): return .text(text)
        case .command(let spec, let words):
            committedEvents = []
            defer { committedEvents = [] }
            let output = try perform(spec, words, line: line)
            // Only now is the command committed: plugins' `committed` handlers run.
            guard !committedEvents.isEmpty else { return output }
            let notes = PluginEvents.committedNotes(for: committedEvents, store) + RuntimeEvents.notes(for: committedEvents, store)
            return PluginEvents.adding(notes, to: output)
        }
    }

    /// The events of the command being run, for the plugins' `committed` once it has committed.
    var committedEvents: [(DomainEvent, CommandContext)] = []

    enum Resolved {
        case nothing
        case help(String)
        case command(CommandSpec, [String])
    }

    /// Finds the command a line names, with the words left for its arguments.
    func resolve(_ line: String) throws -> Resolved {
        let words = try Tokenizer.split(line)
        guard let first = words.first else { return .nothing }
        let wantsHelp = words.contains("--help")
        if let spec = registry.metaCommand(first) {
            if wantsHelp { return .help(HelpText.command(spec)) }
            return .command(spec, Array(words.dropFirst()))
        }
        guard registry.hasNoun(first) else {
            let hint = CommandRegistry.suggestion(for: first, among: registry.nounNames + registry.metaNames)
                .map { Message("usage.did_you_mean", ["suggestion": .text($0)]) } ?? Message("usage.help_lists_commands")
            throw UsageError(Message("usage.unknown_command", ["command": .text(first), "hint": .message(hint)]))
        }
        guard words.count > 1, !words[1].hasPrefix("-") else {
            if let help = HelpText.noun(first, registry) {
                if words.count == 1 || wantsHelp { return .help(help) }
            }
            throw UsageError(Message("usage.needs_verb", ["noun": .text(first)]))
        }
        guard let spec = registry.command(noun: first, verb: words[1]) else {
            let verbs = (registry.verbs(of: first) ?? []).compactMap(\.verb)
            let hint = CommandRegistry.suggestion(for: words[1], among: verbs)
                .map { MessageArgument.message(Message("usage.did_you_mean_then", ["suggestion": .text("\(first) \($0)")])) } ?? .text("")
            throw UsageError(Message("usage.no_such_verb", ["noun": .text(first), "verb": .text(words[1]), "hint": hint,
                                                            "verbs": .list(verbs.map { .text($0) })]))
        }
        if wantsHelp { return .help(HelpText.command(spec)) }
        return .command(spec, Array(words.dropFirst(2)))
    }

    /// A command run by a plugin inside the transaction of the command that
    /// ran the plugin: the caller's role is checked and the audit row written
    /// exactly as at the prompt.
    func runNested(_ line: String, _ ctx: CommandContext) throws -> CommandOutput {
        guard nestedDepth < Self.maxNestedDepth else {
            throw Refusal(Message("plugin.command_not_run", ["line": .text(line)]),
                          problems: [Problem("plugin", Message("plugin.nested_too_deep", ["max": .int(Self.maxNestedDepth)]))])
        }
        nestedDepth += 1
        defer { nestedDepth -= 1 }
        let invocation: Invocation
        do {
            guard case .command(let spec, let words) = try resolve(line) else { throw UsageError(Message("usage.not_a_command_line", ["line": .text(line)])) }
            try department.authorize(CommandPermissions.operation(spec), ctx.caller(line))
            invocation = try Invocation.parse(words, spec: spec, line: line, current: nil)
        } catch let error as UsageError {
            // The plugin's mistake, not the mistake of the person typing.
            throw Refusal(Message("plugin.invalid_command"), problems: [Problem("command", error.said)])
        } catch let error as TokenizerError {
            throw Refusal(Message("plugin.invalid_command"), problems: [Problem("command", error.said)])
        }
        let spec = invocation.spec
        switch spec.action {
        case .session:
            throw Refusal(Message("plugin.command_not_run", ["line": .text(spec.name)]),
                          problems: [Problem("plugin", Message("plugin.session_command", ["command": .text(spec.name)]))])
        case .lookup(let body):
            // Inside the change that ran the plugin: its desk lookups join that transaction.
            return try body(invocation, ctx)
        case .change(let body):
            // The outer command's change tells the plugins; this one only records itself.
            var nested = ctx
            nested.personal = invocation.personalValues
            let done = try department.changingInside(CommandPermissions.operation(spec), by: nested.caller(line)) {
                let output = try body(invocation, ctx)
                return Recorded(output, audit: AuditCommands.note(spec, invocation, output))
            }
            return done.value
        }
    }

    private func perform(_ spec: CommandSpec, _ words: [String], line: String) throws -> CommandOutput {
        let operation = CommandPermissions.operation(spec)
        // X6: the signed-in user's role is checked before anything else, so a
        // command one may not run teaches nothing, not even its usage.
        if !CommandPermissions.isOpenToAll(spec) {
            try department.permissions.check(operation, user: user, role: try role())
        }
        let invocation = try Invocation.parse(words, spec: spec, line: line, current: current)
        typedPersonal = invocation.personalValues
        defer { typedPersonal = [] }
        switch spec.action {
        case .session(let body):
            return try body(invocation, self)
        case .lookup(let body):
            let ctx = try context()
            let invocation = try prepared(spec, invocation, ctx)
            let output = try department.reading(operation, by: ctx.caller(line)) { try body(invocation, ctx) }
            try Self.stopIfInterrupted()
            return output
        case .change(let body):
            let ctx = try context()
            let invocation = try prepared(spec, invocation, ctx)
            afterCommit = []
            defer { afterCommit = [] }
            let output = try change(operation, ctx, line: line) {
                let output = try body(invocation, ctx)
                // Ctrl-C while the command ran: its transaction rolls back.
                try Self.stopIfInterrupted()
                return (Recorded(output, audit: AuditCommands.note(spec, invocation, output)), ())
            }.0
            // Committed: those who asked are told (run-time plugins' `notify`).
            for notice in afterCommit { notice() }
            return output
        }
    }

    /// Ctrl-C pressed while a command ran stops it: nothing it did is kept
    /// and nothing it found is shown.
    static func stopIfInterrupted() throws {
        guard Terminal.interruptPending else { return }
        Terminal.takeInterrupt()
        throw Refusal(Message("terminal.command_stopped"), problems: [Problem("", Message("terminal.nothing_stored"))])
    }

    /// One change through the application layer (permission, transaction,
    /// audit row, events); the plugins' notes join the command's output.
    /// Commands that work on the session and write (`ro open`) use it too.
    func change<T>(_ operation: OperationID, _ ctx: CommandContext, line: String,
                   _ body: () throws -> (Recorded<CommandOutput>, T)) throws -> (CommandOutput, T) {
        defer { if !Self.leavesSettingsAlone.contains(operation.noun) { forgetSettings() } }
        activeContext = ctx
        defer { activeContext = nil }
        var extra: T?
        let done = try department.changing(operation, by: ctx.caller(line)) {
            let (recorded, more) = try body()
            extra = more
            return recorded
        }
        guard let extra else { throw StoreFailure(Message("store.change_without_result")) }
        return (PluginEvents.adding(done.notes, to: done.value), extra)
    }

    /// An operation of the application layer called by a session command of the area `noun`:
    /// plugins hear its events with this command's context.
    func calling<T>(_ noun: String, _ ctx: CommandContext, _ body: () throws -> T) rethrows -> T {
        defer { if !Self.leavesSettingsAlone.contains(noun) { forgetSettings() } }
        activeContext = ctx
        defer { activeContext = nil }
        return try body()
    }

    /// A lookup a session command makes, through the application layer: the
    /// desks' operations `body` calls (with the context given) join its transaction.
    func lookup<T>(_ operation: OperationID, _ inv: Invocation, _ body: (CommandContext) throws -> T) throws -> T {
        let ctx = try context()
        return try department.reading(operation, by: ctx.caller(inv.line)) { try body(ctx) }
    }

    /// What to do once the command being run has committed (a run-time plugin's
    /// "committed" notice); dropped when it is refused.
    var afterCommit: [() -> Void] = []

    /// The command being run, while its change is open: plugins hear events with it.
    var activeContext: CommandContext?

    /// Tells the active plugins what a change did (see `PluginEvents`).
    func installListener() {
        department.listener = { [weak self] events, _, tx in
            guard let self, let ctx = self.activeContext, !ctx.plugins.active.isEmpty || !ctx.plugins.listeners.isEmpty else { return [] }
            self.committedEvents += events.map { ($0, ctx) }
            return try PluginEvents.notes(for: events, ctx, tx)
        }
    }

    /// A plugin's interview (`CommandSpec.prepare`) runs in a read
    /// transaction of its own, before the command's transaction opens.
    private func prepared(_ spec: CommandSpec, _ invocation: Invocation, _ ctx: CommandContext) throws -> Invocation {
        guard let prepare = spec.prepare else { return invocation }
        return try store.read { try prepare(invocation, ctx, $0) }
    }

    /// Runs one line and prints its output or error. `origin` names the
    /// script and line for error messages; nil on a terminal.
    @discardableResult
    public func execute(_ line: String, origin: String?) -> ExitCode {
        // A second command: this is a session, and the store may keep more of what it reads.
        if commandsRun == 1 { store.keepPagesBetweenCommands() }
        commandsRun += 1
        guard let timings else { return executeStanding(line, origin: origin) }
        let start = ContinuousClock.now
        let code = executeStanding(line, origin: origin)
        let elapsed = start.duration(to: .now).components
        timings(line, elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
        return code
    }

    /// Lines executed so far (`execute`).
    private var commandsRun = 0

    private func executeStanding(_ line: String, origin: String?) -> ExitCode {
        // Another desk may have changed the settings or the staff list (this user's role) since the last
        // line: before the line's language, role and privacy are taken, what this shell kept of them is
        // read again. A check that fails forgets it too; the command then reads, and says why it cannot.
        do { try forgetWhatOtherDesksChanged() } catch { forgetSettings() }
        return speaking { executeInLanguage(line, origin: origin) }
    }

    private func executeInLanguage(_ typed: String, origin: String?) -> ExitCode {
        // X4: the last line of defence; fields are masked where they are built.
        let privacy = Privacy(role: try? role())
        // What an input method typed, read as the shell's syntax; the person sees how.
        let line = InputNormaliser.normalise(typed)
        if line != typed {
            io.err(privacy.scrub("note: " + TerminalSafe.escape(Message("session.normalised", ["line": .text(line)]).description, keepingLineBreaks: true)) + "\n")
        }
        do {
            let text = privacy.scrub(renderer.render(try run(line)))
            if !text.isEmpty, !(pagerOn && pager?(text + "\n") == true) { io.out(text + "\n") }
            return .ok
        } catch is QuitRequest {
            quitRequested = true
            return .ok
        } catch {
            return report(error, origin: origin, privacy)
        }
    }

    /// Says why a line was refused, on stderr; its exit code.
    private func report(_ error: any Error, origin: String?, _ privacy: Privacy) -> ExitCode {
        if format == .json {
            // Scripts asking for JSON get the refusal as data too: codes, not sentences to parse.
            io.err(privacy.scrub(ErrorReport.json(for: error, origin: origin)) + "\n")
        } else {
            let prefix = origin.map { "error: \($0): " } ?? "error: "
            var text = privacy.scrub(prefix + TerminalSafe.escape(ErrorReport.message(for: error), keepingLineBreaks: true))
            if let width = terminalWidth?() { text = TextWrap.paragraphs(text, width: width) }
            io.err(text + "\n")
        }
        return ErrorReport.exitCode(for: error)
    }

    /// A script's line whose bytes were not UTF-8, or that holds U+FFFD (text
    /// lost in an earlier conversion): refused, nothing of it run or stored.
    func refusingEncoding(_ line: ScriptLine) -> UsageError? {
        if let bad = line.badByte { return UsageError(Message("usage.not_utf8_byte", ["byte": .int(bad)])) }
        // Text decoded leniently elsewhere (`-c`, the line editor) is checked by `run`.
        guard line.readAsBytes, let lost = Self.replacementCharacterOffset(line.text) else { return nil }
        return UsageError(Message("usage.replacement_character", ["byte": .int(lost + 1)]))
    }

    /// Where the first U+FFFD starts, in UTF-8 bytes: found in the bytes (EF BF BD), since searching
    /// the characters formed every character of every line (1.4 % of a scripted write's instructions).
    /// A U+FFFD that a combining mark follows is found too: a byte was lost there all the same.
    /// By hand: the standard library's `firstRange(of:)` on the bytes was 53,000 instructions a line.
    static func replacementCharacterOffset(_ text: String) -> Int? {
        var offset = 0, matched = 0
        for byte in text.utf8 {
            switch (matched, byte) {
            case (0, 0xEF), (1, 0xBF): matched += 1
            case (2, 0xBD): return offset - 2
            default: matched = byte == 0xEF ? 1 : 0
            }
            offset += 1
        }
        return nil
    }

    /// Runs a script's lines (`-f`, `source`, piped stdin). Continuation lines
    /// are joined; errors name the line where the command started.
    public func runScript(_ next: () -> String?, name: String?) -> ExitCode {
        runScript(lines: { next().map { ScriptLine(text: $0) } }, name: name)
    }

    /// The same, from lines read as bytes (`PlainLineReader`, `ByteLineReader`):
    /// a line that is not UTF-8 is refused with its own line number and the byte.
    public func runScript(lines next: () -> ScriptLine?, name: String?) -> ExitCode {
        var firstFailure: ExitCode = .ok
        var lineNumber = 0
        func origin(_ n: Int) -> String { name.map { "\($0):\(n)" } ?? "line \(n)" }
        while !quitRequested, let first = next() {
            lineNumber += 1
            let startLine = lineNumber
            var line = first.text
            var refused = refusingEncoding(first).map { ($0, startLine) }
            while refused == nil, Tokenizer.needsContinuation(line), let more = next() {
                lineNumber += 1
                refused = refusingEncoding(more).map { ($0, lineNumber) }
                line = Tokenizer.join(line, more.text)
            }
            let code: ExitCode
            if case let (error, at)? = refused {
                code = speaking { report(error, origin: origin(at), Privacy(role: try? role())) }
            } else {
                recordHistory(line)
                code = execute(line, origin: origin(startLine))
            }
            if code != .ok {
                if firstFailure == .ok { firstFailure = code }
                if onError == .stop { return code }
            }
        }
        return firstFailure
    }

    var scriptHistory: [String] = []
    var history: [String] { historyProvider?() ?? scriptHistory }
    func recordHistory(_ line: String) {
        let trimmed = line.trimmingWhitespace()
        if !trimmed.isEmpty && !isInteractive { scriptHistory.append(trimmed) }
    }
}
