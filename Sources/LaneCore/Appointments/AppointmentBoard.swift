/// The mark on a board card (R2.7).
public enum BoardMark: String, CaseIterable, Sendable {
    /// Still expected and not late.
    case none
    case arrived
    /// More than `AppointmentPlanner.lateGraceMinutes` past the time and not here.
    case late
    /// Marked as a no-show (R2.8).
    case noShow = "no_show"
}

/// One appointment on the board: what the card shows.
public struct BoardCard: Sendable, Equatable {
    public var appointmentID: Int64
    public var number: String
    public var customer: String
    public var plate: String
    public var start: Timestamp
    /// The start as the card prints it, `09:30`.
    public var time: TimeOfDay
    public var durationMinutes: Int
    public var job: String
    public var bay: Int?
    public var status: AppointmentStatus
    public var mark: BoardMark
}

/// One advisor's row: `cells[i]` holds the cards starting in `hours[i]`'s hour.
public struct BoardRow: Sendable, Equatable {
    public var advisor: String
    public var cells: [[BoardCard]]

    public var cards: [BoardCard] { cells.flatMap { $0 } }
}

/// The appointment board (预约看板, R2.7) of one day: a row per advisor, a
/// column per working hour, a card per appointment. A pure model; the shell
/// renders it. Cancelled and moved appointments are not on the board.
public struct AppointmentBoard: Sendable, Equatable {
    public var day: CalendarDate
    /// The start of each hourly column: opening, then every hour before closing
    /// (08:00 … 19:00 for 08:00-20:00).
    public var hours: [TimeOfDay]
    /// Advisors in name order; every advisor given in `advisors` has a row,
    /// with or without cards.
    public var rows: [BoardRow]
    /// Cards whose time falls outside the working hours (entered before the
    /// hours changed), shown apart so none is lost.
    public var outsideHours: [BoardCard]

    /// `customers` maps customer IDs to names and `plates` vehicle IDs to
    /// plates; a missing one shows as `#id`. `now` decides the late mark.
    public init(day: CalendarDate, settings: StoreSettings, appointments: [Appointment], customers: [Int64: String],
                plates: [Int64: String], now: Timestamp, advisors: [String] = []) {
        self.day = day
        let offset = settings.utcOffset
        var hours: [TimeOfDay] = []
        var m = settings.opens.minutes
        while m < settings.closes.minutes {
            hours.append(TimeOfDay(minutes: m))
            m += 60
        }
        self.hours = hours

        let shown = appointments
            .filter { $0.day(in: offset) == day && $0.status != .cancelled && $0.status != .rescheduled }
            .sorted { ($0.start, $0.number) < ($1.start, $1.number) }
        let names = Set(advisors + shown.map(\.advisor)).sorted()
        var cells: [String: [[BoardCard]]] = Dictionary(uniqueKeysWithValues: names.map { ($0, Array(repeating: [], count: hours.count)) })
        var outside: [BoardCard] = []
        for a in shown {
            let mark: BoardMark = a.status == .arrived ? .arrived : a.status == .noShow ? .noShow
                : AppointmentPlanner.isLate(a, now: now) ? .late : .none
            let minute = a.start.secondOfDay(in: offset) / 60
            let card = BoardCard(appointmentID: a.id, number: a.number, customer: customers[a.customerID] ?? "#\(a.customerID)",
                                 plate: a.vehicleID.map { plates[$0] ?? "#\($0)" } ?? a.model ?? "-", start: a.start, time: TimeOfDay(minutes: minute),
                                 durationMinutes: a.durationMinutes, job: a.job, bay: a.bay, status: a.status, mark: mark)
            let column = (minute - settings.opens.minutes) / 60
            if minute >= settings.opens.minutes && column < hours.count {
                cells[a.advisor]?[column].append(card)
            } else {
                outside.append(card)
            }
        }
        self.rows = names.map { BoardRow(advisor: $0, cells: cells[$0] ?? []) }
        self.outsideHours = outside
    }

    /// Every card of the day, in time order.
    public var cards: [BoardCard] {
        (rows.flatMap(\.cards) + outsideHours).sorted { ($0.start, $0.number) < ($1.start, $1.number) }
    }

    /// Cards with the late mark: customers to call now.
    public var late: [BoardCard] { cards.filter { $0.mark == .late } }
}
