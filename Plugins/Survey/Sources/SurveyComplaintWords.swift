import LanePlugin

/// The complaint a low survey opens, in both languages: its text is written
/// in the store's language (the complaint's record); what the survey says of
/// it is read in each reader's.
enum SurveyComplaintWords {
    static let english: [MessageCode: String] = [
        "survey.complaint.text": "low scores in the satisfaction survey ({ro}): {why}",
        "survey.complaint.low_answer": "{question} {answer} ({scale})",
        "survey.complaint.low_csi": "CSI {csi}, below {below}",
        "survey.complaint.comment": "the customer said: {comment}",
        "survey.complaint.separator": "; ",
        // The survey's settings ([plugin.survey] in store.toml).
        "survey.template.not_a_question": "'{item}' is not a question: write text|csi|1-5, text|nps or text|text",
        "survey.template.bad_kind": "'{item}': '{kind}' is not a question type (csi, nps or text)",
        "survey.template.text_scale": "'{item}': a text question has no scale, not '{scale}'",
        "survey.template.nps_scale": "'{item}': the NPS question is always 0-10, not '{scale}'",
        "survey.template.bad_scale": "'{item}': the scale '{scale}' should be low-high, e.g. 1-5",
        "survey.template.backwards": "'{item}': the scale {scale} runs backwards or has one point; write low-high, e.g. 1-5",
        "survey.template.scale_range": "'{item}': the scale {scale} should lie within 0-10",
        "survey.template.needs_csi": "it needs at least one csi question (the CSI is made of them)",
        "survey.template.two_nps": "it has more than one nps question; an NPS is one question",
        "survey.template.two_text": "it has more than one text question; the comment is one answer",
        "survey.template.asked_twice": "'{question}' is asked twice",
        "survey.settings.unknown": "is not a survey setting ({keys})",
        "survey.settings.question": "question {n} {why}",
        "survey.settings.template_problem": "the template {name}: {why}",
        "survey.settings.no_template": "there is no template '{name}' (no questions_{name}); the templates are {templates}",
        "survey.settings.not_number": "'{given}' should be a whole number from {min} to {max}: {meaning}",
        "survey.settings.meaning.complaint_below": "an overall CSI below it opens a complaint",
        "survey.settings.meaning.max_days": "how many days after delivery a survey is still taken",
        "survey.settings.meaning.target_csi": "the survey CSI report kpi expects at least",
        "survey.settings.meaning.target_nps": "the NPS report kpi expects at least",
        "survey.settings.unusable": "the survey settings ([plugin.survey] in store.toml) are not usable",
    ]

    static let chinese: [MessageCode: String] = [
        "survey.complaint.text": "满意度调查低分（{ro}）：{why}",
        "survey.complaint.low_answer": "{question} {answer}（{scale}）",
        "survey.complaint.low_csi": "CSI {csi}，低于 {below}",
        "survey.complaint.comment": "客户意见：{comment}",
        "survey.complaint.separator": "；",
        "survey.template.not_a_question": "“{item}”不是问题：写成 `题目|csi|1-5`、`题目|nps` 或 `题目|text`",
        "survey.template.bad_kind": "“{item}”：“{kind}”不是题型（`csi`、`nps` 或 `text`）",
        "survey.template.text_scale": "“{item}”：文字题没有分值，不应写“{scale}”",
        "survey.template.nps_scale": "“{item}”：NPS 题的分值总是 0-10，不是“{scale}”",
        "survey.template.bad_scale": "“{item}”：分值“{scale}”应写成 最低-最高，例如 1-5",
        "survey.template.backwards": "“{item}”：分值 {scale} 颠倒了或只有一档；请写成 最低-最高，例如 1-5",
        "survey.template.scale_range": "“{item}”：分值 {scale} 应在 0-10 之内",
        "survey.template.needs_csi": "至少需要一道 CSI 评分题（满意度由它们算出）",
        "survey.template.two_nps": "NPS 题多于一道；NPS 只问一道题",
        "survey.template.two_text": "文字题多于一道；客户意见只记一条",
        "survey.template.asked_twice": "“{question}”问了两次",
        "survey.settings.unknown": "不是问卷设置（{keys}）",
        "survey.settings.question": "第 {n} 题：{why}",
        "survey.settings.template_problem": "问卷模板 {name}：{why}",
        "survey.settings.no_template": "没有问卷模板“{name}”（没有 questions_{name}）；现有模板：{templates}",
        "survey.settings.not_number": "“{given}”应为 {min} 到 {max} 之间的整数：{meaning}",
        "survey.settings.meaning.complaint_below": "总体 CSI 低于此值即登记投诉",
        "survey.settings.meaning.max_days": "交车后多少天内仍受理满意度调查",
        "survey.settings.meaning.target_csi": "report kpi 要求的满意度调查 CSI 下限",
        "survey.settings.meaning.target_nps": "report kpi 要求的 NPS 下限",
        "survey.settings.unusable": "问卷设置（store.toml 中的 [plugin.survey]）无法使用",
    ]
}
