import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing

/// `report kpi` reads a period in a fixed number of statements, whatever the number of its orders
/// (no statement per order: their lines come from the period's own index ranges), and every one of
/// them is an index range (SQLite's plan says so), for each form of the report and for `today`.
@Suite struct ReportStatementTests {
    /// `count` more orders opened in November 2026, most delivered, each with three lines and a check.
    static func addOrders(_ shell: TestShell, _ count: Int, from first: Int) throws {
        try shell.store.write { tx in
            let vehicle = try #require(try tx.vehicle(plate: "粤B27DP2"))
            for i in first..<(first + count) {
                let day = CalendarDate(year: 2026, month: 11, day: 1 + i % 22)!
                let opened = Timestamp(date: day, hour: 9 + i % 8, minute: 0, offset: .china)
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-T-\(i)", vehicleID: vehicle.id, customerID: vehicle.ownerID,
                                                             advisor: ["薛淑芬", "顾静"][i % 2], openedAt: opened), openedOn: day)
                let loaded = o
                o.team = "机电一组"
                o.lines = [RepairOrderLine(id: 1, kind: .labor, code: "MNT-5K", name: "保养", hours: LaborHours(hundredths: 80), unitPrice: Money(fen: 28_000),
                                           workedMinutes: 50, clockedOnBy: "夏勇", done: true),
                           RepairOrderLine(id: 2, kind: .part, code: "XH-15400-0001", name: "机油滤清器", unitPrice: Money(fen: 6_800)),
                           RepairOrderLine(id: 3, kind: .labor, code: "BRK-PAD-F", name: "刹车片", hours: LaborHours(hundredths: 100),
                                           unitPrice: Money(fen: 28_000), origin: .recommended, approval: i % 2 == 0 ? .approved : .refused)]
                o.checks = [QualityCheck(stage: .final, passed: true, by: "赵子涵", at: opened, note: "")]
                if i % 4 != 3 {
                    o.status = .delivered
                    o.delivery = DeliveryRecord(nextServiceOn: day.adding(days: 180), nextServiceKm: 20_000, followUpPreference: "", oldPartsShown: true,
                                                at: Timestamp(secondsSince1970: opened.secondsSince1970 + 7_200), customerSatisfied: true)
                }
                try tx.saveRepairOrder(o, was: loaded)
            }
        }
    }

    /// The statements `line` ran, with how many times each.
    static func statements(_ shell: TestShell, _ line: String) throws -> [String: Int] {
        let before = shell.store.statementExecutions()
        _ = try shell.expectOK(line)
        return shell.store.statementExecutions().reduce(into: [:]) { ran, entry in
            let n = entry.value - before[entry.key, default: 0]
            if n > 0 { ran[entry.key] = n }
        }
    }

    @Test func aPeriodIsAFixedNumberOfIndexRanges() throws {
        let shell = try TestShell(user: "姚雪", seeded: true, recordingStatements: true)
        let lines = ["report kpi --month 2026-11", "report kpi --month 2026-11 --by technician", "report kpi --month 2026-11 --by advisor",
                     "report kpi --week --day 2026-11-18", "report kpi --day 2026-11-20 --by team", "report kpi --from 2026-09-01 --to 2026-11-22"]
        try shell.expectOK("store set kpi.target_on_time_delivery 95")
        try Self.addOrders(shell, 20, from: 0)
        // Once first, so that what a session reads once (settings, words) is not counted against either size.
        for line in lines { _ = try Self.statements(shell, line) }
        let few = try lines.map { try Self.statements(shell, $0) }
        try Self.addOrders(shell, 100, from: 20)
        let many = try lines.map { try Self.statements(shell, $0) }
        for (line, (a, b)) in zip(lines, zip(few, many)) {
            // Five times the orders, the same statements, each run as often.
            #expect(a == b, "\(line): \(a.values.reduce(0, +)) statements with 20 orders, \(b.values.reduce(0, +)) with 120")
            #expect(b.values.reduce(0, +) < 40, "\(line)")
            // The lines came from the period's index ranges, not one statement per order nor a list of ids.
            #expect(b.keys.contains { $0.contains("FROM repair_order_line WHERE repair_order_id IN (SELECT id FROM repair_order WHERE opened_on") },
                    "\(line)")
            #expect(!b.keys.contains { $0.contains("FROM quality_check") || $0.contains("FROM repair_order_payment") }, "\(line)")
        }
        // Every statement of the report, and of the manager's `today` (its figures off target), reads its rows through an index.
        let today = try Self.statements(shell, "today")
        #expect(today.keys.contains { $0.contains("FROM repair_order_line WHERE repair_order_id IN (SELECT id FROM repair_order WHERE opened_on") })
        let ran = Set(many.flatMap(\.keys) + today.keys)
        let scans = try QueryPlans.fullScans(shell.store).filter { ran.contains($0.sql) }
        #expect(scans.isEmpty, "statements of report kpi that read a growing table end to end:\n\(scans.map(\.description).joined(separator: "\n"))")
        #expect(ran.contains { $0.contains("FROM repair_order WHERE id IN") })
    }
}
