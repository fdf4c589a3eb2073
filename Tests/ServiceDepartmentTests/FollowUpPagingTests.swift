import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// `today`'s page of follow-up calls is the start of the whole list, read a page of deliveries at a time.
@Suite struct FollowUpPagingTests {
    /// `count` orders of the demo car delivered at `at(n)`, the calls `called(n)` made for each (reached).
    static func delivered(_ count: Int, at: (Int) -> Timestamp, called: (Int) -> [FollowUpCall]) throws -> (TestShell, Caller) {
        let shell = try TestShell(seeded: true)
        let caller = Caller(user: "蒋芳", role: .customerService, now: TestShell.demoNow, settings: try shell.session.settings(), request: "test")
        try shell.store.write { (tx: any StoreWriting) throws in
            guard let v = try tx.vehicle(plate: "粤B27DP2"), let c = try tx.customer(id: v.ownerID) else { throw StoreFailure("no demo car") }
            for n in 1...count {
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-TEST-\(n)", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬",
                                                             openedAt: TestShell.demoNow), openedOn: caller.today)
                let loaded = o
                o.delivery = DeliveryRecord(nextServiceOn: caller.today.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "",
                                            oldPartsShown: false, at: at(n))
                try tx.saveRepairOrder(o, was: loaded)
                for call in called(n) {
                    try tx.appendFollowUp(FollowUpRecord(orderID: o.id, call: call, outcome: .reached, score: call == .quality ? 5 : nil,
                                                         comment: "", at: TestShell.demoNow, by: "蒋芳"))
                }
            }
        }
        return (shell, caller)
    }

    @Test func aPageOfCallsIsTheStartOfTheWholeList() throws {
        // Delivered over the month before, some on the same second; one order in four had its quality call.
        let (shell, caller) = try Self.delivered(130, at: { TestShell.demoNow.adding(seconds: -Int64($0 / 2) * 19_000) },
                                                 called: { $0 % 4 == 0 ? [.quality] : [] })
        try shell.store.read { (tx: any StoreReading) throws in
            let all = try FollowUpDesk.dueCalls(on: caller.today, by: caller, tx)
            #expect(all.count > 150)
            for limit in [1, 49, 50, 51, 120, 1000, Int.max] {
                #expect(try FollowUpDesk.dueCalls(on: caller.today, limit: limit, by: caller, tx) == Array(all.prefix(limit)), "\(limit)")
            }
        }
    }

    /// Where most calls were made (9 orders in 10 owe none), a page of calls takes several reads of deliveries, each
    /// starting where the last one stopped (orders delivered in one second come by id): whatever the page size it
    /// is the start of the whole list, no order read twice and none missed.
    @Test func aPageOfCallsFromMostlyCalledOrdersIsTheStartOfTheWholeList() throws {
        // Delivered over the weeks before, three in each second.
        let (shell, caller) = try Self.delivered(400, at: { TestShell.demoNow.adding(seconds: -Int64($0 / 3) * 5_000 - 86_400) },
                                                 called: { $0 % 10 != 0 ? FollowUpCall.allCases : [] })
        // Rows whose delivery record is incomplete (a change made outside lane): they owe no call, and the list reads on
        // past them (one ends the first read of a page of 5).
        try shell.store.unsafeExecute("UPDATE repair_order SET next_service_on = NULL WHERE number LIKE 'RO-TEST-%' AND CAST(substr(number, 9) AS INTEGER) % 7 = 0")
        try shell.store.read { (tx: any StoreReading) throws in
            let all = try FollowUpDesk.dueCalls(on: caller.today, by: caller, tx)
            #expect(all.count >= 40)
            #expect(Set(all.map { "\($0.order.number) \($0.call)" }).count == all.count)
            for limit in [1, 5, 17, 39, 40, all.count, 1000, Int.max] {
                #expect(try FollowUpDesk.dueCalls(on: caller.today, limit: limit, by: caller, tx) == Array(all.prefix(limit)), "\(limit)")
            }
        }
    }

    /// `followup files` reads visits a page of orders at a time and reads on until its page is full: whatever the
    /// page size, it is the start of the whole list, worked out from every order by `CustomerFileCheck` (newest
    /// visit first, ties by the higher id). Two visits in three have a complete file, so a page of files takes
    /// more than one page of orders; some visits share a second.
    @Test func aPageOfIncompleteFilesIsTheStartOfTheWholeList() throws {
        let shell = try TestShell(seeded: true)
        let caller = Caller(user: "蒋芳", role: .customerService, now: TestShell.demoNow, settings: try shell.session.settings(), request: "test")
        let offset = caller.settings.utcOffset
        let cutoff = caller.today.adding(days: -CustomerFileCheck.dueAfterDays)
        try shell.store.write { (tx: any StoreWriting) throws in
            guard let v = try tx.vehicle(plate: "粤B27DP2"), let c = try tx.customer(id: v.ownerID) else { throw StoreFailure("no demo car") }
            #expect(!(c.address ?? "").isEmpty)
            for n in 1...150 {
                let day = cutoff.adding(days: -(n % 20))
                let opened = Timestamp(date: day, hour: 9, minute: n % 7, offset: offset)
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-TEST-\(n)", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬",
                                                             openedAt: opened), openedOn: day)
                let loaded = o
                o.status = [RepairOrderStatus.delivered, .settled, .closed, .inProgress][n % 4]
                o.delivery = DeliveryRecord(nextServiceOn: day.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "工作日下午",
                                            oldPartsShown: false, at: opened)
                if n % 3 != 0 {
                    o.complaint = "保养"
                    o.checkIn = CheckInSheet(mileage: 12_000, fuelEighths: 4, coversFitted: true, damage: "", valuables: "", equipment: "")
                    o.lines = [RepairOrderLine(kind: .labor, code: "MNT-5K", name: "保养", unitPrice: Money(fen: 30_000))]
                }
                try tx.saveRepairOrder(o, was: loaded)
            }
        }
        try shell.store.read { (tx: any StoreReading) throws in
            let all = try FollowUpDesk.incompleteFiles(limit: 10_000, by: caller, tx)
            let floor = Timestamp(date: cutoff.adding(days: -CustomerFileCheck.lookBackDays), offset: offset)
            let end = Timestamp(date: cutoff.adding(days: 1), offset: offset)
            guard let v = try tx.vehicle(plate: "粤B27DP2"), let owner = try tx.customer(id: v.ownerID) else { throw StoreFailure("no demo car") }
            var everyOrder: [RepairOrder] = []
            for n in 1...150 { if let o = try tx.repairOrder(number: "RO-TEST-\(n)") { everyOrder.append(o) } }
            let byDefinition = everyOrder.filter { o in
                [RepairOrderStatus.delivered, .settled, .closed].contains(o.status) && o.openedAt >= floor && o.openedAt < end
                    && !CustomerFileCheck.missing(customer: owner, order: o).isEmpty
            }.sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }
            // The demo's own visits are older or complete: the whole list is the test's orders.
            #expect(all.map(\.visit.number) == byDefinition.map(\.number))
            #expect(all.count > 30)
            for limit in [1, 20, 28, 29, 40, all.count, 1000, Int.max] {
                #expect(try FollowUpDesk.incompleteFiles(limit: limit, by: caller, tx).map(\.visit.number)
                        == Array(all.prefix(limit)).map(\.visit.number), "\(limit)")
            }
        }
    }
}
