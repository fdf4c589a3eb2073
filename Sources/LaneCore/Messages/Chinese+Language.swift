// The interface language and Chinese-keyboard input, in Chinese.
extension MessageCatalog {
    static let chineseLanguage: KeyValuePairs<MessageCode, String> = [
        "settings.not_a_language": "“{given}”不是界面语言；可选 zh（简体中文）或 en（英文）",
        "settings.not_a_plate_prefix": "“{given}”不是默认车牌前缀，例如 粤B（省份简称加发牌机关字母）",
        "session.banner": "ServiceLane · {store} · 输入 `help` 查看命令，TAB 键补全，Ctrl-D 退出。",
        "sign_in.hint_admin": "提示：新门店只有一个账号 admin：lane --user admin（见 README“Who is who”）",
        "session.normalised": "已按此读取：{line}",
        "input.not_one_of_meant": "“{given}”不是可选值之一：{choices}；您是想输入“{suggestion}”吗？",
        "usage.unknown_option_meant": "没有选项 --{option}；您是想输入 --{suggestion} 吗？{takes}",
    ]
}
