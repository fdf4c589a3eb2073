import LaneCore
import LaneStore

/// X4: what forgetting a customer means here. Their name, mobile number and
/// address go, and so do the words they left (follow-up comments, complaints,
/// appointment notes, reasons given on reminder calls); the texts written about
/// their visits and cars (complaint and check-in sheets, timelines, the
/// histories of every car they owned) keep what they say of the car, with
/// their code where their name stood and their number, however written,
/// gone. So the records the law requires (vehicles, orders, settlements,
/// payments) still read whole.
public enum ErasurePolicy {
    /// `texts` are the store's texts that may name the customer (`customerTexts(of:)`).
    public static func erasure(of customer: Customer, texts: [CustomerText]) -> CustomerErasure {
        let code = customer.code
        let gone = Message("customer.erased_words").description
        let rewritten = texts.compactMap { t -> CustomerText? in
            let text = withoutCustomer(t.text, customer)
            return text == t.text ? nil : CustomerText(field: t.field, rowID: t.rowID, text: text)
        }
        return CustomerErasure(customerID: customer.id, items: [
            .texts(rewritten),
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

    /// `text` with the customer's code where their name stood and their
    /// number, in whatever form it was written, gone.
    static func withoutCustomer(_ text: String, _ customer: Customer) -> String {
        let named = customer.name.isEmpty ? text : text.replacing(customer.name, with: customer.code)
        let gone = Message("customer.erased_words").description
        return MobileNumber.replacingOccurrences(in: named) { $0 == customer.phone ? gone : nil }
    }
}
