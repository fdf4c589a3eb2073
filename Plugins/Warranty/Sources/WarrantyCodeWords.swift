import LanePlugin

/// Claim statuses and recall kinds as people read them (a table keeps the
/// code for scripts: `Column(…, words: "warranty.claim_status")`), and the
/// notes the plugin adds under other commands' answers.
enum WarrantyCodeWords {
    static let english: [MessageCode: String] = [
        "warranty.empty.recalls": "no recalls or upgrades",
        "warranty.empty.eligible": "no vehicle on the register is eligible",
        "warranty.empty.open_recalls": "no open recall or upgrade",
        "warranty.empty.covers": "no longer covers",
        "warranty.word.claim_status.open": "open 待提交", "warranty.word.claim_status.submitted": "submitted 待厂家答复",
        "warranty.word.claim_status.approved": "approved 厂家批准", "warranty.word.claim_status.rejected": "rejected 厂家拒绝",
        "warranty.word.recall_kind.recall": "recall 召回", "warranty.word.recall_kind.upgrade": "technical upgrade 技术升级",
        "warranty.word.answer.yes": "yes", "warranty.word.answer.no": "no", "warranty.word.answer.cannot decide": "cannot decide",
        // A cover and its verdict in words (`warranty check`).
        "warranty.cover.basic": "basic cover 整车质保", "warranty.cover.group": "{name} cover",
        "warranty.unit.year": "{n} year", "warranty.unit.years": "{n} years", "warranty.unit.month": "{n} month",
        "warranty.unit.months": "{n} months", "warranty.unit.day": "{n} day", "warranty.unit.days": "{n} days",
        "warranty.mileage.not_read": "not read since the sale on {date}", "warranty.mileage.read": "{km} on {on}",
        "warranty.mileage.estimate": " (about {km} now at the same average km/day)",
        "warranty.why.ended": "age: the cover ended on {date}, {span} ago", "warranty.why.only_today": "only today",
        "warranty.why.over_km": "mileage: {km} on {on} is {over} over {limit}",
        "warranty.why.probably_over": "mileage: {km} on {on}, but about {estimate} by now, over {limit}; read the odometer",
        "warranty.why.not_read": "mileage: the odometer has not been read since the sale on {date}; read it at check-in",
        "warranty.why.left": "{left} left",
        "warranty.note.stays_escalated": "{ro} stays escalated: claim {claim} is still {status}",
        "warranty.note.past_leader_check": "{ro} is past the team-leader check (now: {status}): its warranty decision stays escalated; the maker's answer is on the claim",
        "warranty.note.decided_covered": "{ro} warranty: {decision}; the maker pays: put the repair's lines on --payer warranty",
        "warranty.note.decided_not_covered": "{ro} warranty: {decision}; its warranty lines are now at the customer's cost and wait for the customer's approval (`ro approve` or `ro decline`) before work goes on",
        "warranty.note.recall_eligible": "{plate} is eligible for {kind} {code} {title}: do it on this visit, then `warranty recall-done {code} {ro}`",
        "warranty.reminder.recall": "{kind} {code} {title}: invite the customer, or do it at the next visit{until}",
        "warranty.reminder.until": " (until {date})",
    ]

    static let chinese: [MessageCode: String] = [
        "warranty.empty.recalls": "暂无召回或技术升级",
        "warranty.empty.eligible": "登记的车辆中没有符合条件的",
        "warranty.empty.open_recalls": "没有待做的召回或技术升级",
        "warranty.empty.covers": "已无在保项目",
        "warranty.word.claim_status.open": "待提交", "warranty.word.claim_status.submitted": "待厂家答复",
        "warranty.word.claim_status.approved": "厂家批准", "warranty.word.claim_status.rejected": "厂家拒绝",
        "warranty.word.recall_kind.recall": "召回", "warranty.word.recall_kind.upgrade": "技术升级",
        "warranty.word.answer.yes": "在保", "warranty.word.answer.no": "不在保", "warranty.word.answer.cannot decide": "无法判定",
        "warranty.cover.basic": "整车质保", "warranty.cover.group": "{name}延长保修",
        "warranty.unit.year": "{n} 年", "warranty.unit.years": "{n} 年", "warranty.unit.month": "{n} 个月",
        "warranty.unit.months": "{n} 个月", "warranty.unit.day": "{n} 天", "warranty.unit.days": "{n} 天",
        "warranty.mileage.not_read": "{date}售车以来未读过里程表", "warranty.mileage.read": "{on}读数 {km}",
        "warranty.mileage.estimate": "（按同样的日均里程，现约 {km}）",
        "warranty.why.ended": "车龄：保修已于{date}到期，已过 {span}", "warranty.why.only_today": "仅剩今天",
        "warranty.why.over_km": "里程：{on}读数 {km}，超出上限 {limit} 达 {over}",
        "warranty.why.probably_over": "里程：{on}读数 {km}，按日均里程估算现约 {estimate}，已超过 {limit}；请读取里程表",
        "warranty.why.not_read": "里程：{date}售车以来未读过里程表；请在接车时读取",
        "warranty.why.left": "尚余 {left}",
        "warranty.note.stays_escalated": "{ro} 仍为已上报：索赔单 {claim} 仍是{status}",
        "warranty.note.past_leader_check": "{ro} 已过班组长互检（当前：{status}）：索赔判定仍为已上报；厂家的答复记在索赔单上",
        "warranty.note.decided_covered": "{ro} 索赔判定：{decision}；由厂家承担：请把这次维修的项目设为 --payer warranty",
        "warranty.note.decided_not_covered": "{ro} 索赔判定：{decision}；索赔项目已改为客户自费，须经客户同意（`ro approve` 或 `ro decline`）后才能继续施工",
        "warranty.note.recall_eligible": "{plate} 符合{kind} {code}「{title}」：请在本次进店时完成，然后执行 `warranty recall-done {code} {ro}`",
        "warranty.reminder.recall": "{kind} {code}「{title}」：邀约客户，或在下次进店时完成{until}",
        "warranty.reminder.until": "（截至 {date}）",
    ]
}
