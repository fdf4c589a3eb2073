import LaneShell
import LaneTesting
import PartsPlugin
import Testing

/// The parts plugin on the demo dealership (Monday 2026-11-23 09:00).
/// 范颖 is the parts manager, 薛淑芬 a service advisor, 夏勇 a technician.
/// Seed stock used here: XH-45022-0011 前刹车片(套) 10 in C-02-01,
/// XH-51610-0001 前减震器 0 in E-02-02, XH-15400-0001 机油滤清器 46.
@Suite struct PartsPluginTests {
    func shell(_ user: String = "范颖") throws -> TestShell {
        let shell = try TestShell(user: user, seeded: true, plugins: [PartsPlugin()])
        #expect(shell.pluginMessages.isEmpty, "\(shell.pluginMessages)")
        return shell
    }

    /// A command's table as CSV rows keyed by column (the last block of a record).
    func rows(_ shell: TestShell, _ line: String) throws -> [[String: String]] {
        try shell.expectOK("set format csv")
        defer { shell.run("set format table") }
        let out = try shell.expectOK(line)
        let block = out.components(separatedBy: "\n\n").last ?? ""
        let table = try CSV.parse(block)
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0.fields)) }
    }

    func row(_ shell: TestShell, _ line: String, _ key: String, _ value: String) throws -> [String: String]? {
        try rows(shell, line).first { $0[key] == value }
    }

    /// An appointment on Wednesday with two front brake pad sets reserved (R2.5).
    func withReservation(_ shell: TestShell, quantity: Int = 2) throws {
        let user = shell.session.user
        shell.session.user = "薛淑芬"
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-25T14:00 --job 更换前刹车片")
        shell.session.user = "范颖"
        try shell.expectOK("appt prepare AP-20261125-001 --reserve XH-45022-0011:\(quantity)")
        shell.session.user = user
    }

    /// A repair order for `plate` through reception (labour on line 1, then
    /// `lines`), signed, handed over and dispatched: ready for parts issue (R4.3).
    /// The parts manager is left at the keyboard.
    func inWorkshop(_ shell: TestShell, _ plate: String = "粤B27DP2", mileage: Int = 30000, lines: [String] = []) throws {
        shell.session.user = "薛淑芬"
        for line in ["ro open \(plate)", "ro complaint --text 刹车异响", "ro check-in --mileage \(mileage) --fuel 4 --covers",
                     "ro warranty not_covered", "ro documents", "ro labor BRK-PAD-F"] + lines
                    + ["ro promise", "ro sign --payment cash --old-parts leave --wash no --signed-by 车主本人", "ro handover"] {
            try shell.expectOK(line)
        }
        shell.session.user = "何子涵"
        try shell.expectOK("ro dispatch --team 机电一组")
        shell.session.user = "范颖"
    }

    /// The order `inWorkshop` made, worked, checked three times and delivered (R4.6, R5).
    func delivered(_ shell: TestShell) throws {
        for (user, line) in [("夏勇", "ro clock-on 1 --tech 夏勇"), ("夏勇", "ro clock-off 1 --finished"), ("夏勇", "ro check self --pass"),
                             ("程国栋", "ro check leader --pass --note 正常"), ("赵子涵", "ro check final --pass"), ("薛淑芬", "ro delivery-check"),
                             ("薛淑芬", "ro notify --at 12:00"),
                             ("薛淑芬", "ro deliver --next-date 2027-05-23 --next-km 35000 --call-time 工作日上午")] {
            shell.session.user = user
            try shell.expectOK(line)
        }
    }

    // MARK: find

    @Test func R3_7_findByNumberPrefixNameAndGroup() throws {
        let shell = try shell()
        try withReservation(shell)
        let pads = try #require(try row(shell, "parts find XH-45022", "number", "XH-45022-0011"))
        #expect(pads["name"] == "前刹车片(套)")
        #expect(pads["group"] == "brake")
        #expect(pads["bin"] == "C-02-01")
        #expect(pads["on_hand"] == "10")
        #expect(pads["reserved"] == "2")
        #expect(pads["available"] == "8")
        #expect(pads["on_order"] == "0")
        #expect(pads["price_yuan"] == "420.00")

        let byName = try rows(shell, "parts find 刹车片").compactMap { $0["number"] }
        #expect(byName == ["XH-43022-0012", "XH-45022-0011", "XH-45050-0001"])
        #expect(try rows(shell, "parts find brake").count == 5)
        // A group by its Chinese word or a counter's word for it.
        #expect(try rows(shell, "parts find 动力总成").compactMap { $0["number"] } == ["XH-08260-0001", "XH-25450-0001", "XH-44017-0001"])
        #expect(try rows(shell, "parts find 三电").count == 4)
        #expect(try rows(shell, "parts find 新能源三电").count == 4)
        #expect(try rows(shell, "parts find xh-4502").map { $0["number"] } == ["XH-45022-0011"])
        #expect(try shell.expectOK("parts find 火箭推进器").contains("no part matches '火箭推进器'"))
        #expect(try shell.expectRefused("parts find ' '").contains("give a part number, part of a name or a group"))
    }

    // MARK: stock and reorder points

    @Test func stockByBinSortedAndFiltered() throws {
        let shell = try shell()
        let all = try rows(shell, "parts stock")
        let bins = all.compactMap { $0["bin"] }
        #expect(bins == bins.sorted())
        #expect(all.count == 43)
        let shelf = try rows(shell, "parts stock --bin c-02")
        #expect(shelf.map { $0["bin"] } == ["C-02-01", "C-02-02", "C-02-03", "C-02-04", "C-02-05"])
        #expect(shelf.first?["reorder_point"] == "4")  // the brake group's, from store.toml
        let err = try shell.expectRefused("parts stock --bin Z-9")
        #expect(err.contains("no bin starts with 'Z-9'"))
    }

    @Test func lowStockUsesThePartsOwnPointOverTheGroupAndTheDefault() throws {
        let shell = try shell()
        // reorder_default = 2: the three parts with none on the shelf.
        #expect(try rows(shell, "parts stock --low").map { $0["number"] } == ["XH-42751-2355", "XH-51610-0001", "XH-76250-0001"])
        #expect(try shell.expectOK("parts reorder XH-45022-0011 --point 12").contains("reorder point 12, was 4 (group brake)"))
        let low = try rows(shell, "parts stock --low")
        #expect(low.contains { $0["number"] == "XH-45022-0011" && $0["reorder_point"] == "12" && $0["low"] == "low" })
        // Reservations count: available, not on hand, is what runs low.
        try shell.expectOK("parts reorder XH-15400-0001 --point 45")
        #expect(try row(shell, "parts stock --low", "number", "XH-15400-0001") == nil)
        shell.session.user = "薛淑芬"
        try shell.expectOK("appt book 粤B27DP2 --at 2026-11-25T14:00 --job 保养")
        shell.session.user = "范颖"
        try shell.expectOK("appt prepare AP-20261125-001 --reserve XH-15400-0001:2")
        #expect(try row(shell, "parts stock --low", "number", "XH-15400-0001")?["available"] == "44")
    }

    @Test func reorderRefusals() throws {
        let shell = try shell()
        let err = try shell.expectRefused("parts reorder XH-00000-0000 --point many")
        #expect(err.contains("there is no part XH-00000-0000"))
        #expect(err.contains("'many' should be a whole number"))  // every problem at once
        shell.session.user = "薛淑芬"
        #expect(try shell.expectRefused("parts reorder XH-45022-0011 --point 4").contains("parts_manager"))  // X6
    }

    // MARK: reservations (R2.5)

    @Test func R2_5_reservationsShowAppointmentCustomerAndDay() throws {
        let shell = try shell()
        try withReservation(shell)
        let r = try #require(try rows(shell, "parts reservations").first)
        #expect(r["appointment"] == "AP-20261125-001")
        #expect(r["day"] == "2026-11-25")
        #expect(r["customer"] == "卢文博")
        #expect(r["plate"] == "粤B27DP2")
        #expect(r["part"] == "XH-45022-0011")
        #expect(r["qty"] == "2")
        #expect(r["label"] == "卢文博 2026-11-25")
        #expect(try shell.expectOK("parts reservations XH-15400-0001").contains("nothing reserved of XH-15400-0001"))
        #expect(try shell.expectRefused("parts reservations XH-1").contains("there is no part XH-1"))
        // Released when the customer arrives (R2.8): no longer put aside.
        shell.session.user = "薛淑芬"
        try shell.expectOK("appt arrive AP-20261125-001")
        #expect(try shell.expectOK("parts reservations").contains("no parts reserved"))
    }

    // MARK: receipts, back-orders and the waiting customer (R2.5, R1.4)

    @Test func R1_4_receiptFillsTheBackOrderAndTheCustomerIsInvitedBack() throws {
        let shell = try shell("薛淑芬")
        let ordered = try shell.expectOK("parts order XH-51610-0001 2 --eta 2026-11-26 --vehicle 粤B27DP2 --supplier 星河汽车配件华南中心库")
        #expect(ordered.contains("BO-20261123-01: ordered 2 × XH-51610-0001 前减震器, expected 2026-11-26 for 粤B27DP2"))
        let bo = try #require(try row(shell, "parts backorders --open", "number", "BO-20261123-01"))
        #expect(bo["status"] == "ordered")
        #expect(bo["eta"] == "2026-11-26")
        #expect(bo["plate"] == "粤B27DP2")
        let shock = try #require(try row(shell, "parts find 前减震器", "number", "XH-51610-0001"))
        #expect(shock["on_order"] == "2")
        #expect(shock["next_eta"] == "2026-11-26")
        #expect(!(try shell.expectOK("remind due")).contains("BO-20261123-01"))

        shell.session.user = "范颖"
        let first = try shell.expectOK("parts receive XH-51610-0001 1 --supplier 星河汽车配件华南中心库 --note DN-88231")
        #expect(first.contains("GR-20261123-01: received 1 × XH-51610-0001 前减震器 from 星河汽车配件华南中心库; stock 0 → 1"))
        #expect(first.contains("BO-20261123-01: 1 put towards it, 1/2 arrived"))
        shell.session.user = "薛淑芬"
        #expect(!(try shell.expectOK("remind due")).contains("BO-20261123-01"))  // half a pair is no reason to come back

        shell.session.user = "范颖"
        let second = try shell.expectOK("parts receive XH-51610-0001 3 --supplier 星河汽车配件华南中心库")
        #expect(second.contains("GR-20261123-02"))
        #expect(second.contains("2/2 arrived; 粤B27DP2 is waiting for it"))
        #expect(try row(shell, "parts backorders", "number", "BO-20261123-01")?["status"] == "arrived")
        #expect(try shell.expectOK("parts backorders --open").contains("nothing on order"))
        let receipts = try rows(shell, "parts receipts --part XH-51610-0001")
        #expect(receipts.map { $0["number"] } == ["GR-20261123-01", "GR-20261123-02"])
        #expect(receipts.map { $0["filled"] } == ["BO-20261123-01 × 1", "BO-20261123-01 × 1"])
        #expect(receipts.first?["delivery_note"] == "DN-88231")
        #expect(receipts.first?["by"] == "范颖")

        // The stock ledger carries the receipts; its balance is the stock.
        let ledger = try rows(shell, "parts ledger XH-51610-0001")
        #expect(ledger.map { $0["reference"] } == ["GR-20261123-01", "GR-20261123-02"])
        #expect(ledger.map { $0["balance"] } == ["1", "4"])
        #expect(try row(shell, "parts find XH-51610", "number", "XH-51610-0001")?["on_hand"] == "4")

        shell.session.user = "薛淑芬"
        let call = try #require(try rows(shell, "remind due").first { $0["reason"]?.contains("BO-20261123-01") == true })
        #expect(call["rule"] == "R1.4")
        #expect(call["kind"] == "delayed_delivery")
        #expect(call["plate"] == "粤B27DP2")
        #expect(call["due_on"] == "2026-11-23")
        try shell.expectOK("remind log 粤B27DP2 delayed_delivery --campaign BO-20261123-01 --outcome booked")
        #expect(!(try shell.expectOK("remind due")).contains("BO-20261123-01"))
        #expect(try shell.expectOK("remind register --kind delayed_delivery").contains("BO-20261123-01"))
    }

    @Test func R1_4_aVehicleOnTheCoreDelayRegisterIsCalledOnce() throws {
        let shell = try shell("薛淑芬")
        try shell.expectOK("remind delay 粤B27DP2 --part XH-51610-0001 --expected 2026-11-26")
        let ordered = try shell.expectOK("parts order XH-51610-0001 1 --eta 2026-11-26 --vehicle 粤B27DP2")
        #expect(ordered.contains("already on the delayed-delivery register for this part (delay 1)"))
        shell.session.user = "范颖"
        try shell.expectOK("parts receive XH-51610-0001 1 --supplier 星河汽车配件华南中心库")
        shell.session.user = "薛淑芬"
        let calls = try rows(shell, "remind due").filter { $0["rule"] == "R1.4" }
        #expect(calls.count == 1)
        #expect(calls.first?["reason"]?.contains("has arrived (1 in stock)") == true)  // the register's own line
        try shell.expectOK("remind log 粤B27DP2 delayed_delivery --outcome booked")
        // The register entry is closed by the call; the back-order does not bring the vehicle back.
        #expect(try rows(shell, "remind due").filter { $0["rule"] == "R1.4" }.isEmpty)
    }

    @Test func R2_5_backOrderForARepairOrderAndItsStatuses() throws {
        let shell = try shell()
        try inWorkshop(shell, lines: ["ro part XH-45022-0011"])
        shell.session.user = "薛淑芬"
        #expect(try shell.expectOK("parts order XH-76250-0001 1 --eta 2026-11-23 --ro RO-20261123-0001")
            .contains("for 粤B27DP2 (RO-20261123-0001); tell the customer the expected arrival"))
        try shell.expectOK("parts order XH-42751-2355 4 --eta 2026-11-26")
        let list = try rows(shell, "parts backorders")
        #expect(list.map { $0["number"] } == ["BO-20261123-01", "BO-20261123-02"])
        #expect(list.first?["ro"] == "RO-20261123-0001")
        #expect(list.last?["plate"] == "")
        try shell.expectOK("clock set 2026-11-24T09:00")
        #expect(try row(shell, "parts backorders", "number", "BO-20261123-01")?["status"] == "overdue")
        #expect(try row(shell, "parts backorders", "number", "BO-20261123-02")?["status"] == "ordered")
    }

    @Test func R1_4_aRepairOrdersBackOrderInvitesOnlyACarThatLeftWithoutThePart() throws {
        let shell = try shell()
        try inWorkshop(shell)
        try delivered(shell)                                                   // RO-20261123-0001 went home without the shock absorber
        try inWorkshop(shell, "粤B82396", mileage: 49000)                      // RO-20261123-0002 is still in the workshop
        try shell.expectOK("parts order XH-51610-0001 1 --eta 2026-11-26 --ro RO-20261123-0001")
        try shell.expectOK("parts order XH-51610-0001 1 --eta 2026-11-26 --ro RO-20261123-0002")
        let out = try shell.expectOK("parts receive XH-51610-0001 2 --supplier 星河汽车配件华南中心库")
        #expect(out.contains("BO-20261123-01: 1 put towards it, 1/1 arrived; 粤B27DP2 is waiting for it: invite the customer back"))
        #expect(out.contains("BO-20261123-02: 1 put towards it, 1/1 arrived; RO-20261123-0002 (粤B82396) is in the workshop: issue it to the job"))
        shell.session.user = "薛淑芬"
        let calls = try rows(shell, "remind due").filter { $0["rule"] == "R1.4" }
        #expect(calls.map { $0["plate"] } == ["粤B27DP2"])
        #expect(calls.first?["reason"]?.contains("back-order BO-20261123-01 for RO-20261123-0001") == true)
    }

    @Test func receiptAndOrderRefusalsLeaveNothingBehind() throws {
        let shell = try shell()
        let all = try shell.expectRefused("parts receive XH-00000-0000 0 --supplier ' '")
        #expect(all.contains("there is no part XH-00000-0000"))
        #expect(all.contains("qty: '0' should be a whole number from 1 to 9999"))
        #expect(all.contains("say who delivered the parts"))
        #expect(try shell.expectRefused("parts receive XH-51610-0001 -3 --supplier 星河").contains("'-3' should be a whole number"))
        #expect(try shell.expectRefused("parts receive XH-51610-0001 1.5 --supplier 星河").contains("'1.5'"))

        #expect(try shell.expectRefused("parts order XH-51610-0001 2 --eta 2026-11-22").contains("2026-11-22 is in the past"))
        #expect(try shell.expectRefused("parts order XH-51610-0001 2 --eta 下周").contains("'下周' is not a date"))
        let both = try shell.expectRefused("parts order XH-51610-0001 0 --eta 2026-11-26 --ro RO-20261123-0001 --vehicle 粤B27DP2")
        #expect(both.contains("not both"))
        #expect(both.contains("qty"))
        #expect(try shell.expectRefused("parts order XH-51610-0001 2 --eta 2026-11-26 --ro RO-20261123-0099").contains("there is no repair order RO-20261123-0099"))
        #expect(try shell.expectRefused("parts order XH-51610-0001 2 --eta 2026-11-26 --vehicle 粤A00000").contains("there is no vehicle 粤A00000"))
        #expect(try shell.expectRefused("parts ledger XH-9").contains("there is no part XH-9"))
        #expect(try shell.expectRefused("parts receipts --part XH-9").contains("there is no part XH-9"))
        #expect(try shell.expectOK("parts receipts").contains("no receipts"))
    }

    @Test func X6_onlyThePartsManagerReceivesAndTheWorkshopDoesNotOrder() throws {
        let shell = try shell("薛淑芬")
        #expect(try shell.expectRefused("parts receive XH-51610-0001 2 --supplier 星河").contains("parts_manager"))
        shell.session.user = "夏勇"
        #expect(try shell.expectRefused("parts order XH-51610-0001 2 --eta 2026-11-26").contains("parts_manager"))
        shell.session.user = "莫霞"
        #expect(try shell.expectRefused("parts receive XH-51610-0001 2 --supplier 星河").contains("parts_manager"))
        // Lookups are open to all staff.
        try shell.expectOK("parts stock --low")
        try shell.expectOK("parts ledger XH-51610-0001")
    }

    // MARK: the ledger against the core's issue (R4.3)

    @Test func R4_3_ledgerBalanceIsTheStockAfterAReceiptAndAnIssue() throws {
        let shell = try shell()
        try inWorkshop(shell, lines: ["ro part XH-45022-0011 --qty 20"])
        try shell.expectOK("parts receive XH-45022-0011 4 --supplier 星河汽车配件华南中心库")
        let before = try rows(shell, "parts ledger XH-45022-0011")
        // Stock never negative: the core refuses to issue 20 of 14, and the ledger is unchanged.
        #expect(try shell.expectRefused("ro issue 2 --to 夏勇").contains("XH-45022-0011"))
        #expect(try rows(shell, "parts ledger XH-45022-0011") == before)
        #expect(try shell.expectOK("ro issue 2 --qty 6 --to 夏勇").contains("8 left in stock"))
        let ledger = try rows(shell, "parts ledger XH-45022-0011")
        #expect(ledger.map { $0["reason"] } == ["opening", "receipt", "issue"])
        #expect(ledger.map { $0["delta"] } == ["10", "4", "-6"])
        #expect(ledger.map { $0["balance"] } == ["10", "14", "8"])
        #expect(ledger.last?["reference"] == "RO-20261123-0001 line 2")
        #expect(ledger.last?["by"] == "夏勇")  // the technician signed the issue slip
        #expect(try row(shell, "parts find XH-45022-0011", "number", "XH-45022-0011")?["on_hand"] == "8")
    }

    // MARK: the shortage note when a part line is added (R3.7)

    @Test func R3_7_lineAddedNotesTheShortageCountingReservations() throws {
        let shell = try shell()
        try withReservation(shell, quantity: 8)
        shell.session.user = "薛淑芬"
        try shell.expectOK("parts order XH-45022-0011 2 --eta 2026-11-25")
        for line in ["ro open 粤B82396", "ro complaint --text 刹车片磨损", "ro check-in --mileage 49000 --fuel 4 --covers", "ro warranty not_covered"] {
            try shell.expectOK(line)
        }
        let out = try shell.expectOK("ro part XH-45022-0011 --qty 4")
        #expect(out.contains("note: parts: only 2 of 4 XH-45022-0011 前刹车片(套) available (8 reserved for appointments)"))
        #expect(out.contains("2 already on order (BO-20261123-01 ETA 2026-11-25)"))
        #expect(out.contains("order it: `parts order XH-45022-0011 2 --eta DATE --ro RO-20261123-0001`"))
        #expect(!(try shell.expectOK("ro part XH-15400-0001")).contains("note: parts"))
        #expect(!(try shell.expectOK("ro labor MNT-5K")).contains("note: parts"))
    }

    // MARK: today

    @Test func todayForThePartsManager() throws {
        let shell = try shell("薛淑芬")
        try shell.expectOK("parts order XH-76250-0001 1 --eta 2026-11-23 --vehicle 粤B27DP2")
        try shell.expectOK("parts order XH-42751-2355 4 --eta 2026-11-25")
        #expect(!(try shell.expectOK("today")).contains("back-orders due today"))  // the advisor's agenda is not the parts manager's
        shell.session.user = "范颖"
        let today = try shell.expectOK("today")
        #expect(today.contains("back-orders due today or overdue"))
        #expect(today.contains("BO-20261123-01"))
        #expect(!today.contains("BO-20261123-02"))
        #expect(today.contains("below the reorder point"))
        #expect(today.contains("XH-51610-0001"))
        try shell.expectOK("clock set 2026-11-26T09:00")
        let later = try shell.expectOK("today")
        #expect(later.contains("BO-20261123-02"))
        #expect(later.contains("overdue"))
    }
}
