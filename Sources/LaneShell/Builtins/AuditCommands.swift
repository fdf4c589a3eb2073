import LaneCore
import LaneStore
import ServiceDepartment

/// The audit trail: every change appends a row (time, user, role, the
/// command as typed, the entity, what it did), append-only and hash-chained.
enum AuditCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "audit", "the audit trail: who changed what, and a check that nobody altered it")
        for spec in [show, verify] { try registry.register(spec) }
    }

    /// What a write command's audit row says: the entity (its first
    /// positional, or the number the answer names) and the answer. The
    /// application layer appends the row inside the command's transaction:
    /// a refused command leaves no row, a done one always does.
    static func note(_ spec: CommandSpec, _ inv: Invocation, _ output: CommandOutput) -> AuditNote {
        note(ref: spec.positionals.first.flatMap { inv.positional($0.name) }, name: spec.name, output)
    }

    static func note(ref: String?, name: String, _ output: CommandOutput) -> AuditNote {
        let summary: String
        switch output {
        case .message(let text, _): summary = text
        case .text(let text): summary = text.split(separator: "\n").first.map(String.init) ?? ""
        case .nothing, .table, .record: summary = name
        }
        return AuditNote(ref: canonical(ref) ?? reference(in: summary) ?? "", summary: summary)
    }

    /// The entity as typed, or nil; the application layer keeps it canonical (`AuditTrail.canonical`).
    static func canonical(_ ref: String?) -> String? {
        guard let text = ref?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
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
            let day = inv.option("day") == nil ? nil : try DayInput.option(inv, ctx, "day")
            let query = AuditQuery(entity: inv.option("entity"), user: inv.option("user"), day: day,
                                   limit: try Paging.read(inv, defaultLimit: 200).limit)
            var t = Table(columns: [Column("seq", "#"), Column("at", "time"), Column("user", "user"), Column("role", "role"),
                                    Column("ref", "entity"), Column("command", "command"), Column("summary", "result")], emptyText: "no changes recorded")
            for e in try AuditDesk.entries(query, by: ctx.caller(inv.line), tx) {
                t.rows.append([.int(Int(e.sequence)), .time(e.at), .text(e.user), .text(e.role), .text(e.ref), .text(e.command),
                               .text(e.summary.replacingLineBreaks())])
            }
            return .table(t)
        })

    static let verify = CommandSpec(
        noun: "audit", verb: "verify", summary: "Check the hash chain: any altered or removed row is found",
        action: .read { _, _, tx in
            let result = try AuditDesk.verify(tx)
            var r = Record()
            r.add("checked", "rows checked", .int(result.checked))
            return .message(result.message.description, r)
        })
}
