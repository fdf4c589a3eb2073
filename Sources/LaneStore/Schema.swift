import GRDB

/// The schema, as versioned migrations. Never edit a shipped migration:
/// add a new one, so every dealer's file upgrades the same way.
enum Schema {
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
        return migrator
    }
}
