import LanePlugin

/// What is known of a vehicle's odometer on the day a cover is judged.
struct Mileage: Sendable, Equatable {
    /// The latest reading; nil when nobody has read the odometer since the sale.
    var km: Int?
    var readOn: CalendarDate
    /// Today's odometer projected from the average km/day since the sale; nil
    /// when the reading is from `day` itself or there is no usage to project.
    var estimate: Int?

    /// The vehicle's latest reading on record, or the check-in sheet of a
    /// repair order (read at reception, so it is the one that counts).
    static func of(_ vehicle: Vehicle, checkIn: (km: Int, on: CalendarDate)? = nil, on day: CalendarDate) -> Mileage {
        let (km, readOn) = checkIn ?? (vehicle.mileage, vehicle.mileageRecordedOn)
        // A reading on the sale day is the delivery odometer: it says nothing of how far the car went since.
        if checkIn == nil && readOn <= vehicle.soldOn && day > vehicle.soldOn {
            return Mileage(km: nil, readOn: readOn, estimate: nil)
        }
        var estimate: Int?
        let driven = vehicle.soldOn.days(until: readOn)
        if readOn < day && driven > 0 {
            estimate = km + km * readOn.days(until: day) / driven
        }
        return Mileage(km: km, readOn: readOn, estimate: estimate)
    }

    /// "48,855 km on 2026-10-28 (about 49,635 km today)".
    func text(soldOn: CalendarDate) -> String {
        guard let km else { return Message("warranty.mileage.not_read", ["date": .date(soldOn)]).description }
        return Message("warranty.mileage.read", ["km": .text(Words.km(km)), "on": .date(readOn)]).description
            + (estimate.map { Message("warranty.mileage.estimate", ["km": .text(Words.km($0))]).description } ?? "")
    }
}

/// The answer of one cover, or of all the covers a part or operation falls under.
enum Answer: String, Sendable, Equatable {
    case covered = "yes"
    case notCovered = "no"
    /// X1, R3.5: unclear; read the odometer, or escalate to the maker.
    case undecided = "cannot decide"
}

/// One cover judged for one vehicle on one day, with the reason as a message
/// (rendered in the reader's language wherever it is read, later too: a claim keeps it).
struct CoverVerdict: Sendable, Equatable {
    var cover: Cover
    var lastDay: CalendarDate?
    var answer: Answer
    var why: Message

    /// Whichever comes first: an exceeded limit ends the cover, a limit that
    /// cannot be checked leaves it undecided.
    static func judge(_ cover: Cover, soldOn: CalendarDate, mileage: Mileage, on day: CalendarDate) -> CoverVerdict {
        let lastDay = cover.lastDay(soldOn: soldOn)
        var over: [Message] = [], unknown: [Message] = [], left: [Message] = []
        if let lastDay {
            if day > lastDay { over.append(Message("warranty.why.ended", ["date": .date(lastDay), "span": .message(Words.span(lastDay, day))])) }
            else { left.append(lastDay == day ? Message("warranty.why.only_today") : Words.span(day, lastDay.adding(days: 1))) }
        }
        if let limit = cover.km {
            if let km = mileage.km {
                if km > limit {
                    over.append(Message("warranty.why.over_km", ["km": .text(Words.km(km)), "on": .date(mileage.readOn),
                                                                 "over": .text(Words.km(km - limit)), "limit": .text(Words.km(limit))]))
                } else if let estimate = mileage.estimate, estimate > limit {
                    unknown.append(Message("warranty.why.probably_over", ["km": .text(Words.km(km)), "on": .date(mileage.readOn),
                                                                        "estimate": .text(Words.km(estimate)), "limit": .text(Words.km(limit))]))
                } else {
                    left.append(Message.text(Words.km(limit - (mileage.estimate ?? km))))
                }
            } else {
                unknown.append(Message("warranty.why.not_read", ["date": .date(soldOn)]))
            }
        }
        if let why = Words.joined(over, .semicolon) { return CoverVerdict(cover: cover, lastDay: lastDay, answer: .notCovered, why: why) }
        if let why = Words.joined(unknown, .semicolon) { return CoverVerdict(cover: cover, lastDay: lastDay, answer: .undecided, why: why) }
        return CoverVerdict(cover: cover, lastDay: lastDay, answer: .covered,
                            why: Message("warranty.why.left", ["left": .message(Words.joined(left, .and) ?? Message.text(""))]))
    }

    /// "until 2029-03-01 / 150,000 km".
    var until: Message {
        Words.joined([lastDay.map { Message("warranty.until", ["date": .date($0)]) }, cover.km.map { Message.text(Words.km($0)) }].compactMap { $0 }, .slash)
            ?? Message.text("")
    }
}

/// The verdict for a part or a labour operation: covered when any cover it
/// falls under still holds (the longer one named first), undecided when none
/// holds but one cannot be checked, otherwise not covered.
struct Decision: Sendable, Equatable {
    var answer: Answer
    var verdicts: [CoverVerdict]
    /// The cover that holds (covered only).
    var by: CoverVerdict?
    /// Why, without the vehicle: a message, so a claim keeps what it says rather than one reader's words.
    var message: Message

    /// Why, in the reader's words.
    var text: String { message.description }

    static func of(_ scope: Scope, soldOn: CalendarDate, mileage: Mileage, on day: CalendarDate) -> Decision {
        switch scope {
        case .excluded(let why):
            return Decision(answer: .notCovered, verdicts: [], by: nil, message: why)
        case .covers(let covers, _):
            let verdicts = covers.map { CoverVerdict.judge($0, soldOn: soldOn, mileage: mileage, on: day) }
            // The group's own cover is the later one in the list: prefer it when both hold.
            if let holding = verdicts.last(where: { $0.answer == .covered }) {
                return Decision(answer: .covered, verdicts: verdicts, by: holding,
                                message: Message("warranty.decision.within", ["cover": .message(holding.cover.titleMessage),
                                                                              "until": .message(holding.until), "why": .message(holding.why)]))
            }
            let reasons = Words.joined(verdicts.map { Message("warranty.decision.reason", ["cover": .message($0.cover.titleMessage), "why": .message($0.why)]) },
                                       .semicolon) ?? Message.text("")
            if verdicts.contains(where: { $0.answer == .undecided }) {
                return Decision(answer: .undecided, verdicts: verdicts, by: nil,
                                message: Message("warranty.decision.cannot_decide", ["reasons": .message(reasons)]))
            }
            return Decision(answer: .notCovered, verdicts: verdicts, by: nil, message: Message("warranty.decision.outside", ["reasons": .message(reasons)]))
        }
    }
}
