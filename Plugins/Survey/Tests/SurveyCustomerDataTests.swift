import Foundation
import LanePlugin
import LaneShell
import LaneTesting
import Testing
@testable import SurveyPlugin

/// X4 and the survey: a customer's export has their surveys and answers, and
/// erasing them takes their words and name out of the survey's tables.
@Suite struct SurveyCustomerDataTests {
    /// 卢文博's car delivered, paid, and surveyed the next day with a low score and his own words.
    func surveyed() throws -> TestShell {
        let shell = try TestShell(seeded: true, plugins: [SurveyPlugin()])
        for line in SurveyCommandTests.visits[0].lines { try shell.expectOK(line) }
        try shell.expectOK("ro settle \(SurveyCommandTests.ro1) --signed-by 卢文博")
        try shell.expectOK("set user 莫霞")
        try shell.expectOK("ro pay \(SurveyCommandTests.ro1) --method cash --amount 253.12 --invoice 1")
        try shell.expectOK("set user 蒋芳")
        try shell.expectOK("clock set 2026-11-24T10:00")
        try shell.expectOK("survey start \(SurveyCommandTests.ro1) --answers 5,1,4,5,6 --comment '卢文博说异响没修好，回电 133 6327 0655'")
        return shell
    }

    @Test func theExportHasTheSurveyAndEveryAnswer() throws {
        let shell = try surveyed()
        try shell.expectOK("set format json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(try shell.expectOK("customer export C0002").utf8)) as? [String: Any])
        let surveys = try #require(doc["surveys"] as? [[String: Any]])
        #expect(surveys.map { $0["ro"] as? String } == [SurveyCommandTests.ro1])
        #expect(surveys.first?["comment"] as? String == "卢文博说异响没修好，回电 133 6327 0655")
        let answers = try #require(doc["survey_answers"] as? [[String: Any]])
        #expect(answers.compactMap { $0["answer"] as? Int } == [5, 1, 4, 5, 6])
        #expect(answers.first?["q"] as? String == "q1")
    }

    @Test func anEraseTakesTheCustomerOutOfTheSurveyTablesAndKeepsTheScores() throws {
        let shell = try surveyed()
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("customer erase C0002 --confirm C0002")
        let tables = try shell.storedRows()
        let surveyTables = (tables["plg_survey_response"] ?? "") + "\n" + (tables["plg_survey_answer"] ?? "")
        #expect(surveyTables.contains("csi_tenths"))
        for personal in ["卢文博", "6327", "0655", "异响没修好"] {
            #expect(!surveyTables.contains(personal), "\(personal) is still in the survey's tables")
        }
        let report = try shell.expectOK("survey report")
        #expect(report.contains("薛淑芬"))
        #expect(try shell.expectOK("survey show \(SurveyCommandTests.ro1)").contains("(erased)"))
    }
}
