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

    /// How a plate looks, in English (the catalog's `plate.format_help`).
    public static var formatHelp: String { Message("plate.format_help").description }

    public static func parse(_ text: String) -> Result<LicensePlate, Problem> {
        // A plate as it is stored (粤B27DP2, 粤BD12345) is checked on its scalars: the general reading
        // below filters, uppercases and splits into Characters, 17,000 instructions at every vehicle read.
        if let plate = plainReading(text) { return .success(plate) }
        return parseWritten(text)
    }

    /// The provinces' scalars as numbers, looked through in turn: 31 comparisons cost less than hashing the
    /// scalar for a `Set`, at every car read.
    static let provinceScalars: [UInt32] = provinces.flatMap(\.unicodeScalars).map(\.value)

    /// What a character may be in a plate, as bits: `letter`, `digit`, `energyClass` (a small
    /// new-energy plate's class letter), `largeEnd` (D or F, a large one's last). One definition for
    /// the typed reading (`parseWritten`, by Character) and the stored one (`plainReading`, by byte).
    static func kind(_ c: Character) -> UInt8 {
        (letters.contains(c) ? letter : 0) | (digits.contains(c) ? digit : 0) | (newEnergyClass.contains(c) ? energyClass : 0)
            | (c == "D" || c == "F" ? largeEnd : 0)
    }
    static let letter: UInt8 = 1, digit: UInt8 = 2, energyClass: UInt8 = 4, largeEnd: UInt8 = 8
    static let asciiKinds: [UInt8] = (0..<128).map { kind(Character(Unicode.Scalar(UInt8($0)))) }

    /// An ordinary plate after its office letter (a special suffix taken off): letters and digits.
    static func isOrdinaryBody<C: Collection>(_ kinds: C) -> Bool where C.Element == UInt8 {
        kinds.allSatisfy { $0 & (letter | digit) != 0 }
    }

    /// A new-energy plate's six characters after its office letter: small (class letter, a letter or
    /// digit, four digits) or large (five digits, then D or F).
    static func isNewEnergyBody<C: RandomAccessCollection>(_ k: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard k.count == 6 else { return false }
        let s = k.startIndex
        let small = k[s] & energyClass != 0 && k[s + 1] & (letter | digit) != 0 && k[(s + 2)...].allSatisfy { $0 & digit != 0 }
        let large = k[s..<(s + 5)].allSatisfy { $0 & digit != 0 } && k[s + 5] & largeEnd != 0
        return small || large
    }

    /// The plate `text` is when it is written as stored: a province, then six (ordinary) or seven
    /// (new-energy) capital letters and digits in a plate's shape; nil for anything else, which
    /// `parseWritten` reads. Whatever this accepts, `parseWritten` accepts as the same plate.
    static func plainReading(_ text: String) -> LicensePlate? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), provinceScalars.contains(first.value) else { return nil }
        // The kinds on the stack: two arrays made for each read were most of its cost (every car read).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 7) { kinds -> LicensePlate? in
            var count = 0
            while let scalar = scalars.next() {
                guard scalar.isASCII, count < 7 else { return nil }
                kinds[count] = asciiKinds[Int(scalar.value)]
                count += 1
            }
            guard count >= 6, kinds[0] & letter != 0 else { return nil }
            let body = kinds[1..<count]
            if body.count == 5 { return isOrdinaryBody(body) ? LicensePlate(value: text, isNewEnergy: false) : nil }
            return isNewEnergyBody(body) ? LicensePlate(value: text, isNewEnergy: true) : nil
        }
    }

    /// A plate as people type it: spaces, dots and dashes, small letters, new-energy shapes.
    static func parseWritten(_ text: String) -> Result<LicensePlate, Problem> {
        let cleaned = String(text.filter { $0 != " " && $0 != "·" && $0 != "-" && $0 != "\u{3000}" }.uppercased())
        let chars = Array(cleaned)
        // Every refusal ends with how a plate looks ({help}).
        func fail(_ code: MessageCode, _ args: [String: MessageArgument] = [:]) -> Result<LicensePlate, Problem> {
            var args = args
            args["help"] = .message(Message("plate.format_help"))
            return .failure(Problem("plate", Message(code, args)))
        }
        guard chars.count == 7 || chars.count == 8 else { return fail("plate.length", ["given": .text(text), "count": .int(chars.count)]) }
        guard provinces.contains(chars[0]) else { return fail("plate.not_a_province", ["given": .text(String(chars[0]))]) }
        guard letters.contains(chars[1]) else { return fail("plate.office_letter", ["given": .text(String(chars[1]))]) }
        let tail = Array(chars[2...])
        if chars.count == 7 {
            let body = tail.last.map { specialSuffixes.contains($0) } == true ? Array(tail.dropLast()) : tail
            guard isOrdinaryBody(body.map(kind)) else { return fail("plate.body") }
            return .success(LicensePlate(value: cleaned, isNewEnergy: false))
        }
        guard isNewEnergyBody(tail.map(kind)) else { return fail("plate.new_energy_shape") }
        return .success(LicensePlate(value: cleaned, isNewEnergy: true))
    }

    /// `粤B`: a province and an office letter, what a store assumes for plates typed without them.
    public static func isPrefix(_ text: String) -> Bool {
        let chars = Array(text)
        return chars.count == 2 && provinces.contains(chars[0]) && letters.contains(chars[1])
    }

    /// What a plate typed without its province means at a store assuming
    /// `prefix` (粤B): `B12345` → 粤B12345 (the office letter typed, the
    /// province assumed), `12345` → 粤B12345; nil when the text starts with a
    /// province already, or is no shorter form of a plate. Whether the result
    /// is a valid plate is `parse`'s to say.
    public static func completing(_ text: String, prefix: String) -> String? {
        guard isPrefix(prefix), let first = text.first, !provinces.contains(first) else { return nil }
        let cleaned = String(text.filter { $0 != " " && $0 != "·" && $0 != "-" && $0 != "\u{3000}" }.uppercased())
        guard let head = cleaned.first else { return nil }
        if letters.contains(head) {
            // The office letter typed: a whole plate, or the start of one (completion, search).
            return String(prefix.prefix(1)) + cleaned
        }
        if digits.contains(head) { return prefix + cleaned }
        return nil
    }

    /// `parse`, assuming the store's prefix when the province is left out. The prefix is asked for only
    /// then: a plate typed whole (the common case) needs no settings read to find its car.
    public static func parse(_ text: String, assuming prefix: () throws -> String) rethrows -> Result<LicensePlate, Problem> {
        if let first = text.first, !provinces.contains(first), let whole = completing(text, prefix: try prefix()),
           case .success(let plate) = parse(whole) { return .success(plate) }
        return parse(text)
    }

    /// `parse`, assuming a prefix already at hand.
    public static func parse(_ text: String, assuming prefix: String) -> Result<LicensePlate, Problem> {
        parse(text, assuming: { prefix })
    }

    /// True for a character a plate can start with (a province), so a search may try plates.
    public static func mayStart(with ch: Character) -> Bool { provinces.contains(ch) }

    private init(value: String, isNewEnergy: Bool) {
        self.value = value
        self.isNewEnergy = isNewEnergy
    }

    public var description: String { value }
}
