import Foundation
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// Capability 8: events beyond repair orders (appointments booked, arrived,
/// no-show; payments; complaints; customer erase) reach compiled plugins and
/// run-time plugins alike, with the payloads docs/plugins.md documents.
@Suite struct PluginEventDeliveryTests {
    private struct Listener: LanePlugin {
        var manifest: PluginManifest { PluginManifest(name: "listener", version: "1", summary: "hears things") }
        func handle(_ event: DomainEvent, _ ctx: any PluginContext) throws -> [String] {
            switch event {
            case .appointmentStep(let a, let step): return ["\(event.name) \(a.number) \(step)"]
            case .complaintOpened(let c): return ["\(event.name) \(c.text)"]
            case .customerErased(let code): return ["\(event.name) \(code)"]
            case .repairOrderStep(let o, let step) where !event.payments.isEmpty:
                return ["\(event.name) \(o.number) \(step): " + event.payments.map { "\($0.kind.rawValue) \($0.method.rawValue) \($0.amount.fen)" }.joined(separator: ", ")]
            default: return []
            }
        }
    }

    /// Two appointments booked; the first arrives, the second is a no-show.
    static func appointments(_ s: TestShell) throws -> [String] {
        [try s.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 常规保养"),
         try s.expectOK("appt book 粤B82396 --at 2026-11-23T15:00 --job 常规保养"),
         try { try s.expectOK("clock set 2026-11-23T13:55"); return try s.expectOK("appt arrive AP-20261123-001") }(),
         try { try s.expectOK("clock set 2026-11-23T16:00"); return try s.expectOK("appt no-show AP-20261123-002") }()]
    }

    @Test func compiledPluginsHearAppointmentsPaymentsComplaintsAndErasure() throws {
        let s = try TestShell(seeded: true, plugins: [Listener()])
        let said = try Self.appointments(s)
        #expect(said[0].contains("note: listener: appointment.book AP-20261123-001 book"), "\(said[0])")
        #expect(said[2].contains("note: listener: appointment.arrive AP-20261123-001 arrive"), "\(said[2])")
        #expect(said[3].contains("note: listener: appointment.no-show AP-20261123-002 no-show"), "\(said[3])")
        #expect(try s.expectOK("complaint open C0002 --text 等待时间太长").contains("note: listener: complaint.open 等待时间太长"))

        let paying = try TestShell(seeded: true, plugins: [Listener()])
        try PaymentCommandTests.delivered(paying)
        try paying.expectOK("set user 莫霞")
        #expect(try paying.expectOK("ro deposit --method wechat --amount 100").contains("note: listener: repair_order.deposit RO-20261123-0001 deposit: deposit wechat 10000"))
        try paying.expectOK("set user 薛淑芬")
        try paying.expectOK("ro settle --signed-by 卢文博")
        try paying.expectOK("set user 莫霞")
        let paid = try paying.expectOK("ro pay --split wechat:100,cash --tendered 60 --invoice 04400124")
        #expect(paid.contains("note: listener: repair_order.pay RO-20261123-0001 pay: payment wechat 10000, payment cash 5312"), "\(paid)")

        let erasing = try TestShell(user: "admin", seeded: true, plugins: [Listener()])
        #expect(try erasing.expectOK("customer erase C0002 --confirm C0002").contains("note: listener: customer.erase C0002"))
        // A refused erasure tells nobody.
        #expect(!(try erasing.expectRefused("customer erase C0003 --confirm C0002")).contains("listener"))
    }

    /// A run-time plugin in sh that logs every event request it hears, one line each.
    static func eventLogger(_ log: String, events: String) -> String {
        let describe = #"{"protocol":1,"name":"ev","version":"1","summary":"hears","commands":[{"noun":"ev","verb":"go","summary":"Go"}],"events":\#(events)}"#
        return """
            req=$(cat)
            case "$req" in
            *'"request":"describe"'*) printf '%s\\n' '\(describe)' ;;
            *'"request":"event"'*) printf '%s\\n' "$req" >> '\(log)'; echo '{"protocol":1,"message":"heard"}' ;;
            *) echo '{"protocol":1,"text":"go"}' ;;
            esac
            """
    }

    static func heard(_ log: String) throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: log) else { return [] }
        return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    @Test func runTimePluginsHearTheEventsTheyAskForAfterTheCommit() throws {
        let dir = try PluginTrustTests.emptyFolder()
        let log = dir + ".log"
        try PluginTrustTests.plugin(dir, "ev", Self.eventLogger(log, events: #"["appointment.*","repair_order.pay","repair_order.deposit","complaint.open","customer.erase"]"#))
        let s = try TestShell(seeded: true, runtimeDirectory: dir)
        #expect(s.pluginMessages.isEmpty, "\(s.pluginMessages)")
        let said = try Self.appointments(s)
        #expect(said.allSatisfy { $0.contains("note: ev: heard") }, "\(said)")
        try s.expectOK("complaint open C0002 --text 等待时间太长，电话13812345678")
        var events = try Self.heard(log)
        #expect(events.map { ($0["event"] as? [String: Any])?["name"] as? String } ==
                ["appointment.book", "appointment.book", "appointment.arrive", "appointment.no-show", "complaint.open"])
        let book = try #require(events.first?["event"] as? [String: Any])
        let appointment = try #require(book["appointment"] as? [String: Any])
        #expect(appointment["number"] as? String == "AP-20261123-001" && appointment["plate"] as? String == "粤B27DP2"
                && appointment["customer"] as? String != nil && appointment["start"] as? String == "2026-11-23T14:00:00+08:00")
        #expect(events.first?["request"] as? String == "event" && (events.first?["context"] as? [String: Any])?["user"] as? String == "薛淑芬")
        let complaint = try #require((events.last?["event"] as? [String: Any])?["complaint"] as? [String: Any])
        #expect(complaint["customer"] as? String == "C0002" && (complaint["text"] as? String)?.contains("等待时间太长") == true)
        // The opening of a repair order (the arrival's) was not asked for, so not sent.
        #expect(!events.contains { ($0["event"] as? [String: Any])?["name"] as? String == "repair_order.open" })

        // Payments, with their amounts in fen.
        try? FileManager.default.removeItem(atPath: log)
        let paying = try TestShell(seeded: true, runtimeDirectory: dir)
        try PaymentCommandTests.settled(paying)
        try paying.expectOK("ro pay --split wechat:100,cash --tendered 160 --invoice 04400124")
        events = try Self.heard(log)
        let pay = try #require(events.first { ($0["event"] as? [String: Any])?["name"] as? String == "repair_order.pay" }?["event"] as? [String: Any])
        let payments = try #require(pay["payments"] as? [[String: Any]])
        #expect(payments.map { $0["method"] as? String } == ["wechat", "cash"] && payments.map { $0["amount_fen"] as? Int } == [10_000, 15_312])
        #expect(payments.last?["tendered_fen"] as? Int == 16_000 && payments.first?["by"] as? String == "莫霞")
        #expect((pay["order"] as? [String: Any])?["number"] as? String == "RO-20261123-0001")
        #expect(events.count == 1, "only what it asked for: \(events.count) events")

        // A customer's erasure names the code, so the plugin can erase what it keeps elsewhere.
        try? FileManager.default.removeItem(atPath: log)
        let erasing = try TestShell(user: "admin", seeded: true, runtimeDirectory: dir)
        #expect(try erasing.expectOK("customer erase C0002 --confirm C0002").contains("note: ev: heard"))
        #expect(try Self.heard(log).map { ($0["event"] as? [String: Any])?["customer"] as? [String: String] } == [["code": "C0002"]])
        // A refused command sends nothing.
        try? FileManager.default.removeItem(atPath: log)
        try erasing.expectRefused("customer erase C0003 --confirm C0002")
        #expect(try Self.heard(log).isEmpty)
    }

    @Test func eventsAreCheckedStrictlyAndAnEventCannotChangeAnything() throws {
        let bad = RuntimePluginTests.describe("odd").dropLast() + #","events":["repair.open"]}"#
        let s = try RuntimePluginTests.shell([("odd", String(bad), "true")])
        #expect(s.pluginMessages.first?.contains("events[0]: 'repair.open' is not an event") == true, "\(s.pluginMessages)")
        let notAList = RuntimePluginTests.describe("odd").dropLast() + #","events":"appointment.book"}"#
        let s2 = try RuntimePluginTests.shell([("odd", String(notAList), "true")])
        #expect(s2.pluginMessages.first?.contains("events") == true, "\(s2.pluginMessages)")

        // An answer to an event that asks for commands is a note; the booking stands.
        let describe = RuntimePluginTests.describe("pushy").dropLast() + #","events":["appointment.book"]}"#
        let s3 = try RuntimePluginTests.shell([("pushy", String(describe), #"echo '{"protocol":1,"commands":["customer edit C0002 --address x"]}'"#)])
        let booked = try s3.expectOK("appt book 粤B27DP2 --at 2026-11-23T14:00 --job 常规保养")
        #expect(booked.contains("pushy failed after the command was kept") && booked.contains("commands"), "\(booked)")
        #expect(try s3.expectOK("appt list --on 2026-11-23").contains("粤B27DP2"))
        #expect(!(try s3.expectOK("customer show C0002")).contains("address  x"))
    }
}
