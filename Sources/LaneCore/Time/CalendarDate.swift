/// A day on the store's calendar (no time, no zone): sale dates, visit dates,
/// due dates. Stored and printed as ISO 8601 `YYYY-MM-DD`, which also sorts.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before). Arithmetic on days is exact.
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Nil when the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.daysSinceEpoch = CalendarDate.days(year: year, month: month, day: day)
    }

    /// Accepts `2026-11-23` and `2026/11/23` (what spreadsheets often export);
    /// single-digit months and days are allowed.
    public init?(parsing text: String) {
        // Every date the store reads is `YYYY-MM-DD`: read its ten bytes directly. The general path
        // below (splitting by Character, Unicode digit checks, Foundation's `contains`) was a tenth
        // of `remind due`'s CPU, a few dates decoded per row.
        if let (y, m, d) = CalendarDate.isoParts(text) {
            self.init(year: y, month: m, day: d)
            return
        }
        let separator: Character = text.contains("/") ? "/" : "-"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of exactly `DDDD-DD-DD` (ASCII digits), nil for any other text.
    private static func isoParts(_ text: String) -> (Int, Int, Int)? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        return utf8.withContiguousStorageIfAvailable { b -> (Int, Int, Int)? in
            guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                    n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        } ?? nil
    }

    public var components: (year: Int, month: Int, day: Int) { CalendarDate.civil(fromDays: daysSinceEpoch) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The weekday as staff say it: "Monday 星期一".
    public var weekdayName: String {
        let names = ["Monday 星期一", "Tuesday 星期二", "Wednesday 星期三", "Thursday 星期四",
                     "Friday 星期五", "Saturday 星期六", "Sunday 星期日"]
        return names[weekday - 1]
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Same day of month `months` later, clamped to the month's last day
    /// (2026-08-31 + 6 months = 2027-02-28), as people count "six months".
    public func adding(months: Int) -> CalendarDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        let d = min(c.day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(daysSinceEpoch: CalendarDate.days(year: y, month: m, day: d))
    }

    public func days(until other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var description: String {
        let c = components
        guard (0...9999).contains(c.year) else {
            return "\(CalendarDate.pad(c.year, 4))-\(CalendarDate.pad(c.month, 2))-\(CalendarDate.pad(c.day, 2))"
        }
        // Ten ASCII bytes written in place: three padded numbers interpolated cost 2,600 instructions, and
        // a date is written in every row a list shows and in most rows a change stores.
        return String(unsafeUninitializedCapacity: 10) { b in
            let y = c.year
            b[0] = 0x30 + UInt8(y / 1000); b[1] = 0x30 + UInt8(y / 100 % 10); b[2] = 0x30 + UInt8(y / 10 % 10); b[3] = 0x30 + UInt8(y % 10)
            b[4] = 0x2D
            b[5] = 0x30 + UInt8(c.month / 10); b[6] = 0x30 + UInt8(c.month % 10)
            b[7] = 0x2D
            b[8] = 0x30 + UInt8(c.day / 10); b[9] = 0x30 + UInt8(c.day % 10)
            return 10
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for any Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
