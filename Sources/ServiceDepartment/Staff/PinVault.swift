import _CryptoExtras
import Crypto
import Foundation
import LaneCore
import LaneStore

/// The answer to a PIN.
public enum PinCheck: Sendable, Equatable {
    case accepted
    case wrong(failures: Int)
    /// Too many wrong tries: the next try may be made at `until`.
    case waiting(until: Timestamp)
    case noPin
}

/// PINs: kept only as salted PBKDF2-HMAC-SHA256 (swift-crypto), checked
/// without stopping at the first difference; wrong tries delay the next
/// (`PinLockout`). A PIN hashed at fewer rounds than today's is hashed again
/// at the next sign-in. The store keeps the record.
public enum PinVault {
    /// swift-crypto's recommended minimum for PBKDF2 (its `rounds:` refuses fewer).
    static let iterations = 210_000

    /// Whether `name` has a PIN, and until when they must wait (nil: they may try now).
    public static func state(of name: String, at now: Timestamp, _ tx: any PinsReading) throws -> (hasPin: Bool, waitUntil: Timestamp?) {
        guard let stored = try tx.storedPin(staffName: name) else { return (false, nil) }
        return (true, PinLockout.lockedUntil(failures: stored.failures, lastFailureAt: stored.lastFailureAt, now: now))
    }

    /// Stores a new PIN and clears the wrong tries.
    /// With the store's key, the record is sealed (`RowSeals`).
    public static func set(_ pin: String, for name: String, key: [UInt8]?, _ tx: any PinsWriting & AuditWriting) throws {
        let salt = randomSalt()
        try tx.savePin(staffName: name, StoredPin(salt: hex(salt), hash: hex(try hash(pin: pin, salt: salt, iterations: iterations)),
                                                  iterations: iterations, failures: 0))
        try RowSeals.sealPin(of: name, key: key, tx)
    }

    /// Checks a PIN, counting wrong tries; while a delay runs, the PIN is not even looked at.
    public static func check(_ pin: String, for name: String, at now: Timestamp, key: [UInt8]?, _ tx: any PinsWriting & AuditWriting) throws -> PinCheck {
        guard let stored = try tx.storedPin(staffName: name) else { return .noPin }
        if let until = PinLockout.lockedUntil(failures: stored.failures, lastFailureAt: stored.lastFailureAt, now: now) {
            return .waiting(until: until)
        }
        let computed = try hash(pin: pin, salt: bytes(hex: stored.salt), iterations: stored.iterations)
        if same(computed, bytes(hex: stored.hash)) {
            // Older records were hashed at fewer rounds: bring them up to today's cost.
            if stored.iterations < iterations { try set(pin, for: name, key: key, tx) }
            else if stored.failures > 0 {
                try tx.setPinFailures(staffName: name, failures: 0, at: nil)
                try RowSeals.sealPin(of: name, key: key, tx)
            }
            return .accepted
        }
        let failures = stored.failures + 1
        try tx.setPinFailures(staffName: name, failures: failures, at: now)
        try RowSeals.sealPin(of: name, key: key, tx)
        if let until = PinLockout.lockedUntil(failures: failures, lastFailureAt: now, now: now) { return .waiting(until: until) }
        return .wrong(failures: failures)
    }

    /// PBKDF2-HMAC-SHA256 from swift-crypto (BoringSSL underneath); 32 bytes.
    /// `iterations` is read from each stored record, so raising the cost
    /// leaves old PINs valid until they are next given.
    static func hash(pin: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(pin.utf8), salt: salt, using: .sha256, outputByteCount: 32,
                                                    unsafeUncheckedRounds: max(iterations, 1))
        return key.withUnsafeBytes { Array($0) }
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
