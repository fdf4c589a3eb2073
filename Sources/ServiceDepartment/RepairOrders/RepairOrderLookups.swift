import LaneCore
import LaneStore

/// An order with the vehicle and customer a list shows beside it.
public struct RepairOrderRow: Sendable {
    public var order: RepairOrder
    public var vehicle: Vehicle?
    public var customer: Customer?
    public var plate: String { vehicle?.plate.value ?? "?" }
}

extension RepairOrderDesk {
    /// Orders in `statuses`, oldest first, each with its vehicle and (unless `customers` is false) customer.
    static func rows(statuses: [RepairOrderStatus], limit: Int = 500, customers: Bool = true, _ tx: any StoreReading) throws -> [RepairOrderRow] {
        try rows(tx.repairOrders(statuses: statuses, limit: limit), customers: customers, tx)
    }

    /// Several orders with their vehicles and customers: two queries, never two per order. Without
    /// `customers`, one: a customer's row is a page read of its own on a large store.
    static func rows(_ orders: [RepairOrder], customers withCustomers: Bool = true, _ tx: any StoreReading) throws -> [RepairOrderRow] {
        let vehicles = try tx.vehicles(ids: Array(Set(orders.map(\.vehicleID))))
        let customers = withCustomers ? try tx.customers(ids: Array(Set(orders.map(\.customerID)))) : [:]
        return orders.map { RepairOrderRow(order: $0, vehicle: vehicles[$0.vehicleID], customer: customers[$0.customerID]) }
    }

    public static func row(_ order: RepairOrder, _ tx: any StoreReading) throws -> RepairOrderRow {
        RepairOrderRow(order: order, vehicle: try tx.vehicle(id: order.vehicleID), customer: try tx.customer(id: order.customerID))
    }

    /// An order's whole story, step by step.
    public static func timeline(_ reference: String, _ tx: any StoreReading) throws -> (order: RepairOrder, events: [TimelineEvent]) {
        let order = try load(reference, tx)
        return (order, try tx.repairOrderEvents(orderID: order.id))
    }

    /// The parts still to issue for orders in the workshop, with what is on the shelf.
    static func partsToIssue(_ tx: any StoreReading) throws -> [(order: RepairOrder, line: RepairOrderLine, inStock: Int)] {
        let waiting = try tx.repairOrders(statuses: [.dispatched, .inProgress], limit: 1000).flatMap { o in
            o.approvedLines.filter { $0.kind == .part && $0.issued < $0.quantity }.map { (order: o, line: $0) }
        }
        // The shelf's stock of every part listed, in one read.
        let parts = try tx.parts(numbers: Array(Set(waiting.map(\.line.code))))
        return waiting.map { ($0.order, $0.line, parts[$0.line.code]?.stock ?? 0) }
    }
}

/// What a reference typed at `use` names: an order, a vehicle or a customer.
public enum CurrentReference: Sendable, Equatable {
    case repairOrder(number: String, plate: String, ownerCode: String)
    case vehicle(plate: String, ownerCode: String)
    case customer(code: String, name: String)
}

extension References {
    /// `RO-…` is an order; a plate or VIN its open order, else the vehicle; anything else a customer.
    public static func current(_ reference: String, _ tx: any StoreReading) throws -> CurrentReference {
        if reference.uppercased().hasPrefix("RO-") {
            let o = try RepairOrderDesk.load(reference, tx)
            let row = try RepairOrderDesk.row(o, tx)
            return .repairOrder(number: o.number, plate: row.vehicle?.plate.value ?? "", ownerCode: row.customer?.code ?? "")
        }
        let asVehicle = try findVehicle(reference, tx)
        if case .success(let v) = asVehicle {
            let owner = try tx.customer(id: v.ownerID)?.code ?? ""
            // A car in the workshop: its open order is what the next commands are about.
            if let open = try tx.repairOrders(vehicleID: v.id).first(where: \.isOpen) {
                return .repairOrder(number: open.number, plate: v.plate.value, ownerCode: owner)
            }
            return .vehicle(plate: v.plate.value, ownerCode: owner)
        }
        switch try findCustomer(reference, tx) {
        case .success(let c): return .customer(code: c.code, name: c.name)
        case .failure(let p):
            // A plate or VIN that names no vehicle says so, not that no customer has that name.
            let looksLikeVehicle: Bool
            switch (try plate(reference, tx), VIN.parse(reference)) {
            case (.success, _), (_, .success): looksLikeVehicle = true
            default: looksLikeVehicle = false
            }
            if case .failure(let vp) = asVehicle, looksLikeVehicle {
                throw Refusal(Message("reference.nothing_to_use"), problems: [vp])
            }
            throw Refusal(Message("reference.nothing_to_use"), problems: [p])
        }
    }
}

extension RepairOrder {
    /// The command that moves the order on: what `today` lists for the person at that step.
    public var nextStep: String {
        switch status {
        case .reception: return "ro sign"
        case .signed: return "ro handover"
        case .handedOver: return "ro dispatch"
        case .dispatched, .inProgress: return "ro check self"
        case .selfChecked: return "ro check leader"
        case .leaderChecked: return "ro check final"
        case .qcPassed: return terms?.wash == true && !washed ? "ro wash" : "ro delivery-check"
        case .readyForDelivery: return agreedDeliveryAt == nil ? "ro notify" : "ro deliver"
        case .delivered: return "ro settle"
        case .settled: return "ro pay"
        case .closed, .cancelled: return "-"
        }
    }

    /// Appointment customers first (R4.2), then the oldest.
    public static func byPriority(_ a: RepairOrder, _ b: RepairOrder) -> Bool {
        (a.byAppointment ? 0 : 1, a.openedAt) < (b.byAppointment ? 0 : 1, b.openedAt)
    }
}
