import LaneCore
import LaneTesting
import Testing
@testable import LaneShell

/// `customer find` finds a name by any part, by pinyin and by initials,
/// through the search-key index, and lists names by pinyin.
@Suite struct CustomerSearchTests {
    @Test func aNameIsFoundByAnyPartItsPinyinAndItsInitials() throws {
        let shell = try TestShell(seeded: true)
        for text in ["晓峰", "阳晓", "oyxf", "ouyangxiaofeng", "OuYang", "xiaofeng", "xf", "'ou yang'"] {
            #expect(try shell.expectOK("customer find \(text)").contains("欧阳晓峰"), "\(text)")
        }
        let none = try shell.expectOK("customer find qqqzzz")
        #expect(!none.contains("欧阳晓峰"))
    }

    @Test func surnamesICUReadsWronglyAreFoundAndSortedAsSurnames() throws {
        let shell = try TestShell()
        try shell.expectOK("customer add --name 曾国藩 --phone 13900000001")
        try shell.expectOK("customer add --name 单田芳 --phone 13900000002")
        try shell.expectOK("customer add --name 李四 --phone 13900000003")
        try shell.expectOK("customer add --name 解缙 --phone 13900000004")
        try shell.expectOK("customer add --name 仇英 --phone 13900000005")
        try shell.expectOK("customer add --name 区家明 --phone 13900000006")
        #expect(try shell.expectOK("customer find zgf").contains("曾国藩"))
        #expect(try shell.expectOK("customer find zengguofan").contains("曾国藩"))
        #expect(!(try shell.expectOK("customer find cengguofan").contains("曾国藩")))
        #expect(try shell.expectOK("customer find shantianfang").contains("单田芳"))
        #expect(try shell.expectOK("customer find xiejin").contains("解缙"))
        #expect(try shell.expectOK("customer find qiuying").contains("仇英"))
        #expect(try shell.expectOK("customer find oujiaming").contains("区家明"))
        try shell.expectOK("customer add --name 张三 --phone 13900000007")
        // Names come by pinyin, not by code: li si < shan tian fang; zeng guo fan < zhang san.
        #expect(try shell.store.read { try $0.customers(matching: "s", limit: 50) }.map(\.name) == ["李四", "单田芳", "张三"])
        #expect(try shell.store.read { try $0.customers(matching: "z", limit: 50) }.map(\.name) == ["曾国藩", "张三"])
    }

    @Test func aChangedOrErasedNameIsFoundOnlyByItsNewWords() throws {
        let shell = try TestShell(user: "admin", role: .admin)
        try shell.expectOK("customer add --name 欧阳娜娜 --phone 13912345678")
        try shell.expectOK("customer edit C0001 --name 司马光")
        #expect(try shell.expectOK("customer find smg").contains("司马光"))
        #expect(!(try shell.expectOK("customer find oynn").contains("C0001")))
        try shell.expectOK("customer erase C0001 --confirm C0001")
        #expect(!(try shell.expectOK("customer find smg").contains("C0001")))
        #expect(!(try shell.expectOK("customer find 司马").contains("C0001")))
    }

    @Test func maskedRolesStillFindOnlyByTheWholeNumberOrItsLastFour() throws {
        let shell = try TestShell(user: "钱小红", role: .technician, seeded: false)
        let refused = try shell.expectRefusalCodes("customer find 150932")
        #expect(refused.contains("customer.whole_number_or_last_four"), "\(refused)")
    }
}
