import LanePlugin

/// Warranty (质量担保): cover decided by the store's rules (X1), advice on
/// repair-order lines and escalation to the maker (R3.5), and the maker's
/// recalls and technical upgrades (R1.6). README.md beside this folder
/// describes the commands and settings.
public struct WarrantyPlugin: LanePlugin {
    public init() {}

    public var manifest: PluginManifest {
        PluginManifest(name: "warranty", version: "1.0.0",
                       summary: "Warranty cover by age, mileage and part group; claims to the maker; recalls and upgrades",
                       nouns: ["warranty": "warranty cover, claims to the maker, recalls and technical upgrades"])
    }

    public var migrations: [PluginMigration] { WarrantyStore.migrations }

    public var messages: [InterfaceLanguage: [MessageCode: String]] {
        // Its help too: the specs' words in English, its own in Chinese (`helpWords`).
        [.english: WarrantyWords.english.merging(helpWords) { own, _ in own }.merging(WarrantyCodeWords.english) { own, _ in own }
            .merging(WarrantyPolicyWords.english) { own, _ in own }.merging(WarrantyReaderWords.english) { own, _ in own }, .chinese: WarrantyWords.chinese.merging(WarrantyHelpWords.chinese) { own, _ in own }.merging(WarrantyCodeWords.chinese) { own, _ in own }
            .merging(WarrantyPolicyWords.chinese) { own, _ in own }.merging(WarrantyReaderWords.chinese) { own, _ in own }]
    }

    public var commands: [PluginCommand] { CheckCommands.all + ClaimCommands.all + RecallCommands.all }

    public func handle(_ event: DomainEvent, _ context: any PluginContext) throws -> [String] {
        switch event {
        case .repairOrderOpened(let order):
            return try RecallCommands.notes(opened: order, context)
        case .lineAdded(let order, let line):
            return try LineAdvice.notes(order, line, context)
        default:
            return []
        }
    }

    /// Claims waiting: all of them for the technical director and the
    /// service manager, an advisor's own repair orders' for an advisor.
    public func today(_ context: any PluginContext) throws -> [PluginSection] {
        let waiting = try WarrantyStore.claims(statuses: [.open, .submitted], context)
        let mine: [Claim]
        switch context.role {
        case .technicalDirector?, .serviceManager?: mine = waiting
        case .serviceAdvisor?: mine = waiting.filter { $0.advisor == context.user }
        default: return []
        }
        guard !mine.isEmpty else { return [] }
        return [PluginSection(key: "warranty_claims", title: Message("warranty.today.claims").description,
                              table: try ClaimCommands.table(mine, context, emptyText: Message("warranty.today.none_waiting").description))]
    }

    /// R1.6: every eligible vehicle of a running recall or upgrade that has
    /// not had it done, as an upgrade call with the recall's code.
    public func reminders(on day: CalendarDate, _ context: any PluginContext) throws -> [PluginReminder] {
        let running = try WarrantyStore.recalls(context).filter { $0.isRunning(on: day) }
        guard !running.isEmpty else { return [] }
        return try running.flatMap { recall in
            let done = Set(try WarrantyStore.done(code: recall.code, context).map(\.vehicleID))
            return try recall.eligible(context).filter { !done.contains($0.id) }
                .map { PluginReminder(vehicleID: $0.id, reminder: recall.reminder, reference: recall.code) }
        }
    }
}

/// R3.5 at the estimate: when a line is added, say whether the store's rules
/// put it under warranty, if that differs from who is to pay.
enum LineAdvice {
    static func notes(_ order: RepairOrder, _ line: RepairOrderLine, _ c: any PluginContext) throws -> [String] {
        guard line.payer != .free, line.approval != .refused, WarrantyPolicy.isConfigured(c.config) else { return [] }
        let policy: WarrantyPolicy
        do { policy = try WarrantyPolicy.load(c) } catch let refusal as Refusal {
            // A mistake in the settings must not stop the workshop: say it, advise nothing.
            let problems = refusal.problems.map(\.description).joined(separator: Message("warranty.decision.separator").description)
            return [Message("warranty.advice.policy_unusable", ["problems": .text(problems)]).description]
        }
        guard let vehicle = try c.vehicle(id: order.vehicleID) else { return [] }
        let scope: Scope
        switch line.kind {
        case .part:
            guard let part = try c.part(number: line.code) else { return [] }
            scope = policy.scope(ofPart: part)
        case .labor:
            if let op = try c.laborOperation(code: line.code), AccidentDamage.excludes(op, on: order) {
                // Accident damage is never a warranty repair: advise nothing, or warn when it is on warranty.
                return line.payer == .warranty ? [Message("warranty.accident_line_on_warranty", ["line": .message(Self.line(line))]).description] : []
            }
            scope = policy.scope(ofOperation: line.code)
        }
        let (mileage, day) = Lookup.mileage(order, vehicle, c)
        let d = Decision.of(scope, soldOn: vehicle.soldOn, mileage: mileage, on: day)
        let what = MessageArgument.message(Self.line(line))
        let plate = MessageArgument.text(vehicle.plate.value)
        switch (line.payer, d.answer) {
        case (.customer, .covered):
            let consider = order.warranty == .covered
                ? Message("warranty.advice.consider", ["line": what, "plate": plate, "verdict": .text(d.text)])
                : Message("warranty.advice.consider_decide", ["line": what, "plate": plate, "verdict": .text(d.text), "ro": .text(order.number)])
            return [consider.description]
        case (.warranty, .notCovered):
            let why = d.verdicts.isEmpty ? Message.text(d.text) : Message("warranty.advice.vehicle_verdict", ["plate": plate, "verdict": .text(d.text)])
            return [Message("warranty.advice.not_covered", ["line": what, "why": .message(why)]).description]
        case (.warranty, .undecided):
            return [Message("warranty.advice.undecided", ["line": what, "verdict": .text(d.text)]).description]
        default:
            return []
        }
    }

    /// "line 1 XH-25450-0001 变速箱油滤清器".
    static func line(_ line: RepairOrderLine) -> Message {
        Message("warranty.advice.line", ["id": .int(Int(line.id)), "code": .text(line.code), "name": .text(line.name)])
    }
}
