import Foundation
import Testing
import LaneCore
import LaneStore
@testable import LanePostgres

/// `store check` on a server compares the counts the triggers keep with the rows they count.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresKeptCountsTests {
    @Test func aKeptCountChangedOutsideLaneIsFound() throws {
        let store = try PostgresTestServer.makeStore("kept")
        defer { try? store.dropEverything() }
        #expect(try store.integrityProblems().isEmpty)
        try store.unsafeExecute("UPDATE row_count SET n = n + 2 WHERE name = 'vehicle'")
        try store.unsafeExecute("INSERT INTO follow_up_score_hour (hour, scored, total) VALUES (1, 1, 5)")
        let problems = try store.integrityProblems()
        #expect(problems.map(\.code) == ["store.kept_counts_differ", "store.kept_counts_differ"])
        #expect(problems.map { $0.arguments["table"] } == [.text("row_count"), .text("follow_up_score_hour")])
    }
}
