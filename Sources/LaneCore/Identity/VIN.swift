/// A vehicle identification number as China's GB 16735 (like ISO 3779) defines
/// it: 17 characters, digits and capital letters without I, O and Q, and a check
/// digit in position 9 that catches most typing mistakes.
public struct VIN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public enum Invalid: Error, Equatable, Sendable {
        case length(Int)
        case forbiddenCharacters([Character])
        case checkDigit(expected: Character, found: Character)

        /// What is wrong, as a message of the catalog.
        public var said: Message {
            switch self {
            case .length(let n): return Message("vin.length", ["count": .int(n)])
            case .forbiddenCharacters(let cs):
                return Message("vin.forbidden_characters", ["found": .list(cs.map { .text("'\($0)'") })])
            case .checkDigit(let expected, let found):
                return Message("vin.check_digit", ["expected": .text(String(expected)), "found": .text(String(found))])
            }
        }

        /// In English.
        public var message: String { said.description }
    }

    /// Validates after upper-casing and removing spaces (VINs are often read out in groups).
    public static func parse(_ text: String) -> Result<VIN, Invalid> {
        let cleaned = String(text.filter { $0 != " " && $0 != "-" }.uppercased())
        let chars = Array(cleaned)
        guard chars.count == 17 else { return .failure(.length(chars.count)) }
        let bad = chars.filter { transliteration($0) == nil }
        guard bad.isEmpty else { return .failure(.forbiddenCharacters(bad)) }
        let expected = checkDigit(for: chars)
        guard chars[8] == expected else { return .failure(.checkDigit(expected: expected, found: chars[8])) }
        return .success(VIN(value: cleaned))
    }

    private init(value: String) { self.value = value }

    /// A VIN read back from the store, which validated it on the way in: only its length is
    /// looked at again (the full check cost every read of a vehicle about 5 % of a lookup).
    public init?(stored value: String) {
        guard value.utf8.count == 17 else { return nil }
        self.value = value
    }

    public var description: String { value }

    static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The check digit the other 16 characters call for; position 9 itself is ignored.
    public static func checkDigit(for chars: [Character]) -> Character {
        var sum = 0
        for (i, ch) in chars.enumerated() where i < 17 {
            sum += (transliteration(ch) ?? 0) * weights[i]
        }
        let r = sum % 11
        return r == 10 ? "X" : Character(String(r))
    }

    static func transliteration(_ ch: Character) -> Int? {
        if let d = ch.wholeNumberValue, ch.isASCII { return d }
        switch ch {
        case "A", "J": return 1
        case "B", "K", "S": return 2
        case "C", "L", "T": return 3
        case "D", "M", "U": return 4
        case "E", "N", "V": return 5
        case "F", "W": return 6
        case "G", "P", "X": return 7
        case "H", "Y": return 8
        case "R", "Z": return 9
        default: return nil
        }
    }
}
