import Foundation
import LaneStore

/// "Every lookup uses an index": what SQLite says it does with each statement a test store ran
/// (`EXPLAIN QUERY PLAN`), not how long it took, so the check holds on any machine and any size.
public enum QueryPlans {
    /// The tables that grow with the fleet and its history (a plugin's `plg_` tables too); a lookup
    /// may read them only through an index. Settings, staff, teams, catalogues, number series,
    /// campaigns and the plugins' bookkeeping stay small.
    public static let growing: Set<String> = [
        "customer", "customer_search_key", "vehicle", "vehicle_event", "repair_order", "repair_order_line", "quality_check",
        "repair_order_event", "stock_movement", "reminder_log", "reminder_schedule", "delayed_delivery", "follow_up", "complaint",
        "appointment", "appointment_event", "part_reservation", "audit_log", "audit_personal", "audit_subject", "row_seal",
        "print_log", "plugin_state",
    ]

    /// One plan step that reads a growing table from end to end.
    public struct Scan: CustomStringConvertible, Sendable {
        public var table: String
        public var step: String
        public var sql: String
        public var description: String { "\(step)  [\(table)]  in: \(sql.split(whereSeparator: \.isWhitespace).joined(separator: " "))" }
    }

    /// Every step of every statement `store` ran that scans a growing table, except a scan that
    /// yields rows in the statement's own order and stops at its LIMIT (a page: it reads as many
    /// rows as it shows, and no temporary sort is built over the whole table).
    public static func fullScans(_ store: SQLiteStore) throws -> [Scan] {
        var found: [Scan] = []
        for sql in store.statementsRun() where isQuery(sql) {
            let plan = try store.queryPlan(sql)
            let paged = sql.range(of: #"\bLIMIT\b"#, options: [.regularExpression, .caseInsensitive]) != nil
                && !plan.contains { $0.hasPrefix("USE TEMP B-TREE") }
            let aliases = Self.aliases(in: sql)
            for step in plan where step.hasPrefix("SCAN ") {
                let name = String(step.dropFirst(5).prefix { !$0.isWhitespace })
                let table = aliases[name] ?? name
                let isGrowing = growing.contains(table) || table.hasPrefix("plg_")
                if isGrowing && !paged { found.append(Scan(table: table, step: step, sql: sql)) }
            }
        }
        return found
    }

    /// Statements with a plan worth asking for: reads, and writes that find their rows.
    static func isQuery(_ sql: String) -> Bool {
        let head = sql.prefix { !$0.isWhitespace }.uppercased()
        return ["SELECT", "WITH", "UPDATE", "DELETE", "INSERT"].contains(head)
    }

    /// `FROM vehicle AS v`, `JOIN vehicle v`: alias → table, as the plan names the alias.
    public static func aliases(in sql: String) -> [String: String] {
        let keywords: Set<String> = ["WHERE", "JOIN", "ON", "ORDER", "GROUP", "LEFT", "INNER", "CROSS", "NATURAL", "INDEXED", "NOT",
                                     "LIMIT", "USING", "UNION", "SET", "VALUES", "HAVING", "WINDOW", "EXCEPT", "INTERSECT", "AS"]
        var map: [String: String] = [:]
        let pattern = try? NSRegularExpression(pattern: #"\b(?:FROM|JOIN)\s+(\w+)(?:\s+AS)?\s+(\w+)"#, options: [.caseInsensitive])
        let text = sql as NSString
        for m in pattern?.matches(in: sql, range: NSRange(location: 0, length: text.length)) ?? [] {
            let table = text.substring(with: m.range(at: 1)), alias = text.substring(with: m.range(at: 2))
            if !keywords.contains(alias.uppercased()) { map[alias] = table }
        }
        return map
    }
}
