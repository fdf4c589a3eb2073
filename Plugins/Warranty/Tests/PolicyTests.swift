import LanePlugin
import Testing
@testable import WarrantyPlugin

/// The warranty rules themselves (X1), without a shell: settings, covers,
/// VIN ranges, claim transitions.
@Suite struct PolicyTests {
    /// Without a shell nobody installs the plugin: its words are added as the host adds them.
    init() { PluginMessages.install(WarrantyPlugin().messages, plugin: "warranty") }

    static let groups: Set<String> = ["engine", "powertrain", "ev", "consumable", "battery", "body"]
    static let operations: Set<String> = ["EV-BATT-CHECK", "EV-COOLANT", "MNT-5K", "ENG-OIL-LEAK"]
    static let parts: Set<String> = ["XH-15400-0001", "XH-12341-0001"]

    static let demo: [String: String] = [
        "basic": "3y/100000km", "cover_powertrain": "5y/150000km", "cover_ev": "8y / 160,000 km",
        "operations_ev": "EV-BATT-CHECK,EV-COOLANT", "excluded": "consumable", "excluded_parts": "XH-15400-0001", "excluded_operations": "MNT-5K", "enabled": "true",
    ]

    func parse(_ config: [String: String]) throws -> WarrantyPolicy {
        try WarrantyPolicy.parse(config, partGroups: Self.groups, partNumbers: Self.parts) { Self.operations.contains($0) }
    }

    func problems(_ config: [String: String]) -> [Problem] {
        do {
            _ = try parse(config)
            return []
        } catch let refusal as Refusal {
            return refusal.problems
        } catch {
            return [Problem("", "\(error)")]
        }
    }

    @Test func X1_goodPolicyIsRead() throws {
        let policy = try parse(Self.demo)
        #expect(policy.basic == Cover(name: "basic", years: 3, km: 100_000))
        #expect(policy.groups == [Cover(name: "ev", years: 8, km: 160_000), Cover(name: "powertrain", years: 5, km: 150_000)])
        #expect(policy.operationGroups == ["EV-BATT-CHECK": "ev", "EV-COOLANT": "ev"])
        #expect(policy.excludedGroups == ["consumable"])
        #expect(policy.excludedParts == ["XH-15400-0001"])
        #expect(policy.excludedOperations == ["MNT-5K"])
        #expect(policy.basic.limits == "3 years / 100,000 km")
    }

    @Test func X1_coverWithOneLimitOnly() throws {
        #expect(Cover.parse("6y", name: "body", key: "cover_body") == .success(Cover(name: "body", years: 6)))
        #expect(Cover.parse("200000km", name: "body", key: "cover_body") == .success(Cover(name: "body", km: 200_000)))
        #expect(Cover.parse("2 years/60000 km", name: "basic", key: "basic") == .success(Cover(name: "basic", years: 2, km: 60_000)))
    }

    @Test func X1_everyMistakeInTheSettingsIsNamedAtOnce() {
        let found = problems([
            "basic": "3 years and a bit", "cover_gearbox": "5y/150000km", "cover_ev": "8y/8y", "cover_powertrain": "0y/150000km",
            "operations_body": "EV-COOLANT", "excluded": "consumable,tyres", "excluded_parts": "XH-99999-0001", "excluded_operations": "MNT-9K,mnt-5k", "colour": "red",
        ])
        let fields = Set(found.map(\.field))
        #expect(fields == ["basic", "cover_gearbox", "cover_ev", "cover_powertrain", "operations_body", "excluded", "excluded_parts", "excluded_operations", "colour"])
        #expect(found.contains { $0.field == "cover_gearbox" && $0.message.contains("the groups are battery, body, consumable, engine, ev, powertrain") })
        #expect(found.contains { $0.field == "operations_body" && $0.message.contains("no longer cover") })
        #expect(found.contains { $0.field == "excluded_operations" && $0.message.contains("no labour operation MNT-9K") })
        #expect(found.contains { $0.field == "excluded_operations" && $0.message.contains("capital letters") })
        #expect(found.contains { $0.field == "colour" && $0.message.contains("not a warranty setting") })
    }

    @Test func X1_contradictionsAreRefused() {
        var config = Self.demo
        config["excluded"] = "consumable,powertrain"
        config["excluded_operations"] = "MNT-5K,EV-COOLANT"
        let found = problems(config)
        #expect(found.contains { $0.field == "cover_powertrain" && $0.message.contains("also excluded") })
        #expect(found.contains { $0.field == "operations_ev" && $0.message.contains("EV-COOLANT is also in excluded_operations") })
    }

    @Test func X1_noPolicyAtAll() {
        #expect(problems(["enabled": "true"]).first?.message.contains("[plugin.warranty] in store.toml") == true)
        #expect(problems(["cover_ev": "8y/160000km"]).contains { $0.field == "basic" && $0.message.contains("missing") })
    }

    @Test func X1_scopeOfPartsAndOperations() throws {
        let policy = try parse(Self.demo)
        let part = { (group: String) in Part(number: "XH-12341-0001", name: "气门室盖垫", unit: "个", price: Money(fen: 8800), stock: 1, bin: "A", group: group) }
        #expect(policy.scope(ofPart: part("powertrain")) == .covers([policy.basic, Cover(name: "powertrain", years: 5, km: 150_000)], group: "powertrain"))
        #expect(policy.scope(ofPart: part("engine")) == .covers([policy.basic], group: "engine"))
        guard case .excluded = policy.scope(ofPart: part("consumable")) else { Issue.record("consumables are excluded"); return }
        let filter = Part(number: "XH-15400-0001", name: "机油滤清器", unit: "个", price: Money(fen: 3800), stock: 1, bin: "A", group: "engine")
        guard case .excluded = policy.scope(ofPart: filter) else { Issue.record("wear and service parts are excluded"); return }
        #expect(policy.scope(ofOperation: "EV-COOLANT") == .covers([policy.basic, Cover(name: "ev", years: 8, km: 160_000)], group: "ev"))
        #expect(policy.scope(ofOperation: "ENG-OIL-LEAK") == .covers([policy.basic], group: nil))
        guard case .excluded = policy.scope(ofOperation: "MNT-5K") else { Issue.record("servicing is excluded"); return }
    }

    // MARK: Covers judged

    static let sold = CalendarDate(year: 2022, month: 5, day: 14)!
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!
    static let basic = Cover(name: "basic", years: 3, km: 100_000)
    static let powertrain = Cover(name: "powertrain", years: 5, km: 150_000)

    @Test func X1_ageEndsTheCoverOnTheDayBeforeTheAnniversary() {
        let read = Mileage(km: 48_855, readOn: Self.today, estimate: nil)
        let basic = CoverVerdict.judge(Self.basic, soldOn: Self.sold, mileage: read, on: Self.today)
        #expect(basic.answer == .notCovered)
        #expect(basic.lastDay == CalendarDate(year: 2025, month: 5, day: 13))
        #expect(basic.why.description == "age: the cover ended on 2025-05-13, 1 year 6 months ago")
        let longer = CoverVerdict.judge(Self.powertrain, soldOn: Self.sold, mileage: read, on: Self.today)
        #expect(longer.answer == .covered)
        #expect(longer.why.description == "5 months 21 days and 101,145 km left")
        #expect(CoverVerdict.judge(Self.basic, soldOn: Self.sold, mileage: read, on: CalendarDate(year: 2025, month: 5, day: 13)!).answer == .covered)
    }

    @Test func X1_mileageEndsTheCoverWhicheverComesFirst() {
        let read = Mileage(km: 123_456, readOn: Self.today, estimate: nil)
        let recent = CalendarDate(year: 2025, month: 1, day: 1)!
        let v = CoverVerdict.judge(Self.basic, soldOn: recent, mileage: read, on: Self.today)
        #expect(v.answer == .notCovered)
        #expect(v.why.description == "mileage: 123,456 km on 2026-11-23 is 23,456 km over 100,000 km")
    }

    @Test func R3_5_unknownMileageCannotBeDecided() {
        let none = Mileage(km: nil, readOn: Self.sold, estimate: nil)
        let recent = CalendarDate(year: 2026, month: 1, day: 1)!
        #expect(CoverVerdict.judge(Self.basic, soldOn: recent, mileage: none, on: Self.today).answer == .undecided)
        // …unless the age alone already ends it.
        #expect(CoverVerdict.judge(Self.basic, soldOn: Self.sold, mileage: none, on: Self.today).answer == .notCovered)
        // A reading under the limit that is probably over it by now.
        let stale = Mileage(km: 98_000, readOn: CalendarDate(year: 2026, month: 6, day: 1)!, estimate: 104_000)
        let v = CoverVerdict.judge(Self.basic, soldOn: recent, mileage: stale, on: Self.today)
        #expect(v.answer == .undecided)
        #expect(v.why.description.contains("read the odometer"))
    }

    @Test func R3_5_mileageIsEstimatedFromTheAverageSinceTheSale() throws {
        let vin = try VIN.parse("LXHA55K28NG210456").get()
        let plate = try LicensePlate.parse("粤B82396").get()
        let readOn = CalendarDate(year: 2026, month: 10, day: 28)!
        let v = Vehicle(id: 1, vin: vin, plate: plate, model: "星河 S5 1.5T", ownerID: 1, soldOn: Self.sold, mileage: 48_855,
                        mileageRecordedOn: readOn, createdAt: Timestamp(secondsSince1970: 0))
        let m = Mileage.of(v, on: Self.today)
        #expect(m.km == 48_855)
        #expect(m.estimate == 48_855 + 48_855 * 26 / Self.sold.days(until: readOn))
        // The check-in sheet is read on the day: no estimate.
        #expect(Mileage.of(v, checkIn: (49_700, Self.today), on: Self.today) == Mileage(km: 49_700, readOn: Self.today, estimate: nil))
        // Only the delivery reading: nobody knows how far it went.
        var new = v
        new.mileageRecordedOn = Self.sold
        #expect(Mileage.of(new, on: Self.today).km == nil)
    }

    @Test func X1_decisionPrefersTheLongerCoverAndSaysWhy() {
        let read = Mileage(km: 48_855, readOn: Self.today, estimate: nil)
        let d = Decision.of(.covers([Self.basic, Self.powertrain], group: "powertrain"), soldOn: Self.sold, mileage: read, on: Self.today)
        #expect(d.answer == .covered)
        #expect(d.text.hasPrefix("within powertrain cover until 2027-05-13 / 150,000 km"))
        let basicOnly = Decision.of(.covers([Self.basic], group: "engine"), soldOn: Self.sold, mileage: read, on: Self.today)
        #expect(basicOnly.answer == .notCovered)
        #expect(basicOnly.text == "outside warranty: basic cover 整车质保: age: the cover ended on 2025-05-13, 1 year 6 months ago")
    }

    @Test func spansInWords() {
        let d = { (y: Int, m: Int, day: Int) in CalendarDate(year: y, month: m, day: day)! }
        #expect(Words.span(d(2025, 5, 13), d(2026, 11, 23)).description == "1 year 6 months")
        #expect(Words.span(d(2026, 11, 23), d(2027, 5, 14)).description == "5 months 21 days")
        #expect(Words.span(d(2026, 11, 23), d(2026, 11, 28)).description == "5 days")
        #expect(Words.span(d(2024, 2, 29), d(2025, 2, 28)).description == "1 year")
        #expect(Words.km(1_234_567) == "1,234,567 km")
    }

    // MARK: VIN ranges (R1.6)

    @Test func R1_6_vinRangeIgnoresTheCheckDigit() throws {
        let range = try #require(VINRange.parse(from: "LXHBX3K20TG218000", to: "lxhbx3k20tg220999").range)
        #expect(range.contains("LXHBX3K24TG218960"))   // check digit 4, serial inside
        #expect(range.contains("LXHBX3K20TG220088"))
        #expect(range.contains("LXHBX3K27TG219584"))
        #expect(!range.contains("LXHBX3K2XSG218542"))  // model year S: before the range
        #expect(!range.contains("LXHBX3K20TG221000"))
        let short = try #require(VINRange.parse(from: "LXHCE6D", to: "LXHDE9D").range)
        #expect(short.contains("LXHCE6D22SZ219181"))
        #expect(short.contains("LXHDE9D38TZ223686"))
        #expect(!short.contains("LXHBX3K24TG218960"))
    }

    @Test func R1_6_badVinRangesAreRefusedWithEveryProblem() {
        func problems(_ from: String?, _ to: String?) -> [Problem] { VINRange.parse(from: from, to: to).problems }
        #expect(problems("LXHBX3K20TG218000", nil).first?.message.contains("both ends") == true)
        #expect(problems("LXHIX3K", "LXHOX3Q").count == 2)
        #expect(problems("LXHBX3K", "LXHBX3K2").first?.message.contains("same length") == true)
        #expect(problems("LXHBX3K", "LGWBX3K").first?.message.contains("one maker") == true)
        #expect(problems("LXHBX3K20TG220999", "LXHBX3K20TG218000").first?.message.contains("lower end first") == true)
        #expect(problems(nil, nil).isEmpty)
    }

    // MARK: Claims (R3.5)

    @Test func R3_5_claimTransitions() {
        #expect(ClaimStatus.open.problems(to: .submitted, note: nil, makerRef: nil, number: "WC-1").isEmpty)
        #expect(ClaimStatus.submitted.problems(to: .approved, note: nil, makerRef: "XH-1", number: "WC-1").isEmpty)
        #expect(ClaimStatus.submitted.problems(to: .rejected, note: "非质量问题", makerRef: nil, number: "WC-1").isEmpty)
        let early = ClaimStatus.open.problems(to: .approved, note: nil, makerRef: nil, number: "WC-1")
        #expect(early.map(\.field) == ["status", "maker-ref"])
        #expect(early.first?.message.contains("can only become submitted") == true)
        #expect(ClaimStatus.approved.problems(to: .rejected, note: "x", makerRef: "XH-1", number: "WC-1").first?.message.contains("closed") == true)
        #expect(ClaimStatus.rejected.problems(to: .approved, note: nil, makerRef: "XH-1", number: "WC-1").first?.message.contains("final") == true)
        #expect(ClaimStatus.submitted.problems(to: .submitted, note: nil, makerRef: nil, number: "WC-1").first?.message.contains("already") == true)
        #expect(ClaimStatus.submitted.problems(to: .rejected, note: nil, makerRef: nil, number: "WC-1").map(\.field) == ["note"])
    }
}
