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
    /// The settings of the plugins (`plugin.NAME.KEY`), and each plugin's.
    public var pluginSettings = PluginSettings()
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

/// The plugins' settings as the store holds them (`plugin.NAME.KEY`), and each plugin's, worked out once
/// when they are read: the warranty plugin asks for its own twice at every line added, and filtering them
/// all at each ask cost 28,000 instructions.
public struct PluginSettings: Sendable {
    /// Every `plugin.…` setting.
    public let all: [String: String]
    /// By the first part of the name after `plugin.`: for a name without a dot, what `filtered` gives.
    private let byPlugin: [String: [String: String]]

    public init(_ all: [String: String] = [:]) {
        self.all = all
        var byPlugin: [String: [String: String]] = [:]
        for (key, value) in all where key.hasPrefix("plugin.") {
            let rest = key.dropFirst("plugin.".count)
            guard let dot = rest.firstIndex(of: ".") else { continue }
            byPlugin[String(rest[..<dot]), default: [:]][String(rest[rest.index(after: dot)...])] = value
        }
        self.byPlugin = byPlugin
    }

    /// One plugin's settings, keys without `plugin.NAME.`.
    func of(_ plugin: String) -> [String: String] {
        // A dotted name is filtered: `plugin.a.b.c` is `b.c` of `a` and `c` of `a.b`.
        plugin.utf8.contains(UInt8(ascii: ".")) ? filtered(plugin) : byPlugin[plugin] ?? [:]
    }

    /// The same by a pass over every setting.
    func filtered(_ plugin: String) -> [String: String] {
        let prefix = "plugin.\(plugin)."
        var values: [String: String] = [:]
        for (key, value) in all where key.hasPrefix(prefix) { values[String(key.dropFirst(prefix.count))] = value }
        return values
    }
}
