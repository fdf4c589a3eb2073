// Lists that grow with the store's history come a page at a time (docs/performance.md).
extension MessageCatalog {
    static let englishPerformance: KeyValuePairs<MessageCode, String> = [
        "help.option.followup.due.limit": "At most N calls, oldest delivery first (default 200)",
        "help.option.remind.register.limit": "The newest N calls, oldest of them first (default 200)",
    ]
}
