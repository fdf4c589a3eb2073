import Foundation
import LaneStore
import LaneTesting
import Testing
import WarrantyPlugin

/// `warranty recall-vehicles` reads its vehicles by index ranges and their owners in one query
/// per page: no statement reads a growing table end to end, and none runs once per vehicle.
@Suite struct RecallQueryPlanTests {
    @Test func theRegisterOfARecallUsesIndexesAndOneQueryPerPage() throws {
        let shell = try TestShell(user: "任雪", seeded: true, plugins: [WarrantyPlugin()], recordingStatements: true)
        try shell.expectOK(RecallCommandTests.recall)
        shell.session.user = "薛淑芬"
        let before = shell.store.statementExecutions()
        let all = try shell.expectOK("warranty recall-vehicles RC-2026-12")
        for plate in ["粤B27DP2", "粤BT7261", "粤B6R1C3", "粤B838QH", "粤BMR733"] { #expect(all.contains(plate)) }
        let after = shell.store.statementExecutions()
        let ran = after.filter { $0.value > before[$0.key] ?? 0 }.map { ($0.key, $0.value - (before[$0.key] ?? 0)) }
            .reduce(into: [String: Int]()) { $0[$1.0] = $1.1 }
        // Five vehicles, and no query of the records ran more than once for them (the plugin guard reads
        // the schema once per plugin statement, which does not grow with the vehicles).
        let records = ran.filter { ["FROM customer", "FROM vehicle", "FROM plg_"].contains(where: $0.key.contains) }
        #expect(!records.isEmpty && records.allSatisfy { $0.value == 1 }, "\(records)")
        #expect(ran.keys.contains { $0.contains("FROM customer") && $0.contains("json_each") }, "\(ran.keys)")
        let scans = try QueryPlans.fullScans(shell.store).filter { ran.keys.contains($0.sql) }
        #expect(scans.isEmpty, "\(scans.map(\.description).joined(separator: "\n"))")
        // A page of the register.
        let page = try shell.expectOK("warranty recall-vehicles RC-2026-12 --limit 2 --offset 1")
        #expect(page.split(separator: "\n").filter { $0.contains("粤B") }.count == 2, "\(page)")
        #expect(try shell.expectRefusalCodes("warranty recall-vehicles RC-2026-12 --limit 0") == ["warranty.cannot_list", "warranty.not_in_range"])
    }
}
