import Foundation
import LaneCore
import LaneDocuments
import LanePlugin
import ServiceDepartment

/// `report kpi`: the service manager's figures for a day, week, month or
/// range (docs/kpis.md), split by advisor, team or technician. The desk
/// gathers and works them out; this file reads the options and draws: charts
/// in a terminal, typed data as JSON and CSV, a page as HTML or PDF.
enum ReportCommands {
    static func register(into registry: inout CommandRegistry) throws {
        registry.describe(noun: "report", "the service manager's figures: throughput, revenue, labour, delivery, appointments, quality, follow-up, reminders, parts")
        try registry.register(kpi)
    }

    static let kpi = { () -> CommandSpec in
        var spec = kpiSpec
        spec.optionalValues = ["month"]
        return spec
    }()

    static let kpiSpec = CommandSpec(
        noun: "report", verb: "kpi", summary: "The service department's KPIs for a day, week, month or range, with their shape and targets",
        discussion: """
            The month so far unless a period is given. Every figure is worked out from what was recorded (docs/kpis.md \
            defines each); targets are the store's kpi.target_* settings, and a figure off its target is marked ▼. \
            --by splits the order and labour figures per advisor, team or technician. An advisor sees their own figures. \
            --html and --pdf write the report as a page with charts (template kpi-report.mustache).
            """,
        options: [OptionSpec("day", value: "DATE", "One day"),
                  OptionSpec("week", "The week (Monday to Sunday) holding --day, or this week"),
                  OptionSpec("month", value: "YYYY-MM", "One calendar month, e.g. 2026-11; alone, this month"),
                  OptionSpec("from", value: "DATE", "First day of a range (with --to)"),
                  OptionSpec("to", value: "DATE", "Last day of a range (with --from)"),
                  OptionSpec("by", value: "WHO", "Split by advisor, team or technician", completion: .choices(KPIGrouping.allCases.map(\.rawValue))),
                  OptionSpec("html", value: "FILE", "Write the report as an HTML page with charts"),
                  OptionSpec("pdf", value: "FILE", "Write the report as an A4 PDF with charts (needs headless Chromium)"),
                  OptionSpec("stores", value: "STORES", "The group's reader: these stores of the server side by side with the group's total (codes, or all)")],
        examples: ["report kpi --month 2026-11", "report kpi --week --by advisor", "report kpi --from 2026-09-01 --to 2026-11-30 --pdf kpi.pdf"],
        action: .session { inv, session in try run(inv, session) })

    /// The period the options name; every problem at once.
    static func period(_ inv: Invocation, today: CalendarDate) throws -> KPIPeriod {
        var problems: [Problem] = []
        func day(_ name: String) -> CalendarDate? {
            guard let text = inv.option(name) else { return nil }
            guard let d = CalendarDate(parsing: text) else {
                problems.append(Problem(name, Message("input.not_a_date", ["given": .text(text)])))
                return nil
            }
            return d
        }
        let oneDay = day("day"), from = day("from"), to = day("to")
        var month: KPIPeriod?
        if let text = inv.option("month"), text.isEmpty {
            month = KPIPeriod.month(year: today.year, month: today.month)
        } else if let text = inv.option("month") {
            let parts = text.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let p = KPIPeriod.month(year: y, month: m) {
                month = p
            } else {
                problems.append(Problem("month", Message("report.not_a_month", ["given": .text(text)])))
            }
        }
        let ways = [inv.option("day") != nil && !inv.flag("week"), inv.flag("week"), inv.option("month") != nil,
                    inv.option("from") != nil || inv.option("to") != nil].filter { $0 }.count
        if ways > 1 { problems.append(Problem("period", Message("report.one_period"))) }
        if (inv.option("from") == nil) != (inv.option("to") == nil) { problems.append(Problem("period", Message("report.from_and_to"))) }
        try Refusal.check(Message("report.cannot_report"), problems)
        if inv.flag("week") { return .week(of: oneDay ?? today) }
        if let oneDay { return .day(oneDay) }
        if let month { return month }
        if let from, let to { return KPIPeriod(from: from, to: to) }
        return KPIPeriod(from: CalendarDate(year: today.year, month: today.month, day: 1) ?? today, to: today)
    }

    /// `--by`, and `--html`/`--pdf` (one of them; PDF needs the browser): for one store and for the group's.
    /// The period and `--by` of `report kpi`, one store's or the group's: every problem with
    /// either refused together.
    static func periodAndGrouping(_ inv: Invocation, today: CalendarDate) throws -> (KPIPeriod, KPIGrouping?) {
        var problems: [Problem] = []
        let grouping = Self.grouping(inv, &problems)
        let period: KPIPeriod
        do { period = try Self.period(inv, today: today) } catch let refusal as Refusal {
            throw Refusal(refusal.headline, problems: refusal.problems + problems)
        }
        try Refusal.check(Message("report.cannot_report"), problems)
        return (period, grouping)
    }

    static func grouping(_ inv: Invocation, _ problems: inout [Problem]) -> KPIGrouping? {
        var grouping: KPIGrouping?
        if let text = inv.option("by") {
            grouping = KPIGrouping(rawValue: text.trimmingWhitespace().lowercased())
            if grouping == nil {
                problems.append(Problem("by", Message("input.not_one_of", ["given": .text(text), "choices": .list(KPIGrouping.allCases.map { .text($0.rawValue) })])))
            }
        }
        if inv.option("html") != nil && inv.option("pdf") != nil { problems.append(Problem("file", Message("document.one_file"))) }
        if inv.option("pdf") != nil && PDFPrinter.browser() == nil { problems += PDFPrinter.missing.problems }
        return grouping
    }

    /// Writes the report's page to `--html` or `--pdf` FILE (relative to the working folder); nil when neither was given.
    static func writePage(_ inv: Invocation, _ ctx: CommandContext, _ html: (DocumentTemplates) throws -> String) throws -> CommandOutput? {
        guard let path = inv.option("html") ?? inv.option("pdf") else { return nil }
        let file = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: ctx.workingDirectory, isDirectory: true)).standardizedFileURL
        let page = try html(try DocumentTemplates(storeFolder: ctx.settings.documentTemplates))
        if inv.option("pdf") != nil {
            try PDFPrinter.print(html: page, to: file)
        } else {
            do { try Data(page.utf8).write(to: file, options: .atomic) } catch {
                throw Refusal(Message("report.cannot_write", ["path": .text(file.path)]),
                              problems: [Problem("file", Message("report.write_error", ["error": .text(error.localizedDescription)]))])
            }
        }
        return .message(Message("report.written", ["path": .text(file.path)]).description, nil)
    }

    static func run(_ inv: Invocation, _ session: ShellSession) throws -> CommandOutput {
        if let stores = inv.option("stores") { return try GroupCommands.run(inv, session, stores: stores) }
        let ctx = try session.context()
        let (period, grouping) = try Self.periodAndGrouping(inv, today: ctx.today)
        let report = try session.lookup("report kpi", inv) { _ in
            let caller = ctx.caller(inv.line)
            var report = try ctx.desks.reports.kpi(KPIRequest(period: period, grouping: grouping), by: caller)
            // The plugins' figures from their own tables (the survey's NPS and CSI), for the same reader.
            let request = KPIContributionRequest(period: period, advisor: ReportDesk.seesOwnFiguresOnly(caller) ? caller.user : nil,
                                                 grouping: grouping == .technician ? nil : grouping)
            report.contributions = try ctx.plugins.kpiSections(request, ctx)
            return report
        }
        let title = Message("report.title", ["store": .text(ctx.settings.name), "from": .date(period.from), "to": .date(period.to),
                                              "days": .int(period.dayCount)]).description
        if let written = try writePage(inv, ctx, { try KPIPage.html(report, title: title, templates: $0) }) { return written }
        switch session.format {
        case .table: return .text(KPIChart(width: session.renderer.width).render(report, title: title))
        case .json: return .record(record(report))
        case .csv: return .table(csvTable(report))
        }
    }

    /// The report as data (docs/json.md): the figures, their shapes, the split and the reasons.
    static func record(_ report: KPIReport) -> Record {
        var r = Record()
        r.add("from", "from", .date(report.period.from))
        r.add("to", "to", .date(report.period.to))
        r.add("days", "days", .int(report.period.dayCount))
        r.add("by", "by", .optional(report.grouping?.rawValue))
        var figures = Table(columns: ["figure", "section", "unit", "value", "numerator", "denominator", "target", "off_target"].map { Column($0, $0) })
        for line in report.lines {
            let f = line.figure
            figures.rows.append([.text(f.id.rawValue), .text(f.id.section.rawValue), .text(f.id.unit.rawValue), int(f.value),
                                 int(f.numerator), int(f.denominator), int(line.target), .bool(line.offTarget)])
        }
        // A plugin's figures follow the core's, named `PLUGIN.key` in the section `PLUGIN`.
        for c in report.contributions {
            for f in c.figures {
                figures.rows.append([.text(c.name(f)), .text(c.plugin), .text(f.unit.rawValue), int(f.value), int(f.numerator), int(f.denominator),
                                     int(f.target), .bool(f.offTarget)])
            }
        }
        r.add(section: "figures", "figures", figures)
        var series = Table(columns: ["figure", "from", "to", "value"].map { Column($0, $0) })
        for line in report.lines {
            for (slice, value) in zip(report.slices, line.series) {
                series.rows.append([.text(line.figure.id.rawValue), .date(slice.from), .date(slice.to), int(value)])
            }
        }
        for c in report.contributions {
            for f in c.figures {
                for (slice, value) in zip(report.slices, f.series) { series.rows.append([.text(c.name(f)), .date(slice.from), .date(slice.to), int(value)]) }
            }
        }
        r.add(section: "series", "series", series)
        var groups = Table(columns: ["name", "figure", "value", "numerator", "denominator"].map { Column($0, $0) })
        for g in report.groups {
            for f in g.figures { groups.rows.append([.text(g.name), .text(f.id.rawValue), int(f.value), int(f.numerator), int(f.denominator)]) }
        }
        for c in report.contributions {
            for f in c.figures {
                for g in f.groups {
                    groups.rows.append([.text(g.name), .text(c.name(f)), int(KPIFigure.value(g.numerator, over: g.denominator, f.unit)),
                                        int(g.numerator), int(g.denominator)])
                }
            }
        }
        r.add(section: "groups", "groups", groups)
        var reasons = Table(columns: ["reason", "count"].map { Column($0, $0) })
        reasons.rows = report.declineReasons.map { [.text($0.reason), .int($0.count)] }
        r.add(section: "decline_reasons", "decline reasons", reasons)
        var failures = Table(columns: [Column("plugin", "plugin"), Column("error", "what went wrong")])
        failures.rows = report.contributions.compactMap { c in c.failure.map { [.text(c.plugin), .text($0)] } }
        r.add(section: "plugin_failures", "plugin failures", failures)
        return r
    }

    /// CSV: one row per figure, the store's first and then each group's.
    static func csvTable(_ report: KPIReport) -> Table {
        var t = Table(columns: ["group", "figure", "unit", "value", "numerator", "denominator", "target", "off_target"].map { Column($0, $0) })
        for line in report.lines {
            let f = line.figure
            t.rows.append([.text(""), .text(f.id.rawValue), .text(f.id.unit.rawValue), int(f.value), int(f.numerator), int(f.denominator),
                           int(line.target), .bool(line.offTarget)])
        }
        for c in report.contributions {
            for f in c.figures {
                t.rows.append([.text(""), .text(c.name(f)), .text(f.unit.rawValue), int(f.value), int(f.numerator), int(f.denominator),
                               int(f.target), .bool(f.offTarget)])
            }
        }
        for g in report.groups {
            for f in g.figures {
                t.rows.append([.text(g.name), .text(f.id.rawValue), .text(f.id.unit.rawValue), int(f.value), int(f.numerator), int(f.denominator), .none, .none])
            }
        }
        for c in report.contributions {
            for f in c.figures {
                for g in f.groups {
                    t.rows.append([.text(g.name), .text(c.name(f)), .text(f.unit.rawValue), int(KPIFigure.value(g.numerator, over: g.denominator, f.unit)),
                                   int(g.numerator), int(g.denominator), .none, .none])
                }
            }
        }
        return t
    }

    static func int(_ v: Int64?) -> Value { v.map { .int(Int($0)) } ?? .none }
}
