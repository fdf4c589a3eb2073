import Foundation
import Testing

/// The demo day in a Chinese shell, as `LANG=zh_CN.UTF-8 scripts/demo` runs
/// it (scripts/demo-day.lane, then seeds/monday.lane), what each desk reads
/// back afterwards, and a refusal of every noun: no English word in what staff
/// read. Command and option names, codes, plates, VINs and units are not words
/// to translate (`ChineseVisitTests.englishWords`); nor are the prefixes that
/// scripts match (`error: line N:`, `note:`, `warning:`).
@Suite struct ChineseDemoDayTests {
    static let chinese = ["LANG": "zh_CN.UTF-8"]

    /// What a Chinese reader reads of standard output or error: without the prefixes scripts
    /// match, file paths, and the commands a table's cell tells one to type (`ro list`'s next step).
    static func read(_ text: String) -> String {
        let nouns = "ro|appt|remind|followup|complaint|survey|parts|warranty|report|campaign|customer|vehicle|account|print"
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(of: #"^(error|note|warning): (line [0-9]+: )?([a-z]+: )?"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"(^|\s)/[^\s]+"#, with: " ", options: .regularExpression)
                // A usage error names the command as typed, and its synopsis is the command's syntax.
                .replacingOccurrences(of: #"^(用法：.*|[a-z]+ [a-z-]+：)"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"“[a-z]+( [a-z-]+)?”"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"(?<=  )("# + nouns + #") [a-z-]+( [A-Z0-9][\w-]*)?( [a-z-]+)?(?=  |$)"#, with: " ", options: .regularExpression)
        }.joined(separator: "\n")
    }

    /// The catalogue's part groups (seeds/parts.csv): codes of the store's data, as the warranty policy names them.
    static func partGroups() throws -> Set<String> {
        let csv = try String(contentsOf: LaneProcess.seedsDirectory.appendingPathComponent("parts.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let column = header.firstIndex(of: "group") else { return [] }
        return Set(rows.dropFirst().compactMap { column < $0.count ? $0[column] : nil })
    }

    static func englishWords(_ text: String) throws -> [String] {
        let groups = try partGroups()
        return Array(Set(ChineseVisitTests.englishWords(in: read(text)))).filter { !groups.contains($0) }.sorted()
    }

    /// The whole demo day, then what the advisor, the foreman, the cashier,
    /// customer service and the manager read at their desks.
    @Test func theDemoDayReadInChineseHasNoEnglishWords() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let root = LaneProcess.repositoryRoot
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"], environment: Self.chinese).status == 0)
        let day = try scratch.lane(["-f", root.appendingPathComponent("scripts/demo-day.lane").path], environment: Self.chinese)
        try #require(day.status == 0, "scripts/demo-day.lane: \(day.stderr)")
        let monday = try scratch.lane(["--user", "admin", "-f", root.appendingPathComponent("seeds/monday.lane").path], environment: Self.chinese)
        try #require(monday.status == 0, "seeds/monday.lane: \(monday.stderr)")
        let readBack = """
            set user 薛淑芬
            today
            ro list --all
            ro show RO-20261121-0001
            ro timeline RO-20261121-0001
            ro show RO-20261123-0001
            appt board
            remind due --limit 5
            customer show C0002
            vehicle history 粤B27DP2
            warranty check 粤B82396 --part XH-25450-0001
            warranty check 粤B82396 --operation ENG-OIL-LEAK
            warranty policy
            set user 何子涵
            today
            ro list
            set user 蒋芳
            today
            followup due
            complaint list
            set user 莫霞
            today
            account show C0008
            set user 姚雪
            today
            """
        let read = try scratch.lane(["--on-error", "continue"], input: readBack + "\n", environment: Self.chinese)
        for (what, text) in [("scripts/demo-day.lane", day.stdout + day.stderr), ("seeds/monday.lane", monday.stdout + monday.stderr),
                             ("the desks", read.stdout + read.stderr)] {
            let english = try Self.englishWords(text)
            #expect(english.isEmpty, "English words in \(what): \(english)\n\(text)")
        }
    }

    /// A refusal of each noun (an unknown record, a wrong value), read in Chinese.
    @Test func aRefusalOfEachNounIsInChinese() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"], environment: Self.chinese).status == 0)
        let refusals = """
            customer show C9999
            vehicle show 粤Z99999
            ro show RO-NOPE
            ro open 粤Z99999
            appt show AP-NOPE
            appt book 粤B27DP2 --at 2026-11-30T25:00 --job 保养
            remind due --limit -5
            followup record RO-NOPE quality --score 9
            complaint investigate 999 --finding 无
            campaign show NOPE
            account show C9999
            print settlement RO-NOPE
            report kpi --from 2026-13-01 --to 2026-12-31
            store set 颜色 红色
            staff pin 某人
            catalog parts --bogus
            audit show --limit 很多
            warranty check 粤Z99999 --part NOPE
            parts reorder NOPE --point 很多
            survey show RO-NOPE
            """
        let result = try scratch.lane(["--on-error", "continue"], input: refusals + "\n", environment: Self.chinese)
        let lines = refusals.split(separator: "\n").count
        #expect(result.stderr.components(separatedBy: "error: ").count - 1 >= lines, "every line is refused: \(result.stderr)")
        let english = try Self.englishWords(result.stderr)
        #expect(english.isEmpty, "English words in the refusals: \(english)\n\(result.stderr)")
    }
}
