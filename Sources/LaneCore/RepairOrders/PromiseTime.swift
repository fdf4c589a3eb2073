/// R3.9: the completion time promised at reception, from the job's labour
/// hours and the shop's load.
///
/// Reading (the documents give no formula): the work already waiting in the
/// workshop is shared across the bays, this job's standard hours follow, and
/// half an hour is added for the three checks and the wash. Work only happens
/// in opening hours; what does not fit today moves to the next day's opening.
/// The result is rounded up to the next quarter hour, as people promise times.
public enum PromiseTime {
    public static func estimate(now: Timestamp, jobHours: LaborHours, backlogHours: LaborHours, settings: StoreSettings) -> Timestamp {
        let bays = max(settings.bays, 1)
        var minutes = jobHours.hundredths * 60 / 100
            + Int((Int64(backlogHours.hundredths) * 60 / 100) / Int64(bays))
            + 30
        let offset = settings.utcOffset
        var day = now.date(in: offset)
        let open = settings.opens.minutes, close = settings.closes.minutes
        var cursor = max(minuteOfDay(now, offset), open)
        if cursor >= close {
            day = day.adding(days: 1)
            cursor = open
        }
        // Walk through opening hours until the work fits.
        while cursor + minutes > close {
            minutes -= close - cursor
            day = day.adding(days: 1)
            cursor = open
        }
        cursor += minutes
        let rounded = (cursor + 14) / 15 * 15
        return Timestamp(date: day, hour: rounded / 60, minute: rounded % 60, offset: offset)
    }

    public static func minuteOfDay(_ t: Timestamp, _ offset: UTCOffset) -> Int {
        t.secondOfDay(in: offset) / 60
    }
}
