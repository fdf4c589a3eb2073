import LaneCore
import LaneStore

/// Stock moves: every one through the ledger, and never below zero. The rule
/// is LaneCore's (`StockLevel`); the store only records the movement.
public enum Stockroom {
    public static func move(_ movement: StockMovement, _ tx: any DealershipWriting) throws {
        guard let part = try tx.part(number: movement.partNumber) else {
            throw Refusal(Message("stock.below_zero"), problems: [Problem("part", Message("stock.no_such_part", ["part": .text(movement.partNumber)]))])
        }
        if let problem = StockLevel.problem(partNumber: part.number, onHand: part.stock, delta: movement.delta) {
            throw Refusal(Message("stock.below_zero"), problems: [problem])
        }
        try tx.recordStockMovement(movement)
    }
}
