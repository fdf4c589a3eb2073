// 到店两天后客户档案仍缺少的内容（`followup files`）。
extension MessageCatalog {
    static let chineseCustomerFile: KeyValuePairs<MessageCode, String> = [
        "customer_file.address": "地址",
        "customer_file.request": "客户需求",
        "customer_file.work_done": "维修项目",
        "customer_file.next_service": "下次保养日期和里程",
        "customer_file.follow_up_time": "方便回访的时间",
        "customer_file.visit_mileage": "进厂里程",
        "help.option.followup.files.since": "从这一天起的到店（默认为应检查日之前 90 天）",
        "help.option.followup.files.limit": "最多 N 份档案，最近的到店在前（默认 200）",
    ]
}
