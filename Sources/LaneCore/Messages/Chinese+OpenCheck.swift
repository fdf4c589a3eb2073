// 非正常关闭后的检查有时限，大库也能打开（见 docs/security.md）。
extension MessageCatalog {
    static let chineseOpenCheck: KeyValuePairs<MessageCode, String> = [
        "store.check_cut_short": "{path} 处的数据库上次没有正常关闭；为了不耽误接待，检查在 {seconds} 秒后暂停（已查 {checked} 张表，共 {tables} 张，均无损坏，其余尚未检查）。完整检查仍须补做：请在不忙的时候运行 `store check`",
        "store.check_owed": "{path} 处的数据库还欠一次完整检查（非正常关闭后的检查没有做完）：请在不忙的时候运行 `store check`",
        "store.open_check_seconds_invalid": "LANE_OPEN_CHECK_SECONDS 的值“{text}”不是 0 到 86400 之间的秒数；按 {seconds} 秒处理",
    ]
}
