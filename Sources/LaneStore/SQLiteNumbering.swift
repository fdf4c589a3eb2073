import GRDB
import LaneCore

extension SQLiteTransaction {
    /// One statement, so the read and the increment cannot be split by
    /// another writer (SQLite has one writer; a server database would use a
    /// row lock or a sequence).
    func allocateNumber(in series: NumberSeries) throws -> Int {
        guard let n = try fetchValue(Int.self, sql: """
            INSERT INTO number_series (series, last) VALUES (?, 1)
            ON CONFLICT(series) DO UPDATE SET last = last + 1 RETURNING last
            """, arguments: [series.key]) else { throw StoreFailure(Message("store.number_series_stuck", ["series": .text(series.key)])) }
        return n
    }

    func claimNumber(_ number: Int, in series: NumberSeries) throws {
        try execute(sql: """
            INSERT INTO number_series (series, last) VALUES (?, ?)
            ON CONFLICT(series) DO UPDATE SET last = MAX(last, excluded.last)
            """, arguments: [series.key, number])
    }
}
