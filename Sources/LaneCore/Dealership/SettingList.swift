/// A list setting (the peak hours, a survey's questions, the warranty's
/// exclusions) as the store keeps it: one text value holding a JSON array of
/// strings, so that an item may contain a comma. Plugins read theirs with
/// `SettingList.items(config["KEY"])`.
public enum SettingList {
    /// Items written `KEY:VALUE` (`PICC:中国人保财险`), split at the first
    /// colon and trimmed; nil when one has no key or no value.
    public static func keyed(_ items: [String]) -> [(key: String, value: String)]? {
        var out: [(key: String, value: String)] = []
        for item in items {
            let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            out.append((parts[0], parts[1]))
        }
        return out
    }

    /// `["08:30-10:30","16:30-18:00"]`
    public static func text(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ",") + "]"
    }

    /// The items of a stored list. A value that is not a JSON array of
    /// strings was stored before lists were kept this way (or by hand): it is
    /// read as before, split at commas with each item trimmed.
    public static func items(_ text: String?) -> [String] {
        guard let text, !text.trimmingWhitespace().isEmpty else { return [] }
        if let items = decode(text) { return items }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// A JSON array of strings, or nil for anything else.
    static func decode(_ text: String) -> [String]? {
        let s = Array(text.unicodeScalars)
        var i = 0
        func skipSpace() { while i < s.count, s[i] == " " || s[i] == "\n" || s[i] == "\r" || s[i] == "\t" { i += 1 } }
        func hex4() -> UInt32? {
            guard i + 4 <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[i..<i + 4])), radix: 16) else { return nil }
            i += 4
            return v
        }
        func string() -> String? {
            guard i < s.count, s[i] == "\"" else { return nil }
            i += 1
            var out = String.UnicodeScalarView()
            while i < s.count {
                let c = s[i]
                i += 1
                if c == "\"" { return String(out) }
                if c.value < 0x20 { return nil }
                guard c == "\\" else { out.append(c); continue }
                guard i < s.count else { return nil }
                let e = s[i]
                i += 1
                switch e {
                case "\"", "\\", "/": out.append(e)
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "u":
                    guard var v = hex4() else { return nil }
                    // A character beyond the BMP comes as a surrogate pair.
                    if (0xD800..<0xDC00).contains(v) {
                        guard i + 2 <= s.count, s[i] == "\\", s[i + 1] == "u" else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(scalar)
                default: return nil
                }
            }
            return nil
        }
        skipSpace()
        guard i < s.count, s[i] == "[" else { return nil }
        i += 1
        var items: [String] = []
        skipSpace()
        if i < s.count, s[i] == "]" {
            i += 1
        } else {
            while true {
                skipSpace()
                guard let item = string() else { return nil }
                items.append(item)
                skipSpace()
                guard i < s.count else { return nil }
                if s[i] == "," { i += 1; continue }
                guard s[i] == "]" else { return nil }
                i += 1
                break
            }
        }
        skipSpace()
        return i == s.count ? items : nil
    }
}
