import LaneCore

/// JSON output: one document per command, stable keys, money as integer fen,
/// times as ISO 8601 with the store's offset. Written by hand so that key
/// order is the column order and nothing passes through floating point.
public enum JSONText {
    public static func render(_ output: CommandOutput, offset: UTCOffset) -> String {
        switch output {
        case .nothing: return "{}"
        case .message(let text, let record):
            var members = ["\"message\": " + string(text)]
            if let record { members.append("\"record\": " + object(record, offset: offset)) }
            return "{" + members.joined(separator: ", ") + "}"
        case .text(let text): return "{\"text\": " + string(text) + "}"
        case .table(let table): return array(table, offset: offset)
        case .record(let record): return object(record, offset: offset)
        }
    }

    static func value(_ v: Value, offset: UTCOffset) -> String {
        switch v {
        case .text(let s): return string(s)
        case .int(let n): return String(n)
        case .money(let m): return String(m.fen)
        case .date(let d): return string(d.description)
        case .time(let t): return string(t.iso8601(in: offset))
        case .bool(let b): return b ? "true" : "false"
        // `1.25`: LaborHours prints a valid JSON number, exactly.
        case .hours(let h): return h.description
        case .none: return "null"
        }
    }

    static func array(_ table: Table, offset: UTCOffset) -> String {
        let rows = table.rows.map { row in
            "{" + zip(table.columns, row).map { string($0.key) + ": " + value($1, offset: offset) }.joined(separator: ", ") + "}"
        }
        return "[" + rows.joined(separator: ",\n ") + "]"
    }

    static func object(_ record: Record, offset: UTCOffset) -> String {
        var members = record.fields.map { string($0.key) + ": " + value($0.value, offset: offset) }
        members += record.sections.map { string($0.key) + ": " + array($0.table, offset: offset) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
