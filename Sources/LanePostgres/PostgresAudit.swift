import LaneCore
import LanePlugin
import LaneStore

// The audit trail's rows, seals and personal values; customer erasure; plugins' tables.
extension PostgresTransaction {
    func auditHead() throws -> AuditHead? {
        // Writes hold the store's writer lock (PostgresStore), so the head read here stays the head until commit.
        try row("SELECT seq, hash, sealed FROM audit_log ORDER BY seq DESC LIMIT 1").map {
            AuditHead(sequence: try $0[0], hash: try $0[1], sealed: (try $0[2] as Int?) == 1)
        }
    }

    func insertAudit(_ e: AuditEntry, personal: AuditPersonal?) throws {
        try execute("""
            INSERT INTO audit_log (seq, at, "user", role, command, noun, ref, summary, prev_hash, hash, mac, personal_hash, sealed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [e.sequence, e.at.secondsSince1970, e.user, e.role, e.command, e.noun, e.ref, e.summary, e.previousHash, e.hash, e.mac,
                  e.personalHash, e.sealed ? 1 : nil])
        guard let personal else { return }
        try execute("INSERT INTO audit_personal (seq, salt, vals, erased_mark) VALUES (?, ?, ?, NULL)",
                    [e.sequence, personal.salt, StoreBackendSupport.joinValues(personal.values)])
        for code in Set(personal.subjects) {
            try execute("INSERT INTO audit_subject (customer, seq) VALUES (?, ?)", [code, e.sequence])
        }
    }

    func auditPersonal(sequences: [Int64]) throws -> [Int64: AuditPersonal] {
        var all: [Int64: AuditPersonal] = [:]
        guard !sequences.isEmpty else { return all }
        for r in try rows("""
            SELECT p.seq, p.salt, p.vals, p.erased_mark, (SELECT string_agg(customer, ' ') FROM audit_subject s WHERE s.seq = p.seq),
                   p.erased_values
            FROM audit_personal p WHERE p.seq = ANY(?)
            """, [sequences]) {
            let subjects: String? = try r[4]
            all[try r[0]] = AuditPersonal(sequence: try r[0], salt: try r[1], values: StoreBackendSupport.splitValues(try r[2]),
                                          subjects: subjects.map { $0.split(separator: " ").map(String.init) } ?? [], erasedMark: try r[3],
                                          erasedValues: try r[5])
        }
        return all
    }

    func firstSignedAuditSequence() throws -> Int64? {
        try row("SELECT MIN(seq) FROM audit_log WHERE mac <> ''").flatMap { try $0[0] as Int64? }
    }

    func auditPersonalNotErased(ofCustomer code: String) throws -> [Int64] {
        try rows("""
            SELECT s.seq FROM audit_subject s JOIN audit_personal p ON p.seq = s.seq
            WHERE s.customer = ? AND p.erased_mark IS NULL ORDER BY s.seq
            """, [code]).map { row -> Int64 in try row[0] }
    }

    func eraseAuditPersonal(sequence: Int64, mark: String) throws {
        // The values are counted as they are blanked (the right-hand sides read the row as it was), as in SQLite.
        try execute("""
            UPDATE audit_personal SET salt = '', vals = '', erased_mark = ?,
                erased_values = CASE vals WHEN '' THEN 0 ELSE length(vals) - length(replace(vals, chr(30), '')) + 1 END
            WHERE seq = ?
            """, [mark, sequence])
    }

    func saveSeal(kind: String, ref: String, mac: String) throws {
        try execute("INSERT INTO row_seal (kind, ref, mac) VALUES (?, ?, ?) ON CONFLICT (kind, ref) DO UPDATE SET mac = excluded.mac", [kind, ref, mac])
    }

    func seals(kind: String) throws -> [String: String] {
        var all: [String: String] = [:]
        for row in try rows("SELECT ref, mac FROM row_seal WHERE kind = ?", [kind]) { all[try row[0]] = try row[1] }
        return all
    }

    func insertAuditAnchor(_ a: AuditAnchor) throws {
        try execute("INSERT INTO audit_anchor (seq, hash, mac, at, by) VALUES (?, ?, ?, ?, ?)", [a.sequence, a.hash, a.mac, a.at.secondsSince1970, a.by])
    }

    func auditAnchors() throws -> [AuditAnchor] {
        try rows("SELECT seq, hash, mac, at, by FROM audit_anchor ORDER BY seq").map {
            AuditAnchor(sequence: try $0[0], hash: try $0[1], mac: try $0[2], at: Timestamp(secondsSince1970: try $0[3]), by: try $0[4])
        }
    }

    private static let auditColumns = "seq, at, \"user\", role, command, noun, ref, summary, prev_hash, hash, mac, personal_hash, sealed"

    private func entry(_ r: PGRow) throws -> AuditEntry {
        AuditEntry(sequence: try r[0], at: Timestamp(secondsSince1970: try r[1]), user: try r[2], role: try r[3], command: try r[4],
                   noun: try r[5], ref: try r[6], summary: try r[7], previousHash: try r[8], hash: try r[9], mac: try r[10],
                   personalHash: try r[11], sealed: (try r[12] as Int?) == 1)
    }

    func auditEntry(sequence: Int64) throws -> AuditEntry? {
        try row("SELECT \(Self.auditColumns) FROM audit_log WHERE seq = ?", [sequence]).map(entry)
    }

    func auditEntries(ref: String?, user: String?, from: Timestamp?, to: Timestamp?, limit: Int) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: PGArguments = []
        if let ref { conditions.append("ref = ?"); arguments.append(ref) }
        if let user { conditions.append("\"user\" = ?"); arguments.append(user) }
        if let from { conditions.append("at >= ?"); arguments.append(from.secondsSince1970) }
        if let to { conditions.append("at < ?"); arguments.append(to.secondsSince1970) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(limit)
        return try rows("SELECT \(Self.auditColumns) FROM audit_log \(filter) ORDER BY seq LIMIT ?", arguments).map(entry)
    }

    func auditChain(afterSequence sequence: Int64, limit: Int) throws -> [AuditEntry] {
        try rows("SELECT \(Self.auditColumns) FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", [sequence, limit]).map(entry)
    }

    // MARK: Erasure (X4)

    static var vehiclesEverOwned: String { StoreBackendSupport.vehiclesEverOwnedQuery }

    func customerTexts(of customer: Customer) throws -> [CustomerText] {
        try rows(StoreBackendSupport.customerTextsQuery, [customer.id, customer.code]).compactMap { row in
            let field: String = try row[0], id: Int64 = try row[1], text: String = try row[2]
            return CustomerText.Field(rawValue: field).map { CustomerText(field: $0, rowID: id, text: text) }
        }
    }

    func eraseCustomer(_ erasure: CustomerErasure) throws {
        let id = erasure.customerID
        for item in erasure.items {
            switch item {
            case .texts(let texts):
                for t in texts {
                    let parts = t.field.rawValue.split(separator: ".")
                    try execute("UPDATE \(parts[0]) SET \(parts[1]) = ? WHERE id = ?", [t.text, t.rowID])
                    // A timeline row's message holds the same words as arguments: it goes, and the row reads as rewritten.
                    if t.field == .repairOrderEvent || t.field == .appointmentEvent {
                        try execute("UPDATE \(parts[0]) SET message = NULL WHERE id = ?", [t.rowID])
                    }
                }
            case .name(let replacement):
                try execute("UPDATE customer SET name = ? WHERE id = ?", [replacement, id])
                try writeSearchKeys(customerID: id, name: replacement)
            case .phone:
                try execute("UPDATE customer SET phone = '', phone_reversed = '' WHERE id = ?", [id])
                noteChangedCustomer(id)
            case .address:
                try execute("UPDATE customer SET address = NULL WHERE id = ?", [id])
                noteChangedCustomer(id)
            case .followUpComments(let replacement):
                try execute("UPDATE follow_up SET comment = ? WHERE comment <> '' AND repair_order_id IN (SELECT id FROM repair_order WHERE customer_id = ?)",
                            [replacement, id])
            case .complaints(let replacement):
                try execute("UPDATE complaint SET text = ?, finding = ?, action = ? WHERE customer_id = ?", [replacement, replacement, replacement, id])
            case .appointmentNotes(let replacement):
                try execute("UPDATE appointment SET note = ? WHERE customer_id = ?", [replacement, id])
            case .reminderReasons(let replacement):
                try execute("UPDATE reminder_log SET reason = ? WHERE reason <> '' AND vehicle_id IN (SELECT id FROM vehicle WHERE owner_id = ?)",
                            [replacement, id])
            case .signatures(let replacement):
                try execute("""
                    UPDATE repair_order SET
                        terms_signed_by = CASE WHEN terms_signed_by IS NULL THEN NULL ELSE ? END,
                        settlement_signed_by = CASE WHEN settlement_signed_by IS NULL THEN NULL ELSE ? END,
                        declined_signed_by = CASE WHEN declined_signed_by IS NULL THEN NULL ELSE ? END
                    WHERE customer_id = ?
                    """, [replacement, replacement, replacement, id])
            case .reservationLabels(let replacement):
                try execute("UPDATE part_reservation SET label = ? WHERE appointment_id IN (SELECT id FROM appointment WHERE customer_id = ?)",
                            [replacement, id])
            }
        }
    }

    // MARK: Plugins

    /// A plugin's statements are judged on the store's private SQLite copy of the schema (`PluginSQLShadow`:
    /// SQLite's authorizer names every table a statement touches), then run here with SQLite's placeholders
    /// and types in PostgreSQL's words.
    func pluginRows(namespace: String, sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        let statements = try store.shadow.check(plugin: namespace, sql: sql, readOnly: true)
        var result: [SQLRow] = []
        for statement in statements {
            result = try pluginRun(namespace, statement, arguments).map { row in
                var values: [String: SQLValue] = [:]
                for (i, column) in row.columns.enumerated() {
                    switch row.values[i] {
                    case .null: values[column] = .null
                    case .int(let n): values[column] = .integer(n)
                    case .text(let s): values[column] = .text(s)
                    case .ints(let list): values[column] = .text(list.map(String.init).joined(separator: ","))
                    }
                }
                return SQLRow(values)
            }
        }
        return result
    }

    func pluginExecute(namespace: String, sql: String, arguments: [SQLValue]) throws -> Int64 {
        let statements = try store.shadow.check(plugin: namespace, sql: sql, readOnly: false)
        var last: Int64 = 0
        for statement in statements {
            let upper = statement.uppercased()
            if upper.hasPrefix("CREATE") || upper.hasPrefix("DROP") || upper.hasPrefix("ALTER") {
                throw StoreBackendSupport.pluginRefusal(namespace, Message("plugin_sql.schema_in_command"))
            }
            // The new row's id when the table has one (SQLite's last_insert_rowid), as a RETURNING clause.
            if upper.hasPrefix("INSERT"), try insertTargetHasID(statement) {
                last = try pluginRun(namespace, statement + " RETURNING id", arguments).first.map { try $0[0] } ?? last
            } else {
                _ = try pluginRun(namespace, statement, arguments)
            }
        }
        return last
    }

    private func insertTargetHasID(_ statement: String) throws -> Bool {
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" })
        guard let into = words.firstIndex(where: { $0.uppercased() == "INTO" }), into + 1 < words.count else { return false }
        let table = words[into + 1].trimmingCharacters(in: .init(charactersIn: "\"`[]")).lowercased()
        let found: Int = try value("""
            SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'id'
            """, [table]) ?? 0
        return found > 0
    }

    /// Runs one judged statement inside a savepoint, so that a plugin's mistake (a constraint, a type)
    /// is its own refusal and the command's transaction goes on, as on SQLite.
    private func pluginRun(_ namespace: String, _ statement: String, _ arguments: [SQLValue]) throws -> [PGRow] {
        let values: PGArguments = arguments.map { value -> PGValue in
            switch value {
            case .null: return .null
            case .integer(let i): return .int(i)
            case .text(let s): return .text(s)
            }
        }
        try execute("SAVEPOINT lane_plugin")
        do {
            let result = try rows(PostgresDialect.pluginStatement(statement), values)
            try execute("RELEASE SAVEPOINT lane_plugin")
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT lane_plugin")
            throw Refusal(Message("plugin_sql.refused"), problems: [Problem("sql", Message("plugin_sql.sqlite_said", ["error": .text(PostgresStore.reason(error))]))])
        }
    }

    func migratePlugin(namespace: String, migrations: [PluginMigration], at time: Timestamp) throws -> [String] {
        let done = Set(try rows("SELECT identifier FROM plugin_migration WHERE plugin = ?", [namespace]).map { row -> String in try row[0] })
        var applied: [String] = []
        for migration in migrations where !done.contains(migration.identifier) {
            // Judged and applied on the SQLite copy first: what a SQLite store refuses, this one refuses too.
            try store.shadow.migrate(plugin: namespace, identifier: migration.identifier, sql: migration.sql)
            for statement in PostgresDialect.pluginMigration(migration.sql) {
                try execute(statement)
            }
            try execute("INSERT INTO plugin_migration (plugin, identifier, applied_at, sql) VALUES (?, ?, ?, ?)",
                        [namespace, migration.identifier, time.secondsSince1970, migration.sql])
            applied.append(migration.identifier)
        }
        return applied
    }

    func pluginMigrations(namespace: String) throws -> [String] {
        try rows("SELECT identifier FROM plugin_migration WHERE plugin = ? ORDER BY applied_at, identifier", [namespace]).map { row -> String in try row[0] }
    }

    func pluginHandshake(path: String) throws -> (identity: String, answer: String)? {
        try row("SELECT identity, answer FROM plugin_handshake WHERE path = ?", [path]).map { r -> (identity: String, answer: String) in (try r[0], try r[1]) }
    }

    func savePluginHandshake(path: String, identity: String, answer: String) throws {
        try execute("""
            INSERT INTO plugin_handshake (path, identity, answer) VALUES (?, ?, ?)
            ON CONFLICT (path) DO UPDATE SET identity = excluded.identity, answer = excluded.answer
            """, [path, identity, answer])
    }

    func pluginChecksum(name: String) throws -> String? {
        try value("SELECT sha256 FROM plugin_checksum WHERE name = ?", [name])
    }

    func savePluginChecksum(name: String, sha256: String, at time: Timestamp, by user: String) throws {
        try execute("""
            INSERT INTO plugin_checksum (name, sha256, installed_at, installed_by) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, installed_at = excluded.installed_at, installed_by = excluded.installed_by
            """, [name, sha256, time.secondsSince1970, user])
    }

    func pluginState(plugin: String) throws -> [String: String] {
        var state: [String: String] = [:]
        for row in try rows("SELECT key, value FROM plugin_state WHERE plugin = ?", [plugin]) { state[try row[0]] = try row[1] }
        return state
    }

    func removePluginState(keyPrefix: String) throws {
        try execute("DELETE FROM plugin_state WHERE starts_with(key, ?)", [keyPrefix])
    }

    func setPluginState(plugin: String, key: String, value: String?, at time: Timestamp) throws {
        if let value {
            try execute("""
                INSERT INTO plugin_state (plugin, key, value, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (plugin, key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
                """, [plugin, key, value, time.secondsSince1970])
        } else {
            try execute("DELETE FROM plugin_state WHERE plugin = ? AND key = ?", [plugin, key])
        }
    }
}

extension PostgresDialect {
    /// A plugin's statement (written for SQLite) in PostgreSQL's words: `?NNN` and `?` placeholders
    /// become `$n` (PGLink), `INSERT OR IGNORE` an `ON CONFLICT DO NOTHING`, `INSERT OR REPLACE` is refused
    /// by the server as it stands (no portable meaning without the key).
    static func pluginStatement(_ sql: String) -> String {
        var s = sql
        if s.range(of: "INSERT OR IGNORE", options: .caseInsensitive) != nil {
            s = s.replacingOccurrences(of: "INSERT OR IGNORE", with: "INSERT", options: .caseInsensitive) + " ON CONFLICT DO NOTHING"
        }
        return s
    }

    /// A plugin migration's statements as PostgreSQL's (types as for the core tables).
    static func pluginMigration(_ sql: String) -> [String] {
        splitStatements(sql).map(translate)
    }

    /// Splits a script on `;` outside quotes, leaving out `--` and `/* */` comments (whose
    /// words may hold quotes or semicolons).
    static func splitStatements(_ sql: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        var lineComment = false, blockComment = false
        let chars = Array(sql)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if lineComment {
                if ch == "\n" { lineComment = false; current.append(ch) }
            } else if blockComment {
                if ch == "*" && next == "/" { blockComment = false; i += 1 }
            } else if let q = quote {
                if ch == q { quote = nil }
                current.append(ch)
            } else if ch == "-" && next == "-" {
                lineComment = true
                i += 1
            } else if ch == "/" && next == "*" {
                blockComment = true
                i += 1
            } else if ch == "'" || ch == "\"" {
                quote = ch
                current.append(ch)
            } else if ch == ";" {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
            i += 1
        }
        out.append(current)
        return out.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

import Foundation
