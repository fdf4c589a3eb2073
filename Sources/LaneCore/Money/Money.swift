/// An amount of renminbi in fen (1 yuan = 100 fen). Integer arithmetic only:
/// money never passes through floating point.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public static let zero = Money(fen: 0)

    /// Parses yuan as people and spreadsheets write them: `128`, `128.5`,
    /// `128.50`, `1,280.00`, `¥128.50`, `-3.20`. More than two decimals is refused
    /// rather than rounded, because a price list should be exact.
    public init?(yuan text: String) {
        var s = Substring(text.trimmingWhitespace())
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        if s.hasPrefix("¥") || s.hasPrefix("￥") { s = s.dropFirst() }
        // Thousands separators only where they belong: "1,280.50" yes, "1,2,3" no.
        if s.contains(",") {
            let whole = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let cleaned = s.filter { $0 != "," }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let whole = Int64(parts[0]) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), let f = Int64(frac) else { return nil }
            cents = frac.count == 1 ? f * 10 : f
        }
        let value = whole * 100 + cents
        self.fen = negative ? -value : value
    }

    /// `¥1,280.50`
    public var description: String {
        let a = fen.magnitude
        let whole = String(a / 100)
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let cents = a % 100
        return "\(fen < 0 ? "-" : "")¥\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `1280.50`: yuan without symbol or grouping, for CSV.
    public var plainYuan: String {
        let a = fen.magnitude
        let cents = a % 100
        return "\(fen < 0 ? "-" : "")\(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
}

/// Labour time in hundredths of an hour (1.25 h = 125), as catalogues give
/// standard hours to two decimals.
public struct LaborHours: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// `1`, `1.2`, `1.25`; at most two decimals, never negative.
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let whole = Int(parts[0]) else { return nil }
        var frac = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let f = Int(parts[1]) else { return nil }
            frac = parts[1].count == 1 ? f * 10 : f
        }
        self.hundredths = whole * 100 + frac
    }

    public var description: String {
        let frac = hundredths % 100
        if frac == 0 { return "\(hundredths / 100).0" }
        return frac % 10 == 0 ? "\(hundredths / 100).\(frac / 10)" : "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    public static func < (a: LaborHours, b: LaborHours) -> Bool { a.hundredths < b.hundredths }
}
