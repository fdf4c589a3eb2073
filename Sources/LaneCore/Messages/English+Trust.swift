// Records an auditor can trust: personal data kept apart from the audit
// trail, seals on PINs and contacts, damaged files, legacy rows.
extension MessageCatalog {
    static let englishTrust: KeyValuePairs<MessageCode, String> = [
        // Input.
        "usage.not_utf8_byte": "the line is not valid UTF-8 at byte {byte}: save the script as UTF-8",

        // The audit trail: personal values kept apart.
        "audit.personal_checked": "{count} rows keep personal data (names, numbers, addresses, free text) apart from the chain: their values match the hash the chain holds",
        "audit.personal_erased": "{count} rows had their personal data erased with `customer erase`: the chain still holds, but those values can no longer be checked",
        "audit.personal_legacy": "{count} rows were written before personal data was kept apart: they keep names and numbers as typed, and `customer erase` cannot reach them",
        "audit.personal_changed": "its personal data, kept apart from the chain, was changed or removed outside lane",
        "audit.erased_value": "(erased)",

        // The audit trail: rows from before signing.
        "audit.legacy_unsigned": "{count} rows (1 to {last}) were written before this store had its key: their chain is checked, not their signature; whoever could edit the file could have rewritten them together",
        "audit.key_mismatch": "the store's key file is not the one this trail was signed with (replaced or lost): no signature can be checked; put the original key file back beside the database",
        "audit.unsigned_unproven": "{count} rows carry no signature and nothing signed says when signing began: they may have been written or rewritten by someone without the key",

        // Seals: PINs and customers' contacts.
        "seal.pin_changed": "the PIN record (hash, salt, wrong tries or delay) differs from what lane wrote",
        "seal.pin_removed": "the PIN record lane sealed is gone",
        "seal.pin_unsealed": "this PIN record was written outside lane",
        "seal.customer_changed": "the mobile number or address differs from what lane wrote",
        "seal.customer_removed": "the customer lane sealed is gone",

        // Files: the key, and a store that was not closed cleanly.
        "store.key_missing": "the store's key file {path} is missing: this store signed its audit trail with it, so lane changes nothing until it is put back (from a backup); lookups and `audit verify` still work",
        "store.unclean_damaged": "the database at {path} was not closed cleanly and is damaged ({text}); lane will not use it. Restore it from the last backup, or copy it aside and ask for help; do not keep working in it",
    ]
}
