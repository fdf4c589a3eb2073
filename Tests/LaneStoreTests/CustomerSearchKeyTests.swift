import GRDB
import LaneCore
import Testing
@testable import LaneStore

/// v19: the search keys of customers stored before it are written by the
/// migration itself, and `customers(matching:)` reads them through indexes.
@Suite struct CustomerSearchKeyTests {
    @Test func v19WritesTheKeysOfCustomersAlreadyStored() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v16 row seals")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO customer (number, name, phone, phone_reversed, created_at) VALUES
                    (1, '曾国藩', '13900000001', '10000000931', 0), (2, '欧阳晓峰', '13900000002', '20000000931', 0)
                """)
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let keys = try String.fetchAll(db, sql: "SELECT key FROM customer_search_key WHERE customer_id = 1")
            for key in ["zgf", "gf", "国藩", "曾国藩", "zengguofan", "guofan"] { #expect(keys.contains(key), "\(key)") }
            #expect(!keys.contains("cengguofan"), "曾 as a surname is Zeng")
            #expect(try String.fetchAll(db, sql: "SELECT sort_key FROM customer ORDER BY sort_key") == ["ou yang xiao feng", "zeng guo fan"])
            let tx = SQLiteTransaction(db: db)
            #expect(try tx.customers(matching: "oyxf", limit: 10).map(\.name) == ["欧阳晓峰"])
        }
    }

    @Test func aSearchIsAnIndexRangeNotAScan() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let plan = try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id FROM customer
                WHERE id IN (SELECT customer_id FROM customer_search_key WHERE key >= 'oy' AND key < 'oz' LIMIT 80)
                ORDER BY sort_key, number LIMIT 10
                """).map { $0["detail"] as String }
            #expect(plan.contains { $0.contains("SEARCH customer_search_key USING PRIMARY KEY") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN customer") && !$0.contains("search_key") }, "\(plan)")
        }
    }
}
