import LaneCore

/// How output is written: tables for people, JSON and CSV for programs.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

/// Wide rows shown one field per line (psql's `\x`): always, never, or
/// when the table cannot be fitted to the terminal's width.
public enum ExpandedMode: String, CaseIterable, Sendable {
    case on, off, auto
}

/// Turns a command's output into text in the chosen format.
public struct Renderer: Sendable {
    public var format: OutputFormat
    public var offset: UTCOffset
    /// ANSI styling; only on a terminal and never under NO_COLOR.
    public var color: Bool
    /// The terminal's width: tables, records and help are fitted to it. Nil
    /// (pipes, files, scripts' captured output): nothing is wrapped.
    public var width: Int?
    public var expanded: ExpandedMode

    public init(format: OutputFormat, offset: UTCOffset, color: Bool, width: Int? = nil, expanded: ExpandedMode = .auto) {
        self.format = format
        self.offset = offset
        self.color = color
        self.width = width
        self.expanded = expanded
    }

    private func wrapped(_ text: String) -> String {
        guard let width else { return text }
        return TextWrap.paragraphs(text, width: width)
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
            let said = wrapped(TerminalSafe.escape(text, keepingLineBreaks: true))
            return record.map { said + "\n\n" + renderRecord($0) } ?? said
        case .text(let text): return wrapped(TerminalSafe.escape(text, keepingLineBreaks: true))
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

    /// A cell of a worded column: each code's word in the reader's language;
    /// a cell listing several codes (`service_advisor, cashier`) words each.
    func cellText(_ value: Value, words kind: String?) -> String {
        guard let kind, case .text(let code) = value, !code.isEmpty else { return cellText(value) }
        let catalog = MessageCatalog.current
        // One code, as nearly every cell holds: worded without splitting and joining.
        guard code.utf8.contains(UInt8(ascii: ",")) else {
            return TerminalSafe.escape(catalog.codeWord(kind, code.trimmingWhitespace()).replacingLineBreaks())
        }
        let codes = code.split(separator: ",").map { String($0).trimmingWhitespace() }
        let worded = codes.map { catalog.codeWord(kind, $0) }
        return TerminalSafe.escape(worded.joined(separator: catalog.isChinese ? "、" : ", ").replacingLineBreaks())
    }

    private func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .int, .money: return true
        default: return false
        }
    }

    /// Cells that may be wrapped over several lines: text. Numbers, money,
    /// dates and times are never split.
    private func isWrappable(_ value: Value) -> Bool {
        switch value {
        case .text, .none: return true
        default: return false
        }
    }

    /// Columns padded by display width, so 王小明 (6 columns) lines up with
    /// Li Lei; fitted to the terminal's width when there is one (text columns
    /// shrink and wrap, the widest first), else shown one row per block
    /// (`set expanded`). A cut list says so under it.
    public func renderTable(_ whole: Table) -> String {
        let table = whole.forPeople
        guard !table.rows.isEmpty else { return wrapped(table.emptyText) }
        var text: String
        if expanded == .on {
            text = expandedTable(table)
        } else if let fitted = fittedTable(table, allowOverflow: expanded == .off) {
            text = fitted
        } else {
            text = expandedTable(table)
        }
        if let footnote = table.footnote { text += "\n" + wrapped(footnote) }
        return text
    }

    private func fittedTable(_ table: Table, allowOverflow: Bool) -> String? {
        let count = table.columns.count
        // A worded column repeats a few codes (statuses, kinds): each code worded once per column.
        var worded = [[String: String]](repeating: [:], count: count)
        let cells = table.rows.map { row in
            row.enumerated().map { i, v in
                guard i < count, let kind = table.columns[i].words else { return cellText(v) }
                guard case .text(let code) = v else { return cellText(v, words: kind) }
                if let known = worded[i][code] { return known }
                let text = cellText(v, words: kind)
                worded[i][code] = text
                return text
            }
        }
        let titles = table.columns.map { MessageCatalog.current.columnTitle(key: $0.key, $0.title) }
        let titleWidths = titles.map { DisplayWidth.of($0) }
        // Each cell measured once: wrapping and padding below reuse it.
        let cellWidths = cells.map { row in row.map { DisplayWidth.of($0) } }
        var widths = titleWidths
        for row in cellWidths {
            for (i, w) in row.enumerated() where i < count {
                widths[i] = max(widths[i], w)
            }
        }
        let rightAligned = table.columns.indices.map { i in table.rows.contains { i < $0.count && isNumeric($0[i]) } }
        let wrappable = table.columns.indices.map { i in table.rows.allSatisfy { i >= $0.count || isWrappable($0[i]) } }
        if let width {
            var minimum = widths
            for i in 0..<count where wrappable[i] {
                let numbers = cells.map { i < $0.count ? TextWrap.widestNumber($0[i]) : 0 }.max() ?? 0
                minimum[i] = max(numbers, min(widths[i], 8))
            }
            var excess = widths.reduce(0, +) + 2 * max(0, count - 1) - width
            while excess > 0 {
                guard let i = (0..<count).filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
                excess -= 1
            }
            if excess > 0 && !allowOverflow { return nil }
        }
        func block(_ parts: [String], _ partWidths: [Int]) -> [String] {
            // A cell that fits its column is one line of known width; only a wider one is wrapped and measured again.
            // Nearly every row has none: then no list of lines is made for each cell.
            var wrapped: [[String]?] = []
            var height = 1
            if parts.indices.contains(where: { $0 < count && partWidths[$0] > widths[$0] }) {
                wrapped = parts.indices.map { i in i < count && partWidths[i] > widths[i] ? TextWrap.lines(parts[i], width: widths[i]) : nil }
                height = wrapped.map { $0?.count ?? 1 }.max() ?? 1
            }
            // Each line's bytes gathered, then made a String once: padded cells joined, or a String appended to
            // cell by cell, cost more than the cells' text (an append of a String is 400 instructions).
            let space = UInt8(ascii: " ")
            return (0..<height).map { row in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(256)
                for i in parts.indices {
                    if i > 0 { bytes.append(space); bytes.append(space) }
                    let text: String, known: Int?
                    if !wrapped.isEmpty, let lines = wrapped[i] {
                        (text, known) = row < lines.count ? (lines[row], nil) : ("", 0)
                    } else {
                        (text, known) = row == 0 ? (parts[i], partWidths[i]) : ("", 0)
                    }
                    if i == parts.count - 1 && !rightAligned[i] {
                        bytes.append(contentsOf: text.utf8)
                        continue
                    }
                    let missing = max(0, widths[i] - (known ?? DisplayWidth.of(text)))
                    if rightAligned[i] { bytes.append(contentsOf: repeatElement(space, count: missing)) }
                    bytes.append(contentsOf: text.utf8)
                    if !rightAligned[i] { bytes.append(contentsOf: repeatElement(space, count: missing)) }
                }
                return String(decoding: bytes, as: UTF8.self).droppingTrailingSpaces(if: width != nil)
            }
        }
        var out = block(titles, titleWidths).map { style($0, bold: true) }
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for (row, rowWidths) in zip(cells, cellWidths) { out += block(row, rowWidths) }
        return out.joined(separator: "\n")
    }

    /// One block per row, a field per line (psql's expanded display).
    private func expandedTable(_ table: Table) -> String {
        let titles = table.columns.map { MessageCatalog.current.columnTitle(key: $0.key, $0.title) }
        let titleWidth = titles.map { DisplayWidth.of($0) }.max() ?? 0
        let valueWidth = width.map { max(10, $0 - titleWidth - 2) }
        var out: [String] = []
        for (n, row) in table.rows.enumerated() {
            let head = "-[ \(n + 1) ]"
            out.append(head + String(repeating: "-", count: max(0, min(width ?? 40, 40) - DisplayWidth.of(head))))
            for i in table.columns.indices where i < row.count {
                let text = cellText(row[i], words: table.columns[i].words)
                let lines = valueWidth.map { TextWrap.lines(text, width: $0) } ?? [text]
                for (k, line) in lines.enumerated() {
                    let title = k == 0 ? DisplayWidth.pad(titles[i], to: titleWidth) : String(repeating: " ", count: titleWidth)
                    out.append(style(title, bold: k == 0) + "  " + line)
                }
            }
        }
        return out.joined(separator: "\n")
    }

    private func renderRecord(_ record: Record) -> String {
        let fields = record.fields.filter { !$0.forMachines }
        // Each title worded and measured once (the widest sets the column; each is padded to it).
        let catalog = MessageCatalog.current
        let titles = fields.map { catalog.columnTitle(key: $0.key, $0.title) }
        let titleWidths = titles.map { DisplayWidth.of($0) }
        let width = titleWidths.max() ?? 0
        let valueWidth = self.width.map { max(10, $0 - width - 2) }
        var out: [String] = []
        for (n, field) in fields.enumerated() {
            let text = cellText(field.value, words: field.words)
            let lines = valueWidth.map { TextWrap.lines(text, width: $0) } ?? [text]
            for (k, line) in lines.enumerated() {
                let title = k == 0 ? style(DisplayWidth.pad(titles[n], measured: titleWidths[n], to: width), bold: true)
                    : String(repeating: " ", count: width)
                out.append(title + "  " + line)
            }
        }
        for section in record.sections where !section.forMachines {
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
    /// Without trailing spaces (a padded last column leaves none on screen).
    func droppingTrailingSpaces(if wanted: Bool) -> String {
        guard wanted, last == " " else { return self }
        return String(reversed().drop { $0 == " " }.reversed())
    }

    func replacingLineBreaks() -> String {
        // Looked for in the bytes (a line break is always a character of its own): walking every cell by Character was slow,
        // and so was `utf8.contains(where:)` (a closure called for each byte).
        let breaks = utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) || $0.contains(0x0D) } ?? utf8.contains { $0 == 0x0A || $0 == 0x0D }
        return breaks ? String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }) : self
    }
}
