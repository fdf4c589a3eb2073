/// Mobile numbers as people write them in free text (X4): `13812345678`,
/// `138 1234 5678`, `139-0000-0001`, `138.1234.5678`, with `+86`, `86` or
/// `0086` before them, in full-width digits (１３８…). Privacy masks what this
/// finds and an erasure removes it, so it errs towards finding.
///
/// A number is made of whole groups of digits joined by one space, hyphen or
/// dot, never part of a longer group: `1280.50`, `2026-11-23`,
/// `RO-20261123-0001` and an 8-digit invoice number are not 11 digits starting
/// 13-19, and digits touching a Latin letter belong to a code (a VIN, a plate,
/// a part number), not to a phone.
extension MobileNumber {
    /// Where a number stands in a text, and which number it is.
    public struct Occurrence: Sendable, Equatable {
        public var range: Range<String.Index>
        public var number: MobileNumber
    }

    public static func occurrences(in text: String) -> [Occurrence] {
        guard mayHoldANumber(text) else { return [] }
        return occurrences(in: text, byScalar: PlainText.isPlain(text))
    }

    /// False only when `text` cannot hold a number `occurrences` would find, seen from its bytes alone:
    /// every number has 11 digits or more in runs that start with 0, 1 or 8 (`86…`, `0086…`, `1[3-9]…`)
    /// and are joined by at most two characters (a separator; a bracket and a separator). Most of what
    /// the workshop's roles are shown (dates, times, order numbers, money) has no such run, and is then not
    /// broken into characters at all (the scan was 2.5 % of a scripted write's instructions).
    /// `aTextThatMayHoldNoNumberHoldsNone` holds it to `occurrences`.
    static func mayHoldANumber(_ text: String) -> Bool {
        var digitsInRun: Int?  // the digits since the run's first group that starts with 0, 1 or 8
        var between = 1        // scalars since the last digit (the text's start stands for one: a group starts there)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            var digit: UInt8?
            if byte >= 0x30 && byte <= 0x39 {
                digit = byte - 0x30
            } else if byte == 0xEF {
                // U+FF10…U+FF19: EF BC 90…99; any other scalar starting EF is a character between.
                var copy = bytes
                if copy.next() == 0xBC, let third = copy.next(), third >= 0x90 && third <= 0x99 {
                    digit = third - 0x90
                    bytes = copy
                }
            }
            guard let digit else {
                // A scalar's first byte (not a continuation byte) is one more character between digits.
                if byte & 0xC0 != 0x80 { between += 1 }
                continue
            }
            if between > 0 {
                // A new group of digits: a gap too long ends the run; a group starting 0, 1 or 8 may start a number.
                if between > 2 { digitsInRun = nil }
                if digitsInRun == nil, digit == 0 || digit == 1 || digit == 8 { digitsInRun = 0 }
            }
            between = 0
            if let run = digitsInRun {
                digitsInRun = run + 1
                if run + 1 >= 11 { return true }
            }
        }
        return false
    }

    /// `byScalar` (plain text only): each scalar is a character and starts one, so the same characters
    /// and positions come without breaking the text into graphemes (a technician's every answer is scanned).
    static func occurrences(in text: String, byScalar: Bool) -> [Occurrence] {
        let chars = byScalar ? text.unicodeScalars.map(Character.init) : Array(text)
        var positions = byScalar ? Array(text.unicodeScalars.indices) : Array(text.indices)
        positions.append(text.endIndex)
        let groups = digitGroups(chars)
        var found: [Occurrence] = []
        var g = 0
        while g < groups.count {
            guard let (last, number, digits) = number(startingAt: g, groups) else {
                g += 1
                continue
            }
            let start = digits > 11 ? prefixStart(groups[g], chars) : groups[g].start
            found.append(Occurrence(range: positions[start]..<positions[groups[last].end], number: number))
            g = last + 1
        }
        return found
    }

    /// `text` with every number found replaced by what `replacement` makes of
    /// it (nil: left as written); the rest as it was.
    public static func replacingOccurrences(in text: String, with replacement: (MobileNumber) -> String?) -> String {
        let found = occurrences(in: text)
        guard !found.isEmpty else { return text }
        var out = ""
        var from = text.startIndex
        for o in found {
            guard let replaced = replacement(o.number) else { continue }
            out += text[from..<o.range.lowerBound]
            out += replaced
            from = o.range.upperBound
        }
        out += text[from...]
        return out
    }

    /// A run of digits: where it starts and ends in the characters, its ASCII
    /// digits, whether a Latin letter touches it, and whether it is joined to
    /// the next run as part of one written number.
    struct DigitGroup {
        var start: Int
        var end: Int
        var digits: String
        var inCode: Bool
        var joinedToNext = false
    }

    static func digitGroups(_ chars: [Character]) -> [DigitGroup] {
        var groups: [DigitGroup] = []
        var i = 0
        while i < chars.count {
            guard asciiDigit(chars[i]) != nil else {
                i += 1
                continue
            }
            var digits = ""
            var j = i
            while j < chars.count, let d = asciiDigit(chars[j]) {
                digits.append(d)
                j += 1
            }
            let inCode = (i > 0 && isLatinLetter(chars[i - 1])) || (j < chars.count && isLatinLetter(chars[j]))
            groups.append(DigitGroup(start: i, end: j, digits: digits, inCode: inCode))
            i = j
        }
        for k in groups.indices.dropLast() {
            let (a, b) = (groups[k], groups[k + 1])
            guard !a.inCode, !b.inCode else { continue }
            let between = chars[a.end..<b.start]
            // One separator; after a country code also a closing bracket: `(+86) 138…`.
            let bracketed = isCountryCode(a.digits) && (between.first == ")" || between.first == "）")
                && (between.count == 1 || (between.count == 2 && between.last.map(isSeparator) == true))
            groups[k].joinedToNext = (between.count == 1 && between.first.map(isSeparator) == true) || bracketed
        }
        return groups
    }

    /// The number written from group `g` on, with the last group it takes and how many digits it has.
    static func number(startingAt g: Int, _ groups: [DigitGroup]) -> (Int, MobileNumber, Int)? {
        guard !groups[g].inCode, groups[g].digits.count <= 15 else { return nil }
        var digits = ""
        var k = g
        while true {
            digits += groups[k].digits
            if let number = mobile(digits) { return (k, number, digits.count) }
            guard digits.count < 15, groups[k].joinedToNext, k + 1 < groups.count else { return nil }
            k += 1
        }
    }

    /// 11 digits, or the country code and 11 digits.
    static func mobile(_ digits: String) -> MobileNumber? {
        var national = Substring(digits)
        if digits.count == 13, digits.hasPrefix("86") { national = national.dropFirst(2) }
        if digits.count == 15, digits.hasPrefix("0086") { national = national.dropFirst(4) }
        // What `parse` asks first, on the bytes: most runs of 11 digits in a text are a date and a time or
        // an order number's, which start 2 or 0 (parsing each was 2 % of a scripted write's instructions).
        let utf8 = national.utf8
        guard utf8.count == 11, utf8.first == UInt8(ascii: "1"), let second = utf8.dropFirst().first, second >= UInt8(ascii: "3"),
              case .success(let number) = parse(String(national)) else { return nil }
        return number
    }

    /// A number written with its country code starts at the `+` before it,
    /// or at the bracket around them (`(+86)`).
    static func prefixStart(_ group: DigitGroup, _ chars: [Character]) -> Int {
        var start = group.start
        if start > 0, chars[start - 1] == "+" || chars[start - 1] == "＋" { start -= 1 }
        let closed = isCountryCode(group.digits) && group.end < chars.count && (chars[group.end] == ")" || chars[group.end] == "）")
        if closed, start > 0, chars[start - 1] == "(" || chars[start - 1] == "（" { start -= 1 }
        return start
    }

    static func isCountryCode(_ digits: String) -> Bool { digits == "86" || digits == "0086" }

    /// ASCII and full-width digits, as ASCII.
    static func asciiDigit(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
        default: return nil
        }
    }

    static func isLatinLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }

    /// Spaces, hyphens and dashes, and dots, half- and full-width.
    static func isSeparator(_ c: Character) -> Bool {
        " \u{00A0}\u{3000}-－‐‑–—.．·".contains(c)
    }
}
