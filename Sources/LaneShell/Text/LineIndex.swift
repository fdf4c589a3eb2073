import Foundation

/// Where each header and key of a TOML text is, by line (TOMLKit gives a
/// line only for a parse error). Reads the shapes store.toml uses:
/// `[a.b]` headers and `key = …` lines, dotted or quoted keys included.
struct LineIndex {
    /// `section.key` (or a top-level `key`) → its line, the first if written twice.
    var keys: [String: Int] = [:]
    /// `section` → the line of its header.
    var sections: [String: Int] = [:]
    private var headers: [(line: Int, section: String)] = []

    init(_ text: String) {
        var section: [String] = []
        var inMultilineString = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = i + 1
            let quotes = raw.components(separatedBy: "\"\"\"").count - 1 + raw.components(separatedBy: "'''").count - 1
            defer { if quotes % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString { continue }
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") {
                let inner = trimmed.drop { $0 == "[" }
                guard let path = Self.keyPath(inner, end: "]") else { continue }
                section = path
                let name = path.joined(separator: ".")
                if sections[name] == nil { sections[name] = line }
                headers.append((line, name))
            } else if let path = Self.keyPath(trimmed, end: "=") {
                let name = (section + path).joined(separator: ".")
                if keys[name] == nil { keys[name] = line }
            }
        }
    }

    /// The section a line is in.
    func section(atLine line: Int) -> String? {
        headers.last { $0.line <= line }?.section
    }

    /// `a.b."c d"` up to `end`, as its parts; nil when the text is not a key there.
    private static func keyPath(_ text: Substring, end: Character) -> [String]? {
        var parts: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: first) else { return nil }
                parts.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let bare = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let next = rest.first else { return nil }
            if next == end { return parts }
            guard next == "." else { return nil }
            rest = rest.dropFirst()
        }
    }
}
