// Enumerated values as people read them (`word.KIND.VALUE`): statuses,
// checks, channels, reminder kinds… Each enum's `title` reads its word from
// the current catalog, so tables and sentences follow the reader's language.
// Role titles stay the dealership's Chinese job titles in English too, as
// the staff list and the staff themselves call them.
extension MessageCatalog {
    static let englishWords: KeyValuePairs<MessageCode, String> = [
        "word.role.service_advisor": "服务顾问", "word.role.customer_service": "客服专员",
        "word.role.workshop_foreman": "车间主管", "word.role.team_leader": "班组长", "word.role.technician": "维修技师",
        "word.role.qc_inspector": "质检员", "word.role.technical_director": "技术总监", "word.role.parts_manager": "备件经理",
        "word.role.cashier": "收银员", "word.role.service_manager": "服务经理", "word.role.admin": "管理员",

        "word.ro_status.reception": "at reception", "word.ro_status.signed": "work order signed",
        "word.ro_status.handed_over": "with the foreman", "word.ro_status.dispatched": "dispatched",
        "word.ro_status.in_progress": "in the workshop", "word.ro_status.self_checked": "self-checked",
        "word.ro_status.leader_checked": "team-leader checked", "word.ro_status.qc_passed": "passed final QC",
        "word.ro_status.ready_for_delivery": "ready for delivery", "word.ro_status.delivered": "delivered",
        "word.ro_status.settled": "settled", "word.ro_status.closed": "closed", "word.ro_status.cancelled": "cancelled",

        "word.qc_stage.self": "technician self-check", "word.qc_stage.leader": "team-leader check", "word.qc_stage.final": "final QC",

        "word.appt_channel.inbound": "customer called in", "word.appt_channel.outbound": "advisor called out",
        "word.appt_channel.campaign": "campaign invitation",
        "word.appt_status.booked": "booked", "word.appt_status.confirmed": "confirmed", "word.appt_status.arrived": "arrived",
        "word.appt_status.no_show": "no-show", "word.appt_status.cancelled": "cancelled", "word.appt_status.rescheduled": "rescheduled",
        "word.confirmation.day_before": "day-before confirmation", "word.confirmation.hour_before": "hour-before confirmation",

        "word.reminder_kind.first_service": "first service 首保", "word.reminder_kind.regular_service": "regular service 定保",
        "word.reminder_kind.lost_customer": "lost customer 流失客户", "word.reminder_kind.delayed_delivery": "delayed delivery 延迟交车",
        "word.reminder_kind.campaign": "service campaign 服务活动", "word.reminder_kind.upgrade": "technical upgrade 技术升级",
        "word.vehicle_event.sold": "sold", "word.vehicle_event.visit": "visit", "word.vehicle_event.mileage": "mileage",
        "word.vehicle_event.transfer": "new owner", "word.vehicle_event.edit": "changed",
        "word.visit_kind.first_service": "first service 首保", "word.visit_kind.regular_service": "regular service 定保",
        "word.visit_kind.repair": "repair 维修", "word.visit_kind.accident": "accident 事故", "word.visit_kind.other": "other 其他",

        "word.payment.cash": "cash", "word.payment.card": "card", "word.payment.wechat": "wechat",
        "word.payment.alipay": "alipay", "word.payment.transfer": "transfer",
        "word.warranty.covered": "covered", "word.warranty.not_covered": "not_covered",
        "word.warranty.pending_diagnosis": "pending_diagnosis", "word.warranty.escalated": "escalated",
        "word.approval.approved": "approved", "word.approval.pending": "pending", "word.approval.refused": "refused",
        "word.reminder_outcome.booked": "booked", "word.reminder_outcome.declined": "declined",
        "word.reminder_outcome.unreachable": "unreachable",
        "word.follow_up_call.quality": "quality", "word.follow_up_call.tracking": "tracking",
        "word.follow_up_outcome.reached": "reached", "word.follow_up_outcome.unreachable": "unreachable",
        "word.yes": "yes", "word.no": "no",
        "word.payer.customer": "customer", "word.payer.warranty": "warranty", "word.payer.free": "free",
        "word.old_parts.take": "take", "word.old_parts.leave": "leave",
        // A printed document's name in a sentence: in English the `print` verb itself.
        "word.document.check-in": "check-in", "word.document.work-order": "work-order", "word.document.estimate": "estimate",
        "word.document.dispatch": "dispatch", "word.document.settlement": "settlement", "word.document.gate-pass": "gate-pass",
        "word.document.repair-warranty": "repair-warranty", "word.document.appointment": "appointment",
    ]
}
