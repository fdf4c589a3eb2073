/// A customer of the service department: the person who brings cars in and
/// pays. Referred to by code (`C0007`), mobile number, or name when unique.
public struct Customer: Hashable, Sendable {
    public var id: Int64
    /// `C0001`…: short, stable, what the advisor reads out and types.
    public var code: String
    public var name: String
    public var phone: MobileNumber
    public var address: String?
    public var createdAt: Timestamp

    public init(id: Int64, code: String, name: String, phone: MobileNumber, address: String?, createdAt: Timestamp) {
        self.id = id
        self.code = code
        self.name = name
        self.phone = phone
        self.address = address
        self.createdAt = createdAt
    }

    /// The code for the n-th customer: C0001 … C9999, then C10000 …
    public static func code(number: Int) -> String { "C" + CalendarDate.pad(number, 4) }

    /// True for text shaped like a customer code, so lookups try the code index first.
    public static func looksLikeCode(_ text: String) -> Bool {
        let chars = Array(text.uppercased())
        return chars.count >= 5 && chars[0] == "C" && chars.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// The checked fields of a customer to add or change.
public struct CustomerFields: Hashable, Sendable {
    public var name: String
    public var phone: MobileNumber
    public var address: String?

    /// Validates every field and reports all problems at once.
    public static func validate(name: String?, phone: String?, address: String?) -> Result<CustomerFields, Refusal> {
        var problems: [Problem] = []
        let checkedName = name.flatMap { PersonName.problem($0) == nil ? $0.trimmingWhitespace() : nil }
        if let name {
            if let p = PersonName.problem(name) { problems.append(p) }
        } else {
            problems.append(Problem("name", "the customer's name is required (--name)"))
        }
        var checkedPhone: MobileNumber?
        if let phone {
            switch MobileNumber.parse(phone) {
            case .success(let m): checkedPhone = m
            case .failure(let p): problems.append(p)
            }
        } else {
            problems.append(Problem("phone", "a mobile number is required (--phone), e.g. 13800138000"))
        }
        let trimmedAddress = address?.trimmingWhitespace()
        if let a = trimmedAddress, a.count > 120 {
            problems.append(Problem("address", "at most 120 characters, this one has \(a.count)"))
        }
        guard problems.isEmpty, let checkedName, let checkedPhone else {
            return .failure(Refusal("the customer cannot be saved", problems: problems))
        }
        return .success(CustomerFields(name: checkedName, phone: checkedPhone,
                                       address: (trimmedAddress?.isEmpty ?? true) ? nil : trimmedAddress))
    }
}

/// Names as people write them: Chinese (王小明, 欧阳晓峰), with the middle dot of
/// transliterated names (阿卜杜·热合曼), or Latin letters.
public enum PersonName {
    public static func problem(_ raw: String, field: String = "name") -> Problem? {
        let name = raw.trimmingWhitespace()
        if name.isEmpty { return Problem(field, "the name is empty") }
        if name.count > 40 { return Problem(field, "at most 40 characters, this one has \(name.count)") }
        if let bad = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control || "0123456789@#$%^&*=<>|\\/".unicodeScalars.contains($0) }) {
            return Problem(field, "a name cannot contain '\(bad.escaped(asASCII: true))'")
        }
        return nil
    }
}
