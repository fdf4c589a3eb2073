import Foundation
import GRDB
import LaneCore

// The rows of a period for `report kpi`. Every statement starts from an index on a day or a time
// (repair_order_by_day, repair_order_by_delivery, complaint_by_opened, delayed_delivery_by_opened) and
// reaches other rows by key (a comeback's earlier order by its number): a month's report reads
// that month's orders, whatever the size of the fleet.
extension SQLiteTransaction {
    // The statements, kept here so that the query-plan test explains exactly these.
    static let openedOrDelivered = """
        WHERE id IN (SELECT id FROM repair_order WHERE opened_on >= ? AND opened_on <= ?
                     UNION SELECT id FROM repair_order WHERE delivered_at >= ? AND delivered_at < ?)
        ORDER BY opened_at, id
        """
    /// The comebacks delivered in a period with the earlier order they repeat (by its unique number).
    static let comebacksDelivered = """
        SELECT r.id, r.delivered_at, e.number, e.advisor, e.team
        FROM repair_order r JOIN repair_order e ON e.number = r.comeback_of
        WHERE r.delivered_at >= ? AND r.delivered_at < ? AND r.comeback_of IS NOT NULL
        ORDER BY r.delivered_at, r.id
        """
    static let openedInPeriod = "WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id"

    func repairOrders(openedFrom first: CalendarDate, through last: CalendarDate, orDeliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder] {
        try orders(Self.openedOrDelivered, [first.description, last.description, from.secondsSince1970, to.secondsSince1970])
    }

    func comebacks(deliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIComeback] {
        try fetchRows(sql: Self.comebacksDelivered, arguments: [from.secondsSince1970, to.secondsSince1970]).map { row in
            KPIComeback(orderID: row[0], deliveredAt: Timestamp(secondsSince1970: row[1]), earlier: row[2], earlierAdvisor: row[3], earlierTeam: row[4])
        }
    }

    func complaints(openedFrom from: Timestamp, to: Timestamp) throws -> [Complaint] {
        try complaints(Self.openedInPeriod, [from.secondsSince1970, to.secondsSince1970])
    }

    func delayedDeliveries(openedFrom from: Timestamp, to: Timestamp) throws -> [DelayedDelivery] {
        try delayed(Self.openedInPeriod, [from.secondsSince1970, to.secondsSince1970])
    }
}
