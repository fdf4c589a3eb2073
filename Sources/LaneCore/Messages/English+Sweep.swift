// Words a Chinese reader met in English on the demo day (issue 13's sweep):
// steps and entries whose codes had no word yet.
extension MessageCatalog {
    static let englishSweep: KeyValuePairs<MessageCode, String> = [
        "word.ro_step.deposit": "deposit", "word.ro_step.insurance": "insurance", "word.ro_step.comeback": "comeback",
        "word.account_entry.charge": "charge", "word.account_entry.repayment": "repayment",
    ]
}
