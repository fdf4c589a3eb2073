// 报表（续）：在店等候客户的指标、接车时的等候标记，以及插件在 `report kpi` 中的部分。
extension MessageCatalog {
    static let chineseKPIMore: KeyValuePairs<MessageCode, String> = [
        "word.kpi.waiting_customers": "在店等候客户",
        "word.kpi.wait_median": "  等候时长中位数",
        "word.kpi.wait_average": "  平均等候时长",
        "word.kpi.waited_too_long": "  等候超时占比",
        "report.plugin_failed": "插件 {plugin} 未能给出指标：{error}",
        "help.option.ro.check-in.waits": "客户在店等候取车（等候时长计入 KPI）",
    ]
}
