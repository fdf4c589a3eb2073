// 接车检查单和委托书约定、按技能派工、技师同一时间只开一项工、检验不合格后的返工、
// 返修、以前拒绝的安全项目：Workshop.swift 及其业务台和命令的中文。
extension MessageCatalog {
    static let chineseWorkshop: KeyValuePairs<MessageCode, String> = [
        "workshop.did.check_in_sheet": "已铺好三件套，接车检查单：{mileage} 公里，油量 {fuel}/8，外观损伤 {damage}，贵重物品 {valuables}，随车物品 {equipment}",
        "workshop.did.sign_terms": "{name} 已在任务委托书上签字：付款方式 {payment}，旧件 {old_parts}，{wash}；维修中发现的新项目须经客户同意后才做；请把客户联交给客户，并引导至休息室",
        "workshop.wash_yes": "免费洗车",
        "workshop.wash_no": "不洗车",

        "workshop.team_lacks_skill": "{code} {name} 需要{skill}技能，{team} 没有（该组技能：{skills}）",
        "workshop.dispatch_override_not_allowed": "{name}（{role}）无权特批：只有车间主管或服务经理能把工作派给不具备技能的班组",
        "workshop.dispatch_override_not_needed": "{team} 具备这些工作的技能，无需特批",
        "workshop.did.dispatch_override": "已派工给 {team}，该组不具备 {lines} 的技能：{by} 特批，原因：{reason}",
        "workshop.technician_busy": "{name} 自 {since} 起正在 {number} 第 {line} 行 {code} 上作业：请先在那里结束计时（同一时间只做一项，工时不重复计算）",
        "workshop.progress_rework": "返工",
        "workshop.no_checks_yet": "尚未检验",

        "repair_order.cannot.comeback": "不能将 {number} 登记为返修",
        "workshop.comeback_already_linked": "已登记为 {number} 的返修",
        "workshop.comeback_of_itself": "委托书不能是自己的返修",
        "workshop.comeback_other_vehicle": "{number} 是另一辆车的委托书",
        "workshop.comeback_too_late": "{number} 已交车 {since} 天；返修须在交车后 {days} 天内（workshop.comeback_days）",
        "workshop.comeback_not_delivered": "{number} 尚未交车给客户（{status}）",
        "workshop.comeback_needs_confirmation": "{number} 的返修须客户在车旁确认故障已排除（--fault-gone）才能交车；如未排除，请增加发现的项目（`ro labor`、`ro part`），车辆退回车间继续维修",
        "workshop.did.comeback": "登记为 {earlier} 的返修，距交车 {days} 天：修到客户满意为止",
        "workshop.came_back_as": "因同一故障返修，返修单 {number}，距交车 {days} 天",
        "workshop.possible_comeback": "{number} 于 {date} 交车（{days} 天前；客户描述：{complaint}）：如为同一故障返厂，请用 `ro comeback {number}` 登记返修",
        "workshop.declined_before": "{code} {name}：客户在 {number}（{date}）拒绝过的安全项目，请再次建议",

        "settings.not_comeback_days": "“{given}”不是 1 到 3650 之间的天数",

        "word.skill.maintenance": "保养", "word.skill.mechanical": "机修", "word.skill.electrical": "电器",
        "word.skill.body": "钣金", "word.skill.paint": "喷漆", "word.skill.ev": "新能源",

        "help.command.ro.comeback": "车辆因以前委托书的同一故障返厂（返修）",
        "help.discussion.ro.comeback": "以前的委托书必须是同一辆车的，且在本店的返修期限内交车（workshop.comeback_days）。两张委托书的时间线和 `ro show` 都会记下这一关联；返修车须客户确认故障已排除才能交车（`ro deliver --fault-gone`）。",
        "help.option.ro.comeback.ro": "维修委托书号，例如 RO-20261123-0001",
        "help.option.ro.comeback.earlier": "以前的委托书，例如 RO-20261102-0003",
        "help.discussion.ro.dispatch": "班组必须具备每项未完成工时所需的技能（按工时目录）；车间主管或服务经理可用 --override-reason 特批派给不具备技能的班组，原因记在回复、时间线和审计记录中。",
        "help.option.ro.dispatch.override-reason": "车间主管或服务经理：为何让不具备技能的班组承接",
        "help.option.ro.deliver.fault-gone": "客户已在车旁确认故障排除（返修车必须）",
    ]
}
