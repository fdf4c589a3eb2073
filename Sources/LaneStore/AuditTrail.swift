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
    /// X4: the hash of the personal values kept apart in `AuditPersonal` ("" when the
    /// row has none); nil for rows written before personal values were kept apart,
    /// whose `command` and `summary` hold them as typed.
    public var personalHash: String?
    /// The store sealed its business rows (`row_seal`) when this row was written (v28; false before).
    public var sealed: Bool

    public init(sequence: Int64 = 0, at: Timestamp, user: String, role: String, command: String, noun: String, ref: String,
                summary: String, previousHash: String = "", hash: String = "", mac: String = "", personalHash: String? = "",
                sealed: Bool = false) {
        self.sealed = sealed
        self.mac = mac
        self.personalHash = personalHash
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

/// X4: the personal values of one audit row (names, numbers, addresses, free
/// text), kept apart from the chained row so that `customer erase` can remove
/// them: the row holds placeholders and the hash of `salt` and `values`. The
/// salt is random and erased with the values, so the hash left behind cannot be
/// matched against guessed numbers. `subjects` are the customers' codes the row
/// concerns (how an erasure finds it). After an erasure `values` and `salt` are
/// empty and `erasedMark` is the store key's signature of the erasure.
public struct AuditPersonal: Sendable, Equatable {
    public var sequence: Int64
    public var salt: String
    public var values: [String]
    public var subjects: [String]
    public var erasedMark: String?
    /// How many values the erasure blanked (nil for erasures before v28, or none yet).
    public var erasedValues: Int?
    public init(sequence: Int64, salt: String, values: [String], subjects: [String], erasedMark: String? = nil, erasedValues: Int? = nil) {
        self.erasedValues = erasedValues
        self.sequence = sequence
        self.salt = salt
        self.values = values
        self.subjects = subjects
        self.erasedMark = erasedMark
    }
    public var isErased: Bool { erasedMark != nil }
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
    /// Whether that row was written with the store's rows sealed (v28).
    public var sealed: Bool
    public init(sequence: Int64, hash: String, sealed: Bool = false) {
        self.sequence = sequence
        self.hash = hash
        self.sealed = sealed
    }
}

extension SQLiteTransaction {
    func auditHead() throws -> AuditHead? {
        // Stepped by hand (`eachStepRow`): every write reads it twice.
        try stepRows(sql: "SELECT seq, hash, sealed FROM audit_log ORDER BY seq DESC LIMIT 1", arguments: [], table: "audit_log") {
            try AuditHead(sequence: $0[0], hash: $0[1], sealed: ($0[2] as Int?) == 1)
        }.first
    }

    func insertAudit(_ e: AuditEntry, personal: AuditPersonal?) throws {
        try execute(sql: """
            INSERT INTO audit_log (seq, at, user, role, command, noun, ref, summary, prev_hash, hash, mac, personal_hash, sealed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.sequence, e.at.secondsSince1970, e.user, e.role, e.command, e.noun, e.ref, e.summary, e.previousHash, e.hash, e.mac,
                             e.personalHash, e.sealed ? 1 : nil])
        guard let personal else { return }
        try execute(sql: "INSERT INTO audit_personal (seq, salt, vals, erased_mark) VALUES (?, ?, ?, NULL)",
                    arguments: [e.sequence, personal.salt, Self.joinValues(personal.values)])
        for code in Set(personal.subjects) {
            try execute(sql: "INSERT INTO audit_subject (customer, seq) VALUES (?, ?)", arguments: [code, e.sequence])
        }
    }

    /// Values are kept in one column, split by a character input never holds
    /// (control characters are refused at the prompt).
    static func joinValues(_ values: [String]) -> String { values.joined(separator: "\u{1E}") }
    static func splitValues(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
    }

    func auditPersonal(sequences: [Int64]) throws -> [Int64: AuditPersonal] {
        var all: [Int64: AuditPersonal] = [:]
        guard !sequences.isEmpty else { return all }
        for chunk in stride(from: 0, to: sequences.count, by: 500).map({ Array(sequences[$0..<min($0 + 500, sequences.count)]) }) {
            let marks = chunk.map { _ in "?" }.joined(separator: ", ")
            for r in try Row.fetchAll(db, sql: """
                SELECT p.seq, p.salt, p.vals, p.erased_mark, (SELECT group_concat(customer, ' ') FROM audit_subject s WHERE s.seq = p.seq),
                       p.erased_values
                FROM audit_personal p WHERE p.seq IN (\(marks))
                """, arguments: StatementArguments(chunk)) {
                let subjects: String? = r[4]
                all[r[0]] = AuditPersonal(sequence: r[0], salt: r[1], values: Self.splitValues(r[2]),
                                          subjects: subjects.map { $0.split(separator: " ").map(String.init) } ?? [], erasedMark: r[3],
                                          erasedValues: r[5])
            }
        }
        return all
    }

    func firstSignedAuditSequence() throws -> Int64? {
        // Once per store, when the record of where signing began is first written.
        try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM audit_log WHERE mac <> ''")
    }

    func auditPersonalNotErased(ofCustomer code: String) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT s.seq FROM audit_subject s JOIN audit_personal p ON p.seq = s.seq
            WHERE s.customer = ? AND p.erased_mark IS NULL ORDER BY s.seq
            """, arguments: [code])
    }

    func eraseAuditPersonal(sequence: Int64, mark: String) throws {
        // secure_delete (see SQLiteStore) overwrites the old values on disk.
        // The values are counted as they are blanked (the right-hand sides read the row as it was).
        try db.execute(sql: """
            UPDATE audit_personal SET salt = '', vals = '', erased_mark = ?,
                erased_values = CASE vals WHEN '' THEN 0 ELSE length(vals) - length(replace(vals, char(30), '')) + 1 END
            WHERE seq = ?
            """, arguments: [mark, sequence])
    }

    func saveSeal(kind: String, ref: String, mac: String) throws {
        try execute(sql: "INSERT INTO row_seal (kind, ref, mac) VALUES (?, ?, ?) ON CONFLICT(kind, ref) DO UPDATE SET mac = excluded.mac",
                       arguments: [kind, ref, mac])
    }

    func customersChangedInTransaction() throws -> [Int64] {
        let ids = try fetchValues(Int64.self, sql: "SELECT id FROM temp.changed_customer ORDER BY id")
        // Most changes write no customer: nothing to clear.
        if !ids.isEmpty { try execute(sql: "DELETE FROM temp.changed_customer") }
        return ids
    }

    func staffChangedInTransaction() throws -> [String] {
        let names = try fetchValues(String.self, sql: "SELECT name FROM temp.changed_staff ORDER BY name")
        if !names.isEmpty { try execute(sql: "DELETE FROM temp.changed_staff") }
        return names
    }

    func seals(kind: String) throws -> [String: String] {
        // Stepped by hand: every change asks (whether signing has begun).
        var all: [String: String] = [:]
        try eachStepRow(sql: "SELECT ref, mac FROM row_seal WHERE kind = ?", arguments: [kind], table: "row_seal") { row in all[try row[0]] = try row[1] }
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
                   noun: r["noun"], ref: r["ref"], summary: r["summary"], previousHash: r["prev_hash"], hash: r["hash"], mac: r["mac"],
                   personalHash: r["personal_hash"], sealed: (r["sealed"] as Int?) == 1)
    }

    func auditEntries(ref: String?, user: String?, from: Timestamp?, to: Timestamp?, limit: Int) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []  // optional: no array cast at run time (see `dueSchedule`)
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
