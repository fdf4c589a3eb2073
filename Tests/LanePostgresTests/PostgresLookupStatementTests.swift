import Foundation
import Testing
import LaneCore
import LaneShell
import LaneStore
import LaneTesting
@testable import LanePostgres

/// On the server every statement is a round trip: a lookup sends a fixed number of them, whatever
/// the number of rows it shows (the appointments of the board, the orders and calls of each role's
/// `today`, the parts to issue, the complaints), never one per row. The demo store on a real server,
/// counted as each command runs, then again with four times the rows to show (each
/// kind of row in both, so that no list is empty in one and not the other).
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
struct PostgresLookupStatementTests {
    /// The lookups measured, each by a member of staff of the demo store (`today` for every role).
    static let lookups: [(user: String, line: String)] = [
        ("薛淑芬", "appt board"), ("薛淑芬", "appt list"), ("薛淑芬", "ro show RO-T-0"), ("薛淑芬", "vehicle show 粤B27DP2"),
        ("薛淑芬", "customer find 刘"), ("蒋芳", "remind due"), ("蒋芳", "remind delays"), ("蒋芳", "complaint list"),
        ("薛淑芬", "today"), ("蒋芳", "today"), ("姚雪", "today"), ("何子涵", "today"), ("程国栋", "today"), ("夏勇", "today"),
        ("赵子涵", "today"), ("范颖", "today"), ("莫霞", "today"),
    ]

    @Test func aLookupSendsAFixedNumberOfStatements() throws {
        let url = try #require(PostgresTestServer.url)
        let schema = "stmts_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
        let server = url + (url.contains("?") ? "&" : "?") + "schema=" + schema
        let endpoint = try #require(PostgresEndpoint(url: server))
        defer {
            try? FileManager.default.removeItem(atPath: PostgresStore.keyFile(for: endpoint) + ".key")
            try? PostgresStore(endpoint: endpoint, keyFile: nil).dropEverything()
        }
        let file = try TestShell(user: "admin", seeded: true)
        try file.expectOK("store copy --to \(server)")
        let store = try PostgresStore(endpoint: endpoint, keyFile: PostgresStore.keyFile(for: endpoint), create: false, recordingStatements: true)
        let shell = try ServerShell(store)

        try Self.addRows(store, 6, from: 0)
        // Once first, so that what a session reads once is not counted against either size.
        for (user, line) in Self.lookups { _ = try shell.statements(user, line) }
        let few = try Self.lookups.map { try shell.statements($0.user, $0.line) }
        try Self.addRows(store, 18, from: 6)
        let many = try Self.lookups.map { try shell.statements($0.user, $0.line) }
        for ((user, line), (a, b)) in zip(Self.lookups, zip(few, many)) {
            // Four times the rows to show, the same statements, each sent as often.
            let more = b.filter { $0.value > a[$0.key, default: 0] }.keys.sorted()
            #expect(a == b, "\(user): \(line): \(a.values.reduce(0, +)) statements with 6 rows of each kind, \(b.values.reduce(0, +)) with 24; more often: \(more)")
            // A list reads its customers and cars by the list of their ids.
            if line == "appt board" || line == "appt list" || line == "today" || line == "complaint list" {
                #expect(!b.keys.contains { $0.contains("FROM customer WHERE id = ?") || $0.contains("FROM vehicle WHERE id = ?") },
                        "\(user): \(line) reads a customer or a vehicle by its id alone")
            }
        }
        // The rows added are shown: the counts above are of lookups that listed them.
        let board = try shell.run("薛淑芬", "appt board")
        #expect(board.contains(try #require(Self.plates(store).last)))
        #expect(try shell.run("范颖", "today").contains("RO-T-20"))
        #expect(try shell.run("莫霞", "today").contains("RO-T-23"))
        #expect(try shell.run("蒋芳", "complaint list").contains("statement test 23"))
    }

    /// The plates of the seed's first vehicles, one per row added.
    static func plates(_ store: PostgresStore) throws -> [String] {
        try store.read { tx in try tx.vehicles(limit: 24, offset: 0).map(\.plate.value) }
    }

    /// For each of `count` more of the demo's vehicles: an appointment today (booked days ago, so its
    /// confirmation is due), an open order at one of the steps a role's `today` lists, with a part not
    /// yet issued, and an open complaint.
    static func addRows(_ store: PostgresStore, _ count: Int, from first: Int) throws {
        try store.write { tx in
            let vehicles = try tx.vehicles(limit: first + count, offset: 0)
            let parts = try tx.parts()
            let day = CalendarDate(year: 2026, month: 11, day: 23)!
            let called = Timestamp(date: day.adding(days: -4), hour: 10, minute: 0, offset: .china)
            let statuses: [RepairOrderStatus] = [.reception, .handedOver, .dispatched, .selfChecked, .leaderChecked, .settled]
            for i in first..<(first + count) {
                let v = vehicles[i]
                let number = Appointment.number(day: day, sequence: try tx.allocateNumber(in: .appointments(on: day)))
                _ = try tx.insertAppointment(Appointment(number: number, vehicleID: v.id, customerID: v.ownerID, advisor: "薛淑芬",
                                                         start: Timestamp(date: day, hour: 13 + i / 6, minute: (i % 6) * 10, offset: .china),
                                                         durationMinutes: 30, job: "保养", bay: nil, channel: .inbound, calledAt: called,
                                                         enteredAt: called), day: day)
                let opened = Timestamp(date: day, hour: 8, minute: i, offset: .china)
                var o = try tx.insertRepairOrder(RepairOrder(number: "RO-T-\(i)", vehicleID: v.id, customerID: v.ownerID, advisor: "薛淑芬",
                                                             openedAt: opened), openedOn: day)
                let loaded = o
                let part = parts[i % parts.count]
                o.team = "机电一组"
                o.status = statuses[i % statuses.count]
                o.lines = [RepairOrderLine(id: 1, kind: .part, code: part.number, name: part.name, unitPrice: part.price)]
                try tx.saveRepairOrder(o, was: loaded)
                _ = try tx.insertComplaint(Complaint(orderID: o.id, customerID: v.ownerID, text: "statement test \(i)", openedAt: opened,
                                                     openedBy: "蒋芳"))
            }
        }
    }
}

/// A shell on a server store, as `lane --db postgres://…` runs one: the built-in commands, a fixed clock, English.
final class ServerShell {
    let store: PostgresStore
    let session: ShellSession
    private let output = Output()

    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
        func take() -> String { lock.lock(); defer { text = ""; lock.unlock() }; return text }
    }

    init(_ store: PostgresStore) throws {
        self.store = store
        let output = output
        session = ShellSession(store: store, clock: FixedClock(TestShell.demoNow), user: "admin", registry: try Launcher.builtinRegistry(),
                               io: ShellIO(out: { output.append($0) }, err: { output.append($0) }),
                               workingDirectory: FileManager.default.temporaryDirectory.path)
        session.languageChoice = .english
    }

    /// Runs `line` as `user`; what it printed. A line that fails fails the test.
    @discardableResult
    func run(_ user: String, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        session.user = user
        _ = output.take()
        let code = session.execute(line, origin: "line 1")
        let said = output.take()
        #expect(code == .ok, "\(user): \(line): \(said)", sourceLocation: sourceLocation)
        return said
    }

    /// The statements `line` sent to the server, with how many times each.
    func statements(_ user: String, _ line: String) throws -> [String: Int] {
        let before = store.statementExecutions()
        try run(user, line)
        return store.statementExecutions().reduce(into: [:]) { sent, entry in
            let n = entry.value - before[entry.key, default: 0]
            if n > 0 { sent[entry.key] = n }
        }
    }
}
