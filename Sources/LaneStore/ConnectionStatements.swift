import CLaneSQLite
import GRDB
import GRDBSQLite
import LaneCore

/// The statements a transaction's SQL funnels (`SQLiteTransaction.cachedStatement`) keep on one
/// connection, found by their SQL. GRDB's own cache hashes the whole text at every use, and a
/// statement's text is often hundreds of bytes (an order's 41 columns): that hashing was 2 % of a
/// scripted write's instructions (28,500 look-ups in 30 lifecycles). Here a text is hashed by its
/// length and three of its bytes, and told apart from others by comparing it whole, which for the same
/// literal is one comparison of its address. Written by hand: a `Dictionary` hashes with SipHash.
///
/// Kept while the schema's number stands (read once per transaction, `startTransaction`): SQLite
/// compiles a kept statement again by itself after a change of the schema, but a statement's column
/// names are read once, and a `SELECT *` would then name the old columns. Used only on its
/// connection's queue, one transaction at a time.
final class ConnectionStatements: @unchecked Sendable {
    /// An open-addressed table (a power of two long, at most half full): the SQL and its statement at the
    /// slot its hash gives, or the next free one. Swift's `Dictionary` hashes any key with SipHash, which
    /// for these few bytes still cost about 500 instructions a look-up.
    private var texts: [String?] = Array(repeating: nil, count: 256)
    private var statements: [Statement?] = Array(repeating: nil, count: 256)
    private var count = 0
    private var schemaVersion: Int32?

    /// At the start of a transaction on `db`: forgets every statement when the schema moved since.
    func startTransaction(_ db: Database) throws {
        // Stepped by hand: GRDB's `fetchOne` was 8,000 instructions, once per transaction.
        let statement = try db.cachedStatement(sql: "PRAGMA schema_version")
        let raw = UnsafeMutableRawPointer(statement.sqliteStatement)
        defer { lane_sqlite_reset(raw) }
        let code = lane_sqlite_step(raw)
        guard code == 100 else {  // SQLITE_ROW
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: lane_sqlite_statement_error(raw)))
        }
        let version = Int32(truncatingIfNeeded: sqlite3_column_int64(statement.sqliteStatement, 0))
        if version != schemaVersion {
            removeAll()
            schemaVersion = version
        }
    }

    func statement(_ sql: String, _ db: Database) throws -> Statement {
        var slot = Self.hash(sql) & (texts.count - 1)
        while let text = texts[slot] {
            if text == sql, let kept = statements[slot] { return kept }
            slot = (slot + 1) & (texts.count - 1)
        }
        let made = try db.makeStatement(sql: sql)
        texts[slot] = sql
        statements[slot] = made
        count += 1
        if count * 2 > texts.count { rebuild(capacity: texts.count * 2) }
        return made
    }

    /// Drops the statement of `sql` (it failed).
    func forget(_ sql: String) {
        guard let slot = texts.firstIndex(where: { $0 == sql }) else { return }
        texts[slot] = nil
        statements[slot] = nil
        count -= 1
        // The texts after it in its run may have been placed past it: placed again.
        rebuild(capacity: texts.count)
    }

    private func removeAll() {
        texts = Array(repeating: nil, count: texts.count)
        statements = Array(repeating: nil, count: texts.count)
        count = 0
    }

    private func rebuild(capacity: Int) {
        let kept = zip(texts, statements).compactMap { text, statement in text.flatMap { t in statement.map { (t, $0) } } }
        texts = Array(repeating: nil, count: capacity)
        statements = Array(repeating: nil, count: capacity)
        for (text, statement) in kept {
            var slot = Self.hash(text) & (capacity - 1)
            while texts[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            texts[slot] = text
            statements[slot] = statement
        }
    }

    /// The length and the first, middle and last bytes, mixed (texts sharing them are told apart by `==`).
    static func hash(_ sql: String) -> Int {
        let count = sql.utf8.count
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        sql.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return }
            h ^= UInt64(first) | UInt64(bytes[bytes.count / 2]) << 8 | UInt64(last) << 16
        }
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}

/// Each connection's `ConnectionStatements`, found by the connection (GRDB's `Database` holds nothing of
/// ours). A connection is entered as it opens (`connectionOpened`), so a later connection at the address
/// of a closed one starts with none of its statements. Not a weak reference to the connection: an object
/// with one has its counts kept aside, and every retain and release of the connection (each statement
/// run) became slower than the look-ups saved.
final class StatementsByConnection: @unchecked Sendable {
    private let all = Locked<[ObjectIdentifier: ConnectionStatements]>([:])

    func connectionOpened(_ db: Database) {
        all.withLock { $0[ObjectIdentifier(db)] = ConnectionStatements() }
    }

    func statements(for db: Database) -> ConnectionStatements {
        all.withLock { all in
            if let kept = all[ObjectIdentifier(db)] { return kept }
            let fresh = ConnectionStatements()
            all[ObjectIdentifier(db)] = fresh
            return fresh
        }
    }

    /// Lets every kept statement go (before the connections close).
    func removeAll() { all.withLock { $0.removeAll() } }
}
