/// A part's group in the catalogue (`powertrain`, `ev`, `consumable`): a code
/// of the parts list, which store.toml's rules name (warranty covers, reorder
/// points). People read its word (`word.part_group.powertrain`, 动力总成);
/// they may type the code, its word in either language, or what a parts
/// counter calls it (`三电`, `变速箱`). A group the catalogs have no word for
/// reads as its code.
public enum PartGroup {
    /// The catalog's kind for the groups' words (a table's `Column(…, words:)`).
    public static let wordKind = "part_group"

    /// The groups the catalogs have words for.
    public static let known = ["battery", "body", "brake", "chassis", "consumable", "electrical", "engine", "ev", "powertrain"]

    /// As a message argument: its word in Chinese, its code in English.
    public static func argument(_ group: String) -> MessageArgument { .code(wordKind, group) }

    /// The group's code for what someone typed: the code in any case, its word
    /// in either language, or a counter's word for it; nil when none matches.
    public static func code(typed text: String) -> String? {
        let typed = text.trimmingWhitespace()
        guard !typed.isEmpty else { return nil }
        let lower = typed.lowercased()
        if known.contains(lower) { return lower }
        for group in known {
            if MessageCatalog.chinese.word(wordKind, group) == typed { return group }
            if MessageCatalog.english.word(wordKind, group).lowercased() == lower { return group }
        }
        return synonyms[typed] ?? synonyms[lower]
    }

    /// What a service department also calls a group; none is a word of a part's
    /// name that means less than the group (`轮胎` is tyres, not the whole chassis).
    static let synonyms: [String: String] = [
        "三电": "ev", "新能源": "ev", "电池包": "ev", "动力电池": "ev", "高压": "ev",
        "变速箱": "powertrain", "传动": "powertrain",
        "易损件": "consumable", "油液": "consumable", "耗材": "consumable", "保养件": "consumable",
        "刹车": "brake", "制动": "brake", "电瓶": "battery", "小电瓶": "battery",
        "钣喷": "body", "钣金": "body", "车身": "body", "悬挂": "chassis",
        "电器": "electrical", "电气": "electrical", "发动机": "engine",
    ]
}
