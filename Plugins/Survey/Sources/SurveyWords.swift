import LanePlugin

/// The survey plugin's words, in English and in the words of a 4S store's
/// customer-service desk (满意度调查、回访). The host adds them to the
/// shell's catalogs (`LanePlugin.messages`).
enum SurveyWords {
    static let english: [MessageCode: String] = [
        "survey.no_such_ro": "there is no repair order {ro}",
        "survey.delivered_today": "{ro} was delivered today; the survey is taken in the quality call from {from} (R6.1)",
        "survey.too_late": "{ro} was delivered on {delivered}, {age} days ago; surveys are taken up to {max} days after delivery (max_days): record what the customer says with `followup record` or `complaint open`",
        "survey.not_delivered": "{ro} has not been delivered yet ({status}); the survey follows delivery (R6.1)",
        "survey.already_taken": "{ro} was already surveyed on {on} by {by}; `survey show {ro}` shows it",
        "survey.no_customer": "the customer of {ro} is not on file",
        "survey.cannot_record": "cannot record the survey of {ro}",
        "survey.answers_needed": "give the {count} answers of the {template} survey in order, --answers 'q1,q2,…': {questions}; at the prompt, leave --answers out to be asked one by one",
        "survey.bad_answer": "'{given}' is not an answer to {question}: a whole number from {low} to {high}",
        "survey.answers_missing": "{given} answers for {count} questions; missing {missing}",
        "survey.answers_extra": "{given} answers for {count} questions: the {template} survey asks {questions}",
        "survey.ro_not_found": "no such repair order",
        "survey.none_for": "{ro} has no survey",
        "survey.none_taken": "no survey was taken for {ro}; `survey start {ro}` takes it",
        "survey.bad_grouping": "'{given}' is advisor, team or month",
        "survey.from_after_to": "{from} is after {to}",
        "survey.cannot_report": "cannot make the survey report",
        "survey.cannot_show_questions": "cannot show the survey questions",
        "survey.not_recorded": "the survey of {ro} was not recorded",
        "survey.declined": "you chose not to record the answers; nothing was stored",
        "survey.left_early": "the questions were left before the end; nothing was stored",
        "survey.today.none_due": "no surveys due",
        "survey.today.due": "satisfaction surveys to take (R6.1: survey start)",
        "survey.no_such_template": "there is no template '{given}'; the templates are {templates}",
    ]

    static let chinese: [MessageCode: String] = [
        "survey.no_such_ro": "没有维修工单 {ro}",
        "survey.delivered_today": "{ro} 今天刚交车；满意度调查在 {from} 起的回访电话中进行",
        "survey.too_late": "{ro} 于 {delivered} 交车，已过 {age} 天；满意度调查只在交车后 {max} 天内进行（max_days）：客户的意见请用 `followup record` 或 `complaint open` 记录",
        "survey.not_delivered": "{ro} 尚未交车（{status}）；满意度调查在交车之后进行",
        "survey.already_taken": "{ro} 已于 {on} 由 {by} 做过满意度调查；可用 `survey show {ro}` 查看",
        "survey.no_customer": "{ro} 的客户没有建档",
        "survey.cannot_record": "无法记录 {ro} 的满意度调查",
        "survey.answers_needed": "请按顺序给出 {template} 问卷的 {count} 个答案，--answers 'q1,q2,…'：{questions}；在提示符下不给 --answers 则逐题询问",
        "survey.bad_answer": "“{given}”不是“{question}”的答案：应为 {low} 到 {high} 之间的整数",
        "survey.answers_missing": "{count} 道题只给了 {given} 个答案；缺少 {missing}",
        "survey.answers_extra": "{count} 道题给了 {given} 个答案：{template} 问卷的题目是 {questions}",
        "survey.ro_not_found": "没有这张维修工单",
        "survey.none_for": "{ro} 没有满意度调查",
        "survey.none_taken": "{ro} 还没有做满意度调查；可用 `survey start {ro}` 进行",
        "survey.bad_grouping": "“{given}”应为 advisor（服务顾问）、team（班组）或 month（月份）",
        "survey.from_after_to": "{from} 晚于 {to}",
        "survey.cannot_report": "无法生成满意度报表",
        "survey.cannot_show_questions": "无法显示问卷题目",
        "survey.not_recorded": "{ro} 的满意度调查未记录",
        "survey.declined": "您选择不记录这些答案；未保存任何内容",
        "survey.left_early": "问卷未答完即退出；未保存任何内容",
        "survey.today.none_due": "没有待做的满意度调查",
        "survey.today.due": "待做的满意度调查（survey start）",
        "survey.no_such_template": "没有问卷模板“{given}”；现有模板：{templates}",
    ]
}
