import PropertyBased
import LaneCore
import Testing
@testable import ServiceDepartment

// The audit row's personal values are taken out on UTF-8 bytes when the text is plain (ASCII,
// Chinese, full-width forms): these check that it finds exactly what matching characters finds.

/// Characters a command and its answer hold: ASCII, Chinese (names and words), full-width and CJK
/// punctuation, digits of phone numbers, the placeholder mark.
private let plain = Gen.frequency(
    (3.0, Gen.character(in: " "..."~")), (4.0, Gen.character(in: "\u{4E00}"..."\u{4E20}")), (2.0, Gen.character(in: "0"..."9")),
    (1.0, Gen<Character?>.element(of: ["，", "：", "\u{3000}", "\u{1A}", "\n", "\t", "é", "Å", "→", "—", "…", "─", "“"] as [Character])
        .map { $0 ?? "，" })
)
/// What makes a character of several scalars, or two scalars one character: combining accents, CR
/// LF, an ideographic tone mark, emoji with modifiers, Hangul jamo, a scalar canonically equal to
/// another (the angstrom sign, a compatibility ideograph).
private let awkward = Gen<Character?>.element(of: ["\u{0301}", "\u{0308}", "\r", "\u{302A}", "👍", "\u{1F3FD}", "\u{200D}",
                                                   "\u{1100}", "\u{1161}", "\u{212B}", "\u{F900}", "\u{0338}", "\u{FE0F}", "\u{2001}",
                                                   "e", "A", "→"] as [Character]).map { $0 ?? "e" }
private let mixed = Gen.frequency((4.0, plain), (2.0, awkward))

/// A text and values: some taken from the text itself (so most runs replace something), some not.
private func textAndValues(_ text: String, _ starts: [Int], _ length: Int, _ other: String) -> (String, [String]) {
    let chars = Array(text)
    var values = starts.compactMap { s -> String? in
        guard s < chars.count else { return nil }
        return String(chars[s..<min(chars.count, s + length)])
    }
    values.append(other)
    var unique: [String] = []
    for v in values where !unique.contains(v) { unique.append(v) }
    return (text, unique)
}

private let plainCases = PropertyBased.zip(plain.string(of: 0...40), Gen.int(in: 0...40).array(of: 0...4), Gen.int(in: 1...8), plain.string(of: 1...4))
    .map(textAndValues)
private let mixedCases = PropertyBased.zip(mixed.string(of: 0...40), Gen.int(in: 0...40).array(of: 0...4), Gen.int(in: 1...8), mixed.string(of: 1...4))
    .map(textAndValues)

private func order(_ values: [String]) -> [Int] {
    values.indices.sorted { values[$0].count > values[$1].count }.filter { !values[$0].isEmpty }
}

@Test func plainTextIsReplacedOnBytesExactlyAsOnCharacters() async {
    await propertyCheck(count: 500, input: plainCases) { input in
        let (text, values) = input
        guard PlainText.isPlain(text) && values.allSatisfy(PlainText.isPlain) else { return }
        let bytes = AuditPrivacy.replacingBytes(values, order(values), in: text)
        let characters = AuditPrivacy.replacingCharacters(values, order(values), in: text)
        // Compared as scalars: String's == would forgive a changed normalisation.
        #expect(Array(bytes.unicodeScalars) == Array(characters.unicodeScalars), "text: \(text.debugDescription) values: \(values)")
    }
}

@Test func anyTextIsReplacedAsCharactersAre() async {
    await propertyCheck(count: 500, input: mixedCases) { input in
        let (text, values) = input
        let replaced = AuditPrivacy.replacing(values, in: text)
        let characters = AuditPrivacy.replacingCharacters(values, order(values), in: text)
        #expect(Array(replaced.unicodeScalars) == Array(characters.unicodeScalars), "text: \(text.debugDescription) values: \(values)")
    }
}

/// The plain path orders the values by bytes, not characters: the same replacements all the same.
@Test func plainTextOrderedByBytesIsReplacedAsCharactersAre() async {
    // Each value with its first half and first character: values found at one place, one the other's prefix.
    let withPrefixes = plainCases.map { text, values -> (String, [String]) in
        var all: [String] = []
        for v in values + values.map { String($0.prefix(($0.count + 1) / 2)) } + values.map { String($0.prefix(1)) } where !all.contains(v) {
            all.append(v)
        }
        return (text, all)
    }
    await propertyCheck(count: 500, input: withPrefixes) { input in
        let (text, values) = input
        let replaced = AuditPrivacy.replacing(values, in: text)
        let characters = AuditPrivacy.replacingCharacters(values, order(values), in: text)
        #expect(Array(replaced.unicodeScalars) == Array(characters.unicodeScalars), "text: \(text.debugDescription) values: \(values)")
    }
}

@Test func textWithJoiningScalarsIsNotPlain() {
    #expect(PlainText.isPlain("王小明 13800138000，粤B27DP2\t\u{1A}0\u{1A}"))
    #expect(PlainText.isPlain("已派工 [signed → handed_over] — 第1行…"))
    for joining in ["e\u{0301}", "\r\n", "好\u{302A}", "👍", "\u{1100}\u{1161}", "\u{212B}", "\u{F900}", "→\u{0338}", "↔\u{FE0F}", "\u{2001}"] {
        #expect(!PlainText.isPlain("王" + joining), "\(joining.debugDescription)")
    }
    // A value inside a character is not a match: "e" is not taken out of "é" written as e + accent.
    #expect(AuditPrivacy.replacing(["e"], in: "caf\u{0065}\u{0301} e") == "caf\u{0065}\u{0301} \u{1A}0\u{1A}")
    #expect(AuditPrivacy.replacing(["王小明", "王小"], in: "王小明和王小") == "\u{1A}0\u{1A}和\u{1A}1\u{1A}")
}

// The customer codes a command names are found scalar by scalar in plain text: the same words as
// characters make.

/// Codes and their neighbours: C and c, digits, letters that join them, Chinese, separators.
private let codeish = Gen.frequency(
    (3.0, Gen.character(in: "0"..."9")), (1.0, Gen<Character?>.element(of: ["C", "c", "K"] as [Character]).map { $0 ?? "C" }),
    (1.0, Gen.character(in: "\u{4E00}"..."\u{4E20}")),
    (1.0, Gen<Character?>.element(of: [" ", "，", "=", "-", "\u{1A}", "²", "Ⅷ", "〇", "々", "Å", "ǅ", "٣"] as [Character]).map { $0 ?? " " })
)

/// Texts made of code-shaped pieces ("C" and digits) and what may stand next to them.
private let codePiece = PropertyBased.zip(Gen<String?>.element(of: ["C", "c", "K", ""]).map { $0 ?? "C" },
                                          Gen.character(in: "0"..."9").string(of: 3...6)).map { $0 + $1 }
private let plainCodeTexts = Gen.frequency((2.0, codePiece), (3.0, Gen.frequency((4.0, codeish), (1.0, plain)).map { String($0) }))
    .array(of: 0...10).map { $0.joined() }
private let anyCodeTexts = Gen.frequency((2.0, codePiece), (3.0, Gen.frequency((4.0, codeish), (2.0, awkward)).map { String($0) }))
    .array(of: 0...10).map { $0.joined() }

@Test func codeShapedWordsOfPlainTextAreTheCharactersWords() async {
    await propertyCheck(count: 500, input: plainCodeTexts) { text in
        #expect(AuditPrivacy.codeShapedWords(text) == AuditPrivacy.characterWords(text).filter(Customer.looksLikeCode),
                "text: \(text.debugDescription)")
    }
}

@Test func codeShapedWordsOfAnyTextAreTheCharactersWords() async {
    await propertyCheck(count: 500, input: anyCodeTexts) { text in
        #expect(AuditPrivacy.codeShapedWords(text) == AuditPrivacy.characterWords(text).filter(Customer.looksLikeCode),
                "text: \(text.debugDescription)")
    }
}

@Test func aCodeIsFoundBetweenChineseWordsAndNotInsideOne() {
    #expect(AuditPrivacy.codeShapedWords("转给 C0012，原车主 c0003=C001") == ["C0012", "c0003"])
    #expect(AuditPrivacy.codeShapedWords("原车主c0003") == [])
    #expect(AuditPrivacy.codeShapedWords("王C0012 C0012王 C00123") == ["C00123"])
}

/// The audit row's answer is its first 500 characters, whatever the text: short texts are kept whole
/// without being walked, long ones cut by characters, never inside one.
@Test func theAuditRowKeepsTheFirst500CharactersOfAnAnswer() async {
    await propertyCheck(count: 300, input: PropertyBased.zip(mixed.string(of: 0...40), Gen.int(in: 0...40))) { input in
        let (piece, times) = input
        let text = String(repeating: piece, count: times)
        #expect(Department.auditPrefix(text) == String(text.prefix(500)), "\(text.utf8.count) bytes")
    }
    #expect(Department.auditPrefix(String(repeating: "王", count: 600)) == String(repeating: "王", count: 500))
    #expect(Department.auditPrefix(String(repeating: "a", count: 500)) == String(repeating: "a", count: 500))
}

/// An operation's noun (the audit trail's) is its first word, for any name.
@Test func anOperationsNounIsItsFirstWord() async {
    let ascii = Gen.frequency((3.0, Gen.character(in: "a"..."z")), (1.0, Gen<Character?>.element(of: [" ", "-", "\r\n"] as [Character]).map { $0 ?? " " }))
    await propertyCheck(count: 300, input: PropertyBased.zip(mixed.string(of: 0...12), ascii.string(of: 0...12))) { names in
        for name in [names.0, names.1] {
            #expect(OperationID(name).noun == (name.split(separator: " ").first.map(String.init) ?? name), "'\(name)'")
        }
    }
    #expect(OperationID("ro open").noun == "ro")
    #expect(OperationID("whoami").noun == "whoami")
    #expect(OperationID(" ro  open").noun == "ro")
}

/// The hash of an audit row's pieces is the hash of the joined text: any pieces (Chinese, the
/// placeholder mark, empty ones), any separator; and SHA-256's own test vector.
@Test func aHashOfPiecesIsTheHashOfTheJoinedText() async {
    let separator = Gen<String?>.element(of: ["\u{1F}", "\u{1E}", " ", "", "分隔"]).map { $0 ?? "" }
    await propertyCheck(count: 300, input: PropertyBased.zip(mixed.string(of: 0...30).array(of: 0...12), separator)) { input in
        let (pieces, separator) = input
        #expect(AuditTrail.sha256Hex(pieces, separator: separator) == AuditTrail.sha256Hex([pieces.joined(separator: separator)], separator: "\u{1F}"))
    }
    #expect(AuditTrail.sha256Hex(["a", "c"], separator: "b") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(AuditTrail.sha256Hex([], separator: "x") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
}
