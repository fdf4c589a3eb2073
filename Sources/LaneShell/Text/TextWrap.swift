/// Wrapping text to a terminal's width by display width (Chinese takes two
/// cells). Written by hand: the breaking rules are ours (a Chinese character
/// may end a line anywhere, a Latin word or a number only at a space, and a
/// number is never split), and no library on the package list measures CJK.
public enum TextWrap {
    /// Chinese punctuation that closes a phrase: it never starts a line
    /// (标点禁则), so it stays with the character before it.
    static let closing: Set<Character> = ["、", "，", "。", "：", "；", "！", "？", "）", "」", "』", "》", "〉", "】"]

    /// The pieces a line may break between: a run of spaces, one wide
    /// character, or a run of other characters (a word, a number, a plate).
    static func units(_ text: String) -> [String] {
        var units: [String] = []
        var word = ""
        func flush() { if !word.isEmpty { units.append(word); word = "" } }
        for ch in text {
            if ch == " " {
                if word.hasSuffix(" ") || word.isEmpty { word.append(ch); continue }
                flush()
                word.append(ch)
            } else if DisplayWidth.of(ch) == 2 {
                if word.hasSuffix(" ") { flush() }
                flush()
                if closing.contains(ch), let last = units.last, last.last != " " {
                    units[units.count - 1] = last + String(ch)
                } else {
                    units.append(String(ch))
                }
            } else {
                if word.hasSuffix(" ") { flush() }
                // 粤B12345: a plate's province stays with its letters and digits.
                if word.isEmpty, let last = units.last, last.count == 1, let c = last.first, DisplayWidth.of(c) == 2 {
                    word = units.removeLast()
                }
                word.append(ch)
            }
        }
        flush()
        return units
    }

    /// Lines of at most `width` cells, broken between units; spaces at a
    /// break are dropped. A unit wider than the width is cut by characters
    /// only when it holds no digit (a number is never split: it overflows).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        var used = 0
        func breakLine() {
            lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
            line = ""
            used = 0
        }
        for unit in units(text) {
            let w = DisplayWidth.of(unit)
            if unit.first == " " {
                if used > 0 && used + w <= width { line += unit; used += w } else if used > 0 { breakLine() }
                continue
            }
            if used + w <= width { line += unit; used += w; continue }
            if used > 0 { breakLine() }
            if w > width, unit.contains(where: \.isNumber) {
                // A list written without spaces (`["XH-15400-0001","XH-17220-0003"]`):
                // broken after its commas, each number whole.
                for piece in listPieces(unit) {
                    let pw = DisplayWidth.of(piece)
                    if used > 0 && used + pw > width { breakLine() }
                    line += piece
                    used += pw
                }
                continue
            }
            if w <= width || unit.contains(where: \.isNumber) { line = unit; used = w; continue }
            // A long word without digits: cut it by characters.
            for ch in unit {
                let cw = DisplayWidth.of(ch)
                if used + cw > width && used > 0 { breakLine() }
                line.append(ch)
                used += cw
            }
        }
        if !line.isEmpty || lines.isEmpty { breakLine() }
        return lines
    }

    /// The widest unit that must not be split (one holding a digit), so a
    /// column is never made narrower than its longest number.
    public static func widestNumber(_ text: String) -> Int {
        units(text).flatMap(listPieces).filter { $0.contains(where: \.isNumber) }.map { DisplayWidth.of($0) }.max() ?? 0
    }

    /// A unit cut after each comma or semicolon that is not inside a number
    /// (`1,280.50` stays whole): the places a list without spaces may break.
    static func listPieces(_ unit: String) -> [String] {
        var pieces: [String] = []
        var piece = ""
        let chars = Array(unit)
        for (i, ch) in chars.enumerated() {
            piece.append(ch)
            let inNumber = i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber
            if (ch == "," || ch == ";" || ch == "，" || ch == "、") && !inNumber {
                pieces.append(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// Wraps every line of a text (help, messages) to `width`, continuing a
    /// line under where its text starts: after its indentation, or for
    /// `  NAME   words` lines under the words.
    public static func paragraphs(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            guard DisplayWidth.of(line) > width else { return line }
            let indent = line.prefix { $0 == " " }.count
            var hang = indent
            // `  --name NAME     The customer's name`: continue under the description.
            let body = Array(line.dropFirst(indent))
            var i = 0
            while i + 1 < body.count {
                if body[i] == " " && body[i + 1] == " " {
                    var j = i
                    while j < body.count && body[j] == " " { j += 1 }
                    hang = indent + DisplayWidth.of(String(body[0..<j]))
                    break
                }
                i += 1
            }
            if hang > width / 2 { hang = indent }
            let text = String(line.dropFirst(indent))
            let broken = lines(text, width: width - indent)
            guard broken.count > 1 else { return line }
            // The first line as broken; the rest of the text wrapped again under the hang.
            let rest = String(text.dropFirst(broken[0].count).drop { $0 == " " })
            let pad = String(repeating: " ", count: hang)
            let continued = lines(rest, width: max(10, width - hang)).map { pad + $0 }
            return ([String(repeating: " ", count: indent) + broken[0]] + continued).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
