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
    /// "C" or "c" and at least four ASCII digits. On UTF-8 bytes: a code is ASCII throughout, so a
    /// byte outside it refuses the text as a character would (and uppercasing makes no other "C").
    public static func looksLikeCode(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 5, let first = bytes.first, first == UInt8(ascii: "C") || first == UInt8(ascii: "c") else { return false }
        return bytes.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// The checked fields of a customer to add or change.
public struct CustomerFields: Hashable, Sendable {
    public var name: String
    public var phone: MobileNumber
    public var address: String?

    public static let maximumAddressLength = 120

    /// Validates every field and reports all problems at once.
    public static func validate(name: String?, phone: String?, address: String?) -> Result<CustomerFields, Refusal> {
        var problems: [Problem] = []
        let checkedName = name.flatMap { PersonName.problem($0) == nil ? $0.trimmingWhitespace() : nil }
        if let name {
            if let p = PersonName.problem(name) { problems.append(p) }
        } else {
            problems.append(Problem("name", Message("customer.name_required")))
        }
        var checkedPhone: MobileNumber?
        if let phone {
            switch MobileNumber.parse(phone) {
            case .success(let m): checkedPhone = m
            case .failure(let p): problems.append(p)
            }
        } else {
            problems.append(Problem("phone", Message("customer.phone_required")))
        }
        let trimmedAddress = address?.trimmingWhitespace()
        if let a = trimmedAddress, a.count > maximumAddressLength {
            problems.append(Problem("address", Message("input.too_long", ["max": .int(maximumAddressLength), "count": .int(a.count)])))
        }
        guard problems.isEmpty, let checkedName, let checkedPhone else {
            return .failure(Refusal(Message("customer.cannot_save"), problems: problems))
        }
        return .success(CustomerFields(name: checkedName, phone: checkedPhone,
                                       address: (trimmedAddress?.isEmpty ?? true) ? nil : trimmedAddress))
    }
}

extension Customer {
    /// The same person registered twice: the same name with the same mobile
    /// number. `samePhone` are the customers holding `fields.phone`.
    public static func duplicate(of fields: CustomerFields, among samePhone: [Customer]) -> Customer? {
        samePhone.first { $0.name == fields.name && $0.phone == fields.phone }
    }

    /// Takes `fields`, and says each field's before and after.
    public mutating func change(to fields: CustomerFields) -> [FieldChange] {
        var changes: [FieldChange] = []
        if fields.name != name { changes.append(FieldChange("name", before: name, after: fields.name)) }
        if fields.phone != phone { changes.append(FieldChange("phone", before: phone.digits, after: fields.phone.digits)) }
        if fields.address != address { changes.append(FieldChange("address", before: address, after: fields.address)) }
        name = fields.name
        phone = fields.phone
        address = fields.address
        return changes
    }

    /// X4: why the customer cannot be forgotten now. The code is typed again
    /// (`confirmation`) so a slip cannot erase someone; an order still open
    /// would lose the name its advisor works with. `orders` are the orders of
    /// the customer's vehicles.
    public func erasureProblems(confirmation: String?, orders: [RepairOrder]) -> [Problem] {
        var p: [Problem] = []
        if confirmation?.trimmingWhitespace().uppercased() != code {
            p.append(Problem("confirm", Message("customer.confirm_code", ["code": .text(code)])))
        }
        if phone.isErased { p.append(Problem("customer", Message("customer.already_erased", ["code": .text(code)]))) }
        for o in orders where o.customerID == id && o.status != .closed && o.status != .cancelled {
            p.append(Problem("ro", Message("customer.order_still_open", ["number": .text(o.number), "status": .text(o.status.title)])))
        }
        return p
    }
}

/// Names as people write them: Chinese (王小明, 欧阳晓峰), with the middle dot of
/// transliterated names (阿卜杜·热合曼), or Latin letters.
public enum PersonName {
    public static let maximumLength = 40

    public static func problem(_ raw: String, field: String = "name") -> Problem? {
        let name = raw.trimmingWhitespace()
        if name.isEmpty { return Problem(field, Message("name.empty")) }
        if name.count > maximumLength { return Problem(field, Message("input.too_long", ["max": .int(maximumLength), "count": .int(name.count)])) }
        if let bad = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control || "0123456789@#$%^&*=<>|\\/".unicodeScalars.contains($0) }) {
            return Problem(field, Message("name.bad_character", ["character": .text(bad.escaped(asASCII: true))]))
        }
        return nil
    }
}
