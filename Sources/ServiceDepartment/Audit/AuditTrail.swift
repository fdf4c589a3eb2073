import Crypto
import LaneCore
import LaneStore

/// The audit trail's rules. Every change appends a row chained to the one
/// before by SHA-256, and signed with the store's secret key (HMAC-SHA256 of
/// the row's hash), which the database does not hold: someone who edits the
/// file can recompute the chain but not the signatures. `audit anchor` keeps
/// signed checkpoints of the head, in the database and on paper, so removing
/// the newest rows is found too. The store only keeps rows (SQLite refuses
/// UPDATE and DELETE on them by trigger), so every backend chains, signs and
/// checks them the same way.
public enum AuditTrail {
    /// Appends `entry` after the newest row, in the caller's transaction, with
    /// its personal values kept apart (`AuditPrivacy`). A server database must
    /// take the head under a lock (see the store).
    /// `sealed`: the store's business rows are sealed (`RowSeals.sealEverything` ran), which
    /// the row says, so that a seal removed outside lane is found (see `verify`).
    public static func append(_ entry: AuditEntry, personal: [String] = [], subjects: [String] = [], key: [UInt8]? = nil,
                              sealed: Bool = false, _ tx: any AuditWriting) throws {
        try append(entry, personal: personal, subjects: subjects, key: key, sealed: sealed, after: try tx.auditHead(), tx)
    }

    /// `append` after a head the caller has just read in this transaction (a change reads it once,
    /// to learn whether the rows are sealed yet, and not again here).
    static func append(_ entry: AuditEntry, personal: [String], subjects: [String], key: [UInt8]?, sealed: Bool,
                       after head: AuditHead?, _ tx: any AuditWriting) throws {
        var e = entry
        e.sealed = sealed
        e.sequence = (head?.sequence ?? 0) + 1
        e.previousHash = head?.hash ?? genesis
        let salt = personal.isEmpty ? "" : AuditPrivacy.newSalt()
        e.personalHash = AuditPrivacy.hash(salt: salt, personal, subjects: subjects)
        e.hash = hash(previous: e.previousHash, e)
        e.mac = key.map { mac($0, e.hash) } ?? ""
        try tx.insertAudit(e, personal: personal.isEmpty && subjects.isEmpty ? nil
                           : AuditPersonal(sequence: e.sequence, salt: salt, values: personal, subjects: subjects))
        if let key, try tx.seals(kind: signingKind).isEmpty {
            // Where signing began, signed: rows before it are legacy, every row
            // from it on must be signed (stripping signatures is found).
            let first = try tx.firstSignedAuditSequence() ?? e.sequence
            try tx.saveSeal(kind: signingKind, ref: String(first), mac: signingMAC(key, first))
        }
    }

    static let signingKind = "audit_signing"
    static func signingMAC(_ key: [UInt8], _ first: Int64) -> String { mac(key, "signing-began\u{1F}\(first)") }

    /// Recomputes the chain from the first row, a batch at a time; checks each
    /// row's signature when the key is known, the personal values kept apart,
    /// and every checkpoint kept in the store and the one given (from paper or
    /// another disk).
    public static func verify(_ tx: any AuditReading, key: [UInt8]? = nil, checkpoint: Checkpoint? = nil) throws -> AuditVerification {
        var result = AuditVerification(checked: 0, firstBroken: nil)
        var previous = genesis
        var expected: Int64 = 1
        // Where signing began, when a valid signed record of it is kept.
        if let key, let seal = try tx.seals(kind: signingKind).first, let first = Int64(seal.key) {
            if seal.value == signingMAC(key, first) { result.signingStart = first }
            // Signed, but not with this key: the key file was replaced or lost.
            else if let row = try tx.auditEntry(sequence: first), !row.mac.isEmpty, row.mac != mac(key, row.hash) { result.keyMismatch = true }
        }
        var sawNewFormat = false
        chain: while true {
            let batch = try tx.auditChain(afterSequence: expected - 1, limit: 1000)
            if batch.isEmpty { break }
            let personal = try tx.auditPersonal(sequences: batch.filter { !($0.personalHash ?? "").isEmpty }.map(\.sequence))
            for e in batch {
                var intact = e.sequence == expected && e.previousHash == previous && hash(previous: previous, e) == e.hash
                if intact, let key {
                    if e.mac.isEmpty {
                        // Rows written before signing came in form an unsigned prefix; an
                        // unsigned row after a signed one, or after signing began, is a forgery.
                        if let start = result.signingStart { intact = e.sequence < start } else { intact = result.signed == 0 }
                        if intact { result.unsigned += 1 }
                    } else if e.mac == mac(key, e.hash) { result.signed += 1 }
                    else { intact = false }
                }
                // Rows from before personal values were kept apart form a prefix too.
                if let ph = e.personalHash {
                    sawNewFormat = true
                    if !ph.isEmpty {
                        if let p = personal[e.sequence], p.isErased,
                           p.erasedMark == AuditPrivacy.erasedMark(key, sequence: e.sequence, personalHash: ph) || key == nil {
                            result.personalErased += 1
                            result.personalValuesErased += p.erasedValues ?? 0
                        } else if let p = personal[e.sequence], !p.isErased, AuditPrivacy.hash(salt: p.salt, p.values, subjects: p.subjects) == ph {
                            result.personalChecked += 1
                        } else if result.brokenPersonal == nil {
                            result.brokenPersonal = e.sequence
                        }
                    }
                } else if sawNewFormat {
                    intact = false
                } else {
                    result.personalLegacy += 1
                }
                // Once the store sealed its rows, every row says so: one that does not was not written by lane.
                if e.sealed { result.sealsBegan = result.sealsBegan ?? e.sequence }
                else if result.sealsBegan != nil && key != nil { intact = false }
                if !intact {
                    result.firstBroken = e.sequence
                    break chain
                }
                previous = e.hash
                result.checked += 1
                expected += 1
            }
        }
        result.keyKnown = key != nil
        var anchors = try tx.auditAnchors().map { Checkpoint(sequence: $0.sequence, hash: $0.hash, mac: $0.mac) }
        if let checkpoint { anchors.append(checkpoint) }
        for anchor in anchors {
            let row = try tx.auditEntry(sequence: anchor.sequence)
            let signed = key.map { anchor.mac == Self.anchorMAC($0, anchor.sequence, anchor.hash) } ?? true
            if row?.hash != anchor.hash || !signed {
                result.brokenCheckpoint = anchor.sequence
                break
            }
            result.newestCheckpoint = max(result.newestCheckpoint ?? 0, anchor.sequence)
        }
        return result
    }

    /// A checkpoint of the chain's head, signed, kept in the store and given
    /// back as text to keep elsewhere.
    public static func anchor(at now: Timestamp, by user: String, key: [UInt8]?, _ tx: any AuditWriting) throws -> Checkpoint? {
        guard let head = try tx.auditHead() else { return nil }
        let mac = key.map { anchorMAC($0, head.sequence, head.hash) } ?? ""
        try tx.insertAuditAnchor(AuditAnchor(sequence: head.sequence, hash: head.hash, mac: mac, at: now, by: user))
        return Checkpoint(sequence: head.sequence, hash: head.hash, mac: mac)
    }

    /// SHA-256 over the previous hash and every field, separated by a unit
    /// separator so no field can run into the next.
    /// Rows that keep personal values apart add the hash of those values.
    static func hash(previous: String, _ e: AuditEntry) -> String {
        var fields = [previous, String(e.sequence), String(e.at.secondsSince1970), e.user, e.role, e.command, e.noun, e.ref, e.summary]
        if let personal = e.personalHash { fields.append(personal) }
        if e.sealed { fields.append("sealed") }
        return sha256Hex(fields, separator: "\u{1F}")
    }

    /// The SHA-256, in hex, of `pieces` joined by `separator`: their bytes copied once into one buffer
    /// and hashed in one call. Joining the text first (generic `joined`, then a copy of its bytes) was a
    /// third of an audit row's hashing, and one hash update a piece cost more than it saved
    /// (`aHashOfPiecesIsTheHashOfTheJoinedText`).
    static func sha256Hex(_ pieces: [String], separator: String) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(pieces.reduce(separator.utf8.count * max(0, pieces.count - 1)) { $0 + $1.utf8.count })
        for (i, piece) in pieces.enumerated() {
            if i > 0 { bytes += separator.utf8 }
            bytes += piece.utf8
        }
        return hex(Array(SHA256.hash(data: bytes)))
    }

    static func mac(_ key: [UInt8], _ text: String) -> String {
        var code = keyed(key)
        code.update(data: Array(text.utf8))
        return hex(Array(code.finalize()))
    }

    /// An HMAC with `key` taken in and nothing else, to copy for each text: taking the key in hashes two
    /// blocks, two thirds of an HMAC of a short text (every change signs its audit row and seals its order).
    static func keyed(_ key: [UInt8]) -> HMAC<SHA256> {
        lastKeyed.withLock { last in
            if let last, last.key == key { return last.hmac }
            let hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
            last = (key, hmac)
            return hmac
        }
    }
    /// One store's key at a time.
    private static let lastKeyed = Locked<(key: [UInt8], hmac: HMAC<SHA256>)?>(nil)

    static func anchorMAC(_ key: [UInt8], _ sequence: Int64, _ hash: String) -> String { mac(key, "anchor\u{1F}\(sequence)\u{1F}\(hash)") }

    static func hex(_ bytes: [UInt8]) -> String {
        // Two digits a byte by table: a `String(byte, radix: 16)` per byte and a join were 4 % of a
        // scripted write's instructions (every change hashes and signs its audit row and seals).
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static let genesis = String(repeating: "0", count: 64)

    /// How an entity is kept in the trail and looked up: RO and appointment
    /// numbers, plates, VINs and customer codes upper case, as the commands
    /// find them; setting keys (`rates.labor_rate_fen`) as they are.
    public static func canonical(_ reference: String) -> String {
        let text = reference.trimmingWhitespace()
        return text.contains(".") ? text : text.uppercased()
    }
}

/// A checkpoint as text, to print and keep: `lane-audit 42 9f2c…e1 6b0d…77`.
public struct Checkpoint: Sendable, Equatable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String
    public var mac: String

    public init(sequence: Int64, hash: String, mac: String) {
        self.sequence = sequence
        self.hash = hash
        self.mac = mac
    }

    public init?(parsing text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
        guard words.count == 4, words[0] == "lane-audit", let sequence = Int64(words[1]), words[2].count == 64 else { return nil }
        self.init(sequence: sequence, hash: words[2], mac: words[3])
    }

    public var description: String { "lane-audit \(sequence) \(hash) \(mac)" }
}

/// The result of `audit verify`.
public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    /// The first row whose hash or signature does not follow from its content and the row before.
    public var firstBroken: Int64?
    /// Rows signed with the store's key, and rows written before keys (chained, unsigned).
    public var signed = 0
    public var unsigned = 0
    /// Whether the store's key was there to check signatures with.
    public var keyKnown = false
    /// Whether the rows were signed with another key than the one given.
    public var keyMismatch = false
    /// The first row signed, as the store's signed record of it says (nil: no valid record).
    public var signingStart: Int64?
    /// X4: rows whose personal values (kept apart) match the chain; rows whose
    /// values were erased; rows from before values were kept apart.
    public var personalChecked = 0
    public var personalErased = 0
    /// How many values those erasures blanked (erasures from before v28 not counted).
    public var personalValuesErased = 0
    public var personalLegacy = 0
    /// The first row whose personal values were changed or removed outside lane.
    public var brokenPersonal: Int64?
    /// The first row written with the store's business rows sealed: from it on, every
    /// order, member of staff, PIN record and customer must carry its seal (`store check`).
    public var sealsBegan: Int64?
    /// The newest checkpoint that still matches, and the first that does not.
    public var newestCheckpoint: Int64?
    public var brokenCheckpoint: Int64?

    public init(checked: Int, firstBroken: Int64?) {
        self.checked = checked
        self.firstBroken = firstBroken
    }

    public var isIntact: Bool { firstBroken == nil && brokenCheckpoint == nil && brokenPersonal == nil }
}
