// The English catalog: every code and its words, one table per area (each
// area's table sits beside its operations' messages, in this folder). A
// Simplified Chinese catalog adds the same codes with its own words.
extension MessageCatalog {
    static let englishTemplates: [MessageCode: String] = joined(englishTables)

    /// Its areas' tables, in the order a code found in two keeps the first one's words.
    static let englishTables: [KeyValuePairs<MessageCode, String>] = [
        englishServer, englishCore, englishRepairOrders, englishAppointments, englishReminders, englishCustomers, englishFollowUp, englishShell,
        englishTrust, englishIntegrity, englishDocuments, englishPlugins, englishTerminal, englishMileage, englishWorkshop, englishPerformance,
        englishWords, englishLanguage, englishHelp, englishEmpty, englishOptionHelp, englishMoreHelp,
        englishCodeWords, englishPayment, englishReports, englishDocumentSafety, englishPluginChecks, englishKPIMore, englishVehicleHistory, englishStoreFailures, englishCustomerFile, englishLayering, englishSweep, englishGroup, englishSettings, englishPartGroups, englishGroupAdmin, englishOpenCheck,
    ]

    static let englishCore: KeyValuePairs<MessageCode, String> = [
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
        "sign_in.not_on_staff_list": "{user} is not on the staff list; `staff list` shows who is",
        "sign_in.pin_needed": "{user} has a PIN: type it on a terminal, or give LANE_PIN or LANE_PIN_FILE to a script",
        "sign_in.only_managers_set_pins": "only the admin or the service manager sets someone else's PIN",
        "sign_in.cannot_set_pin": "cannot set the PIN",
        "sign_in.new_pin_needed": "type it on a terminal, or give LANE_NEW_PIN to a script",
        "sign_in.pins_differ": "the two PINs differ",
        "sign_in.pin_set": "PIN set for {user}",
        "sign_in.pin_set_answer": "PIN set for {user}; they sign in with it from now on",
        // Prompts: the text before the hidden input.
        "sign_in.pin_prompt": "PIN for {user}: ",
        "sign_in.new_pin_prompt": "new PIN for {user}: ",
        "sign_in.pin_again_prompt": "again: ",
        "sign_in.pin_recovered": "PIN of {user} set by the store's owner on this machine (recovery); the audit trail keeps it",
        "sign_in.recovery_needs_key": "only the store's owner, who can read its key file beside the database, may recover a PIN",
        "sign_in.wait": "too many wrong PINs for {user}: the next try can be made at {until}; the admin or the service manager can set a new PIN with `staff pin {user}`",

        // Stock.
        "stock.below_zero": "stock cannot go below zero",
        "stock.not_enough": "{on_hand} in stock, {asked} asked",
        "stock.no_such_part": "there is no part {part}",

        "input.not_one_of": "'{given}' is not one of {choices}",
        "input.not_yuan": "'{given}' is not an amount in yuan like 1280.50",
        // What a front end could not read, shared by every area.
        "input.not_a_line": "'{given}' is not a line number; `ro show` lists them",
        "input.not_eighths": "'{given}' is not a number of eighths (0-8)",
        "input.not_hours": "'{given}' is not hours like 1.2",
        "input.not_quantity": "'{given}' is not a quantity from 1 to 999",
        "input.not_a_number": "'{given}' is not a number",
        "input.not_a_payer": "'{given}' is customer, warranty, free or insurer",
        "input.not_a_stage": "'{given}' is self, leader or final",
        "input.pass_or_fail": "say --pass or --fail",
        "input.take_or_leave": "take or leave",
        "input.yes_or_no": "yes or no",
        "input.amount_or_percent": "give either --amount YUAN or --percent N",
        "input.not_amount_or_percent": "not an amount in yuan or a whole percentage",
        "input.not_a_date": "'{given}' is not a date; write YYYY-MM-DD",
        "input.not_a_time": "'{given}' is not a time like 17:30 or 2026-11-24T10:00",

        "reference.nothing_to_use": "nothing to use",

        // PINs and catalogue codes.
        "pin.not_4_to_8_digits": "a PIN is 4 to 8 digits",
        "pin.one_repeated_digit": "a PIN of one repeated digit is too easy to guess",
        "pin.simple_run": "a run like 1234 is too easy to guess",
        "catalog.not_a_code": "'{given}' should be capital letters, digits and '-' (at most {max})",

        // The store's settings (store.toml, `store set`).
        "settings.not_valid": "the store settings are not valid",
        "settings.not_a_store_name": "'{given}' is not a store name",
        "settings.not_a_store_code": "'{given}' is not a store code",
        "settings.not_an_offset": "'{given}' is not an offset like +08:00",
        "settings.not_a_rate": "'{given}' is not a rate in whole fen",
        "settings.not_basis_points": "'{given}' is not basis points from 0 to 10000",
        "settings.not_a_time": "'{given}' is not a time like {example}",
        "settings.not_time_ranges": "'{given}' is not time ranges like 08:30-10:30",
        "settings.not_bays": "'{given}' is not a number of bays above 0",
        "settings.not_a_mode": "'{given}' is live or training",
        "settings.opens_after_closing": "the store must open ({opens}) before it closes ({closes})",
        "settings.not_a_whole_number": "expected a whole number, found '{given}'",
        "settings.yuan_not_fen": "expected a whole number, found '{given}'; the amount is in fen: {fen} for {amount}",
        "settings.empty_item": "item {item} of '{given}' is empty; separate the items with one comma, e.g. {example}",

        "clock.live_store": "this is a live store: its time is the real time; the clock is set only in a training store (store set store.mode training, by the admin)",
        "clock.cannot_set": "the clock cannot be set",
        "clock.changed": "clock {action}: {from} → {to}",
        "clock.fixed_at_start": "session clock fixed at {to} by --now/LANE_NOW (real time {from})",
        "settings.mode_is_the_admins": "only the admin switches a store between live and training",

        "store.damaged": "the database file is damaged: restore it from the last backup",
        "store.damage": "{text}",
        "store.broken_reference": "{table} row {row} refers to a {parent} row that is not there",
        "store.kept_counts_differ": "the counts kept in {table} differ from the rows they count ({rows} rows): the database was changed outside lane",
        "store.kpi_shares_changed": "the month's KPI figures kept for the service manager's today were changed outside lane",
        "store.kpi_share_changed": "the share kept for {day} is not what that day's records give",
        "seal.changed_outside": "rows were changed outside lane (their seals no longer match)",
        "seal.order_changed": "its status or money differ from what lane wrote (status, the lines' amount before VAT, discount, amount paid, payment method, invoice number or gate pass)",
        "seal.row_removed": "the repair order lane sealed is gone",
        "seal.staff_changed": "the role or team differs from what lane wrote",
        "seal.staff_unsealed": "this member of staff was added outside lane",
        "store.file_ok": "the database file is sound (SQLite's quick check)",

        // Audit.
        "audit.tampered": "the audit trail has been tampered with",
        "audit.row_broken": "its content or place does not match the chain ({checked} rows before it are intact)",
        "audit.intact": "the audit trail is intact: {checked} rows, each chained to the one before",
        "audit.signed": "{signed} of them are signed with this store's key, kept outside the database: an edited row cannot be re-signed without it",
        "audit.no_key": "the store's key file is missing or unreadable: signatures were not checked, so rows re-hashed after an edit would not be found",
        "audit.checkpoint_matches": "the newest checkpoint (row {row}) matches: nothing up to it was removed or rewritten",
        "audit.after_checkpoint": "rows after row {row} are chained and signed, but removing the newest of them leaves no trace: take a checkpoint with `audit anchor` and keep it elsewhere",
        "audit.no_checkpoint": "no checkpoint yet: removing the newest rows would leave no trace; take one with `audit anchor` and keep it elsewhere",
        "audit.checkpoint": "checkpoint {row}",
        "audit.checkpoint_broken": "the trail no longer holds the row this checkpoint signed: rows were removed or rewritten",
        "audit.anchored": "checkpoint taken at row {row}; keep this line somewhere else (print it, send it to head office):",
        "audit.nothing_to_anchor": "the audit trail has no rows yet",
        "audit.not_a_checkpoint": "'{given}' is not a checkpoint like `lane-audit 42 <hash> <signature>`",
    ]
}
