import LaneTesting
import Testing
@testable import LaneShell

@Suite struct CustomerCommandTests {
    @Test func addStoresAChineseNameAndNumbersTheCustomer() throws {
        let shell = try TestShell()
        let out = try shell.expectOK("customer add --name 欧阳娜娜 --phone 139-1234-5678 --address '深圳市南山区 科技园'")
        #expect(out.hasPrefix("added customer C0001 欧阳娜娜"))
        #expect(out.contains("13912345678"))
        #expect(out.contains("深圳市南山区 科技园"))
        let second = try shell.expectOK("customer add --name 李四 --phone 13800138000")
        #expect(second.hasPrefix("added customer C0002 李四"))
    }

    @Test func addRefusesEveryBadFieldAtOnceAndStoresNothing() throws {
        let shell = try TestShell()
        let err = try shell.expectRefused("customer add --name '' --phone 12345")
        #expect(err.contains("name: the name is empty"))
        #expect(err.contains("phone: '12345' is not a mainland mobile number"))
    }

    @Test func addRefusesTheSameNameAndPhoneTwice() throws {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        let err = try shell.expectRefused("customer add --name 王小明 --phone 13800138000")
        #expect(err.contains("already registered"))
        #expect(err.contains("C0001"))
    }

    @Test func addWithoutARequiredOptionIsAUsageError() throws {
        let shell = try TestShell()
        let err = try shell.expectRefused("customer add --phone 13800138000", code: .usage)
        #expect(err.contains("--name NAME is required"))
        #expect(err.contains("usage: customer add --name NAME --phone PHONE"))
    }

    @Test func unknownOptionIsAUsageErrorNamingTheKnownOnes() throws {
        let shell = try TestShell()
        let err = try shell.expectRefused("customer add --name 王小明 --phone 13800138000 --email x@y.cn", code: .usage)
        #expect(err.contains("unknown option --email"))
        #expect(err.contains("--name, --phone, --address"))
    }

    @Test func showFindsByCodePhoneAndExactName() throws {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13912345678")
        for reference in ["C0001", "13912345678", "欧阳娜娜"] {
            let out = try shell.expectOK("customer show \(reference)")
            #expect(out.contains("欧阳娜娜"), "customer show \(reference)")
        }
    }

    @Test func showRefusesAnUnknownCustomerAndSuggestsFind() throws {
        let shell = try TestShell()
        let err = try shell.expectRefused("customer show 张三")
        #expect(err.contains("no customer is called '张三'"))
        #expect(err.contains("customer find"))
    }

    @Test func showRefusesAnAmbiguousNameAndListsTheCandidates() throws {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 王芳 --phone 13800138001")
        try shell.expectOK("customer add --name 王芳 --phone 13800138002")
        let err = try shell.expectRefused("customer show 王芳")
        #expect(err.contains("C0001"))
        #expect(err.contains("C0002"))
    }

    @Test func findMatchesTheStartOfANamePhoneOrPlate() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13912345678")
        let byName = try shell.expectOK("customer find 欧阳")
        #expect(byName.contains("欧阳娜娜"))
        #expect(byName.contains("欧阳晓峰"))
        #expect(!byName.contains("贺倩"))
        let byPhone = try shell.expectOK("customer find 1391234")
        #expect(byPhone.contains("欧阳娜娜"))
        let byPlate = try shell.expectOK("customer find 粤B27DP2")
        #expect(byPlate.contains("卢文博"))
    }

    @Test func findWithNoMatchSaysSo() throws {
        let shell = try TestShell(seeded: true)
        let out = try shell.expectOK("customer find 司马")
        #expect(out.contains("no customer's name, its pinyin, a mobile number, plate or code matches '司马'"))
    }

    @Test func listPagesThroughCustomers() throws {
        let shell = try TestShell(seeded: true)
        let page = try shell.expectOK("customer list --limit 2 --offset 1")
        #expect(page.contains("C0002"))
        #expect(page.contains("C0003"))
        #expect(!page.contains("C0001"))
        #expect(!page.contains("C0004"))
        let err = try shell.expectRefused("customer list --limit zero")
        #expect(err.contains("limit: 'zero' should be a whole number"))
    }

    @Test func editChangesPhoneAndAddressOnly() throws {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        let out = try shell.expectOK("customer edit C0001 --phone 13900139000 --address 广州市天河区")
        #expect(out.hasPrefix("changed customer C0001 王小明: phone 13800138000 → 13900139000; address - → 广州市天河区"))
        #expect(out.contains("13900139000"))
        #expect(out.contains("广州市天河区"))
        #expect(try shell.expectOK("customer show 13900139000").contains("王小明"))
    }

    @Test func editRefusesABadPhoneAndAnUnknownCustomer() throws {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 王小明 --phone 13800138000")
        #expect(try shell.expectRefused("customer edit C0001 --phone 1234").contains("phone"))
        #expect(try shell.expectRefused("customer edit C0099 --phone 13900139000").contains("C0099"))
    }
}
