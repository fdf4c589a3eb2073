import LanePlugin
import Testing
@testable import SurveyPlugin

/// The questions asked one by one at the prompt (R6.1), with a scripted
/// person at the terminal: what they type, and the prompts they see.
@Suite struct SurveyInterviewTests {
    final class Person {
        var lines: [String?]
        var prompts: [String] = []
        init(_ lines: [String?]) { self.lines = lines }
        func ask(_ prompt: String) -> String? {
            prompts.append(prompt)
            return lines.isEmpty ? nil : lines.removeFirst()
        }
    }

    let standard = SurveySettings.standard

    @Test func R6_1_questionsAreAskedInOrderAndWrongAnswersAskedAgain() throws {
        let person = Person(["5", "7", "", "4", "5", "5", "9", " 师傅很专业 ", "y"])
        let answers = try SurveyInterview.run(standard, ro: "RO-20261123-0001", comment: nil, ask: person.ask)
        #expect(answers == SurveyInterview.Answers(scores: [5, 4, 5, 5, 9], comment: "师傅很专业"))
        #expect(answers?.answersOption == "5,4,5,5,9")
        #expect(person.prompts == [
            "q1/5 接待服务 (1-5): ",
            "q2/5 维修质量 (1-5): ",
            "'7' is not on the scale 1-5: q2/5 维修质量 (1-5): ",
            "a number, please: q2/5 维修质量 (1-5): ",
            "q3/5 按时交车 (1-5): ",
            "q4/5 费用透明 (1-5): ",
            "q5/5 您向亲友推荐本店的可能性 (0-10): ",
            "其他意见或建议 (Enter for none): ",
            "record RO-20261123-0001: 5,4,5,5,9 and the comment? [Y/n] ",
        ])
    }

    @Test func aCommentGivenAsAFlagIsNotAskedAgainAndAnEmptyOneIsNone() throws {
        let given = Person(["5", "5", "5", "5", "10", ""])
        #expect(try SurveyInterview.run(standard, ro: "RO-1", comment: "很好", ask: given.ask)?.comment == "很好")
        #expect(!given.prompts.contains { $0.hasPrefix("其他意见") })
        let none = Person(["5", "5", "5", "5", "10", "", "是"])
        #expect(try SurveyInterview.run(standard, ro: "RO-1", comment: nil, ask: none.ask) == SurveyInterview.Answers(scores: [5, 5, 5, 5, 10], comment: nil))
        #expect(none.prompts.last == "record RO-1: 5,5,5,5,10? [Y/n] ")
    }

    @Test func inAScriptNobodyIsAskedAndTheCommandListsTheFlags() throws {
        let script = Person([])
        #expect(try SurveyInterview.run(standard, ro: "RO-1", comment: nil, ask: script.ask) == nil)
        #expect(script.prompts.count == 1)
    }

    @Test func leavingHalfWayOrSayingNoRecordsNothing() {
        // Outside a shell nobody installed the plugin, so its words are added here as the host adds them.
        #expect(PluginMessages.install(SurveyPlugin().messages, plugin: "survey").isEmpty)
        let left = Person(["5", "4"])
        #expect(throws: Refusal.self) { try SurveyInterview.run(standard, ro: "RO-1", comment: nil, ask: left.ask) }
        let no = Person(["5", "4", "5", "5", "9", "", "x", "n"])
        do {
            _ = try SurveyInterview.run(standard, ro: "RO-1", comment: nil, ask: no.ask)
            Issue.record("a no was recorded")
        } catch {
            #expect((error as? Refusal)?.codes == ["survey.not_recorded", "survey.declined"])
            #expect("\(error)".contains("you chose not to record the answers"))
        }
        #expect(no.prompts.suffix(2) == ["record RO-1: 5,4,5,5,9? [Y/n] ", "y or n: record RO-1: 5,4,5,5,9? [Y/n] "])
    }
}
