import LanePlugin

/// The survey plugin's help in Chinese (see `LanePlugin.helpWords`).
enum SurveyHelpWords {
    static let chinese: [MessageCode: String] = [
        "survey.help.summary": "满意度回访问卷：按门店的问卷模板提问，计算 CSI 和 NPS，低分自动开投诉",
        "survey.help.noun.survey": "交车后的满意度回访：提问、查看、报表",
        "survey.help.command.survey.start": "对已交车的维修委托书做满意度回访；低分会开一条投诉",
        "survey.help.option.survey.start.ro": "维修委托书号（RO-…）",
        "survey.help.option.survey.start.answers": "按题目顺序（q1,q2,…）给出的评分，如 5,4,5,5,9",
        "survey.help.option.survey.start.comment": "客户说的话（模板中的文字题）",
        "survey.help.option.survey.start.template": "问卷模板（默认为门店设置的模板）",
        "survey.help.command.survey.show": "一份问卷：各题回答、CSI、NPS，以及它开的投诉",
        "survey.help.option.survey.show.ro": "维修委托书号（RO-…）",
        "survey.help.command.survey.report": "按服务顾问、班组或月份统计满意度：问卷数、CSI、NPS、得分最低的题目",
        "survey.help.option.survey.report.by": "advisor（服务顾问，默认）、team（班组）或 month（月份）",
        "survey.help.option.survey.report.from": "起始日期（默认为 --to 之前 89 天）",
        "survey.help.option.survey.report.to": "截止日期（默认为今天）",
        "survey.help.command.survey.questions": "门店设置中的问卷模板，题号即 --answers 的顺序",
        "survey.help.option.survey.questions.template": "只看此模板",
        // The discussions `help survey …` shows under each command.
        "survey.help.discussion.survey.start": "问卷在质量回访电话中询问，交车次日起可做；3 天内为按时，之后记为逾期，超过 max_days（门店设置，默认 14 天）则不再受理。回访电话本身用 `followup record` 记录。在提示符下不给 --answers，系统会逐题提问，最后请您确认。在脚本中用 --answers 按顺序给出各评分题的回答，以逗号分隔（题号见 `survey questions`：q1、q2……）；--comment 记客户的原话。任一 CSI 题选了最低分，或 CSI 低于 complaint_below（默认 60），会在同一事务中开一条投诉；无权开投诉的人员不能记录这样的问卷。",
        "survey.help.discussion.survey.report": "CSI（0-100）：每份问卷的 CSI 题回答换算到 0-100 后取平均；一组的 CSI 是其各份问卷 CSI 的平均值。NPS（-100…100）：推荐意愿题中推荐者（9-10 分）的百分比减去贬损者（0-6 分）的百分比。问卷按回访当天计入期间。各题按得分从低到高列出：先看最需要改进的。",
    ]
}
