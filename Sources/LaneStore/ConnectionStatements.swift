import CLaneSQLite
import GRDB
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
    private var slots: [(sql: String, statement: Statement)?] = Array(repeating: nil, count: 256)
    private var count = 0
    private var schemaVersion: Int64?

    /// At the start of a transaction on `db`: forgets every statement when the schema moved since.
    func startTransaction(_ db: Database) throws {
        let version = try SQLiteTransaction.schemaVersion(db)
        if version != schemaVersion {
            slots = Array(repeating: nil, count: slots.count)
            count = 0
            schemaVersion = version
        }
    }

    func statement(_ sql: String, _ db: Database) throws -> Statement {
        var slot = Self.hash(sql) & (slots.count - 1)
        while let kept = slots[slot] {
            if kept.sql == sql { return kept.statement }
            slot = (slot + 1) & (slots.count - 1)
        }
        let made = try Self.compile(sql, db)
        slots[slot] = (sql, made)
        count += 1
        if count * 2 > slots.count { rebuild(capacity: slots.count * 2) }
        return made
    }

    /// The statement of `sql`, compiled without GRDB's authorizer when it only reads or changes rows: GRDB
    /// notes each column such a statement names for observers lane does not use (lane_sqlite.c), and a
    /// statement that begins or ends a transaction, changes the schema or sets a pragma tells GRDB so
    /// through that authorizer alone.
    static func compile(_ sql: String, _ db: Database) throws -> Statement {
        try quietly(sql) { try db.makeStatement(sql: sql) }
    }

    /// `compiling`, which compiles `sql` alone, without GRDB's authorizer when `sql` only reads or changes rows.
    static func quietly<T>(_ sql: String, _ compiling: () throws -> T) rethrows -> T {
        guard readsOrChangesRowsOnly(sql) else { return try compiling() }
        lane_sqlite_compile_quietly(1)
        defer { lane_sqlite_compile_quietly(0) }
        return try compiling()
    }

    /// Whether the statement's first word is one of a statement on rows: `SELECT`, `INSERT`, `UPDATE`,
    /// `DELETE`, `REPLACE` or `WITH` (which leads to one of them).
    static func readsOrChangesRowsOnly(_ sql: String) -> Bool {
        let text = sql.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        let word = text.prefix { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }.map { $0 & ~0x20 }
        return rowWords.contains(word)
    }

    private static let rowWords: [[UInt8]] = ["SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH"].map { Array($0.utf8) }

    /// Drops the statement of `sql` (it failed).
    func forget(_ sql: String) {
        guard let slot = slots.firstIndex(where: { $0?.sql == sql }) else { return }
        slots[slot] = nil
        count -= 1
        // The texts after it in its run may have been placed past it: placed again.
        rebuild(capacity: slots.count)
    }

    private func rebuild(capacity: Int) {
        let kept = slots.compactMap { $0 }
        slots = Array(repeating: nil, count: capacity)
        for entry in kept {
            var slot = Self.hash(entry.sql) & (capacity - 1)
            while slots[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = entry
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
