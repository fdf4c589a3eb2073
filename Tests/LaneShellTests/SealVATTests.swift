import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell
@testable import ServiceDepartment

/// An order's seal covers what is stored of it, not a total worked out at
/// today's VAT rate: changing the rate (`store set rates.vat_basis_points`)
/// leaves every seal sound, while a row changed outside lane is still found.
@Suite struct SealVATTests {
    /// A sealed store whose orders' seals are of the first form, as a store sealed before version 2 has them.
    static func sealedInTheFirstForm() throws -> TestShell {
        let shell = try SealEveryRowTests().shell()
        let key = try #require(shell.store.secretKey)
        let vat = try shell.session.settings().vatBasisPoints
        try shell.store.write { tx in
            for number in try tx.seals(kind: "repair_order").keys {
                guard let o = try tx.repairOrder(number: number) else { continue }
                try tx.saveSeal(kind: "repair_order", ref: number, mac: AuditTrail.mac(key, RowSeals.legacyFacts(o, vatBasisPoints: vat)))
            }
        }
        return shell
    }

    @Test func changingTheVATRateLeavesEveryOrdersSealSound() throws {
        let shell = try SealEveryRowTests().shell()
        try shell.expectOK("store set rates.vat_basis_points 900")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        try shell.store.unsafeExecute("UPDATE repair_order SET paid_fen = 100 WHERE number = 'RO-20261123-0001'")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.order_changed"])
    }

    /// A store sealed before this version: its orders' seals cover the total at the rate of then.
    /// They still verify, and a change of the rate seals them anew, so they stay sound after it.
    @Test func anOlderStoresSealsStaySoundAcrossAVATChange() throws {
        let shell = try Self.sealedInTheFirstForm()
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        try shell.expectOK("store set rates.vat_basis_points 600")
        #expect(try shell.expectOK("store check").contains("the database file is sound"))
        try shell.store.unsafeExecute("UPDATE repair_order SET paid_fen = 100 WHERE number = 'RO-20261123-0001'")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.order_changed"])
    }

    /// An old seal that no longer matches its order (changed outside lane before
    /// the rate changed) is not sealed over by the change of rate.
    @Test func aRateChangeDoesNotSealOverAnOrderChangedOutsideLane() throws {
        let shell = try Self.sealedInTheFirstForm()
        try shell.store.unsafeExecute("UPDATE repair_order SET paid_fen = 100 WHERE number = 'RO-20261123-0001'")
        try shell.expectOK("store set rates.vat_basis_points 600")
        #expect(try shell.expectRefusalCodes("store check") == ["seal.changed_outside", "seal.order_changed"])
    }
}
