import LaneCore
import LaneStore

/// Service campaigns (R1.5) and the maker's technical upgrades (R1.6):
/// starting one, and the invitation registers. Eligible vehicles join the
/// due list while a campaign runs (`ReminderDesk`); the rules are
/// `ServiceCampaign`'s.
public struct CampaignDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// Starts a campaign or an upgrade (`campaign add`).
    public func start(_ request: CampaignRequest, by caller: Caller) throws -> Done<CampaignStarted> {
        try department.change("campaign add", by: caller) { tx in
            let started = try Self.start(request, by: caller, tx)
            return Recorded(started, audit: AuditNote(ref: started.campaign.code, summary: started.message.description))
        }
    }

    static func start(_ request: CampaignRequest, by caller: Caller, _ tx: any StoreWriting) throws -> CampaignStarted {
        let code = request.code.trimmingWhitespace().uppercased()
        let starts = request.startsOn ?? caller.today
        var p = request.inputProblems
        // The rules judge the dates only once they could be read.
        if p.isEmpty {
            p += ServiceCampaign.problems(code: code, kind: request.kind, title: request.title, startsOn: starts, endsOn: request.endsOn)
        }
        if try tx.campaign(code: code) != nil { p.append(Problem("code", Message("campaign.exists", ["code": .text(code)]))) }
        try Refusal.check(Message("campaign.cannot_start"), p)
        guard let kind = request.kind else { throw Refusal(Message("campaign.cannot_start"), problems: p) }
        let models = request.models.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let c = try tx.insertCampaign(ServiceCampaign(code: code, kind: kind, title: request.title.trimmingWhitespace(), models: models,
                                                      vinPrefix: request.vinPrefix?.uppercased(), startsOn: starts, endsOn: request.endsOn))
        return CampaignStarted(campaign: c, eligible: try eligible(c, tx).count)
    }

    /// Every campaign with how many vehicles it is for and what came of the invitations (`campaign list`).
    public func list(by caller: Caller) throws -> [CampaignSummary] {
        try department.read("campaign list", by: caller) { tx in try Self.list(by: caller, tx) }
    }

    static func list(by caller: Caller, _ tx: any StoreReading) throws -> [CampaignSummary] {
        try tx.campaigns().map { c in
            let mine = try tx.reminderLog(reference: c.code)
            return CampaignSummary(campaign: c, eligible: try eligible(c, tx).count,
                                   booked: mine.filter { $0.outcome == .booked }.count, declined: mine.filter { $0.outcome == .declined }.count,
                                   running: c.isRunning(on: caller.today))
        }
    }

    /// X7: one campaign's invitation (or upgrade) register, every eligible
    /// vehicle with the last call about it (`campaign show`).
    public func register(_ code: String, by caller: Caller) throws -> CampaignRegister {
        try department.read("campaign show", by: caller) { tx in try Self.register(code, tx) }
    }

    static func register(_ code: String, _ tx: any StoreReading) throws -> CampaignRegister {
        let wanted = code.trimmingWhitespace().uppercased()
        guard let c = try tx.campaign(code: wanted) else {
            throw Refusal(Message("campaign.not_found"), problems: [Problem("code", Message("campaign.no_such_code", ["code": .text(wanted)]))])
        }
        var lastCall: [Int64: ReminderLogEntry] = [:]
        for e in try tx.reminderLog(reference: c.code) { lastCall[e.vehicleID] = e }
        let vehicles = try eligible(c, tx)
        let owners = try tx.customers(ids: Array(Set(vehicles.map(\.ownerID))))
        let rows = vehicles.map { v in
            let owner = owners[v.ownerID]
            return CampaignRegister.Row(vehicle: v, customerName: owner?.name, customerCode: owner?.code, lastCall: lastCall[v.id])
        }
        return CampaignRegister(campaign: c, rows: rows)
    }

    /// The vehicles a campaign is for: its scope's index ranges, each decided by its rule.
    static func eligible(_ c: ServiceCampaign, _ tx: any StoreReading) throws -> [Vehicle] {
        try tx.vehicles(modelPrefixes: c.models, vins: c.vinRange).filter(c.applies(to:))
    }
}

/// `campaign add`: the campaign as given. What the front end could not read
/// is nil, with its problem in `inputProblems`.
public struct CampaignRequest: Sendable {
    public var code: String
    public var kind: ReminderKind?
    public var title: String
    /// Models it is for, by the start of the model name; empty: every model.
    public var models: [String]
    public var vinPrefix: String?
    /// Nil: today.
    public var startsOn: CalendarDate?
    public var endsOn: CalendarDate?
    public var inputProblems: [Problem]

    public init(code: String, kind: ReminderKind?, title: String, models: [String] = [], vinPrefix: String? = nil,
                startsOn: CalendarDate? = nil, endsOn: CalendarDate? = nil, inputProblems: [Problem] = []) {
        self.code = code
        self.kind = kind
        self.title = title
        self.models = models
        self.vinPrefix = vinPrefix
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.inputProblems = inputProblems
    }
}

/// A campaign started, and how many vehicles it is for.
public struct CampaignStarted: Sendable {
    public var campaign: ServiceCampaign
    public var eligible: Int

    public var message: Message {
        Message("campaign.started", ["kind": .text(campaign.kind.rawValue), "code": .text(campaign.code), "day": .date(campaign.startsOn),
                                     "eligible": .int(eligible)])
    }
}

public struct CampaignSummary: Sendable {
    public var campaign: ServiceCampaign
    public var eligible: Int
    public var booked: Int
    public var declined: Int
    public var running: Bool
}

public struct CampaignRegister: Sendable {
    public struct Row: Sendable {
        public var vehicle: Vehicle
        public var customerName: String?
        public var customerCode: String?
        /// Nil: not invited yet.
        public var lastCall: ReminderLogEntry?
    }
    public var campaign: ServiceCampaign
    public var rows: [Row]
}
