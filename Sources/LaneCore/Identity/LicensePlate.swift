/// A mainland Chinese number plate: the province's one-character abbreviation,
/// the issuing office's letter, then five characters (ordinary plates, 7 in all)
/// or six (new-energy plates, 8 in all: 粤BD12345 for small, 粤B12345D for large).
public struct LicensePlate: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public let isNewEnergy: Bool

    static let provinces: Set<Character> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    /// Plates avoid I and O, which read as 1 and 0.
    static let letters: Set<Character> = Set("ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let digits: Set<Character> = Set("0123456789")
    /// Small new-energy plates: D, A, B, C, E mean pure electric; F, G, H, J, K the others.
    static let newEnergyClass: Set<Character> = Set("DABCEFGHJK")
    /// Ordinary plates may end in these for learner, police, Hong Kong/Macau or trailer vehicles.
    static let specialSuffixes: Set<Character> = Set("学警港澳挂")

    public static let formatHelp = "a plate looks like 粤B12345 (province, office letter, 5 letters or digits) or, new-energy, 粤BD12345"

    public static func parse(_ text: String) -> Result<LicensePlate, Problem> {
        let cleaned = String(text.filter { $0 != " " && $0 != "·" && $0 != "-" && $0 != "\u{3000}" }.uppercased())
        let chars = Array(cleaned)
        func fail(_ why: String) -> Result<LicensePlate, Problem> { .failure(Problem("plate", "\(why); \(formatHelp)")) }
        guard chars.count == 7 || chars.count == 8 else { return fail("'\(text)' has \(chars.count) characters") }
        guard provinces.contains(chars[0]) else { return fail("'\(chars[0])' is not a province abbreviation") }
        guard letters.contains(chars[1]) else { return fail("the second character must be the office letter (A-Z without I, O), not '\(chars[1])'") }
        let tail = Array(chars[2...])
        if chars.count == 7 {
            let body = tail.last.map { specialSuffixes.contains($0) } == true ? Array(tail.dropLast()) : tail
            guard body.allSatisfy({ letters.contains($0) || digits.contains($0) }) else {
                return fail("after the office letter only digits and letters without I, O may follow")
            }
            return .success(LicensePlate(value: cleaned, isNewEnergy: false))
        }
        // New-energy: small (class letter first, then a letter or digit, then four digits)
        // or large (five digits, then D or F).
        let small = newEnergyClass.contains(tail[0]) && (letters.contains(tail[1]) || digits.contains(tail[1]))
            && tail[2...].allSatisfy { digits.contains($0) }
        let large = tail[0..<5].allSatisfy { digits.contains($0) } && (tail[5] == "D" || tail[5] == "F")
        guard small || large else {
            return fail("an 8-character new-energy plate is like 粤BD12345 (D/A/B/C/E/F/G/H/J/K, then a letter or digit, then 4 digits) or 粤B12345D")
        }
        return .success(LicensePlate(value: cleaned, isNewEnergy: true))
    }

    private init(value: String, isNewEnergy: Bool) {
        self.value = value
        self.isNewEnergy = isNewEnergy
    }

    public var description: String { value }
}
