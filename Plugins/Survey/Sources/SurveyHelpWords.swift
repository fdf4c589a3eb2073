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
    ]
}
