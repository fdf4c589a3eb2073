import LaneCore

/// Who asks for an operation, and when: the signed-in member of staff, their
/// role on the staff list (nil: not on it), the one "now" every row the
/// operation writes carries, and the request as the audit trail keeps it
/// (the command as typed at the shell).
public struct Caller: Sendable {
    public var user: String
    public var role: StaffRole?
    public var now: Timestamp
    public var settings: StoreSettings
    public var request: String
    /// X4: the personal values typed in `request` (names, numbers, addresses,
    /// free text), which the audit trail keeps apart from its row.
    public var personal: [PersonalValue]

    public init(user: String, role: StaffRole?, now: Timestamp, settings: StoreSettings, request: String, personal: [PersonalValue] = []) {
        self.personal = personal
        self.user = user
        self.role = role
        self.now = now
        self.settings = settings
        self.request = request
    }

    public var today: CalendarDate { now.date(in: settings.utcOffset) }
    public var privacy: Privacy { Privacy(role: role) }
}
