import Foundation
import LaneTesting
import Testing
@testable import LaneShell

/// docs/json.md is a contract: these commands' answers carry exactly the
/// fields it documents, with the documented types.
@Suite struct JSONAnswerTests {
    /// One JSON value, decoded strictly: `1` is never a boolean, `0.8` never an integer.
    indirect enum JSON: Decodable {
        case null, bool(Bool), int(Int), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Int.self) { self = .int(n) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSON].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSON].self)) }
        }

        static func parse(_ text: String) throws -> JSON { try JSONDecoder().decode(JSON.self, from: Data(text.utf8)) }

        /// Every path in the document (`record.lines[].hours`) with its value;
        /// an array's items are read through its first item.
        func paths(_ prefix: String = "") -> [String: JSON] {
            switch self {
            case .object(let members):
                var all: [String: JSON] = [:]
                for (key, value) in members {
                    let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                    switch value {
                    case .array(let items):
                        all[path + "[]"] = value
                        if let first = items.first { all.merge(first.paths(path + "[]")) { a, _ in a } }
                    case .object: all.merge(value.paths(path)) { a, _ in a }
                    default: all[path] = value
                    }
                }
                return all
            default:
                return [:]
            }
        }
    }

    /// The documented fields of each `### \`command\`` section of docs/json.md, and of the errors section.
    static func documented() throws -> [String: [String: String]] {
        let text = try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var sections: [String: [String: String]] = [:]
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `") { current = String(line.dropFirst(5).dropLast()) }
            else if line.hasPrefix("## Refusals") { current = "error" }
            else if line.hasPrefix("## ") { current = "" }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !current.isEmpty, cells.count >= 4, cells[1].hasPrefix("`") else { continue }
            sections[current, default: [:]][cells[1].replacingOccurrences(of: "`", with: "")] = cells[2]
        }
        return sections
    }

    /// Whether `value` is of the documented type (`integer?` allows null).
    static func matches(_ value: JSON, _ type: String) -> Bool {
        if case .null = value { return type.hasSuffix("?") }
        switch (type.replacingOccurrences(of: "?", with: ""), value) {
        case ("string", .string), ("integer", .int), ("boolean", .bool), ("array", .array), ("number", .int), ("number", .number): return true
        case ("time", .string(let s)): return s.count == 25 && s.dropFirst(10).hasPrefix("T") && (s.hasSuffix("+08:00") || s.contains("+") || s.contains("-"))
        case ("date", .string(let s)): return CalendarDate(parsing: s) != nil
        case ("", _): return true // a row that stands for others (`number` … `lines[].progress`)
        default: return false
        }
    }

    /// The answer has every documented field with its type, and no field the page does not name.
    func check(_ command: String, _ answer: String, _ docs: [String: [String: String]], sourceLocation: SourceLocation = #_sourceLocation) throws {
        var fields = try #require(docs[command], "docs/json.md has no section for \(command)", sourceLocation: sourceLocation)
        // `ro estimate` is `ro show`: the fields of `ro open`'s record without `first_visit`.
        if fields.keys.contains(where: { $0.contains("…") }), let open = docs["ro open"] {
            fields = fields.filter { !$0.key.contains("…") }
            for (path, type) in open where path.hasPrefix("record.") && path != "record.first_visit" && path != "record.possible_comeback_of" { fields[String(path.dropFirst(7))] = type }
        }
        let actual = try JSON.parse(answer).paths()
        for (path, type) in fields {
            // The fields of a list's items can only be seen when the list has some.
            if path.contains("[]."), actual[path] == nil, case .array(let items)? = actual[String(path[..<path.range(of: "[].")!.upperBound].dropLast())],
               items.isEmpty { continue }
            let value = try #require(actual[path], "\(command): \(path) is documented but missing", sourceLocation: sourceLocation)
            #expect(Self.matches(value, type), "\(command): \(path) should be \(type), is \(value)", sourceLocation: sourceLocation)
        }
        for path in actual.keys where fields[path] == nil {
            Issue.record("\(command): \(path) is in the answer but not in docs/json.md", sourceLocation: sourceLocation)
        }
    }

    @Test func theServiceDayAnswersAsDocumented() throws {
        let docs = try Self.documented()
        let shell = try TestShell(seeded: true)
        try shell.expectOK("set format json")
        var answers: [String: String] = [:]
        for line in FollowUpCommandTests.serviceDay + ["clock set 2026-11-24T10:00", "followup record RO-20261123-0001 quality --score 2 --comment 等太久"] {
            let out = try shell.expectOK(line)
            if line.hasPrefix("ro labor") { answers["ro estimate"] = try shell.expectOK("ro estimate") }
            for command in ["ro open", "ro settle", "ro pay", "followup record"] where line.hasPrefix(command) { answers[command] = out }
        }
        // A same-day booking at a peak time, so the warnings list has items to check.
        try shell.expectOK("clock set 2026-11-24T09:00")
        answers["appt book"] = try shell.expectOK("appt book 粤B27DP2 --at 2026-11-24T17:00 --job 保养 --accept-peak")
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("json-answer-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        try shell.expectOK("set user 莫霞")
        answers["print settlement"] = try shell.expectOK("print settlement RO-20261123-0001 --html \(page.path)")
        #expect(answers.count == 7)
        for (command, answer) in answers { try check(command, answer, docs) }
    }

    @Test func aRefusalIsDataOnStandardError() throws {
        let docs = try Self.documented()
        let shell = try TestShell(seeded: true)
        try shell.expectOK("set format json")
        try shell.expectOK("ro open 粤B27DP2")
        let outcome = shell.run("ro open 粤B27DP2")
        #expect(outcome.code == .refused && outcome.out.isEmpty)
        let err = outcome.err
        try check("error", err, docs)
        let error = try JSON.parse(err).paths()
        if case .string(let code)? = error["error.problems[].code"] { #expect(code == "repair_order.already_open") } else { Issue.record("no code") }
    }

    @Test func aUsageErrorCarriesItsCode() throws {
        let docs = try Self.documented()
        let shell = try TestShell(seeded: true)
        shell.session.format = .json
        let outcome = shell.run("ro open --colour red")
        #expect(outcome.code == .usage && outcome.out.isEmpty)
        try check("error", outcome.err, docs)
        let error = try JSON.parse(outcome.err).paths()
        if case .string(let kind)? = error["error.kind"] { #expect(kind == "usage") } else { Issue.record("no kind") }
        if case .string(let code)? = error["error.code"] { #expect(code == "usage.unknown_option") } else { Issue.record("no code") }
        if case .string(let words)? = error["error.message"] {
            #expect(words == "ro open: unknown option --colour; 'ro open' takes no options\nusage: ro open [VEHICLE]")
        } else { Issue.record("no message") }
        // Several problems: the code is the first's, and each is listed with its own.
        let several = try shell.expectRefusalCodes("customer add --phone 13800138000 --email x@y.cn", code: .usage)
        #expect(several == ["usage.unknown_option", "usage.unknown_option", "usage.unexpected", "usage.option_required"])
        // Before any command is found: the name, and the words themselves.
        #expect(try shell.expectRefusalCodes("custmer list", code: .usage) == ["usage.unknown_command"])
        #expect(try shell.expectRefusalCodes("customer lsit", code: .usage) == ["usage.no_such_verb"])
        #expect(try shell.expectRefusalCodes("customer add --name '王小明", code: .usage) == ["usage.unclosed_quote"])
    }
}
