import GRDB
import LaneCore

extension SQLiteTransaction {
    /// Applies each item with the value it carries; which items, and what
    /// replaces them, is the application layer's decision (its erasure policy).
    func eraseCustomer(_ erasure: CustomerErasure) throws {
        let id = erasure.customerID
        for item in erasure.items {
            switch item {
            case .words(let words, let replacement):
                try db.execute(sql: """
                    UPDATE vehicle_event SET detail = REPLACE(detail, ?, ?) WHERE vehicle_id IN (SELECT id FROM vehicle WHERE owner_id = ?)
                    """, arguments: [words, replacement, id])
                try db.execute(sql: """
                    UPDATE repair_order_event SET detail = REPLACE(detail, ?, ?)
                    WHERE repair_order_id IN (SELECT id FROM repair_order WHERE customer_id = ?)
                    """, arguments: [words, replacement, id])
            case .name(let replacement):
                try db.execute(sql: "UPDATE customer SET name = ? WHERE id = ?", arguments: [replacement, id])
            case .phone:
                try db.execute(sql: "UPDATE customer SET phone = '', phone_reversed = '' WHERE id = ?", arguments: [id])
            case .address:
                try db.execute(sql: "UPDATE customer SET address = NULL WHERE id = ?", arguments: [id])
            case .followUpComments(let replacement):
                try db.execute(sql: """
                    UPDATE follow_up SET comment = ? WHERE comment <> '' AND repair_order_id IN (SELECT id FROM repair_order WHERE customer_id = ?)
                    """, arguments: [replacement, id])
            case .complaints(let replacement):
                try db.execute(sql: "UPDATE complaint SET text = ?, finding = ?, action = ? WHERE customer_id = ?",
                               arguments: [replacement, replacement, replacement, id])
            case .appointmentNotes(let replacement):
                try db.execute(sql: "UPDATE appointment SET note = ? WHERE customer_id = ?", arguments: [replacement, id])
            case .reminderReasons(let replacement):
                try db.execute(sql: """
                    UPDATE reminder_log SET reason = ? WHERE reason <> '' AND vehicle_id IN (SELECT id FROM vehicle WHERE owner_id = ?)
                    """, arguments: [replacement, id])
            case .signatures(let replacement):
                try db.execute(sql: """
                    UPDATE repair_order SET
                        terms_signed_by = CASE WHEN terms_signed_by IS NULL THEN NULL ELSE ? END,
                        settlement_signed_by = CASE WHEN settlement_signed_by IS NULL THEN NULL ELSE ? END
                    WHERE customer_id = ?
                    """, arguments: [replacement, replacement, id])
            case .reservationLabels(let replacement):
                try db.execute(sql: "UPDATE part_reservation SET label = ? WHERE appointment_id IN (SELECT id FROM appointment WHERE customer_id = ?)",
                               arguments: [replacement, id])
            }
        }
    }
}

/// X4: anonymising one customer, as a list of what goes and what takes its
/// place. The store applies it as given; it decides nothing.
public struct CustomerErasure: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        /// Text in the vehicles' histories and the orders' timelines (the
        /// customer's name in "sold to …"), replaced wherever it stands.
        case words(String, with: String)
        /// The customer's name.
        case name(with: String)
        /// The mobile number: emptied, so it never matches again.
        case phone
        /// The address: removed.
        case address
        /// Follow-up calls' comments that are not empty.
        case followUpComments(with: String)
        /// Complaints' text, finding and action.
        case complaints(with: String)
        case appointmentNotes(with: String)
        /// Reasons recorded on reminder calls that are not empty.
        case reminderReasons(with: String)
        /// Signatures on work orders and settlements (they keep their place: the order's state depends on them).
        case signatures(with: String)
        /// The labels of parts reserved for the customer's appointments.
        case reservationLabels(with: String)

        /// What the item erases, as a stable key (`follow_up_comments`).
        public var key: String {
            switch self {
            case .words: return "history_words"
            case .name: return "name"
            case .phone: return "phone"
            case .address: return "address"
            case .followUpComments: return "follow_up_comments"
            case .complaints: return "complaints"
            case .appointmentNotes: return "appointment_notes"
            case .reminderReasons: return "reminder_reasons"
            case .signatures: return "signatures"
            case .reservationLabels: return "reservation_labels"
            }
        }

        /// What takes its place; nil when it is emptied.
        public var replacement: String? {
            switch self {
            case .words(_, let with), .name(let with), .followUpComments(let with), .complaints(let with), .appointmentNotes(let with),
                 .reminderReasons(let with), .signatures(let with), .reservationLabels(let with):
                return with
            case .phone, .address:
                return nil
            }
        }
    }

    public var customerID: Int64
    public var items: [Item]

    public init(customerID: Int64, items: [Item]) {
        self.customerID = customerID
        self.items = items
    }
}
