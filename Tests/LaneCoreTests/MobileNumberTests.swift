import Testing
@testable import LaneCore

private func mobile(_ text: String) -> String? { try? MobileNumber.parse(text).get().digits }

@Test func elevenDigitNumberStartingOneThreeToNineIsAccepted() throws {
    let m = try MobileNumber.parse("13800138000").get()
    #expect(m.digits == "13800138000")
    #expect(m.description == "13800138000")
    for second in 3...9 {
        #expect(mobile("1\(second)012345678") == "1\(second)012345678")
    }
}

@Test func secondDigitBelowThreeIsRefused() {
    #expect(mobile("12800138000") == nil)
    #expect(mobile("11800138000") == nil)
    #expect(mobile("10800138000") == nil)
}

@Test func mobileNumberMustStartWithOne() {
    #expect(mobile("23800138000") == nil)
    #expect(mobile("02012345678") == nil)
}

@Test func mobileNumberMustHaveElevenDigits() {
    #expect(mobile("1380013800") == nil)
    #expect(mobile("138001380001") == nil)
    #expect(mobile("") == nil)
}

@Test func spacesDashesAndIdeographicSpacesAreIgnored() {
    #expect(mobile("138 0013 8000") == "13800138000")
    #expect(mobile("138-0013-8000") == "13800138000")
    #expect(mobile("138\u{3000}0013\u{3000}8000") == "13800138000")
    #expect(mobile(" 13800138000 ") == "13800138000")
}

@Test func countryCodeIsStripped() {
    #expect(mobile("+86 13800138000") == "13800138000")
    #expect(mobile("+8613800138000") == "13800138000")
    #expect(mobile("+86 138-0013-8000") == "13800138000")
    #expect(mobile("0086 13800138000") == "13800138000")
    // Without + or 00 it is not a country code, so the number is too long.
    #expect(mobile("8613800138000") == nil)
    // Another country's code is not stripped.
    #expect(mobile("+85213800138000") == nil)
}

@Test func lettersAndFullWidthDigitsAreRefused() {
    #expect(mobile("1380013800O") == nil)
    #expect(mobile("１３８００１３８０００") == nil)
    #expect(mobile("(138)00138000") == nil)
}

@Test func refusalNamesTheFieldAndEchoesTheInput() {
    guard case .failure(let p) = MobileNumber.parse("12345") else {
        Issue.record("expected a refusal")
        return
    }
    #expect(p.field == "phone")
    #expect(p.message == "'12345' is not a mainland mobile number (11 digits starting 13-19, e.g. 13800138000)")
}

@Test func maskedNumberShowsFirstThreeAndLastFour() throws {
    #expect(try MobileNumber.parse("13812345678").get().masked == "138****5678")
    #expect(try MobileNumber.parse("+86 199 0000 1234").get().masked == "199****1234")
}

@Test func numbersWrittenDifferentlyAreEqual() throws {
    #expect(try MobileNumber.parse("+86 138-0013-8000").get() == MobileNumber.parse("13800138000").get())
}
