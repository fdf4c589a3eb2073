import Testing
@testable import LaneCore

private func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate {
    guard let date = CalendarDate(year: y, month: m, day: d) else { fatalError("\(y)-\(m)-\(d) is not a date") }
    return date
}

@Test func epochIsDayZeroAndComponentsRoundTrip() {
    #expect(date(1970, 1, 1).daysSinceEpoch == 0)
    #expect(date(1969, 12, 31).daysSinceEpoch == -1)
    #expect(date(2000, 1, 1).daysSinceEpoch == 10_957)
    #expect(date(2026, 11, 23).daysSinceEpoch == 20_780)
    let d = CalendarDate(daysSinceEpoch: 19_782)
    #expect(d.year == 2024 && d.month == 2 && d.day == 29)
}

@Test func componentsRoundTripOverManyYears() {
    // Every 37th day from 1900 to 2100, through days -> components -> days.
    var day = date(1900, 1, 1).daysSinceEpoch
    let end = date(2100, 12, 31).daysSinceEpoch
    while day <= end {
        let c = CalendarDate(daysSinceEpoch: day).components
        #expect(CalendarDate(year: c.year, month: c.month, day: c.day)?.daysSinceEpoch == day)
        day += 37
    }
}

@Test func nonexistentDaysAreNil() {
    #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2026, month: 2, day: 30) == nil)
    #expect(CalendarDate(year: 2026, month: 4, day: 31) == nil)
    #expect(CalendarDate(year: 2026, month: 13, day: 1) == nil)
    #expect(CalendarDate(year: 2026, month: 0, day: 1) == nil)
    #expect(CalendarDate(year: 2026, month: 1, day: 0) == nil)
    #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 2026, month: 12, day: 31) != nil)
}

@Test func leapYearsFollowTheGregorianRule() {
    #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
    #expect(date(2024, 2, 28).adding(days: 1) == date(2024, 2, 29))
    #expect(date(2026, 2, 28).adding(days: 1) == date(2026, 3, 1))
}

@Test func parsesDashedAndSlashedDates() {
    #expect(CalendarDate(parsing: "2026-11-23") == date(2026, 11, 23))
    #expect(CalendarDate(parsing: "2026/11/23") == date(2026, 11, 23))
    #expect(CalendarDate(parsing: "2026-1-5") == date(2026, 1, 5))
    #expect(CalendarDate(parsing: "2026/1/05") == date(2026, 1, 5))
}

@Test func parsingRejectsNonexistentDays() {
    #expect(CalendarDate(parsing: "2026-02-30") == nil)
    #expect(CalendarDate(parsing: "2026-02-29") == nil)
    #expect(CalendarDate(parsing: "2026-13-01") == nil)
    #expect(CalendarDate(parsing: "2026-00-10") == nil)
    #expect(CalendarDate(parsing: "2024-02-29") == date(2024, 2, 29))
}

@Test func parsingRejectsOtherShapes() {
    for text in ["", "2026", "2026-11", "26-11-23", "20261-1-1", "2026-011-23", "2026-11-023",
                 "2026-11-23x", "2026/11-23", "2026-11-23-01", "2026--23", "23-11-2026", "2026.11.23",
                 " 2026-11-23", "２０２６-11-23"] {
        #expect(CalendarDate(parsing: text) == nil, "\(text)")
    }
}

@Test func parsingRejectsSignedComponents() {
    // Int("+1") is 1, but a plus or minus sign is not part of a date.
    for text in ["2026-+1-05", "2026-11-+5", "+026-11-23", "2026/+1/05", "2026/11/-5"] {
        #expect(CalendarDate(parsing: text) == nil, "\(text)")
    }
}

@Test func descriptionIsZeroPaddedISO() {
    #expect(date(2026, 1, 5).description == "2026-01-05")
    #expect(date(987, 12, 31).description == "0987-12-31")
    #expect(CalendarDate(parsing: "2026/1/5")?.description == "2026-01-05")
}

@Test func weekdayIsISOMondayOneToSundaySeven() {
    #expect(date(1970, 1, 1).weekday == 4)   // Thursday
    #expect(date(1969, 12, 31).weekday == 3) // Wednesday, before the epoch
    #expect(date(2026, 11, 23).weekday == 1) // Monday
    #expect(date(2026, 11, 29).weekday == 7) // Sunday
    #expect(date(2000, 1, 1).weekday == 6)   // Saturday
    #expect(date(1900, 1, 1).weekday == 1)   // Monday
}

@Test func addingDaysCrossesMonthAndYearEnds() {
    #expect(date(2026, 1, 31).adding(days: 1) == date(2026, 2, 1))
    #expect(date(2026, 12, 31).adding(days: 1) == date(2027, 1, 1))
    #expect(date(2027, 1, 1).adding(days: -1) == date(2026, 12, 31))
    #expect(date(2026, 1, 1).adding(days: 365) == date(2027, 1, 1))
    #expect(date(2024, 1, 1).adding(days: 365) == date(2024, 12, 31))
}

@Test func daysUntilCountsSignedDifference() {
    #expect(date(2026, 1, 1).days(until: date(2026, 3, 1)) == 59)
    #expect(date(2024, 1, 1).days(until: date(2024, 3, 1)) == 60)
    #expect(date(2026, 3, 1).days(until: date(2026, 1, 1)) == -59)
    #expect(date(2026, 3, 1).days(until: date(2026, 3, 1)) == 0)
}

@Test func addingMonthsKeepsTheDayOfMonth() {
    #expect(date(2026, 1, 15).adding(months: 1) == date(2026, 2, 15))
    #expect(date(2026, 11, 23).adding(months: 2) == date(2027, 1, 23))
    #expect(date(2026, 11, 23).adding(months: 12) == date(2027, 11, 23))
    #expect(date(2026, 11, 23).adding(months: 0) == date(2026, 11, 23))
    #expect(date(2026, 11, 23).adding(months: 26) == date(2029, 1, 23))
}

@Test func addingMonthsClampsToTheLastDayOfTheMonth() {
    #expect(date(2026, 1, 31).adding(months: 1) == date(2026, 2, 28))
    #expect(date(2024, 1, 31).adding(months: 1) == date(2024, 2, 29))
    #expect(date(2026, 8, 31).adding(months: 6) == date(2027, 2, 28))
    #expect(date(2026, 3, 31).adding(months: 1) == date(2026, 4, 30))
    #expect(date(2024, 2, 29).adding(months: 12) == date(2025, 2, 28))
    #expect(date(2024, 2, 29).adding(months: 48) == date(2028, 2, 29))
}

@Test func subtractingMonthsCrossesTheYearBackwards() {
    #expect(date(2026, 1, 31).adding(months: -1) == date(2025, 12, 31))
    #expect(date(2024, 3, 31).adding(months: -1) == date(2024, 2, 29))
    #expect(date(2026, 2, 15).adding(months: -14) == date(2024, 12, 15))
}

@Test func datesOrderByDay() {
    #expect(date(2026, 1, 31) < date(2026, 2, 1))
    #expect(!(date(2026, 2, 1) < date(2026, 2, 1)))
    #expect([date(2027, 1, 1), date(2025, 6, 1), date(2026, 1, 1)].sorted().map(\.description)
            == ["2025-06-01", "2026-01-01", "2027-01-01"])
}

/// The stored form `YYYY-MM-DD` is read by its bytes; anything else goes the general way, with the same answers.
@Test func theStoredFormIsReadByItsBytesWithTheGeneralAnswers() {
    #expect(CalendarDate(parsing: "2026-11-23") == date(2026, 11, 23))
    #expect(CalendarDate(parsing: "0001-01-01") == date(1, 1, 1))
    #expect(CalendarDate(parsing: "2026-02-30") == nil)
    #expect(CalendarDate(parsing: "0000-01-01") == nil)
    #expect(CalendarDate(parsing: "2026-13-01") == nil)
    #expect(CalendarDate(parsing: "2026-1a-01") == nil)
    #expect(CalendarDate(parsing: "2026/11/23") == date(2026, 11, 23))
    #expect(CalendarDate(parsing: "2026-1-5") == date(2026, 1, 5))
    // Full-width digits and other ten-character texts are not dates.
    #expect(CalendarDate(parsing: "２０２６-11-23") == nil)
    #expect(CalendarDate(parsing: "2026-11-2x") == nil)
    #expect(CalendarDate(parsing: "2026_11_23") == nil)
}
