import Testing
@testable import LaneStore
import LaneCore

@Test func insertedVehicleIsFoundByIdPlateAndVIN() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let v = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345", sold: "2024-05-01", mileage: "120")
    #expect(v.ownerID == owner.id)
    #expect(v.soldOn == day("2024-05-01"))
    #expect(v.mileage == 120)
    // The first mileage on record is the one at sale.
    #expect(v.mileageRecordedOn == day("2024-05-01"))
    try store.read { tx throws in
        #expect(try tx.vehicle(id: v.id) == v)
        #expect(try tx.vehicle(plate: "粤B12345") == v)
        #expect(try tx.vehicle(vin: vin1) == v)
        #expect(try tx.vehicle(plate: "粤B54321") == nil)
        #expect(try tx.vehicle(vin: vin2) == nil)
        #expect(try tx.vehicleCount() == 1)
    }
}

@Test func newEnergyPlateSurvivesTheRoundTrip() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    try addVehicle(store, owner: owner, vin: vin1, plate: "粤BD12345")
    let found = try store.read { try $0.vehicle(plate: "粤BD12345") }
    #expect(found?.plate.isNewEnergy == true)
}

@Test func vehiclesByOwnerAreOrderedByPlate() throws {
    let store = try makeStore()
    let wang = try addCustomer(store, "王小明", "13800138000")
    let li = try addCustomer(store, "李四", "13900139000")
    try addVehicle(store, owner: wang, vin: vin1, plate: "粤B99999")
    try addVehicle(store, owner: li, vin: vin2, plate: "粤B22222")
    try addVehicle(store, owner: wang, vin: vin3, plate: "粤A11111")
    try store.read { tx throws in
        #expect(try tx.vehicles(ownerID: wang.id).map(\.plate.value) == ["粤A11111", "粤B99999"])
        #expect(try tx.vehicles(ownerID: li.id).map(\.plate.value) == ["粤B22222"])
        #expect(try tx.vehicles(ownerID: 999).isEmpty)
    }
}

@Test func vehiclesByPlatePrefixAndPages() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    try addVehicle(store, owner: owner, vin: vin2, plate: "粤A00001")
    try addVehicle(store, owner: owner, vin: vin3, plate: "粤B1000D")
    try addVehicle(store, owner: owner, vin: vin4, plate: "京B12345")
    try store.read { tx throws in
        #expect(try tx.vehicles(platePrefix: "粤B1", limit: 10).map(\.plate.value) == ["粤B1000D", "粤B12345"])
        #expect(try tx.vehicles(platePrefix: "粤", limit: 10).count == 3)
        #expect(try tx.vehicles(platePrefix: "粤", limit: 2).map(\.plate.value) == ["粤A00001", "粤B1000D"])
        #expect(try tx.vehicles(platePrefix: "沪", limit: 10).isEmpty)
        #expect(try tx.vehicles(limit: 3, offset: 1).count == 3)
        #expect(try tx.vehicles(limit: 10, offset: 0).map(\.vin.value).sorted() == [vin1, vin2, vin3, vin4].sorted())
    }
}

@Test func duplicateVINIsAStoreFailureNamingTheColumn() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    let message = storeFailureMessage { try addVehicle(store, owner: owner, vin: vin1, plate: "粤B54321") }
    #expect(message == "UNIQUE constraint failed: vehicle.vin")
    #expect(try store.read { try $0.vehicleCount() } == 1)
}

@Test func duplicatePlateIsAStoreFailureNamingTheColumn() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    let message = storeFailureMessage { try addVehicle(store, owner: owner, vin: vin2, plate: "粤B12345") }
    #expect(message == "UNIQUE constraint failed: vehicle.plate")
    #expect(try store.read { try $0.vehicle(vin: vin2) } == nil)
}

@Test func updateVehicleTransfersOwnerAndRecordsMileage() throws {
    let store = try makeStore()
    let wang = try addCustomer(store, "王小明", "13800138000")
    let li = try addCustomer(store, "李四", "13900139000")
    var v = try addVehicle(store, owner: wang, vin: vin1, plate: "粤B12345")
    v.ownerID = li.id
    v.mileage = 15_000
    v.mileageRecordedOn = day("2026-11-01")
    v.plate = try LicensePlate.parse("粤B54321").get()
    let changed = v
    try store.write { tx throws in try tx.updateVehicle(changed) }
    try store.read { tx throws in
        #expect(try tx.vehicle(id: v.id) == changed)
        #expect(try tx.vehicles(ownerID: wang.id).isEmpty)
        #expect(try tx.vehicle(plate: "粤B12345") == nil)
        #expect(try tx.vehicle(plate: "粤B54321")?.ownerID == li.id)
    }
}

@Test func negativeMileageIsRefusedByTheSchema() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    var v = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345", mileage: "100")
    v.mileage = -1
    let bad = v
    let message = storeFailureMessage { try store.write { tx throws in try tx.updateVehicle(bad) } }
    #expect(message?.contains("CHECK constraint failed") == true)
    #expect(try store.read { try $0.vehicle(id: bad.id) }?.mileage == 100)
}

@Test func vehicleEventsAreOrderedByDateThenByEntry() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let car = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    let other = try addVehicle(store, owner: owner, vin: vin2, plate: "粤B54321")
    try store.write { tx throws in
        try tx.appendEvent(vehicleID: car.id, kind: .visit, visitKind: .regularService, on: day("2025-06-01"), mileage: 10_000,
                           detail: "second", at: testNow, by: "张顾问")
        try tx.appendEvent(vehicleID: car.id, kind: .sold, visitKind: nil, on: day("2024-05-01"), mileage: 0,
                           detail: "first", at: testNow, by: "system")
        try tx.appendEvent(vehicleID: other.id, kind: .visit, visitKind: .repair, on: day("2025-01-01"), mileage: 500,
                           detail: "other car", at: testNow, by: "张顾问")
        try tx.appendEvent(vehicleID: car.id, kind: .edit, visitKind: nil, on: day("2025-06-01"), mileage: nil,
                           detail: "third", at: testNow, by: "张顾问")
        try tx.appendEvent(vehicleID: car.id, kind: .mileage, visitKind: nil, on: day("2024-12-31"), mileage: 6_000,
                           detail: "between", at: testNow, by: "张顾问")
    }
    try store.read { tx throws in
        let events = try tx.events(vehicleID: car.id)
        #expect(events.map(\.detail) == ["first", "between", "second", "third"])
        #expect(events.allSatisfy { $0.vehicleID == car.id })
        #expect(try tx.events(vehicleID: other.id).map(\.detail) == ["other car"])
        #expect(try tx.events(vehicleID: 999).isEmpty)
    }
}

@Test func vehicleEventFieldsRoundTrip() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let car = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    let appended = try store.write { tx throws in
        try tx.appendEvent(vehicleID: car.id, kind: .visit, visitKind: .firstService, on: day("2024-08-01"), mileage: 5_012,
                           detail: "首保 5000 km", at: testNow.adding(seconds: 60), by: "张顾问")
    }
    let stored = try store.read { try $0.events(vehicleID: car.id) }
    #expect(stored == [appended])
    #expect(stored.first?.visitKind == .firstService)
    #expect(stored.first?.recordedAt == testNow.adding(seconds: 60))
    #expect(stored.first?.recordedBy == "张顾问")
}

@Test func mileageReadingsSkipEventsWithoutMileage() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let car = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    try store.write { tx throws in
        try tx.appendEvent(vehicleID: car.id, kind: .visit, visitKind: .repair, on: day("2025-06-01"), mileage: 9_000,
                           detail: "", at: testNow, by: "a")
        try tx.appendEvent(vehicleID: car.id, kind: .edit, visitKind: nil, on: day("2025-03-01"), mileage: nil,
                           detail: "", at: testNow, by: "a")
        try tx.appendEvent(vehicleID: car.id, kind: .mileage, visitKind: nil, on: day("2025-01-01"), mileage: 4_000,
                           detail: "", at: testNow, by: "a")
    }
    let readings = try store.read { try $0.mileageReadings(vehicleID: car.id) }
    #expect(readings == [MileageReading(on: day("2025-01-01"), km: 4_000), MileageReading(on: day("2025-06-01"), km: 9_000)])
    // What the MileageRule checks against.
    #expect(MileageRule.problem(adding: MileageReading(on: day("2025-07-01"), km: 8_000), to: readings) != nil)
}

@Test func eventForAMissingVehicleIsRefusedByTheSchema() throws {
    let store = try makeStore()
    let message = storeFailureMessage {
        _ = try store.write { tx throws in
            try tx.appendEvent(vehicleID: 42, kind: .visit, visitKind: nil, on: testToday, mileage: nil, detail: "", at: testNow, by: "a")
        }
    }
    #expect(message == "FOREIGN KEY constraint failed")
}

@Test func damagedVehicleRowIsReportedNotCrashed() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let v = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    try store.unsafeExecute("UPDATE vehicle SET sold_on = '2024-02-30' WHERE id = \(v.id)")
    let message = storeFailureMessage { _ = try store.read { try $0.vehicle(id: v.id) } }
    #expect(message == "vehicle \(v.id) has damaged data (VIN, plate or dates)")
}
