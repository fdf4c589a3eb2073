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
            // The figures' read of the same calls: the same calls, in the same order.
            #expect(try tx.kpiFollowUpCalls(from: from, to: to) == all.map(KPIFollowUpCall.init))
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

    /// The KPI day shares (v44, `KPIDayShares`): each change to a row the figures read draws new marks for the UTC
    /// days of its times, on every backend; an order's line marks its order's days; a back-order marks the opening
    /// days of the car's orders it may hold up; a failed change draws none; shares are kept and read back.
    public func kpiDayMarksMoveWithTheRows() throws {
        let store = try make()
        let day = Self.now.secondsSince1970 / 86_400, week = day - 7 ... day + 7
        func marks() throws -> [Int64: Int64] { try store.read { try $0.kpiDayMarks(utcDays: week) } }
        /// The days whose marks `change` moved (drawn anew: a new number, or a first one).
        func moved(_ change: (any StoreWriting) throws -> Void) throws -> [Int64] {
            let before = try marks()
            try store.write { (tx: any StoreWriting) throws in try change(tx) }
            let after = try marks()
            return after.keys.filter { after[$0] != before[$0] }.sorted()
        }
        var order: RepairOrder?
        var earlier: RepairOrder?
        var vehicleID: Int64 = 0
        // An order opened three days ago, still open; then one opened today.
        #expect(try moved { tx in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            vehicleID = v.id
            earlier = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today.adding(days: -3), sequence: 1), vehicleID: v.id,
                                                           customerID: c.id, advisor: "薛淑芬", openedAt: Self.now.adding(seconds: -3 * 86_400)),
                                               openedOn: Self.today.adding(days: -3))
        } == [day - 3])
        #expect(try moved { tx in
            order = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: vehicleID,
                                                         customerID: earlier?.customerID ?? 0, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
        } == [day])
        // A line added to the earlier order marks its day; delivering it two days later marks both.
        #expect(try moved { tx in
            guard var o = earlier else { return }
            let before = o
            o.lines = [RepairOrderLine(kind: .part, code: "P-1", name: "机油滤清器", quantity: 1, unitPrice: Money(fen: 3_800))]
            try tx.saveRepairOrder(o, was: before)
            earlier = try tx.repairOrder(id: o.id)
        } == [day - 3])
        #expect(try moved { tx in
            guard var o = earlier else { return }
            let before = o
            o.delivery = DeliveryRecord(nextServiceOn: Self.today, nextServiceKm: 5_000, followUpPreference: "", oldPartsShown: true,
                                        at: Self.now.adding(seconds: -86_400))
            o.status = .delivered
            try tx.saveRepairOrder(o, was: before)
        } == [day - 3, day - 1])
        // A back-order today holds up the order opened today (open), not the earlier one (delivered yesterday).
        #expect(try moved { tx in
            _ = try tx.insertDelayedDelivery(DelayedDelivery(vehicleID: vehicleID, cause: .partOnBackOrder, partNumber: nil, note: "",
                                                             expectedOn: nil, openedAt: Self.now.adding(seconds: 60)))
        } == [day])
        // One two days back holds up the earlier order too, and counts on its own day.
        #expect(try moved { tx in
            _ = try tx.insertDelayedDelivery(DelayedDelivery(vehicleID: vehicleID, cause: .partOnBackOrder, partNumber: nil, note: "",
                                                             expectedOn: nil, openedAt: Self.now.adding(seconds: -2 * 86_400)))
        } == [day - 3, day - 2])
        #expect(try moved { tx in
            try tx.appendFollowUp(FollowUpRecord(orderID: order?.id ?? 0, call: .quality, outcome: .reached, score: 5, comment: "",
                                                 at: Self.now.adding(seconds: 86_400), by: "蒋芳"))
        } == [day + 1])
        #expect(try moved { tx in
            _ = try tx.insertComplaint(Complaint(id: 0, orderID: nil, customerID: earlier?.customerID ?? 0, text: "异响",
                                                 openedAt: Self.now.adding(seconds: 2 * 86_400), openedBy: "蒋芳"))
        } == [day + 2])
        // A change that fails draws no mark.
        let before = try marks()
        #expect(throws: StoreFailure.self) {
            try store.write { (tx: any StoreWriting) throws in
                try tx.appendFollowUp(FollowUpRecord(orderID: order?.id ?? 0, call: .tracking, outcome: .reached, score: nil, comment: "",
                                                     at: Self.now.adding(seconds: 4 * 86_400), by: "蒋芳"))
                throw StoreFailure("changed my mind")
            }
        }
        #expect(try marks() == before)
        // Shares are kept, replaced and read back by day.
        let kept = [KeptKPIDay(day: Self.today, marks: "1,2", basis: "2|+08:00|3", share: "2|0||||"),
                    KeptKPIDay(day: Self.today.adding(days: -1), marks: "3,4", basis: "2|+08:00|3", share: "x")]
        try store.write { (tx: any StoreWriting) throws in try tx.keepKPIDays(kept) }
        var again = kept[0]
        again.marks = "5,6"
        try store.write { (tx: any StoreWriting) throws in try tx.keepKPIDays([again]) }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.keptKPIDays(from: Self.today.adding(days: -1), through: Self.today).sorted { $0.day < $1.day } == [kept[1], again])
            #expect(try tx.keptKPIDays(from: Self.today.adding(days: 1), through: Self.today.adding(days: 9)).isEmpty)
        }
    }

    /// `store show`'s counts (v45) are kept by triggers: after customers and vehicles are added one by one and
    /// after a change that failed, they are what counting the rows gives.
    public func rowCountsFollowTheRows() throws {
        let store = try make()
        func counts() throws -> [Int] { try store.read { [try $0.customerCount(), try $0.vehicleCount(), try $0.allVehicles().count] } }
        #expect(try counts() == [0, 0, 0])
        try store.write { (tx: any StoreWriting) throws in
            let c = try customer(tx, "王小明", "13900139000")
            _ = try vehicle(tx, owner: c)
            _ = try customer(tx, "李娜", "13900139001")
        }
        #expect(try counts() == [2, 1, 1])
        #expect(try store.integrityProblems().isEmpty)
        #expect(throws: StoreFailure.self) {
            try store.write { (tx: any StoreWriting) throws in
                _ = try customer(tx, "张伟", "13900139002")
                throw StoreFailure("changed my mind")
            }
        }
        #expect(try counts() == [2, 1, 1])
    }

    /// `followup list`'s summary (v46) adds whole hours' kept sums and reads the parts of an hour at either end
    /// from the calls: over periods starting and ending on the hour, within one, across a day, and empty, the
    /// sums are those of the calls the period holds, also after a change that failed.
    public func followUpScoresKeptPerHour() throws {
        let store = try make()
        let hour = (Self.now.secondsSince1970 / 3_600) * 3_600
        var orderID: Int64 = 0
        try store.write { (tx: any StoreWriting) throws in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            orderID = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id,
                                                           customerID: c.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today).id
            // Calls over 30 hours: on the hour, a second before and after it, in the middle; some not scored.
            for i in 0..<90 {
                let at = hour + Int64(i / 3) * 3_600 + [0, 1_799, 3_599][i % 3] - (i % 7 == 0 ? 1 : 0)
                try tx.appendFollowUp(FollowUpRecord(orderID: orderID, call: .quality, outcome: i % 5 == 0 ? .unreachable : .reached,
                                                     score: i % 5 == 0 ? nil : 1 + i % 5, comment: "", at: Timestamp(secondsSince1970: at),
                                                     by: "蒋芳"))
            }
        }
        #expect(throws: StoreFailure.self) {
            try store.write { (tx: any StoreWriting) throws in
                try tx.appendFollowUp(FollowUpRecord(orderID: orderID, call: .tracking, outcome: .reached, score: 5, comment: "",
                                                     at: Timestamp(secondsSince1970: hour + 7_200), by: "蒋芳"))
                throw StoreFailure("changed my mind")
            }
        }
        try store.read { (tx: any StoreReading) throws in
            for (a, b) in [(0, 30 * 3_600), (0, 3_600), (1, 3_599), (3_600, 7_200), (1_800, 5 * 3_600 + 1), (-3_600, 40 * 3_600),
                           (3_599, 3_601), (7_200, 7_200), (10 * 3_600 - 1, 20 * 3_600 + 1)] {
                let from = Timestamp(secondsSince1970: hour + Int64(a)), to = Timestamp(secondsSince1970: hour + Int64(b))
                let scores = try tx.followUps(from: from, to: to).compactMap(\.score)
                let got = try tx.followUpScores(from: from, to: to)
                #expect(got.scored == scores.count && got.total == scores.reduce(0, +), "\(a)…\(b): \(got)")
            }
            #expect(try tx.followUpScores(from: Timestamp(secondsSince1970: hour), to: Timestamp(secondsSince1970: hour + 30 * 3_600)).scored == 72)
        }
    }
}
