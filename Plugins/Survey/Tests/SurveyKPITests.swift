import Foundation
import LanePlugin
import LaneShell
import LaneTesting
import Testing
@testable import SurveyPlugin

/// `report kpi` with the survey plugin: its NPS and CSI come from the
/// plugin's own tables through `LanePlugin.kpi`; the core reads none of them.
@Suite struct SurveyKPITests {
    /// The three surveys of SurveyCommandTests: 11-24 薛淑芬 CSI 100 promoter, 顾静 75 passive; 12-02 薛淑芬 37.5 detractor.
    func surveyed() throws -> TestShell {
        let shell = try SurveyCommandTests().surveyed()
        try shell.expectOK("set format json")
        return shell
    }

    func figures(_ json: String, _ section: String = "figures") throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?[section] as? [[String: Any]] ?? []
    }

    @Test func theReportCarriesTheSurveysNPSAndCSIWithTheirShapeAndSplit() throws {
        let shell = try surveyed()
        try shell.expectOK("set user 姚雪")
        let answer = try shell.expectOK("report kpi --from 2026-11-24 --to 2026-12-02 --by advisor")
        let all = try figures(answer)
        func figure(_ id: String) -> [String: Any]? { all.first { $0["figure"] as? String == id } }
        #expect(figure("survey.surveys")?["value"] as? Int == 3)
        #expect(figure("survey.surveys")?["section"] as? String == "survey")
        // CSI: (1000 + 750 + 375) tenths / 3 = 708.3 → 70.8 points; NPS: (1 promoter − 1 detractor) / 3 answers = 0.
        #expect(figure("survey.csi")?["value"] as? Int == 708)
        #expect(figure("survey.csi")?["unit"] as? String == "points")
        #expect(figure("survey.nps")?["value"] as? Int == 0)
        #expect(figure("survey.nps")?["numerator"] as? Int == 0 && figure("survey.nps")?["denominator"] as? Int == 3)
        // The shape: 11-24 (1000 + 750) / 2 = 87.5, 12-02 37.5, nothing on the days between.
        let series = try figures(answer, "series").filter { $0["figure"] as? String == "survey.csi" }
        #expect(series.count == 9)
        #expect(series.first?["value"] as? Int == 875)
        #expect(series.last?["value"] as? Int == 375)
        #expect(series[1]["value"] is NSNull)
        // Per advisor: 薛淑芬 (1000 + 375) / 2 = 68.75 → 68.8; NPS (1 − 1) / 2 = 0. 顾静 75.0.
        let groups = try figures(answer, "groups")
        func group(_ name: String, _ id: String) -> Int? { groups.first { $0["name"] as? String == name && $0["figure"] as? String == id }?["value"] as? Int }
        #expect(group("薛淑芬", "survey.csi") == 688)
        #expect(group("顾静", "survey.csi") == 750)
        #expect(group("薛淑芬", "survey.nps") == 0)
        // At the terminal: the plugin's section after the core's, in points.
        try shell.expectOK("set format table")
        let out = try shell.expectOK("report kpi --from 2026-11-24 --to 2026-12-02")
        #expect(out.contains("Satisfaction survey"))
        #expect(SurveyCommandTests.line(out, "survey CSI (0-100)", "70.8") != nil)
        #expect(SurveyCommandTests.line(out, "NPS (-100…100)", "0.0") != nil)
    }

    @Test func anAdvisorSeesTheirOwnSurveysAndTargetsComeFromThePluginSettings() throws {
        let shell = try surveyed()
        try shell.store.unsafeExecute("INSERT INTO setting (key, value) VALUES ('plugin.survey.target_nps', '40'), ('plugin.survey.target_csi', '60')")
        try shell.expectOK("set user admin")
        try shell.expectOK("store set workshop.bays 8")      // the shell reads the settings again
        try shell.expectOK("set user 顾静")
        let mine = try figures(try shell.expectOK("report kpi --from 2026-11-24 --to 2026-12-02"))
        #expect(mine.first { $0["figure"] as? String == "survey.surveys" }?["value"] as? Int == 1)
        #expect(mine.first { $0["figure"] as? String == "survey.csi" }?["value"] as? Int == 750)
        try shell.expectOK("set user 姚雪")
        let all = try figures(try shell.expectOK("report kpi --from 2026-11-24 --to 2026-12-02"))
        let nps = all.first { $0["figure"] as? String == "survey.nps" }
        #expect(nps?["target"] as? Int == 40)
        #expect(nps?["off_target"] as? Bool == true)          // 0 < 40
        #expect(all.first { $0["figure"] as? String == "survey.csi" }?["off_target"] as? Bool == false) // 70.8 ≥ 60
        // today shows the service manager the NPS below its target this month (December so far: 37.5, a detractor: −100).
        try shell.expectOK("set format table")
        let agenda = try shell.expectOK("today")
        #expect(SurveyCommandTests.line(agenda, "NPS (-100…100)", "-100.0", "≥ 40.0") != nil)
    }

    @Test func aPluginThatFailsIsNamedAndTheReportStands() throws {
        let shell = try TestShell(seeded: true, plugins: [SurveyPlugin(), FailingFigures()])
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("set format json")
        let answer = try shell.expectOK("report kpi --day 2026-11-23")
        let failures = try figures(answer, "plugin_failures")
        #expect(failures.first?["plugin"] as? String == "failing")
        #expect((failures.first?["error"] as? String ?? "").contains("failing"))
        #expect(try figures(answer).contains { $0["figure"] as? String == "orders_opened" })
        // Nothing surveyed: the survey's figures show as not counted.
        #expect(try figures(answer).first { $0["figure"] as? String == "survey.nps" }?["value"] is NSNull)
    }
}

/// A plugin whose figures cannot be worked out.
struct FailingFigures: LanePlugin {
    struct Broken: Error {}
    var manifest: PluginManifest { PluginManifest(name: "failing", version: "0", summary: "fails") }
    func kpi(_ request: KPIContributionRequest, _ context: any PluginContext) throws -> [KPIContribution] { throw Broken() }
}
