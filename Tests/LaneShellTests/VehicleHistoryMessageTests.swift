import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing

/// A vehicle's history rows keep what they say as messages (v30): written by a shell in one
/// language, read in the reader's; rows from before keep their words as written.
@Suite struct VehicleHistoryMessageTests {
    @Test func historyWrittenInEnglishIsReadInChinese() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("vehicle edit 粤B27DP2 --mileage 19500")
        try shell.expectOK("vehicle transfer 粤B27DP2 --to C0003")
        let english = try shell.expectOK("vehicle history 粤B27DP2")
        #expect(english.contains("odometer reading"), "\(english)")
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("vehicle history 粤B27DP2")
        #expect(chinese.contains("里程读数") && !chinese.contains("odometer reading"), "\(chinese)")
        // The rows keep the message as data, beside the words as written.
        let rows = try shell.storedRows()["vehicle_event"] ?? ""
        #expect(rows.contains("vehicle.event.odometer") && rows.contains("vehicle.event.transfer"), "\(rows)")
    }

    @Test func aVisitAndACheckInAreReadInTheReadersLanguage() throws {
        let shell = try TestShell(seeded: true)
        for line in ["ro open 粤B27DP2", "ro complaint --text 刹车异响", "ro check-in --mileage 19100 --fuel 4 --covers"] { try shell.expectOK(line) }
        #expect(try shell.expectOK("vehicle history 粤B27DP2").contains("check-in RO-20261123-0001"))
        shell.session.languageChoice = .chinese
        let chinese = try shell.expectOK("vehicle history 粤B27DP2")
        #expect(chinese.contains("接车 RO-20261123-0001") && !chinese.contains("check-in RO"), "\(chinese)")
    }

    @Test func olderRowsKeepTheirWordsAndErasureDropsTheMessage() throws {
        let shell = try TestShell(seeded: true)
        // A row without a message (an import's summary, or a row from before v30) reads as written, in either language.
        try shell.store.write { tx in
            guard let v = try tx.vehicle(plate: "粤B27DP2") else { throw StoreFailure("no demo car") }
            try tx.appendEvent(vehicleID: v.id, kind: .edit, visitKind: nil, on: TestShell.demoNow.date(in: .china), mileage: nil,
                               detail: "plate corrected by hand", at: TestShell.demoNow, by: "admin")
        }
        #expect(try shell.expectOK("vehicle history 粤B27DP2").contains("plate corrected by hand"))
        shell.session.languageChoice = .chinese
        #expect(try shell.expectOK("vehicle history 粤B27DP2").contains("plate corrected by hand"))
        shell.session.languageChoice = .english
        // A change of owner names both customers in its message; erasing one takes the message away with the words.
        try shell.expectOK("vehicle transfer 粤B27DP2 --to C0003")
        #expect((try shell.storedRows()["vehicle_event"] ?? "").contains("vehicle.event.transfer"))
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("customer erase C0002 --confirm C0002")
        let rows = try shell.storedRows()["vehicle_event"] ?? ""
        #expect(!rows.contains("卢文博") && !rows.contains("vehicle.event.transfer"), "\(rows)")
    }
}
