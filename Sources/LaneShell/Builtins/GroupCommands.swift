import Foundation
import LaneCore
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

    /// `report kpi --stores LIST`: the period as `report kpi` reads it; the reader's PIN for the other stores
    /// from where sign-in takes it (asked once on a terminal).
    static func run(_ inv: Invocation, _ session: ShellSession, stores: String) throws -> CommandOutput {
        let ctx = try session.context()
        var problems: [Problem] = []
        for option in ["by", "html", "pdf"] where inv.option(option) != nil {
            problems.append(Problem(option, Message("group.option_not_with_stores", ["option": .text("--" + option)])))
        }
        let period: KPIPeriod
        do { period = try ReportCommands.period(inv, today: ctx.today) } catch let refusal as Refusal {
            throw Refusal(refusal.headline, problems: refusal.problems + problems)
        }
        try Refusal.check(Message("report.cannot_report"), problems)
        let names = stores.split(separator: ",").map(String.init)
        let source = session.pinSource
        let report = try GroupReportDesk(session.department).kpi(GroupKPIRequest(period: period, stores: names), by: ctx.caller(inv.line)) { who in
            try source.pin(for: who, prompt: Message("sign_in.pin_prompt", ["user": .text(who)]).description)
        }
        let title = Message("group.report_title", ["from": .date(period.from), "to": .date(period.to), "days": .int(period.dayCount),
                                                    "stores": .int(report.stores.count)]).description
        switch session.format {
        case .table: return .table(sideBySide(report, title: title))
        case .json: return .record(record(report))
        case .csv: return .table(figures(report))
        }
    }

    /// People read one row per figure, a column per store and the group's total.
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
        return t
    }

    /// Scripts read one row per store and figure; the group's total has an empty store (docs/json.md).
    static func figures(_ report: GroupKPIReport) -> Table {
        var t = Table(columns: ["store", "figure", "unit", "value", "numerator", "denominator"].map { Column($0, $0) })
        for store in report.stores {
            for line in store.report.lines { t.rows.append(row(store.store.code, line.figure)) }
        }
        for figure in report.total { t.rows.append(row("", figure)) }
        return t
    }

    static func row(_ store: String, _ f: KPIFigure) -> [Value] {
        [.text(store), .text(f.id.rawValue), .text(f.id.unit.rawValue), ReportCommands.int(f.value), ReportCommands.int(f.numerator),
         ReportCommands.int(f.denominator)]
    }

    static func record(_ report: GroupKPIReport) -> Record {
        var r = Record()
        r.add("from", "from", .date(report.period.from))
        r.add("to", "to", .date(report.period.to))
        r.add("days", "days", .int(report.period.dayCount))
        var stores = Table(columns: [Column("code", "code"), Column("name", "name"), Column("schema", "schema")])
        stores.rows = report.stores.map { [.text($0.store.code), .text($0.store.name), .text($0.store.schema)] }
        r.add(section: "stores", "stores", stores)
        r.add(section: "figures", "figures", figures(report))
        return r
    }
}
