import Crypto
import GRDB
import LaneCore

/// One change as the audit trail keeps it.
public struct AuditEntry: Sendable, Equatable {
    public var sequence: Int64
    public var at: Timestamp
    public var user: String
    public var role: String
    /// The command line as typed.
    public var command: String
    public var noun: String
    /// The entity it changed (RO number, plate, customer code…), or "".
    public var ref: String
    /// What the command answered: the change, in words.
    public var summary: String
    public var hash: String

    public init(sequence: Int64 = 0, at: Timestamp, user: String, role: String, command: String, noun: String, ref: String,
                summary: String, hash: String = "") {
        self.sequence = sequence
        self.at = at
        self.user = user
        self.role = role
        self.command = command
        self.noun = noun
        self.ref = ref
        self.summary = summary
        self.hash = hash
    }
}

/// The result of `audit verify`.
public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    /// The first row whose hash does not follow from its content and the row before.
    public var firstBroken: Int64?
}

enum AuditChain {
    /// SHA-256 over the previous hash and every field, separated by a unit
    /// separator so no field can run into the next.
    static func hash(previous: String, _ e: AuditEntry) -> String {
        let text = [previous, String(e.sequence), String(e.at.secondsSince1970), e.user, e.role, e.command, e.noun, e.ref, e.summary]
            .joined(separator: "\u{1F}")
        return SHA256.hash(data: Array(text.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    static let genesis = String(repeating: "0", count: 64)
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

extension SQLiteTransaction {
    func appendAudit(_ entry: AuditEntry) throws {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        var e = entry
        e.sequence = (last.map { $0[0] as Int64 } ?? 0) + 1
        let previous = last.map { $0[1] as String } ?? AuditChain.genesis
        e.hash = AuditChain.hash(previous: previous, e)
        try db.execute(sql: """
            INSERT INTO audit_log (seq, at, user, role, command, noun, ref, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.sequence, e.at.secondsSince1970, e.user, e.role, e.command, e.noun, e.ref, e.summary, previous, e.hash])
    }

    private func entry(_ r: Row) -> AuditEntry {
        AuditEntry(sequence: r["seq"], at: Timestamp(secondsSince1970: r["at"]), user: r["user"], role: r["role"], command: r["command"],
                   noun: r["noun"], ref: r["ref"], summary: r["summary"], hash: r["hash"])
    }

    func auditEntries(ref: String?, user: String?, from: Timestamp?, to: Timestamp?, limit: Int) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let ref { conditions.append("ref = ?"); arguments.append(ref) }
        if let user { conditions.append("user = ?"); arguments.append(user) }
        if let from { conditions.append("at >= ?"); arguments.append(from.secondsSince1970) }
        if let to { conditions.append("at < ?"); arguments.append(to.secondsSince1970) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(limit)
        return try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY seq LIMIT ?", arguments: StatementArguments(arguments)).map(entry)
    }

    func verifyAudit() throws -> AuditVerification {
        var previous = AuditChain.genesis
        var checked = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        var expectedSequence: Int64 = 1
        while let r = try rows.next() {
            let e = entry(r)
            let storedPrevious: String = r["prev_hash"]
            if e.sequence != expectedSequence || storedPrevious != previous || AuditChain.hash(previous: previous, e) != e.hash {
                return AuditVerification(checked: checked, firstBroken: e.sequence)
            }
            previous = e.hash
            checked += 1
            expectedSequence += 1
        }
        return AuditVerification(checked: checked, firstBroken: nil)
    }
}
