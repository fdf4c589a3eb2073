import Foundation
import LaneTesting
import Testing
@testable import LaneShell

@Suite struct ReportCommandTests {
    /// The service day of FollowUpCommandTests: one order opened by 薛淑芬, clocked by 夏勇, delivered at 12:00 as promised, paid.
    func deliveredDay() throws -> TestShell { try FollowUpCommandTests().delivered() }

    @Test func theManagersReportCountsTheDayAndDrawsItsShape() throws {
        let shell = try deliveredDay()
        try shell.expectOK("set user 姚雪")
        let out = try shell.expectOK("report kpi --day 2026-11-23 --by technician")
        #expect(out.contains("orders opened"))
        #expect(out.contains("By technician"))
        #expect(out.contains("夏勇"))
        // Nothing about the customer: no name, plate or number.
        for secret in ["卢文博", "粤B27DP2", "1381"] { #expect(!out.contains(secret), "\(secret)") }
        // A month of days: one sparkline block per day, fitted to a narrow terminal.
        shell.session.terminalWidth = { 60 }
        let month = try shell.expectOK("report kpi --month 2026-11")
        // --month alone: this month (the same days as --month 2026-11 on 2026-11-23, all of November).
        #expect(try shell.expectOK("report kpi --month") == month)
        #expect(try shell.expectOK("report kpi --month --by technician").contains("By technician"))
        for line in month.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60, "\(line)") }
        #expect(month.contains("▁") || month.contains("█"))
    }

    /// NO_COLOR (the launcher then draws without colour, `session.color` false): the report's charts are blocks and its
    /// off-target figures a mark, so nothing is lost and no escape sequence is written; on a colour terminal only
    /// the headings are bold.
    @Test func theChartsNeedNoColour() throws {
        let shell = try deliveredDay()
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("store set kpi.target_orders_opened 5")
        shell.session.terminalWidth = { 100 }
        shell.session.color = false
        let plain = try shell.expectOK("report kpi --month 2026-11 --by technician")
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("▼") && plain.contains("█"))
        shell.session.color = true
        let coloured = try shell.expectOK("report kpi --month 2026-11 --by technician")
        #expect(coloured.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") == plain)
    }

    @Test func jsonAndCSVCarryTheFiguresAsDocumented() throws {
        let shell = try deliveredDay()
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("store set kpi.target_on_time_delivery 95")
        try shell.expectOK("set format json")
        let answer = try shell.expectOK("report kpi --day 2026-11-23 --by advisor")
        try JSONAnswerTests().check("report kpi", answer, try JSONAnswerTests.documented())
        let json = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]
        let figures = json?["figures"] as? [[String: Any]] ?? []
        func figure(_ id: String) -> [String: Any]? { figures.first { $0["figure"] as? String == id } }
        #expect(figure("orders_opened")?["value"] as? Int == 1)
        #expect(figure("orders_delivered")?["value"] as? Int == 1)
        #expect(figure("delivered_regular_service")?["value"] as? Int == 1) // MNT-5K
        #expect(figure("on_time_delivery")?["value"] as? Int == 10_000)     // delivered at 12:00, promised later
        #expect(figure("on_time_delivery")?["target"] as? Int == 95)
        #expect(figure("on_time_delivery")?["off_target"] as? Bool == false)
        #expect(figure("hours_sold")?["numerator"] as? Int == 80)           // MNT-5K: 0.80 h
        let groups = json?["groups"] as? [[String: Any]] ?? []
        #expect(groups.contains { $0["name"] as? String == "薛淑芬" && $0["figure"] as? String == "orders_opened" && $0["value"] as? Int == 1 })
        try shell.expectOK("set format csv")
        let csv = try shell.expectOK("report kpi --day 2026-11-23")
        #expect(csv.hasPrefix("group,figure,unit,value,numerator,denominator,target,off_target"))
        #expect(csv.contains(",orders_opened,count,1,1,1,,false"))
    }

    @Test func anAdvisorSeesTheirOwnFiguresOnly() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")        // 薛淑芬
        try shell.expectOK("set user 顾静")
        try shell.expectOK("ro open 粤BY4531")
        try shell.expectOK("set format json")
        let mine = try shell.expectOK("report kpi --day 2026-11-23")
        #expect(mine.contains("\"figure\":\"orders_opened\"") || mine.contains("\"figure\": \"orders_opened\""))
        let json = try JSONSerialization.jsonObject(with: Data(mine.utf8)) as? [String: Any]
        let opened = (json?["figures"] as? [[String: Any]])?.first { $0["figure"] as? String == "orders_opened" }
        #expect(opened?["value"] as? Int == 1)
        #expect(try shell.expectRefusalCodes("report kpi --day 2026-11-23 --by advisor") == ["report.cannot_report", "report.own_figures_only"])
        try shell.expectOK("set user 姚雪")
        let all = try JSONSerialization.jsonObject(with: Data(try shell.expectOK("report kpi --day 2026-11-23").utf8)) as? [String: Any]
        #expect((all?["figures"] as? [[String: Any]])?.first { $0["figure"] as? String == "orders_opened" }?["value"] as? Int == 2)
    }

    @Test func refusalsNameEveryProblemAndStoreNothing() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        #expect(try shell.expectRefusalCodes("report kpi --month 2026-13 --day 2026-11-01")
                == ["report.cannot_report", "report.not_a_month", "report.one_period"])
        #expect(try shell.expectRefusalCodes("report kpi --from 2026-11-01") == ["report.cannot_report", "report.from_and_to"])
        #expect(try shell.expectRefusalCodes("report kpi --day yesterday --by everyone")
                == ["report.cannot_report", "input.not_a_date", "input.not_one_of"])
        #expect(try shell.expectRefusalCodes("report kpi --from 2024-01-01 --to 2026-11-30") == ["report.cannot_report", "report.period_too_long"])
        // A technician's work is on the report; the report is not theirs to run.
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("report kpi").contains("access.role_may_not"))
    }

    @Test func kpiSettingsAreCheckedAndKept() throws {
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("store set kpi.wait_minutes 60")
        try shell.expectOK("store set kpi.target_wait_median 45")
        #expect(try shell.expectRefusalCodes("store set kpi.technician_hours_per_day 30").contains("settings.not_a_kpi_value"))
        #expect(try shell.expectRefusalCodes("store set kpi.wait_minutes 0").contains("settings.not_a_kpi_value"))
        #expect(try shell.expectRefusalCodes("store set kpi.target_csi lots").contains("settings.not_a_whole_number"))
        // A comeback is the order `ro comeback` linked, within workshop.comeback_days: the report has no window of its own.
        #expect(try shell.expectRefusalCodes("store set kpi.comeback_days 14").contains { $0.hasPrefix("store.not_a_setting") })
        let values = try shell.store.read { try $0.settingValues() }
        #expect(values["kpi.wait_minutes"] == "60")
        #expect(values["kpi.target_wait_median"] == "45")
        #expect(values["kpi.comeback_days"] == nil)
        #expect(values["kpi.technician_hours_per_day"] == nil)
    }

    @Test func todayShowsTheServiceManagerTheFiguresOffTarget() throws {
        let shell = try deliveredDay()
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectOK("today").contains("every figure with a target is on target"))
        try shell.expectOK("store set kpi.target_orders_opened 5")      // one order this month: below the floor
        try shell.expectOK("store set kpi.target_on_time_delivery 90")  // delivered on time: met
        let agenda = try shell.expectOK("today")
        #expect(agenda.contains("orders opened"))
        #expect(agenda.contains("≥ 5"))
        #expect(!agenda.contains("on-time delivery"))
        try shell.expectOK("set user 薛淑芬")
        #expect(!(try shell.expectOK("today")).contains("orders opened"))
    }

    @Test func htmlWritesAPageWithSVGChartsAndNoCustomer() throws {
        let shell = try deliveredDay()
        try shell.expectOK("set user 姚雪")
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        #expect(try shell.expectOK("report kpi --from 2026-11-20 --to 2026-11-23 --by advisor --html \(page.path)").contains("report written to"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<svg class=\"spark\""))
        #expect(html.contains("<svg class=\"bars\""))
        #expect(html.contains("on-time delivery"))
        for secret in ["卢文博", "粤B27DP2"] { #expect(!html.contains(secret), "\(secret)") }
        #expect(try shell.expectRefusalCodes("report kpi --html a.html --pdf b.pdf").contains("document.one_file"))
    }

    /// Monday's service of 粤B27DP2 (RO-20261123-0001), then on Saturday 11-28 the car is back for the same fault:
    /// linked with `ro comeback`, the customer waits, and the car is handed over 100 minutes after the opening.
    func comebackSaturday() throws -> TestShell {
        let shell = try deliveredDay()
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("clock set 2026-11-28T09:00")
        for line in ["ro open 粤B27DP2", "ro complaint --text 保养后机油报警灯亮", "ro comeback RO-20261123-0001",
                     "ro check-in --mileage 19300 --fuel 4 --covers --waits", "ro warranty not_covered", "ro documents", "ro labor MNT-5K",
                     "ro promise", "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博", "ro handover",
                     "set user 何子涵", "ro dispatch --team 机电一组", "set user 夏勇", "ro clock-on 1 --tech 夏勇", "ro clock-off 1 --finished",
                     "ro check self --pass", "set user 程国栋", "ro check leader --pass --note 正常", "set user 赵子涵", "ro check final --pass",
                     "set user 薛淑芬", "ro delivery-check", "clock set 2026-11-28T10:40", "ro notify --at 10:40",
                     "ro deliver --next-date 2027-05-23 --next-km 24300 --call-time 工作日上午 --fault-gone"] {
            try shell.expectOK(line)
        }
        return shell
    }

    @Test func comebacksAreTheLinkedOrdersAndWaitingCustomersAreTimed() throws {
        let shell = try comebackSaturday()
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("set format json")
        func figures(_ line: String) throws -> [String: [String: Any]] {
            let json = try JSONSerialization.jsonObject(with: Data(try shell.expectOK(line).utf8)) as? [String: Any]
            return Dictionary(uniqueKeysWithValues: (json?["figures"] as? [[String: Any]] ?? []).compactMap { f in (f["figure"] as? String).map { ($0, f) } })
        }
        // Saturday: one order delivered, a comeback (comeback_of); its customer waited 09:00 → 10:40 = 100 minutes.
        let saturday = try figures("report kpi --day 2026-11-28")
        #expect(saturday["comeback_rate"]?["value"] as? Int == 10_000)
        #expect(saturday["first_time_fix"]?["value"] as? Int == 0)
        #expect(saturday["waiting_customers"]?["value"] as? Int == 1)
        #expect(saturday["wait_median"]?["value"] as? Int == 100)
        #expect(saturday["wait_average"]?["value"] as? Int == 100)
        #expect(saturday["waited_too_long"]?["value"] as? Int == 10_000)   // over the standard 90 minutes
        // The week: Monday's order and Saturday's comeback delivered: 1 / 2; Monday's customer did not wait.
        let week = try figures("report kpi --week --day 2026-11-28")
        #expect(week["comeback_rate"]?["value"] as? Int == 5_000)
        #expect(week["waiting_customers"]?["value"] as? Int == 1)
        // A longer limit: 100 minutes is within 120.
        try shell.expectOK("store set kpi.wait_minutes 120")
        #expect(try figures("report kpi --day 2026-11-28")["waited_too_long"]?["value"] as? Int == 0)
        // The check-in's mark is on the order.
        let order = try JSONSerialization.jsonObject(with: Data(try shell.expectOK("ro show RO-20261128-0001").utf8)) as? [String: Any]
        #expect(order?["customer_waits"] as? Bool == true)
        let monday = try JSONSerialization.jsonObject(with: Data(try shell.expectOK("ro show RO-20261123-0001").utf8)) as? [String: Any]
        #expect(monday?["customer_waits"] as? Bool == false)
    }
}
