import Testing
import LaneCore
import LanePlugin
import LaneStore

/// The reminder schedule and the batch reads the due list and the lookups use (docs/performance.md).
extension StoreConformance {
    func kinds(_ tx: any StoreReading, _ vehicleID: Int64) throws -> [String] {
        try tx.reminderSchedule(vehicleID: vehicleID).map { "\($0.kind.rawValue) \($0.dueOn)" + ($0.reference.map { " \($0)" } ?? "") }
    }

    /// Each write that moves a due date keeps the schedule current: a sale, a visit, a settled call, a campaign.
    public func reminderScheduleFollowsTheWrites() throws {
        let store = try make()
        let v = try store.write { tx -> Vehicle in
            let c = try customer(tx, "王小明", "13800138000")
            let v = try vehicle(tx, owner: c)   // sold 2024-05-01, no visit yet
            try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: v.soldOn, mileage: 20, detail: "sold", at: Self.now, by: "薛淑芬")
            return v
        }
        // R1.1 at the sale + 60 days, R1.3 at the sale + 180.
        #expect(try store.read { try kinds($0, v.id) } == ["first_service 2024-06-30", "lost_customer 2024-10-28"])
        try store.write { tx in
            try tx.appendEvent(vehicleID: v.id, kind: .visit, visitKind: .firstService, on: CalendarDate(parsing: "2026-06-01")!, mileage: 2000,
                               detail: "首次保养", at: Self.now, by: "薛淑芬")
        }
        // Served: R1.2 six months on (no usage rate beyond the sale: the months count); lost 180 days after the
        // visit (2026-11-28), but not before the service falls due.
        #expect(try store.read { try kinds($0, v.id) } == ["lost_customer 2026-12-01", "regular_service 2026-12-01"])
        try store.write { tx in
            try tx.appendReminderLog(ReminderLogEntry(vehicleID: v.id, kind: .regularService, dueOn: CalendarDate(parsing: "2026-12-01")!,
                                                      outcome: .unreachable, reason: "", at: Self.now, by: "蒋芳"))
        }
        #expect(try store.read { try kinds($0, v.id) }.contains("regular_service 2026-12-01"), "an unanswered call leaves it owed")
        try store.write { tx in
            try tx.appendReminderLog(ReminderLogEntry(vehicleID: v.id, kind: .regularService, dueOn: CalendarDate(parsing: "2026-12-01")!,
                                                      outcome: .booked, reason: "", at: Self.now, by: "蒋芳"))
        }
        #expect(try store.read { try kinds($0, v.id) } == ["lost_customer 2026-12-01"])
        try store.write { tx in
            _ = try tx.insertCampaign(ServiceCampaign(code: "UPG-1", kind: .upgrade, title: "软件升级", models: ["星河"], vinPrefix: nil,
                                                      startsOn: Self.today, endsOn: nil))
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try kinds(tx, v.id).contains("upgrade 2026-11-23 UPG-1"))
            #expect(try tx.scheduledReminders(campaign: "UPG-1", limit: nil).map(\.vehicleID) == [v.id])
            // The built-in rules' entries by due day, then plate; a range of days, a kind, a limit.
            #expect(try tx.scheduledReminders(dueBy: Self.today.adding(days: 10), kind: nil, limit: nil).map(\.reminder.kind) == [.lostCustomer])
            #expect(try tx.scheduledReminders(dueBy: Self.today, kind: nil, limit: nil).isEmpty)
            #expect(try tx.scheduledReminders(dueBy: Self.today.adding(days: 10), kind: .firstService, limit: nil).isEmpty)
            #expect(try tx.scheduledReminders(dueBy: Self.today.adding(days: 10), kind: nil, limit: 1).first?.plate == "粤B12345")
        }
        // A new plate reorders the list: the schedule carries it.
        try store.write { tx in
            var changed = v
            changed.plate = try LicensePlate.parse("粤A00001").get()
            try tx.updateVehicle(changed)
        }
        #expect(try store.read { try $0.scheduledReminders(dueBy: Self.today.adding(days: 10), kind: nil, limit: nil).map(\.plate) } == ["粤A00001"])
    }

    /// Orders delivered in a period, a page at a time, in the order of the whole list.
    public func deliveredOrdersPaged() throws {
        let store = try storeWithFiveDeliveries()
        try store.read { (tx: any StoreReading) throws in
            let from = Self.now.adding(seconds: -60), to = Self.now.adding(seconds: 3600)
            let all = try tx.repairOrders(deliveredFrom: from, to: to).map(\.id)
            #expect(all.count == 5)
            let paged = try tx.repairOrders(deliveredFrom: from, to: to, limit: 2, offset: 0)
                + tx.repairOrders(deliveredFrom: from, to: to, limit: 2, offset: 2)
                + tx.repairOrders(deliveredFrom: from, to: to, limit: 2, offset: 4)
            #expect(paged.map(\.id) == all)
        }
    }

    /// The call lists' read of delivered orders: each order's head as the whole order gives it, in the same
    /// order, all at once or a page at a time; an order with lines, checks and payments reads as one without.
    public func deliveredOrderHeads() throws {
        let store = try storeWithFiveDeliveries()
        try store.read { (tx: any StoreReading) throws in
            let from = Self.now.adding(seconds: -60), to = Self.now.adding(seconds: 3600)
            let whole = try tx.repairOrders(deliveredFrom: from, to: to)
            #expect(whole.count == 5)
            #expect(whole.allSatisfy { !$0.lines.isEmpty && !$0.checks.isEmpty })
            let heads = whole.map(DeliveredOrder.init)
            #expect(try tx.deliveredOrders(from: from, to: to, limit: nil, offset: 0) == heads)
            let paged = try tx.deliveredOrders(from: from, to: to, limit: 2, offset: 0)
                + tx.deliveredOrders(from: from, to: to, limit: 2, offset: 2)
                + tx.deliveredOrders(from: from, to: to, limit: 2, offset: 4)
            #expect(paged == heads)
            #expect(try tx.deliveredOrders(from: from, to: to, limit: 2, offset: 5).isEmpty)
            #expect(try tx.deliveredOrders(from: to, to: to.adding(seconds: 3600), limit: nil, offset: 0).isEmpty)
        }
    }

    /// Five orders delivered within 20 minutes (two at the same second), each with a line and a check, and
    /// one opened and not delivered.
    private func storeWithFiveDeliveries() throws -> any ServiceStore {
        let store = try make()
        try store.write { tx in
            let c = try customer(tx, "王小明", "13800138000")
            let v = try vehicle(tx, owner: c)
            for n in 1...5 {
                var o = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: n), vehicleID: v.id,
                                                             customerID: c.id, advisor: n % 2 == 0 ? "薛淑芬" : "王强", openedAt: Self.now),
                                                 openedOn: Self.today)
                let loaded = o
                o.lines = [RepairOrderLine(id: 1, kind: .labor, code: "MNT-5K", name: "保养", hours: LaborHours(hundredths: 100), quantity: 1,
                                           unitPrice: Money(fen: 30_000), payer: .customer, origin: .estimate, approval: .approved)]
                o.checks = [QualityCheck(stage: .selfCheck, passed: true, by: "夏勇", at: Self.now, note: "", rework: [])]
                o.delivery = DeliveryRecord(nextServiceOn: Self.today.adding(days: 180), nextServiceKm: 20_000 + n,
                                            followUpPreference: n == 3 ? "工作日晚上" : "", oldPartsShown: n == 2,
                                            at: Self.now.adding(seconds: Int64(600 * (n % 3))), customerSatisfied: n == 4)
                try tx.saveRepairOrder(o, was: loaded)
            }
            // Opened, not delivered: in no list of deliveries.
            _ = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 6), vehicleID: v.id,
                                                     customerID: c.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
        }
        return store
    }

    /// Several rows by id in one read: customers, vehicles, histories, plates by owner, the reminder log.
    public func batchReads() throws {
        let store = try make()
        let (a, b, v) = try store.write { tx -> (Customer, Customer, Vehicle) in
            let a = try customer(tx, "王小明", "13800138000")
            let b = try customer(tx, "李四", "13900139000")
            let v = try vehicle(tx, owner: a)
            try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: v.soldOn, mileage: 20, detail: "sold", at: Self.now, by: "薛淑芬")
            try tx.appendReminderLog(ReminderLogEntry(vehicleID: v.id, kind: .lostCustomer, dueOn: Self.today, outcome: .declined, reason: "远",
                                                      at: Self.now, by: "蒋芳"))
            return (a, b, v)
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.customers(ids: [a.id, b.id, 999]) == [a.id: a, b.id: b])
            #expect(try tx.customers(ids: []).isEmpty)
            #expect(try tx.vehicles(ids: [v.id, 999]) == [v.id: v])
            #expect(try tx.events(vehicleIDs: [v.id]) == [v.id: try tx.events(vehicleID: v.id)])
            #expect(try tx.plates(ownerIDs: [a.id, b.id]) == [a.id: ["粤B12345"]])
            #expect(try tx.loggedCalls(vehicleIDs: [v.id]) == tx.reminderLog(vehicleID: v.id).map(\.call))
            #expect(try tx.loggedCalls(vehicleIDs: [999]).isEmpty)
        }
    }
}

extension StoreConformance {
    /// Three vehicles of one customer, for the reads of several vehicles at once: the first and second to be given
    /// rows, the third to have none.
    func threeVehicles(_ tx: any StoreWriting) throws -> (Vehicle, Vehicle, Vehicle) {
        let c = try customer(tx, "王小明", "13800138000")
        let first = try vehicle(tx, owner: c)
        let second = try tx.insertVehicle(try VehicleFields.validate(vin: "LXHCB1A24T0000017", plate: "粤B54321", model: "星河 E3",
                                                                     sold: "2024-05-01", mileage: "12000", today: Self.today).get(),
                                          ownerID: c.id, at: Self.now)
        let bare = try tx.insertVehicle(try VehicleFields.validate(vin: "LSGPC54R9DF000002", plate: "粤B00001", model: "星河 S5",
                                                                   sold: "2025-01-01", mileage: "10", today: Self.today).get(),
                                        ownerID: c.id, at: Self.now)
        return (first, second, bare)
    }

    /// The reminder rules' read of several histories (`serviceHistory(vehicleIDs:)`) gives each vehicle's rows as
    /// its whole history does, in the same order: days out of the order they were written, two on one day, a
    /// visit without a kind, a reading without a visit, no mileage; nothing for a vehicle without history.
    public func serviceHistoryOfSeveralVehicles() throws {
        let store = try make()
        let (first, second, bare) = try store.write { tx -> (Vehicle, Vehicle, Vehicle) in
            let (first, second, bare) = try threeVehicles(tx)
            let day = { (text: String) in CalendarDate(parsing: text)! }
            for v in [first, second] {
                try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: v.soldOn, mileage: 20, detail: "sold", at: Self.now, by: "薛淑芬")
            }
            try tx.appendEvent(vehicleID: first.id, kind: .visit, visitKind: .regularService, on: day("2026-03-02"), mileage: 9_000,
                               detail: "保养", at: Self.now, by: "薛淑芬")
            try tx.appendEvent(vehicleID: second.id, kind: .visit, visitKind: nil, on: day("2025-09-09"), mileage: nil,
                               detail: "洗车", at: Self.now, by: "薛淑芬")
            try tx.appendEvent(vehicleID: first.id, kind: .visit, visitKind: .firstService, on: day("2024-07-01"), mileage: 2_100,
                               detail: "首保", at: Self.now, by: "薛淑芬")
            try tx.appendEvent(vehicleID: first.id, kind: .mileage, visitKind: nil, on: day("2026-03-02"), mileage: 9_050,
                               detail: "电话告知", at: Self.now, by: "蒋芳")
            try tx.appendEvent(vehicleID: second.id, kind: .visit, visitKind: .repair, on: day("2026-01-15"), mileage: 15_500,
                               detail: "维修", at: Self.now, by: "薛淑芬")
            return (first, second, bare)
        }
        try store.read { (tx: any StoreReading) throws in
            let whole = try tx.events(vehicleIDs: [first.id, second.id, bare.id]).mapValues { $0.map(ServiceHistoryEntry.init) }
            #expect(whole[first.id]?.count == 4 && whole[second.id]?.count == 3)
            #expect(whole[first.id]?.map(\.occurredOn.description) == ["2024-05-01", "2024-07-01", "2026-03-02", "2026-03-02"])
            #expect(try tx.serviceHistory(vehicleIDs: [second.id, first.id, bare.id, 999]) == whole)
            #expect(try tx.serviceHistory(vehicleIDs: [first.id]) == [first.id: try tx.events(vehicleID: first.id).map(ServiceHistoryEntry.init)])
            #expect(try tx.serviceHistory(vehicleIDs: []).isEmpty)
        }
    }

    /// The reminder rules' read of several vehicles' calls (`loggedCalls(vehicleIDs:)`) gives what each vehicle's
    /// log gives of them, by vehicle and then in log order: calls logged for two cars in turn, with and without a
    /// campaign, every outcome; nothing for a vehicle without calls.
    public func loggedCallsOfSeveralVehicles() throws {
        let store = try make()
        let (first, second, bare) = try store.write { tx -> (Vehicle, Vehicle, Vehicle) in
            let (first, second, bare) = try threeVehicles(tx)
            // The second car's calls first, and the kinds and days out of the index's order, so the log's order shows.
            let calls: [(Vehicle, ReminderKind, Int, ReminderOutcome, String?)] = [
                (second, .regularService, 0, .unreachable, nil), (first, .lostCustomer, -30, .unreachable, nil),
                (first, .firstService, -60, .declined, nil), (second, .campaign, 5, .booked, "RC-2026-01"),
                (first, .lostCustomer, -30, .booked, nil), (second, .regularService, 0, .unreachable, nil),
                (first, .campaign, 5, .unreachable, "RC-2026-01"), (first, .upgrade, 5, .declined, "UP-2026-02"),
            ]
            for (v, kind, days, outcome, reference) in calls {
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: v.id, kind: kind, dueOn: Self.today.adding(days: days), outcome: outcome,
                                                          reason: outcome == .declined ? "远" : "", at: Self.now, by: "蒋芳", reference: reference))
            }
            return (first, second, bare)
        }
        try store.read { (tx: any StoreReading) throws in
            let firstCalls = try tx.reminderLog(vehicleID: first.id).map(\.call), secondCalls = try tx.reminderLog(vehicleID: second.id).map(\.call)
            #expect(firstCalls.count == 5 && secondCalls.count == 3)
            let both = try tx.loggedCalls(vehicleIDs: [second.id, bare.id, first.id, 999])
            let byVehicle = [firstCalls, secondCalls].sorted { $0[0].vehicleID < $1[0].vehicleID }
            #expect(both == byVehicle[0] + byVehicle[1])
            #expect(try tx.loggedCalls(vehicleIDs: [first.id]) == firstCalls)
            #expect(try tx.loggedCalls(vehicleIDs: [bare.id]).isEmpty)
            #expect(try tx.loggedCalls(vehicleIDs: []).isEmpty)
        }
    }

    /// The due list's range read leaves out, in the store, the entries not listed on the day asked (a regular
    /// service's entry once the customer counts as lost), so a page's LIMIT counts only listed entries.
    public func scheduleLeavesOutEntriesNotListed() throws {
        let store = try make()
        try store.write { tx in
            let c = try customer(tx, "王小明", "13800138000")
            // Served on 2026-05-01: R1.2 and R1.3 both due 2026-11-01; the service listed until then, the loss from then on.
            let early = try tx.insertVehicle(try VehicleFields.validate(vin: "LXHCB1A24T0000017", plate: "粤B54321", model: "星河 E3",
                                                                        sold: "2024-05-01", mileage: "12000", today: Self.today).get(),
                                             ownerID: c.id, at: Self.now)
            // Served on 2026-06-01: both due 2026-12-01, the service listed from 2026-11-21.
            let late = try vehicle(tx, owner: c)
            for (v, day) in [(early, "2026-05-01"), (late, "2026-06-01")] {
                try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: v.soldOn, mileage: 20, detail: "sold", at: Self.now, by: "薛淑芬")
                try tx.appendEvent(vehicleID: v.id, kind: .visit, visitKind: .firstService, on: CalendarDate(parsing: day)!, mileage: 2000,
                                   detail: "首次保养", at: Self.now, by: "薛淑芬")
            }
        }
        try store.read { (tx: any StoreReading) throws in
            func keys(_ rows: [ScheduledVehicleReminder]) -> [String] { rows.map { "\($0.plate) \($0.reminder.kind.rawValue) \($0.reminder.dueOn)" } }
            for text in ["2026-10-20", "2026-11-01", "2026-11-23", "2026-12-01", "2026-12-05"] {
                let day = CalendarDate(parsing: text)!
                for kind in [nil, ReminderKind.regularService, .lostCustomer] {
                    let all = try tx.scheduledReminders(dueBy: day.adding(days: 10), kind: kind, limit: nil)
                    let listed = try tx.scheduledReminders(dueBy: day.adding(days: 10), kind: kind, listedOn: day, limit: nil)
                    #expect(Set(keys(listed)) == Set(keys(all.filter { $0.reminder.isListed(on: day) })), "\(text) \(kind.map(\.rawValue) ?? "all")")
                    #expect(listed.count == Set(keys(listed)).count)
                }
            }
            // On 2026-11-23 the early car's service (due first) is dead: the first listed entry is its loss, then the late car's service.
            let day = CalendarDate(parsing: "2026-11-23")!
            #expect(keys(try tx.scheduledReminders(dueBy: day.adding(days: 10), kind: .regularService, limit: nil))
                == ["粤B54321 regular_service 2026-11-01", "粤B12345 regular_service 2026-12-01"], "the dead entry is still in the schedule")
            #expect(keys(try tx.scheduledReminders(dueBy: day.adding(days: 10), kind: nil, listedOn: day, limit: nil))
                == ["粤B54321 lost_customer 2026-11-01", "粤B12345 regular_service 2026-12-01"])
            #expect(keys(try tx.scheduledReminders(dueBy: day.adding(days: 10), kind: .regularService, listedOn: day, limit: 1))
                == ["粤B12345 regular_service 2026-12-01"], "the dead entry due first does not take the page's one place")
        }
    }
}
