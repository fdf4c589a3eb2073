import Foundation
import LaneCore
import ServiceDepartment

/// `import …` and `seed load`: data in from files, all or nothing.
enum DataCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "import", "load customers, vehicles or service history from CSV")
        registry.describe(noun: "seed", "the demo dealership")
        try registry.register(importSpec(.customers, "Import customers from CSV (columns: name, phone, [code], [address])",
                                         example: "import customers customers.csv"))
        try registry.register(importSpec(.vehicles, "Import vehicles from CSV (columns: vin, plate, model, owner, sold, [mileage])",
                                         example: "import vehicles vehicles.csv"))
        try registry.register(importSpec(.visits, "Import service history from CSV (columns: plate, date, mileage, kind, summary)",
                                         example: "import visits visits.csv"))
        try registry.register(seedLoad)
    }

    static func importSpec(_ kind: ImportKind, _ summary: String, example: String) -> CommandSpec {
        CommandSpec(
            noun: "import", verb: kind.rawValue, summary: summary,
            discussion: "The file is UTF-8 CSV with a header row (a BOM from Excel is fine). If any row is wrong, every problem is listed with its line and nothing is imported.",
            positionals: [PositionalSpec("file", "The CSV file", completion: .files)],
            examples: [example],
            action: .change { inv, ctx in
                let table = try Importer.table(inv.positional("file") ?? "", relativeTo: ctx.workingDirectory)
                let imported = try ctx.desks.setup.importTable(kind, table, by: ctx.caller(inv.line)).value
                return .message(imported.message.description, record(imported))
            })
    }

    static func record(_ imported: Imported) -> Record {
        var r = Record()
        r.add("file", "file", .text(imported.file))
        r.add("what", "what", .text(imported.kind.rawValue), words: "import_kind")
        r.add("rows", "rows", .int(imported.rows))
        return r
    }

    static let seedLoad = CommandSpec(
        noun: "seed", verb: "load", summary: "Load the demo dealership (or a dealer's data folder) into an empty database",
        discussion: """
            DIR holds store.toml and teams.csv, staff.csv, labor_operations.csv, parts.csv, customers.csv, vehicles.csv, \
            visits.csv (see seeds/README.md). Everything loads in one transaction; any problem loads nothing. \
            Without DIR, the project's seeds/ folder is used.
            """,
        positionals: [PositionalSpec("dir", "The data folder", completion: .files, optional: true)],
        examples: ["seed load", "seed load ./seeds"],
        action: .change { inv, ctx in
            guard let dir = inv.positional("dir").map({ $0.hasPrefix("/") ? $0 : ctx.workingDirectory + "/" + $0 }) ?? ctx.seedsDirectory else {
                throw Refusal(Message("seed.no_demo_data"), problems: [Problem("dir", Message("seed.give_folder"))])
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder), isFolder.boolValue else {
                throw Refusal(Message("seed.cannot_load"), problems: [Problem("dir", Message("seed.no_folder", ["folder": .text(dir)]))])
            }
            guard FileManager.default.fileExists(atPath: dir + "/store.toml") else {
                throw Refusal(Message("seed.cannot_load"), problems: [Problem("dir", Message("seed.no_settings", ["folder": .text(dir)]))])
            }
            let (configText, configName) = try Importer.readFile("store.toml", relativeTo: dir)
            let settings = try ConfigFile.read(configText, name: configName).settingsFile
            var tables: [ImportKind: ImportTable] = [:]
            for kind in ImportKind.seedOrder { tables[kind] = try Importer.table(kind.fileName, relativeTo: dir) }
            let loaded = try ctx.desks.setup.seed(SeedRequest(folder: dir, settings: settings, tables: tables), by: ctx.caller(inv.line)).value
            var table = Table(columns: [Column("file", "file"), Column("what", "what"), Column("rows", "rows")])
            for i in loaded.loaded { table.rows.append([.text(i.file), .text(i.kind.what.description), .int(i.rows)]) }
            var r = Record()
            r.add("store", "store", .text(loaded.store))
            r.add("folder", "folder", .text(loaded.folder))
            r.add(section: "loaded", "loaded", table)
            return .message(loaded.message.description, r)
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
        try registry.register(storeUnset)
        try registry.register(storeCheck)
        try registry.register(StoreCopyCommand.storeCopy)
        try registry.register(GroupCommands.storeList)
    }

    static let staffList = CommandSpec(
        noun: "staff", verb: "list", summary: "List staff by role and team",
        options: [OptionSpec("role", value: "ROLE", "Only this role", completion: .choices(StaffRole.allCases.map(\.rawValue)))],
        action: .lookup { inv, ctx in
            var role: StaffRole?
            if let text = inv.option("role") {
                role = StaffRole(rawValue: text)
                if role == nil {
                    throw Refusal(Message("staff.unknown_role"), problems: [
                        Problem("role", Message("input.not_a_role", ["given": .text(text), "roles": .list(StaffRole.allCases.map { .text($0.rawValue) })]))])
                }
            }
            var t = Table(columns: [Column("name", "name"), Column("role", "role"), Column("title", "title"), Column("team", "team"), Column("phone", "phone"),
                                    Column("left_at", "left")])
            for s in try ctx.desks.setup.staff(role: role, by: ctx.caller(inv.line)) {
                t.rows.append([.text(s.name), .text(s.role.rawValue), .text(s.role.title), .optional(s.team), .optional(s.phone),
                               s.leftAt.map(Value.time) ?? .none])
            }
            return .table(t)
        })

    static let catalogLabor = CommandSpec(
        noun: "catalog", verb: "labor", summary: "Labour operations with standard hours and price at the store's rate",
        action: .lookup { inv, ctx in
            var t = Table(columns: [Column("code", "code"), Column("name", "operation"), Column("standard_hours", "hours"),
                                    Column("skill", "skill", words: Skill.wordKind), Column("price_fen", "price")])
            for (op, price) in try ctx.desks.setup.laborCatalog(by: ctx.caller(inv.line)) {
                t.rows.append([.text(op.code), .text(op.name), .text(op.standardHours.description), .text(op.skill.rawValue), .money(price)])
            }
            return .table(t)
        })

    static let catalogParts = CommandSpec(
        noun: "catalog", verb: "parts", summary: "Parts with price (VAT excluded), stock and bin",
        action: .lookup { inv, ctx in
            var t = Table(columns: [Column("number", "number"), Column("name", "part"), Column("unit", "unit"), Column("price_fen", "price"),
                                    Column("stock", "stock"), Column("reserved", "reserved"), Column("bin", "bin"), Column("group", "group", words: PartGroup.wordKind)])
            for (p, reserved) in try ctx.desks.setup.partsCatalog(by: ctx.caller(inv.line)) {
                t.rows.append([.text(p.number), .text(p.name), .text(p.unit), .money(p.price), .int(p.stock), .int(reserved), .text(p.bin), .text(p.group)])
            }
            return .table(t)
        })

    static let storeCheck = CommandSpec(
        noun: "store", verb: "check", summary: "Check the database file and the audit trail: damage, edits, removed rows",
        discussion: "Run it after a power cut or a crash, and before a backup is trusted.",
        action: .session { inv, session in
            let ctx = try session.context()
            let result = try AuditDesk(session.department).checkStore(by: ctx.caller(inv.line))
            var r = Record()
            r.add("file_ok", "file sound", .bool(true))
            r.add("checked", "audit rows checked", .int(result.checked))
            r.add("signed", "rows signed", .int(result.signed))
            return .message(([Message("store.file_ok")] + result.messages).map(\.description).joined(separator: "\n"), r)
        })

    static let storeShow = CommandSpec(
        noun: "store", verb: "show", summary: "The store's name, rates, hours and bays",
        action: .lookup { inv, ctx in
            let summary = try ctx.desks.setup.store(by: ctx.caller(inv.line))
            let s = summary.settings
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
            r.add("customers", "customers", .int(summary.customers))
            r.add("vehicles", "vehicles", .int(summary.vehicles))
            return .record(r)
        })

    /// Changes one setting of a store in use, with the rules and types of
    /// store.toml; the audit trail keeps who changed what (the old and new value).
    static let storeSet: CommandSpec = {
        var spec = storeSetSpec
        // The settings' lines are rendered when help is shown, in the reader's language.
        spec.discussionArguments = { ["settings": .lines(StoreSettings.settingKeys.map { .message($0.helpLine) })] }
        return spec
    }()

    private static let storeSetSpec = CommandSpec(
        noun: "store", verb: "set", summary: "Change one of the store's settings",
        discussion: "KEY is a key of store.toml, section.key; VALUE is checked as the file's would be. The settings:",
        positionals: [PositionalSpec("key", "The setting, e.g. rates.labor_rate_fen", completion: .choices(StoreSettings.settingKeys.map(\.name))),
                      PositionalSpec("value", "Its new value (quote a value with spaces)")],
        examples: ["store set rates.labor_rate_fen 38000", "store set hours.peak 08:30-10:30,16:30-18:00", "store set workshop.bays 10"],
        action: .change { inv, ctx in
            let request = SettingRequest(key: inv.positional("key") ?? "", value: inv.positional("value") ?? "")
            let changed = try ctx.desks.setup.set(request, by: ctx.caller(inv.line)).value
            var r = Record()
            r.add("key", "setting", .text(changed.key.name))
            r.add("old", "was", .text(changed.before))
            r.add("new", "now", .text(changed.after))
            return .message(changed.message.description, r)
        })

    /// Takes a KPI target away, or a KPI parameter back to its standard: the one kind of setting a store may lack.
    static let storeUnset = CommandSpec(
        noun: "store", verb: "unset", summary: "Remove a KPI target, or put a KPI parameter back to its standard value",
        discussion: """
            A figure without a target is no longer marked off target in report kpi and today; a parameter \
            (kpi.complaint_days, kpi.technician_hours_per_day, kpi.wait_minutes) goes back to its standard value. Every \
            other setting always has a value: change it with store set. The audit trail keeps the old value.
            """,
        positionals: [PositionalSpec("key", "The setting, e.g. kpi.target_on_time_delivery",
                                     completion: .choices(KPISettings.settingKeys.map(\.name)))],
        examples: ["store unset kpi.target_on_time_delivery", "store unset kpi.wait_minutes"],
        action: .change { inv, ctx in
            let removed = try ctx.desks.setup.unset(inv.positional("key") ?? "", by: ctx.caller(inv.line)).value
            var r = Record()
            r.add("key", "setting", .text(removed.key.name))
            r.add("old", "was", .text(removed.before ?? ""))
            r.add("new", "now", .text(removed.standard ?? ""))
            return .message(removed.message.description, r)
        })
}
