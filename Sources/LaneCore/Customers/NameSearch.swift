/// The keys `customer find` looks a name up by, so that a substring, the
/// pinyin or the initials are each a prefix search on an index: every
/// suffix of the name (`晓峰` in 欧阳晓峰), and every suffix of its pinyin by
/// syllable (`ouyangxiaofeng`, `xiaofeng`) and of its initials (`oyxf`, `xf`).
/// The readings come from the caller (LaneCore has no ICU): one per
/// character, lowercase ASCII for a Chinese character, the character itself
/// for anything else.
public enum NameSearch {
    public static func keys(name: String, readings: [String]) -> [String] {
        let chars = Array(name.lowercased()).filter { !ignored.contains($0) }
        var keys: Set<String> = []
        for i in chars.indices { keys.insert(String(chars[i...])) }
        let syllables = readings.map { $0.lowercased() }.filter { !$0.isEmpty && !$0.allSatisfy { ignored.contains($0) } }
        for i in syllables.indices {
            keys.insert(syllables[i...].joined())
            keys.insert(String(syllables[i...].compactMap(\.first)))
        }
        keys.remove("")
        return keys.sorted()
    }

    /// What was typed, as the keys are written: lower case, without spaces,
    /// middle dots or apostrophes (`Ou Yang`, `xi'an`).
    public static func query(_ text: String) -> String {
        String(text.lowercased().filter { !ignored.contains($0) })
    }

    /// The order of names as Chinese readers expect: by pinyin, syllable by syllable.
    public static func sortKey(readings: [String]) -> String {
        readings.map { $0.lowercased() }.joined(separator: " ")
    }

    static let ignored: Set<Character> = [" ", "\u{3000}", "·", "•", "'", "’"]
}
