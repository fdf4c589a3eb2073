// 数据库服务器（PostgreSQL）上的门店数据：连接、断线、把门店数据迁到服务器。
extension MessageCatalog {
    static let chineseServer: [MessageCode: String] = [
        "server.bad_url": "“{url}”不是服务器地址；请写成 postgres://用户@主机:5432/lane（可加 ?schema=名称）",
        "server.unreachable": "连不上数据库服务器 {url}（{reason}）；请确认服务器已开启，主机、端口、用户和数据库名都没写错，再重新启动 lane",
        "server.refused_login": "数据库服务器 {url} 不让 {user} 登录（{reason}）；请核对用户名和密码（PGPASSWORD），或联系服务器管理员",
        "server.lost": "和数据库服务器 {url} 的连接断了（{reason}）；这条命令一项都没有保存：请检查服务器和网络后重新执行",
        "server.commit_unknown": "保存修改时和数据库服务器 {url} 的连接断了；请先查一下（`ro show`、`audit show`）是否已保存，再决定要不要重新录入",
        "server.failed": "数据库服务器 {url} 无法完成：{reason}",
        "server.schema_newer": "{url} 上的门店数据是较新版本的 lane 建立的（已有 {found}）；请使用那个版本的 lane",
        "server.key_missing": "{url} 门店的密钥文件 {path} 不见了：审计记录是用它签名的，放回之前 lane 不修改任何数据（从已有该文件的工位复制过来）",
        "server.no_store": "{url} 上还没有门店数据；加 --create 在那里新建",
        "server.copy_refused": "门店数据没有复制",
        "server.copy_file_exists": "{to} 已存在；请复制到一个新文件（备份就是一个新文件）",
        "help.command.store.copy": "把整个门店数据复制到数据库服务器，或从服务器复制到新文件",
        "help.discussion.store.copy": "复制在一个事务里完成，保存之前先用本店自己的密钥校验副本的审计记录：要么全部复制，要么一项都不复制。目标里不能已有门店数据；目标是文件时该文件不能已存在。密钥文件随副本一起（文件旁边；服务器的放在 ~/.lane/keys 或 LANE_KEY_FILE）。部门如何迁到服务器见 docs/server.md。",
        "help.option.store.copy.from": "要复制的门店数据：文件或 postgres:// 地址（默认：lane 启动时打开的那个）",
        "help.option.store.copy.to": "复制到哪里：postgres:// 地址，或一个新文件",
        "server.copy_done": "已把 {tables} 张表共 {rows} 行从 {from} 复制到 {to}；审计记录校验通过",
        "server.copy_target_not_empty": "{to} 里已有门店数据（{rows} 位客户、{orders} 张维修工单）；请复制到空库",
        "server.copy_same": "来源和目标是同一个门店数据库",
        "server.copy_needs_both": "请同时给出 --from 和 --to（文件或 postgres:// 地址）",
        "server.copy_audit_broken": "{to} 上的副本校验不通过（{problem}）；没有复制任何数据",
    ]
}
