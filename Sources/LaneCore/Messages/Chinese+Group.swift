// 集团多门店：同一数据库服务器上的各门店（`store list`、`report kpi --stores`、集团查阅员）。
extension MessageCatalog {
    static let chineseGroup: KeyValuePairs<MessageCode, String> = [
        "word.role.group_reader": "集团查阅员",
        "group.cannot_read": "无法查看各门店的指标",
        "group.cannot_list": "无法列出门店",
        "group.one_store_file": "一个数据文件只存一家门店；集团的各门店放在数据库服务器上（--db postgres://…，见 docs/server.md）",
        "group.reader_only": "{user}在本店不是集团查阅员：只有岗位为集团查阅员（group_reader）的人员才能并列查看各门店的指标",
        "group.not_reader_there": "{user}在{store}的岗位是{role}，不是集团查阅员：请该店管理员设置岗位（staff.csv，岗位 group_reader）",
        "group.pin_needed": "{user}在该店还没有设置 PIN，而从其他门店查看只能凭 PIN 进入：请该店管理员或服务经理设置（staff pin {user}）",
        "group.store_refused": "{store}：{reason}",
        "group.no_such_store": "本服务器上没有门店“{given}”（现有门店：{stores}）；`store list` 可查看",
        "group.ambiguous_code": "有几家门店的代码都是“{given}”（数据库模式 {schemas}）：请用数据库模式指明，或给各店设不同的代码（store set store.code）",
        "group.option_not_with_stores": "{option} 不能用于集团指标（--stores）",
        "group.report_title": "集团指标：{from} 至 {to}（{days} 天），共 {stores} 家门店",
        // 与数据库服务器之间的 TLS 加密（地址里的 sslmode、sslrootcert）。
        "server.bad_sslmode": "lane 不认识 sslmode “{given}”；请写 {modes} 之一（?sslmode=verify-full&sslrootcert=文件）",
        "server.tls_root_cert": "读不到 sslrootcert 指定的 CA 证书文件“{path}”（{url}）；请检查路径和本账户的读取权限，或向服务器管理员索取 CA 证书",
        "server.tls_unsupported": "{url} 的数据库服务器不提供 TLS 加密，而地址要求加密（sslmode={mode}）；请在服务器上打开 ssl，或在可信的内网里改用 sslmode=prefer 允许不加密连接",
        "server.tls_refused": "lane 不信任 {url} 的数据库服务器（sslmode={mode}：{reason}），没有发送任何数据。请确认 sslrootcert 是服务器的 CA 证书、地址里的主机名与证书上的一致（verify-full），或联系服务器管理员",
        "server.reason.tls_host": "它的证书不是颁发给主机 {host} 的",
        "server.reason.tls_untrusted": "它的证书不是由 lane 信任的 CA 签发的",
        "help.command.store.list": "本数据库服务器上的门店：代码、名称和数据库模式",
        "help.discussion.store.list": "服务器上的每家门店占一个数据库模式，门店代码和名称取自该店自己的设置。一个数据文件只存一家门店。",
        "help.option.report.kpi.stores": "集团查阅员用：并列显示服务器上这些门店的指标和集团合计（门店代码，或 all）",
    ]
}
