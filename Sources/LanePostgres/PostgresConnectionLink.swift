import Foundation
import LaneCore
import LanePlugin
import LaneStore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One value going to or coming from the server. The store keeps integers
/// (BIGINT: ids, times, fen, flags as 0/1) and text (TEXT COLLATE "C", so
/// ranges and order are by code point, as in the SQLite store).
enum PGValue: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)
    /// A list of ids, for `= ANY($n)` (several rows by id in one query).
    case ints([Int64])
}

extension PGValue {
    /// The neutral form the store layer shares between backends (`RepairOrderColumns`, `AppointmentRow`, plugins' values).
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case .integer(let i): self = .int(i)
        case .text(let s): self = .text(s)
        }
    }
}

/// What may be bound to a placeholder.
protocol PGArgument { var pgValue: PGValue { get } }
extension Int64: PGArgument { var pgValue: PGValue { .int(self) } }
extension Int: PGArgument { var pgValue: PGValue { .int(Int64(self)) } }
extension Bool: PGArgument { var pgValue: PGValue { .int(self ? 1 : 0) } }
extension String: PGArgument { var pgValue: PGValue { .text(self) } }
extension Substring: PGArgument { var pgValue: PGValue { .text(String(self)) } }
extension Array: PGArgument where Element == Int64 { var pgValue: PGValue { .ints(self) } }
extension PGValue: PGArgument { var pgValue: PGValue { self } }
extension Optional: PGArgument where Wrapped: PGArgument { var pgValue: PGValue { self?.pgValue ?? .null } }

typealias PGArguments = [(any PGArgument)?]

/// What may be read out of a column.
protocol PGDecodable {
    static func decode(_ value: PGValue) -> Self?
}
extension Int64: PGDecodable {
    static func decode(_ value: PGValue) -> Int64? {
        switch value {
        case .int(let i): return i
        case .text(let s): return Int64(s)
        default: return nil
        }
    }
}
extension Int: PGDecodable { static func decode(_ value: PGValue) -> Int? { Int64.decode(value).map(Int.init) } }
extension Bool: PGDecodable { static func decode(_ value: PGValue) -> Bool? { Int64.decode(value).map { $0 != 0 } } }
extension String: PGDecodable {
    static func decode(_ value: PGValue) -> String? {
        switch value {
        case .text(let s): return s
        case .int(let i): return String(i)
        default: return nil
        }
    }
}
extension Optional: PGDecodable where Wrapped: PGDecodable {
    static func decode(_ value: PGValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.decode(value).map { .some($0) }
    }
}

/// One row of a result, read by position or by column name; a value of the
/// wrong kind is a damaged row (a `StoreFailure`), never a crash.
struct PGRow {
    let columns: [String]
    let values: [PGValue]

    subscript<T: PGDecodable>(_ index: Int) -> T {
        get throws {
            guard index < values.count, let value = T.decode(values[index]) else {
                throw StoreFailure("a stored row is damaged (column \(index < columns.count ? columns[index] : String(index)))")
            }
            return value
        }
    }

    /// A column's value as text, for a message about a damaged row.
    func text(_ index: Int) -> String {
        guard index < values.count else { return "?" }
        switch values[index] {
        case .null: return "NULL"
        case .int(let i): return String(i)
        case .text(let s): return s
        case .ints(let list): return list.map(String.init).joined(separator: ",")
        }
    }

    subscript<T: PGDecodable>(_ name: String) -> T {
        get throws {
            guard let index = columns.firstIndex(of: name) else { throw StoreFailure("a stored row has no column \(name)") }
            return try self[index]
        }
    }
}

/// Why a connection was given up: the server closed it, or it did not answer in time.
/// The store reports either as a lost connection (exit 3, nothing of the command saved).
/// The statements a store's connections sent, by text, with how many times each (as SQLite's
/// `statementExecutions`): a test's count of what one command asks the server.
final class PGStatementTally: Sendable {
    private let counts = NIOLockedValueBox<[String: Int]>([:])
    func note(_ sql: String) { counts.withLockedValue { $0[sql, default: 0] += 1 } }
    var executions: [String: Int] { counts.withLockedValue { $0 } }
}

struct PGConnectionLost: Error, CustomStringConvertible {
    enum Why: Sendable { case closed, noAnswer }
    let why: Why
    var description: String { Message(why == .closed ? "server.reason.closed" : "server.reason.no_answer").description }
}

/// One connection to the server, used by one transaction at a time.
///
/// Why blocking waits: the store protocols are synchronous (`read`/`write`
/// run a closure inside one transaction, and the application layer, the
/// shell and plugins call them from ordinary threads), while postgres-nio is
/// asynchronous. Each statement is sent on the store's own event loop (one
/// NIO thread for the process, never a Swift-concurrency thread) and the
/// calling thread waits for the answer. The event loop never waits for the
/// caller, so this cannot deadlock, and nothing runs on the cooperative pool
/// (a blocked cooperative thread could starve other tasks). `wait()` on the
/// event loop itself would deadlock; NIO traps it, and no store code runs there.
///
/// Every wait ends: the caller waits on a promise of its own that the
/// statement's answer completes, that the connection's closing fails (a
/// statement handed to postgres-nio once its channel is closed is dropped
/// and its future never completes), and that a timer fails after
/// `answerLimit` (a server that stops answering without closing the
/// connection), closing the connection so it is never used again.
final class PGLink: @unchecked Sendable {
    let connection: PostgresConnection
    private let logger: Logger
    /// The failure of the statement being waited for, to run when the connection closes.
    private let pending = NIOLockedValueBox<(@Sendable (PGConnectionLost) -> Void)?>(nil)
    /// Set when the link gave up on the connection (closed, or no answer in time).
    private let givenUp = NIOLockedValueBox<PGConnectionLost?>(nil)
    /// Where the statements sent are counted, when the store counts them (tests: a fixed number per lookup).
    var tally: PGStatementTally?

    /// How long the server may take to answer one statement before the connection is given up.
    /// Longer than the session's `statement_timeout`, so that the server's own cancel (a clear
    /// sentence) normally comes first; this is the last guard against a wait without end.
    static let defaultAnswerLimit: TimeAmount = .seconds(PGLink.statementTimeoutSeconds + 30)
    let answerLimit: TimeAmount
    /// The session settings every connection starts with (see `connect`).
    static let statementTimeoutSeconds: Int64 = 300
    static let lockTimeoutSeconds: Int64 = 60
    static let idleInTransactionSeconds: Int64 = 600

    init(connection: PostgresConnection, logger: Logger, answerLimit: TimeAmount = PGLink.defaultAnswerLimit) {
        self.connection = connection
        self.logger = logger
        self.answerLimit = answerLimit
        connection.closeFuture.whenComplete { [pending, givenUp] _ in
            let lost = PGConnectionLost(why: .closed)
            givenUp.withLockedValue { if $0 == nil { $0 = lost } }
            pending.withLockedValue { $0 }?(lost)
        }
    }

    var isClosed: Bool { connection.isClosed || givenUp.withLockedValue { $0 } != nil }

    static func connect(_ endpoint: PostgresEndpoint, on loop: any EventLoop, logger: Logger,
                        answerLimit: TimeAmount = PGLink.defaultAnswerLimit) throws -> PGLink {
        var configuration = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database,
                                                             tls: try PGTLS.mode(endpoint))
        // No statement and no wait for a lock runs without end: a command's statements take
        // milliseconds and a write waits for the store's writer lock only while another desk's
        // command runs; a session left idle inside a transaction (a stopped process) loses it, and
        // with it the writer lock it held. Sent at startup, so no extra round trip per connection.
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", "\(statementTimeoutSeconds)s"),
            ("lock_timeout", "\(lockTimeoutSeconds)s"),
            ("idle_in_transaction_session_timeout", "\(idleInTransactionSeconds)s"),
            ("application_name", "lane"),
        ]
        let connection = try PostgresConnection.connect(on: loop, configuration: configuration, id: Int.random(in: 1...Int.max),
                                                        logger: logger).wait()
        return PGLink(connection: connection, logger: logger, answerLimit: answerLimit)
    }

    /// Runs one statement with `?` placeholders (or `$n`), returning its rows and the number of rows it changed.
    @discardableResult
    func run(_ sql: String, _ arguments: PGArguments = []) throws -> (rows: [PGRow], changed: Int) {
        if let lost = givenUp.withLockedValue({ $0 }) { throw lost }
        tally?.note(sql)
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument?.pgValue ?? .null {
            case .null: binds.appendNull()
            case .int(let i): binds.append(i)
            case .text(let s): binds.append(s)
            case .ints(let list): binds.append(list)
            }
        }
        let query = PostgresQuery(unsafeSQL: PGLink.numbered(sql), binds: binds)
        // Handed over on the event loop, after a look at the channel there: a statement written to a
        // channel that has closed (its handlers gone) is dropped by NIO and its answer never comes.
        // On the loop, a channel not yet closed still has postgres-nio's handler, which fails the
        // statement itself if the connection is going.
        let connection = connection, logger = logger
        let loop = connection.eventLoop
        let result = try answer(loop.flatSubmit {
            connection.isClosed ? loop.makeFailedFuture(PGConnectionLost(why: .closed)) : connection.query(query, logger: logger)
        })
        var columns: [String] = []
        let rows = result.rows.map { row -> PGRow in
            if columns.isEmpty { columns = row.map(\.columnName) }
            return PGRow(columns: columns, values: row.map(PGLink.value(of:)))
        }
        return (rows, result.metadata.rows ?? 0)
    }

    /// Waits for `future`, but never longer than the connection lives or `answerLimit` lasts.
    func answer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let loop = future.eventLoop
        let promise = loop.makePromise(of: T.self)
        future.cascade(to: promise)
        // A promise completed twice keeps its first result (NIO ignores the second).
        pending.withLockedValue { $0 = { promise.fail($0) } }
        defer { pending.withLockedValue { $0 = nil } }
        // The close callback sets `givenUp` before it looks for `pending`: either it found the failure
        // registered above, or it had run already and `givenUp` says so here.
        if let lost = givenUp.withLockedValue({ $0 }) { promise.fail(lost) }
        let limit = loop.scheduleTask(in: answerLimit) { [givenUp, connection] in
            let lost = PGConnectionLost(why: .noAnswer)
            givenUp.withLockedValue { if $0 == nil { $0 = lost } }
            promise.fail(lost)
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { limit.cancel() }
        return try promise.futureResult.wait()
    }

    func close() {
        _ = try? answer(connection.close())
    }

    private static func value(of cell: PostgresCell) -> PGValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8: return (try? cell.decode(Int64.self)).map(PGValue.int) ?? .null
        case .int4: return (try? cell.decode(Int32.self)).map { .int(Int64($0)) } ?? .null
        case .int2: return (try? cell.decode(Int16.self)).map { .int(Int64($0)) } ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .int($0 ? 1 : 0) } ?? .null
        case .numeric: return (try? cell.decode(String.self)).flatMap { Int64($0) }.map(PGValue.int) ?? .null
        default: return (try? cell.decode(String.self)).map(PGValue.text) ?? .null
        }
    }

    /// `?` placeholders become `$1`, `$2`, … (outside quoted text), so the
    /// store's statements read like the SQLite store's.
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var out = ""
        var n = 0
        var quote: Character?
        let chars = Array(sql)
        for (i, ch) in chars.enumerated() {
            if let q = quote {
                if ch == q { quote = nil }
                out.append(ch)
            } else if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
            } else if ch == "?" {
                // `?NNN` (SQLite's numbered placeholder) is `$NNN`; a bare `?` takes the next number.
                if i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
                    out += "$"
                } else {
                    n += 1
                    out += "$\(n)"
                }
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

/// TLS as libpq's `sslmode` names it, and the CA file of `sslrootcert`.
public enum PostgresSSLMode: String, Sendable, CaseIterable {
    case disable, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
}

/// The TLS of a connection, from the address's `sslmode` and `sslrootcert`, with
/// swift-nio-ssl (through postgres-nio). As libpq: `prefer` and `require` encrypt
/// without checking who answers (`require` checks the chain when a CA file is
/// given); `verify-ca` checks the chain, `verify-full` the host's name too (an
/// IP address against the certificate's IP addresses).
enum PGTLS {
    static func mode(_ e: PostgresEndpoint) throws -> PostgresConnection.Configuration.TLS {
        if e.sslMode == .disable { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let root = e.sslRootCert {
            // A missing or unreadable file is said as such, before NIOSSL's generic error.
            guard FileManager.default.isReadableFile(atPath: root) else { throw PGTLSFailure(why: .rootCertUnreadable) }
            tls.trustRoots = .file(root)
        }
        if e.sslCert != nil || e.sslKey != nil {
            // A client certificate (`sslcert`/`sslkey`): the server's `cert` login, or `clientcert=verify-full`.
            // Both files are read here, so a missing or unreadable one is said before anything is sent.
            guard let cert = e.sslCert, FileManager.default.isReadableFile(atPath: cert) else { throw PGTLSFailure(why: .clientCertUnreadable) }
            guard let key = e.sslKey, FileManager.default.isReadableFile(atPath: key) else { throw PGTLSFailure(why: .clientKeyUnreadable) }
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(cert)
                guard !chain.isEmpty else { throw PGTLSFailure(why: .clientCertUnreadable) }
                tls.certificateChain = chain.map { .certificate($0) }
            } catch { throw PGTLSFailure(why: .clientCertUnreadable) }
            do { tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)) } catch {
                throw PGTLSFailure(why: .clientKeyUnreadable)
            }
        }
        switch e.sslMode {
        case .disable, .prefer: tls.certificateVerification = .none
        case .require: tls.certificateVerification = e.sslRootCert == nil ? .none : .noHostnameVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: tls) } catch {
            // The key does not belong to the certificate, or the CA file is not one.
            throw PGTLSFailure(why: e.sslCert == nil ? .rootCertUnreadable : .clientKeyUnreadable)
        }
        return e.sslMode == .prefer ? .prefer(context) : .require(context)
    }
}

/// Why TLS could not be set up on this side (the server's side comes as NIOSSL's or postgres-nio's errors).
struct PGTLSFailure: Error {
    enum Why: Sendable { case rootCertUnreadable, clientCertUnreadable, clientKeyUnreadable }
    let why: Why
}

/// Where the server is: parsed from `postgres://user[:password]@host[:port]/database[?schema=NAME][&sslmode=…&sslrootcert=FILE&sslcert=FILE&sslkey=FILE]`.
public struct PostgresEndpoint: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The PostgreSQL schema holding the store's tables (`lane` unless the URL names another).
    public var schema: String
    /// TLS (`sslmode`, else PGSSLMODE, else `prefer` as libpq) and the CA file to check the server's certificate against.
    public var sslMode: PostgresSSLMode = .prefer
    public var sslRootCert: String?
    /// The client's certificate and its private key (PEM), for a server that logs lane in by certificate.
    public var sslCert: String?
    public var sslKey: String?

    /// The `sslmode` the address or PGSSLMODE gives when it is not one lane knows (nil: none, or a known one).
    public static func unknownSSLMode(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let given = URLComponents(string: text)?.queryItems?.first { $0.name == "sslmode" }?.value ?? environment["PGSSLMODE"]
        guard let given, !given.isEmpty else { return nil }
        return PostgresSSLMode(rawValue: given == "allow" ? "prefer" : given) == nil ? given : nil
    }

    /// True when `text` names a server rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init?(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard PostgresEndpoint.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return nil
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        let schemaName = components.queryItems?.first { $0.name == "schema" }?.value ?? "lane"
        // A schema name goes into statements as an identifier: letters, digits and _ only.
        guard !schemaName.isEmpty, schemaName.count <= 63,
              schemaName.unicodeScalars.allSatisfy({ ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || $0 == "_" }),
              let first = schemaName.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return nil }
        schema = schemaName.lowercased()
        guard (1...65535).contains(port), !database.isEmpty else { return nil }
        // libpq's `allow` (plain first, TLS if refused) is taken as `prefer`: TLS first.
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? environment["PGSSLMODE"]
        if let mode, !mode.isEmpty {
            guard let known = PostgresSSLMode(rawValue: mode == "allow" ? "prefer" : mode) else { return nil }
            sslMode = known
        }
        let root = components.queryItems?.first { $0.name == "sslrootcert" }?.value ?? environment["PGSSLROOTCERT"]
        sslRootCert = root.flatMap { $0.isEmpty ? nil : $0 }
        let cert = components.queryItems?.first { $0.name == "sslcert" }?.value ?? environment["PGSSLCERT"]
        sslCert = cert.flatMap { $0.isEmpty ? nil : $0 }
        let key = components.queryItems?.first { $0.name == "sslkey" }?.value ?? environment["PGSSLKEY"]
        sslKey = key.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URL without the password: what `whoami` and messages show.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema == "lane" ? "" : "?schema=\(schema)")
    }
}
