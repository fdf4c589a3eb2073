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

    /// `followup list` reads a page of a period's calls and the period's scores apart: the pages are the period's
    /// calls in order (ties in one second by id), and the scores are those of every call of the period, none
    /// from outside it.
    public func followUpPagesAndScores() throws {
        let store = try make()
        let from = Self.now, to = Self.now.adding(seconds: 3_600)
        try store.write { (tx: any StoreWriting) throws in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            let o = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id,
                                                         customerID: c.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            // Before the period, at its first second, within it (some in one second), at its end (outside).
            for (i, seconds) in [-1, 0, 0, 60, 60, 60, 900, 3_599, 3_600].enumerated() {
                let scored = i % 3 != 1
                try tx.appendFollowUp(FollowUpRecord(orderID: o.id, call: i % 2 == 0 ? .quality : .tracking,
                                                     outcome: scored ? .reached : .unreachable, score: scored ? 1 + i % 5 : nil,
                                                     comment: "\(i)", at: Self.now.adding(seconds: Int64(seconds)), by: "蒋芳"))
            }
        }
        try store.read { (tx: any StoreReading) throws in
            let all = try tx.followUps(from: from, to: to)
            #expect(all.map(\.comment) == ["1", "2", "3", "4", "5", "6", "7"])
            for limit in 1...8 {
                for offset in [0, 1, 3, 7, 9] {
                    #expect(try tx.followUps(from: from, to: to, limit: limit, offset: offset) == Array(all.dropFirst(offset).prefix(limit)),
                            "\(limit) after \(offset)")
                }
            }
            let scores = all.compactMap(\.score)
            let got = try tx.followUpScores(from: from, to: to)
            #expect(got.scored == scores.count && got.total == scores.reduce(0, +))
            #expect(got.scored == 4)
            let none = try tx.followUpScores(from: to.adding(seconds: 1), to: to.adding(seconds: 60))
            #expect(none.scored == 0 && none.total == 0)
        }
    }

    /// `remind reasons`' counts (v41) are kept by the log's triggers: after calls are logged, after an erasure
    /// rewrites one customer's reasons (a reason no call gives any more is gone, not left at nought), after
    /// the same rewrite again, and after a change that failed, they are what counting the log gives.
    public func declineCountsFollowTheLog() throws {
        let store = try make()
        func expectCountsAreTheLogs(_ state: Comment) throws {
            try store.read { (tx: any StoreReading) throws in
                let counts = try tx.declineCounts()
                #expect(ReminderRegister.ranked(counts) == ReminderRegister.declineReasons(try tx.reminderLog(vehicleID: nil)), state)
                #expect(counts.allSatisfy { $0.count > 0 }, state)
            }
        }
        let (gone, kept, v, w) = try store.write { (tx: any StoreWriting) throws -> (Customer, Customer, Vehicle, Vehicle) in
            let gone = try customer(tx, "王小明", "13900139000")
            let kept = try customer(tx, "李四", "13900139001")
            let v = try vehicle(tx, owner: gone)
            let fields = try VehicleFields.validate(vin: "LFV2A21K9H3041876", plate: "粤B88888", model: "星河 EV6", sold: "2024-03-01",
                                                    mileage: "10", today: Self.today).get()
            return (gone, kept, v, try tx.insertVehicle(fields, ownerID: kept.id, at: Self.now))
        }
        try expectCountsAreTheLogs("an empty log")
        let calls: [(Vehicle, ReminderKind, ReminderOutcome, String)] = [
            (v, .lostCustomer, .declined, "太贵"), (v, .lostCustomer, .declined, "太贵"), (v, .regularService, .declined, "搬到外地"),
            (v, .regularService, .unreachable, ""), (w, .lostCustomer, .declined, "太贵"), (w, .regularService, .declined, "太贵"),
            (w, .regularService, .booked, "AP-1"),
        ]
        for (i, (vehicle, kind, outcome, reason)) in calls.enumerated() {
            try store.write { (tx: any StoreWriting) throws in
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: vehicle.id, kind: kind, dueOn: Self.today, outcome: outcome, reason: reason,
                                                          at: Self.now.adding(seconds: Int64(i)), by: "蒋芳", reference: nil))
            }
            try expectCountsAreTheLogs("after call \(i + 1)")
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(ReminderRegister.ranked(try tx.declineCounts()).map { "\($0.kind.rawValue) \($0.reason) \($0.count)" }
                    == ["lost_customer 太贵 3", "regular_service 太贵 1", "regular_service 搬到外地 1"])
        }
        struct Failed: Error {}
        #expect(throws: Failed.self) {
            try store.write { (tx: any StoreWriting) throws in
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: w.id, kind: .lostCustomer, dueOn: Self.today, outcome: .declined,
                                                          reason: "太贵", at: Self.now, by: "蒋芳", reference: nil))
                throw Failed()
            }
        }
        try expectCountsAreTheLogs("after a change that failed")
        for round in 1...2 {
            try store.write { (tx: any StoreWriting) throws in
                try tx.eraseCustomer(CustomerErasure(customerID: gone.id, items: [.reminderReasons(with: "[已删除]")]))
            }
            try expectCountsAreTheLogs("after erasure \(round)")
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(ReminderRegister.ranked(try tx.declineCounts()).map { "\($0.kind.rawValue) \($0.reason) \($0.count)" }
                    == ["lost_customer [已删除] 2", "lost_customer 太贵 1", "regular_service [已删除] 1", "regular_service 太贵 1"])
            #expect(try tx.customer(id: kept.id)?.name == "李四")
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
            // A third order's calls, recorded between the first's: each order's come in the order they were recorded.
            let third = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 3), vehicleID: v.id,
                                                             customerID: c.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            for (order, call, outcome) in [(third, FollowUpCall.tracking, FollowUpOutcome.unreachable), (orders[0], .tracking, .reached),
                                           (third, .tracking, .reached), (third, .quality, .unreachable)] {
                try tx.appendFollowUp(FollowUpRecord(orderID: order.id, call: call, outcome: outcome, score: nil, comment: "",
                                                     at: Self.now.adding(seconds: 120), by: "蒋芳"))
            }
            return orders + [third]
        }
        try store.read { (tx: any StoreReading) throws in
            // What the calls-due rule reads of several orders' calls, in one read: each order's as its records say.
            let attempts = try tx.followUpAttempts(orderIDs: orders.map(\.id) + [999])
            #expect(attempts.keys.sorted() == [orders[0].id, orders[2].id])
            for order in orders {
                #expect((attempts[order.id] ?? []) == (try tx.followUps(orderID: order.id)).map(FollowUpAttempt.init), "\(order.number)")
            }
            #expect(attempts[orders[2].id]?.map(\.call) == [.tracking, .tracking, .quality])
            #expect(try tx.followUpAttempts(orderIDs: []).isEmpty)
        }
    }
}
