import LaneShell
import LaneTesting
import PartsPlugin
import Testing

/// The parts plugin says everything it says in both languages the shell speaks.
@Suite struct PartsWordsTests {
    @Test func everyCodeThePluginUsesHasWordsInEveryLanguage() throws {
        let faults = try PluginWords.faults(of: PartsPlugin(), sources: TestShell.repositoryRoot.appendingPathComponent("Plugins/Parts/Sources"))
        #expect(faults.isEmpty, "\(faults.joined(separator: "\n"))")
    }

    @Test func aRefusalAndTodayAreInChineseWhenTheShellSpeaksChinese() throws {
        let shell = try TestShell(user: "范颖", seeded: true, plugins: [PartsPlugin()])
        #expect(shell.pluginMessages.isEmpty, "\(shell.pluginMessages)")
        shell.session.languageChoice = .chinese
        let err = try shell.expectRefused("parts reorder XH-00000-0000 --point many")
        #expect(err.contains("无法设置订货点"), "\(err)")
        #expect(err.contains("没有配件 XH-00000-0000"), "\(err)")
        #expect(err.contains("“many”应为 0 到 99999 之间的整数"), "\(err)")
        #expect(!err.contains("there is no part"), "\(err)")
        let today = try shell.expectOK("today")
        #expect(today.contains("低于订货点的配件"), "\(today)")
        // The same shell in English again: the words follow the session, not the last one set.
        shell.session.languageChoice = .english
        #expect(try shell.expectRefused("parts reorder XH-00000-0000 --point 4").contains("there is no part XH-00000-0000"))
    }
}
