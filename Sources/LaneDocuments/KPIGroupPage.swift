import Foundation
import LaneCore
import ServiceDepartment

/// `report kpi --stores … --html/--pdf`: the group's figures as a page, a
/// column per store and the group's total, laid out by `kpi-group-report.mustache`
/// (a store's template folder may replace it); with `--by`, a bar chart of each
/// store's split (drawn as `KPIPage` draws one store's).
extension KPIPage {
    public static func html(_ report: GroupKPIReport, title: String, templates: DocumentTemplates) throws -> String {
        let stores = report.stores
        var sections: [[String: Any]] = []
        var current: KPISection?
        for id in stores.first?.report.lines.map(\.figure.id) ?? [] {
            if id.section != current {
                current = id.section
                sections.append(["title": id.section.title, "lines": [[String: Any]]()])
            }
            let values = stores.map { store -> [String: Any] in
                ["value": text(store.report.line(id)?.figure.value, id.unit), "off": store.report.line(id)?.offTarget ?? false]
            }
            let total = report.total.first { $0.id == id }.map { text($0.value, id.unit) } ?? "–"
            var lines = sections[sections.count - 1]["lines"] as? [[String: Any]] ?? []
            lines.append(["name": id.title.trimmingWhitespace(), "indent": id.title.hasPrefix(" "), "values": values, "total": total])
            sections[sections.count - 1]["lines"] = lines
        }
        // The plugins' sections after the core's: a store whose plugin failed shows "!" in its column.
        for total in report.contributedTotal {
            let lines: [[String: Any]] = total.figures.map { f in
                let values = stores.map { store -> [String: Any] in
                    let c = store.report.contributions.first { $0.plugin == total.plugin }
                    let mine = c?.figures.first { $0.key == f.key }
                    return ["value": c?.failure != nil ? "!" : text(mine?.value, f.unit), "off": mine?.offTarget ?? false]
                }
                return ["name": f.title.trimmingWhitespace(), "indent": false, "values": values, "total": text(f.value, f.unit)]
            }
            sections.append(["title": total.title, "lines": lines])
        }
        var context: [String: Any] = ["title": title, "sections": sections, "lang": MessageCatalog.current.isChinese ? "zh" : "en",
                                      "stores": stores.map { ["code": $0.store.code, "name": $0.store.name] },
                                      "total_title": MessageCatalog.current.columnTitle(key: "group_total", "group total")]
        if let grouping = report.grouping {
            let id: KPIID = grouping == .technician ? .hoursClocked : .revenuePerOrder
            let rows = stores.flatMap { store in
                store.report.groups.map { g in (store.store.code + " · " + g.name, g.figure(id)?.value ?? 0, text(g.figure(id)?.value, id.unit)) }
            }
            if !rows.isEmpty {
                context["groups_title"] = Message(MessageCode("report.by." + grouping.rawValue)).description + " · " + id.title
                context["groups_chart"] = bars(rows)
            }
        }
        guard templates.library.getTemplate(named: "kpi-group-report") != nil,
              let html = templates.library.render(context, withTemplate: "kpi-group-report") else {
            throw Refusal(Message("document.cannot_print_now"), problems: [
                Problem("templates", Message("document.no_template", ["name": .text("kpi-group-report.mustache")]))])
        }
        return html
    }
}
