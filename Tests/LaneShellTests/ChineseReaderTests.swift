import Foundation
import LaneCore
import LaneTesting
import Testing
@testable import LaneShell
@testable import ServiceDepartment

/// What the shell says, read in the shell's language: `store set`'s help lists
/// every setting with its meaning in Chinese in a Chinese shell and in English
/// in an English one; the seal refusal; the catalogue's part groups.
@Suite struct ChineseReaderTests {
    @Test func everySettingHasAMeaningInBothLanguages() {
        var missing: [String] = []
        for key in StoreSettings.settingKeys {
            for catalog in [MessageCatalog.english, MessageCatalog.chinese] where !catalog.hasWords(key.meaning.code) {
                missing.append("\(catalog.language) \(key.name)")
            }
            #expect(MessageCatalog.chinese.render(key.meaning) != MessageCatalog.english.render(key.meaning), "\(key.name)")
        }
        #expect(missing.isEmpty, "no meaning for: \(missing.joined(separator: ", "))")
    }

    @Test func storeSetsHelpIsInTheShellsLanguage() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        let english = try shell.expectOK("help store set")
        for key in StoreSettings.settingKeys {
            #expect(english.contains(key.name) && english.contains(MessageCatalog.english.render(key.meaning)), "\(key.name)")
        }
        #expect(english.contains("a whole number") && english.contains("The settings:"))

        shell.session.languageChoice = .chinese
        for line in ["help store set", "store set --help"] {
            let chinese = try shell.expectOK(line)
            for key in StoreSettings.settingKeys {
                #expect(chinese.contains(key.name), "\(key.name)")
                #expect(chinese.contains(MessageCatalog.chinese.render(key.meaning)), "\(key.name)")
                #expect(!chinese.contains(MessageCatalog.english.render(key.meaning)), "\(key.name) in English: \(chinese)")
            }
            #expect(!chinese.contains("a whole number") && !chinese.contains("The settings") && chinese.contains("整数"), "\(chinese)")
        }
    }

    /// The seal refusal names what an order's seal covers: its status, the
    /// lines' amount before VAT, the discount and the payment, not a total.
    @Test func theSealRefusalSaysWhatIsSealedInBothLanguages() throws {
        let shell = try SealEveryRowTests().shell()
        try shell.store.unsafeExecute("UPDATE repair_order_line SET unit_fen = unit_fen + 100 WHERE line_no = 1 AND repair_order_id = (SELECT min(repair_order_id) FROM repair_order_line)")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.order_changed"])
        let english = try shell.expectRefused("store check")
        #expect(english.contains("amount before VAT") && english.contains("discount") && english.contains("gate pass") && !english.contains("or total"), "\(english)")
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectRefused("store check")
        #expect(chinese.contains("不含税金额") && chinese.contains("优惠") && chinese.contains("出门证") && !chinese.contains("合计"), "\(chinese)")
    }

    @Test func theCataloguesPartGroupsReadInChinese() throws {
        let shell = try TestShell(seeded: true)
        let english = try shell.expectOK("catalog parts")
        #expect(english.contains("powertrain") && !english.contains("动力总成"))
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("catalog parts")
        #expect(chinese.contains("动力总成") && chinese.contains("新能源三电") && !chinese.contains("powertrain") && !chinese.contains("consumable"), "\(chinese)")
    }
}
