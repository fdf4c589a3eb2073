import LaneCore
import LaneStore

// MARK: Requests

/// `appt book`: the call and what the customer needs. A front end that
/// could not read some of it passes nil there and says why in
/// `inputProblems`: the desk refuses with those and its own together.
public struct BookingRequest: Sendable {
    /// Plate or VIN.
    public var vehicle: String
    public var start: Timestamp?
    public var job: String
    public var durationMinutes: Int
    public var channel: AppointmentChannel
    /// When the call was; nil: now.
    public var calledAt: Timestamp?
    /// Who receives the car; nil: the caller.
    public var advisor: String?
    /// The customer insists on a peak time after hearing the alternatives (R2.3).
    public var acceptPeak: Bool
    /// The missed appointment this one follows up (R2.8).
    public var after: String?
    public var note: String
    /// The odometer the customer gives on the phone (R2.1), in km; it joins the car's readings.
    public var mileage: Int?
    /// A car not yet registered (R2.2): leave `vehicle` empty.
    public var newCar: NewCarCall?
    public var inputProblems: [Problem]

    public init(vehicle: String, start: Timestamp?, job: String, durationMinutes: Int = 60, channel: AppointmentChannel = .inbound,
                calledAt: Timestamp? = nil, advisor: String? = nil, acceptPeak: Bool = false, after: String? = nil, note: String = "",
                mileage: Int? = nil, newCar: NewCarCall? = nil, inputProblems: [Problem] = []) {
        self.mileage = mileage
        self.newCar = newCar
        self.vehicle = vehicle
        self.start = start
        self.job = job
        self.durationMinutes = durationMinutes
        self.channel = channel
        self.calledAt = calledAt
        self.advisor = advisor
        self.acceptPeak = acceptPeak
        self.after = after
        self.note = note
        self.inputProblems = inputProblems
    }
}

/// R2.2: who called about a car not yet on the register: their name and
/// phone (the customer is found by them, or registered) and the model.
public struct NewCarCall: Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var model: String?
    public init(name: String?, phone: String?, model: String?) {
        self.name = name
        self.phone = phone
        self.model = model
    }
}

/// `appt arrive` for a car booked before it was registered: what reception
/// reads off the car and its papers (R2.2: the VIN and sale date come now).
public struct ArrivalRegistration: Sendable, Equatable {
    public var vin: String?
    public var plate: String?
    public var sold: String?
    /// The odometer at the sale, when the papers give it.
    public var saleMileage: String?
    public init(vin: String?, plate: String?, sold: String?, saleMileage: String? = nil) {
        self.vin = vin
        self.plate = plate
        self.sold = sold
        self.saleMileage = saleMileage
    }
}

/// So many of one part, to put aside.
public struct PartQuantity: Sendable, Equatable {
    public var partNumber: String
    public var quantity: Int
    public init(partNumber: String, quantity: Int) {
        self.partNumber = partNumber
        self.quantity = quantity
    }
}

/// `appt prepare`: what was done for the internal confirmation, and parts to put aside.
public struct PreparationRequest: Sendable {
    public var appointment: String
    public var done: Preparation
    /// Putting them aside counts as the parts manager's check.
    public var reserve: [PartQuantity]
    /// What the front end could not read; refused with the desk's own problems.
    public var inputProblems: [Problem]

    public init(appointment: String, done: Preparation, reserve: [PartQuantity] = [], inputProblems: [Problem] = []) {
        self.appointment = appointment
        self.done = done
        self.reserve = reserve
        self.inputProblems = inputProblems
    }
}

/// `appt confirm`: which confirmation the customer gave.
public struct ConfirmationRequest: Sendable {
    public var appointment: String
    public var kind: CustomerConfirmationKind
    public init(appointment: String, kind: CustomerConfirmationKind) {
        self.appointment = appointment
        self.kind = kind
    }
}

/// `appt cancel`: and why.
public struct CancellationRequest: Sendable {
    public var appointment: String
    public var reason: String
    public init(appointment: String, reason: String) {
        self.appointment = appointment
        self.reason = reason
    }
}

// MARK: Results

/// An appointment as lists show it: with its plate and customer (nil when the row is missing).
public struct AppointmentListing: Sendable {
    public var appointment: Appointment
    public var plate: String?
    public var customerName: String?
}

/// `appt show`: the appointment, what its internal confirmation lacks, the
/// customer confirmations, the parts put aside and its history.
public struct AppointmentDetails: Sendable {
    public var listing: AppointmentListing
    public var missing: [Problem]
    public var confirmations: [ConfirmationDue]
    public var reservations: [PartReservation]
    public var history: [TimelineEvent]
}

/// A confirmation call to make (R2.6), with the phone as the caller may see it.
public struct ConfirmationCall: Sendable {
    public var listing: AppointmentListing
    public var phone: String
    public var due: ConfirmationDue
}

/// A booking made.
public struct AppointmentBooked: Sendable {
    public var appointment: Appointment
    public var plate: String
    public var customerCode: String
    public var customerName: String
    /// At a peak time the customer insisted on (R2.3).
    public var isPeak: Bool
    /// What to tell the customer: a peak time, a same-day appointment.
    public var warnings: [Problem]
    /// R1, R2.1: the due reminders the booking settled.
    public var settled: [DueReminder]

    public var number: String { appointment.number }

    public var message: Message {
        let a = appointment
        let car: MessageArgument = a.vehicleID == nil ? .message(Message("appointment.new_car", ["model": .text(a.model ?? "")])) : .text(plate)
        return Message("appointment.booked", ["number": .text(a.number), "plate": car, "start": .time(a.start),
                                              "advisor": .text(a.advisor), "bay": a.bay.map { .int($0) } ?? .text("-"), "job": .text(a.job)])
    }
}

/// A step done: the appointment after it, the status before, and the step's own result.
public struct AppointmentStepDone<T> {
    public var appointment: Appointment
    public var step: String
    public var statusBefore: AppointmentStatus
    public var detail: Message
    public var value: T

    public var number: String { appointment.number }
    public var status: AppointmentStatus { appointment.status }
    public var message: Message { Message("appointment.step_done", ["number": .text(number), "detail": .message(detail)]) }
}

/// The customer came: the appointment closed and the repair order opened.
public struct Arrival: Sendable {
    public var appointment: Appointment
    public var statusBefore: AppointmentStatus
    public var customerName: String
    public var opened: RepairOrderOpened

    /// R3.2: appointment customers are greeted by name.
    public var message: Message {
        Message("appointment.arrived", ["number": .text(appointment.number), "customer": .text(customerName)])
    }

    /// The answer in English for the audit trail: the arrival, the order and its notes.
    public var text: String { ([message, opened.message] + opened.notes).map(\.description).joined(separator: "\n") }
}

/// `appt review`: a day's open appointments and what each still lacks.
public struct AppointmentReview: Sendable {
    public var day: CalendarDate
    /// Fields name the appointment (`AP-20261124-002 parts`).
    public var problems: [Problem]

    public var message: Message {
        Message(problems.isEmpty ? "appointment.review_clear" : "appointment.review_open", ["day": .date(day)])
    }
}
