import Crypto
import Foundation
import GRDB
import LaneCore

/// PBKDF2-HMAC-SHA256: PINs are short, so each guess must be slow.
enum PinHasher {
    static let iterations = 60_000

    static func hash(pin: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        let key = SymmetricKey(data: Array(pin.utf8))
        // One 32-byte block is enough for a 256-bit derived key.
        var message = salt
        message.append(contentsOf: [0, 0, 0, 1])
        var u = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        var result = u
        for _ in 1..<max(iterations, 1) {
            u = Array(HMAC<SHA256>.authenticationCode(for: u, using: key))
            for i in result.indices { result[i] ^= u[i] }
        }
        return result
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = hex.makeIterator()
        while let a = chars.next(), let b = chars.next(), let v = UInt8(String([a, b]), radix: 16) { out.append(v) }
        return out
    }

    static func randomSalt() -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// Compares without stopping at the first difference.
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension SQLiteTransaction {
    func pinState(staffName name: String) throws -> PinState? {
        try Int.fetchOne(db, sql: "SELECT failures FROM staff_pin WHERE staff_name = ?", arguments: [name]).map { PinState(failures: $0) }
    }

    func setPin(staffName name: String, pin: String) throws {
        let salt = PinHasher.randomSalt()
        let hash = PinHasher.hash(pin: pin, salt: salt, iterations: PinHasher.iterations)
        try db.execute(sql: """
            INSERT INTO staff_pin (staff_name, salt, hash, iterations, failures) VALUES (?, ?, ?, ?, 0)
            ON CONFLICT(staff_name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations, failures = 0
            """, arguments: [name, PinHasher.hex(salt), PinHasher.hex(hash), PinHasher.iterations])
    }

    func checkPin(staffName name: String, pin: String) throws -> PinCheck {
        guard let row = try Row.fetchOne(db, sql: "SELECT salt, hash, iterations, failures FROM staff_pin WHERE staff_name = ?",
                                         arguments: [name]) else { return .noPin }
        let failures: Int = row[3]
        if failures >= PinCheck.maxFailures { return .locked }
        let computed = PinHasher.hash(pin: pin, salt: PinHasher.bytes(hex: row[0]), iterations: row[2])
        if PinHasher.same(computed, PinHasher.bytes(hex: row[1])) {
            if failures > 0 { try db.execute(sql: "UPDATE staff_pin SET failures = 0 WHERE staff_name = ?", arguments: [name]) }
            return .accepted
        }
        try db.execute(sql: "UPDATE staff_pin SET failures = failures + 1 WHERE staff_name = ?", arguments: [name])
        return failures + 1 >= PinCheck.maxFailures ? .locked : .wrong(failures: failures + 1)
    }
}
