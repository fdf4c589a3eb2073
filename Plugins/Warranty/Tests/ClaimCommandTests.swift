import LaneTesting
import Testing
import WarrantyPlugin

/// Claims to the maker (R3.5, X1): a case still unclear after the diagnosis
/// is escalated; the maker's answer decides the repair order's warranty.
@Suite struct ClaimCommandTests {
    static let claim = "warranty claim-open RO-20261123-0001 --operation ENG-OIL-LEAK --symptom 发动机底部渗油 --diagnosis '油底壳密封面渗漏，疑似铸造砂眼'"

    /// 粤B82396 at reception, pending diagnosis, with the oil-leak repair on the estimate.
    func diagnosed(_ extra: [String] = []) throws -> TestShell {
        let shell = try Demo.shell()
        try Demo.run(shell, ["ro open 粤B82396", "ro complaint --text 车库地面有油迹", "ro check-in --mileage 49700 --fuel 4 --covers",
                             "ro warranty pending_diagnosis", "ro labor ENG-OIL-LEAK"] + extra)
        return shell
    }

    func warranty(_ shell: TestShell, _ ro: String = "RO-20261123-0001") throws -> String? {
        Demo.field(try shell.expectOK("ro show \(ro)"), "warranty")
    }

    @Test func R3_5_openingAClaimEscalatesTheRepairOrder() throws {
        let shell = try diagnosed()
        let out = try shell.expectOK(Self.claim)
        #expect(out.contains("claim WC-20261123-01 opened for RO-20261123-0001 粤B82396 ENG-OIL-LEAK"))
        #expect(out.contains("RO-20261123-0001 warranty: escalated to the maker"))
        #expect(out.contains("the store's rules said: outside warranty: basic cover 整车质保: age: the cover ended on 2025-05-13"))
        #expect(try warranty(shell) == "escalated")
        let show = try shell.expectOK("warranty claim-show wc-20261123-01")
        #expect(Demo.field(show, "status") == "open 待提交")
        #expect(Demo.field(show, "diagnosis") == "油底壳密封面渗漏，疑似铸造砂眼")
        // The repair order's own timeline has the escalation, by the advisor.
        #expect(try shell.expectOK("ro timeline RO-20261123-0001").contains("warranty: escalated"))
        #expect(try shell.expectOK("warranty claim-list").contains("WC-20261123-01  RO-20261123-0001  粤B82396  ENG-OIL-LEAK  open"))
    }

    @Test func R3_5_approvedByTheMakerTheRepairIsCovered() throws {
        let shell = try diagnosed()
        try shell.expectOK(Self.claim)
        shell.session.user = "任雪"
        let early = try shell.expectRefused("warranty claim-update WC-20261123-01 --status approved")
        #expect(early.contains("WC-20261123-01 is open; from there it can only become submitted"))
        #expect(early.contains("an approval needs the maker's reference"))
        #expect(try shell.expectOK("warranty claim-update WC-20261123-01 --status submitted --maker-ref XH-SQ-0456")
            .contains("WC-20261123-01: open → submitted (maker ref XH-SQ-0456)"))
        #expect(try warranty(shell) == "escalated")
        let approved = try shell.expectOK("warranty claim-update WC-20261123-01 --status approved --note 厂家同意索赔")
        #expect(approved.contains("RO-20261123-0001 warranty: covered; the maker pays"))
        #expect(try warranty(shell) == "covered")
        #expect(try shell.expectRefused("warranty claim-update WC-20261123-01 --status rejected --note x").contains("is closed (approved)"))
        #expect(try shell.expectOK("warranty claim-list").contains("no claims"))
        let all = try shell.expectOK("warranty claim-list --all")
        #expect(all.contains("approved") && all.contains("XH-SQ-0456"))
        let history = try shell.expectOK("warranty claim-show WC-20261123-01")
        #expect(history.contains("任雪    submitted  XH-SQ-0456"))
        #expect(history.contains("厂家同意索赔"))
    }

    @Test func R3_5_rejectedNeedsTheMakersReasonAndIsNotCovered() throws {
        let shell = try diagnosed()
        try Demo.run(shell, [Self.claim, "warranty claim-update WC-20261123-01 --status submitted"])
        #expect(try shell.expectRefused("warranty claim-update WC-20261123-01 --status rejected").contains("say why the maker rejected it"))
        #expect(try shell.expectOK("warranty claim-update WC-20261123-01 --status rejected --note 超出质保期，非制造缺陷")
            .contains("RO-20261123-0001 warranty: not_covered; its warranty lines are now at the customer's cost"))
        #expect(try warranty(shell) == "not_covered")
        // A new claim with new evidence may follow the rejected one.
        try shell.expectOK(Self.claim)
        #expect(try warranty(shell) == "escalated")
    }

    @Test func R3_5_theOrderWaitsForItsLastClaim() throws {
        let shell = try diagnosed(["ro labor SHOCK-F"])
        try Demo.run(shell, [
            Self.claim,
            "warranty claim-open RO-20261123-0001 --operation SHOCK-F --symptom 减震器漏油 --diagnosis 油封失效",
            "warranty claim-update WC-20261123-01 --status submitted", "warranty claim-update WC-20261123-02 --status submitted",
        ])
        #expect(try shell.expectOK("warranty claim-update WC-20261123-02 --status rejected --note 属于磨损")
            .contains("RO-20261123-0001 stays escalated: claim WC-20261123-01 is still submitted"))
        #expect(try shell.expectOK("warranty claim-update WC-20261123-01 --status approved --maker-ref XH-SQ-0457")
            .contains("RO-20261123-0001 warranty: covered"))
    }

    @Test func R3_5_pastTheTeamLeaderCheckTheAnswerStaysOnTheClaim() throws {
        let shell = try Demo.shell()
        let lines = Demo.checked.map { $0 == "ro warranty covered" ? "ro warranty pending_diagnosis" : $0 }
        try Demo.run(shell, Array(lines.prefix(while: { $0 != "ro promise" })))
        try Demo.run(shell, ["warranty claim-open RO-20261123-0001 --operation SUSP-LINK --symptom 异响 --diagnosis 连杆球头松旷"])
        try Demo.run(shell, Array(lines.drop(while: { $0 != "ro promise" })))
        try Demo.run(shell, ["warranty claim-update WC-20261123-01 --status submitted"])
        #expect(try shell.expectOK("warranty claim-update WC-20261123-01 --status approved --maker-ref XH-1")
            .contains("RO-20261123-0001 is past the team-leader check (now: passed final QC): its warranty decision stays escalated"))
        #expect(try warranty(shell) == "escalated")
    }

    @Test func R3_5_openRefusesEveryUnmetCondition() throws {
        let shell = try diagnosed()
        let err = try shell.expectRefused("warranty claim-open RO-20991231-0001 --operation ENG-OIL-LEAK --symptom ' ' --diagnosis ' '")
        #expect(err.contains("there is no repair order RO-20991231-0001"))
        #expect(err.contains("symptom: describe the fault"))
        #expect(err.contains("diagnosis: say what the diagnosis found"))
        #expect(try shell.expectRefused("warranty claim-open RO-20261123-0001 --operation SHOCK-F --symptom x --diagnosis y")
            .contains("RO-20261123-0001 has no labour line SHOCK-F; add it first"))
        try shell.expectOK(Self.claim)
        #expect(try shell.expectRefused(Self.claim).contains("WC-20261123-01 (open) is already the claim for ENG-OIL-LEAK"))
    }

    @Test func R3_5_aDecidedSignedOrderIsNotEscalated() throws {
        let shell = try Demo.shell()
        try Demo.run(shell, Demo.signed)
        #expect(try shell.expectRefused("warranty claim-open RO-20261123-0001 --operation SUSP-LINK --symptom 异响 --diagnosis 待定")
            .contains("RO-20261123-0001 was decided covered at reception (now: work order signed): a decided case is no longer escalated"))
    }

    @Test func R3_5_updateRefusals() throws {
        let shell = try diagnosed()
        try shell.expectOK(Self.claim)
        let err = try shell.expectRefused("warranty claim-update WC-20990101-01 --status paid --maker-ref ' '")
        #expect(err.contains("there is no claim WC-20990101-01"))
        #expect(err.contains("'paid' is submitted, approved or rejected"))
        #expect(err.contains("the maker's reference is empty"))
        #expect(try shell.expectRefused("warranty claim-update WC-20261123-01 --status open").contains("already open"))
        #expect(try shell.expectRefused("warranty claim-show WC-1").contains("there is no claim WC-1"))
        #expect(try shell.expectRefused("warranty claim-list --status paid").contains("'paid' is one of open, submitted, approved, rejected"))
    }

    @Test func X6_rolesForClaims() throws {
        let shell = try diagnosed()
        shell.session.user = "夏勇"
        #expect(try shell.expectRefused(Self.claim).contains("may not run warranty claim-open"))
        shell.session.user = "任雪"   // the technical director escalates too
        try shell.expectOK(Self.claim)
        shell.session.user = "何子涵"
        #expect(try shell.expectRefused("warranty claim-update WC-20261123-01 --status submitted").contains("may not run warranty claim-update"))
        try shell.expectOK("warranty claim-list")
        try shell.expectOK("warranty claim-show WC-20261123-01")
    }

    @Test func R3_5_claimsWaitingAreOnToday() throws {
        let shell = try diagnosed()
        try shell.expectOK(Self.claim)
        #expect(try shell.expectOK("today").contains("WC-20261123-01  RO-20261123-0001  粤B82396  ENG-OIL-LEAK  open"))
        shell.session.user = "任雪"
        #expect(try shell.expectOK("today").contains("submit it to the maker"))
        try shell.expectOK("warranty claim-update WC-20261123-01 --status submitted")
        #expect(try shell.expectOK("today").contains("the maker's answer"))
        shell.session.user = "顾静"   // another advisor's repair order
        #expect(!(try shell.expectOK("today")).contains("WC-20261123-01"))
        shell.session.user = "夏勇"
        #expect(!(try shell.expectOK("today")).contains("warranty claims"))
    }
}
