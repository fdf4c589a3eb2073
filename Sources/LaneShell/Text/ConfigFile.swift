import Foundation
import LaneCore

/// The small TOML subset the store's settings file uses: `[section]` headers,
/// `key = value` with a "string", an integer, or an array of strings, and `#`
/// comments. Keys come back as `section.key`; arrays as comma-joined text.
enum ConfigFile {
    static func parse(_ text: String, name: String) throws(Refusal) -> [String: String] {
        var values: [String: String] = [:]
        var section = ""
        var problems: [Problem] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let where_ = "\(name) line \(index + 1)"
            let line = stripComment(String(raw)).trimmingWhitespace()
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { problems.append(Problem(where_, "a section header looks like [store]")); continue }
                section = String(line.dropFirst().dropLast()).trimmingWhitespace()
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { problems.append(Problem(where_, "expected key = value")); continue }
            let key = String(line[..<eq]).trimmingWhitespace()
            let rawValue = String(line[line.index(after: eq)...]).trimmingWhitespace()
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                problems.append(Problem(where_, "'\(key)' is not a key (letters, digits, _ and -)"))
                continue
            }
            guard let value = parseValue(rawValue) else {
                problems.append(Problem(where_, "the value of \(key) should be a \"string\", a whole number or [\"a\", \"b\"]"))
                continue
            }
            values[section.isEmpty ? key : "\(section).\(key)"] = value
        }
        try Refusal.check("the settings file \(name) cannot be read", problems)
        return values
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        var previous: Character = " "
        for (i, ch) in line.enumerated() {
            if ch == "\"" && previous != "\\" { inString.toggle() }
            if ch == "#" && !inString { return String(line.prefix(i)) }
            previous = ch
        }
        return line
    }

    private static func parseValue(_ text: String) -> String? {
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { return nil }
            let inner = String(text.dropFirst().dropLast()).trimmingWhitespace()
            if inner.isEmpty { return "" }
            var items: [String] = []
            for part in inner.split(separator: ",") {
                let item = String(part).trimmingWhitespace()
                if item.isEmpty { continue }
                guard let s = quoted(item) else { return nil }
                items.append(s)
            }
            return items.joined(separator: ",")
        }
        if let s = quoted(text) { return s }
        if let n = Int(text.filter { $0 != "_" }) { return String(n) }
        if text == "true" || text == "false" { return text }
        return nil
    }

    private static func quoted(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }
}

