import LaneCore
import LaneStore

/// Tells the active plugins what a change did: the application layer turns
/// the timeline rows it added into domain events (`Department`).
enum PluginEvents {
    static func notes(for events: [DomainEvent], _ ctx: CommandContext, _ tx: any StoreWriting) throws -> [String] {
        var notes: [String] = []
        for event in events {
            for (name, plugin) in ctx.plugins.active {
                notes += try plugin.handle(event, HostPluginContext(plugin: name, ctx, tx, writing: tx)).map { "\(name): \($0)" }
            }
        }
        return notes
    }

    /// Notes go under the command's own answer.
    static func adding(_ notes: [String], to output: CommandOutput) -> CommandOutput {
        guard !notes.isEmpty else { return output }
        let text = notes.map { "note: " + $0 }.joined(separator: "\n")
        switch output {
        case .nothing: return .message(text, nil)
        case .message(let m, let r): return .message(m + "\n" + text, r)
        case .text(let t): return .text(t + "\n" + text)
        case .record(var r):
            r.add("notes", "notes", .text(notes.joined(separator: "\n")))
            return .record(r)
        case .table(let t):
            var r = Record()
            r.add("notes", "notes", .text(notes.joined(separator: "\n")))
            r.add(section: "rows", "", t)
            return .record(r)
        }
    }
}
