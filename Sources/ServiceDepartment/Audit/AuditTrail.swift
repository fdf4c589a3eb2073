import Crypto
import LaneCore
import LaneStore

/// The audit trail's rules: every change appends a row chained to the one
/// before by SHA-256, and `verify` recomputes the chain. The store only keeps
/// rows (SQLite refuses UPDATE and DELETE on them by trigger), so every
/// backend chains and checks them the same way.
public enum AuditTrail {
    /// Appends `entry` after the newest row, in the caller's transaction.
    /// A server database must take the head under a lock (see the store).
    public static func append(_ entry: AuditEntry, _ tx: any AuditWriting) throws {
        let head = try tx.auditHead()
        var e = entry
        e.sequence = (head?.sequence ?? 0) + 1
        e.previousHash = head?.hash ?? genesis
        e.hash = hash(previous: e.previousHash, e)
        try tx.insertAudit(e)
    }

    /// Recomputes the chain from the first row, a batch at a time.
    public static func verify(_ tx: any AuditReading) throws -> AuditVerification {
        var previous = genesis
        var checked = 0
        var expected: Int64 = 1
        while true {
            let batch = try tx.auditChain(afterSequence: expected - 1, limit: 1000)
            if batch.isEmpty { return AuditVerification(checked: checked, firstBroken: nil) }
            for e in batch {
                if e.sequence != expected || e.previousHash != previous || hash(previous: previous, e) != e.hash {
                    return AuditVerification(checked: checked, firstBroken: e.sequence)
                }
                previous = e.hash
                checked += 1
                expected += 1
            }
        }
    }

    /// SHA-256 over the previous hash and every field, separated by a unit
    /// separator so no field can run into the next.
    static func hash(previous: String, _ e: AuditEntry) -> String {
        let text = [previous, String(e.sequence), String(e.at.secondsSince1970), e.user, e.role, e.command, e.noun, e.ref, e.summary]
            .joined(separator: "\u{1F}")
        return SHA256.hash(data: Array(text.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    static let genesis = String(repeating: "0", count: 64)

    /// How an entity is kept in the trail and looked up: RO and appointment
    /// numbers, plates, VINs and customer codes upper case, as the commands
    /// find them; setting keys (`rates.labor_rate_fen`) as they are.
    public static func canonical(_ reference: String) -> String {
        let text = reference.trimmingWhitespace()
        return text.contains(".") ? text : text.uppercased()
    }
}

/// The result of `audit verify`.
public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    /// The first row whose hash does not follow from its content and the row before.
    public var firstBroken: Int64?
    public init(checked: Int, firstBroken: Int64?) {
        self.checked = checked
        self.firstBroken = firstBroken
    }
}
