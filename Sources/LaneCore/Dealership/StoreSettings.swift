/// A time of day to the minute, for opening hours and slots.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutes: Int
    public init(minutes: Int) { self.minutes = minutes }

    /// `08:00`, `8:30`, `24:00` (closing at midnight).
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2,
              (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        self.minutes = h * 60 + m
    }

    public var description: String { "\(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2))" }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

/// A span of the day, start included, end excluded.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    /// `08:30-10:30`
    public init?(parsing text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let s = TimeOfDay(parsing: String(parts[0])), let e = TimeOfDay(parsing: String(parts[1])), s < e else { return nil }
        self.start = s
        self.end = e
    }

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ t: TimeOfDay) -> Bool { start <= t && t < end }
    public var description: String { "\(start)-\(end)" }
}

/// The store's own settings: who it is, its rates, hours and workshop size.
/// Loaded from `seeds/store.toml` (or a dealer's own file) into the database.
public struct StoreSettings: Hashable, Sendable {
    public var name: String
    public var code: String
    public var utcOffset: UTCOffset
    /// Per standard labour hour, VAT excluded.
    public var laborRate: Money
    /// VAT in basis points (1300 = 13 %).
    public var vatBasisPoints: Int
    public var opens: TimeOfDay
    public var closes: TimeOfDay
    public var peakHours: [TimeRange]
    public var bays: Int
    /// The largest discount an advisor may give, in basis points of the
    /// customer's net total; above it the service manager decides.
    public var discountLimitBasisPoints: Int = 1000
    /// A live store runs on the real time; a training store (the demo, a
    /// course) may set its clock, and every change of it is audited.
    public var mode: StoreMode = .live
    /// What the printed documents name the store by (the settlement list
    /// must carry them): its address, the customer line's phone, and the
    /// number of its road transport (motor-vehicle repair) licence.
    public var address = ""
    public var phone = ""
    public var licence = ""
    /// A folder of the store's own document templates (`*.mustache`); empty: the built-in ones.
    public var documentTemplates = ""
    /// The repair quality warranty printed on the settlement (see `QualityWarrantyTerms`).
    public var qualityWarranty = QualityWarrantyTerms.regulation
    /// The language `lane` speaks at this store, unless a shell's locale or
    /// `set lang` chooses another: Simplified Chinese for a Chinese store.
    public var language: InterfaceLanguage = .chinese
    /// The province and office letter (粤B) assumed for a plate typed without
    /// them (`B12345`, `12345`); empty when the store assumes none.
    public var platePrefix: String = ""
    /// A car back for the same fault within this many days of its hand-over
    /// is a comeback (返修), linked to the earlier order.
    public var comebackDays: Int = 30
    /// R5.6: what is free at each brand's first service besides its labour (`FirstServicePackage`).
    public var firstServicePackages: [FirstServicePackage] = []
    /// The insurers accident repairs are billed to (`Insurer`).
    public var insurers: [Insurer] = []

    public init(name: String, code: String, utcOffset: UTCOffset, laborRate: Money, vatBasisPoints: Int,
                opens: TimeOfDay, closes: TimeOfDay, peakHours: [TimeRange], bays: Int) {
        self.name = name
        self.code = code
        self.utcOffset = utcOffset
        self.laborRate = laborRate
        self.vatBasisPoints = vatBasisPoints
        self.opens = opens
        self.closes = closes
        self.peakHours = peakHours
        self.bays = bays
    }

    /// What a new database starts with until the dealer's settings are loaded.
    public static let standard = StoreSettings(
        name: "ServiceLane", code: "LANE", utcOffset: .china, laborRate: Money(fen: 28_000), vatBasisPoints: 1300,
        opens: TimeOfDay(minutes: 8 * 60), closes: TimeOfDay(minutes: 20 * 60),
        peakHours: [TimeRange(start: TimeOfDay(minutes: 8 * 60 + 30), end: TimeOfDay(minutes: 10 * 60 + 30))], bays: 8)

    /// The settings as key/value text, the way the store keeps them.
    public var keyValues: [(String, String)] {
        [("store.name", name), ("store.code", code), ("store.utc_offset", utcOffset.description),
         ("rates.labor_rate_fen", String(laborRate.fen)), ("rates.vat_basis_points", String(vatBasisPoints)),
         ("hours.open", opens.description), ("hours.close", closes.description),
         ("hours.peak", peakHours.map(\.description).joined(separator: ",")), ("workshop.bays", String(bays)),
         ("rates.discount_limit_basis_points", String(discountLimitBasisPoints)), ("store.mode", mode.rawValue),
         ("store.address", address), ("store.phone", phone), ("store.licence", licence),
         ("documents.templates", documentTemplates),
         ("quality.assembly_km", String(qualityWarranty.assembly.km)), ("quality.assembly_days", String(qualityWarranty.assembly.days)),
         ("quality.second_level_km", String(qualityWarranty.secondLevel.km)),
         ("quality.second_level_days", String(qualityWarranty.secondLevel.days)),
         ("quality.minor_km", String(qualityWarranty.minor.km)), ("quality.minor_days", String(qualityWarranty.minor.days)),
         ("quality.assembly_operations", SettingList.text(qualityWarranty.assemblyOperations)),
         ("quality.second_level_operations", SettingList.text(qualityWarranty.secondLevelOperations)),
         ("store.language", language.rawValue), ("store.plate_prefix", platePrefix),
         ("workshop.comeback_days", String(comebackDays)),
         ("first_service.free_package", SettingList.text(firstServicePackages.map(\.settingText))),
         ("insurance.insurers", SettingList.text(insurers.map { "\($0.code):\($0.name)" }))]
    }

    /// Every setting the store has, with its type: the keys of store.toml's
    /// [store], [rates], [hours] and [workshop] sections and of `store set`.
    public static let settingKeys: [StoreSettingKey] = [
        StoreSettingKey("store.name", .text, example: "星河汽车深圳南山4S店"),
        StoreSettingKey("store.code", .text, example: "SZNS"),
        StoreSettingKey("store.utc_offset", .text, example: "+08:00"),
        StoreSettingKey("store.mode", .text, example: "live"),
        StoreSettingKey("store.language", .text, example: "zh-Hans"),
        StoreSettingKey("store.plate_prefix", .text, example: "粤B"),
        StoreSettingKey("rates.labor_rate_fen", .wholeNumber, example: "28000"),
        StoreSettingKey("rates.vat_basis_points", .wholeNumber, example: "1300"),
        StoreSettingKey("rates.discount_limit_basis_points", .wholeNumber, example: "1000"),
        StoreSettingKey("hours.open", .text, example: "08:00"),
        StoreSettingKey("hours.close", .text, example: "20:00"),
        StoreSettingKey("hours.peak", .textList, example: "08:30-10:30,16:30-18:00"),
        StoreSettingKey("workshop.bays", .wholeNumber, example: "8"),
        StoreSettingKey("workshop.comeback_days", .wholeNumber, example: "30"),
        StoreSettingKey("store.address", .text, example: "深圳市南山区沙河西路3011号"),
        StoreSettingKey("store.phone", .text, example: "0755-86001234"),
        StoreSettingKey("store.licence", .text, example: "粤交运管许可深字440300123456号"),
        StoreSettingKey("documents.templates", .text, example: "/srv/lane/templates"),
        StoreSettingKey("quality.assembly_km", .wholeNumber, example: "20000"),
        StoreSettingKey("quality.assembly_days", .wholeNumber, example: "100"),
        StoreSettingKey("quality.second_level_km", .wholeNumber, example: "5000"),
        StoreSettingKey("quality.second_level_days", .wholeNumber, example: "30"),
        StoreSettingKey("quality.minor_km", .wholeNumber, example: "2000"),
        StoreSettingKey("quality.minor_days", .wholeNumber, example: "10"),
        StoreSettingKey("quality.assembly_operations", .textList, example: "ENG-OIL-LEAK,SHOCK-F"),
        StoreSettingKey("quality.second_level_operations", .textList, example: "MNT-20K"),
        StoreSettingKey("first_service.free_package", .textList, example: "星河:XH-15400-0001+XH-08232-0020"),
        StoreSettingKey("insurance.insurers", .textList, example: "PICC:中国人保财险,PAIC:平安产险"),
    ] + KPISettings.settingKeys

    public static func settingKey(named name: String) -> StoreSettingKey? { settingKeys.first { $0.name == name } }

    /// The setting someone probably meant by a name that is none: a slip
    /// (`workshop.bay`), or the key without its section (`bays`, `labour_rate_fen`).
    public static func settingKey(resembling name: String) -> StoreSettingKey? {
        let meant = Spelling.closest(to: name, among: settingKeys.map(\.name))
            ?? settingKeys.first { $0.key == name }?.name
            ?? Spelling.closest(to: name, among: settingKeys.map(\.key)).flatMap { key in settingKeys.first { $0.key == key }?.name }
        return meant.flatMap(settingKey(named:))
    }

    /// One setting as a person reads and types it (a list with commas).
    public func value(of key: StoreSettingKey) -> String {
        let text = keyValues.first { $0.0 == key.name }?.1 ?? ""
        return key.kind == .textList ? SettingList.items(text).joined(separator: ",") : text
    }

    /// Reads settings back from key/value text; missing keys keep the standard
    /// value, malformed ones are reported by key.
    public static func from(keyValues: [String: String]) -> Result<StoreSettings, Refusal> {
        var s = StoreSettings.standard
        var problems: [Problem] = []
        func take(_ key: String, _ apply: (String) -> Bool, _ said: Message) {
            guard let v = keyValues[key], !apply(v) else { return }
            var said = said
            said.arguments["given"] = .text(v)
            problems.append(Problem(key, said))
        }
        take("store.name", { v in s.name = v; return !v.isEmpty }, Message("settings.not_a_store_name"))
        take("store.code", { v in s.code = v; return !v.isEmpty }, Message("settings.not_a_store_code"))
        take("store.utc_offset", { v in UTCOffset(parsing: v).map { s.utcOffset = $0 } != nil }, Message("settings.not_an_offset"))
        take("rates.labor_rate_fen", { v in Int64(v).map { s.laborRate = Money(fen: $0) } != nil && s.laborRate.fen >= 0 }, Message("settings.not_a_rate"))
        take("rates.vat_basis_points", { v in Int(v).map { s.vatBasisPoints = $0 } != nil && (0...10_000).contains(s.vatBasisPoints) }, Message("settings.not_basis_points"))
        take("hours.open", { v in TimeOfDay(parsing: v).map { s.opens = $0 } != nil }, Message("settings.not_a_time", ["example": .text("08:00")]))
        take("hours.close", { v in TimeOfDay(parsing: v).map { s.closes = $0 } != nil }, Message("settings.not_a_time", ["example": .text("20:00")]))
        // Ranges hold no comma, so the stored text stays comma-joined; a list from store.toml or `store set` comes as a SettingList.
        if let v = keyValues["hours.peak"] {
            let items = SettingList.items(v)
            let ranges = items.compactMap { TimeRange(parsing: $0) }
            if ranges.count == items.count { s.peakHours = ranges }
            else { problems.append(Problem("hours.peak", Message("settings.not_time_ranges", ["given": .text(items.joined(separator: ","))]))) }
        }
        take("rates.discount_limit_basis_points", { v in Int(v).map { s.discountLimitBasisPoints = $0 } != nil && (0...10_000).contains(s.discountLimitBasisPoints) },
             Message("settings.not_basis_points"))
        take("workshop.bays", { v in Int(v).map { s.bays = $0 } != nil && s.bays > 0 }, Message("settings.not_bays"))
        take("workshop.comeback_days", { v in Int(v).map { s.comebackDays = $0 } != nil && (1...3650).contains(s.comebackDays) },
             Message("settings.not_comeback_days"))
        take("store.mode", { v in StoreMode(rawValue: v).map { s.mode = $0 } != nil }, Message("settings.not_a_mode"))
        // Free text: any value will do (empty: not printed, or the built-in templates).
        s.address = keyValues["store.address"] ?? s.address
        s.phone = keyValues["store.phone"] ?? s.phone
        s.licence = keyValues["store.licence"] ?? s.licence
        // Absolute: a relative folder would let whoever starts lane choose the templates by where they start it.
        take("documents.templates", { v in
            guard StoreSettings.isTemplateFolder(v) else { return false }
            s.documentTemplates = v
            return true
        }, Message("settings.not_a_template_folder"))
        for (key, period) in [("quality.assembly", \StoreSettings.qualityWarranty.assembly),
                              ("quality.second_level", \StoreSettings.qualityWarranty.secondLevel),
                              ("quality.minor", \StoreSettings.qualityWarranty.minor)] {
            take(key + "_km", { v in Int(v).map { s[keyPath: period].km = $0 } != nil && s[keyPath: period].km > 0 },
                 Message("settings.not_a_warranty_period"))
            take(key + "_days", { v in Int(v).map { s[keyPath: period].days = $0 } != nil && s[keyPath: period].days > 0 },
                 Message("settings.not_a_warranty_period"))
        }
        if let v = keyValues["quality.assembly_operations"] { s.qualityWarranty.assemblyOperations = SettingList.items(v) }
        if let v = keyValues["quality.second_level_operations"] { s.qualityWarranty.secondLevelOperations = SettingList.items(v) }
        take("store.language", { v in InterfaceLanguage(parsing: v).map { s.language = $0 } != nil }, Message("settings.not_a_language"))
        take("store.plate_prefix", { v in
            let prefix = v.trimmingWhitespace().uppercased()
            guard prefix.isEmpty || LicensePlate.isPrefix(prefix) else { return false }
            s.platePrefix = prefix
            return true
        }, Message("settings.not_a_plate_prefix"))
        if let v = keyValues["first_service.free_package"] {
            if let list = FirstServicePackage.list(SettingList.items(v)) { s.firstServicePackages = list }
            else { problems.append(Problem("first_service.free_package", Message("settings.not_free_packages", ["given": .text(v)]))) }
        }
        if let v = keyValues["insurance.insurers"] {
            if let list = Insurer.list(SettingList.items(v)) { s.insurers = list }
            else { problems.append(Problem("insurance.insurers", Message("settings.not_insurers", ["given": .text(v)]))) }
        }
        if s.opens >= s.closes {
            problems.append(Problem("hours", Message("settings.opens_after_closing", ["opens": .text(s.opens.description), "closes": .text(s.closes.description)])))
        }
        return problems.isEmpty ? .success(s) : .failure(Refusal(Message("settings.not_valid"), problems: problems))
    }
}

extension StoreSettings {
    /// `documents.templates`: empty (the built-in templates) or an absolute folder with no `..` in it.
    public static func isTemplateFolder(_ path: String) -> Bool {
        path.isEmpty || (path.hasPrefix("/") && !path.split(separator: "/").contains(".."))
    }
}

/// One key of the store's settings, with the type its value must have in
/// store.toml and what `store set` accepts for it.
public struct StoreSettingKey: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text, wholeNumber, textList

        /// How a value is typed after `store set`, in the reader's language.
        public var typed: Message {
            switch self {
            case .text: Message("setting.kind.text")
            case .wholeNumber: Message("setting.kind.whole_number")
            case .textList: Message("setting.kind.text_list")
            }
        }
    }

    /// `section.key`, as the file's section and key give it.
    public var name: String
    public var kind: Kind
    /// What the setting decides, rendered in the reader's language when shown
    /// (`setting.meaning.store.name`; the catalogs hold the words).
    public var meaning: Message
    /// As typed after `store set`.
    public var example: String

    /// A setting whose meaning is its own code, `setting.meaning.` + its name.
    public init(_ name: String, _ kind: Kind, example: String) {
        self.init(name, kind, meaning: Message(MessageCode("setting.meaning." + name)), example: example)
    }

    public init(_ name: String, _ kind: Kind, meaning: Message, example: String) {
        self.name = name
        self.kind = kind
        self.meaning = meaning
        self.example = example
    }

    /// Its line in `store set`'s help: name, type, meaning, example.
    public var helpLine: Message {
        Message("setting.help_line", ["key": .text(name), "kind": .message(kind.typed), "meaning": .message(meaning), "example": .text(example)])
    }

    public var section: String { String(name.prefix { $0 != "." }) }
    public var key: String { String(name.drop { $0 != "." }.dropFirst()) }

    /// A value typed at the prompt (`store set`) as the store keeps it, with
    /// the file's types: digits for a whole number, items separated by commas for a list.
    public func storedValue(typed text: String) -> Result<String, Problem> {
        let text = text.trimmingWhitespace()
        switch kind {
        case .text:
            return .success(text)
        case .wholeNumber:
            if let n = Int64(text) { return .success(String(n)) }
            // Amounts are kept in fen; someone typing yuan is told the number to write.
            if name.hasSuffix("_fen"), let m = Money(yuan: text) {
                return .failure(Problem(name, Message("settings.yuan_not_fen", ["given": .text(text), "fen": .int(Int(m.fen)), "amount": .money(m)])))
            }
            return .failure(Problem(name, Message("settings.not_a_whole_number", ["given": .text(text)])))
        case .textList:
            let items = text.isEmpty ? [] : ListInput.items(text)
            if let empty = items.firstIndex(of: "") {
                return .failure(Problem(name, Message("settings.empty_item", ["item": .int(empty + 1), "given": .text(text), "example": .text(example)])))
            }
            return .success(SettingList.text(items))
        }
    }
}
