import LaneCore
import LaneStore

/// Seals on the rows that matter most to an auditor: a repair order's
/// status and money (what was paid, how, the invoice, the gate pass, the
/// discount) and a member of staff's role and team. Each seal is an HMAC
/// with the store's key over those facts, written by the same change that
/// writes the row; someone who edits the row with sqlite3 cannot re-seal it.
/// `store check` compares every row with its seal. Names are left out, so an
/// erasure never breaks a seal. PIN records (hash, salt, wrong tries and
/// delay) and customers' contacts (mobile number, address) are sealed too:
/// by `PinVault` as it writes a record, and by every change that writes a
/// contact (the store notes which, `customersChangedInTransaction`).
public enum RowSeals {
    /// An order's facts as stored: its lines and discount come to the same
    /// amount before VAT whatever the store's rate is now, so `store set` of
    /// the VAT rate leaves every seal sound (the rate is a setting, not the order's).
    static func facts(_ o: RepairOrder) -> String {
        let beforeVAT = o.settlement(vatBasisPoints: 0).net
        return ["repair_order.2", o.number, o.status.rawValue, String(beforeVAT.fen), String(o.discount.fen),
                o.payment.map { "\($0.method.rawValue)|\($0.amount.fen)|\($0.invoiceNumber)|\($0.gatePass)" } ?? "-"]
            .joined(separator: "\u{1F}")
    }

    /// The seal of an order: versioned, so that seals written before the form above still verify.
    static func orderSeal(_ o: RepairOrder, key: [UInt8]) -> String { orderSealVersion + AuditTrail.mac(key, facts(o)) }
    static let orderSealVersion = "2:"

    /// The first form, in seals written before version 2: the total at the VAT rate of the
    /// time, which only the rate in force still gives (a change of rate seals them anew first).
    static func legacyFacts(_ o: RepairOrder, vatBasisPoints: Int) -> String {
        let s = o.settlement(vatBasisPoints: vatBasisPoints)
        return ["repair_order", o.number, o.status.rawValue, String(s.total.fen), String(o.discount.fen),
                o.payment.map { "\($0.method.rawValue)|\($0.amount.fen)|\($0.invoiceNumber)|\($0.gatePass)" } ?? "-"]
            .joined(separator: "\u{1F}")
    }

    /// Whether `mac` is the seal of `o` as it stands, in either form.
    static func orderSealMatches(_ mac: String, _ o: RepairOrder, key: [UInt8], vatBasisPoints: Int) -> Bool {
        if mac.hasPrefix(orderSealVersion) { return mac == orderSeal(o, key: key) }
        return mac == AuditTrail.mac(key, legacyFacts(o, vatBasisPoints: vatBasisPoints))
    }

    /// How every operation writes the store's settings (`store set`, `seed load`): when the VAT
    /// rate changes, the orders sealed in the first form are sealed anew first
    /// (`resealBeforeRateChange`), at the rate in force until now. Here rather than in every
    /// change, which would read the settings at each write to notice a new rate.
    static func saveSettings(_ new: StoreSettings, replacing old: StoreSettings, key: [UInt8]?, _ tx: any StoreWriting) throws {
        if let key, old.vatBasisPoints != new.vatBasisPoints {
            try resealBeforeRateChange(key: key, vatBasisPoints: old.vatBasisPoints, tx)
        }
        try tx.saveSettings(new)
    }

    /// Before the VAT rate changes: the orders still sealed in the first form
    /// whose seal holds at the rate in force are sealed in the second, which
    /// holds at any rate. A seal that no longer holds is left as it is (found by `store check`).
    static func resealBeforeRateChange(key: [UInt8], vatBasisPoints: Int, _ tx: any StoreWriting) throws {
        for (number, mac) in try tx.seals(kind: "repair_order") where !mac.hasPrefix(orderSealVersion) {
            guard let o = try tx.repairOrder(number: number),
                  mac == AuditTrail.mac(key, legacyFacts(o, vatBasisPoints: vatBasisPoints)) else { continue }
            try tx.saveSeal(kind: "repair_order", ref: number, mac: orderSeal(o, key: key))
        }
    }

    static func facts(_ m: StaffMember) -> String {
        // The day they left is sealed too; a member still employed is sealed as before it was kept.
        (["staff", m.name, m.role.rawValue, m.team ?? "-"] + (m.leftAt.map { ["left", String($0.secondsSince1970)] } ?? []))
            .joined(separator: "\u{1F}")
    }

    static func facts(pinOf name: String, _ p: StoredPin) -> String {
        ["staff_pin", name, p.salt, p.hash, String(p.iterations), String(p.failures), p.lastFailureAt.map { String($0.secondsSince1970) } ?? "-"]
            .joined(separator: "\u{1F}")
    }

    /// A customer's contacts; an erased customer's are empty and sealed so.
    static func facts(contactsOf c: Customer) -> String {
        ["customer", c.code, c.phone.digits, c.address ?? "-"].joined(separator: "\u{1F}")
    }

    /// Seals the PIN record of `name` as it now stands.
    static func sealPin(of name: String, key: [UInt8]?, _ tx: any PinsWriting & AuditWriting) throws {
        guard let key, let p = try tx.storedPin(staffName: name) else { return }
        try tx.saveSeal(kind: "staff_pin", ref: name, mac: AuditTrail.mac(key, facts(pinOf: name, p)))
    }

    /// Seals the orders a change touched (those its timeline rows name, as
    /// stored at its end), and the members of staff it wrote: only those, so a
    /// role changed outside lane is not sealed over by the next staff command.
    static func seal(_ touched: [RepairOrder], key: [UInt8], _ tx: any StoreWriting) throws {
        for o in touched {
            try tx.saveSeal(kind: "repair_order", ref: o.number, mac: orderSeal(o, key: key))
        }
        for name in try tx.staffChangedInTransaction() {
            guard let m = try tx.staffMember(named: name) else { continue }
            try tx.saveSeal(kind: "staff", ref: m.name, mac: AuditTrail.mac(key, facts(m)))
        }
        for id in try tx.customersChangedInTransaction() {
            guard let c = try tx.customer(id: id) else { continue }
            try tx.saveSeal(kind: "customer", ref: c.code, mac: AuditTrail.mac(key, facts(contactsOf: c)))
        }
    }

    /// Seals every order, member of staff, PIN record and customer as they now
    /// stand: once per store, in the first change made with its key (a store
    /// from before this version, whose older rows carry no seal), so that from
    /// then on a row without a seal can only have been written, or had its seal
    /// removed, outside lane. Reads the whole store, once. A seal already there
    /// is kept as it is: a row changed outside lane before stays found.
    static func sealEverything(key: [UInt8], _ tx: any StoreWriting) throws {
        let staffSeals = try tx.seals(kind: "staff"), pinSeals = try tx.seals(kind: "staff_pin")
        for m in try tx.staff() where staffSeals[m.name] == nil {
            try tx.saveSeal(kind: "staff", ref: m.name, mac: AuditTrail.mac(key, facts(m)))
        }
        for m in try tx.staff() where pinSeals[m.name] == nil { try sealPin(of: m.name, key: key, tx) }
        let customerSeals = try tx.seals(kind: "customer"), orderSeals = try tx.seals(kind: "repair_order")
        try eachCustomer(tx) { c in
            guard customerSeals[c.code] == nil else { return }
            try tx.saveSeal(kind: "customer", ref: c.code, mac: AuditTrail.mac(key, facts(contactsOf: c)))
        }
        try eachOrder(tx) { id, number in
            guard orderSeals[number] == nil, let o = try tx.repairOrder(id: id) else { return }
            try tx.saveSeal(kind: "repair_order", ref: o.number, mac: orderSeal(o, key: key))
        }
    }

    /// Every customer, a page at a time.
    static func eachCustomer(_ tx: any StoreReading, _ body: (Customer) throws -> Void) throws {
        var offset = 0
        while true {
            let page = try tx.customers(limit: 500, offset: offset)
            if page.isEmpty { return }
            for c in page { try body(c) }
            offset += page.count
        }
    }

    /// Every repair order's id and number, a page at a time.
    static func eachOrder(_ tx: any StoreReading, _ body: (Int64, String) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try tx.repairOrderNumbers(afterID: after, limit: 500)
            guard let last = page.last else { return }
            for row in page { try body(row.id, row.number) }
            after = last.id
        }
    }

    /// Every sealed row compared with its seal: the ones changed outside lane.
    /// `allSealed`: the audit trail says the store sealed every row (`sealEverything`),
    /// so a row without a seal is found too (added, or its seal removed, outside lane).
    public static func check(key: [UInt8], vatBasisPoints: Int, allSealed: Bool = false,
                             _ tx: any StoreReading) throws -> (checked: Int, problems: [Problem]) {
        var checked = 0
        var problems: [Problem] = []
        // Rows without a seal: the first few by name, then how many more.
        var unsealed = 0
        func noSeal(_ ref: String, _ code: MessageCode) {
            unsealed += 1
            if unsealed <= 20 { problems.append(Problem(ref, Message(code))) }
        }
        for (number, mac) in try tx.seals(kind: "repair_order").sorted(by: { $0.key < $1.key }) {
            checked += 1
            guard let o = try tx.repairOrder(number: number) else {
                problems.append(Problem(number, Message("seal.row_removed")))
                continue
            }
            if !orderSealMatches(mac, o, key: key, vatBasisPoints: vatBasisPoints) {
                problems.append(Problem(number, Message("seal.order_changed")))
            }
        }
        let staffSeals = try tx.seals(kind: "staff")
        for m in try tx.staff() {
            checked += 1
            guard let mac = staffSeals[m.name] else {
                if allSealed || !staffSeals.isEmpty { noSeal(m.name, "seal.staff_unsealed") }
                continue
            }
            if AuditTrail.mac(key, facts(m)) != mac { problems.append(Problem(m.name, Message("seal.staff_changed"))) }
        }
        // PIN records: one of a member of staff with a PIN but no seal was written
        // outside lane, once lane seals PINs in this store.
        let pinSeals = try tx.seals(kind: "staff_pin")
        for m in try tx.staff() {
            let pin = try tx.storedPin(staffName: m.name)
            switch (pin, pinSeals[m.name]) {
            case (nil, nil): continue
            case (nil, .some): problems.append(Problem(m.name, Message("seal.pin_removed")))
            case (.some, nil): if allSealed || !pinSeals.isEmpty { noSeal(m.name, "seal.pin_unsealed") }
            case (.some(let p), .some(let mac)):
                if AuditTrail.mac(key, facts(pinOf: m.name, p)) != mac { problems.append(Problem(m.name, Message("seal.pin_changed"))) }
            }
            checked += 1
        }
        // Customers' contacts, by the seals kept: customers written before seals carry none.
        for (code, mac) in try tx.seals(kind: "customer").sorted(by: { $0.key < $1.key }) {
            checked += 1
            guard let number = Int(code.dropFirst()), let c = try tx.customer(number: number) else {
                problems.append(Problem(code, Message("seal.customer_removed")))
                continue
            }
            if AuditTrail.mac(key, facts(contactsOf: c)) != mac { problems.append(Problem(code, Message("seal.customer_changed"))) }
        }
        if allSealed {
            let customerSeals = try tx.seals(kind: "customer"), orderSeals = try tx.seals(kind: "repair_order")
            try eachCustomer(tx) { c in if customerSeals[c.code] == nil { noSeal(c.code, "seal.customer_unsealed") } }
            try eachOrder(tx) { _, number in if orderSeals[number] == nil { noSeal(number, "seal.order_unsealed") } }
        }
        if unsealed > 20 { problems.append(Problem("…", Message("seal.more_unsealed", ["count": .int(unsealed - 20)]))) }
        return (checked, problems)
    }
}
