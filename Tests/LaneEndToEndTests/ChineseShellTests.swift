import Foundation
import Testing

/// The shell in Chinese, as a Chinese store runs it: the demo dealership's
/// language is zh-Hans, and `LANG=zh_CN.UTF-8` chooses Chinese for one shell.
@Suite struct ChineseShellTests {
    static let chinese = ["LANG": "zh_CN.UTF-8"]

    @Test func theDocumentedDayRunsInChinese() throws {
        let doc = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/process.md"), encoding: .utf8)
        let block = try #require(doc.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        let result = try scratch.lane(input: block, environment: Self.chinese)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("已收款 ¥296.06（微信）；出门证 GP-20261125-0001"), "\(result.stdout)")
        #expect(result.stdout.contains("RO-20261125-0001 质量回访：已接通，满意度 5/5"))
        #expect(!result.stdout.contains("paid ¥296.06 by wechat"))
    }

    @Test func helpTodayARefusalAndATableSpeakChinese() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        let result = try scratch.lane(["--on-error", "continue"], input: "help\ntoday\nvehicle list --limit 3\nro show RO-NOPE\n",
                                      environment: Self.chinese)
        #expect(result.stdout.contains("ServiceLane：售后服务命令行。"), "\(result.stdout)")
        #expect(result.stdout.contains("维修委托书：接待、车间、检验、交车、结算"))
        #expect(result.stdout.contains("车牌"), "a table's header in Chinese")
        #expect(result.stderr.contains("没有维修委托书 RO-NOPE"), "\(result.stderr)")
        // English for this shell only: the store still speaks Chinese.
        let english = try scratch.lane(["-c", "ro show RO-NOPE"], environment: ["LANG": "en_US.UTF-8"])
        #expect(english.stderr.contains("there is no repair order RO-NOPE"), "\(english.stderr)")
        let storeDefault = try scratch.lane(["-c", "ro show RO-NOPE"], environment: ["LANG": "C.UTF-8"])
        #expect(storeDefault.stderr.contains("没有维修委托书 RO-NOPE"), "\(storeDefault.stderr)")
    }
}
