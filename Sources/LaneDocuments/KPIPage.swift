import Foundation
import LaneCore

/// `report kpi --html/--pdf`: the report as a page for the wall or the
/// dealer group, laid out by the `kpi-report.mustache` template (a store's
/// template folder may replace it) with its charts drawn here as SVG: a
/// line per figure over the period and bars for the splits. (Drawn by hand:
/// the charts are a few polylines and rectangles, and no SVG library is on
/// the package list.)
public enum KPIPage {
    /// The whole page. Words come from the message catalog of the caller's language.
    public static func html(_ report: KPIReport, title: String, templates: DocumentTemplates) throws -> String {
        var sections: [[String: Any]] = []
        var current: KPISection?
        for line in report.lines {
            let id = line.figure.id
            if id.section != current {
                current = id.section
                sections.append(["title": id.section.title, "lines": [[String: Any]]()])
            }
            var lines = sections[sections.count - 1]["lines"] as? [[String: Any]] ?? []
            lines.append(["name": id.title.trimmingWhitespace(), "indent": id.title.hasPrefix(" "),
                          "value": text(line.figure.value, id.unit), "target": target(line), "off": line.offTarget,
                          "chart": sparkline(line.series)])
            sections[sections.count - 1]["lines"] = lines
        }
        // A plugin's section after the core's (the template escapes its words; the sparkline is drawn here).
        for c in report.contributions {
            let lines: [[String: Any]] = c.failure.map { [["name": $0, "indent": false, "value": "", "target": "", "off": false, "chart": ""]] }
                ?? c.figures.map { f in
                    ["name": f.title.trimmingWhitespace(), "indent": false, "value": text(f.value, f.unit), "target": f.targetText,
                     "off": f.offTarget, "chart": sparkline(f.series)]
                }
            sections.append(["title": c.title, "lines": lines])
        }
        var context: [String: Any] = ["title": title, "sections": sections, "lang": MessageCatalog.current.isChinese ? "zh" : "en"]
        if let grouping = report.grouping, !report.groups.isEmpty {
            let id: KPIID = grouping == .technician ? .hoursClocked : .revenuePerOrder
            context["groups_title"] = Message(MessageCode("report.by." + grouping.rawValue)).description + " · " + id.title
            context["groups_chart"] = bars(report.groups.map { g in
                (g.name, g.figure(id)?.value ?? 0, text(g.figure(id)?.value, id.unit))
            })
        }
        if !report.declineReasons.isEmpty {
            context["reasons_title"] = Message("report.decline_reasons").description
            context["reasons_chart"] = bars(report.declineReasons.prefix(8).map { ($0.reason, Int64($0.count), String($0.count)) })
        }
        guard templates.library.getTemplate(named: "kpi-report") != nil,
              let html = templates.library.render(context, withTemplate: "kpi-report") else {
            throw Refusal(Message("document.cannot_print_now"), problems: [
                Problem("templates", Message("document.no_template", ["name": .text("kpi-report.mustache")]))])
        }
        return html
    }

    static func text(_ value: Int64?, _ unit: KPIUnit) -> String { KPIText.value(value, unit) }
    static func target(_ line: KPILine) -> String { KPIText.target(line) }

    /// A 160 × 28 line of the values, scaled from the smallest to the largest; slices with nothing counted are skipped.
    static func sparkline(_ values: [Int64?]) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max(), values.count > 1 else { return "" }
        let w = 160.0, h = 28.0
        let points = values.enumerated().compactMap { i, v -> String? in
            guard let v else { return nil }
            let x = w * Double(i) / Double(values.count - 1)
            let y = high == low ? h / 2 : h - 2 - (h - 4) * Double(v - low) / Double(high - low)
            return String(format: "%.1f,%.1f", x, y)
        }
        return #"<svg class="spark" viewBox="0 0 160 28" width="160" height="28" xmlns="http://www.w3.org/2000/svg">"#
            + #"<polyline fill="none" stroke="rgb(21,101,192)" stroke-width="1.5" points=""# + points.joined(separator: " ") + #""/></svg>"#
    }

    /// Horizontal bars, one row of 22 units per name, scaled to the largest value.
    static func bars(_ rows: [(String, Int64, String)]) -> String {
        let largest = max(1, rows.map(\.1).max() ?? 1)
        let rowHeight = 22, width = 520, labelWidth = 120, valueWidth = 90
        var svg = #"<svg class="bars" viewBox="0 0 \#(width) \#(rows.count * rowHeight)" width="\#(width)" height="\#(rows.count * rowHeight)" xmlns="http://www.w3.org/2000/svg">"#
        for (i, row) in rows.enumerated() {
            let y = i * rowHeight
            let length = Int(Int64(width - labelWidth - valueWidth) * max(0, row.1) / largest)
            svg += #"<text x="0" y="\#(y + 15)" font-size="12">\#(escape(row.0))</text>"#
            svg += #"<rect x="\#(labelWidth)" y="\#(y + 4)" width="\#(length)" height="14" fill="rgb(21,101,192)"/>"#
            svg += #"<text x="\#(labelWidth + length + 6)" y="\#(y + 15)" font-size="12">\#(escape(row.2))</text>"#
        }
        return svg + "</svg>"
    }

    /// Text inside the SVG, which the template inserts unescaped.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
