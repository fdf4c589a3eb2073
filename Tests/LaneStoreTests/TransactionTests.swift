import Testing
@testable import LaneStore
import LaneCore

@Test func writeReturnsTheBodysValueAndCommits() throws {
    let store = try makeStore()
    let fields = try customerFields("王小明", "13800138000")
    let c = try store.write { tx throws in try tx.insertCustomer(number: 1, fields: fields, at: testNow) }
    #expect(try store.read { try $0.customer(id: c.id) } == c)
}

@Test func aWriteThatThrowsRollsBackEverything() throws {
    let store = try makeStore()
    try addCustomer(store, "李四", "13900139000")
    let before = try store.tableCounts()
    let snapshot = try store.snapshot()
    let customer = try customerFields("王小明", "13800138000")
    let car = try vehicleFields(vin: vin1, plate: "粤B12345")
    #expect(throws: Boom.self) {
        try store.write { tx throws in
            let c = try tx.insertCustomer(number: 2, fields: customer, at: testNow)
            let v = try tx.insertVehicle(car, ownerID: c.id, at: testNow)
            try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: car.soldOn, mileage: 0, detail: "", at: testNow, by: "a")
            try tx.saveSettings(.standard)
            try tx.insertTeam(WorkshopTeam(name: "机修一组", skills: [.mechanical]))
            // Inside the transaction the rows are visible...
            #expect(try tx.customerCount() == 2)
            #expect(try tx.vehicle(vin: vin1) != nil)
            throw Boom()
        }
    }
    // ...and afterwards nothing of it is left.
    #expect(try store.tableCounts() == before)
    #expect(try store.snapshot() == snapshot)
}

@Test func aStoreFailureHalfwayRollsBackTheEarlierInserts() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "李四", "13900139000")
    try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    let before = try store.tableCounts()
    let customer = try customerFields("王小明", "13800138000")
    let clash = try vehicleFields(vin: vin2, plate: "粤B12345")
    let message = storeFailureMessage {
        try store.write { tx throws in
            let c = try tx.insertCustomer(number: 2, fields: customer, at: testNow)
            _ = try tx.insertVehicle(clash, ownerID: c.id, at: testNow)
        }
    }
    #expect(message == "UNIQUE constraint failed: vehicle.plate")
    #expect(try store.tableCounts() == before)
    #expect(try store.read { try $0.customers(named: "王小明") }.isEmpty)
}

@Test func errorsOtherThanDatabaseErrorsPassThroughUnchanged() throws {
    let store = try makeStore()
    #expect(throws: Boom()) { try store.write { _ in throw Boom() } }
    #expect(throws: Boom()) { try store.read { _ in throw Boom() } }
    #expect(throws: Refusal.self) {
        try store.write { _ in try Refusal.check("refused", [Problem("x", "y")]) }
    }
}

@Test func aSuccessfulWriteAfterAFailedOneIsKept() throws {
    let store = try makeStore()
    #expect(throws: Boom.self) {
        try store.write { tx throws in
            _ = try tx.insertCustomer(number: 1, fields: try customerFields("王小明", "13800138000"), at: testNow)
            throw Boom()
        }
    }
    let c = try addCustomer(store, "李四", "13900139000")
    // The rolled-back number is free again.
    #expect(c.code == "C0001")
    #expect(try store.tableCounts()["customer"] == 1)
}
