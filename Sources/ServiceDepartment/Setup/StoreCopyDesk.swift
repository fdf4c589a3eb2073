import LaneCore
import LaneStore

/// `store copy`: a whole store moved to another backend (its file to a server, or
/// a server's store back to a file a person can open as a backup). All or
/// nothing: the copy is made in one transaction of the target, and its audit
/// trail is verified there, with the store's own key, before it is committed.
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

    public static func copy(from source: any StoreCopying, to target: any StoreCopying, by caller: Caller,
                            department: Department) throws -> Copied {
        try department.authorize("store copy", caller)
        guard source.location != target.location else {
            throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_same"))])
        }
        let held = try target.heldRows()
        if held.customers > 0 || held.repairOrders > 0 || held.auditRows > 0 {
            throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_target_not_empty", [
                "to": .text(target.location), "rows": .int(held.customers), "orders": .int(held.repairOrders)]))])
        }
        let tables = try source.exportTables()
        let sourceAudit = try source.read { tx in try AuditTrail.verify(tx, key: source.secretKey) }
        var checked = 0
        try target.importTables(tables) { tx in
            let result = try AuditTrail.verify(tx, key: target.secretKey)
            let problem: String? = result.firstBroken.map { "row \($0)" } ?? (result.keyMismatch ? "key" : nil)
                ?? (result.checked != sourceAudit.checked ? "\(result.checked) of \(sourceAudit.checked) rows" : nil)
            if let problem {
                throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_audit_broken", [
                    "to": .text(target.location), "problem": .text(problem)]))])
            }
            checked = result.checked
        }
        return Copied(tables: tables.filter { !$0.rows.isEmpty }.count, rows: tables.reduce(0) { $0 + $1.rows.count },
                      auditRows: checked, from: source.location, to: target.location)
    }
}
