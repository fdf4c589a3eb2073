// Reminders and campaigns: who to call, and what came of the call.
extension MessageCatalog {
    static let englishReminders: [MessageCode: String] = [:]
}
