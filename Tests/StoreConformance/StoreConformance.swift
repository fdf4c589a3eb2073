import Testing
import LaneCore
import LanePlugin
import LaneStore
import ServiceDepartment

/// What every `ServiceStore` must do, whatever its backend: the SQLite store
/// passes it now (LaneStoreTests), and a PostgreSQL store will have to.
/// Each check gets a new, empty store from `make` and uses only the
/// backend-neutral protocols and the application layer's rules.
public struct StoreConformance: Sendable {
    public typealias Check = @Sendable (StoreConformance) throws -> Void

    public let make: @Sendable () throws -> any ServiceStore

    public init(make: @escaping @Sendable () throws -> any ServiceStore) { self.make = make }

    /// Every check, by name, for a parameterised test.
    public static let checks: [(name: String, run: Check)] = [
        ("customers round-trip and are found by phone, name and prefix", { try $0.customersRoundTrip() }),
        ("numbers are never handed out twice, per series", { try $0.numbersAreNeverHandedOutTwice() }),
        ("a claimed number is never handed out", { try $0.claimedNumbersAreSkipped() }),
        ("a change that throws leaves nothing behind", { try $0.aFailedChangeLeavesNothing() }),
        ("a repair order round-trips with its lines and checks", { try $0.repairOrdersRoundTrip() }),
        ("the audit trail chains and verifies", { try $0.auditTrailChains() }),
        ("PIN records round-trip and count failures", { try $0.pinRecordsRoundTrip() }),
        ("personal values are kept apart from the audit rows, found by customer and erased", { try $0.auditPersonalValuesKeptApart() }),
        ("audit rows say whether the store's rows are sealed; every order is found page by page", { try $0.sealedRowsAndEveryOrder() }),
        ("the customers whose contacts a change wrote are noted once", { try $0.changedContactsAreNoted() }),
        ("stock moves go through the ledger", { try $0.stockMovesWriteTheLedger() }),
        ("part groups are the groups parts belong to", { try $0.partGroupsAreTheGroupsPartsBelongTo() }),
        ("the store's versions move with the settings, the staff list and the catalogue's numbers, and with nothing else",
         { try $0.storeVersionsMoveWithWhatTheyFollow() }),
        ("labour operations are found several at once by their codes", { try $0.laborOperationsAreFoundByTheirCodes() }),
        ("an erasure replaces what it lists with the values it gives, and nothing else", { try $0.erasureAppliesTheGivenValues() }),
        ("settings round-trip, the store's own and plugins'", { try $0.settingsRoundTrip() }),
        ("a vehicle keeps its history in order", { try $0.vehicleHistoryInOrder() }),
        ("appointments are found by day and keep their reservations", { try $0.appointmentsAndReservations() }),
        ("appointments for cars not yet registered, no-shows, and cars in the workshop or booked", { try $0.callListStanding() }),
        ("reminder calls and delayed deliveries are logged", { try $0.remindersAreLogged() }),
        ("follow-up calls and complaints round-trip", { try $0.followUpsAndComplaints() }),
        ("a plugin changes only its own tables", { try $0.pluginsStayInTheirNamespace() }),
        ("the print log keeps every print, per document, and refuses a copy twice", { try $0.printLogKeepsEveryPrint() }),
        ("a run-time plugin's state goes with its transaction", { try $0.pluginStateAndContainment() }),
        ("the reminder schedule follows the writes that move a due date", { try $0.reminderScheduleFollowsTheWrites() }),
        ("the due list's schedule read leaves out the entries not listed that day", { try $0.scheduleLeavesOutEntriesNotListed() }),
        ("several rows are read by id at once", { try $0.batchReads() }),
        ("the reminder rules read several histories as the whole histories give them", { try $0.serviceHistoryOfSeveralVehicles() }),
        ("the reminder rules read several vehicles' calls as their logs give them", { try $0.loggedCallsOfSeveralVehicles() }),
        ("orders delivered in a period are read a page at a time", { try $0.deliveredOrdersPaged() }),
        ("the call lists read delivered orders' heads as the whole orders give them", { try $0.deliveredOrderHeads() }),
        ("comebacks, rework lines and where a technician is clocked on are kept and found", { try $0.comebacksReworkAndClocks() }),
        ("a report's orders of a period come in two statements and are those orders read one by one", { try $0.reportPeriodOrders() }),
        ("orders in some statuses are read newest first a page at a time, ties by id", { try $0.newestOrdersPaged() }),
        ("payments, an insurance claim and a credit account round-trip", { try $0.paymentsAndCreditAccounts() }),
        ("the register's newest page, the decline counts and a campaign's calls come from the log", { try $0.boundedRegisters() }),
        ("the follow-up records of several orders are read at once", { try $0.followUpsOfSeveralOrders() }),
        ("the decline counts are the log's, after calls, erasures and a failed change", { try $0.declineCountsFollowTheLog() }),
        ("the KPI day marks move with the rows the figures read, and shares are kept", { try $0.kpiDayMarksMoveWithTheRows() }),
        ("the customers' and vehicles' counts are their rows', after adding and a failed change", { try $0.rowCountsFollowTheRows() }),
        ("a period's follow-up scores are its calls', whole hours from the kept sums", { try $0.followUpScoresKeptPerHour() }),
        ("a period's calls are read a page at a time, its scores whole", { try $0.followUpPagesAndScores() }),
    ]

    static let now = Timestamp(secondsSince1970: 1_795_397_400)
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    func customer(_ tx: any StoreWriting, _ name: String, _ phone: String) throws -> Customer {
        let fields = try CustomerFields.validate(name: name, phone: phone, address: "广东省深圳市南山区科技园1号").get()
        return try tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: Self.now)
    }

    func vehicle(_ tx: any StoreWriting, owner: Customer) throws -> Vehicle {
        let fields = try VehicleFields.validate(vin: "LSGPC54R7DF000001", plate: "粤B12345", model: "星河 S5", sold: "2024-05-01",
                                                mileage: "12000", today: Self.today).get()
        return try tx.insertVehicle(fields, ownerID: owner.id, at: Self.now)
    }

    public func customersRoundTrip() throws {
        let store = try make()
        let added = try store.write { tx in try customer(tx, "欧阳晓峰", "13800138000") }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.customer(id: added.id) == added)
            #expect(try tx.customer(number: 1)?.name == "欧阳晓峰")
            #expect(try tx.customers(phone: "13800138000").map(\.id) == [added.id])
            #expect(try tx.customers(named: "欧阳晓峰").count == 1)
            #expect(try tx.customers(namePrefix: "欧阳", limit: 10).count == 1)
            // Anywhere in the name, by pinyin and by initials (the store keeps the keys with the name).
            for text in ["晓峰", "ouyang", "xiaofeng", "oyxf", "XF"] {
                #expect(try tx.customers(matching: text, limit: 10).map(\.id) == [added.id], "\(text)")
            }
            #expect(try tx.customers(matching: "ouyangx2", limit: 10).isEmpty)
            #expect(try tx.customers(phonePrefix: "8000", tail: true, limit: 10).count == 1)
            #expect(try tx.customers(phonePrefix: "139", tail: false, limit: 10).isEmpty)
            #expect(try tx.customerCount() == 1)
        }
    }

    public func numbersAreNeverHandedOutTwice() throws {
        let store = try make()
        let day = Self.today
        let numbers = try store.write { (tx: any StoreWriting) throws in
            [try tx.allocateNumber(in: .repairOrders(on: day)), try tx.allocateNumber(in: .repairOrders(on: day)),
             try tx.allocateNumber(in: .repairOrders(on: day.adding(days: 1))), try tx.allocateNumber(in: .appointments(on: day))]
        }
        #expect(numbers == [1, 2, 1, 1])
        // A number taken in a transaction that failed may be reused: nothing was stored under it.
        #expect(throws: Boom.self) { try store.write { tx in _ = try tx.allocateNumber(in: .repairOrders(on: day)); throw Boom() } }
        #expect(try store.write { try $0.allocateNumber(in: .repairOrders(on: day)) } == 3)
    }

    public func claimedNumbersAreSkipped() throws {
        let store = try make()
        try store.write { (tx: any StoreWriting) throws in
            try tx.claimNumber(41, in: .customers)
            try tx.claimNumber(7, in: .customers)
        }
        #expect(try store.write { try $0.allocateNumber(in: .customers) } == 42)
    }

    public func printLogKeepsEveryPrint() throws {
        let store = try make()
        func record(_ document: String, _ reference: String, _ copy: Int) -> PrintRecord {
            PrintRecord(document: document, reference: reference, copy: copy, format: "pdf", printedBy: "莫霞", printedAt: Self.now)
        }
        try store.write { (tx: any StoreWriting) throws in
            try tx.appendPrint(record("settlement", "RO-20261123-0001", 1))
            try tx.appendPrint(record("settlement", "RO-20261123-0001", 2))
            try tx.appendPrint(record("gate-pass", "RO-20261123-0001", 1))
            try tx.appendPrint(record("settlement", "RO-20261123-0002", 1))
        }
        let prints = try store.read { try $0.prints(document: "settlement", reference: "RO-20261123-0001") }
        #expect(prints == [record("settlement", "RO-20261123-0001", 1), record("settlement", "RO-20261123-0001", 2)])
        #expect(try store.read { try $0.prints(document: "estimate", reference: "RO-20261123-0001") }.isEmpty)
        // The same copy twice is refused: two prints can never both be the original.
        #expect(throws: (any Error).self) {
            try store.write { (tx: any StoreWriting) throws in try tx.appendPrint(record("settlement", "RO-20261123-0001", 2)) }
        }
    }

    public func aFailedChangeLeavesNothing() throws {
        let store = try make()
        #expect(throws: Boom.self) {
            try store.write { (tx: any StoreWriting) throws in
                _ = try customer(tx, "王小明", "13900139000")
                throw Boom()
            }
        }
        #expect(try store.read { try $0.customerCount() } == 0)
    }

    public func repairOrdersRoundTrip() throws {
        let store = try make()
        let saved = try store.write { tx -> RepairOrder in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            var o = RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id, customerID: c.id,
                                advisor: "薛淑芬", openedAt: Self.now)
            o = try tx.insertRepairOrder(o, openedOn: Self.today)
            o.complaint = "刹车异响"
            o.lines = [RepairOrderLine(id: 1, kind: .labor, code: "BRK-PAD-F", name: "更换前刹车片", hours: LaborHours(hundredths: 120),
                                       unitPrice: Money(fen: 28_000), payer: .customer, origin: .estimate, approval: .approved)]
            try tx.saveRepairOrder(o, was: try #require(try tx.repairOrder(id: o.id)))
            try tx.appendRepairOrderEvent(orderID: o.id, kind: "open", detail: "opened", at: Self.now, by: "薛淑芬")
            return o
        }
        try store.read { (tx: any StoreReading) throws in
            let loaded = try tx.repairOrder(number: saved.number)
            #expect(loaded == saved)
            #expect(try tx.repairOrders(statuses: [.reception], limit: 10).map(\.number) == [saved.number])
            #expect(try tx.repairOrderEvents(orderID: saved.id).map(\.kind) == ["open"])
        }
    }

    public func paymentsAndCreditAccounts() throws {
        let store = try make()
        let saved = try store.write { tx -> RepairOrder in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            var o = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id, customerID: c.id,
                                                         advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            let loaded = o
            o.insurance = InsuranceClaim(insurer: "PICC", claimNumber: "RDAA1", assessed: Money(fen: 280_000), deductible: Money(fen: 30_000))
            o.declinedSignedBy = "王小明"
            o.payments = [PaymentEntry(kind: .deposit, method: .wechat, amount: Money(fen: 30_000), by: "莫霞", at: Self.now),
                          PaymentEntry(kind: .payment, method: .cash, amount: Money(fen: 7_020), tendered: Money(fen: 10_000), by: "莫霞", at: Self.now)]
            try tx.saveRepairOrder(o, was: loaded)
            // Appended, never rewritten: a later save adds only the new row.
            let twice = o
            o.payments.append(PaymentEntry(kind: .refund, method: .wechat, amount: Money(fen: -100), by: "莫霞", at: Self.now))
            try tx.saveRepairOrder(o, was: twice)
            var account = CreditAccount(customerID: c.id, limit: Money(fen: 2_000_000), openedBy: "姚雪", openedAt: Self.now)
            try tx.saveCreditAccount(account)
            try account.charge(Money(fen: 41_132))
            try tx.saveCreditAccount(account)
            try tx.appendCreditAccountEntry(customerID: c.id, CreditAccountEntry(kind: .charge, amount: Money(fen: 41_132), method: nil,
                                                                                 reference: o.number, by: "莫霞", at: Self.now))
            try tx.appendCreditAccountEntry(customerID: c.id, CreditAccountEntry(kind: .repayment, amount: Money(fen: 1_132), method: .transfer,
                                                                                 reference: "回单1", by: "莫霞", at: Self.now))
            return o
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.repairOrder(number: saved.number) == saved)
            let account = try #require(try tx.creditAccount(customerID: saved.customerID))
            #expect(account.balance == Money(fen: 41_132) && account.limit == Money(fen: 2_000_000))
            #expect(try tx.creditAccountEntries(customerID: saved.customerID, limit: 1).map(\.kind) == [.repayment])
            #expect(try tx.creditAccount(customerID: saved.customerID + 1) == nil)
        }
    }

    public func auditTrailChains() throws {
        let store = try make()
        try store.write { (tx: any StoreWriting) throws in
            for n in 1...3 {
                try AuditTrail.append(AuditEntry(at: Self.now.adding(seconds: Int64(n)), user: "薛淑芬", role: "service_advisor",
                                                 command: "ro complaint --text \(n)", noun: "ro", ref: "RO-20261123-0001", summary: "\(n)"), tx)
            }
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.auditHead()?.sequence == 3)
            #expect(try tx.auditChain(afterSequence: 1, limit: 10).map(\.sequence) == [2, 3])
            #expect(try AuditTrail.verify(tx) == AuditVerification(checked: 3, firstBroken: nil))
        }
    }

    public func auditPersonalValuesKeptApart() throws {
        let store = try make()
        try store.write { (tx: any StoreWriting) throws in
            try AuditTrail.append(AuditEntry(at: Self.now, user: "薛淑芬", role: "service_advisor", command: "customer add --name \u{1A}0\u{1A}",
                                             noun: "customer", ref: "C0001", summary: "added"),
                                  personal: ["王小明"], subjects: ["C0001"], key: store.secretKey, tx)
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.auditPersonalNotErased(ofCustomer: "C0001") == [1])
            #expect(try tx.auditPersonal(sequences: [1])[1]?.values == ["王小明"])
            #expect(try tx.auditPersonal(sequences: [1])[1]?.subjects == ["C0001"])
            #expect(try AuditTrail.verify(tx, key: store.secretKey).personalChecked == 1)
        }
        try store.write { (tx: any StoreWriting) throws in try tx.eraseAuditPersonal(sequence: 1, mark: "mark") }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.auditPersonalNotErased(ofCustomer: "C0001").isEmpty)
            let erased = try tx.auditPersonal(sequences: [1])[1]
            #expect(erased?.values == [] && erased?.salt == "" && erased?.erasedMark == "mark")
            #expect(erased?.erasedValues == 1)
        }
    }

    public func sealedRowsAndEveryOrder() throws {
        let store = try make()
        let numbers = try store.write { (tx: any StoreWriting) throws -> [String] in
            try AuditTrail.append(AuditEntry(at: Self.now, user: "admin", role: "admin", command: "seed load seeds", noun: "seed", ref: "",
                                             summary: "loaded"), key: store.secretKey, tx)
            try AuditTrail.append(AuditEntry(at: Self.now, user: "admin", role: "admin", command: "store check", noun: "store", ref: "",
                                             summary: "checked"), key: store.secretKey, sealed: true, tx)
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            return try (1...3).map { n in
                try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: n), vehicleID: v.id, customerID: c.id,
                                                     advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today).number
            }
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.auditHead()?.sealed == true)
            #expect(try tx.auditEntry(sequence: 1)?.sealed == false && tx.auditEntry(sequence: 2)?.sealed == true)
            let verified = try AuditTrail.verify(tx, key: store.secretKey)
            #expect(verified.isIntact && verified.sealsBegan == 2)
            let first = try tx.repairOrderNumbers(afterID: 0, limit: 2)
            #expect(first.map(\.number) == Array(numbers.prefix(2)))
            let rest = try tx.repairOrderNumbers(afterID: try #require(first.last).id, limit: 2)
            #expect(rest.map(\.number) == [numbers[2]])
        }
    }

    public func changedContactsAreNoted() throws {
        let store = try make()
        let (first, noted) = try store.write { (tx: any StoreWriting) throws -> (Customer, [Int64]) in
            let c = try customer(tx, "王小明", "13800138000")
            var edited = c
            edited.address = "广东省深圳市福田区1号"
            try tx.updateCustomer(edited)
            return (c, try tx.customersChangedInTransaction())
        }
        #expect(noted == [first.id])
        // Noted once: the next transaction starts afresh.
        #expect(try store.write { try $0.customersChangedInTransaction() }.isEmpty)
    }

    public func pinRecordsRoundTrip() throws {
        let store = try make()
        try store.write { tx in _ = try tx.insertStaff(name: "钱小红", role: .cashier, team: nil, phone: nil) }
        try store.write { tx in try PinVault.set("2580", for: "钱小红", key: store.secretKey, tx) }
        #expect(try store.write { try PinVault.check("1111", for: "钱小红", at: Self.now, key: store.secretKey, $0) } == .wrong(failures: 1))
        #expect(try store.read { try $0.storedPin(staffName: "钱小红")?.lastFailureAt } == Self.now)
        #expect(try store.write { try PinVault.check("2580", for: "钱小红", at: Self.now, key: store.secretKey, $0) } == .accepted)
        #expect(try store.read { try $0.storedPin(staffName: "钱小红")?.failures } == 0)
        #expect(try store.write { try PinVault.check("2580", for: "nobody", at: Self.now, key: store.secretKey, $0) } == .noPin)
    }

    public func stockMovesWriteTheLedger() throws {
        let store = try make()
        try store.write { (tx: any StoreWriting) throws in
            try tx.insertPart(Part(number: "P-1", name: "机油滤清器", unit: "个", price: Money(fen: 3_800), stock: 0, bin: "A", group: "engine"))
            try Stockroom.move(StockMovement(partNumber: "P-1", delta: 2, reason: "receipt", reference: "PO-1", at: Self.now, by: "范颖"), tx)
        }
        #expect(throws: Refusal.self) {
            try store.write { (tx: any StoreWriting) throws in
                try Stockroom.move(StockMovement(partNumber: "P-1", delta: -3, reason: "issue", reference: nil, at: Self.now, by: "夏勇"), tx)
            }
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.part(number: "P-1")?.stock == 2)
            #expect(try tx.stockMovements(partNumber: "P-1").map(\.delta) == [2])
        }
    }

    /// What a session keeps of the settings and staff list, and a plugin of the catalogue, is kept while
    /// these numbers stand still: each change of what they follow draws a new one, a rolled-back change
    /// leaves the number as it was, and stock, customers and the rest move neither.
    public func storeVersionsMoveWithWhatTheyFollow() throws {
        let store = try make()
        var seen: [StoreVersions] = [try store.read { try $0.storeVersions() }]
        func after(_ change: (any StoreWriting) throws -> Void) throws -> StoreVersions {
            try store.write { (tx: any StoreWriting) throws in try change(tx) }
            let now = try store.read { try $0.storeVersions() }
            // Read on its own (a shell's check at every line), the same.
            #expect(try store.versions() == now)
            defer { seen.append(now) }
            return now
        }
        var last: StoreVersions { seen[seen.count - 1] }
        func moved(settings: Bool, catalogue: Bool, _ change: (any StoreWriting) throws -> Void) throws {
            let before = last
            let now = try after(change)
            #expect((now.settings != before.settings) == settings && (now.catalogue != before.catalogue) == catalogue, "\(before) → \(now)")
            // A number drawn is one not seen before.
            if settings { #expect(!seen.dropLast().contains { $0.settings == now.settings }) }
            if catalogue { #expect(!seen.dropLast().contains { $0.catalogue == now.catalogue }) }
        }
        try moved(settings: false, catalogue: true) { try $0.insertPart(Part(number: "P-1", name: "机油滤清器", unit: "个", price: Money(fen: 3_800), stock: 0, bin: "A", group: "engine")) }
        try moved(settings: false, catalogue: false) {
            try Stockroom.move(StockMovement(partNumber: "P-1", delta: 2, reason: "receipt", reference: "PO-1", at: Self.now, by: "范颖"), $0)
        }
        try moved(settings: false, catalogue: true) { try $0.insertLaborOperation(LaborOperation(code: "OIL", name: "更换机油", standardHours: LaborHours(hundredths: 50), skill: .mechanical)) }
        try moved(settings: true, catalogue: false) { try $0.saveSettingValue(key: "plugin.warranty.basic", value: "3y/100000km") }
        // `store unset`: a value taken away moves the settings too (another desk must stop showing the target).
        try moved(settings: true, catalogue: false) { try $0.saveSettingValue(key: "kpi.target_csi", value: "90") }
        try moved(settings: true, catalogue: false) { try $0.removeSettingValue(key: "kpi.target_csi") }
        #expect(try store.read { try $0.settingValues() }["kpi.target_csi"] == nil)
        try moved(settings: true, catalogue: false) { _ = try $0.insertStaff(name: "夏勇", role: .technician, team: nil, phone: nil) }
        try moved(settings: true, catalogue: false) { try $0.markStaffLeft(name: "夏勇", at: Self.now) }
        try moved(settings: false, catalogue: false) { _ = try self.customer($0, "王小明", "13912345678") }
        // Rolled back: the numbers stay where they were.
        let before = last
        #expect(throws: StoreFailure.self) {
            try store.write { (tx: any StoreWriting) throws in
                try tx.insertPart(Part(number: "P-2", name: "空气滤清器", unit: "个", price: Money(fen: 6_800), stock: 0, bin: "A", group: "engine"))
                try tx.saveSettingValue(key: "plugin.warranty.basic", value: "5y/150000km")
                throw StoreFailure("changed my mind")
            }
        }
        #expect(try store.read { try $0.storeVersions() } == before)
    }

    public func partGroupsAreTheGroupsPartsBelongTo() throws {
        let store = try make()
        #expect(try store.read { try $0.partGroups() }.isEmpty)
        try store.write { (tx: any StoreWriting) throws in
            try tx.insertPart(Part(number: "P-1", name: "机油滤清器", unit: "个", price: Money(fen: 3_800), stock: 0, bin: "A", group: "consumable"))
            try tx.insertPart(Part(number: "P-2", name: "空气滤清器", unit: "个", price: Money(fen: 6_800), stock: 0, bin: "A", group: "consumable"))
            try tx.insertPart(Part(number: "P-3", name: "变速箱油滤清器", unit: "个", price: Money(fen: 12_000), stock: 0, bin: "B", group: "powertrain"))
        }
        #expect(try store.read { try $0.partGroups() } == ["consumable", "powertrain"])
        let parts = try store.read { try $0.parts(numbers: ["P-1", "P-3", "P-9"]) }
        #expect(parts.keys.sorted() == ["P-1", "P-3"] && parts["P-3"]?.group == "powertrain")
    }

    public func laborOperationsAreFoundByTheirCodes() throws {
        let store = try make()
        #expect(try store.read { try $0.laborOperations(codes: ["MNT-5K"]) }.isEmpty)
        try store.write { (tx: any StoreWriting) throws in
            try tx.insertLaborOperation(LaborOperation(code: "MNT-5K", name: "5000公里保养", standardHours: LaborHours(hundredths: 80), skill: .maintenance))
            try tx.insertLaborOperation(LaborOperation(code: "BRK-PAD-F", name: "更换前刹车片", standardHours: LaborHours(hundredths: 100), skill: .mechanical))
        }
        let found = try store.read { try $0.laborOperations(codes: ["BRK-PAD-F", "MNT-5K", "EV-NONE", "mnt-5k"]) }
        #expect(found.keys.sorted() == ["BRK-PAD-F", "MNT-5K"])
        #expect(found["MNT-5K"]?.name == "5000公里保养" && found["BRK-PAD-F"]?.standardHours == LaborHours(hundredths: 100))
        #expect(try store.read { try $0.laborOperations(codes: []) }.isEmpty)
    }
}

extension StoreConformance {
    public func erasureAppliesTheGivenValues() throws {
        let store = try make()
        let (gone, kept) = try store.write { tx -> (Customer, Customer) in
            let gone = try customer(tx, "王小明", "13900139000")
            let kept = try customer(tx, "李四", "13800138000")
            let v = try vehicle(tx, owner: gone)
            try tx.appendEvent(vehicleID: v.id, kind: .visit, visitKind: .repair, on: Self.today, mileage: 12_500,
                               detail: "王小明 says the brakes squeal", at: Self.now, by: "薛淑芬")
            var o = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id,
                                                         customerID: gone.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            o.terms = WorkOrderTerms(payment: .cash, oldParts: .take, wash: true, signedBy: "王小明", signedAt: Self.now)
            o.complaint = "王小明说刹车异响，回电 139 0013 9000"
            o.checkIn = CheckInSheet(mileage: 12_500, fuelEighths: 4, coversFitted: true, damage: "左后门划痕", valuables: "王小明的手机",
                                     equipment: "备胎")
            try tx.saveRepairOrder(o, was: try #require(try tx.repairOrder(id: o.id)))
            try tx.appendRepairOrderEvent(orderID: o.id, kind: "sign", detail: "signed by 王小明", at: Self.now, by: "薛淑芬")
            try tx.appendFollowUp(FollowUpRecord(orderID: o.id, call: .quality, outcome: .reached, score: 2, comment: "王先生说等太久",
                                                 at: Self.now, by: "蒋芳"))
            _ = try tx.insertComplaint(Complaint(orderID: o.id, customerID: gone.id, text: "等太久", openedAt: Self.now, openedBy: "蒋芳"))
            _ = try tx.insertComplaint(Complaint(orderID: nil, customerID: kept.id, text: "李四的投诉", openedAt: Self.now, openedBy: "蒋芳"))
            let a = try tx.insertAppointment(Appointment(number: "AP-20261124-001", vehicleID: v.id, customerID: gone.id, advisor: "薛淑芬",
                                                         start: Self.now.adding(seconds: 86_400), durationMinutes: 60, job: "保养",
                                                         channel: .inbound, calledAt: Self.now, enteredAt: Self.now, note: "王先生下午才有空"),
                                             day: Self.today.adding(days: 1))
            try tx.appendAppointmentEvent(appointmentID: a.id, kind: "book", detail: "booked for 王小明 C0001", at: Self.now, by: "薛淑芬")
            try tx.insertPart(Part(number: "P-1", name: "机油滤清器", unit: "个", price: Money(fen: 3_800), stock: 0, bin: "A", group: "engine"))
            try tx.reserve(partNumber: "P-1", quantity: 1, for: a.id, label: "王小明 AP-20261124-001", at: Self.now)
            try tx.appendReminderLog(ReminderLogEntry(vehicleID: v.id, kind: .regularService, dueOn: Self.today, outcome: .declined,
                                                      reason: "王先生出差", at: Self.now, by: "蒋芳"))
            // A car they sold on: its history names them, and then the next owner's visit.
            let fields = try VehicleFields.validate(vin: "LXHCB1A24T0000017", plate: "粤B54321", model: "星河 E3", sold: "2024-05-01",
                                                    mileage: "3000", today: Self.today).get()
            var sold = try tx.insertVehicle(fields, ownerID: gone.id, at: Self.now)
            try tx.appendEvent(vehicleID: sold.id, kind: .sold, visitKind: nil, on: fields.soldOn, mileage: 3000, detail: "sold to 王小明 C0001",
                               at: Self.now, by: "薛淑芬")
            sold.ownerID = kept.id
            try tx.updateVehicle(sold)
            try tx.appendEvent(vehicleID: sold.id, kind: .transfer, visitKind: nil, on: Self.today, mileage: nil, detail: "王小明 C0001 → 李四 C0002",
                               at: Self.now, by: "薛淑芬")
            try tx.appendEvent(vehicleID: sold.id, kind: .visit, visitKind: .repair, on: Self.today, mileage: 4000, detail: "李四 came in",
                               at: Self.now, by: "薛淑芬")
            var other = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 2), vehicleID: sold.id,
                                                             customerID: kept.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            other.complaint = "李四的车"
            try tx.saveRepairOrder(other, was: try #require(try tx.repairOrder(id: other.id)))
            return (gone, kept)
        }
        // The store finds every text that may name them, theirs and on every car they owned; the next owner's order is not theirs.
        let texts = try store.read { tx in try tx.customerTexts(of: gone) }
        #expect(Set(texts.map(\.field)) == [.repairOrderComplaint, .checkInDamage, .checkInValuables, .checkInEquipment, .repairOrderEvent,
                                             .appointmentJob, .appointmentEvent, .vehicleEvent])
        #expect(texts.filter { $0.field == .vehicleEvent }.map(\.text).sorted()
                == ["sold to 王小明 C0001", "李四 came in", "王小明 C0001 → 李四 C0002", "王小明 says the brakes squeal"].sorted())
        #expect(!texts.contains { $0.text == "李四的车" })
        #expect(try store.read { tx in try tx.vehicles(everOwnedBy: gone) }.map(\.plate.value) == ["粤B12345", "粤B54321"])
        let rewritten = texts.filter { $0.text.contains("王小明") || $0.text.contains("139") }
            .map { CustomerText(field: $0.field, rowID: $0.rowID, text: "[\($0.field.rawValue)]") }
        try store.write { (tx: any StoreWriting) throws in
            try tx.eraseCustomer(CustomerErasure(customerID: gone.id, items: [
                .texts(rewritten), .name(with: "erased C0001"), .phone, .address, .followUpComments(with: "x"),
                .complaints(with: "y"), .appointmentNotes(with: "z"), .reminderReasons(with: "r"), .signatures(with: "s"),
                .reservationLabels(with: "l"),
            ]))
        }
        try store.read { (tx: any StoreReading) throws in
            let c = try #require(try tx.customer(id: gone.id))
            #expect(c.name == "erased C0001")
            #expect(c.phone.isErased)
            #expect(c.address == nil)
            #expect(try tx.customers(phone: "13900139000").isEmpty)
            let v = try #require(try tx.vehicles(ownerID: gone.id).first)
            #expect(try tx.events(vehicleID: v.id).map(\.detail).contains("[vehicle_event.detail]"))
            let o = try #require(try tx.repairOrders(vehicleID: v.id).first)
            #expect(o.terms?.signedBy == "s")
            #expect(o.settlementSignedBy == nil)
            #expect(o.complaint == "[repair_order.complaint]")
            #expect(o.checkIn?.valuables == "[repair_order.checkin_valuables]")
            #expect(o.checkIn?.damage == "左后门划痕")
            #expect(try tx.repairOrderEvents(orderID: o.id).map(\.detail) == ["[repair_order_event.detail]"])
            #expect(try tx.followUps(orderID: o.id).map(\.comment) == ["x"])
            #expect(try tx.complaints(statuses: Complaint.Status.allCases).map(\.text).sorted() == ["y", "李四的投诉"])
            let a = try #require(try tx.appointments(vehicleID: v.id).first)
            #expect(a.note == "z")
            #expect(a.job == "保养")
            #expect(try tx.appointmentEvents(appointmentID: a.id).map(\.detail) == ["[appointment_event.detail]"])
            #expect(try tx.reservations(appointmentID: a.id).map(\.label) == ["l"])
            #expect(try tx.reminderLog(vehicleID: v.id).map(\.reason) == ["r"])
            // The car they sold: the rows about them rewritten, the next owner's as they were.
            let sold = try #require(try tx.vehicle(plate: "粤B54321"))
            #expect(try tx.events(vehicleID: sold.id).map(\.detail) == ["[vehicle_event.detail]", "[vehicle_event.detail]", "李四 came in"])
            #expect(try tx.repairOrders(vehicleID: sold.id).map(\.complaint) == ["李四的车"])
            // The other customer is untouched.
            #expect(try tx.customer(id: kept.id) == kept)
        }
    }

    public func settingsRoundTrip() throws {
        let store = try make()
        let settings = StoreSettings(name: "星河汽车深圳南山店", code: "SZNS", utcOffset: .china, laborRate: Money(fen: 28_000), vatBasisPoints: 1300,
                                     opens: TimeOfDay(minutes: 8 * 60), closes: TimeOfDay(minutes: 18 * 60),
                                     peakHours: [TimeRange(start: TimeOfDay(minutes: 510), end: TimeOfDay(minutes: 630))], bays: 6)
        try store.write { (tx: any StoreWriting) throws in
            try tx.saveSettings(settings)
            try tx.saveSettingValue(key: "plugin.survey.max_days", value: "14")
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.settings() == settings)
            #expect(try tx.settingValues()["plugin.survey.max_days"] == "14")
        }
    }

    public func vehicleHistoryInOrder() throws {
        let store = try make()
        let v = try store.write { (tx: any StoreWriting) throws -> Vehicle in
            let v = try vehicle(tx, owner: try customer(tx, "王小明", "13900139000"))
            try tx.appendEvent(vehicleID: v.id, kind: .visit, visitKind: .regularService, on: Self.today.adding(days: -30), mileage: 11_000,
                               detail: "RO-20261024-0001 保养", at: Self.now.adding(seconds: -30 * 86_400), by: "薛淑芬")
            try tx.appendEvent(vehicleID: v.id, kind: .mileage, visitKind: nil, on: Self.today, mileage: 12_500, detail: "check-in",
                               at: Self.now, by: "薛淑芬")
            return v
        }
        try store.read { (tx: any StoreReading) throws in
            let events = try tx.events(vehicleID: v.id)
            #expect(events.map(\.kind).suffix(2) == [.visit, .mileage])
            #expect(try tx.vehicle(plate: "粤B12345")?.id == v.id)
            #expect(try tx.vehicle(vin: "LSGPC54R7DF000001")?.id == v.id)
            #expect(try tx.vehicles(platePrefix: "粤B1", limit: 5).count == 1)
            #expect(try tx.mileageReadings(vehicleID: v.id).map(\.km).contains(12_500))
        }
    }

    public func appointmentsAndReservations() throws {
        let store = try make()
        let day = Self.today.adding(days: 2)
        let start = Timestamp(date: day, hour: 14, minute: 0, offset: .china)
        let booked = try store.write { (tx: any StoreWriting) throws -> Appointment in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            try tx.insertPart(Part(number: "P-1", name: "机油滤清器", unit: "个", price: Money(fen: 3_800), stock: 0, bin: "A", group: "engine"))
            let number = Appointment.number(day: day, sequence: try tx.allocateNumber(in: .appointments(on: day)))
            let a = try tx.insertAppointment(Appointment(number: number, vehicleID: v.id, customerID: c.id, advisor: "薛淑芬", start: start,
                                                         durationMinutes: 60, job: "保养", bay: 1, channel: .inbound, calledAt: Self.now,
                                                         enteredAt: Self.now), day: day)
            try tx.reserve(partNumber: "P-1", quantity: 2, for: a.id, label: a.number, at: Self.now)
            try tx.appendAppointmentEvent(appointmentID: a.id, kind: "book", detail: "booked", at: Self.now, by: "薛淑芬")
            return a
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.appointment(number: booked.number) == booked)
            #expect(try tx.appointments(fromDay: day, toDay: day).map(\.number) == [booked.number])
            #expect(try tx.appointments(fromDay: Self.today, toDay: Self.today).isEmpty)
            #expect(try tx.reservedQuantity(partNumber: "P-1") == 2)
            #expect(try tx.appointmentEvents(appointmentID: booked.id).map(\.kind) == ["book"])
        }
        try store.write { (tx: any StoreWriting) throws in try tx.releaseReservations(appointmentID: booked.id, at: Self.now) }
        #expect(try store.read { try $0.reservedQuantity(partNumber: "P-1") } == 0)
    }

    public func callListStanding() throws {
        let store = try make()
        let day = Self.today.adding(days: -2)
        let start = Timestamp(date: day, hour: 14, minute: 0, offset: .china)
        let (v, c) = try store.write { (tx: any StoreWriting) throws -> (Vehicle, Customer) in
            let c = try customer(tx, "王小明", "13900139000")
            return (try vehicle(tx, owner: c), c)
        }
        func appointment(_ n: Int, vehicle: Int64?, status: AppointmentStatus, on d: CalendarDate) -> Appointment {
            Appointment(number: Appointment.number(day: d, sequence: n), vehicleID: vehicle, customerID: c.id, model: vehicle == nil ? "星河 S7" : nil,
                        reportedMileage: vehicle == nil ? 1_800 : nil, advisor: "薛淑芬", start: Timestamp(date: d, hour: 14, minute: 0, offset: .china),
                        durationMinutes: 60, job: "保养", channel: .inbound, status: status, calledAt: start, enteredAt: start)
        }
        let (missed, prospect) = try store.write { (tx: any StoreWriting) throws -> (Appointment, Appointment) in
            let missed = try tx.insertAppointment(appointment(1, vehicle: v.id, status: .noShow, on: day), day: day)
            let prospect = try tx.insertAppointment(appointment(2, vehicle: nil, status: .booked, on: day), day: day)
            _ = try tx.insertAppointment(appointment(3, vehicle: v.id, status: .noShow, on: day.adding(days: -20)), day: day.adding(days: -20))
            return (missed, prospect)
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.appointment(number: prospect.number) == prospect, "no vehicle, the model and the mileage given")
            #expect(try tx.appointments(customerID: c.id).map(\.number).sorted() == [missed.number, prospect.number, "AP-20261101-003"].sorted())
            #expect(try tx.noShows(fromDay: day.adding(days: -10), toDay: Self.today).map(\.number) == [missed.number])
            #expect(try tx.callListStanding(vehicleIDs: [v.id]).isEmpty, "a no-show holds nothing")
        }
        try store.write { (tx: any StoreWriting) throws in
            _ = try tx.insertAppointment(appointment(1, vehicle: v.id, status: .booked, on: Self.today.adding(days: 3)), day: Self.today.adding(days: 3))
        }
        #expect(try store.read { try $0.callListStanding(vehicleIDs: [v.id, 999]) } == [v.id: .booked])
        try store.write { (tx: any StoreWriting) throws in
            _ = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id, customerID: c.id,
                                                     advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
        }
        #expect(try store.read { try $0.callListStanding(vehicleIDs: [v.id]) } == [v.id: .inWorkshop], "the car is here")
        #expect(try store.read { try $0.callListStanding(vehicleIDs: []) }.isEmpty)
        // Every status of the order and of the appointment: in the workshop up to delivery, booked while expected.
        var order = try #require(try store.read { try $0.repairOrders(vehicleID: v.id) }.first)
        var booked = try #require(try store.read { try $0.appointments(vehicleID: v.id) }.first { $0.status == .booked })
        let bookedDay = Self.today.adding(days: 3)
        booked.status = .arrived
        try store.write { [booked] (tx: any StoreWriting) throws in try tx.saveAppointment(booked, day: bookedDay) }
        for status in RepairOrderStatus.allCases {
            var next = order
            next.status = status
            try store.write { [next, order] (tx: any StoreWriting) throws in try tx.saveRepairOrder(next, was: order) }
            order = next
            let expected: [Int64: ReminderPrecedence.Standing] = status < .delivered ? [v.id: .inWorkshop] : [:]
            #expect(try store.read { try $0.callListStanding(vehicleIDs: [v.id]) } == expected, "\(status)")
        }
        for status in AppointmentStatus.allCases {
            booked.status = status
            try store.write { [booked] (tx: any StoreWriting) throws in try tx.saveAppointment(booked, day: bookedDay) }
            let expected: [Int64: ReminderPrecedence.Standing] = [.booked, .confirmed].contains(status) ? [v.id: .booked] : [:]
            #expect(try store.read { try $0.callListStanding(vehicleIDs: [v.id]) } == expected, "\(status)")
        }
    }

    public func remindersAreLogged() throws {
        let store = try make()
        let v = try store.write { (tx: any StoreWriting) throws -> Vehicle in
            let v = try vehicle(tx, owner: try customer(tx, "王小明", "13900139000"))
            try tx.appendReminderLog(ReminderLogEntry(vehicleID: v.id, kind: .regularService, dueOn: Self.today, outcome: .booked,
                                                      reason: "AP-20261125-001", at: Self.now, by: "蒋芳"))
            return v
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.reminderLog(vehicleID: v.id).map(\.outcome) == [.booked])
            #expect(try tx.reminderLog(from: Self.now, to: Self.now.adding(seconds: 60)).count == 1)
            #expect(try tx.reminderLog(vehicleID: nil).count == 1)
        }
    }

    public func followUpsAndComplaints() throws {
        let store = try make()
        let (order, complaint) = try store.write { (tx: any StoreWriting) throws -> (RepairOrder, Complaint) in
            let c = try customer(tx, "王小明", "13900139000")
            let v = try vehicle(tx, owner: c)
            let o = try tx.insertRepairOrder(RepairOrder(number: RepairOrder.number(day: Self.today, sequence: 1), vehicleID: v.id,
                                                         customerID: c.id, advisor: "薛淑芬", openedAt: Self.now), openedOn: Self.today)
            try tx.appendFollowUp(FollowUpRecord(orderID: o.id, call: .quality, outcome: .reached, score: 2, comment: "等太久",
                                                 at: Self.now, by: "蒋芳"))
            let complaint = try tx.insertComplaint(Complaint(orderID: o.id, customerID: c.id, text: "等太久", openedAt: Self.now, openedBy: "蒋芳"))
            return (o, complaint)
        }
        var investigated = complaint
        try investigated.investigate(finding: "配件晚到")
        try store.write { (tx: any StoreWriting) throws in try tx.updateComplaint(investigated) }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.followUps(orderID: order.id).map(\.score) == [2])
            #expect(try tx.complaint(id: complaint.id) == investigated)
            #expect(try tx.complaints(statuses: [.investigated]).map(\.id) == [complaint.id])
            #expect(try tx.complaints(statuses: [.open]).isEmpty)
        }
    }

    public func pluginsStayInTheirNamespace() throws {
        let store = try make()
        let applied = try store.write { (tx: any StoreWriting) throws -> [String] in
            _ = try customer(tx, "王小明", "13900139000")
            return try tx.migratePlugin(namespace: "tyres", migrations: [PluginMigration("1", sql: "CREATE TABLE plg_tyres_depth (plate TEXT, mm INTEGER)")],
                                 at: Self.now)
        }
        #expect(applied == ["1"])
        try store.write { (tx: any StoreWriting) throws in
            _ = try tx.pluginExecute(namespace: "tyres", sql: "INSERT INTO plg_tyres_depth (plate, mm) VALUES (?, ?)", arguments: ["粤B12345", 3])
        }
        #expect(throws: (any Error).self) {
            try store.write { (tx: any StoreWriting) throws in
                _ = try tx.pluginExecute(namespace: "tyres", sql: "DELETE FROM customer", arguments: [])
            }
        }
        #expect(throws: (any Error).self) {
            try store.write { (tx: any StoreWriting) throws in
                _ = try tx.pluginExecute(namespace: "tyres", sql: "DROP TABLE plg_tyres_depth", arguments: [])
            }
        }
        // Nor may it read the dealership's tables: they reach plugins typed and masked, never by SQL.
        #expect(throws: (any Error).self) {
            try store.read { (tx: any StoreReading) throws in
                _ = try tx.pluginRows(namespace: "tyres", sql: "SELECT phone FROM customer", arguments: [])
            }
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.customerCount() == 1)
            #expect(try tx.pluginRows(namespace: "tyres", sql: "SELECT mm FROM plg_tyres_depth", arguments: []).count == 1)
            #expect(try tx.pluginMigrations(namespace: "tyres") == ["1"])
        }
    }

    /// A run-time plugin's state, changed with the command and undone with it;
    /// a savepoint undoes one plugin's failure and keeps the rest.
    func pluginStateAndContainment() throws {
        let store = try make()
        try store.write { (tx: any StoreWriting) throws in
            try tx.setPluginState(plugin: "loaner", key: "car.A", value: "RO-1", at: Self.now)
            try tx.setPluginState(plugin: "loaner", key: "car.B", value: "RO-2", at: Self.now)
            try tx.setPluginState(plugin: "loaner", key: "car.B", value: nil, at: Self.now)
            _ = try? tx.contained { () throws -> Int in
                try tx.setPluginState(plugin: "loaner", key: "car.C", value: "RO-3", at: Self.now)
                throw Boom()
            }
            // One that succeeds keeps its write; inside it, a failing one undoes only its own.
            let kept = try tx.contained { () throws -> Int in
                try tx.setPluginState(plugin: "loaner", key: "car.E", value: "RO-5", at: Self.now)
                _ = try? tx.contained { () throws -> Int in
                    try tx.setPluginState(plugin: "loaner", key: "car.F", value: "RO-6", at: Self.now)
                    throw Boom()
                }
                return 5
            }
            #expect(kept == 5)
            #expect(try tx.pluginState(plugin: "loaner") == ["car.A": "RO-1", "car.E": "RO-5"])
            try tx.setPluginState(plugin: "loaner", key: "car.E", value: nil, at: Self.now)
            #expect(try tx.pluginState(plugin: "loaner") == ["car.A": "RO-1"])
        }
        #expect(throws: Boom.self) {
            try store.write { (tx: any StoreWriting) throws in
                try tx.setPluginState(plugin: "loaner", key: "car.D", value: "RO-4", at: Self.now)
                throw Boom()
            }
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.pluginState(plugin: "loaner") == ["car.A": "RO-1"])
            #expect(try tx.pluginState(plugin: "other").isEmpty)
        }
        try store.write { (tx: any StoreWriting) throws in
            try tx.savePluginHandshake(path: "/p/lane-x", identity: "1:2:3:4", answer: "{}")
            try tx.savePluginChecksum(name: "x", sha256: "ab", at: Self.now, by: "admin")
        }
        try store.read { (tx: any StoreReading) throws in
            #expect(try tx.pluginHandshake(path: "/p/lane-x")?.identity == "1:2:3:4")
            #expect(try tx.pluginChecksum(name: "x") == "ab")
            #expect(try tx.pluginChecksum(name: "y") == nil)
        }
    }
}

struct Boom: Error {}
