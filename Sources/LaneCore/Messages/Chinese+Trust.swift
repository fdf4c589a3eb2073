// Records an auditor can trust, in Chinese (see English+Trust.swift).
extension MessageCatalog {
    static let chineseTrust: KeyValuePairs<MessageCode, String> = [
        // Input.
        "usage.not_utf8_byte": "这一行在第 {byte} 个字节处不是有效的 UTF-8：请把脚本存为 UTF-8",

        // The audit trail: personal values kept apart.
        "audit.personal_checked": "有 {count} 行的个人信息（姓名、号码、地址、自由填写的文字）与链条分开保存：其内容与链条中的哈希相符",
        "audit.personal_erased": "有 {count} 行的个人信息已用 `customer erase` 清除：链条仍然完好，但这些内容已无法校验",
        "audit.personal_legacy": "有 {count} 行写于个人信息分开保存之前：其中的姓名和号码按输入原样保存，`customer erase` 无法清除",
        "audit.personal_changed": "与链条分开保存的个人信息在 lane 之外被改动或删除",
        "audit.erased_value": "（已清除）",

        // The audit trail: rows from before signing.
        "audit.legacy_unsigned": "有 {count} 行（第 1 至 {last} 行）写于本店有密钥之前：只校验链条，不校验签名；能改动数据库文件的人可能把它们一并改写过",
        "audit.key_mismatch": "本店的密钥文件不是签名这份审计记录时用的那一个（被替换或丢失）：所有签名都无法校验；请把原来的密钥文件放回数据库旁边",
        "audit.unsigned_unproven": "有 {count} 行没有签名，也没有任何签名过的记录能说明签名从何时开始：这些行可能是没有密钥的人写入或改写的",

        // Seals: PINs and customers' contacts.
        "seal.pin_changed": "PIN 码记录（哈希、盐值、错误次数或等待时间）与 lane 写入的不同",
        "seal.pin_removed": "lane 封签过的 PIN 码记录不见了",
        "seal.pin_unsealed": "这条 PIN 码记录是在 lane 之外写入的",
        "seal.customer_changed": "手机号或地址与 lane 写入的不同",
        "seal.customer_removed": "lane 封签过的客户不见了",

        // Files: the key, and a store that was not closed cleanly.
        "store.key_missing": "本店的密钥文件 {path} 不见了：本店的审计记录是用它签名的，放回（从备份恢复）之前 lane 不修改任何数据；查询和 `audit verify` 仍可使用",
        "store.unclean_damaged": "{path} 处的数据库没有正常关闭，且已损坏（{text}）；lane 不会使用它。请从最近的备份恢复，或把它另存一份后寻求帮助；不要在这个文件上继续工作",
    ]
}
