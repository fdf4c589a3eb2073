import LanePlugin

/// A recall (召回) or a technical upgrade (技术升级) issued by the maker
/// (R1.6): the vehicles it is for, by model and/or VIN range, and when it runs.
struct Recall: Sendable, Equatable {
    enum Kind: String, CaseIterable, Sendable {
        case recall, upgrade
        var title: String { Message(MessageCode("warranty.word.recall_kind." + rawValue)).description }
    }

    var code: String
    var kind: Kind
    var title: String
    /// Matched at the start of the model name, as the built-in campaigns do
    /// (`星河 EV6` matches `星河 EV6 长续航`); empty: any model.
    var models: [String]
    var vins: VINRange?
    var startsOn: CalendarDate
    var endsOn: CalendarDate?

    func applies(to vehicle: Vehicle) -> Bool {
        (models.isEmpty || models.contains { vehicle.model.hasPrefix($0) }) && (vins?.contains(vehicle.vin.value) ?? true)
    }

    /// The vehicles it is for: its scope's index ranges (`PluginContext.vehicles(modelPrefixes:vins:)`), each decided here.
    func eligible(_ context: any PluginContext) throws -> [Vehicle] {
        try context.vehicles(modelPrefixes: models, vins: vins?.indexRange).filter(applies(to:))
    }

    func isRunning(on day: CalendarDate) -> Bool {
        startsOn <= day && (endsOn.map { day <= $0 } ?? true)
    }

    /// The call for one eligible vehicle, in `remind due` (R1.6: invite, or do it at the next visit).
    var reminder: ServiceReminder {
        ServiceReminder(kind: kind == .recall ? .recall : .upgrade, dueOn: startsOn, estimatedMileage: nil, dueMileage: nil,
                        reason: Message("warranty.reminder.recall", ["kind": .text(kind.title), "code": .text(code), "title": .text(title),
                                                                      "until": endsOn.map { .message(Message("warranty.reminder.until", ["date": .date($0)])) } ?? .text("")]).description,
                        rule: ReminderKind.recall.rule)
    }

    /// Which vehicles, in words.
    var scopeText: String {
        var parts: [String] = []
        if !models.isEmpty { parts.append(models.joined(separator: ", ")) }
        if let vins { parts.append("VIN \(vins.from)…\(vins.to)") }
        return parts.joined(separator: "; ")
    }

    init(code: String, kind: Kind, title: String, models: [String], vins: VINRange?, startsOn: CalendarDate, endsOn: CalendarDate?) {
        self.code = code
        self.kind = kind
        self.title = title
        self.models = models
        self.vins = vins
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    init?(_ row: SQLRow) {
        guard let code = row.text("code"), let kind = row.text("kind").flatMap(Kind.init(rawValue:)), let title = row.text("title"),
              let starts = row.text("starts_on").flatMap(CalendarDate.init(parsing:)) else { return nil }
        let models = (row.text("models") ?? "").split(separator: ",").map(String.init)
        var vins: VINRange?
        if let from = row.text("vin_from"), let to = row.text("vin_to") { vins = VINRange(from: from, to: to) }
        self.init(code: code, kind: kind, title: title, models: models, vins: vins, startsOn: starts,
                  endsOn: row.text("ends_on").flatMap(CalendarDate.init(parsing:)))
    }
}

/// A run of VINs from the maker's recall notice, both ends included. The
/// ends are whole VINs or VIN beginnings of the same length with the same
/// maker code (the first three characters); a vehicle's VIN is compared over
/// that length. The 9th character is the check digit, computed from the
/// others, so it says nothing about where a car falls in production: it is
/// left out of the comparison.
struct VINRange: Sendable, Equatable {
    var from: String
    var to: String

    static let checkDigitIndex = 8

    func contains(_ vin: String) -> Bool {
        let head = Self.comparable(String(vin.prefix(from.count)))
        return !head.lexicographicallyPrecedes(Self.comparable(from)) && !Self.comparable(to).lexicographicallyPrecedes(head)
    }

    /// VINs from `from` to `to` as a range of stored VINs, cut before the check digit (which
    /// `contains` ignores): it holds every VIN the range contains, and `contains` decides.
    var indexRange: Range<String> {
        String(from.prefix(Self.checkDigitIndex))..<(String(to.prefix(Self.checkDigitIndex)) + "\u{10FFFF}")
    }

    private static func comparable(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.count > checkDigitIndex { bytes[checkDigitIndex] = UInt8(ascii: "0") }
        return bytes
    }

    /// The range of the two ends given (nil when neither is), or every problem with them.
    static func parse(from: String?, to: String?) -> (range: VINRange?, problems: [Problem]) {
        guard from != nil || to != nil else { return (nil, []) }
        guard let from = from?.uppercased().trimmingWhitespace(), let to = to?.uppercased().trimmingWhitespace() else {
            return (nil, [Problem(from == nil ? "vin-from" : "vin-to", Message("warranty.vin_range_ends"))])
        }
        var p: [Problem] = []
        for (field, end) in [("vin-from", from), ("vin-to", to)] {
            let bad = end.filter { !($0.isASCII && ($0.isNumber || $0.isUppercase)) || "IOQ".contains($0) }
            if end.isEmpty || end.count > 17 { p.append(Problem(field, Message("warranty.not_a_vin_start", ["given": .text(end)]))) }
            else if !bad.isEmpty {
                p.append(Problem(field, Message("warranty.vin_characters", ["given": .text(end), "bad": .text(bad.map { "'\($0)'" }.joined(separator: ", "))])))
            }
        }
        guard p.isEmpty else { return (nil, p) }
        if from.count != to.count {
            p.append(Problem("vin-to", Message("warranty.vin_lengths", ["from": .text(from), "from_count": .int(from.count), "to": .text(to), "to_count": .int(to.count)])))
        } else if from.prefix(3) != to.prefix(3) {
            p.append(Problem("vin-to", Message("warranty.vin_makers", ["from": .text(String(from.prefix(3))), "to": .text(String(to.prefix(3)))])))
        } else if comparable(to).lexicographicallyPrecedes(comparable(from)) {
            p.append(Problem("vin-to", Message("warranty.vin_backwards", ["from": .text(from), "to": .text(to)])))
        }
        return p.isEmpty ? (VINRange(from: from, to: to), []) : (nil, p)
    }
}
