import Testing
@testable import LaneCore

private func time(_ text: String) -> TimeOfDay {
    guard let t = TimeOfDay(parsing: text) else { fatalError("\(text) is not a time") }
    return t
}

private func range(_ text: String) -> TimeRange {
    guard let r = TimeRange(parsing: text) else { fatalError("\(text) is not a range") }
    return r
}

private func dictionary(_ pairs: [(String, String)]) -> [String: String] {
    Dictionary(pairs, uniquingKeysWith: { _, last in last })
}

private func refusal(_ values: [String: String]) -> Refusal? {
    if case .failure(let r) = StoreSettings.from(keyValues: values) { return r }
    return nil
}

// MARK: TimeOfDay and TimeRange

@Test func timeOfDayParsesHoursAndMinutes() {
    #expect(TimeOfDay(parsing: "08:00")?.minutes == 480)
    #expect(TimeOfDay(parsing: "8:30")?.minutes == 510)
    #expect(TimeOfDay(parsing: "00:00")?.minutes == 0)
    #expect(TimeOfDay(parsing: "23:59")?.minutes == 1439)
    #expect(TimeOfDay(parsing: " 24:00 ")?.minutes == 1440)
}

@Test func timeOfDayRefusesImpossibleOrMisshapenTimes() {
    for text in ["24:01", "25:00", "08:60", "08:5", "0800", "8", "08:00:00", "", "ab:cd", "-1:00"] {
        #expect(TimeOfDay(parsing: text) == nil, "\(text)")
    }
}

@Test func timeOfDayRefusesSignedHoursOrMinutes() {
    // Int("+8") is 8, but a sign is not part of a clock time.
    for text in ["+8:30", "08:+5", "-0:30"] {
        #expect(TimeOfDay(parsing: text) == nil, "\(text)")
    }
}

@Test func timeOfDayDescriptionIsZeroPadded() {
    #expect(TimeOfDay(minutes: 510).description == "08:30")
    #expect(TimeOfDay(minutes: 0).description == "00:00")
    #expect(TimeOfDay(minutes: 1440).description == "24:00")
}

@Test func timeRangeIncludesStartAndExcludesEnd() {
    let r = range("08:30-10:30")
    #expect(r.start == time("08:30"))
    #expect(r.end == time("10:30"))
    #expect(r.contains(time("08:30")))
    #expect(r.contains(time("10:29")))
    #expect(!r.contains(time("10:30")))
    #expect(!r.contains(time("08:29")))
    #expect(r.description == "08:30-10:30")
}

@Test func timeRangeMustEndAfterItStarts() {
    #expect(TimeRange(parsing: "10:30-08:30") == nil)
    #expect(TimeRange(parsing: "10:30-10:30") == nil)
    #expect(TimeRange(parsing: "10:30") == nil)
    #expect(TimeRange(parsing: "08:00-09:00-10:00") == nil)
    #expect(TimeRange(parsing: "8:00-24:00")?.end.minutes == 1440)
}

// MARK: keyValues round trip

@Test func standardSettingsRoundTripThroughKeyValues() throws {
    let values = dictionary(StoreSettings.standard.keyValues)
    #expect(try StoreSettings.from(keyValues: values).get() == .standard)
}

@Test func customSettingsRoundTripThroughKeyValues() throws {
    let s = StoreSettings(name: "广州星河汽车服务中心", code: "GZ01", utcOffset: UTCOffset(seconds: -5 * 3600 - 1800),
                          laborRate: Money(fen: 32_050), vatBasisPoints: 600, opens: time("07:30"), closes: time("24:00"),
                          peakHours: [range("08:00-10:00"), range("17:30-19:00")], bays: 12)
    #expect(try StoreSettings.from(keyValues: dictionary(s.keyValues)).get() == s)
}

@Test func noPeakHoursRoundTripsAsEmpty() throws {
    var s = StoreSettings.standard
    s.peakHours = []
    let values = dictionary(s.keyValues)
    #expect(values["hours.peak"] == "")
    #expect(try StoreSettings.from(keyValues: values).get().peakHours == [])
}

@Test func keyValuesUseTheDocumentedKeysAndPlainText() {
    let values = dictionary(StoreSettings.standard.keyValues)
    #expect(values == [
        "store.name": "ServiceLane", "store.code": "LANE", "store.utc_offset": "+08:00",
        "rates.labor_rate_fen": "28000", "rates.vat_basis_points": "1300",
        "hours.open": "08:00", "hours.close": "20:00", "hours.peak": "08:30-10:30", "workshop.bays": "8", "workshop.comeback_days": "30",
        "rates.discount_limit_basis_points": "1000", "store.mode": "live",
        "store.address": "", "store.phone": "", "store.licence": "", "documents.templates": "",
        "quality.assembly_km": "20000", "quality.assembly_days": "100", "quality.second_level_km": "5000",
        "quality.second_level_days": "30", "quality.minor_km": "2000", "quality.minor_days": "10",
        "quality.assembly_operations": "[]", "quality.second_level_operations": "[]",
        "store.language": "zh-Hans", "store.plate_prefix": "",
        "first_service.free_package": "[]", "insurance.insurers": "[]",
    ])
}

@Test func missingKeysKeepTheStandardValues() throws {
    #expect(try StoreSettings.from(keyValues: [:]).get() == .standard)
    let s = try StoreSettings.from(keyValues: ["store.name": "星河", "workshop.bays": "3"]).get()
    #expect(s.name == "星河")
    #expect(s.bays == 3)
    #expect(s.laborRate == StoreSettings.standard.laborRate)
    #expect(s.opens == StoreSettings.standard.opens)
}

@Test func peakHoursMayBeSpacedAfterCommas() throws {
    let s = try StoreSettings.from(keyValues: ["hours.peak": "08:30-10:30, 17:00-18:30"]).get()
    #expect(s.peakHours == [range("08:30-10:30"), range("17:00-18:30")])
}

// MARK: from(keyValues:) errors

@Test func everyMalformedSettingIsReportedByKey() {
    let r = refusal([
        "store.name": "", "store.code": "", "store.utc_offset": "Beijing",
        "rates.labor_rate_fen": "280.00", "rates.vat_basis_points": "13%",
        "hours.open": "8am", "hours.close": "8pm", "hours.peak": "08:30-10:30,lunch", "workshop.bays": "many",
    ])
    #expect(r?.summary == "the store settings are not valid")
    #expect(Set(r?.problems.map(\.field) ?? []) == [
        "store.name", "store.code", "store.utc_offset", "rates.labor_rate_fen", "rates.vat_basis_points",
        "hours.open", "hours.close", "hours.peak", "workshop.bays",
    ])
    #expect(r?.problems.first(where: { $0.field == "store.utc_offset" })?.message == "'Beijing' is not an offset like +08:00")
}

@Test func outOfRangeNumbersAreRefused() {
    #expect(refusal(["rates.labor_rate_fen": "-1"])?.problems.map(\.field) == ["rates.labor_rate_fen"])
    #expect(refusal(["rates.vat_basis_points": "10001"])?.problems.map(\.field) == ["rates.vat_basis_points"])
    #expect(refusal(["rates.vat_basis_points": "-1"])?.problems.map(\.field) == ["rates.vat_basis_points"])
    #expect(refusal(["workshop.bays": "0"])?.problems.map(\.field) == ["workshop.bays"])
    #expect(refusal(["rates.vat_basis_points": "0", "rates.labor_rate_fen": "0", "workshop.bays": "1"]) == nil)
    #expect(refusal(["rates.vat_basis_points": "10000"]) == nil)
}

@Test func storeMustOpenBeforeItCloses() {
    let r = refusal(["hours.open": "20:00", "hours.close": "08:00"])
    #expect(r?.codes == ["settings.not_valid", "settings.opens_after_closing"])
    #expect(r?.problems.map(\.description) == ["hours: the store must open (20:00) before it closes (08:00)"])
    #expect(refusal(["hours.open": "09:00", "hours.close": "09:00"])?.problems.map(\.field) == ["hours"])
    // Against the standard closing time when only the opening is given.
    #expect(refusal(["hours.open": "21:00"])?.problems.map(\.field) == ["hours"])
}

@Test func oneBadPeakRangeRefusesThemAll() {
    #expect(refusal(["hours.peak": "08:30-10:30,10:30-09:00"])?.problems.first?.message
            == "'08:30-10:30,10:30-09:00' is not time ranges like 08:30-10:30")
}
