import PropertyBased
import Testing
@testable import LaneCore

// Properties of Money over random amounts. The safe range stays inside what
// `Money(yuan:)` accepts (at most 15 digits of whole yuan).
private let safeFen = Gen.int64(in: -99_999_999_999_999_99 ... 99_999_999_999_999_99)

@Test func moneyParsesWhatItPrints() async {
    await propertyCheck(input: safeFen) { fen in
        let money = Money(fen: fen)
        #expect(Money(yuan: money.plainYuan) == money)
        #expect(Money(yuan: money.description) == money)
        // The display form without ¥ and grouping is the plain form.
        let bare = money.description.filter { $0 != "¥" && $0 != "," }
        #expect(bare == money.plainYuan)
        #expect(Money(yuan: bare) == money)
    }
}

@Test func moneyAdditionIsExactAndUndoneBySubtraction() async {
    await propertyCheck(input: safeFen, safeFen) { a, b in
        let x = Money(fen: a), y = Money(fen: b)
        #expect((x + y).fen == a + b)
        #expect(x + y == y + x)
        #expect((x + y) - y == x)
        #expect(x + .zero == x)
        #expect((x < y) == (a < b))
    }
}

@Test func divideRoundingHalfUpIsWithinHalfAFenAndRoundsTiesAwayFromZero() async {
    // Denominators of either sign: the function is public, and callers may pass
    // a negative one; numerator × denominator stays far from overflow.
    let numerators = Gen.int64(in: -1_000_000_000_000_000 ... 1_000_000_000_000_000)
    let denominators = Gen.int64(in: -1_000_000 ... 1_000_000).filter { $0 != 0 }
    await propertyCheck(input: numerators, denominators) { n, d in
        let q = Money.divideRoundingHalfUp(n, by: d)
        // |n/d − q| ≤ ½  ⇔  2·|n − q·d| ≤ |d|
        let twiceError = 2 * (n - q * d).magnitude
        #expect(twiceError <= d.magnitude, "\(n) / \(d) gave \(q)")
        if twiceError == d.magnitude {
            // A tie goes away from zero: |q| is the larger of the two candidates.
            #expect(q.magnitude * d.magnitude > n.magnitude, "tie \(n) / \(d) gave \(q)")
        }
        // Exact quotients are untouched.
        if n % d == 0 { #expect(q == n / d) }
    }
}

@Test func laborPriceIsHoursTimesRateRoundedToTheFen() async {
    await propertyCheck(input: Gen.int(in: 0...100_000), Gen.int64(in: 0...10_000_000)) { hundredths, rateFen in
        let price = LaborHours(hundredths: hundredths).price(at: Money(fen: rateFen))
        let exactTimes100 = Int64(hundredths) * rateFen
        #expect(2 * (exactTimes100 - price.fen * 100).magnitude <= 100)
    }
}

/// A date's text is its year, month and day padded (`2026-11-23`) for any day from before year 0 to after
/// 9999 (written in place in the common range, interpolated outside it), and reads back as the same day
/// for the years a date may be given in, 1 to 9999 (`CalendarDate(year:month:day:)`).
@Test func aDatesTextIsItsPaddedPartsAndReadsBack() async throws {
    await propertyCheck(count: 1000, input: Gen.int(in: -800_000 ... 3_000_000)) { days in
        let date = CalendarDate(daysSinceEpoch: days)
        let c = date.components
        #expect(date.description == "\(CalendarDate.pad(c.year, 4))-\(CalendarDate.pad(c.month, 2))-\(CalendarDate.pad(c.day, 2))")
        if (1...9999).contains(c.year) { #expect(CalendarDate(parsing: date.description) == date, "\(date)") }
    }
    // Year 0 is written like any other and, like it, not read back.
    let firstDay = try #require(CalendarDate(year: 1, month: 1, day: 1))
    #expect(CalendarDate(daysSinceEpoch: firstDay.daysSinceEpoch - 1).description == "0000-12-31")
    #expect(CalendarDate(parsing: "0000-12-31") == nil)
    #expect(CalendarDate(year: 2026, month: 11, day: 23)?.description == "2026-11-23")
    #expect(CalendarDate(year: 5, month: 1, day: 9)?.description == "0005-01-09")
}
