import ArgumentParser
import Foundation
import LaneShell

/// The process entry: reads the options, hands over to the shell, exits
/// with the shell's documented code (0 ok, 1 refused, 2 usage, 3 storage).
struct LaneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lane",
        abstract: "ServiceLane: the after-sales service shell of a car dealership.",
        discussion: """
            On a terminal, `lane` is an interactive shell with line editing, history and TAB completion. \
            With -c, -f or a pipe on stdin it runs scripts: no prompt, `error: line N: …` on stderr, and it stops \
            at the first error unless --on-error continue.
            Exit codes: 0 ok, 1 a command was refused, 2 usage error, 3 storage failure.
            Environment: LANE_DB (database file or server address), LANE_KEY_FILE (a server store's key), LANE_NOW (fixed time), LANE_USER, LANE_SEEDS, LANE_HISTORY, \
            LANE_PLUGINS (run-time plugins' folder), LANE_PLUGIN_TIMEOUT (seconds), LANE_OPEN_CHECK_SECONDS (how long the check after an unclean close may take), NO_COLOR.
            Plugins: `plugin list` in the shell; docs/plugins.md.
            Shell completion of these options: lane --generate-completion-script bash|zsh|fish (installing it: lane(1), README.md).
            """,
        version: "0.1.0")

    @Option(name: .long, help: ArgumentHelp("The SQLite database file, or a server store postgres://user@host:5432/lane (default: $LANE_DB or ~/.local/share/servicelane/lane.sqlite).", valueName: "path"),
            completion: .file(extensions: ["sqlite"]))
    var db: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a command and exit; repeat -c for several, run in order.", valueName: "command"))
    var command: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the commands in a file and exit.", valueName: "file"), completion: .file())
    var file: String?

    // The values also feed the shell completion scripts (--generate-completion-script).
    @Option(help: "Output format: table, json or csv (default: table).", completion: .list(OutputFormat.allCases.map(\.rawValue)))
    var format: String?

    @Option(name: .customLong("on-error"), help: "What a script does after a failing command: stop or continue.",
            completion: .list(ErrorPolicy.allCases.map(\.rawValue)))
    var onError: String = "stop"

    @Option(help: ArgumentHelp("Fix the session time, e.g. 2026-11-23T09:00 (also $LANE_NOW).", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Who is at the keyboard (also $LANE_USER).", valueName: "name"))
    var user: String?

    @Flag(help: "Make a new store at --db/$LANE_DB when there is none there (a mistyped path is never made into one).")
    var create = false

    @Option(name: .customLong("reset-pin"), help: ArgumentHelp(
        "Recovery on this machine: set NAME's PIN from $LANE_NEW_PIN, for the store's owner (who can read its key file) when no manager can.",
        valueName: "name"))
    var resetPin: String?

    @Flag(name: .customLong("generate-manpage"), help: "Print lane(1), the manual page of every command, in roff (man -l - reads it).")
    var generateManpage = false

    func validate() throws {
        if let format, OutputFormat(rawValue: format) == nil { throw ValidationError("--format is table, json or csv, not '\(format)'") }
        if ErrorPolicy(rawValue: onError) == nil { throw ValidationError("--on-error is stop or continue, not '\(onError)'") }
    }

    var arguments: LaunchArguments {
        LaunchArguments(db: db, command: command, file: file, format: format, onError: onError, now: now, user: user,
                        create: create, resetPin: resetPin)
    }
}

StartupPhases.mark("main")
let arguments = Array(CommandLine.arguments.dropFirst())
/// The options: the common plain shapes read without the parser (`LaunchArguments.plain`), the rest by it.
func options() -> LaunchOptions {
    if let plain = LaunchArguments.plain(arguments) { return plain.launchOptions() }
    do {
        let parsed = try LaneCommand.parse(arguments)
        if parsed.generateManpage {
            print(ManPage.roff(try Launcher.builtinRegistry(), processHelp: LaneCommand.helpMessage(columns: 78),
                               version: LaneCommand.configuration.version), terminator: "")
            exit(0)
        }
        return parsed.arguments.launchOptions()
    } catch {
        // Help and --version are not errors; anything else is a usage error (2), as documented.
        let code = LaneCommand.exitCode(for: error)
        let message = LaneCommand.fullMessage(for: error)
        if code == .success {
            print(message)
            exit(0)
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
var launch = options()
launch.exitsAfterRun = true
let code = Launcher.run(launch)
StartupPhases.mark("closed")
exit(code.rawValue)
