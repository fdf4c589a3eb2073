// The shell: command lines typed wrong (usage errors, exit code 2).
extension MessageCatalog {
    static let englishShell: [MessageCode: String] = [
        // A command line checked against its command: every problem, then how it is typed.
        "usage.in_command": "{command}: {problems}\nusage: {usage}",
        "usage.unknown_option": "unknown option --{option}; {takes}",
        "usage.takes_options": "'{command}' takes {options}",
        "usage.takes_no_options": "'{command}' takes no options",
        "usage.switch_with_value": "--{option} is a switch and takes no value",
        "usage.needs_value": "--{option} needs a value ({value})",
        "usage.missing_argument": "{name} is missing: {help}{or_use}{read_as}",
        "usage.hint.or_use": " (or make one current with `use`)",
        "usage.hint.read_as": "; '{word}' was read as {name}: give {name} first, or make one current with `use`",
        "usage.unexpected": "unexpected {words}",
        "usage.option_required": "--{option} {value} is required: {help}",

        // Naming the command.
        "usage.unknown_command": "unknown command '{command}'; {hint}",
        "usage.did_you_mean": "did you mean '{suggestion}'?",
        "usage.did_you_mean_then": "did you mean '{suggestion}'? ",
        "usage.help_lists_commands": "`help` lists the commands",
        "usage.needs_verb": "'{noun}' needs a verb; `help {noun}` lists them",
        "usage.no_such_verb": "'{noun}' has no verb '{verb}'; {hint}its verbs are {verbs}",
        "usage.not_a_command_line": "'{line}' is not a command line",
        "usage.no_such_command": "there is no command '{noun}'; {hint}`help` lists them",
        "usage.no_such_command_verb": "there is no command '{noun} {verb}'; `help {noun}` lists its verbs",

        // Splitting the line into words.
        "usage.unclosed_quote": "a quote ({quote}) is not closed; add the closing {quote} at the end of the text",
        "usage.dangling_backslash": "the line ends with a backslash (\\) that has nothing after it; remove it, or write \\\\ for a backslash",

        // The shell's own commands.
        "usage.set_needs_value": "set {name} needs a value",
        "usage.format_choices": "format is one of table, json, csv",
        "usage.on_error_choices": "on-error is stop or continue",
        "usage.color_choices": "color is on or off",
        "usage.unknown_setting": "unknown setting '{name}'; settings are format, on-error, color, user",
        "usage.clock_set_needs_time": "clock set needs a time like 2026-11-23T09:00",
        "usage.clock_advance_needs_duration": "clock advance needs a duration like 30m, 2h or 1d",
        "usage.clock_action": "clock takes set, advance or system, not '{given}'",
        "usage.not_a_step": "'{given}' is not a step; steps are {steps}",
    ]
}
