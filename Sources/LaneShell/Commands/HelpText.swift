/// Help, generated from the same specs that drive parsing and completion,
/// so the two can never drift apart.
enum HelpText {
    static func overview(_ registry: CommandRegistry) -> String {
        var lines = ["ServiceLane: the after-sales service shell.", "", "Commands (NOUN VERB …; `help NOUN` lists a noun's verbs):"]
        let nounWidth = registry.nounNames.map { DisplayWidth.of($0) }.max() ?? 0
        for noun in registry.nounNames {
            let verbs = (registry.verbs(of: noun) ?? []).compactMap(\.verb).joined(separator: ", ")
            lines.append("  " + DisplayWidth.pad(noun, to: nounWidth) + "  " + registry.summary(of: noun) + " (" + verbs + ")")
        }
        lines.append("")
        lines.append("Shell commands:")
        let metaWidth = registry.metaNames.map { DisplayWidth.of($0) }.max() ?? 0
        for name in registry.metaNames {
            if let spec = registry.metaCommand(name) {
                lines.append("  " + DisplayWidth.pad(name, to: metaWidth) + "  " + spec.summary)
            }
        }
        lines.append("")
        lines.append("`COMMAND --help` or `help NOUN VERB` shows a command's options. TAB completes commands, options,")
        lines.append("plates, customers and staff names. Quote text with spaces: --model '星河 S5 1.5T'.")
        return lines.joined(separator: "\n")
    }

    static func noun(_ noun: String, _ registry: CommandRegistry) -> String? {
        guard let verbs = registry.verbsInProcessOrder(of: noun) else { return nil }
        let width = verbs.map { DisplayWidth.of($0.name) }.max() ?? 0
        var lines = ["\(noun): \(registry.summary(of: noun))", ""]
        for spec in verbs {
            lines.append("  " + DisplayWidth.pad(spec.name, to: width) + "  " + spec.summary)
        }
        lines.append("")
        lines.append("`help \(noun) VERB` shows the options of one.")
        return lines.joined(separator: "\n")
    }

    static func command(_ spec: CommandSpec) -> String {
        var lines = ["usage: \(spec.usage)", "", spec.summary]
        if !spec.discussion.isEmpty { lines += ["", spec.discussion] }
        let entries: [(String, String)] = spec.positionals.map { p in
            (p.name.uppercased(), p.help + (p.current == nil ? "" : " Left out: the current \(p.current == .vehicle ? "vehicle" : p.current == .repairOrder ? "repair order" : "customer") (`use`)."))
        } + spec.options.map { o in
            ((o.valueName.map { "--\(o.name) \($0)" } ?? "--\(o.name)"), o.help + (o.isRequired ? " (required)" : ""))
        }
        if !entries.isEmpty {
            let width = entries.map { DisplayWidth.of($0.0) }.max() ?? 0
            lines.append("")
            lines += entries.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
        }
        if !spec.examples.isEmpty {
            lines += ["", "Examples:"] + spec.examples.map { "  " + $0 }
        }
        if let plugin = spec.plugin { lines += ["", "From the plugin \(plugin) (`plugin info \(plugin)`)."] }
        return lines.joined(separator: "\n")
    }
}
