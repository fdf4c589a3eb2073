import GRDB
import LaneCore

// The follow-up record and complaints (R6).
extension SQLiteTransaction {
    private func followUps(_ sql: String, _ arguments: StatementArguments) throws -> [FollowUpRecord] {
        // Stepped by hand: a day's calls (5,500 at 1M vehicles) are read whenever the manager's KPI day is worked out again,
        // and GRDB's rows named every column afresh for each (docs/performance.md, twenty-first round).
        try stepRows(sql: "SELECT repair_order_id, call, outcome, score, comment, at, by FROM follow_up " + sql, arguments: arguments,
                     table: "follow_up") { r in
            guard let call = FollowUpCall(rawValue: try r[1]), let outcome = FollowUpOutcome(rawValue: try r[2]) else {
                throw StoreFailure(Message("store.damaged.follow_up"))
            }
            return try FollowUpRecord(orderID: r[0], call: call, outcome: outcome, score: r[3], comment: r[4],
                                      at: Timestamp(secondsSince1970: r[5]), by: r[6])
        }
    }

    func followUps(orderID: Int64) throws -> [FollowUpRecord] { try followUps("WHERE repair_order_id = ? ORDER BY id", [orderID]) }

    func followUpAttempts(orderIDs: [Int64]) throws -> [Int64: [FollowUpAttempt]] {
        if orderIDs.isEmpty { return [:] }
        var attempts: [Int64: [FollowUpAttempt]] = [:]
        // Every column is in follow_up_by_order (v43), the row id included: SQLite reads the index alone.
        try eachStepRow(sql: "SELECT repair_order_id, call, outcome FROM follow_up WHERE repair_order_id IN (SELECT value FROM json_each(?)) ORDER BY repair_order_id, id",
                        arguments: [Self.idList(orderIDs)], table: "follow_up") { r in
            guard let call = FollowUpCall(rawValue: try r[1]), let outcome = FollowUpOutcome(rawValue: try r[2]) else {
                throw StoreFailure(Message("store.damaged.follow_up"))
            }
            attempts[try r[0], default: []].append(FollowUpAttempt(call: call, outcome: outcome))
        }
        return attempts
    }

    func followUps(from: Timestamp, to: Timestamp) throws -> [FollowUpRecord] {
        try followUps("WHERE at >= ? AND at < ? ORDER BY at, id", [from.secondsSince1970, to.secondsSince1970])
    }

    func kpiFollowUpCalls(from: Timestamp, to: Timestamp) throws -> [KPIFollowUpCall] {
        try stepRows(sql: StoreBackendSupport.kpiFollowUpCallsSQL, arguments: [from.secondsSince1970, to.secondsSince1970], table: "follow_up") { r in
            try StoreBackendSupport.kpiFollowUpCall(call: r[0], outcome: r[1], score: r[2], at: r[3])
        }
    }

    func followUps(from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [FollowUpRecord] {
        try followUps("WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ? OFFSET ?", [from.secondsSince1970, to.secondsSince1970, limit, offset])
    }

    func followUpScores(from: Timestamp, to: Timestamp) throws -> (scored: Int, total: Int) {
        try FollowUpScoreHours.scores(from: from, to: to, hours: { first, last in
            guard let row = try fetchRows(sql: FollowUpScoreHours.hoursSQL, arguments: [first, last]).first else { return (0, 0) }
            return (row[0], row[1])
        }, calls: { from, to in
            guard let row = try fetchRows(sql: StoreBackendSupport.followUpScoresSQL, arguments: [from.secondsSince1970, to.secondsSince1970]).first
            else { return (0, 0) }
            return (row[0], row[1])
        })
    }

    func appendFollowUp(_ f: FollowUpRecord) throws {
        try execute(sql: "INSERT INTO follow_up (repair_order_id, call, outcome, score, comment, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [f.orderID, f.call.rawValue, f.outcome.rawValue, f.score, f.comment, f.at.secondsSince1970, f.by])
    }

    /// Stepped by hand: every change asks whether it opened one (`Department.otherEvents`).
    func complaints(_ sql: String, _ arguments: StatementArguments) throws -> [Complaint] {
        try stepRows(sql: """
            SELECT id, repair_order_id, customer_id, text, status, finding, action, opened_at, opened_by, resolved_at FROM complaint
            """ + " " + sql, arguments: arguments, table: "complaint") { r in
            guard let status = Complaint.Status(rawValue: try r[4]) else { throw StoreFailure(Message("store.damaged.complaint", ["id": .int(Int(try r[0] as Int64))])) }
            return try Complaint(id: r[0], orderID: r[1], customerID: r[2], text: r[3], status: status, finding: r[5], action: r[6],
                                 openedAt: Timestamp(secondsSince1970: r[7]), openedBy: r[8],
                                 resolvedAt: (r[9] as Int64?).map(Timestamp.init(secondsSince1970:)))
        }
    }

    func complaints(statuses: [Complaint.Status]) throws -> [Complaint] {
        guard !statuses.isEmpty else { return [] }
        return try complaints("WHERE status IN (\(statuses.map { _ in "?" }.joined(separator: ", "))) ORDER BY opened_at, id",
                              StatementArguments(statuses.map(\.rawValue)))
    }

    func complaint(id: Int64) throws -> Complaint? { try complaints("WHERE id = ?", [id]).first }

    /// Asked by every change (`Department.changeInside`): a cached statement, as compiling it afresh was 3 % of a
    /// scripted lifecycle's CPU.
    func lastComplaintID() throws -> Int64 { try fetchValue(Int64.self, sql: "SELECT max(id) FROM complaint") ?? 0 }

    func insertComplaint(_ c: Complaint) throws -> Complaint {
        try execute(sql: """
            INSERT INTO complaint (repair_order_id, customer_id, text, status, finding, action, opened_at, opened_by, resolved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.orderID, c.customerID, c.text, c.status.rawValue, c.finding, c.action, c.openedAt.secondsSince1970,
                             c.openedBy, c.resolvedAt?.secondsSince1970])
        var stored = c
        stored.id = db.lastInsertedRowID
        return stored
    }

    func updateComplaint(_ c: Complaint) throws {
        try execute(sql: "UPDATE complaint SET status = ?, finding = ?, action = ?, resolved_at = ? WHERE id = ?",
                       arguments: [c.status.rawValue, c.finding, c.action, c.resolvedAt?.secondsSince1970, c.id])
    }
}
