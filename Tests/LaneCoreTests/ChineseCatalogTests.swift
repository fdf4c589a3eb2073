import Testing
@testable import LaneCore

/// The Simplified Chinese catalog says everything the English one says, with
/// the same placeholders, and the language is chosen as the README says.
@Suite struct ChineseCatalogTests {
    static func placeholders(_ template: String) -> Set<String> { MessageCatalog.placeholders(template) }

    @Test func everyCodeIsInBothCatalogs() {
        let english = Set(MessageCatalog.english.templates.keys)
        let chinese = Set(MessageCatalog.chinese.templates.keys)
        let onlyEnglish = english.subtracting(chinese).map(\.rawValue).sorted()
        let onlyChinese = chinese.subtracting(english).map(\.rawValue).sorted()
        #expect(onlyEnglish.isEmpty, "no Chinese words for: \(onlyEnglish.joined(separator: ", "))")
        #expect(onlyChinese.isEmpty, "no English words for: \(onlyChinese.joined(separator: ", "))")
        #expect(english.count > 600)
    }

    @Test func bothLanguagesUseTheSamePlaceholders() {
        for (code, template) in MessageCatalog.english.templates {
            guard let chinese = MessageCatalog.chinese.templates[code] else { continue }
            #expect(Self.placeholders(template) == Self.placeholders(chinese), "\(code): \(template) | \(chinese)")
        }
    }

    @Test func everyCodeInTheSourcesHasChineseWords() throws {
        let codes = try MessageCatalogTests.codesInSources()
        let missing = MessageCatalog.chinese.missing(codes.map { MessageCode($0) }).map(\.rawValue).sorted()
        #expect(missing.isEmpty, "no Chinese words for: \(missing.joined(separator: ", "))")
    }

    @Test func theChineseCatalogHasNoRuleIDs() {
        for (code, template) in MessageCatalog.chinese.templates {
            #expect(template.range(of: #"\bR[0-9]+\.[0-9]"#, options: .regularExpression) == nil, "\(code) names a rule")
        }
    }

    @Test func chineseSentencesReadChineseDatesAndLists() {
        let zh = MessageCatalog.chinese
        let m = Message("date.in_future", ["date": .date(CalendarDate(year: 2026, month: 11, day: 24)!),
                                          "today": .date(CalendarDate(year: 2026, month: 11, day: 23)!)])
        #expect(zh.render(m) == "2026年11月24日是将来的日期（今天是2026年11月23日）")
        #expect(MessageCatalog.english.render(m) == "2026-11-24 is in the future (today is 2026-11-23)")
        #expect(zh.render(MessageArgument.list([.text("甲"), .text("乙")])) == "甲、乙")
        #expect(zh.render(MessageArgument.money(Money(fen: 114_413))) == "¥1,144.13")
        let r = Refusal(Message("repair_order.cannot.pay", ["number": .text("RO1")]),
                        problems: [Problem("", Message("repair_order.invoice_needed"))])
        #expect(zh.render(r) == "RO1：无法收款：需要发票号")
    }

    @Test func enumeratedValuesFollowTheCurrentLanguage() {
        #expect(RepairOrderStatus.signed.title == "work order signed")
        MessageCatalog.speaking(.chinese) {
            #expect(RepairOrderStatus.signed.title == "委托书已签字")
            #expect(AppointmentStatus.noShow.title == "爽约")
            #expect(QualityCheckStage.final.title == "终检")
            #expect(StaffRole.cashier.title == "收银员")
            #expect(Message("access.needs_one_of", ["roles": .list([.role(.cashier), .role(.admin)])]).description == "需要以下岗位之一：收银员、管理员")
        }
        for status in RepairOrderStatus.allCases {
            #expect(MessageCatalog.chinese.word("ro_status", status.rawValue) != status.rawValue, "\(status)")
        }
    }

    /// A word read straight from its template (no `{name}` to fill) is the word rendering gives, for
    /// every word of both languages.
    @Test func everyWordIsTheOneItsMessageRendersTo() {
        for catalog in [MessageCatalog.english, MessageCatalog.chinese] {
            let words = catalog.templates.keys.map(\.rawValue).filter { $0.hasPrefix("word.") }
            #expect(words.count > 50, "\(catalog.language)")
            for code in words {
                let rest = code.dropFirst("word.".count)
                guard let dot = rest.firstIndex(of: ".") else { continue }
                let word = catalog.word(String(rest[..<dot]), String(rest[rest.index(after: dot)...]))
                #expect(word == catalog.render(Message(MessageCode(code))), "\(catalog.language) \(code)")
            }
        }
        #expect(MessageCatalog.chinese.word("ro_status", "no_such_status") == "no_such_status")
    }

    @Test func theLocaleChoosesTheLanguageOrLeavesItToTheStore() {
        #expect(InterfaceLanguage.fromLocale(["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(InterfaceLanguage.fromLocale(["LANG": "en_US.UTF-8"]) == .english)
        #expect(InterfaceLanguage.fromLocale(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == .english)
        #expect(InterfaceLanguage.fromLocale(["LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"]) == .chinese)
        #expect(InterfaceLanguage.fromLocale(["LANG": "C.UTF-8"]) == nil)
        #expect(InterfaceLanguage.fromLocale([:]) == nil)
        #expect(InterfaceLanguage(parsing: "中文") == .chinese)
        #expect(InterfaceLanguage(parsing: "fr") == nil)
        #expect(StoreSettings.standard.language == .chinese)
        if case .success(let s) = StoreSettings.from(keyValues: ["store.language": "en", "store.plate_prefix": "粤b"]) {
            #expect(s.language == .english)
            #expect(s.platePrefix == "粤B")
        } else { Issue.record("valid settings refused") }
        if case .failure(let r) = StoreSettings.from(keyValues: ["store.language": "fr", "store.plate_prefix": "B"]) {
            #expect(r.codes == ["settings.not_valid", "settings.not_a_language", "settings.not_a_plate_prefix"])
        } else { Issue.record("bad settings accepted") }
    }
}
