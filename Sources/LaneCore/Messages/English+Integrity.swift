// Records an auditor can trust, continued: every business row sealed once the
// store seals, script bytes that are not UTF-8.
extension MessageCatalog {
    static let englishIntegrity: KeyValuePairs<MessageCode, String> = [
        // Seals: a row without one, once every row is sealed.
        "seal.customer_unsealed": "this customer carries no seal: added, or their seal removed, outside lane",
        "seal.order_unsealed": "this repair order carries no seal: written, or its seal removed, outside lane",
        "seal.more_unsealed": "{count} more rows carry no seal",
        "audit.personal_values_erased": "{count} rows had their personal data erased with `customer erase` ({values} values): the chain still holds, and the hashes it keeps of the values prove the rows, but the values themselves can no longer be checked",
        "audit.rows_sealed": "orders, staff, PIN records and customers' contacts are sealed since row {row}: `store check` finds one changed, added or unsealed outside lane",

        // Input: bytes that are not UTF-8, and the replacement character.
        "usage.replacement_character": "the line holds the replacement character (U+FFFD) at byte {byte}: text was lost when it was converted before; type it again",
        "file.not_utf8_at": "{path} is not UTF-8 text at line {line}, byte {byte} (save it as UTF-8; from a spreadsheet, as \"CSV UTF-8\")",
    ]
}
