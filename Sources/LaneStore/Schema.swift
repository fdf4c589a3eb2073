import Foundation
import GRDB
import LaneCore

/// The schema, as versioned migrations. Never edit a shipped migration:
/// add a new one, so every dealer's file upgrades the same way.
enum Schema {
    /// Whether every migration of `migrator` has run, as GRDB's `hasCompletedMigrations` answers (one
    /// missing makes it false; one the migrator does not know is ignored), read at every opening.
    /// GRDB's reads the identifiers through its generic `fetchSet`, whose first use has the runtime
    /// look up `String`'s two column protocols among the binary's 9,000 conformances (800,000
    /// instructions, a thirtieth of a lookup's start); one text stepped by hand does not.
    static func hasCompletedMigrations(_ db: Database) throws -> Bool {
        let applied: String?
        do {
            applied = try SQLiteTransaction.firstValue(String.self, of: db.makeStatement(
                sql: "SELECT group_concat(identifier, char(10)) FROM grdb_migrations"))
        } catch {
            // As GRDB: no table yet is no migration run; any other failure is reported.
            if (try? !db.tableExists("grdb_migrations")) ?? false { return migrator.migrations.isEmpty }
            throw error
        }
        let done = Set((applied ?? "").split(separator: "\n").map(String.init))
        return migrator.migrations.allSatisfy(done.contains)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 customers and vehicles") { db in
            try db.execute(sql: """
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE customer (
                    id INTEGER PRIMARY KEY,
                    number INTEGER NOT NULL UNIQUE,          -- shown as C0001
                    name TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    phone_reversed TEXT NOT NULL,            -- so "tail 8000" is an index range too
                    address TEXT,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX customer_by_name ON customer(name);
                CREATE INDEX customer_by_phone ON customer(phone);
                CREATE INDEX customer_by_phone_reversed ON customer(phone_reversed);

                CREATE TABLE vehicle (
                    id INTEGER PRIMARY KEY,
                    vin TEXT NOT NULL UNIQUE,
                    plate TEXT NOT NULL UNIQUE,
                    model TEXT NOT NULL,
                    owner_id INTEGER NOT NULL REFERENCES customer(id),
                    sold_on TEXT NOT NULL,
                    mileage INTEGER NOT NULL CHECK (mileage >= 0),
                    mileage_on TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX vehicle_by_owner ON vehicle(owner_id);

                CREATE TABLE vehicle_event (
                    id INTEGER PRIMARY KEY,
                    vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                    kind TEXT NOT NULL,
                    visit_kind TEXT,
                    occurred_on TEXT NOT NULL,
                    mileage INTEGER,
                    detail TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    recorded_by TEXT NOT NULL
                );
                CREATE INDEX vehicle_event_by_vehicle ON vehicle_event(vehicle_id, occurred_on);

                CREATE TABLE team (
                    name TEXT PRIMARY KEY,
                    skills TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE staff (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    team TEXT REFERENCES team(name),
                    phone TEXT
                );

                CREATE TABLE labor_operation (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    standard_hours INTEGER NOT NULL CHECK (standard_hours >= 0),  -- hundredths of an hour
                    skill TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE part (
                    number TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
                    stock INTEGER NOT NULL CHECK (stock >= 0),
                    bin TEXT NOT NULL,
                    part_group TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX part_by_name ON part(name);
                """)
        }
        migrator.registerMigration("v2 repair orders and stock ledger") { db in
            try db.execute(sql: """
                CREATE TABLE repair_order (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    opened_on TEXT NOT NULL,                 -- store-local day, for numbering and the day's lists
                    vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                    customer_id INTEGER NOT NULL REFERENCES customer(id),
                    advisor TEXT NOT NULL,
                    appointment_id INTEGER,
                    opened_at INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    complaint TEXT,
                    checkin_mileage INTEGER, checkin_fuel INTEGER, checkin_covers INTEGER,
                    checkin_damage TEXT, checkin_valuables TEXT, checkin_equipment TEXT,
                    warranty TEXT,
                    documents_taken INTEGER NOT NULL DEFAULT 0,
                    promised_at INTEGER,
                    terms_payment TEXT, terms_old_parts TEXT, terms_wash INTEGER, terms_signed_by TEXT, terms_signed_at INTEGER,
                    team TEXT,
                    washed INTEGER NOT NULL DEFAULT 0,
                    agreed_delivery_at INTEGER,
                    next_service_on TEXT, next_service_km INTEGER, follow_up_preference TEXT, old_parts_shown INTEGER, delivered_at INTEGER,
                    settlement_signed_by TEXT,
                    paid_method TEXT, paid_fen INTEGER, invoice_number TEXT, gate_pass TEXT, paid_by TEXT, paid_at INTEGER,
                    cancel_reason TEXT
                );
                CREATE INDEX repair_order_by_vehicle ON repair_order(vehicle_id, opened_at);
                CREATE INDEX repair_order_by_status ON repair_order(status, opened_at);
                CREATE INDEX repair_order_by_day ON repair_order(opened_on);

                CREATE TABLE repair_order_line (
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id),
                    line_no INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    hours INTEGER NOT NULL,                  -- hundredths of an hour
                    quantity INTEGER NOT NULL,
                    unit_fen INTEGER NOT NULL,
                    payer TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    approval TEXT NOT NULL,
                    safety INTEGER NOT NULL,
                    issued INTEGER NOT NULL CHECK (issued >= 0),
                    issued_to TEXT,
                    worked_minutes INTEGER NOT NULL,
                    clocked_on_at INTEGER,
                    clocked_on_by TEXT,
                    done INTEGER NOT NULL,
                    PRIMARY KEY (repair_order_id, line_no)
                ) WITHOUT ROWID;

                CREATE TABLE quality_check (
                    id INTEGER PRIMARY KEY,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id),
                    stage TEXT NOT NULL,
                    passed INTEGER NOT NULL,
                    checked_by TEXT NOT NULL,
                    checked_at INTEGER NOT NULL,
                    note TEXT NOT NULL
                );
                CREATE INDEX quality_check_by_order ON quality_check(repair_order_id, id);

                -- Every state change, with time and user: `ro timeline`.
                CREATE TABLE repair_order_event (
                    id INTEGER PRIMARY KEY,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id),
                    at INTEGER NOT NULL,
                    by TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX repair_order_event_by_order ON repair_order_event(repair_order_id, id);

                -- Every stock movement is a row; stock itself never goes below zero (part.stock CHECK).
                CREATE TABLE stock_movement (
                    id INTEGER PRIMARY KEY,
                    part_number TEXT NOT NULL REFERENCES part(number),
                    delta INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    reference TEXT,
                    at INTEGER NOT NULL,
                    by TEXT NOT NULL
                );
                CREATE INDEX stock_movement_by_part ON stock_movement(part_number, id);
                """)
        }
        migrator.registerMigration("v3 reminder registers") { db in
            try db.execute(sql: """
                -- The first-service, regular-service and lost-customer lists (X7): every call and its outcome.
                CREATE TABLE reminder_log (
                    id INTEGER PRIMARY KEY,
                    vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                    kind TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    by TEXT NOT NULL
                );
                CREATE INDEX reminder_log_by_vehicle ON reminder_log(vehicle_id, kind, due_on);
                CREATE INDEX reminder_log_by_time ON reminder_log(at);

                -- The delayed-delivery register (R1.4).
                CREATE TABLE delayed_delivery (
                    id INTEGER PRIMARY KEY,
                    vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                    cause TEXT NOT NULL,
                    part_number TEXT REFERENCES part(number),
                    note TEXT NOT NULL,
                    expected_on TEXT,
                    opened_at INTEGER NOT NULL,
                    fix_published_at INTEGER,
                    closed_at INTEGER
                );
                CREATE INDEX delayed_delivery_open ON delayed_delivery(closed_at, vehicle_id);
                CREATE INDEX delayed_delivery_by_part ON delayed_delivery(part_number);
                """)
        }
        migrator.registerMigration("v4 follow-up and complaints") { db in
            try db.execute(sql: """
                CREATE INDEX repair_order_by_delivery ON repair_order(delivered_at);

                -- The follow-up record (X7): every call after delivery, with the satisfaction score.
                CREATE TABLE follow_up (
                    id INTEGER PRIMARY KEY,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id),
                    call TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    score INTEGER CHECK (score BETWEEN 1 AND 5),
                    comment TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    by TEXT NOT NULL
                );
                CREATE INDEX follow_up_by_order ON follow_up(repair_order_id, call);
                CREATE INDEX follow_up_by_time ON follow_up(at);

                CREATE TABLE complaint (
                    id INTEGER PRIMARY KEY,
                    repair_order_id INTEGER REFERENCES repair_order(id),
                    customer_id INTEGER NOT NULL REFERENCES customer(id),
                    text TEXT NOT NULL,
                    status TEXT NOT NULL,
                    finding TEXT NOT NULL,
                    action TEXT NOT NULL,
                    opened_at INTEGER NOT NULL,
                    opened_by TEXT NOT NULL,
                    resolved_at INTEGER
                );
                CREATE INDEX complaint_by_status ON complaint(status, opened_at);
                """)
        }
        migrator.registerMigration("v5 appointments") { db in
            try db.execute(sql: """
                -- The appointment register (X7) and, per day and advisor, the board (R2.7).
                CREATE TABLE appointment (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    day TEXT NOT NULL,                        -- store-local day of the start
                    vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                    customer_id INTEGER NOT NULL REFERENCES customer(id),
                    advisor TEXT NOT NULL,
                    start_at INTEGER NOT NULL,
                    duration_minutes INTEGER NOT NULL,
                    job TEXT NOT NULL,
                    bay INTEGER,
                    channel TEXT NOT NULL,
                    status TEXT NOT NULL,
                    called_at INTEGER NOT NULL,
                    entered_at INTEGER NOT NULL,
                    advisor_items_at INTEGER, needs_technician_plan INTEGER NOT NULL, technician_plan_at INTEGER,
                    parts_checked_at INTEGER, parts_expected_on TEXT,
                    day_before_at INTEGER, hour_before_at INTEGER,
                    attempt INTEGER NOT NULL,
                    note TEXT NOT NULL
                );
                CREATE INDEX appointment_by_day ON appointment(day, advisor, start_at);
                CREATE INDEX appointment_by_vehicle ON appointment(vehicle_id, start_at);
                CREATE INDEX appointment_by_status ON appointment(status, start_at);
                """)
        }
        migrator.registerMigration("v6 campaigns and upgrades") { db in
            try db.execute(sql: """
                -- Service campaigns (R1.5) and the maker's technical upgrades (R1.6).
                CREATE TABLE campaign (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    models TEXT NOT NULL,                    -- model prefixes separated by ';'
                    vin_prefix TEXT,
                    starts_on TEXT NOT NULL,
                    ends_on TEXT
                );
                CREATE INDEX campaign_by_start ON campaign(starts_on);
                -- Invitations are reminder-log rows naming their campaign: the invitation and upgrade registers (X7).
                ALTER TABLE reminder_log ADD COLUMN reference TEXT;
                """)
        }
        migrator.registerMigration("v7 appointment history and part reservations") { db in
            try db.execute(sql: """
                -- Every change of an appointment, with time and user.
                CREATE TABLE appointment_event (
                    id INTEGER PRIMARY KEY,
                    appointment_id INTEGER NOT NULL REFERENCES appointment(id),
                    at INTEGER NOT NULL,
                    by TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX appointment_event_by_appointment ON appointment_event(appointment_id, id);

                -- Parts put aside for an appointment, labelled with the customer and the day (R2.5).
                CREATE TABLE part_reservation (
                    id INTEGER PRIMARY KEY,
                    appointment_id INTEGER NOT NULL REFERENCES appointment(id),
                    part_number TEXT NOT NULL REFERENCES part(number),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    label TEXT NOT NULL,
                    reserved_at INTEGER NOT NULL,
                    released_at INTEGER
                );
                CREATE INDEX part_reservation_open ON part_reservation(part_number, released_at);
                CREATE INDEX part_reservation_by_appointment ON part_reservation(appointment_id);
                """)
        }
        migrator.registerMigration("v8 audit trail") { db in
            try db.execute(sql: """
                -- Every change, as typed, by whom: append-only and hash-chained (`audit verify`).
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    user TEXT NOT NULL,
                    role TEXT NOT NULL,
                    command TEXT NOT NULL,
                    noun TEXT NOT NULL,
                    ref TEXT NOT NULL,                       -- the entity: RO number, plate, customer code… ('' when none)
                    summary TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX audit_by_ref ON audit_log(ref, seq);
                CREATE INDEX audit_by_user ON audit_log(user, seq);
                CREATE INDEX audit_by_time ON audit_log(at);
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
        }
        migrator.registerMigration("v9 the first admin") { db in
            // A new store starts with one admin account, who loads or imports the dealership (README).
            try db.execute(sql: "INSERT INTO staff (name, role, team, phone) VALUES ('admin', 'admin', NULL, NULL)")
        }
        migrator.registerMigration("v10 PINs") { db in
            try db.execute(sql: """
                -- Staff PINs, only as salted PBKDF2-HMAC-SHA256; five wrong tries lock the account.
                CREATE TABLE staff_pin (
                    staff_name TEXT PRIMARY KEY REFERENCES staff(name),
                    salt TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    iterations INTEGER NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v11 discounts") { db in
            try db.execute(sql: """
                ALTER TABLE repair_order ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE repair_order ADD COLUMN discount_reason TEXT;
                ALTER TABLE repair_order ADD COLUMN discount_by TEXT;
                """)
        }
        migrator.registerMigration("v12 plugins") { db in
            try db.execute(sql: """
                -- Which steps of each plugin's own schema have run (LanePlugin.PluginMigration).
                CREATE TABLE plugin_migration (
                    plugin TEXT NOT NULL,
                    identifier TEXT NOT NULL,
                    applied_at INTEGER NOT NULL,
                    PRIMARY KEY (plugin, identifier)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v13 number series") { db in
            try db.execute(sql: """
                -- The last number handed out in each series (customer codes; each day's repair orders and appointments).
                CREATE TABLE number_series (
                    series TEXT PRIMARY KEY,
                    last INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO number_series (series, last) SELECT 'customer', MAX(number) FROM customer HAVING COUNT(*) > 0;
                INSERT INTO number_series (series, last)
                    SELECT 'RO-' || REPLACE(opened_on, '-', ''), MAX(CAST(SUBSTR(number, 13) AS INTEGER)) FROM repair_order GROUP BY opened_on;
                INSERT INTO number_series (series, last)
                    SELECT 'AP-' || REPLACE(day, '-', ''), MAX(CAST(SUBSTR(number, 13) AS INTEGER)) FROM appointment GROUP BY day;
                """)
        }
        migrator.registerMigration("v14 audit keys and checkpoints") { db in
            try db.execute(sql: """
                -- HMAC-SHA256 of each row's hash with the store's key, which the database does not hold
                -- ('' for rows written before keys); re-hashing an edited row cannot forge it.
                ALTER TABLE audit_log ADD COLUMN mac TEXT NOT NULL DEFAULT '';
                -- Checkpoints of the chain's head (`audit anchor`), signed with the same key.
                CREATE TABLE audit_anchor (
                    seq INTEGER PRIMARY KEY,
                    hash TEXT NOT NULL,
                    mac TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    by TEXT NOT NULL
                );
                CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor
                    BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
                CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
                    BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
                """)
        }
        migrator.registerMigration("v15 PIN delays") { db in
            // Wrong PINs delay the next try from the last wrong one (PinLockout), instead of locking for good.
            try db.execute(sql: "ALTER TABLE staff_pin ADD COLUMN last_failure_at INTEGER")
        }
        migrator.registerMigration("v16 row seals") { db in
            try db.execute(sql: """
                -- An HMAC (the store's key) over the facts of a row that matter (an order's status and
                -- payment, a member of staff's role): `store check` finds them changed outside lane.
                CREATE TABLE row_seal (
                    kind TEXT NOT NULL,
                    ref TEXT NOT NULL,
                    mac TEXT NOT NULL,
                    PRIMARY KEY (kind, ref)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v17 personal data apart from the audit trail") { db in
            try db.execute(sql: """
                -- X4: the hash of a row's personal values, kept apart in audit_personal so that
                -- `customer erase` can remove them and the chain still verifies. NULL: a row written
                -- before (its command and summary keep what was typed).
                ALTER TABLE audit_log ADD COLUMN personal_hash TEXT;
                CREATE TABLE audit_personal (
                    seq INTEGER PRIMARY KEY,
                    salt TEXT NOT NULL,
                    vals TEXT NOT NULL,
                    erased_mark TEXT                         -- set by `customer erase`, signed with the store's key
                );
                -- The customers (by code) each row concerns: how an erasure finds their rows.
                CREATE TABLE audit_subject (
                    customer TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (customer, seq)
                ) WITHOUT ROWID;
                CREATE INDEX audit_subject_by_seq ON audit_subject(seq);
                """)
        }
        migrator.registerMigration("v18 plugin namespaces, state and handshakes") { db in
            // Plugins' tables move under `plg_NAME_`, a prefix no table of the core has: a plugin
            // called `repair` or `staff` can no longer claim `repair_order` or `staff_pin`.
            // These are the tables the compiled plugins made before; their migrations now say `plg_…`.
            let moved = ["parts_reorder_point", "parts_receipt", "parts_backorder", "parts_backorder_fill",
                         "survey_response", "survey_answer",
                         "warranty_claim", "warranty_claim_step", "warranty_recall", "warranty_recall_done", "notes_note"]
            for table in moved where try db.tableExists(table) {
                try db.execute(sql: "ALTER TABLE \(table) RENAME TO plg_\(table)")
                let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                               arguments: ["plg_" + table])
                for index in indexes {
                    let name: String = index[0], sql: String = index[1]
                    guard !name.hasPrefix("plg_"), let range = sql.range(of: name) else { continue }
                    try db.execute(sql: "DROP INDEX \(name)")
                    try db.execute(sql: sql.replacingCharacters(in: range, with: "plg_" + name))
                }
            }
            try db.execute(sql: """
                -- Run-time plugins' handshakes, kept while the file stays the same (identity, size, time).
                CREATE TABLE plugin_handshake (
                    path TEXT PRIMARY KEY,
                    identity TEXT NOT NULL,
                    answer TEXT NOT NULL
                ) WITHOUT ROWID;
                -- `plugin install`: the checksum of the file as installed; a changed file is not run.
                CREATE TABLE plugin_checksum (
                    name TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    installed_at INTEGER NOT NULL,
                    installed_by TEXT NOT NULL
                ) WITHOUT ROWID;
                -- Run-time plugins' own state, changed in the transaction of the command that asked.
                CREATE TABLE plugin_state (
                    plugin TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    changed_at INTEGER NOT NULL,
                    PRIMARY KEY (plugin, key)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v19 customer search keys") { db in
            try db.execute(sql: """
                -- `customer find`: each suffix of a name, of its pinyin and of its initials, found by
                -- prefix (a substring search is a prefix search on suffixes); names sort by pinyin.
                CREATE TABLE customer_search_key (
                    key TEXT NOT NULL,
                    customer_id INTEGER NOT NULL REFERENCES customer(id),
                    PRIMARY KEY (key, customer_id)
                ) WITHOUT ROWID;
                CREATE INDEX customer_search_key_by_customer ON customer_search_key(customer_id);
                ALTER TABLE customer ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
                CREATE INDEX customer_by_sort_key ON customer(sort_key, number);
                """)
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM customer") {
                try CustomerSearchIndex.write(db, customerID: row[0], name: row[1])
            }
        }
        migrator.registerMigration("v20 reminder schedule") { db in
            try db.execute(sql: """
                -- Each vehicle's next due day per reminder it owes (ReminderSchedule), kept by the writes that move
                -- it, so the due list is an index range, not every vehicle's history. reference: the campaign's
                -- code for R1.5/R1.6, '' for the built-in rules. plate: the list's order.
                CREATE TABLE reminder_schedule (
                    vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                    kind TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    listed_from TEXT NOT NULL,
                    listed_until TEXT,
                    plate TEXT NOT NULL,
                    PRIMARY KEY (vehicle_id, kind, reference)
                ) WITHOUT ROWID;
                CREATE INDEX reminder_schedule_by_due ON reminder_schedule(due_on, plate) WHERE reference = '';
                CREATE INDEX reminder_schedule_by_kind ON reminder_schedule(kind, due_on, plate) WHERE reference = '';
                CREATE INDEX reminder_schedule_by_campaign ON reminder_schedule(reference, plate) WHERE reference != '';
                """)
            try SQLiteTransaction.rebuildReminderSchedule(db)
        }
        migrator.registerMigration("v21 print log") { db in
            try db.execute(sql: """
                -- Every printed document: the next print of the same document is a reprint (重印).
                CREATE TABLE print_log (
                    document TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    copy INTEGER NOT NULL CHECK (copy >= 1),
                    format TEXT NOT NULL,
                    printed_by TEXT NOT NULL,
                    printed_at INTEGER NOT NULL,
                    PRIMARY KEY (document, reference, copy)
                ) WITHOUT ROWID;
                CREATE TRIGGER print_log_no_update BEFORE UPDATE ON print_log
                    BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;
                CREATE TRIGGER print_log_no_delete BEFORE DELETE ON print_log
                    BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;
                """)
        }
        migrator.registerMigration("v22 appointments for cars not yet registered, mileage on the phone") { db in
            // SQLite cannot drop a NOT NULL: the table is rebuilt (sqlite.org/lang_altertable.html, "other kinds
            // of table schema changes"); GRDB runs migrations with foreign keys off and checks them after.
            try db.execute(sql: """
                -- vehicle_id is NULL for a car not yet registered (R2.2): model is what the caller named, the VIN
                -- and sale date come at reception. reported_mileage: the odometer the customer gave (R2.1).
                CREATE TABLE appointment_v22 (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    day TEXT NOT NULL,
                    vehicle_id INTEGER REFERENCES vehicle(id),
                    customer_id INTEGER NOT NULL REFERENCES customer(id),
                    model TEXT,
                    reported_mileage INTEGER CHECK (reported_mileage >= 0),
                    advisor TEXT NOT NULL,
                    start_at INTEGER NOT NULL,
                    duration_minutes INTEGER NOT NULL,
                    job TEXT NOT NULL,
                    bay INTEGER,
                    channel TEXT NOT NULL,
                    status TEXT NOT NULL,
                    called_at INTEGER NOT NULL,
                    entered_at INTEGER NOT NULL,
                    advisor_items_at INTEGER, needs_technician_plan INTEGER NOT NULL, technician_plan_at INTEGER,
                    parts_checked_at INTEGER, parts_expected_on TEXT,
                    day_before_at INTEGER, hour_before_at INTEGER,
                    attempt INTEGER NOT NULL,
                    note TEXT NOT NULL
                );
                INSERT INTO appointment_v22 (id, number, day, vehicle_id, customer_id, advisor, start_at, duration_minutes, job, bay,
                    channel, status, called_at, entered_at, advisor_items_at, needs_technician_plan, technician_plan_at,
                    parts_checked_at, parts_expected_on, day_before_at, hour_before_at, attempt, note)
                SELECT id, number, day, vehicle_id, customer_id, advisor, start_at, duration_minutes, job, bay,
                    channel, status, called_at, entered_at, advisor_items_at, needs_technician_plan, technician_plan_at,
                    parts_checked_at, parts_expected_on, day_before_at, hour_before_at, attempt, note FROM appointment;
                DROP TABLE appointment;
                ALTER TABLE appointment_v22 RENAME TO appointment;
                CREATE INDEX appointment_by_day ON appointment(day, advisor, start_at);
                CREATE INDEX appointment_by_vehicle ON appointment(vehicle_id, start_at);
                CREATE INDEX appointment_by_status ON appointment(status, start_at);
                -- R2.8: the recent no-shows whose next attempt is still to be booked; a customer's appointments.
                CREATE INDEX appointment_by_status_day ON appointment(status, day);
                CREATE INDEX appointment_by_customer ON appointment(customer_id, start_at);
                """)
            // R1.2/R1.3 now count every reading and no customer is lost before the service falls due:
            // the schedule is worked out again by the rules as they are now.
            try SQLiteTransaction.rebuildReminderSchedule(db)
        }
        migrator.registerMigration("v23 comebacks, rework lines, one clock per technician") { db in
            try db.execute(sql: """
                -- A comeback (返修): the earlier order whose fault this one repairs again; the index finds the
                -- orders an order came back as. customer_satisfied: the customer confirmed the fault gone at the car.
                ALTER TABLE repair_order ADD COLUMN comeback_of TEXT;
                ALTER TABLE repair_order ADD COLUMN customer_satisfied INTEGER;
                CREATE INDEX repair_order_by_comeback_of ON repair_order(comeback_of) WHERE comeback_of IS NOT NULL;
                -- The labour lines a failed check sent back to work, comma-separated line numbers.
                ALTER TABLE quality_check ADD COLUMN rework_lines TEXT NOT NULL DEFAULT '';
                -- Where a technician is clocked on now: one line at a time (R4.3).
                CREATE INDEX repair_order_line_clocked_on ON repair_order_line(clocked_on_by) WHERE clocked_on_at IS NOT NULL;
                """)
        }
        migrator.registerMigration("v26 timeline messages") { db in
            // A timeline row keeps what it says as a message (code and typed
            // arguments, StoredMessage's JSON), rendered when read in the
            // reader's language; `detail` keeps the words as written, for a
            // row without one (older rows, erased customers). The audit trail
            // is not touched: its rows never include timeline rows.
            try db.execute(sql: """
                ALTER TABLE repair_order_event ADD COLUMN message TEXT;
                ALTER TABLE appointment_event ADD COLUMN message TEXT;
                """)
            // What older rows say in a shape known well enough to convert:
            // `opened for 粤B12345 by 薛淑芬` (the status move ` [a → b]` at the
            // end of a row is in codes already and is read in words as it is).
            let opened = try Row.fetchAll(db, sql: "SELECT id, detail FROM repair_order_event WHERE kind = 'open' AND detail LIKE 'opened for % by %'")
            for row in opened {
                let detail: String = row[1]
                let rest = detail.dropFirst("opened for ".count)
                guard let by = rest.range(of: " by ") else { continue }
                let message = Message("repair_order.timeline.opened", ["plate": .text(String(rest[..<by.lowerBound])),
                                                                       "user": .text(String(rest[by.upperBound...]))])
                try db.execute(sql: "UPDATE repair_order_event SET message = ? WHERE id = ?", arguments: [StoredMessage.encode(message), row[0] as Int64])
            }
        }
        migrator.registerMigration("v24 payments, credit accounts and insurance repairs") { db in
            try db.execute(sql: """
                -- R5.6: who signed for declined safety items; an accident repair's claim (保险理赔).
                ALTER TABLE repair_order ADD COLUMN declined_signed_by TEXT;
                ALTER TABLE repair_order ADD COLUMN insurer TEXT;
                ALTER TABLE repair_order ADD COLUMN insurance_claim TEXT;
                ALTER TABLE repair_order ADD COLUMN insurance_assessed_fen INTEGER;
                ALTER TABLE repair_order ADD COLUMN insurance_deductible_fen INTEGER;
                -- R5.8: deposits, the parts of a payment (split, change) and refunds; only ever appended.
                CREATE TABLE repair_order_payment (
                    id INTEGER PRIMARY KEY,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id),
                    kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'refund')),
                    method TEXT NOT NULL,
                    amount_fen INTEGER NOT NULL,
                    tendered_fen INTEGER,
                    by TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX repair_order_payment_by_order ON repair_order_payment(repair_order_id, id);
                CREATE TRIGGER repair_order_payment_no_update BEFORE UPDATE ON repair_order_payment
                    BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
                CREATE TRIGGER repair_order_payment_no_delete BEFORE DELETE ON repair_order_payment
                    BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
                -- 挂账: a fleet customer's credit account, its limit and what it owes; the statement's rows.
                CREATE TABLE credit_account (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
                    limit_fen INTEGER NOT NULL CHECK (limit_fen > 0),
                    balance_fen INTEGER NOT NULL CHECK (balance_fen >= 0 AND balance_fen <= limit_fen),
                    opened_by TEXT NOT NULL,
                    opened_at INTEGER NOT NULL
                );
                CREATE TABLE credit_account_entry (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES credit_account(customer_id),
                    kind TEXT NOT NULL CHECK (kind IN ('charge', 'repayment')),
                    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                    method TEXT,
                    reference TEXT NOT NULL,
                    by TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX credit_account_entry_by_customer ON credit_account_entry(customer_id, id);
                """)
        }
        migrator.registerMigration("v27 bounded registers and campaign scopes") { db in
            try db.execute(sql: """
                -- remind register pages the newest calls (of one kind); remind reasons counts the declined calls
                -- from the index alone; a campaign's calls are its own range; campaigns and recalls find their
                -- vehicles by model (and VIN) range, not by reading the fleet.
                CREATE INDEX reminder_log_by_kind ON reminder_log(kind, id);
                CREATE INDEX reminder_log_by_outcome ON reminder_log(outcome, kind, reason);
                CREATE INDEX reminder_log_by_reference ON reminder_log(reference, id) WHERE reference IS NOT NULL;
                CREATE INDEX vehicle_by_model ON vehicle(model, vin);
                -- The customer's foreign keys: adding a customer (its AFTER INSERT trigger makes the statement a
                -- multi-row write) checks these tables for the new id, which without an index reads each whole.
                CREATE INDEX repair_order_by_customer ON repair_order(customer_id);
                CREATE INDEX IF NOT EXISTS appointment_by_customer ON appointment(customer_id);  -- v22 made one too
                CREATE INDEX complaint_by_customer ON complaint(customer_id);
                """)
        }
        // From v25 on, a migration that only makes or drops indexes, adds a column without a foreign key, or makes a
        // table without one runs with the foreign keys on (`.immediate`): nothing it does can break one. GRDB's
        // default turns them off and then checks every foreign key of the store, 40-65 s at 1M vehicles for each
        // migration (docs/performance.md, sixteenth and seventeenth rounds). Earlier ones stay as they were:
        // some rebuild tables, and they run on a store that cannot be large.
        migrator.registerMigration("v25 report indexes", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                -- `report kpi` reads a period's rows by date: complaints and delayed deliveries by when they were opened.
                CREATE INDEX complaint_by_opened ON complaint(opened_at);
                CREATE INDEX delayed_delivery_by_opened ON delayed_delivery(opened_at);
                """)
        }
        migrator.registerMigration("v28 sealed audit rows", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                -- 1: the store sealed its business rows (orders, staff, PINs, customers' contacts) when this row
                -- was written, so from the first such row on a row without its seal was written, or its seal
                -- removed, outside lane. Part of the row's hash; NULL for rows written before.
                ALTER TABLE audit_log ADD COLUMN sealed INTEGER;
                -- How many personal values `customer erase` blanked in a row (said by `audit verify`); NULL before.
                ALTER TABLE audit_personal ADD COLUMN erased_values INTEGER;
                """)
        }
        migrator.registerMigration("v29 waiting customers", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                -- The check-in sheet says whether the customer waits at the store for the car (report kpi: their wait
                -- from the order's opening to its delivery). Older orders: not recorded, read as not waiting.
                ALTER TABLE repair_order ADD COLUMN checkin_customer_waits INTEGER;
                """)
        }
        migrator.registerMigration("v30 vehicle history messages", foreignKeyChecks: .immediate) { db in
            // A vehicle's history row keeps what it says as a message (StoredMessage's JSON), read in the
            // reader's language like the timelines' rows since v26; older rows keep their words as written.
            try db.execute(sql: "ALTER TABLE vehicle_event ADD COLUMN message TEXT")
        }
        migrator.registerMigration("v34 staff who left", foreignKeyChecks: .immediate) { db in
            // `staff leave`: when a member of staff left the store (they no longer sign in; the row stays,
            // so every order, audit row and report that names them still does). NULL: still employed.
            try db.execute(sql: "ALTER TABLE staff ADD COLUMN left_at INTEGER")
        }
        migrator.registerMigration("v35 the due list read from its index alone", foreignKeyChecks: .immediate) { db in
            // The due list's range read (`scheduledReminders(dueBy:kind:listedOn:limit:)`) finds every column it needs
            // in the index: the listing days are added, and a WITHOUT ROWID table's indexes carry its primary key
            // (vehicle_id, kind, reference). So SQLite neither reads a table row per entry nor one per entry
            // no longer listed (at 1M vehicles 477k of the 1.14M entries due by the horizon, a third of the front).
            try db.execute(sql: """
                DROP INDEX reminder_schedule_by_due;
                DROP INDEX reminder_schedule_by_kind;
                CREATE INDEX reminder_schedule_by_due ON reminder_schedule(due_on, plate, listed_until, listed_from) WHERE reference = '';
                CREATE INDEX reminder_schedule_by_kind ON reminder_schedule(kind, due_on, plate, listed_until, listed_from) WHERE reference = '';
                """)
        }
        migrator.registerMigration("v36 part groups by index", foreignKeyChecks: .immediate) { db in
            // The part groups there are, read one index seek per group (`StoreBackendSupport.partGroupsSQL`),
            // not from the whole catalogue: the warranty plugin asks at every line added.
            try db.execute(sql: "CREATE INDEX part_by_group ON part(part_group)")
        }
        migrator.registerMigration("v37 store versions", foreignKeyChecks: .immediate) { db in
            // What a session keeps between commands (the settings, the user's role) and a plugin keeps of the
            // catalogue is kept only while these numbers stand still: every change to those tables moves one,
            // in any process (another desk's `staff leave` reaches a shell already open). `StoreVersions`.
            // The catalogue's number moves when a part number or group, or an operation code, comes, goes or
            // changes, not when stock moves. Each move draws a random number, not the next one: a number
            // a rolled-back transaction saw never comes back for other rows, and no two stores share one.
            var sql = """
                CREATE TABLE store_version (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    settings INTEGER NOT NULL,
                    catalogue INTEGER NOT NULL
                );
                INSERT INTO store_version (id, settings, catalogue) VALUES (1, random(), random());

                """
            for (table, area, columns) in [("setting", "settings", ""), ("staff", "settings", ""),
                                           ("part", "catalogue", " OF number, part_group"), ("labor_operation", "catalogue", " OF code")] {
                let update = "UPDATE store_version SET \(area) = random() WHERE id = 1;"
                sql += """
                    CREATE TRIGGER \(table)_added_moves_\(area) AFTER INSERT ON \(table) BEGIN \(update) END;
                    CREATE TRIGGER \(table)_removed_moves_\(area) AFTER DELETE ON \(table) BEGIN \(update) END;
                    CREATE TRIGGER \(table)_changed_moves_\(area) AFTER UPDATE\(columns) ON \(table) BEGIN \(update) END;

                    """
            }
            try db.execute(sql: sql)
        }
        migrator.registerMigration("v38 service history read from its index alone", foreignKeyChecks: .immediate) { db in
            // What the reminder rules read of a history row (`serviceHistory(vehicleIDs:)`: its kind, the visit's
            // kind, the day and the odometer) is in the index beside the vehicle and day, as is the row id, so the
            // due list reads no table row: for a page of 200 vehicles at 1M, about 250 pages where the rows took
            // 780 (docs/performance.md, fifteenth round). The key starts as before, for every read that used it,
            // and names the row id next, so a history's order (day, then id) is the index's and needs no sort.
            try db.execute(sql: """
                DROP INDEX vehicle_event_by_vehicle;
                CREATE INDEX vehicle_event_by_vehicle ON vehicle_event(vehicle_id, occurred_on, id, kind, visit_kind, mileage);
                """)
        }
        migrator.registerMigration("v39 the call lists' standing from partial indexes", foreignKeyChecks: .immediate) { db in
            // Whether a car due a call is in the workshop or booked (`callListStanding`) was read through every
            // order and appointment the car ever had, a table row each. These hold only the open orders and the
            // appointments still expected, so most cars are one look in a small index. The lists are
            // `CallListStanding`'s, in its order: SQLite uses a partial index only for that very condition.
            try db.execute(sql: """
                CREATE INDEX repair_order_in_workshop_by_vehicle ON repair_order(vehicle_id)
                    WHERE status = 'reception' OR status = 'signed' OR status = 'handed_over' OR status = 'dispatched' OR status = 'in_progress'
                    OR status = 'self_checked' OR status = 'leader_checked' OR status = 'qc_passed' OR status = 'ready_for_delivery';
                CREATE INDEX appointment_expected_by_vehicle ON appointment(vehicle_id, status) WHERE status IN ('booked', 'confirmed');
                """)
        }
        migrator.registerMigration("v40 logged calls read from their index alone", foreignKeyChecks: .immediate) { db in
            // What the reminder rules read of a logged call (`loggedCalls(vehicleIDs:)`: the reminder it was about
            // and its outcome) is in the index beside the vehicle, kind and due date, so the due list reads no
            // table row of the log: 118 pages of a first page of `remind due` at 1M vehicles (docs/performance.md,
            // sixteenth round). The key starts as before, for every read that used it.
            try db.execute(sql: """
                DROP INDEX reminder_log_by_vehicle;
                CREATE INDEX reminder_log_by_vehicle ON reminder_log(vehicle_id, kind, due_on, reference, outcome);
                """)
        }
        migrator.registerMigration("v41 decline counts kept with the log", foreignKeyChecks: .immediate) { db in
            // `remind reasons` reads a row per reason shown, not every declined call ever logged (`DeclineCounts`).
            try db.execute(sql: DeclineCounts.table + "\n" + DeclineCounts.sqliteTriggers)
        }
        migrator.registerMigration("v42 follow-up scores read from their index alone", foreignKeyChecks: .immediate) { db in
            // `followup list` sums up the period's scores (`followUpScores(from:to:)`): with the score in the index the
            // sum reads no table row, 40 → 8 ms for a month of calls at 1M vehicles (docs/performance.md, nineteenth
            // round). The key keeps the time first and names the row id next, so a page in the order (time, id) still
            // needs no sort.
            try db.execute(sql: """
                DROP INDEX follow_up_by_time;
                CREATE INDEX follow_up_by_time ON follow_up(at, id, score);
                """)
        }
        migrator.registerMigration("v43 follow-up attempts read from their index alone", foreignKeyChecks: .immediate) { db in
            // What the calls-due rule reads of a recorded call (`followUpAttempts(orderIDs:)`: which call, and whether
            // it reached the customer) is in the index by order, with the row id for their order, so `followup due` and
            // customer service's `today` read no row of the calls (docs/performance.md, nineteenth round).
            try db.execute(sql: """
                DROP INDEX follow_up_by_order;
                CREATE INDEX follow_up_by_order ON follow_up(repair_order_id, id, call, outcome);
                """)
        }
        migrator.registerMigration("v44 KPI day shares", foreignKeyChecks: .immediate) { db in
            // `today`'s month so far for the service manager adds up a kept share per day, which the rows' own
            // triggers mark as moved (`KPIDayShares`): 0.6 s at 1M vehicles was every order of the month read again.
            try db.execute(sql: KPIDayShares.tables + "\n" + KPIDayShares.sqliteTriggers)
        }
        migrator.registerMigration("v45 customers and vehicles counted", foreignKeyChecks: .immediate) { db in
            // `store show` reads two kept counts, not `COUNT(*)` over a million rows (`RowCounts`).
            try db.execute(sql: RowCounts.table + "\n" + RowCounts.sqliteTriggers)
        }
        migrator.registerMigration("v46 follow-up scores kept per hour", foreignKeyChecks: .immediate) { db in
            // `followup list` sums a period's scores from a row per hour, not every call's (`FollowUpScoreHours`).
            try db.execute(sql: FollowUpScoreHours.table + "\n" + FollowUpScoreHours.sqliteTriggers)
        }
        return migrator
    }
}
