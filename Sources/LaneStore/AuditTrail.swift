import GRDB
import LaneCore

/// One change as the audit trail keeps it. The chain (`previousHash`,
/// `hash`) is computed by the application layer, so every backend stores the
/// same rows and `audit verify` checks them the same way.
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
    public var previousHash: String
    public var hash: String
    /// HMAC of `hash` with the store's key; "" when the row was written without one.
    public var mac: String

    public init(sequence: Int64 = 0, at: Timestamp, user: String, role: String, command: String, noun: String, ref: String,
                summary: String, previousHash: String = "", hash: String = "", mac: String = "") {
        self.mac = mac
        self.sequence = sequence
        self.at = at
        self.user = user
        self.role = role
        self.command = command
        self.noun = noun
        self.ref = ref
        self.summary = summary
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// A checkpoint of the chain (`audit anchor`): the row it was taken at, that
/// row's hash, and an HMAC with the store's key over both.
public struct AuditAnchor: Sendable, Equatable {
    public var sequence: Int64
    public var hash: String
    public var mac: String
    public var at: Timestamp
    public var by: String
    public init(sequence: Int64, hash: String, mac: String, at: Timestamp, by: String) {
        self.sequence = sequence
        self.hash = hash
        self.mac = mac
        self.at = at
        self.by = by
    }
}

/// The newest row of the audit trail: where the next one chains on.
public struct AuditHead: Sendable, Equatable {
    public var sequence: Int64
    public var hash: String
    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

extension SQLiteTransaction {
    func auditHead() throws -> AuditHead? {
        try fetchRow(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").map { AuditHead(sequence: $0[0], hash: $0[1]) }
    }

    func insertAudit(_ e: AuditEntry) throws {
        try execute(sql: """
            INSERT INTO audit_log (seq, at, user, role, command, noun, ref, summary, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.sequence, e.at.secondsSince1970, e.user, e.role, e.command, e.noun, e.ref, e.summary, e.previousHash, e.hash, e.mac])
    }

    func saveSeal(kind: String, ref: String, mac: String) throws {
        try execute(sql: "INSERT INTO row_seal (kind, ref, mac) VALUES (?, ?, ?) ON CONFLICT(kind, ref) DO UPDATE SET mac = excluded.mac",
                       arguments: [kind, ref, mac])
    }

    func seals(kind: String) throws -> [String: String] {
        var all: [String: String] = [:]
        for row in try fetchRows(sql: "SELECT ref, mac FROM row_seal WHERE kind = ?", arguments: [kind]) { all[row[0]] = row[1] }
        return all
    }

    func insertAuditAnchor(_ a: AuditAnchor) throws {
        try execute(sql: "INSERT INTO audit_anchor (seq, hash, mac, at, by) VALUES (?, ?, ?, ?, ?)",
                       arguments: [a.sequence, a.hash, a.mac, a.at.secondsSince1970, a.by])
    }

    func auditAnchors() throws -> [AuditAnchor] {
        try fetchRows(sql: "SELECT seq, hash, mac, at, by FROM audit_anchor ORDER BY seq").map {
            AuditAnchor(sequence: $0[0], hash: $0[1], mac: $0[2], at: Timestamp(secondsSince1970: $0[3]), by: $0[4])
        }
    }

    func auditEntry(sequence: Int64) throws -> AuditEntry? {
        try fetchRow(sql: "SELECT * FROM audit_log WHERE seq = ?", arguments: [sequence]).map(entry)
    }

    private func entry(_ r: Row) -> AuditEntry {
        AuditEntry(sequence: r["seq"], at: Timestamp(secondsSince1970: r["at"]), user: r["user"], role: r["role"], command: r["command"],
                   noun: r["noun"], ref: r["ref"], summary: r["summary"], previousHash: r["prev_hash"], hash: r["hash"], mac: r["mac"])
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
        return try fetchRows(sql: "SELECT * FROM audit_log \(filter) ORDER BY seq LIMIT ?", arguments: StatementArguments(arguments)).map(entry)
    }

    func auditChain(afterSequence sequence: Int64, limit: Int) throws -> [AuditEntry] {
        try fetchRows(sql: "SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [sequence, limit]).map(entry)
    }
}
