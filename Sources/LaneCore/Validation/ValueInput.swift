/// An enumerated value whose words are in the catalogs (`word.KIND.VALUE`).
public protocol Worded: CaseIterable, RawRepresentable where RawValue == String {
    /// The catalog's kind for its words (`payment` → `word.payment.wechat`).
    static var wordKind: String { get }
}

extension PaymentMethod: Worded { public static var wordKind: String { "payment" } }
extension WarrantyDecision: Worded { public static var wordKind: String { "warranty" } }
extension LinePayer: Worded { public static var wordKind: String { "payer" } }
extension OldPartsChoice: Worded { public static var wordKind: String { "old_parts" } }
extension QualityCheckStage: Worded { public static var wordKind: String { "qc_stage" } }
extension CustomerConfirmationKind: Worded { public static var wordKind: String { "confirmation" } }
extension AppointmentChannel: Worded { public static var wordKind: String { "appt_channel" } }
extension ReminderOutcome: Worded { public static var wordKind: String { "reminder_outcome" } }
extension ReminderKind: Worded { public static var wordKind: String { "reminder_kind" } }
extension FollowUpCall: Worded { public static var wordKind: String { "follow_up_call" } }
extension FollowUpOutcome: Worded { public static var wordKind: String { "follow_up_outcome" } }
extension RepairOrderStatus: Worded { public static var wordKind: String { "ro_status" } }
extension StaffRole: Worded { public static var wordKind: String { "role" } }
extension LineApproval: Worded { public static var wordKind: String { "approval" } }

extension Worded {
    /// Its word in the current language (`微信`, `wechat`).
    public var word: String { MessageCatalog.current.word(Self.wordKind, rawValue) }
    /// Its code as people type it: hyphens, one style for every code (`not-covered`).
    public var spelled: String { ValueInput.spelled(rawValue) }
    /// As a message argument: its word in Chinese, its code in English.
    public var argument: MessageArgument { .code(Self.wordKind, rawValue) }
}

/// Enumerated values as typed: the code in either spelling (`not-covered`,
/// the older `not_covered`, any case), its word in either language (`微信`,
/// `索赔`), or a word a counter says for it (`银行卡`, `自费`).
public enum ValueInput {
    /// `not_covered` → `not-covered`.
    public static func spelled(_ code: String) -> String { String(code.map { $0 == "_" ? "-" : $0 }) }

    public static func value<T: Worded>(_ text: String, as type: T.Type = T.self) -> T? {
        let typed = text.trimmingWhitespace()
        let code = String(typed.lowercased().map { $0 == "-" ? "_" : $0 })
        if let v = T(rawValue: code) { return v }
        guard !typed.isEmpty else { return nil }
        for v in T.allCases {
            if MessageCatalog.chinese.word(T.wordKind, v.rawValue) == typed { return v }
            if MessageCatalog.english.word(T.wordKind, v.rawValue).lowercased() == typed.lowercased() { return v }
        }
        if let raw = synonyms[T.wordKind]?[typed] { return T(rawValue: raw) }
        return nil
    }

    /// The codes to offer, hyphen-spelled.
    public static func choices<T: Worded>(_ type: T.Type) -> [String] { T.allCases.map { spelled($0.rawValue) } }

    /// The code someone probably meant by what matched none.
    public static func suggestion<T: Worded>(_ text: String, _ type: T.Type) -> String? {
        Spelling.closest(to: spelled(text.trimmingWhitespace().lowercased()), among: choices(type))
    }

    /// Why `text` is none of the codes: the choices, and the one probably meant.
    public static func notOneOf<T: Worded>(_ text: String, _ type: T.Type) -> Message {
        let choices = MessageArgument.list(choices(type).map { .text($0) })
        if let meant = suggestion(text, type) {
            return Message("input.not_one_of_meant", ["given": .text(text), "choices": choices, "suggestion": .text(meant)])
        }
        return Message("input.not_one_of", ["given": .text(text), "choices": choices])
    }

    /// `yes`/`no` in either language (`是`, `否`, `要`, `不要`).
    public static func yesNo(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "yes", "y", "true", "是", "要", "需要", "好": return true
        case "no", "n", "false", "否", "不", "不要", "不需要": return false
        default: return nil
        }
    }

    /// What a service counter says besides the catalog's own words.
    static let synonyms: [String: [String: String]] = [
        "payment": ["微信支付": "wechat", "支付宝支付": "alipay", "银行卡": "card", "银联": "card", "信用卡": "card",
                    "pos": "card", "对公转账": "transfer", "银行转账": "transfer"],
        "payer": ["客户付费": "customer", "自费": "customer", "保修": "warranty", "厂家索赔": "warranty", "赠送": "free"],
        "old_parts": ["带回": "take", "不要": "leave", "留下": "leave"],
        "qc_stage": ["自检": "self", "互检": "leader", "班组长检验": "leader", "质检": "final"],
        "confirmation": ["提前一天": "day_before", "提前一小时": "hour_before"],
        "appt_channel": ["来电": "inbound", "呼入": "inbound", "去电": "outbound", "呼出": "outbound", "活动": "campaign"],
        "reminder_outcome": ["预约": "booked", "不需要": "declined", "无人接听": "unreachable", "打不通": "unreachable"],
        "follow_up_call": ["质量回访": "quality", "跟踪回访": "tracking"],
        "follow_up_outcome": ["接通": "reached", "无人接听": "unreachable", "打不通": "unreachable"],
        "warranty": ["保修": "covered", "不保修": "not_covered", "自费": "not_covered", "诊断中": "pending_diagnosis", "上报厂家": "escalated"],
        "reminder_kind": ["首次保养": "first_service", "定期保养": "regular_service"],
    ]
}
