import LaneCore
import LaneStore

/// Tells the active plugins what a change did: the application layer turns
/// the timeline rows it added into domain events (`Department`).
enum PluginEvents {
    /// A handler that throws does not stop the command: what it changed is
    /// undone (a savepoint), and a note names the plugin and what went wrong.
    static func notes(for events: [DomainEvent], _ ctx: CommandContext, _ tx: any StoreWriting) throws -> [String] {
        var notes: [String] = []
        for event in events {
            for (name, plugin) in ctx.plugins.active where DeafPlugins.shared.hears(plugin, .handle) {
                do {
                    notes += try tx.contained { try plugin.handle(event, HostPluginContext(plugin: name, ctx, tx, writing: tx)) }
                        .map { "\(name): \($0)" }
                } catch is EventsNotHeard {
                    DeafPlugins.shared.mark(plugin, .handle)
                } catch let failure as StoreFailure {
                    // The store itself failed (disk full, busy): that is the command's failure too.
                    throw failure
                } catch {
                    notes.append(Message("plugin.handler_failed", ["plugin": .text(name), "error": .text(ErrorReport.message(for: error))]).description)
                }
            }
        }
        return notes
    }

    /// After the commit: each active plugin's `committed`, each with a read-only context of its own,
    /// all in one read transaction (the committed state, the same for every plugin). A read
    /// transaction per plugin and event was a tenth of a scripted write's CPU, though most plugins
    /// hear nothing there. A failure is a note, the command stands.
    static func committedNotes(for events: [(DomainEvent, CommandContext)], _ store: any ServiceStore) -> [String] {
        // Nobody to tell (no active plugin hears them): no read is opened.
        guard events.contains(where: { $0.1.plugins.active.contains { DeafPlugins.shared.hears($0.plugin, .committed) } }) else { return [] }
        var notes: [String] = []
        do {
            try store.read { tx in
                for (event, ctx) in events {
                    for (name, plugin) in ctx.plugins.active where DeafPlugins.shared.hears(plugin, .committed) {
                        do {
                            notes += try plugin.committed(event, HostPluginContext(plugin: name, ctx, tx)).map { "\(name): \($0)" }
                        } catch is EventsNotHeard {
                            DeafPlugins.shared.mark(plugin, .committed)
                        } catch {
                            notes.append(Message("plugin.committed_failed", ["plugin": .text(name), "error": .text(ErrorReport.message(for: error))]).description)
                        }
                    }
                }
            }
        } catch {
            // The read itself failed: every plugin that was to hear is told so.
            for name in Set(events.flatMap { $0.1.plugins.active.map { $0.name } }).sorted() {
                notes.append(Message("plugin.committed_failed", ["plugin": .text(name), "error": .text(ErrorReport.message(for: error))]).description)
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

/// The plugin types that do not hear `handle` or `committed` (they answered `EventsNotHeard`, the
/// protocol's default): whether a type implements a requirement is the type's, so once is enough.
/// A step opened a savepoint for each of them, and after its commit a read (3 % of a scripted write).
final class DeafPlugins: @unchecked Sendable {
    static let shared = DeafPlugins()
    enum Hook { case handle, committed }
    private let deaf = Locked<Set<Key>>([])
    private struct Key: Hashable {
        var type: ObjectIdentifier
        var hook: Hook
    }

    func hears(_ plugin: any LanePlugin, _ hook: Hook) -> Bool {
        let key = Key(type: ObjectIdentifier(type(of: plugin)), hook: hook)
        return deaf.withLock { !$0.contains(key) }
    }

    func mark(_ plugin: any LanePlugin, _ hook: Hook) {
        let key = Key(type: ObjectIdentifier(type(of: plugin)), hook: hook)
        _ = deaf.withLock { $0.insert(key) }
    }
}
