import LaneShell
import LaneTesting
import Testing
import WarrantyPlugin

/// The warranty plugin says everything it says in both languages the shell speaks.
@Suite struct WarrantyWordsTests {
    @Test func everyCodeThePluginUsesHasWordsInEveryLanguage() throws {
        let faults = try PluginWords.faults(of: WarrantyPlugin(), sources: TestShell.repositoryRoot.appendingPathComponent("Plugins/Warranty/Sources"))
        #expect(faults.isEmpty, "\(faults.joined(separator: "\n"))")
    }

    @Test func aRefusalIsInChineseWhenTheShellSpeaksChinese() throws {
        let shell = try Demo.shell()
        shell.session.languageChoice = .chinese
        let err = try shell.expectRefused("warranty claim-open RO-20991231-0009 --operation ENG-OIL-LEAK --symptom ' ' --diagnosis ' '")
        #expect(err.contains("无法新开索赔单"), "\(err)")
        #expect(err.contains("没有维修工单 RO-20991231-0009"), "\(err)")
        #expect(err.contains("请按客户的描述写明故障现象"), "\(err)")
        #expect(!err.contains("R3.5"), "\(err)")
    }
}
