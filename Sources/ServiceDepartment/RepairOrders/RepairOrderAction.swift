import LaneCore
import LaneStore

/// One step of a repair order as a front end asks for it: the step and its
/// typed inputs. `inputProblems` carries what the front end could not read
/// (a mileage that is not a number), so the refusal names them together
/// with the order's number.
public struct RepairOrderAction: Sendable {
    public enum Step: Sendable {
        case complaint(text: String)
        case checkIn(CheckInSheet)
        case warranty(WarrantyDecision)
        case documents
        case addLabor(code: String, hours: LaborHours?, terms: LineTerms)
        case addPart(number: String, quantity: Int, terms: LineTerms)
        case remove(line: Int64)
        case approve(line: Int64)
        case decline(line: Int64)
        /// Nil: from the labour hours and the workshop's load.
        case promise(at: Timestamp?)
        case sign(payment: PaymentMethod?, oldParts: OldPartsChoice?, wash: Bool?, signedBy: String)
        case handover
        /// An override reason (nil: none asked for) lets the foreman or the
        /// service manager dispatch work to a team without its skill (R4.2).
        case dispatch(team: String?, overrideReason: String? = nil)
        /// An override reason (nil: none asked for) lets the foreman or the
        /// service manager clock on someone outside the dispatched team.
        case clockOn(line: Int64, technician: String, overrideReason: String? = nil)
        case clockOff(line: Int64, finished: Bool)
        /// Nil quantity: all still to issue.
        case issue(line: Int64, quantity: Int?, to: String)
        case progress(note: String, promise: Timestamp?, customerTold: Bool)
        /// `rework`: the labour lines a failed check sends back to work (none named: all).
        case check(QualityCheckStage, passed: Bool, note: String, rework: [Int64] = [])
        case wash
        case deliveryCheck
        case notify(at: Timestamp)
        /// `faultGone`: the customer confirmed at the car that the fault is gone (a comeback needs it).
        case deliver(nextServiceOn: CalendarDate, nextServiceKm: Int, callTime: String, oldPartsShown: Bool, faultGone: Bool = false)
        /// A comeback (返修): the car is back for the same fault as the earlier order.
        case comeback(earlier: String)
        case discount(Discount, reason: String)
        case cancel(reason: String)
    }

    public enum Discount: Sendable {
        case amount(Money)
        case percent(Int)
    }

    public var step: Step
    public var inputProblems: [Problem]

    public init(_ step: Step, inputProblems: [Problem] = []) {
        self.step = step
        self.inputProblems = inputProblems
    }

    /// The command's verb (`ro check-in`) and the timeline row's kind.
    public var verb: String {
        switch step {
        case .complaint: return "complaint"
        case .checkIn: return "check-in"
        case .warranty: return "warranty"
        case .documents: return "documents"
        case .addLabor: return "labor"
        case .addPart: return "part"
        case .remove: return "remove"
        case .approve: return "approve"
        case .decline: return "decline"
        case .promise: return "promise"
        case .sign: return "sign"
        case .handover: return "handover"
        case .dispatch: return "dispatch"
        case .clockOn: return "clock-on"
        case .clockOff: return "clock-off"
        case .issue: return "issue"
        case .progress: return "progress"
        case .check: return "check"
        case .wash: return "wash"
        case .deliveryCheck: return "delivery-check"
        case .notify: return "notify"
        case .deliver: return "deliver"
        case .discount: return "discount"
        case .cancel: return "cancel"
        case .comeback: return "comeback"
        }
    }
}

/// Who pays for a new line and how it came about.
public struct LineTerms: Sendable {
    /// Nil: the customer, except the free first service (R5.6).
    public var payer: LinePayer?
    /// A recommendation from the history: the customer may refuse it.
    public var recommended: Bool
    public var safety: Bool
    public init(payer: LinePayer?, recommended: Bool, safety: Bool) {
        self.payer = payer
        self.recommended = recommended
        self.safety = safety
    }
}

/// What a step did: its words and any warnings, for the person and the timeline.
public struct StepOutcome: Sendable {
    public var said: Message
    public var warnings: [Message] = []
    /// The line a step added or worked on, when there is one.
    public var line: RepairOrderLine?
    /// A clock-on outside the dispatched team: who allowed it, and why.
    public var override: (by: String, reason: String)?
}

extension RepairOrderDesk {
    /// Any step, as a change of its own.
    public func perform(_ action: RepairOrderAction, order reference: String, by caller: Caller) throws -> Done<StepDone<StepOutcome>> {
        try department.change(OperationID(noun: "ro", verb: action.verb), by: caller) { tx in
            let done = try Self.perform(action, order: reference, by: caller, tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.text))
        }
    }

    /// Any step inside a change already open: the rules are LaneCore's; this
    /// gathers what they need from the store and writes what they decided.
    public static func perform(_ action: RepairOrderAction, order reference: String, by caller: Caller,
                               _ tx: any StoreWriting) throws -> StepDone<StepOutcome> {
        try step(action.verb, order: reference, by: caller, tx) { o, tx in
            // Every unmet condition at once: what could not be read, and what
            // the step's rules found with the rest. A step that would pass
            // on the defaults still refuses; the transaction leaves nothing.
            let input = action.inputProblems
            let outcome: StepOutcome
            do {
                outcome = try apply(action.step, to: &o, verb: action.verb, by: caller, tx)
            } catch let refusal as Refusal where !input.isEmpty {
                throw Refusal(refusal.headline, problems: input + refusal.problems.filter { !input.contains($0) })
            }
            if !input.isEmpty {
                let blockers = RepairOrderStep(rawValue: action.verb).map { o.blockers(for: $0) } ?? []
                throw refuse(o, action.verb, input + blockers)
            }
            // The step's words, then each warning on a line of its own.
            let words = outcome.warnings.reduce(outcome.said) { said, warning in
                Message("repair_order.said_then_warning", ["said": .message(said), "warning": .message(Message("repair_order.warning", ["text": .message(warning)]))])
            }
            return (words, outcome)
        }
    }

    private static func refuse(_ o: RepairOrder, _ verb: String, _ problems: [Problem]) -> Refusal {
        Refusal(Message(MessageCode("repair_order.cannot." + verb), ["number": .text(o.number)]), problems: problems)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func apply(_ step: RepairOrderAction.Step, to o: inout RepairOrder, verb: String, by caller: Caller,
                              _ tx: any StoreWriting) throws -> StepOutcome {
        func said(_ code: MessageCode, _ args: [String: MessageArgument] = [:]) -> StepOutcome { StepOutcome(said: Message(code, args)) }
        switch step {
        case .complaint(let text):
            try o.recordComplaint(text)
            return said("repair_order.did.complaint", ["text": .text(o.complaint ?? "")])

        case .checkIn(let sheet):
            guard var vehicle = try tx.vehicle(id: o.vehicleID) else { throw StoreFailure(Message("store.missing.repair_order_vehicle", ["number": .text(o.number)])) }
            try o.recordCheckIn(sheet, lastKnownMileage: vehicle.mileage)
            // Every reading joins the vehicle's history (R1.1, R1.2 count from it).
            if sheet.mileage > vehicle.mileage || caller.today > vehicle.mileageRecordedOn {
                vehicle.mileage = sheet.mileage
                vehicle.mileageRecordedOn = caller.today
                try tx.updateVehicle(vehicle)
                try tx.appendEvent(vehicleID: vehicle.id, kind: .mileage, visitKind: nil, on: caller.today, mileage: sheet.mileage,
                                   said: Message("vehicle.event.check_in", ["number": .text(o.number)]), at: caller.now, by: caller.user)
            }
            return said("workshop.did.check_in_sheet", checkInWords(sheet))

        case .warranty(let decision):
            let waiting = Set(o.undecidedLines.map(\.id))
            try o.decideWarranty(decision)
            let moved = o.undecidedLines.filter { !waiting.contains($0.id) }
            if moved.isEmpty { return said("repair_order.did.warranty", ["decision": decision.argument]) }
            // X3: the maker will not pay: the customer decides on each line before work goes on.
            return said("payment.warranty_lines_to_customer", ["decision": decision.argument, "lines": .list(moved.map { .text(describe($0)) })])

        case .documents:
            try o.takeDocuments()
            return said("repair_order.did.documents")

        case .addLabor(let code, let hours, let terms):
            guard let op = try tx.laborOperation(code: code.uppercased()) else {
                throw refuse(o, verb, [Problem("code", Message("repair_order.no_labor_operation", ["code": .text(code.uppercased())]))])
            }
            // R5.6: the first service is free unless said otherwise, with its brand's package.
            let free = try freeCodes(o, caller, tx)
            let payer = terms.payer ?? o.defaultPayer(for: op.code, freeCodes: free)
            let line = try o.addLine(RepairOrderLine(kind: .labor, code: op.code, name: op.name, hours: hours ?? op.standardHours,
                                                     unitPrice: caller.settings.laborRate, payer: payer,
                                                     origin: terms.recommended ? .recommended : .estimate,
                                                     approval: terms.recommended ? .pending : .approved, safety: terms.safety))
            let freed = terms.payer == nil && op.code == LaborOperation.firstServiceCode ? o.applyFirstServicePackage(free).filter { $0.id != line.id } : []
            return StepOutcome(said: Message("repair_order.did.add", ["line": .text(describe(line))]),
                               warnings: freed.map { Message("payment.first_service_free_line", ["line": .text(describe($0))]) }, line: line)

        case .addPart(let number, let quantity, let terms):
            guard let part = try tx.part(number: number.uppercased()) else {
                throw refuse(o, verb, [Problem("number", Message("repair_order.no_part", ["part": .text(number.uppercased())]))])
            }
            let line = try o.addLine(RepairOrderLine(kind: .part, code: part.number, name: part.name, quantity: quantity, unitPrice: part.price,
                                                     payer: terms.payer ?? o.defaultPayer(for: part.number, freeCodes: try freeCodes(o, caller, tx)), origin: terms.recommended ? .recommended : .estimate,
                                                     approval: terms.recommended ? .pending : .approved, safety: terms.safety))
            var outcome = StepOutcome(said: Message("repair_order.did.add", ["line": .text(describe(line))]), line: line)
            // R3.7: say at once when stores cannot cover it.
            if part.stock < quantity {
                outcome.said = Message("repair_order.did.add_short", ["line": .text(describe(line)), "stock": .int(part.stock)])
            }
            return outcome

        case .remove(let id):
            let name = o.lines.first { $0.id == id }.map(describe) ?? "line \(id)"
            try o.removeLine(id)
            return said("repair_order.did.remove", ["line": .text(name)])

        case .approve(let id):
            try o.decideLine(id, approve: true)
            return said("repair_order.did.approve", ["line": .int(Int(id))])

        case .decline(let id):
            try o.decideLine(id, approve: false)
            let safety = o.lines.first { $0.id == id }?.safety == true
            return said(safety ? "repair_order.did.decline_safety" : "repair_order.did.decline", ["line": .int(Int(id))])

        case .promise(let agreed):
            var at = agreed
            if at == nil {
                let backlog = WorkshopLoad.backlog(try tx.repairOrders(statuses: WorkshopLoad.statuses, limit: 1000), excluding: o.id)
                at = PromiseTime.estimate(now: caller.now, jobHours: o.approvedLaborHours, backlogHours: backlog, settings: caller.settings)
            }
            guard let at else { throw StoreFailure(Message("store.missing.promise_time")) }
            try o.promise(at, now: caller.now)
            return said("repair_order.did.promise", ["at": .time(at)])

        case .sign(let payment, let oldParts, let wash, let signedBy):
            guard let payment, let oldParts, let wash else {
                throw refuse(o, verb, o.blockers(for: .sign))
            }
            try o.sign(WorkOrderTerms(payment: payment, oldParts: oldParts, wash: wash, signedBy: signedBy, signedAt: caller.now))
            return said("workshop.did.sign_terms", termsWords(o.terms))

        case .handover:
            try o.handOver()
            return said("repair_order.did.handover")

        case .dispatch(let team, let overrideReason):
            let teams = try tx.teams()
            guard let team else {
                let loads = try teamLoads(tx).map { MessageArgument.message(Message("repair_order.team_load", ["team": .text($0.team.name),
                                                                                                              "hours": .text($0.hours.description)])) }
                throw Refusal(Message("repair_order.name_the_team", ["number": .text(o.number)]), problems: [
                    Problem("team", loads.isEmpty ? Message("repair_order.no_teams") : Message(.text, ["text": .list(loads)]))])
            }
            guard let chosen = teams.first(where: { $0.name == team }) else {
                throw refuse(o, verb, [Problem("team", Message("repair_order.no_such_team", ["team": .text(team),
                                                                                              "teams": .list(teams.map { .text($0.name) })]))])
            }
            return try dispatch(&o, to: chosen, overrideReason: overrideReason, by: caller, tx)

        case .clockOn(let id, let name, let overrideReason):
            // Who is clocked on and who asks, as the staff list has them: LaneCore decides.
            let technician = try signer(named: name, tx), by = try signer(caller, tx)
            let overriding = o.needsOverride(toClockOn: technician)
            try o.clockOn(line: id, technician: technician, by: by, overrideReason: overrideReason,
                          elsewhere: try tx.clockedOnLines(technician: technician.name), at: caller.now)
            let clockedOn = Message("repair_order.did.clock_on", ["name": .text(name), "line": .int(Int(id))])
            guard let reason = overrideReason?.trimmingWhitespace() else { return StepOutcome(said: clockedOn) }
            guard overriding else {
                return StepOutcome(said: clockedOn, warnings: [Message("repair_order.override_not_needed", ["name": .text(name), "team": .text(o.team ?? "")])])
            }
            // The override is on the timeline and in the audit row with the step's words.
            return StepOutcome(said: Message("repair_order.did.clock_on_override", ["name": .text(name), "line": .int(Int(id)), "team": .text(o.team ?? ""),
                                                                                  "by": .text(caller.user), "reason": .text(reason)]),
                               override: (caller.user, reason))

        case .clockOff(let id, let finished):
            try o.clockOff(line: id, at: caller.now, finished: finished)
            guard let line = o.lines.first(where: { $0.id == id }) else { throw StoreFailure(Message("store.missing.line", ["line": .int(Int(id))])) }
            let worked = LaborHours(hundredths: line.workedMinutes * 100 / 60)
            return StepOutcome(said: Message(line.done ? "repair_order.did.clock_off_finished" : "repair_order.did.clock_off",
                                             ["line": .int(Int(id)), "worked": .text(worked.description), "standard": .text(line.hours.description)]),
                               line: line)

        case .issue(let id, let asked, let to):
            guard let line = o.lines.first(where: { $0.id == id }) else {
                throw refuse(o, verb, [Problem("line", Message("repair_order.no_such_line", ["line": .int(Int(id))]))])
            }
            let quantity = asked ?? max(line.quantity - line.issued, 0)
            if line.kind == .part && quantity == 0 && asked == nil {
                throw refuse(o, verb, [Problem("line \(id)", Message("repair_order.all_issued", ["quantity": .int(line.quantity), "code": .text(line.code)]))])
            }
            let stock = line.kind == .part ? (try tx.part(number: line.code)?.stock ?? 0) : 0
            var problems: [Problem] = []
            if try tx.staffMember(named: to) == nil { problems.append(Problem("to", Message("repair_order.no_such_staff", ["name": .text(to)]))) }
            do throws(Refusal) { try o.issuePart(line: id, quantity: quantity, to: to, inStock: stock) } catch { problems += error.problems }
            if !problems.isEmpty { throw refuse(o, verb, problems) }
            try Stockroom.move(StockMovement(partNumber: line.code, delta: -quantity, reason: "issue", reference: "\(o.number) line \(id)",
                                             at: caller.now, by: to), tx)
            return said("repair_order.did.issue", ["quantity": .int(quantity), "code": .text(line.code), "name": .text(line.name),
                                                  "to": .text(to), "left": .int(stock - quantity)])

        case .progress(let note, let newPromise, let customerTold):
            var p: [Problem] = []
            let note = note.trimmingWhitespace()
            if note.isEmpty { p.append(Problem("note", Message("repair_order.say_what_changed"))) }
            if !RepairOrder.inWorkshop(o.status) {
                p.append(Problem("status", Message("repair_order.progress_outside_workshop", ["status": .text(o.status.title)])))
            }
            if !p.isEmpty { throw refuse(o, verb, p) }
            if let newPromise { try o.promise(newPromise, now: caller.now) }
            var args: [String: MessageArgument] = ["note": .text(note)]
            if let newPromise { args["at"] = .time(newPromise) }
            let code: MessageCode = newPromise == nil
                ? (customerTold ? "repair_order.did.progress_told" : "repair_order.did.progress")
                : (customerTold ? "repair_order.did.progress_promise_told" : "repair_order.did.progress_promise")
            return said(code, args)

        case .check(let stage, let passed, let note, let rework):
            try o.check(stage, passed: passed, by: try signer(caller, tx), note: note, rework: rework, at: caller.now)
            if passed { return said("repair_order.did.check_passed", ["check": stage.wordArgument, "note": .text(note)]) }
            let back = o.linesBackToWork(rework).compactMap { id in o.lines.first { $0.id == id } }
            if back.isEmpty { return said("repair_order.did.check_failed", ["check": stage.wordArgument, "note": .text(note)]) }
            return said("repair_order.did.check_failed_lines", ["check": stage.wordArgument, "note": .text(note),
                                                                "lines": .list(back.map { .message(Message("repair_order.line_code", ["line": .int(Int($0.id)), "code": .text($0.code)])) })])

        case .wash:
            try o.wash()
            return said("repair_order.did.wash")

        case .deliveryCheck:
            try o.deliveryCheck()
            return said("repair_order.did.delivery_check")

        case .notify(let at):
            let warnings = try o.notifyCustomer(agreedAt: at, now: caller.now, atPeak: AppointmentPlanner.isPeak(at, settings: caller.settings),
                                                jobType: try jobType(o, tx))
            return StepOutcome(said: Message("repair_order.did.notify", ["at": .time(at)]), warnings: warnings)

        case .deliver(let day, let km, let callTime, let oldPartsShown, let faultGone):
            if day <= caller.today {
                throw refuse(o, verb, [Problem("next-date", Message("repair_order.next_date_after_today"))])
            }
            try o.deliver(DeliveryRecord(nextServiceOn: day, nextServiceKm: km, followUpPreference: callTime, oldPartsShown: oldPartsShown,
                                         at: caller.now, customerSatisfied: faultGone))
            return said("repair_order.did.deliver", ["date": .date(day), "km": .int(km), "call_time": .text(callTime)])

        case .discount(let discount, let reason):
            let amount: Money
            switch discount {
            case .amount(let m): amount = m
            case .percent(let n):
                guard let m = o.discount(percent: n, vatBasisPoints: caller.settings.vatBasisPoints) else {
                    throw refuse(o, verb, [Problem("amount", Message("input.not_amount_or_percent"))])
                }
                amount = m
            }
            try o.giveDiscount(amount, reason: reason, by: caller.user, role: caller.role,
                               limitBasisPoints: caller.settings.discountLimitBasisPoints, vatBasisPoints: caller.settings.vatBasisPoints)
            let s = o.settlement(vatBasisPoints: caller.settings.vatBasisPoints)
            return said("repair_order.did.discount", ["amount": .money(amount), "reason": .text(o.discountReason ?? ""), "total": .money(s.total)])

        case .cancel(let reason):
            try o.cancel(reason: reason)
            if let refund = o.refundDeposits(by: caller.user, at: caller.now) {
                return said("payment.cancelled_refund", ["reason": .text(o.cancelReason ?? ""), "amount": .money(Money(fen: -refund.amount.fen)),
                                                         "method": refund.method.argument])
            }
            return said("repair_order.did.cancel", ["reason": .text(o.cancelReason ?? "")])

        case .comeback(let earlier):
            return try linkComeback(&o, to: earlier, by: caller, tx)
        }
    }

    /// The person the staff list knows by `name`; no role when it does not.
    static func signer(named name: String, _ tx: any StoreReading) throws -> Signer {
        try tx.staffMember(named: name).map(Signer.init) ?? Signer(name: name, role: nil, team: nil)
    }

    /// Who is asking, as the staff list has them (role and team); a caller
    /// not on it keeps the role the front end gave and has no team.
    static func signer(_ caller: Caller, _ tx: any StoreReading) throws -> Signer {
        try tx.staffMember(named: caller.user).map(Signer.init) ?? Signer(name: caller.user, role: caller.role, team: nil)
    }

    /// `line 3 BRK-PAD-F 更换前刹车片 1.20 h ¥336.00 (warranty), recommended`
    public static func describe(_ line: RepairOrderLine) -> String {
        let what = line.kind == .labor ? "\(line.hours) h" : "× \(line.quantity)"
        let payer = line.payer == .customer ? "" : " (\(MessageCatalog.current.codeWord(LinePayer.wordKind, line.payer.rawValue)))"
        let state: MessageCode? = line.origin == .extra ? "repair_order.line_waiting" : line.origin == .recommended ? "repair_order.line_recommended" : nil
        return Message("repair_order.line_described", ["line": .int(Int(line.id)), "code": .text(line.code), "name": .text(line.name),
                                                       "what": .text(what), "amount": .money(line.amount)]).description
            + payer + (state.map { Message($0).description } ?? "")
    }
}

extension RepairOrder {
    /// From signing to final QC: progress is reported while the car is in the workshop (R4.5).
    public static func inWorkshop(_ status: RepairOrderStatus) -> Bool { (RepairOrderStatus.signed...RepairOrderStatus.qcPassed).contains(status) }
}
