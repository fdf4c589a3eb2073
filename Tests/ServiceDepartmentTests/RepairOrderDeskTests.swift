import LaneCore
import LaneShell
import LaneStore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// The repair-order and follow-up desks called directly, as a second front
/// end would: the rules, the permission check and the audit row come with
/// them, without the shell (the demo dealership, Monday 2026-11-23 09:00).
@Suite struct RepairOrderDeskTests {
    static func caller(_ shell: TestShell, _ user: String = "薛淑芬", _ role: StaffRole = .serviceAdvisor,
                       at now: Timestamp = TestShell.demoNow) throws -> Caller {
        Caller(user: user, role: role, now: now, settings: try shell.session.settings(), request: "(a second front end)")
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body() } catch let r as Refusal { return r } catch { Issue.record("not a refusal: \(error)") }
        return nil
    }

    @Test func openingAnswersWithTheOrderAndItsAuditRow() throws {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        let opened = try desk.open(vehicle: "粤B27DP2", by: try Self.caller(shell)).value
        #expect(opened.number == "RO-20261123-0001")
        #expect(opened.order.status == .reception)
        #expect(opened.customerCode == "C0002" && opened.customerName == "卢文博")
        #expect(!opened.firstVisit)
        #expect(opened.message.code == "repair_order.opened")
        let audit = try shell.store.read { try $0.auditEntries(ref: "RO-20261123-0001", user: nil, from: nil, to: nil, limit: 5) }
        #expect(audit.map(\.command) == ["(a second front end)"])
        #expect(audit.map(\.user) == ["薛淑芬"])
        // Numbers come from the allocator: the next order of the day follows.
        let second = try desk.open(vehicle: "粤B82396", by: try Self.caller(shell)).value
        #expect(second.number == "RO-20261123-0002")
    }

    @Test func aNewCustomersFirstOrderIsTheirFirstVisitAndTheirSecondCarsIsNot() throws {
        let shell = try TestShell(seeded: true)
        let added = try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        let code = try #require(added.split(separator: " ").first { $0.hasPrefix("C0") }.map(String.init))
        try shell.expectOK("vehicle add --vin LXHCB1A24T0000017 --plate BD12345 --model '星河 E3' --owner \(code) --sold 2026-10-01 --mileage 1200")
        try shell.expectOK("vehicle add --vin LXHCB1A25T0000091 --plate BD12346 --model '星河 E3' --owner \(code) --sold 2026-10-01 --mileage 900")
        let desk = RepairOrderDesk(shell.session.department)
        #expect(try desk.open(vehicle: "粤BD12345", by: try Self.caller(shell)).value.firstVisit)
        // The owner's other car has an order now: not a new customer.
        #expect(try !desk.open(vehicle: "粤BD12346", by: try Self.caller(shell)).value.firstVisit)
    }

    /// A list that shows plates only (`today`'s orders) reads no customer; `ro list` has them.
    @Test func theOrdersRowsComeWithTheirCustomersOnlyWhenAsked() throws {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        _ = try desk.open(vehicle: "粤B27DP2", by: try Self.caller(shell))
        let open = RepairOrderStatus.allCases.filter { $0 != .closed && $0 != .cancelled }
        let full = try desk.rows(statuses: open, by: try Self.caller(shell))
        let plates = try desk.rows(statuses: open, customers: false, by: try Self.caller(shell))
        #expect(!full.isEmpty && full.count == plates.count)
        #expect(full.map(\.order.number) == plates.map(\.order.number))
        #expect(full.map(\.plate) == plates.map(\.plate) && !plates.contains { $0.plate == "?" })
        #expect(full.allSatisfy { $0.customer != nil } && plates.allSatisfy { $0.customer == nil })
    }

    @Test func aCashierCannotOpenAnOrderWhateverTheFrontEnd() throws {
        let shell = try TestShell(seeded: true)
        let before = try shell.store.snapshot()
        let r = refusal { _ = try RepairOrderDesk(shell.session.department).open(vehicle: "粤B27DP2", by: try Self.caller(shell, "莫霞", .cashier)) }
        #expect(r?.codes == ["access.role_may_not", "access.needs_one_of"])
        #expect(try shell.store.snapshot() == before)
    }

    @Test func aSecondOpenOrderIsRefusedWithItsCodeAndNothingStored() throws {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        _ = try desk.open(vehicle: "粤B27DP2", by: try Self.caller(shell))
        let before = try shell.store.snapshot()
        let r = refusal { _ = try desk.open(vehicle: "粤B27DP2", by: try Self.caller(shell)) }
        #expect(r?.codes == ["repair_order.cannot_open", "repair_order.already_open"])
        #expect(try shell.store.snapshot() == before)
    }

    @Test func signingListsEveryMissingReceptionStepAsCodes() throws {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        let number = try desk.open(vehicle: "粤B27DP2", by: try Self.caller(shell)).value.number
        let action = RepairOrderAction(.sign(payment: .wechat, oldParts: .take, wash: true, signedBy: "卢文博"))
        let r = refusal { _ = try desk.perform(action, order: number, by: try Self.caller(shell)) }
        #expect(r?.codes == ["repair_order.cannot.sign", "repair_order.blocked.complaint", "repair_order.blocked.check_in",
                             "repair_order.blocked.warranty", "repair_order.blocked.documents", "repair_order.blocked.estimate",
                             "repair_order.blocked.promise"])
    }

    @Test func whatAFrontEndCouldNotReadIsNamedWithTheRulesFindings() throws {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        let number = try desk.open(vehicle: "粤B27DP2", by: try Self.caller(shell)).value.number
        let unread = Problem("qty", Message("input.not_quantity", ["given": .text("0")]))
        let action = RepairOrderAction(.addPart(number: "XH-NOPE", quantity: 1, terms: LineTerms(payer: nil, recommended: false, safety: false)),
                                       inputProblems: [unread])
        let r = refusal { _ = try desk.perform(action, order: number, by: try Self.caller(shell)) }
        #expect(r?.codes == ["repair_order.cannot.part", "input.not_quantity", "repair_order.no_part"])
    }

    /// A whole visit through the desks, from opening to payment, with typed results.
    @Test func aVisitFromReceptionToPayment() throws {
        let shell = try TestShell(seeded: true)
        let desk = RepairOrderDesk(shell.session.department)
        let advisor = try Self.caller(shell)
        let number = try desk.open(vehicle: "粤B27DP2", by: advisor).value.number
        @discardableResult func step(_ s: RepairOrderAction.Step, _ who: Caller? = nil) throws -> StepDone<StepOutcome> {
            try desk.perform(RepairOrderAction(s), order: number, by: who ?? advisor).value
        }
        try step(.complaint(text: "保养"))
        try step(.checkIn(CheckInSheet(mileage: 19_100, fuelEighths: 4, coversFitted: true, damage: "无", valuables: "无", equipment: "")))
        try step(.warranty(.notCovered))
        try step(.documents)
        let labour = try step(.addLabor(code: "MNT-5K", hours: nil, terms: LineTerms(payer: nil, recommended: false, safety: false)))
        #expect(labour.value.line?.hours == LaborHours(hundredths: 80))
        try step(.promise(at: nil))
        let signed = try step(.sign(payment: .cash, oldParts: .leave, wash: false, signedBy: "卢文博"))
        #expect(signed.statusBefore == .reception && signed.status == .signed)
        try step(.handover)
        try step(.dispatch(team: "机电一组"), try Self.caller(shell, "何子涵", .workshopForeman))
        let tech = try Self.caller(shell, "夏勇", .technician)
        try step(.clockOn(line: 1, technician: "夏勇"), tech)
        try step(.clockOff(line: 1, finished: true), tech)
        try step(.check(.selfCheck, passed: true, note: ""), tech)
        try step(.check(.leader, passed: true, note: "正常"), try Self.caller(shell, "程国栋", .teamLeader))
        try step(.check(.final, passed: true, note: ""), try Self.caller(shell, "赵子涵", .qcInspector))
        try step(.deliveryCheck)
        let noon = Timestamp(date: CalendarDate(year: 2026, month: 11, day: 23)!, hour: 12, minute: 0, offset: .china)
        try step(.notify(at: noon))
        try step(.deliver(nextServiceOn: CalendarDate(year: 2027, month: 5, day: 23)!, nextServiceKm: 24_100, callTime: "工作日上午",
                          oldPartsShown: false))
        let settled = try desk.settle(SettleRequest(order: number, signedBy: "卢文博", declinedSafetyItemsSigned: false), by: advisor).value
        #expect(settled.value.total == Money(fen: 25_312) && settled.value.vat == Money(fen: 2_912))
        let cashier = try Self.caller(shell, "莫霞", .cashier)
        // The wrong amount is refused with both amounts as typed arguments.
        let wrong = refusal { _ = try desk.pay(PaymentRequest(order: number, method: .cash, amount: Money(fen: 25_000), invoiceNumber: "1"), by: cashier) }
        #expect(wrong?.problems.first?.said == Message("repair_order.payment_mismatch", ["total": .money(Money(fen: 25_312)), "given": .money(Money(fen: 25_000))]))
        let paid = try desk.pay(PaymentRequest(order: number, method: .cash, amount: Money(fen: 25_312), invoiceNumber: "1"), by: cashier).value
        #expect(paid.status == .closed && paid.statusBefore == .settled)
        #expect(paid.value.gatePass == "GP-20261123-0001")
        #expect(paid.order.visitKind == .regularService)
    }

    @Test func aLowScoreOpensOneComplaintPerVisit() throws {
        let shell = try TestShell(seeded: true)
        for line in ["ro open 粤B27DP2", "ro complaint --text 保养", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty not_covered",
                     "ro documents", "ro labor MNT-5K", "ro promise", "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博",
                     "ro handover", "set user 何子涵", "ro dispatch --team 机电一组", "set user 夏勇", "ro clock-on 1 --tech 夏勇",
                     "ro clock-off 1 --finished", "ro check self --pass", "set user 程国栋", "ro check leader --pass --note 正常",
                     "set user 赵子涵", "ro check final --pass", "set user 薛淑芬", "ro delivery-check", "ro notify --at 12:00",
                     "ro deliver --next-date 2027-05-23 --next-km 24100 --call-time 工作日上午"] {
            try shell.expectOK(line)
        }
        let desk = FollowUpDesk(shell.session.department)
        let tomorrow = TestShell.demoNow.adding(seconds: 86_400)
        let service = try Self.caller(shell, "蒋芳", .customerService, at: tomorrow)
        let first = try desk.record(CallRequest(order: "RO-20261123-0001", call: .quality, outcome: .reached, score: 1, scoreText: "1",
                                                comment: "等太久"), by: service).value
        #expect(first.complaintID != nil && !first.complaintWasOpen)
        #expect(first.notes.map(\.code) == ["follow_up.complaint_opened"])
        let second = try desk.record(CallRequest(order: "RO-20261123-0001", call: .tracking, outcome: .reached, score: 2, scoreText: "2",
                                                 comment: "还是不满意"), by: service).value
        #expect(second.complaintID == first.complaintID && second.complaintWasOpen)
        #expect(try shell.store.read { try $0.complaints(statuses: Complaint.Status.allCases) }.count == 1)
    }
}
