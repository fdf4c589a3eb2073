import LaneShell
import LaneTesting
import SurveyPlugin
import Testing

/// The survey plugin says everything it says in both languages the shell speaks.
@Suite struct SurveyWordsTests {
    @Test func everyCodeThePluginUsesHasWordsInEveryLanguage() throws {
        let faults = try PluginWords.faults(of: SurveyPlugin(), sources: TestShell.repositoryRoot.appendingPathComponent("Plugins/Survey/Sources"))
        #expect(faults.isEmpty, "\(faults.joined(separator: "\n"))")
    }

    @Test func aRefusalIsInChineseWhenTheShellSpeaksChinese() throws {
        let shell = try TestShell(seeded: true, plugins: [SurveyPlugin()])
        try shell.expectOK("ro open 粤B27DP2")
        shell.session.languageChoice = .chinese
        let err = try shell.expectRefused("survey start RO-20261123-0001 --answers 5,5,5,5,10")
        #expect(err.contains("无法记录 RO-20261123-0001 的满意度调查"), "\(err)")
        #expect(err.contains("尚未交车"), "\(err)")
        #expect(!err.contains("R6.1"), "\(err)")
        let report = try shell.expectRefused("survey report --by year")
        #expect(report.contains("“year”应为 advisor（服务顾问）、team（班组）或 month（月份）"), "\(report)")
    }
}
