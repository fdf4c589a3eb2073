import LaneCore
import ServiceDepartment

/// What `use` made current; commands may then leave its reference out.
public enum CurrentObject: Sendable, Equatable {
    case customer(code: String, name: String)
    case vehicle(plate: String, ownerCode: String)
    case repairOrder(number: String, plate: String, ownerCode: String)

    /// The reference that stands in for a left-out argument of `kind`:
    /// a current vehicle also makes its owner the current customer.
    func reference(for kind: CurrentKind) -> String? {
        switch (self, kind) {
        case (.customer(let code, _), .customer): return code
        case (.vehicle(_, let owner), .customer): return owner
        case (.vehicle(let plate, _), .vehicle): return plate
        case (.customer, .vehicle): return nil
        case (.repairOrder(let number, _, _), .repairOrder): return number
        case (.repairOrder(_, let plate, _), .vehicle): return plate
        case (.repairOrder(_, _, let owner), .customer): return owner
        case (.customer, .repairOrder), (.vehicle, .repairOrder): return nil
        }
    }

    /// What the prompt shows.
    public var label: String {
        switch self {
        case .customer(let code, let name): return "\(name) \(code)"
        case .vehicle(let plate, _): return plate
        case .repairOrder(let number, let plate, _): return "\(number) \(plate)"
        }
    }
}

/// Everything a command may know about the session, fixed for the command's
/// run: one "now", so every row the command writes carries the same time.
public struct CommandContext: Sendable {
    public var now: Timestamp
    public var settings: StoreSettings
    /// Who is typing (`--user`, `LANE_USER`); stamped on what they record.
    public var user: String
    /// Their role on the staff list (nil: not on it).
    public var role: StaffRole?
    public var current: CurrentObject?
    /// The folder `seed load` reads when given none.
    public var seedsDirectory: String?
    /// The folder relative paths (`import … FILE`) are read from.
    public var workingDirectory: String
    /// The application layer's operations: called inside the command, they
    /// join its one transaction (`Department.reading`/`changing`).
    public var desks: Desks
    /// The session's plugins: they add to `today` and `remind due` and hear of what commands do.
    public var plugins = InstalledPlugins()
    /// The settings of the plugins (`plugin.NAME.KEY`).
    public var pluginSettings: [String: String] = [:] { didSet { pluginConfigs = nil } }
    /// `pluginSettings` by plugin, as `pluginConfig` gives them, when the session worked them out once
    /// for as long as it keeps the settings; nil (set again whenever the settings are) means each ask
    /// filters them. The warranty plugin asks twice at every line added (28,000 instructions each).
    var pluginConfigs: [String: [String: String]]?

    /// One plugin's settings, keys without `plugin.NAME.` (`HostPluginContext.config(of:_:)`).
    func pluginConfig(_ plugin: String) -> [String: String] {
        // A dotted name is left to the filter: `plugin.a.b.c` is `b.c` of `a` and `c` of `a.b`.
        if let pluginConfigs, !plugin.utf8.contains(UInt8(ascii: ".")) { return pluginConfigs[plugin] ?? [:] }
        return HostPluginContext.config(of: plugin, pluginSettings)
    }
    /// X4: the personal values typed in the command being run (`Invocation.personalValues`).
    public var personal: [PersonalValue] = []
    /// Lets a plugin's command run shell commands in this session.
    var runner: CommandRunner?

    public var today: CalendarDate { now.date(in: settings.utcOffset) }

    /// X4: customers' mobile numbers and addresses, in full or masked for
    /// roles whose work does not need them.
    public var privacy: Privacy { Privacy(role: role) }

    /// The caller the application layer sees: who, when, and the command as typed.
    public func caller(_ request: String) -> Caller {
        Caller(user: user, role: role, now: now, settings: settings, request: request, personal: personal)
    }
}
