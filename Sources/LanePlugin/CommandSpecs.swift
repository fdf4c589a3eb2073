import LaneCore

// The parts of a command's description that plugins share with the
// built-ins: one spec drives parsing, help and completion for both.

/// Where TAB finds candidates for an argument.
public enum CompletionSource: Sendable, Equatable {
    case none
    case customers
    case vehicles
    /// Either a vehicle or a customer (for `use`).
    case vehiclesAndCustomers
    case staff
    case parts
    case laborOperations
    /// Repair orders still open (newest first).
    case repairOrders
    /// Appointment numbers (newest first).
    case appointments
    case files
    case commands
    /// Names of installed plugins (`plugin info`).
    case plugins
    case choices([String])
}

/// The kinds of thing `use` can make current.
public enum CurrentKind: Sendable, Equatable {
    case customer, vehicle, repairOrder
}

public struct PositionalSpec: Sendable {
    public var name: String
    public var help: String
    public var completion: CompletionSource
    public var isOptional: Bool
    /// When left out, the current object of this kind (`use …`) stands in.
    public var current: CurrentKind?

    public init(_ name: String, _ help: String, completion: CompletionSource = .none, optional: Bool = false, current: CurrentKind? = nil) {
        self.name = name
        self.help = help
        self.completion = completion
        self.isOptional = optional
        self.current = current
    }
}

public struct OptionSpec: Sendable {
    /// Without the leading `--`.
    public var name: String
    /// Nil for a switch (`--all`), else what the value is (`PHONE`).
    public var valueName: String?
    public var help: String
    public var completion: CompletionSource
    public var isRequired: Bool

    public init(_ name: String, value: String? = nil, _ help: String, completion: CompletionSource = .none, required: Bool = false) {
        self.name = name
        self.valueName = value
        self.help = help
        self.completion = completion
        self.isRequired = required
    }

    public var isSwitch: Bool { valueName == nil }
}

// X4: which arguments hold a person's data, for every command (built-in or
// plugin), decided here from what the argument is declared to hold: a
// customer reference (completed from customers), a mobile number, a name or
// an address, or free text. The shell keeps these values out of the audit row.
extension PersonalData {
    static func of(option name: String, value: String?, completion: CompletionSource) -> PersonalData? {
        switch (completion, value) {
        case (.customers, _), (.vehiclesAndCustomers, _), (_, "CUSTOMER"): return .customerReference
        case (_, "PHONE"): return .phone
        // A name typed freely (the customer's, or who signed for them); staff are completed from the staff list.
        case (.none, "NAME"): return .name
        case (_, "TEXT"): return name == "address" ? .address : .text
        default: return nil
        }
    }

    static func of(positional name: String, completion: CompletionSource) -> PersonalData? {
        switch (completion, name) {
        case (.customers, _), (.vehiclesAndCustomers, _): return .customerReference
        case (.none, "name"): return .name
        case (.none, "text"): return .text
        default: return nil
        }
    }
}

extension OptionSpec {
    /// X4: the kind of personal data its value holds, or nil.
    public var personal: PersonalData? { isSwitch ? nil : PersonalData.of(option: name, value: valueName, completion: completion) }
}

extension PositionalSpec {
    /// X4: the kind of personal data it holds, or nil.
    public var personal: PersonalData? { PersonalData.of(positional: name, completion: completion) }
}
