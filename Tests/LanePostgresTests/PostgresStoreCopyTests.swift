import Foundation
import Testing
import LaneCore
import LaneShell
import LaneStore
import LaneTesting
@testable import LanePostgres

/// `store copy` from a file store to a server and back to a new file: every row
/// arrives, the key goes with it, the audit trail verifies on both sides, and
/// work goes on on the server (numbers continue, the chain continues).
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresStoreCopyTests {
    @Test func aStoreGoesToTheServerAndComesBackToAFileWhole() throws {
        let url = try #require(PostgresTestServer.url)
        let schema = "copy_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
        let server = url + (url.contains("?") ? "&" : "?") + "schema=" + schema
        let endpoint = try #require(PostgresEndpoint(url: server))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lane-pgcopy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(atPath: PostgresStore.keyFile(for: endpoint) + ".key")
            try? PostgresStore(endpoint: endpoint, keyFile: nil).dropEverything()
        }
        let shell = try TestShell(user: "admin", seeded: true)
        // Rows of main's later tables and columns too: a deposit (repair_order_payment), a credit account, timeline messages.
        // A declined call: the decline counts are each store's own, made by the copy's log rows as they go in.
        for line in ["remind log 粤A8LP59 lost_customer --outcome declined --reason 搬到外地",
                     "ro open 粤B27DP2", "set user 莫霞", "ro deposit --method cash --amount 100", "set user 姚雪", "account open C0002 --limit 200",
                     "set user admin"] {
            try shell.expectOK(line)
        }
        try shell.expectOK("store copy --to \(server)")

        let onServer = try PostgresStore(url: server, create: false)
        #expect(onServer.secretKey == shell.store.secretKey)
        let source = try shell.store.exportTables().filter { $0.name != "sqlite_definitions" }
        let there = try onServer.exportTables()
        for table in source {
            let copied = try #require(there.first { $0.name == table.name }, "\(table.name) on the server")
            #expect(copied.rows.count == table.rows.count, "\(table.name)")
        }
        for name in ["repair_order_payment", "credit_account"] {
            #expect(there.first { $0.name == name }?.rows.isEmpty == false, "\(name) is copied")
        }
        try onServer.read { (tx: any StoreReading) throws in
            let order = try #require(try tx.repairOrder(number: "RO-20261123-0001"))
            #expect(order.payments.map(\.amount.fen) == [10_000] && order.payments.first?.kind == .deposit)
            #expect(try tx.repairOrderEvents(orderID: order.id).contains { $0.message != nil }, "timeline messages are copied")
            #expect(try tx.creditAccount(customerID: order.customerID)?.limit.fen == 20_000)
            #expect(ReminderRegister.ranked(try tx.declineCounts()) == ReminderRegister.declineReasons(try tx.reminderLog(vehicleID: nil)))
            #expect(try tx.declineCounts().map(\.reason).contains("搬到外地"))
        }
        // Work goes on there: the next order number follows, the chain continues and verifies.
        let department = Department(store: onServer)
        let caller = Caller(user: "admin", role: .admin, now: TestShell.demoNow, settings: try onServer.read { try $0.settings() }, request: "ro open 粤B82396")
        #expect(try RepairOrderDesk(department).open(vehicle: "粤B82396", by: caller).value.number == "RO-20261123-0002")
        let verified = try AuditDesk(department).verify(by: caller)
        #expect(verified.firstBroken == nil && verified.signed == verified.checked)

        // A second copy onto the same server store is refused: it holds a store now.
        #expect(try shell.expectRefusalCodes("store copy --to \(server)") == ["server.copy_refused", "server.copy_target_not_empty"])

        // And back, as a backup a person can open.
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try shell.expectOK("store copy --from \(server) --to \(backup)")
        let file = try SQLiteStore(path: backup, create: false)
        #expect(file.secretKey == shell.store.secretKey)
        try file.read { (tx: any StoreReading) throws in
            #expect(try tx.repairOrder(number: "RO-20261123-0002") != nil)
            let result = try AuditTrail.verify(tx, key: file.secretKey)
            #expect(result.firstBroken == nil && result.checked == verified.checked)
            #expect(ReminderRegister.ranked(try tx.declineCounts()) == ReminderRegister.declineReasons(try tx.reminderLog(vehicleID: nil)))
            #expect(try tx.declineCounts().map(\.reason).contains("搬到外地"))
        }
    }
}
