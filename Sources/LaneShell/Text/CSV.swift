/// One record of a CSV file.
public struct CSVRow: Equatable, Sendable {
    public var line: Int  // 1-based physical line where the record starts (the header is usually line 1)
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

public struct CSVTable: Equatable, Sendable {
    public var header: [String]  // trimmed of surrounding white space
    /// Records after the header. Blank lines, and rows whose fields are all
    /// blank (spreadsheets export `,,,` for formatted but empty rows), are skipped.
    public var rows: [CSVRow]

    public init(header: [String], rows: [CSVRow]) {
        self.header = header
        self.rows = rows
    }

    /// Index of a header column, case-insensitive.
    public func column(_ name: String) -> Int? {
        let wanted = CSV.trim(name).lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }
}

public struct CSVError: Error, Equatable, Sendable {
    public var line: Int
    /// Complete sentence for the user, already starting with "line N: " when it is about a line.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// RFC 4180 CSV as spreadsheets export it.
public enum CSV {
    /// Accepts a UTF-8 BOM at the start (Excel), CRLF, LF or CR line endings,
    /// quoted fields with "" escapes, commas and line breaks inside quotes, and
    /// spaces around a quoted field. Throws CSVError with the line of an
    /// unterminated quote, of text after a closing quote, or of a row whose
    /// field count differs from the header
    /// ("line 7: expected 4 fields (code,name,phone,address), found 5").
    /// An empty text throws ("the file is empty, a header row is expected").
    public static func parse(_ text: String) throws(CSVError) -> CSVTable {
        var reader = Reader(text)
        var header: [String]?
        var rows: [CSVRow] = []

        while let record = try reader.nextRecord() {
            if record.isBlank { continue }
            guard let header else {
                header = record.fields.map(trim)
                continue
            }
            guard record.fields.count == header.count else {
                throw CSVError(
                    line: record.line,
                    message: "line \(record.line): expected \(header.count) fields (\(header.joined(separator: ","))), found \(record.fields.count)"
                )
            }
            rows.append(CSVRow(line: record.line, fields: record.fields))
        }

        guard let header else {
            throw CSVError(line: 1, message: "the file is empty, a header row is expected")
        }
        return CSVTable(header: header, rows: rows)
    }

    /// One record, fields quoted only when they contain a comma, a quote, CR or
    /// LF (or start/end with a space or tab); no line ending appended.
    public static func encodeRow(_ fields: [String]) -> String {
        fields.map(encodeField).joined(separator: ",")
    }

    static func encodeField(_ field: String) -> String {
        // Scalars, because "\r\n" is a single Character and would hide the "\n".
        let scalars = field.unicodeScalars
        let needsQuotes = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || scalars.first.map(isBlank) == true
            || scalars.last.map(isBlank) == true
        guard needsQuotes else { return field }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    static func trim(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    // MARK: - Reader

    struct Record {
        var line: Int
        var fields: [String]
        var anyQuoted: Bool

        var isBlank: Bool { !anyQuoted && fields.allSatisfy { CSV.trim($0).isEmpty } }
    }

    /// Walks Unicode scalars: "\r\n" is one Character, but CR and LF must be
    /// seen separately to count lines and split records.
    struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            if scalars.first == "\u{FEFF}" { index = 1 }  // Excel's UTF-8 BOM
        }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        /// Consumes a line ending (CRLF, LF or lone CR) if one is next.
        mutating func skipLineEnding() -> Bool {
            guard let c = current, c == "\r" || c == "\n" else { return false }
            index += 1
            if c == "\r", current == "\n" { index += 1 }
            line += 1
            return true
        }

        mutating func nextRecord() throws(CSVError) -> Record? {
            guard !atEnd else { return nil }
            var record = Record(line: line, fields: [], anyQuoted: false)
            while true {
                let (field, quoted) = try nextField(fieldNumber: record.fields.count + 1)
                record.fields.append(field)
                record.anyQuoted = record.anyQuoted || quoted
                if current == "," {
                    index += 1
                    continue
                }
                _ = skipLineEnding()
                return record
            }
        }

        /// Reads one field and stops before the comma, line ending or end of text.
        mutating func nextField(fieldNumber: Int) throws(CSVError) -> (String, Bool) {
            // Look past leading blanks: hand-edited files often have `a, "b"`.
            var lookahead = index
            while lookahead < scalars.count, CSV.isBlank(scalars[lookahead]) { lookahead += 1 }
            guard lookahead < scalars.count, scalars[lookahead] == "\"" else {
                var field = String.UnicodeScalarView()
                while let c = current, c != ",", c != "\r", c != "\n" {
                    field.append(c)
                    index += 1
                }
                return (String(field), false)
            }

            let openedOn = line
            index = lookahead + 1
            var field = String.UnicodeScalarView()
            while true {
                guard let c = current else {
                    throw CSVError(
                        line: openedOn,
                        message: "line \(openedOn): field \(fieldNumber) opens a quote (\") that is never closed"
                    )
                }
                if c == "\"" {
                    index += 1
                    if current == "\"" {  // "" is an escaped quote
                        field.append("\"")
                        index += 1
                        continue
                    }
                    break
                }
                // Line breaks inside quotes are data, kept as written, but still count as lines.
                if c == "\r" || c == "\n" {
                    let start = index
                    _ = skipLineEnding()
                    field.append(contentsOf: scalars[start..<index])
                    continue
                }
                field.append(c)
                index += 1
            }

            while let c = current, CSV.isBlank(c) { index += 1 }
            if let c = current, c != ",", c != "\r", c != "\n" {
                throw CSVError(
                    line: line,
                    message: "line \(line): field \(fieldNumber) has text after its closing quote; write a quote inside a quoted field as \"\""
                )
            }
            return (String(field), true)
        }
    }
}
