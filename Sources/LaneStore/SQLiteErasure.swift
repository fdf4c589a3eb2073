import GRDB
import LaneCore

extension SQLiteTransaction {
    func eraseCustomer(id: Int64, code: String, name: String) throws {
        // Histories name the customer ("sold to 卢文博 C0002"): the code stays, the name goes.
        try db.execute(sql: "UPDATE vehicle_event SET detail = REPLACE(detail, ?, ?) WHERE vehicle_id IN (SELECT id FROM vehicle WHERE owner_id = ?)",
                       arguments: [name, code, id])
        try db.execute(sql: """
            UPDATE repair_order_event SET detail = REPLACE(detail, ?, ?) WHERE repair_order_id IN (SELECT id FROM repair_order WHERE customer_id = ?)
            """, arguments: [name, code, id])
        try db.execute(sql: "UPDATE customer SET name = ?, phone = '', phone_reversed = '', address = NULL WHERE id = ?",
                       arguments: ["已删除客户 \(code)", id])
        let erased = "(erased)"
        try db.execute(sql: """
            UPDATE follow_up SET comment = ? WHERE comment <> '' AND repair_order_id IN (SELECT id FROM repair_order WHERE customer_id = ?)
            """, arguments: [erased, id])
        try db.execute(sql: "UPDATE complaint SET text = ?, finding = ?, action = ? WHERE customer_id = ?", arguments: [erased, erased, erased, id])
        try db.execute(sql: "UPDATE appointment SET note = '' WHERE customer_id = ?", arguments: [id])
        try db.execute(sql: """
            UPDATE reminder_log SET reason = ? WHERE reason <> '' AND vehicle_id IN (SELECT id FROM vehicle WHERE owner_id = ?)
            """, arguments: [erased, id])
        // Signatures keep their place (the order's state depends on them) but no longer name the person.
        try db.execute(sql: """
            UPDATE repair_order SET
                terms_signed_by = CASE WHEN terms_signed_by IS NULL THEN NULL ELSE ? END,
                settlement_signed_by = CASE WHEN settlement_signed_by IS NULL THEN NULL ELSE ? END
            WHERE customer_id = ?
            """, arguments: [code, code, id])
        try db.execute(sql: "UPDATE part_reservation SET label = ? WHERE appointment_id IN (SELECT id FROM appointment WHERE customer_id = ?)",
                       arguments: [code, id])
    }
}
