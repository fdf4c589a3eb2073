import Testing
@testable import LaneCore

/// One constructed day (Monday 2026-11-23) at a store on UTC+8. Every
/// expected value below is worked out by hand in the comment beside it.
@Suite struct KPITests {
    let day = CalendarDate(year: 2026, month: 11, day: 23)!
    let tz = UTCOffset.china
    func at(_ h: Int, _ m: Int = 0, daysLater: Int = 0) -> Timestamp {
        Timestamp(date: day.adding(days: daysLater), hour: h, minute: m, offset: tz)
    }
    let rate = Money(fen: 28_000)

    func labor(_ code: String, _ hundredths: Int, payer: LinePayer = .customer, origin: LineOrigin = .estimate,
               approval: LineApproval = .approved, minutes: Int = 0, by tech: String? = nil) -> RepairOrderLine {
        RepairOrderLine(kind: .labor, code: code, name: code, hours: LaborHours(hundredths: hundredths), unitPrice: rate, payer: payer,
                        origin: origin, approval: approval, workedMinutes: minutes, clockedOnBy: tech, done: tech != nil)
    }
    func part(_ code: String, _ qty: Int, _ fen: Int64, origin: LineOrigin = .estimate, approval: LineApproval = .approved) -> RepairOrderLine {
        RepairOrderLine(kind: .part, code: code, name: code, quantity: qty, unitPrice: Money(fen: fen), origin: origin, approval: approval)
    }
    func order(_ id: Int64, advisor: String, team: String?, opened: Timestamp, appointment: Int64? = nil, promised: Timestamp?,
               delivered: Timestamp?, status: RepairOrderStatus, lines: [RepairOrderLine], discount: Int64 = 0, waits: Bool = false) -> RepairOrder {
        var o = RepairOrder(id: id, number: "RO-\(id)", vehicleID: id * 10, customerID: id, advisor: advisor, appointmentID: appointment, openedAt: opened)
        o.checkIn = CheckInSheet(mileage: 1000, fuelEighths: 4, coversFitted: true, damage: "none", valuables: "none", equipment: "", customerWaits: waits)
        o.status = status
        o.team = team
        o.promisedAt = promised
        o.lines = lines
        o.discount = Money(fen: discount)
        if let delivered { o.delivery = DeliveryRecord(nextServiceOn: day.adding(days: 180), nextServiceKm: 5000, followUpPreference: "", oldPartsShown: true, at: delivered) }
        return o
    }
    func appointment(_ id: Int64, advisor: String, _ status: AppointmentStatus) -> Appointment {
        Appointment(id: id, number: "AP-\(id)", vehicleID: id, customerID: id, advisor: advisor, start: at(9), durationMinutes: 60, job: "保养",
                    channel: .outbound, status: status, calledAt: at(8, daysLater: -3), enteredAt: at(8, daysLater: -3))
    }

    var facts: KPIFacts {
        // O1: advisor 王敏, by appointment, promised 12:00, delivered 11:30 (on time, 150 min after opening); the customer waited.
        //     Labour MNT-10K 1.00 h (280.00) clocked 50 min by 李强; recommended BRK 0.50 h (140.00) approved, 40 min by 李强;
        //     oil 4 × 50.00 = 200.00; an extra wiper (80.00) refused; discount 40.00.
        let o1 = order(1, advisor: "王敏", team: "一组", opened: at(9), appointment: 1, promised: at(12), delivered: at(11, 30), status: .delivered,
                       lines: [labor("MNT-10K", 100, minutes: 50, by: "李强"), labor("BRK", 50, origin: .recommended, minutes: 40, by: "李强"),
                               part("OIL", 4, 5_000), part("WIPER", 1, 8_000, origin: .extra, approval: .refused)], discount: 4_000, waits: true)
        // O2: advisor 赵磊, walk-in, promised 15:00, delivered 16:00 (late, 360 min). Engine 2.00 h under warranty (560.00),
        //     150 min by 张伟; part P1 300.00. The customer waited. A comeback of RO-0 (王敏's, team 一组).
        var o2 = order(2, advisor: "赵磊", team: "二组", opened: at(10), promised: at(15), delivered: at(16), status: .delivered,
                       lines: [labor("ENG", 200, payer: .warranty, minutes: 150, by: "张伟"), part("P1", 1, 30_000)], waits: true)
        o2.comebackOf = "RO-0"
        // O3: advisor 王敏, walk-in, in the workshop. Two P2 (held up by a back-order); extra labour 0.30 h approved.
        let o3 = order(3, advisor: "王敏", team: "一组", opened: at(14), promised: at(18), delivered: nil, status: .inProgress,
                       lines: [part("P2", 2, 10_000), labor("EXTRA", 30, origin: .extra)])
        // O4: opened the Friday before, promised Sunday 18:00, delivered today 09:30 (late; not same-day). Free first service 1.00 h, 60 min by 李强.
        let o4 = order(4, advisor: "王敏", team: "一组", opened: at(9, daysLater: -3), promised: at(18, daysLater: -1), delivered: at(9, 30),
                       status: .settled, lines: [labor("MNT-FIRST", 100, payer: .free, minutes: 60, by: "李强")])
        // O5: opened and cancelled: counts nowhere.
        let o5 = order(5, advisor: "赵磊", team: nil, opened: at(11), promised: nil, delivered: nil, status: .cancelled, lines: [part("P9", 1, 100)])
        let techs = [StaffMember(id: 1, name: "李强", role: .technician, team: "一组", phone: nil),
                     StaffMember(id: 2, name: "张伟", role: .technician, team: "二组", phone: nil)]
        let follow = [FollowUpRecord(orderID: 9, call: .quality, outcome: .reached, score: 5, comment: "", at: at(10), by: "客服"),
                      FollowUpRecord(orderID: 8, call: .quality, outcome: .reached, score: 3, comment: "", at: at(11), by: "客服"),
                      FollowUpRecord(orderID: 7, call: .quality, outcome: .unreachable, score: nil, comment: "", at: at(12), by: "客服"),
                      FollowUpRecord(orderID: 6, call: .tracking, outcome: .reached, score: nil, comment: "", at: at(13), by: "客服")]
        // One complaint resolved after two days (in time), one still open.
        let complaints = [Complaint(id: 1, orderID: 8, customerID: 8, text: "", status: .resolved, openedAt: at(11), openedBy: "客服", resolvedAt: at(11, daysLater: 2)),
                          Complaint(id: 2, orderID: nil, customerID: 9, text: "", openedAt: at(15), openedBy: "客服")]
        func call(_ kind: ReminderKind, _ outcome: ReminderOutcome, _ reason: String = "") -> ReminderLogEntry {
            ReminderLogEntry(vehicleID: 1, kind: kind, dueOn: day, outcome: outcome, reason: reason, at: at(16), by: "客服")
        }
        let calls = [call(.regularService, .booked), call(.lostCustomer, .booked), call(.regularService, .declined, "价格"),
                     call(.firstService, .declined, " 价格 "), call(.regularService, .unreachable)]
        let delays = [DelayedDelivery(vehicleID: 30, cause: .partOnBackOrder, partNumber: "P2", note: "", expectedOn: nil, openedAt: at(15)),
                      DelayedDelivery(vehicleID: 40, cause: .noKnownFix, partNumber: nil, note: "", expectedOn: nil, openedAt: at(15))]
        return KPIFacts(period: .day(day), offset: tz, orders: [o1, o2, o3, o4, o5].map(KPIOrder.init),
                        comebacks: [KPIComeback(orderID: 2, deliveredAt: at(16), earlier: "RO-0", earlierAdvisor: "王敏", earlierTeam: "一组")],
                        appointments: [appointment(1, advisor: "王敏", .arrived), appointment(2, advisor: "赵磊", .noShow),
                                       appointment(3, advisor: "赵磊", .cancelled), appointment(4, advisor: "王敏", .booked)],
                        followUps: follow.map(KPIFollowUpCall.init), complaints: complaints, reminderCalls: calls, delayedDeliveries: delays, technicians: techs)
    }

    func value(_ figures: [KPIFigure], _ id: KPIID) -> Int64? { figures.first { $0.id == id }?.value }

    @Test func throughputCountsOrdersOpenedAndDeliveredByKindOfVisit() {
        let f = KPIDefinitions.throughput(facts)
        #expect(value(f, .ordersOpened) == 3)          // O1, O2, O3 (O5 cancelled, O4 opened Friday)
        #expect(value(f, .ordersDelivered) == 3)       // O1, O2, O4
        #expect(value(f, .deliveredFirstService) == 1) // O4 (MNT-FIRST)
        #expect(value(f, .deliveredRegularService) == 1) // O1 (MNT-10K)
        #expect(value(f, .deliveredRepair) == 1)       // O2
    }

    @Test func revenuePerOrderSplitsLabourPartsAndDiscounts() {
        let f = KPIDefinitions.revenue(facts)
        // Labour charged: 280.00 + 140.00 = 420.00 (O2's is warranty, O4's free); parts 200.00 + 300.00 = 500.00;
        // discount 40.00; (42 000 + 50 000 − 4 000) fen / 3 orders = 29 333.33 → 29 333 fen.
        #expect(value(f, .laborRevenue) == 42_000)
        #expect(value(f, .partsRevenue) == 50_000)
        #expect(value(f, .discounts) == 4_000)
        #expect(value(f, .revenuePerOrder) == 29_333)
        #expect(value(f, .warrantyValue) == 84_000) // 560.00 warranty + 280.00 free
    }

    @Test func labourEfficiencyIsHoursSoldOverClockedAndProductivityClockedOverAvailable() {
        let f = KPIDefinitions.labor(facts)
        // Sold: 1.00 + 0.50 + 2.00 + 1.00 = 4.50 h; clocked 50 + 40 + 150 + 60 = 300 min = 5.00 h;
        // available: 2 technicians × 8 h × 1 day = 16.00 h. Efficiency 4.5 / 5 = 90.00 %; productivity 5 / 16 = 31.25 %.
        #expect(value(f, .hoursSold) == 450)
        #expect(value(f, .hoursClocked) == 500)
        #expect(value(f, .hoursAvailable) == 1_600)
        #expect(value(f, .laborEfficiency) == 9_000)
        #expect(value(f, .productivity) == 3_125)
        // 张伟: sold 2.00 h, clocked 150 min = 2.50 h: 80.00 %; 2.5 / 8 = 31.25 %.
        let zhang = KPIDefinitions.labor(facts, technician: "张伟")
        #expect(value(zhang, .laborEfficiency) == 8_000)
        #expect(value(zhang, .productivity) == 3_125)
    }

    @Test func onTimeDeliveryAgainstThePromiseAndSameDayTurnaround() {
        let f = KPIDefinitions.delivery(facts)
        // Promised and delivered: O1 on time, O2 and O4 late: 1 / 3 = 33.33 %.
        #expect(value(f, .onTimeDelivery) == 3_333)
        // Same day: O1 150 min, O2 360 min: 510 / 2 = 255 min.
        #expect(value(f, .sameDayTurnaround) == 255)
        // Waiting customers: O1 150 min and O2 360 min (O4's customer left the car). Median of two: (150 + 360) / 2 = 255;
        // average 255; both longer than the standard 90 minutes: 2 / 2 = 100 %.
        #expect(value(f, .waitingCustomers) == 2)
        #expect(value(f, .waitMedian) == 255)
        #expect(value(f, .waitAverage) == 255)
        #expect(value(f, .waitedTooLong) == 10_000)
    }

    @Test func waitingTimeMedianOfAnOddCountAndTheLimitFromTheSettings() {
        var f = facts
        // A third waiting customer: opened 15:00, delivered 15:40 (40 min). Waits 40, 150, 360: median 150;
        // average 550 / 3 = 183.33 → 183 min; with a 180-minute limit only O2 waited too long: 1 / 3 = 33.33 %.
        f.orders.append(KPIOrder(order(6, advisor: "赵磊", team: "二组", opened: at(15), promised: nil, delivered: at(15, 40), status: .delivered,
                                       lines: [], waits: true)))
        f.settings = KPISettings.from(keyValues: ["kpi.wait_minutes": "180"])
        let d = KPIDefinitions.delivery(f)
        #expect(value(d, .waitingCustomers) == 3)
        #expect(value(d, .waitMedian) == 150)
        #expect(value(d, .waitAverage) == 183)
        #expect(value(d, .waitedTooLong) == 3_333)
        // Nobody waited: no median, no average, no share.
        let none = KPIDefinitions.delivery(KPIFacts(period: .day(day), offset: tz))
        #expect(value(none, .waitMedian) == nil && value(none, .waitAverage) == nil && value(none, .waitedTooLong) == nil)
        #expect(KPIFigure(.waitMedian, 255).isOffTarget(120) == true)   // a ceiling in minutes
    }

    @Test func appointmentRateKeptRateAndNoShows() {
        let f = KPIDefinitions.appointments(facts)
        #expect(value(f, .appointmentRate) == 3_333)     // O1 of O1, O2, O3
        #expect(value(f, .keptAppointmentRate) == 5_000) // 1 arrived of 1 arrived + 1 no-show (cancelled, open left out)
        #expect(value(f, .noShows) == 1)
    }

    @Test func comebacksAreLinkedOrdersDeliveredInThePeriodAndExtraWorkCloseRate() {
        let f = KPIDefinitions.quality(facts)
        #expect(value(f, .comebackRate) == 3_333)        // O2 (linked to RO-0) of the 3 delivered: O1, O2, O4
        #expect(value(f, .firstTimeFix) == 6_667)        // 2 / 3
        #expect(value(f, .extraWorkCloseRate) == 6_667)  // BRK and EXTRA approved, WIPER refused: 2 / 3
        // Per advisor the comeback counts against RO-0's advisor 王敏 (O1, O4 delivered: 1 / 2 = 50 %), not 赵磊 who took it in.
        let groups = KPIReport.groups(facts, by: .advisor)
        #expect(groups.first { $0.name == "王敏" }?.figure(.comebackRate)?.value == 5_000)
        #expect(groups.first { $0.name == "赵磊" }?.figure(.comebackRate)?.value == 0)
        #expect(KPIReport.groups(facts, by: .team).first { $0.name == "一组" }?.figure(.comebackRate)?.value == 5_000)
        // A comeback delivered on another day is not this day's.
        var later = facts
        later.comebacks[0].deliveredAt = at(10, daysLater: 1)
        #expect(value(KPIDefinitions.quality(later), .comebackRate) == 0)
    }

    @Test func followUpReachSatisfactionCSIAndComplaintsClosedInTime() {
        let f = KPIDefinitions.followUp(facts)
        #expect(value(f, .followUpReach) == 7_500)      // 3 reached of 4 calls
        #expect(value(f, .satisfaction) == 400)         // (5 + 3) / 2 = 4.00
        #expect(value(f, .csi) == 5_000)                // one of two scores is 4 or 5
        #expect(value(f, .complaintsOpened) == 2)
        #expect(value(f, .complaintsClosedInTime) == 5_000) // resolved in 2 days ≤ 3; the other open
    }

    @Test func reminderOutcomesAndReasons() {
        let f = KPIDefinitions.reminders(facts)
        #expect(value(f, .reminderCalls) == 5)
        #expect(value(f, .reminderBookedRate) == 4_000) // 2 / 5
        #expect(value(f, .reminderDeclined) == 2)
        #expect(value(f, .lostCustomersWonBack) == 1)
        let reasons = KPIDefinitions.declineReasons(facts)
        #expect(reasons.count == 1 && reasons.first?.reason == "价格" && reasons.first?.count == 2)
    }

    @Test func partsFillRateCountsLinesHeldUpByABackOrder() {
        let f = KPIDefinitions.parts(facts)
        #expect(value(f, .partsFillRate) == 6_667)     // OIL, P1 filled; P2 held up: 2 / 3
        #expect(value(f, .backOrders) == 1)            // the no-fix delay is not a back-order
    }

    @Test func nothingCountedIsNoValueAndTargetsJudgeByDirection() {
        let empty = KPIDefinitions.figures(KPIFacts(period: .day(day), offset: tz))
        #expect(value(empty, .onTimeDelivery) == nil)
        #expect(value(empty, .ordersOpened) == 0)
        #expect(KPIFigure(.onTimeDelivery, 1, over: 3).isOffTarget(90) == true)   // 33.33 % < 90 %
        #expect(KPIFigure(.comebackRate, 1, over: 3).isOffTarget(5) == true)      // 33.33 % > 5 %
        #expect(KPIFigure(.comebackRate, 1, over: 30).isOffTarget(5) == false)    // 3.33 % ≤ 5 %
        #expect(KPIFigure(.revenuePerOrder, 88_000, over: 3).isOffTarget(20_000) == false)
        #expect(KPIFigure(.onTimeDelivery, 0, over: 0).isOffTarget(90) == nil)
    }

    @Test func reportCarriesShapesTargetsAndGroups() {
        var f = facts
        f.period = KPIPeriod(from: day.adding(days: -3), to: day)
        f.settings.targets = [.onTimeDelivery: 90, .revenuePerOrder: 20_000]
        let r = KPIReport(facts: f, grouping: .advisor)
        #expect(r.slices.count == 4)
        // O4 was opened on the first day of the slice range, the rest on the last.
        #expect(r.line(.ordersOpened)?.series == [1, 0, 0, 3])
        #expect(r.offTarget.map(\.figure.id) == [.onTimeDelivery])
        // `today`'s lines: the report's, without the shapes; none without targets.
        #expect(KPIReport.offTarget(f) == r.offTarget.map { KPILine(figure: $0.figure, series: [], target: $0.target) })
        f.settings.targets = [.onTimeDelivery: 20, .revenuePerOrder: 20_000]
        #expect(KPIReport.offTarget(f).isEmpty && KPIReport(facts: f).offTarget.isEmpty)
        f.settings.targets = [:]
        #expect(KPIReport.offTarget(f).isEmpty)
        let wang = r.groups.first { $0.name == "王敏" }
        #expect(wang?.figure(.ordersOpened)?.value == 3)       // O1, O3, O4
        #expect(wang?.figure(.keptAppointmentRate)?.value == 10_000) // their one decided appointment arrived
        #expect(r.groups.map(\.name) == ["王敏", "赵磊"])
    }

    @Test func periodsWeeksMonthsAndSlices() {
        #expect(KPIPeriod.week(of: CalendarDate(year: 2026, month: 11, day: 26)!) == KPIPeriod(from: day, to: day.adding(days: 6)))
        #expect(KPIPeriod.month(year: 2026, month: 2)?.dayCount == 28)
        #expect(KPIPeriod.month(year: 2026, month: 13) == nil)
        #expect(KPIPeriod(from: day, to: day.adding(days: 59)).slices.count == 9) // weeks once beyond 45 days
        #expect(KPIPeriod(from: day, to: day.adding(days: 29)).slices.count == 30)
    }

    /// A varied stretch of work around a period: orders opened before it and delivered in it, opened in it and
    /// delivered after it or not yet, cancelled; appointments, calls, complaints and delays on every day, some
    /// at a day's first and last minute. Deterministic (a fixed linear congruential sequence).
    func variedFacts(_ period: KPIPeriod) -> KPIFacts {
        var seed: UInt64 = 19
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let first = period.from.adding(days: -10), days = period.dayCount + 20
        func time(_ d: Int) -> Timestamp {
            let minute = [0, 8 * 60, 9 * 60 + 30, 13 * 60 + 15, 17 * 60, 23 * 60 + 59][next(6)]
            return Timestamp(date: first.adding(days: d), hour: minute / 60, minute: minute % 60, offset: tz)
        }
        let advisors = ["王敏", "赵磊", "孙丽"], teams = ["一组", "二组"], techs = ["李强", "张伟"]
        var orders: [RepairOrder] = [], comebacks: [KPIComeback] = []
        for id in Int64(1)...400 {
            let d = next(days), opened = time(d)
            let delivered: Timestamp? = next(5) == 0 ? nil : Timestamp(secondsSince1970: opened.secondsSince1970 + Int64(next(4 * 86_400)))
            let status: RepairOrderStatus = next(12) == 0 ? .cancelled : delivered == nil ? .inProgress : .delivered
            let lines = [labor(["MNT-FIRST", "MNT-10K", "BRK"][next(3)], 50 + next(200), payer: [.customer, .warranty, .free][next(3)],
                               origin: [.estimate, .recommended, .extra][next(3)], approval: [.approved, .refused, .pending][next(3)],
                               minutes: next(180), by: techs[next(2)]),
                         part("P\(next(4))", 1 + next(3), Int64(1_000 + next(50_000)), origin: [.estimate, .extra][next(2)],
                              approval: [.approved, .refused][next(2)])]
            let promised: Timestamp? = next(3) == 0 ? nil : Timestamp(secondsSince1970: opened.secondsSince1970 + Int64(next(2 * 86_400)))
            orders.append(order(id, advisor: advisors[next(3)], team: next(4) == 0 ? nil : teams[next(2)], opened: opened,
                                appointment: next(2) == 0 ? id : nil, promised: promised, delivered: status == .cancelled ? nil : delivered,
                                status: status, lines: lines, discount: Int64(next(3) * 1_000), waits: next(2) == 0))
            if let delivered, next(10) == 0 {
                comebacks.append(KPIComeback(orderID: id, deliveredAt: delivered, earlier: "RO-0", earlierAdvisor: advisors[next(3)],
                                             earlierTeam: teams[next(2)]))
            }
        }
        let statuses: [AppointmentStatus] = [.arrived, .noShow, .cancelled, .booked]
        let appointments = (Int64(1)...120).map { id in
            Appointment(id: id, number: "AP-\(id)", vehicleID: id, customerID: id, advisor: advisors[next(3)], start: time(next(days)),
                        durationMinutes: 60, job: "保养", channel: .outbound, status: statuses[next(4)], calledAt: at(8), enteredAt: at(8))
        }
        let follow = (Int64(1)...150).map { id in
            FollowUpRecord(orderID: id, call: next(3) == 0 ? .tracking : .quality, outcome: next(4) == 0 ? .unreachable : .reached,
                           score: 1 + next(5), comment: "", at: time(next(days)), by: "客服")
        }
        let complaints = (Int64(1)...30).map { id in
            let opened = time(next(days))
            return Complaint(id: id, orderID: id, customerID: id, text: "", status: next(3) == 0 ? .open : .resolved, openedAt: opened,
                             openedBy: "客服", resolvedAt: Timestamp(secondsSince1970: opened.secondsSince1970 + Int64(next(6 * 86_400))))
        }
        let calls = (0..<150).map { _ in
            ReminderLogEntry(vehicleID: Int64(next(50)), kind: [.regularService, .lostCustomer, .firstService][next(3)], dueOn: day,
                             outcome: [.booked, .declined, .unreachable][next(3)], reason: ["价格", "太忙", ""][next(3)], at: time(next(days)), by: "客服")
        }
        let delays = (0..<40).map { _ in
            DelayedDelivery(vehicleID: Int64(10 * (1 + next(400))), cause: next(3) == 0 ? .noKnownFix : .partOnBackOrder, partNumber: "P\(next(4))",
                            note: "", expectedOn: nil, openedAt: time(next(days)))
        }
        return KPIFacts(period: period, offset: tz, orders: orders.map(KPIOrder.init), comebacks: comebacks, appointments: appointments, followUps: follow.map(KPIFollowUpCall.init),
                        complaints: complaints, reminderCalls: calls, delayedDeliveries: delays,
                        technicians: [StaffMember(id: 1, name: "李强", role: .technician, team: "一组", phone: nil),
                                      StaffMember(id: 2, name: "张伟", role: .technician, team: "二组", phone: nil)])
    }

    /// The report's shapes come from one pass over the rows (`sliced()`); they must be exactly what narrowing
    /// the facts to each slice in turn gives, for days (a month) and for weeks (beyond 45 days).
    @Test func slicesInOnePassAreTheSlicesNarrowedOneByOne() {
        for period in [KPIPeriod.month(year: 2026, month: 11)!, KPIPeriod(from: day.adding(days: -59), to: day)] {
            let f = variedFacts(period)
            let sliced = f.sliced()
            #expect(sliced.count == period.slices.count)
            for (slice, one) in zip(period.slices, sliced) {
                let narrowed = f.narrowed(to: slice)
                #expect(one.period == slice)
                #expect(one.orders.map(\.id) == narrowed.orders.map(\.id))
                #expect(one.comebacks == narrowed.comebacks)
                #expect(one.appointments == narrowed.appointments)
                #expect(one.followUps.map(\.at) == narrowed.followUps.map(\.at))
                #expect(one.complaints.map(\.id) == narrowed.complaints.map(\.id))
                #expect(one.reminderCalls.map(\.at) == narrowed.reminderCalls.map(\.at))
                #expect(one.delayedDeliveries.map(\.openedAt) == narrowed.delayedDeliveries.map(\.openedAt))
                #expect(KPIDefinitions.figures(one) == KPIDefinitions.figures(narrowed))
            }
            // The report's series are the narrowed slices' figures.
            let report = KPIReport(facts: f, grouping: .advisor)
            let expected = period.slices.map { KPIDefinitions.figures(f.narrowed(to: $0)) }
            for (i, line) in report.lines.enumerated() { #expect(line.series == expected.map { $0[i].value }, "\(line.figure.id)") }
            // The constructed period counted something in every section.
            #expect(report.line(.ordersDelivered)?.figure.numerator ?? 0 > 50)
            #expect(report.line(.complaintsOpened)?.figure.numerator ?? 0 > 3)
        }
    }

    /// Each person's row is the figures of their own rows: the period's orders, appointments and comebacks picked out
    /// by advisor or team one person at a time must give exactly the rows grouped in one pass, and every person with
    /// a row of any kind has a row (an advisor with appointments only, a team with a comeback only).
    @Test func eachPersonsRowIsTheFiguresOfTheirOwnRows() {
        var f = variedFacts(KPIPeriod.month(year: 2026, month: 11)!)
        f.appointments.append(appointment(900, advisor: "周婷", .arrived))
        f.comebacks.append(KPIComeback(orderID: 1, deliveredAt: at(12), earlier: "RO-0", earlierAdvisor: "王敏", earlierTeam: "三组"))
        for grouping in [KPIGrouping.advisor, .team] {
            func name(_ o: KPIOrder) -> String? { grouping == .advisor ? o.advisor : o.team }
            func name(_ c: KPIComeback) -> String? { grouping == .advisor ? c.earlierAdvisor : c.earlierTeam }
            let names = Set(f.orders.compactMap(name) + f.comebacks.compactMap(name) + (grouping == .advisor ? f.appointments.map(\.advisor) : []))
            let rows = KPIReport.groups(f, by: grouping)
            #expect(rows.map(\.name) == names.sorted())
            #expect(rows.contains { $0.name == (grouping == .advisor ? "周婷" : "三组") })
            for row in rows {
                var mine = f
                mine.orders = f.orders.filter { name($0) == row.name }
                mine.appointments = grouping == .advisor ? f.appointments.filter { $0.advisor == row.name } : []
                mine.comebacks = f.comebacks.filter { name($0) == row.name }
                mine.technicians = grouping == .team ? f.technicians.filter { $0.team == row.name } : []
                let o = KPIOrders(mine)
                let expected = KPIDefinitions.throughput(mine, o) + KPIDefinitions.revenue(mine, o) + KPIDefinitions.labor(mine, o)
                    + KPIDefinitions.delivery(mine, o) + (grouping == .advisor ? KPIDefinitions.appointments(mine, o) : [])
                    + KPIDefinitions.quality(mine, o)
                #expect(row.figures == expected, "\(grouping) \(row.name)")
            }
        }
    }
}
