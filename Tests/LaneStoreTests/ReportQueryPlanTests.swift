import GRDB
import Testing
@testable import LaneStore

/// `report kpi` must stay fast at a million vehicles: each of its statements starts from an index on a
/// date or time and never scans a table (SQLite's own plan says so).
@Suite struct ReportQueryPlanTests {
    func plan(_ db: Database, _ sql: String) throws -> [String] {
        let marks = sql.filter { $0 == "?" }.count
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(Array(repeating: 0, count: marks)))
            .map { $0["detail"] as String }
    }

    @Test func everyReportStatementIsAnIndexRange() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let statements = ["SELECT id FROM repair_order " + SQLiteTransaction.openedOrDelivered,
                              "SELECT line_no FROM repair_order_line " + SQLiteTransaction.periodOrderLines,
                              SQLiteTransaction.comebacksDelivered,
                              "SELECT id FROM complaint " + SQLiteTransaction.openedInPeriod,
                              "SELECT id FROM delayed_delivery " + SQLiteTransaction.openedInPeriod]
            for sql in statements {
                let steps = try plan(db, sql)
                #expect(!steps.contains { $0.hasPrefix("SCAN") && !$0.contains("USING") }, "\(steps)")
                #expect(steps.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") }, "\(steps)")
            }
            // The period's lines: by the line table's key, from the two ranges of the orders (no list of ids sent back).
            let lines = try plan(db, "SELECT line_no FROM repair_order_line " + SQLiteTransaction.periodOrderLines)
            #expect(lines.contains { $0.contains("repair_order_by_day") } && lines.contains { $0.contains("repair_order_by_delivery") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("SEARCH repair_order_line USING") }, "\(lines)")
            // The comebacks: delivered in the period by time, the earlier order by its unique number.
            let comebacks = try plan(db, SQLiteTransaction.comebacksDelivered)
            #expect(comebacks.contains { $0.contains("repair_order_by_delivery") }, "\(comebacks)")
            #expect(comebacks.contains { $0.contains("sqlite_autoindex_repair_order") }, "\(comebacks)")
            #expect(try plan(db, "SELECT id FROM complaint " + SQLiteTransaction.openedInPeriod).contains { $0.contains("complaint_by_opened") })
            #expect(try plan(db, "SELECT id FROM delayed_delivery " + SQLiteTransaction.openedInPeriod)
                .contains { $0.contains("delayed_delivery_by_opened") })
        }
    }
}
