import LanePlugin

/// Where a claim to the maker's service department stands (R3.5, X1).
enum ClaimStatus: String, CaseIterable, Sendable {
    /// Written up at the dealership, not yet sent.
    case open
    /// Sent to the maker: waiting for its answer.
    case submitted
    /// The maker pays: the repair is under warranty.
    case approved
    /// The maker does not pay.
    case rejected

    /// Its words in the reader's language (`warranty.word.claim_status.…`).
    var title: String { Message(MessageCode("warranty.word.claim_status." + rawValue)).description }

    /// The maker's answer is final: a rejected case is a new claim, with new evidence.
    var next: [ClaimStatus] {
        switch self {
        case .open: return [.submitted]
        case .submitted: return [.approved, .rejected]
        case .approved, .rejected: return []
        }
    }

    var isClosed: Bool { next.isEmpty }

    /// What is still to be done, for `today` and the list, in the reader's language.
    var waitingFor: String {
        switch self {
        case .open: return Message("warranty.waiting_for.submit").description
        case .submitted: return Message("warranty.waiting_for.answer").description
        case .approved, .rejected: return ""
        }
    }

    /// Every problem with moving a claim from `self` to `to`. An approval
    /// carries the maker's reference; a rejection, the maker's reason.
    func problems(to: ClaimStatus, note: String?, makerRef: String?, number: String) -> [Problem] {
        var p: [Problem] = []
        if to == self {
            p.append(Problem("status", Message("warranty.claim_already", ["claim": .text(number), "status": .text(rawValue)])))
        } else if !next.contains(to) {
            p.append(Problem("status", isClosed
                ? Message("warranty.claim_closed", ["claim": .text(number), "status": .text(rawValue)])
                : Message("warranty.claim_can_become", ["claim": .text(number), "status": .text(rawValue),
                                                       "next": .text(next.map(\.rawValue).joined(separator: " or "))])))
        }
        if to == .approved && (makerRef ?? "").isEmpty {
            p.append(Problem("maker-ref", Message("warranty.approval_needs_ref")))
        }
        if to == .rejected && (note ?? "").isEmpty {
            p.append(Problem("note", Message("warranty.rejection_needs_note")))
        }
        return p
    }
}

/// A case escalated to the maker's service department: one labour operation
/// of one repair order, with the symptom and the diagnosis.
struct Claim: Sendable, Equatable {
    var id: Int64
    var number: String
    var order: String
    var vehicleID: Int64
    /// The repair order's advisor: the claim is on their `today`.
    var advisor: String
    var operation: String
    var symptom: String
    var diagnosis: String
    /// The warranty verdict when it was opened, in the words of whoever opened
    /// it: all a claim opened before the verdict was kept as a message has.
    var cover: String
    /// The same verdict as a message (`cover_message`), read in each reader's language.
    var coverMessage: Message?
    var status: ClaimStatus
    var makerRef: String?
    var openedAt: Timestamp
    var openedBy: String
    var updatedAt: Timestamp

    static let columns = "id, number, ro_number, vehicle_id, advisor, operation, symptom, diagnosis, cover, cover_message, status, maker_ref, opened_at, opened_by, updated_at"

    /// The verdict in the reader's language, or as it was written for an older claim.
    var coverText: String { coverMessage?.description ?? cover }

    init?(_ row: SQLRow) {
        guard let id = row.int("id"), let number = row.text("number"), let order = row.text("ro_number"),
              let vehicleID = row.int("vehicle_id"), let status = row.text("status").flatMap(ClaimStatus.init(rawValue:)),
              let opened = row.int("opened_at"), let updated = row.int("updated_at") else { return nil }
        self.id = id
        self.number = number
        self.order = order
        self.vehicleID = vehicleID
        self.advisor = row.text("advisor") ?? ""
        self.operation = row.text("operation") ?? ""
        self.symptom = row.text("symptom") ?? ""
        self.diagnosis = row.text("diagnosis") ?? ""
        self.cover = row.text("cover") ?? ""
        self.coverMessage = row.text("cover_message").flatMap(StoredMessage.decode)
        self.status = status
        self.makerRef = row.text("maker_ref")
        self.openedAt = Timestamp(secondsSince1970: opened)
        self.openedBy = row.text("opened_by") ?? ""
        self.updatedAt = Timestamp(secondsSince1970: updated)
    }
}
