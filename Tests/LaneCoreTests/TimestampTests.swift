import PropertyBased
import Testing
@testable import LaneCore

private let nov23 = CalendarDate(year: 2026, month: 11, day: 23)!
/// 2026-11-23 09:30:00 in China, 01:30:00 UTC.
private let morning = Timestamp(secondsSince1970: 1_795_397_400)
private let minus5 = UTCOffset(seconds: -5 * 3600)

@Test func timestampFromLocalDateAndClockSubtractsTheOffset() {
    #expect(Timestamp(date: nov23, hour: 9, minute: 30, offset: .china) == morning)
    #expect(Timestamp(date: nov23, hour: 1, minute: 30, offset: .utc) == morning)
    #expect(Timestamp(date: CalendarDate(daysSinceEpoch: 0), offset: .utc).secondsSince1970 == 0)
    #expect(Timestamp(date: CalendarDate(daysSinceEpoch: 0), offset: .china).secondsSince1970 == -8 * 3600)
}

@Test func parsesISOWithTOrSpaceSecondsAndOffsets() {
    let texts = ["2026-11-23T09:30", "2026-11-23 09:30", "2026-11-23T09:30:00", "2026-11-23 09:30:00+08:00",
                 "2026-11-23T09:30:00+0800", "2026-11-23T01:30:00Z", "2026-11-22T20:30:00-05:00", " 2026-11-23T09:30 ",
                 "2026/11/23 09:30"]
    for text in texts {
        #expect(Timestamp(parsing: text, defaultOffset: .china) == morning, "\(text)")
    }
}

@Test func parsingWithoutOffsetUsesTheDefaultOffset() {
    #expect(Timestamp(parsing: "2026-11-23T01:30", defaultOffset: .utc) == morning)
    #expect(Timestamp(parsing: "2026-11-23T09:30", defaultOffset: .utc) == morning.adding(seconds: 8 * 3600))
}

@Test func bareDateParsesAsLocalMidnight() {
    #expect(Timestamp(parsing: "2026-11-23", defaultOffset: .china) == Timestamp(date: nov23, offset: .china))
    #expect(Timestamp(parsing: "2026-11-23", defaultOffset: .china)?.clockText(in: .china, seconds: true) == "00:00:00")
}

@Test func parsingRejectsBadClocksDatesAndOffsets() {
    for text in ["2026-11-23T24:00", "2026-11-23T09:60", "2026-11-23T09:30:60", "2026-11-23T9:30",
                 "2026-11-23T09", "2026-11-23T09:30:00:00", "2026-02-30T09:30", "2026-11-23T09:30+8",
                 "2026-11-23T09:30+15:00", "nonsense", ""] {
        #expect(Timestamp(parsing: text, defaultOffset: .china) == nil, "\(text)")
    }
}

@Test func parsingRejectsSignedClockParts() {
    // The last sign starts the offset; an earlier one must not pass as part of the clock.
    for text in ["2026-11-23T+9:30+08:00", "2026-11-23T09:+3+08:00", "2026-11-23T09:30:+5Z"] {
        #expect(Timestamp(parsing: text, defaultOffset: .china) == nil, "\(text)")
    }
}

@Test func secondsParseWhenGiven() {
    #expect(Timestamp(parsing: "2026-11-23T09:30:45", defaultOffset: .china) == morning.adding(seconds: 45))
}

@Test func dateAndClockDependOnTheOffset() {
    let lateUTC = Timestamp(parsing: "2026-11-23T17:00:00Z", defaultOffset: .utc)!
    #expect(lateUTC.date(in: .utc).description == "2026-11-23")
    #expect(lateUTC.date(in: .china).description == "2026-11-24")
    #expect(lateUTC.clockText(in: .china, seconds: false) == "01:00")
    #expect(morning.date(in: minus5).description == "2026-11-22")
}

@Test func instantsBeforeEpochUseFloorDivision() {
    let t = Timestamp(secondsSince1970: -1)
    #expect(t.date(in: .utc).description == "1969-12-31")
    #expect(t.secondOfDay(in: .utc) == 86_399)
    #expect(t.clockText(in: .utc, seconds: true) == "23:59:59")
    #expect(Timestamp(secondsSince1970: -86_400).date(in: .utc).description == "1969-12-31")
    #expect(Timestamp(secondsSince1970: -86_401).date(in: .utc).description == "1969-12-30")
}

@Test func iso8601AndDisplayFormats() {
    #expect(morning.iso8601(in: .china) == "2026-11-23T09:30:00+08:00")
    #expect(morning.iso8601(in: .utc) == "2026-11-23T01:30:00+00:00")
    #expect(morning.iso8601(in: minus5) == "2026-11-22T20:30:00-05:00")
    #expect(morning.display(in: .china) == "2026-11-23 09:30")
    #expect(morning.adding(seconds: 5).clockText(in: .china, seconds: true) == "09:30:05")
    #expect(morning.secondOfDay(in: .china) == 9 * 3600 + 30 * 60)
}

@Test func iso8601OutputParsesBackToTheSameInstant() {
    for offset in [UTCOffset.china, .utc, minus5, UTCOffset(seconds: 5 * 3600 + 45 * 60)] {
        let t = morning.adding(seconds: 12_345)
        #expect(Timestamp(parsing: t.iso8601(in: offset), defaultOffset: .utc) == t, "\(offset)")
    }
}

@Test func timestampsOrderByInstant() {
    #expect(morning < morning.adding(seconds: 1))
    #expect(!(morning < morning))
    #expect(FixedClock(morning).now() == morning)
}

@Test func utcOffsetParsesCommonSpellings() {
    #expect(UTCOffset(parsing: "+08:00") == .china)
    #expect(UTCOffset(parsing: "+0800") == .china)
    #expect(UTCOffset(parsing: "Z") == .utc)
    #expect(UTCOffset(parsing: "-05:30")?.seconds == -(5 * 3600 + 30 * 60))
    #expect(UTCOffset(parsing: "+14:00")?.seconds == 14 * 3600)
}

@Test func utcOffsetRejectsMalformedOrOutOfRange() {
    for text in ["08:00", "+8", "+8:00", "+15:00", "+08:60", "+08:0a", "", "z", "+08:00:00"] {
        #expect(UTCOffset(parsing: text) == nil, "\(text)")
    }
}

@Test func utcOffsetDescriptionIsSignedHoursAndMinutes() {
    #expect(UTCOffset.china.description == "+08:00")
    #expect(UTCOffset.utc.description == "+00:00")
    #expect(UTCOffset(seconds: -1800).description == "-00:30")
    #expect(UTCOffset(seconds: 5 * 3600 + 45 * 60).description == "+05:45")
}

/// The quick look at the end scalars trims what the character-by-character reading trims: texts of
/// letters, ideographs, every kind of space, line breaks (CR LF too), combining marks, a prepended
/// mark, a joiner and an emoji.
@Test func trimmingWhitespaceAgreesWithTheCharacterByCharacterReading() async {
    let pieces = Gen<String?>.element(of: ["a", "Z", "7", "-", "王", "明", "\u{9FFF}", "\u{4E00}", " ", "\t", "\n", "\r\n", "\r",
                                              "\u{3000}", "\u{00A0}", "\u{2028}", "\u{0085}", "e\u{0301}", " \u{0301}", "\u{0600}1",
                                              "\u{200D}", "👍🏽", "\u{FEFF}", "\u{1F}"] as [String]).map { $0 ?? " " }
    await propertyCheck(count: 3000, input: pieces.array(of: 0...6)) { parts in
        // Pieces glued together may join into other characters (" " and "\u{0301}"): the point.
        let text = parts.joined()
        #expect(text.trimmingWhitespace() == text.trimmingWhitespaceByCharacter(), "\(text.unicodeScalars.map { $0.value })")
    }
}

@Test func trimmingWhitespaceAlsoRemovesIdeographicSpace() {
    #expect("\u{3000} 王小明\t\n\u{3000}".trimmingWhitespace() == "王小明")
    #expect("王 小明".trimmingWhitespace() == "王 小明")
    #expect(" \u{3000}\n".trimmingWhitespace() == "")
    #expect("".trimmingWhitespace() == "")
}
