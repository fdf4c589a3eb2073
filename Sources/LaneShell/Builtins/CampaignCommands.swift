import LaneCore
import ServiceDepartment

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
        action: .change { inv, ctx in
            var p: [Problem] = []
            let starts = inv.option("from").flatMap { ReminderCommands.day($0, "from", into: &p) }
            let ends = inv.option("until").flatMap { ReminderCommands.day($0, "until", into: &p) }
            let request = CampaignRequest(code: inv.positional("code") ?? "", kind: ValueInput.value(inv.option("kind") ?? "", as: ReminderKind.self),
                                          title: inv.option("title") ?? "", models: (inv.option("models") ?? "").split(separator: ";").map(String.init),
                                          vinPrefix: inv.option("vin-prefix"), startsOn: starts, endsOn: ends, inputProblems: p)
            let started = try ctx.desks.campaigns.start(request, by: ctx.caller(inv.line)).value
            return .message(started.message.description, nil)
        })

    static let list = CommandSpec(
        noun: "campaign", verb: "list", summary: "Campaigns and upgrades with how many vehicles were invited",
        action: .lookup { inv, ctx in
            var t = Table(columns: [Column("code", "code"), Column("kind", "kind", words: ReminderKind.wordKind), Column("title", "title"), Column("from", "from"),
                                   Column("until", "until"), Column("eligible", "eligible"), Column("booked", "booked"),
                                   Column("declined", "declined"), Column("running", "running")], emptyText: Message("empty.no_campaigns").description)
            for s in try ctx.desks.campaigns.list(by: ctx.caller(inv.line)) {
                let c = s.campaign
                t.rows.append([.text(c.code), .text(c.kind.rawValue), .text(c.title), .date(c.startsOn), c.endsOn.map(Value.date) ?? .none,
                               .int(s.eligible), .int(s.booked), .int(s.declined), .bool(s.running)])
            }
            return .table(t)
        })

    static let show = CommandSpec(
        noun: "campaign", verb: "show", summary: "The invitation (or upgrade) register of one campaign: every eligible vehicle (X7)",
        positionals: [PositionalSpec("code", "The campaign code")],
        action: .lookup { inv, ctx in
            let register = try ctx.desks.campaigns.register(inv.positional("code") ?? "", by: ctx.caller(inv.line))
            var t = Table(columns: [Column("plate", "plate"), Column("model", "model"), Column("customer", "customer"), Column("state", "state")],
                          emptyText: Message("empty.no_vehicle_is_eligible").description)
            for row in register.rows {
                t.rows.append([.text(row.vehicle.plate.value), .text(row.vehicle.model),
                               .text(row.customerName.map { "\($0) \(row.customerCode ?? "")" } ?? "?"),
                               .text(row.lastCall.map { "\($0.outcome.word) \($0.reason)" } ?? Message("campaign.to_invite").description)])
            }
            return .table(t)
        })
}
