import Testing
@testable import LaneStore
import LaneCore

/// 2026-11-23 09:30 in China.
let testNow = Timestamp(secondsSince1970: 1_795_397_400)
let testToday = CalendarDate(year: 2026, month: 11, day: 23)!

/// Valid VINs (check digits computed by GB 16735).
let vin1 = "LSGPC54R7DF000001"
let vin2 = "LSGPC54R9DF000002"
let vin3 = "LSGPC54R0DF000003"
let vin4 = "LSGPC54R2DF000004"

struct Boom: Error, Equatable {}

func makeStore() throws -> SQLiteStore { try SQLiteStore(inMemoryNamed: "lane-test") }

func day(_ text: String) -> CalendarDate {
    guard let d = CalendarDate(parsing: text) else { fatalError("\(text) is not a date") }
    return d
}

func customerFields(_ name: String, _ phone: String, address: String? = nil) throws -> CustomerFields {
    try CustomerFields.validate(name: name, phone: phone, address: address).get()
}

func vehicleFields(vin: String, plate: String, model: String = "星河 S5 1.5T", sold: String = "2024-05-01",
                   mileage: String? = nil) throws -> VehicleFields {
    try VehicleFields.validate(vin: vin, plate: plate, model: model, sold: sold, mileage: mileage, today: testToday).get()
}

/// Adds a customer with the next free number, in its own transaction.
@discardableResult
func addCustomer(_ store: some ServiceStore, _ name: String, _ phone: String, address: String? = nil) throws -> Customer {
    let fields = try customerFields(name, phone, address: address)
    return try store.write { tx throws in try tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: testNow) }
}

@discardableResult
func addVehicle(_ store: some ServiceStore, owner: Customer, vin: String, plate: String, sold: String = "2024-05-01",
                mileage: String? = nil) throws -> Vehicle {
    let fields = try vehicleFields(vin: vin, plate: plate, sold: sold, mileage: mileage)
    return try store.write { tx throws in try tx.insertVehicle(fields, ownerID: owner.id, at: testNow) }
}

/// Runs `body`, expecting a StoreFailure, and returns its message.
func storeFailureMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        Issue.record("expected a StoreFailure")
        return nil
    } catch let failure as StoreFailure {
        return failure.message
    } catch {
        Issue.record("expected a StoreFailure, got \(type(of: error)): \(error)")
        return nil
    }
}
