import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import ServiceDepartment

/// The due list read through the reminder schedule is the list the rules give from every
/// vehicle's whole history (the old computation), on a generated fleet, on several days,
/// paged or not, and after calls are logged.
@Suite struct ReminderScheduleTests {
    /// A small deterministic generator (the same fleet every run).
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func vin(_ serial: Int) -> String {
        let values: [Character: Int] = Dictionary(uniqueKeysWithValues: zip("0123456789", 0...9).map { ($0, $1) }
            + zip("ABCDEFGH", 1...8).map { ($0, $1) } + [("J", 1), ("K", 2), ("L", 3), ("M", 4), ("N", 5), ("P", 7), ("R", 9),
                                                          ("S", 2), ("T", 3), ("U", 4), ("V", 5), ("W", 6), ("X", 7), ("Y", 8), ("Z", 9)])
        let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        var body = Array("LXHA55K20TG" + String(100_000 + serial))
        let sum = zip(body, weights).reduce(0) { $0 + (values[$1.0] ?? 0) * $1.1 }
        body[8] = sum % 11 == 10 ? "X" : Character(String(sum % 11))
        return String(body)
    }

    /// 400 vehicles with sales, visits of every kind, lost customers, calls logged and a campaign.
    static func generatedFleet() throws -> (TestShell, Caller) {
        let shell = try TestShell(seeded: true)
        var dice = Dice(state: 18)
        let today = CalendarDate(year: 2026, month: 11, day: 23)!
        try shell.store.write { (tx: any StoreWriting) throws in
            for i in 0..<400 {
                let fields = try CustomerFields.validate(name: "测试" + String(["甲", "乙", "丙", "丁"][i % 4]), phone: "137\(String(10_000_000 + i))",
                                                         address: nil).get()
                let owner = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: TestShell.demoNow)
                let sold = today.adding(days: -(1 + dice.next(2000)))
                let v = try tx.insertVehicle(try VehicleFields.validate(vin: vin(i), plate: "粤C" + String(10_000 + i),
                                                                         model: ["星河 S5 1.5T", "星河 EV6"][i % 2], sold: sold.description,
                                                                         mileage: "20", today: today).get(), ownerID: owner.id, at: TestShell.demoNow)
                try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: sold, mileage: 20, detail: "sold", at: TestShell.demoNow, by: "admin")
                var day = sold
                var km = 20
                let rate = 10 + dice.next(100)
                let kinds: [VisitKind] = [.firstService, .regularService, .regularService, .repair, .accident, .other]
                for _ in 0..<dice.next(8) {
                    day = day.adding(days: 20 + dice.next(200))
                    if day > today { break }
                    km += rate * 60
                    try tx.appendEvent(vehicleID: v.id, kind: .visit, visitKind: kinds[dice.next(kinds.count)], on: day,
                                       mileage: dice.next(5) == 0 ? nil : km, detail: "visit", at: TestShell.demoNow, by: "admin")
                }
            }
            _ = try tx.insertCampaign(ServiceCampaign(code: "UPG-EV6", kind: .upgrade, title: "电池管理软件", models: ["星河 EV6"], vinPrefix: nil,
                                                      startsOn: today.adding(days: -30), endsOn: today.adding(days: 30)))
        }
        let caller = Caller(user: "顾静", role: .customerService, now: TestShell.demoNow, settings: try shell.session.settings(), request: "test")
        return (shell, caller)
    }

    /// The old computation: every vehicle, every history, the whole log.
    static func everyVehicle(on day: CalendarDate, _ caller: Caller, _ tx: any StoreReading) throws -> [DueReminder] {
        ReminderRegister.due(on: day, offset: caller.settings.utcOffset, vehicles: try tx.allVehicles(), history: try tx.allEvents().mapValues { $0.map(ServiceHistoryEntry.init) },
                             log: try tx.reminderLog(vehicleID: nil).map(\.call), campaigns: try tx.campaigns(), delays: try tx.delayedDeliveries(openOnly: true),
                             stock: [:], otherCalls: [])
    }

    @Test func theScheduleGivesTheListOfTheWholeHistory() throws {
        let (shell, caller) = try Self.generatedFleet()
        let today = caller.today
        func compare(_ note: String) throws {
            try shell.store.read { (tx: any StoreReading) throws in
                for offset in [0, 1, 3, 10, 45, 200, 800] {
                    let day = today.adding(days: offset)
                    let full = try Self.everyVehicle(on: day, caller, tx)
                    #expect(!full.isEmpty)
                    #expect(try ReminderDesk.dueReminders(on: day, by: caller, tx) == full, "\(note), \(day)")
                    for limit in [1, 7, 40, Int.max] {
                        #expect(try ReminderDesk.dueReminders(on: day, limit: limit, by: caller, tx) == Array(full.prefix(limit)), "\(note), \(day), \(limit)")
                    }
                    for kind in ReminderKind.allCases {
                        #expect(try ReminderDesk.dueReminders(on: day, kind: kind, limit: 15, by: caller, tx)
                                == Array(full.filter { $0.reminder.kind == kind }.prefix(15)), "\(note), \(day), \(kind)")
                    }
                }
            }
        }
        try compare("as generated")
        // Calls logged: some booked, some declined, some unanswered (those stay on the list).
        let due = try shell.store.read { try Self.everyVehicle(on: today, caller, $0) }
        try shell.store.write { (tx: any StoreWriting) throws in
            for (i, item) in due.enumerated() where i % 3 != 2 {
                let outcome: ReminderOutcome = [.booked, .declined, .unreachable][i % 3 == 0 ? (i / 3) % 3 : 1]
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: item.vehicle.id, kind: item.reminder.kind, dueOn: item.reminder.dueOn,
                                                          outcome: outcome, reason: "test", at: TestShell.demoNow, by: "顾静",
                                                          reference: item.reference))
            }
        }
        try compare("after calls")
        // A day before today is worked out from the whole history.
        try shell.store.read { (tx: any StoreReading) throws in
            let past = today.adding(days: -40)
            #expect(try ReminderDesk.dueReminders(on: past, by: caller, tx) == Self.everyVehicle(on: past, caller, tx))
        }
    }
}
