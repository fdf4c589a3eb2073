import LaneCore

/// `report kpi` for people at a terminal: each figure on one line with its
/// value, its target and a sparkline of its shape over the period; bars for
/// the splits. Drawn in Unicode blocks by display width (CJK titles are two
/// columns a character) and fitted to the terminal's width. No colour is
/// used: off-target figures carry a mark, so NO_COLOR and pipes lose nothing.
/// (Written here: no terminal-chart library is on the package list, and the
/// drawing is a few lines over the shell's own display-width helpers.)
public struct KPIChart {
    public var width: Int

    public init(width: Int?) { self.width = max(40, width ?? 100) }

    static let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// One block per value, scaled from the smallest to the largest; a gap for "nothing counted".
    public static func sparkline(_ values: [Int64?]) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { v -> Character in
            guard let v else { return " " }
            guard high > low else { return ticks[high == 0 ? 0 : 3] }
            return ticks[Int((v - low) * 7 / (high - low))]
        })
    }

    /// A bar `value / largest` of `cells` columns, to the eighth of a column.
    public static func bar(_ value: Int64, of largest: Int64, cells: Int) -> String {
        guard largest > 0, value > 0, cells > 0 else { return "" }
        let eighthsLong = Int(min(value, largest) * Int64(cells) * 8 / largest)
        return String(repeating: "█", count: eighthsLong / 8) + eighths[eighthsLong % 8]
    }

    static func text(_ value: Int64?, _ unit: KPIUnit) -> String { KPIText.value(value, unit) }
    static func target(_ line: KPILine) -> String { KPIText.target(line) }

    /// One line of the chart: the core's figure or a plugin's, as drawn.
    struct Row {
        var section: String
        var name: String
        var value: String
        var off: Bool
        var target: String
        var series: [Int64?]
    }

    static func rows(_ report: KPIReport) -> [Row] {
        report.lines.map { line in
            let id = line.figure.id
            return Row(section: id.section.title, name: id.title, value: text(line.figure.value, id.unit), off: line.offTarget,
                       target: target(line), series: line.series)
        } + report.contributions.flatMap { c -> [Row] in
            // A plugin's words are shown as text, never as terminal codes.
            guard c.failure == nil else { return [Row(section: TerminalSafe.escape(c.title), name: TerminalSafe.escape(c.failure ?? ""),
                                                      value: "", off: false, target: "", series: [])] }
            return c.figures.map { f in
                Row(section: TerminalSafe.escape(c.title), name: TerminalSafe.escape(f.title.replacingLineBreaks()), value: text(f.value, f.unit),
                    off: f.offTarget, target: f.targetText, series: f.series)
            }
        }
    }

    public func render(_ report: KPIReport, title: String) -> String {
        var out: [String] = [title]
        let rows = Self.rows(report)
        let nameWidth = max(12, rows.filter { !$0.value.isEmpty }.map { DisplayWidth.of($0.name) }.max() ?? 12)
        let valueWidth = max(8, rows.map { DisplayWidth.of($0.value) }.max() ?? 8)
        let targetWidth = rows.map { DisplayWidth.of($0.target) }.max() ?? 0
        // name, value, mark, target, then the sparkline in what is left (its most recent slices when it must be cut).
        let fixed = 2 + nameWidth + 2 + valueWidth + 2 + (targetWidth > 0 ? targetWidth + 2 : 0)
        let sparkCells = max(0, min(report.slices.count, width - fixed))
        var section: String?
        for line in rows {
            if line.section != section {
                section = line.section
                out.append("")
                out.append(line.section)
            }
            guard !line.value.isEmpty else {
                out.append("  " + line.name)
                continue
            }
            var row = "  " + DisplayWidth.pad(DisplayWidth.truncate(line.name, to: nameWidth), to: nameWidth) + "  "
                + DisplayWidth.pad(line.value, to: valueWidth, alignRight: true)
                + (line.off ? " ▼" : "  ")
            if targetWidth > 0 { row += DisplayWidth.pad(line.target, to: targetWidth) + "  " }
            if sparkCells > 0 { row += Self.sparkline(Array(line.series.suffix(sparkCells))) }
            out.append(row.droppingTrailingSpaces(if: true))
        }
        if let kinds = bars(report) { out += ["", kinds] }
        if !report.declineReasons.isEmpty {
            out += ["", Message("report.decline_reasons").description]
            out.append(barChart(report.declineReasons.prefix(8).map { ($0.reason, Int64($0.count), String($0.count)) }))
        }
        if let grouping = report.grouping, !report.groups.isEmpty {
            out += ["", Message(MessageCode("report.by." + grouping.rawValue)).description]
            let id: KPIID = grouping == .technician ? .hoursClocked : .revenuePerOrder
            out.append(groupTable(report, shown: grouping == .technician
                                  ? [.hoursSold, .hoursClocked, .laborEfficiency, .productivity]
                                  : [.ordersDelivered, .revenuePerOrder, .laborEfficiency, .onTimeDelivery, .comebackRate]))
            out += ["", id.title]
            out.append(barChart(report.groups.map { g in
                let f = g.figure(id)
                return (g.name, f?.value ?? 0, Self.text(f?.value, id.unit))
            }))
        }
        if report.line(.ordersOpened)?.series.count ?? 0 > sparkCells, sparkCells > 0 {
            out += ["", Message("report.sparkline_cut", ["shown": .int(sparkCells)]).description]
        }
        return out.joined(separator: "\n")
    }

    /// Orders delivered by kind of visit.
    func bars(_ report: KPIReport) -> String? {
        let kinds: [KPIID] = [.deliveredFirstService, .deliveredRegularService, .deliveredRepair]
        let rows = kinds.compactMap { id in report.line(id).map { (id.title.trimmingWhitespace(), $0.figure.value ?? 0, String($0.figure.value ?? 0)) } }
        guard rows.contains(where: { $0.1 > 0 }) else { return nil }
        return Message("report.by_kind_of_visit").description + "\n" + barChart(rows)
    }

    /// name  ███████▌  value, the bars scaled to the largest and to the width left.
    func barChart(_ rows: [(String, Int64, String)]) -> String {
        let names = rows.map { DisplayWidth.truncate(TerminalSafe.escape($0.0.replacingLineBreaks()), to: 24) }
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        let valueWidth = rows.map { DisplayWidth.of($0.2) }.max() ?? 0
        let cells = max(4, width - 2 - nameWidth - 2 - valueWidth - 2)
        let largest = rows.map(\.1).max() ?? 0
        return zip(names, rows).map { name, row in
            ("  " + DisplayWidth.pad(name, to: nameWidth) + "  " + DisplayWidth.pad(row.2, to: valueWidth, alignRight: true) + "  "
                + Self.bar(row.1, of: largest, cells: cells)).droppingTrailingSpaces(if: true)
        }.joined(separator: "\n")
    }

    /// A compact table of a few figures per advisor, team or technician.
    func groupTable(_ report: KPIReport, shown: [KPIID]) -> String {
        let header = [""] + shown.map(\.title)
        let rows = report.groups.map { g in
            [TerminalSafe.escape(g.name)] + shown.map { id in Self.text(g.figure(id)?.value, id.unit) }
        }
        var widths = header.map { DisplayWidth.of($0.trimmingWhitespace()) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        // Too wide: the figures' titles are cut, never the numbers.
        while widths.reduce(2, +) + 2 * (widths.count - 1) > width,
              let i = widths.indices.dropFirst().max(by: { widths[$0] < widths[$1] }),
              widths[i] > rows.map({ DisplayWidth.of($0[i]) }).max() ?? 0 {
            widths[i] -= 1
        }
        func line(_ cells: [String]) -> String {
            ("  " + cells.enumerated().map { i, c in
                DisplayWidth.pad(DisplayWidth.truncate(c.trimmingWhitespace(), to: widths[i]), to: widths[i], alignRight: i > 0)
            }.joined(separator: "  ")).droppingTrailingSpaces(if: true)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
