import LaneCore
import LaneStore
import ServiceDepartment

/// The audit trail: every change appends a row (time, user, role, the
/// command as typed, the entity, what it did), append-only and hash-chained.
enum AuditCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "audit", "the audit trail: who changed what, and a check that nobody altered it")
        for spec in [show, verify, anchor] { try registry.register(spec) }
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
        action: .lookup { inv, ctx in
            let day = inv.option("day") == nil ? nil : try DayInput.option(inv, ctx, "day")
            let query = AuditQuery(entity: inv.option("entity"), user: inv.option("user"), day: day,
                                   limit: try Paging.read(inv, defaultLimit: 200).limit)
            var t = Table(columns: [Column("seq", "#"), Column("at", "time"), Column("user", "user"), Column("role", "role"),
                                    Column("ref", "entity"), Column("command", "command"), Column("summary", "result")], emptyText: Message("empty.no_changes_recorded").description)
            for e in try ctx.desks.audit.entries(query, by: ctx.caller(inv.line)) {
                t.rows.append([.int(Int(e.sequence)), .time(e.at), .text(e.user), .text(e.role), .text(e.ref), .text(e.command),
                               .text(e.summary.replacingLineBreaks())])
            }
            return .table(t)
        })

    static let verify = CommandSpec(
        noun: "audit", verb: "verify", summary: "Check the chain, the signatures and the checkpoints: an altered or removed row is found",
        discussion: """
            Every row is chained to the one before and signed with the store's key (the file beside the database, \
            never inside it). Checkpoints taken with `audit anchor` are checked too; give one kept elsewhere with \
            --checkpoint to prove that nothing up to it was removed since. The answer says what was proved and what was not.
            """,
        options: [OptionSpec("checkpoint", value: "LINE", "A checkpoint line kept elsewhere: lane-audit ROW HASH SIGNATURE")],
        action: .session { inv, session in
            var checkpoint: Checkpoint?
            if let text = inv.option("checkpoint") {
                guard let parsed = Checkpoint(parsing: text) else {
                    throw Refusal(Message("audit.tampered"), problems: [Problem("checkpoint", Message("audit.not_a_checkpoint", ["given": .text(text)]))])
                }
                checkpoint = parsed
            }
            let ctx = try session.context()
            let result = try AuditDesk(session.department).verify(checkpoint: checkpoint, by: ctx.caller(inv.line))
            var r = Record()
            r.add("checked", "rows checked", .int(result.checked))
            r.add("signed", "rows signed", .int(result.signed))
            r.add("unsigned", "rows before signing", .int(result.unsigned))
            r.add("key_checked", "key checked", .bool(result.keyKnown))
            r.add("personal_checked", "rows with personal data checked", .int(result.personalChecked))
            r.add("personal_erased", "rows with personal data erased", .int(result.personalErased))
            r.add("personal_values_erased", "personal values erased", .int(result.personalValuesErased))
            r.add("personal_legacy", "rows from before personal data was kept apart", .int(result.personalLegacy))
            r.add("sealed_since", "rows sealed since", result.sealsBegan.map { .int(Int($0)) } ?? .none)
            r.add("newest_checkpoint", "newest checkpoint", result.newestCheckpoint.map { .int(Int($0)) } ?? .none)
            return .message(result.messages.map(\.description).joined(separator: "\n"), r)
        })

    static let anchor = CommandSpec(
        noun: "audit", verb: "anchor", summary: "Take a signed checkpoint of the audit trail, to keep somewhere else",
        discussion: "Keep the line it prints outside this computer (printed, sent to head office); `audit verify --checkpoint LINE` then proves nothing up to it was removed.",
        action: .session { inv, session in
            let ctx = try session.context()
            guard let checkpoint = try AuditDesk(session.department).anchor(by: ctx.caller(inv.line)) else {
                return .message(Message("audit.nothing_to_anchor").description, nil)
            }
            var r = Record()
            r.add("row", "row", .int(Int(checkpoint.sequence)))
            r.add("checkpoint", "checkpoint", .text(checkpoint.description))
            return .message(Message("audit.anchored", ["row": .int(Int(checkpoint.sequence))]).description + "\n" + checkpoint.description, r)
        })
}
