// 备件目录的备件组，按售后服务部的叫法（`PartGroup`）。
extension MessageCatalog {
    static let chinesePartGroups: KeyValuePairs<MessageCode, String> = [
        "word.part_group.battery": "蓄电池", "word.part_group.body": "车身钣喷件", "word.part_group.brake": "制动系统",
        "word.part_group.chassis": "底盘悬挂", "word.part_group.consumable": "油液易损件",
        "word.part_group.electrical": "电器", "word.part_group.engine": "发动机", "word.part_group.ev": "新能源三电",
        "word.part_group.powertrain": "动力总成",
    ]
}
