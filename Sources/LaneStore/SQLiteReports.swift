import Foundation
import GRDB
import LaneCore

// The rows of a period for `report kpi`. Every statement starts from an index on a day or a time
// (repair_order_by_day, repair_order_by_delivery, complaint_by_opened, delayed_delivery_by_opened) and
// reaches other rows by key (a comeback's earlier order by its number): a month's report reads
// that month's orders, whatever the size of the fleet.
extension SQLiteTransaction {
    // The statements, kept here so that the query-plan test explains exactly these.
    /// The orders of a period: opened on its days (`repair_order_by_day`) or delivered in it
    /// (`repair_order_by_delivery`), two index ranges; its four `?` are the days and the times.
    static let periodOrderIDs = """
        SELECT id FROM repair_order WHERE opened_on >= ? AND opened_on <= ?
        UNION SELECT id FROM repair_order WHERE delivered_at >= ? AND delivered_at < ?
        """
    static let openedOrDelivered = "WHERE id IN (\(periodOrderIDs)) ORDER BY opened_at, id"
    /// Those orders' columns the figures read (`KPIOrder`).
    static let periodKPIOrders = "SELECT \(RepairOrderColumns.kpiColumns) FROM repair_order \(openedOrDelivered)"
    /// The same orders' lines, found from the same two ranges by the line table's key: the
    /// period's lines in one statement, never one per order nor the ids sent back as a list.
    static let periodOrderLines = "WHERE repair_order_id IN (\(periodOrderIDs))"
    /// Those lines' columns the figures read (`KPIOrderLine`), by order and line.
    static let periodKPIOrderLines = "SELECT \(RepairOrderColumns.kpiLineColumns) FROM repair_order_line \(periodOrderLines) ORDER BY repair_order_id, line_no"
    /// The comebacks delivered in a period with the earlier order they repeat (by its unique number).
    static let comebacksDelivered = """
        SELECT r.id, r.delivered_at, e.number, e.advisor, e.team
        FROM repair_order r JOIN repair_order e ON e.number = r.comeback_of
        WHERE r.delivered_at >= ? AND r.delivered_at < ? AND r.comeback_of IS NOT NULL
        ORDER BY r.delivered_at, r.id
        """
    static let openedInPeriod = "WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id"

    /// Two statements for any period: the orders (the columns the figures read), then their lines. The
    /// report reads no check or payment, so these are not loaded (a month at 100k vehicles has more checks
    /// than lines).
    func kpiOrders(openedFrom first: CalendarDate, through last: CalendarDate, orDeliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIOrder] {
        let period: StatementArguments = [first.description, last.description, from.secondsSince1970, to.secondsSince1970]
        var orders = try stepRows(sql: Self.periodKPIOrders, arguments: period, table: "repair_order") { r in
            let id: Int64 = try r[0]
            return try RepairOrderColumns.kpiOrder(id: id, vehicleID: r[1], advisor: r[2], team: r[3], status: r[4], openedAt: r[5],
                                                   deliveredAt: r[6], promisedAt: r[7], appointmentID: r[8], checkInMileage: r[9],
                                                   customerWaits: r[10], discountFen: r[11]) { RepairOrderColumns.damagedOrderNumber(id, in: self) }
        }
        guard !orders.isEmpty else { return [] }
        var lines: [Int64: [KPIOrderLine]] = [:]
        try eachStepRow(sql: Self.periodKPIOrderLines, arguments: period, table: "repair_order_line") { r in
            let orderID: Int64 = try r[10]
            lines[orderID, default: []].append(try RepairOrderColumns.kpiLine(
                kind: r[0], code: r[1], hours: r[2], quantity: r[3], unitFen: r[4], payer: r[5], origin: r[6], approval: r[7], workedMinutes: r[8],
                clockedOnBy: r[9], line: r[11]) { RepairOrderColumns.damagedOrderNumber(orderID, in: self) })
        }
        for i in orders.indices { orders[i].lines = lines[orders[i].id] ?? [] }
        return orders
    }

    func comebacks(deliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIComeback] {
        try stepRows(sql: Self.comebacksDelivered, arguments: [from.secondsSince1970, to.secondsSince1970], table: "repair_order") { row in
            try KPIComeback(orderID: row[0], deliveredAt: Timestamp(secondsSince1970: row[1]), earlier: row[2], earlierAdvisor: row[3],
                            earlierTeam: row[4])
        }
    }

    func complaints(openedFrom from: Timestamp, to: Timestamp) throws -> [Complaint] {
        try complaints(Self.openedInPeriod, [from.secondsSince1970, to.secondsSince1970])
    }

    func delayedDeliveries(openedFrom from: Timestamp, to: Timestamp) throws -> [DelayedDelivery] {
        try delayed(Self.openedInPeriod, [from.secondsSince1970, to.secondsSince1970])
    }

    func kpiDayMarks(utcDays: ClosedRange<Int64>) throws -> [Int64: Int64] {
        var marks: [Int64: Int64] = [:]
        try eachStepRow(sql: KPIDayShares.marksSQL, arguments: [utcDays.lowerBound, utcDays.upperBound], table: "kpi_day_mark") { row in
            marks[try row[0]] = try row[1]
        }
        return marks
    }

    func keptKPIDays(from first: CalendarDate, through last: CalendarDate) throws -> [KeptKPIDay] {
        var days: [KeptKPIDay] = []
        try eachStepRow(sql: KPIDayShares.sharesSQL, arguments: [first.description, last.description], table: "kpi_day") { row in
            let text: String = try row[0]
            guard let day = CalendarDate(parsing: text) else { return }
            days.append(KeptKPIDay(day: day, marks: try row[1], basis: try row[2], share: try row[3]))
        }
        return days
    }

    func keepKPIDays(_ days: [KeptKPIDay]) throws {
        for d in days { try execute(sql: KPIDayShares.keepSQL, arguments: [d.day.description, d.marks, d.basis, d.share]) }
    }
}
