/// A mainland China mobile number: 11 digits starting 13-19. Written as
/// people give it (`138 0013 8000`, `138-0013-8000`, `+86 13800138000`) and
/// stored as the 11 digits.
public struct MobileNumber: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    public static func parse(_ text: String) -> Result<MobileNumber, Problem> {
        var cleaned = text.filter { !($0 == " " || $0 == "-" || $0 == "\u{3000}") }
        if cleaned.hasPrefix("+86") { cleaned.removeFirst(3) } else if cleaned.hasPrefix("0086") { cleaned.removeFirst(4) }
        let chars = Array(cleaned)
        guard chars.count == 11, chars.allSatisfy({ $0.isASCII && $0.isNumber }), chars[0] == "1",
              let second = chars[1].wholeNumberValue, second >= 3 else {
            return .failure(Problem("phone", Message("phone.not_mobile", ["given": .text(text)])))
        }
        return .success(MobileNumber(digits: String(chars)))
    }

    private init(digits: String) { self.digits = digits }

    /// The number of an erased customer (X4): gone, and never a match.
    public static let erased = MobileNumber(digits: "")
    public var isErased: Bool { digits.isEmpty }

    /// X4: the number as a role that may not see it in full gets it (`138****5678`),
    /// for values handed to code outside the core (plugins). It matches no customer.
    public static func hiding(_ number: MobileNumber) -> MobileNumber { MobileNumber(digits: number.masked) }

    public var description: String { digits }

    /// `138****8000`, for people who need to recognise a number but not dial it.
    public var masked: String { isErased ? "" : String(digits.prefix(3)) + "****" + String(digits.suffix(4)) }
}
