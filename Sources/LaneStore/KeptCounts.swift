import LaneCore

/// The counts the store keeps with triggers (`DeclineCounts`, `RowCounts`, `FollowUpScoreHours`) against the rows
/// they count, for `store check` (`ServiceStore.integrityProblems`): lane's writes keep them, so a difference
/// means the database was changed outside lane, or a trigger dropped. The same statements on every backend,
/// each giving rows of a key and two numbers, compared as sets. Reads every row counted: a check, not a lookup.
public enum KeptCounts {
    struct Check {
        var table: String
        var kept: String
        var counted: String
    }

    static let checks = [
        Check(table: "row_count", kept: "SELECT name, n, CAST(0 AS BIGINT) FROM row_count",
              counted: "SELECT 'customer', COUNT(*), CAST(0 AS BIGINT) FROM customer UNION ALL SELECT 'vehicle', COUNT(*), CAST(0 AS BIGINT) FROM vehicle"),
        Check(table: "reminder_decline_count", kept: "SELECT kind || '|' || reason, calls, CAST(0 AS BIGINT) FROM reminder_decline_count",
              counted: "SELECT kind || '|' || reason, COUNT(*), CAST(0 AS BIGINT) FROM reminder_log WHERE outcome = '\(ReminderOutcome.declined.rawValue)' "
                  + "GROUP BY kind, reason"),
        Check(table: "follow_up_score_hour",
              kept: "SELECT CAST(hour AS TEXT), scored, total FROM follow_up_score_hour WHERE scored <> 0 OR total <> 0",
              counted: "SELECT CAST(at / 3600 AS TEXT), COUNT(score), CAST(SUM(score) AS BIGINT) FROM follow_up WHERE score IS NOT NULL "
                  + "GROUP BY at / 3600"),
    ]

    /// The statements that count the rows themselves: each reads its whole table, once, when an administrator
    /// asks `store check` (the query-plan test lets these, and only these, scan).
    public static var countingStatements: [String] { checks.map(\.counted) }

    /// A problem for each table whose kept counts are not its rows' (`rows`: a statement's rows, each as its
    /// key and two numbers).
    public static func problems(_ rows: (String) throws -> [KeptCountRow]) throws -> [Message] {
        try checks.compactMap { check in
            let kept = try rows(check.kept).sorted(), counted = try rows(check.counted).sorted()
            guard kept != counted else { return nil }
            let differing = Set(kept).symmetricDifference(counted).count
            return Message("store.kept_counts_differ", ["table": .text(check.table), "rows": .int(differing)])
        }
    }
}

/// One row of a kept count or of the rows it counts: its key and two numbers.
public struct KeptCountRow: Hashable, Comparable, Sendable {
    public var key: String
    public var a: Int64
    public var b: Int64

    public init(key: String, a: Int64, b: Int64) {
        self.key = key
        self.a = a
        self.b = b
    }

    public static func < (l: KeptCountRow, r: KeptCountRow) -> Bool { (l.key, l.a, l.b) < (r.key, r.a, r.b) }
}
