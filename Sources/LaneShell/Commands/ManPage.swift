import Foundation
import LaneCore

/// `lane --generate-manpage`: lane(1) in roff, from the same command specs
/// that drive parsing, help and completion, so the page cannot drift from
/// the shell. `scripts/make-manpage` writes it to docs/lane.1.
public enum ManPage {
    /// The page; `processHelp` is the process options' help as
    /// swift-argument-parser prints it (`lane --help`).
    public static func roff(_ registry: CommandRegistry, processHelp: String, version: String) -> String {
        var out: [String] = [
            ".TH LANE 1 \"\" \"lane \(escape(version))\" \"ServiceLane\"",
            ".SH NAME",
            "lane \\- the after-sales service shell of a car dealership",
            ".SH SYNOPSIS",
            ".B lane",
            "[\\fIoptions\\fR] [\\fB\\-c\\fR \\fIcommand\\fR]... [\\fB\\-f\\fR \\fIfile\\fR]",
            ".SH DESCRIPTION",
            escape(Message("terminal.man_description").description),
            ".SH OPTIONS",
            ".nf",
        ]
        out += processHelp.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
        out.append(".fi")
        out.append(".SH COMMANDS")
        out.append(escape(Message("terminal.man_commands").description))
        for noun in registry.nounNames {
            out.append(".SS \(escape(noun)): \(escape(registry.summary(of: noun)))")
            for spec in registry.verbsInProcessOrder(of: noun) ?? [] { out += entry(spec) }
        }
        out.append(".SS \(escape(Message("terminal.man_shell_commands").description))")
        for name in registry.metaNames { if let spec = registry.metaCommand(name) { out += entry(spec) } }
        out.append(".SH \(escape(Message("terminal.man_completion_title").description))")
        out.append(escape(Message("terminal.man_completion").description))
        out.append(".PP")
        out.append(".nf")
        out += completionInstall.map(escape)
        out.append(".fi")
        out.append(".SH FILES")
        out.append(escape(Message("terminal.man_files").description))
        out.append(".SH EXIT STATUS")
        out.append(escape(Message("terminal.man_exit").description))
        out.append(".SH SEE ALSO")
        out.append(escape(Message("terminal.man_see_also").description))
        return out.joined(separator: "\n") + "\n"
    }

    /// Installing `lane --generate-completion-script` (swift-argument-parser
    /// writes the scripts) for each shell: the README's lines.
    public static let completionInstall = [
        "lane --generate-completion-script bash > ~/.local/share/bash-completion/completions/lane",
        "lane --generate-completion-script zsh > ~/.zfunc/_lane    # with fpath+=(~/.zfunc) in ~/.zshrc",
        "lane --generate-completion-script fish > ~/.config/fish/completions/lane.fish",
    ]

    private static func entry(_ spec: CommandSpec) -> [String] {
        var lines = [".TP", "\\fB\(escape(spec.usage))\\fR", escape(spec.summary)]
        if !spec.discussion.isEmpty { lines += [".br", escape(spec.discussionArguments == nil ? spec.discussion : HelpText.discussion(spec, in: .english))] }
        for p in spec.positionals { lines += [".br", "\\fI\(escape(p.name.uppercased()))\\fR \\- \(escape(p.help))"] }
        for o in spec.options {
            let name = o.valueName.map { "\\-\\-\(escape(o.name)) \\fI\(escape($0))\\fR" } ?? "\\-\\-\(escape(o.name))"
            lines += [".br", "\\fB\(name)\\fR \\- \(escape(o.help))"]
        }
        for example in spec.examples { lines += [".br", "e.g. \\fB\(escape(example))\\fR"] }
        return lines
    }

    /// Text as roff reads it: backslashes doubled, hyphens as \-, and a line
    /// starting with a dot or quote kept as text.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        out = out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
        return out
    }
}
