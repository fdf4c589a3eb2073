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
            // TOMLKit's own words say what is wrong; the section says where someone fixing it looks.
            let section = index.section(atLine: line).map { MessageArgument.message(Message("settings_file.in_section", ["section": .text($0)])) }
            throw Refusal(Message("settings_file.not_toml", ["file": .text(name)]), problems: [
                Problem("\(name) line \(line) column \(error.source.begin.column)",
                        Message("settings_file.toml_error", ["error": .text(error.description), "section": section ?? .text("")]))])
        } catch {
            throw Refusal(Message("settings_file.cannot_read", ["file": .text(name)]),
                          problems: [Problem(name, Message("settings_file.read_error", ["error": .text("\(error)")]))])
        }
        var file = ConfigFile(values: [:], name: name, index: index)
        var problems: [(line: Int, problem: Problem)] = []
        func problem(_ key: String, _ message: Message) {
            let line = index.keys[key] ?? index.sections[key]
            problems.append((line ?? 0, Problem("\(name)\(line.map { " line \($0)" } ?? "") \(key)", message)))
        }
        let sectionList = MessageArgument.list((storeSections + ["plugin.NAME"]).map { .text("[\($0)]") })
        for (section, node) in root {
            guard let table = node.table else {
                problem(section, Message("settings_file.not_in_a_section", ["sections": sectionList]))
                continue
            }
            if section == "plugin" {
                for (plugin, settings) in table {
                    guard let settings = settings.table else {
                        problem("plugin.\(plugin)", Message("settings_file.plugin_section"))
                        continue
                    }
                    for (key, value) in settings {
                        let full = "plugin.\(plugin).\(key)"
                        switch pluginValue(value) {
                        case .success(let text): file.values[full] = text
                        case .failure(let why): problem(full, why.said)
                        }
                    }
                }
            } else if storeSections.contains(section) {
                let known = StoreSettings.settingKeys.filter { $0.section == section }
                for (key, value) in table {
                    let full = "\(section).\(key)"
                    guard let setting = StoreSettings.settingKey(named: full) else {
                        let hint = CommandRegistry.suggestion(for: key, among: known.map(\.key)).map { didYouMean($0) } ?? .text("")
                        problem(full, Message("settings_file.not_a_key", ["section": .text(section), "hint": hint,
                                                                          "keys": .list(known.map { .text($0.key) })]))
                        continue
                    }
                    switch storeValue(value, setting.kind) {
                    case .success(let text): file.values[full] = text
                    case .failure(let why): problem(full, why.said)
                    }
                }
            } else {
                let hint = CommandRegistry.suggestion(for: section, among: storeSections + ["plugin"]).map { didYouMean("[\($0)]") } ?? .text("")
                problem(section, Message("settings_file.not_a_section", ["hint": hint, "sections": sectionList]))
            }
        }
        // In the order of the file, as someone fixing it reads it.
        try Refusal.check(Message("settings_file.cannot_read", ["file": .text(name)]), problems.sorted { $0.line < $1.line }.map(\.problem))
        return file
    }

    private static func didYouMean(_ suggestion: String) -> MessageArgument {
        .message(Message("settings_file.did_you_mean", ["suggestion": .text(suggestion)]))
    }

    /// A value of [store], [rates], [hours] or [workshop], of its key's type.
    static func storeValue(_ value: any TOMLValueConvertible, _ kind: StoreSettingKey.Kind) -> Result<String, Problem> {
        let wrong = Problem("", Message("settings_file.wrong_type", ["expected": expected(kind), "found": describe(value)]))
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
                    return .failure(notAString(item, i))
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
                    return .failure(notAString(item, i))
                }
                items.append(text)
            }
            return .success(SettingList.text(items))
        }
        return .failure(Problem("", Message("settings_file.not_a_plugin_value", ["found": describe(value)])))
    }

    /// Item `index` of an array is not text.
    static func notAString(_ item: any TOMLValueConvertible, _ index: Int) -> Problem {
        Problem("", Message("settings_file.not_a_string_item", ["found": describe(item), "item": .int(index + 1)]))
    }

    /// The type a key's value must have.
    static func expected(_ kind: StoreSettingKey.Kind) -> MessageArgument {
        switch kind {
        case .text: .message(Message("toml.string"))
        case .wholeNumber: .message(Message("toml.int"))
        case .textList: .message(Message("toml.string_array"))
        }
    }

    /// The type a value has, as the messages name it.
    static func describe(_ value: any TOMLValueConvertible) -> MessageArgument {
        let type = switch value.type {
        case .string: Message("toml.string")
        case .int: Message("toml.int")
        case .double: Message("toml.double")
        case .bool: Message("toml.bool")
        case .array: Message("toml.array")
        case .table: Message("toml.table")
        case .date: Message("toml.date")
        case .time: Message("toml.time")
        case .dateTime: Message("toml.date_time")
        }
        return .message(type)
    }
}
