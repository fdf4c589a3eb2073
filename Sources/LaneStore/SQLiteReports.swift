import Foundation
import GRDB
import LaneCore

// The rows of a period for `report kpi`. Every statement starts from an index on a day or a time
// (repair_order_by_day, repair_order_by_delivery, complaint_by_opened, delayed_delivery_by_opened) and
// reaches other rows by key (repair_order_by_vehicle for the previous visit): a month's report reads
// that month's orders, whatever the size of the fleet.
extension SQLiteTransaction {
    // The statements, kept here so that the query-plan test explains exactly these.
    static let openedOrDelivered = """
        WHERE id IN (SELECT id FROM repair_order WHERE opened_on >= ? AND opened_on <= ?
                     UNION SELECT id FROM repair_order WHERE delivered_at >= ? AND delivered_at < ?)
        ORDER BY opened_at, id
        """
    static let previousDelivery = """
        SELECT r.id, (SELECT p.delivered_at FROM repair_order p
                      WHERE p.vehicle_id = r.vehicle_id AND p.opened_at < r.opened_at AND p.status != 'cancelled'
                      ORDER BY p.opened_at DESC LIMIT 1)
        FROM repair_order r WHERE r.opened_on >= ? AND r.opened_on <= ?
        """
    static let openedInPeriod = "WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id"

    func repairOrders(openedFrom first: CalendarDate, through last: CalendarDate, orDeliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder] {
        try orders(Self.openedOrDelivered, [first.description, last.description, from.secondsSince1970, to.secondsSince1970])
    }

    func previousDeliveries(openedFrom first: CalendarDate, through last: CalendarDate) throws -> [Int64: Timestamp] {
        let rows = try fetchRows(sql: Self.previousDelivery, arguments: [first.description, last.description])
        var previous: [Int64: Timestamp] = [:]
        for row in rows {
            if let at = row[1] as Int64? { previous[row[0]] = Timestamp(secondsSince1970: at) }
        }
        return previous
    }

    func complaints(openedFrom from: Timestamp, to: Timestamp) throws -> [Complaint] {
        try complaints(Self.openedInPeriod, [from.secondsSince1970, to.secondsSince1970])
    }

    func delayedDeliveries(openedFrom from: Timestamp, to: Timestamp) throws -> [DelayedDelivery] {
        try delayed(Self.openedInPeriod, [from.secondsSince1970, to.secondsSince1970])
    }
}
