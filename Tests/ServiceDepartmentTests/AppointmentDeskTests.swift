import Foundation
import LaneCore
import LaneShell
import LaneTesting
import Testing
@testable import ServiceDepartment

/// The appointment desk called directly, on the demo dealership (Monday
/// 2026-11-23 09:00; peak hours 08:30-10:30 and 16:30-18:00).
@Suite struct AppointmentDeskTests {
    static func caller(_ shell: TestShell, _ user: String = "薛淑芬", _ role: StaffRole = .serviceAdvisor,
                       at now: Timestamp = TestShell.demoNow) throws -> Caller {
        Caller(user: user, role: role, now: now, settings: try shell.session.settings(), request: "appt book (test)")
    }

    static func at(_ text: String) throws -> Timestamp {
        try #require(Timestamp(parsing: text, defaultOffset: .china))
    }

    @Test func aBookingAnswersWithTheAppointmentAndItsFacts() throws {
        let shell = try TestShell(seeded: true)
        let desk = AppointmentDesk(shell.session.department)
        let request = BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-25T14:00"), job: "常规保养", channel: .outbound)
        let done = try desk.book(request, by: try Self.caller(shell))
        let booked = done.value
        #expect(booked.number == "AP-20261125-001")
        #expect(booked.appointment.status == .booked)
        #expect(booked.appointment.bay == 1)
        #expect(booked.appointment.attempt == 1)
        #expect(booked.plate == "粤B27DP2")
        #expect(booked.customerName == "卢文博")
        #expect(!booked.isPeak && booked.warnings.isEmpty)
        #expect(booked.message.code == "appointment.booked")
        // R2.1: the advisor's call settled the vehicle's due reminder.
        #expect(booked.settled.map(\.reminder.kind) == [.regularService])
        let stored = try shell.store.read { try $0.appointment(number: "AP-20261125-001") }
        #expect(stored == booked.appointment)
        let audit = try shell.store.read { try $0.auditEntries(ref: "AP-20261125-001", user: nil, from: nil, to: nil, limit: 5) }
        #expect(audit.count == 1)
    }

    @Test func aPeakTimeIsRefusedWithItsCodeAndNothingIsStored() throws {
        let shell = try TestShell(seeded: true)
        let desk = AppointmentDesk(shell.session.department)
        let before = try shell.store.snapshot()
        let request = BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-25T09:00"), job: "保养")
        let refusal = try #require(throws: Refusal.self) { try desk.book(request, by: try Self.caller(shell)) }
        #expect(refusal.codes.first == "appointment.cannot_book")
        #expect(refusal.codes.contains("appointment.peak_time"))
        #expect(refusal.codes.contains("appointment.alternatives"))
        #expect(!refusal.description.contains("appointment."), "every code has its words: \(refusal)")
        #expect(try shell.store.snapshot() == before)
        // The customer insists: booked, with the peak time as a warning.
        var insisted = request
        insisted.acceptPeak = true
        let booked = try desk.book(insisted, by: try Self.caller(shell)).value
        #expect(booked.isPeak)
        #expect(booked.warnings.map(\.code) == ["appointment.peak_warning"])
    }

    @Test func everyProblemOfABookingComesTogether() throws {
        let shell = try TestShell(seeded: true)
        let request = BookingRequest(vehicle: "粤A00000", start: nil, job: " ", durationMinutes: 5, calledAt: try Self.at("2026-11-23T07:30"),
                                     advisor: "无名氏", after: "AP-20990101-001",
                                     inputProblems: [Problem("at", Message("input.not_a_time", ["given": .text("soon")]))])
        let refusal = try #require(throws: Refusal.self) { try AppointmentDesk(shell.session.department).book(request, by: try Self.caller(shell)) }
        #expect(refusal.codes.first == "appointment.cannot_book")
        for code: MessageCode in ["input.not_a_time", "appointment.no_staff_member", "appointment.no_such_number",
                                  "appointment.job_missing", "appointment.duration_limits"] {
            #expect(refusal.codes.contains(code), "\(code)")
        }
        #expect(refusal.problems.contains { $0.field == "vehicle" })
    }

    @Test func aTechnicianMayNotBook() throws {
        let shell = try TestShell(seeded: true)
        let before = try shell.store.snapshot()
        let request = BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-25T14:00"), job: "保养")
        let refusal = try #require(throws: Refusal.self) {
            try AppointmentDesk(shell.session.department).book(request, by: try Self.caller(shell, "夏勇", .technician))
        }
        #expect(refusal.codes.first == "access.role_may_not")
        #expect(try shell.store.snapshot() == before)
    }

    @Test func stepsAnswerWithTheStatusMove() throws {
        let shell = try TestShell(seeded: true)
        let desk = AppointmentDesk(shell.session.department)
        let caller = try Self.caller(shell)
        _ = try desk.book(BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-24T14:00"), job: "保养"), by: caller)

        let prepared = try desk.prepare(PreparationRequest(appointment: "ap-20261124-001", done: Preparation(items: true),
                                                           reserve: [PartQuantity(partNumber: "XH-15400-0001", quantity: 2)]), by: caller).value
        #expect(prepared.value.isEmpty, "reserving the parts is the parts check")
        #expect(prepared.detail.code == "appointment.prepared")
        #expect(try shell.store.read { try $0.reservedQuantity(partNumber: "XH-15400-0001") } == 2)

        let confirmed = try desk.confirm(ConfirmationRequest(appointment: "AP-20261124-001", kind: .dayBefore), by: caller).value
        #expect((confirmed.statusBefore, confirmed.status) == (.booked, .confirmed))

        let cancelled = try desk.cancel(CancellationRequest(appointment: "AP-20261124-001", reason: "客户出差"), by: caller).value
        #expect((cancelled.statusBefore, cancelled.status) == (.confirmed, .cancelled))
        #expect(try shell.store.read { try $0.reservedQuantity(partNumber: "XH-15400-0001") } == 0, "a cancelled appointment's parts go back")

        let again = try #require(throws: Refusal.self) {
            try desk.cancel(CancellationRequest(appointment: "AP-20261124-001", reason: "又取消"), by: caller)
        }
        #expect(again.codes == ["appointment.cannot_cancel", "appointment.not_open"])
    }

    @Test func aShortageIsRefusedWithEveryPart() throws {
        let shell = try TestShell(seeded: true)
        let desk = AppointmentDesk(shell.session.department)
        let caller = try Self.caller(shell)
        _ = try desk.book(BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-24T14:00"), job: "换轮胎"), by: caller)
        let before = try shell.store.snapshot()
        let request = PreparationRequest(appointment: "AP-20261124-001", done: Preparation(),
                                         reserve: [PartQuantity(partNumber: "XH-42751-2355", quantity: 4), PartQuantity(partNumber: "NOPE", quantity: 1)])
        let refusal = try #require(throws: Refusal.self) { try desk.prepare(request, by: caller) }
        #expect(refusal.codes == ["appointment.cannot_prepare", "appointment.parts_short", "stock.no_such_part"])
        #expect(try shell.store.snapshot() == before)
    }

    @Test func arrivalClosesTheAppointmentAndOpensTheOrder() throws {
        let shell = try TestShell(seeded: true)
        let desk = AppointmentDesk(shell.session.department)
        _ = try desk.book(BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-23T14:00"), job: "保养"), by: try Self.caller(shell))
        let arrival = try desk.arrive("AP-20261123-001", by: try Self.caller(shell, at: try Self.at("2026-11-23T13:55"))).value
        #expect(arrival.appointment.status == .arrived)
        #expect(arrival.statusBefore == .booked)
        #expect(arrival.opened.number == "RO-20261123-0001")
        #expect(arrival.opened.order.byAppointment)
        #expect(arrival.customerName == "卢文博")
    }

    @Test func aMissedAppointmentGetsItsNextWindow() throws {
        let shell = try TestShell(seeded: true)
        let desk = AppointmentDesk(shell.session.department)
        _ = try desk.book(BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-23T14:00"), job: "保养"), by: try Self.caller(shell))
        let early = try #require(throws: Refusal.self) { try desk.noShow("AP-20261123-001", by: try Self.caller(shell)) }
        #expect(early.codes == ["appointment.cannot_no_show", "appointment.not_late_yet"])
        let late = try Self.caller(shell, at: try Self.at("2026-11-23T16:00"))
        let missed = try desk.noShow("AP-20261123-001", by: late).value
        #expect(missed.status == .noShow)
        #expect(missed.value.map { "\($0.lowerBound)…\($0.upperBound)" } == "2026-11-26…2026-12-03")
        let tooSoon = BookingRequest(vehicle: "粤B27DP2", start: try Self.at("2026-11-24T14:00"), job: "保养", after: "AP-20261123-001")
        let refusal = try #require(throws: Refusal.self) { try desk.book(tooSoon, by: late) }
        #expect(refusal.codes.contains("appointment.outside_follow_up_window"))
        var inTime = tooSoon
        inTime.start = try Self.at("2026-11-27T14:00")
        #expect(try desk.book(inTime, by: late).value.appointment.attempt == 2)
    }

    @Test func appointmentBookAnswersInJSONWithTypedFields() throws {
        let shell = try TestShell(seeded: true, format: .json)
        let out = try shell.expectOK("appt book 粤B27DP2 --at 2026-11-25T09:00 --job 保养 --accept-peak")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((json["message"] as? String)?.hasPrefix("booked AP-20261125-001") == true)
        let record = try #require(json["record"] as? [String: Any])
        #expect(record["number"] as? String == "AP-20261125-001")
        #expect(record["status"] as? String == "booked")
        #expect(record["plate"] as? String == "粤B27DP2")
        #expect(record["customer_code"] as? String == "C0002")
        #expect(record["customer_name"] as? String == "卢文博")
        #expect(record["advisor"] as? String == "薛淑芬")
        #expect(record["start"] as? String == "2026-11-25T09:00:00+08:00")
        #expect(record["duration_minutes"] as? Int == 60)
        #expect(record["bay"] as? Int == 1)
        #expect(record["channel"] as? String == "inbound")
        #expect(record["attempt"] as? Int == 1)
        #expect(out.contains("\"peak\": true"), "a boolean, not a number or a word")
        let warnings = try #require(record["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["code"] as? String } == ["appointment.peak_warning"])

        let step = try shell.expectOK("appt cancel AP-20261125-001 --reason 客户出差")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(step.utf8)) as? [String: Any])
        let fields = try #require(answer["record"] as? [String: Any])
        #expect(fields["number"] as? String == "AP-20261125-001")
        #expect(fields["status_before"] as? String == "booked")
        #expect(fields["status"] as? String == "cancelled")
    }
}
