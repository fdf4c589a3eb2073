// Plugins checked: the events a run-time plugin may ask for, what its answer
// to an event may say, and the nouns a plugin's commands may use.
extension MessageCatalog {
    static let englishPluginChecks: KeyValuePairs<MessageCode, String> = [
        "plugin.runtime.not_an_event": "{field}: '{given}' is not an event; name one as NOUN.STEP or NOUN.* with NOUN one of {nouns} (or * for all)",
        "plugin.runtime.event_answer": "the answer to an event may only say something (text or message); {field} is for commands",
        "plugin.load.core_noun": "its command '{command}' would join {noun}, whose commands are lane's own; a plugin's commands go under nouns of its own",
    ]
}
