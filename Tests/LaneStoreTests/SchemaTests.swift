import Testing
@testable import LaneStore
import LaneCore

/// Every table starts empty but for the first admin account (README: "Who is who").
@Test func migrationsCreateEveryTableEmpty() throws {
    let store = try makeStore()
    #expect(try store.tableCounts() == [
        "setting": 0, "customer": 0, "customer_search_key": 0, "vehicle": 0, "vehicle_event": 0,
        "team": 0, "staff": 1, "labor_operation": 0, "part": 0,
        "repair_order": 0, "repair_order_line": 0, "quality_check": 0, "repair_order_event": 0, "stock_movement": 0,
        "reminder_log": 0, "delayed_delivery": 0, "follow_up": 0, "complaint": 0, "appointment": 0, "campaign": 0, "appointment_event": 0, "part_reservation": 0, "audit_log": 0, "audit_anchor": 0, "staff_pin": 0, "plugin_migration": 0, "number_series": 0, "row_seal": 0, "audit_personal": 0, "audit_subject": 0,
        "print_log": 0,
        "plugin_handshake": 0, "plugin_checksum": 0, "plugin_state": 0,
        "reminder_schedule": 0, "reminder_decline_count": 0, "kpi_day": 0, "kpi_day_mark": 0, "follow_up_score_hour": 0,
        "repair_order_payment": 0, "credit_account": 0, "credit_account_entry": 0,
        // Not empty: the one row of the store's versions (v37), the two counts (v45).
        "store_version": 1, "row_count": 2,
    ])
    #expect(store.location == ":memory:")
}

@Test func inMemoryStoresWithTheSameNameAreSeparate() throws {
    let a = try SQLiteStore(inMemoryNamed: "same")
    let b = try SQLiteStore(inMemoryNamed: "same")
    try addCustomer(a, "王小明", "13800138000")
    #expect(try a.read { try $0.customerCount() } == 1)
    #expect(try b.read { try $0.customerCount() } == 0)
}

@Test func tableCountsFollowInserts() throws {
    let store = try makeStore()
    let c = try addCustomer(store, "王小明", "13800138000")
    try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
    let counts = try store.tableCounts()
    #expect(counts["customer"] == 1)
    #expect(counts["vehicle"] == 1)
    #expect(counts["vehicle_event"] == 0)
}

@Test func unsafeExecuteRunsRawSQL() throws {
    let store = try makeStore()
    try store.unsafeExecute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    #expect(try store.read { try $0.settingValues() } == ["x": "y"])
}

@Test func rawSQLErrorsFromReadAndWriteBecomeStoreFailures() throws {
    let store = try makeStore()
    // A vehicle row whose owner does not exist: foreign keys are enforced.
    let fields = try vehicleFields(vin: vin1, plate: "粤B12345")
    let message = storeFailureMessage {
        _ = try store.write { tx throws in try tx.insertVehicle(fields, ownerID: 999, at: testNow) }
    }
    #expect(message == "FOREIGN KEY constraint failed")
    #expect(try store.tableCounts()["vehicle"] == 0)
}

@Test func anOrderRowsColumnsAreReadWhereTheSelectPutsThem() {
    let selected = RepairOrderColumns.selectColumns.split(separator: ",").map { String($0).trimmingWhitespace() }
    #expect(SQLiteTransaction.OrderColumn.allCases.map { "\($0)" } == selected)
}
