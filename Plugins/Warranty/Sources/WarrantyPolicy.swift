import LanePlugin

/// One cover of the maker's warranty (X1): so many years after the sale
/// and so many km, whichever comes first. A cover may have only one of the
/// two limits (e.g. "6y": no km limit), never neither.
struct Cover: Sendable, Equatable {
    /// "basic", or the part group it extends (`powertrain`, `ev`).
    var name: String
    var years: Int?
    var km: Int?

    var title: String { titleMessage.description }

    var titleMessage: Message {
        name == Cover.basicName ? Message("warranty.cover.basic") : Message("warranty.cover.group", ["name": PartGroup.argument(name)])
    }

    /// "3 years / 100,000 km".
    var limits: String {
        [years.map { Words.unit($0, "year").description }, km.map(Words.km)].compactMap { $0 }.joined(separator: " / ")
    }

    /// The last day covered: the day before the anniversary of the sale.
    func lastDay(soldOn: CalendarDate) -> CalendarDate? {
        years.map { soldOn.adding(months: 12 * $0).adding(days: -1) }
    }

    static let basicName = "basic"

    /// Reads "3y/100000km", "5y", "160,000km" or "8 years / 160000 km".
    static func parse(_ text: String, name: String, key: String) -> Result<Cover, Problem> {
        let bad = Problem(key, Message("warranty.policy.bad_cover", ["given": .text(text)]))
        var cover = Cover(name: name)
        let pieces = text.lowercased().split(separator: "/").map { $0.filter { $0 != " " && $0 != "," && $0 != "_" } }
        guard (1...2).contains(pieces.count) else { return .failure(bad) }
        for piece in pieces {
            if piece.hasSuffix("km"), cover.km == nil, let n = Int(piece.dropLast(2)) {
                guard (1...Odometer.maximum).contains(n) else { return .failure(Problem(key, Message("warranty.policy.bad_km", ["n": .int(n)]))) }
                cover.km = n
                continue
            }
            let digits = piece.prefix { $0.isASCII && $0.isNumber }
            let unit = piece.dropFirst(digits.count)
            guard ["y", "year", "years"].contains(unit), cover.years == nil, let n = Int(digits) else { return .failure(bad) }
            guard (1...30).contains(n) else { return .failure(Problem(key, Message("warranty.policy.bad_years", ["n": .int(n)]))) }
            cover.years = n
        }
        return .success(cover)
    }
}

/// What a part or a labour operation falls under.
enum Scope: Sendable, Equatable {
    /// Never under warranty: fluids, filters and wear parts; servicing.
    case excluded(Message)
    /// The basic cover, and the group's longer cover when it has one.
    case covers([Cover], group: String?)
}

/// The store's warranty rules: the `[plugin.warranty]` section of store.toml.
///
///     basic = "3y/100000km"                 # every part and repair not excluded
///     cover_powertrain = "5y/150000km"      # a longer cover for a part group
///     operations_ev = ["EV-BATT-CHECK"]     # labour operations that belong to a group
///     excluded = ["consumable"]             # part groups never under warranty
///     excluded_parts = ["XH-15400-0001"]    # wear and service parts of other groups
///     excluded_operations = ["MNT-5K"]      # labour that is servicing, not repair
struct WarrantyPolicy: Sendable, Equatable {
    var basic: Cover
    /// Longer covers by part group, in name order.
    var groups: [Cover]
    /// Labour operation code → part group.
    var operationGroups: [String: String]
    var excludedGroups: Set<String>
    /// Wear and service parts of groups that are otherwise covered (filters, plugs, tyres…).
    var excludedParts: Set<String>
    var excludedOperations: Set<String>

    /// The settings as they are written in store.toml (the same in every language).
    static let settingsSyntax = "basic = \"3y/100000km\", cover_GROUP = \"5y/150000km\", "
        + "operations_GROUP = [\"CODE\", …], excluded = [\"GROUP\", …], excluded_parts = [\"NUMBER\", …], excluded_operations = [\"CODE\", …]"

    /// The policy of this store. Refuses with every problem of the settings at once.
    static func load(_ context: any PluginContext) throws -> WarrantyPolicy {
        let config = context.config
        // Every line added asks (`LineAdvice`): the settings are read once per text of them, and what they
        // name is looked up in the catalogue once per state of its numbers, groups and codes (the three
        // look-ups were 5.5 % of a scripted write's instructions, done again at every line).
        let catalogue = try context.catalogueVersion()
        if let catalogue, let kept = checked.withLock({ $0 }), kept.catalogue == catalogue, kept.config == config { return kept.policy }
        if let reading = SettingsReading.of(config), try reading.groups.isSubset(of: context.partGroups()) {
            let parts = try context.parts(numbers: Array(reading.parts))
            let operations = try context.laborOperations(codes: Array(reading.operations))
            if reading.parts.allSatisfy({ parts[$0]?.number == $0 }), reading.operations.allSatisfy({ operations[$0] != nil }) {
                if let catalogue { checked.withLock { $0 = (config, catalogue, reading.policy) } }
                return reading.policy
            }
        }
        // Something named is missing (or the settings are wrong whatever the catalogue): every problem, in order.
        let parts = try context.parts()
        return try parse(config, partGroups: Set(parts.map(\.group)), partNumbers: Set(parts.map(\.number))) {
            try context.laborOperation(code: $0) != nil
        }
    }

    /// The last policy found whole against the catalogue, with the settings and the catalogue's state it
    /// was found in (a state's number is never another store's, nor one a rolled-back change left).
    private static let checked = Locked<(config: [String: String], catalogue: Int64, policy: WarrantyPolicy)?>(nil)

    /// The settings read as if the catalogue held everything they name, and what they name. When it
    /// holds all of that, `parse` answers with this policy: its checks pass, so it takes the same steps.
    struct SettingsReading: Sendable {
        var policy: WarrantyPolicy
        var groups: Set<String>
        var parts: Set<String>
        var operations: Set<String>

        /// The reading of `config`, nil when the settings are wrong whatever the catalogue holds.
        static func of(_ config: [String: String]) -> SettingsReading? {
            last.withLock { last in
                if let last, last.config == config { return last.reading }
                var groups = Set<String>(), parts = Set<String>(), operations = Set<String>()
                let everything = Catalogue(hasGroup: { groups.insert($0); return true }, groupList: "",
                                           hasPart: { parts.insert($0); return true }, isOperation: { operations.insert($0); return true })
                let reading = (try? parse(config, everything)).map {
                    SettingsReading(policy: $0, groups: groups, parts: parts, operations: operations)
                }
                last = (config, reading)
                return reading
            }
        }
        /// One store's settings: the last read is kept.
        private static let last = Locked<(config: [String: String], reading: SettingsReading?)?>(nil)
    }

    /// What the settings are checked against.
    struct Catalogue {
        var hasGroup: (String) -> Bool
        /// The groups there are, for a problem's words.
        var groupList: String
        var hasPart: (String) -> Bool
        var isOperation: (String) throws -> Bool
    }

    /// Whether the store has a warranty section at all (the event notes keep quiet without one).
    static func isConfigured(_ config: [String: String]) -> Bool {
        config.keys.contains { $0 != "enabled" }
    }

    /// Checks the settings against the catalogue: part groups must exist
    /// (`catalog parts`), operation codes too (`catalog labor`).
    static func parse(_ config: [String: String], partGroups: Set<String>, partNumbers: Set<String>,
                      isOperation: @escaping (String) throws -> Bool) throws -> WarrantyPolicy {
        try parse(config, Catalogue(hasGroup: partGroups.contains, groupList: partGroups.sorted().joined(separator: ", "),
                                    hasPart: partNumbers.contains, isOperation: isOperation))
    }

    static func parse(_ config: [String: String], _ catalogue: Catalogue) throws -> WarrantyPolicy {
        var p: [Problem] = []
        guard isConfigured(config) else {
            throw Refusal(Message("warranty.policy.none"),
                          problems: [Problem("settings", Message("warranty.policy.none_settings", ["syntax": .text(settingsSyntax)]))])
        }
        func list(_ key: String) -> [String] {
            SettingList.items(config[key]).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        func knownGroup(_ group: String, _ key: String) -> Bool {
            if catalogue.hasGroup(group) { return true }
            p.append(Problem(key, Message("warranty.policy.unknown_group", ["group": .text(group), "groups": .text(catalogue.groupList)])))
            return false
        }
        func checkOperations(_ codes: [String], _ key: String) throws {
            for code in codes {
                if let bad = CatalogCode.problem(code, field: key) { p.append(bad) }
                else if try !catalogue.isOperation(code) { p.append(Problem(key, Message("warranty.policy.no_operation", ["operation": .text(code)]))) }
            }
        }

        var basic = Cover(name: Cover.basicName)
        if let text = config["basic"] {
            switch Cover.parse(text, name: Cover.basicName, key: "basic") {
            case .success(let c): basic = c
            case .failure(let e): p.append(e)
            }
        } else {
            p.append(Problem("basic", Message("warranty.policy.basic_missing")))
        }
        let excluded = list("excluded")
        for group in excluded { _ = knownGroup(group, "excluded") }
        let excludedParts = list("excluded_parts")
        for number in excludedParts where !catalogue.hasPart(number) {
            p.append(Problem("excluded_parts", Message("warranty.policy.no_part", ["part": .text(number)])))
        }
        let excludedOperations = list("excluded_operations")
        try checkOperations(excludedOperations, "excluded_operations")

        var groups: [Cover] = []
        var operationGroups: [String: String] = [:]
        for key in config.keys.sorted() {
            if key.hasPrefix("cover_") {
                let group = String(key.dropFirst("cover_".count))
                guard knownGroup(group, key) else { continue }
                if excluded.contains(group) { p.append(Problem(key, Message("warranty.policy.group_excluded", ["group": .text(group)]))) }
                switch Cover.parse(config[key] ?? "", name: group, key: key) {
                case .success(let c): groups.append(c)
                case .failure(let e): p.append(e)
                }
            } else if key.hasPrefix("operations_") {
                let group = String(key.dropFirst("operations_".count))
                guard knownGroup(group, key) else { continue }
                if config["cover_" + group] == nil {
                    p.append(Problem(key, Message("warranty.policy.no_longer_cover", ["group": .text(group)])))
                }
                let codes = list(key)
                try checkOperations(codes, key)
                for code in codes {
                    if let other = operationGroups[code] { p.append(Problem(key, Message("warranty.policy.operation_twice", ["operation": .text(code), "group": .text(other)]))) }
                    if excludedOperations.contains(code) { p.append(Problem(key, Message("warranty.policy.operation_excluded", ["operation": .text(code)]))) }
                    operationGroups[code] = group
                }
            } else if !["basic", "excluded", "excluded_parts", "excluded_operations", "enabled"].contains(key) {
                p.append(Problem(key, Message("warranty.policy.unknown_setting", ["key": .text(key)])))
            }
        }
        try Refusal.check(Message("warranty.policy.unusable"), p)
        return WarrantyPolicy(basic: basic, groups: groups, operationGroups: operationGroups,
                              excludedGroups: Set(excluded), excludedParts: Set(excludedParts), excludedOperations: Set(excludedOperations))
    }

    func cover(ofGroup group: String) -> Cover? { groups.first { $0.name == group } }

    func scope(ofPart part: Part) -> Scope {
        if excludedGroups.contains(part.group) {
            return .excluded(Message("warranty.scope.group_excluded", ["group": PartGroup.argument(part.group)]))
        }
        if excludedParts.contains(part.number) {
            return .excluded(Message("warranty.scope.part_excluded", ["part": .text(part.number), "name": .text(part.name)]))
        }
        return .covers([basic] + (cover(ofGroup: part.group).map { [$0] } ?? []), group: part.group)
    }

    /// A labour operation falls under its group's cover when the policy maps
    /// it to one; otherwise under the basic cover, unless it is servicing.
    func scope(ofOperation code: String) -> Scope {
        if excludedOperations.contains(code) { return .excluded(Message("warranty.scope.operation_excluded", ["operation": .text(code)])) }
        if let group = operationGroups[code] {
            return .covers([basic] + (cover(ofGroup: group).map { [$0] } ?? []), group: group)
        }
        return .covers([basic], group: nil)
    }
}

/// Numbers and spans in an advisor's words.
enum Words {
    /// "150,000 km".
    static func km(_ n: Int) -> String { ServiceReminders.km(n) }

    /// The time from `from` to `to` (not before it): "1 year 6 months", "3 months 12 days", "5 days".
    static func span(_ from: CalendarDate, _ to: CalendarDate) -> Message {
        guard from < to else { return Message("warranty.unit.days", ["n": .int(0)]) }
        var months = (to.year - from.year) * 12 + (to.month - from.month)
        if from.adding(months: months) > to { months -= 1 }
        let days = from.adding(months: months).days(until: to)
        let years = months / 12, rest = months % 12
        func some(_ n: Int, _ word: String) -> Message? { n > 0 ? unit(n, word) : nil }
        let parts = [some(years, "year"), some(rest, "month"), years == 0 ? some(days, "day") : nil].compactMap { $0 }
        return joined(parts, .space) ?? Message("warranty.unit.days", ["n": .int(0)])
    }

    /// "1 year", "3 months" in the reader's words (`warranty.unit.year`, `warranty.unit.years`, …).
    static func unit(_ n: Int, _ word: String) -> Message {
        Message(MessageCode("warranty.unit." + word + (n == 1 ? "" : "s")), ["n": .int(n)])
    }

    /// How parts of a reason are joined, in each language's punctuation.
    enum Join { case semicolon, and, space, slash }

    /// The parts one after the other (`a; b; c`), as one message; nil for none.
    static func joined(_ parts: [Message], _ join: Join) -> Message? {
        guard var all = parts.first else { return nil }
        for next in parts.dropFirst() {
            let pair: [String: MessageArgument] = ["a": .message(all), "b": .message(next)]
            switch join {
            case .semicolon: all = Message("warranty.join.semicolon", pair)
            case .and: all = Message("warranty.join.and", pair)
            case .space: all = Message("warranty.join.space", pair)
            case .slash: all = Message("warranty.join.slash", pair)
            }
        }
        return all
    }
}
