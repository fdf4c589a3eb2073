import Testing
@testable import LaneCore

/// Enumerated values read as words in Chinese wherever people read them, and
/// as their codes in English (which is what an English user types).
@Suite struct CodeWordsTests {
    static func kinds() -> [(kind: String, codes: [String])] {
        func all<T: Worded>(_ type: T.Type) -> (String, [String]) { (T.wordKind, T.allCases.map(\.rawValue)) }
        return [all(PaymentMethod.self), all(WarrantyDecision.self), all(LinePayer.self), all(OldPartsChoice.self),
                all(QualityCheckStage.self), all(CustomerConfirmationKind.self), all(AppointmentChannel.self),
                all(ReminderOutcome.self), all(ReminderKind.self), all(FollowUpCall.self), all(FollowUpOutcome.self),
                all(RepairOrderStatus.self), all(StaffRole.self), all(LineApproval.self), all(AppointmentStatus.self),
                all(VisitKind.self), all(VehicleEventKind.self), all(Complaint.Status.self), all(LineKind.self),
                all(ConfirmationState.self), all(Skill.self), all(DelayedDelivery.Cause.self), all(DelayedDelivery.State.self),
                all(RepairOrderStep.self)]
    }

    @Test func everyEnumeratedValueHasChineseWordsWithoutLatinLetters() {
        for (kind, codes) in Self.kinds() {
            for code in codes {
                let words = MessageCatalog.chinese.templates[MessageCode("word.\(kind).\(code)")]
                #expect(words != nil, "word.\(kind).\(code) has no Chinese words")
                // Roles and reminder kinds are Chinese in English too; a Chinese word holds no English.
                #expect(words?.contains { $0.isASCII && $0.isLetter } != true, "word.\(kind).\(code): \(words ?? "")")
            }
        }
    }

    @Test func chineseReadsTheWordAndEnglishTheCode() {
        #expect(MessageCatalog.chinese.codeWord("ro_status", "in_progress") == "维修中")
        #expect(MessageCatalog.english.codeWord("ro_status", "in_progress") == "in_progress")
        #expect(MessageCatalog.chinese.render(Message("repair_order.paid", ["amount": .money(Money(fen: 29606)), "method": PaymentMethod.wechat.argument,
                                                                              "gate_pass": .text("GP-1")])).contains("微信"))
        // An unknown code shows as itself rather than as nothing.
        #expect(MessageCatalog.chinese.codeWord("ro_status", "teleported") == "teleported")
        // A plugin's kind reads its own codes.
        PluginMessages.install([.english: ["zz.word.claim.open": "open"], .chinese: ["zz.word.claim.open": "待提交"]], plugin: "zz")
        #expect(MessageCatalog.chinese.codeWord("zz.claim", "open") == "待提交")
    }

    @Test func aStoredStatusMoveReadsInTheReadersWords() {
        let stored = "签了委托书 [signed → handed_over]"
        #expect(MessageCatalog.speaking(.chinese) { RepairOrderStatus.readingMove(in: stored) } == "签了委托书 [委托书已签字 → 已交车间主管]")
        #expect(MessageCatalog.speaking(.english) { RepairOrderStatus.readingMove(in: stored) } == stored)
        // Brackets that are not a status move stay as written.
        #expect(RepairOrderStatus.readingMove(in: "note [a → b]") == "note [a → b]")
        #expect(RepairOrderStatus.readingMove(in: "[signed → handed_over]") == "[signed → handed_over]")
    }
}
