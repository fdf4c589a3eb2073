import LaneTesting
import Testing
import WarrantyPlugin

/// R3.5 at the estimate: a line added to a repair order gets a note when
/// who pays it and the store's warranty rules disagree (`DomainEvent.lineAdded`).
@Suite struct LineAdviceTests {
    /// 粤B82396 (sold 2022-05-14) at reception, odometer read at 49,700 km.
    func atReception() throws -> TestShell {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤B82396", "ro complaint --text 换挡冲击", "ro check-in --mileage 49700 --fuel 4 --covers"])
        return shell
    }

    @Test func R3_5_customerPaysForACoveredPart() throws {
        let shell = try atReception()
        let out = try shell.expectOK("ro part XH-25450-0001")
        #expect(out.contains("note: warranty: line 1 XH-25450-0001 变速箱油滤清器: 粤B82396 is within powertrain cover until 2027-05-13 / 150,000 km "
                             + "(5 months 21 days and 100,300 km left): consider `ro warranty RO-20261123-0001 covered` and --payer warranty"))
        // Once the order is decided covered, only the payer is left to change.
        try shell.expectOK("ro warranty covered")
        let again = try shell.expectOK("ro part XH-44017-0001")
        #expect(again.contains("consider --payer warranty"))
        #expect(!again.contains("ro warranty"))
    }

    @Test func R3_5_warrantyPaysForWhatIsNotCovered() throws {
        let shell = try atReception()
        let labour = try shell.expectOK("ro labor ENG-OIL-LEAK --payer warranty")
        #expect(labour.contains("warning: line 1 ENG-OIL-LEAK 发动机漏油检修 is on --payer warranty but 粤B82396 is outside warranty: "
                                + "basic cover 整车质保: age: the cover ended on 2025-05-13, 1 year 6 months ago"))
        let oil = try shell.expectOK("ro part XH-08232-0040 --payer warranty")
        #expect(oil.contains("warning: line 2 XH-08232-0040 5W-30全合成机油 4L is on --payer warranty but part group consumable is never under warranty"))
    }

    /// The policy is found whole against the catalogue once per state of its numbers and groups: when the
    /// catalogue changes under it (an import at another desk), the next line added reads it again.
    @Test func aPolicyIsCheckedAgainWhenTheCatalogueChanges() throws {
        let shell = try atReception()
        #expect(try shell.expectOK("ro part XH-25450-0001").contains("within powertrain cover"))
        // The EV parts regrouped: the settings' `cover_ev` now names a group no part is in.
        try shell.store.unsafeExecute("UPDATE part SET part_group = 'battery' WHERE part_group = 'ev'")
        let out = try shell.expectOK("ro part XH-44017-0001")
        #expect(out.contains("not usable (cover_ev: no part in the catalogue is in group 'ev'"), "\(out)")
    }

    @Test func R3_5_noNoteWhenPayerAndRulesAgree() throws {
        let shell = try atReception()
        for line in ["ro labor DIAG-FULL", "ro labor MNT-5K", "ro part XH-08232-0040", "ro part XH-25450-0001 --payer warranty"] {
            #expect(!(try shell.expectOK(line)).contains("note: warranty"), "\(line)")
        }
    }

    @Test func R3_5_undecidedBeforeTheOdometerIsRead() throws {
        let shell = try Demo.shell()
        // 粤B6R1C3 has not been read since its sale; the check-in sheet is not filled in yet.
        try shell.expectOK("ro open 粤B6R1C3")
        let out = try shell.expectOK("ro part XH-51320-0002 --payer warranty")
        #expect(out.contains("is on --payer warranty, but the store's rules cannot decide: basic cover 整车质保: mileage: the odometer has not been read"))
        // Read at check-in, it is decided.
        try shell.expectOK("ro check-in --mileage 3100 --fuel 6 --covers")
        #expect(!(try shell.expectOK("ro part XH-51320-0002 --payer warranty")).contains("note: warranty"))
    }

    @Test func X1_mileageOverTheBasicLimitAtCheckIn() throws {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤B27DP2", "ro check-in --mileage 100800 --fuel 4 --covers"])
        #expect(try shell.expectOK("ro labor SUSP-LINK --payer warranty").contains("mileage: 100,800 km on 2026-11-23 is 800 km over 100,000 km"))
        #expect(try shell.expectOK("ro part XH-44017-0001").contains("within powertrain cover until 2031-01-31 / 150,000 km"))
    }

    @Test func X1_evLabourUnderTheEvCover() throws {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤BD11513", "ro check-in --mileage 23500 --fuel 6 --covers"])
        #expect(try shell.expectOK("ro labor EV-COOLANT").contains("粤BD11513 is within ev cover until 2033-02-14 / 160,000 km"))
    }
}
