import Foundation
import LaneCore
import LaneDocuments
import LanePlugin
import ServiceDepartment

/// A dealer group's stores on one server: `store list`, and `report kpi
/// --stores` (the stores' figures side by side with the group's total, for the
/// group's reader). A store file is one store: both say so there.
enum GroupCommands {
    static let storeList = CommandSpec(
        noun: "store", verb: "list", summary: "The stores on this database server: code, name and schema",
        discussion: "Each store on a server is one schema; its code and name are its own settings. A store file holds one store.",
        examples: ["store list"],
        action: .session { inv, session in
            let ctx = try session.context()
            let stores = try GroupReportDesk(session.department).stores(by: ctx.caller(inv.line))
            var t = Table(columns: [Column("code", "code"), Column("name", "name"), Column("schema", "schema"), Column("this_store", "this store")])
            t.rows = stores.map { [.text($0.store.code), .text($0.store.name), .text($0.store.schema), .bool($0.isThisStore)] }
            return .table(t)
        })

    /// `report kpi --stores LIST`: the period, `--by`, `--html`/`--pdf` as `report kpi` reads them; the reader's
    /// PIN for the other stores from where sign-in takes it (asked once on a terminal).
    static func run(_ inv: Invocation, _ session: ShellSession, stores: String) throws -> CommandOutput {
        let ctx = try session.context()
        let (period, grouping) = try ReportCommands.periodAndGrouping(inv, today: ctx.today)
        let names = stores.split(separator: ",").map(String.init)
        let source = session.pinSource
        let report = try GroupReportDesk(session.department).kpi(
            GroupKPIRequest(period: period, stores: names, grouping: grouping), by: ctx.caller(inv.line),
            pin: { who in try source.pin(for: who, prompt: Message("sign_in.pin_prompt", ["user": .text(who)]).description) },
            contributions: { department, there, request, settings in try Self.contributions(ctx, department, there, request, settings) })
        let title = Message("group.report_title", ["from": .date(period.from), "to": .date(period.to), "days": .int(period.dayCount),
                                                    "stores": .int(report.stores.count)]).description
        if let written = try ReportCommands.writePage(inv, ctx, { try KPIPage.html(report, title: title, templates: $0) }) { return written }
        switch session.format {
        case .table:
            guard report.grouping != nil else { return .table(sideBySide(report, title: title)) }
            var r = Record()
            r.add(section: "figures", title, sideBySide(report, title: title))
            r.add(section: "groups", Message(MessageCode("report.by." + (report.grouping?.rawValue ?? "advisor"))).description, groupTable(report))
            return .record(r)
        case .json: return .record(record(report))
        case .csv: return .table(figures(report))
        }
    }

    /// The plugins' sections in one store of the group, read in that store's lookup with its own plugin
    /// settings, as `report kpi` reads them for one store.
    static func contributions(_ ctx: CommandContext, _ department: Department, _ there: Caller,
                              _ request: KPIContributionRequest, _ pluginSettings: [String: String]) throws -> [KPIContribution] {
        guard !ctx.plugins.active.isEmpty else { return [] }
        var other = ctx
        other.desks = Desks(department)
        other.settings = there.settings
        other.role = there.role
        other.current = nil
        other.pluginSettings = PluginSettings(pluginSettings)
        return try ctx.plugins.kpiSections(request, other)
    }

    /// People read one row per figure, a column per store and the group's total; the plugins' figures follow.
    static func sideBySide(_ report: GroupKPIReport, title: String) -> Table {
        var columns = [Column("figure", "figure")]
        columns += report.stores.map { Column($0.store.schema, $0.store.code) }
        columns.append(Column("group_total", "group total"))
        var t = Table(columns: columns, footnote: title)
        let ids = report.stores.first?.report.lines.map(\.figure.id) ?? []
        for id in ids {
            var row: [Value] = [.text(id.title)]
            for store in report.stores { row.append(.text(KPIText.value(store.report.line(id)?.figure.value, id.unit))) }
            row.append(.text(report.total.first { $0.id == id }.map { KPIText.value($0.value, id.unit) } ?? "–"))
            t.rows.append(row)
        }
        for section in contributedSections(report) {
            for (key, title, unit) in section.figures {
                var row: [Value] = [.text(title)]
                for store in report.stores {
                    let c = store.report.contributions.first { $0.plugin == section.plugin }
                    row.append(.text(c?.failure != nil ? "!" : KPIText.value(c?.figures.first { $0.key == key }?.value, unit)))
                }
                let total = report.contributedTotal.first { $0.plugin == section.plugin }?.figures.first { $0.key == key }
                row.append(.text(KPIText.value(total?.value, unit)))
                t.rows.append(row)
            }
        }
        return t
    }

    /// The plugins' sections and figures in the order the stores give them (a store whose plugin failed has none).
    static func contributedSections(_ report: GroupKPIReport) -> [(plugin: String, title: String, figures: [(String, String, KPIUnit)])] {
        var out: [(plugin: String, title: String, figures: [(String, String, KPIUnit)])] = []
        for store in report.stores {
            for c in store.report.contributions where c.failure == nil {
                var index = out.firstIndex { $0.plugin == c.plugin }
                if index == nil {
                    out.append((c.plugin, c.title, []))
                    index = out.count - 1
                }
                guard let i = index else { continue }
                for f in c.figures where !out[i].figures.contains(where: { $0.0 == f.key }) { out[i].figures.append((f.key, f.title, f.unit)) }
            }
        }
        return out
    }

    /// `--by`: one row per store and advisor, team or technician, with the figures the split shows for one store.
    static func groupTable(_ report: GroupKPIReport) -> Table {
        var t = Table(columns: [Column("store", "store"), Column("name", "name"), Column("figure", "figure"), Column("value", "value")])
        for store in report.stores {
            for g in store.report.groups {
                for f in g.figures { t.rows.append([.text(store.store.code), .text(g.name), .text(f.id.title), .text(KPIText.value(f.value, f.id.unit))]) }
            }
        }
        return t
    }

    /// Scripts read one row per store and figure; the group's total has an empty store; with `--by`, a row per
    /// store, figure and advisor, team or technician (`group`; empty on a store's own and the total's rows) (docs/json.md).
    static func figures(_ report: GroupKPIReport) -> Table {
        var t = Table(columns: ["store", "figure", "unit", "value", "numerator", "denominator", "group"].map { Column($0, $0) })
        for store in report.stores {
            for line in store.report.lines { t.rows.append(row(store.store.code, line.figure)) }
            for c in store.report.contributions {
                for f in c.figures { t.rows.append(row(store.store.code, c.name(f), f.unit, f.value, f.numerator, f.denominator)) }
            }
        }
        for figure in report.total { t.rows.append(row("", figure)) }
        for c in report.contributedTotal {
            for f in c.figures { t.rows.append(row("", c.name(f), f.unit, f.value, f.numerator, f.denominator)) }
        }
        for store in report.stores {
            for g in store.report.groups {
                for f in g.figures { t.rows.append(row(store.store.code, f, group: g.name)) }
            }
            for c in store.report.contributions {
                for f in c.figures {
                    for g in f.groups {
                        t.rows.append(row(store.store.code, c.name(f), f.unit, KPIFigure.value(g.numerator, over: g.denominator, f.unit),
                                          g.numerator, g.denominator, group: g.name))
                    }
                }
            }
        }
        return t
    }

    static func row(_ store: String, _ f: KPIFigure, group: String = "") -> [Value] {
        row(store, f.id.rawValue, f.id.unit, f.value, f.numerator, f.denominator, group: group)
    }

    static func row(_ store: String, _ figure: String, _ unit: KPIUnit, _ value: Int64?, _ numerator: Int64, _ denominator: Int64,
                    group: String = "") -> [Value] {
        [.text(store), .text(figure), .text(unit.rawValue), ReportCommands.int(value), ReportCommands.int(numerator),
         ReportCommands.int(denominator), .text(group)]
    }

    static func record(_ report: GroupKPIReport) -> Record {
        var r = Record()
        r.add("from", "from", .date(report.period.from))
        r.add("to", "to", .date(report.period.to))
        r.add("days", "days", .int(report.period.dayCount))
        r.add("by", "by", .optional(report.grouping?.rawValue))
        var stores = Table(columns: [Column("code", "code"), Column("name", "name"), Column("schema", "schema")])
        stores.rows = report.stores.map { [.text($0.store.code), .text($0.store.name), .text($0.store.schema)] }
        r.add(section: "stores", "stores", stores)
        r.add(section: "figures", "figures", figures(report))
        var failures = Table(columns: [Column("store", "store"), Column("plugin", "plugin"), Column("error", "what went wrong")])
        for store in report.stores {
            for c in store.report.contributions { if let failure = c.failure { failures.rows.append([.text(store.store.code), .text(c.plugin), .text(failure)]) } }
        }
        r.add(section: "plugin_failures", "plugin failures", failures)
        return r
    }
}
