import Foundation
import LaneCore
import LaneStore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// The store on a PostgreSQL server, shared by every desk of the department:
/// the same protocols as `SQLiteStore`, so nothing above the store layer knows
/// which one it talks to. Chosen by a `postgres://` address in `--db`/`LANE_DB`.
///
/// Writes are one at a time per store, as with SQLite's single writer: each
/// write transaction first takes a transaction-level advisory lock keyed by
/// the store's schema. The application layer was written for one writer (it
/// reads the audit chain's head, an order's state or the stock, decides, then
/// writes), and the lock keeps every one of those read-decide-write steps
/// whole across shells: numbers, the audit chain and an order's steps never
/// interleave. Reads take no lock and run beside writes (a repeatable-read
/// snapshot). A command's write lasts milliseconds, so a department's desks
/// queue behind each other unnoticed.
public final class PostgresStore: ServiceStore, @unchecked Sendable {
    public let endpoint: PostgresEndpoint
    public var location: String { endpoint.display }
    public let secretKey: [UInt8]?
    /// Where the key is kept (`keyFile + ".key"`); nil: a key for this process's life only.
    public let keyFile: String?
    private let keyMissingPath: String?

    /// One event loop thread for the whole process: the connections' I/O runs
    /// there, never on the caller's thread (see `PGLink`). Kept for the
    /// process's life, like the shell itself.
    static let loopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let idle = NIOLockedValueBox<[PGLink]>([])
    private let logger: Logger
    let shadow: PluginSQLShadow
    /// The advisory lock that makes writes one at a time in this store.
    let writerLockKey: Int64
    /// Every statement this store's connections send, counted (`recordingStatements`).
    private let tally: PGStatementTally?

    /// Connects, creates the store's schema when missing and brings it up to
    /// date. `keyFile` is where the store's secret key is kept (outside the
    /// database); nil: a key for this process's life only (tests). With
    /// `mayMakeKey` false (another store of the group, `openGroupStore`) no key is
    /// ever made: without its key file a signed store can be read, not changed.
    /// `recordingStatements`: every statement sent is counted (`statementExecutions`), for tests.
    public init(endpoint: PostgresEndpoint, keyFile: String?, create: Bool = true, mayMakeKey: Bool = true,
                recordingStatements: Bool = false) throws(StoreFailure) {
        self.endpoint = endpoint
        tally = recordingStatements ? PGStatementTally() : nil
        self.keyFile = keyFile
        var logger = Logger(label: "lane.postgres")
        logger.logLevel = .critical
        self.logger = logger
        writerLockKey = PostgresStore.lockKey(endpoint.schema)
        do { shadow = try PluginSQLShadow() } catch {
            throw StoreFailure(String(describing: error))
        }
        let link: PGLink
        do { link = try PGLink.connect(endpoint, on: PostgresStore.loopGroup.next(), logger: logger) } catch {
            throw PostgresStore.connectFailure(error, endpoint)
        }
        link.tally = tally
        do {
            try PostgresSchema.migrate(link, schema: endpoint.schema, lockKey: writerLockKey, create: create, display: endpoint.display)
            try link.run("SET search_path TO \(endpoint.schema)")
            try PostgresStore.replayPluginMigrations(link, into: shadow)
        } catch let failure as StoreFailure {
            link.close()
            throw failure
        } catch {
            link.close()
            throw PostgresStore.failure(error, endpoint, committing: false)
        }
        let signed = (try? link.run("""
            SELECT (EXISTS (SELECT 1 FROM row_seal WHERE kind = 'audit_signing')
                OR COALESCE((SELECT mac <> '' FROM audit_log ORDER BY seq DESC LIMIT 1), false))::int AS signed
            """).rows.first.map { row -> Bool in try row[0] }) ?? nil
        if let keyFile {
            // The keys' folder is made only once the server has answered: a server that is not there leaves nothing behind.
            let folder = (keyFile as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            secretKey = StoreBackendSupport.secretKey(beside: keyFile, mayCreate: mayMakeKey && signed != true)
            keyMissingPath = secretKey == nil && signed == true ? keyFile + ".key" : nil
        } else if !mayMakeKey {
            secretKey = nil
            keyMissingPath = signed == true ? PostgresStore.defaultKeyFile(endpoint, ProcessInfo.processInfo.environment) + ".key" : nil
        } else {
            var rng = SystemRandomNumberGenerator()
            secretKey = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
            keyMissingPath = nil
        }
        idle.withLockedValue { $0.append(link) }
    }

    /// Opens the store at `url`; where its key file is kept by default:
    /// `~/.lane/keys/HOST-PORT-DATABASE-SCHEMA` (give every desk a copy, as for a store's file and its key).
    public convenience init(url: String, create: Bool = true, keyFile: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreFailure) {
        guard let endpoint = PostgresEndpoint(url: url, environment: environment) else {
            if let mode = PostgresEndpoint.unknownSSLMode(url: url, environment: environment) {
                throw StoreFailure(Message("server.bad_sslmode", ["given": .text(mode),
                                                                  "modes": .list(PostgresSSLMode.allCases.map { .text($0.rawValue) })]))
            }
            throw StoreFailure(Message("server.bad_url", ["url": .text(url)]))
        }
        let file = keyFile ?? PostgresStore.keyFile(for: endpoint, environment: environment)
        try self.init(endpoint: endpoint, keyFile: file, create: create)
    }

    /// Where the key of the store at `endpoint` is kept: LANE_KEY_FILE, else `~/.lane/keys/HOST-PORT-DATABASE-SCHEMA` (+ `.key`).
    public static func keyFile(for endpoint: PostgresEndpoint, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let file = environment["LANE_KEY_FILE"], !file.isEmpty { return file }
        return defaultKeyFile(endpoint, environment)
    }

    static func defaultKeyFile(_ e: PostgresEndpoint, _ environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let folder = home + "/.lane/keys"
        let safe = "\(e.host)-\(e.port)-\(e.database)-\(e.schema)".map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        return folder + "/" + String(safe)
    }

    /// The statements sent since the store opened, by text, with how many times each (`recordingStatements`; else empty).
    public func statementExecutions() -> [String: Int] { tally?.executions ?? [:] }

    deinit {
        for link in idle.withLockedValue({ $0 }) { link.close() }
    }

    /// A stable 64-bit key for the store's writer lock (FNV-1a of the schema's name).
    static func lockKey(_ schema: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("lane.writer." + schema).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    // MARK: Transactions

    public func read<T>(_ body: (any StoreReading) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", writing: false) { tx in try body(tx) }
    }

    public func write<T>(_ body: (any StoreWriting) throws -> T) throws -> T {
        if let keyMissingPath {
            throw StoreFailure(Message("server.key_missing", ["path": .text(keyMissingPath), "url": .text(location)]))
        }
        return try transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", writing: true) { tx in try body(tx) }
    }

    private func transaction<T>(begin: String, writing: Bool, _ body: (PostgresTransaction) throws -> T) throws -> T {
        let link = try begun(begin)
        var committing = false
        do {
            if writing { try link.run("SELECT pg_advisory_xact_lock(?)", [writerLockKey]) }
            let tx = PostgresTransaction(link: link, store: self)
            let result = try body(tx)
            committing = true
            try link.run("COMMIT")
            giveBack(link)
            return result
        } catch {
            if !link.isClosed { _ = try? link.run("ROLLBACK") }
            giveBack(link)
            if error is Refusal { throw error }
            if error is StoreFailure { throw error }
            if error is PSQLError || error is ChannelError || error is IOError || error is PGConnectionLost {
                throw PostgresStore.failure(error, endpoint, committing: committing)
            }
            throw error
        }
    }

    /// A link with its transaction begun. A kept connection that the server closed since its
    /// last use (a restart, a network cut) fails its BEGIN: nothing of the command was sent yet,
    /// so the next kept one, or a new one, takes over instead of the command failing.
    private func begun(_ begin: String) throws -> PGLink { try firstRun(begin).link }

    /// A link that has run `sql` (an idle one, else a new one; a link the server dropped is left for the
    /// next), with what `sql` answered.
    private func firstRun(_ sql: String) throws -> (link: PGLink, rows: [PGRow]) {
        while let link = idle.withLockedValue({ $0.popLast() }) {
            if link.isClosed { continue }
            do {
                return (link, try link.run(sql).rows)
            } catch where PostgresStore.isLost(error) {
                link.close()
                continue
            } catch {
                giveBack(link)
                throw PostgresStore.failure(error, endpoint, committing: false)
            }
        }
        let link = try newLink()
        do { return (link, try link.run(sql).rows) } catch {
            link.close()
            throw PostgresStore.failure(error, endpoint, committing: false)
        }
    }

    /// One statement outside a transaction, one round trip: a shell asks at every line, and one row
    /// read alone is read whole.
    public func versions() throws -> StoreVersions {
        let (link, rows) = try firstRun(StoreBackendSupport.storeVersionsSQL)
        giveBack(link)
        return try Self.versions(rows)
    }

    /// The versions from the rows of `StoreBackendSupport.storeVersionsSQL`; no row is a damaged store.
    static func versions(_ rows: [PGRow]) throws -> StoreVersions {
        guard let row = rows.first else { throw StoreFailure(Message("store.damaged.versions")) }
        return StoreVersions(settings: try row[0], catalogue: try row[1])
    }

    private func takeLink() throws -> PGLink {
        while let link = idle.withLockedValue({ $0.popLast() }) {
            if !link.isClosed { return link }
        }
        return try newLink()
    }

    private func newLink() throws -> PGLink {
        do {
            let link = try PGLink.connect(endpoint, on: PostgresStore.loopGroup.next(), logger: logger)
            link.tally = tally
            try link.run("SET search_path TO \(endpoint.schema)")
            return link
        } catch {
            throw PostgresStore.connectFailure(error, endpoint)
        }
    }

    private func giveBack(_ link: PGLink) {
        if link.isClosed { return }
        idle.withLockedValue { $0.append(link) }
    }

    /// The plugins' migrations already run on the server, applied to the private
    /// SQLite copy their statements are judged on (see `PluginSQLShadow`).
    private static func replayPluginMigrations(_ link: PGLink, into shadow: PluginSQLShadow) throws {
        for row in try link.run("SELECT plugin, identifier, sql FROM plugin_migration ORDER BY applied_at, identifier").rows {
            try shadow.migrate(plugin: try row[0], identifier: try row[1], sql: try row[2])
        }
    }

    public func integrityProblems() throws -> [Message] {
        // The server keeps its own files whole (write-ahead log, checksums if enabled); what lane
        // can check is that its tables are there and readable, and that its kept counts are its rows'.
        let link = try takeLink()
        defer { giveBack(link) }
        do {
            return try KeptCounts.problems { sql in
                try link.run(sql).rows.map { KeptCountRow(key: try $0[0], a: try $0[1], b: try $0[2]) }
            }
        } catch { throw PostgresStore.failure(error, endpoint, committing: false) }
    }

    /// Runs raw SQL on the server, outside any command; for tests and `store copy`.
    public func unsafeExecute(_ sql: String) throws {
        let link = try takeLink()
        defer { giveBack(link) }
        do { try link.run(sql) } catch { throw PostgresStore.failure(error, endpoint, committing: false) }
    }

    /// Removes the store's schema and everything in it, and its key file (tests' throw-away stores).
    public func dropEverything() throws {
        try unsafeExecute("DROP SCHEMA IF EXISTS \(endpoint.schema) CASCADE")
        try unsafeExecute("DELETE FROM lane_group.store WHERE schema_name = '\(endpoint.schema)'")
        if let keyFile { try? FileManager.default.removeItem(atPath: keyFile + ".key") }
    }

    /// Every row of every table as text, in a stable order: tests compare
    /// snapshots to prove a refused command changed nothing at all.
    public func snapshot() throws -> String {
        try read { tx in
            guard let tx = tx as? PostgresTransaction else { return "" }
            var lines: [String] = []
            for table in try tx.tableNames() {
                lines.append("[\(table)]")
                // Sorted whole: `ORDER BY 1` leaves rows that share a first column (a search key shared by
                // several customers) in any order, and two snapshots of the same rows then differed.
                lines += try tx.link.run("SELECT * FROM \(table)").rows.map { row in row.values.map { "\($0)" }.joined(separator: " ") }.sorted()
            }
            return lines.joined(separator: "\n")
        }
    }

    // MARK: Failures, in words a person can act on

    static func connectFailure(_ error: any Error, _ e: PostgresEndpoint) -> StoreFailure {
        if let tls = tlsFailure(error, e) { return tls }
        if let psql = error as? PSQLError, psql.code == .server || psql.code == .authMechanismRequiresPassword || psql.code == .saslError
            || psql.code == .unsupportedAuthMechanism {
            return StoreFailure(Message("server.refused_login", ["url": .text(e.display), "user": .text(e.user),
                                                                  "reason": .text(reason(error))]))
        }
        return StoreFailure(Message("server.unreachable", ["url": .text(e.display), "reason": .text(reason(error))]))
    }

    /// The connection's TLS failed: the CA file, a server without TLS, or a certificate not trusted or for another host.
    static func tlsFailure(_ error: any Error, _ e: PostgresEndpoint) -> StoreFailure? {
        if let failure = error as? PGTLSFailure {
            switch failure.why {
            case .rootCertUnreadable:
                return StoreFailure(Message("server.tls_root_cert", ["url": .text(e.display), "path": .text(e.sslRootCert ?? "")]))
            case .clientCertUnreadable:
                return StoreFailure(Message("server.tls_client_cert", ["url": .text(e.display), "path": .text(e.sslCert ?? "")]))
            case .clientKeyUnreadable:
                return StoreFailure(Message("server.tls_client_key", ["url": .text(e.display), "path": .text(e.sslKey ?? ""),
                                                                       "cert": .text(e.sslCert ?? "")]))
            }
        }
        var underlying: (any Error)? = error
        if let psql = error as? PSQLError {
            if psql.code == .sslUnsupported {
                return StoreFailure(Message("server.tls_unsupported", ["url": .text(e.display), "mode": .text(e.sslMode.rawValue)]))
            }
            underlying = psql.underlying
        }
        guard let underlying, underlying is NIOSSLError || underlying is NIOSSLExtraError || underlying is BoringSSLError else { return nil }
        // The server sent an alert about lane's certificate (not signed by its CA, or none given where
        // one is required): lane's certificate was refused, not the server's doubted.
        if Self.isClientCertificateAlert(underlying) {
            return StoreFailure(Message("server.tls_client_refused", ["url": .text(e.display), "user": .text(e.user),
                                                                       "cert": .text(e.sslCert ?? "-")]))
        }
        // NIOSSL's errors name BoringSSL's internals; a person needs which check failed.
        let reason = underlying is NIOSSLExtraError ? Message("server.reason.tls_host", ["host": .text(e.host)])
            : Message("server.reason.tls_untrusted")
        return StoreFailure(Message("server.tls_refused", ["url": .text(e.display), "mode": .text(e.sslMode.rawValue), "reason": .message(reason)]))
    }

    /// BoringSSL names the alerts a server sends when it does not accept the client's certificate; these
    /// names are the only place the difference shows (NIOSSL gives them as text).
    static func isClientCertificateAlert(_ error: any Error) -> Bool {
        let text = String(describing: error).uppercased()
        return ["ALERT_UNKNOWN_CA", "ALERT_BAD_CERTIFICATE", "ALERT_CERTIFICATE_REQUIRED", "ALERT_UNSUPPORTED_CERTIFICATE",
                "ALERT_CERTIFICATE_UNKNOWN", "ALERT_ACCESS_DENIED", "ALERT_CERTIFICATE_EXPIRED"].contains { text.contains($0) }
    }

    /// True when `error` means the connection is gone (rather than a statement the server refused).
    static func isLost(_ error: any Error) -> Bool {
        if error is PGConnectionLost || error is ChannelError || error is IOError { return true }
        guard let psql = error as? PSQLError else { return false }
        // 57P…: the server is shutting down or ended this session; 08…: the connection failed.
        let state = psql.serverInfo?[.sqlState] ?? ""
        return psql.code != .server || state.hasPrefix("57P") || state.hasPrefix("08")
    }

    static func failure(_ error: any Error, _ e: PostgresEndpoint, committing: Bool) -> StoreFailure {
        // A lost connection loses the command; anything else the server said is a statement it could not do.
        if let psql = error as? PSQLError, psql.serverInfo?[.sqlState] == "55P03" {
            // lock_timeout (PGLink): the writer lock stayed with another desk's command.
            return StoreFailure(Message("server.busy", ["url": .text(e.display), "seconds": .int(Int(PGLink.lockTimeoutSeconds))]))
        }
        if error is PSQLError, !isLost(error) {
            return StoreFailure(Message("server.failed", ["url": .text(e.display), "reason": .text(reason(error))]))
        }
        if committing { return StoreFailure(Message("server.commit_unknown", ["url": .text(e.display)])) }
        return StoreFailure(Message("server.lost", ["url": .text(e.display), "reason": .text(reason(error))]))
    }

    /// The server's own sentence when it gave one, else the kind of failure.
    static func reason(_ error: any Error) -> String {
        var text = String(describing: error)
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if psql.code == .serverClosedConnection || psql.code == .uncleanShutdown { return Message("server.reason.closed").description }
            text = psql.underlying.map { String(describing: $0) } ?? String(describing: psql.code)
        }
        // NIO's errors name sockets and errno values; a person needs the gist.
        let lower = text.lowercased()
        if lower.contains("connection refused") { return Message("server.reason.refused").description }
        if lower.contains("unknown(host") || lower.contains("name or service not known") || lower.contains("nodename") {
            return Message("server.reason.unknown_host").description
        }
        if lower.contains("timed out") || lower.contains("timeout") { return Message("server.reason.no_answer").description }
        if lower.contains("connection reset") || lower.contains("broken pipe") || lower.contains("eof") { return Message("server.reason.cut").description }
        return String(text.prefix(200))
    }
}
