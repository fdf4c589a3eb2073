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
    /// too: every full mobile number in it is masked for these roles.
    public func scrub(_ text: String) -> String {
        guard !showsContacts else { return text }
        var out = "", run = ""
        func flush() {
            if run.count == 11, case .success(let number) = MobileNumber.parse(run) { out += number.masked } else { out += run }
            run = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// The address up to its district (区/县/市), the rest starred.
    public func address(_ text: String?) -> String? {
        guard let text, !showsContacts else { return text }
        let chars = Array(text)
        let cut = chars.lastIndex { $0 == "区" || $0 == "县" } ?? chars.firstIndex(of: "市") ?? min(chars.count, 3) - 1
        return String(chars[...cut]) + (cut + 1 < chars.count ? "****" : "")
    }
}
