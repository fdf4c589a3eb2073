import CLibEdit
import Foundation
import LaneCore
import LaneStore

/// How `lane` was started: the process options, already parsed.
public struct LaunchOptions: Sendable {
    public var databasePath: String?
    public var command: String?
    public var file: String?
    public var format: OutputFormat?
    public var onError: ErrorPolicy = .stop
    public var now: String?
    public var user: String?
    /// The compiled plugins this `lane` was built with.
    /// Make a new store at an explicit path (`--create`); the default path is made on first use.
    public var create = false
    /// `--reset-pin NAME`: the recovery of a forgotten PIN by the store's owner (docs/security.md).
    public var resetPin: String?
    public var plugins: [PluginLoader.Compiled] = []
    /// The process exits when `Launcher.run` returns (the `lane` binary): the store is finished for it
    /// (`ServiceStore.finishBeforeExit`) rather than closed.
    public var exitsAfterRun = false

    public init() {}
}

/// Builds the shell and runs it: interactive on a terminal, scripted otherwise.
public enum Launcher {
    /// Every built-in command. Built-ins come first so nothing later can shadow them.
    public static func builtinRegistry() throws -> CommandRegistry {
        var registry = CommandRegistry()
        try MetaCommands.register(into: &registry)
        try CustomerCommands.register(into: &registry)
        try VehicleCommands.register(into: &registry)
        try DataCommands.register(into: &registry)
        try DealershipCommands.register(into: &registry)
        try RepairOrderCommands.register(into: &registry)
        try PaymentCommands.register(into: &registry)
        try ReminderCommands.register(into: &registry)
        try AppointmentCommands.register(into: &registry)
        try FollowUpCommands.register(into: &registry)
        try TodayCommand.register(into: &registry)
        try CampaignCommands.register(into: &registry)
        try AuditCommands.register(into: &registry)
        try RolesCommand.register(into: &registry)
        try SignInCommands.register(into: &registry)
        try StaffCommands.register(into: &registry)
        try PluginCommands.register(into: &registry)
        try PrintCommands.register(into: &registry)
        try TerminalCommands.register(into: &registry)
        try ReportCommands.register(into: &registry)
        return registry
    }

    /// The process's environment, read once (`lane` never changes its own environment while it runs),
    /// and from `environ` itself: `ProcessInfo`'s first use cost a million instructions of every start.
    /// A name set twice keeps its first value, as `getenv` reads it.
    static let environment: [String: String] = {
        var variables: [String: String] = [:]
        // `environ` is null after a `clearenv()`.
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let at = entry, let pointer = at.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry = at + 1
        }
        return variables
    }()

    /// `$LANE_DB`, else `$XDG_DATA_HOME/servicelane/lane.sqlite`, else `~/.local/share/servicelane/lane.sqlite`.
    public static func defaultDatabasePath() -> String {
        if let path = environment["LANE_DB"], !path.isEmpty { return path }
        return dataDirectory() + "/lane.sqlite"
    }

    static func dataDirectory() -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/servicelane" }
        // $HOME first, as every Unix tool does (Foundation's NSHomeDirectory() may ignore it).
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/servicelane"
    }

    /// The folder of history files, one per member of staff: `$LANE_HISTORY`,
    /// else `histories/` beside the default database.
    static func historyFolder() -> String {
        if let path = environment["LANE_HISTORY"], !path.isEmpty { return path }
        return dataDirectory() + "/histories"
    }

    /// `$LANE_PAGER`, else `$PAGER`, else `less -SRFX` (as psql: long lines
    /// scroll sideways, colours pass, a text that fits is printed and left).
    static func pagerCommand() -> String {
        for name in ["LANE_PAGER", "PAGER"] {
            if let command = environment[name], !command.trimmingWhitespace().isEmpty { return command }
        }
        return "less -SRFX"
    }

    /// `$LANE_SEEDS`, else a `seeds/` folder in the working directory or
    /// above the executable (so `.build/debug/lane` finds the project's).
    static func seedsDirectory(workingDirectory: String) -> String? {
        if let dir = environment["LANE_SEEDS"], !dir.isEmpty { return dir }
        let fm = FileManager.default
        if fm.fileExists(atPath: workingDirectory + "/seeds/store.toml") { return workingDirectory + "/seeds" }
        // The binary's folder and five above it (a build folder), by hand: Foundation's `URL` cost half a
        // million instructions at its first use, at every start.
        let program = CommandLine.arguments.first ?? ""
        let absolute = program.hasPrefix("/") ? program : workingDirectory + "/" + program
        var dir = parentFolder(realpath(absolute, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        } ?? absolute)
        for _ in 0..<6 {
            let seeds = (dir == "/" ? "" : dir) + "/seeds"
            if fm.fileExists(atPath: seeds + "/store.toml") { return seeds }
            if dir == "/" { break }  // the root once, not again for each level left
            dir = parentFolder(dir)
        }
        return nil
    }

    /// `path` without its last component ("/" for a path in the root).
    static func parentFolder(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    static let standardIO = ShellIO(
        // Each answer leaves at once: a script reading lane's output sees a
        // command acknowledged as soon as it is committed, not 4 KiB later.
        out: { text in
            fputs(text, lane_stdout())
            fflush(lane_stdout())
        },
        err: { text in
            // Keep stdout and stderr in order when both go to one place.
            fflush(lane_stdout())
            fputs(text, lane_stderr())
        })

    public static func run(_ options: LaunchOptions) -> ExitCode {
        StartupPhases.mark("options parsed")
        SQLiteStore.preparePageCacheForProcess()
        Terminal.prepareLocale()
        let io = standardIO
        let store: any ServiceStore
        // A path someone typed (--db, LANE_DB) must exist unless --create says to make it:
        // a typo must not quietly start a second, empty store.
        let explicit = options.databasePath != nil || !(environment["LANE_DB"] ?? "").isEmpty
        // How long the check after an unclean close may keep the desk waiting (docs/security.md).
        let checkText = environment["LANE_OPEN_CHECK_SECONDS"].flatMap { $0.isEmpty ? nil : $0 }
        let openCheck = OpenCheckBudget.fromEnvironment(checkText) ?? .standard
        if let checkText, OpenCheckBudget.fromEnvironment(checkText) == nil {
            io.err("error: " + Message("store.open_check_seconds_invalid", ["text": .text(checkText), "seconds": .int(Int(OpenCheckBudget.standard.seconds))]).description + "\n")
        }
        do { store = try StoreOpening.open(options.databasePath ?? defaultDatabasePath(), create: options.create || !explicit, openCheck: openCheck) } catch {
            io.err("error: storage: \(error.message)\n")
            return .storage
        }
        StartupPhases.mark("store opened")
        var registry: CommandRegistry
        do { registry = try builtinRegistry() } catch {
            io.err("error: \(error)\n")
            return .usage
        }
        let clock: any LaneClock
        if let text = options.now ?? environment["LANE_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let offset = (try? store.read { try $0.settings() })?.utcOffset ?? .china
            guard let t = Timestamp(parsing: text, defaultOffset: offset) else {
                io.err("error: --now/LANE_NOW '\(text)' is not a time like 2026-11-23T09:00\n")
                return .usage
            }
            clock = FixedClock(t)
        } else {
            clock = SystemClock()
        }
        StartupPhases.mark("built-in commands")
        // Plugins come after the built-ins: a clash refuses the plugin, never the built-in.
        var timeout = RuntimePlugin.defaultTimeout
        if let text = environment["LANE_PLUGIN_TIMEOUT"], !text.isEmpty {
            if let seconds = Double(text), seconds > 0, seconds <= 600 { timeout = seconds } else {
                io.err("error: LANE_PLUGIN_TIMEOUT '\(text)' is not a number of seconds from 0 to 600; using \(Int(timeout))\n")
            }
        }
        // Compiled plugins now; run-time plugins only once someone has signed in (below).
        let (plugins, pluginMessages) = PluginLoader.install(compiled: options.plugins, runtimeDirectory: nil, into: &registry, store: store, now: clock.now())
        for message in pluginMessages { io.err("error: \(message)\n") }
        StartupPhases.mark("compiled plugins")
        if !plugins.all.isEmpty { (store as? SQLiteStore)?.preparePluginGuardInBackground() }
        let cwd = FileManager.default.currentDirectoryPath
        let colorAllowed = Terminal.isTerminal(1) && environment["NO_COLOR"] == nil
        let session = ShellSession(
            store: store, clock: clock,
            user: options.user ?? environment["LANE_USER"] ?? environment["USER"] ?? "advisor",
            registry: registry, io: io,
            format: options.format ?? .table, onError: options.onError, color: colorAllowed,
            seedsDirectory: seedsDirectory(workingDirectory: cwd), workingDirectory: cwd)
        session.plugins = plugins
        if Terminal.isTerminal(1) {
            // Output fits the window as it is when each command prints.
            session.terminalWidth = { Terminal.columns() }
            session.pager = { text in Pager.page(text, command: pagerCommand()) }
        }
        // Measurement for scripts/bench: each command's in-process time, one line per command.
        if let path = environment["LANE_TIMINGS"], !path.isEmpty, let file = fopen(path, "a") {
            session.timings = { line, nanoseconds in
                fputs("\(nanoseconds)\t\(line)\n", file)
                fflush(file)
            }
        }
        session.languageChoice = InterfaceLanguage.fromLocale(environment)
        StartupPhases.mark("session")
        let code = session.speaking { start(session, options, store: store, clock: clock, pluginTimeout: timeout) }
        if options.exitsAfterRun { store.finishBeforeExit() }
        return code
    }

    /// After the session exists: everything it says is in its language.
    private static func start(_ session: ShellSession, _ options: LaunchOptions, store: any ServiceStore, clock: any LaneClock,
                              pluginTimeout timeout: Double) -> ExitCode {
        let io = session.io
        let interactive = options.command == nil && options.file == nil && Terminal.isTerminal(0)
        // A full check of the file is owed (the one after an unclean close was cut short): said at every start until one completes.
        if let notice = (store as? SQLiteStore)?.integrityNotice { io.err("warning: " + notice.description + "\n") }

        let readSecret: @Sendable (String) throws -> String? = { prompt in
            switch Terminal.readSecret(prompt: prompt) {
            case .typed(let pin): return pin
            case .noTerminal: return nil
            case .stopped(let key):
                throw Refusal(Message("terminal.pin_stopped", ["key": .text(key)]), problems: [Problem("pin", Message("terminal.nothing_changed"))])
            }
        }
        let ask = Terminal.isTerminal(0) ? readSecret : nil
        session.pinSource = PinSource(environment: environment, askSecret: ask)
        // Recovery: whoever can read the store's key file owns the store on this
        // machine; they may set a PIN when no manager is left who can.
        if let name = options.resetPin {
            do {
                guard let pin = environment["LANE_NEW_PIN"], !pin.isEmpty else {
                    throw Refusal(Message("sign_in.cannot_set_pin"), problems: [Problem("pin", Message("sign_in.new_pin_needed"))])
                }
                var ctx = try session.context()
                ctx.user = "(\(environment["USER"] ?? "owner") on this machine)"
                ctx.role = .admin
                try StaffAccess(session.department).recover(name, pin: pin, by: ctx.caller("lane --reset-pin \(name)"))
                io.out(Message("sign_in.pin_recovered", ["user": .text(name)]).description + "\n")
                return .ok
            } catch {
                io.err("error: " + ErrorReport.message(for: error) + "\n")
                return ErrorReport.exitCode(for: error)
            }
        }
        // Sign-in: the user must be on the staff list, with their PIN when they have one.
        do {
            try session.signIn(session.user)
        } catch {
            io.err("error: " + ErrorReport.message(for: error) + "\n")
            if (try? store.read({ try $0.staff().count })) == 1 {
                io.err(Message("sign_in.hint_admin").description + "\n")
            }
            return ErrorReport.exitCode(for: error)
        }
        StartupPhases.mark("signed in")

        // A fixed clock (--now, LANE_NOW) only in a training store, and recorded there.
        if let fixed = clock as? FixedClock {
            let desk = ClockDesk(session.department)
            do {
                if let problem = try desk.problem() {
                    io.err("error: --now/LANE_NOW: " + problem.message + "\n")
                    return .usage
                }
                if !(try store.read { try $0.settingValues() }).isEmpty {
                    var ctx = try session.context()
                    ctx.now = SystemClock().now()
                    try desk.change("--now", from: ctx.now, to: fixed.now(), by: ctx.caller("--now " + (options.now ?? environment["LANE_NOW"] ?? "")))
                }
            } catch {
                io.err("error: " + ErrorReport.message(for: error) + "\n")
                return ErrorReport.exitCode(for: error)
            }
        }

        // Run-time plugins start only now, for someone on the staff list who signed in.
        switch RuntimePlugin.defaultDirectory(environment: environment, dataDirectory: dataDirectory()) {
        case .success(let directory):
            session.pluginDirectory = directory
            var registry = session.registry, installed = session.plugins
            let messages = PluginLoader.installRuntime(from: directory, runtimeTimeout: timeout, into: &installed, registry: &registry,
                                                       store: store, now: clock.now(), environment: environment)
            session.plugins = installed
            session.registry = registry
            for message in messages { io.err("error: \(message)\n") }
        case .failure(let failure):
            io.err("error: " + Message("plugin.folder.refused", ["why": .message(failure.said)]).description + "\n")
        }

        StartupPhases.mark("run-time plugins")
        if let command = options.command {
            let reader = TextLineReader(command)
            let code = session.runScript({ reader.readLine(prompt: "") }, name: nil)
            StartupPhases.mark("commands run")
            StartupPhases.note("page cache slots in large pages", SQLiteStore.pageCacheSlotsHandedOut ?? -1)
            // `echo script | lane -c …`: the piped lines are not run; say so rather than drop them silently.
            if options.file == nil && Terminal.hasWaitingInput() {
                io.err("warning: " + Message("terminal.stdin_ignored").description + "\n")
            }
            if code != .ok || options.file == nil { return code }
        }
        if let file = options.file {
            // Read as bytes: a line that is not UTF-8 is refused with its line
            // and byte (`ShellSession.runScript(lines:)`), the lines before it run.
            guard let data = FileManager.default.contents(atPath: file) else {
                io.err("error: cannot read the script \(file)\n")
                return .refused
            }
            let reader = ByteLineReader(Array(data))
            return session.runScript(lines: { reader.readScriptLine() }, name: nil)
        }
        if interactive { return runInteractive(session) }
        let reader = PlainLineReader(file: lane_stdin())
        return session.runScript(lines: { reader.readScriptLine() }, name: nil)
    }

    static func runInteractive(_ session: ShellSession) -> ExitCode {
        session.isInteractive = true
        Terminal.catchInterrupts()
        let completer = Completer(session: session)
        let folder = historyFolder()
        guard let editor = EditLineReader(programName: "lane", history: HistoryFile.forPerson(session.user, in: folder),
                                          complete: { completer.completions(forLineBeforeCursor: $0) }) else {
            session.io.err("error: the line editor could not start; reading plain lines\n")
            let reader = PlainLineReader(file: lane_stdin())
            return session.runScript(lines: { reader.readScriptLine() }, name: nil)
        }
        session.historyProvider = { editor.entries }
        editor.catalog = { [weak session] in session?.catalog ?? .english }
        // Plugins' questions (`PluginContext.ask`): answers stay out of the history; Ctrl-C or Ctrl-D refuses the command.
        let io = session.io
        session.ask = { [weak editor] prompt in
            guard let editor else { return nil }
            guard let answer = editor.readLine(prompt: prompt, retryOnInterrupt: false) else {
                if !editor.interrupted { io.out("\n") }
                throw Refusal(Message("session.answer_stopped", ["key": .text(editor.interrupted ? "Ctrl-C" : "Ctrl-D")]),
                              problems: [Problem("answer", Message("session.nothing_recorded"))])
            }
            return answer
        }
        let storeName = (try? session.settings().name) ?? "ServiceLane"
        let banner = session.speaking { Message("session.banner", ["store": .text(storeName)]).description }
        session.io.out(TextWrap.paragraphs(banner, width: Terminal.columns()) + "\n")
        var historyOwner = session.user
        while !session.quitRequested, var line = editor.readLine(prompt: prompt(session, continuation: false)) {
            while Tokenizer.needsContinuation(line),
                  let more = editor.readLine(prompt: prompt(session, continuation: true), retryOnInterrupt: false) {
                line = Tokenizer.join(line, more)
            }
            // Ctrl-C on a continuation line drops the whole command, and it is not kept.
            if editor.interrupted { continue }
            // The whole command, once: continuation lines are one entry.
            editor.remember(line)
            if let watch = Watch.request(line, session) { watch.run(session) } else { session.execute(line, origin: nil) }
            // Someone else signed in (`login`, `set user`): their history from now on.
            if session.user != historyOwner {
                historyOwner = session.user
                editor.useHistory(HistoryFile.forPerson(session.user, in: folder))
            }
        }
        if !session.quitRequested { session.io.out("\n") }
        return .ok
    }

    /// `SZNS 张伟 粤B12345> `: store, user and the current object, in colour when allowed.
    static func prompt(_ session: ShellSession, continuation: Bool) -> String {
        let code = (try? session.settings().code) ?? "lane"
        var text = "\(code) \(session.user)"
        if let current = session.current { text += " [\(current.label)]" }
        if continuation { return String(repeating: " ", count: max(0, DisplayWidth.of(text) - 1)) + "… " }
        guard session.color else { return text + "> " }
        let ignore = String(UnicodeScalar(UInt8(EditLineReader.promptIgnore)))
        return ignore + "\u{1B}[36m" + ignore + text + ignore + "\u{1B}[0m" + ignore + "> "
    }
}
