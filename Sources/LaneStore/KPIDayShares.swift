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

    /// A table whose rows the figures read: the row's columns the times come from, the times (`t`) a row
    /// stands for (`{row.COLUMN}` for its values, `{s}` before another table's name), and for an update the
    /// changes that matter, as conditions on `{old}` and `{new}` (`{ne}`: the backend's null-safe "differs";
    /// nil: any update). Only what the figures read is watched: an order's steps change its status and
    /// times all day, and a mark drawn for each cost 6 % of a lifecycle's instructions (docs/performance.md,
    /// twentieth round). The columns are those `KPIDefinitions` reads; a definition that reads another
    /// must name it here and move `KPIDay.form`.
    struct Watched {
        var table: String
        var columns: [String]
        var times: String
        var changes: [String]?

        /// The columns an update must touch for `changes` to be asked.
        var updateOf: [String]? {
            changes.map { c in
                var names: [String] = []
                for change in c {
                    // Each `{new}.COLUMN` the conditions name, once.
                    for part in change.split(separator: "{new}.", omittingEmptySubsequences: false).dropFirst() {
                        let name = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                        if !names.contains(name) { names.append(name) }
                    }
                }
                return names
            }
        }
    }

    /// `{old}.c {ne} {new}.c`: the column's value changed.
    static func differs(_ columns: String...) -> [String] { columns.map { "{old}.\($0) {ne} {new}.\($0)" } }

    static let watched: [Watched] = [
        // Opened and not cancelled, delivered, promised, by appointment, waiting, discounted, a comeback, whose car.
        Watched(table: "repair_order", columns: ["opened_at", "delivered_at"],
                times: "SELECT {row.opened_at} AS t UNION ALL SELECT {row.delivered_at}",
                changes: ["({old}.status = 'cancelled') <> ({new}.status = 'cancelled')"]
                    + differs("opened_at", "delivered_at", "promised_at", "appointment_id", "checkin_customer_waits", "discount_fen",
                              "comeback_of", "vehicle_id")),
        // A line counts on its order's days. (SQLite writes a changed line as a new row: only its insert fires.)
        Watched(table: "repair_order_line", columns: ["repair_order_id"],
                times: "SELECT opened_at AS t FROM {s}repair_order WHERE id = {row.repair_order_id} "
                    + "UNION ALL SELECT delivered_at FROM {s}repair_order WHERE id = {row.repair_order_id}",
                changes: differs("kind", "code", "hours", "quantity", "unit_fen", "payer", "origin", "approval", "worked_minutes")),
        Watched(table: "appointment", columns: ["start_at"], times: "SELECT {row.start_at} AS t", changes: differs("start_at", "status")),
        Watched(table: "follow_up", columns: ["at"], times: "SELECT {row.at} AS t", changes: differs("call", "outcome", "score", "at")),
        Watched(table: "complaint", columns: ["opened_at"], times: "SELECT {row.opened_at} AS t", changes: differs("opened_at", "resolved_at")),
        Watched(table: "reminder_log", columns: ["at"], times: "SELECT {row.at} AS t", changes: differs("kind", "outcome", "at")),
        // A back-order counts on its own day, and holds up the part lines of the car's orders open when it was
        // opened: their opening days' fill rates change.
        Watched(table: "delayed_delivery", columns: ["vehicle_id", "opened_at"],
                times: "SELECT {row.opened_at} AS t UNION ALL SELECT opened_at FROM {s}repair_order WHERE vehicle_id = {row.vehicle_id} "
                    + "AND opened_at <= {row.opened_at} AND (delivered_at IS NULL OR delivered_at >= {row.opened_at})",
                changes: differs("vehicle_id", "cause", "part_number", "opened_at")),
    ]

    /// The statement that draws a new mark for each UTC day of the times given. SQLite's upsert takes a day
    /// twice in one statement (the second finds the first); PostgreSQL's does not, so there the days are
    /// made distinct first (SQLite would build a temporary table for it at every firing).
    static func marking(_ w: Watched, row: (String) -> String, schema: String, draw: String, distinct: Bool) -> String {
        var times = w.times.replacing("{s}", with: schema)
        for c in w.columns { times = times.replacing("{row.\(c)}", with: row(c)) }
        let days = distinct ? "SELECT d, \(draw) FROM (SELECT DISTINCT t / 86400 AS d FROM (\(times)) m WHERE t IS NOT NULL) x WHERE true"
            : "SELECT t / 86400, \(draw) FROM (\(times)) m WHERE t IS NOT NULL"
        return "INSERT INTO \(schema)kpi_day_mark (utc_day, mark) \(days) ON CONFLICT (utc_day) DO UPDATE SET mark = excluded.mark"
    }

    /// The condition an update must meet, for a backend's `{ne}`.
    static func when(_ w: Watched, ne: String) -> String? {
        w.changes.map { c in
            c.map { $0.replacing("{old}", with: "OLD").replacing("{new}", with: "NEW").replacing("{ne}", with: ne) }.joined(separator: " OR ")
        }
    }

    /// SQLite's triggers: the old row's days and the new row's.
    static var sqliteTriggers: String {
        watched.map { w in
            let old = marking(w, row: { "OLD." + $0 }, schema: "", draw: "random()", distinct: false)
            let new = marking(w, row: { "NEW." + $0 }, schema: "", draw: "random()", distinct: false)
            let of = w.updateOf.map { " OF " + $0.joined(separator: ", ") } ?? ""
            let condition = when(w, ne: "IS NOT").map { " WHEN " + $0 } ?? ""
            return """
                CREATE TRIGGER \(w.table)_added_marks_kpi_days AFTER INSERT ON \(w.table) BEGIN \(new); END;
                CREATE TRIGGER \(w.table)_removed_marks_kpi_days AFTER DELETE ON \(w.table) BEGIN \(old); END;
                CREATE TRIGGER \(w.table)_changed_marks_kpi_days AFTER UPDATE\(of) ON \(w.table)\(condition) BEGIN \(old); \(new); END;
                """
        }.joined(separator: "\n")
    }

    /// PostgreSQL's: a function per table and two row triggers (an update's has its condition, which an
    /// insert's cannot). The function keeps the search path it was made with, its store's schema (a dealer
    /// group keeps each store in a schema of its own), so its statements are planned once per session and
    /// still reach that store's tables whatever path the writing session has; v41's `EXECUTE format(…)` plans
    /// at every firing, which an order's every step would pay. Marks are drawn as v37 draws versions.
    public static var postgresTriggers: [String] {
        watched.flatMap { w -> [String] in
            let old = marking(w, row: { "OLD." + $0 }, schema: "", draw: "lane_version_drawn()", distinct: true)
            let new = marking(w, row: { "NEW." + $0 }, schema: "", draw: "lane_version_drawn()", distinct: true)
            let of = w.updateOf.map { " OF " + $0.joined(separator: ", ") } ?? ""
            let condition = when(w, ne: "IS DISTINCT FROM").map { " WHEN (" + $0 + ")" } ?? ""
            return [
                """
                CREATE FUNCTION lane_\(w.table)_marks_kpi_days() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN \(old); END IF;
                    IF TG_OP <> 'DELETE' THEN \(new); END IF;
                    RETURN NULL;
                END $$
                """,
                """
                CREATE TRIGGER \(w.table)_marks_kpi_days AFTER INSERT OR DELETE ON \(w.table)
                    FOR EACH ROW EXECUTE FUNCTION lane_\(w.table)_marks_kpi_days()
                """,
                """
                CREATE TRIGGER \(w.table)_changed_marks_kpi_days AFTER UPDATE\(of) ON \(w.table)
                    FOR EACH ROW\(condition) EXECUTE FUNCTION lane_\(w.table)_marks_kpi_days()
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
