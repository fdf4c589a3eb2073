import LaneCore

/// Times as people type them: `16:30` (today in the store's zone) or a full
/// `2026-11-24T10:00`.
enum TimeInput {
    static func parse(_ text: String, _ ctx: CommandContext) -> Timestamp? {
        let trimmed = text.trimmingWhitespace()
        if let clock = TimeOfDay(parsing: trimmed) {
            return Timestamp(date: ctx.today, hour: clock.minutes / 60, minute: clock.minutes % 60, offset: ctx.settings.utcOffset)
        }
        return Timestamp(parsing: trimmed, defaultOffset: ctx.settings.utcOffset)
    }
}

/// A day option (`--on`, `--from`, `--day`): today when left out.
enum DayInput {
    static func option(_ inv: Invocation, _ ctx: CommandContext, _ name: String = "on") throws -> CalendarDate {
        guard let text = inv.option(name) else { return ctx.today }
        guard let d = CalendarDate(parsing: text) else {
            throw Refusal(Message("input.which_day"), problems: [Problem(name, Message("input.not_a_date", ["given": .text(text)]))])
        }
        return d
    }
}
