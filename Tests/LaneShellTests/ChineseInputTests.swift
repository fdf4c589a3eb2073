import Foundation
import LaneCore
import LaneTesting
import PropertyBased
import Testing
@testable import LaneShell

/// What a Chinese input method types is read as the shell's syntax, and
/// plates may be typed without the store's province.
@Suite struct ChineseInputTests {
    @Test func anInputMethodsPunctuationIsReadAsTheShellsSyntax() throws {
        #expect(InputNormaliser.normalise("customer\u{3000}find 王") == "customer find 王")
        #expect(InputNormaliser.normalise("ro complaint ——text 刹车异响") == "ro complaint --text 刹车异响")
        #expect(InputNormaliser.normalise("ro complaint －－text 异响") == "ro complaint --text 异响")
        #expect(InputNormaliser.normalise("ro complaint —text 异响") == "ro complaint --text 异响")
        #expect(InputNormaliser.normalise("vehicle show ＢＣ４５４８") == "vehicle show BC4548")
        #expect(InputNormaliser.normalise("ro promise --at １７：３０") == "ro promise --at 17:30")
        #expect(try Tokenizer.split(InputNormaliser.normalise("ro complaint --text “刹车 异响”")) == ["ro", "complaint", "--text", "刹车 异响"])
        #expect(try Tokenizer.split(InputNormaliser.normalise("x ‘it's’")) == ["x", "it's"])
        #expect(try Tokenizer.split(InputNormaliser.normalise("x “说\"好\"”")) == ["x", "说\"好\""])
        // Free text keeps its Chinese punctuation and dashes; quoted text is kept as typed.
        #expect(InputNormaliser.normalise("ro complaint 刹车——异响，方向盘抖") == "ro complaint 刹车——异响，方向盘抖")
        #expect(InputNormaliser.normalise("x '（Ａ）\u{3000}'") == "x '（Ａ）\u{3000}'")
        #expect(ListInput.items("1，2、3,4") == ["1", "2", "3", "4"])
    }

    @Test func theShellShowsHowItReadTheLine() throws {
        let shell = try TestShell(seeded: true)
        let outcome = shell.run("customer\u{3000}find 欧阳")
        #expect(outcome.code == .ok)
        #expect(outcome.out.contains("欧阳晓峰"))
        #expect(outcome.err == "note: read as: customer find 欧阳\n")
        #expect(try shell.expectOK("customer find 欧阳").contains("欧阳晓峰"))
    }

    @Test func platesMayBeTypedWithoutTheStoresProvince() throws {
        let shell = try TestShell(seeded: true)
        #expect(try shell.expectOK("vehicle show BC4548").contains("粤BC4548"))
        #expect(try shell.expectOK("vehicle show bc4548").contains("欧阳晓峰"))
        #expect(try shell.expectOK("customer find BC45").contains("欧阳晓峰"))
        _ = try shell.expectOK("use BC4548")
        #expect(shell.session.current?.label.contains("粤BC4548") == true)
        let completer = Completer(session: shell.session)
        #expect(completer.candidates(forLineBeforeCursor: "vehicle show BC45") == ["粤BC4548"])
        #expect(completer.candidates(forLineBeforeCursor: "vehicle show 粤BC45") == ["粤BC4548"])
        // A plate of another city is not the store's: B is only the default.
        let other = try shell.expectRefused("vehicle show D12345")
        #expect(other.contains("粤D12345"))
    }

    @Test func aVehicleRegisteredWithoutTheProvinceGetsTheStoresPrefix() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("vehicle add --vin LXHCB1A24T0000017 --plate BD12345 --model '星河 E3' --owner C0001 --sold 2026-10-01 --mileage 1200")
        #expect(out.hasPrefix("added vehicle 粤BD12345"))
        _ = try shell.expectRefusalCodes("vehicle add --vin LXHA55K28SG211053 --plate 9 --model '星河 E3' --owner C0001 --sold 2026-10-01")
    }

    @Test func theLanguageIsTheShellsChoiceElseTheStores() throws {
        let shell = try TestShell(seeded: true)
        #expect(shell.session.language == .english)
        shell.session.languageChoice = nil
        #expect(shell.session.language == .chinese, "the demo store speaks zh-Hans")
        _ = try shell.expectOK("set lang en")
        #expect(shell.session.language == .english)
        let refused = shell.run("set lang fr")
        #expect(refused.code == .usage)
        _ = try shell.expectOK("set lang zh")
        let zh = shell.run("ro show RO-NOPE")
        #expect(zh.err.contains("没有维修委托书 RO-NOPE"), "\(zh.err)")
        let table = try shell.expectOK("set")
        #expect(table.contains("zh-Hans"))
    }
}

private let special = Gen<Character?>.element(of: Array(" '\"\\-#,=:") + ["\u{3000}", "，", "、", "“", "”", "‘", "’", "—", "－", "＂", "Ａ", "ｚ", "５", "：", "＝"])
    .map { $0 ?? " " }
private let chinese = Gen.character(in: "\u{4E00}"..."\u{9FFF}")
private let ascii = Gen.character(in: " "..."~")
private let lineGen = Gen.frequency((3.0, special), (3.0, ascii), (2.0, chinese)).string(of: 0...24)

@Test func normalisingTwiceChangesNothingMore() async {
    await propertyCheck(input: lineGen) { line in
        let once = InputNormaliser.normalise(line)
        #expect(InputNormaliser.normalise(once) == once, "line: \(line.debugDescription)")
    }
}

@Test func plainAsciiAndChineseLinesAreLeftAlone() async {
    await propertyCheck(input: Gen.frequency((3.0, ascii), (2.0, chinese)).string(of: 0...24)) { line in
        #expect(InputNormaliser.normalise(line) == line)
    }
}

@Test func aWordInChineseQuotesIsOneWordAsTyped() async {
    let inside = Gen.frequency((2.0, Gen<Character?>.element(of: Array(" '\"\\#$`,") + ["\u{3000}", "，", "‘", "’"]).map { $0 ?? " " }),
                               (3.0, ascii), (3.0, chinese)).string(of: 0...16)
    await propertyCheck(input: inside) { word in
        let split = try? Tokenizer.split(InputNormaliser.normalise("x “" + word + "”"))
        #expect(split?.map { Array($0.unicodeScalars) } == ["x", word].map { Array($0.unicodeScalars) }, "word: \(word.debugDescription)")
    }
}

@Test func fullWidthLettersAndDigitsReadAsTheirAsciiTwins() async {
    let alnum = Gen<Character?>.element(of: Array("ABCXYZabcxyz0123456789")).map { $0 ?? "A" }.string(of: 1...12)
    await propertyCheck(input: alnum) { word in
        let wide = String(String.UnicodeScalarView(word.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        #expect(InputNormaliser.normalise("vehicle show " + wide) == "vehicle show " + word)
    }
}

/// Enumerated values in either language and either spelling; did-you-mean for options and values.
@Suite struct ValueInputTests {
    @Test func valuesAreReadInEitherLanguageAndSpelling() {
        #expect(ValueInput.value("微信", as: PaymentMethod.self) == .wechat)
        #expect(ValueInput.value("现金", as: PaymentMethod.self) == .cash)
        #expect(ValueInput.value("刷卡", as: PaymentMethod.self) == .card)
        #expect(ValueInput.value("支付宝", as: PaymentMethod.self) == .alipay)
        #expect(ValueInput.value("not-covered", as: WarrantyDecision.self) == .notCovered)
        #expect(ValueInput.value("not_covered", as: WarrantyDecision.self) == .notCovered)
        #expect(ValueInput.value("Pending-Diagnosis", as: WarrantyDecision.self) == .pendingDiagnosis)
        #expect(ValueInput.value("待诊断", as: WarrantyDecision.self) == .pendingDiagnosis)
        #expect(ValueInput.value("day-before", as: CustomerConfirmationKind.self) == .dayBefore)
        #expect(ValueInput.value("提前一小时", as: CustomerConfirmationKind.self) == .hourBefore)
        #expect(ValueInput.value("索赔", as: LinePayer.self) == .warranty)
        #expect(ValueInput.value("终检", as: QualityCheckStage.self) == .final)
        #expect(ValueInput.value("微x", as: PaymentMethod.self) == nil)
        #expect(ValueInput.yesNo("是") == true)
        #expect(ValueInput.yesNo("否") == false)
        #expect(ValueInput.yesNo("maybe") == nil)
        #expect(ValueInput.suggestion("wechta", PaymentMethod.self) == "wechat")
        #expect(ValueInput.choices(WarrantyDecision.self) == ["covered", "not-covered", "pending-diagnosis", "escalated"])
        // Every value has a Chinese word of its own.
        for method in PaymentMethod.allCases { #expect(MessageCatalog.chinese.word(PaymentMethod.wordKind, method.rawValue) != method.rawValue) }
        for decision in WarrantyDecision.allCases { #expect(MessageCatalog.chinese.word(WarrantyDecision.wordKind, decision.rawValue) != decision.rawValue) }
    }

    @Test func optionsAndValuesGetDidYouMean() throws {
        let shell = try TestShell(seeded: true)
        let option = shell.run("customer list --limt 5")
        #expect(option.code == .usage)
        #expect(option.err.contains("did you mean --limit?"), "\(option.err)")
        let codes = try shell.expectRefusalCodes("ro warranty RO-NOPE not-covred")
        #expect(codes.contains("input.not_one_of_meant") || codes.contains("repair_order.not_found"), "\(codes)")
    }

    @Test func helpSpeaksTheShellsLanguageWithoutRuleIDs() throws {
        let shell = try TestShell(seeded: true)
        let english = try shell.expectOK("help")
        #expect(english.contains("repair orders: reception, workshop"))
        #expect(english.range(of: #"\((R|X)[0-9]"#, options: .regularExpression) == nil)
        let ro = try shell.expectOK("help ro")
        #expect(ro.range(of: #"\((R|X)[0-9]"#, options: .regularExpression) == nil, "\(ro)")
        _ = try shell.expectOK("set lang zh")
        let chinese = try shell.expectOK("help")
        #expect(chinese.contains("维修委托书：接待、车间、检验、交车、结算"), "\(chinese)")
        #expect(try shell.expectOK("help ro").contains("按客户原话记录故障描述"))
        let sign = try shell.expectOK("ro sign --help")
        #expect(sign.contains("用法："))
        #expect(sign.contains("wechat（微信）"), "\(sign)")
    }

    @Test func everyBuiltInCommandHasHelpInBothLanguages() throws {
        let registry = try Launcher.builtinRegistry()
        for spec in registry.allSpecs {
            let code = MessageCode("help.command." + spec.name.split(separator: " ").joined(separator: "."))
            #expect(MessageCatalog.english.templates[code] != nil, "\(spec.name)")
            #expect(MessageCatalog.chinese.templates[code] != nil, "\(spec.name)")
        }
        for noun in registry.nounNames {
            #expect(MessageCatalog.english.templates[MessageCode("help.noun." + noun)] != nil, "\(noun)")
            #expect(MessageCatalog.chinese.templates[MessageCode("help.noun." + noun)] != nil, "\(noun)")
        }
    }

    /// Printing, searching the help and a missing argument in the reader's
    /// language: the document's name, the reprint, the argument's help.
    @Test func printingAndTheNewCommandsSpeakChinese() throws {
        let shell = try TestShell(seeded: true)
        for line in FollowUpCommandTests.serviceDay { try shell.expectOK(line) }
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("zh-print-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        try shell.expectOK("set user 莫霞")
        try shell.expectOK("set lang zh")
        let first = try shell.expectOK("print settlement RO-20261123-0001 --html \(page.path)")
        #expect(first.contains("已打印结算单"), "\(first)")
        // The order a document is for has its own title; `reference` elsewhere is a campaign (a reminder call) or a number.
        #expect(first.contains("所属单号    RO-20261123-0001") && !first.contains("活动"), "\(first)")
        #expect(MessageCatalog.chinese.columnTitle(key: "reference", "campaign") == "活动")
        #expect(MessageCatalog.chinese.columnTitle(key: "reference", "reference") == "单号")
        #expect(MessageCatalog.english.columnTitle(key: "reference", "for") == "for")
        #expect(try shell.expectOK("print settlement RO-20261123-0001 --html \(page.path)").contains("已重印结算单"))
        let refused = try shell.expectRefused("print settlement RO-20261123-0001")
        #expect(refused.contains("无法打印结算单") && refused.contains("--html 文件"), "\(refused)")
        try shell.expectOK("set user admin")
        let missing = shell.run("print appointment --html \(page.path)")
        #expect(missing.code == .usage && missing.err.contains("缺少 APPT：预约号"), "\(missing.err)")
        #expect(try shell.expectOK("apropos 出门证").contains("print gate-pass  打印出门证"))
        #expect(try shell.expectOK("help workflow").contains("开立维修委托书"))
        #expect(try shell.expectOK("help print").contains("打印单据"))
        try shell.expectOK("set lang en")
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectOK("print settlement RO-20261123-0001 --html \(page.path)").contains("reprinted settlement"))
        try shell.expectOK("set user admin")
        #expect(shell.run("print appointment --html \(page.path)").err.contains("APPT is missing: Appointment number"))
    }

    /// Every argument and option of every built-in command (`--watch` too, and
    /// the commands later branches add) has help words in both catalogs, as
    /// has every discussion (`store set`'s lists the settings when shown).
    @Test func everyBuiltInOptionAndDiscussionHasHelpInBothLanguages() throws {
        let registry = try Launcher.builtinRegistry()
        var missing: [String] = []
        for spec in registry.allSpecs {
            let command = spec.name.split(separator: " ").joined(separator: ".")
            var codes = spec.positionals.map { "help.option.\(command).\($0.name.lowercased())" }
                + spec.options.map { "help.option.\(command).\($0.name)" }
            if !spec.discussion.isEmpty { codes.append("help.discussion.\(command)") }
            for code in codes {
                for catalog in [MessageCatalog.english, MessageCatalog.chinese] where catalog.templates[MessageCode(code)] == nil {
                    missing.append("\(catalog.language) \(code)")
                }
            }
        }
        #expect(missing.isEmpty, "no help words for: \(missing.joined(separator: ", "))")
        #expect(registry.allSpecs.count > 100)
    }

    /// The English help words are what the command's spec says, rule IDs left
    /// out and codes in either spelling: a spec changed later (a new setting,
    /// a new choice) must change them too, or the help would hide the change.
    @Test func englishHelpWordsFollowTheSpecs() throws {
        let registry = try Launcher.builtinRegistry()
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: #" ?\((R|X)[0-9][^)]*\)"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"[:;,]? [^:;,()]*\b(R|X)[0-9][^:;,()]*"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "_", with: "-")
        }
        var differ: [String] = []
        for spec in registry.allSpecs {
            let command = spec.name.split(separator: " ").joined(separator: ".")
            var pairs = spec.positionals.map { ("help.option.\(command).\($0.name.lowercased())", $0.help) }
                + spec.options.map { ("help.option.\(command).\($0.name)", $0.help) }
            pairs.append(("help.command.\(command)", spec.summary))
            // `store set`'s words end in the settings' lines, rendered when help is shown.
            if spec.discussionArguments == nil { pairs.append(("help.discussion.\(command)", spec.discussion)) }
            for (code, written) in pairs {
                guard let words = MessageCatalog.english.templates[MessageCode(code)] else { continue }
                if plain(words) != plain(written) { differ.append("\(code): catalog '\(words)' | spec '\(written)'") }
            }
        }
        #expect(differ.isEmpty, "\(differ.joined(separator: "\n"))")
    }
}
