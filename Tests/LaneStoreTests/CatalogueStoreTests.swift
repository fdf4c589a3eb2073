import Testing
@testable import LaneStore
import LaneCore

private func phone(_ text: String) throws -> MobileNumber { try MobileNumber.parse(text).get() }

@Test func teamsInsertAndListByNameWithSkills() throws {
    let store = try makeStore()
    try store.write { tx throws in
        try tx.insertTeam(WorkshopTeam(name: "机修二组", skills: [.mechanical, .electrical]))
        try tx.insertTeam(WorkshopTeam(name: "快保组", skills: [.maintenance]))
        try tx.insertTeam(WorkshopTeam(name: "钣喷组", skills: [.body, .paint]))
        try tx.insertTeam(WorkshopTeam(name: "待定", skills: []))
    }
    let teams = try store.read { try $0.teams() }
    #expect(teams.map(\.name) == ["快保组", "待定", "机修二组", "钣喷组"].sorted())
    #expect(teams.first { $0.name == "钣喷组" }?.skills == [.body, .paint])
    #expect(teams.first { $0.name == "机修二组" }?.skills == [.mechanical, .electrical])
    #expect(teams.first { $0.name == "待定" }?.skills == [])
}

@Test func duplicateTeamIsAStoreFailure() throws {
    let store = try makeStore()
    try store.write { tx throws in try tx.insertTeam(WorkshopTeam(name: "快保组", skills: [.maintenance])) }
    let message = storeFailureMessage {
        try store.write { tx throws in try tx.insertTeam(WorkshopTeam(name: "快保组", skills: [.ev])) }
    }
    #expect(message?.contains("team.name") == true)
    #expect(try store.read { try $0.teams() } == [WorkshopTeam(name: "快保组", skills: [.maintenance])])
}

@Test func staffInsertAndListByRoleTeamAndName() throws {
    let store = try makeStore()
    let inserted = try store.write { tx throws in
        try tx.insertTeam(WorkshopTeam(name: "A组", skills: [.mechanical]))
        try tx.insertTeam(WorkshopTeam(name: "B组", skills: [.maintenance]))
        return [
            try tx.insertStaff(name: "周技师", role: .technician, team: "B组", phone: nil),
            try tx.insertStaff(name: "张顾问", role: .serviceAdvisor, team: nil, phone: try phone("13800138000")),
            try tx.insertStaff(name: "吴技师", role: .technician, team: "A组", phone: nil),
            try tx.insertStaff(name: "刘班长", role: .teamLeader, team: "A组", phone: try phone("13900139000")),
            try tx.insertStaff(name: "陈收银", role: .cashier, team: nil, phone: nil),
        ]
    }
    // The first admin comes with every new store (migration v9).
    let staff = try store.read { try $0.staff() }.filter { $0.role != .admin }
    // Sorted by the stored role name, then team, then name.
    #expect(staff.map(\.name) == ["陈收银", "张顾问", "刘班长", "吴技师", "周技师"])
    #expect(Set(staff) == Set(inserted))
    #expect(staff.first { $0.name == "张顾问" }?.phone?.digits == "13800138000")
    #expect(staff.first { $0.name == "吴技师" }?.team == "A组")
}

@Test func staffAreFoundByExactNameAndPrefix() throws {
    let store = try makeStore()
    try store.write { tx throws in
        _ = try tx.insertStaff(name: "张顾问", role: .serviceAdvisor, team: nil, phone: nil)
        _ = try tx.insertStaff(name: "张经理", role: .serviceManager, team: nil, phone: nil)
        _ = try tx.insertStaff(name: "小张", role: .cashier, team: nil, phone: nil)
    }
    try store.read { tx throws in
        #expect(try tx.staffMember(named: "张经理")?.role == .serviceManager)
        #expect(try tx.staffMember(named: "张") == nil)
        #expect(try tx.staff(namePrefix: "张", limit: 10).map(\.name).sorted() == ["张经理", "张顾问"].sorted())
        #expect(try tx.staff(namePrefix: "张", limit: 1).count == 1)
    }
}

@Test func staffNamesAreUniqueAndTeamsMustExist() throws {
    let store = try makeStore()
    try store.write { tx throws in _ = try tx.insertStaff(name: "张顾问", role: .serviceAdvisor, team: nil, phone: nil) }
    let duplicate = storeFailureMessage {
        try store.write { tx throws in _ = try tx.insertStaff(name: "张顾问", role: .cashier, team: nil, phone: nil) }
    }
    #expect(duplicate == "UNIQUE constraint failed: staff.name")
    let noTeam = storeFailureMessage {
        try store.write { tx throws in _ = try tx.insertStaff(name: "吴技师", role: .technician, team: "不存在", phone: nil) }
    }
    #expect(noTeam == "FOREIGN KEY constraint failed")
    #expect(try store.read { try $0.staff() }.map(\.name) == ["admin", "张顾问"])
}

@Test func unknownStoredRoleIsReported() throws {
    let store = try makeStore()
    try store.unsafeExecute("INSERT INTO staff (name, role) VALUES ('王五', 'janitor')")
    let message = storeFailureMessage { _ = try store.read { try $0.staff() } }
    #expect(message == "staff member 王五 has an unknown role 'janitor'")
}

@Test func laborOperationsInsertAndListByCode() throws {
    let store = try makeStore()
    let oil = LaborOperation(code: "MNT-OIL", name: "更换机油机滤", standardHours: LaborHours(hundredths: 50), skill: .maintenance)
    let brake = LaborOperation(code: "BRK-PAD-F", name: "更换前刹车片", standardHours: LaborHours(hundredths: 125), skill: .mechanical)
    try store.write { tx throws in
        try tx.insertLaborOperation(oil)
        try tx.insertLaborOperation(brake)
    }
    #expect(try store.read { try $0.laborOperations() } == [brake, oil])
    let duplicate = storeFailureMessage { try store.write { tx throws in try tx.insertLaborOperation(oil) } }
    #expect(duplicate?.contains("labor_operation.code") == true)
}

@Test func negativeStandardHoursAreRefusedByTheSchema() throws {
    let store = try makeStore()
    let bad = LaborOperation(code: "X", name: "x", standardHours: LaborHours(hundredths: -1), skill: .ev)
    let message = storeFailureMessage { try store.write { tx throws in try tx.insertLaborOperation(bad) } }
    #expect(message?.contains("CHECK constraint failed") == true)
    #expect(try store.read { try $0.laborOperations() }.isEmpty)
}

@Test func partsInsertAndListByNumberAndPrefix() throws {
    let store = try makeStore()
    let filter = Part(number: "90915-YZZD4", name: "机油滤清器", unit: "个", price: Money(fen: 4_800), stock: 20, bin: "A-01-02", group: "滤清器")
    let oil = Part(number: "08880-83715", name: "全合成机油 0W-20 4L", unit: "桶", price: Money(fen: 39_800), stock: 0, bin: "B-02-01", group: "油品")
    let pads = Part(number: "04465-02220", name: "前刹车片", unit: "套", price: Money(fen: 68_000), stock: 4, bin: "C-01-01", group: "制动")
    try store.write { tx throws in
        try tx.insertPart(filter)
        try tx.insertPart(oil)
        try tx.insertPart(pads)
    }
    try store.read { tx throws in
        #expect(try tx.parts() == [pads, oil, filter])
        #expect(try tx.parts(numberPrefix: "0", limit: 10) == [pads, oil])
        #expect(try tx.parts(numberPrefix: "0", limit: 1) == [pads])
        #expect(try tx.parts(numberPrefix: "909", limit: 10) == [filter])
        #expect(try tx.parts(numberPrefix: "1", limit: 10).isEmpty)
    }
}

@Test func partsRefuseNegativeStockOrPriceAndDuplicates() throws {
    let store = try makeStore()
    let part = Part(number: "P-1", name: "螺丝", unit: "个", price: Money(fen: 100), stock: 1, bin: "A", group: "g")
    try store.write { tx throws in try tx.insertPart(part) }
    var negativeStock = part
    negativeStock.number = "P-2"
    negativeStock.stock = -1
    var negativePrice = part
    negativePrice.number = "P-3"
    negativePrice.price = Money(fen: -1)
    for bad in [negativeStock, negativePrice] {
        let message = storeFailureMessage { try store.write { tx throws in try tx.insertPart(bad) } }
        #expect(message?.contains("CHECK constraint failed") == true, "\(bad.number)")
    }
    let duplicate = storeFailureMessage { try store.write { tx throws in try tx.insertPart(part) } }
    #expect(duplicate?.contains("part.number") == true)
    #expect(try store.read { try $0.parts() } == [part])
}

@Test func aTextListReadsBackAsEveryTextWasGiven() throws {
    // What json_each reads of the list lane writes by hand, escapes and all.
    let texts = ["XH-15400-0001", "a\"b", "x\\y", "line\nbreak\t\u{01}", "刹车片", "", "/slash"]
    let store = try makeStore()
    let read = try store.read { tx in
        try String.fetchAll(try #require(tx as? SQLiteTransaction).db, sql: "SELECT value FROM json_each(?) ORDER BY key",
                            arguments: [SQLiteTransaction.textList(texts)])
    }
    #expect(read == texts)
}

/// The warranty plugin asks for the part groups at every line added: one index seek per group, never the
/// whole catalogue (a dealer's parts catalogue holds tens of thousands of numbers).
@Test func partGroupsAreReadOneIndexSeekAGroup() throws {
    let store = try makeStore()
    let plan = try store.queryPlan(StoreBackendSupport.partGroupsSQL)
    #expect(plan.contains { $0.contains("USING COVERING INDEX part_by_group") }, "\(plan)")
    #expect(!plan.contains { $0.hasPrefix("SCAN part") }, "\(plan)")
}
