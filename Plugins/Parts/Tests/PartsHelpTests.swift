import LaneShell
import LaneTesting
import PartsPlugin
import Testing

/// The parts plugin's help, columns and codes read in Chinese for a Chinese shell.
@Suite struct PartsHelpTests {
    @Test func helpAndPluginInfoSpeakTheReadersLanguage() throws {
        let shell = try TestShell(user: "范颖", seeded: true, plugins: [PartsPlugin()])
        shell.session.languageChoice = .chinese
        let help = try shell.expectOK("help parts find")
        #expect(help.contains("按零件号、名称（中文亦可）或分组查找配件"), "\(help)")
        #expect(help.contains("零件号、名称的一部分或分组"), "\(help)")
        #expect(!help.contains("Look a part up"), "\(help)")
        let overview = try shell.expectOK("help")
        #expect(overview.contains("配件库：库存、预留、到货、缺件订货、台账"), "\(overview)")
        let info = try shell.expectOK("plugin info parts")
        #expect(info.contains("配件库存：按货位的库存"), "\(info)")
        shell.session.languageChoice = .english
        #expect(try shell.expectOK("help parts find").contains("Look a part up by number, name (Chinese too) or group"))
    }

    @Test func aBackOrdersStateReadsAsWordsAndStaysACodeInJSON() throws {
        let shell = try TestShell(user: "范颖", seeded: true, plugins: [PartsPlugin()])
        try shell.expectOK("parts order XH-51610-0001 1 --eta 2026-11-26 --vehicle 粤B27DP2")
        shell.session.languageChoice = .chinese
        let table = try shell.expectOK("parts backorders")
        #expect(table.contains("已订货") && table.contains("预计到货"), "\(table)")
        #expect(!table.contains("ordered "), "\(table)")
        try shell.expectOK("set format json")
        #expect(try shell.expectOK("parts backorders").contains("\"ordered\""))
    }
}
