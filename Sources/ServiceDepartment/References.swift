import LaneCore
import LaneStore

/// Turns what an advisor types (a code, a mobile number, a name, a plate,
/// a VIN) into the record it means, or says plainly why it cannot.
public enum References {
    public static func customer(_ ref: String, _ tx: any StoreReading, field: String = "customer") throws -> Customer {
        switch try findCustomer(ref, tx, field: field) {
        case .success(let c): return c
        case .failure(let p): throw Refusal(Message("customer.which"), problems: [p])
        }
    }

    /// A customer by code (C0007), mobile number or exact name; a name two
    /// customers share is refused with both, so the advisor can pick the code.
    public static func findCustomer(_ ref: String, _ tx: any StoreReading, field: String = "customer") throws -> Result<Customer, Problem> {
        let text = ref.trimmingWhitespace()
        if Customer.looksLikeCode(text), let number = Int(text.dropFirst()) {
            if let c = try tx.customer(number: number) { return .success(c) }
            return .failure(Problem(field, Message("customer.no_such_code", ["code": .text(text.uppercased())])))
        }
        if case .success(let phone) = MobileNumber.parse(text) {
            let found = try tx.customers(phone: phone.digits)
            if found.count == 1 { return .success(found[0]) }
            if found.isEmpty { return .failure(Problem(field, Message("customer.no_such_phone", ["phone": .text(phone.digits)]))) }
            return .failure(Problem(field, Message("customer.phone_shared", ["count": .int(found.count), "phone": .text(phone.digits),
                                                                            "customers": list(found)])))
        }
        let found = try tx.customers(named: text)
        if found.count == 1 { return .success(found[0]) }
        if found.isEmpty {
            return .failure(Problem(field, Message("customer.no_such_name", ["name": .text(text)])))
        }
        return .failure(Problem(field, Message("customer.name_shared", ["count": .int(found.count), "name": .text(text), "customers": list(found)])))
    }

    /// The first few of several customers, each by code and masked number, to pick one from.
    static func list(_ customers: [Customer]) -> MessageArgument {
        .list(customers.prefix(5).map { .message(Message("customer.code_and_phone", ["code": .text($0.code), "phone": .text($0.phone.masked)])) })
    }

    public static func vehicle(_ ref: String, _ tx: any StoreReading, field: String = "vehicle") throws -> Vehicle {
        switch try findVehicle(ref, tx, field: field) {
        case .success(let v): return v
        case .failure(let p): throw Refusal(Message("vehicle.which"), problems: [p])
        }
    }

    /// The store's default plate prefix (粤B), assumed for plates typed without it.
    public static func platePrefix(_ tx: any StoreReading) throws -> String { try tx.settings().platePrefix }

    /// A plate as typed, with the store's prefix when the province is left out
    /// and a customer code (C0007) never read as a plate.
    public static func plate(_ text: String, _ tx: any StoreReading) throws -> Result<LicensePlate, Problem> {
        if Customer.looksLikeCode(text) { return LicensePlate.parse(text) }
        return try LicensePlate.parse(text, assuming: { try platePrefix(tx) })
    }

    /// A plate typed for a record (`vehicle add --plate B12345`): the whole
    /// plate with the store's prefix when that makes one, else as typed, for
    /// the rules to check and refuse.
    public static func typedPlate(_ text: String?, _ tx: any StoreReading) throws -> String? {
        guard let text else { return nil }
        if case .success(let plate) = try plate(text, tx) { return plate.value }
        return text
    }

    /// A vehicle by plate (the province may be left out: the store's prefix) or VIN.
    public static func findVehicle(_ ref: String, _ tx: any StoreReading, field: String = "vehicle") throws -> Result<Vehicle, Problem> {
        let text = ref.trimmingWhitespace()
        if case .success(let plate) = try plate(text, tx) {
            if let v = try tx.vehicle(plate: plate.value) { return .success(v) }
            return .failure(Problem(field, Message("vehicle.no_such_plate", ["plate": .text(plate.value)])))
        }
        if case .success(let vin) = VIN.parse(text) {
            if let v = try tx.vehicle(vin: vin.value) { return .success(v) }
            return .failure(Problem(field, Message("vehicle.no_such_vin", ["vin": .text(vin.value)])))
        }
        return .failure(Problem(field, Message("vehicle.not_a_reference", ["given": .text(text)])))
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
