import LaneTesting
import Testing
@testable import LaneShell

@Suite struct VehicleCommandTests {
    /// A shell with one customer, C0001 欧阳娜娜.
    func shellWithOwner() throws -> TestShell {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13912345678")
        return shell
    }

    let addNEV = "vehicle add --vin LXHCB1A24T0000017 --plate 粤BD12345 --model '星河 E3' --owner C0001 --sold 2026-10-01 --mileage 1200"

    @Test func addRegistersANewEnergyVehicleWithItsSale() throws {
        let shell = try shellWithOwner()
        let out = try shell.expectOK(addNEV)
        #expect(out.hasPrefix("added vehicle 粤BD12345 星河 E3 for 欧阳娜娜 C0001"))
        #expect(out.contains("new energy    yes"))
        let history = try shell.expectOK("vehicle history 粤BD12345")
        #expect(history.contains("2026-10-01"))
        #expect(history.contains("sold to 欧阳娜娜 C0001"))
        #expect(history.contains("薛淑芬"))
    }

    @Test func addAcceptsLowercaseVinAndAnOrdinaryPlate() throws {
        let shell = try shellWithOwner()
        try shell.expectOK("vehicle add --vin lxhcb1a24t0000017 --plate 粤B12345 --model 星河S5 --owner 欧阳娜娜 --sold 2025/3/8")
        let out = try shell.expectOK("vehicle show LXHCB1A24T0000017")
        #expect(out.contains("粤B12345"))
        #expect(out.contains("2025-03-08"))
    }

    @Test func addListsEveryProblemIncludingDuplicates() throws {
        let shell = try shellWithOwner()
        try shell.expectOK(addNEV)
        let err = try shell.expectRefused(
            "vehicle add --vin LXHCB1A24T0000018 --plate 粤BD12345 --model X --owner C0099 --sold 2027-10-01 --mileage -5")
        #expect(err.contains("vin: the check digit (9th character)"))
        #expect(err.contains("plate: 粤BD12345 is already registered"))
        #expect(err.contains("owner: there is no customer C0099"))
        #expect(err.contains("sold: 2027-10-01 is in the future"))
        #expect(err.contains("mileage: '-5'"))
    }

    @Test func addRefusesADuplicateVin() throws {
        let shell = try shellWithOwner()
        try shell.expectOK(addNEV)
        let err = try shell.expectRefused(
            "vehicle add --vin LXHCB1A24T0000017 --plate 粤B54321 --model X --owner C0001 --sold 2026-10-01")
        #expect(err.contains("vin: LXHCB1A24T0000017 is already registered, on 粤BD12345"))
    }

    @Test func addRefusesMalformedVinPlateAndDate() throws {
        let shell = try shellWithOwner()
        let err = try shell.expectRefused("vehicle add --vin LXHCB1A2IT000001 --plate 粤Z1 --model X --owner C0001 --sold 2026-13-01")
        #expect(err.contains("vin: a VIN has 17 characters"))
        #expect(err.contains("plate: '粤Z1'"))
        #expect(err.contains("sold: '2026-13-01' is not a date"))
    }

    @Test func mileageNeverGoesBackwards() throws {
        let shell = try shellWithOwner()
        try shell.expectOK(addNEV)
        let err = try shell.expectRefused("vehicle edit 粤BD12345 --mileage 1000")
        #expect(err.contains("less than the 1200 km recorded on 2026-10-01"))
        let out = try shell.expectOK("vehicle edit 粤BD12345 --mileage 1500")
        #expect(out.contains("mileage 1500 km on 2026-11-23"))
    }

    @Test func editRefusesAPlateThatAnotherVehicleHas() throws {
        let shell = try shellWithOwner()
        try shell.expectOK(addNEV)
        try shell.expectOK("vehicle add --vin LXHCB1A26T0000018 --plate 粤B54321 --model X --owner C0001 --sold 2026-10-01")
        let err = try shell.expectRefused("vehicle edit 粤B54321 --plate 粤BD12345")
        #expect(err.contains("粤BD12345 is already registered"))
    }

    @Test func transferChangesOwnerAndKeepsHistory() throws {
        let shell = try shellWithOwner()
        try shell.expectOK("customer add --name 李四 --phone 13800138000")
        try shell.expectOK(addNEV)
        try shell.expectOK("vehicle edit 粤BD12345 --mileage 1500")
        let out = try shell.expectOK("vehicle transfer 粤BD12345 --to C0002")
        #expect(out.hasPrefix("粤BD12345 now belongs to 李四 C0002 (was 欧阳娜娜 C0001)"))
        let history = try shell.expectOK("vehicle history 粤BD12345")
        #expect(history.contains("sold to 欧阳娜娜 C0001"))
        #expect(history.contains("odometer reading"))
        #expect(history.contains("欧阳娜娜 C0001 → 李四 C0002"))
        #expect(try shell.expectOK("customer show C0002").contains("粤BD12345"))
    }

    @Test func transferRefusesTheCurrentOwnerAndUnknownOwners() throws {
        let shell = try shellWithOwner()
        try shell.expectOK(addNEV)
        #expect(try shell.expectRefused("vehicle transfer 粤BD12345 --to C0001").contains("already owns 粤BD12345"))
        #expect(try shell.expectRefused("vehicle transfer 粤BD12345 --to C0077").contains("C0077"))
        #expect(try shell.expectRefused("vehicle transfer 粤A00000 --to C0001").contains("粤A00000"))
    }

    @Test func listShowsVehiclesWithOwners() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("vehicle list --limit 3")
        #expect(out.split(separator: "\n").count == 6) // header, rule, three rows, and the line saying more follow
        #expect(out.contains("more follow"))
    }

    @Test func showUsesTheCurrentVehicleWhenLeftOut() throws {
        let shell = try shellWithOwner()
        try shell.expectOK(addNEV)
        #expect(try shell.expectRefused("vehicle show", code: .usage).contains("vehicle"))
        try shell.expectOK("use 粤BD12345")
        #expect(try shell.expectOK("vehicle show").contains("LXHCB1A24T0000017"))
    }
}
