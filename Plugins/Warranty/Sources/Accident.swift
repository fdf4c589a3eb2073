import LanePlugin

/// Accident damage is not a defect (X1): body and paint work on a car in
/// for an accident repair (an insurance claim on its order) is billed to the
/// insurer or the customer, never put under warranty. The EV cover is for
/// new-energy vehicles only (their 8-character plates).
enum AccidentDamage {
    /// The vehicle's open repair order that is an accident repair, if any.
    static func openAccidentOrder(_ vehicle: Vehicle, _ c: any PluginContext) throws -> RepairOrder? {
        try c.repairOrders(vehicleID: vehicle.id).last { $0.isOpen && $0.insurance != nil }
    }

    /// Body or paint labour on an accident repair.
    static func excludes(_ operation: LaborOperation, on order: RepairOrder?) -> Bool {
        operation.skill.isBodyAndPaint && order?.insurance != nil
    }

    /// The covers that apply to a vehicle: the EV group's only to a new-energy vehicle.
    static func covers(_ policy: WarrantyPolicy, for vehicle: Vehicle) -> [Cover] {
        [policy.basic] + policy.groups.filter { $0.name != "ev" || vehicle.plate.isNewEnergy }
    }
}
