import Testing
@testable import LaneCore

@Test func moneyDescriptionGroupsThousandsWithTwoDecimals() {
    #expect(Money(fen: 128_050).description == "¥1,280.50")
    #expect(Money(fen: 5).description == "¥0.05")
    #expect(Money(fen: 100).description == "¥1.00")
    #expect(Money(fen: 99_999).description == "¥999.99")
    #expect(Money(fen: 100_000).description == "¥1,000.00")
    #expect(Money(fen: 123_456_789_00).description == "¥123,456,789.00")
    #expect(Money(fen: 100_000_000).description == "¥1,000,000.00")
}

@Test func zeroIsShownAsZeroYuan() {
    #expect(Money.zero.description == "¥0.00")
    #expect(Money.zero.fen == 0)
    #expect(Money.zero.plainYuan == "0.00")
}

@Test func negativeAmountsPutTheSignBeforeTheYuanSign() {
    #expect(Money(fen: -320).description == "-¥3.20")
    #expect(Money(fen: -128_050).description == "-¥1,280.50")
    #expect(Money(fen: -1).description == "-¥0.01")
}

@Test func plainYuanHasNoSymbolOrGrouping() {
    #expect(Money(fen: 128_050).plainYuan == "1280.50")
    #expect(Money(fen: -320).plainYuan == "-3.20")
    #expect(Money(fen: 7).plainYuan == "0.07")
    #expect(Money(fen: 100_000_000).plainYuan == "1000000.00")
}

@Test func parsesYuanAsPeopleAndSpreadsheetsWriteThem() {
    #expect(Money(yuan: "128")?.fen == 12_800)
    #expect(Money(yuan: "1280.5")?.fen == 128_050)
    #expect(Money(yuan: "1280.50")?.fen == 128_050)
    #expect(Money(yuan: "1,280.50")?.fen == 128_050)
    #expect(Money(yuan: "¥1,280.50")?.fen == 128_050)
    #expect(Money(yuan: "￥128.50")?.fen == 12_850)
    #expect(Money(yuan: " 128.05 ")?.fen == 12_805)
    #expect(Money(yuan: "0")?.fen == 0)
    #expect(Money(yuan: "0.5")?.fen == 50)
}

@Test func negativeYuanParseBeforeTheSymbol() {
    #expect(Money(yuan: "-3.20")?.fen == -320)
    #expect(Money(yuan: "-¥3.20")?.fen == -320)
    #expect(Money(yuan: "¥-3.20") == nil)
    #expect(Money(yuan: "--3.20") == nil)
}

@Test func moreThanTwoDecimalsIsRefusedNotRounded() {
    #expect(Money(yuan: "1280.505") == nil)
    #expect(Money(yuan: "0.001") == nil)
}

@Test func garbageIsNotMoney() {
    for text in ["", "abc", "12a", ".", ".50", "12.", "1.2.3", "1 280", "+5", "¥", "１２８", "12,80.5x", "1e3"] {
        #expect(Money(yuan: text) == nil, "\(text)")
    }
}

@Test func hugeAmountsAreRefusedRatherThanOverflowing() {
    #expect(Money(yuan: "999999999999999.99")?.fen == 99_999_999_999_999_999)
    #expect(Money(yuan: "9999999999999999") == nil)
}

@Test func parsingAndFormattingRoundTrip() {
    for fen: Int64 in [0, 1, 10, 99, 100, 128_050, 100_000_000, -320] {
        #expect(Money(yuan: Money(fen: fen).description)?.fen == fen, "\(fen)")
        #expect(Money(yuan: Money(fen: fen).plainYuan)?.fen == fen, "\(fen)")
    }
}

@Test func moneyArithmeticAndOrderingAreExact() {
    #expect(Money(fen: 10) + Money(fen: 20) == Money(fen: 30))
    #expect(Money(fen: 10) - Money(fen: 25) == Money(fen: -15))
    #expect(Money(fen: -1) < .zero)
    #expect(Money(fen: 99) < Money(fen: 100))
    #expect(!(Money(fen: 100) < Money(fen: 100)))
}

@Test func laborHoursParseUpToTwoDecimals() {
    #expect(LaborHours(parsing: "1")?.hundredths == 100)
    #expect(LaborHours(parsing: "1.2")?.hundredths == 120)
    #expect(LaborHours(parsing: "1.25")?.hundredths == 125)
    #expect(LaborHours(parsing: "0.05")?.hundredths == 5)
    #expect(LaborHours(parsing: " 2.5 ")?.hundredths == 250)
    #expect(LaborHours(parsing: "9999.99")?.hundredths == 999_999)
}

@Test func laborHoursRefuseNegativesExtraDecimalsAndGarbage() {
    for text in ["", "-1", "1.255", "1.", ".5", "1.2.3", "abc", "10000", "1,5", "+1"] {
        #expect(LaborHours(parsing: text) == nil, "\(text)")
    }
}

@Test func laborHoursDescriptionDropsOnlyTrailingZeros() {
    #expect(LaborHours(hundredths: 100).description == "1.0")
    #expect(LaborHours(hundredths: 0).description == "0.0")
    #expect(LaborHours(hundredths: 120).description == "1.2")
    #expect(LaborHours(hundredths: 125).description == "1.25")
    #expect(LaborHours(hundredths: 105).description == "1.05")
    #expect(LaborHours(hundredths: 5).description == "0.05")
}

@Test func laborHoursRoundTripAndOrder() {
    for h in [0, 5, 50, 100, 105, 125, 1_234] {
        #expect(LaborHours(parsing: LaborHours(hundredths: h).description)?.hundredths == h, "\(h)")
    }
    #expect(LaborHours(hundredths: 99) < LaborHours(hundredths: 100))
}

@Test func thousandsSeparatorsMustGroupByThree() {
    #expect(Money(yuan: "12,345,678.90")?.fen == 1_234_567_890)
    #expect(Money(yuan: "1,2,3") == nil)
    #expect(Money(yuan: "12,34.00") == nil)
    #expect(Money(yuan: ",128") == nil)
    #expect(Money(yuan: "1280,") == nil)
}

@Test func hoursAtARateRoundHalfUpToTheFen() {
    // 1.25 h × ¥280.00 = ¥350.00; 0.33 h × ¥1.55 = 51.15 fen → 51 fen; 0.5 h × ¥0.01 = 0.5 fen → 1 fen.
    #expect(LaborHours(hundredths: 125).price(at: Money(fen: 28_000)) == Money(fen: 35_000))
    #expect(LaborHours(hundredths: 33).price(at: Money(fen: 155)) == Money(fen: 51))
    #expect(LaborHours(hundredths: 50).price(at: Money(fen: 1)) == Money(fen: 1))
}
