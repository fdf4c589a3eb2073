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

    /// `report kpi`'s orders of a period (opened on its days or delivered in it) come in two statements, the orders
    /// (the columns the figures read) and their lines; they are exactly the orders read one by one as the figures see
    /// them (`KPIOrder.init(_:)`), and give the same report as those full orders. A varied stretch: opened before the
    /// period and delivered in it, opened in it and delivered after it or not at all, at a day's first and last minute;
    /// cancelled or not, promised or not, by appointment or not, with and without a check-in sheet and a waiting
    /// customer, discounted or not.
    public func reportPeriodOrders() throws {
        let store = try make()
        let offset = UTCOffset.china
        let first = Self.today.adding(days: -5), last = Self.today.adding(days: 5)
        let period = KPIPeriod(from: first, to: last)
        let (start, end) = period.bounds(in: offset)
        let ids = try store.write { tx -> [Int64] in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            let booked = try tx.insertAppointment(Appointment(number: "AP-20261124-001", vehicleID: v.id, customerID: c.id, advisor: "薛淑芬",
                                                              start: Self.now, durationMinutes: 60, job: "保养", bay: 1, channel: .inbound,
                                                              calledAt: Self.now, enteredAt: Self.now), day: Self.today)
            var ids: [Int64] = []
            for i in 0..<60 {
                let day = Self.today.adding(days: i % 24 - 12)
                let minute = [0, 9 * 60, 13 * 60 + 30, 23 * 60 + 59][i % 4]
                let opened = Timestamp(date: day, hour: minute / 60, minute: minute % 60, offset: offset)
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-\(day.description)-\(i)", vehicleID: v.id, customerID: c.id,
                                                             advisor: ["薛淑芬", "顾静"][i % 2], appointmentID: i % 6 == 1 ? booked.id : nil,
                                                             openedAt: opened), openedOn: day)
                let loaded = o
                o.team = i % 3 == 0 ? nil : "机电一组"
                if i % 3 != 2 {
                    o.checkIn = CheckInSheet(mileage: 12_000 + i, fuelEighths: 4, coversFitted: true, damage: "", valuables: "", equipment: "",
                                             customerWaits: i % 2 == 0)
                }
                o.promisedAt = i % 4 == 0 ? nil : Timestamp(secondsSince1970: opened.secondsSince1970 + Int64(i % 5) * 21_600)
                o.discount = Money(fen: i % 4 == 1 ? Int64(500 + i) : 0)
                o.lines = (1...(1 + i % 3)).map { n in
                    RepairOrderLine(id: Int64(n), kind: n == 2 ? .part : .labor, code: n == 2 ? "XH-15400-0001" : "MNT-5K", name: "保养",
                                    hours: LaborHours(hundredths: 50 * n), quantity: n, unitPrice: Money(fen: Int64(10_000 + i)),
                                    payer: n == 3 ? .warranty : .customer, origin: n == 3 ? .recommended : .estimate,
                                    approval: n == 3 && i % 2 == 0 ? .refused : .approved, workedMinutes: 30 + i, clockedOnBy: "夏勇", done: true)
                }
                o.checks = [QualityCheck(stage: .final, passed: true, by: "赵子涵", at: opened, note: "正常")]
                if i % 5 != 4 {
                    o.status = .delivered
                    o.delivery = DeliveryRecord(nextServiceOn: day.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "",
                                                oldPartsShown: true, at: Timestamp(secondsSince1970: opened.secondsSince1970 + Int64(i % 7) * 43_200),
                                                customerSatisfied: true)
                } else if i % 2 == 0 {
                    o.status = .cancelled
                    o.cancelReason = "客户改约"
                }
                try tx.saveRepairOrder(o, was: loaded)
                ids.append(o.id)
            }
            return ids
        }
        try store.read { (tx: any StoreReading) throws in
            let got = try tx.kpiOrders(openedFrom: first, through: last, orDeliveredFrom: start, to: end)
            // The same orders read one by one, and chosen by the definition itself.
            let each = try ids.compactMap { try tx.repairOrder(id: $0) }.filter { o in
                period.contains(o.openedAt.date(in: offset)) || o.delivery.map { $0.at >= start && $0.at < end } == true
            }.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
            #expect(each.count > 20 && each.count < 60)
            #expect(each.allSatisfy { !$0.checks.isEmpty })
            // The stretch has each case the figures tell apart.
            #expect(each.contains { $0.status == .cancelled } && each.contains { $0.checkIn?.customerWaits == true }
                    && each.contains { $0.checkIn == nil } && each.contains(where: \.byAppointment) && each.contains { $0.promisedAt == nil }
                    && each.contains { $0.discount.fen > 0 })
            // The figures' columns of each, as the whole order gives them.
            #expect(got == each.map(KPIOrder.init))
            // And the report is the same as the one worked out from the full orders.
            for grouping in [nil, KPIGrouping.advisor, .team, .technician] {
                #expect(KPIReport(facts: KPIFacts(period: period, offset: offset, orders: got), grouping: grouping)
                        == KPIReport(facts: KPIFacts(period: period, offset: offset, orders: each.map(KPIOrder.init)), grouping: grouping))
            }
            #expect(try tx.kpiOrders(openedFrom: last.adding(days: 30), through: last.adding(days: 31),
                                        orDeliveredFrom: Timestamp(date: last.adding(days: 30), offset: offset),
                                        to: Timestamp(date: last.adding(days: 32), offset: offset)).isEmpty)
        }
    }

    /// `followup files` reads the visits a page at a time (`visitFiles(statuses:openedFrom:before:limit:)`): read
    /// on from each page's last order, the pages are exactly the orders the definition picks, in its order (opened
    /// newest first, the higher id first in one second), for page sizes of one order up to more than there are.
    /// Orders in other statuses, opened before `from` or at `before` and after are left out; several share a second.
    /// Of each order the store reads what `VisitFile(_:)` takes from the whole order: with and without a request,
    /// a check-in, a delivery (and a follow-up time), approved work (none, only refused or pending lines, or some).
    public func newestOrdersPaged() throws {
        let store = try make()
        let offset = UTCOffset.china
        let statuses: [RepairOrderStatus] = [.delivered, .settled, .closed]
        let all = try store.write { tx -> [RepairOrder] in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            var made: [RepairOrder] = []
            for i in 0..<40 {
                let day = Self.today.adding(days: -(i % 10))
                // Orders i and i + 10 (i < 10) share a second and a status; the others have a second of their own.
                let opened = Timestamp(secondsSince1970: Timestamp(date: day, hour: 9, minute: 0, offset: offset).secondsSince1970 + Int64(i < 20 ? i % 5 : i))
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-\(day.description)-\(i)", vehicleID: v.id, customerID: c.id,
                                                             advisor: "薛淑芬", openedAt: opened), openedOn: day)
                let loaded = o
                o.status = [RepairOrderStatus.delivered, .settled, .closed, .inProgress, .cancelled][i % 5]
                if i % 2 == 0 { o.complaint = "保养" }
                if i % 3 == 0 { o.checkIn = CheckInSheet(mileage: 12_000, fuelEighths: 4, coversFitted: true, damage: "", valuables: "", equipment: "") }
                if i % 4 != 1 {
                    o.delivery = DeliveryRecord(nextServiceOn: day.adding(days: 180), nextServiceKm: 20_000,
                                                followUpPreference: i % 8 == 0 ? "" : "工作日下午", oldPartsShown: false, at: opened)
                }
                func line(_ number: Int64, _ approval: LineApproval) -> RepairOrderLine {
                    var l = RepairOrderLine(id: number, kind: .labor, code: "MNT-\(number)", name: "保养", unitPrice: Money(fen: 30_000))
                    l.approval = approval
                    return l
                }
                switch i % 7 {
                case 0: break
                case 1: o.lines = [line(1, .refused)]
                case 2: o.lines = [line(1, .pending), line(2, .refused)]
                case 3: o.lines = [line(1, .refused), line(2, .approved)]
                default: o.lines = [line(1, .approved)]
                }
                try tx.saveRepairOrder(o, was: loaded)
                made.append(o)
            }
            return made
        }
        let from = Timestamp(date: Self.today.adding(days: -7), offset: offset)
        let before = Timestamp(date: Self.today, hour: 9, minute: 0, offset: offset)
        let expected = all.filter { statuses.contains($0.status) && $0.openedAt >= from && $0.openedAt < before }
            .sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }
        #expect(expected.count > 10 && expected.count < all.count)
        #expect(Set(expected.map { $0.lines.map(\.approval) }) == [[], [.refused], [.pending, .refused], [.refused, .approved], [.approved]],
                "every kind of order's lines is among those listed")
        #expect(Set(expected.map(\.openedAt)).count < expected.count, "no two orders share a second")
        try store.read { (tx: any StoreReading) throws in
            // The definition's orders are the ones the store holds.
            #expect(try expected.map { try tx.repairOrder(id: $0.id) } == expected)
            for limit in [1, 2, 3, 7, expected.count, expected.count + 5] {
                var got: [VisitFile] = [], position = RepairOrderPosition.before(before)
                // A page that did not move past its last order would read it for ever: as many pages as orders at most.
                for _ in 0...expected.count {
                    let page = try tx.visitFiles(statuses: statuses, openedFrom: from, before: position, limit: limit)
                    #expect(page.count <= limit)
                    got += page
                    guard page.count == limit, let last = page.last else { break }
                    position = RepairOrderPosition(after: last)
                }
                #expect(got == expected.map(VisitFile.init), "pages of \(limit)")
            }
            let facts = expected.map(VisitFile.init)
            for fact in [\VisitFile.hasRequest, \.hasApprovedWork, \.isDelivered, \.isCheckedIn] {
                #expect(Set(facts.map { $0[keyPath: fact] }) == [false, true], "the orders differ in \(fact)")
            }
            #expect(Set(facts.map(\.followUpPreference)) == ["", "工作日下午"])
            #expect(try tx.visitFiles(statuses: [.inProgress], openedFrom: from, before: .before(before), limit: 100)
                    == all.filter { $0.status == .inProgress && $0.openedAt >= from && $0.openedAt < before }
                        .sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }.map(VisitFile.init))
            #expect(try tx.visitFiles(statuses: [], openedFrom: from, before: .before(before), limit: 100).isEmpty)
        }
    }
}
