// What a customer's file still lacks two days after a visit (`followup files`).
extension MessageCatalog {
    static let englishCustomerFile: KeyValuePairs<MessageCode, String> = [
        "customer_file.address": "address",
        "customer_file.request": "customer's request",
        "customer_file.work_done": "work done",
        "customer_file.next_service": "next service date and mileage",
        "customer_file.follow_up_time": "preferred follow-up time",
        "customer_file.visit_mileage": "mileage at the visit",
        "help.option.followup.files.since": "Visits from this day on (default 90 days before the check falls due)",
        "help.option.followup.files.limit": "At most N files, newest visit first (default 200)",
    ]
}
