import LanePlugin

/// `warranty recall-…`: the maker's recalls and technical upgrades (R1.6).
/// Eligible vehicles are invited through `remind due` (kind `recall` or `upgrade`, the
/// recall's code as `--campaign`) and named when their repair order is
/// opened, until `warranty recall-done` records the work on a repair order.
enum RecallCommands {
    static var all: [PluginCommand] { [add, list, vehicles, done] }

    static let codePositional = PositionalSpec("code", "The recall's code, e.g. RC-2026-11")

    static let add = PluginCommand(
        noun: "warranty", verb: "recall-add", summary: "Register a recall or technical upgrade from the maker, by model and/or VIN range",
        discussion: """
            Vehicles are matched by model (the start of the model name, several separated by ',') and/or by a VIN range: both ends \
            included, the same length (a whole VIN or its first characters) and the same maker code; the 9th character, the check \
            digit, is left out of the comparison. While it runs, eligible vehicles appear in `remind due` as kind recall \
            or upgrade, as registered; `remind log PLATE recall --campaign CODE --outcome booked` (or `upgrade`) records the call.
            """,
        positionals: [codePositional],
        options: [OptionSpec("kind", value: "KIND", "recall or upgrade", completion: .choices(Recall.Kind.allCases.map(\.rawValue)), required: true),
                  OptionSpec("title", value: "TEXT", "What is done to the car", required: true),
                  OptionSpec("models", value: "LIST", "Models, separated by ',' (e.g. '星河 EV6,星河 EV9')"),
                  OptionSpec("vin-from", value: "VIN", "First VIN of the range"),
                  OptionSpec("vin-to", value: "VIN", "Last VIN of the range"),
                  OptionSpec("from", value: "DATE", "First day", required: true),
                  OptionSpec("until", value: "DATE", "Last day")],
        examples: ["warranty recall-add RC-2026-11 --kind recall --title '前减震器支架加固' --models '星河 X3' --vin-from LXHBX3K20TG218000 --vin-to LXHBX3K20TG220999 --from 2026-11-23",
                   "warranty recall-add UP-BMS-03 --kind upgrade --title 'BMS软件升级' --models '星河 EV6,星河 EV9' --from 2026-11-20 --until 2027-03-31"],
        access: .changes(roles: [.technicalDirector])
    ) { args, c in
        var p: [Problem] = []
        let code = (args.positional("code") ?? "").trimmingWhitespace().uppercased()
        if let bad = CatalogCode.problem(code, field: "code") { p.append(bad) }
        else if try WarrantyStore.recall(code: code, c) != nil { p.append(Problem("code", Message("warranty.recall_exists", ["code": .text(code)]))) }
        else if try builtInCampaignCodes(c).contains(code) {
            // `remind log … --campaign CODE` must tell the two apart.
            p.append(Problem("code", Message("warranty.code_is_campaign", ["code": .text(code)])))
        }
        let kindText = args.option("kind") ?? ""
        let kind = Recall.Kind(rawValue: kindText)
        if kind == nil { p.append(Problem("kind", Message("warranty.bad_kind", ["given": .text(kindText)]))) }
        let title = (args.option("title") ?? "").trimmingWhitespace()
        if title.isEmpty { p.append(Problem("title", Message("warranty.title_needed"))) }
        let models = (args.option("models") ?? "").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        for model in models { if let bad = VehicleModel.problem(model) { p.append(Problem("models", bad.said)) } }
        let (vins, vinProblems) = VINRange.parse(from: args.option("vin-from"), to: args.option("vin-to"))
        p += vinProblems
        if models.isEmpty && args.option("vin-from") == nil && args.option("vin-to") == nil {
            p.append(Problem("models", Message("warranty.scope_needed")))
        }
        let startsOn = args.date("from", into: &p)
        let endsOn = args.date("until", into: &p)
        if let startsOn, let endsOn, endsOn < startsOn { p.append(Problem("until", Message("warranty.ends_before_start", ["until": .date(endsOn), "from": .date(startsOn)]))) }
        try Refusal.check(Message("warranty.cannot_register_recall"), p)
        guard let kind, let startsOn else { return .nothing }

        let recall = Recall(code: code, kind: kind, title: title, models: models, vins: vins, startsOn: startsOn, endsOn: endsOn)
        try WarrantyStore.insert(recall, c)
        let eligible = try recall.eligible(c)
        let plates = eligible.prefix(5).map(\.plate.value).joined(separator: ", ") + (eligible.count > 5 ? ", …" : "")
        let head = Message("warranty.recall_registered", ["kind": .code("warranty.recall_kind", kind.rawValue), "code": .text(code), "from": .date(startsOn)]).description
        let tail = eligible.isEmpty ? Message("warranty.recall_none_eligible")
            : Message(eligible.count == 1 ? "warranty.recall_one_eligible" : "warranty.recall_eligible", ["count": .int(eligible.count), "plates": .text(plates)])
        return .message(head + tail.description, nil)
    }

    /// The built-in service campaigns' codes: a recall may not reuse one.
    static func builtInCampaignCodes(_ c: any PluginContext) throws -> Set<String> {
        Set(try c.campaigns().map { $0.code.uppercased() })
    }

    static let list = PluginCommand(
        noun: "warranty", verb: "recall-list", summary: "Recalls and upgrades: which vehicles, when, how many eligible and done",
        access: .lookup
    ) { _, c in
        var t = Table(columns: [Column("code", "code"), Column("kind", "kind", words: "warranty.recall_kind"), Column("title", "title"), Column("vehicles", "vehicles"),
                                Column("from", "from"), Column("until", "until"), Column("eligible", "eligible"), Column("done", "done"),
                                Column("running", "running")], emptyText: Message("warranty.empty.recalls").description)
        for r in try WarrantyStore.recalls(c) {
            let eligible = try r.eligible(c)
            let ids = Set(try WarrantyStore.done(code: r.code, c).map(\.vehicleID))
            t.rows.append([.text(r.code), .text(r.kind.rawValue), .text(r.title), .text(r.scopeText), .date(r.startsOn),
                           r.endsOn.map(Value.date) ?? .none, .int(eligible.count), .int(eligible.filter { ids.contains($0.id) }.count),
                           .bool(r.isRunning(on: c.today))])
        }
        return .table(t)
    }

    static let vehicles = PluginCommand(
        noun: "warranty", verb: "recall-vehicles", summary: "The upgrade register of one recall: every eligible vehicle and whether it is done",
        positionals: [codePositional],
        options: [OptionSpec("limit", value: "N", "At most N vehicles (default 200)"),
                  OptionSpec("offset", value: "N", "Skip the first N vehicles")],
        examples: ["warranty recall-vehicles RC-2026-11", "warranty recall-vehicles RC-2026-11 --limit 50 --offset 50"],
        access: .lookup
    ) { args, c in
        let recall = try load(args.positional("code"), c)
        var p: [Problem] = []
        func number(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let text = args.option(name) else { return fallback }
            guard let n = Int(text), range.contains(n) else {
                p.append(Problem(name, Message("warranty.not_in_range", ["given": .text(text), "min": .int(range.lowerBound), "max": .int(range.upperBound)])))
                return fallback
            }
            return n
        }
        let limit = number("limit", 200, 1...10_000), offset = number("offset", 0, 0...10_000_000)
        if !p.isEmpty { throw Refusal(Message("warranty.cannot_list"), problems: p) }
        let page = Array(try recall.eligible(c).dropFirst(offset).prefix(limit))
        // The page's owners in one query, the recall's done rows in one (its key's range): never a query per vehicle.
        let owners = try c.customers(ids: Array(Set(page.map(\.ownerID))))
        let done = Dictionary(try WarrantyStore.done(code: recall.code, c).map { ($0.vehicleID, $0) }, uniquingKeysWith: { a, _ in a })
        var t = Table(columns: [Column("plate", "plate"), Column("model", "model"), Column("vin", "VIN"), Column("customer", "customer"),
                                Column("done", "done"), Column("ro", "repair order"), Column("done_on", "done on")],
                      emptyText: Message("warranty.empty.eligible").description)
        for v in page {
            let owner = owners[v.ownerID]
            let d = done[v.id]
            t.rows.append([.text(v.plate.value), .text(v.model), .text(v.vin.value), .text(owner.map { "\($0.name) \($0.code)" } ?? "?"),
                           .bool(d != nil), .optional(d?.order), d.map { .date($0.on) } ?? .none])
        }
        return .table(t)
    }

    static let done = PluginCommand(
        noun: "warranty", verb: "recall-done", summary: "Record a recall or upgrade done on a repair order: the vehicle leaves the reminders",
        discussion: """
            The repair order must be for an eligible vehicle, opened while the recall runs, and past final QC (the work is done and \
            checked); a vehicle has each recall done once.
            """,
        positionals: [codePositional, ClaimCommands.orderPositional],
        examples: ["warranty recall-done RC-2026-11 RO-20261123-0001"],
        access: .changes(roles: [.serviceAdvisor, .technicalDirector])
    ) { args, c in
        var p: [Problem] = []
        let code = (args.positional("code") ?? "").trimmingWhitespace().uppercased()
        let recall = try WarrantyStore.recall(code: code, c)
        if recall == nil { p.append(Problem("code", Message("warranty.no_such_recall", ["code": .text(code)]))) }
        let order = try Lookup.order(args.positional("ro"), c, into: &p)
        var vehicle: Vehicle?
        if let order {
            vehicle = try c.vehicle(id: order.vehicleID)
            if order.status == .cancelled { p.append(Problem("ro", Message("warranty.ro_cancelled", ["ro": .text(order.number)]))) }
            else if order.status < .qcPassed {
                p.append(Problem("ro", Message("warranty.recall_before_qc", ["ro": .text(order.number), "status": .text(order.status.title)])))
            }
        }
        if let recall, let order, let vehicle {
            let opened = order.openedAt.date(in: c.settings.utcOffset)
            if !recall.applies(to: vehicle) {
                p.append(Problem("ro", Message("warranty.recall_not_eligible", ["plate": .text("\(vehicle.plate)"), "model": .text("\(vehicle.model)"),
                                                                              "vin": .text("\(vehicle.vin)"), "code": .text(recall.code),
                                                                              "scope": .text(recall.scopeText)])))
            }
            if !recall.isRunning(on: opened) {
                p.append(Problem("ro", Message("warranty.recall_outside_dates", ["ro": .text(order.number), "opened": .date(opened), "code": .text(recall.code),
                                                                                "from": .date(recall.startsOn),
                                                                                "until": .text(recall.endsOn.map(\.description) ?? "")])))
            }
            if let earlier = try WarrantyStore.done(code: recall.code, c).first(where: { $0.vehicleID == vehicle.id }) {
                p.append(Problem("code", Message("warranty.recall_already_done", ["plate": .text("\(vehicle.plate)"), "code": .text(recall.code),
                                                                                   "ro": .text("\(earlier.order)"), "on": .text("\(earlier.on)")])))
            }
        }
        try Refusal.check(Message("warranty.cannot_record_recall"), p)
        guard let recall, let order, let vehicle else { return .nothing }
        try WarrantyStore.recordDone(recall, vehicleID: vehicle.id, order: order.number, c)
        return .message(Message("warranty.recall_done", ["kind": .code("warranty.recall_kind", recall.kind.rawValue), "code": .text(recall.code),
                                                          "plate": .text("\(vehicle.plate)"), "ro": .text(order.number)]).description, nil)
    }

    static func load(_ ref: String?, _ c: any PluginContext) throws -> Recall {
        let code = (ref ?? "").trimmingWhitespace().uppercased()
        if let r = try WarrantyStore.recall(code: code, c) { return r }
        throw Refusal(Message("warranty.recall_not_found"), problems: [Problem("code", Message("warranty.no_such_recall", ["code": .text(code)]))])
    }

    /// Notes for a repair order just opened: the recalls its vehicle still needs (R1.6: upgraded at the next visit).
    static func notes(opened order: RepairOrder, _ c: any PluginContext) throws -> [String] {
        guard let vehicle = try c.vehicle(id: order.vehicleID) else { return [] }
        let day = order.openedAt.date(in: c.settings.utcOffset)
        return try WarrantyStore.open(for: vehicle, on: day, c).map {
            Message("warranty.note.recall_eligible", ["plate": .text(vehicle.plate.value), "kind": .text($0.kind.title), "code": .text($0.code),
                                                      "title": .text($0.title), "ro": .text(order.number)]).description
        }
    }
}

