import Testing
@testable import LaneCore

@Test func checkDoesNotThrowWithoutProblems() throws {
    try Refusal.check("nothing to say", [])
}

@Test func checkThrowsWithEveryProblem() {
    let problems = [Problem("vin", "too short"), Problem("plate", "bad province"), Problem("", "the store is closed")]
    do {
        try Refusal.check("the vehicle cannot be registered", problems)
        Issue.record("expected a refusal")
    } catch {
        #expect(error.summary == "the vehicle cannot be registered")
        #expect(error.problems == problems)
    }
}

@Test func problemDescriptionPrefixesTheFieldWhenThereIsOne() {
    #expect(Problem("phone", "not a number").description == "phone: not a number")
    #expect(Problem("", "the store is closed").description == "the store is closed")
}

@Test func refusalDescriptionIsOneLineForOneProblemAndAListForMore() {
    #expect(Refusal("cannot save").description == "cannot save")
    #expect(Refusal("cannot save", problems: [Problem("phone", "not a number")]).description
            == "cannot save: phone: not a number")
    #expect(Refusal("cannot save", problems: [Problem("phone", "not a number"), Problem("", "closed")]).description
            == "cannot save:\n  - phone: not a number\n  - closed")
}
