import GRDB
import LaneCore

extension SQLiteTransaction {
    /// The vehicles a customer owns or owned (`?1` their id, `?2` their code):
    /// theirs now, those their orders and appointments were for, and those
    /// whose history names their code (sold to them, a change of owner). The
    /// history is scanned, not indexed: only export and erasure ask.
    static let vehiclesEverOwned = """
        SELECT id FROM vehicle WHERE owner_id = ?1
        UNION SELECT vehicle_id FROM repair_order WHERE customer_id = ?1
        UNION SELECT vehicle_id FROM appointment WHERE customer_id = ?1
        UNION SELECT vehicle_id FROM vehicle_event WHERE instr(detail, ?2) > 0
        """

    /// Every free text of the customer's orders, appointments and vehicles, by place.
    func customerTexts(of customer: Customer) throws -> [CustomerText] {
        try Row.fetchAll(db, sql: Self.customerTextsQuery, arguments: [customer.id, customer.code])
            .compactMap { row in CustomerText.Field(rawValue: row[0]).map { CustomerText(field: $0, rowID: row[1], text: row[2]) } }
    }

    /// The query of `customerTexts(of:)` (`?1` the customer's id, `?2` their code): field, row id, text.
    static let customerTextsQuery: String = {
        let orders = "SELECT id FROM repair_order WHERE customer_id = ?1"
        let selects = CustomerText.Field.allCases.map { field -> String in
            let (table, column) = (field.table, field.column)
            let which: String
            switch field {
            case .repairOrderComplaint, .checkInDamage, .checkInValuables, .checkInEquipment, .followUpPreference, .cancelReason, .discountReason,
                 .appointmentJob:
                which = "customer_id = ?1"
            case .repairOrderEvent, .qualityCheckNote: which = "repair_order_id IN (\(orders))"
            case .appointmentEvent: which = "appointment_id IN (SELECT id FROM appointment WHERE customer_id = ?1)"
            case .vehicleEvent, .delayedDeliveryNote: which = "vehicle_id IN (\(vehiclesEverOwned))"
            }
            return "SELECT '\(field.rawValue)', id, \(column) FROM \(table) WHERE \(which) AND \(column) IS NOT NULL AND \(column) <> ''"
        }
        return selects.joined(separator: "\nUNION ALL ") + "\nORDER BY 1, 2"
    }()

    /// Applies each item with the value it carries; which items, and what
    /// replaces them, is the application layer's decision (its erasure policy).
    func eraseCustomer(_ erasure: CustomerErasure) throws {
        let id = erasure.customerID
        // Noted for this connection (and undone with a rolled-back transaction): the store empties
        // its kept WAL at close, so no old page of the customer stays in it (SQLiteStore.compactLogAtClose).
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS customer_erased (id INTEGER PRIMARY KEY)")
        for item in erasure.items {
            switch item {
            case .texts(let texts):
                for t in texts {
                    try db.execute(sql: "UPDATE \(t.field.table) SET \(t.field.column) = ? WHERE id = ?", arguments: [t.text, t.rowID])
                    // A timeline row's message holds the same words as arguments: it goes, and the row reads as rewritten.
                    if t.field == .repairOrderEvent || t.field == .appointmentEvent || t.field == .vehicleEvent {
                        try db.execute(sql: "UPDATE \(t.field.table) SET message = NULL WHERE id = ?", arguments: [t.rowID])
                    }
                }
            case .name(let replacement):
                try db.execute(sql: "UPDATE customer SET name = ? WHERE id = ?", arguments: [replacement, id])
                // The old name must not stay findable by its pinyin or a part of it.
                try CustomerSearchIndex.write(db, customerID: id, name: replacement)
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
                        settlement_signed_by = CASE WHEN settlement_signed_by IS NULL THEN NULL ELSE ? END,
                        declined_signed_by = CASE WHEN declined_signed_by IS NULL THEN NULL ELSE ? END
                    WHERE customer_id = ?
                    """, arguments: [replacement, replacement, replacement, id])
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
        /// Free texts about the customer's orders, appointments and vehicles
        /// (see `CustomerText`), each rewritten whole: what they said but
        /// the customer's name and number.
        case texts([CustomerText])
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
            case .texts: return "texts"
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
            case .name(let with), .followUpComments(let with), .complaints(let with), .appointmentNotes(let with),
                 .reminderReasons(let with), .signatures(let with), .reservationLabels(let with):
                return with
            case .texts, .phone, .address:
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

/// A free text the store keeps that may name a customer (X4): an order's
/// complaint and check-in sheet, a timeline or history row. An erasure gives
/// it back rewritten.
public struct CustomerText: Sendable, Equatable {
    /// Which text: its table and column.
    public enum Field: String, Sendable, CaseIterable {
        case repairOrderComplaint = "repair_order.complaint"
        case checkInDamage = "repair_order.checkin_damage"
        case checkInValuables = "repair_order.checkin_valuables"
        case checkInEquipment = "repair_order.checkin_equipment"
        /// When the customer wants the follow-up call (R6.1), in their words.
        case followUpPreference = "repair_order.follow_up_preference"
        case cancelReason = "repair_order.cancel_reason"
        case discountReason = "repair_order.discount_reason"
        /// The order's timeline (`ro timeline`): signed by …
        case repairOrderEvent = "repair_order_event.detail"
        case qualityCheckNote = "quality_check.note"
        case appointmentJob = "appointment.job"
        case appointmentEvent = "appointment_event.detail"
        /// The history of every vehicle the customer owns or owned: sold to …, … → …
        case vehicleEvent = "vehicle_event.detail"
        case delayedDeliveryNote = "delayed_delivery.note"

        var table: Substring { rawValue.prefix { $0 != "." } }
        var column: Substring { rawValue.drop { $0 != "." }.dropFirst() }
    }

    public var field: Field
    public var rowID: Int64
    public var text: String

    public init(field: Field, rowID: Int64, text: String) {
        self.field = field
        self.rowID = rowID
        self.text = text
    }
}
