import Foundation

/// A message as a row keeps it: its code and typed arguments as JSON
/// (`{"code": "workshop.did.sign_terms", "arguments": {"payment": {"code": ["payment", "wechat"]}, …}}`),
/// so whoever reads the row later reads it in their own language
/// (`repair_order_event.message`, v26; a warranty claim's verdict). Nil when
/// the text is not one. In LaneCore so the stores and the plugins keep messages alike.
public enum StoredMessage {
    /// Written out by hand: Foundation's `JSONSerialization` (through `[String: Any]`) was 7 % of all
    /// the CPU of 30 scripted repair-order lifecycles in a release build, a fifth of every write's,
    /// because every step stores one message. The text is byte for byte what `JSONSerialization`
    /// wrote with sorted keys (`StoredMessageTests` compares the two on random messages), so rows
    /// written before and after read and compare alike; reading still goes through `JSONSerialization`.
    public static func encode(_ message: Message) -> String? {
        var out = ""
        out.reserveCapacity(96)
        write(message, into: &out)
        return out
    }

    static func write(_ m: Message, into out: inout String) {
        out += "{\"arguments\":{"
        // The order JSONSerialization's .sortedKeys gives: numeric search in the system locale. For names of
        // small letters and `_` alone (nearly every argument's) that is their bytes' order (the collation puts
        // `_` before letters, as ASCII does), without a locale made and consulted at every comparison (the
        // locale's comparisons were 3 % of a scripted write's instructions).
        let pairs = m.namedArguments.allSatisfy { Self.isPlainName($0.name) }
            ? m.namedArguments.sorted { $0.name < $1.name }
            : m.namedArguments.sorted { a, b in
                a.name.compare(b.name, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.name.startIndex..<a.name.endIndex,
                               locale: Locale(identifier: "")) == .orderedAscending
            }
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out += "," }
            string(pair.name, into: &out)
            out += ":"
            write(pair.value, into: &out)
        }
        out += "},\"code\":"
        string(m.code.rawValue, into: &out)
        out += "}"
    }

    /// Small ASCII letters and `_`.
    static func isPlainName(_ name: String) -> Bool {
        name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    static func write(_ a: MessageArgument, into out: inout String) {
        func one(_ kind: String, _ body: (inout String) -> Void) {
            out += "{\"" + kind + "\":"
            body(&out)
            out += "}"
        }
        switch a {
        case .text(let s): one("text") { string(s, into: &$0) }
        case .int(let n): one("int") { $0 += String(n) }
        case .money(let m): one("fen") { $0 += String(m.fen) }
        case .date(let d): one("date") { string(d.description, into: &$0) }
        case .time(let t): one("time") { $0 += String(t.secondsSince1970) }
        case .role(let r): one("role") { string(r.rawValue, into: &$0) }
        case .code(let kind, let value):
            one("code") { o in
                o += "["
                string(kind, into: &o)
                o += ","
                string(value, into: &o)
                o += "]"
            }
        case .list(let items), .lines(let items):
            let kind: String
            if case .list = a { kind = "list" } else { kind = "lines" }
            one(kind) { o in
                o += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { o += "," }
                    write(item, into: &o)
                }
                o += "]"
            }
        case .message(let m): one("message") { write(m, into: &$0) }
        }
    }

    /// A JSON string as JSONSerialization writes one: `"` and `\` escaped, `/` as `\/`, the named
    /// control escapes, other control characters as `\u00xx`, everything else as it is.
    static func string(_ s: String, into out: inout String) {
        out += "\""
        // Nearly every text needs no escape: JSON's are all ASCII, and no byte of a longer UTF-8 sequence is.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
            out += s
            out += "\""
            return
        }
        var plain = s.unicodeScalars.startIndex
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let escape: String?
            switch c {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "/": escape = "\\/"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{08}": escape = "\\b"
            case "\u{0C}": escape = "\\f"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plain..<i])
                out += escape
                plain = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plain..<scalars.endIndex])
        out += "\""
    }

    public static func decode(_ text: String) -> Message? {
        // The bytes copied by address: `Data(text.utf8)` asks at run time whether the view is
        // `ContiguousBytes`, a search of the binary's 9,000 conformances at the first event a process shows.
        var text = text
        let data = text.withUTF8 { bytes in bytes.baseAddress.map { Data(bytes: $0, count: bytes.count) } ?? Data() }
        guard let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        return message(object)
    }

    static func message(_ object: Any) -> Message? {
        guard let o = object as? [String: Any], let code = o["code"] as? String, let args = o["arguments"] as? [String: Any] else { return nil }
        var arguments: [String: MessageArgument] = [:]
        for (key, value) in args {
            guard let a = argument(value) else { return nil }
            arguments[key] = a
        }
        return Message(MessageCode(code), arguments)
    }

    /// A whole number as JSONSerialization reads it: an `NSNumber`, or for some numbers of 19 digits an
    /// `NSDecimalNumber`, which holds them exactly but which `as? Int` refuses.
    static func integer(_ value: Any) -> Int64? {
        if let n = value as? Int64 { return n }
        guard let d = value as? NSDecimalNumber else { return nil }
        let n = d.int64Value
        return d.compare(NSDecimalNumber(value: n)) == .orderedSame ? n : nil
    }

    static func argument(_ object: Any) -> MessageArgument? {
        guard let o = object as? [String: Any], o.count == 1, let (kind, value) = o.first else { return nil }
        switch kind {
        case "text": return (value as? String).map(MessageArgument.text)
        case "int": return integer(value).flatMap { Int(exactly: $0) }.map(MessageArgument.int)
        case "fen": return integer(value).map { .money(Money(fen: $0)) }
        case "date": return (value as? String).flatMap(CalendarDate.init(parsing:)).map(MessageArgument.date)
        case "time": return integer(value).map { .time(Timestamp(secondsSince1970: $0)) }
        case "role": return (value as? String).flatMap(StaffRole.init(rawValue:)).map(MessageArgument.role)
        case "code":
            guard let pair = value as? [String], pair.count == 2 else { return nil }
            return .code(pair[0], pair[1])
        case "list", "lines":
            guard let items = value as? [Any] else { return nil }
            let parsed = items.compactMap(argument)
            guard parsed.count == items.count else { return nil }
            return kind == "list" ? .list(parsed) : .lines(parsed)
        case "message": return message(value).map(MessageArgument.message)
        default: return nil
        }
    }
}
