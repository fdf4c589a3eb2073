// A store's staff by command (`staff add`, `staff leave`), and client certificates to the database server.
extension MessageCatalog {
    static let englishGroupAdmin: KeyValuePairs<MessageCode, String> = [
        // staff add, staff leave
        "staff.cannot_add": "cannot add the member of staff",
        "staff.cannot_leave": "cannot end the employment",
        "staff.admin_only": "{user} is not the store's admin: only the admin adds members of staff or ends their employment",
        "staff.already_on_list": "{name} is already on the staff list (a name signs in, so each is given once; add a letter to tell them apart, e.g. 王芳B)",
        "staff.already_left": "{name} already left the store ({when})",
        "staff.cannot_leave_yourself": "you cannot end your own employment: another admin does it, so that the store always has one",
        "staff.added": "added {name} as {role} (team {team})",
        "staff.left": "{name} left the store at {when}",
        "staff.added_answer": "{name} is on the staff list as {role}; they have no PIN yet (staff pin {name})",
        "staff.left_answer": "{name} has left the store: they can no longer sign in; their work stays on the records",
        "sign_in.has_left": "{user} left the store ({when}) and can no longer sign in",
        "help.command.staff.add": "Add a member of staff with a role (the admin)",
        "help.discussion.staff.add": "Team leaders and technicians belong to a team. The new member has no PIN yet: they set one with staff pin, or the admin does. On a database server, --stores adds them to several stores at once, all or nothing, where you are the admin (your PIN there is asked).",
        "help.option.staff.add.name": "Their name as they sign in",
        "help.option.staff.add.role": "Their role",
        "help.option.staff.add.team": "Their workshop team (team leaders and technicians)",
        "help.command.staff.leave": "End a member of staff's employment: they no longer sign in (the admin)",
        "help.discussion.staff.leave": "Their name stays on the orders, the audit trail and the reports they are in; staff list shows when they left.",
        "help.option.staff.leave.name": "Who leaves",
        "staff.not_admin_there": "{user} is {role} in {store}, not its admin: only that store's admin adds staff to it",
        "staff.added_to_stores": "{name} is on the staff list of {stores} as {role}; they have no PIN yet in any (staff pin {name} in each)",
        "help.option.staff.add.stores": "Several stores of the server at once (codes), where you are the admin",
        // Client certificates (sslcert, sslkey in the address, or PGSSLCERT, PGSSLKEY).
        "server.tls_client_cert": "cannot read the client certificate file '{path}' named by sslcert (or PGSSLCERT) for {url}; check the path and that this account may read it, and give sslkey (or PGSSLKEY) with it",
        "server.tls_client_key": "cannot use the private key file '{path}' named by sslkey (or PGSSLKEY) for {url}: it is missing, unreadable by this account, not a PEM key, or not the key of the certificate '{cert}'",
        "server.tls_client_refused": "the database server at {url} did not accept lane's client certificate for the user {user} ('{cert}'); nothing was sent. Ask whoever runs the server for a certificate signed by its CA and made out to {user}",
    ]
}
