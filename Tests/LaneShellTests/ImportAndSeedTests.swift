import Foundation
import LaneTesting
import Testing
@testable import LaneShell

/// Loading and importing are the admin's (or the service manager's) work.
@Suite struct ImportAndSeedTests {
    func file(_ name: String, _ text: String) throws -> URL {
        let url = try ScratchFolders.make("lane-import").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func seedLoadFillsAnEmptyDatabase() throws {
        let shell = try TestShell(user: "admin")
        let out = try shell.expectOK("seed load \(TestShell.seedsPath)")
        #expect(out.contains("customers.csv"))
        let counts = try shell.store.tableCounts()
        #expect(counts["customer"] ?? 0 >= 30)
        #expect(counts["vehicle"] ?? 0 >= 30)
        #expect(counts["staff"] ?? 0 > 0)
        #expect(counts["part"] ?? 0 > 0)
        #expect(counts["labor_operation"] ?? 0 > 0)
        #expect(try shell.expectOK("store show").contains("星河汽车深圳南山4S店"))
    }

    @Test func seedLoadRefusesADatabaseThatHoldsData() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        #expect(try shell.expectRefused("seed load \(TestShell.seedsPath)").contains("fills an empty database only"))
    }

    @Test func seedLoadRefusesAFolderWithoutSeeds() throws {
        let shell = try TestShell(user: "admin")
        #expect(try shell.expectRefused("seed load /nonexistent/seeds").contains("/nonexistent/seeds"))
    }

    @Test func importCustomersAddsEveryRow() throws {
        let shell = try TestShell(user: "admin")
        let csv = try file("customers.csv", "code,name,phone,address\nC0101,王小明,13800138000,广州\nC0102,李四,138 0013 8001,\n")
        #expect(try shell.expectOK("import customers \(csv.path)").contains("imported 2 customers"))
        #expect(try shell.expectOK("customer show C0102").contains("13800138001"))
    }

    @Test func importWithABadRowNamesLineAndFieldAndImportsNothing() throws {
        let shell = try TestShell(user: "admin")
        let csv = try file("bad.csv", "code,name,phone,address\nC0101,王小明,13800138000,广州\nC0102,李四,1234,深圳\nC0103,,13900139000,\n")
        let err = try shell.expectRefused("import customers \(csv.path)")
        #expect(err.contains("nothing was imported from bad.csv"))
        #expect(err.contains("bad.csv line 3 phone: '1234'"))
        #expect(err.contains("bad.csv line 4 name: the name is empty"))
    }

    @Test func importRefusesRowsAlreadyOnFile() throws {
        let shell = try TestShell(user: "admin")
        let csv = try file("c.csv", "code,name,phone,address\nC0101,王小明,13800138000,广州\n")
        try shell.expectOK("import customers \(csv.path)")
        #expect(try shell.expectRefused("import customers \(csv.path)").contains("C0101 is already a customer"))
    }

    @Test func importVehiclesChecksOwnersVinsAndPlates() throws {
        let shell = try TestShell(user: "admin")
        try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        let good = try file("v.csv", "vin,plate,model,owner,sold,mileage\nLXHCB1A24T0000017,粤BD12345,星河 E3,C0001,2026-10-01,15\n")
        #expect(try shell.expectOK("import vehicles \(good.path)").contains("imported 1 vehicle"))
        let bad = try file("v2.csv", "vin,plate,model,owner,sold,mileage\nLXHCB1A26T0000018,粤BD12345,星河 E3,C0009,2026-10-01,15\n")
        let err = try shell.expectRefused("import vehicles \(bad.path)")
        #expect(err.contains("v2.csv line 2"))
        #expect(err.contains("粤BD12345"))
        #expect(err.contains("C0009"))
    }

    @Test func importRefusesAFileWithoutTheNeededColumns() throws {
        let shell = try TestShell(user: "admin")
        let csv = try file("c.csv", "name,mobile\n王小明,13800138000\n")
        #expect(try shell.expectRefused("import customers \(csv.path)").contains("phone"))
    }

    @Test func importOfAMissingFileIsRefused() throws {
        let shell = try TestShell(user: "admin")
        #expect(try shell.expectRefused("import customers /nonexistent.csv").contains("/nonexistent.csv"))
    }

    @Test func dealershipListsComeFromTheSeeds() throws {
        let shell = try TestShell(user: "admin", seeded: true)
        let technicians = try shell.expectOK("staff list --role technician")
        #expect(technicians.contains("technician"))
        #expect(!technicians.contains("cashier"))
        #expect(try shell.expectRefused("staff list --role pilot").contains("pilot"))
        #expect(try shell.expectOK("catalog parts").contains("¥"))
        #expect(try shell.expectOK("catalog labor").split(separator: "\n").count > 10)
    }
}
