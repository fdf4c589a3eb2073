import Testing
@testable import LaneCore

private let today = CalendarDate(year: 2026, month: 11, day: 23)!

private func day(_ text: String) -> CalendarDate {
    guard let d = CalendarDate(parsing: text) else { fatalError("\(text) is not a date") }
    return d
}

private func reading(_ on: String, _ km: Int) -> MileageReading { MileageReading(on: day(on), km: km) }

private func validate(vin: String? = "LXHCB1A24T0000017", plate: String? = "粤B12345", model: String? = "星河 S5 1.5T",
                      sold: String? = "2024-05-01", mileage: String? = nil) -> Result<VehicleFields, Refusal> {
    VehicleFields.validate(vin: vin, plate: plate, model: model, sold: sold, mileage: mileage, today: today)
}

private func refusal(_ result: Result<VehicleFields, Refusal>) -> Refusal? {
    if case .failure(let r) = result { return r }
    return nil
}

// MARK: VehicleFields

@Test func validVehicleFieldsAreNormalised() throws {
    let f = try validate(vin: "lxhcb1a24t0000017", plate: "粤b 12345", model: "  星河 S5 1.5T ", sold: " 2024/5/1 ", mileage: "12,345 km").get()
    #expect(f.vin.value == "LXHCB1A24T0000017")
    #expect(f.plate.value == "粤B12345")
    #expect(f.model == "星河 S5 1.5T")
    #expect(f.soldOn == day("2024-05-01"))
    #expect(f.mileage == 12_345)
}

@Test func mileageIsOptionalAndDefaultsToZero() throws {
    #expect(try validate(mileage: nil).get().mileage == 0)
}

@Test func everyMissingRequiredFieldIsReported() {
    let r = refusal(VehicleFields.validate(vin: nil, plate: nil, model: nil, sold: nil, mileage: nil, today: today))
    #expect(r?.summary == "the vehicle cannot be registered")
    #expect(r?.problems.map(\.field) == ["vin", "plate", "model", "sold"])
}

@Test func vehicleFieldsValidateCollectsEveryProblem() {
    let r = refusal(validate(vin: "LXHCB1A25T0000017", plate: "中B12345", model: "   ", sold: "2026-12-01", mileage: "-5"))
    #expect(r?.problems.map(\.field) == ["vin", "plate", "model", "sold", "mileage"])
    #expect(r?.problems[0].message == VIN.Invalid.checkDigit(expected: "4", found: "5").message)
    #expect(r?.problems[2].message == "the model is empty")
    #expect(r?.problems[3].message == "2026-12-01 is in the future (today is 2026-11-23)")
}

@Test func oneBadFieldIsEnoughToRefuseTheVehicle() {
    #expect(refusal(validate(vin: "LXHCB1A24T000001"))?.problems.map(\.field) == ["vin"])
    #expect(refusal(validate(plate: "粤B1234"))?.problems.map(\.field) == ["plate"])
    #expect(refusal(validate(sold: "2026-02-30"))?.problems.map(\.field) == ["sold"])
    #expect(refusal(validate(mileage: "lots"))?.problems.map(\.field) == ["mileage"])
    #expect(refusal(validate(model: String(repeating: "X", count: 61)))?.problems.map(\.field) == ["model"])
}

@Test func modelUpToSixtyCharactersIsAccepted() {
    #expect(VehicleModel.problem(String(repeating: "X", count: 60)) == nil)
    #expect(VehicleModel.problem(String(repeating: "X", count: 61)) == Problem("model", "at most 60 characters, this one has 61"))
    #expect(VehicleModel.problem("") == Problem("model", "the model is empty"))
}

// MARK: DateRule

@Test func datePastAcceptsTodayAndEarlier() throws {
    #expect(try DateRule.past("2026-11-23", field: "sold", today: today).get() == today)
    #expect(try DateRule.past("2020/1/2", field: "sold", today: today).get() == day("2020-01-02"))
    #expect(try DateRule.past(" 2026-11-22\u{3000}", field: "sold", today: today).get() == day("2026-11-22"))
}

@Test func datePastRefusesTomorrow() {
    guard case .failure(let p) = DateRule.past("2026-11-24", field: "sold", today: today) else {
        Issue.record("a date after today should be refused")
        return
    }
    #expect(p == Problem("sold", "2026-11-24 is in the future (today is 2026-11-23)"))
}

@Test func datePastRefusesNonDatesWithAnExample() {
    guard case .failure(let p) = DateRule.past("last week", field: "on", today: today) else {
        Issue.record("'last week' should be refused")
        return
    }
    #expect(p == Problem("on", "'last week' is not a date; write YYYY-MM-DD, e.g. 2026-11-23"))
}

// MARK: Odometer

@Test func odometerAcceptsCommasAndKmSuffix() throws {
    #expect(try Odometer.parse("0").get() == 0)
    #expect(try Odometer.parse("12345").get() == 12_345)
    #expect(try Odometer.parse("12,345").get() == 12_345)
    #expect(try Odometer.parse("12345km").get() == 12_345)
    #expect(try Odometer.parse(" 12345 KM ").get() == 12_345)
    #expect(try Odometer.parse("2,000,000").get() == Odometer.maximum)
}

@Test func odometerRefusesNegativeFractionalAndTooHighReadings() {
    for text in ["", "-5", "12.5", "2000001", "km", "12 345", "１２３", "1e5", "+5"] {
        #expect((try? Odometer.parse(text).get()) == nil, "\(text)")
    }
    if case .failure(let p) = Odometer.parse("-5", field: "km") {
        #expect(p == Problem("km", "'-5' is not a mileage in whole km (0 to 2000000)"))
    } else {
        Issue.record("-5 should be refused")
    }
}

// MARK: MileageRule

@Test func firstReadingIsAlwaysAccepted() {
    #expect(MileageRule.problem(adding: reading("2026-01-01", 0), to: []) == nil)
}

@Test func increasingReadingsAreAccepted() {
    let history = [reading("2025-01-01", 1_000), reading("2025-06-01", 8_000)]
    #expect(MileageRule.problem(adding: reading("2026-01-01", 15_000), to: history) == nil)
    // Equal to the last reading: the car stood still.
    #expect(MileageRule.problem(adding: reading("2026-01-01", 8_000), to: history) == nil)
    // Between two readings, in date order.
    #expect(MileageRule.problem(adding: reading("2025-03-01", 5_000), to: history) == nil)
}

@Test func mileageNeverGoesBackwardsFromAnEarlierReading() {
    let history = [reading("2025-01-01", 1_000), reading("2025-06-01", 8_000), reading("2025-03-01", 9_000)]
    let p = MileageRule.problem(adding: reading("2026-01-01", 7_000), to: history)
    #expect(p?.field == "mileage")
    // The highest earlier reading is the one named.
    #expect(p?.message == "7000 km on 2026-01-01 is less than the 9000 km recorded on 2025-03-01; mileage never goes backwards")
}

@Test func backdatedReadingMayNotExceedALaterOne() {
    let history = [reading("2025-01-01", 1_000), reading("2025-06-01", 8_000), reading("2025-09-01", 6_000)]
    let p = MileageRule.problem(adding: reading("2025-02-01", 10_000), to: history, field: "km")
    #expect(p?.field == "km")
    // The lowest later reading is the one named.
    #expect(p?.message == "10000 km on 2025-02-01 is more than the 6000 km recorded later, on 2025-09-01; mileage never goes backwards")
}

@Test func readingsOnTheSameDayMayComeInAnyOrder() {
    let history = [reading("2026-01-01", 5_000)]
    #expect(MileageRule.problem(adding: reading("2026-01-01", 4_990), to: history) == nil)
    #expect(MileageRule.problem(adding: reading("2026-01-01", 5_010), to: history) == nil)
}

// MARK: Stored names

@Test func storedEventAndVisitKindNamesAreStable() {
    // These raw values are written to the database; renaming one orphans old rows.
    #expect(VehicleEventKind.allCases.map(\.rawValue) == ["sold", "visit", "mileage", "transfer", "edit"])
    #expect(VisitKind.allCases.map(\.rawValue) == ["first_service", "regular_service", "repair", "accident", "other"])
    #expect(VehicleEventKind.transfer.title == "new owner")
    #expect(VisitKind.firstService.title == "first service 首保")
}
