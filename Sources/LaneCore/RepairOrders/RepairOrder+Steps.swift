/// The steps of a repair order, each checking its conditions and recording
/// its data. Each throws a `Refusal` listing every unmet condition and leaves
/// the order unchanged when it does.
extension RepairOrder {
    // MARK: Reception (R3)

    /// R3.3: the complaint in the customer's words.
    public mutating func recordComplaint(_ text: String) throws(Refusal) {
        var p = statusProblems("record the complaint", allowed: [.reception])
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { p.append(Problem("complaint", Message("repair_order.complaint_needed"))) }
        try Refusal.check(Message("repair_order.cannot.complaint", ["number": .text(number)]), p)
        complaint = trimmed
    }

    /// R3.4: the walk-around check sheet. `lastKnownMileage` is the vehicle's
    /// latest reading: the odometer never goes backwards.
    public mutating func recordCheckIn(_ sheet: CheckInSheet, lastKnownMileage: Int) throws(Refusal) {
        var p = statusProblems("fill in the check-in sheet", allowed: [.reception])
        if !sheet.coversFitted { p.append(Problem("covers", Message("repair_order.fit_covers"))) }
        if sheet.mileage < lastKnownMileage { p.append(Problem("mileage", Message("repair_order.mileage_backwards", ["mileage": .int(sheet.mileage), "known": .int(lastKnownMileage)]))) }
        if !(0...8).contains(sheet.fuelEighths) { p.append(Problem("fuel", Message("repair_order.fuel_eighths"))) }
        try Refusal.check(Message("repair_order.cannot.check-in", ["number": .text(number)]), p)
        checkIn = sheet
    }

    /// R3.5: covered, not covered, pending diagnosis, or escalated to the maker.
    /// A pending decision may be settled until final QC.
    public mutating func decideWarranty(_ decision: WarrantyDecision) throws(Refusal) {
        let allowed: Set<RepairOrderStatus> = warranty == .pendingDiagnosis || warranty == .escalated
            ? [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked, .leaderChecked]
            : [.reception]
        try Refusal.check(Message("repair_order.cannot.warranty", ["number": .text(number)]), statusProblems("warranty", allowed: allowed))
        warranty = decision
        // X3: the maker will not pay, so the customer decides on those lines before work goes on.
        if decision == .notCovered { warrantyLinesToCustomer() }
    }

    /// R3.6: driving licence and maintenance handbook taken.
    public mutating func takeDocuments() throws(Refusal) {
        try Refusal.check(Message("repair_order.cannot.documents", ["number": .text(number)]), statusProblems("documents", allowed: [.reception]))
        documentsTaken = true
    }

    /// R3.9: the promised completion time.
    public mutating func promise(_ at: Timestamp, now: Timestamp) throws(Refusal) {
        var p = statusProblems("promise a time", allowed: [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked, .leaderChecked, .qcPassed])
        if at <= now { p.append(Problem("promise", Message("repair_order.promise_in_past"))) }
        try Refusal.check(Message("repair_order.cannot.promise", ["number": .text(number)]), p)
        promisedAt = at
    }

    /// Adds a line. At reception it joins the estimate (approved, or a
    /// recommendation the customer may still refuse); once the work order is
    /// signed it is additional work that waits for the customer (R4.5); after
    /// final QC nothing is added.
    @discardableResult
    public mutating func addLine(_ line: RepairOrderLine) throws(Refusal) -> RepairOrderLine {
        var p = statusProblems("add a line", allowed: linesAddableIn)
        if line.kind == .part && line.quantity < 1 { p.append(Problem("quantity", Message("repair_order.at_least_one_part"))) }
        if line.kind == .labor && line.hours.hundredths <= 0 { p.append(Problem("hours", Message("repair_order.hours_needed"))) }
        if line.unitPrice.fen < 0 { p.append(Problem("price", Message("repair_order.negative_price"))) }
        p += payerProblems(line.payer)
        try Refusal.check(Message("repair_order.cannot_add", ["number": .text(number), "code": .text(line.code)]), p)
        var added = line
        added.id = (lines.map(\.id).max() ?? 0) + 1
        if status == .reception {
            added.approval = line.origin == .recommended ? line.approval : .approved
        } else {
            added.origin = .extra
            added.approval = .pending
        }
        added.issued = 0
        added.done = false
        added.workedMinutes = 0
        lines.append(added)
        // Found extra work during the checks goes back to work; a comeback
        // the customer is not satisfied with goes back from the hand-over too.
        if status > .inProgress {
            if status >= .readyForDelivery { agreedDeliveryAt = nil }
            status = .inProgress
        }
        return added
    }

    /// Removes a line from the estimate (reception only: after signing, the
    /// customer refuses instead, which stays on the record).
    public mutating func removeLine(_ id: Int64) throws(Refusal) {
        var p = statusProblems("remove a line", allowed: [.reception])
        if !lines.contains(where: { $0.id == id }) { p.append(Problem("line", Message("repair_order.no_such_line", ["line": .int(Int(id))]))) }
        try Refusal.check(Message("repair_order.cannot.remove", ["number": .text(number)]), p)
        lines.removeAll { $0.id == id }
    }

    /// The customer approves or refuses a pending line (extra work R4.5, or a
    /// recommendation R3.8/R5.6).
    public mutating func decideLine(_ id: Int64, approve: Bool) throws(Refusal) {
        var p = statusProblems("decide a line", allowed: [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked, .leaderChecked])
        guard let index = lines.firstIndex(where: { $0.id == id }) else {
            p.append(Problem("line", Message("repair_order.no_such_line", ["line": .int(Int(id))])))
            throw Refusal(Message("repair_order.cannot_decide_line", ["number": .text(number), "line": .int(Int(id))]), problems: p)
        }
        let line = lines[index]
        let open = line.approval == .pending || (status == .reception && line.origin == .recommended)
        if !open { p.append(Problem("line \(id)", Message("repair_order.line_already_decided", ["code": .text(line.code), "approval": .text(line.approval.word)]))) }
        try Refusal.check(Message("repair_order.cannot_decide_line", ["number": .text(number), "line": .int(Int(id))]), p)
        lines[index].approval = approve ? .approved : .refused
    }

    /// R3.10: the customer signs the work order; nothing in the workshop
    /// happens before this.
    public mutating func sign(_ terms: WorkOrderTerms) throws(Refusal) {
        var p = blockers(for: .sign)
        if terms.signedBy.trimmingWhitespace().isEmpty { p.append(Problem("signed-by", Message("repair_order.signature_needed"))) }
        try Refusal.check(Message("repair_order.cannot.sign", ["number": .text(number)]), p)
        self.terms = terms
        status = .signed
    }

    // MARK: Workshop (R4)

    /// R4.1: keys, work order and check-in sheet to the foreman.
    public mutating func handOver() throws(Refusal) { try advance(.handover) }

    // R4.2 dispatch (by skill, with the foreman's override): `dispatch(to:skills:by:overrideReason:)` in Workshop.swift.

    /// R4.3: a technician or team leader of the dispatched team starts a
    /// labour line, or someone the foreman clocks on with a reason
    /// (`clockOnProblems`). Clocking on a finished line again is rework.
    public mutating func clockOn(line id: Int64, technician: Signer, by: Signer, overrideReason: String? = nil,
                                 elsewhere: [ClockedOnLine] = [], at: Timestamp) throws(Refusal) {
        var p = statusProblems("clock on", allowed: [.dispatched, .inProgress])
        if let i = lines.firstIndex(where: { $0.id == id }) {
            let line = lines[i]
            if line.kind != .labor { p.append(Problem("line \(id)", Message("repair_order.clock_on_part", ["code": .text(line.code)]))) }
            if line.approval != .approved { p.append(Problem("line \(id)", Message("repair_order.work_waits_for_approval", ["code": .text(line.code), "approval": .text(line.approval.word)]))) }
            if line.clockedOnAt != nil { p.append(Problem("line \(id)", Message("repair_order.already_clocked_on", ["name": .text(line.clockedOnBy ?? "?"), "code": .text(line.code)]))) }
        } else { p.append(Problem("line", Message("repair_order.no_such_line", ["line": .int(Int(id))]))) }
        p += clockOnProblems(technician: technician, by: by, overrideReason: overrideReason)
        p += doubleClockProblems(technician: technician.name, elsewhere: elsewhere)
        try Refusal.check(Message("repair_order.cannot.clock-on", ["number": .text(number)]), p)
        guard let i = lines.firstIndex(where: { $0.id == id }) else { return }
        lines[i].clockedOnAt = at
        lines[i].clockedOnBy = technician.name
        lines[i].done = false
        status = .inProgress
    }

    /// Clocks off a labour line; `finished` marks it done.
    public mutating func clockOff(line id: Int64, at: Timestamp, finished: Bool) throws(Refusal) {
        var p = statusProblems("clock off", allowed: [.inProgress])
        var since: Timestamp?
        if let line = lines.first(where: { $0.id == id }) {
            since = line.clockedOnAt
            if since == nil { p.append(Problem("line \(id)", Message("repair_order.nobody_clocked_on", ["code": .text(line.code)]))) }
            else if let s = since, at < s { p.append(Problem("time", Message("repair_order.clock_off_before_on"))) }
        } else { p.append(Problem("line", Message("repair_order.no_such_line", ["line": .int(Int(id))]))) }
        try Refusal.check(Message("repair_order.cannot.clock-off", ["number": .text(number)]), p)
        guard let i = lines.firstIndex(where: { $0.id == id }), let since else { return }
        lines[i].workedMinutes += Int((at.secondsSince1970 - since.secondsSince1970) / 60)
        lines[i].clockedOnAt = nil
        lines[i].done = finished
    }

    /// R4.3: parts drawn from stores against the work order; the technician
    /// signs the issue slip. `inStock` is what stores hold now.
    public mutating func issuePart(line id: Int64, quantity: Int, to technician: String, inStock: Int) throws(Refusal) {
        var p = statusProblems("issue parts", allowed: [.dispatched, .inProgress])
        if let line = lines.first(where: { $0.id == id }) {
            if line.kind != .part { p.append(Problem("line \(id)", Message("repair_order.issue_labour", ["code": .text(line.code)]))) }
            if line.approval != .approved { p.append(Problem("line \(id)", Message("repair_order.not_approved", ["code": .text(line.code)]))) }
            if quantity < 1 { p.append(Problem("quantity", Message("repair_order.issue_at_least_one"))) }
            else if line.issued + quantity > line.quantity {
                p.append(Problem("quantity", Message("repair_order.issue_too_many", ["quantity": .int(line.quantity), "code": .text(line.code), "issued": .int(line.issued)])))
            }
            if quantity > inStock { p.append(Problem("stock", Message("repair_order.not_in_stock", ["stock": .int(inStock), "code": .text(line.code)]))) }
        } else { p.append(Problem("line", Message("repair_order.no_such_line", ["line": .int(Int(id))]))) }
        if technician.trimmingWhitespace().isEmpty { p.append(Problem("to", Message("repair_order.issue_slip_signer"))) }
        try Refusal.check(Message("repair_order.cannot.issue", ["number": .text(number)]), p)
        guard let i = lines.firstIndex(where: { $0.id == id }) else { return }
        lines[i].issued += quantity
        lines[i].issuedTo = technician
    }

    /// R4.6: self-check → team-leader check → final QC, each by the person
    /// the process names (`checkerProblems`). A failure sends the job back to
    /// work with its reason: the labour lines it names in `rework` (all of
    /// them when it names none) are not done until clocked on and off again.
    public mutating func check(_ stage: QualityCheckStage, passed: Bool, by: Signer, note: String, rework: [Int64] = [],
                               at: Timestamp) throws(Refusal) {
        let step: RepairOrderStep = stage == .selfCheck ? .selfCheck : stage == .leader ? .leaderCheck : .finalCheck
        var p = blockers(for: step)
        if !passed && note.trimmingWhitespace().isEmpty { p.append(Problem("reason", Message("repair_order.failed_check_reason"))) }
        if stage == .leader && passed && note.trimmingWhitespace().isEmpty {
            p.append(Problem("advice", Message("repair_order.leader_advice")))
        }
        p += checkerProblems(stage, by: by)
        p += reworkProblems(rework, passed: passed)
        try Refusal.check(Message("repair_order.cannot_record_check", ["number": .text(number), "check": .text(stage.title)]), p)
        checks.append(QualityCheck(stage: stage, passed: passed, by: by.name, at: at, note: note.trimmingWhitespace(),
                                   rework: passed ? [] : linesBackToWork(rework)))
        if passed {
            status = step.leadsTo ?? status
        } else {
            // Back to work: the self-check waits until these lines are
            // worked again, then all three checks are done again.
            let back = Set(linesBackToWork(rework))
            for i in lines.indices where back.contains(lines[i].id) { lines[i].done = false }
            status = .inProgress
        }
    }

    /// R4.7: washed, when the customer chose it.
    public mutating func wash() throws(Refusal) {
        try require(.wash)
        washed = true
    }

    // MARK: Delivery and settlement (R5)

    /// R5.2: the advisor's internal delivery check.
    public mutating func deliveryCheck() throws(Refusal) { try advance(.deliveryCheck) }

    /// A major job: four or more standard labour hours. Such cars are not
    /// handed over at peak times (R5.3).
    public var isMajorRepair: Bool {
        approvedLaborHours.hundredths >= 400
    }

    /// R5.3: the customer is told the car is ready and a time is agreed.
    /// Returns a warning when a major repair is set for a peak time.
    public mutating func notifyCustomer(agreedAt: Timestamp, now: Timestamp, atPeak: Bool, jobType: JobType = .repair) throws(Refusal) -> [Message] {
        var p = blockers(for: .notify)
        if agreedAt < now { p.append(Problem("at", Message("repair_order.agreed_in_past"))) }
        try Refusal.check(Message("repair_order.cannot.notify", ["number": .text(number)]), p)
        agreedDeliveryAt = agreedAt
        guard atPeak else { return [] }
        var warnings: [Message] = []
        if isMajorRepair { warnings.append(Message("repair_order.major_repair_at_peak")) }
        if isAccidentRepair(jobType: jobType) { warnings.append(Message("repair_order.accident_repair_at_peak")) }
        return warnings
    }

    /// R5.4: explained and shown at the car; next service and the follow-up
    /// call time recorded.
    public mutating func deliver(_ record: DeliveryRecord) throws(Refusal) {
        var p = blockers(for: .deliver)
        if record.followUpPreference.trimmingWhitespace().isEmpty {
            p.append(Problem("call-time", Message("repair_order.call_time_needed")))
        }
        if terms?.oldParts == .take && !record.oldPartsShown && lines.contains(where: { $0.kind == .part && $0.issued > 0 }) {
            p.append(Problem("old-parts", Message("repair_order.show_old_parts")))
        }
        if record.nextServiceKm <= (checkIn?.mileage ?? 0) {
            p.append(Problem("next-km", Message("repair_order.next_km_above", ["mileage": .int(checkIn?.mileage ?? 0)])))
        }
        p += comebackDeliveryProblems(record)
        try Refusal.check(Message("repair_order.cannot.deliver", ["number": .text(number)]), p)
        delivery = record
        status = .delivered
    }

    /// R5.6-R5.7: the customer signs the settlement, and separately for any
    /// safety recommendation they declined.
    public mutating func settle(signedBy: String, declinedAcknowledged: Bool) throws(Refusal) {
        var p = blockers(for: .settle)
        if signedBy.trimmingWhitespace().isEmpty { p.append(Problem("signed-by", Message("repair_order.settlement_signature"))) }
        for line in declinedSafetyLines where !declinedAcknowledged {
            p.append(Problem("line \(line.id)", Message("repair_order.declined_safety_sign", ["code": .text(line.code), "name": .text(line.name)])))
        }
        p += insuranceProblems()
        try Refusal.check(Message("repair_order.cannot.settle", ["number": .text(number)]), p)
        settlementSignedBy = signedBy
        // R5.6: the settlement shows who signed for the declined safety items.
        if !declinedSafetyLines.isEmpty { declinedSignedBy = signedBy }
        status = .settled
    }

    /// R5.8: paid at the cashier in one part for exactly what is due
    /// (`pay(parts:…)` takes several parts, change and a credit account).
    public mutating func pay(_ payment: Payment, vatBasisPoints: Int) throws(Refusal) {
        var none: CreditAccount?
        try pay(parts: [TenderPart(payment.method, payment.amount)], tendered: nil, invoiceNumber: payment.invoiceNumber, gatePass: payment.gatePass,
                by: payment.by, at: payment.at, vatBasisPoints: vatBasisPoints, account: &none)
    }

    /// A discount off the customer's net before VAT. Above the store's limit
    /// only the service manager may give it (separation of duties).
    public mutating func giveDiscount(_ amount: Money, reason: String, by: String, role: StaffRole?, limitBasisPoints: Int,
                                      vatBasisPoints: Int) throws(Refusal) {
        var p = statusProblems("give a discount", allowed: [.reception, .signed, .handedOver, .dispatched, .inProgress, .selfChecked,
                                                             .leaderChecked, .qcPassed, .readyForDelivery, .delivered])
        let gross = Settlement(lines: lines, vatBasisPoints: vatBasisPoints).net
        if amount.fen < 0 { p.append(Problem("amount", Message("repair_order.negative_discount"))) }
        if amount.fen > gross.fen { p.append(Problem("amount", Message("repair_order.discount_above_net", ["amount": .money(amount), "net": .money(gross)]))) }
        let limit = Money(fen: Money.divideRoundingHalfUp(gross.fen * Int64(limitBasisPoints), by: 10_000))
        if amount.fen > limit.fen && role != .serviceManager {
            p.append(Problem("amount", Message("repair_order.discount_above_limit", ["amount": .money(amount), "percent": .int(limitBasisPoints / 100), "limit": .money(limit)])))
        }
        if reason.trimmingWhitespace().isEmpty { p.append(Problem("reason", Message("repair_order.discount_reason"))) }
        try Refusal.check(Message("repair_order.cannot.discount", ["number": .text(number)]), p)
        discount = amount
        discountReason = reason.trimmingWhitespace()
        discountBy = by
    }

    /// Cancels before any work (e.g. no known fix, R2.5).
    public mutating func cancel(reason: String) throws(Refusal) {
        var p = blockers(for: .cancel)
        if reason.trimmingWhitespace().isEmpty { p.append(Problem("reason", Message("repair_order.cancel_reason"))) }
        try Refusal.check(Message("repair_order.cannot.cancel", ["number": .text(number)]), p)
        cancelReason = reason
        status = .cancelled
    }

    func statusProblems(_ action: String, allowed: Set<RepairOrderStatus>) -> [Problem] {
        if allowed.contains(status) { return [] }
        return [Problem("status", Message("repair_order.wrong_status_for", ["status": .text(status.title), "step": .text(action)]))]
    }
}
