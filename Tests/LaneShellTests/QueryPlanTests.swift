import Foundation
import LaneCore
import LaneShell
import LaneStore
import LaneTesting
import Testing

/// Nothing a command does may grow with the whole fleet: every statement the shell's commands run
/// is asked of SQLite (`EXPLAIN QUERY PLAN`), and none may read a growing table end to end.
/// Plans, not timings: the same on any machine and at any size.
@Suite struct QueryPlanTests {
    /// The demo day, then every command bare and with each of its examples, typed by a member of
    /// staff of every role (so permission lets each one reach its queries).
    static func exercisedShell() throws -> TestShell {
        let shell = try TestShell(seeded: true, recordingStatements: true)
        for file in ["scripts/demo-day.lane", "seeds/monday.lane"] {
            let text = try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                _ = shell.run(String(line))
            }
        }
        _ = shell.run("clock set 2026-11-23T17:00")
        let users = ["admin", "薛淑芬", "蒋芳", "何子涵", "程国栋", "夏勇", "赵子涵", "任雪", "范颖", "莫霞", "姚雪"]
        // Left out: what ends the session or reloads the demo, and printing to PDF (a browser per line).
        let skipped: Set<String> = ["exit", "quit", "seed load", "clock set", "set user", "store mode"]
        for spec in shell.session.registry.allSpecs where !skipped.contains(spec.name) {
            for line in [spec.name] + spec.examples where !line.contains("--pdf") {
                for user in users {
                    shell.session.user = user
                    _ = shell.run(line)
                }
            }
        }
        for user in users {
            shell.session.user = user
            for line in ["today", "remind due", "remind register", "remind register --kind lost_customer", "remind reasons",
                         "followup due", "followup due --on 2026-11-24", "campaign list", "appt board"] {
                _ = shell.run(line)
            }
        }
        // Two days on, the day's visits are due for the customer-file check: `followup files` reads them a page at a time.
        _ = shell.run("clock set 2026-11-26T10:00")
        shell.session.user = "admin"
        for line in ["followup files", "followup files --since 2026-01-01 --limit 5"] { _ = shell.run(line) }
        return shell
    }

    @Test func everyStatementOfEveryCommandUsesAnIndex() throws {
        let shell = try Self.exercisedShell()
        let statements = shell.store.statementsRun()
        // The exercise reached the lists this check is about.
        for table in ["reminder_log", "follow_up", "reminder_schedule", "customer_search_key", "appointment", "audit_log"] {
            #expect(statements.contains { $0.contains(table) }, "no statement read \(table)")
        }
        // `followup files` had visits to check and read them without a query per order.
        #expect(statements.contains { $0.contains("AND (opened_at < ? OR id < ?)") })
        // One order's lines are read by `repair_order_id = ?` (a step's own order); several orders' in one
        // statement, so reading the files again reads no order's lines by itself.
        func linesOfOneOrder() -> Int {
            shell.store.statementExecutions().filter { $0.key.contains("FROM repair_order_line WHERE repair_order_id = ?") }.values.reduce(0, +)
        }
        let before = linesOfOneOrder()
        shell.session.user = "admin"
        #expect(shell.run("followup files --since 2026-01-01").code == .ok)
        #expect(linesOfOneOrder() - before <= 1, "followup files read \(linesOfOneOrder() - before) orders' lines one order at a time")
        let scans = try QueryPlans.fullScans(shell.store).filter { !Self.allowed($0.sql) }
        #expect(scans.isEmpty, "statements that read a growing table end to end:\n\(scans.map(\.description).joined(separator: "\n"))")
    }

    /// Whole-table reads a command may still make, each for a reason that does not grow with
    /// what a lookup shows. Matched on the statement's SQL.
    static func allowed(_ sql: String) -> Bool {
        let text = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return allowances.contains { text.hasSuffix($0.sql) }
    }

    static let allowances: [(sql: String, why: String)] = [
        ("FROM vehicle ORDER BY id", "remind due --on a day before today: the schedule keeps only what is still owed, so a past day is "
            + "worked out from every vehicle's history (docs/performance.md); a campaign or recall for every model has every vehicle in scope"),
        ("FROM vehicle_event ORDER BY vehicle_id, occurred_on, id", "the same past day's histories"),
        ("FROM reminder_log ORDER BY id", "the same past day's calls"),
        ("WHERE instr(detail, ?2) > 0) ORDER BY plate", "customer export and erase find every vehicle whose history names the "
            + "customer (sold to them, a change of owner): an administrator's rare request that must miss no mention"),
    ] + KeptCounts.countingStatements.map { ($0, "store check counts every row once to compare with the counts triggers keep: "
        + "an administrator's check that a change made outside lane would show") }

    @Test func theDueListReadsTheScheduleFromItsIndexAlone() throws {
        // v35: the listing days are in the index, so the range read neither reads a table row per entry nor
        // one per entry no longer listed (docs/performance.md, the lists at 1M).
        let shell = try TestShell(seeded: true, recordingStatements: true)
        shell.session.user = "蒋芳"
        for line in ["remind due", "remind due --kind lost_customer", "today"] { _ = shell.run(line) }
        let reads = Set(shell.store.statementsRun().filter { $0.contains("FROM reminder_schedule") && $0.contains("listed_until IS NULL") })
        #expect(reads.count == 2, "\(reads)")
        for sql in reads {
            let plan = try shell.store.queryPlan(sql)
            #expect(plan.contains { $0.contains("USING COVERING INDEX reminder_schedule_by_") } && !plan.contains { $0.hasPrefix("USE TEMP B-TREE") },
                    "\(sql): \(plan)")
        }
    }

    @Test func theCallsListSumsItsScoresFromTheIndexAloneAndPagesWithoutASort() throws {
        // v46: a period of whole days sums its hours' kept scores, a range of their key, and reads no call; v42: a
        // part of an hour is summed from follow_up_by_time alone; the page of calls comes in the index's order
        // (docs/performance.md, nineteenth and twentieth rounds).
        let shell = try TestShell(seeded: true, recordingStatements: true)
        shell.session.user = "蒋芳"
        _ = shell.run("followup list --limit 5")
        let run = Set(shell.store.statementsRun().filter { $0.contains("FROM follow_up") && $0.contains("at >= ?") })
        let scores = run.filter { $0.contains("SUM(score)") }, page = run.filter { $0.contains("LIMIT ? OFFSET ?") }
        #expect(scores.isEmpty && page.count == 1, "\(run)")
        let hours = Set(shell.store.statementsRun().filter { $0.contains("FROM follow_up_score_hour") })
        #expect(hours.count == 1, "\(hours)")
        for sql in hours {
            let plan = try shell.store.queryPlan(sql)
            #expect(plan.contains { $0.contains("USING INTEGER PRIMARY KEY") }, "\(sql): \(plan)")
        }
        let part = try shell.store.queryPlan(StoreBackendSupport.followUpScoresSQL)
        #expect(part.contains { $0.contains("USING COVERING INDEX follow_up_by_time") }, "\(part)")
        for sql in page {
            let plan = try shell.store.queryPlan(sql)
            #expect(plan.contains { $0.contains("INDEX follow_up_by_time") } && !plan.contains { $0.hasPrefix("USE TEMP B-TREE") }, "\(sql): \(plan)")
        }
    }

    @Test func theDueListReadsTheHistoriesFromTheirIndexAlone() throws {
        // v38: what the rules read of a history row is in vehicle_event_by_vehicle, so the due list reads no
        // row of vehicle_event, and needs no sort (docs/performance.md, fifteenth round).
        try expectDueListRead(from: "vehicle_event", selecting: "SELECT id, vehicle_id, kind, visit_kind", coveredBy: "vehicle_event_by_vehicle", sorted: false)
    }

    @Test func theDueListReadsTheLoggedCallsFromTheirIndexAlone() throws {
        // v40: what the rules read of a logged call is in reminder_log_by_vehicle, so the due list reads no row of
        // the log (docs/performance.md, sixteenth round). Each vehicle's calls are put in the log's order by a sort.
        try expectDueListRead(from: "reminder_log", selecting: "SELECT vehicle_id, kind, due_on, reference", coveredBy: "reminder_log_by_vehicle", sorted: true)
    }

    @Test func theCallsDueAreReadFromTheirIndexAlone() throws {
        // v43: what the calls-due rule reads of a recorded call is in follow_up_by_order, so `followup due` and
        // customer service's `today` read no row of the calls (docs/performance.md, nineteenth round).
        let shell = try TestShell(seeded: true, recordingStatements: true)
        for line in FollowUpCommandTests.serviceDay { _ = shell.run(line) }
        _ = shell.run("clock set 2026-11-24T10:00")
        shell.session.user = "蒋芳"
        for line in ["followup due", "today"] { _ = shell.run(line) }
        let reads = Set(shell.store.statementsRun().filter { $0.hasPrefix("SELECT repair_order_id, call, outcome FROM follow_up") })
        #expect(reads.count == 1, "\(reads)")
        for sql in reads {
            let plan = try shell.store.queryPlan(sql)
            #expect(plan.contains { $0.contains("USING COVERING INDEX follow_up_by_order") }, "\(sql): \(plan)")
        }
    }

    /// The statement of `remind due` and `today` that reads `table` with `columns`, for several vehicles and (the
    /// same with `vehicle_id = ?`) for one, reads `index` alone, and sorts only when `sorted`.
    private func expectDueListRead(from table: String, selecting columns: String, coveredBy index: String, sorted: Bool) throws {
        let shell = try TestShell(seeded: true, recordingStatements: true)
        shell.session.user = "蒋芳"
        for line in ["remind due", "today"] { _ = shell.run(line) }
        let several = Set(shell.store.statementsRun().filter { $0.contains("FROM \(table)") && $0.contains(columns) && $0.contains("json_each") })
        #expect(several.count == 1, "\(several)")
        let reads = several.flatMap { [$0, $0.replacingOccurrences(of: "vehicle_id IN (SELECT value FROM json_each(?))", with: "vehicle_id = ?")] }
        for sql in reads {
            let plan = try shell.store.queryPlan(sql)
            #expect(plan.contains { $0.contains("USING COVERING INDEX \(index)") } && (sorted || !plan.contains { $0.hasPrefix("USE TEMP B-TREE") }),
                    "\(sql): \(plan)")
        }
    }

    @Test func theCallListsStandingIsReadFromThePartialIndexes() throws {
        // v39: whether a car due a call is in the workshop or booked is one look in a small index each, not a
        // walk through every order and appointment the car ever had (docs/performance.md, sixteenth round).
        // Fails when `CallListStanding`'s lists and the indexes' conditions part.
        let shell = try TestShell(seeded: true, recordingStatements: true)
        shell.session.user = "蒋芳"
        for line in ["remind due", "today"] { _ = shell.run(line) }
        let run = shell.store.statementsRun()
        for (table, index) in [("repair_order", "repair_order_in_workshop_by_vehicle"), ("appointment", "appointment_expected_by_vehicle")] {
            let reads = Set(run.filter { $0.hasPrefix("SELECT DISTINCT vehicle_id FROM \(table) WHERE vehicle_id IN") })
            #expect(reads.count == 1, "\(table): \(reads)")
            for sql in reads {
                let plan = try shell.store.queryPlan(sql)
                #expect(plan.contains { $0.contains("INDEX \(index) ") }, "\(sql): \(plan)")
            }
        }
    }

    @Test func theCheckFindsAScan() throws {
        // A statement that reads every vehicle is reported, and one by plate is not: the check can fail.
        let shell = try TestShell(seeded: true, recordingStatements: true)
        _ = try shell.store.read { tx in try tx.allVehicles() }
        _ = try shell.store.read { tx in try tx.vehicle(plate: "粤B00000") }
        let scans = try QueryPlans.fullScans(shell.store)
        #expect(scans.contains { $0.table == "vehicle" && $0.sql.contains("ORDER BY id") && !$0.sql.contains("WHERE") })
        #expect(!scans.contains { $0.sql.contains("WHERE plate = ?") })
    }

    @Test func aliasesAreResolvedToTheirTables() {
        #expect(QueryPlans.aliases(in: "SELECT v.id FROM json_each(?) AS p JOIN vehicle AS v ON v.model >= p.value")
            == ["v": "vehicle"])
        #expect(QueryPlans.aliases(in: "SELECT * FROM vehicle WHERE id = ?").isEmpty)
    }
}
