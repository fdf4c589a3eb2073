import Testing
@testable import LaneStore
import LaneCore

@Suite struct RepairOrderStoreTests {
    let t0 = Timestamp(secondsSince1970: 1_795_395_600)

    func fullOrder(vehicle: Vehicle) -> RepairOrder {
        var o = RepairOrder(number: "RO-20261123-0001", vehicleID: vehicle.id, customerID: vehicle.ownerID, advisor: "薛淑芬",
                            appointmentID: 7, openedAt: t0)
        o.status = .closed
        o.complaint = "刹车异响"
        o.checkIn = CheckInSheet(mileage: 12_000, fuelEighths: 3, coversFitted: true, damage: "无", valuables: "行车记录仪", equipment: "备胎")
        o.warranty = .pendingDiagnosis
        o.documentsTaken = true
        o.promisedAt = t0.adding(seconds: 7200)
        o.terms = WorkOrderTerms(payment: .alipay, oldParts: .take, wash: true, signedBy: "王小明", signedAt: t0.adding(seconds: 600))
        o.team = "机电一组"
        o.lines = [
            RepairOrderLine(id: 1, kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 120),
                            unitPrice: Money(fen: 28_000), payer: .warranty, origin: .estimate, approval: .approved,
                            workedMinutes: 75, clockedOnAt: nil, clockedOnBy: "夏勇", done: true),
            RepairOrderLine(id: 2, kind: .part, code: "XH-45022-0011", name: "前刹车片(套)", quantity: 1, unitPrice: Money(fen: 42_000),
                            origin: .extra, approval: .approved, safety: true, issued: 1, issuedTo: "夏勇"),
            RepairOrderLine(id: 3, kind: .labor, code: "AC-CLEAN", name: "空调清洗", hours: LaborHours(hundredths: 50),
                            unitPrice: Money(fen: 28_000), origin: .recommended, approval: .refused,
                            clockedOnAt: t0.adding(seconds: 60), clockedOnBy: "白健"),
        ]
        o.checks = [QualityCheck(stage: .selfCheck, passed: true, by: "夏勇", at: t0.adding(seconds: 3000), note: ""),
                    QualityCheck(stage: .final, passed: false, by: "赵子涵", at: t0.adding(seconds: 3600), note: "复检")]
        o.washed = true
        o.agreedDeliveryAt = t0.adding(seconds: 9000)
        o.delivery = DeliveryRecord(nextServiceOn: day("2027-05-23"), nextServiceKm: 17_000, followUpPreference: "晚上",
                                    oldPartsShown: true, at: t0.adding(seconds: 9100))
        o.settlementSignedBy = "王小明"
        o.payment = Payment(method: .card, amount: Money(fen: 47_460), invoiceNumber: "0440", gatePass: "GP-1", by: "莫霞",
                            at: t0.adding(seconds: 9200))
        return o
    }

    @Test func anOrderSurvivesTheRoundTripWithEveryField() throws {
        let store = try makeStore()
        let c = try addCustomer(store, "王小明", "13800138000")
        let v = try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
        let order = fullOrder(vehicle: v)
        let stored = try store.write { try $0.insertRepairOrder(order, openedOn: day("2026-11-23")) }
        var expected = order
        expected.id = stored.id
        #expect(try store.read { try $0.repairOrder(number: "RO-20261123-0001") } == expected)
        #expect(try store.read { try $0.repairOrder(id: stored.id) } == expected)
    }

    @Test func aStoredValueTheOrderCannotHoldIsReportedByItsColumn() throws {
        let store = try makeStore()
        let c = try addCustomer(store, "王小明", "13800138000")
        let v = try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
        _ = try store.write { try $0.insertRepairOrder(fullOrder(vehicle: v), openedOn: day("2026-11-23")) }
        try store.unsafeExecute("UPDATE repair_order SET terms_old_parts = 'sell' WHERE number = 'RO-20261123-0001'")
        let message = storeFailureMessage { _ = try store.read { try $0.repairOrder(number: "RO-20261123-0001") } }
        #expect(message == "repair order RO-20261123-0001 has an unknown terms_old_parts 'sell'")
    }

    /// The figures' own read of a period (`kpiOrders`, `kpiFollowUpCalls`) names a damaged order, line or call as the
    /// whole read does, rather than counting it as something else.
    @Test func theFiguresReadNamesADamagedRowToo() throws {
        let (store, order) = try storeWithOneOrder()
        let d = day("2026-11-23")
        func read() throws {
            _ = try store.read { tx in
                try tx.kpiOrders(openedFrom: d, through: d, orDeliveredFrom: Timestamp(date: d, offset: .china),
                                 to: Timestamp(date: d.adding(days: 1), offset: .china))
            }
        }
        try read()
        try store.unsafeExecute("UPDATE repair_order_line SET payer = 'dealer' WHERE repair_order_id = \(order.id) AND line_no = 2")
        #expect(storeFailureMessage { try read() } == "repair order RO-20261123-0001 has a damaged line 2")
        try store.unsafeExecute("UPDATE repair_order SET status = 'lost' WHERE id = \(order.id)")
        #expect(storeFailureMessage { try read() } == "repair order RO-20261123-0001 has an unknown status 'lost'")
        try store.write { tx in
            try tx.appendFollowUp(FollowUpRecord(orderID: order.id, call: .quality, outcome: .reached, score: 5, comment: "", at: t0, by: "蒋芳"))
        }
        try store.unsafeExecute("UPDATE follow_up SET outcome = 'maybe'")
        #expect(storeFailureMessage { _ = try store.read { try $0.kpiFollowUpCalls(from: t0, to: t0.adding(seconds: 60)) } }
                == "a follow-up row is damaged")
    }

    @Test func savingReplacesLinesAndAppendsChecks() throws {
        let store = try makeStore()
        let c = try addCustomer(store, "王小明", "13800138000")
        let v = try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
        var order = try store.write { try $0.insertRepairOrder(fullOrder(vehicle: v), openedOn: day("2026-11-23")) }
        order.lines.removeLast()
        order.checks.append(QualityCheck(stage: .final, passed: true, by: "赵子涵", at: t0.adding(seconds: 4000), note: ""))
        try store.write { tx in try tx.saveRepairOrder(order, was: try #require(try tx.repairOrder(id: order.id))) }
        let loaded = try store.read { try $0.repairOrder(id: order.id) }
        #expect(loaded?.lines.count == 2)
        #expect(loaded?.checks.map(\.passed) == [true, false, true])
    }

    func storeWithOneOrder() throws -> (SQLiteStore, RepairOrder) {
        let store = try makeStore()
        let c = try addCustomer(store, "王小明", "13800138000")
        let v = try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
        return (store, try store.write { try $0.insertRepairOrder(fullOrder(vehicle: v), openedOn: day("2026-11-23")) })
    }

    /// A change reads the orders it touched again (seals, audit row, events): the order its step saved is
    /// handed back as saved while no row has changed since, and read from the store once one has.
    @Test func anOrderJustSavedIsHandedBackUntilAnyRowChanges() throws {
        let (store, inserted) = try storeWithOneOrder()
        try store.write { (tx: any StoreWriting) throws in
            let sqlite = try #require(tx as? SQLiteTransaction)
            let loaded = try #require(try tx.repairOrder(id: inserted.id))
            var changed = loaded
            changed.complaint = "空调不凉"
            try tx.saveRepairOrder(changed, was: loaded)
            #expect(sqlite.savedOrder?.order(id: inserted.id, changes: sqlite.db.totalChangesCount) == changed)
            #expect(sqlite.savedOrder?.order(id: inserted.id + 1, changes: sqlite.db.totalChangesCount) == nil)
            #expect(try tx.repairOrder(id: inserted.id) == changed)
            // Any row written since (here the order's own, behind the store's back) and it is read again.
            try sqlite.execute(sql: "UPDATE repair_order SET complaint = '发动机异响' WHERE id = ?", arguments: [inserted.id])
            #expect(sqlite.savedOrder?.order(id: inserted.id, changes: sqlite.db.totalChangesCount) == nil)
            #expect(try tx.repairOrder(id: inserted.id)?.complaint == "发动机异响")
        }
    }

    /// Rows a rolled-back savepoint undid do not lower the count of changes: the order it saved is forgotten.
    @Test func aSavepointRolledBackForgetsTheOrderItSaved() throws {
        struct HandlerFailed: Error {}
        let (store, inserted) = try storeWithOneOrder()
        try store.write { (tx: any StoreWriting) throws in
            let sqlite = try #require(tx as? SQLiteTransaction)
            let loaded = try #require(try tx.repairOrder(id: inserted.id))
            #expect(throws: HandlerFailed.self) {
                try sqlite.contained {
                    var changed = loaded
                    changed.complaint = "空调不凉"
                    try tx.saveRepairOrder(changed, was: loaded)
                    throw HandlerFailed()
                }
            }
            #expect(sqlite.savedOrder?.order(id: inserted.id, changes: sqlite.db.totalChangesCount) == nil)
            #expect(try tx.repairOrder(id: inserted.id) == loaded)
        }
    }

    @Test func ordersAreFoundByStatusVehicleDayAndNumberPrefix() throws {
        let store = try makeStore()
        let c = try addCustomer(store, "王小明", "13800138000")
        let v = try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
        var open = RepairOrder(number: "RO-20261123-0002", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬", openedAt: t0)
        open.status = .inProgress
        try store.write { tx in
            _ = try tx.insertRepairOrder(fullOrder(vehicle: v), openedOn: day("2026-11-23"))
            _ = try tx.insertRepairOrder(open, openedOn: day("2026-11-23"))
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.repairOrders(statuses: [.inProgress], limit: 10).map(\.number) == ["RO-20261123-0002"])
            #expect(try tx.repairOrders(statuses: [.closed, .inProgress], limit: 1).count == 1)
            #expect(try tx.repairOrders(vehicleID: v.id).count == 2)
            #expect(try tx.repairOrderNumbers(prefix: "RO-2026112", limit: 10) == ["RO-20261123-0002", "RO-20261123-0001"])
        }
    }

    @Test func stockMovesWriteTheLedger() throws {
        let store = try makeStore()
        try store.write { tx in
            try tx.insertPart(Part(number: "P-1", name: "机油滤清器", unit: "个", price: Money(fen: 3_800), stock: 2, bin: "A", group: "engine"))
            try tx.recordStockMovement(StockMovement(partNumber: "P-1", delta: -2, reason: "issue", reference: "RO-1 line 2", at: t0, by: "夏勇"))
        }
        #expect(throws: StoreFailure.self) {
            try store.write { try $0.recordStockMovement(StockMovement(partNumber: "P-404", delta: 1, reason: "receipt", reference: nil, at: t0, by: "夏勇")) }
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.part(number: "P-1")?.stock == 0)
            #expect(try tx.stockMovements(partNumber: "P-1").map(\.delta) == [-2])
        }
    }

    @Test func timelineKeepsEveryEventInOrder() throws {
        let store = try makeStore()
        let c = try addCustomer(store, "王小明", "13800138000")
        let v = try addVehicle(store, owner: c, vin: vin1, plate: "粤B12345")
        let o = try store.write { try $0.insertRepairOrder(fullOrder(vehicle: v), openedOn: day("2026-11-23")) }
        try store.write { tx in
            try tx.appendRepairOrderEvent(orderID: o.id, kind: "open", detail: "opened", at: t0, by: "薛淑芬")
            try tx.appendRepairOrderEvent(orderID: o.id, kind: "sign", detail: "signed", at: t0.adding(seconds: 60), by: "薛淑芬")
        }
        #expect(try store.read { try $0.repairOrderEvents(orderID: o.id) }.map(\.kind) == ["open", "sign"])
    }
}
