import Testing
@testable import LaneStore
import LaneCore

@Test func insertedCustomerGetsCodeAndIsFoundByIdAndNumber() throws {
    let store = try makeStore()
    let c = try addCustomer(store, "王小明", "+86 138 0013 8000", address: "广州市天河区")
    #expect(c.code == "C0001")
    #expect(c.name == "王小明")
    #expect(c.phone.digits == "13800138000")
    #expect(c.createdAt == testNow)
    try store.read { tx throws in
        #expect(try tx.customer(id: c.id) == c)
        #expect(try tx.customer(number: 1) == c)
        #expect(try tx.customer(number: 2) == nil)
        #expect(try tx.customer(id: c.id + 1) == nil)
    }
}

@Test func customerNumbersCountUpFromTheHighest() throws {
    let store = try makeStore()
    let fields = try customerFields("王小明", "13800138000")
    // Imports may bring their own numbers; the allocator never hands them out again.
    try store.write { tx throws in _ = try tx.insertCustomer(number: 41, fields: fields, at: testNow) }
    let next = try addCustomer(store, "李四", "13900139000")
    #expect(next.code == "C0042")
    #expect(try store.read { try $0.customerCount() } == 2)
}

@Test func duplicateCustomerNumberIsAStoreFailure() throws {
    let store = try makeStore()
    let fields = try customerFields("王小明", "13800138000")
    try store.write { tx throws in _ = try tx.insertCustomer(number: 7, fields: fields, at: testNow) }
    let message = storeFailureMessage {
        try store.write { tx throws in _ = try tx.insertCustomer(number: 7, fields: fields, at: testNow) }
    }
    #expect(message?.contains("customer.number") == true)
    #expect(try store.read { try $0.customerCount() } == 1)
}

@Test func customersAreFoundByExactPhoneInNumberOrder() throws {
    let store = try makeStore()
    let husband = try addCustomer(store, "王小明", "13800138000")
    try addCustomer(store, "李四", "13900139000")
    let wife = try addCustomer(store, "王芳", "13800138000")
    try store.read { tx throws in
        #expect(try tx.customers(phone: "13800138000").map(\.id) == [husband.id, wife.id])
        #expect(try tx.customers(phone: "1380013800").isEmpty)
    }
}

@Test func customersAreFoundByExactName() throws {
    let store = try makeStore()
    let a = try addCustomer(store, "王芳", "13800138000")
    try addCustomer(store, "王芳芳", "13900139000")
    let b = try addCustomer(store, "王芳", "13700137000")
    #expect(try store.read { try $0.customers(named: "王芳") }.map(\.code) == [a.code, b.code])
}

@Test func chineseNamePrefixFindsOnlyNamesStartingWithIt() throws {
    let store = try makeStore()
    try addCustomer(store, "王小明", "13800138000")
    try addCustomer(store, "李王", "13900139000")
    try addCustomer(store, "王芳", "13700137000")
    try addCustomer(store, "汪洋", "13600136000")
    try store.read { tx throws in
        // Ordered by name in binary (UTF-8) order: 小 U+5C0F before 芳 U+82B3.
        #expect(try tx.customers(namePrefix: "王", limit: 10).map(\.name) == ["王小明", "王芳"])
        #expect(try tx.customers(namePrefix: "王小", limit: 10).map(\.name) == ["王小明"])
        #expect(try tx.customers(namePrefix: "李", limit: 10).map(\.name) == ["李王"])
        #expect(try tx.customers(namePrefix: "张", limit: 10).isEmpty)
        #expect(try tx.customers(namePrefix: "王", limit: 1).map(\.name) == ["王小明"])
    }
}

@Test func latinNamePrefixIsCaseSensitive() throws {
    let store = try makeStore()
    try addCustomer(store, "John Smith", "13800138000")
    try addCustomer(store, "Johanna Li", "13900139000")
    try store.read { tx throws in
        #expect(try tx.customers(namePrefix: "Joh", limit: 10).map(\.name) == ["Johanna Li", "John Smith"])
        #expect(try tx.customers(namePrefix: "joh", limit: 10).isEmpty)
    }
}

@Test func phonePrefixAndTailSearches() throws {
    let store = try makeStore()
    let a = try addCustomer(store, "王小明", "13800138000")
    let b = try addCustomer(store, "李四", "13912348000")
    let c = try addCustomer(store, "张三", "13812345678")
    try store.read { tx throws in
        #expect(try tx.customers(phonePrefix: "138", tail: false, limit: 10).map(\.id) == [a.id, c.id])
        #expect(try tx.customers(phonePrefix: "8000", tail: true, limit: 10).map(\.id) == [a.id, b.id])
        #expect(try tx.customers(phonePrefix: "5678", tail: true, limit: 10).map(\.id) == [c.id])
        // A tail is not a prefix and vice versa.
        #expect(try tx.customers(phonePrefix: "8000", tail: false, limit: 10).isEmpty)
        #expect(try tx.customers(phonePrefix: "138", tail: true, limit: 10).isEmpty)
        #expect(try tx.customers(phonePrefix: "8000", tail: true, limit: 1).map(\.id) == [a.id])
    }
}

@Test func customersPageInNumberOrder() throws {
    let store = try makeStore()
    for (i, name) in ["赵一", "钱二", "孙三", "李四", "周五"].enumerated() {
        try addCustomer(store, name, "1380013800\(i)")
    }
    try store.read { tx throws in
        #expect(try tx.customers(limit: 2, offset: 0).map(\.code) == ["C0001", "C0002"])
        #expect(try tx.customers(limit: 2, offset: 2).map(\.code) == ["C0003", "C0004"])
        #expect(try tx.customers(limit: 2, offset: 4).map(\.code) == ["C0005"])
        #expect(try tx.customers(limit: 2, offset: 5).isEmpty)
    }
}

@Test func updatedCustomerIsFoundByTheNewPhoneAndTail() throws {
    let store = try makeStore()
    var c = try addCustomer(store, "王小明", "13800138000")
    c.name = "王晓明"
    c.phone = try MobileNumber.parse("13912345678").get()
    c.address = "深圳市南山区"
    let updated = c
    try store.write { tx throws in try tx.updateCustomer(updated) }
    try store.read { tx throws in
        #expect(try tx.customer(id: c.id) == updated)
        #expect(try tx.customers(phone: "13800138000").isEmpty)
        #expect(try tx.customers(phonePrefix: "5678", tail: true, limit: 5).map(\.id) == [c.id])
        #expect(try tx.customers(phonePrefix: "8000", tail: true, limit: 5).isEmpty)
    }
}

@Test func damagedPhoneNumberInTheFileIsReportedNotCrashed() throws {
    let store = try makeStore()
    try addCustomer(store, "王小明", "13800138000")
    try store.unsafeExecute("UPDATE customer SET phone = '12345' WHERE number = 1")
    let message = storeFailureMessage { _ = try store.read { try $0.customer(number: 1) } }
    #expect(message == "customer 1 has a damaged phone number '12345'")
}
