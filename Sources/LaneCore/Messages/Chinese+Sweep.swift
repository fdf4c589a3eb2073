// The Chinese twin of English+Sweep.swift.
extension MessageCatalog {
    static let chineseSweep: KeyValuePairs<MessageCode, String> = [
        "word.ro_step.deposit": "收预收款", "word.ro_step.insurance": "保险理赔", "word.ro_step.comeback": "登记返修",
        "word.account_entry.charge": "挂账", "word.account_entry.repayment": "还款",
    ]
}
