import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// `today`'s page of follow-up calls is the start of the whole list, read a page of deliveries at a time.
@Suite struct FollowUpPagingTests {
    @Test func aPageOfCallsIsTheStartOfTheWholeList() throws {
        let shell = try TestShell(seeded: true)
        let caller = Caller(user: "蒋芳", role: .customerService, now: TestShell.demoNow, settings: try shell.session.settings(), request: "test")
        try shell.store.write { (tx: any StoreWriting) throws in
            guard let v = try tx.vehicle(plate: "粤B27DP2"), let c = try tx.customer(id: v.ownerID) else { throw StoreFailure("no demo car") }
            for n in 1...130 {
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-TEST-\(n)", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬",
                                                             openedAt: TestShell.demoNow), openedOn: caller.today)
                let loaded = o
                // Delivered over the month before, some on the same second.
                o.delivery = DeliveryRecord(nextServiceOn: caller.today.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "",
                                            oldPartsShown: false, at: TestShell.demoNow.adding(seconds: -Int64(n / 2) * 19_000))
                try tx.saveRepairOrder(o, was: loaded)
                if n % 4 == 0 {
                    try tx.appendFollowUp(FollowUpRecord(orderID: o.id, call: .quality, outcome: .reached, score: 5, comment: "",
                                                         at: TestShell.demoNow, by: "蒋芳"))
                }
            }
        }
        try shell.store.read { (tx: any StoreReading) throws in
            let all = try FollowUpDesk.dueCalls(on: caller.today, by: caller, tx)
            #expect(all.count > 150)
            for limit in [1, 49, 50, 51, 120, 1000] {
                #expect(try FollowUpDesk.dueCalls(on: caller.today, limit: limit, by: caller, tx) == Array(all.prefix(limit)), "\(limit)")
            }
        }
    }
}
