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
    #expect(VehicleModel.problem(String(repeating: "X", count: 61))?.description == "model: at most 60 characters, this one has 61")
    #expect(VehicleModel.problem("") == Problem("model", Message("vehicle.model_empty")))
    #expect(VehicleModel.problem("")?.message == "the model is empty")
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
    #expect(p.code == "date.in_future")
    #expect(p.description == "sold: 2026-11-24 is in the future (today is 2026-11-23)")
}

@Test func datePastRefusesNonDatesWithAnExample() {
    guard case .failure(let p) = DateRule.past("last week", field: "on", today: today) else {
        Issue.record("'last week' should be refused")
        return
    }
    #expect(p.code == "date.not_a_date")
    #expect(p.description == "on: 'last week' is not a date; write YYYY-MM-DD, e.g. 2026-11-23")
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
        #expect(p.code == "mileage.not_km")
        #expect(p.description == "km: '-5' is not a mileage in whole km (0 to 2000000)")
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

@Test func R2_1_aReadingLowerThanOneTakenEarlierTheSameDayIsRefused() {
    let history = [reading("2026-01-01", 5_000)]
    #expect(MileageRule.problem(adding: reading("2026-01-01", 4_990), to: history)?.code == "mileage.below_earlier")
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

// MARK: Changing a vehicle on the register

private func registered(sold: String = "2026-01-10", mileage: Int = 5_000, on: String = "2026-06-01") throws -> Vehicle {
    Vehicle(id: 7, vin: try VIN.parse("LXHCB1A24T0000017").get(), plate: try LicensePlate.parse("粤B12345").get(), model: "星河 S5",
            ownerID: 2, soldOn: day(sold), mileage: mileage, mileageRecordedOn: day(on), createdAt: Timestamp(secondsSince1970: 0))
}

private func event(_ kind: VehicleEventKind, _ on: String) -> VehicleEvent {
    VehicleEvent(id: 1, vehicleID: 7, kind: kind, visitKind: nil, occurredOn: day(on), mileage: nil, detail: "", recordedAt: Timestamp(secondsSince1970: 0),
                 recordedBy: "薛淑芬")
}

@Test func anEditIsReadWithEveryProblemOfWhatWasTyped() {
    let (edit, problems) = VehicleEdit.read(plate: "粤Z1", model: " 星河 S5 Pro ", sold: "2026-12-01", mileage: nil, on: "2026-11-01", today: today)
    #expect(edit.model == "星河 S5 Pro")
    #expect(edit.plate == nil && edit.soldOn == nil && edit.reading == nil)
    #expect(problems.map(\.code) == ["plate.length", "date.in_future", "vehicle.on_needs_mileage"])
    let reading = VehicleEdit.read(plate: nil, model: nil, sold: nil, mileage: "6,000 km", on: nil, today: today).edit.reading
    #expect(reading == MileageReading(on: today, km: 6_000))
}

@Test func anEditChangesFieldsAndRaisesTheMileage() throws {
    let v = try registered()
    let edit = VehicleEdit(plate: try LicensePlate.parse("粤B54321").get(), model: "星河 S5", soldOn: day("2026-01-05"),
                           reading: MileageReading(on: day("2026-11-20"), km: 9_000))
    let (after, changes, problems) = v.applying(edit, history: [event(.sold, "2026-01-10"), event(.visit, "2026-06-01")],
                                                readings: [reading("2026-06-01", 5_000)])
    #expect(problems.isEmpty)
    // The model did not differ: no change.
    #expect(changes == [FieldChange("plate", before: "粤B12345", after: "粤B54321"), FieldChange("sold", before: "2026-01-10", after: "2026-01-05")])
    #expect(after.mileage == 9_000)
    #expect(after.mileageRecordedOn == day("2026-11-20"))
}

@Test func anEditRefusesASaleAfterTheFirstVisitAndAReadingBeforeTheSale() throws {
    let v = try registered()
    let edit = VehicleEdit(soldOn: day("2026-07-01"), reading: MileageReading(on: day("2026-01-01"), km: 100))
    let problems = v.applying(edit, history: [event(.sold, "2026-01-10"), event(.visit, "2026-06-01")], readings: []).problems
    #expect(problems.map(\.code) == ["vehicle.sold_after_first_event", "vehicle.before_sale"])
    #expect(problems.first?.message == "2026-07-01 is after the first recorded visit or reading (2026-06-01)")
}

@Test func anOlderLowerReadingJoinsTheHistoryOnly() throws {
    var v = try registered()
    v.record(MileageReading(on: day("2026-03-01"), km: 3_000))
    #expect(v.mileage == 5_000)
    #expect(v.mileageRecordedOn == day("2026-06-01"))
}

@Test func aTransferNeedsANewOwnerAndADayAfterTheSale() throws {
    let v = try registered()
    let owner = Customer(id: 2, code: "C0002", name: "卢文博", phone: try MobileNumber.parse("13363270655").get(), address: nil,
                         createdAt: Timestamp(secondsSince1970: 0))
    var other = owner
    other.id = 3
    #expect(v.transferProblems(to: other, on: today).isEmpty)
    #expect(v.transferProblems(to: owner, on: day("2025-12-31")).map(\.description) == [
        "on: 2025-12-31 is before the sale date 2026-01-10", "to: 卢文博 C0002 already owns 粤B12345"])
}

@Test func aVinOrPlateBelongsToOneVehicle() throws {
    let v = try registered()
    let problems = VehicleRegister.duplicateProblems(vin: v.vin, vinHolder: v, plate: v.plate, plateHolder: v)
    #expect(problems.map(\.description) == ["vin: LXHCB1A24T0000017 is already registered, on 粤B12345",
                                            "plate: 粤B12345 is already registered, to VIN LXHCB1A24T0000017"])
    #expect(VehicleRegister.duplicateProblems(vin: v.vin, vinHolder: v, plate: v.plate, plateHolder: v, except: v.id).isEmpty)
}
