import GRDB
import LaneCore

extension SQLiteTransaction {
    /// By the primary key (document, reference, copy): one order's prints of one document.
    func prints(document: String, reference: String) throws -> [PrintRecord] {
        try Row.fetchAll(db, sql: """
            SELECT document, reference, copy, format, printed_by, printed_at FROM print_log
            WHERE document = ? AND reference = ? ORDER BY copy
            """, arguments: [document, reference]).map { row in
            PrintRecord(document: row[0], reference: row[1], copy: row[2], format: row[3], printedBy: row[4],
                        printedAt: Timestamp(secondsSince1970: row[5]))
        }
    }

    func appendPrint(_ r: PrintRecord) throws {
        try db.execute(sql: """
            INSERT INTO print_log (document, reference, copy, format, printed_by, printed_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [r.document, r.reference, r.copy, r.format, r.printedBy, r.printedAt.secondsSince1970])
    }
}
