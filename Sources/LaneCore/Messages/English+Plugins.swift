// Plugins: reserved names, what their SQL may touch, run-time plugins'
// folder, processes and answers, state, configuration and lifecycle.
extension MessageCatalog {
    static let englishPlugins: KeyValuePairs<MessageCode, String> = [
        // What a plugin's SQL may touch (SQLite's authorizer reports it).
        "plugin_sql.outside_namespace": "it may {what} only its own tables ({prefix}…), not {name}{through}; it reads the dealership's records through the plugin API and changes them by its commands",
        "plugin_sql.through": " (through {name})",
        "plugin_sql.action.read": "read",
        "plugin_sql.action.insert": "insert into",
        "plugin_sql.action.update": "update",
        "plugin_sql.action.delete": "delete from",
        "plugin_sql.action.create": "create",
        "plugin_sql.action.drop": "drop",
        "plugin_sql.action.alter": "alter",
        "plugin_sql.action.reindex": "reindex",
        "plugin_sql.action.pragma": "run a pragma on",
        "plugin_sql.action.attach": "attach or detach",
        "plugin_sql.action.transaction": "begin or end a transaction on",
        "plugin_sql.action.view": "create or drop a view on",
        "plugin_sql.action.temporary": "create or drop temporary objects on",
        "plugin_sql.action.other": "run statement kind {code} on",
        "plugin_sql.schema_in_command": "its commands may not change the schema; that belongs in a migration",
        "plugin_sql.migration_refused": "migration '{migration}': {why}",
        "plugin_sql.migration_names": "migration '{migration}' may create and change only {prefix}… objects on {prefix}… tables, not {objects}",

        // The run-time plugin folder and its files.
        "plugin.folder.relative": "LANE_PLUGINS is '{path}', a relative path; give the folder as an absolute path (run-time plugins are not started)",
        "plugin.folder.refused": "run-time plugins are not started: {why}",
        "plugin.folder.missing": "{path} cannot be read",
        "plugin.folder.symlink": "{path} is a symbolic link; put the plugin itself in the folder",
        "plugin.folder.not_a_file": "{path} is not a plain file or folder",
        "plugin.folder.owner": "{path} belongs to someone else (user {uid}); only files of this user or root are run",
        "plugin.folder.writable": "{path} may be changed by others (mode {mode}); chmod go-w it",
        "plugin.install.changed": "{path} changed since `plugin install` recorded it; install it again to run it",

        // Running a run-time plugin.
        "plugin.runtime.interrupted": "it was stopped by Ctrl-C",
        "plugin.runtime.not_a_completion": "{field}: '{given}' is customers, vehicles, staff, parts, repair_orders, appointments or files",
        "plugin.runtime.bad_state_key": "state key '{key}' should be 1 to 200 characters",
        "plugin.runtime.state_too_long": "state key '{key}': a value holds at most {kib} KiB",
        "plugin.install.not_a_file": "{path} is in the way and is not a plugin file",
        "plugin.runtime.not_asked": "the plugin was not asked before the command ran",
        "plugin.ran_refused": "the plugin {plugin} ran `{line}`, which was refused: {headline}",
        "plugin.handler_failed": "{plugin} failed and was left out: {error}",
        "plugin.committed_failed": "{plugin} failed after the command was kept: {error}",
        "plugin.today_failed": "plugins that failed (the rest of today is complete)",

        // The protocol's JSON, read strictly.
        "plugin.json.missing": "{field} is missing",
        "plugin.json.wrong_kind": "{field} should be {kind}",
        "plugin.json.not_whole": "{field} should be a whole number",
        "plugin.json.not_a_cell": "{field} should be text, a whole number, true/false or null",
        "plugin.json.unknown_key": "{field} is not a field of the protocol here ({known})",
        "plugin.json.kind.string": "a string",
        "plugin.json.kind.whole_number": "a whole number",
        "plugin.json.kind.bool": "true or false",
        "plugin.json.kind.list": "a list",
        "plugin.json.kind.object": "an object",

        // Live configuration and the lifecycle.
        "plugin.api_version": "it was written for plugin API {theirs}; this lane has API {ours}",
        "plugin.config.cannot": "cannot configure {name}",
        "plugin.config.none": "no settings",
        "plugin.config.bad_key": "'{key}' is not a setting name (lower-case letters, digits and _, at most 40; `plugin enable` and `plugin disable` switch a plugin)",
        "plugin.config.set": "{name}: {key} = {value}",
        "plugin.check.refused": "{path} is not a plugin lane can run",
        "plugin.check.file_name": "a run-time plugin's file is called lane-NAME",
        "plugin.check.not_executable": "it is not executable (chmod 755)",
        "plugin.check.clash": "its command '{command}' clashes with a command already here; a plugin can never replace a command",
        "plugin.check.ok": "ok: the handshake and every command are valid",
        "plugin.install.refused": "cannot install {path}",
        "plugin.install.no_folder": "this lane has no plugin folder (LANE_PLUGINS)",
        "plugin.install.cannot_copy": "it could not be copied into the plugin folder: {error}",
        "plugin.install.done": "installed {name} as {path} (sha256 {sha256}); it runs from the next start of lane",
    ]
}
