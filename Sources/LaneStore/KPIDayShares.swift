import LaneCore

/// The kept day shares of the store's figures (v44, `KPIDay`): `today` works out the service manager's month
/// so far by adding up a share per day instead of reading every order of the month (0.6 s at 1M vehicles).
///
/// A share stands only while nothing it was worked out from has changed. Triggers on every table the figures
/// read draw a new mark for each UTC day a changed row's times fall on (an order's opening and delivery, a
/// call's time…), whoever makes the change: a desk, a plugin, an erasure, a copy. A share keeps the marks of
/// the UTC days its local day overlaps, as they were when its facts were read (in the same transaction), so a
/// change made after the read, by any desk, leaves the share unlike the marks and it is worked out again.
/// Triggers rather than the store's Swift code for the same reason as `DeclineCounts`: no write can forget.
/// Both tables are each store's own (`CopyOrder.ownToEachStore`).
public enum KPIDayShares {
    /// SQLite's types; `PostgresDialect` makes them the server's. With triggers on `repair_order`, SQLite
    /// codes a check of the tables that refer to an order into every write of one (a statement that may
    /// write several rows could mend a broken reference); each is a search by an index, and complaints had none.
    public static let tables = """
        CREATE TABLE kpi_day_mark (
            utc_day INTEGER PRIMARY KEY,
            mark INTEGER NOT NULL
        );
        CREATE TABLE kpi_day (
            day TEXT PRIMARY KEY,
            marks TEXT NOT NULL,
            basis TEXT NOT NULL,
            share TEXT NOT NULL
        );
        CREATE INDEX complaint_by_order ON complaint(repair_order_id);
        """

    public static let marksSQL = "SELECT utc_day, mark FROM kpi_day_mark WHERE utc_day >= ? AND utc_day <= ?"
    public static let sharesSQL = "SELECT day, marks, basis, share FROM kpi_day WHERE day >= ? AND day <= ?"
    public static let keepSQL = """
        INSERT INTO kpi_day (day, marks, basis, share) VALUES (?, ?, ?, ?)
            ON CONFLICT (day) DO UPDATE SET marks = excluded.marks, basis = excluded.basis, share = excluded.share
        """

    /// A table whose rows the figures read, the columns an update must touch to move a mark (all: nil), the
    /// row's columns the times come from, and the times (`t`) a row stands for, with `{row.COLUMN}` for its
    /// values and `{s}` before another table's name.
    struct Watched {
        var table: String
        var updateOf: [String]?
        var columns: [String]
        var times: String
    }

    static let watched: [Watched] = [
        Watched(table: "repair_order", updateOf: nil, columns: ["opened_at", "delivered_at"],
                times: "SELECT {row.opened_at} AS t UNION ALL SELECT {row.delivered_at}"),
        // A line counts on its order's days.
        Watched(table: "repair_order_line", updateOf: nil, columns: ["repair_order_id"],
                times: "SELECT opened_at AS t FROM {s}repair_order WHERE id = {row.repair_order_id} "
                    + "UNION ALL SELECT delivered_at FROM {s}repair_order WHERE id = {row.repair_order_id}"),
        Watched(table: "appointment", updateOf: ["day", "start_at", "status", "advisor"], columns: ["start_at"],
                times: "SELECT {row.start_at} AS t"),
        Watched(table: "follow_up", updateOf: ["call", "outcome", "score", "at"], columns: ["at"], times: "SELECT {row.at} AS t"),
        Watched(table: "complaint", updateOf: ["status", "opened_at", "resolved_at"], columns: ["opened_at"], times: "SELECT {row.opened_at} AS t"),
        Watched(table: "reminder_log", updateOf: ["kind", "outcome", "at"], columns: ["at"], times: "SELECT {row.at} AS t"),
        // A back-order counts on its own day, and holds up the part lines of the car's orders open when it was
        // opened: their opening days' fill rates change.
        Watched(table: "delayed_delivery", updateOf: ["vehicle_id", "cause", "part_number", "opened_at"], columns: ["vehicle_id", "opened_at"],
                times: "SELECT {row.opened_at} AS t UNION ALL SELECT opened_at FROM {s}repair_order WHERE vehicle_id = {row.vehicle_id} "
                    + "AND opened_at <= {row.opened_at} AND (delivered_at IS NULL OR delivered_at >= {row.opened_at})"),
    ]

    /// The statement that draws a new mark for each UTC day of the times given.
    static func marking(_ w: Watched, row: (String) -> String, schema: String, draw: String) -> String {
        var times = w.times.replacing("{s}", with: schema)
        for c in w.columns { times = times.replacing("{row.\(c)}", with: row(c)) }
        return "INSERT INTO \(schema)kpi_day_mark (utc_day, mark) SELECT d, \(draw) FROM (SELECT DISTINCT t / 86400 AS d FROM (\(times)) m "
            + "WHERE t IS NOT NULL) x WHERE true ON CONFLICT (utc_day) DO UPDATE SET mark = excluded.mark"
    }

    /// SQLite's triggers: the old row's days and the new row's.
    static var sqliteTriggers: String {
        watched.map { w in
            let old = marking(w, row: { "OLD." + $0 }, schema: "", draw: "random()")
            let new = marking(w, row: { "NEW." + $0 }, schema: "", draw: "random()")
            let of = w.updateOf.map { " OF " + $0.joined(separator: ", ") } ?? ""
            return """
                CREATE TRIGGER \(w.table)_added_marks_kpi_days AFTER INSERT ON \(w.table) BEGIN \(new); END;
                CREATE TRIGGER \(w.table)_removed_marks_kpi_days AFTER DELETE ON \(w.table) BEGIN \(old); END;
                CREATE TRIGGER \(w.table)_changed_marks_kpi_days AFTER UPDATE\(of) ON \(w.table) BEGIN \(old); \(new); END;
                """
        }.joined(separator: "\n")
    }

    /// PostgreSQL's: a row trigger and its function per table. The function names the row's own schema, as
    /// v37's and v41's do (a dealer group keeps each store in a schema of its own), and draws its marks as
    /// v37 draws versions.
    public static var postgresTriggers: [String] {
        watched.flatMap { w -> [String] in
            let arguments = w.columns.indices.map { "$\($0 + 1)" }
            let sql = marking(w, row: { arguments[w.columns.firstIndex(of: $0) ?? 0] }, schema: "%1$I.", draw: "%1$I.lane_version_drawn()")
            func using(_ row: String) -> String { w.columns.map { "\(row).\($0)" }.joined(separator: ", ") }
            let of = w.updateOf.map { " OF " + $0.joined(separator: ", ") } ?? ""
            return [
                """
                CREATE FUNCTION lane_\(w.table)_marks_kpi_days() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN EXECUTE format('\(sql)', TG_TABLE_SCHEMA) USING \(using("OLD")); END IF;
                    IF TG_OP <> 'DELETE' THEN EXECUTE format('\(sql)', TG_TABLE_SCHEMA) USING \(using("NEW")); END IF;
                    RETURN NULL;
                END $$
                """,
                """
                CREATE TRIGGER \(w.table)_marks_kpi_days AFTER INSERT OR DELETE OR UPDATE\(of) ON \(w.table)
                    FOR EACH ROW EXECUTE FUNCTION lane_\(w.table)_marks_kpi_days()
                """,
            ]
        }
    }

    /// The UTC days (seconds / 86400) that a local day of the store overlaps: one or two.
    public static func utcDays(of day: CalendarDate, offset: UTCOffset) -> ClosedRange<Int64> {
        let (start, end) = KPIPeriod.day(day).bounds(in: offset)
        return start.secondsSince1970 / 86_400 ... (end.secondsSince1970 - 1) / 86_400
    }

    /// A share's marks as kept: the marks of its UTC days in order (a day never marked is 0).
    public static func marks(of day: CalendarDate, offset: UTCOffset, in marks: [Int64: Int64]) -> String {
        utcDays(of: day, offset: offset).map { String(marks[$0] ?? 0) }.joined(separator: ",")
    }

    /// What a share depends on besides its rows: the store's time zone (which day a row falls on), the days a
    /// complaint may take and the form of the share. The technicians and their hours are the month's, not a day's.
    public static func basis(_ offset: UTCOffset, _ settings: KPISettings) -> String {
        "\(KPIDay.form)|\(offset)|\(settings.complaintDays)"
    }
}

/// A share as the store keeps it (`kpi_day`): its day, the marks it was worked out at, what it stands on, the
/// share's text (`KPIDay.encoded`).
public struct KeptKPIDay: Sendable, Equatable {
    public var day: CalendarDate
    public var marks: String
    public var basis: String
    public var share: String

    public init(day: CalendarDate, marks: String, basis: String, share: String) {
        self.day = day
        self.marks = marks
        self.basis = basis
        self.share = share
    }
}
