import Foundation
import PropertyBased
import Testing
@testable import LaneShell

// Property-based round trips of the shell's text handling. Each generator
// leans on the characters that break quoting: quotes, backslashes, `#`,
// separators, Chinese, and (where allowed) control characters.

/// Characters that matter to quoting and CSV, weighted up so that most runs meet them.
private let awkward = Gen<Character?>.element(of: Array(" '\"\\#,;$`*?~") + ["\u{3000}", "，", "“", "”"])
    .map { $0 ?? " " }
private let asciiPrintable = Gen.character(in: " "..."~")
private let chinese = Gen.character(in: "\u{4E00}"..."\u{9FFF}")
/// Combining marks: they join the character before them into one Character.
private let combining = Gen.character(in: "\u{0300}"..."\u{036F}")
/// Any scalar except surrogates, which cannot occur in a Swift String.
private let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF).compactMap { Unicode.Scalar($0).map(Character.init) }

private let printableCharacter = Gen.frequency(
    (3.0, awkward), (4.0, asciiPrintable), (3.0, chinese), (1.0, combining)
)
private let printableWord = printableCharacter.string(of: 0...12)

@Test func quotedWordsSplitBackIntoTheSameWords() async {
    await propertyCheck(input: printableWord.array(of: 0...6)) { words in
        let line = words.map(ShellWord.quoted).joined(separator: " ")
        let split = try? Tokenizer.split(line)
        // Compared as scalars: String's == would forgive a changed normalisation.
        #expect(split?.map { Array($0.unicodeScalars) } == words.map { Array($0.unicodeScalars) }, "line: \(line)")
    }
}

private let csvCharacter = Gen.frequency(
    (3.0, awkward), (1.0, Gen<Character?>.element(of: ["\n", "\r\n", "\r", "\t"] as [Character]).map { $0 ?? "\n" }),
    (3.0, asciiPrintable), (3.0, chinese)
)

@Test func csvRowsParseBackIntoTheSameFields() async {
    await propertyCheck(input: csvCharacter.string(of: 0...10).array(of: 1...5)) { fields in
        let header = fields.indices.map { "c\($0)" }.joined(separator: ",")
        let text = header + "\r\n" + CSV.encodeRow(fields) + "\r\n"
        let table = try? CSV.parse(text)
        // A row of nothing but blanks is skipped by design (spreadsheets' `,,,`).
        let blank = fields.allSatisfy { CSV.trim($0).isEmpty && CSV.encodeField($0) == $0 }
        let expected = blank ? [] : [fields.map { Array($0.unicodeScalars) }]
        #expect(table?.rows.map { $0.fields.map { Array($0.unicodeScalars) } } == expected, "text: \(text.debugDescription)")
    }
}

@Test func jsonStringsDecodeBackToTheSameText() async {
    let controls = Gen<UInt32>.value(in: 0...0x1F).compactMap { Unicode.Scalar($0).map(Character.init) }
    let text = Gen.frequency((2.0, controls), (2.0, awkward), (2.0, chinese), (2.0, anyScalar), (0.5, combining))
        .string(of: 0...16)
    await propertyCheck(input: text) { s in
        let json = JSONText.string(s)
        let viaSerialization = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
        let viaDecoder = try? JSONDecoder().decode([String].self, from: Data(("[" + json + "]").utf8)).first
        #expect(viaSerialization.map { Array($0.unicodeScalars) } == Array(s.unicodeScalars), "json: \(json)")
        #expect(viaDecoder.map { Array($0.unicodeScalars) } == Array(s.unicodeScalars), "json: \(json)")
    }
}

private let wideCharacter = Gen.frequency(
    (3.0, chinese), (1.0, Gen.character(in: "\u{AC00}"..."\u{D7A3}")), (1.0, Gen.character(in: "\u{FF01}"..."\u{FF60}"))
)

@Test func paddingReachesTheWidthAndCJKCountsTwo() async {
    let text = Gen.frequency((3.0, asciiPrintable), (3.0, wideCharacter), (0.5, combining)).string(of: 0...10)
    await propertyCheck(input: text, Gen.int(in: 0...40), Gen.bool) { s, width, right in
        let padded = DisplayWidth.pad(s, to: width, alignRight: right)
        #expect(DisplayWidth.of(padded) == max(width, DisplayWidth.of(s)), "\(s.debugDescription) to \(width)")
        if DisplayWidth.of(s) >= width { #expect(padded == s) }
    }
    await propertyCheck(input: wideCharacter.string(of: 0...10), asciiPrintable.string(of: 0...10)) { wide, narrow in
        #expect(DisplayWidth.of(wide) == 2 * wide.count)
        #expect(DisplayWidth.of(wide + narrow) == 2 * wide.count + narrow.count)
    }
}

/// What an input method types (full-width forms, dashes, Chinese quotes, the ideographic space) among
/// ordinary words, and lines without any of it.
private let inputMethodScalar = Gen<Character?>.element(of: ["\u{2014}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{3000}",
                                                            "\u{FF0D}", "\u{FF02}", "\u{FF07}", "\u{FF0C}", "\u{FF3C}", "\u{FF21}", "\u{FF5E}",
                                                            "\u{FF01}", "\u{FF5F}", "\u{2013}", "\u{2015}", "-", "\\"] as [Character])
    .map { $0 ?? "-" }
private let typedLine = Gen.frequency((6.0, printableCharacter), (1.0, inputMethodScalar)).string(of: 0...30)

@Test func aLineWithoutWhatAnInputMethodMakesIsReadAsTheScalarByScalarReadingReadsIt() async {
    await propertyCheck(count: 2000, input: Gen.frequency((1.0, typedLine), (1.0, printableWord))) { line in
        // Compared as scalars: String's == would forgive a changed normalisation.
        #expect(Array(InputNormaliser.normalise(line).unicodeScalars) == Array(InputNormaliser.normaliseByScalar(line).unicodeScalars),
                "line: \(line.debugDescription)")
    }
}

@Test func theReplacementCharacterIsFoundAtItsByteAsTheCharactersFindIt() async {
    let withReplacement = Gen.frequency((5.0, printableCharacter), (1.0, Gen<Character?>.element(of: ["\u{FFFD}", "\u{FFFC}", "\u{FEFF}", "\u{EFBF}"] as [Character]).map { $0 ?? "\u{FFFD}" }))
    await propertyCheck(count: 2000, input: withReplacement.string(of: 0...20)) { text in
        // Where the characters find it (one standing alone); the bytes find it there or, after a
        // combining mark joined it into another character, where the characters do not look.
        let byCharacter = text.firstIndex(of: "\u{FFFD}").map { text[..<$0].utf8.count }
        let byByte = ShellSession.replacementCharacterOffset(text)
        let byScalar = text.unicodeScalars.firstIndex(of: "\u{FFFD}").map { text.unicodeScalars[..<$0].map { String($0).utf8.count }.reduce(0, +) }
        #expect(byByte == byScalar, "text: \(text.debugDescription)")
        if let byCharacter { #expect(byByte.map { $0 <= byCharacter } == true, "text: \(text.debugDescription)") }
    }
}

/// The seeds folder is looked for above the binary by hand: each folder's parent is the one Foundation's
/// `URL` gives, for absolute paths of plain and Chinese names.
@Test func aFoldersParentIsTheOneURLGives() async {
    let name = Gen.frequency((3.0, Gen.character(in: "a"..."e")), (1.0, chinese), (1.0, Gen<Character?>.element(of: [".", "-", " "] as [Character]).map { $0 ?? "." }))
        .string(of: 1...5)
    await propertyCheck(count: 1000, input: name.array(of: 1...5)) { parts in
        let path = "/" + parts.joined(separator: "/")
        #expect(Launcher.parentFolder(path) == URL(fileURLWithPath: path).deletingLastPathComponent().path
                    || (parts.last == "." || parts.last == ".."), "path: \(path)")
    }
    #expect(Launcher.parentFolder("/lane") == "/")
    #expect(Launcher.parentFolder("/usr/local/bin/") == "/usr/local")
}

/// The characters near the unsafe ones in UTF-8: each unsafe range with its neighbours on both sides, and
/// characters sharing their lead bytes (C2, E2, EF) that are safe (`，` U+FF0C, `…` U+2026, `€` U+20AC).
private let nearUnsafe = Gen<UInt32?>.element(of: [0x00, 0x09, 0x0A, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9B, 0x9F, 0xA0, 0xA5,
                                                  0x200A, 0x200B, 0x200F, 0x2010, 0x2026, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F,
                                                  0x2060, 0x2061, 0x2065, 0x2066, 0x2069, 0x206A, 0x20AC, 0xFEFE, 0xFEFF, 0xFF0C, 0xFFFD] as [UInt32])
    .compactMap { $0.flatMap(Unicode.Scalar.init).map(Character.init) }
private let cellCharacter = Gen.frequency((3.0, nearUnsafe), (2.0, asciiPrintable), (2.0, chinese), (1.0, anyScalar), (1.0, combining))

@Test func unsafeTextIsFoundInTheBytesExactlyAsInTheScalars() async {
    await propertyCheck(count: 1000, input: cellCharacter.string(of: 0...8)) { text in
        #expect(TerminalSafe.hasUnsafe(text) == text.unicodeScalars.contains(where: TerminalSafe.isUnsafe), "text: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    for scalar in (0...0x10FFFF as ClosedRange<UInt32>).lazy.compactMap(Unicode.Scalar.init) where scalar.value < 0x3000 || scalar.value >= 0xFE00 {
        #expect(TerminalSafe.hasUnsafe(String(Character(scalar))) == TerminalSafe.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16))")
    }
}
