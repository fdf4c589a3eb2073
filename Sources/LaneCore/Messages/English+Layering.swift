// What the application layer says when a front end asks it for something
// in the wrong order: a fault of the program, said so a person can report it.
extension MessageCatalog {
    static let englishLayering: KeyValuePairs<MessageCode, String> = [
        "department.change_inside_lookup": "'{operation}' changes records and cannot run inside a lookup; nothing was stored",
        "department.no_operation_open": "a plugin asked for the records outside a command; nothing was read or stored",
    ]
}
