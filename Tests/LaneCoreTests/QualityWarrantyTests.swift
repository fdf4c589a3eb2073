import Testing
@testable import LaneCore

/// The repair quality warranty by kind of repair: the weightiest approved labour decides it.
@Suite struct QualityWarrantyTests {
    static let terms = QualityWarrantyTerms(
        assembly: .init(km: 20_000, days: 100), secondLevel: .init(km: 5_000, days: 30), minor: .init(km: 2_000, days: 10),
        assemblyOperations: ["ENG-OIL-LEAK"], secondLevelOperations: ["MNT-20K"])

    static func order(_ lines: [RepairOrderLine]) -> RepairOrder {
        var o = RepairOrder(number: "RO-20261123-0001", vehicleID: 1, customerID: 1, advisor: "薛淑芬", openedAt: Timestamp(secondsSince1970: 0))
        o.lines = lines
        return o
    }

    static func labor(_ code: String, approval: LineApproval = .approved) -> RepairOrderLine {
        RepairOrderLine(kind: .labor, code: code, name: code, hours: LaborHours(hundredths: 100), unitPrice: Money(fen: 28_000), approval: approval)
    }

    @Test func theWeightiestApprovedLabourDecides() {
        #expect(Self.terms.kind(of: Self.order([Self.labor("MNT-5K")])) == .minor)
        #expect(Self.terms.kind(of: Self.order([Self.labor("MNT-5K"), Self.labor("MNT-20K")])) == .secondLevel)
        #expect(Self.terms.kind(of: Self.order([Self.labor("MNT-20K"), Self.labor("ENG-OIL-LEAK")])) == .assembly)
        // Declined work does not count.
        #expect(Self.terms.kind(of: Self.order([Self.labor("MNT-5K"), Self.labor("ENG-OIL-LEAK", approval: .refused)])) == .minor)
        // A part with an operation's code is not labour.
        let part = RepairOrderLine(kind: .part, code: "ENG-OIL-LEAK", name: "x", unitPrice: Money(fen: 100))
        #expect(Self.terms.kind(of: Self.order([part])) == .minor)
    }

    @Test func countedFromTheDayTheCarLeftAndTheMileageAtCheckIn() throws {
        let left = try #require(CalendarDate(year: 2026, month: 11, day: 21))
        let w = Self.terms.warranty(for: Self.order([Self.labor("ENG-OIL-LEAK")]), leftOn: left, mileage: 48_620)
        #expect(w.kind == .assembly && w.until == CalendarDate(year: 2027, month: 3, day: 1) && w.untilKm == 68_620)
        let minor = Self.terms.warranty(for: Self.order([Self.labor("WIPER")]), leftOn: left, mileage: 2_150)
        #expect(minor.until == CalendarDate(year: 2026, month: 12, day: 1) && minor.untilKm == 4_150)
    }

    @Test func theSettingsRoundTripAndRefuseNonsense() throws {
        var s = StoreSettings.standard
        s.qualityWarranty = Self.terms
        let values = Dictionary(uniqueKeysWithValues: s.keyValues)
        #expect(try StoreSettings.from(keyValues: values).get().qualityWarranty == Self.terms)
        var bad = values
        bad["quality.minor_km"] = "0"
        bad["quality.assembly_days"] = "a hundred"
        guard case .failure(let refusal) = StoreSettings.from(keyValues: bad) else { Issue.record("accepted"); return }
        #expect(refusal.problems.map(\.field).sorted() == ["quality.assembly_days", "quality.minor_km"])
    }
}
