// 审计可信的记录（续）：封签后每一行业务数据都有封签；脚本中不是 UTF-8 的字节。
extension MessageCatalog {
    static let chineseIntegrity: KeyValuePairs<MessageCode, String> = [
        "seal.customer_unsealed": "这位客户没有封签：是在 lane 之外添加的，或者封签在 lane 之外被删除了",
        "seal.order_unsealed": "这张维修委托书没有封签：是在 lane 之外写入的，或者封签在 lane 之外被删除了",
        "seal.more_unsealed": "另有 {count} 行没有封签",
        "audit.personal_values_erased": "有 {count} 行的个人信息已用 `customer erase` 清除（共 {values} 项）：链条仍然完好，链中保留的哈希仍能证明这些行，但清除的内容已无法校验",
        "audit.rows_sealed": "从第 {row} 行起，委托书、员工、PIN 码记录和客户联系方式都已封签：在 lane 之外改动、添加或去掉封签的，`store check` 都能查出",

        "usage.replacement_character": "这一行在第 {byte} 个字节处有替换字符（U+FFFD）：文字在之前的转换中已经丢失，请重新输入",
        "file.not_utf8_at": "{path} 在第 {line} 行第 {byte} 个字节处不是 UTF-8 文本（请存为 UTF-8；表格软件请另存为“CSV UTF-8”）",
    ]
}
