import Testing
@testable import LaneCore

@Suite struct FollowUpTests {
    let day = CalendarDate(daysSinceEpoch: 20_415) // 2025-11-24
    let t = Timestamp(secondsSince1970: 1_795_395_600)

    @Test func R6_1_qualityCallWindowIsTheThreeDaysAfterDelivery() {
        let w = FollowUpCall.quality.window(deliveredOn: day)
        #expect(w.lowerBound == day.adding(days: 1))
        #expect(w.upperBound == day.adding(days: 3))
    }

    @Test func R6_4_trackingCallWindowIsDaysThreeToSeven() {
        let w = FollowUpCall.tracking.window(deliveredOn: day)
        #expect(w.lowerBound == day.adding(days: 3))
        #expect(w.upperBound == day.adding(days: 7))
    }

    @Test func R6_1_reachedQualityCallNeedsAScoreFromOneToFive() {
        #expect(FollowUpRecord.problems(call: .quality, outcome: .reached, score: nil, scoreText: nil).count == 1)
        #expect(FollowUpRecord.problems(call: .quality, outcome: .reached, score: 6, scoreText: "6").count == 1)
        #expect(FollowUpRecord.problems(call: .quality, outcome: .reached, score: nil, scoreText: "good").count == 1)
        #expect(FollowUpRecord.problems(call: .quality, outcome: .reached, score: 4, scoreText: "4").isEmpty)
        #expect(FollowUpRecord.problems(call: .quality, outcome: .unreachable, score: nil, scoreText: nil).isEmpty)
        #expect(FollowUpRecord.problems(call: .tracking, outcome: .reached, score: nil, scoreText: nil).isEmpty)
    }

    @Test func R6_2_complaintIsInvestigatedBeforeItIsResolved() throws {
        var c = Complaint(orderID: 1, customerID: 1, text: "等太久", openedAt: t, openedBy: "蒋芳")
        #expect(throws: Refusal.self) { try c.resolve(action: "道歉", at: t) }
        #expect(throws: Refusal.self) { try c.investigate(finding: " ") }
        try c.investigate(finding: "工位排满")
        #expect(throws: Refusal.self) { try c.resolve(action: "", at: t) }
        try c.resolve(action: "调整排班", at: t)
        #expect(c.status == .resolved)
        #expect(c.resolvedAt == t)
        #expect(throws: Refusal.self) { try c.investigate(finding: "again") }
    }

    @Test func R6_3_customerFileListsWhatIsMissing() {
        let customer = Customer(id: 1, code: "C0001", name: "王小明", phone: try! MobileNumber.parse("13800138000").get(), address: nil, createdAt: t)
        var order = RepairOrder(number: "RO-1", vehicleID: 1, customerID: 1, advisor: "薛淑芬", openedAt: t)
        let missing = CustomerFileCheck.missing(customer: customer, order: order).map(\.code.rawValue)
        #expect(missing.contains("customer_file.address"))
        #expect(missing.contains("customer_file.next_service"))
        #expect(missing.contains("customer_file.work_done"))
        #expect(missing.contains("customer_file.request"))
        order.complaint = "保养"
        #expect(!CustomerFileCheck.missing(customer: customer, order: order).map(\.code.rawValue).contains("customer_file.request"))
    }
}

@Suite struct PromiseTimeTests {
    let settings = StoreSettings(name: "星河", code: "SZNS", utcOffset: .china, laborRate: Money(fen: 28_000), vatBasisPoints: 1300,
                                 opens: TimeOfDay(minutes: 8 * 60), closes: TimeOfDay(minutes: 20 * 60),
                                 peakHours: [TimeRange(start: TimeOfDay(minutes: 510), end: TimeOfDay(minutes: 630))], bays: 8)

    @Test func R3_9_promiseAddsLabourSharedBacklogAndCheckTime() {
        // 09:00 + 1.0 h job + 8.0 h backlog / 8 bays + 30 min = 11:30.
        let now = Timestamp(secondsSince1970: 1_795_395_600)
        let t = PromiseTime.estimate(now: now, jobHours: LaborHours(hundredths: 100), backlogHours: LaborHours(hundredths: 800), settings: settings)
        #expect(t.display(in: .china) == "2026-11-23 11:30")
    }

    @Test func R3_9_workThatDoesNotFitTodayMovesToTomorrowsOpening() {
        let evening = Timestamp(secondsSince1970: 1_795_395_600 + 10 * 3600) // 19:00
        let t = PromiseTime.estimate(now: evening, jobHours: LaborHours(hundredths: 200), backlogHours: LaborHours(hundredths: 0), settings: settings)
        // 60 min left today; 90 more tomorrow from 08:00 → 09:30.
        #expect(t.display(in: .china) == "2026-11-24 09:30")
    }

    @Test func R3_9_roundsUpToAQuarterHour() {
        let now = Timestamp(secondsSince1970: 1_795_395_600)
        let t = PromiseTime.estimate(now: now, jobHours: LaborHours(hundredths: 80), backlogHours: LaborHours(hundredths: 0), settings: settings)
        #expect(t.display(in: .china) == "2026-11-23 10:30") // 09:00 + 48 min + 30 min = 10:18 → 10:30
    }
}
