import LanePlugin

/// The survey asked question by question at the prompt, while the customer
/// is on the phone. `ask` is `PluginContext.ask` (tests pass a script of
/// answers). A wrong answer is asked again with the reason; nothing is
/// recorded until the advisor confirms.
public enum SurveyInterview {
    public struct Answers: Sendable, Equatable {
        /// The scored answers in template order, as `--answers` takes them.
        public var scores: [Int]
        public var comment: String?

        public var answersOption: String { scores.map(String.init).joined(separator: ",") }
    }

    /// Nil when no one can be asked (the very first question gets no line:
    /// a script), so the command refuses with the flags to give instead.
    /// `comment` already given (`--comment`) is not asked again.
    public static func run(_ template: SurveyTemplate, ro: String, comment: String?,
                           ask: (String) throws -> String?) throws -> Answers? {
        var scores: [Int] = []
        var text = comment
        var askedAny = false
        // nil from `ask`: a script at the first question; later, the answers ran out.
        func line(_ prompt: String) throws -> String? {
            let answer = try ask(prompt)
            if answer == nil && askedAny { throw left(ro) }
            askedAny = true
            return answer
        }
        let total = template.scored.count
        for q in template.questions {
            switch q.kind {
            case .csi, .nps:
                let base = "q\(scores.count + 1)/\(total) \(q.text) (\(q.scale)): "
                var prompt = base
                while true {
                    guard let answer = try line(prompt)?.trimmingWhitespace() else { return nil }
                    if let n = Int(answer), (q.low...q.high).contains(n) {
                        scores.append(n)
                        break
                    }
                    prompt = (answer.isEmpty ? "a number, please: " : "'\(answer)' is not on the scale \(q.scale): ") + base
                }
            case .text:
                guard text == nil else { continue }
                guard let answer = try line("\(q.text) (Enter for none): ") else { return nil }
                text = answer.trimmingWhitespace()
            }
        }
        let summary = "record \(ro): \(scores.map(String.init).joined(separator: ","))" + ((text ?? "").isEmpty ? "" : " and the comment") + "? [Y/n] "
        var prompt = summary
        while true {
            guard let answer = try line(prompt)?.trimmingWhitespace().lowercased() else { return nil }
            if ["", "y", "yes", "是", "好"].contains(answer) { break }
            if ["n", "no", "否", "不"].contains(answer) {
                throw Refusal(Message("survey.not_recorded", ["ro": .text(ro)]), problems: [Problem("answers", Message("survey.declined"))])
            }
            prompt = "y or n: " + summary
        }
        return Answers(scores: scores, comment: (text ?? "").isEmpty ? nil : text)
    }

    static func left(_ ro: String) -> Refusal {
        Refusal(Message("survey.not_recorded", ["ro": .text(ro)]), problems: [Problem("answers", Message("survey.left_early"))])
    }
}
