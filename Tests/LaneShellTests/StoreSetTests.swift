import LaneCore
import LaneTesting
import Testing
@testable import LaneShell

/// `store set`: a setting of a store in use changed by the service manager,
/// checked like store.toml and kept in the audit trail.
@Suite struct StoreSetTests {
    /// The service manager of the demo dealership.
    static let manager = "姚雪"

    @Test func theManagerChangesTheLabourRateAndTheTrailKeepsOldAndNew() throws {
        let shell = try TestShell(user: Self.manager, seeded: true)
        let out = try shell.expectOK("store set rates.labor_rate_fen 38000")
        #expect(out.contains("rates.labor_rate_fen: 28000 → 38000"))
        #expect(try shell.store.read { try $0.settings() }.laborRate == Money(fen: 38_000))
        #expect(try shell.expectOK("store show").contains("¥380.00"))
        let trail = try shell.expectOK("audit show --user 姚雪 --day 2026-11-23")
        #expect(trail.contains("姚雪"))
        #expect(trail.contains("service_manager"))
        #expect(trail.contains("store set rates.labor_rate_fen 38000"))
        #expect(trail.contains("rates.labor_rate_fen: 28000 → 38000"))
        #expect(try shell.expectOK("audit verify").contains("intact: 2 rows")) // seed load, store set
    }

    @Test func theTrailFindsAnEntityHoweverItIsTyped() throws {
        let shell = try TestShell(user: Self.manager, seeded: true)
        try shell.expectOK("store set rates.labor_rate_fen 38000")
        #expect(try shell.expectOK("audit show --entity rates.labor_rate_fen").contains("28000 → 38000"))
        try shell.expectOK("ro open 粤B27DP2")
        #expect(try shell.expectOK("audit show --entity ro-20261123-0001").contains("ro open"))
    }

    @Test func peakHoursAreTypedWithCommas() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        let out = try shell.expectOK("store set hours.peak '08:00-10:00, 16:30-18:30'")
        #expect(out.contains("hours.peak: 08:30-10:30,16:30-18:00 → 08:00-10:00,16:30-18:30"))
        #expect(try shell.store.read { try $0.settings() }.peakHours.map(\.description) == ["08:00-10:00", "16:30-18:30"])
        #expect(try shell.expectOK("store show").contains("08:00-10:00, 16:30-18:30"))
    }

    @Test func aValueWithSpacesIsQuotedAndTheAnswerHasARecordForJSON() throws {
        let shell = try TestShell(user: Self.manager, seeded: true, format: .json)
        let out = try shell.expectOK("store set store.name '星河汽车 南山店'")
        #expect(out.contains("\"key\""))
        #expect(out.contains("星河汽车深圳南山4S店"))
        #expect(out.contains("星河汽车 南山店"))
        #expect(try shell.store.read { try $0.settings() }.name == "星河汽车 南山店")
    }

    @Test func anUnknownKeyIsRefusedWithTheKeysAndNothingIsStored() throws {
        let shell = try TestShell(user: Self.manager, seeded: true)
        let err = try shell.expectRefused("store set labour_rate_fen 38000")
        #expect(err.contains("cannot set labour_rate_fen"))
        #expect(err.contains("did you mean rates.labor_rate_fen?"))
        #expect(err.contains("workshop.bays"))
        #expect(try shell.expectRefused("store set bays 10").contains("did you mean workshop.bays?"))
        #expect(try shell.expectRefused("store set store.demo_date 2026-11-23").contains("'store.demo_date' is not a store setting"))
    }

    @Test func aValueOfTheWrongTypeOrAgainstTheRulesIsRefusedAndNothingIsStored() throws {
        let shell = try TestShell(user: Self.manager, seeded: true)
        #expect(try shell.expectRefused("store set rates.labor_rate_fen 380.00")
            .contains("rates.labor_rate_fen: expected a whole number, found '380.00'; the amount is in fen: 38000 for ¥380.00"))
        #expect(try shell.expectRefused("store set workshop.bays eight").contains("workshop.bays: expected a whole number, found 'eight'"))
        #expect(try shell.expectRefused("store set workshop.bays 0").contains("workshop.bays: '0' is not a number of bays above 0"))
        #expect(try shell.expectRefused("store set rates.vat_basis_points 13000").contains("basis points from 0 to 10000"))
        #expect(try shell.expectRefused("store set hours.open 21:00").contains("the store must open (21:00) before it closes (20:00)"))
        #expect(try shell.expectRefused("store set hours.peak 08:30-10:30,lunch").contains("'08:30-10:30,lunch' is not time ranges"))
        #expect(try shell.expectRefused("store set hours.peak 08:30-10:30,,16:30-18:00").contains("item 2 of '08:30-10:30,,16:30-18:00' is empty"))
        #expect(try shell.expectRefused("store set store.utc_offset Beijing").contains("is not an offset like +08:00"))
        #expect(try shell.store.read { try $0.settings() }.laborRate == Money(fen: 28_000))
    }

    @Test func onlyTheServiceManagerAndTheAdminMaySetTheStore() throws {
        let shell = try TestShell(seeded: true) // a service advisor
        let err = try shell.expectRefused("store set workshop.bays 10")
        #expect(err.contains("may not run store set"))
        #expect(CommandPermissions.roles(for: "store set") == [.serviceManager, .admin])
        #expect(try shell.store.read { try $0.settings() }.bays == 8)
    }

    @Test func theHelpListsEveryKey() throws {
        let shell = try TestShell(user: Self.manager, seeded: true)
        let help = try shell.expectOK("store set --help")
        for key in StoreSettings.settingKeys { #expect(help.contains(key.name), "\(key.name)") }
    }
}
