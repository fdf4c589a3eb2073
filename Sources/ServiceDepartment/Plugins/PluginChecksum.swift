import Crypto

/// The checksum `plugin install` records for a run-time plugin's file; a file
/// whose checksum differs later is not run (someone changed it after it was checked).
public enum PluginChecksum {
    /// SHA-256 of `bytes`, as lower-case hex.
    public static func sha256(_ bytes: [UInt8]) -> String { AuditTrail.hex(Array(SHA256.hash(data: bytes))) }
}
