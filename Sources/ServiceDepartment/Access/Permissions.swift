import LaneCore

/// Who may run each operation: every operation is listed; a test fails when
/// a new one is not. The service manager and the admin may run everything but the staff list (the admin's);
/// lookups that change nothing are open to all staff. Plugins declare the
/// roles of their own operations when they are installed.
public struct Permissions: Sendable {
    private static let A: StaffRole = .serviceAdvisor, CS: StaffRole = .customerService, F: StaffRole = .workshopForeman,
                       TL: StaffRole = .teamLeader, T: StaffRole = .technician, QC: StaffRole = .qcInspector,
                       TD: StaffRole = .technicalDirector, P: StaffRole = .partsManager, C: StaffRole = .cashier

    /// Everyone on the staff list.
    public static let everyone = Set(StaffRole.allCases)

    /// Roles beyond the service manager and the admin, per built-in operation.
    static let builtIn: [OperationID: Set<StaffRole>] = [
        // The shell itself and lookups.
        "help": everyone, "history": everyone, "set": everyone, "source": everyone, "use": everyone, "whoami": everyone,
        "clock": everyone, "quit": everyone, "exit": everyone, "apropos": everyone, "today": everyone, "roles": everyone, "login": everyone, "staff pin": everyone,
        "plugin list": everyone, "plugin info": everyone, "plugin enable": [], "plugin disable": [],
        "plugin config": [], "plugin check": [], "plugin install": [],
        "customer show": everyone, "customer list": everyone, "customer find": everyone,
        "vehicle show": everyone, "vehicle list": everyone, "vehicle history": everyone,
        "staff list": everyone, "catalog labor": everyone, "catalog parts": everyone, "store show": everyone,
        "ro show": everyone, "ro list": everyone, "ro timeline": everyone, "ro why-not": everyone, "ro estimate": everyone,
        "appt list": everyone, "appt show": everyone, "appt board": everyone, "appt free": everyone,
        "appt confirmations": everyone, "appt review": everyone,
        "remind due": everyone, "remind register": everyone, "remind reasons": everyone, "remind delays": everyone,
        "campaign list": everyone, "campaign show": everyone,
        "followup due": everyone, "followup list": everyone, "followup files": everyone, "complaint list": everyone,
        // Customers and vehicles: the front office.
        "customer add": [A, CS], "customer edit": [A, CS], "customer export": [A, CS], "customer erase": [],
        "vehicle add": [A, CS], "vehicle edit": [A, CS], "vehicle transfer": [A, CS],
        // Setting up the store.
        "import customers": [], "import vehicles": [], "import visits": [], "seed load": [], "store set": [], "store unset": [],
        "campaign add": [], "audit show": [], "audit verify": [], "audit anchor": [], "store check": [], "store copy": [],
        // Solicit and appointments (R1, R2).
        "remind log": [A, CS], "remind delay": [A, CS, P], "remind fix-published": [A, TD],
        "appt book": [A, CS], "appt confirm": [A, CS], "appt cancel": [A, CS], "appt no-show": [A, CS], "appt arrive": [A],
        "appt prepare": [A, TL, T, P],
        // Reception (R3): the advisor with the customer.
        "ro open": [A], "ro complaint": [A], "ro check-in": [A], "ro warranty": [A, TD], "ro documents": [A],
        "ro labor": [A, F, TL, T], "ro part": [A, F, TL, T], "ro remove": [A], "ro approve": [A], "ro decline": [A],
        "ro promise": [A], "ro sign": [A], "ro cancel": [A], "ro discount": [A], "ro comeback": [A],
        // Workshop (R4).
        "ro handover": [A, F], "ro dispatch": [F], "ro clock-on": [F, TL, T], "ro clock-off": [TL, T], "ro issue": [P, TL, T],
        "ro progress": [A, F, TL, T], "ro check": [T, TL, QC, TD], "ro wash": [F, TL, T],
        // Delivery and settlement (R5).
        "ro delivery-check": [A, F], "ro notify": [A], "ro deliver": [A], "ro settle": [A], "ro pay": [C],
        // Deposits, insurance claims and fleet credit accounts (R5.8; accident repairs).
        "ro deposit": [C], "ro insurance": [A], "account open": [], "account show": [A, C], "account repay": [C],
        // Printed documents: the workshop's papers to the workshop (contacts masked), the money to
        // the advisor and the cashier, the gate pass to the cashier.
        "print check-in": [A, F, TL, T], "print work-order": [A, F, TL, T], "print estimate": [A], "print dispatch": [A, F, TL],
        "print settlement": [A, C], "print gate-pass": [C], "print repair-warranty": [A, C], "print appointment": [A, CS],
        // Follow-up (R6).
        "followup record": [A, CS], "complaint open": [A, CS], "complaint investigate": [CS, TD], "complaint resolve": [CS],
        // The service manager's figures; an advisor sees their own (ReportDesk); the group's reader
        // reads them, here and, with --stores, in the stores that list them (GroupReportDesk).
        "report kpi": [A, .groupReader],
        // The stores on the server (a dealer group's); a file is one store.
        "store list": everyone,
        // The staff list: the admin's alone (`adminAlone`).
        "staff add": [], "staff leave": [],
    ]

    /// Operations not even the service manager runs: who is on the staff list decides who signs in and
    /// with which role, so only the admin changes it. Refusals then name the admin alone as who may.
    static let adminAlone: Set<OperationID> = ["staff add", "staff leave"]

    private var declared: [OperationID: Set<StaffRole>] = [:]

    public init() {}

    /// A plugin's operation and the roles its plugin gives it.
    /// The group's reader changes nothing: an operation a plugin opens to chosen roles never includes it
    /// (a lookup open to everyone stays open to everyone).
    public mutating func declare(_ operation: OperationID, roles: Set<StaffRole>) {
        declared[operation] = roles == Self.everyone ? roles : roles.subtracting([.groupReader])
    }

    /// Every operation with an entry: the built-ins and those plugins declared.
    public var operations: [OperationID] { Array(Self.builtIn.keys) + Array(declared.keys) }

    /// The roles allowed to run `operation`, or nil when it is not listed.
    public func roles(for operation: OperationID) -> Set<StaffRole>? {
        if Self.adminAlone.contains(operation) { return [.admin] }
        return (declared[operation] ?? Self.builtIn[operation]).map(Self.withTheManagers)
    }

    /// The roles an entry gives, with the two that run everything (but the staff list).
    public static func withTheManagers(_ roles: Set<StaffRole>) -> Set<StaffRole> { roles.union([.serviceManager, .admin]) }

    /// Lookups and the shell's own commands: no role check, no staff lookup.
    public func isOpenToAll(_ operation: OperationID) -> Bool { (declared[operation] ?? Self.builtIn[operation]) == Self.everyone }

    /// X6: throws why `caller` may not run `operation`.
    public func check(_ operation: OperationID, user: String, role: StaffRole?) throws(Refusal) {
        if !isOpenToAll(operation), let refusal = refusal(operation, user: user, role: role) { throw refusal }
    }

    /// Why `role` may not run `operation`, or nil when it may. Unknown users
    /// may run only what everyone may.
    public func refusal(_ operation: OperationID, user: String, role: StaffRole?) -> Refusal? {
        let op = MessageArgument.text(operation.rawValue)
        guard let allowed = roles(for: operation) else {
            return Refusal(Message("access.not_open_to_anyone", ["operation": op]), problems: [Problem("roles", Message("access.no_entry"))])
        }
        guard let role else {
            return Refusal(Message("access.not_on_staff_list", ["user": .text(user), "operation": op]),
                           problems: [Problem("user", Message("access.sign_in_as_staff", ["user": .text(user)]))])
        }
        if allowed.contains(role) { return nil }
        let needed = StaffRole.allCases.filter { allowed.contains($0) }.map { MessageArgument.text("\($0.title) \($0.rawValue)") }
        return Refusal(Message("access.role_may_not", ["user": .text(user), "role": .role(role), "operation": op]),
                       problems: [Problem("role", Message("access.needs_one_of", ["roles": .list(needed)]))])
    }
}
