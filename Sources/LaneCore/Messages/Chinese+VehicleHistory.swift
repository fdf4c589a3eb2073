// 车辆档案的记录以消息保存（v30），按读者的语言显示。
extension MessageCatalog {
    static let chineseVehicleHistory: KeyValuePairs<MessageCode, String> = [
        "vehicle.event.check_in": "接车 {number}",
        "vehicle.event.visit": "{number} {work}",
    ]
}
