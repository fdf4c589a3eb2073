import PropertyBased
import Testing
@testable import LaneCore

private func refusal(_ result: Result<CustomerFields, Refusal>) -> Refusal? {
    if case .failure(let r) = result { return r }
    return nil
}

@Test func customerCodeIsZeroPaddedToFourDigits() {
    #expect(Customer.code(number: 1) == "C0001")
    #expect(Customer.code(number: 42) == "C0042")
    #expect(Customer.code(number: 9999) == "C9999")
    #expect(Customer.code(number: 10_000) == "C10000")
}

@Test func looksLikeCodeWantsCAndAtLeastFourDigits() {
    #expect(Customer.looksLikeCode("C0007"))
    #expect(Customer.looksLikeCode("c0007"))
    #expect(Customer.looksLikeCode("C12345"))
    #expect(!Customer.looksLikeCode("C123"))
    #expect(!Customer.looksLikeCode("C00A7"))
    #expect(!Customer.looksLikeCode("D0007"))
    #expect(!Customer.looksLikeCode("王小明"))
    #expect(!Customer.looksLikeCode("C０００７"))
    #expect(!Customer.looksLikeCode(""))
    #expect(!Customer.looksLikeCode("C0007\u{0301}"))
    #expect(!Customer.looksLikeCode("ｃ0007"))
}

/// The rule as characters state it; `looksLikeCode` reads bytes.
private func looksLikeCodeByCharacters(_ text: String) -> Bool {
    let chars = Array(text.uppercased())
    return chars.count >= 5 && chars[0] == "C" && chars.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
}

@Test func looksLikeCodeOnBytesAnswersAsOnCharacters() async {
    let pieces = Gen<Character?>.element(of: ["C", "c", "ｃ", "Ç", "ß", "0", "7", "9", "０", "٣", "²", "A", "\u{0301}", "\r", "\n", "王", " "] as [Character])
        .map { $0 ?? "C" }
    await propertyCheck(count: 1000, input: Gen.frequency((1.0, pieces), (3.0, Gen.character(in: "0"..."9"))).string(of: 0...8)) { text in
        #expect(Customer.looksLikeCode(text) == looksLikeCodeByCharacters(text), "\(text.debugDescription)")
        #expect(Customer.looksLikeCode("C" + text) == looksLikeCodeByCharacters("C" + text), "\(text.debugDescription)")
    }
}

@Test func validCustomerFieldsAreTrimmed() throws {
    let f = try CustomerFields.validate(name: "  王小明\u{3000}", phone: "+86 138 0013 8000", address: " 广州市天河区 ").get()
    #expect(f.name == "王小明")
    #expect(f.phone.digits == "13800138000")
    #expect(f.address == "广州市天河区")
}

@Test func blankOrMissingAddressIsStoredAsNil() throws {
    #expect(try CustomerFields.validate(name: "王芳", phone: "13900139000", address: nil).get().address == nil)
    #expect(try CustomerFields.validate(name: "王芳", phone: "13900139000", address: "  ").get().address == nil)
}

@Test func missingNameAndPhoneAreBothReported() {
    let r = refusal(CustomerFields.validate(name: nil, phone: nil, address: nil))
    #expect(r?.summary == "the customer cannot be saved")
    #expect(r?.problems.map(\.field) == ["name", "phone"])
    #expect(r?.problems.first?.message == "the customer's name is required (--name)")
}

@Test func everyBadCustomerFieldIsReportedAtOnce() {
    let r = refusal(CustomerFields.validate(name: "王2", phone: "12345", address: String(repeating: "路", count: 121)))
    #expect(r?.problems.map(\.field) == ["name", "phone", "address"])
    #expect(r?.problems.last?.message == "at most 120 characters, this one has 121")
}

@Test func addressOfExactly120CharactersIsAccepted() {
    #expect(refusal(CustomerFields.validate(name: "王芳", phone: "13900139000", address: String(repeating: "路", count: 120))) == nil)
}

@Test func oneBadFieldRefusesTheWholeCustomer() {
    #expect(refusal(CustomerFields.validate(name: "王芳", phone: "1390013900", address: nil))?.problems.map(\.field) == ["phone"])
    #expect(refusal(CustomerFields.validate(name: "", phone: "13900139000", address: nil))?.problems.map(\.field) == ["name"])
}

@Test func chineseLatinAndMiddleDotNamesAreAccepted() {
    for name in ["王小明", "欧阳晓峰", "阿卜杜·热合曼", "John Smith", "Zoë O'Neil", String(repeating: "王", count: 40)] {
        #expect(PersonName.problem(name) == nil, "\(name)")
    }
}

@Test func emptyOrBlankNameIsRefused() {
    #expect(PersonName.problem("") == Problem("name", Message("name.empty")))
    #expect(PersonName.problem(" \u{3000} ")?.description == "name: the name is empty")
}

@Test func nameLongerThanFortyCharactersIsRefused() {
    #expect(PersonName.problem(String(repeating: "王", count: 41)) == Problem("name", Message("input.too_long", ["max": .int(40), "count": .int(41)])))
    #expect(PersonName.problem(String(repeating: "王", count: 41))?.message == "at most 40 characters, this one has 41")
    // Counted after trimming.
    #expect(PersonName.problem("  " + String(repeating: "王", count: 40) + "  ") == nil)
}

@Test func namesWithDigitsSymbolsOrControlCharactersAreRefused() {
    #expect(PersonName.problem("王小明2")?.description == "name: a name cannot contain '2'")
    #expect(PersonName.problem("王小明2")?.code == "name.bad_character")
    #expect(PersonName.problem("王@明")?.message == "a name cannot contain '@'")
    #expect(PersonName.problem("王\u{7}明")?.message == "a name cannot contain '\\u{07}'")
    #expect(PersonName.problem("a/b", field: "advisor")?.field == "advisor")
}

// MARK: The register's rules

private let since = Timestamp(secondsSince1970: 1_795_395_600)

private func customer(_ id: Int64, _ name: String, _ phone: String) throws -> Customer {
    Customer(id: id, code: Customer.code(number: Int(id)), name: name, phone: try MobileNumber.parse(phone).get(), address: "广州市天河区", createdAt: since)
}

@Test func theSameNameWithTheSameNumberIsADuplicate() throws {
    let samePhone = [try customer(1, "王芳", "13800138000"), try customer(2, "王小明", "13800138000")]
    let fields = try CustomerFields.validate(name: "王小明", phone: "138 0013 8000", address: nil).get()
    #expect(Customer.duplicate(of: fields, among: samePhone)?.code == "C0002")
    let other = try CustomerFields.validate(name: "李四", phone: "13800138000", address: nil).get()
    #expect(Customer.duplicate(of: other, among: samePhone) == nil)
}

@Test func aChangeSaysEachFieldBeforeAndAfter() throws {
    var c = try customer(1, "王小明", "13800138000")
    let changes = c.change(to: try CustomerFields.validate(name: "王小明", phone: "13900139000", address: nil).get())
    #expect(changes == [FieldChange("phone", before: "13800138000", after: "13900139000"), FieldChange("address", before: "广州市天河区", after: nil)])
    #expect(FieldChange.said(changes).description == "phone 13800138000 → 13900139000; address 广州市天河区 → -")
    #expect(c.phone.digits == "13900139000")
    #expect(c.address == nil)
    #expect(FieldChange.said([]).description == "nothing changed")
}

@Test func erasureWantsTheCodeAgainAndNoOrderStillOpen() throws {
    let c = try customer(2, "卢文博", "13363270655")
    var open = RepairOrder(number: "RO-20261123-0001", vehicleID: 1, customerID: 2, advisor: "薛淑芬", openedAt: since)
    open.status = .inProgress
    var closed = open
    closed.number = "RO-20261001-0001"
    closed.status = .closed
    var someoneElses = open
    someoneElses.customerID = 9
    #expect(c.erasureProblems(confirmation: " c0002 ", orders: [closed, someoneElses]).isEmpty)
    let problems = c.erasureProblems(confirmation: "C0003", orders: [open, closed])
    #expect(problems.map(\.code) == ["customer.confirm_code", "customer.order_still_open"])
    #expect(problems.map(\.description) == ["confirm: type the customer code C0002 again to confirm",
                                            "ro: RO-20261123-0001 is still open (\(RepairOrderStatus.inProgress.title)); close it first"])
}

/// A number or a plate as it is stored is read on its bytes; whatever that takes, the general reading
/// (spaces, dashes, +86, small letters, new-energy shapes) takes too, as the same value.
@Test func aStoredNumberReadOnItsBytesIsWhatTheGeneralReadingMakesOfIt() async {
    let digits = Gen.character(in: "0"..."9")
    let odd = Gen<Character?>.element(of: ["1", "3", "2", "０", "５", "+", "8", "6", " ", "-", "a", "\u{3000}", "١"] as [Character]).map { $0 ?? "1" }
    await propertyCheck(count: 2000, input: Gen.frequency((4.0, digits), (1.0, odd)).string(of: 9...13)) { text in
        for candidate in [text, "1" + text, "13" + text.dropFirst(2)] {
            if MobileNumber.isPlain(candidate) {
                #expect((try? MobileNumber.parseWritten(candidate).get())?.digits == candidate, "\(candidate.debugDescription)")
            }
            #expect((try? MobileNumber.parse(candidate).get()) == (try? MobileNumber.parseWritten(candidate).get()), "\(candidate.debugDescription)")
        }
    }
    #expect(MobileNumber.isPlain("13800138000") && !MobileNumber.isPlain("12800138000") && !MobileNumber.isPlain("1380013800"))
}

@Test func numbersInPlainTextAreFoundScalarByScalarAsCharacterByCharacter() async {
    let pieces = Gen<String?>.element(of: ["138", "0013", "8000", " ", "-", ".", "+86", "(+86)", "（+86）", "0086", "１３８", "０", "RO-", "A",
                                           "2026-11-23", "王", "：", "¥", "→", "\n", "\t", "\r", "\u{0301}", "1", "9"] as [String]).map { $0 ?? "1" }
    let digits = Gen.character(in: "0"..."9").string(of: 1...11)
    await propertyCheck(count: 3000, input: Gen.frequency((3.0, pieces), (2.0, digits)).array(of: 1...12)) { parts in
        let text = parts.joined()
        guard PlainText.isPlain(text) else { return }
        #expect(MobileNumber.occurrences(in: text, byScalar: true) == MobileNumber.occurrences(in: text, byScalar: false), "\(text.debugDescription)")
    }
    let written = "王 13800138000，(+86) 139-0000-0001 与 １３９ ００００ ０００２，RO-20261123-0001"
    #expect(PlainText.isPlain(written) && MobileNumber.occurrences(in: written, byScalar: true).count == 3)
    #expect(MobileNumber.occurrences(in: written, byScalar: true) == MobileNumber.occurrences(in: written, byScalar: false))
}

/// The look at a text's bytes before the scan never passes over a number the scan finds: texts of digit
/// runs, every separator, brackets, country codes, full-width digits and letters, combining marks, CJK.
@Test func aTextThatMayHoldNoNumberHoldsNone() async {
    let pieces = Gen<String?>.element(of: ["138", "0013", "8000", "1", "8", "0", "9", "2", " ", "-", ".", "·", "\u{00A0}", "\u{3000}", "－", "．",
                                           "+86", "(+86)", "（+86）", ")", "）", "0086", "86", "１３８", "０", "９", "Ｂ", "RO-", "A", "2026-11-23",
                                           "王", "：", "¥", "\n", "\u{0301}", "--", "  ", "\u{FF0E}"] as [String]).map { $0 ?? "1" }
    let digits = Gen.character(in: "0"..."9").string(of: 1...12)
    await propertyCheck(count: 5000, input: Gen.frequency((4.0, pieces), (2.0, digits)).array(of: 1...12)) { parts in
        let text = parts.joined()
        if !MobileNumber.occurrences(in: text, byScalar: false).isEmpty {
            #expect(MobileNumber.mayHoldANumber(text), "\(text.debugDescription)")
        }
    }
    // What the workshop is shown: no number, and nothing scanned.
    for text in ["RO-20261123-0001: line 1 clocked on by 夏勇 at 2026-11-23 09:30", "¥1,280.50", "LXHBX3K24TG218960 粤B27DP2"] {
        #expect(!MobileNumber.mayHoldANumber(text), "\(text)")
    }
    for text in ["13800138000", "(+86) 139-0000-0001", "１３９ ００００ ０００２", "0086 138 0013 8000", "8613800138000", "008613800138000"] {
        #expect(MobileNumber.mayHoldANumber(text) && !MobileNumber.occurrences(in: text).isEmpty, "\(text)")
    }
}

@Test func aStoredPlateReadOnItsBytesIsWhatTheGeneralReadingMakesOfIt() async {
    let heads = Gen<Character?>.element(of: ["粤", "京", "沪", "A", "学", "1", "Ｂ"] as [Character]).map { $0 ?? "粤" }
    let plain = Gen<Character?>.element(of: Array("ABDFHIJKOZ0159") as [Character]).map { $0 ?? "A" }
    let odd = Gen<Character?>.element(of: ["学", "警", " ", "-", "·", "b", "o", "\u{0301}", "Ａ", "D", "F"] as [Character]).map { $0 ?? "D" }
    let tails = Gen.frequency((5.0, plain), (1.0, odd), (3.0, Gen.character(in: "0"..."9"))).string(of: 4...9)
    await propertyCheck(count: 3000, input: heads, tails) { head, tail in
        let text = String(head) + tail
        if let fast = LicensePlate.plainReading(text) {
            #expect((try? LicensePlate.parseWritten(text).get()) == fast && fast.value == text, "\(text.debugDescription)")
        }
        #expect((try? LicensePlate.parse(text).get()) == (try? LicensePlate.parseWritten(text).get()), "\(text.debugDescription)")
    }
    for stored in ["粤B27DP2", "湘BAA0673", "粤BD12345", "粤B12345D", "粤B1234F5"] {
        #expect(LicensePlate.plainReading(stored) == (try? LicensePlate.parseWritten(stored).get()), "\(stored)")
    }
    #expect(LicensePlate.plainReading("粤B27DP2")?.isNewEnergy == false && LicensePlate.plainReading("粤BD12345")?.isNewEnergy == true
            && LicensePlate.plainReading("粤B12345D")?.isNewEnergy == true)
    for other in ["粤I27DP2", "粤B27DP2学", "粤b27dp2", "粤212345", "粤B1234F5", "粤BI12345", "粤B 27DP2"] {
        #expect(LicensePlate.plainReading(other) == nil, "\(other)")
    }
}
