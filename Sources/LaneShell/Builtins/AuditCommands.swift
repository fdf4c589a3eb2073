import LaneCore
import LaneStore

/// The audit trail: every change appends a row (time, user, role, the
/// command as typed, the entity, what it did), append-only and hash-chained.
enum AuditCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "audit", "the audit trail: who changed what, and a check that nobody altered it")
        for spec in [show, verify] { try registry.register(spec) }
    }

    /// Appends the audit row of a write command, inside its transaction:
    /// a refused command leaves no row, a done one always does.
    static func record(_ spec: CommandSpec, _ inv: Invocation, _ output: CommandOutput, _ ctx: CommandContext, _ tx: any StoreWriting) throws {
        try record(noun: spec.noun, name: spec.name, ref: spec.positionals.first.flatMap { inv.positional($0.name) }, inv, output, ctx, tx)
    }

    static func record(noun: String, name: String, ref: String?, _ inv: Invocation, _ output: CommandOutput, _ ctx: CommandContext,
                       _ tx: any StoreWriting) throws {
        let summary: String
        switch output {
        case .message(let text, _): summary = text
        case .text(let text): summary = text.split(separator: "\n").first.map(String.init) ?? ""
        case .nothing, .table, .record: summary = name
        }
        let ref = canonical(ref) ?? reference(in: summary) ?? ""
        let role = ctx.role?.rawValue ?? "-"
        try tx.appendAudit(AuditEntry(at: ctx.now, user: ctx.user, role: role, command: inv.line.trimmingWhitespace(), noun: noun,
                                      ref: ref, summary: String(summary.prefix(500))))
    }

    /// RO and appointment numbers are stored upper-case, as `ro` and `appt` find them.
    static func canonical(_ ref: String?) -> String? {
        guard let text = ref?.trimmingWhitespace(), !text.isEmpty else { return nil }
        let lower = text.lowercased()
        return lower.hasPrefix("ro-") || lower.hasPrefix("ap-") ? text.uppercased() : text
    }

    /// For commands that create the entity (`customer add`): the first
    /// customer code, RO or appointment number the answer names.
    static func reference(in summary: String) -> String? {
        for word in summary.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," }) {
            let w = String(word)
            if (w.hasPrefix("RO-") || w.hasPrefix("AP-")) && w.count >= 14 { return w }
            if Customer.looksLikeCode(w) { return w }
        }
        return nil
    }

    static let show = CommandSpec(
        noun: "audit", verb: "show", summary: "The audit trail, by entity, user and day",
        options: [OptionSpec("entity", value: "REF", "An RO number, plate, customer code, appointment…", completion: .vehiclesAndCustomers),
                  OptionSpec("user", value: "NAME", "Who made the change", completion: .staff),
                  OptionSpec("day", value: "DATE", "One day"),
                  OptionSpec("limit", value: "N", "At most this many rows (default 200)")],
        examples: ["audit show --entity RO-20261123-0001", "audit show --user 赵子涵 --day 2026-11-23"],
        action: .read { inv, ctx, tx in
            var from: Timestamp?, to: Timestamp?
            if inv.option("day") != nil {
                let day = try DayInput.option(inv, ctx, "day")
                from = Timestamp(date: day, offset: ctx.settings.utcOffset)
                to = Timestamp(date: day.adding(days: 1), offset: ctx.settings.utcOffset)
            }
            let (limit, _) = try Paging.read(inv, defaultLimit: 200)
            var t = Table(columns: [Column("seq", "#"), Column("at", "time"), Column("user", "user"), Column("role", "role"),
                                    Column("ref", "entity"), Column("command", "command"), Column("summary", "result")], emptyText: "no changes recorded")
            for e in try tx.auditEntries(ref: inv.option("entity")?.uppercased(), user: inv.option("user"), from: from, to: to, limit: limit) {
                t.rows.append([.int(Int(e.sequence)), .time(e.at), .text(e.user), .text(e.role), .text(e.ref), .text(e.command),
                               .text(e.summary.replacingLineBreaks())])
            }
            return .table(t)
        })

    static let verify = CommandSpec(
        noun: "audit", verb: "verify", summary: "Check the hash chain: any altered or removed row is found",
        action: .read { _, _, tx in
            let result = try tx.verifyAudit()
            if let broken = result.firstBroken {
                throw Refusal("the audit trail has been tampered with", problems: [
                    Problem("row \(broken)", "its content or place does not match the chain (\(result.checked) rows before it are intact)")])
            }
            return .message("the audit trail is intact: \(result.checked) rows, each chained to the one before", nil)
        })
}
