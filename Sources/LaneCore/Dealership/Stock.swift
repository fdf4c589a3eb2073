/// Parts put aside for an appointment (R2.5).
public struct PartReservation: Sendable, Equatable {
    public var partNumber: String
    public var quantity: Int
    public var label: String
    public var released: Bool
    public init(partNumber: String, quantity: Int, label: String, released: Bool) {
        self.partNumber = partNumber
        self.quantity = quantity
        self.label = label
        self.released = released
    }
}

/// A row of a part's stock ledger.
public struct StockMovement: Sendable, Equatable {
    public var partNumber: String
    public var delta: Int
    public var reason: String
    public var reference: String?
    public var at: Timestamp
    public var by: String
    public init(partNumber: String, delta: Int, reason: String, reference: String?, at: Timestamp, by: String) {
        self.partNumber = partNumber
        self.delta = delta
        self.reason = reason
        self.reference = reference
        self.at = at
        self.by = by
    }
}

/// Stock on hand never goes below zero: a part not on the shelf cannot be
/// issued, only ordered.
public enum StockLevel {
    public static func problem(partNumber: String, onHand: Int, delta: Int) -> Problem? {
        guard onHand + delta < 0 else { return nil }
        return Problem(partNumber, Message("stock.not_enough", ["on_hand": .int(onHand), "asked": .int(-delta)]))
    }
}
