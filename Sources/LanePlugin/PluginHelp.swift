import LaneCore

extension LanePlugin {
    /// The words of its help as its specs give them (the manifest's summary,
    /// its nouns' lines, each command's summary and each argument's and
    /// option's help, and its discussion), under its own codes: `NAME.help.summary`,
    /// `NAME.help.noun.NOUN`, `NAME.help.command.NOUN.VERB`,
    /// `NAME.help.option.NOUN.VERB.OPTION`, `NAME.help.discussion.NOUN.VERB`. A plugin adds them to its English
    /// table and gives the same codes in its other languages, so `help`,
    /// usage errors and `plugin info` speak the reader's language, and
    /// `PluginWords` finds a command whose help has no words in one of them.
    public var helpWords: [MessageCode: String] {
        let name = manifest.name
        var words: [MessageCode: String] = [:]
        func add(_ code: String, _ text: String) { words[MessageCode(name + ".help." + code)] = text }
        add("summary", manifest.summary)
        for (noun, line) in manifest.nouns { add("noun." + noun, line) }
        for c in commands {
            let command = c.noun + "." + c.verb
            add("command." + command, c.summary)
            if !c.discussion.isEmpty { add("discussion." + command, c.discussion) }
            for p in c.positionals { add("option." + command + "." + p.name, p.help) }
            for o in c.options { add("option." + command + "." + o.name, o.help) }
        }
        return words
    }
}
