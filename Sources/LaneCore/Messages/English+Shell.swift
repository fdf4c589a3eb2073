// The shell: command lines typed wrong (usage errors, exit code 2), the
// session, the settings file and the plugins' host.
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

        // The session: its own commands' refusals, and a plugin's question left unanswered.
        "session.cannot_show_history": "cannot show history",
        "session.not_a_count": "'{given}' should be a whole number above 0",
        "session.cannot_source": "cannot source {file}",
        "session.source_too_deep": "scripts source each other more than {max} deep",
        "session.answer_stopped": "stopped with {key}",
        "session.nothing_recorded": "nothing was recorded",
        "input.which_day": "which day?",
        "repair_order.cannot_list": "cannot list",
        "repair_order.not_a_status": "'{given}' is not a status; statuses are {statuses}",

        // The store's settings file (store.toml).
        "settings_file.not_toml": "the settings file {file} is not valid TOML",
        "settings_file.toml_error": "{error}{section}",
        "settings_file.in_section": " (in [{section}])",
        "settings_file.cannot_read": "the settings file {file} cannot be read",
        "settings_file.read_error": "{error}",
        "settings_file.not_in_a_section": "a setting belongs in a section: {sections}",
        "settings_file.plugin_section": "a plugin's settings go in their own section, [plugin.NAME]",
        "settings_file.not_a_key": "is not a setting of [{section}]; {hint}its keys are {keys}",
        "settings_file.not_a_section": "is not a section of the store's settings; {hint}the sections are {sections}",
        "settings_file.did_you_mean": "did you mean {suggestion}? ",
        "settings_file.wrong_type": "expected {expected}, found {found}",
        "settings_file.not_a_string_item": "expected an array of strings, found {found} as item {item}",
        "settings_file.not_a_plugin_value": "expected a string, a whole number, true or false, or an array of strings, found {found}",
        "toml.string": "a string",
        "toml.string_array": "an array of strings",
        "toml.int": "a whole number",
        "toml.double": "a decimal number",
        "toml.bool": "true or false",
        "toml.array": "an array",
        "toml.table": "a table",
        "toml.date": "a date",
        "toml.time": "a time",
        "toml.date_time": "a date and time",
    ]
}
