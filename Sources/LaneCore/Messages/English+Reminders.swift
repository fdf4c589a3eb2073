// Reminders and campaigns: who to call, and what came of the call.
extension MessageCatalog {
    static let englishReminders: KeyValuePairs<MessageCode, String> = [
        // The due list and the calls (R1.1-R1.6).
        "reminder.cannot_list": "cannot list reminders",
        "reminder.not_a_kind": "'{given}' is one of {kinds}",
        "reminder.not_an_outcome": "'{given}' is booked, declined or unreachable",
        "reminder.cannot_log": "cannot log the call",
        "reminder.nothing_due": "{plate} has no {kind} reminder due; `remind due` lists them",
        "reminder.decline_reason_missing": "record why the customer declined; the reasons are analysed",
        "reminder.logged": "{plate} {kind}{reference} due {due_on}: {outcome}{reason}",
        "reminder.logged_reason": " ({reason})",
        "reminder.cannot_show_register": "cannot show the register",

        // Delayed deliveries (R1.4).
        "reminder.cannot_delay": "cannot register the delay",
        "reminder.delay_one_cause": "give either --part NUMBER or --no-fix TEXT",
        "reminder.delay_fault_missing": "describe the fault",
        "reminder.delay_registered": "delay {id} registered for {plate}: {what}{expected}",
        "reminder.waiting_for_part": "waiting for part {part}",
        "reminder.no_known_fix": "no known fix",
        "reminder.expected_on": ", expected {day}",
        "reminder.cannot_record_fix": "cannot record the fix",
        "reminder.no_such_delay": "there is no delay {id}; `remind delays` lists them",
        "reminder.delay_waits_for_part": "delay {id} waits for a part, not a fix",
        "reminder.delay_closed": "delay {id} is already closed",
        "reminder.fix_published": "fix published for delay {id}; the customer is now on `remind due`",
        "reminder.delay_ready": "ready: invite back",
        "reminder.invite_back_part": "invite back: part {part} has arrived ({stock} in stock): {note}",
        "reminder.invite_back_fix": "invite back: the fix is published: {note}",

        // Campaigns and technical upgrades (R1.5, R1.6).
        "campaign.cannot_start": "the campaign cannot be started",
        "campaign.code_missing": "give the campaign a code",
        "campaign.not_a_kind": "a campaign is of kind campaign or upgrade",
        "campaign.title_missing": "say what the campaign offers",
        "campaign.first_day_missing": "the first day, YYYY-MM-DD",
        "campaign.ends_before_start": "the campaign ends before it starts",
        "campaign.exists": "{code} already exists",
        "campaign.started": "{kind} {code} starts {day}: {eligible} vehicles eligible; they appear in `remind due`",
        "campaign.not_found": "no such campaign",
        "campaign.no_such_code": "there is no campaign {code}; `campaign list` shows them",
        "campaign.invite": "service campaign {code} {title}: invite the customer{until}",
        "campaign.invite_upgrade": "technical upgrade {code} {title}: invite the customer, or upgrade at the next visit{until}",
        "campaign.until": " (until {day})",
    ]
}
