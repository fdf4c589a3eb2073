import LaneCore
import LaneStore

/// Signing in and PINs: who may work at this desk. A front end supplies the
/// PIN when one is needed (asked without echo, from the environment, …);
/// the rules (staff list, lockout) and the record of wrong tries are here.
public struct StaffAccess {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// Signs `name` in and returns who they are. `pin` is asked only when
    /// they have one. A wrong try is counted in its own transaction, so it
    /// counts even though the sign-in is refused. With `pinRequired` (another store
    /// of the group, `GroupReportDesk`) a member without a PIN is refused: the name
    /// alone would let anyone named so in one store read another.
    public func signIn(_ name: String, at now: Timestamp, pinRequired: Bool = false, pin: (String) throws -> String?) throws -> StaffMember {
        try signInReadingStanding(name, at: now, pinRequired: pinRequired, pin: pin).member
    }

    /// `signIn`, with where the staff list stood when the member was read (`StoreVersions.settings`): a
    /// shell keeps their role while it stands there.
    public func signInReadingStanding(_ name: String, at now: Timestamp, pinRequired: Bool = false,
                                      pin: (String) throws -> String?) throws -> (member: StaffMember, standing: Int64) {
        let who = name.trimmingWhitespace()
        let refused = Message("sign_in.refused")
        if let p = PersonName.problem(who, field: "user") { throw Refusal(refused, problems: [p]) }
        let (member, state, standing) = try department.store.read { tx in
            (try tx.staffMember(named: who), try PinVault.state(of: who, at: now, tx), try tx.storeVersions().settings)
        }
        guard let member else {
            throw Refusal(refused, problems: [Problem("user", Message("sign_in.not_on_staff_list", ["user": .text(who)]))])
        }
        // Someone who left the store signs in no more, PIN or not.
        if let left = member.leftAt {
            throw Refusal(refused, problems: [Problem("user", Message("sign_in.has_left", ["user": .text(who), "when": .time(left)]))])
        }
        // No PIN set yet (a new store, the demo): the name alone.
        guard state.hasPin else {
            if pinRequired { throw Refusal(refused, problems: [Problem("pin", Message("group.pin_needed", ["user": .text(who)]))]) }
            return (member, standing)
        }
        if let until = state.waitUntil { throw Refusal(refused, problems: [Self.waiting(who, until)]) }
        guard let given = try pin(who) else {
            throw Refusal(refused, problems: [Problem("pin", Message("sign_in.pin_needed", ["user": .text(who)]))])
        }
        switch try department.store.write({ try PinVault.check(given, for: who, at: now, key: department.store.secretKey, $0) }) {
        case .accepted, .noPin:
            return (member, standing)
        case .wrong(let failures):
            throw Refusal(refused, problems: [
                Problem("pin", Message("sign_in.wrong_pin", ["user": .text(who), "failures": .int(failures), "max": .int(PinLockout.freeTries)]))])
        case .waiting(let until):
            throw Refusal(refused, problems: [Self.waiting(who, until)])
        }
    }

    /// Recovery of a forgotten PIN (`lane --reset-pin NAME`) by the store's
    /// owner on this machine: allowed only when the store's key file can be
    /// read, which another account's desk cannot. Audited like any change.
    public func recover(_ target: String, pin: String, by caller: Caller) throws {
        guard department.store.secretKey != nil else {
            throw Refusal(Message("sign_in.cannot_set_pin"), problems: [Problem("key", Message("sign_in.recovery_needs_key"))])
        }
        _ = try department.change("staff pin", by: caller) { tx in
            var p: [Problem] = []
            if try tx.staffMember(named: target) == nil { p.append(Problem("name", Message("sign_in.not_on_staff_list", ["user": .text(target)]))) }
            if let problem = StaffPin.problem(pin) { p.append(problem) }
            try Refusal.check(Message("sign_in.cannot_set_pin"), p)
            try PinVault.set(pin, for: target, key: department.store.secretKey, tx)
            return Recorded((), audit: AuditNote(ref: target, summary: Message("sign_in.pin_recovered", ["user": .text(target)]).description))
        }
    }

    /// Why the caller may not set `target`'s PIN: asked before the PIN is
    /// typed, so nobody types a PIN that cannot be set.
    public func checkMaySetPin(for target: String, by caller: Caller) throws {
        let p = try department.store.read { try Self.whoMaySet(target, by: caller, $0) }
        try Refusal.check(Message("sign_in.cannot_set_pin"), p)
    }

    static func whoMaySet(_ target: String, by caller: Caller, _ tx: any StoreReading) throws -> [Problem] {
        var p: [Problem] = []
        if target != caller.user && caller.role != .admin && caller.role != .serviceManager {
            p.append(Problem("name", Message("sign_in.only_managers_set_pins")))
        }
        if try tx.staffMember(named: target) == nil {
            p.append(Problem("name", Message("sign_in.not_on_staff_list", ["user": .text(target)])))
        }
        return p
    }

    static func waiting(_ who: String, _ until: Timestamp) -> Problem {
        Problem("pin", Message("sign_in.wait", ["user": .text(who), "until": .time(until)]))
    }

    /// Who may have their PIN set by the caller: themselves, or anyone for
    /// the admin and the service manager (who also unlock that way).
    public func setPin(_ pin: String, for target: String, by caller: Caller) throws {
        _ = try department.change("staff pin", by: caller) { tx in
            var p = try Self.whoMaySet(target, by: caller, tx)
            if let problem = StaffPin.problem(pin) { p.append(problem) }
            try Refusal.check(Message("sign_in.cannot_set_pin"), p)
            try PinVault.set(pin, for: target, key: department.store.secretKey, tx)
            return Recorded((), audit: AuditNote(ref: target, summary: Message("sign_in.pin_set", ["user": .text(target)]).description))
        }
    }
}
