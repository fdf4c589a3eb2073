import _CryptoExtras
import Crypto
import Foundation
import LaneCore
import LaneStore

/// The answer to a PIN.
public enum PinCheck: Sendable, Equatable {
    case accepted
    case wrong(failures: Int)
    case locked
    case noPin
}

/// PINs: kept only as salted PBKDF2-HMAC-SHA256, checked without stopping at
/// the first difference, and locked after `StaffPin.maxFailures` wrong tries.
/// The store keeps the record; every backend hashes the same way.
public enum PinVault {
    static let iterations = 60_000

    /// Whether `name` has a PIN, and whether it is locked.
    public static func state(of name: String, _ tx: any PinsReading) throws -> (hasPin: Bool, isLocked: Bool) {
        guard let stored = try tx.storedPin(staffName: name) else { return (false, false) }
        return (true, StaffPin.isLocked(failures: stored.failures))
    }

    /// Stores a new PIN and clears failures and lockout.
    public static func set(_ pin: String, for name: String, _ tx: any PinsWriting) throws {
        let salt = randomSalt()
        try tx.savePin(staffName: name, StoredPin(salt: hex(salt), hash: hex(try hash(pin: pin, salt: salt, iterations: iterations)),
                                                  iterations: iterations, failures: 0))
    }

    /// Checks a PIN, counting failures; a locked account fails without checking.
    public static func check(_ pin: String, for name: String, _ tx: any PinsWriting) throws -> PinCheck {
        guard let stored = try tx.storedPin(staffName: name) else { return .noPin }
        if StaffPin.isLocked(failures: stored.failures) { return .locked }
        let computed = try hash(pin: pin, salt: bytes(hex: stored.salt), iterations: stored.iterations)
        if same(computed, bytes(hex: stored.hash)) {
            if stored.failures > 0 { try tx.setPinFailures(staffName: name, failures: 0) }
            return .accepted
        }
        let failures = stored.failures + 1
        try tx.setPinFailures(staffName: name, failures: failures)
        return StaffPin.isLocked(failures: failures) ? .locked : .wrong(failures: failures)
    }

    /// PBKDF2-HMAC-SHA256 from swift-crypto (BoringSSL underneath); 32 bytes.
    /// `iterations` is read from each stored record, so raising the cost
    /// later leaves old PINs valid until they are next set.
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
