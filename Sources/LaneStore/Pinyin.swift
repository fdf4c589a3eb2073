import Foundation
import GRDB
import LaneCore

/// The pinyin of a name, for `customer find` and sorting by name: ICU's
/// Mandarin-to-Latin transform, one character at a time, without tones
/// (Foundation's `applyingTransform`; no converter of our own). ICU reads a
/// character by its commonest sound, which is wrong for some surnames (单 is
/// Shàn, not dān; 曾 Zēng, not céng): the surname table below wins for the
/// first character (or two, for compound surnames) of a name.
enum Pinyin {
    /// One reading per character of `name`: pinyin for a Chinese character, the character itself otherwise.
    static func readings(of name: String) -> [String] {
        let chars = Array(name.trimmingCharacters(in: .whitespaces))
        var out = chars.map(reading)
        if chars.count >= 2, let compound = compoundSurnames[String(chars[0...1])] {
            out[0] = compound.0
            out[1] = compound.1
        } else if let first = chars.first, let surname = surnames[first] {
            out[0] = surname
        }
        return out
    }

    static func reading(_ ch: Character) -> String {
        guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, isChinese(scalar) else { return String(ch).lowercased() }
        let latin = String(ch).applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? String(ch)
        let letters = latin.lowercased().filter { $0.isASCII && $0.isLetter }
        return letters.isEmpty ? String(ch) : letters
    }

    static func isChinese(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2A6DF).contains(s.value)
    }

    /// 多音字 read differently as a surname.
    static let surnames: [Character: String] = [
        "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "盖": "ge",
        "覃": "qin", "乐": "yue", "缪": "miao", "翟": "zhai", "尉": "wei", "召": "shao", "种": "chong", "繁": "po",
        "秘": "bi", "员": "yun", "长": "chang", "沈": "shen", "柏": "bai", "重": "chong", "宿": "su", "藏": "zang",
        "贲": "ben", "隗": "wei", "厍": "she", "句": "gou", "阚": "kan", "冼": "xian", "过": "guo", "能": "nai",
    ]

    static let compoundSurnames: [String: (String, String)] = [
        "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
    ]
}

/// The search keys and sort key of one customer's name, written by every
/// change of a name (`insertCustomer`, `updateCustomer`, erasure) and by the
/// migration that made them (v19).
enum CustomerSearchIndex {
    static func write(_ db: Database, customerID: Int64, name: String) throws {
        let readings = Pinyin.readings(of: name)
        try db.execute(sql: "DELETE FROM customer_search_key WHERE customer_id = ?", arguments: [customerID])
        for key in NameSearch.keys(name: name, readings: readings) {
            try db.execute(sql: "INSERT OR IGNORE INTO customer_search_key (key, customer_id) VALUES (?, ?)", arguments: [key, customerID])
        }
        try db.execute(sql: "UPDATE customer SET sort_key = ? WHERE id = ?", arguments: [NameSearch.sortKey(readings: readings), customerID])
    }
}
