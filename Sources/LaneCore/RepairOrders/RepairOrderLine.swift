/// Labour or a part on a repair order.
public enum LineKind: String, CaseIterable, Sendable {
    case labor
    case part
}

/// Who pays a line (X1, R5.6): the customer, the maker under warranty,
/// nobody (the free first service), or the insurer of an accident repair
/// (up to its loss assessment, less the deductible: `InsuranceSplit`).
public enum LinePayer: String, CaseIterable, Sendable {
    case customer
    case warranty
    case free
    case insurer
}

/// Where a line came from: the estimate at reception, additional work found
/// in the workshop (R4.5), or a recommendation from the vehicle's history (R3.8).
public enum LineOrigin: String, CaseIterable, Sendable {
    case estimate
    case extra
    case recommended
}

/// The customer's word on a line. Nothing is charged or done without
/// approval (X3, R4.5); a refused safety recommendation is signed for (R5.6).
public enum LineApproval: String, CaseIterable, Sendable {
    case approved
    case pending
    case refused
}

/// What a line is worth and to whom: what the settlement and the figures read of it. A repair order's line is one;
/// so is the figures' own (`KPIOrderLine`), read from these columns only.
public protocol PricedLine {
    var kind: LineKind { get }
    var code: String { get }
    var hours: LaborHours { get }
    var quantity: Int { get }
    var unitPrice: Money { get }
    var payer: LinePayer { get }
    var approval: LineApproval { get }
}

extension PricedLine {
    /// The line's price before VAT, whoever pays it. Labour is hours × rate,
    /// rounded half up to the fen (hours are in hundredths).
    public var amount: Money {
        switch kind {
        case .labor: return hours.price(at: unitPrice)
        case .part: return Money(fen: Int64(quantity) * unitPrice.fen)
        }
    }

    /// What the customer is charged for it before VAT: nothing for warranty
    /// and free lines, nor for anything they did not approve.
    public var chargedAmount: Money {
        payer == .customer && approval == .approved ? amount : Money(fen: 0)
    }

    /// Work that will be or was done.
    public var isApproved: Bool { approval == .approved }
}

/// One line of the estimate, the work order and the settlement.
public struct RepairOrderLine: PricedLine, Sendable, Equatable {
    public var id: Int64
    public var kind: LineKind
    /// Labour operation code or part number.
    public var code: String
    public var name: String
    /// Labour: standard hours; parts: unused (zero).
    public var hours: LaborHours
    /// Parts: how many; labour: 1.
    public var quantity: Int
    /// Labour: the rate per hour; parts: the unit price. VAT excluded.
    public var unitPrice: Money
    public var payer: LinePayer
    public var origin: LineOrigin
    public var approval: LineApproval
    /// A recommendation that matters for safety (brakes, tyres, steering…):
    /// declining it needs the customer's signature (R5.6).
    public var safety: Bool
    /// Parts issued from stores against this line (R4.3).
    public var issued: Int
    /// The technician who signed the issue slip.
    public var issuedTo: String?
    /// Labour: minutes actually clocked (R4.3, actual against standard).
    public var workedMinutes: Int
    /// Labour: a technician is clocked on since then (nil when clocked off).
    public var clockedOnAt: Timestamp?
    /// Labour: the technician who last clocked on (kept after clock-off: who did the work).
    public var clockedOnBy: String?
    /// Labour: the technician clocked off and called it finished.
    public var done: Bool

    public init(id: Int64 = 0, kind: LineKind, code: String, name: String, hours: LaborHours = LaborHours(hundredths: 0),
                quantity: Int = 1, unitPrice: Money, payer: LinePayer = .customer, origin: LineOrigin = .estimate,
                approval: LineApproval = .approved, safety: Bool = false, issued: Int = 0, issuedTo: String? = nil,
                workedMinutes: Int = 0, clockedOnAt: Timestamp? = nil, clockedOnBy: String? = nil, done: Bool = false) {
        self.id = id
        self.kind = kind
        self.code = code
        self.name = name
        self.hours = hours
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.payer = payer
        self.origin = origin
        self.approval = approval
        self.safety = safety
        self.issued = issued
        self.issuedTo = issuedTo
        self.workedMinutes = workedMinutes
        self.clockedOnAt = clockedOnAt
        self.clockedOnBy = clockedOnBy
        self.done = done
    }

}

extension LaborHours {
    /// Hours × an hourly rate, rounded half up to the fen (hours are in
    /// hundredths): a labour line, or a catalogue operation at the store's rate.
    public func price(at rate: Money) -> Money {
        Money(fen: Money.divideRoundingHalfUp(Int64(hundredths) * rate.fen, by: 100))
    }
}

extension Money {
    /// Integer division rounding half away from zero: the one rounding rule
    /// for money in ServiceLane (labour amounts and VAT).
    public static func divideRoundingHalfUp(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let q = numerator / denominator
        let r = numerator % denominator
        if r.magnitude * 2 >= denominator.magnitude {
            // Away from zero means toward the quotient's sign, which is the
            // numerator's only when the denominator is positive.
            return (numerator < 0) == (denominator < 0) ? q + 1 : q - 1
        }
        return q
    }
}

/// The money of a repair order: the estimate before the work and the
/// settlement after it (R3.8, R5.5-R5.7, X3, X5).
///
/// VAT rule: VAT is computed once per document on the customer's net total
/// (labour + parts they pay), rounded half up to the fen; never per line, so
/// the document adds up exactly.
public struct Settlement: Sendable, Equatable {
    public var laborNet: Money
    public var partsNet: Money
    /// Warranty and free lines at their price, shown but not charged.
    public var coveredValue: Money
    /// The insurer's lines before VAT (billed by `InsuranceSplit`, not in the customer's net).
    public var insurerNet: Money = .zero
    /// Agreed off the customer's net, before VAT.
    public var discount: Money
    public var net: Money { Money(fen: laborNet.fen + partsNet.fen - discount.fen) }
    public var vat: Money
    public var total: Money { Money(fen: net.fen + vat.fen) }
    public var vatBasisPoints: Int

    public init<Line: PricedLine>(lines: [Line], vatBasisPoints: Int, discount: Money = Money(fen: 0)) {
        var labor: Int64 = 0, parts: Int64 = 0, covered: Int64 = 0, insured: Int64 = 0
        for line in lines where line.isApproved {
            let charged = line.chargedAmount.fen
            switch line.kind {
            case .labor: labor += charged
            case .part: parts += charged
            }
            if line.payer == .insurer { insured += line.amount.fen }
            else if line.payer != .customer { covered += line.amount.fen }
        }
        laborNet = Money(fen: labor)
        partsNet = Money(fen: parts)
        coveredValue = Money(fen: covered)
        insurerNet = Money(fen: insured)
        self.vatBasisPoints = vatBasisPoints
        // Never more than the customer's net: a discount cannot make the customer owed money.
        let off = min(max(discount.fen, 0), labor + parts)
        self.discount = Money(fen: off)
        vat = Money(fen: Money.divideRoundingHalfUp((labor + parts - off) * Int64(vatBasisPoints), by: 10_000))
    }
}
