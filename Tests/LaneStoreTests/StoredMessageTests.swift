import Foundation
import GRDB
import Testing
import LaneCore
@testable import LaneStore

/// A timeline row keeps its message as code and typed arguments, read back
/// whole, and v26 converts the older rows it can read.
@Suite struct StoredMessageTests {
    @Test func everyKindOfArgumentComesBackAsItWent() throws {
        let m = Message("repair_order.settled", [
            "text": .text("刹车 \"异响\" {x}"), "n": .int(-3), "money": .money(Money(fen: 29606)),
            "date": .date(try #require(CalendarDate(parsing: "2026-11-25"))), "time": .time(Timestamp(secondsSince1970: 1_795_000_000)),
            "role": .role(.cashier), "code": .code("payment", "wechat"), "list": .list([.text("a"), .int(1)]),
            "lines": .lines([.text("b")]), "nested": .message(Message("repair_order.warning", ["text": .text("注意")])),
        ])
        let encoded = StoredMessage.encode(m)
        let text = try #require(encoded)
        #expect(StoredMessage.decode(text) == m)
        #expect(StoredMessage.decode("not json") == nil)
        #expect(StoredMessage.decode(#"{"code":"x","arguments":{"a":{"teleport":1}}}"#) == nil)
    }

    @Test func v26ConvertsTheOpeningRowsOfAnOlderStore() throws {
        // Rows of an order the test does not make: foreign keys off, so nothing checks them.
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(configuration: config)
        try Schema.migrator.migrate(queue, upTo: "v21 print log")
        // The rows as an older lane wrote them, whatever else the store holds.
        let columns = try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(repair_order_event)").map { $0["name"] as String } }
        #expect(!columns.contains("message"))
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO repair_order_event (repair_order_id, at, by, kind, detail) VALUES
                    (7, 0, '薛淑芬', 'open', 'opened for 粤B27DP2 by 薛淑芬'),
                    (7, 60, '薛淑芬', 'sign', 'work order signed [reception → signed]');
                """)
        }
        try Schema.migrator.migrate(queue)
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT kind, detail, message FROM repair_order_event ORDER BY id") }
        let stored = try #require(rows[0]["message"] as String?)
        let opened = try #require(StoredMessage.decode(stored))
        #expect(opened == Message("repair_order.timeline.opened", ["plate": .text("粤B27DP2"), "user": .text("薛淑芬")]))
        #expect(MessageCatalog.chinese.render(opened) == "薛淑芬 为 粤B27DP2 开单")
        // Prose it cannot read keeps its words; its status move is read in words anyway.
        #expect(rows[1]["message"] as String? == nil)
        #expect(rows[1]["detail"] as String == "work order signed [reception → signed]")
    }
}
