import LaneCore
import LaneStore

/// Tells the active plugins what a command did. The repair order's timeline
/// is the record of every step, so the rows a command added to it are the
/// events; no command has to announce anything itself.
enum PluginEvents {
    static func dispatch(since mark: Int64, _ output: CommandOutput, _ ctx: CommandContext, _ tx: any StoreWriting) throws -> CommandOutput {
        let rows = try tx.repairOrderEvents(afterID: mark)
        guard !rows.isEmpty else { return output }
        var notes: [String] = []
        for row in rows {
            guard let order = try tx.repairOrder(id: row.orderID) else { continue }
            let event = domainEvent(row.kind, order)
            for (name, plugin) in ctx.plugins.active {
                notes += try plugin.handle(event, HostPluginContext(plugin: name, ctx, tx, writing: tx)).map { "\(name): \($0)" }
            }
        }
        return adding(notes, to: output)
    }

    static func domainEvent(_ step: String, _ order: RepairOrder) -> DomainEvent {
        switch step {
        case "open": return .repairOrderOpened(order)
        case "labor", "part":
            // The line just added is the newest of its kind.
            let kind: LineKind = step == "labor" ? .labor : .part
            if let line = order.lines.filter({ $0.kind == kind }).max(by: { $0.id < $1.id }) { return .lineAdded(order, line) }
            return .repairOrderStep(order, step: step)
        case "deliver": return .delivered(order)
        default: return .repairOrderStep(order, step: step)
        }
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
