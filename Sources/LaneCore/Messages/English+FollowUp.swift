// Follow-up calls and complaints, after the car has gone.
extension MessageCatalog {
    static let englishFollowUp: [MessageCode: String] = [
        "follow_up.cannot_record": "cannot record the call",
        "follow_up.not_delivered": "{number} has not been delivered yet",
        "follow_up.not_a_call": "'{given}' is quality or tracking",
        "follow_up.not_an_outcome": "'{given}' is reached or unreachable",
        "follow_up.already_recorded": "the {call} call of {number} is already recorded",
        "follow_up.recorded": "{number} {call} call: {outcome}",
        "follow_up.recorded_score": "{number} {call} call: {outcome}, satisfaction {score}/5",
        "follow_up.complaint_already_open": "complaint {complaint} is already open for {number}: add what the customer said to its investigation",
        "follow_up.complaint_opened": "complaint {complaint} opened: investigate and resolve it",
        "follow_up.low_score_complaint": "satisfaction {score}/5 on the {call} call: {comment}",
    ]
}
