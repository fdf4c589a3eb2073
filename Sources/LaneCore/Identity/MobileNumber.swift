/// A mainland China mobile number: 11 digits starting 13-19. Written as
/// people give it (`138 0013 8000`, `138-0013-8000`, `+86 13800138000`) and
/// stored as the 11 digits.
public struct MobileNumber: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    public static func parse(_ text: String) -> Result<MobileNumber, Problem> {
        // A number as it is stored (eleven ASCII digits, 1 then 3-9) is taken as it is: the general
        // reading below filters and splits into Characters, 17,000 instructions at every customer read.
        if isPlain(text) { return .success(MobileNumber(digits: text)) }
        return parseWritten(text)
    }

    /// Eleven ASCII digits, the first 1 and the second 3 to 9: a mobile number as stored, and the rule
    /// `parseWritten` applies once spaces, dashes and +86 are gone.
    static func isPlain(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            guard count < 11, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            if count == 0 && byte != UInt8(ascii: "1") { return false }
            if count == 1 && byte < UInt8(ascii: "3") { return false }
            count += 1
        }
        return count == 11
    }

    /// A number as people write it: spaces and dashes, +86 or 0086 in front.
    static func parseWritten(_ text: String) -> Result<MobileNumber, Problem> {
        var cleaned = text.filter { !($0 == " " || $0 == "-" || $0 == "\u{3000}") }
        if cleaned.hasPrefix("+86") { cleaned.removeFirst(3) } else if cleaned.hasPrefix("0086") { cleaned.removeFirst(4) }
        guard isPlain(cleaned) else { return .failure(Problem("phone", Message("phone.not_mobile", ["given": .text(text)]))) }
        return .success(MobileNumber(digits: cleaned))
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
