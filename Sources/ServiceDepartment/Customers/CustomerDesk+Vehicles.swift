import LaneCore
import LaneStore

/// The cars on the register: their history (sale, visits, readings, owners)
/// stays with the car, whoever owns it.
extension CustomerDesk {
    // MARK: Registering and changing

    /// `vehicle add`: a car for a customer, its sale the first row of its history.
    public func addVehicle(_ request: VehicleRequest, by caller: Caller) throws -> Done<VehicleAdded> {
        try department.change("vehicle add", by: caller) { tx in
            let added = try Self.addVehicle(request, by: caller, tx)
            return Recorded(added, audit: AuditNote(ref: added.vehicle.plate.value, summary: added.message.description))
        }
    }

    static func addVehicle(_ request: VehicleRequest, by caller: Caller, _ tx: any StoreWriting) throws -> VehicleAdded {
        var request = request
        request.plate = try References.typedPlate(request.plate, tx)
        var problems: [Problem] = []
        var fields: VehicleFields?
        switch VehicleFields.validate(vin: request.vin, plate: request.plate, model: request.model, sold: request.sold,
                                      mileage: request.mileage, today: caller.today) {
        case .success(let f): fields = f
        case .failure(let r): problems += r.problems
        }
        let owner = try References.customer(request.owner, tx, field: "owner", into: &problems)
        // Duplicates are checked even when other fields are wrong, so one refusal lists everything.
        let vin = request.vin.flatMap { try? VIN.parse($0).get() }
        let plate = request.plate.flatMap { try? LicensePlate.parse($0).get() }
        problems += try duplicates(vin: vin, plate: plate, tx)
        guard problems.isEmpty, let fields, let owner else {
            throw Refusal(Message("vehicle.cannot_register"), problems: problems)
        }
        let v = try insert(fields, owner: owner, by: caller, tx)
        return VehicleAdded(vehicle: v, owner: CustomerCard(owner, caller.privacy))
    }

    /// A new car on the register, sold to `owner`: the one way in (`vehicle add`, imports).
    static func insert(_ fields: VehicleFields, owner: Customer, by caller: Caller, _ tx: any StoreWriting) throws -> Vehicle {
        let v = try tx.insertVehicle(fields, ownerID: owner.id, at: caller.now)
        try tx.appendEvent(vehicleID: v.id, kind: .sold, visitKind: nil, on: fields.soldOn, mileage: fields.mileage,
                           said: Message("vehicle.event.sold_to", ["name": .text(owner.name), "code": .text(owner.code)]),
                           at: caller.now, by: caller.user)
        return v
    }

    /// The register's VIN and plate holders, asked of the rule.
    static func duplicates(vin: VIN?, plate: LicensePlate?, _ tx: any StoreReading, except id: Int64? = nil) throws -> [Problem] {
        VehicleRegister.duplicateProblems(vin: vin, vinHolder: try vin.flatMap { try tx.vehicle(vin: $0.value) },
                                          plate: plate, plateHolder: try plate.flatMap { try tx.vehicle(plate: $0.value) }, except: id)
    }

    /// `vehicle edit`: plate, model or sale date corrected, or a mileage reading;
    /// every change joins the vehicle's history.
    public func editVehicle(_ request: VehicleEditRequest, by caller: Caller) throws -> Done<VehicleChanged> {
        try department.change("vehicle edit", by: caller) { tx in
            let changed = try Self.editVehicle(request, by: caller, tx)
            return Recorded(changed, audit: AuditNote(ref: changed.vehicle.plate.value, summary: changed.message.description))
        }
    }

    static func editVehicle(_ request: VehicleEditRequest, by caller: Caller, _ tx: any StoreWriting) throws -> VehicleChanged {
        let before = try References.vehicle(request.vehicle, tx)
        let (edit, typed) = VehicleEdit.read(plate: try References.typedPlate(request.plate, tx), model: request.model, sold: request.sold, mileage: request.mileage,
                                             on: request.on, today: caller.today)
        let problems = typed + (try duplicates(vin: nil, plate: edit.plate, tx, except: before.id))
        let (v, changes, ruled) = before.applying(edit, history: try tx.events(vehicleID: before.id),
                                                  readings: try tx.mileageReadings(vehicleID: before.id))
        try Refusal.check(Message("vehicle.cannot_change"), problems + ruled)
        guard !changes.isEmpty || edit.reading != nil else {
            throw Refusal(Message("vehicle.nothing_to_change"), problems: [Problem("", Message("vehicle.give_a_field"))])
        }
        if v != before { try tx.updateVehicle(v) }
        if !changes.isEmpty {
            try tx.appendEvent(vehicleID: v.id, kind: .edit, visitKind: nil, on: caller.today, mileage: nil,
                               said: FieldChange.said(changes), at: caller.now, by: caller.user)
        }
        if let r = edit.reading {
            try tx.appendEvent(vehicleID: v.id, kind: .mileage, visitKind: nil, on: r.on, mileage: r.km,
                               said: Message("vehicle.event.odometer"), at: caller.now, by: caller.user)
        }
        return VehicleChanged(vehicle: v, owner: try owner(of: v, caller, tx), changes: changes, reading: edit.reading)
    }

    /// `vehicle transfer`: a new owner from a day; the history stays with the car.
    public func transfer(_ request: TransferRequest, by caller: Caller) throws -> Done<VehicleTransferred> {
        try department.change("vehicle transfer", by: caller) { tx in
            let moved = try Self.transfer(request, by: caller, tx)
            return Recorded(moved, audit: AuditNote(ref: moved.vehicle.plate.value, summary: moved.message.description))
        }
    }

    static func transfer(_ request: TransferRequest, by caller: Caller, _ tx: any StoreWriting) throws -> VehicleTransferred {
        let v = try References.vehicle(request.vehicle, tx)
        var problems: [Problem] = []
        let newOwner = try References.customer(request.to, tx, field: "to", into: &problems)
        var day = caller.today
        if let on = request.on {
            switch DateRule.past(on, field: "on", today: caller.today) {
            case .success(let d): day = d
            case .failure(let p): problems.append(p)
            }
        }
        if let newOwner { problems += v.transferProblems(to: newOwner, on: day) }
        guard problems.isEmpty, let to = newOwner else { throw Refusal(Message("vehicle.cannot_transfer"), problems: problems) }
        let from = try tx.customer(id: v.ownerID)
        var changed = v
        changed.ownerID = to.id
        try tx.updateVehicle(changed)
        let fromWords = from.map { Message("customer.name_and_code", ["name": .text($0.name), "code": .text($0.code)]) } ?? Message("customer.unknown")
        let toWords = Message("customer.name_and_code", ["name": .text(to.name), "code": .text(to.code)])
        try tx.appendEvent(vehicleID: v.id, kind: .transfer, visitKind: nil, on: day, mileage: nil,
                           said: Message("vehicle.event.transfer", ["from": .message(fromWords), "to": .message(toWords)]),
                           at: caller.now, by: caller.user)
        return VehicleTransferred(vehicle: changed, from: from.map { CustomerCard($0, caller.privacy) }, to: CustomerCard(to, caller.privacy), on: day)
    }

    // MARK: Looking up

    /// `vehicle show`: the car, its owner and its history.
    public func vehicle(_ reference: String, by caller: Caller) throws -> VehicleFile {
        try department.read("vehicle show", by: caller) { tx in try Self.vehicle(reference, by: caller, tx) }
    }

    static func vehicle(_ reference: String, by caller: Caller, _ tx: any StoreReading) throws -> VehicleFile {
        let v = try References.vehicle(reference, tx)
        return VehicleFile(vehicle: v, owner: try owner(of: v, caller, tx), events: try tx.events(vehicleID: v.id))
    }

    /// `vehicle list`: by plate, a page at a time, or one customer's.
    public func vehicles(owner: String?, _ page: Page, by caller: Caller) throws -> [VehicleRow] {
        try department.read("vehicle list", by: caller) { tx in try Self.vehicles(owner: owner, page, by: caller, tx) }
    }

    static func vehicles(owner: String?, _ page: Page, by caller: Caller, _ tx: any StoreReading) throws -> [VehicleRow] {
        let vehicles = try owner.map { try tx.vehicles(ownerID: References.customer($0, tx, field: "owner").id) }
            ?? tx.vehicles(limit: page.limit, offset: page.offset)
        var owners: [Int64: CustomerCard] = [:]
        for v in vehicles where owners[v.ownerID] == nil { owners[v.ownerID] = try Self.owner(of: v, caller, tx) }
        return vehicles.map { VehicleRow(vehicle: $0, owner: owners[$0.ownerID]) }
    }

    /// `vehicle history`: sale, visits, readings, changes and owners, oldest first.
    public func history(_ reference: String, by caller: Caller) throws -> [VehicleEvent] {
        try department.read("vehicle history", by: caller) { tx in try Self.history(reference, by: caller, tx) }
    }

    static func history(_ reference: String, by caller: Caller, _ tx: any StoreReading) throws -> [VehicleEvent] {
        try tx.events(vehicleID: References.vehicle(reference, tx).id)
    }

    static func owner(of v: Vehicle, _ caller: Caller, _ tx: any StoreReading) throws -> CustomerCard? {
        try tx.customer(id: v.ownerID).map { CustomerCard($0, caller.privacy) }
    }
}

// MARK: Requests

/// `vehicle add` (and a row of a vehicles file): each field as typed, checked
/// by `VehicleFields` and the register, all together.
public struct VehicleRequest: Sendable {
    public var vin: String?
    public var plate: String?
    public var model: String?
    /// The owner: code, mobile number or exact name.
    public var owner: String?
    public var sold: String?
    public var mileage: String?
    public init(vin: String?, plate: String?, model: String?, owner: String?, sold: String?, mileage: String?) {
        self.vin = vin
        self.plate = plate
        self.model = model
        self.owner = owner
        self.sold = sold
        self.mileage = mileage
    }
}

/// `vehicle edit`: which car, and what to change (nil: as it is). `on` dates
/// the mileage reading (today when left out).
public struct VehicleEditRequest: Sendable {
    public var vehicle: String
    public var plate: String?
    public var model: String?
    public var sold: String?
    public var mileage: String?
    public var on: String?
    public init(vehicle: String, plate: String?, model: String?, sold: String?, mileage: String?, on: String?) {
        self.vehicle = vehicle
        self.plate = plate
        self.model = model
        self.sold = sold
        self.mileage = mileage
        self.on = on
    }
}

/// `vehicle transfer`: which car, to whom, from which day (today when left out).
public struct TransferRequest: Sendable {
    public var vehicle: String
    public var to: String
    public var on: String?
    public init(vehicle: String, to: String, on: String?) {
        self.vehicle = vehicle
        self.to = to
        self.on = on
    }
}

// MARK: Results

/// `vehicle show`: the car, its owner as the caller may see them, its history.
public struct VehicleFile: Sendable {
    public var vehicle: Vehicle
    public var owner: CustomerCard?
    public var events: [VehicleEvent]
}

public struct VehicleRow: Sendable {
    public var vehicle: Vehicle
    public var owner: CustomerCard?
    public init(vehicle: Vehicle, owner: CustomerCard?) {
        self.vehicle = vehicle
        self.owner = owner
    }
}

public struct VehicleAdded: Sendable {
    public var vehicle: Vehicle
    public var owner: CustomerCard
    public var message: Message {
        Message("vehicle.added", ["plate": .text(vehicle.plate.value), "model": .text(vehicle.model),
                                  "name": .text(owner.name), "code": .text(owner.code)])
    }
}

public struct VehicleChanged: Sendable {
    public var vehicle: Vehicle
    public var owner: CustomerCard?
    /// Plate, model and sale date: each before and after.
    public var changes: [FieldChange]
    /// The odometer reading taken, when there was one.
    public var reading: MileageReading?
    public var message: Message {
        var said = changes.map(\.said)
        if let r = reading { said.append(Message("vehicle.reading", ["km": .int(r.km), "on": .date(r.on)])) }
        return Message("vehicle.changed", ["plate": .text(vehicle.plate.value), "changes": .message(.series(said))])
    }
}

public struct VehicleTransferred: Sendable {
    public var vehicle: Vehicle
    /// The owner before (nil: not on file).
    public var from: CustomerCard?
    public var to: CustomerCard
    public var on: CalendarDate
    public var message: Message {
        let was = from.map { Message("customer.name_and_code", ["name": .text($0.name), "code": .text($0.code)]) } ?? Message("customer.unknown")
        return Message("vehicle.transferred", ["plate": .text(vehicle.plate.value), "name": .text(to.name), "code": .text(to.code),
                                               "was": .message(was)])
    }
}
