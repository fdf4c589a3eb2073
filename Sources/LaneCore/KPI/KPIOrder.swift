/// A repair order as the figures read it: who had it, when it was opened, promised and delivered, whether it was
/// cancelled, came by appointment or had its customer waiting, its discount and its lines. The store reads these
/// columns only for a report's period or a day's share (`StoreReading.kpiOrders`): reading and decoding all fifty
/// columns of each order was most of the manager's first `today` after a change at 1M vehicles
/// (docs/performance.md, twenty-second round). `init(_:)` takes it from a whole order.
public struct KPIOrder: Sendable, Equatable {
    public var id: Int64
    public var vehicleID: Int64
    public var advisor: String
    /// The team the order was dispatched to.
    public var team: String?
    public var isCancelled: Bool
    public var openedAt: Timestamp
    public var deliveredAt: Timestamp?
    public var promisedAt: Timestamp?
    public var byAppointment: Bool
    /// The check-in sheet says the customer waits at the store.
    public var customerWaits: Bool
    public var discount: Money
    public var lines: [RepairOrderLine]

    public init(id: Int64, vehicleID: Int64, advisor: String, team: String?, isCancelled: Bool, openedAt: Timestamp, deliveredAt: Timestamp?,
                promisedAt: Timestamp?, byAppointment: Bool, customerWaits: Bool, discount: Money, lines: [RepairOrderLine] = []) {
        self.id = id
        self.vehicleID = vehicleID
        self.advisor = advisor
        self.team = team
        self.isCancelled = isCancelled
        self.openedAt = openedAt
        self.deliveredAt = deliveredAt
        self.promisedAt = promisedAt
        self.byAppointment = byAppointment
        self.customerWaits = customerWaits
        self.discount = discount
        self.lines = lines
    }

    /// The figures' view of a whole order.
    public init(_ o: RepairOrder) {
        self.init(id: o.id, vehicleID: o.vehicleID, advisor: o.advisor, team: o.team, isCancelled: o.status == .cancelled,
                  openedAt: o.openedAt, deliveredAt: o.delivery?.at, promisedAt: o.promisedAt, byAppointment: o.byAppointment,
                  customerWaits: o.checkIn?.customerWaits == true, discount: o.discount, lines: o.lines)
    }

    /// The kind of visit its paid work makes it (the same rule as `RepairOrder.visitKind`).
    public var visitKind: VisitKind { VisitKind(lines: lines) }
}
