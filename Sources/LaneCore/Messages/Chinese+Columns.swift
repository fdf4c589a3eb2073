// Column and field titles in Chinese, by the key tables and records give them
// (the key of JSON and CSV): English titles are the ones the commands write.
// A key not here keeps its English title. One table, so a key has one place
// (a second entry for a key stops the program at its first use, and every test).
extension MessageCatalog {
    public static let chineseColumnTitles: [String: String] = [
        "action": "操作", "address": "地址", "advisor": "服务顾问", "after": "之后", "amount_fen": "金额", "approval": "客户意见",
        "appt": "预约", "at": "时间", "attempt": "邀约次数", "average_score": "平均分", "bay": "工位", "bays": "工位数",
        "bays_free": "空闲工位", "before": "之前", "bin": "库位", "booked": "已预约", "by": "操作人", "call": "回访",
        "call_time": "方便接听时间", "called_at": "来电时间", "campaign": "活动", "cause": "原因", "channel": "渠道",
        "checked": "已校验行数", "checkin_mileage": "进厂里程（公里）", "checkpoint": "检查点", "code": "编号", "command": "命令",
        "commands": "命令", "comment": "意见", "complaint": "投诉", "complaint_id": "投诉", "complaint_opened": "已立投诉",
        "confirmation": "确认", "count": "数量", "covered_fen": "索赔/免费（不收费）", "created_at": "登记日期", "customer": "客户",
        "customer_code": "客户编号", "customer_name": "客户", "customers": "客户", "database": "数据库", "date": "日期",
        "declined": "拒绝", "detail": "详情", "discount_fen": "优惠", "discount_limit_basis_points": "顾问优惠上限（基点）",
        "due_on": "到期", "duration_minutes": "分钟", "eligible": "符合条件", "estimated_km": "估计里程", "event": "事件",
        "expected_on": "预计", "field": "字段", "file": "文件", "file_ok": "文件完好", "finding": "调查结果", "fixed": "已解决",
        "folder": "文件夹", "from": "从", "gate_pass": "出门证", "group": "组别", "hours": "工时", "id": "编号",
        "internal": "内部确认", "internal_complete": "内部确认完成", "invoice": "发票", "job": "维修项目", "key": "设置项",
        "key_checked": "已校验密钥", "kind": "类型", "label": "名称", "labor_fen": "工时费", "labor_rate_fen": "工时单价",
        "last_visit": "最近到店", "line": "行", "message": "提醒", "method": "支付方式", "migration": "迁移",
        "mileage_km": "里程（公里）", "mileage_on": "读数日期", "missing": "缺少", "model": "车型", "name": "名称", "new": "现为",
        "new_energy": "新能源", "newest_checkpoint": "最新检查点", "next": "下一步", "next_attempt_from": "下次邀约起",
        "next_attempt_until": "下次邀约止", "note": "备注", "notes": "备注", "now": "现在", "number": "单号", "old": "原为",
        "opened_at": "开单时间", "origin": "来源", "outcome": "结果", "override_by": "特批人", "override_reason": "特批原因",
        "owner_code": "车主", "owner_name": "车主姓名", "paid_fen": "实收", "part": "备件", "parts_fen": "材料费", "payer": "付费方",
        "peak": "高峰", "peak_hours": "高峰时段", "phone": "电话", "plate": "车牌", "previous_owner_code": "原车主",
        "previous_owner_name": "原车主姓名", "price_fen": "价格", "priority": "优先", "progress": "进度", "promised_at": "承诺交车",
        "qty": "数量", "quantity": "数量", "reason": "原因", "recorded_by": "记录人", "ref": "对象", "reference": "单号",
        "refused": "拒绝原因", "replacement": "现为", "reserved": "已预留", "ro": "维修委托书", "role": "岗位", "roles": "可执行岗位",
        "row": "行", "rows": "行数", "rule": "规则", "running": "运行中", "safety": "安全项目", "score": "满意度",
        "scored_calls": "有评分的回访", "seq": "序号", "signed": "已签名行数", "skill": "技能", "sold_on": "销售日期",
        "standard_hours": "标准工时", "start": "开始", "state": "状态", "status": "状态", "status_before": "原状态", "step": "步骤",
        "stock": "库存", "store": "门店", "summary": "摘要", "team": "班组", "text": "客户陈述", "title": "标题", "to_issue": "待发料",
        "total_fen": "合计", "transferred_on": "过户日期", "tries": "尝试次数", "unit": "单位", "unsigned": "签名前的行",
        "until": "截至", "user": "用户", "utc_offset": "时区", "valuables": "车内贵重物品", "value": "值",
        "vat_basis_points": "增值税（基点）", "vat_fen": "增值税", "vehicles": "车辆", "version": "版本", "vin": "车架号",
        "visit": "到店", "visit_kind": "到店类型", "visits": "到店次数", "warranty": "索赔", "weekday": "星期", "what": "内容",
        "window": "期限",
        "appointments": "预约", "calls": "通话", "changes": "修改", "erased": "已清除", "follow_ups": "回访",
        "history": "经历", "lines": "明细", "loaded": "已载入", "migrations": "已执行的迁移", "recent": "最近经历",
        "recommended": "按维修记录建议", "reminder_calls": "提醒电话", "repair_orders": "维修委托书",
        "settings": "设置", "warnings": "提醒", "confirmations": "待打的确认电话", "my_orders": "等我处理的维修委托书",
        "to_dispatch": "待派工（预约优先）", "to_check": "已自检，待您检验", "team_work": "本组的作业", "final_qc": "待终检",
        "to_pay": "已结算，待收款", "open_orders": "在修的维修委托书", "loads": "班组负荷",
        "reminders": "提醒电话（`remind due`）", "parts": "待发料", "parts_checks": "待核查备件的预约",
        // Printed documents, the audit trail's personal data, plugins' lifecycle.
        "document": "单据", "copy": "第几次打印", "reprint": "重印", "format": "格式", "language": "语言", "printer": "打印机",
        "personal_checked": "已校验个人信息的行", "personal_erased": "个人信息已清除的行",
        "personal_values_erased": "已清除的个人信息项", "sealed_since": "封签起始行",
        "personal_legacy": "个人信息未分开保存的行", "plugin": "插件", "plugin_failures": "出错的插件", "error": "出错原因",
        "result": "结果", "customer_waits": "客户在店等候",
        // `today` for the service manager: the KPIs off target (report kpi).
        "kpi_off_target": "本月未达标的指标（`report kpi`）", "figure": "指标", "target": "目标",
        // The fields `ro show` gains for the check-in sheet, terms, checks and comebacks.
        "fuel_eighths": "油量（八分之几）", "covers_fitted": "已铺三件套", "damage": "外观损伤", "equipment": "随车物品",
        "payment_method": "付款方式", "old_parts": "旧件", "wash": "免费洗车", "washed": "已洗车", "signed_by": "委托书签字人",
        "signed_at": "委托书签字时间", "comeback_of": "返修自", "came_back_as": "返修单", "comebacks": "返修次数",
        "possible_comeback_of": "返修期内交车的委托书", "stage": "检验", "passed": "合格", "rework": "返工行", "checks": "检验记录",
        // Payments, insurance, credit accounts and appointments' phone readings; the compiled plugins' tables
        // (parts, survey, warranty).
        "assessed_fen": "定损金额", "available_fen": "可用额度", "balance_fen": "欠款", "cashier": "收银员", "change_fen": "找零",
        "customer_total_fen": "客户应付", "declined_signed_by": "拒修项目签字人", "deductible_fen": "免赔额", "deposits_fen": "已收订金",
        "due_fen": "尚需支付", "entered_late": "补录", "entries": "最近记录", "insurance_claim": "理赔单号", "insurer": "保险公司",
        "insurer_fen": "保险公司支付", "limit_fen": "挂账额度", "next_service_km": "下次保养里程", "next_service_on": "下次保养日期",
        "opened_by": "开户人", "paid_at": "付款时间", "payments": "收款记录", "reported_mileage": "来电所报里程", "tendered_fen": "实收",
        "audit": "审计记录", "basic": "整车质保", "covers": "保修范围", "diagnosis": "诊断", "excluded": "不在保修范围",
        "excluded_operations": "保养类项目（不属维修）", "excluded_parts": "易损件与保养件", "groups": "分组", "late_days": "逾期天数",
        "mileage": "里程", "movements": "出入库记录", "operation_covered": "工时在保", "operation_why": "原因", "part_covered": "备件在保",
        "part_why": "原因", "period": "期间", "questions": "问题（得分最低者在前）", "recalls": "待做召回与升级", "surveyed_at": "调查时间",
        "surveyed_by": "调查人", "symptom": "故障现象", "vehicle": "车辆",
        "answer": "回答", "answers": "回答", "appointment": "预约", "arrived": "已到货", "available": "可用", "average": "平均分",
        "balance": "结存", "claim": "索赔单", "complaints": "投诉", "cover": "保修项目", "covered": "在保", "csi": "CSI 满意度",
        "day": "日期", "delivered_on": "交车日期", "delivery_note": "送货单号", "delta": "变动", "detractors": "贬损者",
        "done": "已完成", "done_on": "完成日期", "due_by": "截止日期", "eta": "预计到货", "filled": "已补足", "km_limit": "里程上限",
        "late": "逾期", "limits": "期限", "low": "低于订货点", "first_visit": "新客户", "maker_ref": "厂家编号", "next_eta": "最近预计到货",
        "nps": "NPS 净推荐值", "nps_answer": "推荐意愿", "on_hand": "在库", "on_order": "在途", "operation": "工时项目",
        "operations": "工时项目", "ordered_at": "订货时间", "passives": "中立者", "promoters": "推荐者", "q": "题号",
        "question": "题目", "reorder_point": "订货点", "scale": "分值", "since": "起始", "supplier": "供应商",
        "surveyed_on": "回访日期", "surveys": "问卷数", "template": "问卷模板", "waiting_for": "等待", "why": "原因",
        // `store list` and `report kpi --stores`: the stores on one server (a dealer group).
        "schema": "数据库模式", "this_store": "本店", "group_total": "集团合计",
        // `staff list`: when a member of staff left the store (`staff leave`).
        "left_at": "离职时间",
    ]

    /// Keys whose meaning depends on the table: by key and the English title the
    /// table writes (`reference` is a campaign in a reminder call, the order a printed
    /// document is for, a receipt or an order number elsewhere), read before `chineseColumnTitles`.
    public static let chineseColumnTitlesInContext: [String: String] = [
        "reference campaign": "活动", "reference for": "所属单号",
    ]

    /// The title of a column or field in this catalog's language: Chinese by its key, else as written.
    public func columnTitle(key: String, _ written: String) -> String {
        guard isChinese else { return written }
        return MessageCatalog.chineseColumnTitlesInContext[key + " " + written] ?? MessageCatalog.chineseColumnTitles[key] ?? written
    }
}
