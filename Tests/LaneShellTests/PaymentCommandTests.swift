import Foundation
import LaneCore
import LaneTesting
import Testing

/// `ro deposit`, `ro insurance`, `ro pay` in parts with change and on account,
/// `account open/show/repay`, the settlement's and `ro show`'s money fields,
/// the free first-service package and warranty lines the maker refused
/// (R3.5, R5.6, R5.8, accident repairs). Every refusal leaves the store as it was.
@Suite struct PaymentCommandTests {
    /// 粤B27DP2's 5,000 km service brought to the settlement: ¥224.00 + 13 % VAT = ¥253.12.
    static func delivered(_ shell: TestShell, labor: [String] = ["ro labor MNT-5K"], team: String = "机电一组",
                          tech: String = "夏勇", leader: String = "程国栋", beforeSign: [String] = []) throws {
        for line in ["ro open 粤B27DP2", "ro complaint --text 保养", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty not_covered",
                     "ro documents"] + labor + beforeSign + ["ro promise", "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博",
                     "ro handover", "set user 何子涵", "ro dispatch --team \(team)", "set user \(tech)"] {
            try shell.expectOK(line)
        }
        for (i, _) in labor.enumerated() {
            try shell.expectOK("ro clock-on \(i + 1) --tech \(tech)")
            try shell.expectOK("ro clock-off \(i + 1) --finished")
        }
        for line in ["ro check self --pass", "set user \(leader)", "ro check leader --pass --note 正常",
                     "set user 赵子涵", "ro check final --pass", "set user 薛淑芬", "ro delivery-check", "ro notify --at 19:00",
                     "ro deliver --next-date 2027-05-23 --next-km 24100 --call-time 工作日上午"] {
            try shell.expectOK(line)
        }
    }

    static func settled(_ shell: TestShell) throws {
        try delivered(shell)
        try shell.expectOK("ro settle --signed-by 卢文博")
        try shell.expectOK("set user 莫霞")
    }

    static func json(_ shell: TestShell, _ line: String) throws -> [String: Any] {
        shell.session.format = .json
        defer { shell.session.format = .table }
        let out = try shell.expectOK(line)
        let answer = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any] ?? [:]
        // A change answers `{"message", "record"}`; a lookup with the record itself.
        return answer["record"] as? [String: Any] ?? answer
    }

    @Test func R5_8_cashPaymentGivesChange() throws {
        let shell = try TestShell(seeded: true)
        try Self.settled(shell)
        #expect(try shell.expectRefusalCodes("ro pay --method cash --amount 253.12 --tendered 250 --invoice 1").contains("payment.tendered_short"))
        #expect(try shell.expectRefusalCodes("ro pay --method wechat --amount 253.12 --tendered 300 --invoice 1").contains("payment.tendered_without_cash"))
        let paid = try Self.json(shell, "ro pay --method cash --amount 253.12 --tendered 300 --invoice 04400123")
        #expect(paid["change_fen"] as? Int == 4_688 && paid["amount_fen"] as? Int == 25_312 && paid["status"] as? String == "closed")
        let show = try Self.json(shell, "ro show RO-20261123-0001")
        #expect(show["invoice"] as? String == "04400123" && show["gate_pass"] as? String == "GP-20261123-0001" && show["cashier"] as? String == "莫霞")
        let payments = show["payments"] as? [[String: Any]] ?? []
        #expect(payments.count == 1 && payments.first?["tendered_fen"] as? Int == 30_000 && payments.first?["change_fen"] as? Int == 4_688)
        // The time is the clock's, never typed: there is no option to give another.
        #expect(show["paid_at"] as? String == "2026-11-23T09:00:00+08:00")
        _ = try shell.expectRefused("ro pay RO-20261123-0001 --method cash --amount 253.12 --invoice 1 --at 2026-11-01T09:00", code: .usage)
    }

    @Test func R5_8_splitPaymentPartWeChatPartCash() throws {
        let shell = try TestShell(seeded: true)
        try Self.settled(shell)
        let codes = try shell.expectRefusalCodes("ro pay --split wechat:200,cash:50 --invoice 1")
        #expect(codes.contains("payment.parts_differ"))
        #expect(try shell.expectRefusalCodes("ro pay --split wechat,cash --invoice 1").contains("payment.one_open_part"))
        #expect(try shell.expectRefusalCodes("ro pay --split wechat:200,cash --method cash --amount 1 --invoice 1").contains("payment.split_or_method"))
        #expect(try shell.expectRefusalCodes("ro pay --split bitcoin:1,cash --invoice 1").contains("input.not_one_of"))
        let paid = try Self.json(shell, "ro pay --split wechat:200,cash --tendered 60 --invoice 04400124")
        let parts = paid["payments"] as? [[String: Any]] ?? []
        #expect(parts.map { $0["method"] as? String } == ["wechat", "cash"])
        #expect(parts.map { $0["amount_fen"] as? Int } == [20_000, 5_312])
        #expect(paid["change_fen"] as? Int == 688 && paid["amount_fen"] as? Int == 25_312)
    }

    @Test func R5_8_aDepositCountsTowardThePayment() throws {
        let shell = try TestShell(seeded: true)
        try Self.delivered(shell)
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectRefusalCodes("ro deposit --method account --amount 0").contains("payment.deposit_not_on_account"))
        #expect(try shell.expectRefusalCodes("ro deposit --method cash --amount abc").contains("input.not_yuan"))
        #expect(try shell.expectRefusalCodes("ro deposit --method cash --amount 100 --tendered 50").contains("payment.tendered_short"))
        let deposit = try Self.json(shell, "ro deposit --method cash --amount 100 --tendered 150")
        #expect(deposit["change_fen"] as? Int == 5_000 && deposit["deposits_fen"] as? Int == 10_000)
        // Only the cashier takes money.
        try shell.expectOK("set user 薛淑芬")
        _ = try shell.expectRefused("ro deposit --method cash --amount 100")
        let settled = try Self.json(shell, "ro settle --signed-by 卢文博")
        #expect(settled["due_fen"] as? Int == 15_312 && settled["deposits_fen"] as? Int == 10_000 && settled["customer_total_fen"] as? Int == 25_312)
        #expect(settled["next_service_on"] as? String == "2027-05-23" && settled["next_service_km"] as? Int == 24_100)
        #expect(settled["call_time"] as? String == "工作日上午")
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectRefusalCodes("ro pay --method wechat --amount 253.12 --invoice 1").contains("repair_order.payment_mismatch"))
        try shell.expectOK("ro pay --method wechat --amount 153.12 --invoice 04400125")
    }

    @Test func R5_8_aFleetCustomerPaysOnItsCreditAccountWithinItsLimit() throws {
        let shell = try TestShell(seeded: true)
        try Self.settled(shell)
        // No account yet.
        #expect(try shell.expectRefusalCodes("ro pay --method account --amount 253.12 --invoice 1").contains("account.none_for_customer"))
        // Only the service manager opens one; a limit must be positive.
        _ = try shell.expectRefused("account open C0002 --limit 200")
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectRefusalCodes("account open C0002 --limit 0").contains("account.limit_positive"))
        #expect(try shell.expectRefusalCodes("account open C9999 --limit 200").contains("customer.no_such_code"))
        let opened = try Self.json(shell, "account open C0002 --limit 200")
        #expect(opened["limit_fen"] as? Int == 20_000 && opened["balance_fen"] as? Int == 0)
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectRefusalCodes("ro pay --method account --amount 253.12 --invoice 1").contains("account.over_limit"))
        // Part on account, the rest by WeChat.
        try shell.expectOK("ro pay --split account:200,wechat --invoice 04400126")
        let account = try Self.json(shell, "account show C0002")
        #expect(account["balance_fen"] as? Int == 20_000 && account["available_fen"] as? Int == 0)
        let entries = account["entries"] as? [[String: Any]] ?? []
        #expect(entries.first?["reference"] as? String == "RO-20261123-0001" && entries.first?["kind"] as? String == "charge")
        // The fleet pays its bill.
        #expect(try shell.expectRefusalCodes("account repay C0002 --amount 300 --method transfer").contains("account.repay_above_balance"))
        #expect(try shell.expectRefusalCodes("account repay C0002 --amount 100 --method account").contains("account.repay_not_on_account"))
        #expect(try shell.expectRefusalCodes("account repay C0001 --amount 100 --method cash").contains("account.none_for_customer"))
        let repaid = try Self.json(shell, "account repay C0002 --amount 150 --method transfer --reference 回单88")
        #expect(repaid["balance_fen"] as? Int == 5_000)
        try shell.expectOK("set user 姚雪")
        #expect(try shell.expectRefusalCodes("account open C0002 --limit 49").contains("account.limit_below_balance"))
    }

    @Test func accidentRepair_billedToTheInsurerWithTheDeductibleToTheCustomer() throws {
        let shell = try TestShell(seeded: true)
        for line in ["ro open 粤B27DP2", "ro complaint --text 倒车撞到立柱", "ro check-in --mileage 19100 --fuel 4 --covers --damage 后保险杠破裂",
                     "ro warranty not_covered", "ro documents"] {
            try shell.expectOK(line)
        }
        #expect(try shell.expectRefusalCodes("ro labor PAINT-BUMPER --payer insurer").contains("insurance.claim_first"))
        let bad = try shell.expectRefusalCodes("ro insurance --insurer XYZ --claim ' ' --assessed 100 --deductible 200")
        #expect(bad.contains("insurance.unknown_insurer") && bad.contains("insurance.claim_number_needed") && bad.contains("insurance.deductible_above_assessed"))
        #expect(try shell.expectRefusalCodes("ro insurance --insurer PICC --claim R1 --assessed lots").contains("input.not_yuan"))
        let claim = try Self.json(shell, "ro insurance --insurer picc --claim RDAA2026001 --assessed 700 --deductible 100")
        #expect(claim["insurer"] as? String == "PICC" && claim["assessed_fen"] as? Int == 70_000)
        try shell.expectOK("ro labor PAINT-BUMPER --payer insurer")
        // 2.5 h × ¥280 = ¥700.00 + VAT ¥91.00 = ¥791.00: the insurer pays ¥600.00, the customer ¥191.00.
        let show = try Self.json(shell, "ro show")
        #expect(show["insurer_fen"] as? Int == 60_000 && show["customer_total_fen"] as? Int == 19_100 && show["total_fen"] as? Int == 0)
        #expect(show["insurance_claim"] as? String == "RDAA2026001")
    }

    @Test func R5_3_anAccidentRepairIsNotHandedOverAtAPeakTime() throws {
        let shell = try TestShell(seeded: true)
        try Self.delivered(shell, labor: ["ro labor BODY-DENT"], team: "钣喷组", tech: "萧春梅", leader: "薛雨桐")
        // Delivered at 19:00 without a word; the same job told at a peak time is warned.
        let timeline = try shell.expectOK("ro timeline")
        #expect(!timeline.contains("accident repair"))
        let other = try TestShell(seeded: true)
        for line in ["ro open 粤B27DP2", "ro complaint --text 钣金", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty not_covered",
                     "ro documents", "ro labor BODY-DENT", "ro promise", "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博",
                     "ro handover", "set user 何子涵", "ro dispatch --team 钣喷组", "set user 萧春梅", "ro clock-on 1 --tech 萧春梅",
                     "ro clock-off 1 --finished", "ro check self --pass", "set user 薛雨桐", "ro check leader --pass --note 正常",
                     "set user 赵子涵", "ro check final --pass", "set user 薛淑芬", "ro delivery-check"] {
            try other.expectOK(line)
        }
        #expect(try other.expectOK("ro notify --at 17:00").contains("an accident repair is not handed over at a peak time"))
    }

    @Test func R5_6_theSettlementShowsTheDeclinedItemsSignatureAndTheNextService() throws {
        let shell = try TestShell(seeded: true)
        try Self.delivered(shell, beforeSign: ["ro labor BRK-PAD-F --recommended --safety", "ro decline 2"])
        #expect(try shell.expectRefusalCodes("ro settle --signed-by 卢文博").contains("repair_order.declined_safety_sign"))
        let settled = try Self.json(shell, "ro settle --signed-by 卢文博 --declined-signed")
        #expect(settled["declined_signed_by"] as? String == "卢文博")
        let words = try shell.expectOK("ro show")
        #expect(words.contains("declined items signed by") && words.contains("2027-05-23") && words.contains("工作日上午"))
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("settlement-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        try shell.expectOK("print settlement RO-20261123-0001 --html \(page.path)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("卢文博") && html.contains("工作日上午") && html.contains("24100"))
    }

    @Test func R5_6_theFirstServiceOilAndFilterAreFreeForTheBrand() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B6R1C3")
        try shell.expectOK("ro part XH-15400-0001")
        let out = try shell.expectOK("ro labor MNT-FIRST")
        #expect(out.contains("first service: line 1 XH-15400-0001"))
        try shell.expectOK("ro part XH-08232-0020 --qty 4")
        try shell.expectOK("ro part XH-17220-0003")
        let show = try Self.json(shell, "ro show")
        let payers = (show["lines"] as? [[String: Any]] ?? []).map { $0["payer"] as? String }
        #expect(payers == ["free", "free", "free", "customer"])
        // Only the air filter is charged: ¥65.00 + VAT.
        #expect(show["parts_fen"] as? Int == 6_500)
    }

    @Test func R3_5_aRejectedClaimsLinesWaitForTheCustomerBeforeWorkGoesOn() throws {
        let shell = try TestShell(seeded: true)
        for line in ["ro open 粤B27DP2", "ro complaint --text 变速箱异响", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty escalated",
                     "ro documents", "ro labor MNT-5K", "ro labor SHOCK-F --payer warranty", "ro promise",
                     "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博", "ro handover", "set user 何子涵",
                     "ro dispatch --team 机电一组", "set user 薛淑芬"] {
            try shell.expectOK(line)
        }
        let said = try shell.expectOK("ro warranty not-covered")
        #expect(said.contains("wait for the customer's approval") && said.contains("SHOCK-F"))
        let show = try Self.json(shell, "ro show")
        let shock = (show["lines"] as? [[String: Any]] ?? []).first { $0["code"] as? String == "SHOCK-F" }
        #expect(shock?["payer"] as? String == "customer" && shock?["approval"] as? String == "pending")
        try shell.expectOK("set user 夏勇")
        #expect(try shell.expectRefusalCodes("ro clock-on 2 --tech 夏勇").contains("repair_order.work_waits_for_approval"))
        try shell.expectOK("set user 薛淑芬")
        try shell.expectOK("ro approve 2")
        try shell.expectOK("set user 夏勇")
        try shell.expectOK("ro clock-on 2 --tech 夏勇")
    }

    @Test func theMoneyAnswersAsDocumented() throws {
        var docs = try JSONAnswerTests.documented()
        docs["ro open"]?.removeValue(forKey: "record.first_visit")
        docs["ro open"]?.removeValue(forKey: "record.possible_comeback_of")  // `ro open`'s answer only, not `ro show`'s
        // `ro show` adds the check-in sheet, the work order's terms, comebacks and checks (documented with `ro estimate`).
        for (path, type) in docs["ro estimate"] ?? [:] where !path.contains("…") && !path.hasPrefix("recommended") {
            docs["ro open"]?["record." + path] = type
        }
        let shell = try TestShell(seeded: true)
        try Self.delivered(shell)
        try shell.expectOK("set format json")
        var answers: [String: String] = [:]
        answers["ro insurance"] = try shell.expectOK("ro insurance --insurer PAIC --claim PA-1 --assessed 100")
        try shell.expectOK("set user 莫霞")
        answers["ro deposit"] = try shell.expectOK("ro deposit --method cash --amount 50 --tendered 60")
        try shell.expectOK("set user 薛淑芬")
        answers["ro settle"] = try shell.expectOK("ro settle --signed-by 卢文博")
        try shell.expectOK("set user 姚雪")
        answers["account open"] = try shell.expectOK("account open C0002 --limit 1000")
        try shell.expectOK("set user 莫霞")
        answers["ro pay"] = try shell.expectOK("ro pay --split account:100,cash --tendered 200 --invoice 9")
        // `ro show` is `ro open`'s record, with the payments now listed.
        answers["ro open"] = "{\"message\": \"\", \"record\": " + (try shell.expectOK("ro show")) + "}"
        for (command, answer) in answers { try JSONAnswerTests().check(command, answer, docs) }
    }
}
