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
    public init(salt: String, hash: String, iterations: Int, failures: Int) {
        self.salt = salt
        self.hash = hash
        self.iterations = iterations
        self.failures = failures
    }
}

extension SQLiteTransaction {
    func storedPin(staffName name: String) throws -> StoredPin? {
        try Row.fetchOne(db, sql: "SELECT salt, hash, iterations, failures FROM staff_pin WHERE staff_name = ?", arguments: [name])
            .map { StoredPin(salt: $0[0], hash: $0[1], iterations: $0[2], failures: $0[3]) }
    }

    func savePin(staffName name: String, _ pin: StoredPin) throws {
        try db.execute(sql: """
            INSERT INTO staff_pin (staff_name, salt, hash, iterations, failures) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(staff_name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations,
                failures = excluded.failures
            """, arguments: [name, pin.salt, pin.hash, pin.iterations, pin.failures])
    }

    func setPinFailures(staffName name: String, failures: Int) throws {
        try db.execute(sql: "UPDATE staff_pin SET failures = ? WHERE staff_name = ?", arguments: [failures, name])
    }
}
