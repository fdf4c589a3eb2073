import LanePlugin
import Testing
@testable import SurveyPlugin

/// The questionnaire in the store settings, and the CSI and NPS formulas.
@Suite struct SurveyTemplateTests {
    /// Without a shell nobody installs the plugin: its words are added as the host adds them.
    init() { PluginMessages.install(SurveyPlugin().messages, plugin: "survey") }

    /// The `[plugin.survey]` section of seeds/store.toml, as the plugin receives it (arrays as a SettingList).
    static let seeds: [String: String] = [
        "template": "standard", "complaint_below": "60", "max_days": "14",
        "questions_standard": SettingList.text(["接待服务|csi|1-5", "维修质量|csi|1-5", "按时交车|csi|1-5", "费用透明|csi|1-5",
                                                "您向亲友推荐本店的可能性|nps|0-10", "其他意见或建议|text"]),
        "questions_quick": SettingList.text(["维修质量|csi|1-5", "您向亲友推荐本店的可能性|nps|0-10"]),
    ]

    func refusal(_ config: [String: String]) -> [String] {
        do {
            _ = try SurveySettings.parse(config)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func R6_1_theStoreTemplatesAreRead() throws {
        let s = try SurveySettings.parse(Self.seeds)
        #expect(s.defaultTemplate == "standard")
        #expect(s.complaintBelow == 60)
        #expect(s.maxDays == 14)
        #expect(s.templates.keys.sorted() == ["quick", "standard"])
        let standard = try #require(s.templates["standard"])
        #expect(standard == SurveySettings.standard)
        #expect(standard.scored.map(\.text) == ["接待服务", "维修质量", "按时交车", "费用透明", "您向亲友推荐本店的可能性"])
        #expect(standard.textQuestion?.text == "其他意见或建议")
        #expect(s.templates["quick"]?.scored.map(\.scale) == ["1-5", "0-10"])
    }

    @Test func aStoreWithoutSettingsGetsTheStandardTemplate() throws {
        let s = try SurveySettings.parse(["enabled": "true"])
        #expect(s.templates == ["standard": SurveySettings.standard])
        #expect(s.defaultTemplate == "standard")
        #expect(s.complaintBelow == 60)
    }

    @Test func aCommaInsideAQuestionStaysInTheQuestion() throws {
        let s = try SurveySettings.parse(["questions_x": SettingList.text(["您好, 服务满意吗|csi|1-5", "推荐|nps"])])
        #expect(s.templates["x"]?.questions.map(\.text) == ["您好, 服务满意吗", "推荐"])
    }

    @Test func questionsStoredBeforeListsWereKeptWholeStillRead() throws {
        // A database loaded by the old settings reader holds the questions comma-joined.
        let s = try SurveySettings.parse(["questions_old": "服务|csi,推荐|nps"])
        #expect(s.templates["old"]?.questions.map(\.text) == ["服务", "推荐"])
    }

    @Test func theCSIScaleDefaultsToOneToFiveAndNPSIsZeroToTen() throws {
        let s = try SurveySettings.parse(["questions_short": "服务态度|csi, 推荐本店|nps, 满意度|csi|0-10"])
        #expect(s.defaultTemplate == "short")
        #expect(s.templates["short"]?.questions == [SurveyQuestion("服务态度", .csi, low: 1, high: 5), SurveyQuestion("推荐本店", .nps, low: 0, high: 10),
                                                    SurveyQuestion("满意度", .csi, low: 0, high: 10)])
    }

    @Test func aMalformedTemplateIsRefusedWithEveryProblem() {
        let problems = refusal([
            "questions_standard": "接待服务|csi|5-1,维修质量|rating|1-5,推荐|nps|1-10,费用|text|1-5,交车|csi|1-20,洗车|csi|a-b",
            "questions_empty": "其他意见|text,其他意见2|text",
            "questions_twice": "服务|csi,服务|csi,推荐|nps,推荐2|nps",
            "template": "quick", "complaint_below": "150", "max_days": "2", "complaint_bellow": "50",
        ])
        #expect(problems.contains("plugin.survey.questions_standard: question 1 '接待服务|csi|5-1': the scale 5-1 runs backwards or has one point; write low-high, e.g. 1-5"))
        #expect(problems.contains("plugin.survey.questions_standard: question 2 '维修质量|rating|1-5': 'rating' is not a question type (csi, nps or text)"))
        #expect(problems.contains("plugin.survey.questions_standard: question 3 '推荐|nps|1-10': the NPS question is always 0-10, not '1-10'"))
        #expect(problems.contains("plugin.survey.questions_standard: question 4 '费用|text|1-5': a text question has no scale, not '1-5'"))
        #expect(problems.contains("plugin.survey.questions_standard: question 5 '交车|csi|1-20': the scale 1-20 should lie within 0-10"))
        #expect(problems.contains("plugin.survey.questions_standard: question 6 '洗车|csi|a-b': the scale 'a-b' should be low-high, e.g. 1-5"))
        #expect(problems.contains("plugin.survey.questions_empty: the template empty: it needs at least one csi question (the CSI is made of them)"))
        #expect(problems.contains("plugin.survey.questions_empty: the template empty: it has more than one text question; the comment is one answer"))
        #expect(problems.contains("plugin.survey.questions_twice: the template twice: it has more than one nps question; an NPS is one question"))
        #expect(problems.contains("plugin.survey.questions_twice: the template twice: '服务' is asked twice"))
        #expect(problems.contains { $0.hasPrefix("plugin.survey.template: there is no template 'quick'") })
        #expect(problems.contains { $0.hasPrefix("plugin.survey.complaint_below: '150' should be a whole number from 0 to 100") })
        #expect(problems.contains { $0.hasPrefix("plugin.survey.max_days: '2' should be a whole number from 3 to 90") })
        #expect(problems.contains { $0.hasPrefix("plugin.survey.complaint_bellow: is not a survey setting") })
        #expect(problems.count == 14)
    }

    // MARK: Scores (R6.5), in tenths of a point

    @Test func R6_5_csiIsTheMeanOfTheAnswersScaledToZeroToHundred() {
        // 5,4,5,3 on 1-5 → 100, 75, 100, 50 → 81.25 → 81.3 (half away from zero).
        #expect(SurveyScore.csi([.init(5, low: 1, high: 5), .init(4, low: 1, high: 5), .init(5, low: 1, high: 5), .init(3, low: 1, high: 5)]) == 813)
        // Scales of different lengths add exactly: 4 on 1-5 is 75, 7 on 0-10 is 70 → 72.5.
        #expect(SurveyScore.csi([.init(4, low: 1, high: 5), .init(7, low: 0, high: 10)]) == 725)
        // 4 on 1-10 is 3/9 = 33.33…
        #expect(SurveyScore.csi([.init(4, low: 1, high: 10)]) == 333)
        #expect(SurveyScore.csi([.init(1, low: 1, high: 5)]) == 0)
        #expect(SurveyScore.csi([]) == nil)
        // A group's CSI weighs each survey the same: (100 + 75 + 37.5) / 3 = 70.83…
        #expect(SurveyScore.mean([1000, 750, 375]) == 708)
        #expect(SurveyScore.mean([1000, 375]) == 688)
    }

    @Test func R6_5_npsIsPromotersMinusDetractors() {
        #expect(SurveyScore.nps([10, 9, 8, 6, 3]) == 0)
        #expect(SurveyScore.nps([10, 9, 9, 7]) == 750)
        #expect(SurveyScore.nps([0, 6, 9]) == -333)
        #expect(SurveyScore.nps([7, 8]) == 0)
        #expect(SurveyScore.nps([]) == nil)
        #expect([0, 6, 7, 8, 9, 10].map { SurveyScore.group($0) } == [.detractor, .detractor, .passive, .passive, .promoter, .promoter])
        #expect(SurveyScore.text(-333) == "-33.3")
        #expect(SurveyScore.text(5) == "0.5")
        #expect(SurveyScore.text(-5) == "-0.5")
        #expect(SurveyScore.text(hundredths: 367) == "3.67")
        #expect(SurveyScore.text(hundredths: 405) == "4.05")
        #expect(SurveyScore.divide(-5, 10) == -1)
    }
}
