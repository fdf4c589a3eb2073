import Foundation
import LaneTesting
import Testing
import WarrantyPlugin

/// `warranty check` and `warranty policy` on the demo fleet (X1, R3.5).
@Suite struct CheckCommandTests {
    @Test func X1_outsideBasicCoverByAgeButWithinPowertrain() throws {
        let shell = try Demo.shell()
        // 粤B82396: sold 2022-05-14, 48,855 km on 2026-10-28.
        let out = try shell.expectOK("warranty check 粤B82396")
        #expect(out.contains("48,855 km on 2026-10-28 (about 49,635 km now"))
        let basic = try #require(out.split(separator: "\n").first { $0.hasPrefix("basic cover") })
        #expect(basic.contains("2025-05-13") && basic.contains(" no ") && basic.hasSuffix("age: the cover ended on 2025-05-13, 1 year 6 months ago"))
        let powertrain = try #require(out.split(separator: "\n").first { $0.hasPrefix("powertrain cover") })
        #expect(powertrain.contains("2027-05-13") && powertrain.contains(" yes ") && powertrain.hasSuffix("5 months 21 days and 100,365 km left"))
    }

    @Test func X1_verdictForAPartByItsGroup() throws {
        let shell = try Demo.shell()
        let gearbox = try shell.expectOK("warranty check 粤B82396 --part XH-25450-0001")
        #expect(gearbox.contains("XH-25450-0001 变速箱油滤清器 (group powertrain)"))
        #expect(gearbox.contains("within powertrain cover until 2027-05-13 / 150,000 km"))
        let gasket = try shell.expectOK("warranty check 粤B82396 --part XH-12341-0001")
        #expect(gasket.contains("outside warranty: basic cover 整车质保: age: the cover ended on 2025-05-13"))
        let belt = try shell.expectOK("warranty check 粤B82396 --part XH-11720-0005")
        #expect(belt.contains("part XH-11720-0005 发动机多楔带 is a wear or service part, never under warranty"))
        let oil = try shell.expectOK("warranty check 粤B82396 --part XH-08232-0040")
        #expect(oil.contains("part group consumable is never under warranty"))
    }

    @Test func X1_labourOperationMappedToItsGroup() throws {
        let shell = try Demo.shell()
        // 粤BD11513: 星河 EV6 sold 2025-02-15; EV-COOLANT belongs to the ev cover, MNT-EV is servicing.
        #expect(try shell.expectOK("warranty check 粤BD11513 --operation EV-COOLANT").contains("within ev cover until 2033-02-14 / 160,000 km"))
        #expect(try shell.expectOK("warranty check 粤BD11513 --operation MNT-EV").contains("labour MNT-EV is servicing, not a warranty repair"))
        #expect(try shell.expectOK("warranty check 粤BD11513 --operation DIAG-FULL").contains("within basic cover 整车质保 until 2028-02-14 / 100,000 km"))
    }

    @Test func X1_outsideBasicCoverByMileage() throws {
        let shell = try Demo.shell()
        try shell.expectOK("vehicle edit 粤B27DP2 --mileage 101000")
        let out = try shell.expectOK("warranty check 粤B27DP2 --part XH-51320-0002")
        #expect(out.contains("mileage: 101,000 km on 2026-11-23 is 1,000 km over 100,000 km"))
        #expect(Demo.field(out, "part covered") == "no")
        #expect(Demo.field(try shell.expectOK("warranty check 粤B27DP2 --part XH-44017-0001"), "part covered") == "yes")
    }

    @Test func R3_5_noReadingSinceTheSaleCannotBeDecided() throws {
        let shell = try Demo.shell()
        // 粤B6R1C3: sold 2026-09-28 and never back since.
        let out = try shell.expectOK("warranty check 粤B6R1C3 --part XH-51320-0002")
        #expect(out.contains("not read since the sale on 2026-09-28"))
        #expect(Demo.field(out, "part covered") == "cannot decide")
        #expect(out.contains("escalate to the maker (warranty claim-open)"))
    }

    @Test func checkRefusesEveryBadArgumentAtOnce() throws {
        let shell = try Demo.shell("夏勇")   // a lookup: any member of staff
        let err = try shell.expectRefused("warranty check 粤Z00000 --part XX-1 --operation NOPE")
        #expect(err.contains("there is no vehicle 粤Z00000"))
        #expect(err.contains("there is no part XX-1"))
        #expect(err.contains("there is no labour operation NOPE"))
    }

    @Test func X1_policyIsShown() throws {
        let out = try Demo.shell("夏勇").expectOK("warranty policy")
        #expect(out.contains("3 years / 100,000 km: every part and repair not excluded"))
        #expect(out.contains("ev          8 years / 160,000 km  EV-BATT-CHECK, EV-CHARGE-PORT, EV-COOLANT"))
        #expect(Demo.field(out, "never under warranty") == "brake, consumable")
        #expect(Demo.field(out, "wear and service parts")?.hasPrefix("XH-11720-0005, XH-12290-0002") == true)
    }

    @Test func X1_aStoreWithoutPolicyIsToldHowToAddOne() throws {
        let shell = try TestShell(user: "薛淑芬", plugins: [WarrantyPlugin()])
        let err = try shell.expectRefused("warranty policy")
        #expect(err.contains("[plugin.warranty] settings: the store has no warranty rules; add [plugin.warranty] in store.toml"))
        let check = try shell.expectRefused("warranty check 粤B82396")
        #expect(check.contains("there is no vehicle 粤B82396"))
        #expect(check.contains("no warranty rules"))
    }

    /// A store loaded from a store.toml whose warranty section has mistakes.
    @Test func X1_malformedPolicyIsRefusedSettingBySetting() throws {
        let shell = try Demo.shell(warrantySection: """
            basic = "三年"
            cover_gearbox = "5y/150000km"
            excluded_operations = ["MNT-9K"]
            """)
        let err = try shell.expectRefused("warranty check 粤B82396")
        #expect(err.contains("[plugin.warranty] basic: '三年' is not a cover"))
        #expect(err.contains("[plugin.warranty] cover_gearbox: no part in the catalogue is in group 'gearbox'"))
        #expect(err.contains("[plugin.warranty] excluded_operations: there is no labour operation MNT-9K"))
        // The workshop goes on: a line is added, with a word about the settings instead of advice.
        try shell.expectOK("ro open 粤B82396")
        #expect(try shell.expectOK("ro part XH-25450-0001").contains("no warranty advice: the warranty policy in store.toml is not usable"))
        // In Chinese, each problem still names the setting as store.toml writes it.
        shell.session.languageChoice = .chinese
        let zh = try shell.expectRefused("warranty check 粤B82396")
        #expect(zh.contains("[plugin.warranty] basic：“三年”不是保修期限"), "\(zh)")
        #expect(zh.contains("[plugin.warranty] cover_gearbox：备件目录中没有属于“gearbox”组的备件"), "\(zh)")
        #expect(zh.contains("[plugin.warranty] excluded_operations：工时目录中没有工时项目 MNT-9K"), "\(zh)")
        #expect(!zh.contains("is not a cover"), "\(zh)")
        #expect(try shell.expectOK("ro part XH-12341-0001").contains("无保修建议：store.toml 中的保修政策无法使用"))
    }
}

/// Settings that read cleanly but name what the catalogue lacks: the same problems, in the same
/// order, whether the settings were read before (they are kept) or not.
@Suite struct WarrantyPolicyCatalogueTests {
    @Test func X1_settingsNamingWhatTheCatalogueLacksAreRefusedEachTime() throws {
        // A part number as the catalogue does not write it (lower case), a group no part is in, a code with no operation.
        let shell = try Demo.shell(warrantySection: """
            basic = "3y/100000km"
            cover_powertrain = "5y/150000km"
            excluded = ["gearbox"]
            excluded_parts = ["xh-15400-0001"]
            operations_powertrain = ["GBX-NONE"]
            """)
        for _ in 0..<2 {
            let err = try shell.expectRefused("warranty policy")
            let problems = ["excluded: no part in the catalogue is in group 'gearbox'", "excluded_parts: there is no part xh-15400-0001",
                            "operations_powertrain: there is no labour operation GBX-NONE"]
            let places = problems.map { err.range(of: $0)?.lowerBound }
            #expect(places.allSatisfy { $0 != nil }, "\(err)")
            #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(err)")
        }
        try shell.expectOK("ro open 粤B82396")
        #expect(try shell.expectOK("ro part XH-25450-0001").contains("no warranty advice: the warranty policy in store.toml is not usable"))
        #expect(try shell.expectOK("ro part XH-44017-0001").contains("no warranty advice: the warranty policy in store.toml is not usable"))
    }
}

/// Issue 12, item 6: what `warranty check` and the line advice must not say.
@Suite struct WarrantyScopeTests {
    @Test func X1_noEVCoverOnAPetrolCar() throws {
        let shell = try Demo.shell()
        // 粤B82396 is a 星河 S5 1.5T (petrol); 粤BD11513 a 星河 EV6.
        let petrol = try shell.expectOK("warranty check 粤B82396")
        #expect(!petrol.contains("ev cover") && petrol.contains("powertrain cover"))
        #expect(try shell.expectOK("warranty check 粤BD11513").contains("ev cover"))
    }

    @Test func X1_dentAndPaintOnAnAccidentCarIsNeverWarranty() throws {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤B27DP2", "ro complaint --text 倒车撞到立柱", "ro check-in --mileage 19100 --fuel 4 --covers --damage 后保险杠破裂"])
        // Before the claim: 粤B27DP2 (sold 2026-02) is within basic cover, so the rules alone would say yes.
        #expect(try shell.expectOK("warranty check 粤B27DP2 --operation PAINT-BUMPER").contains("within basic cover"))
        try shell.expectOK("ro insurance --insurer PICC --claim RDAA2026001 --assessed 900")
        let check = try shell.expectOK("warranty check 粤B27DP2 --operation PAINT-BUMPER")
        #expect(check.contains("accident damage on RO-20261123-0001") && !check.contains("within basic cover"))
        // No "consider --payer warranty" on the estimate; a warning if someone puts it there.
        #expect(!(try shell.expectOK("ro labor BODY-DENT")).contains("--payer warranty"))
        #expect(try shell.expectOK("ro labor PAINT-BUMPER --payer warranty").contains("is accident damage (an insurance repair), not a defect"))
        // Mechanical work on the same car is still judged by the rules.
        #expect(try shell.expectOK("warranty check 粤B27DP2 --operation SUSP-LINK").contains("within basic cover"))
    }

    @Test func R3_5_aRejectedClaimPutsItsLinesToTheCustomerForApproval() throws {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤B27DP2", "ro complaint --text 过减速带有异响", "ro check-in --mileage 19100 --fuel 4 --covers",
                             "ro warranty pending-diagnosis", "ro documents", "ro labor SUSP-LINK --payer warranty", "ro labor MNT-5K", "ro promise",
                             "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博",
                             "warranty claim-open RO-20261123-0001 --operation SUSP-LINK --symptom 异响 --diagnosis 连杆球头松旷，疑似装配问题"])
        shell.session.user = "任雪"
        try shell.expectOK("warranty claim-update WC-20261123-01 --status submitted --maker-ref XH-SQ-1")
        let rejected = try shell.expectOK("warranty claim-update WC-20261123-01 --status rejected --note 外力损伤")
        #expect(rejected.contains("wait for the customer's approval"))
        shell.session.format = .json
        let show = try shell.expectOK("ro show RO-20261123-0001")
        #expect(show.contains("\"pending\""))
        shell.session.format = .table
        // The order cannot reach the self-check (nor close at ¥0) before the customer decides.
        shell.session.user = "薛淑芬"
        #expect(try shell.expectOK("ro why-not RO-20261123-0001 self-check").contains("SUSP-LINK"))
    }
}
