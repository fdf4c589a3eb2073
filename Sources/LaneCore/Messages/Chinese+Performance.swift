// 随店内历史增长的清单分页显示（见 English+Performance.swift）。
extension MessageCatalog {
    static let chinesePerformance: KeyValuePairs<MessageCode, String> = [
        "help.option.followup.due.limit": "最多列出 N 个回访电话，交车早的在前（默认 200）",
        "help.option.remind.register.limit": "最近的 N 次电话，按拨打先后排列（默认 200）",
    ]
}
