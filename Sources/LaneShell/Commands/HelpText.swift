import LaneCore

/// Help, generated from the same specs that drive parsing and completion,
/// so the two can never drift apart. The words come from the catalog
/// (`help.command.ro.check-in`, `help.noun.ro`) in the reader's language;
/// a plugin's command, which has none there, shows its spec's summary.
enum HelpText {
    static func say(_ code: MessageCode, _ args: [String: MessageArgument] = [:]) -> String { Message(code, args).description }

    /// A command's summary in the reader's language.
    static func summary(_ spec: CommandSpec) -> String {
        let code = MessageCode("help.command." + spec.name.split(separator: " ").joined(separator: "."))
        if let own = pluginCode(spec.plugin, code) { return MessageCatalog.current.hasWords(own) ? say(own) : spec.summary }
        return MessageCatalog.current.templates[code] != nil ? say(code) : spec.summary
    }

    /// A plugin's help words are its own codes: `parts.` + the built-ins' code
    /// (`parts.help.command.parts.find`), from its tables (`LanePlugin.messages`)
    /// or a run-time plugin's handshake; nil for a built-in.
    static func pluginCode(_ plugin: String?, _ code: MessageCode) -> MessageCode? {
        plugin.map { MessageCode($0 + "." + code.rawValue) }
    }

    /// What a plugin does (`plugin list`, `plugin info`), in the reader's language when it gave it.
    static func pluginSummary(_ manifest: PluginManifest) -> String {
        let code = MessageCode(manifest.name + ".help.summary")
        return MessageCatalog.current.hasWords(code) ? say(code) : manifest.summary
    }

    /// An option's or argument's help in the reader's language (`help.option.ro.sign.payment`).
    static func help(_ spec: CommandSpec, _ name: String, _ written: String, family: String = "help.option.") -> String {
        let command = spec.name.split(separator: " ").joined(separator: ".")
        let code = MessageCode(family == "help.option." ? family + command + "." + name : family + command)
        if let own = pluginCode(spec.plugin, code) { return MessageCatalog.current.hasWords(own) ? say(own) : written }
        return MessageCatalog.current.templates[code] != nil ? say(code) : written
    }

    /// A command's discussion (`help.discussion.ro.check`) in `catalog`'s language (the
    /// reader's unless given), with the arguments its spec builds now (`store set`'s settings).
    static func discussion(_ spec: CommandSpec, in catalog: MessageCatalog? = nil) -> String {
        let catalog = catalog ?? MessageCatalog.current
        let code = MessageCode("help.discussion." + spec.name.split(separator: " ").joined(separator: "."))
        let own = pluginCode(spec.plugin, code) ?? code
        guard catalog.hasWords(own) else { return spec.discussion }
        return catalog.render(Message(own, spec.discussionArguments?() ?? [:]))
    }

    /// The same as a message argument, rendered when the reader reads it (a
    /// usage error names the missing argument in the reader's language).
    static func argument(_ spec: CommandSpec, _ name: String, _ written: String) -> MessageArgument {
        let code = MessageCode("help.option." + spec.name.split(separator: " ").joined(separator: ".") + "." + name)
        if let own = pluginCode(spec.plugin, code) { return MessageCatalog.english.hasWords(own) ? .message(Message(own)) : .text(written) }
        return MessageCatalog.english.templates[code] != nil ? .message(Message(code)) : .text(written)
    }

    static func nounSummary(_ noun: String, _ registry: CommandRegistry) -> String {
        let code = MessageCode("help.noun." + noun)
        if let own = pluginCode(registry.nounPlugins[noun], code), MessageCatalog.current.hasWords(own) { return say(own) }
        return MessageCatalog.current.templates[code] != nil ? say(code) : registry.summary(of: noun)
    }

    static func overview(_ registry: CommandRegistry) -> String {
        var lines = [say("help.overview.title"), "", say("help.overview.commands")]
        let nounWidth = registry.nounNames.map { DisplayWidth.of($0) }.max() ?? 0
        for noun in registry.nounNames {
            let verbs = (registry.verbs(of: noun) ?? []).compactMap(\.verb).joined(separator: ", ")
            lines.append("  " + DisplayWidth.pad(noun, to: nounWidth) + "  " + nounSummary(noun, registry) + " (" + verbs + ")")
        }
        lines.append("")
        lines.append(say("help.overview.shell"))
        let metaWidth = registry.metaNames.map { DisplayWidth.of($0) }.max() ?? 0
        for name in registry.metaNames {
            if let spec = registry.metaCommand(name) {
                lines.append("  " + DisplayWidth.pad(name, to: metaWidth) + "  " + summary(spec))
            }
        }
        lines.append("")
        lines.append(say("help.overview.footer"))
        return lines.joined(separator: "\n")
    }

    static func noun(_ noun: String, _ registry: CommandRegistry) -> String? {
        guard let verbs = registry.verbsInProcessOrder(of: noun) else { return nil }
        let width = verbs.map { DisplayWidth.of($0.name) }.max() ?? 0
        var lines = ["\(noun): \(nounSummary(noun, registry))", ""]
        for spec in verbs {
            lines.append("  " + DisplayWidth.pad(spec.name, to: width) + "  " + summary(spec))
        }
        lines.append("")
        lines.append(say("help.noun.footer", ["noun": .text(noun)]))
        return lines.joined(separator: "\n")
    }

    static func command(_ spec: CommandSpec) -> String {
        var lines = [say("help.usage", ["usage": .text(spec.usage)]), "", summary(spec)]
        if !spec.discussion.isEmpty { lines += ["", discussion(spec)] }
        let entries: [(String, String)] = spec.positionals.map { p in
            (p.name.uppercased(), help(spec, p.name.lowercased(), p.help) + (p.current.map { say("help.left_out", ["kind": .message(Message(currentCode($0)))]) } ?? ""))
        } + spec.options.map { o in
            ((o.valueName.map { "--\(o.name) \($0)" } ?? "--\(o.name)"), help(spec, o.name, o.help) + (o.isRequired ? say("help.required") : ""))
        }
        if !entries.isEmpty {
            let width = entries.map { DisplayWidth.of($0.0) }.max() ?? 0
            lines.append("")
            lines += entries.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
        }
        if !spec.examples.isEmpty {
            lines += ["", say("help.examples")] + spec.examples.map { "  " + $0 }
        }
        if let plugin = spec.plugin { lines += ["", say("help.from_plugin", ["plugin": .text(plugin)])] }
        return lines.joined(separator: "\n")
    }

    static func currentCode(_ kind: CurrentKind) -> MessageCode {
        switch kind {
        case .vehicle: return "help.current.vehicle"
        case .repairOrder: return "help.current.repair_order"
        case .customer: return "help.current.customer"
        }
    }
}
