import LaneCore

/// `remind reasons`' counts (v41): how many declined calls gave each reason, per kind of call, in a table
/// of their own that the reminder log's triggers keep. The analysis then reads a row per reason it shows,
/// where counting the log read every declined call ever logged: 240,000 index entries at 1M vehicles,
/// 13.8 ms a command and growing with the log (docs/performance.md, nineteenth round). Triggers rather
/// than the store's Swift code, so every change to the log moves the counts, whoever makes it: a call
/// logged, an erasure rewriting the reasons, a copy filling a store. The table is each store's own
/// (`CopyOrder.ownToEachStore`): a copy's log rows make it anew.
public enum DeclineCounts {
    /// The table, its counts from the log as it stands, and the log's index by outcome gone (it served only
    /// this count). SQLite's types; `PostgresDialect` makes them the server's. The same on every backend.
    public static let table = """
        CREATE TABLE reminder_decline_count (
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            calls INTEGER NOT NULL,
            PRIMARY KEY (kind, reason)
        ) WITHOUT ROWID;
        INSERT INTO reminder_decline_count (kind, reason, calls)
            SELECT kind, reason, COUNT(*) FROM reminder_log WHERE outcome = '\(declined)' GROUP BY kind, reason;
        DROP INDEX reminder_log_by_outcome;
        """

    /// The counts, in no particular order (`ReminderRegister.ranked` orders them). A reason no longer
    /// given by any call has no row: the triggers delete a count that reaches nought.
    public static let countsSQL = "SELECT kind, reason, calls FROM reminder_decline_count"

    /// SQLite's triggers: a declined call counted when it is logged, uncounted when it goes, and both
    /// when its kind, outcome or reason changes (an erasure's rewrite).
    static let sqliteTriggers = """
        CREATE TRIGGER reminder_log_declined_counted AFTER INSERT ON reminder_log
            WHEN NEW.outcome = '\(declined)' BEGIN \(count("NEW")) END;
        CREATE TRIGGER reminder_log_declined_uncounted AFTER DELETE ON reminder_log
            WHEN OLD.outcome = '\(declined)' BEGIN \(uncount("OLD")) END;
        CREATE TRIGGER reminder_log_change_uncounts AFTER UPDATE OF kind, outcome, reason ON reminder_log
            WHEN OLD.outcome = '\(declined)' BEGIN \(uncount("OLD")) END;
        CREATE TRIGGER reminder_log_change_counts AFTER UPDATE OF kind, outcome, reason ON reminder_log
            WHEN NEW.outcome = '\(declined)' BEGIN \(count("NEW")) END;
        """

    /// PostgreSQL's: one row trigger and its function. The function names the log's own schema, as v37's
    /// do: a dealer group keeps each store in a schema of its own.
    public static let postgresTriggers: [String] = [
        """
        CREATE FUNCTION lane_decline_counted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD.outcome = '\(declined)' THEN
                EXECUTE format('UPDATE %I.reminder_decline_count SET calls = calls - 1 WHERE kind = $1 AND reason = $2', TG_TABLE_SCHEMA)
                    USING OLD.kind, OLD.reason;
                EXECUTE format('DELETE FROM %I.reminder_decline_count WHERE kind = $1 AND reason = $2 AND calls <= 0', TG_TABLE_SCHEMA)
                    USING OLD.kind, OLD.reason;
            END IF;
            IF TG_OP <> 'DELETE' AND NEW.outcome = '\(declined)' THEN
                EXECUTE format('INSERT INTO %I.reminder_decline_count AS c (kind, reason, calls) VALUES ($1, $2, 1) '
                               'ON CONFLICT (kind, reason) DO UPDATE SET calls = c.calls + 1', TG_TABLE_SCHEMA)
                    USING NEW.kind, NEW.reason;
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER reminder_log_counts_declines AFTER INSERT OR DELETE OR UPDATE OF kind, outcome, reason ON reminder_log
            FOR EACH ROW EXECUTE FUNCTION lane_decline_counted()
        """,
    ]

    private static let declined = ReminderOutcome.declined.rawValue

    private static func count(_ row: String) -> String {
        """
        INSERT INTO reminder_decline_count (kind, reason, calls) VALUES (\(row).kind, \(row).reason, 1)
            ON CONFLICT (kind, reason) DO UPDATE SET calls = calls + 1;
        """
    }

    private static func uncount(_ row: String) -> String {
        """
        UPDATE reminder_decline_count SET calls = calls - 1 WHERE kind = \(row).kind AND reason = \(row).reason;
        DELETE FROM reminder_decline_count WHERE kind = \(row).kind AND reason = \(row).reason AND calls <= 0;
        """
    }
}
