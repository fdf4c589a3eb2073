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
            case .failure(let e): problems.append(Problem("vin", e.message))
            }
        } else { problems.append(Problem("vin", "the VIN is required (--vin), 17 characters")) }
        var checkedPlate: LicensePlate?
        if let plate {
            switch LicensePlate.parse(plate) {
            case .success(let p): checkedPlate = p
            case .failure(let p): problems.append(p)
            }
        } else { problems.append(Problem("plate", "the plate is required (--plate), e.g. 粤B12345")) }
        let checkedModel = model?.trimmingWhitespace() ?? ""
        if model == nil { problems.append(Problem("model", "the model is required (--model), e.g. '星河 S5 1.5T'")) }
        else if let p = VehicleModel.problem(checkedModel) { problems.append(p) }
        var soldOn: CalendarDate?
        if let sold {
            switch DateRule.past(sold, field: "sold", today: today) {
            case .success(let d): soldOn = d
            case .failure(let p): problems.append(p)
            }
        } else { problems.append(Problem("sold", "the sale date is required (--sold YYYY-MM-DD)")) }
        var km = 0
        if let mileage {
            switch Odometer.parse(mileage) {
            case .success(let k): km = k
            case .failure(let p): problems.append(p)
            }
        }
        guard problems.isEmpty, let checkedVIN, let checkedPlate, let soldOn else {
            return .failure(Refusal("the vehicle cannot be registered", problems: problems))
        }
        return .success(VehicleFields(vin: checkedVIN, plate: checkedPlate, model: checkedModel, soldOn: soldOn, mileage: km))
    }
}

public enum VehicleModel {
    public static func problem(_ model: String) -> Problem? {
        if model.isEmpty { return Problem("model", "the model is empty") }
        if model.count > 60 { return Problem("model", "at most 60 characters, this one has \(model.count)") }
        return nil
    }
}

/// Odometer readings in whole km.
public enum Odometer {
    public static let maximum = 2_000_000

    public static func parse(_ text: String, field: String = "mileage") -> Result<Int, Problem> {
        let cleaned = text.trimmingWhitespace().filter { $0 != "," }.lowercased()
        let digits = cleaned.hasSuffix("km") ? String(cleaned.dropLast(2)).trimmingWhitespace() : cleaned
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let km = Int(digits), km <= maximum else {
            return .failure(Problem(field, "'\(text)' is not a mileage in whole km (0 to \(maximum))"))
        }
        return .success(km)
    }
}

public enum DateRule {
    /// A date on or before `today`.
    public static func past(_ text: String, field: String, today: CalendarDate) -> Result<CalendarDate, Problem> {
        guard let d = CalendarDate(parsing: text.trimmingWhitespace()) else {
            return .failure(Problem(field, "'\(text)' is not a date; write YYYY-MM-DD, e.g. \(today)"))
        }
        if d > today { return .failure(Problem(field, "\(d) is in the future (today is \(today))")) }
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
}

/// Odometers only go forward: a reading may not be lower than any earlier
/// one, nor higher than any later one. Readings on the same day may come in any order.
public enum MileageRule {
    public static func problem(adding new: MileageReading, to history: [MileageReading], field: String = "mileage") -> Problem? {
        if let earlier = history.filter({ $0.on < new.on && $0.km > new.km }).max(by: { $0.km < $1.km }) {
            return Problem(field, "\(new.km) km on \(new.on) is less than the \(earlier.km) km recorded on \(earlier.on); mileage never goes backwards")
        }
        if let later = history.filter({ $0.on > new.on && $0.km < new.km }).min(by: { $0.km < $1.km }) {
            return Problem(field, "\(new.km) km on \(new.on) is more than the \(later.km) km recorded later, on \(later.on); mileage never goes backwards")
        }
        return nil
    }
}

/// What happened to a vehicle, in the order the register tells it.
public enum VehicleEventKind: String, CaseIterable, Sendable {
    case sold, visit, mileage, transfer, edit

    public var title: String {
        switch self {
        case .sold: return "sold"
        case .visit: return "visit"
        case .mileage: return "mileage"
        case .transfer: return "new owner"
        case .edit: return "changed"
        }
    }
}

/// The kinds of visit the service history distinguishes; the reminder rules
/// (R1.1, R1.2) count from service visits.
public enum VisitKind: String, CaseIterable, Sendable {
    case firstService = "first_service"
    case regularService = "regular_service"
    case repair
    case accident
    case other

    public var title: String {
        switch self {
        case .firstService: return "first service 首保"
        case .regularService: return "regular service 定保"
        case .repair: return "repair 维修"
        case .accident: return "accident 事故"
        case .other: return "other 其他"
        }
    }
}

public struct VehicleEvent: Hashable, Sendable {
    public var id: Int64
    public var vehicleID: Int64
    public var kind: VehicleEventKind
    public var visitKind: VisitKind?
    public var occurredOn: CalendarDate
    public var mileage: Int?
    public var detail: String
    public var recordedAt: Timestamp
    public var recordedBy: String

    public init(id: Int64, vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, occurredOn: CalendarDate,
                mileage: Int?, detail: String, recordedAt: Timestamp, recordedBy: String) {
        self.id = id
        self.vehicleID = vehicleID
        self.kind = kind
        self.visitKind = visitKind
        self.occurredOn = occurredOn
        self.mileage = mileage
        self.detail = detail
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
