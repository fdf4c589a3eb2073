import Foundation
import LaneCore
import LaneTesting
import Testing
import WarrantyPlugin

/// A claim keeps the store's rules' verdict as a message, so each reader
/// reads it in their own language whoever opened the claim; a claim opened
/// before keeps its sentence. Part groups read as a service department says
/// them in Chinese, and are typed either way.
@Suite struct ClaimLanguageTests {
    func cover(_ shell: TestShell) throws -> String {
        let show = try shell.expectOK("warranty claim-show WC-20261123-01")
        return show.split(separator: "\n").first { $0.hasPrefix("the store's rules said") || $0.hasPrefix("本店保修规则的结论") || $0.contains("规则") }
            .map(String.init) ?? show
    }

    @Test func openedInEnglishTheVerdictReadsInChinese() throws {
        let shell = try ClaimCommandTests().diagnosed()
        #expect(try shell.expectOK(ClaimCommandTests.claim).contains("the store's rules said: outside warranty: basic cover 整车质保: age: the cover ended on 2025-05-13"))
        #expect(try cover(shell).contains("outside warranty: basic cover 整车质保: age: the cover ended on 2025-05-13"))
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("warranty claim-show WC-20261123-01")
        #expect(chinese.contains("已过保修：整车质保：车龄：保修已于"), "\(chinese)")
        #expect(!chinese.contains("outside warranty") && !chinese.contains("age:") && !chinese.contains("basic cover"), "\(chinese)")
        let list = try shell.expectOK("warranty claim-list")
        #expect(list.contains("待提交厂家") && !list.contains("submit it to the maker"), "\(list)")
    }

    @Test func openedInChineseTheVerdictReadsInEnglish() throws {
        let shell = try ClaimCommandTests().diagnosed()
        shell.session.languageChoice = .chinese
        #expect(try shell.expectOK(ClaimCommandTests.claim).contains("已过保修：整车质保："))
        shell.session.languageChoice = .english
        let english = try cover(shell)
        #expect(english.contains("outside warranty: basic cover 整车质保: age: the cover ended on 2025-05-13"), "\(english)")
        #expect(!english.contains("已过保修"), "\(english)")
    }

    /// A claim opened before the verdict was kept as a message shows the sentence it has.
    @Test func anOlderClaimShowsItsSentence() throws {
        let shell = try ClaimCommandTests().diagnosed()
        try shell.expectOK(ClaimCommandTests.claim)
        try shell.store.unsafeExecute("UPDATE plg_warranty_claim SET cover = 'outside warranty: written before', cover_message = NULL")
        shell.session.languageChoice = .chinese
        #expect(try shell.expectOK("warranty claim-show WC-20261123-01").contains("outside warranty: written before"))
    }

    @Test func partGroupsReadInChineseAndAreTypedEitherWay() throws {
        let shell = try Demo.shell()
        let englishPolicy = try shell.expectOK("warranty policy")
        #expect(englishPolicy.contains("powertrain") && !englishPolicy.contains("动力总成"), "\(englishPolicy)")
        shell.session.languageChoice = .chinese
        let policy = try shell.expectOK("warranty policy")
        #expect(policy.contains("动力总成") && policy.contains("新能源三电") && policy.contains("油液易损件") && policy.contains("制动系统"), "\(policy)")
        #expect(!policy.contains("powertrain") && !policy.contains("consumable"), "\(policy)")
        let check = try shell.expectOK("warranty check 粤B82396 --part XH-25450-0001")
        #expect(check.contains("动力总成延长保修") && check.contains("（动力总成）") && !check.contains("powertrain"), "\(check)")
        let excluded = try shell.expectOK("warranty check 粤B82396 --part XH-08232-0020")
        #expect(excluded.contains("油液易损件类备件从不在保修范围内") && !excluded.contains("consumable"), "\(excluded)")
        #expect(PartGroup.code(typed: "动力总成") == "powertrain")
        #expect(PartGroup.code(typed: "三电") == "ev")
        #expect(PartGroup.code(typed: "易损件") == "consumable")
        #expect(PartGroup.code(typed: "EV") == "ev")
        #expect(PartGroup.code(typed: "刹车片") == nil)
        for group in PartGroup.known {
            #expect(MessageCatalog.chinese.word(PartGroup.wordKind, group) != group, "\(group)")
            #expect(MessageCatalog.english.hasWords(MessageCode("word.part_group." + group)), "\(group)")
        }
    }
}
