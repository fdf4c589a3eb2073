import Testing
@testable import LaneShell

@Test func chineseNameIsTwoColumnsPerCharacter() {
    #expect(DisplayWidth.of("王小明") == 6)
}

@Test func plateMixesWideProvinceWithNarrowLetters() {
    #expect(DisplayWidth.of("粤B12345") == 8)
}

@Test func asciiIsOneColumnPerCharacter() {
    #expect(DisplayWidth.of("ab") == 2)
}

@Test func emptyTextHasNoWidth() {
    #expect(DisplayWidth.of("") == 0)
}

@Test func fullwidthLetterIsTwoColumns() {
    #expect(DisplayWidth.of("Ａ") == 2)
    #expect(DisplayWidth.of(Character("Ａ")) == 2)
}

@Test func combiningAccentAddsNoWidth() {
    #expect(DisplayWidth.of("e\u{0301}") == 1)
    #expect(DisplayWidth.of("cafe\u{0301}") == 4)
}

@Test func zeroWidthAndControlCharactersAreInvisible() {
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    #expect(DisplayWidth.of("\t\n") == 0)
    #expect(DisplayWidth.of("\u{FE0F}") == 0)
}

@Test func cjkPunctuationHangulKanaAndEmojiAreWide() {
    #expect(DisplayWidth.of("，。") == 4)
    #expect(DisplayWidth.of("\u{3000}") == 2)
    #expect(DisplayWidth.of("한") == 2)
    #expect(DisplayWidth.of("カ") == 2)
    #expect(DisplayWidth.of("￥") == 2)
    #expect(DisplayWidth.of("🚗") == 2)
    #expect(DisplayWidth.of("🇨🇳") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
}

@Test func padLeftAlignsByDisplayColumns() {
    let padded = DisplayWidth.pad("王小明", to: 8)
    #expect(padded == "王小明  ")
    #expect(DisplayWidth.of(padded) == 8)
}

@Test func padRightAligns() {
    #expect(DisplayWidth.pad("粤B1", to: 6, alignRight: true) == "  粤B1")
}

@Test func padLeavesTooWideTextUnchanged() {
    #expect(DisplayWidth.pad("王小明", to: 4) == "王小明")
    #expect(DisplayWidth.pad("王小明", to: 6) == "王小明")
}

@Test func truncateChineseEndsWithEllipsisWithinWidth() {
    let cut = DisplayWidth.truncate("王小明", to: 5)
    #expect(cut == "王小…")
    #expect(DisplayWidth.of(cut) == 5)
}

@Test func truncateNeverSplitsAWideCharacterToOverflow() {
    let cut = DisplayWidth.truncate("王小明", to: 4)
    #expect(cut == "王…")
    #expect(DisplayWidth.of(cut) <= 4)
}

@Test func truncateKeepsTextThatFits() {
    #expect(DisplayWidth.truncate("王小明", to: 6) == "王小明")
    #expect(DisplayWidth.truncate("abc", to: 10) == "abc")
}

@Test func truncateToTinyWidths() {
    #expect(DisplayWidth.truncate("王小明", to: 1) == "…")
    #expect(DisplayWidth.truncate("王小明", to: 0) == "")
    #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
}

/// The scalar-by-scalar sum for ASCII and CJK gives what the walk by Character gives, and text with
/// anything else (marks that join, emoji, Hangul, kana's voicing marks) still goes by Character.
@Test func theQuickSumAgreesWithTheWalkByCharacter() {
    for text in ["粤B27DP2", "王小明 Li Lei", "首保到期，2026-12-01。", "（全角）ＡＢＣ", "e\u{301}王", "👨‍👩‍👧 车", "한국어",
                 "か\u{3099}", "〇〡\u{302A}", "\u{3000}ideographic space", "", "tab\there"] {
        var byCharacter = 0
        for character in text { byCharacter += DisplayWidth.of(character) }
        #expect(DisplayWidth.of(text) == byCharacter, "\(text)")
    }
}
