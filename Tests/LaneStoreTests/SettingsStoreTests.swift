import Testing
@testable import LaneStore
import LaneCore

@Test func newDatabaseHasTheStandardSettings() throws {
    let store = try makeStore()
    try store.read { tx throws in
        #expect(try tx.settingValues().isEmpty)
        #expect(try tx.settings() == .standard)
    }
}

@Test func savedSettingsReadBackEqual() throws {
    let store = try makeStore()
    let settings = StoreSettings(name: "广州星河汽车服务中心", code: "GZ01", utcOffset: .china, laborRate: Money(fen: 32_000),
                                 vatBasisPoints: 600, opens: TimeOfDay(minutes: 7 * 60 + 30), closes: TimeOfDay(minutes: 21 * 60),
                                 peakHours: [TimeRange(parsing: "08:00-10:00")!, TimeRange(parsing: "17:00-18:30")!], bays: 12)
    try store.write { tx throws in try tx.saveSettings(settings) }
    try store.read { tx throws in
        #expect(try tx.settings() == settings)
        #expect(try tx.settingValues()["store.name"] == "广州星河汽车服务中心")
        #expect(try tx.settingValues()["hours.peak"] == "08:00-10:00,17:00-18:30")
    }
}

@Test func savingAgainReplacesEveryValue() throws {
    let store = try makeStore()
    var settings = StoreSettings.standard
    settings.bays = 4
    let first = settings
    try store.write { tx throws in try tx.saveSettings(first) }
    settings.bays = 16
    settings.name = "新名字"
    let second = settings
    try store.write { tx throws in try tx.saveSettings(second) }
    #expect(try store.read { try $0.settings() } == second)
    #expect(try store.tableCounts()["setting"] == StoreSettings.standard.keyValues.count)
}

@Test func damagedStoredSettingsAreAStoreFailure() throws {
    let store = try makeStore()
    try store.unsafeExecute("INSERT INTO setting (key, value) VALUES ('workshop.bays', 'many')")
    let message = storeFailureMessage { _ = try store.read { try $0.settings() } }
    #expect(message?.hasPrefix("the stored settings are damaged: ") == true)
    #expect(message?.contains("workshop.bays") == true)
    // The raw values are still readable, to show or repair.
    #expect(try store.read { try $0.settingValues() } == ["workshop.bays": "many"])
}
