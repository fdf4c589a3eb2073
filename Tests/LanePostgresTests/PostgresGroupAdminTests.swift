import Foundation
import Testing
import LaneCore
import LaneShell
import LaneStore
import LaneTesting
import ServiceDepartment
import SurveyPlugin
@testable import LanePostgres

/// The group's view beyond the bare table (`report kpi --stores` with `--by`,
/// `--html`, JSON, the plugins' sections) and an admin adding one member of
/// staff to several stores at once (`staff add --stores`), on a real server.
@Suite(.enabled(if: PostgresTestServer.available, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"),
       .serialized)
struct PostgresGroupAdminTests {
    typealias Group = PostgresGroupTests.Group

    struct Figure: Decodable {
        var store: String
        var figure: String
        var value: Int?
        var numerator: Int?
        var denominator: Int?
        var group: String
    }
    struct Answer: Decodable {
        var by: String?
        var figures: [Figure]
    }

    @Test func theGroupsViewSplitsEachStoreByAdvisorInJSONAndOnAPage() throws {
        let group = try Group()
        defer { group.close() }
        let shell = try PGShell(group.szns, user: "集团王", pin: "2468")
        let stores = "--stores \(group.ns),\(group.ft)"
        // People read each store's split under the side-by-side figures.
        let table = try shell.expectOK("report kpi --month 2026-11 \(stores) --by advisor")
        #expect(table.contains("薛淑芬") && table.contains(group.ft) && table.contains("group total"), "\(table)")
        shell.session.format = .json
        let json = try shell.expectOK("report kpi --month 2026-11 \(stores) --by advisor")
        let answer = try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
        #expect(answer.by == "advisor")
        // 薛淑芬 opened one order more in SZNS than in SZFT: each store's split says so.
        let opened = { (store: String) in answer.figures.first { $0.store == store && $0.group == "薛淑芬" && $0.figure == "orders_opened" }?.numerator }
        let ns = try #require(opened(group.ns)), ft = try #require(opened(group.ft))
        #expect(ns == ft + 1 && ft >= 1, "\(json)")
        let storeTotals = answer.figures.filter { $0.figure == "orders_opened" && $0.group.isEmpty }
        #expect(storeTotals.first { $0.store == "" }?.numerator == storeTotals.filter { !$0.store.isEmpty }.compactMap(\.numerator).reduce(0, +))
        // Without --by: no group rows, and `by` is null.
        let plain = try JSONDecoder().decode(Answer.self, from: Data(try shell.expectOK("report kpi --month 2026-11 \(stores)").utf8))
        #expect(plain.by == nil && plain.figures.allSatisfy { $0.group.isEmpty })

        // The page: a column per store and the group's total, and the split as bars.
        shell.session.format = .table
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("group-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try shell.expectOK("report kpi --month 2026-11 \(stores) --by advisor --html \(file.path)").contains(file.path))
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.contains("<th title=") && page.contains(">\(group.ns)</th>") && page.contains(">\(group.ft)</th>") && page.contains("group total"))
        #expect(page.contains("\(group.ns) · 薛淑芬") && page.contains("<svg"))
        // Refused as for one store: both files, an unknown split; nothing written.
        let both = try shell.expectRefusalCodes("report kpi \(stores) --html a.html --pdf a.pdf")
        #expect(both.first == "report.cannot_report" && both.contains("document.one_file"))
    }

    @Test func thePluginsSectionsAreReadInEachStoreAndAddedUp() throws {
        let group = try Group()
        defer { group.close() }
        // The survey plugin installed in both stores (each store's own tables), as `lane` installs it at start-up.
        for store in [group.szns, group.szft] {
            var registry = try Launcher.builtinRegistry()
            let (_, messages) = PluginLoader.install(compiled: [PluginLoader.Compiled(SurveyPlugin(), module: "SurveyPlugin")], runtimeDirectory: nil,
                                                     into: &registry, store: store, now: TestShell.demoNow)
            #expect(messages.isEmpty, "\(messages)")
        }
        let shell = try PGShell(group.szns, user: "集团王", pin: "2468")
        var registry = try Launcher.builtinRegistry()
        let (installed, _) = PluginLoader.install(compiled: [PluginLoader.Compiled(SurveyPlugin(), module: "SurveyPlugin")], runtimeDirectory: nil,
                                                  into: &registry, store: group.szns, now: TestShell.demoNow)
        shell.session.plugins = installed
        shell.session.registry = registry
        shell.session.format = .json
        let answer = try JSONDecoder().decode(Answer.self, from: Data(try shell.expectOK("report kpi --month 2026-11 --stores \(group.ns),\(group.ft)").utf8))
        // The survey's figures for each store and the group's total (no surveys taken yet: none counted).
        for store in [group.ns, group.ft, ""] {
            #expect(answer.figures.contains { $0.store == store && $0.figure == "survey.surveys" && $0.numerator == 0 }, "\(store)")
            #expect(answer.figures.contains { $0.store == store && $0.figure == "survey.nps" })
        }
        shell.session.format = .table
        let table = try shell.expectOK("report kpi --month 2026-11 --stores \(group.ns),\(group.ft)")
        #expect(table.contains("NPS"), "\(table)")
    }

    /// The admin of both stores (PIN 3582 in each), and 王管理 the admin of SZNS who is an advisor in SZFT.
    func admins(_ group: Group) throws {
        for (store, roles) in [(group.szns, [("王管理", StaffRole.admin)]), (group.szft, [("王管理", StaffRole.serviceAdvisor)])] {
            let department = Department(store: store)
            let admin = Caller(user: "admin", role: .admin, now: TestShell.demoNow, settings: try store.read { try $0.settings() }, request: "staff pin")
            _ = try department.change("seed load", by: admin) { tx in
                for (name, role) in roles { _ = try tx.insertStaff(name: name, role: role, team: nil, phone: nil) }
                return Recorded((), audit: AuditNote(ref: "staff", summary: "admins"))
            }
            try StaffAccess(department).setPin("3582", for: "admin", by: admin)
            try StaffAccess(department).setPin("3582", for: "王管理", by: admin)
        }
    }

    @Test func anAdminOfSeveralStoresAddsOneMemberToAllOfThemAtOnce() throws {
        let group = try Group()
        defer { group.close() }
        try admins(group)
        let shell = try PGShell(group.szns, user: "admin", pin: "3582")
        let out = try shell.expectOK("staff add 孙伟 --role technician --team 机电一组 --stores \(group.ns),\(group.ft)")
        #expect(out.contains(group.ns) && out.contains(group.ft), "\(out)")
        for store in [group.szns, group.szft] {
            let member = try #require(try store.read { try $0.staffMember(named: "孙伟") })
            #expect(member.role == .technician && member.team == "机电一组")
            let there = try PGShell(store, user: "admin", pin: "3582")
            #expect(try there.expectOK("audit show --entity 孙伟").contains("staff add"))
            #expect(try there.expectOK("store check").contains("sound"))
        }
        // Only another store: this one is untouched.
        try shell.expectOK("staff add 林晓 --role cashier --stores \(group.ft)")
        #expect(try group.szns.read { try $0.staffMember(named: "林晓") } == nil)
        #expect(try group.szft.read { try $0.staffMember(named: "林晓") }?.role == .cashier)
    }

    @Test func aRefusalInOneStoreAddsToNone() throws {
        let group = try Group()
        defer { group.close() }
        try admins(group)
        // A name SZFT already has (added there alone first, by the admin of SZFT).
        try PGShell(group.szft, user: "admin", pin: "3582").expectOK("staff add 周敏 --role cashier")
        let afterFT = try group.szft.snapshot()
        let duplicate = try PGShell(group.szns, user: "admin", pin: "3582").expectRefusal("staff add 周敏 --role cashier --stores \(group.ns),\(group.ft)")
        #expect(duplicate.codes == ["staff.cannot_add", "group.store_refused"] && duplicate.text.contains(group.ft), "\(duplicate.text)")
        #expect(try group.szns.read { try $0.staffMember(named: "周敏") } == nil)
        #expect(try group.szft.snapshot() == afterFT)
        // Every store's problems together: an unknown role in each.
        #expect(try PGShell(group.szns, user: "admin", pin: "3582").expectRefusalCodes("staff add 吴刚 --role mechanic --stores \(group.ns),\(group.ft)")
                == ["staff.cannot_add", "group.store_refused", "group.store_refused"])
        // Admin here, an advisor there: refused, nothing added here either.
        #expect(try PGShell(group.szns, user: "王管理", pin: "3582").expectRefusalCodes("staff add 吴刚 --role cashier --stores \(group.ns),\(group.ft)")
                == ["staff.cannot_add", "staff.not_admin_there"])
        // The wrong PIN for the other store; an unknown store; a store file.
        #expect(try PGShell(group.szns, user: "admin", pin: "9999").expectRefusalCodes("staff add 吴刚 --role cashier --stores \(group.ns),\(group.ft)")
                == ["staff.cannot_add", "group.store_refused"])
        #expect(try PGShell(group.szns, user: "admin", pin: "3582").expectRefusalCodes("staff add 吴刚 --role cashier --stores \(group.ns),BJCY")
                == ["staff.cannot_add", "group.no_such_store"])
        #expect(try group.szns.read { try $0.staffMember(named: "吴刚") } == nil)
        #expect(try group.szft.read { try $0.staffMember(named: "吴刚") } == nil)
    }
}
