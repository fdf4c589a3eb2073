// 应用层在前端调用顺序出错时的说法：是程序的问题，说清楚以便上报。
extension MessageCatalog {
    static let chineseLayering: KeyValuePairs<MessageCode, String> = [
        "department.change_inside_lookup": "“{operation}”会修改记录，不能在查询中执行；未保存任何内容",
        "department.no_operation_open": "插件在命令之外读取记录；未读取也未保存任何内容",
    ]
}
