// A dealer group's stores on one database server: `store list`, `report kpi --stores`, the group's reader.
extension MessageCatalog {
    static let englishGroup: KeyValuePairs<MessageCode, String> = [
        "word.role.group_reader": "集团查阅员",
        "group.cannot_read": "cannot read the stores' figures",
        "group.cannot_list": "cannot list the stores",
        "group.one_store_file": "a store file holds one store; a dealer group's stores are on a database server (--db postgres://…, see docs/server.md)",
        "group.reader_only": "{user} is not the group's reader in this store: only a member of staff with the group reader's role (group_reader) reads the stores' figures side by side",
        "group.not_reader_there": "{user} is {role} in {store}, not its group reader: that store's admin gives the role (staff.csv, role group_reader)",
        "group.pin_needed": "{user} has no PIN in this store, and another store's reader is let in by PIN only: its admin or service manager sets one (staff pin {user})",
        "group.store_refused": "{store}: {reason}",
        "group.no_such_store": "there is no store '{given}' on this server (its stores: {stores}); `store list` shows them",
        "group.ambiguous_code": "several stores have the code '{given}' (schemas {schemas}): name one by its schema, or give each its own code (store set store.code)",
        "group.option_not_with_stores": "{option} is not for the group's figures (--stores)",
        "group.report_title": "The group's figures, {from} to {to} ({days} days), {stores} stores",
        // TLS to the database server (sslmode, sslrootcert in the address).
        "server.bad_sslmode": "'{given}' is not an sslmode lane knows; write one of {modes} (?sslmode=verify-full&sslrootcert=FILE)",
        "server.tls_root_cert": "cannot read the CA certificate file '{path}' named by sslrootcert for {url}; check the path and that this account may read it, or ask whoever runs the server for its CA certificate",
        "server.tls_unsupported": "the database server at {url} does not offer TLS, and the address asks for it (sslmode={mode}); turn ssl on at the server, or write sslmode=prefer to allow a plain connection on a network you trust",
        "server.tls_refused": "lane did not trust the database server at {url} (sslmode={mode}: {reason}); nothing was sent. Check that sslrootcert names the server's CA certificate and that the address's host is the one on its certificate (verify-full), or ask whoever runs the server",
        "server.reason.tls_host": "its certificate is not for the host {host}",
        "server.reason.tls_untrusted": "its certificate is not signed by a CA lane trusts",
        "help.command.store.list": "The stores on this database server: code, name and schema",
        "help.discussion.store.list": "Each store on a server is one schema; its code and name are its own settings. A store file holds one store.",
        "help.option.report.kpi.stores": "The group's reader: these stores of the server side by side with the group's total (codes, or all)",
    ]
}
