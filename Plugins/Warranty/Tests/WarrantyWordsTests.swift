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

    @Test func aCheckOfAPartOrARepairIsInChinese() throws {
        let shell = try Demo.shell()
        shell.session.languageChoice = .chinese
        let gearbox = try shell.expectOK("warranty check 粤B82396 --part XH-25450-0001")
        #expect(gearbox.contains("XH-25450-0001 变速箱油滤清器（动力总成）"), "\(gearbox)")
        #expect(gearbox.contains("在动力总成延长保修内，至 2027年5月13日 / 150,000 km（尚余 5 个月 21 天、"), "\(gearbox)")
        let gasket = try shell.expectOK("warranty check 粤B82396 --part XH-12341-0001")
        #expect(gasket.contains("已过保修：整车质保：车龄：保修已于2025年5月13日到期"), "\(gasket)")
        let belt = try shell.expectOK("warranty check 粤B82396 --part XH-11720-0005")
        #expect(belt.contains("备件 XH-11720-0005 发动机多楔带 是易损件或保养件，从不在保修范围内"), "\(belt)")
        let servicing = try shell.expectOK("warranty check 粤BD11513 --operation MNT-EV")
        #expect(servicing.contains("工时 MNT-EV 属于保养，不是保修维修"), "\(servicing)")
        for out in [gearbox, gasket, belt, servicing] {
            for english in ["within", "outside warranty", "until", "(group", " yes", " no "] { #expect(!out.contains(english), "\(english) in \(out)") }
        }
    }

    @Test func theAdviceUnderALineIsInChinese() throws {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤B82396", "ro complaint --text 换挡冲击", "ro check-in --mileage 49700 --fuel 4 --covers"])
        shell.session.languageChoice = .chinese
        let covered = try shell.expectOK("ro part XH-25450-0001")
        #expect(covered.contains("第 1 行 XH-25450-0001 变速箱油滤清器：粤B82396 在动力总成延长保修内"), "\(covered)")
        #expect(covered.contains("可考虑执行 `ro warranty RO-20261123-0001 covered` 并设为 `--payer warranty`"), "\(covered)")
        let outside = try shell.expectOK("ro labor ENG-OIL-LEAK --payer warranty")
        #expect(outside.contains("第 2 行 ENG-OIL-LEAK 发动机漏油检修 设为 `--payer warranty`，但粤B82396 已过保修："), "\(outside)")
        #expect(!outside.contains("is on --payer warranty"), "\(outside)")
    }
}
