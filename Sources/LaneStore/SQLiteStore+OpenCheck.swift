import CLaneSQLite
import Foundation
import GRDB
import LaneCore

/// How long the check after an unclean close may take before the store opens anyway. On a large
/// file `quick_check` reads every page: a 9.5 GB store on a slow disk took about an hour, and the
/// desk could not look anything up meanwhile.
public struct OpenCheckBudget: Sendable, Equatable {
    /// Seconds of checking at an opening (0: none; the check is then owed at once).
    public var seconds: Double
    /// Tests: stop after this many checks (a table each, then the whole file) whatever the time, so a
    /// cut-short check is made without a clock.
    var tables: Int

    public init(seconds: Double) { self.seconds = max(0, seconds); tables = .max }
    init(seconds: Double, tables: Int) { self.seconds = max(0, seconds); self.tables = tables }

    /// Ten seconds: a small store's whole check fits in it; a large one opens after it and owes the rest.
    public static let standard = OpenCheckBudget(seconds: 10)

    /// `LANE_OPEN_CHECK_SECONDS` when it is a number of seconds from 0 to 86,400; nil otherwise.
    public static func fromEnvironment(_ text: String?) -> OpenCheckBudget? {
        guard let text, let seconds = Double(text), seconds >= 0, seconds <= 86_400 else { return nil }
        return OpenCheckBudget(seconds: seconds)
    }
}

/// What a bounded check found: damage (the store is refused), or how far it got.
struct OpenCheckOutcome {
    var damage: [String] = []
    var tablesChecked = 0
    var tables = 0
    /// Every table and then the whole file were checked (pages no table holds, pages two claim).
    var complete = false
}

/// A raw connection handed to the watchdog thread; SQLite's `sqlite3_interrupt` may be called from any thread.
private struct InterruptibleConnection: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer?
}

extension SQLiteStore {
    /// Beside the database while a full check is owed: written when the check after an unclean close
    /// was cut short, removed by the next check that completes (`store check`, or an opening's).
    static func checkOwedPath(_ path: String) -> String { path + ".check-owed" }

    /// `quick_check` one table (with its indexes) at a time, the schema first and then the tables in the
    /// order they were made (the customers, vehicles and orders before the registers added later), and
    /// then the whole file, until `budget` runs out. What the tables checked hold is known sound
    /// (or its damage found) even when the budget ends before the rest. A watchdog thread interrupts
    /// a statement still running at the deadline: SQLite 3.40 walks a b-tree inside one instruction,
    /// where no progress handler is called, but it does look at the interrupt flag on every page.
    static func boundedCheck(_ db: Database, budget: OpenCheckBudget) throws -> OpenCheckOutcome {
        let deadline = DispatchTime.now() + budget.seconds
        let tables = try ["sqlite_schema"] + String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid")
        var outcome = OpenCheckOutcome(tables: tables.count)
        let connection = InterruptibleConnection(pointer: db.sqliteConnection.map { UnsafeMutableRawPointer($0) })
        let finished = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if finished.wait(timeout: deadline) == .timedOut { lane_sqlite_interrupt(connection.pointer) }
            stopped.signal()
        }
        // The watchdog is gone before the connection is used for anything else.
        defer { finished.signal(); stopped.wait() }
        func check(_ sql: String) throws -> Bool {
            guard DispatchTime.now() < deadline else { return false }
            do {
                outcome.damage += try String.fetchAll(db, sql: sql).filter { $0 != "ok" }
                return true
            } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                return false
            }
        }
        for table in tables {
            guard outcome.tablesChecked < budget.tables, try check("PRAGMA quick_check(\(table.quotedDatabaseIdentifier))") else { return outcome }
            outcome.tablesChecked += 1
            if !outcome.damage.isEmpty { return outcome }
        }
        guard outcome.tablesChecked < budget.tables else { return outcome }
        outcome.complete = try check("PRAGMA quick_check")
        return outcome
    }

    /// Notes that a full check is owed (one small file beside the database, like the open markers).
    static func recordCheckOwed(_ path: String, _ outcome: OpenCheckOutcome) {
        let text = "a full integrity check is owed: the check after an unclean close stopped after \(outcome.tablesChecked) of \(outcome.tables) tables\n"
        _ = FileManager.default.createFile(atPath: checkOwedPath(path), contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    }
}
