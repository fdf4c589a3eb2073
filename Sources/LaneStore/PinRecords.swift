import GRDB
import LaneCore

/// A PIN as stored: salt and hash (hex), the hash's cost, and the wrong tries
/// in a row. Hashing and the lockout rule live in the application layer; the
/// store keeps the record.
public struct StoredPin: Sendable, Equatable {
    public var salt: String
    public var hash: String
    public var iterations: Int
    public var failures: Int
    /// When the last wrong PIN was given: the next try waits from then.
    public var lastFailureAt: Timestamp?
    public init(salt: String, hash: String, iterations: Int, failures: Int, lastFailureAt: Timestamp? = nil) {
        self.salt = salt
        self.hash = hash
        self.iterations = iterations
        self.failures = failures
        self.lastFailureAt = lastFailureAt
    }
}

extension SQLiteTransaction {
    func storedPin(staffName name: String) throws -> StoredPin? {
        try fetchRow(sql: "SELECT salt, hash, iterations, failures, last_failure_at FROM staff_pin WHERE staff_name = ?", arguments: [name])
            .map { row in
                let last: Int64? = row[4]
                return StoredPin(salt: row[0], hash: row[1], iterations: row[2], failures: row[3], lastFailureAt: last.map(Timestamp.init(secondsSince1970:)))
            }
    }

    func savePin(staffName name: String, _ pin: StoredPin) throws {
        try execute(sql: """
            INSERT INTO staff_pin (staff_name, salt, hash, iterations, failures, last_failure_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(staff_name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations,
                failures = excluded.failures, last_failure_at = excluded.last_failure_at
            """, arguments: [name, pin.salt, pin.hash, pin.iterations, pin.failures, pin.lastFailureAt?.secondsSince1970])
    }

    func setPinFailures(staffName name: String, failures: Int, at time: Timestamp?) throws {
        try execute(sql: "UPDATE staff_pin SET failures = ?, last_failure_at = ? WHERE staff_name = ?",
                       arguments: [failures, time?.secondsSince1970, name])
    }
}
