import Foundation
import Testing
import LaneCore
import LaneShell
import LaneStore
import LaneTesting
import ServiceDepartment
@testable import LanePostgres

/// A dealer group's stores on one server: the register lists them, the group's
/// reader reads their figures side by side (and nothing else changes), a store's
/// own staff cannot read another store, and every store lets the reader in by
/// its own PIN only.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"),
       .serialized)
struct PostgresGroupTests {
    /// Two stores on the test server (SZNS and SZFT, the demo dealership in each), their keys in one
    /// folder as a group desk keeps them, the group's reader 集团王 in both with PIN 2468, 集团李 in SZNS only,
    /// 集团赵 a reader in SZNS and a technician in SZFT, 集团钱 a reader in both without a PIN in SZFT.
    final class Group {
        let folder: URL
        let szns: PostgresStore
        let szft: PostgresStore
        /// Their codes: SZNS and SZFT with a tag, so stores other tests left on the server do not share them.
        let ns: String
        let ft: String

        init() throws {
            let url = try #require(PostgresTestServer.url)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lane-group-\(UUID().uuidString)")
            self.folder = folder
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let tag = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
            let ns = "SZNS" + tag.prefix(4).uppercased(), ft = "SZFT" + tag.prefix(4).uppercased()
            self.ns = ns
            self.ft = ft
            func open(_ schema: String) throws -> PostgresStore {
                let endpoint = try #require(PostgresEndpoint(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema))
                let keyFile = folder.appendingPathComponent((PostgresStore.defaultKeyFile(endpoint, [:]) as NSString).lastPathComponent).path
                return try PostgresStore(endpoint: endpoint, keyFile: keyFile)
            }
            szns = try open("gns_\(tag)")
            szft = try open("gft_\(tag)")
            for (store, code) in [(szns, ns), (szft, ft)] {
                let shell = try PGShell(store, user: "admin")
                try shell.expectOK("seed load \(TestShell.seedsPath)")
                try shell.expectOK("store set store.code \(code)")
                let readers: [(String, StaffRole, String?)] = code == ns
                    ? [("集团王", .groupReader, "2468"), ("集团李", .groupReader, "1357"), ("集团赵", .groupReader, "5824"), ("集团钱", .groupReader, "7391")]
                    : [("集团王", .groupReader, "2468"), ("集团赵", .technician, "5824"), ("集团钱", .groupReader, nil)]
                let department = Department(store: store)
                let admin = Caller(user: "admin", role: .admin, now: TestShell.demoNow, settings: try store.read { try $0.settings() }, request: "seed load")
                _ = try department.change("seed load", by: admin) { tx in
                    for (name, role, _) in readers { _ = try tx.insertStaff(name: name, role: role, team: nil, phone: nil) }
                    return Recorded((), audit: AuditNote(ref: "staff", summary: "group readers"))
                }
                for (name, _, pin) in readers {
                    if let pin { try StaffAccess(department).setPin(pin, for: name, by: admin) }
                }
            }
            // Open orders in both stores, so the group's total has something to add up.
            for store in [szns, szft] {
                let shell = try PGShell(store, user: "薛淑芬")
                try shell.expectOK("ro open 粤B27DP2")
            }
            try PGShell(szns, user: "薛淑芬").expectOK("ro open 粤B82396")
        }

        func close() {
            try? szns.dropEverything()
            try? szft.dropEverything()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func theRegisterListsTheServersStoresByCodeNameAndSchema() throws {
        let group = try Group()
        defer { group.close() }
        let listed = try group.szft.groupStores()
        #expect(listed.contains { $0.schema == group.szns.endpoint.schema && $0.code == group.ns && !$0.name.isEmpty })
        #expect(listed.contains { $0.schema == group.szft.endpoint.schema && $0.code == group.ft })
        let shell = try PGShell(group.szns, user: "薛淑芬")
        let out = try shell.expectOK("store list")
        #expect(out.contains(group.ns) && out.contains(group.ft) && out.contains(group.szft.endpoint.schema))
        // A dropped store leaves the list.
        try group.szft.dropEverything()
        #expect(!(try group.szns.groupStores()).contains { $0.schema == group.szft.endpoint.schema })
    }

    @Test func theGroupsReaderReadsEveryStoreSideBySideWithTheGroupsTotal() throws {
        let group = try Group()
        defer { group.close() }
        let department = Department(store: group.szns)
        let caller = Caller(user: "集团王", role: .groupReader, now: TestShell.demoNow, settings: try group.szns.read { try $0.settings() },
                            request: "report kpi --stores")
        var asked = 0
        let period = KPIPeriod(from: CalendarDate(year: 2026, month: 11, day: 1)!, to: CalendarDate(year: 2026, month: 11, day: 30)!)
        let report = try GroupReportDesk(department).kpi(GroupKPIRequest(period: period, stores: [group.ns, group.ft.lowercased()]), by: caller) { _ in
            asked += 1
            return "2468"
        }
        #expect(asked == 1, "the PIN is asked once, for the other store")
        #expect(report.stores.map(\.store.code) == [group.ns, group.ft])
        let opened = report.stores.map { $0.report.line(.ordersOpened)?.figure.numerator ?? -1 }
        // The same demo dealership in both, SZNS with one order more; the group's total is their sum.
        #expect(opened[0] == opened[1] + 1 && opened[1] >= 1)
        #expect(report.total.first { $0.id == .ordersOpened }?.value == Int64(opened.reduce(0, +)))
        #expect(!report.total.contains { $0.id == .waitMedian }, "a median does not add up")

        // The shell, with the PIN from LANE_PIN; JSON for scripts.
        let shell = try PGShell(group.szns, user: "集团王", pin: "2468")
        let out = try shell.expectOK("report kpi --month 2026-11 --stores \(group.ns),\(group.ft)")
        #expect(out.contains(group.ns) && out.contains(group.ft))
        shell.session.format = .json
        let json = try shell.expectOK("report kpi --month 2026-11 --stores \(group.ns),\(group.ft)")
        #expect(json.contains("\"figures\"") && json.contains("\"orders_opened\""))
    }

    @Test func theGroupsReaderChangesNothingInAnyStore() throws {
        let group = try Group()
        defer { group.close() }
        for store in [group.szns, group.szft] {
            let shell = try PGShell(store, user: "集团王", pin: "2468")
            for line in ["customer add --name 王小明 --phone 13800138000", "ro open 粤B27DP2", "store set store.code XX", "seed load \(TestShell.seedsPath)",
                         "appt book --vehicle 粤B27DP2 --at 2026-11-25T14:00", "import customers /dev/null", "ro settle RO-20261123-0001",
                         "audit verify", "store copy --to /tmp/nowhere.sqlite"] {
                let codes = try shell.expectRefusalCodes(line)
                #expect(codes.contains("access.role_may_not"), "\(line): \(codes)")
            }
            // Reading is allowed: their own store's figures.
            try shell.expectOK("report kpi --month 2026-11")
        }
    }

    @Test func aStoresOwnStaffCannotReadAnotherStore() throws {
        let group = try Group()
        defer { group.close() }
        // The service manager and an advisor of SZNS: not the group's reader.
        for user in ["姚雪", "薛淑芬"] {
            let shell = try PGShell(group.szns, user: user, pin: "2468")
            #expect(try shell.expectRefusalCodes("report kpi --month 2026-11 --stores \(group.ft)") == ["group.cannot_read", "group.reader_only"])
        }
        // A reader made in SZNS only is not let into SZFT; a technician of SZFT is not its reader; nor is one without a PIN there.
        #expect(try PGShell(group.szns, user: "集团李", pin: "1357").expectRefusalCodes("report kpi --stores \(group.ft)")
                == ["group.cannot_read", "group.store_refused"])
        #expect(try PGShell(group.szns, user: "集团赵", pin: "5824").expectRefusalCodes("report kpi --stores \(group.ft)")
                == ["group.cannot_read", "group.not_reader_there"])
        let noPin = try PGShell(group.szns, user: "集团钱", pin: "7391").expectRefusal("report kpi --stores \(group.ft)")
        #expect(noPin.codes == ["group.cannot_read", "group.store_refused"] && noPin.text.contains("no PIN"))
        // The wrong PIN for SZFT is refused (and counted there), and an unknown code is named with the known ones.
        let wrong = try PGShell(group.szns, user: "集团王", pin: "9999").expectRefusal("report kpi --stores \(group.ft)")
        #expect(wrong.codes == ["group.cannot_read", "group.store_refused"])
        #expect(try PGShell(group.szns, user: "集团王", pin: "2468").expectRefusalCodes("report kpi --stores \(group.ns),BJCY")
                == ["group.cannot_read", "group.no_such_store"])
        #expect(try PGShell(group.szns, user: "集团王", pin: "2468").expectRefusalCodes("report kpi --stores \(group.ns) --by mechanic")
                == ["report.cannot_report", "input.not_one_of"])
    }
}

/// A shell on a server store, in English, capturing what it prints (TestShell's, for a `PostgresStore`).
final class PGShell: @unchecked Sendable {
    let store: PostgresStore
    let session: ShellSession
    private let box: Box

    init(_ store: PostgresStore, user: String, pin: String? = nil) throws {
        self.store = store
        let box = Box()
        session = ShellSession(store: store, clock: FixedClock(TestShell.demoNow), user: user, registry: try Launcher.builtinRegistry(),
                               io: ShellIO(out: { box.add(out: $0) }, err: { box.add(err: $0) }),
                               seedsDirectory: TestShell.seedsPath, workingDirectory: FileManager.default.temporaryDirectory.path)
        session.languageChoice = .english
        if let pin { session.pinSource = PinSource(environment: ["LANE_PIN": pin], askSecret: nil) }
        self.box = box
    }

    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var out = "", err = ""
        func add(out text: String) { lock.withLock { out += text } }
        func add(err text: String) { lock.withLock { err += text } }
        func take() -> (String, String) { lock.withLock { defer { out = ""; err = "" }; return (out, err) } }
    }

    func run(_ line: String) -> (code: ExitCode, out: String, err: String) {
        _ = box.take()
        let code = session.execute(line, origin: "line 1")
        let (o, e) = box.take()
        return (code, o, e)
    }

    @discardableResult
    func expectOK(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let outcome = run(line)
        #expect(outcome.code == .ok, "\(line) → \(outcome.err)", sourceLocation: sourceLocation)
        return outcome.out
    }

    /// A refused line: nothing changed in the store; the refusal's codes (headline first) and its English words.
    func expectRefusal(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (codes: [String], text: String) {
        let format = session.format
        session.format = .json
        defer { session.format = format }
        let before = try store.snapshot()
        let outcome = run(line)
        #expect(outcome.code == .refused, "\(line) → \(outcome.code): \(outcome.err)", sourceLocation: sourceLocation)
        let after = try store.snapshot()
        // Name the first rows that differ, so a failure says what the refusal left behind.
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).first { $0 != $1 }
        #expect(after == before, "\(line) changed the store: \(changed.map { "\($0.0) → \($0.1)" } ?? "rows added or removed")",
                sourceLocation: sourceLocation)
        return (try TestShell.refusalCodes(outcome.err), outcome.err)
    }

    func expectRefusalCodes(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try expectRefusal(line, sourceLocation: sourceLocation).codes
    }
}
