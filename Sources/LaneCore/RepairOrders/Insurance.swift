/// Accident and insurance repairs (保险理赔, 事故车): the insurer pays the
/// loss it assessed (定损), less the customer's deductible; the customer pays
/// the deductible and any work above the assessment.

/// An insurance company the store deals with (`insurance.insurers` in the
/// settings: `PICC:中国人保财险`).
public struct Insurer: Sendable, Equatable, Hashable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// `CODE:NAME` items of the settings; nil when one is not of that form.
    public static func list(_ items: [String]) -> [Insurer]? {
        SettingList.keyed(items)?.map { Insurer(code: $0.key.uppercased(), name: $0.value) }
    }
}

/// The claim an accident repair is billed to.
public struct InsuranceClaim: Sendable, Equatable {
    /// The insurer's code from the settings.
    public var insurer: String
    public var claimNumber: String
    /// The loss assessment (定损金额) the insurer agreed, VAT included.
    public var assessed: Money
    /// What the customer pays of the assessed loss (免赔额).
    public var deductible: Money

    public init(insurer: String, claimNumber: String, assessed: Money, deductible: Money) {
        self.insurer = insurer
        self.claimNumber = claimNumber
        self.assessed = assessed
        self.deductible = deductible
    }

    /// Every problem of a claim as typed: an insurer the store knows, a claim number, amounts that make sense.
    public static func problems(_ claim: InsuranceClaim, insurers: [Insurer]) -> [Problem] {
        var p: [Problem] = []
        if !insurers.contains(where: { $0.code == claim.insurer }) {
            p.append(Problem("insurer", insurers.isEmpty ? Message("insurance.no_insurers")
                             : Message("insurance.unknown_insurer", ["given": .text(claim.insurer), "insurers": .list(insurers.map { .text($0.code) })])))
        }
        if claim.claimNumber.trimmingWhitespace().isEmpty { p.append(Problem("claim", Message("insurance.claim_number_needed"))) }
        if claim.assessed.fen <= 0 { p.append(Problem("assessed", Message("insurance.assessed_positive"))) }
        if claim.deductible.fen < 0 { p.append(Problem("deductible", Message("insurance.deductible_negative"))) }
        else if claim.deductible.fen > claim.assessed.fen && claim.assessed.fen > 0 {
            p.append(Problem("deductible", Message("insurance.deductible_above_assessed", ["deductible": .money(claim.deductible), "assessed": .money(claim.assessed)])))
        }
        return p
    }
}

/// Who pays what of the lines billed to the insurer.
public struct InsuranceSplit: Sendable, Equatable {
    /// The insurer's lines before VAT.
    public var net: Money
    public var vat: Money
    /// The insurer's lines with VAT: what the repair of the loss costs.
    public var gross: Money { net + vat }
    /// What the insurer is billed: the cost up to the assessment, less the deductible.
    public var insurerPays: Money
    /// The deductible and whatever the repair costs above the assessment.
    public var customerPays: Money { gross - insurerPays }
    /// Of `customerPays`, the part above the assessment (the customer's extras).
    public var aboveAssessment: Money

    /// VAT on the insurer's lines once, rounded half up (the same rule as the settlement's).
    public init(net: Money, vatBasisPoints: Int, claim: InsuranceClaim?) {
        self.net = net
        vat = Money(fen: Money.divideRoundingHalfUp(net.fen * Int64(vatBasisPoints), by: 10_000))
        let gross = net.fen + vat.fen
        let assessed = claim?.assessed.fen ?? 0
        let covered = min(gross, max(assessed, 0))
        insurerPays = Money(fen: max(covered - max(claim?.deductible.fen ?? 0, 0), 0))
        aboveAssessment = Money(fen: gross - covered)
    }
}

/// The kind of job an order is, as the workshop's rules see it: body-and-paint
/// work goes to a team with those skills and, like a major repair, is not
/// handed over at peak times (R4.2, R5.3).
public enum JobType: String, CaseIterable, Sendable {
    case maintenance
    case repair
    case bodyPaint = "body_paint"

    /// The job type of a set of labour operations' skills: any body or paint work makes it body-and-paint.
    public static func of(skills: [Skill]) -> JobType {
        if skills.contains(where: \.isBodyAndPaint) { return .bodyPaint }
        if !skills.isEmpty && skills.allSatisfy({ $0 == .maintenance }) { return .maintenance }
        return .repair
    }

    /// The skills a team needs for this kind of job (nil: whatever the lines ask).
    public var requiredSkills: [Skill]? { self == .bodyPaint ? [.body, .paint] : nil }

    public var title: String { MessageCatalog.current.word("job_type", rawValue) }
}

extension Skill {
    /// Body (钣金) and paint (喷漆): accident damage, never a warranty repair.
    public var isBodyAndPaint: Bool { self == .body || self == .paint }
}
