import LaneCore
import LaneStore

/// Reading the audit trail: who changed what, and whether anybody altered it.
public struct AuditDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// `audit show`: rows by entity, user and day, oldest first.
    public func entries(_ query: AuditQuery, by caller: Caller) throws -> [AuditEntry] {
        try department.read("audit show", by: caller) { tx in try Self.entries(query, by: caller, tx) }
    }

    public static func entries(_ query: AuditQuery, by caller: Caller, _ tx: any StoreReading) throws -> [AuditEntry] {
        let offset = caller.settings.utcOffset
        let rows = try tx.auditEntries(ref: query.entity.map(AuditTrail.canonical), user: query.user,
                                       from: query.day.map { Timestamp(date: $0, offset: offset) },
                                       to: query.day.map { Timestamp(date: $0.adding(days: 1), offset: offset) }, limit: query.limit)
        // X4: as typed, with the personal values still kept; "(erased)" where they were erased.
        return try AuditPrivacy.restored(rows, tx)
    }

    /// `audit verify`: the whole chain recomputed; a broken link is refused with its row.
    public func verify(checkpoint: Checkpoint? = nil, by caller: Caller) throws -> AuditVerification {
        try department.read("audit verify", by: caller) { tx in try Self.verify(tx, key: department.store.secretKey, checkpoint: checkpoint) }
    }

    public static func verify(_ tx: any StoreReading, key: [UInt8]? = nil, checkpoint: Checkpoint? = nil) throws -> AuditVerification {
        let result = try AuditTrail.verify(tx, key: key, checkpoint: checkpoint)
        var problems: [Problem] = []
        if result.keyMismatch { problems.append(Problem("key", Message("audit.key_mismatch"))) }
        if let broken = result.firstBroken {
            problems.append(Problem(Message("audit.row", ["row": .int(Int(broken))]).description,
                                    Message("audit.row_broken", ["checked": .int(result.checked)])))
        }
        if let broken = result.brokenPersonal {
            problems.append(Problem(Message("audit.row", ["row": .int(Int(broken))]).description, Message("audit.personal_changed")))
        }
        if let broken = result.brokenCheckpoint {
            problems.append(Problem(Message("audit.checkpoint", ["row": .int(Int(broken))]).description, Message("audit.checkpoint_broken")))
        }
        try Refusal.check(Message("audit.tampered"), problems)
        return result
    }

    /// `store check`: the backend's check of its files, then the audit trail.
    public func checkStore(by caller: Caller) throws -> AuditVerification {
        try department.authorize("store check", caller)
        let damaged = try department.store.integrityProblems()
        if !damaged.isEmpty {
            throw Refusal(Message("store.damaged"), problems: damaged.prefix(20).map { Problem("file", $0) })
        }
        return try department.read("store check", by: caller) { tx in
            let result = try Self.verify(tx, key: department.store.secretKey)
            if let key = department.store.secretKey {
                let sealed = try RowSeals.check(key: key, vatBasisPoints: caller.settings.vatBasisPoints, allSealed: result.sealsBegan != nil, tx)
                try Refusal.check(Message("seal.changed_outside"), sealed.problems)
            }
            try Refusal.check(Message("store.kpi_shares_changed"), try ReportDesk.sharesChangedOutside(by: caller, tx).map {
                Problem("kpi_day", Message("store.kpi_share_changed", ["day": .date($0)]))
            })
            return result
        }
    }

    /// `audit anchor`: a signed checkpoint of the head, kept in the store
    /// and handed back to be kept elsewhere.
    public func anchor(by caller: Caller) throws -> Checkpoint? {
        try department.change("audit anchor", by: caller) { tx in
            let checkpoint = try AuditTrail.anchor(at: caller.now, by: caller.user, key: department.store.secretKey, tx)
            return Recorded(checkpoint, audit: AuditNote(ref: "", summary: checkpoint.map { "checkpoint \($0.sequence)" } ?? "no rows yet"))
        }.value
    }
}

/// `audit show`'s filters; nil: any.
public struct AuditQuery: Sendable {
    public var entity: String?
    public var user: String?
    public var day: CalendarDate?
    public var limit: Int
    public init(entity: String?, user: String?, day: CalendarDate?, limit: Int) {
        self.entity = entity
        self.user = user
        self.day = day
        self.limit = limit
    }
}

extension AuditVerification {
    /// What `audit verify` proved, and what it cannot prove, in words.
    public var messages: [Message] {
        var said = [Message("audit.intact", ["checked": .int(checked)])]
        if keyKnown {
            said.append(Message("audit.signed", ["signed": .int(signed)]))
            // Rows from before the store's key: said plainly, never passed in silence.
            if unsigned > 0, let start = signingStart {
                said.append(Message("audit.legacy_unsigned", ["count": .int(unsigned), "last": .int(Int(start) - 1)]))
            } else if unsigned > 0 {
                said.append(Message("audit.unsigned_unproven", ["count": .int(unsigned)]))
            }
        } else {
            said.append(Message("audit.no_key"))
        }
        if personalChecked > 0 { said.append(Message("audit.personal_checked", ["count": .int(personalChecked)])) }
        if personalErased > 0 {
            said.append(personalValuesErased > 0
                ? Message("audit.personal_values_erased", ["values": .int(personalValuesErased), "count": .int(personalErased)])
                : Message("audit.personal_erased", ["count": .int(personalErased)]))
        }
        if personalLegacy > 0 { said.append(Message("audit.personal_legacy", ["count": .int(personalLegacy)])) }
        if let first = sealsBegan { said.append(Message("audit.rows_sealed", ["row": .int(Int(first))])) }
        if let newest = newestCheckpoint {
            said.append(Message("audit.checkpoint_matches", ["row": .int(Int(newest))]))
            if Int64(checked) > newest { said.append(Message("audit.after_checkpoint", ["row": .int(Int(newest))])) }
        } else {
            said.append(Message("audit.no_checkpoint"))
        }
        return said
    }

    public var message: Message { messages[0] }
}
