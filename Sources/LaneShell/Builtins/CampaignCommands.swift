import LaneCore
import LaneStore

/// `campaign …`: service campaigns (R1.5) and the maker's technical upgrades
/// (R1.6). Eligible vehicles appear in `remind due` while a campaign runs;
/// `remind log … campaign|upgrade` keeps the invitation and upgrade registers.
enum CampaignCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "campaign", "service campaigns and technical upgrades: who is eligible, who was invited")
        for spec in [add, list, show] { try registry.register(spec) }
    }

    static let add = CommandSpec(
        noun: "campaign", verb: "add", summary: "Start a service campaign or a technical upgrade for models or a VIN range (R1.5, R1.6)",
        positionals: [PositionalSpec("code", "Its code, e.g. UPG-2026-07")],
        options: [OptionSpec("kind", value: "KIND", "campaign or upgrade", completion: .choices(["campaign", "upgrade"]), required: true),
                  OptionSpec("title", value: "TEXT", "What it offers", required: true),
                  OptionSpec("models", value: "LIST", "Models it is for, separated by ';' (default: all)"),
                  OptionSpec("vin-prefix", value: "TEXT", "Only VINs starting with this"),
                  OptionSpec("from", value: "DATE", "First day (default: today)"),
                  OptionSpec("until", value: "DATE", "Last day")],
        examples: ["campaign add UPG-2026-07 --kind upgrade --title 'BMS软件升级' --models '星河 EV6;星河 EV9'",
                   "campaign add WINTER-2026 --kind campaign --title '冬季免费检测' --until 2026-12-31"],
        action: .write { inv, ctx, tx in
            let code = (inv.positional("code") ?? "").uppercased()
            let kind = ReminderKind(rawValue: inv.option("kind") ?? "")
            var p: [Problem] = []
            var starts: CalendarDate? = ctx.today
            if let text = inv.option("from") {
                starts = CalendarDate(parsing: text)
                if starts == nil { p.append(Problem("from", "'\(text)' is not a date; write YYYY-MM-DD")) }
            }
            var ends: CalendarDate?
            if let text = inv.option("until") {
                ends = CalendarDate(parsing: text)
                if ends == nil { p.append(Problem("until", "'\(text)' is not a date; write YYYY-MM-DD")) }
            }
            if p.isEmpty {
                p += ServiceCampaign.problems(code: code, kind: kind, title: inv.option("title") ?? "", startsOn: starts, endsOn: ends)
            }
            if try tx.campaign(code: code) != nil { p.append(Problem("code", "\(code) already exists")) }
            try Refusal.check("the campaign cannot be started", p)
            guard let kind, let starts else { return .nothing }
            let models = (inv.option("models") ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let c = try tx.insertCampaign(ServiceCampaign(code: code, kind: kind, title: (inv.option("title") ?? "").trimmingWhitespace(),
                                                          models: models, vinPrefix: inv.option("vin-prefix")?.uppercased(), startsOn: starts, endsOn: ends))
            let eligible = try tx.allVehicles().filter(c.applies(to:)).count
            return .message("\(kind.rawValue) \(code) starts \(starts): \(eligible) vehicles eligible; they appear in `remind due`", nil)
        })

    static let list = CommandSpec(
        noun: "campaign", verb: "list", summary: "Campaigns and upgrades with how many vehicles were invited",
        action: .read { _, ctx, tx in
            let log = try tx.reminderLog(vehicleID: nil)
            let vehicles = try tx.allVehicles()
            var t = Table(columns: [Column("code", "code"), Column("kind", "kind"), Column("title", "title"), Column("from", "from"),
                                   Column("until", "until"), Column("eligible", "eligible"), Column("booked", "booked"),
                                   Column("declined", "declined"), Column("running", "running")], emptyText: "no campaigns")
            for c in try tx.campaigns() {
                let mine = log.filter { $0.reference == c.code }
                t.rows.append([.text(c.code), .text(c.kind.rawValue), .text(c.title), .date(c.startsOn), c.endsOn.map(Value.date) ?? .none,
                               .int(vehicles.filter(c.applies(to:)).count), .int(mine.filter { $0.outcome == .booked }.count),
                               .int(mine.filter { $0.outcome == .declined }.count), .bool(c.isRunning(on: ctx.today))])
            }
            return .table(t)
        })

    static let show = CommandSpec(
        noun: "campaign", verb: "show", summary: "The invitation (or upgrade) register of one campaign: every eligible vehicle (X7)",
        positionals: [PositionalSpec("code", "The campaign code")],
        action: .read { inv, _, tx in
            let code = (inv.positional("code") ?? "").uppercased()
            guard let c = try tx.campaign(code: code) else {
                throw Refusal("no such campaign", problems: [Problem("code", "there is no campaign \(code); `campaign list` shows them")])
            }
            let log = try tx.reminderLog(vehicleID: nil).filter { $0.reference == c.code }
            var t = Table(columns: [Column("plate", "plate"), Column("model", "model"), Column("customer", "customer"), Column("state", "state")],
                          emptyText: "no vehicle is eligible")
            for v in try tx.allVehicles() where c.applies(to: v) {
                let last = log.last { $0.vehicleID == v.id }
                let owner = try tx.customer(id: v.ownerID)
                t.rows.append([.text(v.plate.value), .text(v.model), .text(owner.map { "\($0.name) \($0.code)" } ?? "?"),
                               .text(last.map { "\($0.outcome.rawValue) \($0.reason)" } ?? "to invite")])
            }
            return .table(t)
        })

    /// Campaigns and upgrades still open for a vehicle: shown when its repair order is opened (R1.6).
    static func pending(for vehicle: Vehicle, on day: CalendarDate, _ tx: any StoreReading) throws -> [ServiceCampaign] {
        ServiceCampaign.pending(try tx.campaigns(), for: vehicle, on: day, log: try tx.reminderLog(vehicleID: vehicle.id))
    }
}
