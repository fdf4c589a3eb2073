import Testing
@testable import LaneCore

// MARK: SettingList: lists kept in one setting value

@Test func aListKeepsItemsWithCommasQuotesAndLineBreaks() {
    let items = ["您好,请问满意吗|csi|1-5", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "bell\u{07}", "", "😀 emoji"]
    let text = SettingList.text(items)
    #expect(SettingList.items(text) == items)
    #expect(SettingList.text(["08:30-10:30", "16:30-18:00"]) == #"["08:30-10:30","16:30-18:00"]"#)
}

@Test func anEmptyListIsEmpty() {
    #expect(SettingList.text([]) == "[]")
    #expect(SettingList.items("[]") == [])
    #expect(SettingList.items("") == [])
    #expect(SettingList.items(nil) == [])
}

@Test func aListReadsJSONAsAnyWriterSpacesAndEscapesIt() {
    #expect(SettingList.items(#" [ "a" , "b,c" ] "#) == ["a", "b,c"])
    #expect(SettingList.items(#"["\u00e9\/", "\ud83d\ude00"]"#) == ["é/", "😀"])
}

@Test func valuesStoredBeforeListsWereJSONAreSplitAtCommas() {
    // Databases loaded by the old reader hold comma-joined text.
    #expect(SettingList.items("EV-BATT-CHECK, EV-COOLANT") == ["EV-BATT-CHECK", "EV-COOLANT"])
    #expect(SettingList.items("a,,b") == ["a", "", "b"])
    // Text that only looks like JSON is read the old way.
    #expect(SettingList.items(#"["a", b]"#) == [#"["a""#, "b]"])
    #expect(SettingList.items(#"["a"] x"#) == [#"["a"] x"#])
}

// MARK: StoreSettingKey: the typed keys of store.toml and `store set`

@Test func everySettingTheStoreKeepsHasAKeyAndBack() {
    let names = StoreSettings.settingKeys.map(\.name)
    // The report's [kpi] keys are kept as values of their own (KPISettings), not in StoreSettings.
    #expect(Set(names.filter { !$0.hasPrefix("kpi.") }) == Set(StoreSettings.standard.keyValues.map(\.0)))
    #expect(names.filter { $0.hasPrefix("kpi.") } == KPISettings.settingKeys.map(\.name))
    #expect(StoreSettings.settingKey(named: "workshop.bays")?.section == "workshop")
    #expect(StoreSettings.settingKey(named: "workshop.bays")?.key == "bays")
    #expect(StoreSettings.settingKey(named: "rates.labour_rate_fen") == nil)
}

@Test func aTypedValueIsCheckedAgainstItsKeysType() throws {
    func stored(_ name: String, _ text: String) -> Result<String, Problem> {
        guard let key = StoreSettings.settingKey(named: name) else { return .failure(Problem(name, "no such key")) }
        return key.storedValue(typed: text)
    }
    #expect(try stored("rates.labor_rate_fen", " 38000 ").get() == "38000")
    #expect(try stored("store.name", "星河汽车 南山店").get() == "星河汽车 南山店")
    #expect(try stored("hours.peak", "08:30-10:30, 16:30-18:00").get() == #"["08:30-10:30","16:30-18:00"]"#)
    #expect(try stored("hours.peak", "").get() == "[]")
    guard case .failure(let yuan) = stored("rates.labor_rate_fen", "380.00") else { Issue.record("380.00 is not whole fen"); return }
    #expect(yuan.code == "settings.yuan_not_fen")
    #expect(yuan.description == "rates.labor_rate_fen: expected a whole number, found '380.00'; the amount is in fen: 38000 for ¥380.00")
    guard case .failure(let bays) = stored("workshop.bays", "many") else { Issue.record("many is not a number"); return }
    #expect(bays.description == "workshop.bays: expected a whole number, found 'many'")
    guard case .failure(let gap) = stored("hours.peak", "08:30-10:30,,16:30-18:00") else { Issue.record("an empty item"); return }
    #expect(gap.message.hasPrefix("item 2 of '08:30-10:30,,16:30-18:00' is empty"))
}

@Test func peakHoursComeAsAListOrAsTheOldCommaText() throws {
    let list = try StoreSettings.from(keyValues: ["hours.peak": SettingList.text(["08:00-09:00", "17:00-18:00"])]).get()
    #expect(list.peakHours.map(\.description) == ["08:00-09:00", "17:00-18:00"])
    #expect(list.value(of: try #require(StoreSettings.settingKey(named: "hours.peak"))) == "08:00-09:00,17:00-18:00")
    // A range with a comma inside is one bad item, not two good ones.
    guard case .failure(let r) = StoreSettings.from(keyValues: ["hours.peak": SettingList.text(["08:00-09:00,17:00-18:00"])]) else {
        Issue.record("one item holding two ranges is not a range")
        return
    }
    #expect(r.problems.map(\.field) == ["hours.peak"])
}
