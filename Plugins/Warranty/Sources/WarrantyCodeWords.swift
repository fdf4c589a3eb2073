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
        "warranty.note.stays_escalated": "{ro} stays escalated: claim {claim} is still {status}",
        "warranty.note.past_leader_check": "{ro} is past the team-leader check (now: {status}): its warranty decision stays escalated; the maker's answer is on the claim",
        "warranty.note.decided_covered": "{ro} warranty: {decision}; the maker pays: put the repair's lines on --payer warranty",
        "warranty.note.decided_not_covered": "{ro} warranty: {decision}; its warranty lines are now at the customer's cost and wait for the customer's approval (`ro approve` or `ro decline`) before work goes on",
        "warranty.note.recall_eligible": "{plate} is eligible for {kind} {code} {title} (R1.6): do it on this visit, then `warranty recall-done {code} {ro}`",
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
        "warranty.note.stays_escalated": "{ro} 仍为已上报：索赔单 {claim} 仍是{status}",
        "warranty.note.past_leader_check": "{ro} 已过班组长互检（当前：{status}）：索赔判定仍为已上报；厂家的答复记在索赔单上",
        "warranty.note.decided_covered": "{ro} 索赔判定：{decision}；由厂家承担：请把这次维修的项目设为 --payer warranty",
        "warranty.note.decided_not_covered": "{ro} 索赔判定：{decision}；索赔项目已改为客户自费，须经客户同意（`ro approve` 或 `ro decline`）后才能继续施工",
        "warranty.note.recall_eligible": "{plate} 符合{kind} {code}「{title}」：请在本次进店时完成，然后执行 `warranty recall-done {code} {ro}`",
        "warranty.reminder.recall": "{kind} {code}「{title}」：邀约客户，或在下次进店时完成{until}",
        "warranty.reminder.until": "（截至 {date}）",
    ]
}
