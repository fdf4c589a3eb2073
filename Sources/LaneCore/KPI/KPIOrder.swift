/// A repair order as the figures read it: who had it, when it was opened, promised and delivered, whether it was
/// cancelled, came by appointment or had its customer waiting, its discount and its lines (`KPIOrderLine`). The store
/// reads these columns only for a report's period or a day's share (`ReportsReading.kpiOrders`): reading and decoding
/// all fifty columns of each order and all eighteen of each line was most of the manager's first `today` after a
/// change at 1M vehicles (docs/performance.md, twenty-second round). `init(_:)` takes it from a whole order.
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
    public var lines: [KPIOrderLine]

    public init(id: Int64, vehicleID: Int64, advisor: String, team: String?, isCancelled: Bool, openedAt: Timestamp, deliveredAt: Timestamp?,
                promisedAt: Timestamp?, byAppointment: Bool, customerWaits: Bool, discount: Money, lines: [KPIOrderLine] = []) {
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
                  customerWaits: o.checkIn?.customerWaits == true, discount: o.discount, lines: o.lines.map(KPIOrderLine.init))
    }

    /// The kind of visit its paid work makes it (the same rule as `RepairOrder.visitKind`).
    public var visitKind: VisitKind { VisitKind(lines: lines) }
}

/// A repair order's line as the figures read it: its price and who pays (`PricedLine`), where it came from, and the
/// minutes clocked on it and by whom; not its name, issue or clock-on time.
public struct KPIOrderLine: PricedLine, Sendable, Equatable {
    public var kind: LineKind
    public var code: String
    public var hours: LaborHours
    public var quantity: Int
    public var unitPrice: Money
    public var payer: LinePayer
    public var origin: LineOrigin
    public var approval: LineApproval
    public var workedMinutes: Int
    public var clockedOnBy: String?

    public init(kind: LineKind, code: String, hours: LaborHours, quantity: Int, unitPrice: Money, payer: LinePayer, origin: LineOrigin,
                approval: LineApproval, workedMinutes: Int, clockedOnBy: String?) {
        self.kind = kind
        self.code = code
        self.hours = hours
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.payer = payer
        self.origin = origin
        self.approval = approval
        self.workedMinutes = workedMinutes
        self.clockedOnBy = clockedOnBy
    }

    /// The figures' view of a whole line.
    public init(_ l: RepairOrderLine) {
        self.init(kind: l.kind, code: l.code, hours: l.hours, quantity: l.quantity, unitPrice: l.unitPrice, payer: l.payer, origin: l.origin,
                  approval: l.approval, workedMinutes: l.workedMinutes, clockedOnBy: l.clockedOnBy)
    }
}
