import LaneCore
import LaneStore

/// The dealership itself: its settings (`store show`, `store set`), its lists
/// (staff, labour operations, parts) and the data loaded into it (`import`,
/// `seed load`). A front end reads the files; what they hold is checked here.
public struct SetupDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    // MARK: Settings

    /// `store show`: the settings and how many customers and vehicles the store has.
    public func store(by caller: Caller) throws -> StoreSummary {
        try department.read("store show", by: caller) { tx in try Self.store(by: caller, tx) }
    }

    static func store(by caller: Caller, _ tx: any StoreReading) throws -> StoreSummary {
        StoreSummary(settings: caller.settings, customers: try tx.customerCount(), vehicles: try tx.vehicleCount())
    }

    /// `store set`: one setting of a store in use, with the rules and types of
    /// store.toml; the audit trail keeps the old and the new value.
    public func set(_ request: SettingRequest, by caller: Caller) throws -> Done<SettingChanged> {
        try department.change("store set", by: caller) { tx in
            let changed = try Self.set(request, by: caller, key: department.store.secretKey, tx)
            return Recorded(changed, audit: AuditNote(ref: changed.key.name, summary: changed.message.description))
        }
    }

    static func set(_ request: SettingRequest, by caller: Caller, key sealKey: [UInt8]?, _ tx: any StoreWriting) throws -> SettingChanged {
        guard let key = StoreSettings.settingKey(named: request.key) else {
            let meant = StoreSettings.settingKey(resembling: request.key)
            let all = MessageArgument.list(StoreSettings.settingKeys.map { .text($0.name) })
            throw Refusal(Message("store.cannot_set", ["key": .text(request.key)]), problems: [
                Problem("key", meant.map { Message("store.not_a_setting_meant", ["key": .text(request.key), "meant": .text($0.name), "keys": all]) }
                        ?? Message("store.not_a_setting", ["key": .text(request.key), "keys": all]))])
        }
        let headline = Message("store.cannot_set", ["key": .text(key.name)])
        // Live or training decides whether time can be set: the admin's call alone.
        if key.name == "store.mode" && caller.role != .admin {
            throw Refusal(headline, problems: [Problem("key", Message("settings.mode_is_the_admins"))])
        }
        let stored: String
        switch key.storedValue(typed: request.value) {
        case .success(let v): stored = v
        case .failure(let p): throw Refusal(headline, problems: [p])
        }
        if key.section == "kpi" {
            // The report's parameters and targets (KPISettings) are kept as values of their own.
            try Refusal.check(headline, KPISettings.problems(keyValues: [key.name: stored]))
            let before = try tx.settingValues()[key.name] ?? ""
            try tx.saveSettingValue(key: key.name, value: stored)
            return SettingChanged(key: key, before: before, after: stored)
        }
        let old = try tx.settings()
        var values = try tx.settingValues()
        values[key.name] = stored
        let new: StoreSettings
        switch StoreSettings.from(keyValues: values) {
        case .success(let s): new = s
        case .failure(let r): throw Refusal(headline, problems: r.problems)
        }
        try RowSeals.saveSettings(new, replacing: old, key: sealKey, tx)
        return SettingChanged(key: key, before: old.value(of: key), after: new.value(of: key))
    }

    /// `store unset`: takes a KPI target away, or puts a KPI parameter back to its standard value. The other
    /// settings always have a value (a store has a name, a labour rate…): those are changed with `store set`.
    public func unset(_ name: String, by caller: Caller) throws -> Done<SettingRemoved> {
        try department.change("store unset", by: caller) { tx in
            let removed = try Self.unset(name, tx)
            return Recorded(removed, audit: AuditNote(ref: removed.key.name, summary: removed.message.description))
        }
    }

    static func unset(_ name: String, _ tx: any StoreWriting) throws -> SettingRemoved {
        let headline = Message("store.cannot_unset", ["key": .text(name)])
        guard let key = StoreSettings.settingKey(named: name) else {
            let meant = StoreSettings.settingKey(resembling: name)
            let all = MessageArgument.list(StoreSettings.settingKeys.map { .text($0.name) })
            throw Refusal(headline, problems: [
                Problem("key", meant.map { Message("store.not_a_setting_meant", ["key": .text(name), "meant": .text($0.name), "keys": all]) }
                        ?? Message("store.not_a_setting", ["key": .text(name), "keys": all]))])
        }
        guard key.section == "kpi" else {
            throw Refusal(headline, problems: [Problem("key", Message("store.always_has_a_value", ["key": .text(key.name)]))])
        }
        let before = try tx.settingValues()[key.name]
        if before != nil { try tx.removeSettingValue(key: key.name) }
        return SettingRemoved(key: key, before: before, standard: KPISettings.standardValue(of: key.name))
    }

    // MARK: The dealership's lists

    /// `staff list`: everyone, or one role; their numbers as the caller may see them.
    public func staff(role: StaffRole?, by caller: Caller) throws -> [StaffCard] {
        try department.read("staff list", by: caller) { tx in try Self.staff(role: role, by: caller, tx) }
    }

    /// One member of staff by name: who is signed in, for `today` and `whoami`.
    static func staffMember(named name: String, _ tx: any StoreReading) throws -> StaffMember? { try tx.staffMember(named: name) }

    static func staff(role: StaffRole?, by caller: Caller, _ tx: any StoreReading) throws -> [StaffCard] {
        try tx.staff().filter { role == nil || $0.role == role }.map {
            StaffCard(name: $0.name, role: $0.role, team: $0.team, phone: $0.phone.map { caller.privacy.phone($0) }, leftAt: $0.leftAt)
        }
    }

    /// `catalog labor`: each operation with its price at the store's labour rate.
    public func laborCatalog(by caller: Caller) throws -> [(operation: LaborOperation, price: Money)] {
        try department.read("catalog labor", by: caller) { tx in try Self.laborCatalog(by: caller, tx) }
    }

    static func laborCatalog(by caller: Caller, _ tx: any StoreReading) throws -> [(operation: LaborOperation, price: Money)] {
        try tx.laborOperations().map { ($0, $0.standardHours.price(at: caller.settings.laborRate)) }
    }

    /// `catalog parts`: each part with what is reserved of its stock for appointments.
    public func partsCatalog(by caller: Caller) throws -> [(part: Part, reserved: Int)] {
        try department.read("catalog parts", by: caller) { tx in try Self.partsCatalog(tx) }
    }

    static func partsCatalog(_ tx: any StoreReading) throws -> [(part: Part, reserved: Int)] {
        try tx.parts().map { ($0, try tx.reservedQuantity(partNumber: $0.number)) }
    }

    // MARK: Loading

    /// `import customers|vehicles|visits`: one file, every row or none.
    public func importTable(_ kind: ImportKind, _ table: ImportTable, by caller: Caller) throws -> Done<Imported> {
        try department.change(OperationID(noun: "import", verb: kind.rawValue), by: caller) { tx in
            let imported = try Self.importTable(kind, table, by: caller, tx)
            return Recorded(imported, audit: AuditNote(ref: table.name, summary: imported.message.description))
        }
    }

    static func importTable(_ kind: ImportKind, _ table: ImportTable, by caller: Caller, _ tx: any StoreWriting) throws -> Imported {
        let missing = kind.columns.filter { !table.columns.contains($0) }
        try Refusal.check(Message("import.lacks_columns", ["file": .text(table.name)]), missing.map {
            Problem($0, Message("import.no_column", ["column": .text($0), "columns": .list(table.columns.map(MessageArgument.text))]))
        })
        let loader = Importer(table: table, caller: caller, tx: tx)
        let count: Int
        switch kind {
        case .teams: count = try loader.teams()
        case .staff: count = try loader.staff()
        case .laborOperations: count = try loader.laborOperations()
        case .parts: count = try loader.parts()
        case .customers: count = try loader.customers()
        case .vehicles: count = try loader.vehicles()
        case .visits: count = try loader.visits()
        }
        return Imported(kind: kind, file: table.name, rows: count)
    }

    /// `seed load`: a dealership's settings and files into an empty store, in one go.
    public func seed(_ request: SeedRequest, by caller: Caller) throws -> Done<SeedLoaded> {
        try department.change("seed load", by: caller) { tx in
            let loaded = try Self.seed(request, by: caller, key: department.store.secretKey, tx)
            return Recorded(loaded, audit: AuditNote(ref: loaded.store, summary: loaded.message.description))
        }
    }

    static func seed(_ request: SeedRequest, by caller: Caller, key: [UInt8]?, _ tx: any StoreWriting) throws -> SeedLoaded {
        let customers = try tx.customerCount()
        let staff = try tx.staff().filter { $0.role != .admin }.count
        if customers > 0 || staff > 0 {
            throw Refusal(Message("seed.not_empty"), problems: [
                Problem("", Message("seed.holds_data", ["customers": .int(customers), "staff": .int(staff)]))])
        }
        switch StoreSettings.from(keyValues: request.settings.values) {
        case .success(let s):
            try RowSeals.saveSettings(s, replacing: try tx.settings(), key: key, tx)
        case .failure(let r): throw Refusal(Message("seed.bad_settings"), problems: r.problems.map(request.settings.located))
        }
        // The plugins' sections ([plugin.NAME]) are kept as they are; each plugin reads its own. [kpi]: the report's.
        try Refusal.check(Message("seed.bad_settings"), KPISettings.problems(keyValues: request.settings.values).map(request.settings.located))
        for (key, value) in request.settings.values where key.hasPrefix("plugin.") || key.hasPrefix("kpi.") {
            try tx.saveSettingValue(key: key, value: value)
        }
        var loaded: [Imported] = []
        for kind in ImportKind.seedOrder {
            guard let table = request.tables[kind] else {
                throw Refusal(Message("seed.cannot_load"), problems: [Problem("dir", Message("seed.no_file", ["file": .text(kind.fileName)]))])
            }
            loaded.append(try importTable(kind, table, by: caller, tx))
        }
        return SeedLoaded(store: try tx.settings().name, folder: request.folder, loaded: loaded)
    }
}

// MARK: Requests and results

/// `store set KEY VALUE`, as typed.
public struct SettingRequest: Sendable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

public struct SettingChanged: Sendable {
    public var key: StoreSettingKey
    public var before: String
    public var after: String
    public var message: Message {
        Message(before == after ? "store.set_unchanged" : "store.set", ["key": .text(key.name), "before": .text(before), "after": .text(after)])
    }
}

/// A setting taken away by `store unset`: what it was (nil: it was not set) and the standard value it is back
/// to (nil for a target: the figure has none now).
public struct SettingRemoved: Sendable {
    public var key: StoreSettingKey
    public var before: String?
    public var standard: String?
    public var message: Message {
        guard let before else { return Message("store.unset_not_set", ["key": .text(key.name)]) }
        if let standard { return Message("store.unset_to_standard", ["key": .text(key.name), "before": .text(before), "standard": .text(standard)]) }
        return Message("store.unset_target", ["key": .text(key.name), "before": .text(before)])
    }
}

public struct StoreSummary: Sendable {
    public var settings: StoreSettings
    public var customers: Int
    public var vehicles: Int
}

/// A member of staff as the caller may see them.
public struct StaffCard: Sendable, Equatable {
    public var name: String
    public var role: StaffRole
    public var team: String?
    public var phone: String?
    /// When they left the store (`staff leave`); nil while employed.
    public var leftAt: Timestamp?
}

/// A settings file read by a front end: its values (`section.key` → the
/// value as stored) and the line of each key and section, so a problem names
/// where to look (`store.toml line 18 workshop.bays`).
public struct SettingsFile: Sendable {
    public var name: String
    public var values: [String: String]
    public var lines: [String: Int]
    public init(name: String, values: [String: String], lines: [String: Int]) {
        self.name = name
        self.values = values
        self.lines = lines
    }

    /// The problem about a key (or a section) with the file and the line.
    public func located(_ problem: Problem) -> Problem {
        let place = lines[problem.field].map { Message("location.line", ["file": .text(name), "line": .int($0)]) } ?? .text(name)
        return Problem(problem.field.isEmpty ? place.description : "\(place) \(problem.field)", problem.said)
    }
}

/// `seed load`: the folder's settings and its files, read by the front end.
public struct SeedRequest: Sendable {
    public var folder: String
    public var settings: SettingsFile
    public var tables: [ImportKind: ImportTable]
    public init(folder: String, settings: SettingsFile, tables: [ImportKind: ImportTable]) {
        self.folder = folder
        self.settings = settings
        self.tables = tables
    }
}

public struct Imported: Sendable {
    public var kind: ImportKind
    public var file: String
    public var rows: Int
    public var message: Message {
        Message("import.done", ["count": .int(rows), "what": .message(kind.what), "file": .text(file)])
    }
}

public struct SeedLoaded: Sendable {
    /// The store's name, from its settings.
    public var store: String
    public var folder: String
    public var loaded: [Imported]
    public var message: Message { Message("seed.loaded", ["folder": .text(folder)]) }
}
