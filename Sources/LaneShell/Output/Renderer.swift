import LaneCore

/// How output is written: tables for people, JSON and CSV for programs.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

/// Turns a command's output into text in the chosen format.
public struct Renderer: Sendable {
    public var format: OutputFormat
    public var offset: UTCOffset
    /// ANSI styling; only on a terminal and never under NO_COLOR.
    public var color: Bool

    public init(format: OutputFormat, offset: UTCOffset, color: Bool) {
        self.format = format
        self.offset = offset
        self.color = color
    }

    /// The text to print, without a final newline; empty for nothing.
    public func render(_ output: CommandOutput) -> String {
        switch format {
        case .table: return renderHuman(output)
        case .json: return JSONText.render(output, offset: offset)
        case .csv: return renderCSV(output)
        }
    }

    // MARK: Tables for people

    private func renderHuman(_ output: CommandOutput) -> String {
        switch output {
        case .nothing: return ""
        case .message(let text, let record):
            let said = TerminalSafe.escape(text, keepingLineBreaks: true)
            return record.map { said + "\n\n" + renderRecord($0) } ?? said
        case .text(let text): return TerminalSafe.escape(text, keepingLineBreaks: true)
        case .table(let table): return renderTable(table)
        case .record(let record): return renderRecord(record)
        }
    }

    func cellText(_ value: Value) -> String {
        switch value {
        case .text(let s): return TerminalSafe.escape(s.replacingLineBreaks())
        case .int(let n): return String(n)
        case .money(let m): return m.description
        case .date(let d): return d.description
        case .time(let t): return t.display(in: offset)
        case .bool(let b): return MessageCatalog.current.render(Message(b ? "word.yes" : "word.no"))
        case .hours(let h): return h.description
        case .none: return "-"
        }
    }

    private func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .int, .money: return true
        default: return false
        }
    }

    /// Columns padded by display width, so 王小明 (6 columns) lines up with Li Lei.
    public func renderTable(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return table.emptyText }
        let cells = table.rows.map { $0.map(cellText) }
        let titles = table.columns.map { MessageCatalog.current.columnTitle(key: $0.key, $0.title) }
        var widths = titles.map { DisplayWidth.of($0) }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        let rightAligned = table.columns.indices.map { i in table.rows.contains { i < $0.count && isNumeric($0[i]) } }
        func line(_ parts: [String]) -> String {
            parts.enumerated().map { i, text in
                i == parts.count - 1 && !rightAligned[i] ? text : DisplayWidth.pad(text, to: widths[i], alignRight: rightAligned[i])
            }.joined(separator: "  ")
        }
        var out = [style(line(titles), bold: true)]
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in cells { out.append(line(row)) }
        return out.joined(separator: "\n")
    }

    private func renderRecord(_ record: Record) -> String {
        func title(_ field: Record.Field) -> String { MessageCatalog.current.columnTitle(key: field.key, field.title) }
        let width = record.fields.map { DisplayWidth.of(title($0)) }.max() ?? 0
        var out = record.fields.map { field in
            style(DisplayWidth.pad(title(field), to: width), bold: true) + "  " + cellText(field.value)
        }
        for section in record.sections {
            out.append("")
            out.append(style(MessageCatalog.current.columnTitle(key: section.key, section.title), bold: true))
            out.append(renderTable(section.table))
        }
        return out.joined(separator: "\n")
    }

    private func style(_ text: String, bold: Bool) -> String {
        color && bold ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }

    // MARK: CSV for spreadsheets

    private func csvText(_ value: Value) -> String {
        switch value {
        case .money(let m): return m.plainYuan
        case .time(let t): return t.iso8601(in: offset)
        case .none: return ""
        case .bool(let b): return b ? "true" : "false"
        default: return cellText(value)
        }
    }

    /// CSV is for spreadsheets and carries money in yuan (`1280.50`), so a
    /// `price_fen` key is headed `price_yuan` there; JSON keeps integer fen.
    static func csvKey(_ key: String) -> String {
        key.hasSuffix("_fen") ? String(key.dropLast(4)) + "_yuan" : key
    }

    private func csvTable(_ table: Table) -> String {
        ([CSV.encodeRow(table.columns.map { Self.csvKey($0.key) })] + table.rows.map { CSV.encodeRow($0.map(csvText)) }).joined(separator: "\n")
    }

    private func renderCSV(_ output: CommandOutput) -> String {
        switch output {
        case .nothing: return ""
        case .message(let text, let record):
            return record.map(csvRecord) ?? CSV.encodeRow(["message"]) + "\n" + CSV.encodeRow([TerminalSafe.escape(text, keepingLineBreaks: true)])
        case .text(let text): return TerminalSafe.escape(text, keepingLineBreaks: true)
        case .table(let table): return csvTable(table)
        case .record(let record): return csvRecord(record)
        }
    }

    /// A record is one CSV row under its field keys; its sections follow as their own blocks.
    private func csvRecord(_ record: Record) -> String {
        var blocks = [CSV.encodeRow(record.fields.map { Self.csvKey($0.key) }) + "\n" + CSV.encodeRow(record.fields.map { csvText($0.value) })]
        for section in record.sections { blocks.append(csvTable(section.table)) }
        return blocks.joined(separator: "\n\n")
    }
}

extension String {
    func replacingLineBreaks() -> String {
        contains(where: { $0 == "\n" || $0 == "\r" }) ? String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }) : self
    }
}
