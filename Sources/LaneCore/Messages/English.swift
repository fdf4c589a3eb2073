// The English catalog: every code and its words, one table per area (each
// area's table sits beside its operations' messages, in this folder). A
// Simplified Chinese catalog adds the same codes with its own words.
extension MessageCatalog {
    static let englishTemplates: [MessageCode: String] = [
        englishCore, englishRepairOrders, englishAppointments, englishReminders, englishCustomers, englishFollowUp,
    ].reduce(into: [:]) { all, table in all.merge(table) { first, _ in first } }

    static let englishCore: [MessageCode: String] = [
        .text: "{text}",

        // Access: who may do what (X6) and signing in.
        "access.not_open_to_anyone": "{operation} is not open to anyone yet",
        "access.no_entry": "it has no entry in the permission table",
        "access.not_on_staff_list": "{user} may not run {operation}",
        "access.sign_in_as_staff": "{user} is not on the staff list; sign in as a member of staff (`--user NAME`, `set user NAME`)",
        "access.role_may_not": "{user} ({role}) may not run {operation}",
        "access.needs_one_of": "it needs one of: {roles}",
        "sign_in.refused": "cannot sign in",
        "sign_in.wrong_pin": "wrong PIN for {user} ({failures} of {max} tries)",
        "sign_in.locked": "{user} is locked after {max} wrong PINs; the admin or the service manager sets a new one with `staff pin {user}`",

        // Stock.
        "stock.below_zero": "stock cannot go below zero",
        "stock.not_enough": "{on_hand} in stock, {asked} asked",
        "stock.no_such_part": "there is no part {part}",

        // Repair orders.
        "repair_order.cannot_open": "cannot open a repair order",
        "repair_order.already_open": "{plate} already has open repair order {number} ({status})",
        "repair_order.not_found": "no such repair order",
        "repair_order.no_such_number": "there is no repair order {number}; `ro list` shows the open ones",
        "repair_order.opened": "opened {number} for {plate} {model}",
        "repair_order.first_visit": "first visit to the store: give {customer} your card",
        "repair_order.campaign_open": "service campaign {code} {title} is open for this vehicle",
        "repair_order.upgrade_open": "technical upgrade {code} {title} is open for this vehicle",
        "repair_order.cannot_pay": "{number}: cannot take payment",
        "repair_order.paid": "paid {amount} by {method}; gate pass {gate_pass}; keys, licence and handbook returned; closed",
        "repair_order.settled": "settlement signed: labour {labor}, parts {parts}{discount}, VAT {vat}, total {total}",
        "repair_order.settled_discount": ", discount {discount}",
        "input.not_payment_method": "'{given}' is not one of {choices}",
        "input.not_yuan": "'{given}' is not an amount in yuan like 1280.50",
        "input.not_a_date": "'{given}' is not a date; write YYYY-MM-DD",
        "input.not_a_time": "'{given}' is not a time like 17:30 or 2026-11-24T10:00",

        // Audit.
        "audit.tampered": "the audit trail has been tampered with",
        "audit.row_broken": "its content or place does not match the chain ({checked} rows before it are intact)",
        "audit.intact": "the audit trail is intact: {checked} rows, each chained to the one before",
    ]
}
