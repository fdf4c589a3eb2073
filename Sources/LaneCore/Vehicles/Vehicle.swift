/// A car on the dealership's register. Its history (visits, mileage, changes
/// of owner) stays with the vehicle, whoever owns it.
public struct Vehicle: Hashable, Sendable {
    public var id: Int64
    public var vin: VIN
    public var plate: LicensePlate
    public var model: String
    public var ownerID: Int64
    public var soldOn: CalendarDate
    /// The highest odometer reading on record, in km.
    public var mileage: Int
    public var mileageRecordedOn: CalendarDate
    public var createdAt: Timestamp

    public init(id: Int64, vin: VIN, plate: LicensePlate, model: String, ownerID: Int64, soldOn: CalendarDate,
                mileage: Int, mileageRecordedOn: CalendarDate, createdAt: Timestamp) {
        self.id = id
        self.vin = vin
        self.plate = plate
        self.model = model
        self.ownerID = ownerID
        self.soldOn = soldOn
        self.mileage = mileage
        self.mileageRecordedOn = mileageRecordedOn
        self.createdAt = createdAt
    }
}

/// The checked fields of a vehicle to register.
public struct VehicleFields: Hashable, Sendable {
    public var vin: VIN
    public var plate: LicensePlate
    public var model: String
    public var soldOn: CalendarDate
    public var mileage: Int

    /// Checks each field; `today` bounds the sale date (a car cannot be sold tomorrow).
    public static func validate(vin: String?, plate: String?, model: String?, sold: String?, mileage: String?,
                                today: CalendarDate) -> Result<VehicleFields, Refusal> {
        var problems: [Problem] = []
        var checkedVIN: VIN?
        if let vin {
            switch VIN.parse(vin) {
            case .success(let v): checkedVIN = v
            case .failure(let e): problems.append(Problem("vin", e.said))
            }
        } else { problems.append(Problem("vin", Message("vehicle.vin_required"))) }
        var checkedPlate: LicensePlate?
        if let plate {
            switch LicensePlate.parse(plate) {
            case .success(let p): checkedPlate = p
            case .failure(let p): problems.append(p)
            }
        } else { problems.append(Problem("plate", Message("vehicle.plate_required"))) }
        let checkedModel = model?.trimmingWhitespace() ?? ""
        if model == nil { problems.append(Problem("model", Message("vehicle.model_required"))) }
        else if let p = VehicleModel.problem(checkedModel) { problems.append(p) }
        var soldOn: CalendarDate?
        if let sold {
            switch DateRule.past(sold, field: "sold", today: today) {
            case .success(let d): soldOn = d
            case .failure(let p): problems.append(p)
            }
        } else { problems.append(Problem("sold", Message("vehicle.sold_required"))) }
        var km = 0
        if let mileage {
            switch Odometer.parse(mileage) {
            case .success(let k): km = k
            case .failure(let p): problems.append(p)
            }
        }
        guard problems.isEmpty, let checkedVIN, let checkedPlate, let soldOn else {
            return .failure(Refusal(Message("vehicle.cannot_register"), problems: problems))
        }
        return .success(VehicleFields(vin: checkedVIN, plate: checkedPlate, model: checkedModel, soldOn: soldOn, mileage: km))
    }
}

public enum VehicleModel {
    public static let maximumLength = 60

    public static func problem(_ model: String) -> Problem? {
        if model.isEmpty { return Problem("model", Message("vehicle.model_empty")) }
        if model.count > maximumLength { return Problem("model", Message("input.too_long", ["max": .int(maximumLength), "count": .int(model.count)])) }
        return nil
    }
}

/// The register: a VIN and a plate belong to one vehicle each.
public enum VehicleRegister {
    /// `vinHolder` and `plateHolder` are the vehicles already holding them;
    /// `id` is the vehicle being changed, which may keep its own.
    public static func duplicateProblems(vin: VIN?, vinHolder: Vehicle?, plate: LicensePlate?, plateHolder: Vehicle?,
                                         except id: Int64? = nil) -> [Problem] {
        var problems: [Problem] = []
        if let vin, let other = vinHolder, other.id != id {
            problems.append(Problem("vin", Message("vehicle.vin_taken", ["vin": .text(vin.value), "plate": .text(other.plate.value)])))
        }
        if let plate, let other = plateHolder, other.id != id {
            problems.append(Problem("plate", Message("vehicle.plate_taken", ["plate": .text(plate.value), "vin": .text(other.vin.value)])))
        }
        return problems
    }
}

/// Odometer readings in whole km.
public enum Odometer {
    public static let maximum = 2_000_000

    public static func parse(_ text: String, field: String = "mileage") -> Result<Int, Problem> {
        let cleaned = text.trimmingWhitespace().filter { $0 != "," }.lowercased()
        let digits = cleaned.hasSuffix("km") ? String(cleaned.dropLast(2)).trimmingWhitespace() : cleaned
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let km = Int(digits), km <= maximum else {
            return .failure(Problem(field, Message("mileage.not_km", ["given": .text(text), "max": .int(maximum)])))
        }
        return .success(km)
    }
}

public enum DateRule {
    /// A date on or before `today`.
    public static func past(_ text: String, field: String, today: CalendarDate) -> Result<CalendarDate, Problem> {
        guard let d = CalendarDate(parsing: text.trimmingWhitespace()) else {
            return .failure(Problem(field, Message("date.not_a_date", ["given": .text(text), "today": .date(today)])))
        }
        if d > today { return .failure(Problem(field, Message("date.in_future", ["date": .date(d), "today": .date(today)]))) }
        return .success(d)
    }
}

/// One odometer reading with its day.
public struct MileageReading: Hashable, Sendable {
    public var on: CalendarDate
    public var km: Int
    public init(on: CalendarDate, km: Int) {
        self.on = on
        self.km = km
    }

    /// Every reading of a vehicle's history after the sale, whatever took
    /// it: a visit, a check-in, `vehicle edit --mileage`, the mileage a
    /// customer gave on the phone. The sale's own reading is the rules'
    /// starting point, not a reading of use.
    public static func readings(from history: [ServiceHistoryEntry]) -> [MileageReading] {
        history.compactMap { e in e.kind == .sold ? nil : e.mileage.map { MileageReading(on: e.occurredOn, km: $0) } }
    }
}

/// Odometers only go forward (R1.1, R1.2 count from every reading): a
/// reading may not be lower than any taken before it, the same day
/// included (those on record for its day were taken first), nor higher than
/// any on a later day.
public enum MileageRule {
    public static func problem(adding new: MileageReading, to history: [MileageReading], field: String = "mileage") -> Problem? {
        if let earlier = history.filter({ $0.on <= new.on && $0.km > new.km }).max(by: { $0.km < $1.km }) {
            return Problem(field, Message("mileage.below_earlier", ["km": .int(new.km), "on": .date(new.on),
                                                                    "other_km": .int(earlier.km), "other_on": .date(earlier.on)]))
        }
        if let later = history.filter({ $0.on > new.on && $0.km < new.km }).min(by: { $0.km < $1.km }) {
            return Problem(field, Message("mileage.above_later", ["km": .int(new.km), "on": .date(new.on),
                                                                  "other_km": .int(later.km), "other_on": .date(later.on)]))
        }
        return nil
    }
}

/// A change to a vehicle on the register, read from what was typed: each
/// nil leaves its field as it is.
public struct VehicleEdit: Hashable, Sendable {
    public var plate: LicensePlate?
    public var model: String?
    public var soldOn: CalendarDate?
    public var reading: MileageReading?

    public init(plate: LicensePlate? = nil, model: String? = nil, soldOn: CalendarDate? = nil, reading: MileageReading? = nil) {
        self.plate = plate
        self.model = model
        self.soldOn = soldOn
        self.reading = reading
    }

    /// Reads the texts as typed (`on`: the reading's day, today when left
    /// out) and returns what it could read and every problem.
    public static func read(plate: String?, model: String?, sold: String?, mileage: String?, on: String?,
                            today: CalendarDate) -> (edit: VehicleEdit, problems: [Problem]) {
        var edit = VehicleEdit()
        var problems: [Problem] = []
        if let plate {
            switch LicensePlate.parse(plate) {
            case .success(let p): edit.plate = p
            case .failure(let p): problems.append(p)
            }
        }
        if let model {
            let trimmed = model.trimmingWhitespace()
            if let p = VehicleModel.problem(trimmed) { problems.append(p) } else { edit.model = trimmed }
        }
        if let sold {
            switch DateRule.past(sold, field: "sold", today: today) {
            case .success(let d): edit.soldOn = d
            case .failure(let p): problems.append(p)
            }
        }
        if on != nil && mileage == nil { problems.append(Problem("on", Message("vehicle.on_needs_mileage"))) }
        if let mileage {
            var day: CalendarDate? = today
            if let on {
                switch DateRule.past(on, field: "on", today: today) {
                case .success(let d): day = d
                case .failure(let p): problems.append(p); day = nil
                }
            }
            switch Odometer.parse(mileage) {
            case .success(let km): if let day { edit.reading = MileageReading(on: day, km: km) }
            case .failure(let p): problems.append(p)
            }
        }
        return (edit, problems)
    }
}

extension Vehicle {
    /// The vehicle after `edit`, each field's before and after, and why it
    /// cannot be: a sale after the first visit or reading, a reading before
    /// the sale or against the odometer (`history`, `readings`: the vehicle's own).
    public func applying(_ edit: VehicleEdit, history: [VehicleEvent], readings: [MileageReading])
        -> (vehicle: Vehicle, changes: [FieldChange], problems: [Problem]) {
        var v = self
        var changes: [FieldChange] = []
        var problems: [Problem] = []
        if let p = edit.plate, p != v.plate {
            changes.append(FieldChange("plate", before: v.plate.value, after: p.value))
            v.plate = p
        }
        if let m = edit.model, m != v.model {
            changes.append(FieldChange("model", before: v.model, after: m))
            v.model = m
        }
        if let d = edit.soldOn {
            let first = history.filter { $0.kind != .sold }.map(\.occurredOn).min()
            if let first, d > first {
                problems.append(Problem("sold", Message("vehicle.sold_after_first_event", ["date": .date(d), "first": .date(first)])))
            } else if d != v.soldOn {
                changes.append(FieldChange("sold", before: v.soldOn.description, after: d.description))
                v.soldOn = d
            }
        }
        if let r = edit.reading {
            if let p = v.beforeSaleProblem(r.on, field: "on") { problems.append(p) }
            if let p = MileageRule.problem(adding: r, to: readings) { problems.append(p) }
            v.record(r)
        }
        return (v, changes, problems)
    }

    /// Nothing happens to a car on the register before it is sold.
    public func beforeSaleProblem(_ day: CalendarDate, field: String) -> Problem? {
        Vehicle.beforeSaleProblem(day, soldOn: soldOn, field: field)
    }

    /// The same for a car about to be registered, sold on `soldOn`.
    public static func beforeSaleProblem(_ day: CalendarDate, soldOn: CalendarDate, field: String) -> Problem? {
        day < soldOn ? Problem(field, Message("vehicle.before_sale", ["date": .date(day), "sold": .date(soldOn)])) : nil
    }

    /// The highest reading is the vehicle's mileage; an older, lower one only joins the history.
    public mutating func record(_ reading: MileageReading) {
        guard reading.km >= mileage else { return }
        mileage = reading.km
        mileageRecordedOn = max(reading.on, mileageRecordedOn)
    }

    /// Why the vehicle cannot pass to `newOwner` on `day`.
    public func transferProblems(to newOwner: Customer, on day: CalendarDate) -> [Problem] {
        var problems: [Problem] = []
        if let p = beforeSaleProblem(day, field: "on") { problems.append(p) }
        if newOwner.id == ownerID {
            problems.append(Problem("to", Message("vehicle.already_owns", ["name": .text(newOwner.name), "code": .text(newOwner.code),
                                                                          "plate": .text(plate.value)])))
        }
        return problems
    }
}

/// What happened to a vehicle, in the order the register tells it.
public enum VehicleEventKind: String, CaseIterable, Sendable {
    case sold, visit, mileage, transfer, edit

    public var title: String { MessageCatalog.current.word("vehicle_event", rawValue) }
}

/// The kinds of visit the service history distinguishes; the reminder rules
/// (R1.1, R1.2) count from service visits.
public enum VisitKind: String, CaseIterable, Sendable {
    case firstService = "first_service"
    case regularService = "regular_service"
    case repair
    case accident
    case other

    public var title: String { MessageCatalog.current.word("visit_kind", rawValue) }
}

public struct VehicleEvent: Hashable, Sendable {
    public var id: Int64
    public var vehicleID: Int64
    public var kind: VehicleEventKind
    public var visitKind: VisitKind?
    public var occurredOn: CalendarDate
    public var mileage: Int?
    /// The words as the writer's shell wrote them (older rows, imports, erased customers).
    public var detail: String
    public var recordedAt: Timestamp
    public var recordedBy: String
    /// What the row says as a message (v30): read in the reader's language; nil for older rows.
    public var message: Message?

    public init(id: Int64, vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, occurredOn: CalendarDate,
                mileage: Int?, detail: String, recordedAt: Timestamp, recordedBy: String, message: Message? = nil) {
        self.id = id
        self.message = message
        self.vehicleID = vehicleID
        self.kind = kind
        self.visitKind = visitKind
        self.occurredOn = occurredOn
        self.mileage = mileage
        self.detail = detail
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// What the row says, in the reader's language: its message when it has one, else its words as written.
    public var text: String { message?.description ?? detail }
}

/// One row of a vehicle's history as the reminder rules read it: what happened, the visit's kind, the day
/// and the odometer; not its words nor who wrote it. The due list reads these alone
/// (`serviceHistory(vehicleIDs:)`), from an index that holds them, where whole rows cost a table page each.
public struct ServiceHistoryEntry: Hashable, Sendable {
    public var kind: VehicleEventKind
    public var visitKind: VisitKind?
    public var occurredOn: CalendarDate
    public var mileage: Int?

    public init(kind: VehicleEventKind, visitKind: VisitKind?, occurredOn: CalendarDate, mileage: Int?) {
        self.kind = kind
        self.visitKind = visitKind
        self.occurredOn = occurredOn
        self.mileage = mileage
    }

    public init(_ event: VehicleEvent) {
        self.init(kind: event.kind, visitKind: event.visitKind, occurredOn: event.occurredOn, mileage: event.mileage)
    }
}
