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

    // MARK: store unset

    @Test func theManagerRemovesATargetAndTodayNoLongerFlagsTheFigure() throws {
        let shell = try ReportCommandTests().deliveredDay()
        try shell.expectOK("set user 姚雪")
        try shell.expectOK("store set kpi.target_orders_opened 5") // one order this month: below the floor
        #expect(try shell.expectOK("today").contains("≥ 5"))
        let out = try shell.expectOK("store unset kpi.target_orders_opened")
        #expect(out.contains("kpi.target_orders_opened: the target 5 is removed; the figure has no target now"))
        #expect(try shell.store.read { try $0.settingValues() }["kpi.target_orders_opened"] == nil)
        #expect(try shell.expectOK("today").contains("every figure with a target is on target"))
        #expect(!(try shell.expectOK("report kpi")).contains("≥ 5"))
        let trail = try shell.expectOK("audit show --entity kpi.target_orders_opened")
        #expect(trail.contains("store unset kpi.target_orders_opened"))
        #expect(trail.contains("the target 5 is removed"))
        // Again: nothing to remove, and nothing changes.
        #expect(try shell.expectOK("store unset kpi.target_orders_opened").contains("kpi.target_orders_opened was not set (unchanged)"))
    }

    @Test func aKPIParameterGoesBackToItsStandardValue() throws {
        let shell = try TestShell(user: Self.manager, seeded: true, format: .json)
        try shell.expectOK("store set kpi.wait_minutes 60")
        let out = try shell.expectOK("store unset kpi.wait_minutes")
        #expect(out.contains("\"old\": \"60\""))
        #expect(out.contains("\"new\": \"90\""))
        #expect(try shell.store.read { try $0.settingValues() }["kpi.wait_minutes"] == nil)
        #expect(KPISettings.from(keyValues: try shell.store.read { try $0.settingValues() }).waitMinutes == 90)
    }

    @Test func aSettingEveryStoreHasCannotBeRemovedAndNothingChanges() throws {
        let shell = try TestShell(user: Self.manager, seeded: true)
        try shell.expectOK("store set kpi.target_csi 90")
        let before = try shell.store.read { try $0.settingValues() }
        #expect(try shell.expectRefusalCodes("store unset workshop.bays") == ["store.cannot_unset", "store.always_has_a_value"])
        #expect(try shell.expectRefused("store unset rates.labor_rate_fen").contains("change it with store set"))
        #expect(try shell.expectRefused("store unset kpi.target_cs").contains("did you mean kpi.target_csi?"))
        #expect(try shell.expectRefusalCodes("store unset", code: .usage) == ["usage.missing_argument"])
        try shell.expectOK("set user 薛淑芬") // a service advisor
        #expect(try shell.expectRefused("store unset kpi.target_csi").contains("may not run store unset"))
        #expect(CommandPermissions.roles(for: "store unset") == [.serviceManager, .admin])
        #expect(try shell.store.read { try $0.settingValues() } == before)
        #expect(try shell.store.read { try $0.settings() }.bays == 8)
    }
}
