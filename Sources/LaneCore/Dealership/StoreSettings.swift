/// A time of day to the minute, for opening hours and slots.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutes: Int
    public init(minutes: Int) { self.minutes = minutes }

    /// `08:00`, `8:30`, `24:00` (closing at midnight).
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2,
              (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        self.minutes = h * 60 + m
    }

    public var description: String { "\(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2))" }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

/// A span of the day, start included, end excluded.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    /// `08:30-10:30`
    public init?(parsing text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let s = TimeOfDay(parsing: String(parts[0])), let e = TimeOfDay(parsing: String(parts[1])), s < e else { return nil }
        self.start = s
        self.end = e
    }

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ t: TimeOfDay) -> Bool { start <= t && t < end }
    public var description: String { "\(start)-\(end)" }
}

/// The store's own settings: who it is, its rates, hours and workshop size.
/// Loaded from `seeds/store.toml` (or a dealer's own file) into the database.
public struct StoreSettings: Hashable, Sendable {
    public var name: String
    public var code: String
    public var utcOffset: UTCOffset
    /// Per standard labour hour, VAT excluded.
    public var laborRate: Money
    /// VAT in basis points (1300 = 13 %).
    public var vatBasisPoints: Int
    public var opens: TimeOfDay
    public var closes: TimeOfDay
    public var peakHours: [TimeRange]
    public var bays: Int
    /// The largest discount an advisor may give, in basis points of the
    /// customer's net total; above it the service manager decides.
    public var discountLimitBasisPoints: Int = 1000

    public init(name: String, code: String, utcOffset: UTCOffset, laborRate: Money, vatBasisPoints: Int,
                opens: TimeOfDay, closes: TimeOfDay, peakHours: [TimeRange], bays: Int) {
        self.name = name
        self.code = code
        self.utcOffset = utcOffset
        self.laborRate = laborRate
        self.vatBasisPoints = vatBasisPoints
        self.opens = opens
        self.closes = closes
        self.peakHours = peakHours
        self.bays = bays
    }

    /// What a new database starts with until the dealer's settings are loaded.
    public static let standard = StoreSettings(
        name: "ServiceLane", code: "LANE", utcOffset: .china, laborRate: Money(fen: 28_000), vatBasisPoints: 1300,
        opens: TimeOfDay(minutes: 8 * 60), closes: TimeOfDay(minutes: 20 * 60),
        peakHours: [TimeRange(start: TimeOfDay(minutes: 8 * 60 + 30), end: TimeOfDay(minutes: 10 * 60 + 30))], bays: 8)

    /// The settings as key/value text, the way the store keeps them.
    public var keyValues: [(String, String)] {
        [("store.name", name), ("store.code", code), ("store.utc_offset", utcOffset.description),
         ("rates.labor_rate_fen", String(laborRate.fen)), ("rates.vat_basis_points", String(vatBasisPoints)),
         ("hours.open", opens.description), ("hours.close", closes.description),
         ("hours.peak", peakHours.map(\.description).joined(separator: ",")), ("workshop.bays", String(bays)),
         ("rates.discount_limit_basis_points", String(discountLimitBasisPoints))]
    }

    /// Reads settings back from key/value text; missing keys keep the standard
    /// value, malformed ones are reported by key.
    public static func from(keyValues: [String: String]) -> Result<StoreSettings, Refusal> {
        var s = StoreSettings.standard
        var problems: [Problem] = []
        func take(_ key: String, _ apply: (String) -> Bool, _ expected: String) {
            guard let v = keyValues[key] else { return }
            if !apply(v) { problems.append(Problem(key, "'\(v)' is not \(expected)")) }
        }
        take("store.name", { v in s.name = v; return !v.isEmpty }, "a store name")
        take("store.code", { v in s.code = v; return !v.isEmpty }, "a store code")
        take("store.utc_offset", { v in UTCOffset(parsing: v).map { s.utcOffset = $0 } != nil }, "an offset like +08:00")
        take("rates.labor_rate_fen", { v in Int64(v).map { s.laborRate = Money(fen: $0) } != nil && s.laborRate.fen >= 0 }, "a rate in whole fen")
        take("rates.vat_basis_points", { v in Int(v).map { s.vatBasisPoints = $0 } != nil && (0...10_000).contains(s.vatBasisPoints) }, "basis points from 0 to 10000")
        take("hours.open", { v in TimeOfDay(parsing: v).map { s.opens = $0 } != nil }, "a time like 08:00")
        take("hours.close", { v in TimeOfDay(parsing: v).map { s.closes = $0 } != nil }, "a time like 20:00")
        take("hours.peak", { v in
            let ranges = v.split(separator: ",").map { TimeRange(parsing: String($0).trimmingWhitespace()) }
            guard ranges.allSatisfy({ $0 != nil }) else { return false }
            s.peakHours = ranges.compactMap { $0 }
            return true
        }, "time ranges like 08:30-10:30")
        take("rates.discount_limit_basis_points", { v in Int(v).map { s.discountLimitBasisPoints = $0 } != nil && (0...10_000).contains(s.discountLimitBasisPoints) },
             "basis points from 0 to 10000")
        take("workshop.bays", { v in Int(v).map { s.bays = $0 } != nil && s.bays > 0 }, "a number of bays above 0")
        if s.opens >= s.closes { problems.append(Problem("hours", "the store must open (\(s.opens)) before it closes (\(s.closes))")) }
        return problems.isEmpty ? .success(s) : .failure(Refusal("the store settings are not valid", problems: problems))
    }
}
