import LaneCore

/// How many customers and vehicles the store has (v45), kept by triggers on their tables: `store show` read
/// them with `COUNT(*)`, which walks a whole index, 854,000 and 1,000,000 entries at 1M vehicles (6.5 ms on
/// SQLite, a sequential scan on PostgreSQL). Triggers, as for `DeclineCounts`, so that every insert and
/// delete counts, whoever makes it. The table is each store's own (`CopyOrder.ownToEachStore`): a copy's rows
/// count as they go in.
public enum RowCounts {
    /// The tables counted.
    static let counted = ["customer", "vehicle"]

    /// The table and its counts from the rows as they stand. SQLite's types; `PostgresDialect` makes them the
    /// server's. With a trigger on `vehicle`, SQLite codes into each new car's insert a check of the tables that
    /// refer to cars (as for orders, v44); the delayed deliveries had no index by car.
    public static let table = """
        CREATE TABLE row_count (
            name TEXT PRIMARY KEY,
            n INTEGER NOT NULL
        );
        CREATE INDEX delayed_delivery_by_vehicle ON delayed_delivery(vehicle_id);
        """ + counted.map { "\nINSERT INTO row_count (name, n) SELECT '\($0)', COUNT(*) FROM \($0);" }.joined()

    /// The count of one table (`?`: its name).
    public static let countSQL = "SELECT n FROM row_count WHERE name = ?"

    static var sqliteTriggers: String {
        counted.map { t in
            """
            CREATE TRIGGER \(t)_added_counted AFTER INSERT ON \(t) BEGIN UPDATE row_count SET n = n + 1 WHERE name = '\(t)'; END;
            CREATE TRIGGER \(t)_removed_counted AFTER DELETE ON \(t) BEGIN UPDATE row_count SET n = n - 1 WHERE name = '\(t)'; END;
            """
        }.joined(separator: "\n")
    }

    /// PostgreSQL's: a statement trigger per table with the rows it changed (transition tables), so a copy's
    /// batch of a thousand rows moves the count once. The function keeps its schema's search path, as the KPI
    /// day marks' do.
    public static var postgresTriggers: [String] {
        counted.flatMap { t -> [String] in
            [
                """
                CREATE FUNCTION lane_\(t)_counted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN UPDATE row_count SET n = n + (SELECT COUNT(*) FROM added) WHERE name = '\(t)';
                    ELSE UPDATE row_count SET n = n - (SELECT COUNT(*) FROM removed) WHERE name = '\(t)'; END IF;
                    RETURN NULL;
                END $$
                """,
                "CREATE TRIGGER \(t)_added_counted AFTER INSERT ON \(t) REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION lane_\(t)_counted()",
                "CREATE TRIGGER \(t)_removed_counted AFTER DELETE ON \(t) REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION lane_\(t)_counted()",
            ]
        }
    }
}
