import LaneCore
import LaneStore

/// Help beyond one command: the walk through a visit (`help workflow`) and
/// searching every command's help, the dealership's words for them (Chinese
/// too: `help 刹车`) and the labour and parts catalogues (`apropos`).
enum HelpGuide {
    static var workflow: String { Message("terminal.help_workflow").description }

    /// Every command whose name, summary, discussion, options or examples
    /// hold `word`, the commands the dealership's terms for it point to, and
    /// the catalogue entries named by it; nil when nothing matches.
    static func search(_ word: String, _ session: ShellSession) -> String? {
        let needle = word.lowercased().trimmingWhitespace()
        guard !needle.isEmpty else { return nil }
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        // The dealership's words (English and Chinese) for what commands do.
        for line in Message("terminal.help_terms").description.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2 else { continue }
            let terms = parts[0].split(separator: "|").map { $0.lowercased() }
            if terms.contains(where: { $0.contains(needle) || needle.contains($0) }) {
                for name in parts[1].split(separator: ",") { add(String(name).trimmingWhitespace()) }
            }
        }
        for spec in session.registry.allSpecs {
            // The words as written and as the reader's catalog gives them (`apropos 出门证` in Chinese).
            let texts = [spec.name, spec.summary, spec.discussion] + spec.examples + spec.options.map(\.help) + spec.positionals.map(\.help)
                + [HelpText.summary(spec), HelpText.discussion(spec)]
                + spec.options.map { HelpText.help(spec, $0.name, $0.help) } + spec.positionals.map { HelpText.help(spec, $0.name.lowercased(), $0.help) }
            if texts.contains(where: { $0.lowercased().contains(needle) }) { add(spec.name) }
        }
        var lines: [String] = []
        let specs = names.compactMap { name -> CommandSpec? in
            let words = name.split(separator: " ").map(String.init)
            return words.count == 2 ? session.registry.command(noun: words[0], verb: words[1]) : session.registry.metaCommand(name)
        }
        if !specs.isEmpty {
            lines.append(Message("terminal.help_found", ["word": .text(word)]).description)
            let width = specs.map { DisplayWidth.of($0.name) }.max() ?? 0
            lines += specs.map { "  " + DisplayWidth.pad($0.name, to: width) + "  " + HelpText.summary($0) }
        }
        // The catalogues: `help 刹车` finds the brake jobs and pads by their names.
        if let (labor, parts) = try? session.store.read({ tx in (try tx.laborOperations(), try tx.parts()) }) {
            let jobs = labor.filter { $0.name.lowercased().contains(needle) || $0.code.lowercased().contains(needle) }
            let items = parts.filter { $0.name.lowercased().contains(needle) || $0.number.lowercased().contains(needle) }
            if !jobs.isEmpty || !items.isEmpty {
                if !lines.isEmpty { lines.append("") }
                lines.append(Message("terminal.help_catalogue", ["word": .text(word)]).description)
                lines += jobs.prefix(20).map { "  ro labor \($0.code)  \($0.name)" }
                lines += items.prefix(20).map { "  ro part \($0.number)  \($0.name)" }
            }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// `apropos WORD`: the search alone.
    static let apropos = CommandSpec(
        noun: "apropos", verb: nil, summary: MessageCatalog.englishTerminalWords(MessageCode("terminal.apropos_summary")),
        positionals: [PositionalSpec("word", MessageCatalog.englishTerminalWords(MessageCode("terminal.apropos_word")))],
        examples: ["apropos 刹车", "apropos delivery"],
        action: .session { inv, session in
            let word = inv.positional("word") ?? ""
            guard let found = search(word, session) else {
                throw Refusal(Message("terminal.help_nothing", ["word": .text(word)]), problems: [])
            }
            return .text(found)
        })
}
