import Foundation
import LaneShell
import LaneTesting
import Testing

/// A run-time plugin hears the reader's language and gives its help in both:
/// the examples of docs/plugins.md, in Chinese and in English.
@Suite struct RuntimeLanguageTests {
    @Test func tyresAnswersAndHelpsInTheReadersLanguage() throws {
        let shell = try TestShell(seeded: true, runtimeDirectory: try ExamplePluginTests.tyresFolder())
        #expect(shell.pluginMessages.isEmpty, "\(shell.pluginMessages)")
        for line in ["ro open 粤B27DP2", "ro complaint --text 轮胎磨损", "ro check-in --mileage 19100 --fuel 4 --covers"] { try shell.expectOK(line) }
        shell.session.languageChoice = .chinese
        let zh = try shell.expectOK("tyres check RO-20261123-0001 --depths 4.1,3.9,2.2,1.4")
        #expect(zh.contains("立即更换（低于法定 1.6 毫米）") && zh.contains("结论"), "\(zh)")
        #expect(!zh.contains("replace"), "\(zh)")
        let refused = try shell.expectRefused("tyres check RO-20261123-0001 --depths 4.1")
        #expect(refused.contains("请给出四个深度"), "\(refused)")
        let help = try shell.expectOK("help tyres check")
        #expect(help.contains("判定四条轮胎的花纹深度") && help.contains("深度（毫米），如 4.1,3.9,2.2,1.4"), "\(help)")
        #expect(try shell.expectOK("plugin list").contains("已启用"))
        #expect(try shell.expectOK("plugin info tyres").contains("轮胎花纹深度：哪条该换"))
        shell.session.languageChoice = .english
        #expect(try shell.expectOK("tyres check RO-20261123-0001 --depths 4.1,3.9,2.2,1.4").contains("replace now (below the legal 1.6 mm)"))
        #expect(try shell.expectOK("help tyres check").contains("Judge four tread depths (mm): FL,FR,RL,RR"))
    }

    /// A plugin of the first version (strings only) still works; words in an unknown language are refused with the field named.
    @Test func aHandshakeGivesWordsAsAStringOrByLanguage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: dir) }
        func plugin(_ name: String, summary: String) throws {
            let script = """
                #!/bin/sh
                req=$(cat)
                case "$req" in
                *'"request":"describe"'*) printf '%s\\n' '{"protocol":1,"name":"\(name)","version":"1","summary":\(summary),"commands":[{"noun":"\(name)","verb":"say","summary":\(summary)}]}' ;;
                *) printf '{"protocol":1,"text":"%s"}\\n' "$LANE_LANGUAGE" ;;
                esac
                """
            let path = dir.appendingPathComponent("lane-\(name)")
            try script.write(to: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        }
        try plugin("plain", summary: #""Says the language""#)
        try plugin("both", summary: #"{"en":"Says the language","zh":"说出语言"}"#)
        try plugin("odd", summary: #"{"fr":"Dit la langue"}"#)
        let shell = try TestShell(seeded: true, runtimeDirectory: dir.path)
        #expect(shell.pluginMessages.count == 1, "\(shell.pluginMessages)")
        #expect(shell.pluginMessages.first?.contains("'fr' is not a language") == true, "\(shell.pluginMessages)")
        #expect(shell.pluginMessages.first?.contains("summary: 'fr'") == true, "\(shell.pluginMessages)")
        let english = try shell.expectOK("plain say")
        #expect(english.trimmingCharacters(in: .whitespacesAndNewlines) == "en", "\(english)")
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("plain say")
        #expect(chinese.trimmingCharacters(in: .whitespacesAndNewlines) == "zh-Hans", "\(chinese)")
        #expect(try shell.expectOK("help both say").contains("说出语言"))
        #expect(try shell.expectOK("help plain say").contains("Says the language"))
    }
}
