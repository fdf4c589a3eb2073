import LaneCore
import ServiceDepartment

// `ro show`'s check-in sheet, work-order terms, checks and comebacks, and
// `ro comeback` (返修). The rules are LaneCore's (`Workshop.swift`).
extension RepairOrderCommands {
    static let comeback = step(
        "comeback", "The car is back for the same fault as an earlier order (a comeback)", rule: "R3.3, R5.4",
        discussion: "The earlier order must be of the same car and handed over within the store's comeback period "
            + "(workshop.comeback_days). The link is on both orders' timelines and in `ro show`; the comeback is handed over "
            + "only when the customer confirms the fault is gone (`ro deliver --fault-gone`).",
        positionals: [PositionalSpec("earlier", "The earlier order, e.g. RO-20261102-0003", completion: .repairOrders)],
        examples: ["ro comeback RO-20261102-0003"]
    ) { inv, _ in
        RepairOrderAction(.comeback(earlier: inv.positional("earlier") ?? ""))
    }

    /// R3.4, R3.10: the check-in sheet and the work order's terms as stored.
    static func receptionFields(_ o: RepairOrder, into r: inout Record) {
        r.add("fuel_eighths", "fuel (eighths)", o.checkIn.map { .int($0.fuelEighths) } ?? .none)
        r.add("covers_fitted", "covers fitted", o.checkIn.map { .bool($0.coversFitted) } ?? .none)
        r.add("damage", "body damage", .optional(o.checkIn?.damage))
        r.add("equipment", "equipment", .optional(o.checkIn?.equipment))
        r.add("payment_method", "payment method", .optional(o.terms?.payment.rawValue), words: PaymentMethod.wordKind)
        r.add("old_parts", "old parts", .optional(o.terms?.oldParts.rawValue), words: OldPartsChoice.wordKind)
        r.add("wash", "free wash", o.terms.map { .bool($0.wash) } ?? .none)
        r.add("washed", "washed", .bool(o.washed))
        r.add("signed_by", "work order signed by", .optional(o.terms?.signedBy))
        r.add("signed_at", "work order signed", o.terms.map { .time($0.signedAt) } ?? .none)
    }

    /// The comeback link both ways, and the checks with the lines a failed one sent back (R4.6).
    static func workshopSections(_ o: RepairOrder, _ ctx: CommandContext, into r: inout Record) throws {
        r.add("comeback_of", "comeback of", .optional(o.comebackOf))
        let cameBack = try ctx.desks.repairOrders.comebacks(of: o, by: ctx.caller("ro show \(o.number)"))
        r.add("came_back_as", "came back as", cameBack.isEmpty ? .none : .text(cameBack.joined(separator: ", ")))
        r.add("comebacks", "comebacks", .int(cameBack.count))
        var t = Table(columns: [Column("stage", "check", words: QualityCheckStage.wordKind), Column("passed", "passed"), Column("by", "by"), Column("at", "time"),
                                Column("note", "note"), Column("rework", "lines back to work")],
                      emptyText: Message("workshop.no_checks_yet").description)
        for c in o.checks {
            t.rows.append([.text(c.stage.rawValue), .bool(c.passed), .text(c.by), .time(c.at), .text(c.note),
                           .text(c.rework.map(String.init).joined(separator: ","))])
        }
        r.add(section: "checks", "checks", t)
    }

    /// A labour line's progress as `ro show` lists it.
    static func progress(_ l: RepairOrderLine, of o: RepairOrder) -> String {
        switch l.kind {
        case .labor:
            if l.clockedOnAt != nil { return Message("repair_order.progress.clocked_on", ["technician": .text(l.clockedOnBy ?? "")]).description }
            if o.awaitsRework(l) { return Message("workshop.progress_rework").description }
            return l.done ? Message("repair_order.progress.done").description
                : l.workedMinutes > 0 ? Message("repair_order.progress.started").description : "-"
        case .part: return Message("repair_order.progress.issued", ["issued": .int(l.issued), "quantity": .int(l.quantity)]).description
        }
    }

    /// `ro estimate`'s rows for safety items declined before (R3.8).
    static func declinedRows(_ items: [DeclinedSafetyItem]) -> [[Value]] {
        items.map { [.text("R3.8"), .text($0.recommendation.description)] }
    }

    /// `ro open`'s earlier orders the car may be back for.
    static func possibleComebacks(_ o: RepairOrderOpened) -> Value {
        o.comebackCandidates.isEmpty ? .none : .text(o.comebackCandidates.map(\.number).joined(separator: ", "))
    }
}
