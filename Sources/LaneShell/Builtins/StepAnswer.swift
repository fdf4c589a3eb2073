import LaneCore

/// The answer of a step that moves something on (a repair order, an
/// appointment, a complaint): its words, and as fields the number, the step
/// and the status before and after (docs/json.md).
enum StepAnswer {
    static func output(_ words: String, number: String, titled title: String, step: String, before: String, after: String,
                       _ extra: (inout Record) -> Void = { _ in }) -> CommandOutput {
        var r = Record()
        r.add("number", title, .text(number))
        r.add("step", "step", .text(step))
        r.add("status_before", "status before", .text(before))
        r.add("status", "status", .text(after))
        extra(&r)
        return .message(words, r)
    }
}
