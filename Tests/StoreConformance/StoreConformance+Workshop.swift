import Testing
import LaneCore
import LanePlugin
import LaneStore

/// Comebacks (返修), the lines a failed check sent back, and where a technician is clocked on.
extension StoreConformance {
    public func comebacksReworkAndClocks() throws {
        let store = try make()
        let (first, second) = try store.write { tx -> (RepairOrder, RepairOrder) in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            var a = try tx.insertRepairOrder(RepairOrder(number: "RO-20261123-0001", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬",
                                                         openedAt: Self.now), openedOn: Self.today)
            let loadedA = a
            a.lines = [RepairOrderLine(id: 1, kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 120),
                                       unitPrice: Money(fen: 28_000), clockedOnAt: Self.now, clockedOnBy: "夏勇")]
            a.checks = [QualityCheck(stage: .final, passed: false, by: "赵子涵", at: Self.now, note: "异响", rework: [1, 3])]
            a.team = "机电一组"
            a.delivery = DeliveryRecord(nextServiceOn: Self.today.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "晚上",
                                        oldPartsShown: true, at: Self.now, customerSatisfied: true)
            try tx.saveRepairOrder(a, was: loadedA)
            var b = try tx.insertRepairOrder(RepairOrder(number: "RO-20261123-0002", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬",
                                                         openedAt: Self.now), openedOn: Self.today)
            let loadedB = b
            b.comebackOf = a.number
            // v29: the check-in says the customer waits; the comeback is delivered an hour later.
            b.checkIn = CheckInSheet(mileage: 12_000, fuelEighths: 4, coversFitted: true, damage: "none", valuables: "none", equipment: "",
                                     customerWaits: true)
            b.delivery = DeliveryRecord(nextServiceOn: Self.today.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "晚上",
                                        oldPartsShown: true, at: Timestamp(secondsSince1970: Self.now.secondsSince1970 + 3_600), customerSatisfied: true)
            try tx.saveRepairOrder(b, was: loadedB)
            return (a, b)
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.repairOrder(id: first.id) == first)
            #expect(try tx.repairOrder(id: second.id)?.comebackOf == "RO-20261123-0001")
            #expect(try tx.repairOrderNumbers(comebackOf: "RO-20261123-0001") == ["RO-20261123-0002"])
            #expect(try tx.repairOrderNumbers(comebackOf: "RO-20261123-0002").isEmpty)
            #expect(try tx.repairOrder(id: second.id)?.checkIn?.customerWaits == true)
            #expect(try tx.repairOrder(id: first.id)?.checkIn == nil)
            // report kpi: the comebacks delivered in a period, with the earlier order's advisor and team.
            let hour = Self.now.secondsSince1970 + 3_600
            #expect(try tx.comebacks(deliveredFrom: Self.now, to: Timestamp(secondsSince1970: hour + 1))
                    == [KPIComeback(orderID: second.id, deliveredAt: Timestamp(secondsSince1970: hour), earlier: "RO-20261123-0001",
                                    earlierAdvisor: "薛淑芬", earlierTeam: "机电一组")])
            #expect(try tx.comebacks(deliveredFrom: Self.now, to: Timestamp(secondsSince1970: hour)).isEmpty)
            #expect(try tx.clockedOnLines(technician: "夏勇") == [ClockedOnLine(orderNumber: "RO-20261123-0001", line: 1, code: "BRK-PAD-F", since: Self.now)])
            #expect(try tx.clockedOnLines(technician: "许思远").isEmpty)
        }
        // Clocked off: found nowhere any more.
        try store.write { tx in
            var a = try #require(try tx.repairOrder(id: first.id))
            let loaded = a
            a.lines[0].clockedOnAt = nil
            try tx.saveRepairOrder(a, was: loaded)
        }
        #expect(try store.read { try $0.clockedOnLines(technician: "夏勇") }.isEmpty)
    }
}
