// The store on a database server (PostgreSQL): reaching it, losing it, copying a store to it.
extension MessageCatalog {
    static let englishServer: [MessageCode: String] = [
        "server.bad_url": "'{url}' is not a server address; write it like postgres://user@host:5432/lane (optionally ?schema=NAME)",
        "server.unreachable": "cannot reach the database server at {url} ({reason}); check that the server is running and that the host, port, user and database are right, then start lane again",
        "server.refused_login": "the database server at {url} refused to let {user} in ({reason}); check the user and its password (PGPASSWORD), or ask whoever runs the server",
        "server.lost": "the connection to the database server at {url} was lost ({reason}); nothing of this command was saved: check the server and the network, then run it again",
        "server.commit_unknown": "the connection to the database server at {url} was lost while the change was being saved; look it up (`ro show`, `audit show`) before typing it again",
        "server.failed": "the database server at {url} could not do it: {reason}",
        "server.schema_newer": "the store at {url} was set up by a newer lane (it has {found}); use that version of lane",
        "server.key_missing": "the key file {path} of the store at {url} is missing: the store's audit trail was signed with it, so lane changes nothing until it is put back (copy it from a desk that has it)",
        "server.no_store": "there is no store at {url} yet; give --create to set one up there",
        "server.copy_refused": "the store was not copied",
        "server.copy_file_exists": "{to} already exists; copy into a new file (a backup is a new file)",
        "help.command.store.copy": "Copy the whole store to a database server, or from one to a new file",
        "help.discussion.store.copy": "The copy is made in one transaction and its audit trail is checked there with the store's own key before it is kept: all or nothing. The target must hold no store yet; a file target must not exist. The key file goes with the copy (beside a file; for a server, in ~/.lane/keys or LANE_KEY_FILE). docs/server.md tells how a department moves to a server.",
        "help.option.store.copy.from": "The store to copy: a file or a postgres:// address (default: the store lane was started on)",
        "help.option.store.copy.to": "Where the copy goes: a postgres:// address, or a new file",
        "server.copy_done": "copied {rows} rows of {tables} tables from {from} to {to}; the audit trail verifies",
        "server.copy_target_not_empty": "{to} already holds a store ({rows} customers, {orders} repair orders); copy into an empty one",
        "server.copy_same": "the source and the target are the same store",
        "server.copy_needs_both": "give both --from and --to (a file or a postgres:// address)",
        "server.copy_audit_broken": "the copy at {to} does not verify ({problem}); nothing was copied",
    ]
}
