// Run-time plugins hearing events, in Chinese (see English+PluginChecks.swift).
extension MessageCatalog {
    static let chinesePluginChecks: KeyValuePairs<MessageCode, String> = [
        "plugin.runtime.not_an_event": "{field}：“{given}”不是事件；请写成 NOUN.STEP 或 NOUN.*，NOUN 为 {nouns} 之一（或用 * 表示全部）",
        "plugin.runtime.event_answer": "对事件的回答只能给出文字（text 或 message）；{field} 只用于命令的回答",
        "plugin.load.core_noun": "它的命令“{command}”会加到 {noun} 下，而 {noun} 的命令都属于系统本身；插件的命令只能放在它自己的名词下",
    ]
}
