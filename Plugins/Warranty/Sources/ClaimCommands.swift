import LanePlugin

/// `warranty claim-…`: a case still unclear after the diagnosis goes to the
/// maker's service department for approval (R3.5, X1). Opening a claim
/// records the repair order's warranty decision as escalated; the maker's
/// answer decides it (covered or not covered), all in the one transaction
/// of the command.
enum ClaimCommands {
    static var all: [PluginCommand] { [open, update, list, show] }

    static let orderPositional = PositionalSpec("ro", "Repair order number, e.g. RO-20261123-0001", completion: .repairOrders, current: .repairOrder)
    static let claimPositional = PositionalSpec("claim", "Claim number, e.g. WC-20261123-01")

    static let open = PluginCommand(
        noun: "warranty", verb: "claim-open", summary: "Escalate an unclear warranty case to the maker: a claim for one repair",
        discussion: """
            The operation is a labour line of the repair order. The repair order's warranty decision becomes `escalated` \
            (through `ro warranty`, so only where that step is allowed: at reception, or until the team-leader check when the \
            decision was pending diagnosis). The verdict of the store's warranty rules at that moment is kept on the claim.
            """,
        positionals: [orderPositional],
        options: [OptionSpec("operation", value: "CODE", "The labour operation the claim is for", completion: .laborOperations, required: true),
                  OptionSpec("symptom", value: "TEXT", "What the customer reported and what was seen", required: true),
                  OptionSpec("diagnosis", value: "TEXT", "What the diagnosis found, and why it is unclear", required: true)],
        examples: ["warranty claim-open RO-20261123-0001 --operation EV-BATT-CHECK --symptom '续航骤降' --diagnosis '单体压差大，疑似电芯缺陷'"],
        access: .changes(roles: [.serviceAdvisor, .technicalDirector])
    ) { args, c in
        var p: [Problem] = []
        let order = try Lookup.order(args.positional("ro"), c, into: &p)
        let code = (args.option("operation") ?? "").trimmingWhitespace().uppercased()
        let symptom = (args.option("symptom") ?? "").trimmingWhitespace()
        let diagnosis = (args.option("diagnosis") ?? "").trimmingWhitespace()
        if symptom.isEmpty { p.append(Problem("symptom", Message("warranty.symptom_needed"))) }
        if diagnosis.isEmpty { p.append(Problem("diagnosis", Message("warranty.diagnosis_needed"))) }
        let policy = try Lookup.policy(c, into: &p)
        if let order {
            if order.status == .cancelled { p.append(Problem("ro", Message("warranty.ro_cancelled", ["ro": .text(order.number)]))) }
            if !order.lines.contains(where: { $0.kind == .labor && $0.code == code && $0.approval != .refused }) {
                p.append(Problem("operation", Message("warranty.no_labour_line", ["ro": .text(order.number), "operation": .text(code)])))
            }
            if let same = try WarrantyStore.claims(order: order.number, c).first(where: { $0.operation == code && $0.status != .rejected }) {
                p.append(Problem("operation", Message("warranty.claim_exists", ["claim": .text(same.number), "status": .code("warranty.claim_status", same.status.rawValue),
                                                                             "operation": .text(code), "ro": .text(order.number)])))
            }
            if let why = escalationProblem(order) { p.append(why) }
        }
        try Refusal.check(Message("warranty.cannot_open_claim"), p)
        guard let order, let policy, let vehicle = try c.vehicle(id: order.vehicleID) else { return .nothing }

        let (mileage, day) = Lookup.mileage(order, vehicle, c)
        let verdict = Decision.of(policy.scope(ofOperation: code), soldOn: vehicle.soldOn, mileage: mileage, on: day)
        let number = try WarrantyStore.nextClaimNumber(on: c.today, c)
        try WarrantyStore.insert(WarrantyStore.NewClaim(number: number, order: order, operation: code, symptom: symptom,
                                                        diagnosis: diagnosis, cover: verdict.message), c)
        var lines = [Message("warranty.claim_opened", ["claim": .text(number), "ro": .text(order.number), "plate": .text("\(vehicle.plate)"),
                                                        "operation": .text(code)]).description]
        if order.warranty != .escalated {
            try c.decideWarranty(orderNumber: order.number, .escalated)
            lines.append(Message("warranty.escalated", ["ro": .text(order.number)]).description)
        }
        lines.append(Message("warranty.rules_said", ["verdict": .message(verdict.message)]).description)
        lines.append(Message("warranty.claim_next", ["claim": .text(number)]).description)
        return .message(lines.joined(separator: "\n"), nil)
    }

    /// Why the order's warranty decision cannot become `escalated` now, in
    /// the advisor's words; nil when it can (or already is). The rule itself
    /// is LaneCore's (`RepairOrder.decideWarranty`), tried on a copy.
    static func escalationProblem(_ order: RepairOrder) -> Problem? {
        guard order.warranty != .escalated else { return nil }
        var trial = order
        do {
            try trial.decideWarranty(.escalated)
            return nil
        } catch {
            if let decided = order.warranty, decided == .covered || decided == .notCovered {
                return Problem("ro", Message("warranty.decided_at_reception", ["ro": .text(order.number), "decided": .text(decided.rawValue),
                                                                                "status": .text(order.status.title)]))
            }
            return Problem("ro", Message("warranty.too_late_to_escalate", ["ro": .text(order.number), "status": .text(order.status.title)]))
        }
    }

    static let update = PluginCommand(
        noun: "warranty", verb: "claim-update", summary: "Record a claim's progress: submitted to the maker, approved or rejected",
        discussion: """
            open → submitted → approved or rejected; the maker's answer is final (a rejected case is a new claim with new evidence). \
            An approval needs the maker's reference, a rejection the maker's reason (--note). When the last waiting claim of a \
            repair order is answered, its warranty decision follows: covered if the maker approved a claim, else not covered \
            (through `ro warranty`, while the order is still before the team-leader check).
            """,
        positionals: [claimPositional],
        options: [OptionSpec("status", value: "STATUS", "submitted, approved or rejected",
                             completion: .choices([ClaimStatus.submitted, .approved, .rejected].map(\.rawValue)), required: true),
                  OptionSpec("note", value: "TEXT", "What happened; for a rejection, the maker's reason"),
                  OptionSpec("maker-ref", value: "REF", "The maker's reference for the claim")],
        examples: ["warranty claim-update WC-20261123-01 --status submitted --maker-ref XH-SQ-2026-0456",
                   "warranty claim-update WC-20261123-01 --status approved --note '厂家同意更换电池模组'"],
        access: .changes(roles: [.technicalDirector, .serviceAdvisor])
    ) { args, c in
        var p: [Problem] = []
        let number = (args.positional("claim") ?? "").trimmingWhitespace().uppercased()
        let claim = try WarrantyStore.claim(number: number, c)
        if claim == nil { p.append(Problem("claim", Message("warranty.no_such_claim", ["claim": .text(number)]))) }
        let statusText = args.option("status") ?? ""
        let status = ClaimStatus(rawValue: statusText)
        if status == nil { p.append(Problem("status", Message("warranty.bad_claim_status", ["given": .text(statusText)]))) }
        let note = args.option("note")?.trimmingWhitespace()
        let given = args.option("maker-ref")?.trimmingWhitespace()
        if given?.isEmpty == true { p.append(Problem("maker-ref", Message("warranty.maker_ref_empty"))) }
        if let claim, let status {
            p += claim.status.problems(to: status, note: note, makerRef: given ?? claim.makerRef, number: claim.number)
        }
        try Refusal.check(Message("warranty.cannot_update_claim"), p)
        guard let claim, let status else { return .nothing }

        try WarrantyStore.move(claim, to: status, note: note ?? "", makerRef: given ?? claim.makerRef, c)
        var lines = [Message("warranty.claim_moved", ["claim": .text(claim.number), "from": .code("warranty.claim_status", claim.status.rawValue), "to": .code("warranty.claim_status", status.rawValue)]).description
                     + ((given ?? claim.makerRef).map { Message("warranty.claim_maker_ref", ["ref": .text($0)]).description } ?? "")]
        if status.isClosed { lines += try settle(claim.order, c) }
        return .message(lines.joined(separator: "\n"), nil)
    }

    /// The maker answered: once no claim of the order waits, its warranty
    /// decision follows the answers, if the order's step still allows it.
    static func settle(_ number: String, _ c: any PluginContext) throws -> [String] {
        let claims = try WarrantyStore.claims(order: number, c)
        if let waiting = claims.first(where: { !$0.status.isClosed }) {
            return [Message("warranty.note.stays_escalated", ["ro": .text(number), "claim": .text(waiting.number),
                                                              "status": .code("warranty.claim_status", waiting.status.rawValue)]).description]
        }
        guard let order = try c.repairOrder(number: number), order.warranty == .escalated else { return [] }
        let decision: WarrantyDecision = claims.contains { $0.status == .approved } ? .covered : .notCovered
        var trial = order
        do { try trial.decideWarranty(decision) } catch {
            return [Message("warranty.note.past_leader_check", ["ro": .text(number), "status": .text(order.status.title)]).description]
        }
        try c.decideWarranty(orderNumber: number, decision)
        return [Message(decision == .covered ? "warranty.note.decided_covered" : "warranty.note.decided_not_covered",
                        ["ro": .text(number), "decision": decision.argument]).description]
    }

    static let list = PluginCommand(
        noun: "warranty", verb: "claim-list", summary: "Claims to the maker (default: those still waiting)",
        options: [OptionSpec("status", value: "STATUS", "Only this status", completion: .choices(ClaimStatus.allCases.map(\.rawValue))),
                  OptionSpec("all", "Include approved and rejected claims")],
        examples: ["warranty claim-list", "warranty claim-list --status submitted", "warranty claim-list --all"],
        access: .lookup
    ) { args, c in
        var statuses = ClaimStatus.allCases.filter { args.flag("all") || !$0.isClosed }
        if let text = args.option("status") {
            guard let s = ClaimStatus(rawValue: text) else {
                throw Refusal(Message("warranty.cannot_list_claims"), problems: [
                    Problem("status", Message("warranty.not_a_status", ["given": .text(text),
                                                                        "choices": .text(ClaimStatus.allCases.map(\.rawValue).joined(separator: ", "))]))])
            }
            statuses = [s]
        }
        return .table(try table(try WarrantyStore.claims(statuses: statuses, c), c, emptyText: Message("warranty.no_claims").description))
    }

    /// Claims, one row each, with what each waits for.
    static func table(_ claims: [Claim], _ c: any PluginContext, emptyText: String) throws -> Table {
        var t = Table(columns: [Column("claim", "claim"), Column("ro", "repair order"), Column("plate", "plate"), Column("operation", "labour"),
                                Column("status", "status", words: "warranty.claim_status"), Column("maker_ref", "maker ref"), Column("advisor", "advisor"),
                                Column("since", "since"), Column("waiting_for", "waiting for")], emptyText: emptyText)
        let offset = c.settings.utcOffset
        for claim in claims {
            let plate = try c.vehicle(id: claim.vehicleID)?.plate.value ?? "?"
            t.rows.append([.text(claim.number), .text(claim.order), .text(plate), .text(claim.operation), .text(claim.status.rawValue),
                           .optional(claim.makerRef), .text(claim.advisor), .date(claim.updatedAt.date(in: offset)),
                           .text(claim.status.waitingFor)])
        }
        return t
    }

    static let show = PluginCommand(
        noun: "warranty", verb: "claim-show", summary: "One claim: repair, symptom, diagnosis, the rules' verdict, and its history",
        positionals: [claimPositional],
        examples: ["warranty claim-show WC-20261123-01"],
        access: .lookup
    ) { args, c in
        let number = (args.positional("claim") ?? "").trimmingWhitespace().uppercased()
        guard let claim = try WarrantyStore.claim(number: number, c) else {
            throw Refusal(Message("warranty.claim_not_found"), problems: [Problem("claim", Message("warranty.no_such_claim", ["claim": .text(number)]))])
        }
        let vehicle = try c.vehicle(id: claim.vehicleID)
        var r = Record()
        r.add("claim", "claim", .text(claim.number))
        r.add("status", "status", .text(claim.status.title))
        r.add("ro", "repair order", .text(claim.order))
        r.add("vehicle", "vehicle", .text(vehicle.map { "\($0.plate) \($0.model) \($0.vin)" } ?? "?"))
        r.add("operation", "labour", .text(claim.operation))
        r.add("symptom", "symptom", .text(claim.symptom))
        r.add("diagnosis", "diagnosis", .text(claim.diagnosis))
        r.add("cover", "the store's rules said", .text(claim.coverText))
        r.add("maker_ref", "maker ref", .optional(claim.makerRef))
        r.add("advisor", "advisor", .text(claim.advisor))
        r.add("opened_at", "opened", .time(claim.openedAt))
        r.add("opened_by", "opened by", .text(claim.openedBy))
        var history = Table(columns: [Column("at", "time"), Column("by", "by"), Column("status", "status", words: "warranty.claim_status"), Column("maker_ref", "maker ref"),
                                      Column("note", "note")])
        for step in try WarrantyStore.steps(claimID: claim.id, c) {
            history.rows.append([.time(step.at), .text(step.by), .text(step.status), .optional(step.makerRef), .text(step.note)])
        }
        r.add(section: "history", "history", history)
        return .record(r)
    }
}
