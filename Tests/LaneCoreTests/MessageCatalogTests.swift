import Foundation
import PropertyBased
import Testing
@testable import LaneCore

/// Every message code the sources use has words in the English catalog, and
/// every template's placeholders render.
@Suite struct MessageCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Message("repair_order.already_open"` and `MessageCode("…"` literals in Sources/ and Plugins/.
    /// The compiled plugins under Plugins/, whose codes start with their names.
    static let pluginPrefixes = ["parts.", "survey.", "warranty.", "notes."]

    /// The areas' tables are lists of pairs (a dictionary literal stopped the program on a code written
    /// twice; a list keeps the first): a code is written once in each language.
    @Test func noCodeIsWrittenTwiceInALanguage() {
        for (language, tables) in [("en", MessageCatalog.englishTables), ("zh", MessageCatalog.chineseTables)] {
            var seen: Set<MessageCode> = []
            for table in tables {
                for (code, _) in table { #expect(seen.insert(code).inserted, "\(language): \(code.rawValue) is written twice") }
            }
        }
        #expect(MessageCatalog.englishTerminalWords("terminal.apropos_word") == "A word, English or Chinese (刹车, delivery)")
    }

    static func codesInSources() throws -> Set<String> {
        var codes: Set<String> = []
        for folder in ["Sources", "Plugins"] {
            guard let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                for marker in ["Message(\"", "MessageCode(\""] {
                    var rest = Substring(text)
                    while let r = rest.range(of: marker) {
                        rest = rest[r.upperBound...]
                        guard let end = rest.firstIndex(of: "\"") else { break }
                        let code = String(rest[..<end])
                        // A code built at run time (`"repair_order.cannot." + verb`) is checked below by its family.
                        // A plugin's own codes (`parts.…`) have words in its own tables, which its tests check.
                        let ownCode = folder == "Plugins" && pluginPrefixes.contains { code.hasPrefix($0) }
                        if !code.isEmpty, !code.hasSuffix("."), !ownCode { codes.insert(code) }
                    }
                }
            }
        }
        return codes
    }

    @Test func everyCodeInTheSourcesHasEnglishWords() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count > 100)
        let missing = MessageCatalog.english.missing(codes.map { MessageCode($0) }).map(\.rawValue).sorted()
        #expect(missing.isEmpty, "no English words for: \(missing.joined(separator: ", "))")
    }

    @Test func everyRepairOrderStepHasItsRefusalHeadline() {
        for verb in ["complaint", "check-in", "warranty", "documents", "labor", "part", "remove", "approve", "decline", "promise", "sign",
                     "handover", "dispatch", "clock-on", "clock-off", "issue", "progress", "check", "wash", "delivery-check", "notify",
                     "deliver", "discount", "cancel", "settle", "pay"] {
            #expect(MessageCatalog.english.templates[MessageCode("repair_order.cannot." + verb)] != nil, "repair_order.cannot.\(verb)")
        }
    }

    @Test func templatesRenderTheirArgumentsAndCodesAreLowercase() {
        for (code, template) in MessageCatalog.english.templates {
            #expect(code.rawValue == code.rawValue.lowercased() || code.rawValue.contains("check-in") || code.rawValue.contains("-"),
                    "\(code) should be lowercase")
            #expect(!template.isEmpty, "\(code) has no words")
            #expect(template.filter { $0 == "{" }.count == template.filter { $0 == "}" }.count, "\(code): unbalanced braces")
        }
        let m = Message("access.role_may_not", ["user": .text("钱小红"), "role": .role(.cashier), "operation": .text("ro open")])
        #expect(m.description == "钱小红 (收银员) may not run ro open")
        #expect(MessageCatalog.english.render(Message("no.such.code", ["n": .int(3)])) == "no.such.code n=3")
    }

    @Test func aRefusalCarriesItsCodesAndRendersEveryProblem() {
        let r = Refusal(Message("follow_up.cannot_record"), problems: [
            Problem("score", Message("follow_up.not_a_score", ["given": .text("9")])), Problem("call", "free words")])
        #expect(r.codes == ["follow_up.cannot_record", "follow_up.not_a_score", "text"])
        #expect(r.description == "cannot record the call:\n  - score: '9' is not a satisfaction score from 1 to 5\n  - call: free words")
    }
}

/// Templates are cut at their braces byte by byte: text around and between placeholders in any script
/// is kept whole, a placeholder without an argument shows its name, an unclosed one at the end is dropped.
@Test func placeholdersAreFilledInWholeTextOfAnyScript() {
    let catalog = MessageCatalog(language: "zh-Hans", templates: [
        "t.a": "{name}的车{plate}，é\u{301}保养到期（{due}）", "t.b": "无参数", "t.c": "{missing} 与 {name", "t.d": "{}{name}{name}"])
    #expect(catalog.render(Message("t.a", ["name": .text("王小明"), "plate": .text("粤B27DP2"), "due": .text("12月1日")]))
            == "王小明的车粤B27DP2，é\u{301}保养到期（12月1日）")
    #expect(catalog.render(Message("t.b")) == "无参数")
    #expect(catalog.render(Message("t.c", ["name": .text("x")])) == "{missing} 与 ")
    #expect(catalog.render(Message("t.d", ["name": .text("李")])) == "{}李李")
}

/// The walk over the template's bytes fills it as the plain rule does, scalar by scalar: text kept, a
/// placeholder filled or shown by name, an unclosed one at the end dropped; on random templates built of
/// braces, names, Chinese, a combining mark and an emoji. A Chinese date is written as interpolation wrote it.
@Test func templatesAreFilledAsThePlainRuleFillsThem() async {
    let parts: [String] = ["{", "}", "{a}", "{b}", "{c}", "{a", "a}", "保养", "e\u{301}", "\u{301}", "x", " ", "{}", "😀", "（", "{{a}}", "{a}}"]
    let date = CalendarDate(year: 2026, month: 11, day: 3)!
    let arguments: [String: MessageArgument] = ["a": .text("王{b}"), "b": .date(date), "c": .int(-12)]
    await propertyCheck(count: 600, input: Gen<String?>.element(of: parts).array(of: 0...12)) { pieces in
        let template = pieces.map { $0 ?? "" }.joined()
        let catalog = MessageCatalog(language: "zh-Hans", templates: ["t": template])
        var expected = "", name: String?
        for s in template.unicodeScalars {
            if let n = name {
                if s == "}" {
                    expected += arguments[n].map(catalog.render) ?? "{\(n)}"
                    name = nil
                } else {
                    name = n + String(s)
                }
            } else if s == "{" {
                name = ""
            } else {
                expected.unicodeScalars.append(s)
            }
        }
        #expect(catalog.render(Message("t", arguments)) == expected, "\(template)")
    }
    // From year 1 to past 9999, every 37th day: every length of year, month and day, the round ones too.
    for days in Array(stride(from: -719_162, through: 2_933_300, by: 37)) + [2_932_896, 2_932_897] {
        let day = CalendarDate(daysSinceEpoch: days), c = day.components
        #expect(MessageCatalog.chineseDate(day) == "\(c.year)年\(c.month)月\(c.day)日", "\(days)")
    }
}
