import LaneCore
import LanePlugin
import LaneStore

/// The people who bring cars in, and their cars: registering, looking up,
/// changing, handing a car to a new owner, and what X4 gives a customer (all
/// their data, or to be forgotten). The rules are LaneCore's (`CustomerFields`,
/// `VehicleFields`, `Vehicle.applying`, `MileageRule`); what a result shows of
/// a customer's contacts is decided here, by the caller's `Privacy`.
public struct CustomerDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    // MARK: Registering and changing

    /// `customer add`: a new customer with the next code; the same name and number twice is refused.
    public func add(_ request: CustomerRequest, by caller: Caller) throws -> Done<CustomerAdded> {
        try department.change("customer add", by: caller) { tx in
            let added = try Self.add(request, by: caller, tx)
            return Recorded(added, audit: AuditNote(ref: added.customer.code, summary: added.message.description))
        }
    }

    static func add(_ request: CustomerRequest, by caller: Caller, _ tx: any StoreWriting) throws -> CustomerAdded {
        let fields = try CustomerFields.validate(name: request.name, phone: request.phone, address: request.address).get()
        if let same = Customer.duplicate(of: fields, among: try tx.customers(phone: fields.phone.digits)) {
            throw Refusal(Message("customer.already_registered"), problems: [
                Problem("", Message("customer.registered_as", ["name": .text(same.name), "phone": .text(caller.privacy.phone(same.phone)),
                                                               "code": .text(same.code)]))])
        }
        let customer = try tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: caller.now)
        return CustomerAdded(customer: CustomerCard(customer, caller.privacy))
    }

    /// `customer edit`: name, phone or address; the answer says each before and after.
    public func edit(_ request: CustomerEditRequest, by caller: Caller) throws -> Done<CustomerChanged> {
        try department.change("customer edit", by: caller) { tx in
            let changed = try Self.edit(request, by: caller, tx)
            return Recorded(changed, audit: AuditNote(ref: changed.customer.code, summary: changed.message.description))
        }
    }

    static func edit(_ request: CustomerEditRequest, by caller: Caller, _ tx: any StoreWriting) throws -> CustomerChanged {
        var c = try References.customer(request.customer, tx)
        guard request.name != nil || request.phone != nil || request.address != nil else {
            throw Refusal(Message("customer.nothing_to_change"), problems: [Problem("", Message("customer.give_a_field"))])
        }
        let fields = try CustomerFields.validate(name: request.name ?? c.name, phone: request.phone ?? c.phone.digits,
                                                 address: request.address ?? c.address).get()
        let changes = c.change(to: fields)
        try tx.updateCustomer(c)
        return CustomerChanged(customer: CustomerCard(c, caller.privacy), vehicles: try tx.vehicles(ownerID: c.id),
                               changes: changes.map { caller.privacy.masking($0) })
    }

    // MARK: Looking up

    /// `customer show`: the customer and their vehicles.
    public func show(_ reference: String, by caller: Caller) throws -> CustomerFile {
        try department.read("customer show", by: caller) { tx in try Self.show(reference, by: caller, tx) }
    }

    static func show(_ reference: String, by caller: Caller, _ tx: any StoreReading) throws -> CustomerFile {
        let c = try References.customer(reference, tx)
        return CustomerFile(customer: CustomerCard(c, caller.privacy), vehicles: try tx.vehicles(ownerID: c.id))
    }

    /// `customer list`: by code, a page at a time.
    public func list(_ page: Page, by caller: Caller) throws -> [CustomerRow] {
        try department.read("customer list", by: caller) { tx in try Self.list(page, by: caller, tx) }
    }

    static func list(_ page: Page, by caller: Caller, _ tx: any StoreReading) throws -> [CustomerRow] {
        try rows(try tx.customers(limit: page.limit, offset: page.offset), caller, tx)
    }

    /// `customer find`: any part of a name, its pinyin or initials (`oyxf`),
    /// a mobile number's digits (as the caller's role may search them:
    /// `Privacy.phoneLookup`), the start of a plate they own (the province may
    /// be left out), or a code; each customer once, names by pinyin.
    public func find(_ text: String, by caller: Caller) throws -> [CustomerRow] {
        try department.read("customer find", by: caller) { tx in try Self.find(text, by: caller, tx) }
    }

    public static let findLimit = 50

    static func find(_ text: String, by caller: Caller, _ tx: any StoreReading) throws -> [CustomerRow] {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else {
            throw Refusal(Message("customer.say_what_to_find"), problems: [Problem("text", Message("input.empty"))])
        }
        var found: [Customer] = []
        var seen = Set<Int64>()
        func take(_ cs: [Customer]) { for c in cs where seen.insert(c.id).inserted { found.append(c) } }
        if Customer.looksLikeCode(text), let n = Int(text.dropFirst()), let c = try tx.customer(number: n) { take([c]) }
        if let lookup = caller.privacy.phoneLookup(text) {
            if case .refused(let digits) = lookup {
                throw Refusal(Message("customer.cannot_find_by_digits"), problems: [
                    Problem("text", Message("customer.whole_number_or_last_four", ["given": .text(digits)]))])
            }
            take(try customers(lookup, tx, limit: findLimit))
        }
        for prefix in try platePrefixes(text, tx) {
            let cars = try tx.vehicles(platePrefix: prefix, limit: findLimit)
            let owners = try tx.customers(ids: cars.map(\.ownerID))
            take(cars.compactMap { owners[$0.ownerID] })
        }
        take(try tx.customers(matching: text, limit: findLimit))
        return try rows(found, caller, tx)
    }

    /// The starts of plates a search text may mean: as typed when it begins
    /// with a province (粤BC45), or with the store's prefix when it begins
    /// with the office letter or a digit (BC45, 4548 → 粤BC45, 粤B4548).
    public static func platePrefixes(_ text: String, _ tx: any StoreReading) throws -> [String] {
        let upper = text.uppercased()
        guard let first = upper.first else { return [] }
        if LicensePlate.mayStart(with: first) { return [upper] }
        if let whole = LicensePlate.completing(upper, prefix: try References.platePrefix(tx)) { return [whole] }
        return []
    }

    /// The customers a phone lookup finds; none for a refused one.
    public static func customers(_ lookup: PhoneLookup, _ tx: any StoreReading, limit: Int) throws -> [Customer] {
        switch lookup {
        case .whole(let number): return try tx.customers(phone: number.digits)
        case .firstOrLastDigits(let digits):
            // People read out the last four digits; a longer run is the start of the number.
            let tail = digits.count <= 8 ? try tx.customers(phonePrefix: digits, tail: true, limit: limit) : []
            return try tx.customers(phonePrefix: digits, tail: false, limit: limit) + tail
        case .lastFour(let digits): return try tx.customers(phonePrefix: digits, tail: true, limit: limit)
        case .refused: return []
        }
    }

    static func rows(_ customers: [Customer], _ caller: Caller, _ tx: any StoreReading) throws -> [CustomerRow] {
        let plates = try tx.plates(ownerIDs: customers.map(\.id))
        return customers.map { CustomerRow(customer: CustomerCard($0, caller.privacy), plates: plates[$0.id] ?? []) }
    }

    // MARK: X4: the customer's own data

    /// `customer export`: everything held on the customer, for the customer:
    /// with the cars they owned before, and what the plugins keep on them.
    public func export(_ reference: String, by caller: Caller, plugins: PluginRecords? = nil) throws -> CustomerExport {
        try department.read("customer export", by: caller) { tx in
            try Self.export(reference, by: caller, tx, plugins: plugins ?? department.pluginRecords)
        }
    }

    static func export(_ reference: String, by caller: Caller, _ tx: any StoreReading,
                              plugins: PluginRecords? = nil) throws -> CustomerExport {
        let c = try References.customer(reference, tx)
        var export = CustomerExport(customer: CustomerCard(c, caller.privacy), vehicles: try tx.vehicles(ownerID: c.id))
        let owns = Set(export.vehicles.map(\.id))
        for v in try tx.vehicles(everOwnedBy: c) {
            let orders = try tx.repairOrders(vehicleID: v.id).filter { $0.customerID == c.id }
            // A car they no longer own: only the rows about them and their visits; the rest is the new owner's.
            let events = try tx.events(vehicleID: v.id).filter { e in
                owns.contains(v.id) || e.detail.contains(c.code) || orders.contains { e.detail.contains($0.number) }
            }
            export.history += events.map { (v.plate.value, $0) }
            for o in orders {
                export.orders.append((o, v.plate.value, o.settlement(vatBasisPoints: caller.settings.vatBasisPoints).total))
                export.followUps += try tx.followUps(orderID: o.id).map { ($0, o.number) }
            }
            if owns.contains(v.id) { export.reminderCalls += try tx.reminderLog(vehicleID: v.id) }
        }
        // Theirs by customer: a booking for a car not yet registered has no vehicle to find it by.
        export.appointments = try tx.appointments(customerID: c.id)
        let numbers = Dictionary(export.orders.map { ($0.order.id, $0.order.number) }, uniquingKeysWith: { a, _ in a })
        export.complaints = try tx.complaints(statuses: Complaint.Status.allCases).filter { $0.customerID == c.id }
            .map { ($0, $0.orderID.flatMap { numbers[$0] }) }
        export.plugins = try plugins?.export(c, caller, tx) ?? []
        export.audit = try AuditPrivacy.restored(try tx.auditPersonalNotErased(ofCustomer: c.code).compactMap { try tx.auditEntry(sequence: $0) }, tx)
        return export
    }

    /// `customer erase`: anonymised by the erasure policy, in the store and in
    /// the plugins' tables; vehicles, orders and payments stay.
    public func erase(_ request: EraseRequest, by caller: Caller, plugins: PluginRecords? = nil) throws -> Done<CustomerErased> {
        try department.change("customer erase", by: caller) { tx in
            let erased = try Self.erase(request, by: caller, tx, plugins: plugins ?? department.pluginRecords)
            return Recorded(erased, audit: AuditNote(ref: erased.code, summary: erased.message.description))
        }
    }

    static func erase(_ request: EraseRequest, by caller: Caller, _ tx: any StoreWriting,
                             plugins: PluginRecords? = nil) throws -> CustomerErased {
        let c = try References.customer(request.customer, tx)
        let orders = try tx.vehicles(ownerID: c.id).flatMap { try tx.repairOrders(vehicleID: $0.id) }
        try Refusal.check(Message("customer.cannot_erase", ["code": .text(c.code)]),
                          c.erasureProblems(confirmation: request.confirmation, orders: orders))
        let erasure = ErasurePolicy.erasure(of: c, texts: try tx.customerTexts(of: c))
        try tx.eraseCustomer(erasure)
        // Run-time plugins keep what they know of a customer under `customer.CODE.…`
        // in their state (docs/plugins.md): it goes with the customer, plugin present or not.
        try tx.removePluginState(keyPrefix: "customer.\(c.code).")
        try plugins?.erase(c, caller, tx)
        return CustomerErased(code: c.code, erasure: erasure)
    }
}

// MARK: Requests

/// A customer as typed: each field is checked by `CustomerFields`, all together.
public struct CustomerRequest: Sendable {
    public var name: String?
    public var phone: String?
    public var address: String?
    public init(name: String?, phone: String?, address: String?) {
        self.name = name
        self.phone = phone
        self.address = address
    }
}

/// `customer edit`: whom, and the fields to change (nil: as it is; an empty address clears it).
public struct CustomerEditRequest: Sendable {
    public var customer: String
    public var name: String?
    public var phone: String?
    public var address: String?
    public init(customer: String, name: String?, phone: String?, address: String?) {
        self.customer = customer
        self.name = name
        self.phone = phone
        self.address = address
    }
}

/// `customer erase`: whom, and their code typed again.
public struct EraseRequest: Sendable {
    public var customer: String
    public var confirmation: String?
    public init(customer: String, confirmation: String?) {
        self.customer = customer
        self.confirmation = confirmation
    }
}

/// A page of a long list.
public struct Page: Sendable, Equatable {
    public var limit: Int
    public var offset: Int
    public init(limit: Int = 50, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }
}

// MARK: Results

/// A customer as the caller may see them: the mobile number and address in
/// full, or masked for roles whose work does not need them (X4).
public struct CustomerCard: Sendable, Equatable {
    public var code: String
    public var name: String
    public var phone: String
    public var address: String?
    public var createdAt: Timestamp

    public init(_ customer: Customer, _ privacy: Privacy) {
        code = customer.code
        name = customer.name
        phone = privacy.phone(customer.phone)
        address = privacy.address(customer.address)
        createdAt = customer.createdAt
    }
}

public struct CustomerAdded: Sendable {
    public var customer: CustomerCard
    public var message: Message { Message("customer.added", ["code": .text(customer.code), "name": .text(customer.name)]) }
}

public struct CustomerChanged: Sendable {
    public var customer: CustomerCard
    public var vehicles: [Vehicle]
    /// Each field's before and after, contacts masked as the card's.
    public var changes: [FieldChange]
    public var message: Message {
        Message("customer.changed", ["code": .text(customer.code), "name": .text(customer.name), "changes": .message(FieldChange.said(changes))])
    }
}

/// `customer show`: the customer and their vehicles.
public struct CustomerFile: Sendable {
    public var customer: CustomerCard
    public var vehicles: [Vehicle]
}

/// A line of a customer list: the customer and the plates of their cars.
public struct CustomerRow: Sendable {
    public var customer: CustomerCard
    public var plates: [String]
}

/// Everything held on a customer (X4).
public struct CustomerExport: Sendable {
    public var customer: CustomerCard
    public var vehicles: [Vehicle]
    /// Each vehicle's history, with its plate.
    public var history: [(plate: String, event: VehicleEvent)] = []
    public var orders: [(order: RepairOrder, plate: String, total: Money)] = []
    public var appointments: [Appointment] = []
    public var reminderCalls: [ReminderLogEntry] = []
    public var followUps: [(record: FollowUpRecord, number: String)] = []
    /// Each complaint with the number of the order it is about, when it is about one.
    public var complaints: [(complaint: Complaint, number: String?)] = []
    /// What the plugins keep on the customer.
    public var plugins: [PluginSection] = []
    /// X4: the audit rows that concern them, as typed (their personal values
    /// are kept apart from the chain until an erasure).
    public var audit: [AuditEntry] = []
}

/// A customer forgotten: what went, and what took its place.
public struct CustomerErased: Sendable {
    public var code: String
    public var erasure: CustomerErasure
    /// The name the customer now has.
    public var name: String {
        for item in erasure.items { if case .name(let n) = item { return n } }
        return code
    }
    public var message: Message { Message("customer.erased", ["code": .text(code)]) }
}

extension Privacy {
    /// A change to a contact field, shown as the role may see it.
    func masking(_ change: FieldChange) -> FieldChange {
        var c = change
        switch change.field {
        case "phone":
            c.before = change.before.map(scrub)
            c.after = change.after.map(scrub)
        case "address":
            c.before = address(change.before)
            c.after = address(change.after)
        default: break
        }
        return c
    }
}
