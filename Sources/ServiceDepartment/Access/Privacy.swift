import LaneCore

/// X4: who sees customers' contact details in full. The front office and
/// the managers call and write to customers; the workshop, parts, QC and
/// anyone not on the staff list see `138****5678` and the district only.
/// Operations apply it to what they return; front ends apply `scrub` to
/// free text as a last line of defence.
public struct Privacy: Sendable {
    public static let seeContacts: Set<StaffRole> = [.serviceAdvisor, .customerService, .cashier, .serviceManager, .admin]
    public var role: StaffRole?

    public init(role: StaffRole?) { self.role = role }

    public var showsContacts: Bool { role.map(Privacy.seeContacts.contains) ?? false }

    public func phone(_ number: MobileNumber) -> String { showsContacts ? number.digits : number.masked }

    public func phone(_ number: MobileNumber?) -> String { number.map { phone($0) } ?? "" }

    /// Free text (comments, complaints, commands as typed) may hold a number
    /// too, written any way people write one: each is masked for these roles,
    /// the words around it kept.
    public func scrub(_ text: String) -> String {
        guard !showsContacts else { return text }
        return MobileNumber.replacingOccurrences(in: text) { $0.masked }
    }

    /// X4: how this role may look customers up by the digits of their mobile
    /// number; nil when `text` is not a number. The front office finds one by
    /// its first or last digits; roles that see numbers masked by the whole
    /// number or its last four digits, so no prefix search lets them rebuild
    /// a number digit by digit.
    public func phoneLookup(_ text: String) -> PhoneLookup? {
        if case .success(let number) = MobileNumber.parse(text) { return .whole(number) }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if showsContacts { return .firstOrLastDigits(text) }
        return text.count == 4 ? .lastFour(text) : .refused(text)
    }

    /// The address down to its district (province, city, district), the rest starred.
    public func address(_ text: String?) -> String? {
        guard let text, !showsContacts else { return text }
        let chars = Array(text)
        let cut = PostalAddress.districtEnd(chars)
        return String(chars[..<cut]) + (cut < chars.count ? "****" : "")
    }
}

/// What a search by mobile number digits may look for (`Privacy.phoneLookup`).
public enum PhoneLookup: Sendable, Equatable {
    /// The whole number: that customer, for every role.
    case whole(MobileNumber)
    /// The front office: numbers starting with the digits, or ending with them.
    case firstOrLastDigits(String)
    /// The last four digits, as people read them out.
    case lastFour(String)
    /// Any other part of a number, for a role that may not see numbers.
    case refused(String)
}
