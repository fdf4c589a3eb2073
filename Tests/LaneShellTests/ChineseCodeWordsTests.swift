import Foundation
import LaneCore
import LaneTesting
import Testing

/// Statuses, kinds, roles and methods read as words in a Chinese shell, while
/// JSON keeps the codes; a timeline row is read in the reader's language,
/// whichever language its writer's shell spoke.
@Suite struct ChineseCodeWordsTests {
    func orderAtReception() throws -> TestShell {
        let shell = try TestShell(seeded: true)
        for line in ["ro open 粤B27DP2", "ro complaint --text 刹车异响", "ro check-in --mileage 19100 --fuel 4 --covers"] { try shell.expectOK(line) }
        return shell
    }

    @Test func tablesAndRecordsShowWordsInChineseAndCodesInEnglishAndJSON() throws {
        let shell = try orderAtReception()
        #expect(try shell.expectOK("ro list").contains("reception"))
        shell.session.languageChoice = .chinese
        let list = try shell.expectOK("ro list")
        #expect(list.contains("接待中") && !list.contains("reception"), "\(list)")
        let show = try shell.expectOK("ro show RO-20261123-0001")
        #expect(show.contains("接待中"), "\(show)")
        let why = try shell.expectOK("ro why-not RO-20261123-0001 sign")
        #expect(why.contains("签委托书") && !why.contains("is blocked"), "\(why)")
        let staff = try shell.expectOK("appt board --on 2026-11-25")
        #expect(!staff.contains("booked "), "\(staff)")
        try shell.expectOK("set format json")
        let json = try shell.expectOK("ro list")
        #expect(json.contains("\"status\": \"reception\"") || json.contains("\"status\":\"reception\""), "\(json)")
    }

    @Test func aStepsAnswerNamesTheStatusMoveInWords() throws {
        let shell = try orderAtReception()
        for line in ["ro warranty not-covered", "ro documents", "ro labor MNT-5K", "ro promise"] { try shell.expectOK(line) }
        shell.session.languageChoice = .chinese
        let signed = try shell.expectOK("ro sign --payment 微信 --old-parts take --wash yes --signed-by 卢文博")
        #expect(signed.contains("[接待中 → 委托书已签字]"), "\(signed)")
        #expect(!signed.contains("reception"), "\(signed)")
        shell.session.languageChoice = .english
        let handed = try shell.expectOK("ro handover")
        #expect(handed.contains("[signed → handed_over]"), "\(handed)")
    }

    @Test func theTimelineIsReadInTheReadersLanguageWhoeverWroteIt() throws {
        let shell = try orderAtReception()
        // Written by an English shell…
        let english = try shell.expectOK("ro timeline RO-20261123-0001")
        #expect(english.contains("opened for 粤B27DP2 by 薛淑芬"), "\(english)")
        // …read by a Chinese one, in Chinese.
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("ro timeline RO-20261123-0001")
        #expect(chinese.contains("薛淑芬 为 粤B27DP2 开单"), "\(chinese)")
        #expect(chinese.contains("客户陈述：刹车异响"), "\(chinese)")
        #expect(chinese.contains("接车检查") && !chinese.contains("opened for"), "\(chinese)")
        // Written in Chinese, read in English.
        try shell.expectOK("ro warranty not-covered")
        shell.session.languageChoice = .english
        let back = try shell.expectOK("ro timeline RO-20261123-0001")
        #expect(!back.contains("索赔判定"), "\(back)")
        #expect(back.contains("not_covered") || back.contains("not-covered"), "\(back)")
        // The rows keep their message as data.
        #expect(try shell.storedRows()["repair_order_event"]?.contains("repair_order.did.complaint") == true)
    }

    @Test func erasingACustomerTakesTheirWordsOutOfTheTimelinesMessages() throws {
        let shell = try orderAtReception()
        try shell.expectOK("ro cancel --reason '客户卢文博改天再来'")
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("customer erase C0002 --confirm C0002")
        let rows = try shell.storedRows()["repair_order_event"] ?? ""
        #expect(!rows.contains("卢文博"), "\(rows)")
        shell.session.languageChoice = .chinese
        #expect(!(try shell.expectOK("ro timeline RO-20261123-0001")).contains("卢文博"))
    }
}
