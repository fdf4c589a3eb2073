/// Where a repair order stands. The order of the cases is the order of the
/// process: reception (R3) → workshop (R4) → delivery and settlement (R5).
public enum RepairOrderStatus: String, CaseIterable, Sendable, Comparable {
    /// Reception: walk-around check, complaint, warranty, estimate (R3.3-R3.9).
    case reception
    /// The customer signed the work order (R3.10); the workshop may start.
    case signed
    /// Keys, work order and check-in sheet are with the foreman (R4.1).
    case handedOver = "handed_over"
    /// A team is assigned (R4.2).
    case dispatched
    /// Work under way (R4.3); also where a failed check sends the job back.
    case inProgress = "in_progress"
    /// The technician's self-check passed (R4.6).
    case selfChecked = "self_checked"
    /// The team leader's check passed (R4.6).
    case leaderChecked = "leader_checked"
    /// Final QC passed (R4.6): ready for wash and the delivery check.
    case qcPassed = "qc_passed"
    /// The advisor's internal delivery check passed (R5.2).
    case readyForDelivery = "ready_for_delivery"
    /// Explained and shown to the customer at the car (R5.4).
    case delivered
    /// The customer signed the settlement (R5.7).
    case settled
    /// Paid, gate pass issued, keys returned (R5.8, R5.9).
    case closed
    /// Cancelled before the workshop started (no fix known, customer left).
    case cancelled

    public static func < (a: RepairOrderStatus, b: RepairOrderStatus) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// In the customer's and advisor's words.
    public var title: String { MessageCatalog.current.word("ro_status", rawValue) }
}

/// The steps that move a repair order on. `RepairOrder.blockers(for:)`
/// lists every unmet condition of a step (`ro why-not`).
public enum RepairOrderStep: String, CaseIterable, Sendable {
    case sign
    case handover
    case dispatch
    case start
    case selfCheck = "self-check"
    case leaderCheck = "leader-check"
    case finalCheck = "final-check"
    case wash
    case deliveryCheck = "delivery-check"
    case notify
    case deliver
    case settle
    case pay
    case cancel

    /// The statuses a step may start from.
    public var allowedFrom: Set<RepairOrderStatus> {
        switch self {
        case .sign: return [.reception]
        case .handover: return [.signed]
        case .dispatch: return [.handedOver, .dispatched]
        case .start: return [.dispatched, .inProgress]
        case .selfCheck: return [.inProgress]
        case .leaderCheck: return [.selfChecked]
        case .finalCheck: return [.leaderChecked]
        case .wash: return [.qcPassed]
        case .deliveryCheck: return [.qcPassed]
        case .notify: return [.readyForDelivery]
        case .deliver: return [.readyForDelivery]
        case .settle: return [.delivered]
        case .pay: return [.settled]
        case .cancel: return [.reception, .signed, .handedOver, .dispatched]
        }
    }

    /// The status a successful step leaves the order in (nil: unchanged).
    public var leadsTo: RepairOrderStatus? {
        switch self {
        case .sign: return .signed
        case .handover: return .handedOver
        case .dispatch: return .dispatched
        case .start: return .inProgress
        case .selfCheck: return .selfChecked
        case .leaderCheck: return .leaderChecked
        case .finalCheck: return .qcPassed
        case .wash, .notify: return nil
        case .deliveryCheck: return .readyForDelivery
        case .deliver: return .delivered
        case .settle: return .settled
        case .pay: return .closed
        case .cancel: return .cancelled
        }
    }
}

/// Fuel, damage and what is in the car, recorded with the customer at the
/// walk-around check with covers fitted (R3.1, R3.4).
public struct CheckInSheet: Sendable, Equatable {
    public var mileage: Int
    /// Eighths of a tank (or of battery charge): 0…8.
    public var fuelEighths: Int
    public var coversFitted: Bool
    public var damage: String
    public var valuables: String
    public var equipment: String
    /// The customer waits at the store (in the lounge) for the car, rather than leaving it: their wait, from the
    /// order's opening to the delivery, is a KPI (`wait_median`, docs/kpis.md).
    public var customerWaits: Bool

    public init(mileage: Int, fuelEighths: Int, coversFitted: Bool, damage: String, valuables: String, equipment: String,
                customerWaits: Bool = false) {
        self.customerWaits = customerWaits
        self.mileage = mileage
        self.fuelEighths = fuelEighths
        self.coversFitted = coversFitted
        self.damage = damage
        self.valuables = valuables
        self.equipment = equipment
    }
}

/// The warranty decision at reception (R3.5, X1).
public enum WarrantyDecision: String, CaseIterable, Sendable {
    case covered
    case notCovered = "not_covered"
    /// Unclear until the diagnosis.
    case pendingDiagnosis = "pending_diagnosis"
    /// Still unclear: sent to the maker's service department for approval.
    case escalated
}

public enum PaymentMethod: String, CaseIterable, Sendable {
    case cash, card, wechat, alipay, transfer
    /// Charged to the customer's credit account (挂账), paid later (fleet customers).
    case account
}

/// What happens to the replaced parts (R3.10).
public enum OldPartsChoice: String, CaseIterable, Sendable {
    case take
    case leave
}

/// What the customer agreed and signed on the work order (R3.10).
public struct WorkOrderTerms: Sendable, Equatable {
    public var payment: PaymentMethod
    public var oldParts: OldPartsChoice
    public var wash: Bool
    /// The name the customer signed with.
    public var signedBy: String
    public var signedAt: Timestamp

    public init(payment: PaymentMethod, oldParts: OldPartsChoice, wash: Bool, signedBy: String, signedAt: Timestamp) {
        self.payment = payment
        self.oldParts = oldParts
        self.wash = wash
        self.signedBy = signedBy
        self.signedAt = signedAt
    }
}

public enum QualityCheckStage: String, CaseIterable, Sendable {
    case selfCheck = "self"
    case leader
    case final

    public var title: String { MessageCatalog.current.word("qc_stage", rawValue) }
}

/// One of the three checks (R4.6): passed, or failed with the reason that
/// sends the job back to work.
public struct QualityCheck: Sendable, Equatable {
    public var stage: QualityCheckStage
    public var passed: Bool
    public var by: String
    public var at: Timestamp
    public var note: String
    /// A failed check: the labour lines it sent back to work (R4.6).
    public var rework: [Int64]

    public init(stage: QualityCheckStage, passed: Bool, by: String, at: Timestamp, note: String, rework: [Int64] = []) {
        self.stage = stage
        self.passed = passed
        self.by = by
        self.at = at
        self.note = note
        self.rework = rework
    }
}

/// What was told and agreed at the car (R5.4, R5.6).
public struct DeliveryRecord: Sendable, Equatable {
    public var nextServiceOn: CalendarDate
    public var nextServiceKm: Int
    /// When the customer would like the follow-up call (R5.4, R6.1).
    public var followUpPreference: String
    public var oldPartsShown: Bool
    public var at: Timestamp
    /// The customer confirmed at the car that the fault is gone (a comeback needs it).
    public var customerSatisfied: Bool

    public init(nextServiceOn: CalendarDate, nextServiceKm: Int, followUpPreference: String, oldPartsShown: Bool, at: Timestamp,
                customerSatisfied: Bool = false) {
        self.nextServiceOn = nextServiceOn
        self.nextServiceKm = nextServiceKm
        self.followUpPreference = followUpPreference
        self.oldPartsShown = oldPartsShown
        self.at = at
        self.customerSatisfied = customerSatisfied
    }
}

/// A delivered order as the call lists show it (`followup due`, the surveys due on `today`): its number,
/// car, customer, advisor and delivery, without its lines, checks and payments, which those lists never
/// show. Reading an order's items was most of what a page of calls read (three statements over every
/// line and check of the page's orders).
public struct DeliveredOrder: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var vehicleID: Int64
    public var customerID: Int64
    public var advisor: String
    /// Nil only for a row whose delivery record is incomplete; lane writes the two together.
    public var delivery: DeliveryRecord?

    public init(id: Int64, number: String, vehicleID: Int64, customerID: Int64, advisor: String, delivery: DeliveryRecord?) {
        self.id = id
        self.number = number
        self.vehicleID = vehicleID
        self.customerID = customerID
        self.advisor = advisor
        self.delivery = delivery
    }

    /// The head of a whole order.
    public init(_ order: RepairOrder) {
        self.init(id: order.id, number: order.number, vehicleID: order.vehicleID, customerID: order.customerID, advisor: order.advisor,
                  delivery: order.delivery)
    }
}

/// The payment at the cashier (R5.8).
public struct Payment: Sendable, Equatable {
    public var method: PaymentMethod
    public var amount: Money
    public var invoiceNumber: String
    public var gatePass: String
    public var by: String
    public var at: Timestamp

    public init(method: PaymentMethod, amount: Money, invoiceNumber: String, gatePass: String, by: String, at: Timestamp) {
        self.method = method
        self.amount = amount
        self.invoiceNumber = invoiceNumber
        self.gatePass = gatePass
        self.by = by
        self.at = at
    }
}

/// The repair order (维修工单): one visit of one vehicle from reception to
/// the gate pass. Its rules live here; commands only load, call and save.
public struct RepairOrder: Sendable, Equatable {
    public var id: Int64
    /// `RO-20261123-0007`: the day it was opened and its number that day.
    public var number: String
    public var vehicleID: Int64
    public var customerID: Int64
    public var advisor: String
    /// Came by appointment: dispatched first (R2.8, R4.2).
    public var appointmentID: Int64?
    public var openedAt: Timestamp
    public var status: RepairOrderStatus
    /// In the customer's own words, confirmed back to them (R3.3).
    public var complaint: String?
    public var checkIn: CheckInSheet?
    public var warranty: WarrantyDecision?
    /// Driving licence and maintenance handbook taken (R3.6).
    public var documentsTaken: Bool
    /// Promised completion (R3.9).
    public var promisedAt: Timestamp?
    public var terms: WorkOrderTerms?
    public var team: String?
    public var lines: [RepairOrderLine]
    public var checks: [QualityCheck]
    public var washed: Bool
    /// Customer told the car is ready, and the time agreed (R5.3).
    public var agreedDeliveryAt: Timestamp?
    public var delivery: DeliveryRecord?
    /// The customer's signature on the settlement (R5.7), and on declined
    /// safety recommendations (R5.6).
    public var settlementSignedBy: String?
    public var payment: Payment?
    /// Why it was cancelled.
    public var cancelReason: String?
    /// A discount off the customer's net, why, and who gave it.
    public var discount = Money(fen: 0)
    public var discountReason: String?
    public var discountBy: String?
    /// A comeback (返修): the earlier order whose fault this one repairs again.
    public var comebackOf: String?
    /// R5.6: who signed for the declined safety recommendations (shown on the settlement).
    public var declinedSignedBy: String?
    /// Deposits, the payment's parts and refunds, in the order taken (R5.8; Cashier.swift).
    public var payments: [PaymentEntry] = []
    /// An accident repair billed to an insurer (Insurance.swift).
    public var insurance: InsuranceClaim?

    public init(id: Int64 = 0, number: String, vehicleID: Int64, customerID: Int64, advisor: String,
                appointmentID: Int64? = nil, openedAt: Timestamp) {
        self.id = id
        self.number = number
        self.vehicleID = vehicleID
        self.customerID = customerID
        self.advisor = advisor
        self.appointmentID = appointmentID
        self.openedAt = openedAt
        self.status = .reception
        self.documentsTaken = false
        self.lines = []
        self.checks = []
        self.washed = false
    }

    public var byAppointment: Bool { appointmentID != nil }

    /// Lines the customer approved (the work that is or will be done).
    public var approvedLines: [RepairOrderLine] { lines.filter(\.isApproved) }

    /// Extra work waiting for the customer's yes or no (R4.5).
    public var undecidedLines: [RepairOrderLine] { lines.filter { $0.approval == .pending } }

    /// Standard labour hours the customer approved (the job's size).
    public var approvedLaborHours: LaborHours {
        LaborHours(hundredths: approvedLines.filter { $0.kind == .labor }.reduce(0) { $0 + $1.hours.hundredths })
    }

    /// Standard labour hours approved and not yet finished (the load it puts on the workshop).
    public var remainingLaborHours: LaborHours {
        LaborHours(hundredths: approvedLines.filter { $0.kind == .labor && !$0.done }.reduce(0) { $0 + $1.hours.hundredths })
    }

    /// Declined safety recommendations that need the customer's signature (R5.6).
    public var declinedSafetyLines: [RepairOrderLine] { lines.filter { $0.safety && $0.approval == .refused } }

    public func settlement(vatBasisPoints: Int) -> Settlement {
        Settlement(lines: lines, vatBasisPoints: vatBasisPoints, discount: discount)
    }

    /// The last result of each check stage since the job last went back to work.
    public func latestCheck(_ stage: QualityCheckStage) -> QualityCheck? {
        checks.last { $0.stage == stage }
    }

    /// Technicians who worked on the job: the last one clocked on each labour line.
    public var technicians: Set<String> {
        Set(lines.compactMap(\.clockedOnBy))
    }

    // MARK: - Conditions

    /// Every unmet condition of `step`, in an advisor's words; empty when the
    /// step may be taken now. `ro why-not` prints these.
    public func blockers(for step: RepairOrderStep) -> [Problem] {
        var p: [Problem] = []
        if !step.allowedFrom.contains(status) {
            let from = RepairOrderStatus.allCases.filter { step.allowedFrom.contains($0) }.map(\.title)
            p.append(Problem("status", Message("repair_order.wrong_status", ["status": .text(status.title), "step": .text(step.rawValue), "needed": .text(from.joined(separator: " or "))])))
        }
        switch step {
        case .sign:
            if complaint == nil { p.append(Problem("complaint", Message("repair_order.blocked.complaint"))) }
            if checkIn == nil { p.append(Problem("check-in", Message("repair_order.blocked.check_in"))) }
            else if checkIn?.coversFitted == false { p.append(Problem("check-in", Message("repair_order.blocked.covers"))) }
            if warranty == nil { p.append(Problem("warranty", Message("repair_order.blocked.warranty"))) }
            if !documentsTaken { p.append(Problem("documents", Message("repair_order.blocked.documents"))) }
            if approvedLines.isEmpty { p.append(Problem("estimate", Message("repair_order.blocked.estimate"))) }
            if promisedAt == nil { p.append(Problem("promise", Message("repair_order.blocked.promise"))) }
        case .dispatch, .handover:
            break
        case .start:
            break
        case .selfCheck:
            p += workUnfinished()
        case .leaderCheck, .finalCheck:
            break
        case .wash:
            if terms?.wash == false { p.append(Problem("wash", Message("repair_order.blocked.no_wash_chosen"))) }
            if washed { p.append(Problem("wash", Message("repair_order.blocked.already_washed"))) }
        case .deliveryCheck:
            p += workUnfinished()
            if latestCheck(.final)?.passed != true { p.append(Problem("qc", Message("repair_order.blocked.final_qc"))) }
            if terms?.wash == true && !washed { p.append(Problem("wash", Message("repair_order.blocked.not_washed"))) }
        case .notify:
            break
        case .deliver:
            if agreedDeliveryAt == nil { p.append(Problem("notify", Message("repair_order.blocked.not_notified"))) }
        case .settle:
            break
        case .pay:
            if settlementSignedBy == nil { p.append(Problem("settlement", Message("repair_order.blocked.not_settled"))) }
        case .cancel:
            if lines.contains(where: { $0.issued > 0 }) { p.append(Problem("parts", Message("repair_order.blocked.parts_issued"))) }
        }
        return p
    }

    /// What keeps the job from counting as done: undecided extra work,
    /// unissued parts, unfinished labour.
    func workUnfinished() -> [Problem] {
        var p: [Problem] = []
        let reworkAfter = checks.last.flatMap { $0.passed ? nil : $0 }
        for line in undecidedLines {
            p.append(Problem("line \(line.id)", Message("repair_order.blocked.extra_waits", ["code": .text(line.code), "name": .text(line.name)])))
        }
        for line in approvedLines where line.kind == .part && line.issued < line.quantity {
            p.append(Problem("line \(line.id)", Message("repair_order.blocked.part_not_issued", ["code": .text(line.code), "name": .text(line.name), "issued": .int(line.issued), "quantity": .int(line.quantity)])))
        }
        for line in approvedLines where line.kind == .labor {
            if line.clockedOnAt != nil {
                p.append(Problem("line \(line.id)", Message("repair_order.blocked.still_clocked_on", ["name": .text(line.clockedOnBy ?? "?"), "code": .text(line.code), "line_name": .text(line.name)])))
            } else if awaitsRework(line), let failed = reworkAfter {
                // Worked before the failed check: it went back to work and waits to be worked again.
                p.append(Problem("line \(line.id)", Message("repair_order.blocked.rework", ["code": .text(line.code), "name": .text(line.name),
                                                                                              "check": .text(failed.stage.title)])))
            } else if !line.done {
                p.append(Problem("line \(line.id)", Message("repair_order.blocked.not_finished", ["code": .text(line.code), "name": .text(line.name)])))
            }
        }
        return p
    }

    /// Throws every unmet condition of `step`.
    public func require(_ step: RepairOrderStep) throws(Refusal) {
        try Refusal.check(Message(MessageCode("repair_order.cannot." + step.rawValue), ["number": .text(number)]), blockers(for: step))
    }

    /// Moves to the status `step` leads to, after checking its conditions.
    /// The commands call the specific methods below, which record the step's data.
    mutating func advance(_ step: RepairOrderStep) throws(Refusal) {
        try require(step)
        if let next = step.leadsTo { status = next }
    }
}
