import GRDB
import PropertyBased
import Testing
@testable import LaneStore

/// The plugin guard judges a statement by its text as `SQLiteTransaction.text(of:)` reads it; that
/// text is the one GRDB's `Statement.sql` gives, for every statement of a script.
@Suite struct StatementTextTests {
    @Test func aStatementsTextIsTheOneGRDBGives() async throws {
        let queue = try DatabaseQueue()
        try await queue.write { db in try db.execute(sql: "CREATE TABLE plg_notes_note (id INTEGER PRIMARY KEY, body TEXT)") }
        let separator = Gen<String?>.element(of: [" ", "\t", "\n", "\r\n", ";", "  ;  ", "-- a note\n", "/* 说明 */"]).map { $0 ?? "" }
        let body = Gen<String?>.element(of: [
            "SELECT 1", "SELECT ' ; ' AS x", "SELECT '　全角空格　'", "INSERT INTO plg_notes_note (body) VALUES ('；')",
            "SELECT body FROM plg_notes_note WHERE body = ' '", "UPDATE plg_notes_note SET body = trim(body)",
        ]).map { $0 ?? "SELECT 1" }
        let script = PropertyBased.zip(separator.array(of: 0...3), body.array(of: 1...3), separator.array(of: 0...3))
            .map { before, bodies, after in before.joined() + bodies.joined(separator: ";" ) + ";" + after.joined() }
        await propertyCheck(count: 300, input: script) { sql in
            try queue.read { db in
                let statements = try db.allStatements(sql: sql)
                while let statement = try statements.next() {
                    #expect(SQLiteTransaction.text(of: statement) == statement.sql, "\(sql)")
                }
            }
        }
    }
}
