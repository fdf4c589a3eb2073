/// The roles the process names (X6); each step is done and signed by one of them.
public enum StaffRole: String, CaseIterable, Sendable {
    case serviceAdvisor = "service_advisor"
    case customerService = "customer_service"
    case workshopForeman = "workshop_foreman"
    case teamLeader = "team_leader"
    case technician
    case qcInspector = "qc_inspector"
    case technicalDirector = "technical_director"
    case partsManager = "parts_manager"
    case cashier
    case serviceManager = "service_manager"
    case admin
    /// A dealer group's reader: reads the KPI reports of the stores on one server that list them
    /// with this role (`report kpi --stores`), and changes nothing in any store.
    case groupReader = "group_reader"

    public var title: String { MessageCatalog.current.word("role", rawValue) }

    /// Team leaders and technicians belong to a workshop team.
    public var belongsToTeam: Bool { self == .teamLeader || self == .technician }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public struct StaffMember: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var role: StaffRole
    public var team: String?
    public var phone: MobileNumber?
    /// When they left the store (`staff leave`): they no longer sign in; their name stays on the
    /// orders, the audit trail and the reports they are in.
    public var leftAt: Timestamp?

    public init(id: Int64, name: String, role: StaffRole, team: String?, phone: MobileNumber?, leftAt: Timestamp? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.team = team
        self.phone = phone
        self.leftAt = leftAt
    }
}

/// The skills a workshop team is dispatched by (R4.2).
public enum Skill: String, CaseIterable, Sendable {
    case maintenance, mechanical, electrical, body, paint, ev
}

public struct WorkshopTeam: Hashable, Sendable {
    public var name: String
    public var skills: [Skill]
    public init(name: String, skills: [Skill]) {
        self.name = name
        self.skills = skills
    }
}

/// A labour operation from the catalogue, with the maker's standard hours.
public struct LaborOperation: Hashable, Sendable {
    public var code: String
    public var name: String
    public var standardHours: LaborHours
    public var skill: Skill
    public init(code: String, name: String, standardHours: LaborHours, skill: Skill) {
        self.code = code
        self.name = name
        self.standardHours = standardHours
        self.skill = skill
    }
}

/// A spare part from the catalogue, with its price (VAT excluded) and stock.
public struct Part: Hashable, Sendable {
    public var number: String
    public var name: String
    public var unit: String
    public var price: Money
    public var stock: Int
    public var bin: String
    public var group: String
    public init(number: String, name: String, unit: String, price: Money, stock: Int, bin: String, group: String) {
        self.number = number
        self.name = name
        self.unit = unit
        self.price = price
        self.stock = stock
        self.bin = bin
        self.group = group
    }
}

/// Catalogue codes and part numbers: capital letters, digits and '-'.
public enum CatalogCode {
    public static let maxLength = 32

    public static func problem(_ code: String, field: String) -> Problem? {
        let ok = !code.isEmpty && code.count <= maxLength && code.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "-" }
        return ok ? nil : Problem(field, Message("catalog.not_a_code", ["given": .text(code), "max": .int(maxLength)]))
    }
}
