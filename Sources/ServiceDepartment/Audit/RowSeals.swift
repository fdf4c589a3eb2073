import LaneCore
import LaneStore

/// Seals on the rows that matter most to an auditor: a repair order's
/// status and money (what was paid, how, the invoice, the gate pass, the
/// discount) and a member of staff's role and team. Each seal is an HMAC
/// with the store's key over those facts, written by the same change that
/// writes the row; someone who edits the row with sqlite3 cannot re-seal it.
/// `store check` compares every row with its seal. Names are left out, so an
/// erasure never breaks a seal.
public enum RowSeals {
    static func facts(_ o: RepairOrder, vatBasisPoints: Int) -> String {
        let s = o.settlement(vatBasisPoints: vatBasisPoints)
        return ["repair_order", o.number, o.status.rawValue, String(s.total.fen), String(o.discount.fen),
                o.payment.map { "\($0.method.rawValue)|\($0.amount.fen)|\($0.invoiceNumber)|\($0.gatePass)" } ?? "-"]
            .joined(separator: "\u{1F}")
    }

    static func facts(_ m: StaffMember) -> String {
        ["staff", m.name, m.role.rawValue, m.team ?? "-"].joined(separator: "\u{1F}")
    }

    /// Seals the orders a change touched (those its timeline rows name, as
    /// stored at its end), and the whole staff list when the change may have altered it.
    static func seal(_ touched: [RepairOrder], staff: Bool, key: [UInt8], vatBasisPoints: Int, _ tx: any StoreWriting) throws {
        for o in touched {
            try tx.saveSeal(kind: "repair_order", ref: o.number, mac: AuditTrail.mac(key, facts(o, vatBasisPoints: vatBasisPoints)))
        }
        if staff {
            for m in try tx.staff() { try tx.saveSeal(kind: "staff", ref: m.name, mac: AuditTrail.mac(key, facts(m))) }
        }
    }

    /// Every sealed row compared with its seal: the ones changed outside lane.
    public static func check(key: [UInt8], vatBasisPoints: Int, _ tx: any StoreReading) throws -> (checked: Int, problems: [Problem]) {
        var checked = 0
        var problems: [Problem] = []
        for (number, mac) in try tx.seals(kind: "repair_order").sorted(by: { $0.key < $1.key }) {
            checked += 1
            guard let o = try tx.repairOrder(number: number) else {
                problems.append(Problem(number, Message("seal.row_removed")))
                continue
            }
            if AuditTrail.mac(key, facts(o, vatBasisPoints: vatBasisPoints)) != mac {
                problems.append(Problem(number, Message("seal.order_changed")))
            }
        }
        let staffSeals = try tx.seals(kind: "staff")
        for m in try tx.staff() {
            checked += 1
            guard let mac = staffSeals[m.name] else {
                if !staffSeals.isEmpty { problems.append(Problem(m.name, Message("seal.staff_unsealed"))) }
                continue
            }
            if AuditTrail.mac(key, facts(m)) != mac { problems.append(Problem(m.name, Message("seal.staff_changed"))) }
        }
        return (checked, problems)
    }
}
