import Foundation
import Testing
import LaneCore
import LaneStore
import ServiceDepartment
@testable import LanePostgres

/// Several desks on one PostgreSQL store at the same time, each with its own
/// connections (as separate shells have): nothing lost, duplicated or interleaved.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresConcurrencyTests {
    static let now = Timestamp(secondsSince1970: 1_795_395_600)

    static func caller(_ store: any ServiceStore, _ request: String) throws -> Caller {
        Caller(user: "admin", role: .admin, now: now, settings: try store.read { try $0.settings() }, request: request)
    }

    @Test func fourDesksAddingCustomersAtOnceGetEveryNumberOnceAndOneUnbrokenAuditChain() throws {
        let first = try PostgresTestServer.makeStore("conc")
        defer { try? first.dropEverything() }
        let desks = try [first] + (1..<4).map { _ in try PostgresTestServer.reopen(first) }
        let perDesk = 12
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: desks.count) { d in
            let desk = CustomerDesk(Department(store: desks[d]))
            for i in 0..<perDesk {
                do {
                    let phone = String(format: "139%04d%04d", d, i)
                    let digits = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯")
                    _ = try desk.add(CustomerRequest(name: "客户\(digits[d])\(digits[i])", phone: phone, address: nil),
                                     by: try Self.caller(desks[d], "customer add desk \(d) #\(i)"))
                } catch {
                    failures.add("desk \(d) #\(i): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let total = desks.count * perDesk
        try first.read { (tx: any StoreReading) throws in
            #expect(try tx.customerCount() == total)
            let numbers = try tx.customers(limit: total + 10, offset: 0).map(\.code)
            #expect(numbers == (1...total).map { Customer.code(number: $0) }, "every number once, none skipped")
            let audit = try tx.auditChain(afterSequence: 0, limit: total + 10)
            #expect(audit.map(\.sequence) == (1...total).map(Int64.init))
            // Every command's row once, each whole (its own command line, never another desk's).
            let expected = (0..<desks.count).flatMap { d in (0..<perDesk).map { "customer add desk \(d) #\($0)" } }
            #expect(audit.map(\.command).sorted() == expected.sorted())
        }
        // The chain verifies, computed link by link from the rows as stored.
        let verification = try AuditDesk(Department(store: first)).verify(by: try Self.caller(first, "audit verify"))
        #expect(verification.checked == total && verification.firstBroken == nil)
    }

    @Test func theSameStepOnOneOrderFromFourDesksAtOnceHappensOnce() throws {
        let first = try PostgresTestServer.makeStore("step")
        defer { try? first.dropEverything() }
        try first.write { tx in
            let owner = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers),
                                              fields: try CustomerFields.validate(name: "王小明", phone: "13900139000", address: "").get(), at: Self.now)
            let fields = try VehicleFields.validate(vin: "LSGPC54R7DF000001", plate: "粤B12345", model: "星河 S5", sold: "2024-05-01",
                                                    mileage: "12000", today: CalendarDate(year: 2026, month: 11, day: 23)!).get()
            _ = try tx.insertVehicle(fields, ownerID: owner.id, at: Self.now)
        }
        let desks = try [first] + (1..<4).map { _ in try PostgresTestServer.reopen(first) }
        let opened = Failures(), refused = Failures()
        DispatchQueue.concurrentPerform(iterations: desks.count) { d in
            do {
                let done = try RepairOrderDesk(Department(store: desks[d])).open(vehicle: "粤B12345", by: try Self.caller(desks[d], "ro open 粤B12345"))
                opened.add(done.value.number)
            } catch let refusal as Refusal {
                refused.add(refusal.codes.map { "\($0)" }.joined(separator: ","))
            } catch {
                refused.add("not a refusal: \(error)")
            }
        }
        #expect(opened.all == ["RO-20261123-0001"], "exactly one desk opens the order")
        #expect(refused.all.count == 3 && refused.all.allSatisfy { $0.contains("repair_order.already_open") }, "\(refused.all)")
        try first.read { (tx: any StoreReading) throws in
            #expect(try tx.repairOrders(vehicleID: 1).count == 1)
            #expect(try tx.auditChain(afterSequence: 0, limit: 10).count == 1)
        }
    }

    @Test func aConnectionKilledInTheMiddleOfACommandLeavesNothingAndSaysSo() throws {
        let store = try PostgresTestServer.makeStore("gone")
        defer { try? store.dropEverything() }
        let watcher = try PostgresTestServer.reopen(store)
        // Several times over, on the same store: each time the connection dies at another moment
        // of postgres-nio's handling (before or after it has seen the close).
        for round in 0..<5 {
            var failure: (any Error)?
            do {
                try store.write { tx in
                    let pg = try #require(tx as? PostgresTransaction)
                    _ = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers),
                                              fields: try CustomerFields.validate(name: "半途", phone: "1370013700\(round)", address: "").get(), at: Self.now)
                    let pid: Int64 = try #require(try pg.value("SELECT pg_backend_pid()::bigint"))
                    // Another session ends this one's connection, as a server restart or a cut cable would
                    // (and waits until it has ended, so the next statement meets a dead connection).
                    try watcher.unsafeExecute("SELECT pg_terminate_backend(\(pid), 10000)")
                    _ = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers),
                                              fields: try CustomerFields.validate(name: "断线", phone: "1370013701\(round)", address: "").get(), at: Self.now)
                }
            } catch {
                failure = error
            }
            let said = try #require(failure as? StoreFailure, "a store failure, not \(String(describing: failure))")
            #expect(said.message.contains("was lost") && said.message.contains("nothing of this command was saved"), "\(said.message)")
            try watcher.read { (tx: any StoreReading) throws in #expect(try tx.customerCount() == 0) }
        }
        // The store goes on with a new connection.
        try store.write { tx in
            _ = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers),
                                      fields: try CustomerFields.validate(name: "重连", phone: "13700137002", address: "").get(), at: Self.now)
        }
        try watcher.read { (tx: any StoreReading) throws in #expect(try tx.customerCount() == 1) }
    }

    @Test func aStoreThatIsNotThereIsRefusedWithoutCreate() throws {
        let url = try #require(PostgresTestServer.url)
        let separator = url.contains("?") ? "&" : "?"
        #expect(throws: StoreFailure.self) {
            _ = try PostgresStore(url: url + separator + "schema=missing_\(UUID().uuidString.prefix(8).lowercased())", create: false)
        }
    }
}

/// What several threads report, collected under a lock.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.withLock { list.append(text) } }
    var all: [String] { lock.withLock { list } }
}
