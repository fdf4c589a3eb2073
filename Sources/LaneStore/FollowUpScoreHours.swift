import LaneCore

/// `followup list`'s summary (v46): the satisfaction scores of a period's calls, kept per hour by triggers
/// on the calls, so that a month's summary reads 720 rows instead of every call's index entry (160,000 at 1M
/// vehicles, 8 ms, and more for a longer period). An hour is the unit because a store's days start on the hour
/// in its time zone; a period that starts or ends within an hour reads that part from the calls' index. The
/// table is each store's own (`CopyOrder.ownToEachStore`): a copy's calls fill it as they go in.
public enum FollowUpScoreHours {
    /// The table and its sums from the calls as they stand. SQLite's types; `PostgresDialect` makes them the server's.
    public static let table = """
        CREATE TABLE follow_up_score_hour (
            hour INTEGER PRIMARY KEY,
            scored INTEGER NOT NULL,
            total INTEGER NOT NULL
        );
        INSERT INTO follow_up_score_hour (hour, scored, total)
            SELECT at / 3600, COUNT(score), SUM(score) FROM follow_up WHERE score IS NOT NULL GROUP BY at / 3600;
        """

    /// The whole hours [first, last) (`?`: hour numbers, seconds / 3600).
    public static let hoursSQL = "SELECT CAST(COALESCE(SUM(scored), 0) AS BIGINT), CAST(COALESCE(SUM(total), 0) AS BIGINT) "
        + "FROM follow_up_score_hour WHERE hour >= ? AND hour < ?"

    /// The scores of [from, to): the whole hours from the kept sums, the parts of an hour at either end from the
    /// calls (`StoreBackendSupport.followUpScoresSQL`, through `calls`).
    public static func scores(from: Timestamp, to: Timestamp, hours: (Int64, Int64) throws -> (scored: Int, total: Int),
                              calls: (Timestamp, Timestamp) throws -> (scored: Int, total: Int)) throws -> (scored: Int, total: Int) {
        let (a, b) = (from.secondsSince1970, to.secondsSince1970)
        let first = (a + 3_599) / 3_600, last = b / 3_600
        guard a >= 0, first < last else { return a < b ? try calls(from, to) : (0, 0) }
        var sum = try hours(first, last)
        for (x, y) in [(a, first * 3_600), (last * 3_600, b)] where x < y {
            let part = try calls(Timestamp(secondsSince1970: x), Timestamp(secondsSince1970: y))
            sum = (sum.scored + part.scored, sum.total + part.total)
        }
        return sum
    }

    static let sqliteTriggers = """
        CREATE TRIGGER follow_up_scored AFTER INSERT ON follow_up WHEN NEW.score IS NOT NULL BEGIN \(add("NEW")) END;
        CREATE TRIGGER follow_up_unscored AFTER DELETE ON follow_up WHEN OLD.score IS NOT NULL BEGIN \(remove("OLD")) END;
        CREATE TRIGGER follow_up_rescored_old AFTER UPDATE OF score, at ON follow_up WHEN OLD.score IS NOT NULL BEGIN \(remove("OLD")) END;
        CREATE TRIGGER follow_up_rescored_new AFTER UPDATE OF score, at ON follow_up WHEN NEW.score IS NOT NULL BEGIN \(add("NEW")) END;
        """

    /// PostgreSQL's: one row trigger and its function, which keeps its schema's search path (as the KPI day marks').
    public static let postgresTriggers: [String] = [
        """
        CREATE FUNCTION lane_follow_up_scored() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD.score IS NOT NULL THEN \(remove("OLD")) END IF;
            IF TG_OP <> 'DELETE' AND NEW.score IS NOT NULL THEN \(add("NEW")) END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER follow_up_scored AFTER INSERT OR DELETE OR UPDATE OF score, at ON follow_up
            FOR EACH ROW EXECUTE FUNCTION lane_follow_up_scored()
        """,
    ]

    private static func add(_ row: String) -> String {
        """
        INSERT INTO follow_up_score_hour (hour, scored, total) VALUES (\(row).at / 3600, 1, \(row).score)
            ON CONFLICT (hour) DO UPDATE SET scored = follow_up_score_hour.scored + 1, total = follow_up_score_hour.total + excluded.total;
        """
    }

    private static func remove(_ row: String) -> String {
        "UPDATE follow_up_score_hour SET scored = scored - 1, total = total - \(row).score WHERE hour = \(row).at / 3600;"
    }
}
