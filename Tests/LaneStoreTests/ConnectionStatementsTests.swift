import GRDB
import PropertyBased
import Testing
@testable import LaneStore

// The transactions' statements are kept in a table of their own (`ConnectionStatements`): it must
// hand back, for each text, the statement made for that text and no other, whatever the texts
// share (length, first, middle and last bytes), after growing and after a text is forgotten.

/// SQL texts of one shape: `SELECT '…'` with a few letters, so many share their length and their
/// first, middle and last bytes (and so their slot) and differ only inside.
private let text = Gen.frequency((3.0, Gen.character(in: "a"..."c")), (1.0, Gen.character(in: "\u{4E00}"..."\u{4E02}")))
    .string(of: 0...6).map { "SELECT '\($0)'" }

@Test func theKeptStatementOfATextIsTheOneMadeForIt() async throws {
    let queue = try DatabaseQueue()
    await propertyCheck(count: 200, input: PropertyBased.zip(text.array(of: 1...400), Gen.int(in: 0...399).array(of: 0...20))) { input in
        let (texts, forgotten) = input
        do { try queue.inDatabase { db in
            let kept = ConnectionStatements()
            var made: [String: Statement] = [:]
            for sql in texts {
                let statement = try kept.statement(sql, db)
                if let earlier = made[sql] { #expect(statement === earlier, "\(sql)") } else { made[sql] = statement }
                #expect(statement.sql == sql, "\(sql)")
            }
            for index in forgotten where index < texts.count {
                kept.forget(texts[index])
                made[texts[index]] = nil
            }
            for sql in texts {
                let statement = try kept.statement(sql, db)
                #expect(statement.sql == sql, "\(sql)")
                if let earlier = made[sql] { #expect(statement === earlier, "\(sql)") } else { made[sql] = statement }
            }
        } } catch { Issue.record(error) }
    }
}

@Test func aChangeOfTheSchemaForgetsTheKeptStatements() throws {
    let queue = try DatabaseQueue()
    try queue.inDatabase { db in
        let kept = ConnectionStatements()
        try kept.startTransaction(db)
        let before = try kept.statement("SELECT 1", db)
        try kept.startTransaction(db)
        #expect(try kept.statement("SELECT 1", db) === before)
        try db.execute(sql: "CREATE TABLE t (a)")
        try kept.startTransaction(db)
        #expect(try kept.statement("SELECT 1", db) !== before)
    }
}

/// `fetchValue` steps the first row by hand: nil without a row and for NULL, the value otherwise, as
/// GRDB's `fetchOne` answered.
@Test func theFirstValueIsNilWithoutARowOrForNull() throws {
    let queue = try DatabaseQueue()
    try queue.inDatabase { db in
        for (sql, arguments) in [("SELECT 7 WHERE 0", StatementArguments()), ("SELECT NULL", []), ("SELECT ?", [7]), ("SELECT ?", [nil as Int64?]),
                                 ("SELECT 'x' UNION ALL SELECT 'y'", []), ("SELECT 3 UNION ALL SELECT NULL", [])] {
            let statement = try db.makeStatement(sql: sql)
            #expect(try SQLiteTransaction.firstValue(Int64.self, of: statement, arguments: arguments) == Int64.fetchOne(statement, arguments: arguments), "\(sql)")
            #expect(try SQLiteTransaction.firstValue(String.self, of: statement, arguments: arguments) == String.fetchOne(statement, arguments: arguments), "\(sql)")
        }
    }
}

/// A read of several vehicles binds their ids as one JSON array (`idList`, digits written by hand): it is
/// the plain formatting of the ids, and SQLite's `json_each` reads the same ids back, in order.
@Test func theIdListIsTheIdsAsJSONThatSQLiteReadsBack() async throws {
    let queue = try DatabaseQueue()
    let ids = Gen.frequency((3.0, Gen.int64(in: 1...2_000_000)), (1.0, Gen.int64()), (1.0, Gen.element(of: [0, 9, 10, .max, .min, -1]).map { $0 ?? 0 }))
    await propertyCheck(count: 300, input: ids.array(of: 0...40)) { ids in
        let text = SQLiteTransaction.idList(ids)
        #expect(text == "[" + ids.map(String.init).joined(separator: ",") + "]")
        do {
            let read = try queue.read { try Int64.fetchAll($0, sql: "SELECT value FROM json_each(?) ORDER BY key", arguments: [text]) }
            #expect(read == ids)
        } catch { Issue.record(error) }
    }
}
