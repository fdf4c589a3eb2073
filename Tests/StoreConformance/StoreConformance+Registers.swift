import Testing
import LaneCore
import LanePlugin
import LaneStore

/// The bounded reads of v27: the register's newest page, the decline counts, a campaign's calls,
/// several orders' follow-up records, and the vehicles in a campaign's or recall's scope.
extension StoreConformance {
    public func boundedRegisters() throws {
        let store = try make()
        let (v, w) = try store.write { (tx: any StoreWriting) throws -> (Vehicle, Vehicle) in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            let fields = try VehicleFields.validate(vin: "LFV2A21K9H3041876", plate: "粤B88888", model: "星河 EV6 长续航", sold: "2024-03-01",
                                                    mileage: "10", today: Self.today).get()
            let w = try tx.insertVehicle(fields, ownerID: c.id, at: Self.now)
            for (i, (kind, outcome, reason, reference)) in [(ReminderKind.regularService, ReminderOutcome.booked, "AP-1", nil as String?),
                                                            (.lostCustomer, .declined, "搬到外地", nil), (.lostCustomer, .declined, "搬到外地", nil),
                                                            (.regularService, .declined, "太贵", nil), (.upgrade, .booked, "AP-2", "RC-1")].enumerated() {
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: i % 2 == 0 ? v.id : w.id, kind: kind, dueOn: Self.today, outcome: outcome,
                                                          reason: reason, at: Self.now.adding(seconds: Int64(i)), by: "蒋芳", reference: reference))
            }
            return (v, w)
        }
        try store.read { (tx: any StoreReading) throws in
            let all = try tx.reminderLog(vehicleID: nil)
            #expect(try tx.reminderLog(kind: nil, newest: 2) == Array(all.suffix(2)))
            #expect(try tx.reminderLog(kind: nil, newest: 50) == all)
            #expect(try tx.reminderLog(kind: .lostCustomer, newest: 1) == [all[2]])
            #expect(try tx.reminderLog(reference: "RC-1") == [all[4]])
            #expect(try tx.reminderLog(reference: "RC-2").isEmpty)
            #expect(ReminderRegister.ranked(try tx.declineCounts()) == ReminderRegister.declineReasons(all))
            // The scope: a superset by model prefix and VIN range, never a vehicle outside it.
            #expect(try tx.vehicles(modelPrefixes: ["星河 EV6"], vins: nil).map(\.id) == [w.id])
            #expect(try Set(tx.vehicles(modelPrefixes: [], vins: nil).map(\.id)) == [v.id, w.id])
            #expect(try tx.vehicles(modelPrefixes: [], vins: "LFV2A21K"..<"LFV2A21K\u{10FFFF}").map(\.id) == [w.id])
            #expect(try tx.vehicles(modelPrefixes: ["星河 EV6", "\"x\\"], vins: "LFV3"..<"LFV4").isEmpty)
        }
    }

    public func followUpsOfSeveralOrders() throws {
        let store = try make()
        let orders = try store.write { (tx: any StoreWriting) throws -> [RepairOrder] in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            let orders = try (1...2).map { n in
                try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: n), vehicleID: v.id,
                                                     customerID: c.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            }
            try tx.appendFollowUp(FollowUpRecord(orderID: orders[0].id, call: .quality, outcome: .unreachable, score: nil, comment: "",
                                                 at: Self.now, by: "蒋芳"))
            try tx.appendFollowUp(FollowUpRecord(orderID: orders[0].id, call: .quality, outcome: .reached, score: 5, comment: "好",
                                                 at: Self.now.adding(seconds: 60), by: "蒋芳"))
            return orders
        }
        try store.read { (tx: any StoreReading) throws in
            let both = try tx.followUps(orderIDs: orders.map(\.id) + [999])
            #expect(both.keys.sorted() == [orders[0].id])
            #expect(both[orders[0].id] == (try tx.followUps(orderID: orders[0].id)))
            #expect(try tx.followUps(orderIDs: []).isEmpty)
        }
    }
}
