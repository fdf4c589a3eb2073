import PropertyBased
import Testing
@testable import LaneCore

private func plate(_ text: String) -> LicensePlate? { try? LicensePlate.parse(text).get() }

private func problem(_ text: String) -> Problem? {
    if case .failure(let p) = LicensePlate.parse(text) { return p }
    return nil
}

@Test func ordinarySevenCharacterPlateIsAccepted() throws {
    let p = try LicensePlate.parse("粤B12345").get()
    #expect(p.value == "粤B12345")
    #expect(p.description == "粤B12345")
    #expect(p.isNewEnergy == false)
    #expect(plate("京A8K9Z2")?.value == "京A8K9Z2")
    #expect(plate("沪CABCDE")?.value == "沪CABCDE")
}

@Test func plateIsUpperCasedAndSeparatorsAreRemoved() {
    #expect(plate("粤b12345")?.value == "粤B12345")
    #expect(plate("粤B·12345")?.value == "粤B12345")
    #expect(plate("粤B 12345")?.value == "粤B12345")
    #expect(plate("粤B-12345")?.value == "粤B12345")
    #expect(plate("粤B\u{3000}12345")?.value == "粤B12345")
    #expect(plate("粤bd12345")?.value == "粤BD12345")
}

@Test func smallNewEnergyPlateHasClassLetterFirst() throws {
    let p = try LicensePlate.parse("粤BD12345").get()
    #expect(p.value == "粤BD12345")
    #expect(p.isNewEnergy)
    // The second character after the class letter may be a letter.
    #expect(plate("粤BDF1234")?.isNewEnergy == true)
    #expect(plate("京AF12345")?.isNewEnergy == true)
    #expect(plate("沪AK12345")?.isNewEnergy == true)
}

@Test func largeNewEnergyPlateEndsInDOrF() throws {
    let p = try LicensePlate.parse("粤B12345D").get()
    #expect(p.isNewEnergy)
    #expect(plate("粤B12345F")?.isNewEnergy == true)
    #expect(plate("粤B12345A") == nil)
}

@Test func newEnergyPlateWithWrongShapeIsRefused() {
    // Class letter not allowed (L is not a new-energy class).
    #expect(plate("粤BL12345") == nil)
    // Small plate: only the first two after the class may include a letter.
    #expect(plate("粤BD1234A") == nil)
    // Large plate: five digits then the class letter.
    #expect(plate("粤B1234AD") == nil)
    #expect(problem("粤BL12345")?.message.hasPrefix("an 8-character new-energy plate is like 粤BD12345") == true)
}

@Test func unknownProvinceIsRefusedAndNamed() {
    #expect(plate("港B12345") == nil)
    #expect(plate("AB12345") == nil)
    let p = problem("中B12345")
    #expect(p?.field == "plate")
    #expect(p?.message == "'中' is not a province abbreviation; " + LicensePlate.formatHelp)
}

@Test func everyProvinceAbbreviationIsAccepted() {
    for province in "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼" {
        #expect(plate("\(province)A12345") != nil, "\(province)")
    }
}

@Test func plateWithWrongLengthIsRefusedWithTheCount() {
    #expect(plate("粤B1234") == nil)
    #expect(plate("粤B1234567") == nil)
    #expect(plate("") == nil)
    #expect(problem("粤B1234")?.message.hasPrefix("'粤B1234' has 6 characters; ") == true)
    #expect(problem("粤B1234567")?.message.hasPrefix("'粤B1234567' has 9 characters; ") == true)
}

@Test func officeLetterMustBeALetterOtherThanIOrO() {
    #expect(plate("粤112345") == nil)
    #expect(plate("粤I12345") == nil)
    #expect(plate("粤O12345") == nil)
    #expect(problem("粤I12345")?.message.hasPrefix("the second character must be the office letter (A-Z without I, O), not 'I'") == true)
}

@Test func lettersIAndOAreRefusedInThePlateBody() {
    #expect(plate("粤B1234I") == nil)
    #expect(plate("粤BO2345") == nil)
    #expect(plate("粤B12#45") == nil)
    #expect(problem("粤B1234O")?.message.hasPrefix("after the office letter only digits and letters without I, O may follow") == true)
    // New-energy plates refuse them too.
    #expect(plate("粤BDI1234") == nil)
}

@Test func ordinaryPlateMayEndInASpecialSuffix() {
    #expect(plate("粤B1234学")?.value == "粤B1234学")
    #expect(plate("粤B1234警") != nil)
    #expect(plate("粤Z1234港") != nil)
    #expect(plate("粤Z1234澳") != nil)
    #expect(plate("粤B1234挂") != nil)
    // Only at the end.
    #expect(plate("粤B学1234") == nil)
    // And not a random Chinese character.
    #expect(plate("粤B1234中") == nil)
}

/// A plate typed whole is read without the store's prefix (finding a car asks for no settings), and the
/// answer is the one the prefix at hand gives, for any text: typed whole, without its province, or not a plate.
@Test func thePrefixIsAskedForOnlyWhenTheProvinceIsLeftOut() async throws {
    let piece = Gen<Character?>.element(of: Array("粤京沪BDF0123456789abz ·-") + ["\u{3000}", "王"]).map { $0 ?? "B" }
    await propertyCheck(count: 500, input: PropertyBased.zip(piece.string(of: 0...9), Gen<String?>.element(of: ["粤B", "京A", "粤", ""]).map { $0 ?? "" })) { input in
        let (text, prefix) = input
        var asked = false
        let lazily = LicensePlate.parse(text, assuming: { asked = true; return prefix })
        // The rule as it was written before the prefix was asked for lazily: complete, else as typed.
        let completed = LicensePlate.completing(text, prefix: prefix).flatMap { try? LicensePlate.parse($0).get() }
        #expect(lazily == completed.map { .success($0) } ?? LicensePlate.parse(text), "\(text) with \(prefix)")
        if let first = text.first, LicensePlate.provinces.contains(first) { #expect(!asked, "\(text): the prefix was asked for") }
    }
    var asked = false
    #expect(try LicensePlate.parse("粤B27DP2", assuming: { asked = true; return "粤B" }).get().value == "粤B27DP2")
    #expect(!asked)
    #expect(try LicensePlate.parse("27DP2", assuming: { asked = true; return "粤B" }).get().value == "粤B27DP2")
    #expect(asked)
}
