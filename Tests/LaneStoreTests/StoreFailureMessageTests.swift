import Testing
@testable import LaneStore
import LaneCore

/// A damaged row is a StoreFailure with a message code, read in the reader's language.
@Test func aDamagedHistoryRowIsAStoreFailureWithACode() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let v = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    try store.write { tx throws in
        try tx.appendEvent(vehicleID: v.id, kind: .mileage, visitKind: nil, on: day("2025-01-01"), mileage: 500,
                           said: Message("vehicle.event.odometer"), at: testNow, by: "a")
    }
    try store.unsafeExecute("UPDATE vehicle_event SET kind = 'teleported'")
    do {
        _ = try store.read { try $0.events(vehicleID: v.id) }
        Issue.record("expected a StoreFailure")
    } catch let failure as StoreFailure {
        #expect(failure.said.code == "store.damaged.vehicle_event")
        #expect(MessageCatalog.english.render(failure.said).contains("is damaged"))
        #expect(MessageCatalog.chinese.render(failure.said).contains("车辆档案记录") && MessageCatalog.chinese.render(failure.said).contains("已损坏"))
    }
}

/// v30: a history row keeps its message beside the words as written; a row without one reads as written.
@Test func historyRowsKeepTheirMessage() throws {
    let store = try makeStore()
    let owner = try addCustomer(store, "王小明", "13800138000")
    let v = try addVehicle(store, owner: owner, vin: vin1, plate: "粤B12345")
    try store.write { tx throws in
        try tx.appendEvent(vehicleID: v.id, kind: .mileage, visitKind: nil, on: day("2025-01-01"), mileage: 500,
                           said: Message("vehicle.event.check_in", ["number": .text("RO-20250101-0001")]), at: testNow, by: "a")
        try tx.appendEvent(vehicleID: v.id, kind: .edit, visitKind: nil, on: day("2025-01-02"), mileage: nil,
                           detail: "written before v30", at: testNow, by: "a")
    }
    let events = try store.read { try $0.events(vehicleID: v.id) }
    #expect(events.map(\.message) == [Message("vehicle.event.check_in", ["number": .text("RO-20250101-0001")]), nil])
    #expect(MessageCatalog.chinese.render(events[0].message!) == "接车 RO-20250101-0001")
    #expect(events[1].text == "written before v30")
}
