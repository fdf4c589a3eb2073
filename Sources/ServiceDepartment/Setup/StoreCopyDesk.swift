import LaneCore
import LaneStore

/// `store copy`: a whole store moved to another backend (its file to a server, or
/// a server's store back to a file a person can open as a backup). All or
/// nothing: the copy is made in one transaction of the target, pulling the source's
/// rows a batch at a time, and its audit trail is verified there, with the store's
/// own key, before it is committed.
public enum StoreCopyDesk {
    public struct Copied: Sendable {
        public var tables: Int
        public var rows: Int
        public var auditRows: Int
        public var from: String
        public var to: String
        public var message: Message {
            Message("server.copy_done", ["rows": .int(rows), "tables": .int(tables), "from": .text(from), "to": .text(to)])
        }
    }

    /// Rows a batch of the copy holds: the most either side keeps in memory of a table at once.
    public static let batchRows = 5_000

    /// The source is read in one transaction (its audit trail verified in the same read) while
    /// the target's one transaction pulls its tables from it a batch at a time.
    public static func copy(from source: any StoreCopying, to target: any StoreCopying, by caller: Caller,
                            department: Department, batchRows: Int = StoreCopyDesk.batchRows) throws -> Copied {
        try department.authorize("store copy", caller)
        guard source.location != target.location else {
            throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_same"))])
        }
        let held = try target.heldRows()
        if held.customers > 0 || held.repairOrders > 0 || held.auditRows > 0 {
            throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_target_not_empty", [
                "to": .text(target.location), "rows": .int(held.customers), "orders": .int(held.repairOrders)]))])
        }
        var checked = 0
        let count = try source.exporting { from in
            let sourceAudit = try AuditTrail.verify(from.reading, key: source.secretKey)
            return try target.importTables(from: from, batchRows: batchRows) { tx in
                let result = try AuditTrail.verify(tx, key: target.secretKey)
                let problem: String? = result.firstBroken.map { "row \($0)" } ?? (result.keyMismatch ? "key" : nil)
                    ?? (result.checked != sourceAudit.checked ? "\(result.checked) of \(sourceAudit.checked) rows" : nil)
                if let problem {
                    throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_audit_broken", [
                        "to": .text(target.location), "problem": .text(problem)]))])
                }
                checked = result.checked
            }
        }
        return Copied(tables: count.tables, rows: count.rows, auditRows: checked, from: source.location, to: target.location)
    }
}
