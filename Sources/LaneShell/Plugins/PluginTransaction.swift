import LaneStore
import ServiceDepartment

/// The plugin host is the one part of the shell that hands a transaction on:
/// a plugin's `PluginContext` reads (and, in a change, writes) in the command's
/// one transaction, which the application layer holds open (`Department`).
/// Built-in commands call the desks instead and never see it.
extension CommandAction {
    static func pluginRead(_ body: @escaping @Sendable (Invocation, CommandContext, any StoreReading) throws -> CommandOutput) -> CommandAction {
        .lookup { inv, ctx in try ctx.desks.department.withOpenLookup { tx in try body(inv, ctx, tx) } }
    }

    static func pluginWrite(_ body: @escaping @Sendable (Invocation, CommandContext, any StoreWriting) throws -> CommandOutput) -> CommandAction {
        .change { inv, ctx in try ctx.desks.department.withOpenChange { tx in try body(inv, ctx, tx) } }
    }
}

extension CommandContext {
    /// The command's open transaction, for a plugin's context.
    func withOpenLookup<T>(_ body: (any StoreReading) throws -> T) throws -> T { try desks.department.withOpenLookup(body) }
}
