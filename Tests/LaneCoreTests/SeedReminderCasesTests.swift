import Foundation
import Testing
@testable import LaneCore

// The demo seeds on their demo date, 2026-11-23: the reminder rules must put
// exactly the plates of seeds/README.md's "Reminder cases" table in each list,
// and agree day for day with the check in scripts/make-seeds.py (the reference
// reading of R1.1-R1.3). Foundation is used here only to read files.

@Suite struct SeedReminderCasesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds")
    static let demoDate = CalendarDate(year: 2026, month: 11, day: 23)!

    struct SeedVehicle {
        var plate: String
        var soldOn: CalendarDate
        var saleMileage: Int
        var visits: [ServiceVisitRecord]
    }

    // MARK: Reading the seeds

    /// RFC 4180 as the seeds use it: quotes only around fields that need them, `""` inside quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote { field.append("\"") }  // "" inside a quoted field
                quoted = true
            case ",": row.append(field); field = ""
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(ch)
            }
            afterQuote = false
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    static func table(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
        let rows = parseCSV(text)
        let header = try #require(rows.first)
        return try rows.dropFirst().map { row in
            try #require(row.count == header.count, "\(name): \(row)")
            return Dictionary(uniqueKeysWithValues: zip(header, row))
        }
    }

    static func date(_ text: String?) throws -> CalendarDate { try #require(text.flatMap(CalendarDate.init(parsing:))) }

    static func vehicles() throws -> [SeedVehicle] {
        var visits: [String: [ServiceVisitRecord]] = [:]
        for v in try table("visits.csv") {
            let kind = try #require(v["kind"].flatMap(VisitKind.init(rawValue:)), "kind \(v["kind"] ?? "")")
            let km = try #require(v["mileage"].flatMap { Int($0) })
            visits[v["plate"]!, default: []].append(ServiceVisitRecord(on: try date(v["date"]), mileage: km, kind: kind))
        }
        return try table("vehicles.csv").map { v in
            SeedVehicle(plate: v["plate"]!, soldOn: try date(v["sold"]), saleMileage: try #require(Int(v["mileage"]!)),
                        visits: visits[v["plate"]!] ?? [])
        }
    }

    /// Case name -> plates, from the README's "Reminder cases" table.
    static func readmeCases() throws -> [String: [String]] {
        let text = try String(contentsOf: seeds.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Reminder cases on 2026-11-23").last)
        var cases: [String: [String]] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 5, cells[1] != "Case" else { continue }
            cases[cells[1]] = cells[3].components(separatedBy: ", ").filter { !$0.isEmpty }
        }
        return cases
    }

    // MARK: Tests

    @Test func csvParserKeepsTheCommaInsideQuotes() throws {
        #expect(Self.parseCSV("a,\"b, c\",d\n\"x \"\"y\"\"\",,z\n") == [["a", "b, c", "d"], ["x \"y\"", "", "z"]])
        let summaries = try Self.table("visits.csv").compactMap { $0["summary"] }
        #expect(summaries.contains("5000公里保养 更换机油机滤, 另加装行车记录仪"))
    }

    @Test func seedCasesProduceExactlyTheReadmePlates() throws {
        let cases = try Self.readmeCases()
        for name in ["a-due", "a-overdue", "a-not-yet", "b-6m", "b-km", "c", "regular-overdue", "d"] {
            #expect(!(cases[name] ?? []).isEmpty, "README case \(name)")
        }
        let vehicles = try Self.vehicles()
        #expect(vehicles.count == 42)
        var listed: [ReminderKind: Set<String>] = [:]
        for v in vehicles {
            for r in ServiceReminders.due(soldOn: v.soldOn, saleMileage: v.saleMileage, visits: v.visits, today: Self.demoDate) {
                listed[r.kind, default: []].insert(v.plate)
            }
        }
        func plates(_ names: String...) -> Set<String> { Set(names.flatMap { cases[$0] ?? [] }) }
        #expect(listed[.firstService] ?? [] == plates("a-due", "a-overdue"))
        #expect(listed[.regularService] ?? [] == plates("b-6m", "b-km", "regular-overdue"))
        #expect(listed[.lostCustomer] ?? [] == plates("c"))
        #expect(Set(listed.keys).isSubset(of: [.firstService, .regularService, .lostCustomer]))
        let anything = listed.values.reduce(Set<String>()) { $0.union($1) }
        #expect(anything.isDisjoint(with: plates("a-not-yet", "d")), "nothing due for these")
    }

    @Test func seedCasesFallDueAsTheReadmeSays() throws {
        let cases = try Self.readmeCases()
        let byPlate = Dictionary(uniqueKeysWithValues: try Self.vehicles().map { ($0.plate, $0) })
        func reminder(_ plate: String, _ kind: ReminderKind) throws -> ServiceReminder {
            let v = try #require(byPlate[plate])
            let all = ServiceReminders.due(soldOn: v.soldOn, saleMileage: v.saleMileage, visits: v.visits, today: Self.demoDate)
            return try #require(all.first { $0.kind == kind }, "\(plate) \(kind)")
        }
        let today = Self.demoDate
        for plate in cases["a-due"] ?? [] {
            let r = try reminder(plate, .firstService)
            #expect(today <= r.dueOn && r.dueOn <= today.adding(days: 10), "\(plate) \(r.reason)")
        }
        for (name, kind) in [("a-overdue", ReminderKind.firstService), ("regular-overdue", .regularService)] {
            for plate in cases[name] ?? [] {
                let r = try reminder(plate, kind)
                #expect(r.isOverdue(on: today) && r.reason.contains("overdue since"), "\(plate) \(r.reason)")
            }
        }
        // "all R1.2 demo cases fall due 7-10 days out"; the 6-month ones by months, the others by km.
        for (name, byMonths) in [("b-6m", true), ("b-km", false)] {
            for plate in cases[name] ?? [] {
                let r = try reminder(plate, .regularService)
                #expect(ServicePolicy.standard.remindDaysBefore.contains(today.days(until: r.dueOn)), "\(plate) \(r.reason)")
                #expect(r.reason.contains("6 months after the last service") == byMonths, "\(plate) \(r.reason)")
            }
        }
    }

    // MARK: Against the reference check in make-seeds.py

    static var python3: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Every due date the script's `--check` prints must be the one computed here:
    /// R1.1 "first service due D", R1.2 "due D by 6 months|5,000 km", R1.3 "last visit D".
    @Test(.enabled(if: python3 != nil, "python3 is not on PATH"))
    func dueDatesAgreeWithMakeSeedsCheck() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python3))
        process.arguments = [Self.root.appendingPathComponent("scripts/make-seeds.py").path, "--check"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.contains("check: OK"))

        let byPlate = Dictionary(uniqueKeysWithValues: try Self.vehicles().map { ($0.plate, $0) })
        var compared = 0
        for line in output.split(separator: "\n") where line.hasPrefix("      ") {
            let words = line.split(separator: " ", maxSplits: 1)
            guard words.count == 2, let v = byPlate[String(words[0])] else { continue }
            let plate = v.plate, detail = String(words[1])
            // A far horizon, to see the due dates of vehicles with nothing due yet.
            let all = ServiceReminders.due(soldOn: v.soldOn, saleMileage: v.saleMileage, visits: v.visits,
                                           today: Self.demoDate, horizonDays: 400)
            func date(after marker: String) throws -> CalendarDate {
                let rest = try #require(detail.components(separatedBy: marker).dropFirst().first, "\(plate): \(detail)")
                return try Self.date(String(rest.prefix(10)))
            }
            if detail.contains("first service due ") {
                #expect(all.first { $0.kind == .firstService }?.dueOn == (try date(after: "first service due ")), "\(plate): \(detail)")
            } else if detail.contains(", due ") {
                let r = all.first { $0.kind == .regularService }
                #expect(r?.dueOn == (try date(after: ", due ")), "\(plate): \(detail)")
                let byMonths = detail.contains(" by 6 months")
                #expect(r?.reason.contains("6 months after the last service") == byMonths, "\(plate): \(detail) / \(r?.reason ?? "")")
            } else if detail.contains("last visit ") {
                let expected = try date(after: "last visit ").adding(days: 180)
                #expect(all.first { $0.kind == .lostCustomer }?.dueOn == expected, "\(plate): \(detail)")
            } else {
                Issue.record("unexpected line of make-seeds.py --check: \(line)")
            }
            compared += 1
        }
        #expect(compared == 42, "one line per vehicle")
    }
}
