import LaneCore

/// The answer of a step that moves something on (a repair order, an
/// appointment, a complaint): its words, and as fields the number, the step
/// and the status before and after (docs/json.md).
enum StepAnswer {
    /// `statuses` and `steps` name the word kinds (`ro_status`, `ro_step`) people read the codes as.
    static func output(_ words: String, number: String, titled title: String, step: String, before: String, after: String,
                       statuses: String, steps: String, _ extra: (inout Record) -> Void = { _ in }) -> CommandOutput {
        var r = Record()
        r.add("number", title, .text(number))
        r.add("step", "step", .text(step), words: steps)
        r.add("status_before", "status before", .text(before), words: statuses)
        r.add("status", "status", .text(after), words: statuses)
        extra(&r)
        return .message(words, r)
    }
}
