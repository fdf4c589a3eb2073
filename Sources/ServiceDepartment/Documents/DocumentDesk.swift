import LaneCore
import LaneStore

/// The paper the customer signs and the guard keeps: what each document is
/// printed from. A front end (LaneDocuments) lays it out; this desk decides
/// whether it may be printed now, by whom, what of the customer's contact
/// details it shows (X4), and keeps the print log that makes a second print
/// a reprint (重印).
public enum DocumentKind: String, CaseIterable, Sendable {
    case checkIn = "check-in"
    case workOrder = "work-order"
    case estimate
    case dispatch
    case settlement
    case gatePass = "gate-pass"
    case repairWarranty = "repair-warranty"
    case appointment

    /// The operation (and the shell command): `print settlement`.
    public var operation: OperationID { OperationID(noun: "print", verb: rawValue) }

    /// The document's name in a sentence, in the reader's language (`word.document.settlement`).
    public var name: MessageArgument { .message(Message(MessageCode("word.document." + rawValue))) }

    /// A document's number is its kind's letters and its order's (or appointment's) day and sequence.
    public var numberPrefix: String {
        switch self {
        case .checkIn: return "JC"
        case .workOrder: return "WT"
        case .estimate: return "GJ"
        case .dispatch: return "PG"
        case .settlement: return "JS"
        case .gatePass: return "CM"
        case .repairWarranty: return "ZB"
        case .appointment: return "YY"
        }
    }

    /// What the order must have reached for the document to say something true, or nil.
    public func problem(for order: RepairOrder) -> Problem? {
        let number = MessageArgument.text(order.number)
        switch self {
        case .checkIn where order.checkIn == nil:
            return Problem("ro", Message("document.no_check_in", ["number": number]))
        case .workOrder where order.approvedLines.isEmpty, .estimate where order.lines.isEmpty:
            return Problem("ro", Message("document.no_lines", ["number": number]))
        case .dispatch where order.team == nil:
            return Problem("ro", Message("document.not_dispatched", ["number": number]))
        case .settlement where order.status < .delivered || order.status == .cancelled:
            return Problem("ro", Message("document.not_delivered", ["number": number, "status": .text(order.status.title)]))
        case .gatePass where order.payment == nil, .repairWarranty where order.payment == nil:
            return Problem("ro", Message("document.not_paid", ["number": number]))
        default:
            return nil
        }
    }
}

/// Where a print came from and which print it is: the document's number,
/// the copy (1 = the original; more is a reprint), when and by whom.
public struct PrintMark: Sendable, Equatable {
    public var number: String
    public var copy: Int
    public var printedAt: Timestamp
    public var printedBy: String
    public var format: String
    public var isReprint: Bool { copy > 1 }
}

/// The customer as a document shows them to the person printing it: the
/// number and address masked for roles that may not see them (X4).
public struct DocumentCustomer: Sendable, Equatable {
    public var code: String
    public var name: String
    public var phone: String
    public var address: String
}

/// A document about a repair order, with everything its template may show.
public struct OrderDocument: Sendable {
    public var kind: DocumentKind
    public var mark: PrintMark
    public var store: StoreSettings
    /// Free texts (complaint, damage, notes) already scrubbed of numbers for roles that may not see them.
    public var order: RepairOrder
    public var vehicle: Vehicle?
    public var customer: DocumentCustomer?
    public var settlement: Settlement
    /// The repair quality warranty, once the car has left (paid).
    public var qualityWarranty: QualityWarranty?
    /// The leader of the team dispatched, for the dispatch sheet.
    public var teamLeader: String?
}

/// The appointment sheet: the booking and what was prepared for it.
public struct AppointmentDocument: Sendable {
    public var mark: PrintMark
    public var store: StoreSettings
    public var appointment: Appointment
    public var vehicle: Vehicle?
    public var customer: DocumentCustomer?
    public var reservations: [PartReservation]
}

public enum PrintedDocument: Sendable {
    case order(OrderDocument)
    case appointment(AppointmentDocument)

    public var mark: PrintMark {
        switch self {
        case .order(let d): return d.mark
        case .appointment(let d): return d.mark
        }
    }

    public var kind: DocumentKind {
        switch self {
        case .order(let d): return d.kind
        case .appointment: return .appointment
        }
    }
}

public struct PrintRequest: Sendable {
    public var kind: DocumentKind
    /// A repair order's number, or an appointment's for `appointment`.
    public var reference: String
    /// `html` or `pdf`, for the log.
    public var format: String

    public init(kind: DocumentKind, reference: String, format: String) {
        self.kind = kind
        self.reference = reference
        self.format = format
    }
}

public struct DocumentDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// Prints a document: the permission check, the print log row and the
    /// audit row in one transaction, with `render` (laying it out and writing
    /// the file) inside it, so a document that could not be written is not
    /// logged as printed.
    public func print<T>(_ request: PrintRequest, by caller: Caller, render: (PrintedDocument) throws -> T) throws -> Done<T> {
        try department.change(request.kind.operation, by: caller) { tx in
            let document = try Self.print(request, by: caller, tx)
            let value = try render(document)
            return Recorded(value, audit: AuditNote(ref: document.mark.number,
                                                    summary: Message("document.printed", Self.said(document.mark, request)).description))
        }
    }

    static func said(_ mark: PrintMark, _ request: PrintRequest) -> [String: MessageArgument] {
        ["document": request.kind.name, "number": .text(mark.number), "copy": .int(mark.copy)]
    }

    /// The same inside a transaction already open (the shell's command).
    public static func print(_ request: PrintRequest, by caller: Caller, _ tx: any StoreWriting) throws -> PrintedDocument {
        let privacy = caller.privacy
        if request.kind == .appointment {
            let a = try AppointmentDesk.load(request.reference, tx)
            let mark = try log(request, reference: a.number, by: caller, tx)
            var shown = a
            shown.note = privacy.scrub(a.note)
            shown.job = privacy.scrub(a.job)
            return .appointment(AppointmentDocument(
                mark: mark, store: caller.settings, appointment: shown, vehicle: try a.vehicleID.flatMap { try tx.vehicle(id: $0) },
                customer: try customer(a.customerID, privacy, tx), reservations: try tx.reservations(appointmentID: a.id)))
        }
        let order = try RepairOrderDesk.load(request.reference, tx)
        if let p = request.kind.problem(for: order) {
            throw Refusal(Message("document.cannot_print", ["document": request.kind.name]), problems: [p])
        }
        let mark = try log(request, reference: order.number, by: caller, tx)
        let vehicle = try tx.vehicle(id: order.vehicleID)
        var quality: QualityWarranty?
        if let paid = order.payment {
            quality = caller.settings.qualityWarranty.warranty(for: order, leftOn: paid.at.date(in: caller.settings.utcOffset),
                                                                mileage: order.checkIn?.mileage ?? vehicle?.mileage ?? 0)
        }
        var leader: String?
        if let team = order.team {
            leader = try tx.staff().first { $0.team == team && $0.role == .teamLeader }?.name
        }
        return .order(OrderDocument(kind: request.kind, mark: mark, store: caller.settings, order: scrubbed(order, privacy),
                                    vehicle: vehicle, customer: try customer(order.customerID, privacy, tx),
                                    settlement: order.settlement(vatBasisPoints: caller.settings.vatBasisPoints),
                                    qualityWarranty: quality, teamLeader: leader))
    }

    /// The next copy of the document, logged.
    static func log(_ request: PrintRequest, reference: String, by caller: Caller, _ tx: any StoreWriting) throws -> PrintMark {
        let copy = (try tx.prints(document: request.kind.rawValue, reference: reference).last?.copy ?? 0) + 1
        try tx.appendPrint(PrintRecord(document: request.kind.rawValue, reference: reference, copy: copy, format: request.format,
                                       printedBy: caller.user, printedAt: caller.now))
        let number = request.kind == .gatePass ? nil : request.kind.numberPrefix + "-" + reference.split(separator: "-").dropFirst().joined(separator: "-")
        let gatePass = request.kind == .gatePass ? try tx.repairOrder(number: reference)?.payment?.gatePass : nil
        return PrintMark(number: number ?? gatePass ?? reference, copy: copy, printedAt: caller.now, printedBy: caller.user, format: request.format)
    }

    static func customer(_ id: Int64, _ privacy: Privacy, _ tx: any StoreReading) throws -> DocumentCustomer? {
        guard let c = try tx.customer(id: id) else { return nil }
        return DocumentCustomer(code: c.code, name: c.name, phone: privacy.phone(c.phone), address: privacy.address(c.address) ?? "")
    }

    /// The order's free texts with any mobile number masked for roles that may not see them.
    static func scrubbed(_ order: RepairOrder, _ privacy: Privacy) -> RepairOrder {
        var o = order
        o.complaint = o.complaint.map(privacy.scrub)
        if var sheet = o.checkIn {
            sheet.damage = privacy.scrub(sheet.damage)
            sheet.valuables = privacy.scrub(sheet.valuables)
            sheet.equipment = privacy.scrub(sheet.equipment)
            o.checkIn = sheet
        }
        o.checks = o.checks.map { var c = $0; c.note = privacy.scrub(c.note); return c }
        if var d = o.delivery {
            d.followUpPreference = privacy.scrub(d.followUpPreference)
            o.delivery = d
        }
        return o
    }
}
