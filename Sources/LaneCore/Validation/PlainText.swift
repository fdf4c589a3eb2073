/// Plain text, where what Swift counts as one character is always one Unicode scalar. The scans
/// that run over every answer and audit row (privacy's masks, the audit trail's customer codes)
/// read it scalar by scalar or byte by byte and find what reading it character by character finds,
/// without the grapheme breaking that walking characters costs.
public enum PlainText {
    /// Text whose every scalar is a character of its own, equal only to itself: printable ASCII and
    /// tabs (no CR, which joins LF), Latin-1, dashes, quotes and other general punctuation (not the
    /// spaces, joiners and marks before U+2010), arrows (a status move is written `signed → handed_over`),
    /// box drawing, the CJK ideographs and punctuation (not its tone marks), full-width forms, and the
    /// placeholder mark. There, characters are scalars, so matching UTF-8 bytes finds exactly what
    /// matching characters finds (UTF-8 matches start on a scalar); elsewhere (combining accents,
    /// emoji, Hangul jamo) characters are compared as Swift compares them.
    public static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { u in
            switch u.value {
            case 0x1A, 0x09, 0x0A, 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x257F,
                 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF60: return true
            default: return false
            }
        }
    }
}
