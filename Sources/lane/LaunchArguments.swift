import LaneShell

/// What `lane`'s options said, whichever reader read them.
struct LaunchArguments: Equatable {
    var db: String?
    var command: [String] = []
    var file: String?
    var format: String?
    var onError = "stop"
    var now: String?
    var user: String?
    var create = false
    var resetPin: String?

    /// The options as the launcher takes them; the only place they are turned into `LaunchOptions`.
    func launchOptions() -> LaunchOptions {
        var options = LaunchOptions()
        options.databasePath = db
        options.command = command.isEmpty ? nil : command.joined(separator: "\n")
        options.file = file
        options.format = format.flatMap(OutputFormat.init(rawValue:))
        options.onError = ErrorPolicy(rawValue: onError) ?? .stop
        options.now = now
        options.user = user
        options.create = create
        options.resetPin = resetPin
        options.plugins = compiledPlugins
        return options
    }

    /// The arguments read without the argument parser, when they are only options of the plain shape
    /// `--name value` (or `--create`) that `LaneCommand` reads the same way; nil for anything else (help,
    /// `--version`, `--db=x`, a value that starts with `-`, a repeated option, a wrong format), which
    /// `LaneCommand.parse` then reads, answers or refuses.
    ///
    /// Written by hand because the parser's first use in a process costs 14 million instructions, a
    /// quarter of a `lane -c` lookup's start (the runtime's first look-ups of its property wrappers'
    /// conformances, and a `Mirror` of the command), while scripts and desks start `lane` with these
    /// options every time. `plainArgumentsReadAsTheParserReadsThem` holds it to the parser.
    static func plain(_ arguments: [String]) -> LaunchArguments? {
        var read = LaunchArguments()
        var seen: Set<String> = []
        var rest = arguments[...]
        while let name = rest.popFirst() {
            if name == "--create" {
                guard seen.insert(name).inserted else { return nil }
                read.create = true
                continue
            }
            guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
            if name != "-c" { guard seen.insert(name).inserted else { return nil } }
            switch name {
            case "--db": read.db = value
            case "-c": read.command.append(value)
            case "-f": read.file = value
            case "--format":
                guard OutputFormat(rawValue: value) != nil else { return nil }
                read.format = value
            case "--on-error":
                guard ErrorPolicy(rawValue: value) != nil else { return nil }
                read.onError = value
            case "--now": read.now = value
            case "--user": read.user = value
            case "--reset-pin": read.resetPin = value
            default: return nil
            }
        }
        return read
    }
}
