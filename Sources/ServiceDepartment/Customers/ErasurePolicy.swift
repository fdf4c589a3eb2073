import LaneCore
import LaneStore

/// X4: what forgetting a customer means here. Their name, mobile number and
/// address go, and so do the words they left (follow-up comments, complaints,
/// appointment notes, reasons given on reminder calls); where their name stood
/// in a history or on a signature, their code stands, so the records the law
/// requires (vehicles, orders, settlements, payments) still read whole.
public enum ErasurePolicy {
    public static func erasure(of customer: Customer) -> CustomerErasure {
        let code = customer.code
        let gone = Message("customer.erased_words").description
        return CustomerErasure(customerID: customer.id, items: [
            .words(customer.name, with: code),
            .name(with: Message("customer.erased_name", ["code": .text(code)]).description),
            .phone,
            .address,
            .followUpComments(with: gone),
            .complaints(with: gone),
            .appointmentNotes(with: ""),
            .reminderReasons(with: gone),
            .signatures(with: code),
            .reservationLabels(with: code),
        ])
    }
}
