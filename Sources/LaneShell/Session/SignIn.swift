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
    /// Asks on the terminal without echo; nil when there is no terminal;
    /// throws when the person stops it (Ctrl-C, Ctrl-D).
    public var askSecret: (@Sendable (String) throws -> String?)?

    public init(environment: [String: String], askSecret: (@Sendable (String) throws -> String?)?) {
        self.environment = environment
        self.askSecret = askSecret
    }

    public static let none = PinSource(environment: [:], askSecret: nil)

    func pin(for user: String, prompt: String) throws -> String? {
        if let path = environment["LANE_PIN_FILE"], !path.isEmpty, let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                if parts.count == 2 && parts[0] == user { return parts[1] }
            }
        }
        if let pin = environment["LANE_PIN"], !pin.isEmpty, environment["LANE_PIN_USER"].map({ $0 == user }) ?? true { return pin }
        return try askSecret?(prompt)
    }
}

extension ShellSession {
    /// Signs `name` in through the application layer (`StaffAccess`); the
    /// PIN comes from the terminal, LANE_PIN or LANE_PIN_FILE when needed.
    public func signIn(_ name: String) throws {
        let (member, standing) = try StaffAccess(department).signInReadingStanding(name, at: clock.now()) { who in
            try self.pinSource.pin(for: who, prompt: Message("sign_in.pin_prompt", ["user": .text(who)]).description)
        }
        user = member.name
        // The role as `role()` would read it now (a member who signs in has not left): one read fewer for the next command.
        cacheRole(of: member, at: standing)
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
            return .message(Message("session.signed_in_as", ["user": .text(session.user)]).description, nil)
        })

    static let pin = CommandSpec(
        noun: "staff", verb: "pin", summary: "Set a PIN: your own, or anyone's for the admin and service manager (also unlocks)",
        discussion: "The new PIN (4 to 8 digits) is asked twice without echo on a terminal; a script gives it in LANE_NEW_PIN.",
        positionals: [PositionalSpec("name", "Whose PIN (default: yours)", completion: .staff, optional: true)],
        action: .session { inv, session in
            let target = inv.positional("name")?.trimmingWhitespace() ?? session.user
            let ctx = try session.context()
            let access = StaffAccess(session.department)
            try access.checkMaySetPin(for: target, by: ctx.caller(inv.line))
            let source = session.pinSource
            let first = try source.environment["LANE_NEW_PIN"] ?? source.askSecret?(Message("sign_in.new_pin_prompt", ["user": .text(target)]).description)
            guard let first else {
                throw Refusal(Message("sign_in.cannot_set_pin"), problems: [Problem("pin", Message("sign_in.new_pin_needed"))])
            }
            if source.environment["LANE_NEW_PIN"] == nil, try source.askSecret?(Message("sign_in.pin_again_prompt").description) != first {
                throw Refusal(Message("sign_in.cannot_set_pin"), problems: [Problem("pin", Message("sign_in.pins_differ"))])
            }
            try access.setPin(first, for: target, by: ctx.caller(inv.line))
            return .message(Message("sign_in.pin_set_answer", ["user": .text(target)]).description, nil)
        })
}
