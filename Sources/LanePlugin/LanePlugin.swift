// The plugin API: everything a compiled plugin may use. A plugin imports
// this module and nothing else of the shell; it brings the domain's value
// types (LaneCore) with it, because a plugin speaks the dealership's words.
@_exported import LaneCore

/// A compiled plugin: commands, its own tables, reactions to what happens
/// in the service process, lines for `today`, `remind due` and `report kpi`, and its part
/// of a customer's export and erasure (X4).
///
/// Every requirement but `manifest` has a default, so a plugin states only
/// what it adds. See docs/plugins.md for a whole plugin in about 50 lines.
public protocol LanePlugin: Sendable {
    var manifest: PluginManifest { get }
    /// The plugin's tables, created and changed in order; each runs once per database.
    var migrations: [PluginMigration] { get }
    var commands: [PluginCommand] { get }
    /// Called inside the transaction of the command that caused `event`.
    /// Returns notes shown to the user under the command's output; a throw
    /// undoes what the handler changed and is named in a note, and the
    /// command goes on.
    func handle(_ event: DomainEvent, _ context: any PluginContext) throws -> [String]
    /// Called once the command that caused `event` has committed, with a
    /// read-only context: for what must never hold up or undo the command
    /// (telling another system, a message to the customer). A throw is named
    /// in a note; the command stands.
    func committed(_ event: DomainEvent, _ context: any PluginContext) throws -> [String]
    /// Sections added to `today` for the signed-in person (`context.role`).
    func today(_ context: any PluginContext) throws -> [PluginSection]
    /// Figures added to `report kpi` for `request.period`, worked out from the
    /// plugin's own tables (the core keeps none of them): a section each, one
    /// value per slice for the sparkline. `plugin` of each section is set by
    /// the host to the plugin's name. Read-only; a throw is named in the
    /// report and the core's figures still show.
    func kpi(_ request: KPIContributionRequest, _ context: any PluginContext) throws -> [KPIContribution]
    /// Calls to make, added to `remind due` (and logged with `remind log`).
    func reminders(on day: CalendarDate, _ context: any PluginContext) throws -> [PluginReminder]
    /// X4: what the plugin keeps on `customer`, as sections of `customer export`.
    func export(customer: Customer, _ context: any PluginContext) throws -> [PluginSection]
    /// X4: called inside the transaction of `customer erase`, with the
    /// customer as they were before it: take their name, number and words out
    /// of the plugin's tables. A throw refuses the whole erase.
    func erase(customer: Customer, _ context: any PluginContext) throws
    /// The plugin's own words, in every language the shell speaks: codes
    /// under its name (`parts.no_such_part` for the plugin `parts`), used as
    /// `Message(code, arguments)` in refusals, problems, notes and
    /// titles. The host adds them to the catalogs when it installs the
    /// plugin and refuses a plugin with a code outside its prefix.
    var messages: [InterfaceLanguage: [MessageCode: String]] { get }
}

extension LanePlugin {
    public var migrations: [PluginMigration] { [] }
    public var commands: [PluginCommand] { [] }
    /// A plugin that does not hear events leaves these two as they are: they answer `EventsNotHeard`.
    public func handle(_ event: DomainEvent, _ context: any PluginContext) throws -> [String] { throw EventsNotHeard() }
    public func committed(_ event: DomainEvent, _ context: any PluginContext) throws -> [String] { throw EventsNotHeard() }
    public func today(_ context: any PluginContext) throws -> [PluginSection] { [] }
    public func kpi(_ request: KPIContributionRequest, _ context: any PluginContext) throws -> [KPIContribution] { [] }
    public func reminders(on day: CalendarDate, _ context: any PluginContext) throws -> [PluginReminder] { [] }
    public func export(customer: Customer, _ context: any PluginContext) throws -> [PluginSection] { [] }
    public func erase(customer: Customer, _ context: any PluginContext) throws {}
    public var messages: [InterfaceLanguage: [MessageCode: String]] { [:] }
}

/// What `handle` and `committed` answer when a plugin leaves them as the protocol has them: the
/// plugin does not hear those events, so the host asks it no more (and opens no savepoint, and after
/// a commit no read, for it). Never shown to anyone; a plugin's own handler does not throw it.
public struct EventsNotHeard: Error, Sendable {
    public init() {}
}

/// The version of this plugin API. A plugin lists the versions it was written
/// for (`PluginManifest.apiVersions`); one that does not list this one is not loaded.
public enum LanePluginAPI {
    public static let version = 1
}

/// Who a plugin is. `name` is also its settings section (`[plugin.NAME]` in
/// store.toml) and, after `plg_`, the prefix of its tables (`plg_NAME_…`).
public struct PluginManifest: Sendable, Equatable {
    public var name: String
    public var version: String
    public var summary: String
    /// One line per noun the plugin adds, for `help`.
    public var nouns: [String: String]
    /// The versions of this API the plugin works with (`LanePluginAPI.version`).
    public var apiVersions: Set<Int>

    public init(name: String, version: String, summary: String, nouns: [String: String] = [:], apiVersions: Set<Int> = [1]) {
        self.name = name
        self.version = version
        self.summary = summary
        self.nouns = nouns
        self.apiVersions = apiVersions
    }

    /// Lower-case letters and digits, starting with a letter: safe as a table
    /// prefix and a settings key. No `_`: `plg_NAME_` then belongs to one plugin only.
    public var nameProblem: String? {
        let ok = name.first.map { $0.isASCII && $0.isLowercase } == true && name.count <= 24
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        return ok ? nil : "a plugin name is lower-case letters and digits (at most 24), starting with a letter; '\(name)' is not"
    }
}

/// One step of a plugin's schema. The SQL may create, change and drop only
/// tables, indexes and triggers named `plg_PLUGIN_…` on tables named so.
public struct PluginMigration: Sendable, Equatable {
    public var identifier: String
    public var sql: String
    public init(_ identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}

/// A command a plugin adds: the same spec as a built-in (usage, help and
/// completion come from it), the roles that may run it, and its body.
public struct PluginCommand: Sendable {
    public enum Access: Sendable {
        /// A lookup: open to every member of staff, and the body cannot change data.
        case lookup
        /// Changes data; the service manager and the admin may always run it.
        case changes(roles: Set<StaffRole>)
    }

    public var noun: String
    public var verb: String
    public var summary: String
    public var discussion: String
    public var positionals: [PositionalSpec]
    public var options: [OptionSpec]
    public var examples: [String]
    public var access: Access
    /// Optional: runs before the command's transaction, with a read-only
    /// context whose `ask` reaches the person at the terminal, and returns the
    /// arguments `run` then gets (what they answered filled in). A command
    /// that changes data asks here, never in `run`: nobody may keep the
    /// database waiting while a customer on the phone thinks.
    public var interview: (@Sendable (PluginArguments, any PluginContext) throws -> PluginArguments)?
    public var run: @Sendable (PluginArguments, any PluginContext) throws -> CommandOutput

    public init(noun: String, verb: String, summary: String, discussion: String = "", positionals: [PositionalSpec] = [],
                options: [OptionSpec] = [], examples: [String] = [], access: Access,
                interview: (@Sendable (PluginArguments, any PluginContext) throws -> PluginArguments)? = nil,
                run: @escaping @Sendable (PluginArguments, any PluginContext) throws -> CommandOutput) {
        self.noun = noun
        self.verb = verb
        self.summary = summary
        self.discussion = discussion
        self.positionals = positionals
        self.options = options
        self.examples = examples
        self.access = access
        self.interview = interview
        self.run = run
    }

    public var name: String { "\(noun) \(verb)" }
}

/// A command line, already checked against the command's spec.
public struct PluginArguments: Sendable {
    public var positionals: [String: String]
    public var options: [String: String]
    public var switches: Set<String>
    /// The line as typed.
    public var line: String

    public init(positionals: [String: String] = [:], options: [String: String] = [:], switches: Set<String> = [], line: String = "") {
        self.positionals = positionals
        self.options = options
        self.switches = switches
        self.line = line
    }

    public func positional(_ name: String) -> String? { positionals[name] }
    public func option(_ name: String) -> String? { options[name] }
    public func flag(_ name: String) -> Bool { switches.contains(name) }

    /// The option `name` as a day; nil when it was left out, or when it is
    /// not a date, which `problems` then says.
    public func date(_ name: String, into problems: inout [Problem]) -> CalendarDate? {
        guard let text = option(name) else { return nil }
        if let day = CalendarDate(parsing: text.trimmingWhitespace()) { return day }
        problems.append(Problem(name, Message("plugin.not_a_date", ["given": .text(text)])))
        return nil
    }
}

/// What happened in the service process. Plugins hear of it inside the
/// transaction of the command that did it.
public enum DomainEvent: Sendable, Equatable {
    case repairOrderOpened(RepairOrder)
    /// A labour or part line was added (`ro labor`, `ro part`).
    case lineAdded(RepairOrder, RepairOrderLine)
    case delivered(RepairOrder)
    /// Any other step of a repair order, named by its `ro` verb (`sign`, `dispatch`, `check`, `pay`, …).
    case repairOrderStep(RepairOrder, step: String)
    /// A step of an appointment, named as its history names it (`book`, `confirm`, `arrive`, `no-show`, `cancel`, …).
    case appointmentStep(Appointment, step: String)
    /// A complaint was opened (`complaint open`, a low follow-up score, a plugin).
    case complaintOpened(Complaint)
    /// `customer erase` anonymised the customer with this code (it stays). Compiled
    /// plugins erase in `erase(customer:_:)`; this tells `committed` (another system) too.
    case customerErased(code: String)

    /// The repair order the event is about; nil for appointments, complaints and erasures.
    /// New kinds of events may come: switch over events with a `default`.
    public var order: RepairOrder? {
        switch self {
        case .repairOrderOpened(let o), .lineAdded(let o, _), .delivered(let o), .repairOrderStep(let o, _): return o
        case .appointmentStep, .complaintOpened, .customerErased: return nil
        }
    }

    /// The event's name as run-time plugins ask for it (`"events"` in the
    /// handshake): `repair_order.` and the `ro` verb (`open`, `labor`, `pay`,
    /// `deposit`, …), `appointment.` and the step (`book`, `arrive`,
    /// `no-show`, …), `complaint.open`, `customer.erase`.
    public var name: String {
        switch self {
        case .repairOrderOpened: return "repair_order.open"
        case .lineAdded(_, let line): return "repair_order." + (line.kind == .labor ? "labor" : "part")
        case .delivered: return "repair_order.deliver"
        case .repairOrderStep(_, let step): return "repair_order." + step
        case .appointmentStep(_, let step): return "appointment." + step
        case .complaintOpened: return "complaint.open"
        case .customerErased: return "customer.erase"
        }
    }

    /// The payments a step took, newest last: `pay` the payment at the
    /// cashier (one entry per method, and the refund of a deposit larger
    /// than the bill), `deposit` the deposit, `cancel` the deposits given
    /// back (a negative amount). Empty for every other event.
    public var payments: [PaymentEntry] {
        guard case .repairOrderStep(let o, let step) = self else { return [] }
        switch step {
        case "pay": return o.payments.filter { $0.kind != .deposit }
        case "deposit": return o.payments.last.map { [$0] } ?? []
        case "cancel": return o.payments.filter { $0.kind == .refund }
        default: return []
        }
    }
}

/// A section a plugin adds to `today`.
public struct PluginSection: Sendable, Equatable {
    public var key: String
    public var title: String
    public var table: Table
    public init(key: String, title: String, table: Table) {
        self.key = key
        self.title = title
        self.table = table
    }
}

/// A call to make, listed by `remind due` beside the built-in reminders:
/// LaneCore's `ReferencedCall`, which the due list takes from every source.
public typealias PluginReminder = ReferencedCall
