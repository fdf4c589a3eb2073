import Testing
@testable import LaneCore

// Service reminders, spec section 1: R1.1 first service, R1.2 regular service,
// R1.3 lost customer. Each test is named after the rule it checks.

@Suite struct ServiceReminderTests {
    private static func day(_ text: String) -> CalendarDate {
        guard let d = CalendarDate(parsing: text) else { fatalError("\(text) is not a date") }
        return d
    }

    private func day(_ text: String) -> CalendarDate { Self.day(text) }

    private func visit(_ on: String, _ km: Int?, _ kind: VisitKind = .regularService) -> ServiceVisitRecord {
        ServiceVisitRecord(on: day(on), mileage: km, kind: kind)
    }

    private func due(sold: String, saleKm: Int = 10, _ visits: [ServiceVisitRecord] = [], today: String = "2026-11-23",
                     horizon: Int = 10) -> [ServiceReminder] {
        ServiceReminders.due(soldOn: day(sold), saleMileage: saleKm, visits: visits, today: day(today), horizonDays: horizon)
    }

    private func only(_ kind: ReminderKind, in reminders: [ServiceReminder]) -> ServiceReminder? {
        let found = reminders.filter { $0.kind == kind }
        #expect(found.count <= 1, "at most one \(kind) reminder")
        return found.first
    }

    /// A vehicle serviced 2026-03-01 at 1,000 km and 2026-09-03 at 11,602 km:
    /// 57 km/day, so 5,000 km more take 87.7 -> 88 days: due 2026-11-30.
    private var fiveThousandKmHistory: [ServiceVisitRecord] {
        [visit("2026-03-01", 1_000, .firstService), visit("2026-09-03", 11_602)]
    }

    /// Serviced 2025-12-01 at 1,000 km and 2026-06-01 at 5,004 km (22 km/day):
    /// 6 months end 2026-12-01, long before 5,000 km more (228 days).
    private var sixMonthHistory: [ServiceVisitRecord] {
        [visit("2025-12-01", 1_000, .firstService), visit("2026-06-01", 5_004)]
    }

    // MARK: R1.1 first service

    /// A reminder's reason is worded when it is read, in the reader's language, not when the rules made it.
    @Test func aReasonIsWordedInTheLanguageItIsReadIn() throws {
        let made = try #require(MessageCatalog.speaking(.english) { only(.firstService, in: due(sold: "2026-10-01")) })
        let english = MessageCatalog.speaking(.english) { made.reason }
        let chinese = MessageCatalog.speaking(.chinese) { made.reason }
        #expect(english.contains("first service"))
        #expect(chinese.contains("首保") && !chinese.contains("first service"))
        #expect(MessageCatalog.speaking(.chinese) { made.why.description } == chinese)
        // Words given as words stay as they are, whoever reads them.
        let given = ServiceReminder(kind: .campaign, dueOn: day("2026-11-23"), estimatedMileage: nil, dueMileage: nil, reason: "召回 PR-1", rule: "R1.6")
        #expect(MessageCatalog.speaking(.english) { given.reason } == "召回 PR-1")
    }

    @Test func R1_1_firstServiceDueBySixtyDays() throws {
        let reminders = due(sold: "2026-10-01", saleKm: 12)
        #expect(reminders.count == 1)
        let r = try #require(only(.firstService, in: reminders))
        #expect(r.rule == "R1.1")
        #expect(r.dueOn == day("2026-11-30"))
        #expect(r.dueMileage == 2_012)
        #expect(r.estimatedMileage == nil, "no visit: no usage data")
        #expect(!r.isOverdue(on: day("2026-11-23")))
        #expect(r.reason == "first service due by 2026-11-30, 60 days after the sale on 2026-10-01 (no mileage recorded since the sale)")
    }

    @Test func R1_1_firstServiceDueByMileageFirst() throws {
        // 1,000 km in the first 20 days (a repair): 50 km/day since the sale,
        // so 2,000 km after 40 days, 2026-11-10, before the 60 days (2026-11-30).
        let visits = [visit("2026-10-21", 1_010, .repair)]
        let r = try #require(only(.firstService, in: due(sold: "2026-10-01", saleKm: 10, visits, today: "2026-11-05")))
        #expect(r.dueOn == day("2026-11-10"))
        #expect(r.dueMileage == 2_010)
        #expect(r.estimatedMileage == 1_010 + 50 * 15)
        #expect(r.reason.hasPrefix("first service due by 2026-11-10, at 2,010 km: 2,000 km after the sale on 2026-10-01"))
        #expect(r.reason.contains("now about 1,760 km"))
    }

    @Test func R1_1_kmDayIsTheDayTheDistanceIsReached() throws {
        // 45 km/day since the sale: 2,000 km take 44.4 days, reached on day 45.
        let visits = [visit("2026-10-11", 450, .other)]
        let r = try #require(only(.firstService, in: due(sold: "2026-10-01", saleKm: 0, visits, today: "2026-11-10")))
        #expect(r.dueOn == day("2026-10-01").adding(days: 45))
        // 30 km/day: 67 days, so the 60 days come first.
        let slow = [visit("2026-10-11", 300, .other)]
        let s = try #require(only(.firstService, in: due(sold: "2026-10-01", saleKm: 0, slow, today: "2026-11-25")))
        #expect(s.dueOn == day("2026-11-30"))
        #expect(s.reason.contains("60 days after the sale on 2026-10-01, or at 2,000 km if sooner"))
    }

    @Test func R1_1_overdueFirstServiceIsStillListed() throws {
        let r = try #require(only(.firstService, in: due(sold: "2026-08-10")))
        #expect(r.dueOn == day("2026-10-09"))
        #expect(r.isOverdue(on: day("2026-11-23")))
        #expect(r.reason.hasPrefix("first service overdue since 2026-10-09"))
    }

    @Test func R1_1_notListedBeforeTheHorizon() {
        #expect(due(sold: "2026-10-22").isEmpty, "due 2026-12-21")
        #expect(due(sold: "2026-10-05").isEmpty, "due 2026-12-04, a day past the horizon")
        #expect(due(sold: "2026-10-04").map(\.dueOn) == [day("2026-12-03")], "due on the horizon's last day")
        #expect(due(sold: "2026-10-05", today: "2026-11-24").map(\.dueOn) == [day("2026-12-04")])
    }

    @Test func R1_1_endsWithAnyService() {
        #expect(due(sold: "2026-08-10", [visit("2026-10-01", 1_500, .firstService)]).allSatisfy { $0.kind != .firstService })
        #expect(due(sold: "2026-08-10", [visit("2026-10-01", 1_500, .regularService)]).allSatisfy { $0.kind != .firstService })
        // A repair is a visit, not a service: the first service is still owed.
        #expect(only(.firstService, in: due(sold: "2026-08-10", [visit("2026-09-01", 800, .repair)])) != nil)
    }

    @Test func R1_1_vehicleSoldTodayHasNothingDue() {
        #expect(due(sold: "2026-11-23").isEmpty)
        // Even with a visit on the sale day (no day elapsed: no usage data, no division by zero).
        #expect(due(sold: "2026-11-23", saleKm: 5, [visit("2026-11-23", 40, .other)]).isEmpty)
        let est = ServiceReminders.estimatedMileage(soldOn: day("2026-11-23"), saleMileage: 5, visits: [], today: day("2026-11-23"))
        #expect(est == 5)
    }

    // MARK: R1.2 regular service

    @Test func R1_2_regularServiceBySixMonths() throws {
        let reminders = due(sold: "2025-10-01", sixMonthHistory)
        #expect(reminders.count == 1)
        let r = try #require(only(.regularService, in: reminders))
        #expect(r.rule == "R1.2")
        #expect(r.dueOn == day("2026-12-01"))
        #expect(r.dueMileage == 10_004)
        #expect(r.estimatedMileage == 5_004 + 22 * 175)
        #expect(r.reason == "regular service due by 2026-12-01, 6 months after the last service on 2026-06-01 at 5,004 km, "
            + "or at 10,004 km if sooner (now about 8,854 km, 22.0 km/day)")
    }

    @Test func R1_2_regularServiceByFiveThousandKm() throws {
        let r = try #require(only(.regularService, in: due(sold: "2026-01-10", fiveThousandKmHistory)))
        #expect(r.dueOn == day("2026-11-30"), "months would be 2027-03-03")
        #expect(r.dueMileage == 16_602)
        #expect(r.reason.hasPrefix("regular service due by 2026-11-30, at 16,602 km: 5,000 km after the last service on 2026-09-03 at 11,602 km"))
    }

    @Test func R1_2_remindsSevenToTenDaysAhead() {
        // Due 2026-12-01 (6 months after 2026-06-01; no mileage recorded, so months alone).
        // A repair in October keeps it from being lost when it is overdue.
        let visits = [visit("2026-06-01", nil, .firstService), visit("2026-10-01", nil, .repair)]
        let dueDay = day("2026-12-01")
        func listed(daysBefore: Int, horizon: Int = 10) -> Bool {
            let today = dueDay.adding(days: -daysBefore).description
            return only(.regularService, in: due(sold: "2026-04-20", visits, today: today, horizon: horizon)) != nil
        }
        #expect(!listed(daysBefore: 11))
        for n in ServicePolicy.standard.remindDaysBefore { #expect(listed(daysBefore: n), "\(n) days ahead") }
        #expect(listed(daysBefore: 3), "a reminder missed in the window is still due")
        #expect(listed(daysBefore: 0))
        #expect(listed(daysBefore: -5), "overdue")
        #expect(!listed(daysBefore: 8, horizon: 7))
        #expect(ServicePolicy.standard.remindDaysBefore == 7...10)
    }

    @Test func R1_2_overdueServiceIsListedAsOverdue() throws {
        // 45 km/day from 2026-01-10 (1,000 km) to 2026-08-15 (10,765 km, a repair): 12,795 km,
        // 5,000 km after the service of 2026-06-10, is 2,030 km past the repair: 46 days, 2026-09-30.
        let visits = [visit("2026-01-10", 1_000, .firstService), visit("2026-06-10", 7_795), visit("2026-08-15", 10_765, .repair)]
        let reminders = due(sold: "2025-11-15", visits)
        #expect(reminders.map(\.kind) == [.regularService], "the repair keeps it from being lost")
        let r = try #require(reminders.first)
        #expect(r.dueOn == day("2026-09-30"))
        #expect(r.isOverdue(on: day("2026-11-23")))
        #expect(r.reason.hasPrefix("regular service overdue since 2026-09-30"))
    }

    @Test func R1_2_repairDoesNotRestartTheInterval() throws {
        var visits = sixMonthHistory
        visits.append(visit("2026-11-01", 8_370, .repair))
        let r = try #require(only(.regularService, in: due(sold: "2025-10-01", visits)))
        #expect(r.dueOn == day("2026-12-01"))
        // A later regular service does restart it.
        visits.append(visit("2026-11-10", 8_570, .regularService))
        #expect(due(sold: "2025-10-01", visits).isEmpty)
    }

    @Test func R1_2_serviceWithoutMileageIsEstimated() throws {
        // 50 km/day between 2026-01-01 (1,000 km) and 2026-10-01 (14,650 km); the
        // service on 2026-08-01 has no reading: about 11,600 km, so due at 16,600 km,
        // reached 39 days after 2026-10-01.
        let visits = [visit("2026-01-01", 1_000, .firstService), visit("2026-08-01", nil),
                      visit("2026-10-01", 14_650, .repair)]
        let r = try #require(only(.regularService, in: due(sold: "2025-11-20", visits, today: "2026-11-05")))
        #expect(r.dueMileage == 16_600)
        #expect(r.dueOn == day("2026-11-09"))
        #expect(r.reason.contains("on 2026-08-01 at about 11,600 km"))
    }

    @Test func R1_2_monthsAloneWhenMileageIsUnknown() throws {
        let visits = [visit("2026-06-01", nil, .firstService)]
        let r = try #require(only(.regularService, in: due(sold: "2026-04-20", visits)))
        #expect(r.dueOn == day("2026-12-01"))
        #expect(r.dueMileage == nil)
        #expect(r.estimatedMileage == nil)
        #expect(r.reason.hasSuffix("(mileage unknown: the months alone count)"))
    }

    @Test func R1_2_sixMonthsFromTheThirtyFirstIsClamped() throws {
        let visits = [visit("2026-08-31", nil, .firstService)]
        let r = try #require(only(.regularService, in: due(sold: "2026-07-01", visits, today: "2027-02-20")))
        #expect(r.dueOn == day("2027-02-28"))
    }

    // MARK: R1.3 lost customer

    @Test func R1_3_lostCustomerAfter180Days() throws {
        // 2026-05-27 is 180 days before 2026-11-23.
        let visits = [visit("2025-11-27", 1_500, .firstService), visit("2026-05-27", 9_000)]
        let reminders = due(sold: "2025-10-01", visits)
        #expect(reminders.map(\.kind) == [.lostCustomer], "the win-back call replaces the overdue regular service")
        let r = try #require(reminders.first)
        #expect(r.rule == "R1.3")
        #expect(r.dueOn == day("2026-11-23"))
        #expect(r.dueMileage == nil)
        #expect(r.reason == "no visit for 180 days, since 2026-05-27 (lost since 2026-11-23); call to win the customer back")
        // One day later the last visit is 179 days ago: not lost, and not "lost in advance" by the horizon.
        let recent = [visit("2025-11-28", 1_500, .firstService), visit("2026-05-28", 9_000)]
        #expect(due(sold: "2025-10-01", recent).allSatisfy { $0.kind != .lostCustomer })
    }

    @Test func R1_3_anyVisitKindCounts() {
        let visits = [visit("2025-11-27", 1_500, .firstService), visit("2026-03-01", 6_000), visit("2026-07-01", 11_000, .accident)]
        #expect(due(sold: "2025-10-01", visits).allSatisfy { $0.kind != .lostCustomer })
        let washOnly = [visit("2025-11-27", 1_500, .firstService), visit("2026-03-01", 6_000), visit("2026-07-01", nil, .other)]
        #expect(due(sold: "2025-10-01", washOnly).allSatisfy { $0.kind != .lostCustomer })
    }

    @Test func R1_3_neverVisitedCountsFromTheSale() throws {
        let reminders = due(sold: "2026-05-01")
        #expect(reminders.map(\.kind) == [.firstService, .lostCustomer], "the first service is still owed")
        let lost = try #require(only(.lostCustomer, in: reminders))
        #expect(lost.dueOn == day("2026-10-28"))
        #expect(lost.reason.hasPrefix("no visit since the sale on 2026-05-01, 206 days ago"))
    }

    // MARK: Mileage estimate and edge cases

    @Test func estimateUsesFirstAndLastVisit() {
        // 1,000 km on 2026-01-01, 10,000 km on 2026-07-20 (200 days): 45 km/day; 126 days more to 2026-11-23.
        let visits = [visit("2026-01-01", 1_000, .firstService), visit("2026-03-01", 2_000, .repair), visit("2026-07-20", 10_000)]
        let est = ServiceReminders.estimatedMileage(soldOn: day("2025-11-01"), saleMileage: 10, visits: visits, today: day("2026-11-23"))
        #expect(est == 10_000 + 45 * 126)
    }

    @Test func estimateWithOneReadingCountsFromTheSale() {
        // 2,010 km in 40 days since the sale at 10 km: 50 km/day.
        let visits = [visit("2026-11-10", 2_010, .firstService)]
        let est = ServiceReminders.estimatedMileage(soldOn: day("2026-10-01"), saleMileage: 10, visits: visits, today: day("2026-11-23"))
        #expect(est == 2_010 + 50 * 13)
        // No reading at all: the sale mileage.
        #expect(ServiceReminders.estimatedMileage(soldOn: day("2026-10-01"), saleMileage: 10,
                                                  visits: [visit("2026-11-01", nil, .other)], today: day("2026-11-23")) == 10)
    }

    @Test func readingsOnOneDayDoNotDivideByZero() {
        // Two readings the same day: the average falls back to "since the sale".
        let visits = [visit("2026-11-01", 3_000, .firstService), visit("2026-11-01", 3_100, .repair)]
        let est = ServiceReminders.estimatedMileage(soldOn: day("2026-09-02"), saleMileage: 100, visits: visits, today: day("2026-11-23"))
        #expect(est == 3_100 + 50 * 22)
        // Sold and seen the same day, today: the reading itself.
        let same = ServiceReminders.estimatedMileage(soldOn: day("2026-11-23"), saleMileage: 5,
                                                     visits: [visit("2026-11-23", 40, .other)], today: day("2026-11-23"))
        #expect(same == 40)
    }

    @Test func noDistanceGainedMeansNoKmDueDate() throws {
        let visits = [visit("2026-06-01", 1_000, .firstService), visit("2026-09-01", 1_000, .repair)]
        let r = try #require(only(.regularService, in: due(sold: "2026-04-20", visits)))
        #expect(r.dueOn == day("2026-12-01"))
        #expect(r.estimatedMileage == nil)
    }

    @Test func visitsOutOfOrderGiveTheSameReminders() {
        let ordered = [visit("2026-03-01", 1_000, .firstService), visit("2026-06-01", 5_000, .repair), visit("2026-09-03", 11_602)]
        let shuffled = [ordered[2], ordered[0], ordered[1]]
        let a = due(sold: "2026-01-10", ordered), b = due(sold: "2026-01-10", shuffled)
        #expect(a == b)
        #expect(!a.isEmpty)
        #expect(ServiceReminders.estimatedMileage(soldOn: day("2026-01-10"), saleMileage: 10, visits: shuffled, today: day("2026-11-23"))
            == ServiceReminders.estimatedMileage(soldOn: day("2026-01-10"), saleMileage: 10, visits: ordered, today: day("2026-11-23")))
    }

    @Test func visitsAfterTodayAreNotYetKnown() {
        let visits = [visit("2026-06-01", nil, .firstService), visit("2026-12-01", nil, .regularService)]
        #expect(due(sold: "2026-04-20", visits).map(\.dueOn) == [day("2026-12-01")])
    }

    @Test func remindersComeInRuleOrderOnePerRule() {
        let reminders = due(sold: "2025-01-01")
        #expect(reminders.map(\.rule) == ["R1.1", "R1.3"])
    }

    @Test func visitRecordsComeFromVisitEvents() {
        func event(_ kind: VehicleEventKind, _ visitKind: VisitKind?, km: Int? = 1_234) -> ServiceHistoryEntry {
            ServiceHistoryEntry(VehicleEvent(id: 1, vehicleID: 1, kind: kind, visitKind: visitKind, occurredOn: day("2026-10-01"), mileage: km,
                                             detail: "", recordedAt: Timestamp(secondsSince1970: 0), recordedBy: "test"))
        }
        #expect(ServiceVisitRecord(event(.visit, .firstService)) == visit("2026-10-01", 1_234, .firstService))
        #expect(ServiceVisitRecord(event(.visit, nil))?.kind == .other)
        #expect(ServiceVisitRecord(event(.mileage, nil)) == nil)
        #expect(ServiceVisitRecord(event(.sold, nil)) == nil)
        let records = ServiceVisitRecord.records(from: [event(.sold, nil), event(.visit, .repair, km: nil), event(.transfer, nil)])
        #expect(records == [visit("2026-10-01", nil, .repair)])
        #expect(!records[0].isService)
    }

    @Test func reminderKindsNameTheirRules() {
        #expect(ReminderKind.allCases.map(\.rule) == ["R1.1", "R1.2", "R1.3", "R1.4", "R1.5", "R1.6", "R2.8", "R1.6"])
        #expect(ReminderKind.lostCustomer.rawValue == "lost_customer")
        #expect(ServiceReminders.km(1_234_567) == "1,234,567 km")
        #expect(ServiceReminders.km(999) == "999 km")
        #expect(ServiceReminders.kmPerDayText(105.26) == "105.3 km/day")
    }
}
