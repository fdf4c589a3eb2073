// 打印单据：本店自有模板的安全检查（问题14）。
extension MessageCatalog {
    static let chineseDocumentSafety: KeyValuePairs<MessageCode, String> = [
        "settings.not_a_template_folder": "{given} 不能作为模板文件夹：请填写从 / 开始的完整路径（如 /srv/lane/templates），不能含 ..",
        "document.template_outside_folder": "{file} 指向本店模板文件夹以外的位置（{target}），请把文件本身放进该文件夹",
        "document.template_writable_by_all": "{file} 本机任何用户都能修改，请改为只有所有者可写（`chmod o-w`）",
    ]
}
