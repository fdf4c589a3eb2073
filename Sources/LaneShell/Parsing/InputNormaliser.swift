import LaneCore

/// What a Chinese input method types, read as the shell's syntax before the
/// line is split into words (README, "Typing with a Chinese input method");
/// the shell prints the line as read when it differs. Outside quotes:
/// - full-width ASCII (`ＢＣ４５４８`, `１７：３０`, `＝`) becomes half-width,
///   except the Chinese comma `，`, kept as typed: it separates items where a
///   list is expected (`ListInput`) and is ordinary punctuation in free text,
///   and the full-width backslash `＼`, which must not start an escape;
/// - the ideographic space U+3000 separates words like a space;
/// - at the start of a word, `——`, `－－` or one `—` before a letter is `--`
///   (the input method turns `--` into a dash);
/// - Chinese quotes `“…”` and `‘…’` quote like `"…"` and `'…'`.
/// Quoted text is kept exactly as typed: what the customer said, in their
/// punctuation. Hand-written: no library knows this shell's quoting.
public enum InputNormaliser {
    /// The line as the tokenizer should read it.
    public static func normalise(_ line: String) -> String {
        // Most lines hold nothing an input method makes: every rule below starts at one of these
        // scalars, and without them the line comes back as it is (scalar by scalar, it was 0.8 % of a
        // scripted write's instructions).
        guard line.unicodeScalars.contains(where: { u in
            u.value >= 0x2014 && (u.value == 0x2014 || u.value == 0x2018 || u.value == 0x201C || u.value == 0x3000
                                  || (0xFF01...0xFF5E).contains(u.value))
        }) else { return line }
        return normaliseByScalar(line)
    }

    /// `normalise` without the look for what an input method makes (for tests).
    static func normaliseByScalar(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        enum Mode { case plain, single, double, chineseDouble, chineseSingle }
        var mode = Mode.plain
        var atWordStart = true
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let v = c.value
            switch mode {
            case .plain:
                if c == "\\", i + 1 < scalars.count {
                    out.append(c); out.append(scalars[i + 1]); i += 2; atWordStart = false; continue
                }
                if atWordStart, let length = dashRun(scalars, i) {
                    out.append("-"); out.append("-"); i += length; atWordStart = false; continue
                }
                switch c {
                case "\u{3000}": out.append(" "); atWordStart = true
                case " ", "\t", "\n", "\r": out.append(c); atWordStart = true
                case "\u{201C}": out.append("\""); mode = .chineseDouble; atWordStart = false
                case "\u{2018}": out.append("'"); mode = .chineseSingle; atWordStart = false
                case "\"": out.append(c); mode = .double; atWordStart = false
                case "'": out.append(c); mode = .single; atWordStart = false
                default:
                    if (0xFF01...0xFF5E).contains(v), v != 0xFF0C, v != 0xFF3C, let half = Unicode.Scalar(v - 0xFEE0) {
                        out.append(half)
                        // A full-width quote opens a quote as the half-width one would.
                        if half == "\"" { mode = .double } else if half == "'" { mode = .single }
                    } else {
                        out.append(c)
                    }
                    atWordStart = false
                }
            case .single:
                if c == "\u{FF07}" { out.append("'"); mode = .plain; i += 1; continue }
                out.append(c)
                if c == "'" { mode = .plain }
            case .double:
                if c == "\\", i + 1 < scalars.count { out.append(c); out.append(scalars[i + 1]); i += 2; continue }
                if c == "\u{FF02}" { out.append("\""); mode = .plain; i += 1; continue }
                out.append(c)
                if c == "\"" { mode = .plain }
            case .chineseDouble:
                if c == "\u{201D}" { out.append("\""); mode = .plain }
                else if c == "\"" || c == "\\" || c == "\u{FF02}" { out.append("\\"); out.append(c == "\u{FF02}" ? "\"" : c) }  // text inside the quote
                else { out.append(c) }
            case .chineseSingle:
                if c == "\u{2019}" { out.append("'"); mode = .plain }
                else if c == "'" || c == "\u{FF07}" { out.append("'"); out.append("\\"); out.append("'"); out.append("'") }  // close, escaped quote, reopen
                else { out.append(c) }
            }
            i += 1
        }
        return String(out)
    }

    /// A dash an input method made of `--` at `i`, followed by an option
    /// name: its length in scalars, or nil.
    static func dashRun(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        func isDash(_ c: Unicode.Scalar) -> Bool { c == "\u{2014}" || c == "\u{FF0D}" || c == "-" }
        func letterAt(_ j: Int) -> Bool {
            guard j < s.count else { return false }
            let c = s[j]
            return (c.isASCII && c.properties.isAlphabetic) || (0xFF21...0xFF3A).contains(c.value) || (0xFF41...0xFF5A).contains(c.value)
        }
        guard i < s.count, isDash(s[i]) else { return nil }
        if i + 1 < s.count, isDash(s[i + 1]), letterAt(i + 2) {
            // `--` itself is left alone (nothing to do); any mix with a wide dash is read as `--`.
            return s[i] == "-" && s[i + 1] == "-" ? nil : 2
        }
        if s[i] == "\u{2014}", letterAt(i + 1) { return 1 }
        return nil
    }
}
