import LanePlugin

/// One question of a survey template.
public struct SurveyQuestion: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A satisfaction score on a scale (1-5 by default); these make the CSI.
        case csi
        /// "How likely are you to recommend us?" 0-10; makes the NPS.
        case nps
        /// The customer's own words; answered with `--comment`.
        case text
    }

    public var text: String
    public var kind: Kind
    public var low: Int
    public var high: Int

    public init(_ text: String, _ kind: Kind, low: Int = 0, high: Int = 0) {
        self.text = text
        self.kind = kind
        self.low = low
        self.high = high
    }

    public var isScored: Bool { kind != .text }
    public var scale: String { "\(low)-\(high)" }
}

/// A named questionnaire: the scored questions in order, at most one NPS
/// question and at most one free-text question.
public struct SurveyTemplate: Sendable, Equatable {
    public var name: String
    public var questions: [SurveyQuestion]

    public init(name: String, questions: [SurveyQuestion]) {
        self.name = name
        self.questions = questions
    }

    /// The questions answered with numbers, in the order `--answers` gives them.
    public var scored: [SurveyQuestion] { questions.filter(\.isScored) }
    /// The wording of the free-text question, when the template has one.
    public var textQuestion: SurveyQuestion? { questions.first { $0.kind == .text } }

    /// `接待服务|csi|1-5`, `您向亲友推荐本店的可能性|nps`, `其他意见|text`: one
    /// question; the CSI scale defaults to 1-5, NPS is always 0-10.
    static func question(_ item: String) -> Result<SurveyQuestion, Problem> {
        let parts = item.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        func bad(_ code: MessageCode, _ args: [String: MessageArgument] = [:]) -> Result<SurveyQuestion, Problem> {
            .failure(Problem("", Message(code, args.merging(["item": .text(item)]) { own, _ in own })))
        }
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty else { return bad("survey.template.not_a_question") }
        guard let kind = SurveyQuestion.Kind(rawValue: parts[1].lowercased()) else {
            return bad("survey.template.bad_kind", ["kind": .text(parts[1])])
        }
        let scaleText = parts.count == 3 ? parts[2] : nil
        switch kind {
        case .text:
            if let scaleText { return bad("survey.template.text_scale", ["scale": .text(scaleText)]) }
            return .success(SurveyQuestion(parts[0], .text))
        case .nps:
            // NPS is defined on 0-10 (promoters 9-10, detractors 0-6); another scale would not be an NPS.
            if let scaleText, scaleText != "0-10" { return bad("survey.template.nps_scale", ["scale": .text(scaleText)]) }
            return .success(SurveyQuestion(parts[0], .nps, low: 0, high: 10))
        case .csi:
            guard let scaleText else { return .success(SurveyQuestion(parts[0], .csi, low: 1, high: 5)) }
            let ends = scaleText.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let low = Int(ends[0]), let high = Int(ends[1]) else {
                return bad("survey.template.bad_scale", ["scale": .text(scaleText)])
            }
            if low >= high { return bad("survey.template.backwards", ["scale": .text(scaleText)]) }
            if low < 0 || high > 10 { return bad("survey.template.scale_range", ["scale": .text(scaleText)]) }
            return .success(SurveyQuestion(parts[0], .csi, low: low, high: high))
        }
    }

    /// Every problem with a template's questions.
    static func problems(_ questions: [SurveyQuestion]) -> [Message] {
        var p: [Message] = []
        if !questions.contains(where: { $0.kind == .csi }) { p.append(Message("survey.template.needs_csi")) }
        if questions.filter({ $0.kind == .nps }).count > 1 { p.append(Message("survey.template.two_nps")) }
        if questions.filter({ $0.kind == .text }).count > 1 { p.append(Message("survey.template.two_text")) }
        var seen: Set<String> = []
        for q in questions where !seen.insert(q.text).inserted { p.append(Message("survey.template.asked_twice", ["question": .text(q.text)])) }
        return p
    }
}

/// The plugin's settings: the `[plugin.survey]` section of store.toml.
public struct SurveySettings: Sendable, Equatable {
    public var templates: [String: SurveyTemplate]
    public var defaultTemplate: String
    /// An overall CSI (0-100) below this opens a complaint.
    public var complaintBelow: Int
    /// A survey is refused this many days after delivery; from day 4 it is late (R6.1 asks within 3 days).
    public var maxDays: Int
    /// Targets for `report kpi` in whole points: the survey CSI (0…100) at least, the NPS (−100…100) at least.
    public var targetCSI: Int? = nil
    public var targetNPS: Int? = nil

    /// R6.1: the quality call, and its survey, within 3 days of delivery.
    public static let onTimeDays = 3

    /// The template a store without its own gets.
    public static let standard = SurveyTemplate(name: "standard", questions: [
        SurveyQuestion("接待服务", .csi, low: 1, high: 5),
        SurveyQuestion("维修质量", .csi, low: 1, high: 5),
        SurveyQuestion("按时交车", .csi, low: 1, high: 5),
        SurveyQuestion("费用透明", .csi, low: 1, high: 5),
        SurveyQuestion("您向亲友推荐本店的可能性", .nps, low: 0, high: 10),
        SurveyQuestion("其他意见或建议", .text),
    ])

    static let keys = ["template", "complaint_below", "max_days", "target_csi", "target_nps"]
    static let questionsPrefix = "questions_"

    /// Reads and checks the settings; every problem is named with its key.
    public static func parse(_ config: [String: String]) throws(Refusal) -> SurveySettings {
        var p: [Problem] = []
        func field(_ key: String) -> String { "plugin.survey.\(key)" }
        var templates: [String: SurveyTemplate] = [:]
        for (key, value) in config.sorted(by: { $0.key < $1.key }) {
            if key == "enabled" || keys.contains(key) { continue }
            guard key.hasPrefix(questionsPrefix), key.count > questionsPrefix.count else {
                p.append(Problem(field(key), Message("survey.settings.unknown", ["keys": .text((keys + ["questions_NAME"]).joined(separator: ", "))])))
                continue
            }
            let name = String(key.dropFirst(questionsPrefix.count))
            var questions: [SurveyQuestion] = []
            var bad = false
            for (i, item) in SettingList.items(value).enumerated() {
                switch SurveyTemplate.question(item.trimmingWhitespace()) {
                case .success(let q): questions.append(q)
                case .failure(let why):
                    p.append(Problem(field(key), Message("survey.settings.question", ["n": .int(i + 1), "why": .message(why.said)])))
                    bad = true
                }
            }
            if !bad {
                p += SurveyTemplate.problems(questions).map { Problem(field(key), Message("survey.settings.template_problem", ["name": .text(name), "why": .message($0)])) }
            }
            templates[name] = SurveyTemplate(name: name, questions: questions)
        }
        if templates.isEmpty { templates[standard.name] = standard }
        let defaultTemplate = config["template"]?.trimmingWhitespace() ?? (templates[standard.name] != nil ? standard.name : templates.keys.min() ?? standard.name)
        if templates[defaultTemplate] == nil {
            p.append(Problem(field("template"), Message("survey.settings.no_template", ["name": .text(defaultTemplate),
                                                                                         "templates": .text(templates.keys.sorted().joined(separator: ", "))])))
        }
        func number(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>, _ meaning: MessageCode) -> Int {
            guard let text = config[key] else { return fallback }
            guard let n = Int(text.trimmingWhitespace()), range.contains(n) else {
                p.append(Problem(field(key), Message("survey.settings.not_number", ["given": .text(text), "min": .int(range.lowerBound), "max": .int(range.upperBound),
                                                                                     "meaning": .message(Message(meaning))])))
                return fallback
            }
            return n
        }
        let below = number("complaint_below", 60, 0...100, "survey.settings.meaning.complaint_below")
        let maxDays = number("max_days", 14, onTimeDays...90, "survey.settings.meaning.max_days")
        let targetCSI = config["target_csi"] == nil ? nil : number("target_csi", 0, 0...100, "survey.settings.meaning.target_csi")
        let targetNPS = config["target_nps"] == nil ? nil : number("target_nps", 0, -100...100, "survey.settings.meaning.target_nps")
        try Refusal.check(Message("survey.settings.unusable"), p)
        return SurveySettings(templates: templates, defaultTemplate: defaultTemplate, complaintBelow: below, maxDays: maxDays,
                              targetCSI: targetCSI, targetNPS: targetNPS)
    }

    /// The template asked for, or the default one.
    public func template(_ name: String?, into p: inout [Problem]) -> SurveyTemplate? {
        let wanted = name?.trimmingWhitespace() ?? defaultTemplate
        guard let t = templates[wanted] else {
            p.append(Problem("template", Message("survey.no_such_template", ["given": .text(wanted),
                                                                              "templates": .text(templates.keys.sorted().joined(separator: ", "))])))
            return nil
        }
        return t
    }
}
