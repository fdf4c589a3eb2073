// The repair order's rules that are not a single step: numbering, one open
// order per vehicle, the first visit, the kind of visit a paid order was,
// the gate pass, a discount given as a percentage, and the workshop's load.
// Each lives here once; the application layer gathers the facts and asks.

extension RepairOrder {
    /// `RO-20261123-0001`: the day it was opened and its place that day.
    public static func number(day: CalendarDate, sequence: Int) -> String {
        "RO-\(day.compact)-\(CalendarDate.pad(sequence, 4))"
    }

    /// Not closed and not cancelled: the vehicle is still with us.
    public var isOpen: Bool { status != .closed && status != .cancelled }

    /// R3: a vehicle has at most one open repair order.
    public static func openingProblem(plate: String, existing: [RepairOrder]) -> Problem? {
        guard let open = existing.first(where: \.isOpen) else { return nil }
        return Problem("vehicle", Message("repair_order.already_open", ["plate": .text(plate), "number": .text(open.number),
                                                                          "status": .text(open.status.title)]))
    }

    /// R3.2: the customer has never been here before when none of their
    /// vehicles has a visit on record or another repair order.
    public static func isFirstVisit(visitsOnRecord: Bool, otherOrders: Bool) -> Bool { !visitsOnRecord && !otherOrders }

    /// R5.9: the gate pass carries the order's number (`GP-20261123-0001`).
    public static func gatePass(for number: String) -> String { "GP-" + number.dropFirst(3) }

    /// R1.1, R1.2: what the paid visit counts as in the vehicle's history:
    /// the free first service, a regular service (any maintenance operation),
    /// or a repair.
    public var visitKind: VisitKind { VisitKind(lines: lines) }

    /// X3: a discount given as a whole percentage of the customer's net, to the fen, half up.
    public func discount(percent: Int, vatBasisPoints: Int) -> Money? {
        guard (0...100).contains(percent) else { return nil }
        let net = Settlement(lines: lines, vatBasisPoints: vatBasisPoints).net
        return Money(fen: Money.divideRoundingHalfUp(net.fen * Int64(percent), by: 100))
    }
}

extension VisitKind {
    /// The kind of visit an order with these lines was (R1.1, R1.2), from its approved lines' codes: the figures
    /// ask it of `KPIOrder`, the history of `RepairOrder`.
    public init<Line: PricedLine>(lines: [Line]) {
        var maintenance = false
        for l in lines where l.isApproved {
            if l.code == LaborOperation.firstServiceCode { self = .firstService; return }
            if LaborOperation.isMaintenance(l.code) { maintenance = true }
        }
        self = maintenance ? .regularService : .repair
    }
}

extension LaborOperation {
    /// The labour operation of the free first service (seeds/labor_operations.csv).
    public static let firstServiceCode = "MNT-FIRST"

    /// Maintenance operations are coded `MNT-…`.
    public static func isMaintenance(_ code: String) -> Bool { code.hasPrefix("MNT-") }
}

/// R3.9, R4.2: the workshop's load is the labour not yet done on orders
/// signed and not yet through final QC. The promised time weighs all of it;
/// the foreman weighs it per team.
public enum WorkshopLoad {
    public static let statuses: [RepairOrderStatus] = [.signed, .handedOver, .dispatched, .inProgress, .selfChecked, .leaderChecked]

    /// Hours waiting in the whole workshop, leaving out one order (the one being promised).
    public static func backlog(_ orders: [RepairOrder], excluding id: Int64?) -> LaborHours {
        LaborHours(hundredths: orders.filter { statuses.contains($0.status) && $0.id != id }.reduce(0) { $0 + $1.remainingLaborHours.hundredths })
    }

    /// Hours waiting per team, in hundredths.
    public static func perTeam(_ orders: [RepairOrder]) -> [String: Int] {
        var loads: [String: Int] = [:]
        for o in orders where statuses.contains(o.status) {
            guard let team = o.team else { continue }
            loads[team, default: 0] += o.remainingLaborHours.hundredths
        }
        return loads
    }
}
