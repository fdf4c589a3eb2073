/// An instant, to the second. Stored as an integer; shown in the store's
/// UTC offset, because every person using the shell is in the store.
public struct Timestamp: Hashable, Comparable, Sendable {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public init(date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: UTCOffset) {
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.secondsSince1970 = local - Int64(offset.seconds)
    }

    /// Parses ISO 8601 as people and scripts write it: `2026-11-23T09:30`,
    /// `2026-11-23 09:30:00+08:00`, `2026-11-23T01:30:00Z`, or a bare date
    /// (midnight). Without an offset, `defaultOffset` (the store's) applies.
    public init?(parsing text: String, defaultOffset: UTCOffset) {
        let trimmed = text.trimmingWhitespace()
        var datePart = Substring(trimmed), timePart: Substring = ""
        if let sep = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = trimmed[..<sep]
            timePart = trimmed[trimmed.index(after: sep)...]
        }
        guard let date = CalendarDate(parsing: String(datePart)) else { return nil }
        var offset = defaultOffset
        var clock = timePart
        if clock.hasSuffix("Z") {
            offset = .utc
            clock = clock.dropLast()
        } else if let signIndex = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let parsed = UTCOffset(parsing: String(clock[signIndex...])) else { return nil }
            offset = parsed
            clock = clock[..<signIndex]
        }
        var h = 0, m = 0, s = 0
        if !clock.isEmpty {
            let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let hh = Int(parts[0]), let mm = Int(parts[1]), (0...23).contains(hh), (0...59).contains(mm) else { return nil }
            h = hh; m = mm
            if parts.count == 3 {
                guard let ss = Int(parts[2]), (0...59).contains(ss) else { return nil }
                s = ss
            }
        }
        self.init(date: date, hour: h, minute: m, second: s, offset: offset)
    }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSince1970: secondsSince1970 + seconds) }

    /// The calendar day at this instant in the given zone.
    public func date(in offset: UTCOffset) -> CalendarDate {
        let local = secondsSince1970 + Int64(offset.seconds)
        return CalendarDate(daysSinceEpoch: Int(floorDiv(local, 86_400)))
    }

    /// Seconds since local midnight.
    public func secondOfDay(in offset: UTCOffset) -> Int {
        let local = secondsSince1970 + Int64(offset.seconds)
        return Int(local - floorDiv(local, 86_400) * 86_400)
    }

    /// `2026-11-23T09:30:00+08:00`: what JSON output carries.
    public func iso8601(in offset: UTCOffset) -> String {
        "\(date(in: offset))T\(clockText(in: offset, seconds: true))\(offset)"
    }

    /// `2026-11-23 09:30`: what tables show.
    public func display(in offset: UTCOffset) -> String {
        "\(date(in: offset)) \(clockText(in: offset, seconds: false))"
    }

    public func clockText(in offset: UTCOffset, seconds: Bool) -> String {
        let s = secondOfDay(in: offset)
        let hm = "\(CalendarDate.pad(s / 3600, 2)):\(CalendarDate.pad(s / 60 % 60, 2))"
        return seconds ? hm + ":" + CalendarDate.pad(s % 60, 2) : hm
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// A fixed offset from UTC. China keeps one zone and no daylight saving,
/// so a fixed offset is the store's whole time-zone story.
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    public let seconds: Int
    public static let utc = UTCOffset(seconds: 0)
    public static let china = UTCOffset(seconds: 8 * 3600)

    public init(seconds: Int) { self.seconds = seconds }

    /// `+08:00`, `+0800`, `-05:30`, `Z`.
    public init?(parsing text: String) {
        if text == "Z" { self.seconds = 0; return }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh <= 14, mm < 60 else { return nil }
        self.seconds = (sign == "-" ? -1 : 1) * (hh * 3600 + mm * 60)
    }

    public var description: String {
        let a = abs(seconds)
        return "\(seconds < 0 ? "-" : "+")\(CalendarDate.pad(a / 3600, 2)):\(CalendarDate.pad(a / 60 % 60, 2))"
    }
}

extension String {
    /// Trims spaces, tabs and line breaks (and the ideographic space U+3000,
    /// which Chinese input methods type).
    public func trimmingWhitespace() -> String {
        // Most text trimmed (a code, a name, a table cell, a command's word) has no space at either end,
        // which its end scalars tell without breaking it into characters (2 % of a scripted write's
        // instructions). A character is whitespace when its first scalar is; the last character is
        // that scalar alone when the last scalar is ASCII or a CJK ideograph (neither joins to what
        // comes before it). `trimmingWhitespaceAgreesWithTheCharacterByCharacterReading` holds it.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !Self.isWhitespace(first),
           (last.isASCII || (0x4E00...0x9FFF).contains(last.value)), !Self.isWhitespace(last) {
            return self
        }
        return trimmingWhitespaceByCharacter()
    }

    /// Unicode's White_Space, told without looking the property up for ASCII and CJK ideographs
    /// (a look-up was a third of a trim's instructions): in ASCII, tab to carriage return and space.
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return u.value == 0x20 || (0x09...0x0D).contains(u.value) }
        if (0x4E00...0x9FFF).contains(u.value) { return false }
        return u.properties.isWhitespace
    }

    func trimmingWhitespaceByCharacter() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
