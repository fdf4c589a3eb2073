import Foundation
import Testing
import LaneCore
import LaneStore
import Logging
import NIOCore
import PostgresNIO
@testable import LanePostgres

/// The bridge between the synchronous store and postgres-nio (`PGLink`): every wait ends,
/// whether the server answers, closes the connection or says nothing at all.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresConnectionTests {
    static func link(answerLimit: TimeAmount = PGLink.defaultAnswerLimit) throws -> PGLink {
        let url = try #require(PostgresTestServer.url)
        let endpoint = try #require(PostgresEndpoint(url: url))
        return try PGLink.connect(endpoint, on: PostgresStore.loopGroup.next(), logger: Logger(label: "test"), answerLimit: answerLimit)
    }

    static func lost(_ error: any Error) -> PGConnectionLost.Why? { (error as? PGConnectionLost)?.why }

    @Test func everyConnectionStartsWithLimitsOnStatementsLocksAndIdleTransactions() throws {
        let link = try Self.link()
        defer { link.close() }
        #expect(try link.run("SHOW statement_timeout").rows.first?[0] == "5min")
        #expect(try link.run("SHOW lock_timeout").rows.first?[0] == "1min")
        #expect(try link.run("SHOW idle_in_transaction_session_timeout").rows.first?[0] == "10min")
    }

    @Test func aStatementOnAConnectionThatHasClosedFailsAtOnce() throws {
        let link = try Self.link()
        link.close()
        #expect(link.isClosed)
        do {
            try link.run("SELECT 1")
            Issue.record("a statement ran on a closed connection")
        } catch {
            #expect(Self.lost(error) == .closed, "\(error)")
        }
    }

    @Test func aConnectionTheServerEndsBetweenStatementsFailsTheNextOneAndEveryOneAfter() throws {
        let link = try Self.link(), watcher = try Self.link()
        defer { link.close(); watcher.close() }
        let pid: Int64 = try #require(try link.run("SELECT pg_backend_pid()::bigint").rows.first?[0])
        try watcher.run("SELECT pg_terminate_backend(?::int, 10000)", [pid])
        for _ in 0..<3 {
            #expect(throws: (any Error).self) { try link.run("SELECT 1") }
        }
        // The close is seen (the connection is not handed out again).
        _ = try? link.connection.closeFuture.wait()
        #expect(link.isClosed)
    }

    @Test func aServerThatDoesNotAnswerInTimeLosesTheConnectionInsteadOfKeepingTheDeskWaiting() throws {
        // The server is told to take a minute; the link gives up after 3 s (a store's limit is minutes).
        let link = try Self.link(answerLimit: .seconds(3))
        do {
            try link.run("SELECT pg_sleep(60)")
            Issue.record("the statement was answered")
        } catch {
            #expect(Self.lost(error) == .noAnswer, "\(error)")
        }
        #expect(link.isClosed)
        #expect(throws: (any Error).self) { try link.run("SELECT 1") }
    }

    @Test func aWriteWaitingTooLongForTheWriterLockSaysTheStoreIsBusy() throws {
        let holder = try Self.link(), waiter = try Self.link()
        defer { holder.close(); waiter.close() }
        let key = PostgresStore.lockKey("busy_\(UUID().uuidString.prefix(8))")
        try holder.run("SELECT pg_advisory_lock(?)", [key])
        try waiter.run("SET lock_timeout = '50ms'")
        do {
            try waiter.run("SELECT pg_advisory_lock(?)", [key])
            Issue.record("the lock held by another session was taken")
        } catch {
            let url = try #require(PostgresTestServer.url)
            let said = PostgresStore.failure(error, try #require(PostgresEndpoint(url: url)), committing: false)
            #expect(said.message.contains("busy") && said.message.contains("nothing of this command was saved"), "\(said.message)")
        }
        try holder.run("SELECT pg_advisory_unlock(?)", [key])
    }

    @Test func aKeptConnectionTheServerEndedIsReplacedAndTheNextCommandRuns() throws {
        let store = try PostgresTestServer.makeStore("kept")
        defer { try? store.dropEverything() }
        let watcher = try Self.link()
        defer { watcher.close() }
        for round in 0..<3 {
            // The store keeps its one connection between commands; the server ends it (a restart, an idle cut).
            let pid: Int64 = try store.read { tx in
                let pg = try #require(tx as? PostgresTransaction)
                return try #require(try pg.value("SELECT pg_backend_pid()::bigint"))
            }
            try watcher.run("SELECT pg_terminate_backend(?::int, 10000)", [pid])
            try store.write { tx in
                _ = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers),
                                          fields: try CustomerFields.validate(name: ["续甲", "续乙", "续丙"][round], phone: "1370013700\(round)", address: "").get(),
                                          at: Timestamp(secondsSince1970: 1_795_395_600))
            }
        }
        try store.read { (tx: any StoreReading) throws in #expect(try tx.customerCount() == 3) }
    }
}
