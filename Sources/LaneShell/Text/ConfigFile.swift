import Foundation
import LaneCore
import ServiceDepartment
// Internal: TOMLKit extends String, Array and Dictionary with public subscripts, which must not reach the modules that import LaneShell.
internal import TOMLKit

/// The store's settings file (store.toml), read as TOML by TOMLKit: a key
/// written twice or a malformed line is refused with its line. The sections
/// [store], [rates], [hours] and [workshop] hold exactly the keys of
/// `StoreSettings.settingKeys`, each of its type, so a misspelt key is refused
/// rather than ignored; each `[plugin.NAME]` section is the plugin's own.
struct ConfigFile {
    /// `section.key` → the value as the store keeps it: the text of a string,
    /// the digits of a whole number, `true`/`false`, and an array as a `SettingList`.
    var values: [String: String]
    /// The file's name, for messages.
    var name: String
    private var index: LineIndex

    /// A problem about a setting (its field a key, `workshop.bays`, or a
    /// section, `hours`) named with the file and the line: `store.toml line 18 workshop.bays`.
    func located(_ problem: Problem) -> Problem { settingsFile.located(problem) }

    /// The values with the line of each key and section, for the application layer (`seed load`).
    var settingsFile: SettingsFile {
        SettingsFile(name: name, values: values, lines: index.sections.merging(index.keys) { _, key in key })
    }

    /// The sections `StoreSettings` reads, in the order of the file.
    static var storeSections: [String] {
        StoreSettings.settingKeys.map(\.section).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    static func read(_ text: String, name: String) throws(Refusal) -> ConfigFile {
        let index = LineIndex(text)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            let section = index.section(atLine: line).map { " (in [\($0)])" } ?? ""
            throw Refusal("the settings file \(name) is not valid TOML", problems: [
                Problem("\(name) line \(line) column \(error.source.begin.column)", error.description + section)])
        } catch {
            throw Refusal("the settings file \(name) cannot be read", problems: [Problem(name, "\(error)")])
        }
        var file = ConfigFile(values: [:], name: name, index: index)
        var problems: [(line: Int, problem: Problem)] = []
        func problem(_ key: String, _ message: String) {
            let line = index.keys[key] ?? index.sections[key]
            problems.append((line ?? 0, Problem("\(name)\(line.map { " line \($0)" } ?? "") \(key)", message)))
        }
        let sectionList = (storeSections + ["plugin.NAME"]).map { "[\($0)]" }.joined(separator: ", ")
        for (section, node) in root {
            guard let table = node.table else {
                problem(section, "a setting belongs in a section: \(sectionList)")
                continue
            }
            if section == "plugin" {
                for (plugin, settings) in table {
                    guard let settings = settings.table else {
                        problem("plugin.\(plugin)", "a plugin's settings go in their own section, [plugin.NAME]")
                        continue
                    }
                    for (key, value) in settings {
                        let full = "plugin.\(plugin).\(key)"
                        switch pluginValue(value) {
                        case .success(let text): file.values[full] = text
                        case .failure(let why): problem(full, why.message)
                        }
                    }
                }
            } else if storeSections.contains(section) {
                let known = StoreSettings.settingKeys.filter { $0.section == section }
                for (key, value) in table {
                    let full = "\(section).\(key)"
                    guard let setting = StoreSettings.settingKey(named: full) else {
                        let hint = CommandRegistry.suggestion(for: key, among: known.map(\.key)).map { "did you mean \($0)? " } ?? ""
                        problem(full, "is not a setting of [\(section)]; \(hint)its keys are \(known.map(\.key).joined(separator: ", "))")
                        continue
                    }
                    switch storeValue(value, setting.kind) {
                    case .success(let text): file.values[full] = text
                    case .failure(let why): problem(full, why.message)
                    }
                }
            } else {
                let hint = CommandRegistry.suggestion(for: section, among: storeSections + ["plugin"]).map { "did you mean [\($0)]? " } ?? ""
                problem(section, "is not a section of the store's settings; \(hint)the sections are \(sectionList)")
            }
        }
        // In the order of the file, as someone fixing it reads it.
        try Refusal.check("the settings file \(name) cannot be read", problems.sorted { $0.line < $1.line }.map(\.problem))
        return file
    }

    /// A value of [store], [rates], [hours] or [workshop], of its key's type.
    static func storeValue(_ value: any TOMLValueConvertible, _ kind: StoreSettingKey.Kind) -> Result<String, Problem> {
        let wrong = Problem("", "expected \(kind.expected), found \(describe(value))")
        switch kind {
        case .text:
            return value.string.map { .success($0) } ?? .failure(wrong)
        case .wholeNumber:
            return value.int.map { .success(String($0)) } ?? .failure(wrong)
        case .textList:
            guard let array = value.array else { return .failure(wrong) }
            var items: [String] = []
            for (i, item) in array.enumerated() {
                guard let text = item.string else {
                    return .failure(Problem("", "expected an array of strings, found \(describe(item)) as item \(i + 1)"))
                }
                items.append(text)
            }
            return .success(SettingList.text(items))
        }
    }

    /// A plugin's value: what the plugin can read as text. Decimal numbers,
    /// dates and tables are refused: the plugins take none, and money is whole fen.
    static func pluginValue(_ value: any TOMLValueConvertible) -> Result<String, Problem> {
        func scalar(_ v: any TOMLValueConvertible) -> String? {
            v.string ?? v.int.map { String($0) } ?? v.bool.map { $0 ? "true" : "false" }
        }
        if let text = scalar(value) { return .success(text) }
        if let array = value.array {
            var items: [String] = []
            for (i, item) in array.enumerated() {
                guard let text = scalar(item) else {
                    return .failure(Problem("", "expected an array of strings, found \(describe(item)) as item \(i + 1)"))
                }
                items.append(text)
            }
            return .success(SettingList.text(items))
        }
        return .failure(Problem("", "expected a string, a whole number, true or false, or an array of strings, found \(describe(value))"))
    }

    static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "a string"
        case .int: "a whole number"
        case .double: "a decimal number"
        case .bool: "true or false"
        case .array: "an array"
        case .table: "a table"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date and time"
        }
    }
}
