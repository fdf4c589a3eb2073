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
        return try tx.auditEntries(ref: query.entity.map(AuditTrail.canonical), user: query.user,
                                   from: query.day.map { Timestamp(date: $0, offset: offset) },
                                   to: query.day.map { Timestamp(date: $0.adding(days: 1), offset: offset) }, limit: query.limit)
    }

    /// `audit verify`: the whole chain recomputed; a broken link is refused with its row.
    public func verify(by caller: Caller) throws -> AuditVerification {
        try department.read("audit verify", by: caller) { tx in try Self.verify(tx) }
    }

    public static func verify(_ tx: any StoreReading) throws -> AuditVerification {
        let result = try AuditTrail.verify(tx)
        if let broken = result.firstBroken {
            throw Refusal(Message("audit.tampered"), problems: [
                Problem(Message("audit.row", ["row": .int(Int(broken))]).description, Message("audit.row_broken", ["checked": .int(result.checked)]))])
        }
        return result
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
    public var message: Message { Message("audit.intact", ["checked": .int(checked)]) }
}
