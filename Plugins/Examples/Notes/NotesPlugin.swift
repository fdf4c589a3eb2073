import LanePlugin

/// Notes the front office keeps on a vehicle, shown again when its next repair order opens.
public struct NotesPlugin: LanePlugin {
    public init() {}

    public var manifest: PluginManifest {
        PluginManifest(name: "notes", version: "1.0.0", summary: "Notes on a vehicle, shown when its next repair order opens",
                       nouns: ["note": "notes kept on a vehicle"])
    }

    public var migrations: [PluginMigration] {
        [PluginMigration("v1 notes", sql: """
            CREATE TABLE plg_notes_note (id INTEGER PRIMARY KEY, vin TEXT NOT NULL, text TEXT NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL);
            CREATE INDEX plg_notes_note_by_vin ON plg_notes_note(vin);
            """)]
    }

    public var commands: [PluginCommand] {
        [PluginCommand(noun: "note", verb: "add", summary: "Keep a note on a vehicle for its next visit",
                       positionals: [PositionalSpec("vehicle", "Plate or VIN", completion: .vehicles, current: .vehicle),
                                     PositionalSpec("text", "The note, in the customer's words")],
                       examples: ["note add 粤B82396 '客户要求保留旧件'"], access: .changes(roles: [.serviceAdvisor, .customerService])) { args, ctx in
            let reference = args.positional("vehicle") ?? ""
            guard let vehicle = try ctx.vehicle(reference) else {
                throw Refusal(Message("notes.cannot_keep"), problems: [Problem("vehicle", Message("notes.no_such_vehicle", ["vehicle": .text(reference)]))])
            }
            try ctx.execute("INSERT INTO plg_notes_note (vin, text, by, at) VALUES (?, ?, ?, ?)",
                            [.text(vehicle.vin.value), .text(args.positional("text") ?? ""), .text(ctx.user), .integer(ctx.now.secondsSince1970)])
            return .message(Message("notes.noted", ["plate": .text(vehicle.plate.value)]).description, nil)
        }]
    }

    public func handle(_ event: DomainEvent, _ ctx: any PluginContext) throws -> [String] {
        guard case .repairOrderOpened(let order) = event, let vehicle = try ctx.vehicle(id: order.vehicleID) else { return [] }
        return try ctx.rows("SELECT text, by FROM plg_notes_note WHERE vin = ? ORDER BY id", [.text(vehicle.vin.value)])
            .map { Message("notes.note_from", ["by": .text($0.text("by") ?? "?"), "text": .text($0.text("text") ?? "")]).description }
    }

    /// Its words in each language the shell speaks: codes under `notes.`.
    public var messages: [InterfaceLanguage: [MessageCode: String]] {
        // Its help too: the specs' words in English (`helpWords`), its own in Chinese.
        [.english: ["notes.cannot_keep": "cannot keep the note", "notes.no_such_vehicle": "there is no vehicle {vehicle}",
                    "notes.noted": "noted on {plate}", "notes.note_from": "note from {by}: {text}"].merging(helpWords) { own, _ in own },
         .chinese: ["notes.cannot_keep": "无法记录备注", "notes.no_such_vehicle": "没有车辆 {vehicle}",
                    "notes.noted": "已记在 {plate} 名下", "notes.note_from": "{by} 的备注：{text}",
                    "notes.help.summary": "车辆备注：下次为该车开维修委托书时再显示",
                    "notes.help.noun.note": "记在车辆上的备注",
                    "notes.help.command.note.add": "为车辆记一条备注，下次到店时显示",
                    "notes.help.option.note.add.vehicle": "车牌或 VIN",
                    "notes.help.option.note.add.text": "备注内容，按客户原话记录"]]
    }
}
