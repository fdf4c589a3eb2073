// The interface language and Chinese-keyboard input: choosing the language,
// the default plate prefix, and the note that shows a normalised line.
extension MessageCatalog {
    static let englishLanguage: KeyValuePairs<MessageCode, String> = [
        "settings.not_a_language": "'{given}' is not an interface language; say zh (Simplified Chinese) or en (English)",
        "settings.not_a_plate_prefix": "'{given}' is not a default plate prefix like 粤B (province and office letter)",
        "session.banner": "ServiceLane · {store} · `help` lists commands, TAB completes, Ctrl-D leaves.",
        "sign_in.hint_admin": "hint: a new store has one account, admin: lane --user admin (README, \"Who is who\")",
        "session.normalised": "read as: {line}",
        "input.not_one_of_meant": "'{given}' is not one of {choices}; did you mean '{suggestion}'?",
        "usage.unknown_option_meant": "unknown option --{option}; did you mean --{suggestion}? {takes}",
    ]
}
