import Testing
@testable import LaneCore

// Valid VINs used below; their 9th characters were computed by the GB 16735
// weights (8 7 6 5 4 3 2 10 _ 9 8 7 6 5 4 3 2, sum mod 11, 10 -> X).
private let valid = "LXHCB1A24T0000017"
private let validWithX = "LSVAU218XN2183294"
private let validISOExample = "1HGCM82633A004352"

private func failure(_ text: String) -> VIN.Invalid? {
    if case .failure(let e) = VIN.parse(text) { return e }
    return nil
}

@Test func knownValidVINsAreAccepted() throws {
    for text in [valid, validWithX, validISOExample, "LFV2A21K8A3000001", "LVSHCAMB9CE000777"] {
        let vin = try VIN.parse(text).get()
        #expect(vin.value == text)
        #expect(vin.description == text)
    }
}

@Test func vinIsUpperCasedAndSpacesAndDashesAreRemoved() throws {
    #expect(try VIN.parse("lxhcb1a24t0000017").get().value == valid)
    #expect(try VIN.parse("LXH CB1A2 4T000 0017").get().value == valid)
    #expect(try VIN.parse("LXHCB1-A24T0-000017").get().value == valid)
    #expect(try VIN.parse("lsvau218xn2183294").get().value == validWithX)
}

@Test func vinMustHaveSeventeenCharacters() {
    #expect(failure("LXHCB1A24T000001") == .length(16))
    #expect(failure("LXHCB1A24T00000170") == .length(18))
    #expect(failure("") == .length(0))
    #expect(failure("LXHCB1A24T000001")?.message == "a VIN has 17 characters, this one has 16")
}

@Test func lengthIsCountedAfterRemovingSpaces() {
    // 16 characters plus a space is still 16.
    #expect(failure("LXHCB1A24 T000001") == .length(16))
}

@Test func vinWithIOrOOrQIsRefusedAndEveryBadCharacterIsNamed() {
    #expect(failure("LXHCB1A24T00000I7") == .forbiddenCharacters(["I"]))
    #expect(failure("LXHCB1A24T0O00Q17") == .forbiddenCharacters(["O", "Q"]))
    // Lower-case i is upper-cased first, and still forbidden.
    #expect(failure("lxhcb1a24t00000i7") == .forbiddenCharacters(["I"]))
    #expect(failure("LXHCB1A24T0O00Q17")?.message
            == "a VIN uses digits and capital letters except I, O and Q; found 'O', 'Q'")
}

@Test func nonASCIICharactersAreForbiddenInAVIN() {
    // Full-width digits have a numeric value but are not what a VIN is written in.
    #expect(failure("LXHCB1A24T000001７") == .forbiddenCharacters(["７"]))
    #expect(failure("LXHCB1A24T00000中7") == .forbiddenCharacters(["中"]))
    #expect(failure("LXHCB1A24T00000*7") == .forbiddenCharacters(["*"]))
}

@Test func vinWithWrongCheckDigitIsRefused() {
    #expect(failure("LXHCB1A25T0000017") == .checkDigit(expected: "4", found: "5"))
    #expect(failure("LSVAU2180N2183294") == .checkDigit(expected: "X", found: "0"))
    #expect(failure("LXHCB1A25T0000017")?.message
            == "the check digit (9th character) is '5' but the other characters give '4': a character was probably mistyped")
}

@Test func checkDigitCatchesATypoOrTranspositionElsewhere() {
    // One character changed in the serial part.
    #expect(failure("LXHCB1A24T0000018") == .checkDigit(expected: "6", found: "4"))
    // The last two characters swapped.
    #expect(failure("LXHCB1A24T0000071") == .checkDigit(expected: "X", found: "4"))
}

@Test func checkDigitIgnoresThe9thCharacterItself() {
    let base = Array(valid)
    var other = base
    other[8] = "X"
    #expect(VIN.checkDigit(for: base) == "4")
    #expect(VIN.checkDigit(for: other) == "4")
    #expect(VIN.checkDigit(for: Array(validWithX)) == "X")
    #expect(VIN.checkDigit(for: Array(validISOExample)) == "3")
}

@Test func transliterationFollowsTheStandardTable() {
    let expected: [Character: Int] = [
        "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
        "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
        "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
        "0": 0, "5": 5, "9": 9,
    ]
    for (ch, value) in expected {
        #expect(VIN.transliteration(ch) == value, "\(ch)")
    }
    for ch: Character in ["I", "O", "Q", "a", "-", "１"] {
        #expect(VIN.transliteration(ch) == nil, "\(ch)")
    }
}
