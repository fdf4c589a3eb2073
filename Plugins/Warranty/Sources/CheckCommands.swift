import LanePlugin

/// `warranty check` and `warranty policy`: is this vehicle, this part, this
/// repair under warranty, and by which rule (X1, R3.5).
enum CheckCommands {
    static var all: [PluginCommand] { [check, policy] }

    static let check = PluginCommand(
        noun: "warranty", verb: "check", summary: "Is a vehicle under warranty: every cover, until when and how far",
        discussion: """
            Judges each cover of the store's policy on today's date from the sale date and the latest odometer reading: covered, \
            not covered (age or mileage exceeded, and by how much) or cannot decide (the odometer was not read since the sale, or \
            it has probably passed the limit since the last reading). With --part or --operation, the verdict for that part's group \
            or that repair. Unclear cases are escalated to the maker with `warranty claim-open`.
            """,
        positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle)],
        options: [OptionSpec("part", value: "NUMBER", "The verdict for this part (by its group)", completion: .parts),
                  OptionSpec("operation", value: "CODE", "The verdict for this labour operation", completion: .laborOperations)],
        examples: ["warranty check 粤B82396", "warranty check 粤B82396 --part XH-25450-0001", "warranty check 粤BD11513 --operation EV-COOLANT"],
        access: .lookup
    ) { args, c in
        var p: [Problem] = []
        let vehicle = try Lookup.vehicle(args.positional("vehicle"), c, into: &p)
        var part: Part?
        if let number = args.option("part") {
            part = try c.part(number: number)
            if part == nil { p.append(Problem("part", Message("warranty.no_such_part", ["part": .text(number)]))) }
        }
        var operation: LaborOperation?
        if let code = args.option("operation") {
            operation = try c.laborOperation(code: code)
            if operation == nil { p.append(Problem("operation", Message("warranty.no_such_operation", ["operation": .text(code)]))) }
        }
        let policy = try Lookup.policy(c, into: &p)
        try Refusal.check(Message("warranty.cannot_check"), p)
        guard let vehicle, let policy else { return .nothing }

        let day = c.today
        let mileage = Mileage.of(vehicle, on: day)
        var r = Record()
        r.add("vehicle", "vehicle", .text("\(vehicle.plate) \(vehicle.model)"))
        r.add("vin", "VIN", .text(vehicle.vin.value))
        r.add("sold_on", "sold", .date(vehicle.soldOn))
        r.add("mileage", "mileage", .text(mileage.text(soldOn: vehicle.soldOn)))
        if let part {
            let d = Decision.of(policy.scope(ofPart: part), soldOn: vehicle.soldOn, mileage: mileage, on: day)
            r.add("part", "part", .text(Message("warranty.check.part", ["part": .text(part.number), "name": .text(part.name), "group": PartGroup.argument(part.group)]).description))
            r.add("part_covered", "part covered", .text(d.answer.rawValue), words: "warranty.answer")
            r.add("part_why", "why", .text(d.text))
        }
        if let operation {
            let d = Decision.of(policy.scope(ofOperation: operation.code), soldOn: vehicle.soldOn, mileage: mileage, on: day)
            r.add("operation", "labour", .text("\(operation.code) \(operation.name)"))
            if let accident = try AccidentDamage.openAccidentOrder(vehicle, c), AccidentDamage.excludes(operation, on: accident) {
                // Accident damage, not a defect: the insurer or the customer pays.
                r.add("operation_covered", "labour covered", .text(Answer.notCovered.rawValue), words: "warranty.answer")
                r.add("operation_why", "why", .text(Message("warranty.accident_damage", ["ro": .text(accident.number)]).description))
            } else {
                r.add("operation_covered", "labour covered", .text(d.answer.rawValue), words: "warranty.answer")
                r.add("operation_why", "why", .text(d.text))
            }
        }
        var covers = Table(columns: [Column("cover", "cover"), Column("limits", "limits"), Column("until", "until"),
                                     Column("km_limit", "km limit"), Column("covered", "covered today", words: "warranty.answer"), Column("why", "why")])
        for cover in AccidentDamage.covers(policy, for: vehicle) {
            let v = CoverVerdict.judge(cover, soldOn: vehicle.soldOn, mileage: mileage, on: day)
            covers.rows.append([.text(cover.title), .text(cover.limits), v.lastDay.map(Value.date) ?? .none,
                                cover.km.map(Value.int) ?? .none, .text(v.answer.rawValue), .text(v.why.description)])
        }
        r.add(section: "covers", "covers", covers)
        var recalls = Table(columns: [Column("code", "code"), Column("kind", "kind", words: "warranty.recall_kind"), Column("title", "title"), Column("until", "until")],
                            emptyText: Message("warranty.empty.open_recalls").description)
        for recall in try WarrantyStore.open(for: vehicle, on: day, c) {
            recalls.rows.append([.text(recall.code), .text(recall.kind.rawValue), .text(recall.title), recall.endsOn.map(Value.date) ?? .none])
        }
        r.add(section: "recalls", "recalls and upgrades to do", recalls)
        return .record(r)
    }

    static let policy = PluginCommand(
        noun: "warranty", verb: "policy", summary: "The store's warranty rules: basic cover, longer covers by part group, exclusions",
        discussion: "The rules come from [plugin.warranty] in store.toml; a mistake there is named here, setting by setting.",
        access: .lookup
    ) { _, c in
        var p: [Problem] = []
        let policy = try Lookup.policy(c, into: &p)
        try Refusal.check(Message("warranty.cannot_show_policy"), p)
        guard let policy else { return .nothing }
        var r = Record()
        r.add("basic", "basic cover 整车质保", .text(Message("warranty.policy.basic_all", ["limits": .text(policy.basic.limits)]).description))
        var groups = Table(columns: [Column("group", "part group", words: PartGroup.wordKind), Column("limits", "limits"), Column("operations", "labour operations")],
                           emptyText: Message("warranty.empty.covers").description)
        for cover in policy.groups {
            let codes = policy.operationGroups.filter { $0.value == cover.name }.keys.sorted()
            groups.rows.append([.text(cover.name), .text(cover.limits), .text(codes.joined(separator: ", "))])
        }
        r.add(section: "covers", "longer covers", groups)
        r.add("excluded", "never under warranty", .text(policy.excludedGroups.sorted().joined(separator: ", ")), words: PartGroup.wordKind)
        r.add("excluded_parts", "wear and service parts", .text(policy.excludedParts.sorted().joined(separator: ", ")))
        r.add("excluded_operations", "servicing, not repair", .text(policy.excludedOperations.sorted().joined(separator: ", ")))
        return .record(r)
    }
}

/// Look-ups every command makes, adding a problem instead of throwing so a
/// refusal names everything at once.
enum Lookup {
    static func vehicle(_ ref: String?, _ c: any PluginContext, into p: inout [Problem]) throws -> Vehicle? {
        let text = (ref ?? "").trimmingWhitespace()
        if let v = try c.vehicle(text) { return v }
        p.append(Problem("vehicle", text.isEmpty ? Message("warranty.give_vehicle") : Message("warranty.no_such_vehicle", ["vehicle": .text(text)])))
        return nil
    }

    static func order(_ ref: String?, _ c: any PluginContext, into p: inout [Problem]) throws -> RepairOrder? {
        let text = (ref ?? "").trimmingWhitespace()
        if let o = try c.repairOrder(number: text) { return o }
        p.append(Problem("ro", Message("warranty.no_such_ro", ["ro": .text(text)])))
        return nil
    }

    static func policy(_ c: any PluginContext, into p: inout [Problem]) throws -> WarrantyPolicy? {
        do {
            return try WarrantyPolicy.load(c)
        } catch let refusal as Refusal {
            // Said as settings, so the one who fixes store.toml knows where to look.
            p += refusal.problems.map { Problem("[plugin.warranty] \($0.field)", $0.said) }
            return nil
        }
    }

    /// The odometer a repair order's verdict uses: the check-in sheet when
    /// filled in, else what the vehicle's record says; judged on the day the
    /// car came in.
    static func mileage(_ order: RepairOrder, _ vehicle: Vehicle, _ c: any PluginContext) -> (Mileage, CalendarDate) {
        let day = order.openedAt.date(in: c.settings.utcOffset)
        return (Mileage.of(vehicle, checkIn: order.checkIn.map { ($0.mileage, day) }, on: day), day)
    }
}
