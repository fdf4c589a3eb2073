import Foundation
import LaneShell

/// What a plugin's own tests check of its words: every message code `NAME.…`
/// its sources use has words in every language the shell speaks, with the
/// same placeholders, and it brings no code outside its prefix.
public enum PluginWords {
    /// One line per fault, empty when there is none. `sources` is the plugin's source folder.
    public static func faults(of plugin: any LanePlugin, sources: URL) throws -> [String] {
        let name = plugin.manifest.name
        var faults = PluginMessages.foreignCodes(plugin.messages, plugin: name).map { "\($0) is outside \(name)." }
        var used: Set<MessageCode> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            var rest = Substring(try String(contentsOf: url, encoding: .utf8))
            while let r = rest.range(of: "Message(\"" + name + ".") {
                rest = rest[r.lowerBound...].dropFirst("Message(\"".count)
                guard let end = rest.firstIndex(of: "\"") else { break }
                used.insert(MessageCode(String(rest[..<end])))
            }
        }
        if used.isEmpty { faults.append("no Message(\"\(name).…\") in \(sources.path)") }
        for code in used.sorted() {
            // A code built at run time (`"parts.kind." + value`) is left to the table check below.
            if code.rawValue.hasSuffix(".") { continue }
            for language in InterfaceLanguage.allCases where plugin.messages[language]?[code] == nil {
                faults.append("\(code) has no \(language.rawValue) words")
            }
        }
        // Its help (summary, nouns, commands, arguments, options, discussions) in every language.
        for code in plugin.helpWords.keys.sorted() {
            for language in InterfaceLanguage.allCases where plugin.messages[language]?[code] == nil {
                faults.append("\(code) (help) has no \(language.rawValue) words")
            }
        }
        // Staff read words, never the process spec's rule numbers (R3.5, X1).
        let rule = #"\b(R[0-9]+\.[0-9]+|X[0-9])\b"#
        for language in InterfaceLanguage.allCases {
            for (code, words) in plugin.messages[language] ?? [:] where words.range(of: rule, options: .regularExpression) != nil {
                faults.append("\(code) (\(language.rawValue)) names a rule of the process spec: '\(words)'")
            }
        }
        for (code, words) in plugin.helpWords where words.range(of: rule, options: .regularExpression) != nil {
            faults.append("\(code) (help) names a rule of the process spec: '\(words)'")
        }
        let english = plugin.messages[.english] ?? [:]
        for language in InterfaceLanguage.allCases where language != .english {
            let other = plugin.messages[language] ?? [:]
            for code in Set(english.keys).symmetricDifference(other.keys).sorted() {
                faults.append("\(code) is in one language's table and not in \(language.rawValue)'s")
            }
            for (code, words) in english {
                if let theirs = other[code], MessageCatalog.placeholders(theirs) != MessageCatalog.placeholders(words) {
                    faults.append("\(code): the placeholders of '\(words)' and '\(theirs)' differ")
                }
            }
        }
        return faults
    }
}
