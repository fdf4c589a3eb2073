// The check after an unclean close, bounded so a large store opens (docs/security.md).
extension MessageCatalog {
    static let englishOpenCheck: KeyValuePairs<MessageCode, String> = [
        "store.check_cut_short": "the database at {path} was not closed cleanly; its check was stopped after {seconds} s so work can go on ({checked} of {tables} tables found sound, the rest not checked yet). A full check is still owed: run `store check` when the desk is quiet",
        "store.check_owed": "a full check of the database at {path} is still owed (the check after an unclean close was cut short): run `store check` when the desk is quiet",
        "store.open_check_seconds_invalid": "LANE_OPEN_CHECK_SECONDS '{text}' is not a number of seconds from 0 to 86400; using {seconds}",
    ]
}
