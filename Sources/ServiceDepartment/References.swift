import LaneCore
import LaneStore

/// Turns what an advisor types (a code, a mobile number, a name, a plate,
/// a VIN) into the record it means, or says plainly why it cannot.
public enum References {
    public static func customer(_ ref: String, _ tx: any StoreReading, field: String = "customer") throws -> Customer {
        switch try findCustomer(ref, tx, field: field) {
        case .success(let c): return c
        case .failure(let p): throw Refusal("cannot tell which customer", problems: [p])
        }
    }

    /// A customer by code (C0007), mobile number or exact name; a name two
    /// customers share is refused with both, so the advisor can pick the code.
    public static func findCustomer(_ ref: String, _ tx: any StoreReading, field: String = "customer") throws -> Result<Customer, Problem> {
        let text = ref.trimmingWhitespace()
        if Customer.looksLikeCode(text), let number = Int(text.dropFirst()) {
            if let c = try tx.customer(number: number) { return .success(c) }
            return .failure(Problem(field, "there is no customer \(text.uppercased())"))
        }
        if case .success(let phone) = MobileNumber.parse(text) {
            let found = try tx.customers(phone: phone.digits)
            if found.count == 1 { return .success(found[0]) }
            if found.isEmpty { return .failure(Problem(field, "no customer has the mobile number \(phone.digits)")) }
            return .failure(Problem(field, "\(found.count) customers share \(phone.digits): \(list(found)); give the code instead"))
        }
        let found = try tx.customers(named: text)
        if found.count == 1 { return .success(found[0]) }
        if found.isEmpty {
            return .failure(Problem(field, "no customer is called '\(text)'; `customer find \(text)` searches by the start of a name, a phone or a plate"))
        }
        return .failure(Problem(field, "\(found.count) customers are called \(text): \(list(found)); give the code instead"))
    }

    public static func list(_ customers: [Customer]) -> String {
        customers.prefix(5).map { "\($0.code) (\($0.phone.masked))" }.joined(separator: ", ")
    }

    public static func vehicle(_ ref: String, _ tx: any StoreReading, field: String = "vehicle") throws -> Vehicle {
        switch try findVehicle(ref, tx, field: field) {
        case .success(let v): return v
        case .failure(let p): throw Refusal("cannot tell which vehicle", problems: [p])
        }
    }

    /// A vehicle by plate or VIN.
    public static func findVehicle(_ ref: String, _ tx: any StoreReading, field: String = "vehicle") throws -> Result<Vehicle, Problem> {
        let text = ref.trimmingWhitespace()
        if case .success(let plate) = LicensePlate.parse(text) {
            if let v = try tx.vehicle(plate: plate.value) { return .success(v) }
            return .failure(Problem(field, "no vehicle has the plate \(plate.value)"))
        }
        if case .success(let vin) = VIN.parse(text) {
            if let v = try tx.vehicle(vin: vin.value) { return .success(v) }
            return .failure(Problem(field, "no vehicle has the VIN \(vin.value)"))
        }
        return .failure(Problem(field, "'\(text)' is neither a plate (粤B12345, 粤BD12345) nor a 17-character VIN"))
    }

    /// The vehicle `ref` names, or nil with its problem added to `problems`,
    /// so a command can go on collecting every problem before refusing.
    public static func vehicle(_ ref: String?, _ tx: any StoreReading, into problems: inout [Problem]) throws -> Vehicle? {
        switch try findVehicle(ref ?? "", tx) {
        case .success(let v): return v
        case .failure(let p): problems.append(p); return nil
        }
    }

    /// The customer `ref` names, or nil with its problem added to `problems`.
    public static func customer(_ ref: String?, _ tx: any StoreReading, field: String = "customer", into problems: inout [Problem]) throws -> Customer? {
        switch try findCustomer(ref ?? "", tx, field: field) {
        case .success(let c): return c
        case .failure(let p): problems.append(p); return nil
        }
    }
}
