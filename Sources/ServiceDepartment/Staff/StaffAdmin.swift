import LaneCore
import LaneStore

/// The store's staff list by command: `staff add` (someone joins) and `staff
/// leave` (someone's employment ends). The admin's alone, not the service
/// manager's: who is on the list decides who signs in and with which role.
/// Each is one audited change; the member's row is sealed with the store's key
/// by the change that writes it (`RowSeals`), as every staff row is. A member
/// who left keeps their row, so the orders, audit rows and reports that name
/// them still do; they no longer sign in (`StaffAccess.signIn`).
public struct StaffAdmin {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// What `staff add` asks for; the role as typed, so an unknown one is a problem listed with the others.
    public struct NewMember: Sendable {
        public var name: String
        public var role: String
        public var team: String?
        public init(name: String, role: String, team: String?) {
            self.name = name.trimmingWhitespace()
            self.role = role.trimmingWhitespace()
            self.team = team.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Adds `member` to the staff list, without a PIN (they set one with `staff pin`, or the admin does).
    public func add(_ member: NewMember, by caller: Caller) throws -> StaffMember {
        try department.change("staff add", by: caller) { tx in
            let added = try Self.insert(member, by: caller, tx)
            return Recorded(added, audit: Self.note(added))
        }.value
    }

    /// Every condition `staff add` sets, in the store `tx` reads, and the role when it is one.
    static func problems(_ member: NewMember, by caller: Caller, _ tx: any StoreReading) throws -> (role: StaffRole?, problems: [Problem]) {
        var p = Self.adminOnly(caller)
        if let problem = PersonName.problem(member.name) {
            p.append(problem)
        } else if try tx.staffMember(named: member.name) != nil {
            p.append(Problem("name", Message("staff.already_on_list", ["name": .text(member.name)])))
        }
        let role = StaffRole(rawValue: member.role)
        if role == nil {
            p.append(Problem("role", Message("input.not_a_role", ["given": .text(member.role),
                                                                  "roles": .list(StaffRole.allCases.map { .text($0.rawValue) })])))
        }
        if let role { p += Self.teamProblems(role: role, team: member.team, teams: Set(try tx.teams().map(\.name))) }
        return (role, p)
    }

    static func insert(_ member: NewMember, by caller: Caller, _ tx: any StoreWriting) throws -> StaffMember {
        let (role, p) = try problems(member, by: caller, tx)
        try Refusal.check(Message("staff.cannot_add"), p)
        guard let role else { throw Refusal(Message("staff.cannot_add"), problems: p) }
        return try tx.insertStaff(name: member.name, role: role, team: member.team, phone: nil)
    }

    static func note(_ added: StaffMember) -> AuditNote {
        AuditNote(ref: added.name, summary: Message("staff.added", ["name": .text(added.name), "role": .role(added.role),
                                                                    "team": .text(added.team ?? "-")]).description)
    }

    /// `staff add … --stores A,B`: one member added to several stores of the server at once, by an admin who
    /// is the admin in each (signed in there by their PIN, as the group's reader is: each store decides who
    /// changes it). All or nothing: every store's conditions are checked first and listed together; then each
    /// store's change is opened inside the one before, so a refusal in any store rolls all of them back (only
    /// the server lost between two stores' commits could part them). `pin` gives the caller's PIN, asked once.
    public func add(_ member: NewMember, toStores names: [String], by caller: Caller,
                    pin: (String) throws -> String?) throws -> [(store: GroupStore, member: StaffMember)] {
        let refused = Message("staff.cannot_add")
        try department.authorize("staff add", caller)
        guard let group = department.store as? any StoreGroupServing else {
            throw Refusal(refused, problems: [Problem("stores", Message("group.one_store_file"))])
        }
        var problems = Self.adminOnly(caller)
        let chosen = GroupReportDesk.choose(names, from: try group.groupStores(), problems: &problems)
        try Refusal.check(refused, problems)

        func refusedThere(_ store: GroupStore, _ said: Message) -> Problem {
            Problem("stores", Message("group.store_refused", ["store": .text(store.code), "reason": .message(said)]))
        }
        let signedIn = try GroupReportDesk.signIn(caller, to: chosen, of: group, here: department, as: .admin, problems: &problems, pin: pin) { store, role in
            Message("staff.not_admin_there", ["user": .text(caller.user), "store": .text(store.code), "role": .role(role)])
        }
        var places: [(store: GroupStore, department: Department, caller: Caller)] = []
        for (store, d) in signedIn {
            let there = d === department ? caller
                : Caller(user: caller.user, role: .admin, now: caller.now, settings: try d.store.read { try $0.settings() },
                         request: caller.request, personal: caller.personal)
            places.append((store, d, there))
        }
        try Refusal.check(refused, problems)
        for place in places {
            let p = try place.department.read("staff add", by: place.caller) { tx in try Self.problems(member, by: place.caller, tx).problems }
            problems += p.map { refusedThere(place.store, $0.said) }
        }
        try Refusal.check(refused, problems)

        var added: [(store: GroupStore, member: StaffMember)] = []
        func add(from index: Int) throws {
            guard index < places.count else { return }
            let place = places[index]
            _ = try place.department.change("staff add", by: place.caller) { tx in
                let m = try Self.insert(member, by: place.caller, tx)
                try add(from: index + 1)
                added.insert((place.store, m), at: 0)
                return Recorded(m, audit: Self.note(m))
            }
        }
        try add(from: 0)
        return added
    }

    /// Ends `name`'s employment at the caller's time: they no longer sign in; their row and history stay.
    public func leave(_ name: String, by caller: Caller) throws -> StaffMember {
        let who = name.trimmingWhitespace()
        return try department.change("staff leave", by: caller) { tx in
            var p = Self.adminOnly(caller)
            let member = try tx.staffMember(named: who)
            if let member {
                if let left = member.leftAt {
                    p.append(Problem("name", Message("staff.already_left", ["name": .text(who), "when": .time(left)])))
                }
                // The admin who signs the change stays: a store is never left without someone who can add staff.
                if member.name == caller.user { p.append(Problem("name", Message("staff.cannot_leave_yourself"))) }
            } else {
                p.append(Problem("name", Message("sign_in.not_on_staff_list", ["user": .text(who)])))
            }
            try Refusal.check(Message("staff.cannot_leave"), p)
            try tx.markStaffLeft(name: who, at: caller.now)
            let left = try tx.staffMember(named: who) ?? member
            guard let left else { throw Refusal(Message("staff.cannot_leave"), problems: p) }
            return Recorded(left, audit: AuditNote(ref: who, summary: Message("staff.left", ["name": .text(who), "when": .time(caller.now)]).description))
        }.value
    }

    static func adminOnly(_ caller: Caller) -> [Problem] {
        caller.role == .admin ? [] : [Problem("role", Message("staff.admin_only", ["user": .text(caller.user)]))]
    }

    /// A team leader or technician belongs to a team, and a team named is one of the store's: the same
    /// rule for `staff add` and staff.csv (`Importer`).
    public static func teamProblems(role: StaffRole, team: String?, teams: Set<String>) -> [Problem] {
        var p: [Problem] = []
        if role.belongsToTeam && team == nil {
            p.append(Problem("team", Message("import.belongs_to_team", ["role": .text(role.rawValue)])))
        }
        if let team, !teams.contains(team) { p.append(Problem("team", Message("import.no_such_team", ["team": .text(team)]))) }
        return p
    }
}
