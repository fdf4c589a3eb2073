// Reception's sheet and terms, dispatch by skill, one clock per technician,
// rework after a failed check, comebacks (返修) and safety items declined
// before: the words of `Workshop.swift` and its desk and commands.
extension MessageCatalog {
    static let englishWorkshop: KeyValuePairs<MessageCode, String> = [
        "workshop.did.check_in_sheet": "check-in sheet with covers fitted: {mileage} km, fuel {fuel}/8, damage {damage}, valuables {valuables}, equipment {equipment}",
        "workshop.did.sign_terms": "work order signed by {name}: payment {payment}, old parts {old_parts}, {wash}; new work found is done only after the customer approves it; give them their copies and take them to the lounge",
        "workshop.wash_yes": "free wash",
        "workshop.wash_no": "no wash",

        "workshop.team_lacks_skill": "{code} {name} needs {skill}, which {team} does not have (it has {skills})",
        "workshop.dispatch_override_not_allowed": "{name} ({role}) may not override: only the workshop foreman or the service manager dispatches work to a team without its skill",
        "workshop.dispatch_override_not_needed": "{team} has the skills for this work: no override was needed",
        "workshop.did.dispatch_override": "dispatched to {team} without the skill for {lines}: allowed by {by}: {reason}",
        "workshop.technician_busy": "{name} is clocked on {number} line {line} {code} since {since}: clock off there first (one line at a time, so no hour counts twice)",
        "workshop.progress_rework": "back to work",
        "workshop.no_checks_yet": "no checks yet",

        "repair_order.cannot.comeback": "cannot link {number} as a comeback",
        "workshop.comeback_already_linked": "it is already linked as a comeback of {number}",
        "workshop.comeback_of_itself": "an order cannot be a comeback of itself",
        "workshop.comeback_other_vehicle": "{number} is another car's order",
        "workshop.comeback_too_late": "{number} was handed over {since} days before; a comeback is within {days} days (workshop.comeback_days)",
        "workshop.comeback_not_delivered": "{number} was never handed over to the customer ({status})",
        "workshop.comeback_needs_confirmation": "a comeback of {number} is handed over only when the customer confirms at the car that the fault is gone (--fault-gone); if it is not, add the work found (`ro labor`, `ro part`): the car goes back to the workshop",
        "workshop.did.comeback": "comeback of {earlier}, handed over {days} days ago: repaired again until the customer is satisfied",
        "workshop.came_back_as": "came back as {number} for the same fault, {days} days after the hand-over",
        "workshop.possible_comeback": "{number} was handed over on {date} ({days} days ago; complaint: {complaint}): if the car is back for the same fault, record it with `ro comeback {number}`",
        "workshop.declined_before": "{code} {name}: a safety item the customer declined on {number} ({date}); recommend it again",

        "settings.not_comeback_days": "'{given}' is not a number of days from 1 to 3650",

        "word.skill.maintenance": "maintenance", "word.skill.mechanical": "mechanical", "word.skill.electrical": "electrical",
        "word.skill.body": "body", "word.skill.paint": "paint", "word.skill.ev": "EV",

        "help.command.ro.comeback": "The car is back for the same fault as an earlier order (a comeback)",
        "help.discussion.ro.comeback": "The earlier order must be of the same car and handed over within the store's comeback period (workshop.comeback_days). The link is on both orders' timelines and in `ro show`; the comeback is handed over only when the customer confirms the fault is gone (`ro deliver --fault-gone`).",
        "help.option.ro.comeback.ro": "Repair order number, e.g. RO-20261123-0001",
        "help.option.ro.comeback.earlier": "The earlier order, e.g. RO-20261102-0003",
        "help.discussion.ro.dispatch": "The team must have the skill of every labour line still to do (the catalogue's skill); the workshop foreman or the service manager may dispatch without it with --override-reason, which the answer, the timeline and the audit trail keep.",
        "help.option.ro.dispatch.override-reason": "Foreman or service manager: why a team without the skill takes the work",
        "help.option.ro.deliver.fault-gone": "The customer confirmed at the car that the fault is gone (a comeback needs it)",
    ]
}
