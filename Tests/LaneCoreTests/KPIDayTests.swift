import Testing
@testable import LaneCore

/// `today`'s month so far adds up kept day shares (`KPIDay`): the sum must be exactly the figures worked out
/// from the month's facts at once, whatever the days hold.
@Suite struct KPIDayTests {
    let tz = UTCOffset.china

    /// The shares of a period's days as the store would work them out: each day's facts, and the back-orders
    /// from that day to the period's end.
    func shares(_ f: KPIFacts, asOf: CalendarDate) -> [KPIDay] {
        f.sliced().map { day in
            let start = day.period.bounds(in: tz).start
            return KPIDay(day, backOrders: f.delayedDeliveries.filter { $0.openedAt >= start }, asOf: asOf)
        }
    }

    @Test func theDaysAddUpToTheMonthWorkedOutAtOnce() {
        let base = KPITests()
        for (from, to) in [(base.day.adding(days: -22), base.day), (base.day, base.day), (base.day.adding(days: -5), base.day.adding(days: -1))] {
            let period = KPIPeriod(from: from, to: to)
            for settings in [KPISettings(), KPISettings(complaintDays: 1, technicianHoursPerDay: 6, waitMinutes: 30)] {
                // What the store hands over for the period (the definitions read only the period's rows).
                var f = base.variedFacts(period).narrowed(to: period)
                f.settings = settings
                let days = shares(f, asOf: to)
                #expect(days.count == period.dayCount)
                let added = KPIDay.figures(days, period: period, technicians: f.technicians.count, settings: settings)
                let atOnce = KPIDefinitions.figures(f)
                #expect(added.map(\.id) == atOnce.map(\.id))
                for (a, b) in zip(added, atOnce) { #expect(a == b, "\(a.id): \(a.numerator)/\(a.denominator) ≠ \(b.numerator)/\(b.denominator)") }
                // Every section counted something, so no figure agrees by being empty.
                #expect(atOnce.filter { $0.denominator != 0 && $0.numerator != 0 }.count > 30)
            }
        }
    }

    @Test func theConstructedDayIsItsOwnShare() {
        let f = KPITests().facts
        let share = KPIDay(f, backOrders: f.delayedDeliveries, asOf: f.period.to)
        #expect(KPIDay.figures([share], period: f.period, technicians: 2, settings: f.settings) == KPIDefinitions.figures(f))
        // O3 is still in the workshop with parts: a back-order tomorrow may hold it up, so the share is today's only.
        #expect(share.asOf == f.period.to)
        #expect(share.holds(on: f.period.to))
        #expect(!share.holds(on: f.period.to.adding(days: 1)))
        #expect(share.waits.sorted() == [150, 360])
        #expect(share.clockedMinutes == 50 + 40 + 150 + 60)
    }

    /// O3, opened on Monday with two P2 and still in the workshop, is held up by a back-order opened on Tuesday:
    /// Monday's share must count it, from the back-orders after Monday.
    @Test func aBackOrderOnALaterDayHoldsUpAnOrderOfAnEarlierOne() {
        let base = KPITests()
        var f = base.facts
        f.period = KPIPeriod(from: base.day, to: base.day.adding(days: 1))
        f.delayedDeliveries = [DelayedDelivery(vehicleID: 30, cause: .partOnBackOrder, partNumber: "P2", note: "", expectedOn: nil,
                                               openedAt: base.at(10, daysLater: 1))]
        let days = shares(f, asOf: f.period.to)
        let fill = KPIDay.figures(days, period: f.period, technicians: 2, settings: f.settings).first { $0.id == .partsFillRate }
        // Approved part lines of the orders opened on Monday: OIL (O1), P1 (O2), P2 (O3); P2 is held up.
        #expect(fill == KPIFigure(.partsFillRate, 2, over: 3))
        #expect(fill == KPIDefinitions.figures(f).first { $0.id == .partsFillRate })
    }

    @Test func aShareWithEveryOrderDeliveredHoldsOnAnyDay() {
        var f = KPITests().facts
        f.orders.removeAll { $0.deliveredAt == nil && !$0.isCancelled }
        let share = KPIDay(f, backOrders: f.delayedDeliveries, asOf: f.period.to)
        #expect(share.asOf == nil)
        #expect(share.holds(on: f.period.to.adding(days: 30)))
    }

    @Test func aShareReadsBackAsWritten() {
        let base = KPITests()
        let period = KPIPeriod(from: base.day.adding(days: -9), to: base.day)
        for share in shares(base.variedFacts(period).narrowed(to: period), asOf: period.to) + [KPIDay(base.facts, backOrders: [], asOf: base.day)] {
            #expect(KPIDay(encoded: share.encoded, day: share.day) == share)
        }
        let text = KPIDay(base.facts, backOrders: [], asOf: base.day).encoded
        // Another form, a damaged number, a figure missing or unknown: worked out again, never misread.
        #expect(KPIDay(encoded: "1" + text.dropFirst(), day: base.day) == nil)
        #expect(KPIDay(encoded: text.replacing("orders_opened=", with: "orders_opened=x"), day: base.day) == nil)
        #expect(KPIDay(encoded: text.replacing("back_orders=", with: "back_order="), day: base.day) == nil)
        #expect(KPIDay(encoded: String(text[..<text.lastIndex(of: ",")!]), day: base.day) == nil)
        #expect(KPIDay(encoded: "", day: base.day) == nil)
    }
}
