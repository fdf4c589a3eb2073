// Enumerated values in Chinese (see English+Words.swift).
extension MessageCatalog {
    static let chineseWords: KeyValuePairs<MessageCode, String> = [
        "word.role.service_advisor": "服务顾问", "word.role.customer_service": "客服专员",
        "word.role.workshop_foreman": "车间主管", "word.role.team_leader": "班组长", "word.role.technician": "维修技师",
        "word.role.qc_inspector": "质检员", "word.role.technical_director": "技术总监", "word.role.parts_manager": "备件经理",
        "word.role.cashier": "收银员", "word.role.service_manager": "服务经理", "word.role.admin": "管理员",

        "word.ro_status.reception": "接待中", "word.ro_status.signed": "委托书已签字",
        "word.ro_status.handed_over": "已交车间主管", "word.ro_status.dispatched": "已派工",
        "word.ro_status.in_progress": "维修中", "word.ro_status.self_checked": "已自检",
        "word.ro_status.leader_checked": "已互检", "word.ro_status.qc_passed": "终检合格",
        "word.ro_status.ready_for_delivery": "待交车", "word.ro_status.delivered": "已交车",
        "word.ro_status.settled": "已结算", "word.ro_status.closed": "已关闭", "word.ro_status.cancelled": "已取消",

        "word.qc_stage.self": "技师自检", "word.qc_stage.leader": "班组长互检", "word.qc_stage.final": "终检",

        "word.appt_channel.inbound": "客户来电", "word.appt_channel.outbound": "顾问去电",
        "word.appt_channel.campaign": "活动邀约",
        "word.appt_status.booked": "已预约", "word.appt_status.confirmed": "已确认", "word.appt_status.arrived": "已到店",
        "word.appt_status.no_show": "爽约", "word.appt_status.cancelled": "已取消", "word.appt_status.rescheduled": "已改约",
        "word.confirmation.day_before": "提前一天确认", "word.confirmation.hour_before": "提前一小时确认",

        "word.reminder_kind.first_service": "首保", "word.reminder_kind.regular_service": "定保",
        "word.reminder_kind.lost_customer": "流失客户", "word.reminder_kind.delayed_delivery": "延迟交车",
        "word.reminder_kind.campaign": "服务活动", "word.reminder_kind.upgrade": "技术升级",
        "word.vehicle_event.sold": "售出", "word.vehicle_event.visit": "到店", "word.vehicle_event.mileage": "里程",
        "word.vehicle_event.transfer": "过户", "word.vehicle_event.edit": "修改",
        "word.visit_kind.first_service": "首保", "word.visit_kind.regular_service": "定保",
        "word.visit_kind.repair": "维修", "word.visit_kind.accident": "事故", "word.visit_kind.other": "其他",

        "word.payment.cash": "现金", "word.payment.card": "刷卡", "word.payment.wechat": "微信",
        "word.payment.alipay": "支付宝", "word.payment.transfer": "转账",
        "word.warranty.covered": "索赔", "word.warranty.not_covered": "非索赔",
        "word.warranty.pending_diagnosis": "待诊断", "word.warranty.escalated": "已上报",
        "word.approval.approved": "已同意", "word.approval.pending": "待确认", "word.approval.refused": "已拒绝",
        "word.reminder_outcome.booked": "已预约", "word.reminder_outcome.declined": "拒绝",
        "word.reminder_outcome.unreachable": "未接通",
        "word.follow_up_call.quality": "质量", "word.follow_up_call.tracking": "跟踪",
        "word.follow_up_outcome.reached": "已接通", "word.follow_up_outcome.unreachable": "未接通",
        "word.yes": "是", "word.no": "否",
        "word.payer.customer": "客户付费", "word.payer.warranty": "索赔", "word.payer.free": "免费",
        "word.old_parts.take": "带走", "word.old_parts.leave": "留店",
        "word.document.check-in": "接车检查单", "word.document.work-order": "维修委托书", "word.document.estimate": "估价单",
        "word.document.dispatch": "派工单", "word.document.settlement": "结算单", "word.document.gate-pass": "出门证",
        "word.document.repair-warranty": "维修质量保证卡", "word.document.appointment": "预约单",
    ]
}
