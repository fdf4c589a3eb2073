import LaneCore

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
    /// The session's plugins: they add to `today` and `remind due` and hear of what commands do.
    public var plugins = InstalledPlugins()
    /// The settings of the plugins (`plugin.NAME.KEY`).
    public var pluginSettings: [String: String] = [:]
    /// Lets a plugin's command run shell commands in this session.
    var runner: CommandRunner?

    public var today: CalendarDate { now.date(in: settings.utcOffset) }

    /// X4: customers' mobile numbers and addresses, in full or masked for
    /// roles whose work does not need them.
    public var privacy: Privacy { Privacy(role: role) }
}

/// X4: who sees customers' contact details in full. The front office and
/// the managers call and write to customers; the workshop, parts, QC and
/// anyone not on the staff list see `138****5678` and the district only.
public struct Privacy: Sendable {
    public static let seeContacts: Set<StaffRole> = [.serviceAdvisor, .customerService, .cashier, .serviceManager, .admin]
    public var role: StaffRole?

    public var showsContacts: Bool { role.map(Privacy.seeContacts.contains) ?? false }

    public func phone(_ number: MobileNumber) -> String { showsContacts ? number.digits : number.masked }

    public func phone(_ number: MobileNumber?) -> String { number.map { phone($0) } ?? "" }

    /// Free text (comments, complaints, commands as typed) may hold a number
    /// too: every full mobile number in it is masked for these roles.
    public func scrub(_ text: String) -> String {
        guard !showsContacts else { return text }
        var out = "", run = ""
        func flush() {
            if run.count == 11, case .success(let number) = MobileNumber.parse(run) { out += number.masked } else { out += run }
            run = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// The address up to its district (区/县/市), the rest starred.
    public func address(_ text: String?) -> String? {
        guard let text, !showsContacts else { return text }
        let chars = Array(text)
        let cut = chars.lastIndex { $0 == "区" || $0 == "县" } ?? chars.firstIndex(of: "市") ?? min(chars.count, 3) - 1
        return String(chars[...cut]) + (cut + 1 < chars.count ? "****" : "")
    }
}
