/// Text stored before control characters were refused at input (or put in
/// by another program) must not drive the terminal of whoever reads it: an
/// ESC could clear the screen, retitle the window or write to the clipboard
/// (OSC 52), and a direction override could make `¥100` read as `¥001`.
/// Such characters are shown as visible escapes (`\u{1B}`) in tables, CSV
/// and messages; JSON escapes them by its own rules.
enum TerminalSafe {
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidirectional overrides and isolates, and the zero-width marks that hide them;
        // invisible characters that make two names look alike (王小明 and 王\u{200B}小明).
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Whether `text` holds a character `isUnsafe` names, decided on its UTF-8 bytes: every table cell
    /// is asked, and walking its scalars was a fifth of fitting a page of 200 rows. The unsafe characters
    /// are the bytes below 0x20 and 0x7F, and the two- and three-byte forms matched below (a lead byte
    /// never occurs inside another character's bytes, so each byte can be looked at as a lead byte).
    static func hasUnsafe(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                switch c {
                case 0x00...0x1F, 0x7F: return true
                case 0xC2 where i + 1 < n && b[i + 1] <= 0x9F: return true  // U+0080...U+009F
                case 0xE2 where i + 2 < n:
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if c1 == 0x80 && (0x8B...0x8F ~= c2 || 0xAA...0xAE ~= c2) { return true }  // U+200B...U+200F, U+202A...U+202E
                    if c1 == 0x81 && (c2 == 0xA0 || 0xA6...0xA9 ~= c2) { return true }  // U+2060, U+2066...U+2069
                case 0xEF where i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF: return true  // U+FEFF
                default: break
                }
                i += 1
            }
            return false
        } ?? text.unicodeScalars.contains(where: isUnsafe)
    }

    /// `text` with every unsafe character escaped; line breaks and tabs kept when asked.
    static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard hasUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingLineBreaks && (scalar == "\n" || scalar == "\t") || !isUnsafe(scalar) {
                out.append(scalar)
            } else {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }
}
