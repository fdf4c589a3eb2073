// Enumerated values that tables and answers show: each reads as its word in
// Chinese (`Column(…, words: T.wordKind)`, `value.argument`), as its code in English.
extension AppointmentStatus: Worded { public static var wordKind: String { "appt_status" } }
extension VisitKind: Worded { public static var wordKind: String { "visit_kind" } }
extension VehicleEventKind: Worded { public static var wordKind: String { "vehicle_event" } }
extension Complaint.Status: Worded { public static var wordKind: String { "complaint_status" } }
extension LineKind: Worded { public static var wordKind: String { "line_kind" } }
extension ConfirmationState: Worded { public static var wordKind: String { "confirmation_state" } }
extension DelayedDelivery.Cause: Worded { public static var wordKind: String { "delay_cause" } }
extension DelayedDelivery.State: Worded { public static var wordKind: String { "delay_state" } }
extension RepairOrderStep: Worded { public static var wordKind: String { "ro_step" } }

extension Worded {
    /// Its word (as `word`, in both languages) as a message argument, so a
    /// message kept in a row (a timeline's) is read in the reader's language.
    public var wordArgument: MessageArgument {
        let code = "word." + Self.wordKind + "." + rawValue
        return .message(Message(MessageCode(code)))
    }
}

extension RepairOrderStatus {
    /// ` [signed → handed_over]`, the status move an answer ends with, in the
    /// reader's words (` [委托书已签字 → 已交车间主管]`).
    public static func move(_ before: RepairOrderStatus, _ after: RepairOrderStatus) -> String {
        let c = MessageCatalog.current
        return " [\(c.codeWord(wordKind, before.rawValue)) → \(c.codeWord(wordKind, after.rawValue))]"
    }

    /// A timeline row's words as stored (` [signed → handed_over]` at the end,
    /// in codes, whatever the writer's language) with the move in the reader's.
    public static func readingMove(in detail: String) -> String {
        let (words, moved) = splitMove(detail)
        return words + (moved ?? "")
    }

    /// The words before a stored status move, and the move in the reader's words (nil: there is none).
    public static func splitMove(_ detail: String) -> (String, String?) {
        guard detail.hasSuffix("]"), let open = detail.lastIndex(of: "["), open > detail.startIndex,
              detail[detail.index(before: open)] == " " else { return (detail, nil) }
        let inside = detail[detail.index(after: open)..<detail.index(before: detail.endIndex)]
        let parts = inside.split(separator: "→").map { String($0).trimmingWhitespace() }
        guard parts.count == 2, let a = RepairOrderStatus(rawValue: parts[0]), let b = RepairOrderStatus(rawValue: parts[1]) else { return (detail, nil) }
        return (String(detail[..<detail.index(before: open)]), move(a, b))
    }
}
extension PaymentKind: Worded { public static var wordKind: String { "payment_kind" } }
extension CreditAccountEntry.Kind: Worded { public static var wordKind: String { "account_entry" } }
