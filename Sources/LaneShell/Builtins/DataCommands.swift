import Foundation
import LaneCore
import LaneStore

/// `import …` and `seed load`: data in from files, all or nothing.
enum DataCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "import", "load customers, vehicles or service history from CSV")
        registry.describe(noun: "seed", "the demo dealership")
        try registry.register(importSpec("customers", "Import customers from CSV (columns: name, phone, [code], [address])",
                                         example: "import customers customers.csv") { try $0.customers($1) })
        try registry.register(importSpec("vehicles", "Import vehicles from CSV (columns: vin, plate, model, owner, sold, [mileage])",
                                         example: "import vehicles vehicles.csv") { try $0.vehicles($1) })
        try registry.register(importSpec("visits", "Import service history from CSV (columns: plate, date, mileage, kind, summary)",
                                         example: "import visits visits.csv") { try $0.visits($1) })
        try registry.register(seedLoad)
    }

    static func importSpec(_ what: String, _ summary: String, example: String,
                           _ load: @escaping @Sendable (Importer, String) throws -> Int) -> CommandSpec {
        CommandSpec(
            noun: "import", verb: what, summary: summary,
            discussion: "The file is UTF-8 CSV with a header row (a BOM from Excel is fine). If any row is wrong, every problem is listed with its line and nothing is imported.",
            positionals: [PositionalSpec("file", "The CSV file", completion: .files)],
            examples: [example],
            action: .write { inv, ctx, tx in
                let (text, name) = try Importer.readFile(inv.positional("file") ?? "", relativeTo: ctx.workingDirectory)
                let count = try load(Importer(tx: tx, ctx: ctx, fileName: name), text)
                return .message("imported \(count) \(what) from \(name)", nil)
            })
    }

    /// The files of a dealership's data folder, in the order they depend on each other.
    static let seedFiles: [(file: String, what: String, load: @Sendable (Importer, String) throws -> Int)] = [
        ("teams.csv", "teams", { try $0.teams($1) }),
        ("staff.csv", "staff", { try $0.staff($1) }),
        ("labor_operations.csv", "labour operations", { try $0.laborOperations($1) }),
        ("parts.csv", "parts", { try $0.parts($1) }),
        ("customers.csv", "customers", { try $0.customers($1) }),
        ("vehicles.csv", "vehicles", { try $0.vehicles($1) }),
        ("visits.csv", "visits", { try $0.visits($1) }),
    ]

    static let seedLoad = CommandSpec(
        noun: "seed", verb: "load", summary: "Load the demo dealership (or a dealer's data folder) into an empty database",
        discussion: """
            DIR holds store.toml and teams.csv, staff.csv, labor_operations.csv, parts.csv, customers.csv, vehicles.csv, \
            visits.csv (see seeds/README.md). Everything loads in one transaction; any problem loads nothing. \
            Without DIR, the project's seeds/ folder is used.
            """,
        positionals: [PositionalSpec("dir", "The data folder", completion: .files, optional: true)],
        examples: ["seed load", "seed load ./seeds"],
        action: .write { inv, ctx, tx in
            guard let dir = inv.positional("dir").map({ $0.hasPrefix("/") ? $0 : ctx.workingDirectory + "/" + $0 }) ?? ctx.seedsDirectory else {
                throw Refusal("cannot find the demo data", problems: [Problem("dir", "give the folder, or set LANE_SEEDS")])
            }
            let existing = try tx.customerCount()
            let staff = try tx.staff().filter { $0.role != .admin }.count
            if existing > 0 || staff > 0 {
                throw Refusal("seed load fills an empty database only", problems: [
                    Problem("", "this database already holds \(existing) customers and \(staff) staff; use `import` to add to it, or start a new file with --db")
                ])
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder), isFolder.boolValue else {
                throw Refusal("cannot load the dealership", problems: [Problem("dir", "there is no folder \(dir)")])
            }
            guard FileManager.default.fileExists(atPath: dir + "/store.toml") else {
                throw Refusal("cannot load the dealership", problems: [Problem("dir", "\(dir) has no store.toml; is it a seeds folder? (see seeds/README.md)")])
            }
            let (configText, configName) = try Importer.readFile("store.toml", relativeTo: dir)
            let config = try ConfigFile.read(configText, name: configName)
            switch StoreSettings.from(keyValues: config.values) {
            case .success(let s): try tx.saveSettings(s)
            case .failure(let r): throw Refusal("the store settings cannot be loaded", problems: r.problems.map(config.located))
            }
            // The plugins' sections ([plugin.NAME]) are kept as they are (arrays as a SettingList); each plugin reads its own.
            for (key, value) in config.values where key.hasPrefix("plugin.") { try tx.saveSettingValue(key: key, value: value) }
            var table = Table(columns: [Column("file", "file"), Column("what", "what"), Column("rows", "rows")])
            for (file, what, load) in seedFiles {
                let (text, name) = try Importer.readFile(file, relativeTo: dir)
                let count = try load(Importer(tx: tx, ctx: ctx, fileName: name), text)
                table.rows.append([.text(name), .text(what), .int(count)])
            }
            var r = Record()
            r.add("store", "store", .text(try tx.settings().name))
            r.add("folder", "folder", .text(dir))
            r.add(section: "loaded", "loaded", table)
            return .message("loaded the dealership from \(dir)", r)
        })
}

/// `staff list`, `catalog labor|parts`, `store show`: the dealership itself.
enum DealershipCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "staff", "the people of the service department")
        registry.describe(noun: "catalog", "labour operations and parts with prices")
        registry.describe(noun: "store", "the store's settings")
        try registry.register(staffList)
        try registry.register(catalogLabor)
        try registry.register(catalogParts)
        try registry.register(storeShow)
        try registry.register(storeSet)
    }

    static let staffList = CommandSpec(
        noun: "staff", verb: "list", summary: "List staff by role and team",
        options: [OptionSpec("role", value: "ROLE", "Only this role", completion: .choices(StaffRole.allCases.map(\.rawValue)))],
        action: .read { inv, ctx, tx in
            var staff = try tx.staff()
            if let roleText = inv.option("role") {
                guard let role = StaffRole(rawValue: roleText) else {
                    throw Refusal("unknown role", problems: [Problem("role", "'\(roleText)' is not one of \(StaffRole.allNames)")])
                }
                staff = staff.filter { $0.role == role }
            }
            var t = Table(columns: [Column("name", "name"), Column("role", "role"), Column("title", "title"), Column("team", "team"), Column("phone", "phone")])
            for s in staff {
                t.rows.append([.text(s.name), .text(s.role.rawValue), .text(s.role.title), .optional(s.team), .optional(s.phone.map { ctx.privacy.phone($0) })])
            }
            return .table(t)
        })

    static let catalogLabor = CommandSpec(
        noun: "catalog", verb: "labor", summary: "Labour operations with standard hours and price at the store's rate",
        action: .read { _, ctx, tx in
            var t = Table(columns: [Column("code", "code"), Column("name", "operation"), Column("standard_hours", "hours"),
                                    Column("skill", "skill"), Column("price_fen", "price")])
            for op in try tx.laborOperations() {
                // Hours are in hundredths: price = rate × hundredths / 100, rounded half up to the fen.
                let price = (ctx.settings.laborRate.fen * Int64(op.standardHours.hundredths) + 50) / 100
                t.rows.append([.text(op.code), .text(op.name), .text(op.standardHours.description), .text(op.skill.rawValue), .money(Money(fen: price))])
            }
            return .table(t)
        })

    static let catalogParts = CommandSpec(
        noun: "catalog", verb: "parts", summary: "Parts with price (VAT excluded), stock and bin",
        action: .read { _, _, tx in
            var t = Table(columns: [Column("number", "number"), Column("name", "part"), Column("unit", "unit"), Column("price_fen", "price"),
                                    Column("stock", "stock"), Column("reserved", "reserved"), Column("bin", "bin"), Column("group", "group")])
            for p in try tx.parts() {
                t.rows.append([.text(p.number), .text(p.name), .text(p.unit), .money(p.price), .int(p.stock),
                               .int(try tx.reservedQuantity(partNumber: p.number)), .text(p.bin), .text(p.group)])
            }
            return .table(t)
        })

    static let storeShow = CommandSpec(
        noun: "store", verb: "show", summary: "The store's name, rates, hours and bays",
        action: .read { _, ctx, tx in
            let s = ctx.settings
            var r = Record()
            r.add("name", "store", .text(s.name))
            r.add("code", "code", .text(s.code))
            r.add("utc_offset", "time zone", .text("UTC" + s.utcOffset.description))
            r.add("labor_rate_fen", "labour rate / hour", .money(s.laborRate))
            r.add("vat_basis_points", "VAT (basis points)", .int(s.vatBasisPoints))
            r.add("discount_limit_basis_points", "advisor discount limit (bp)", .int(s.discountLimitBasisPoints))
            r.add("hours", "opening hours", .text("\(s.opens)-\(s.closes)"))
            r.add("peak_hours", "peak hours", .text(s.peakHours.map(\.description).joined(separator: ", ")))
            r.add("bays", "bays", .int(s.bays))
            r.add("customers", "customers", .int(try tx.customerCount()))
            r.add("vehicles", "vehicles", .int(try tx.vehicleCount()))
            return .record(r)
        })

    /// Changes one setting of a store in use, with the rules and types of
    /// store.toml; the audit trail keeps who changed what (the old and new value).
    static let storeSet = CommandSpec(
        noun: "store", verb: "set", summary: "Change one of the store's settings",
        discussion: "KEY is a key of store.toml, section.key; VALUE is checked as the file's would be. The settings:\n"
            + StoreSettings.settingKeys.map { "  \($0.name) (\($0.kind.typed)): \($0.meaning), e.g. \($0.example)" }.joined(separator: "\n"),
        positionals: [PositionalSpec("key", "The setting, e.g. rates.labor_rate_fen", completion: .choices(StoreSettings.settingKeys.map(\.name))),
                      PositionalSpec("value", "Its new value (quote a value with spaces)")],
        examples: ["store set rates.labor_rate_fen 38000", "store set hours.peak 08:30-10:30,16:30-18:00", "store set workshop.bays 10"],
        action: .write { inv, ctx, tx in
            let name = inv.positional("key") ?? ""
            guard let key = StoreSettings.settingKey(named: name) else {
                let names = StoreSettings.settingKeys.map(\.name)
                // `bays` or `labour_rate_fen` for workshop.bays or rates.labor_rate_fen: the key without its section, or a slip.
                let short = StoreSettings.settingKeys.first { $0.key == name }?.name
                    ?? CommandRegistry.suggestion(for: name, among: StoreSettings.settingKeys.map(\.key))
                        .flatMap { key in StoreSettings.settingKeys.first { $0.key == key }?.name }
                let hint = (CommandRegistry.suggestion(for: name, among: names) ?? short).map { "did you mean \($0)? " } ?? ""
                throw Refusal("cannot set \(name)", problems: [Problem("key", "'\(name)' is not a store setting; \(hint)the settings are \(names.joined(separator: ", "))")])
            }
            let stored: String
            switch key.storedValue(typed: inv.positional("value") ?? "") {
            case .success(let v): stored = v
            case .failure(let p): throw Refusal("cannot set \(key.name)", problems: [p])
            }
            let old = try tx.settings()
            var values = try tx.settingValues()
            values[key.name] = stored
            let new: StoreSettings
            switch StoreSettings.from(keyValues: values) {
            case .success(let s): new = s
            case .failure(let r): throw Refusal("cannot set \(key.name)", problems: r.problems)
            }
            try tx.saveSettings(new)
            let (before, after) = (old.value(of: key), new.value(of: key))
            var r = Record()
            r.add("key", "setting", .text(key.name))
            r.add("old", "was", .text(before))
            r.add("new", "now", .text(after))
            return .message("\(key.name): \(before) → \(after)" + (before == after ? " (unchanged)" : ""), r)
        })
}
