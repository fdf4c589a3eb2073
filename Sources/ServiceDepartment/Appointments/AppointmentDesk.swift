import LaneCore
import LaneStore

/// The appointment's operations (R2): free slots, booking, preparing and
/// confirming, the board and the review, arrival and no-show. The rules are
/// LaneCore's (`AppointmentPlanner`, `Appointment`); the transaction,
/// permission check and audit row the `Department`'s.
public struct AppointmentDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    // MARK: Looking

    /// The appointment a reference names (upper or lower case), or why not.
    public static func load(_ reference: String, _ tx: any StoreReading) throws -> Appointment {
        switch try find(reference, tx) {
        case .success(let a): return a
        case .failure(let p): throw Refusal(Message("appointment.not_found"), problems: [p])
        }
    }

    static func find(_ reference: String, _ tx: any StoreReading, field: String = "appt") throws -> Result<Appointment, Problem> {
        if let a = try tx.appointment(number: reference.trimmingWhitespace().uppercased()) { return .success(a) }
        return .failure(Problem(field, Message("appointment.no_such_number", ["number": .text(reference)])))
    }

    /// The appointments that may hold a bay on `day`: long jobs from the day
    /// before, and the fortnight the alternatives are searched in.
    static func around(_ day: CalendarDate, _ tx: any StoreReading) throws -> [Appointment] {
        try tx.appointments(fromDay: day.adding(days: -1), toDay: day.adding(days: AppointmentPlanner.searchDays + 1))
    }

    /// An appointment with the plate and the customer's name it is shown with.
    public static func listing(_ a: Appointment, _ tx: any StoreReading) throws -> AppointmentListing {
        try listings([a], tx)[0]
    }

    /// Appointments with their plates and customers' names: two reads for the whole list, never two per appointment.
    static func listings(_ list: [Appointment], _ tx: any StoreReading) throws -> [AppointmentListing] {
        let (vehicles, customers) = try cars(of: list, tx)
        return list.map { a in
            AppointmentListing(appointment: a, plate: a.vehicleID.flatMap { vehicles[$0]?.plate.value }, customerName: customers[a.customerID]?.name)
        }
    }

    /// The cars and customers of `list`, each read once (an index lookup of the ids).
    static func cars(of list: [Appointment], _ tx: any StoreReading) throws -> (vehicles: [Int64: Vehicle], customers: [Int64: Customer]) {
        (try tx.vehicles(ids: Array(Set(list.compactMap(\.vehicleID)))), try tx.customers(ids: Array(Set(list.map(\.customerID)))))
    }

    /// A day's appointment register (`appt list`), one advisor's when named (`today`).
    public func day(_ day: CalendarDate, advisor: String? = nil, by caller: Caller) throws -> [AppointmentListing] {
        try department.read("appt list", by: caller) { tx in try Self.day(day, advisor: advisor, tx) }
    }

    /// R2.5: open appointments of the next three days whose parts are not yet checked.
    static func waitingForPartsCheck(from day: CalendarDate, _ tx: any StoreReading) throws -> [Appointment] {
        try tx.appointments(fromDay: day, toDay: day.adding(days: 2)).filter { $0.status.isOpen && $0.internalChecks.partsCheckedAt == nil }
    }

    static func day(_ day: CalendarDate, advisor: String? = nil, _ tx: any StoreReading) throws -> [AppointmentListing] {
        try listings(tx.appointments(fromDay: day, toDay: day).filter { advisor == nil || $0.advisor == advisor }, tx)
    }

    /// One appointment with its confirmations, parts put aside and history (`appt show`).
    public func show(_ reference: String, by caller: Caller) throws -> AppointmentDetails {
        try department.read("appt show", by: caller) { tx in try Self.show(reference, by: caller, tx) }
    }

    static func show(_ reference: String, by caller: Caller, _ tx: any StoreReading) throws -> AppointmentDetails {
        let a = try load(reference, tx)
        return AppointmentDetails(listing: try listing(a, tx),
                                  missing: AppointmentPlanner.internalConfirmationProblems(for: a, settings: caller.settings),
                                  confirmations: AppointmentPlanner.customerConfirmationsDue(for: a, now: caller.now, settings: caller.settings),
                                  reservations: try tx.reservations(appointmentID: a.id), history: try tx.appointmentEvents(appointmentID: a.id))
    }

    // MARK: Slots and booking (R2.1-R2.4)

    /// R2.3: a day's slots with a bay free, peak times marked (`appt free`).
    public func freeSlots(on day: CalendarDate, duration: Int, by caller: Caller) throws -> [FreeSlot] {
        try department.read("appt free", by: caller) { tx in try Self.freeSlots(on: day, duration: duration, by: caller, tx) }
    }

    static func freeSlots(on day: CalendarDate, duration: Int, by caller: Caller, _ tx: any StoreReading) throws -> [FreeSlot] {
        if let p = AppointmentPlanner.durationProblem(duration) { throw Refusal(Message("appointment.cannot_use_duration"), problems: [p]) }
        return AppointmentPlanner.freeSlots(on: day, duration: duration, settings: caller.settings, existing: try around(day, tx), now: caller.now)
    }

    /// R2.1-R2.4, R2.8: an appointment from a call (`appt book`). Every
    /// problem is refused together, the front end's reading ones included.
    /// An advisor's or a campaign call that books settles the vehicle's due
    /// reminders; `otherCalls` are the calls other sources add to them.
    public func book(_ request: BookingRequest, by caller: Caller,
                     otherCalls: ReminderDesk.OtherCalls = ReminderDesk.noOtherCalls) throws -> Done<AppointmentBooked> {
        try department.change("appt book", by: caller) { tx in
            let booked = try Self.book(request, by: caller, tx, otherCalls: otherCalls)
            return Recorded(booked, audit: AuditNote(ref: booked.number, summary: booked.message.description))
        }
    }

    static func book(_ request: BookingRequest, by caller: Caller, _ tx: any StoreWriting,
                            otherCalls: ReminderDesk.OtherCalls = ReminderDesk.noOtherCalls) throws -> AppointmentBooked {
        var p = request.inputProblems
        var vehicle: Vehicle?
        var newCar: (fields: CustomerFields?, model: String, known: Customer?)?
        if let call = request.newCar {
            newCar = try newCarProblems(call, plateGiven: !request.vehicle.trimmingWhitespace().isEmpty, tx, into: &p)
        } else {
            vehicle = try References.vehicle(request.vehicle, tx, into: &p)
        }
        var reading: MileageReading?
        if let km = request.mileage {
            reading = MileageReading(on: caller.today, km: km)
            if let v = vehicle, let rp = MileageRule.problem(adding: MileageReading(on: caller.today, km: km),
                                                           to: try tx.mileageReadings(vehicleID: v.id)) { p.append(rp) }
        }
        let advisor = request.advisor ?? caller.user
        if request.advisor != nil, try tx.staffMember(named: advisor) == nil {
            p.append(Problem("advisor", Message("appointment.no_staff_member", ["name": .text(advisor)])))
        }
        var missed: Appointment?
        if let reference = request.after {
            switch try find(reference, tx, field: "after") {
            case .success(let a): missed = a
            case .failure(let problem): p.append(problem)
            }
        }
        let calledAt = request.calledAt ?? caller.now
        let existing = try request.start.map { try around($0.date(in: caller.settings.utcOffset), tx) } ?? []
        let check = AppointmentPlanner.checkBooking(start: request.start, duration: request.durationMinutes, job: request.job,
                                                    calledAt: calledAt, acceptPeak: request.acceptPeak, missed: missed,
                                                    now: caller.now, settings: caller.settings, existing: existing)
        p += check.problems
        try Refusal.check(Message("appointment.cannot_book"), p)
        guard let start = request.start, vehicle != nil || newCar?.fields != nil else { throw Refusal(Message("appointment.cannot_book"), problems: p) }

        // What the booking settles is read before it is entered: once booked, the car is on no call list.
        var settled: [DueReminder] = []
        if let vehicle, request.channel.settlesReminders {
            settled = try ReminderDesk.dueReminders(on: caller.today, only: vehicle, by: caller, tx, otherCalls: otherCalls)
        }
        var owner: Customer?
        if let vehicle {
            owner = try tx.customer(id: vehicle.ownerID)
        } else if let newCar, let fields = newCar.fields {
            owner = try newCar.known ?? tx.insertCustomer(number: try tx.allocateNumber(in: .customers), fields: fields, at: caller.now)
        }
        guard let owner else { throw StoreFailure(Message("store.missing.booking_customer")) }
        let day = start.date(in: caller.settings.utcOffset)
        let number = Appointment.number(day: day, sequence: try tx.allocateNumber(in: .appointments(on: day)))
        let bay = AppointmentPlanner.freeBays(start: start, duration: request.durationMinutes, settings: caller.settings, existing: existing).first
        let job = request.job.trimmingWhitespace()
        let a = try tx.insertAppointment(Appointment(number: number, vehicleID: vehicle?.id, customerID: owner.id, model: newCar?.model,
                                                     reportedMileage: request.mileage, advisor: advisor,
                                                     start: start, durationMinutes: request.durationMinutes, job: job, bay: bay,
                                                     channel: request.channel, calledAt: calledAt, enteredAt: caller.now,
                                                     attempt: check.attempt, note: request.note), day: day)
        if var v = vehicle, let reading {
            // R2.1: the mileage given on the phone is a reading like any other (R1.1, R1.2 count from it).
            v.record(reading)
            if v != vehicle { try tx.updateVehicle(v) }
            try tx.appendEvent(vehicleID: v.id, kind: .mileage, visitKind: nil, on: reading.on, mileage: reading.km,
                               said: Message("vehicle.event.phone_reading", ["number": .text(a.number)]),
                               at: caller.now, by: caller.user)
        }
        if let vehicle {
            for item in settled {
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: vehicle.id, kind: item.reminder.kind, dueOn: item.reminder.dueOn,
                                                          outcome: .booked, reason: a.number, at: caller.now, by: caller.user,
                                                          reference: item.reference))
            }
            // R2.8: the next attempt is booked, whoever called whom; its call leaves the list.
            if let missed, let call = AppointmentPlanner.nextAttemptCall(after: missed, offset: caller.settings.utcOffset, today: caller.today),
               !settled.contains(where: { $0.reminder.kind == .missedAppointment && $0.reference == missed.number }),
               let missedVehicle = missed.vehicleID {
                try tx.appendReminderLog(ReminderLogEntry(vehicleID: missedVehicle, kind: call.kind, dueOn: call.dueOn, outcome: .booked,
                                                          reason: a.number, at: caller.now, by: caller.user, reference: missed.number))
            }
        }
        let booked = AppointmentBooked(appointment: a, plate: vehicle?.plate.value ?? "", customerCode: owner.code, customerName: owner.name,
                                       isPeak: check.isPeak, warnings: check.warnings, settled: settled)
        let history = Message("appointment.booked_history", ["channel": request.channel.argument, "called_at": .time(calledAt),
                                                              "booked": .message(booked.message)])
        try tx.appendAppointmentEvent(appointmentID: a.id, kind: "book", detail: history.description, message: history, at: caller.now, by: caller.user)
        return booked
    }

    /// R2.2: a call about a car not yet registered needs the caller's name and
    /// phone (they are found by them, or registered) and the model; a plate as well is one car too many.
    static func newCarProblems(_ call: NewCarCall, plateGiven: Bool, _ tx: any StoreReading,
                               into p: inout [Problem]) throws -> (fields: CustomerFields?, model: String, known: Customer?) {
        if plateGiven { p.append(Problem("vehicle", Message("appointment.plate_or_new_car"))) }
        if call.name == nil { p.append(Problem("name", Message("appointment.new_car_needs", ["field": .text("--name")]))) }
        if call.phone == nil { p.append(Problem("phone", Message("appointment.new_car_needs", ["field": .text("--phone")]))) }
        let model = call.model?.trimmingWhitespace() ?? ""
        if call.model == nil { p.append(Problem("model", Message("appointment.new_car_needs", ["field": .text("--model")]))) }
        else if let mp = VehicleModel.problem(model) { p.append(mp) }
        guard let name = call.name, let phone = call.phone else { return (nil, model, nil) }
        switch CustomerFields.validate(name: name, phone: phone, address: nil) {
        case .success(let fields):
            return (fields, model, Customer.duplicate(of: fields, among: try tx.customers(phone: fields.phone.digits)))
        case .failure(let refusal):
            p += refusal.problems
            return (nil, model, nil)
        }
    }

    // MARK: Steps

    /// One step of an appointment: load, `body`, save, a history row, and the
    /// parts put aside released once it is no longer open. `body` runs the
    /// LaneCore step and says what it did.
    public static func step<T>(_ verb: String, appointment reference: String, by caller: Caller, _ tx: any StoreWriting,
                               _ body: (inout Appointment, any StoreWriting) throws -> (detail: Message, value: T)) throws -> AppointmentStepDone<T> {
        var a = try load(reference, tx)
        let before = a.status
        let (detail, value) = try body(&a, tx)
        try tx.saveAppointment(a, day: a.day(in: caller.settings.utcOffset))
        try tx.appendAppointmentEvent(appointmentID: a.id, kind: verb, detail: detail.description, message: detail, at: caller.now, by: caller.user)
        if !a.status.isOpen { try tx.releaseReservations(appointmentID: a.id, at: caller.now) }
        return AppointmentStepDone(appointment: a, step: verb, statusBefore: before, detail: detail, value: value)
    }

    /// A step as a change of its own: the audit row names the appointment.
    func change<T>(_ verb: String, by caller: Caller, _ body: (any StoreWriting) throws -> AppointmentStepDone<T>) throws -> Done<AppointmentStepDone<T>> {
        try department.change(OperationID(noun: "appt", verb: verb), by: caller) { tx in
            let done = try body(tx)
            return Recorded(done, audit: AuditNote(ref: done.number, summary: done.message.description))
        }
    }

    // MARK: Preparation and confirmation (R2.5, R2.6)

    /// R2.5: the internal confirmation before the day, and parts put aside
    /// for it (`appt prepare`). The step's value is what is still missing.
    public func prepare(_ request: PreparationRequest, by caller: Caller) throws -> Done<AppointmentStepDone<[Problem]>> {
        try change("prepare", by: caller) { tx in try Self.prepare(request, by: caller, tx) }
    }

    static func prepare(_ request: PreparationRequest, by caller: Caller, _ tx: any StoreWriting) throws -> AppointmentStepDone<[Problem]> {
        try step("prepare", appointment: request.appointment, by: caller, tx) { a, tx in
            var p = request.inputProblems + a.preparationProblems
            if a.status.isOpen {
                for wanted in request.reserve {
                    guard let part = try tx.part(number: wanted.partNumber) else {
                        p.append(Problem("reserve", Message("stock.no_such_part", ["part": .text(wanted.partNumber)])))
                        continue
                    }
                    let reserved = try tx.reservedQuantity(partNumber: part.number)
                    if let short = AppointmentPlanner.reservationProblem(part: part, reserved: reserved, wanted: wanted.quantity) { p.append(short) }
                }
            }
            try Refusal.check(Message("appointment.cannot_prepare", ["number": .text(a.number)]), p)
            var done = request.done
            if !request.reserve.isEmpty {
                let name = try tx.customer(id: a.customerID)?.name ?? ""
                let label = AppointmentPlanner.reservationLabel(customer: name, day: a.day(in: caller.settings.utcOffset))
                for wanted in request.reserve {
                    try tx.reserve(partNumber: wanted.partNumber, quantity: wanted.quantity, for: a.id, label: label, at: caller.now)
                }
                // Putting the parts aside is the parts manager's check.
                done.partsChecked = true
            }
            try a.recordPreparation(done, at: caller.now)
            let missing = AppointmentPlanner.internalConfirmationProblems(for: a, settings: caller.settings)
            let detail = missing.isEmpty ? Message("appointment.prepared")
                : Message("appointment.still_to_do", ["missing": .list(missing.map { .message($0.said) })])
            return (detail, missing)
        }
    }

    /// R2.6: the customer confirmed again, the day or the hour before (`appt confirm`).
    public func confirm(_ request: ConfirmationRequest, by caller: Caller) throws -> Done<AppointmentStepDone<CustomerConfirmationKind>> {
        try change("confirm", by: caller) { tx in try Self.confirm(request, by: caller, tx) }
    }

    static func confirm(_ request: ConfirmationRequest, by caller: Caller,
                               _ tx: any StoreWriting) throws -> AppointmentStepDone<CustomerConfirmationKind> {
        try step("confirm", appointment: request.appointment, by: caller, tx) { a, _ in
            try a.recordCustomerConfirmation(request.kind, at: caller.now)
            return (Message("appointment.customer_confirmed", ["confirmation": request.kind.wordArgument]), request.kind)
        }
    }

    /// R2.6: the confirmation calls due now, today's and tomorrow's
    /// (`appt confirmations`, the advisors' `today`). Phones as the caller may see them.
    public func confirmationCalls(by caller: Caller) throws -> [ConfirmationCall] {
        try department.read("appt confirmations", by: caller) { tx in try Self.confirmationCalls(by: caller, tx) }
    }

    static func confirmationCalls(by caller: Caller, _ tx: any StoreReading) throws -> [ConfirmationCall] {
        var due: [(Appointment, ConfirmationDue)] = []
        for a in try tx.appointments(fromDay: caller.today, toDay: caller.today.adding(days: 1)) {
            for d in AppointmentPlanner.customerConfirmationsDue(for: a, now: caller.now, settings: caller.settings) where d.state == .due || d.state == .overdue {
                due.append((a, d))
            }
        }
        let (vehicles, customers) = try cars(of: due.map(\.0), tx)
        return due.map { a, d in
            let customer = customers[a.customerID]
            return ConfirmationCall(listing: AppointmentListing(appointment: a, plate: a.vehicleID.flatMap { vehicles[$0]?.plate.value },
                                                                customerName: customer?.name),
                                    phone: customer.map { caller.privacy.phone($0.phone) } ?? "", due: d)
        }
    }

    // MARK: The board and the review (R2.7)

    /// R2.7: advisors × hours, with arrived, late and no-show marks (`appt board`).
    public func board(on day: CalendarDate, by caller: Caller) throws -> AppointmentBoard {
        try department.read("appt board", by: caller) { tx in try Self.board(on: day, by: caller, tx) }
    }

    static func board(on day: CalendarDate, by caller: Caller, _ tx: any StoreReading) throws -> AppointmentBoard {
        let list = try tx.appointments(fromDay: day, toDay: day)
        let (vehicles, owners) = try cars(of: list, tx)
        let customers = owners.mapValues(\.name), plates = vehicles.mapValues(\.plate.value)
        let advisors = try tx.staff().filter { $0.role == .serviceAdvisor }.map(\.name)
        return AppointmentBoard(day: day, settings: caller.settings, appointments: list, customers: customers, plates: plates,
                                now: caller.now, advisors: advisors)
    }

    /// R2.7: before closing, what a day's appointments still lack (`appt review`).
    public func review(_ day: CalendarDate, by caller: Caller) throws -> AppointmentReview {
        try department.read("appt review", by: caller) { tx in try Self.review(day, by: caller, tx) }
    }

    static func review(_ day: CalendarDate, by caller: Caller, _ tx: any StoreReading) throws -> AppointmentReview {
        AppointmentReview(day: day, problems: AppointmentPlanner.review(day: day, settings: caller.settings,
                                                                        appointments: try tx.appointments(fromDay: day, toDay: day)))
    }

    // MARK: Arrival, no-show and cancelling (R2.5, R2.8)

    /// R2.8: the customer came: the appointment closes, its parts are
    /// released, and the repair order opens with the appointment's priority.
    public func arrive(_ reference: String, by caller: Caller) throws -> Done<Arrival> {
        try department.change("appt arrive", by: caller) { tx in
            let arrival = try Self.arrive(reference, by: caller, tx)
            return Recorded(arrival, audit: AuditNote(ref: arrival.appointment.number, summary: arrival.text))
        }
    }

    public static func arrive(_ reference: String, by caller: Caller, _ tx: any StoreWriting) throws -> Arrival {
        try arrive(reference, registering: nil, by: caller, tx)
    }

    /// `appt arrive` for a car booked before it was registered: the car
    /// joins the register for the customer who called (the model they named,
    /// the VIN, plate and sale date read at reception), the appointment is
    /// linked to it, the mileage given on the phone joins its readings, and
    /// the repair order opens.
    public func arrive(_ reference: String, registering: ArrivalRegistration?, by caller: Caller) throws -> Done<Arrival> {
        try department.change("appt arrive", by: caller) { tx in
            let arrival = try Self.arrive(reference, registering: registering, by: caller, tx)
            return Recorded(arrival, audit: AuditNote(ref: arrival.appointment.number, summary: arrival.text))
        }
    }

    public static func arrive(_ reference: String, registering: ArrivalRegistration?, by caller: Caller, _ tx: any StoreWriting) throws -> Arrival {
        let done = try step("arrive", appointment: reference, by: caller, tx) { a, tx in
            let vehicle = try vehicleArriving(&a, registering: registering, by: caller, tx)
            try a.markArrived()
            return (Message("appointment.arrived_history"), vehicle)
        }
        let a = done.appointment
        let opened = try RepairOrderDesk.open(done.value, appointmentID: a.id, by: caller, tx)
        return Arrival(appointment: a, statusBefore: done.statusBefore, customerName: try tx.customer(id: a.customerID)?.name ?? "", opened: opened)
    }

    /// The car of an arriving appointment: the one booked, or, for a car not
    /// yet registered, the one registered now from `registering`.
    static func vehicleArriving(_ a: inout Appointment, registering: ArrivalRegistration?, by caller: Caller,
                                _ tx: any StoreWriting) throws -> Vehicle {
        let refusal = Message("appointment.cannot_arrive", ["number": .text(a.number)])
        if let id = a.vehicleID {
            if registering != nil { throw Refusal(refusal, problems: [Problem("vin", Message("appointment.car_registered"))]) }
            guard let vehicle = try tx.vehicle(id: id) else { throw StoreFailure(Message("store.missing.appointment_vehicle", ["number": .text(a.number)])) }
            return vehicle
        }
        guard let registering else { throw Refusal(refusal, problems: [Problem("vin", Message("appointment.register_at_reception"))]) }
        var p = a.status.isOpen ? [] : [Problem("status", Message("appointment.not_open", ["status": .text(a.status.title)]))]
        let typedPlate = try References.typedPlate(registering.plate, tx)
        var fields: VehicleFields?
        switch VehicleFields.validate(vin: registering.vin, plate: typedPlate, model: a.model, sold: registering.sold,
                                      mileage: registering.saleMileage, today: caller.today) {
        case .success(let f): fields = f
        case .failure(let r): p += r.problems
        }
        p += try CustomerDesk.duplicates(vin: registering.vin.flatMap { try? VIN.parse($0).get() },
                                         plate: typedPlate.flatMap { try? LicensePlate.parse($0).get() }, tx)
        // The mileage given on the phone is a reading of the call's day, after the sale.
        let called = a.calledAt.date(in: caller.settings.utcOffset)
        let phoneReading = a.reportedMileage.map { MileageReading(on: called, km: $0) }
        if let fields, let r = phoneReading {
            let sale = MileageReading(on: fields.soldOn, km: fields.mileage)
            if let bp = Vehicle.beforeSaleProblem(r.on, soldOn: fields.soldOn, field: "sold") { p.append(bp) }
            else if let mp = MileageRule.problem(adding: r, to: [sale], field: "mileage") { p.append(mp) }
        }
        try Refusal.check(refusal, p)
        guard let fields, let owner = try tx.customer(id: a.customerID) else { throw Refusal(refusal, problems: p) }
        var vehicle = try CustomerDesk.insert(fields, owner: owner, by: caller, tx)
        if let r = phoneReading {
            vehicle.record(r)
            try tx.updateVehicle(vehicle)
            try tx.appendEvent(vehicleID: vehicle.id, kind: .mileage, visitKind: nil, on: r.on, mileage: r.km,
                               said: Message("vehicle.event.phone_reading", ["number": .text(a.number)]),
                               at: caller.now, by: caller.user)
        }
        a.vehicleID = vehicle.id
        return vehicle
    }

    /// R2.8: the customer did not come; the value is the window for the next attempt, nil after the last.
    public func noShow(_ reference: String, by caller: Caller) throws -> Done<AppointmentStepDone<ClosedRange<CalendarDate>?>> {
        try change("no-show", by: caller) { tx in try Self.noShow(reference, by: caller, tx) }
    }

    static func noShow(_ reference: String, by caller: Caller, _ tx: any StoreWriting) throws -> AppointmentStepDone<ClosedRange<CalendarDate>?> {
        try step("no-show", appointment: reference, by: caller, tx) { a, _ in
            try a.markNoShow(now: caller.now)
            guard let window = AppointmentPlanner.noShowFollowUps(agreedDay: a.day(in: caller.settings.utcOffset), attempt: a.attempt) else {
                return (Message("appointment.no_show_last"), nil)
            }
            return (Message("appointment.no_show", ["attempt": .int(a.attempt + 1), "from": .date(window.lowerBound),
                                                    "to": .date(window.upperBound), "number": .text(a.number)]), window)
        }
    }

    /// Called off, with the reason (`appt cancel`).
    public func cancel(_ request: CancellationRequest, by caller: Caller) throws -> Done<AppointmentStepDone<Void>> {
        try change("cancel", by: caller) { tx in try Self.cancel(request, by: caller, tx) }
    }

    static func cancel(_ request: CancellationRequest, by caller: Caller, _ tx: any StoreWriting) throws -> AppointmentStepDone<Void> {
        try step("cancel", appointment: request.appointment, by: caller, tx) { a, _ in
            try a.cancel(reason: request.reason)
            return (Message("appointment.cancelled"), ())
        }
    }
}
