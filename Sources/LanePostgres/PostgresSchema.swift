import LaneCore
import LaneStore

/// The PostgreSQL store's schema, in versioned migrations as for SQLite
/// (`lane_migration` records which have run; never edit a released one, add
/// one). The first one is the SQLite store's v1…v21 as one step; later ones
/// carry the number of the SQLite migration they follow.
enum PostgresSchema {
    static let migrations: [(identifier: String, statements: [String])] = [
        ("v21 the service department (SQLite's v1 to v21)", PostgresDialect.tables(coreTables) + appendOnly),
        ("v27 SQLite's v22 to v27: appointments without a vehicle, comebacks, payments and credit accounts, report indexes, timeline messages, bounded registers",
         PostgresDialect.tables(v27Tables) + v27AppendOnly),
        ("v30 SQLite's v28 to v30: sealed audit rows, waiting customers, vehicle history messages", PostgresDialect.tables(v30Tables)),
        ("v34 staff who left", PostgresDialect.tables(v34Tables)),
        ("v35 the due list read from its index alone", PostgresDialect.tables(v35Tables)),
        ("v36 part groups by index", PostgresDialect.tables(v36Tables)),
        ("v37 store versions", v37Statements),
        ("v38 service history read from its index alone", PostgresDialect.tables(v38Tables)),
        ("v39 the call lists' standing from partial indexes", PostgresDialect.tables(v39Tables)),
        ("v40 logged calls read from their index alone", PostgresDialect.tables(v40Tables)),
        ("v41 decline counts kept with the log", PostgresDialect.tables(DeclineCounts.table) + DeclineCounts.postgresTriggers),
        ("v42 follow-up scores read from their index alone", PostgresDialect.tables(v42Tables)),
        ("v43 follow-up attempts read from their index alone", PostgresDialect.tables(v43Tables)),
        ("v44 KPI day shares", PostgresDialect.tables(KPIDayShares.tables) + KPIDayShares.postgresTriggers),
        ("v45 customers and vehicles counted", PostgresDialect.tables(RowCounts.table) + RowCounts.postgresTriggers),
        ("v46 follow-up scores kept per hour", PostgresDialect.tables(FollowUpScoreHours.table) + FollowUpScoreHours.postgresTriggers),
    ]

    /// SQLite's v43: `followUpAttempts(orderIDs:)` reads the calls' kind and outcome from the index by order alone.
    static let v43Tables = """
        DROP INDEX follow_up_by_order;
        CREATE INDEX follow_up_by_order ON follow_up(repair_order_id, id) INCLUDE (call, outcome);
        """

    /// SQLite's v42: `followUpScores(from:to:)` reads the period's scores from the index alone (an index-only scan),
    /// and a page in the order (time, id) still needs no sort.
    static let v42Tables = """
        DROP INDEX follow_up_by_time;
        CREATE INDEX follow_up_by_time ON follow_up(at, id) INCLUDE (score);
        """

    /// SQLite's v40: what the reminder rules read of a logged call (`loggedCalls(vehicleIDs:)`) is in the
    /// index, the key as before and the rest included (the row id too, for the order), so the read is an
    /// index-only scan.
    static let v40Tables = """
        DROP INDEX reminder_log_by_vehicle;
        CREATE INDEX reminder_log_by_vehicle ON reminder_log(vehicle_id, kind, due_on) INCLUDE (reference, outcome, id);
        """

    /// SQLite's v39: the open orders and the appointments still expected, by vehicle, for `callListStanding`,
    /// whose conditions (`CallListStanding`) are these lists.
    static let v39Tables = """
        CREATE INDEX repair_order_in_workshop_by_vehicle ON repair_order(vehicle_id)
            WHERE status = 'reception' OR status = 'signed' OR status = 'handed_over' OR status = 'dispatched' OR status = 'in_progress'
            OR status = 'self_checked' OR status = 'leader_checked' OR status = 'qc_passed' OR status = 'ready_for_delivery';
        CREATE INDEX appointment_expected_by_vehicle ON appointment(vehicle_id, status) WHERE status IN ('booked', 'confirmed');
        """

    /// SQLite's v38: what the reminder rules read of a history row (`serviceHistory(vehicleIDs:)`) is in the
    /// index, the key as before and the rest included, so the due list's read is an index-only scan.
    static let v38Tables = """
        DROP INDEX vehicle_event_by_vehicle;
        CREATE INDEX vehicle_event_by_vehicle ON vehicle_event(vehicle_id, occurred_on, id) INCLUDE (kind, visit_kind, mileage);
        """

    /// SQLite's v37: the numbers that move with changes to the settings and staff list and to the catalogue's
    /// numbers, groups and codes (`StoreVersions`), drawn anew by the store at every such statement, from any session.
    /// The functions name the table's own schema: a dealer group keeps each store in a schema of its own.
    static let v37Statements: [String] = [
        // As SQLite's random(): a number drawn, not the next one (two draws of 52 random bits).
        """
        CREATE FUNCTION lane_version_drawn() RETURNS bigint LANGUAGE sql VOLATILE AS
        'SELECT (floor(random() * 2147483648)::bigint << 32) # floor(random() * 4294967296)::bigint'
        """,
        "CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), settings BIGINT NOT NULL, catalogue BIGINT NOT NULL)",
        "INSERT INTO store_version (id, settings, catalogue) VALUES (1, lane_version_drawn(), lane_version_drawn())",
        """
        CREATE FUNCTION lane_settings_moved() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN EXECUTE format('UPDATE %I.store_version SET settings = %I.lane_version_drawn() WHERE id = 1', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA); RETURN NULL; END $$
        """,
        """
        CREATE FUNCTION lane_catalogue_moved() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN EXECUTE format('UPDATE %I.store_version SET catalogue = %I.lane_version_drawn() WHERE id = 1', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA); RETURN NULL; END $$
        """,
        "CREATE TRIGGER setting_moves_settings AFTER INSERT OR UPDATE OR DELETE ON setting FOR EACH STATEMENT EXECUTE FUNCTION lane_settings_moved()",
        "CREATE TRIGGER staff_moves_settings AFTER INSERT OR UPDATE OR DELETE ON staff FOR EACH STATEMENT EXECUTE FUNCTION lane_settings_moved()",
        """
        CREATE TRIGGER part_moves_catalogue AFTER INSERT OR DELETE OR UPDATE OF number, part_group ON part
        FOR EACH STATEMENT EXECUTE FUNCTION lane_catalogue_moved()
        """,
        """
        CREATE TRIGGER labor_operation_moves_catalogue AFTER INSERT OR DELETE OR UPDATE OF code ON labor_operation
        FOR EACH STATEMENT EXECUTE FUNCTION lane_catalogue_moved()
        """,
    ]

    /// SQLite's v36: the part groups there are, one index seek per group (`StoreBackendSupport.partGroupsSQL`).
    static let v36Tables = """
        CREATE INDEX part_by_group ON part(part_group)
        """

    /// SQLite's v35: the due list's range read finds every column in the index (an index-only scan, the
    /// entries no longer listed skipped in the index), the listing days in the key and the rest included.
    static let v35Tables = """
        DROP INDEX reminder_schedule_by_due;
        DROP INDEX reminder_schedule_by_kind;
        CREATE INDEX reminder_schedule_by_due ON reminder_schedule(due_on, plate, listed_until, listed_from)
            INCLUDE (vehicle_id, kind) WHERE reference = '';
        CREATE INDEX reminder_schedule_by_kind ON reminder_schedule(kind, due_on, plate, listed_until, listed_from)
            INCLUDE (vehicle_id) WHERE reference = ''
        """

    /// SQLite's v34: when a member of staff left the store (`staff leave`).
    static let v34Tables = """
        ALTER TABLE staff ADD COLUMN left_at INTEGER
        """

    /// SQLite's v28 (the audit row says the store's rows were sealed; how many personal values an erasure
    /// blanked), v29 (the check-in sheet's waiting customer) and v30 (a history row's message) in one step.
    static let v30Tables = """
        ALTER TABLE audit_log ADD COLUMN sealed INTEGER;
        ALTER TABLE audit_personal ADD COLUMN erased_values INTEGER;
        ALTER TABLE repair_order ADD COLUMN checkin_customer_waits INTEGER;
        ALTER TABLE vehicle_event ADD COLUMN message TEXT
        """

    /// SQLite's v22 to v27 (v25 the report indexes) in one step. v22's rebuild of the reminder schedule is not
    /// repeated: no server store was made before this step was in the same release.
    static let v27Tables = """
        ALTER TABLE appointment ALTER COLUMN vehicle_id DROP NOT NULL;
        ALTER TABLE appointment ADD COLUMN model TEXT;
        ALTER TABLE appointment ADD COLUMN reported_mileage INTEGER CHECK (reported_mileage >= 0);
        CREATE INDEX appointment_by_status_day ON appointment(status, day);
        DROP INDEX appointment_by_customer;
        CREATE INDEX appointment_by_customer ON appointment(customer_id, start_at);
        ALTER TABLE repair_order ADD COLUMN comeback_of TEXT;
        ALTER TABLE repair_order ADD COLUMN customer_satisfied INTEGER;
        CREATE INDEX repair_order_by_comeback_of ON repair_order(comeback_of) WHERE comeback_of IS NOT NULL;
        ALTER TABLE quality_check ADD COLUMN rework_lines TEXT NOT NULL DEFAULT '';
        CREATE INDEX repair_order_line_clocked_on ON repair_order_line(clocked_on_by) WHERE clocked_on_at IS NOT NULL;
        ALTER TABLE repair_order_event ADD COLUMN message TEXT;
        ALTER TABLE appointment_event ADD COLUMN message TEXT;
        ALTER TABLE repair_order ADD COLUMN declined_signed_by TEXT;
        ALTER TABLE repair_order ADD COLUMN insurer TEXT;
        ALTER TABLE repair_order ADD COLUMN insurance_claim TEXT;
        ALTER TABLE repair_order ADD COLUMN insurance_assessed_fen INTEGER;
        ALTER TABLE repair_order ADD COLUMN insurance_deductible_fen INTEGER;
        CREATE TABLE repair_order_payment (
            id INTEGER PRIMARY KEY, repair_order_id INTEGER NOT NULL REFERENCES repair_order(id),
            kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'refund')), method TEXT NOT NULL, amount_fen INTEGER NOT NULL,
            tendered_fen INTEGER, by TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX repair_order_payment_by_order ON repair_order_payment(repair_order_id, id);
        CREATE TABLE credit_account (
            customer_id INTEGER NOT NULL PRIMARY KEY REFERENCES customer(id), limit_fen INTEGER NOT NULL CHECK (limit_fen > 0),
            balance_fen INTEGER NOT NULL CHECK (balance_fen >= 0 AND balance_fen <= limit_fen), opened_by TEXT NOT NULL,
            opened_at INTEGER NOT NULL);
        CREATE TABLE credit_account_entry (
            id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES credit_account(customer_id),
            kind TEXT NOT NULL CHECK (kind IN ('charge', 'repayment')), amount_fen INTEGER NOT NULL CHECK (amount_fen > 0), method TEXT,
            reference TEXT NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX credit_account_entry_by_customer ON credit_account_entry(customer_id, id);
        CREATE INDEX reminder_log_by_kind ON reminder_log(kind, id);
        CREATE INDEX reminder_log_by_outcome ON reminder_log(outcome, kind, reason);
        CREATE INDEX reminder_log_by_reference ON reminder_log(reference, id) WHERE reference IS NOT NULL;
        CREATE INDEX vehicle_by_model ON vehicle(model, vin);
        CREATE INDEX complaint_by_customer ON complaint(customer_id);
        CREATE INDEX complaint_by_opened ON complaint(opened_at);
        CREATE INDEX delayed_delivery_by_opened ON delayed_delivery(opened_at)
        """

    /// Payments are only ever appended, as in the SQLite store.
    static let v27AppendOnly = [
        "CREATE TRIGGER repair_order_payment_append_only BEFORE UPDATE OR DELETE ON repair_order_payment FOR EACH ROW EXECUTE FUNCTION lane_append_only()",
    ]

    /// SQLite's types and keys as PostgreSQL's (see `PostgresDialect.tables`).
    static let coreTables = """
        CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE customer (
            id INTEGER PRIMARY KEY, number INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, phone TEXT NOT NULL,
            phone_reversed TEXT NOT NULL, address TEXT, created_at INTEGER NOT NULL, sort_key TEXT NOT NULL DEFAULT '');
        CREATE INDEX customer_by_name ON customer(name);
        CREATE INDEX customer_by_phone ON customer(phone);
        CREATE INDEX customer_by_phone_reversed ON customer(phone_reversed);
        CREATE INDEX customer_by_sort_key ON customer(sort_key, number);
        CREATE TABLE vehicle (
            id INTEGER PRIMARY KEY, vin TEXT NOT NULL UNIQUE, plate TEXT NOT NULL UNIQUE, model TEXT NOT NULL,
            owner_id INTEGER NOT NULL REFERENCES customer(id), sold_on TEXT NOT NULL, mileage INTEGER NOT NULL CHECK (mileage >= 0),
            mileage_on TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE INDEX vehicle_by_owner ON vehicle(owner_id);
        CREATE TABLE vehicle_event (
            id INTEGER PRIMARY KEY, vehicle_id INTEGER NOT NULL REFERENCES vehicle(id), kind TEXT NOT NULL, visit_kind TEXT,
            occurred_on TEXT NOT NULL, mileage INTEGER, detail TEXT NOT NULL, recorded_at INTEGER NOT NULL, recorded_by TEXT NOT NULL);
        CREATE INDEX vehicle_event_by_vehicle ON vehicle_event(vehicle_id, occurred_on);
        CREATE TABLE team (name TEXT PRIMARY KEY, skills TEXT NOT NULL);
        CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, team TEXT REFERENCES team(name), phone TEXT);
        CREATE TABLE labor_operation (code TEXT PRIMARY KEY, name TEXT NOT NULL, standard_hours INTEGER NOT NULL CHECK (standard_hours >= 0),
            skill TEXT NOT NULL);
        CREATE TABLE part (number TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
            stock INTEGER NOT NULL CHECK (stock >= 0), bin TEXT NOT NULL, part_group TEXT NOT NULL);
        CREATE INDEX part_by_name ON part(name);
        CREATE TABLE repair_order (
            id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, opened_on TEXT NOT NULL, vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
            customer_id INTEGER NOT NULL REFERENCES customer(id), advisor TEXT NOT NULL, appointment_id INTEGER, opened_at INTEGER NOT NULL,
            status TEXT NOT NULL, complaint TEXT,
            checkin_mileage INTEGER, checkin_fuel INTEGER, checkin_covers INTEGER, checkin_damage TEXT, checkin_valuables TEXT, checkin_equipment TEXT,
            warranty TEXT, documents_taken INTEGER NOT NULL DEFAULT 0, promised_at INTEGER,
            terms_payment TEXT, terms_old_parts TEXT, terms_wash INTEGER, terms_signed_by TEXT, terms_signed_at INTEGER,
            team TEXT, washed INTEGER NOT NULL DEFAULT 0, agreed_delivery_at INTEGER,
            next_service_on TEXT, next_service_km INTEGER, follow_up_preference TEXT, old_parts_shown INTEGER, delivered_at INTEGER,
            settlement_signed_by TEXT, paid_method TEXT, paid_fen INTEGER, invoice_number TEXT, gate_pass TEXT, paid_by TEXT, paid_at INTEGER,
            cancel_reason TEXT, discount_fen INTEGER NOT NULL DEFAULT 0, discount_reason TEXT, discount_by TEXT);
        CREATE INDEX repair_order_by_vehicle ON repair_order(vehicle_id, opened_at);
        CREATE INDEX repair_order_by_status ON repair_order(status, opened_at);
        CREATE INDEX repair_order_by_day ON repair_order(opened_on);
        CREATE INDEX repair_order_by_delivery ON repair_order(delivered_at);
        CREATE INDEX repair_order_by_customer ON repair_order(customer_id);
        CREATE TABLE repair_order_line (
            repair_order_id INTEGER NOT NULL REFERENCES repair_order(id), line_no INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL,
            name TEXT NOT NULL, hours INTEGER NOT NULL, quantity INTEGER NOT NULL, unit_fen INTEGER NOT NULL, payer TEXT NOT NULL,
            origin TEXT NOT NULL, approval TEXT NOT NULL, safety INTEGER NOT NULL, issued INTEGER NOT NULL CHECK (issued >= 0), issued_to TEXT,
            worked_minutes INTEGER NOT NULL, clocked_on_at INTEGER, clocked_on_by TEXT, done INTEGER NOT NULL,
            PRIMARY KEY (repair_order_id, line_no));
        CREATE TABLE quality_check (
            id INTEGER PRIMARY KEY, repair_order_id INTEGER NOT NULL REFERENCES repair_order(id), stage TEXT NOT NULL, passed INTEGER NOT NULL,
            checked_by TEXT NOT NULL, checked_at INTEGER NOT NULL, note TEXT NOT NULL);
        CREATE INDEX quality_check_by_order ON quality_check(repair_order_id, id);
        CREATE TABLE repair_order_event (
            id INTEGER PRIMARY KEY, repair_order_id INTEGER NOT NULL REFERENCES repair_order(id), at INTEGER NOT NULL, by TEXT NOT NULL,
            kind TEXT NOT NULL, detail TEXT NOT NULL);
        CREATE INDEX repair_order_event_by_order ON repair_order_event(repair_order_id, id);
        CREATE TABLE stock_movement (
            id INTEGER PRIMARY KEY, part_number TEXT NOT NULL REFERENCES part(number), delta INTEGER NOT NULL, reason TEXT NOT NULL,
            reference TEXT, at INTEGER NOT NULL, by TEXT NOT NULL);
        CREATE INDEX stock_movement_by_part ON stock_movement(part_number, id);
        CREATE TABLE reminder_log (
            id INTEGER PRIMARY KEY, vehicle_id INTEGER NOT NULL REFERENCES vehicle(id), kind TEXT NOT NULL, due_on TEXT NOT NULL,
            outcome TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL, by TEXT NOT NULL, reference TEXT);
        CREATE INDEX reminder_log_by_vehicle ON reminder_log(vehicle_id, kind, due_on);
        CREATE INDEX reminder_log_by_time ON reminder_log(at);
        CREATE TABLE delayed_delivery (
            id INTEGER PRIMARY KEY, vehicle_id INTEGER NOT NULL REFERENCES vehicle(id), cause TEXT NOT NULL,
            part_number TEXT REFERENCES part(number), note TEXT NOT NULL, expected_on TEXT, opened_at INTEGER NOT NULL,
            fix_published_at INTEGER, closed_at INTEGER);
        CREATE INDEX delayed_delivery_open ON delayed_delivery(closed_at, vehicle_id);
        CREATE INDEX delayed_delivery_by_part ON delayed_delivery(part_number);
        CREATE TABLE follow_up (
            id INTEGER PRIMARY KEY, repair_order_id INTEGER NOT NULL REFERENCES repair_order(id), call TEXT NOT NULL, outcome TEXT NOT NULL,
            score INTEGER CHECK (score BETWEEN 1 AND 5), comment TEXT NOT NULL, at INTEGER NOT NULL, by TEXT NOT NULL);
        CREATE INDEX follow_up_by_order ON follow_up(repair_order_id, call);
        CREATE INDEX follow_up_by_time ON follow_up(at);
        CREATE TABLE complaint (
            id INTEGER PRIMARY KEY, repair_order_id INTEGER REFERENCES repair_order(id), customer_id INTEGER NOT NULL REFERENCES customer(id),
            text TEXT NOT NULL, status TEXT NOT NULL, finding TEXT NOT NULL, action TEXT NOT NULL, opened_at INTEGER NOT NULL,
            opened_by TEXT NOT NULL, resolved_at INTEGER);
        CREATE INDEX complaint_by_status ON complaint(status, opened_at);
        CREATE TABLE appointment (
            id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, day TEXT NOT NULL, vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
            customer_id INTEGER NOT NULL REFERENCES customer(id), advisor TEXT NOT NULL, start_at INTEGER NOT NULL,
            duration_minutes INTEGER NOT NULL, job TEXT NOT NULL, bay INTEGER, channel TEXT NOT NULL, status TEXT NOT NULL,
            called_at INTEGER NOT NULL, entered_at INTEGER NOT NULL, advisor_items_at INTEGER, needs_technician_plan INTEGER NOT NULL,
            technician_plan_at INTEGER, parts_checked_at INTEGER, parts_expected_on TEXT, day_before_at INTEGER, hour_before_at INTEGER,
            attempt INTEGER NOT NULL, note TEXT NOT NULL);
        CREATE INDEX appointment_by_day ON appointment(day, advisor, start_at);
        CREATE INDEX appointment_by_vehicle ON appointment(vehicle_id, start_at);
        CREATE INDEX appointment_by_status ON appointment(status, start_at);
        CREATE INDEX appointment_by_customer ON appointment(customer_id);
        CREATE TABLE campaign (
            id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, title TEXT NOT NULL, models TEXT NOT NULL,
            vin_prefix TEXT, starts_on TEXT NOT NULL, ends_on TEXT);
        CREATE INDEX campaign_by_start ON campaign(starts_on);
        CREATE TABLE appointment_event (
            id INTEGER PRIMARY KEY, appointment_id INTEGER NOT NULL REFERENCES appointment(id), at INTEGER NOT NULL, by TEXT NOT NULL,
            kind TEXT NOT NULL, detail TEXT NOT NULL);
        CREATE INDEX appointment_event_by_appointment ON appointment_event(appointment_id, id);
        CREATE TABLE part_reservation (
            id INTEGER PRIMARY KEY, appointment_id INTEGER NOT NULL REFERENCES appointment(id), part_number TEXT NOT NULL REFERENCES part(number),
            quantity INTEGER NOT NULL CHECK (quantity > 0), label TEXT NOT NULL, reserved_at INTEGER NOT NULL, released_at INTEGER);
        CREATE INDEX part_reservation_open ON part_reservation(part_number, released_at);
        CREATE INDEX part_reservation_by_appointment ON part_reservation(appointment_id);
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, "user" TEXT NOT NULL, role TEXT NOT NULL, command TEXT NOT NULL, noun TEXT NOT NULL,
            ref TEXT NOT NULL, summary TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, mac TEXT NOT NULL DEFAULT '',
            personal_hash TEXT);
        CREATE INDEX audit_by_ref ON audit_log(ref, seq);
        CREATE INDEX audit_by_user ON audit_log("user", seq);
        CREATE INDEX audit_by_time ON audit_log(at);
        CREATE INDEX audit_signed ON audit_log(seq) WHERE mac <> '';
        INSERT INTO staff (name, role, team, phone) VALUES ('admin', 'admin', NULL, NULL);
        CREATE TABLE staff_pin (
            staff_name TEXT PRIMARY KEY REFERENCES staff(name), salt TEXT NOT NULL, hash TEXT NOT NULL, iterations INTEGER NOT NULL,
            failures INTEGER NOT NULL DEFAULT 0, last_failure_at INTEGER);
        CREATE TABLE plugin_migration (
            plugin TEXT NOT NULL, identifier TEXT NOT NULL, applied_at INTEGER NOT NULL, sql TEXT NOT NULL, PRIMARY KEY (plugin, identifier));
        CREATE TABLE number_series (series TEXT PRIMARY KEY, last INTEGER NOT NULL);
        CREATE TABLE audit_anchor (seq INTEGER PRIMARY KEY, hash TEXT NOT NULL, mac TEXT NOT NULL, at INTEGER NOT NULL, by TEXT NOT NULL);
        CREATE TABLE row_seal (kind TEXT NOT NULL, ref TEXT NOT NULL, mac TEXT NOT NULL, PRIMARY KEY (kind, ref));
        CREATE TABLE audit_personal (seq INTEGER PRIMARY KEY, salt TEXT NOT NULL, vals TEXT NOT NULL, erased_mark TEXT);
        CREATE TABLE audit_subject (customer TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (customer, seq));
        CREATE INDEX audit_subject_by_seq ON audit_subject(seq);
        CREATE TABLE plugin_handshake (path TEXT PRIMARY KEY, identity TEXT NOT NULL, answer TEXT NOT NULL);
        CREATE TABLE plugin_checksum (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, installed_at INTEGER NOT NULL, installed_by TEXT NOT NULL);
        CREATE TABLE plugin_state (plugin TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, changed_at INTEGER NOT NULL,
            PRIMARY KEY (plugin, key));
        CREATE TABLE customer_search_key (key TEXT NOT NULL, customer_id INTEGER NOT NULL REFERENCES customer(id), PRIMARY KEY (key, customer_id));
        CREATE INDEX customer_search_key_by_customer ON customer_search_key(customer_id);
        CREATE TABLE reminder_schedule (
            vehicle_id INTEGER NOT NULL REFERENCES vehicle(id), kind TEXT NOT NULL, reference TEXT NOT NULL, due_on TEXT NOT NULL,
            listed_from TEXT NOT NULL, listed_until TEXT, plate TEXT NOT NULL, PRIMARY KEY (vehicle_id, kind, reference));
        CREATE INDEX reminder_schedule_by_due ON reminder_schedule(due_on, plate) WHERE reference = '';
        CREATE INDEX reminder_schedule_by_kind ON reminder_schedule(kind, due_on, plate) WHERE reference = '';
        CREATE INDEX reminder_schedule_by_campaign ON reminder_schedule(reference, plate) WHERE reference <> '';
        CREATE TABLE print_log (
            document TEXT NOT NULL, reference TEXT NOT NULL, copy INTEGER NOT NULL CHECK (copy >= 1), format TEXT NOT NULL,
            printed_by TEXT NOT NULL, printed_at INTEGER NOT NULL, PRIMARY KEY (document, reference, copy))
        """

    /// The audit trail, its checkpoints and the print log are append-only, as in the SQLite store.
    static let appendOnly = [
        // SQLite's instr(), so the queries the backends share (`StoreBackendSupport.customerTextsQuery`) run here too.
        "CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT strpos(haystack, needle)'",
        """
        CREATE FUNCTION lane_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
        """,
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION lane_append_only()",
        "CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON audit_anchor FOR EACH ROW EXECUTE FUNCTION lane_append_only()",
        "CREATE TRIGGER print_log_append_only BEFORE UPDATE OR DELETE ON print_log FOR EACH ROW EXECUTE FUNCTION lane_append_only()",
    ]

    /// Creates the schema when missing (and allowed) and runs the migrations not yet run, under the
    /// store's writer lock: two desks starting at once never both migrate.
    static func migrate(_ link: PGLink, schema: String, lockKey: Int64, create: Bool, display: String) throws {
        // A store already up to date (every opening but the first after an upgrade) is only read:
        // no transaction, no writer lock, nothing written, as the SQLite store opens.
        if try upToDate(link, schema: schema, display: display) { return }
        try link.run("BEGIN")
        do {
            try link.run("SELECT pg_advisory_xact_lock(?)", [lockKey])
            let exists: Bool = try link.run("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", [schema]).rows.first?[0] ?? false
            let ready: Bool = exists ? try link.run("""
                SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'lane_migration'
                """, [schema]).rows.first?[0] ?? false : false
            if !ready && !create {
                throw StoreFailure(Message("server.no_store", ["url": .text(display)]))
            }
            try link.run("CREATE SCHEMA IF NOT EXISTS \(schema)")
            try link.run("SET LOCAL search_path TO \(schema)")
            try link.run("CREATE TABLE IF NOT EXISTS lane_migration (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let done = Set(try link.run("SELECT identifier FROM lane_migration").rows.map { row -> String in try row[0] })
            let known = Set(migrations.map(\.identifier))
            if let newer = done.subtracting(known).sorted().last {
                throw StoreFailure(Message("server.schema_newer", ["url": .text(display), "found": .text(newer)]))
            }
            for migration in migrations where !done.contains(migration.identifier) {
                for statement in migration.statements { try link.run(statement) }
                try link.run("INSERT INTO lane_migration (identifier) VALUES (?)", [migration.identifier])
            }
            // On the server's register of stores (the group's view), in the same transaction.
            try PostgresGroup.register(link, store: schema)
            try link.run("COMMIT")
        } catch {
            _ = try? link.run("ROLLBACK")
            throw error
        }
    }

    /// True when the store's schema has run every migration this lane knows and the group's register is
    /// current and names the store: two reads. A schema newer than this lane is refused here too.
    static func upToDate(_ link: PGLink, schema: String, display: String) throws -> Bool {
        let present = try link.run("""
            SELECT (to_regclass(?) IS NOT NULL)::int,
                (to_regclass('lane_group.lane_migration') IS NOT NULL AND to_regclass('lane_group.store') IS NOT NULL)::int
            """, [schema + ".lane_migration"]).rows.first
        let storeReady: Bool = try present?[0] ?? false, groupReady: Bool = try present?[1] ?? false
        guard storeReady, groupReady else { return false }
        guard let state = try link.run("""
            SELECT (SELECT string_agg(identifier, E'\\n') FROM \(schema).lane_migration),
                (SELECT COUNT(*) FROM lane_group.lane_migration),
                EXISTS (SELECT 1 FROM lane_group.store WHERE schema_name = ?)::int
            """, [schema]).rows.first else { return false }
        let doneText: String? = try state[0]
        let done = Set((doneText ?? "").split(separator: "\n").map(String.init))
        let known = Set(migrations.map(\.identifier))
        if let newer = done.subtracting(known).sorted().last {
            throw StoreFailure(Message("server.schema_newer", ["url": .text(display), "found": .text(newer)]))
        }
        let groupDone: Int = try state[1] ?? 0
        let registered: Bool = try state[2] ?? false
        return done.isSuperset(of: known) && groupDone >= PostgresGroup.migrations.count && registered
    }
}

/// What differs between the SQLite the store's (and plugins') SQL is written
/// for and PostgreSQL.
enum PostgresDialect {
    /// Table definitions written with SQLite's types, as PostgreSQL statements: `INTEGER PRIMARY KEY`
    /// becomes an identity column (a row given its id keeps it: copies), `INTEGER` BIGINT, `TEXT`
    /// binary-ordered text (`COLLATE "C"`: ranges and order by code point, as SQLite compares),
    /// and `WITHOUT ROWID`/`AUTOINCREMENT` go.
    static func tables(_ sql: String) -> [String] {
        statements(translate(sql))
    }

    static func translate(_ sql: String) -> String {
        var s = sql
        for (from, to) in [("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER PRIMARY KEY"),
                           ("INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
                           (" INTEGER", " BIGINT"), (" TEXT", " TEXT COLLATE \"C\""), (" WITHOUT ROWID", "")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return s
    }

    /// Splits a script on `;` at the end of a line (no statement of the schema has one inside).
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

import Foundation
