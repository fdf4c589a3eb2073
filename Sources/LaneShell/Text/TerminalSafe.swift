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

    /// `text` with every unsafe character escaped; line breaks and tabs kept when asked.
    static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
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
