import Foundation
import LaneCore
import ServiceDepartment
import LaneStore

/// Where a PIN comes from: asked without echo on a terminal; in scripts
/// `LANE_PIN` (the user starting the shell) or `LANE_PIN_FILE` (lines
/// `NAME PIN`, for scripts that sign several people in). Never a flag: flags
/// show in `ps`.
public struct PinSource: Sendable {
    public var environment: [String: String]
    /// Asks on the terminal without echo; nil when there is no terminal.
    public var askSecret: (@Sendable (String) -> String?)?

    public init(environment: [String: String], askSecret: (@Sendable (String) -> String?)?) {
        self.environment = environment
        self.askSecret = askSecret
    }

    public static let none = PinSource(environment: [:], askSecret: nil)

    func pin(for user: String, prompt: String) -> String? {
        if let path = environment["LANE_PIN_FILE"], !path.isEmpty, let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                if parts.count == 2 && parts[0] == user { return parts[1] }
            }
        }
        if let pin = environment["LANE_PIN"], !pin.isEmpty, environment["LANE_PIN_USER"].map({ $0 == user }) ?? true { return pin }
        return askSecret?(prompt)
    }
}

extension ShellSession {
    /// Signs `name` in: they must be on the staff list; when they have a PIN
    /// it must be given. Wrong tries are counted even though sign-in fails.
    public func signIn(_ name: String) throws {
        let who = name.trimmingWhitespace()
        if let p = PersonName.problem(who, field: "user") { throw Refusal("cannot sign in", problems: [p]) }
        guard try store.read({ try $0.staffMember(named: who) }) != nil else {
            throw Refusal("cannot sign in", problems: [Problem("user", "\(who) is not on the staff list; `staff list` shows who is")])
        }
        let state = try store.read { try PinVault.state(of: who, $0) }
        guard state.hasPin else {
            user = who // no PIN set yet (a new store, the demo): the name alone
            return
        }
        if state.isLocked { throw Refusal("cannot sign in", problems: [lockedProblem(who)]) }
        guard let pin = pinSource.pin(for: who, prompt: "PIN for \(who): ") else {
            throw Refusal("cannot sign in", problems: [Problem("pin", "\(who) has a PIN: type it on a terminal, or give LANE_PIN or LANE_PIN_FILE to a script")])
        }
        // Its own transaction: a wrong try must be counted even though sign-in is refused.
        switch try store.write({ try PinVault.check(pin, for: who, $0) }) {
        case .accepted, .noPin:
            user = who
        case .wrong(let failures):
            throw Refusal(Message("sign_in.refused"), problems: [
                Problem("pin", Message("sign_in.wrong_pin", ["user": .text(who), "failures": .int(failures), "max": .int(StaffPin.maxFailures)]))])
        case .locked:
            throw Refusal("cannot sign in", problems: [lockedProblem(who)])
        }
    }

    private func lockedProblem(_ who: String) -> Problem {
        Problem("pin", Message("sign_in.locked", ["user": .text(who), "max": .int(StaffPin.maxFailures)]))
    }
}

/// `login` and `staff pin`.
enum SignInCommands {
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(login)
        try registry.register(pin)
    }

    static let login = CommandSpec(
        noun: "login", verb: nil, summary: "Sign in as another member of staff (asks for their PIN when they have one)",
        positionals: [PositionalSpec("name", "Name on the staff list", completion: .staff)],
        examples: ["login 赵子涵"],
        action: .session { inv, session in
            try session.signIn(inv.positional("name") ?? "")
            return .message("signed in as \(session.user)", nil)
        })

    static let pin = CommandSpec(
        noun: "staff", verb: "pin", summary: "Set a PIN: your own, or anyone's for the admin and service manager (also unlocks)",
        discussion: "The new PIN (4 to 8 digits) is asked twice without echo on a terminal; a script gives it in LANE_NEW_PIN.",
        positionals: [PositionalSpec("name", "Whose PIN (default: yours)", completion: .staff, optional: true)],
        action: .session { inv, session in
            let target = inv.positional("name")?.trimmingWhitespace() ?? session.user
            let role = try session.role()
            var p: [Problem] = []
            if target != session.user && role != .admin && role != .serviceManager {
                p.append(Problem("name", "only the admin or the service manager sets someone else's PIN"))
            }
            if try session.store.read({ try $0.staffMember(named: target) }) == nil {
                p.append(Problem("name", "\(target) is not on the staff list"))
            }
            try Refusal.check("cannot set the PIN", p)
            let source = session.pinSource
            let first = source.environment["LANE_NEW_PIN"] ?? source.askSecret?("new PIN for \(target): ")
            guard let first else {
                throw Refusal("cannot set the PIN", problems: [Problem("pin", "type it on a terminal, or give LANE_NEW_PIN to a script")])
            }
            if source.environment["LANE_NEW_PIN"] == nil, source.askSecret?("again: ") != first {
                throw Refusal("cannot set the PIN", problems: [Problem("pin", "the two PINs differ")])
            }
            if let problem = StaffPin.problem(first) { throw Refusal("cannot set the PIN", problems: [problem]) }
            let ctx = try session.context()
            _ = try session.department.change("staff pin", by: ctx.caller(inv.line)) { tx in
                try PinVault.set(first, for: target, tx)
                return Recorded((), audit: AuditNote(ref: target, summary: "PIN set for \(target)"))
            }
            return .message("PIN set for \(target); they sign in with it from now on", nil)
        })
}
