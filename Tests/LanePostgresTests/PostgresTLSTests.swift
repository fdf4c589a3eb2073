import Foundation
import Testing
import LaneCore
import LaneStore
import LaneTesting
@testable import LanePostgres

/// TLS to the server: a throw-away cluster started with ssl=on and a certificate
/// made by openssl for the name lane-db.test (`scripts/pg-server start DIR --tls`).
/// Encrypted when asked, verified against the CA file, and every refusal a
/// sentence naming what to check (a `StoreFailure`: exit 3), before anything is sent.
@Suite(.enabled(if: PostgresTLSServer.available, "needs a PostgreSQL server (LANE_TEST_POSTGRES), initdb and openssl"),
       .serialized)
struct PostgresTLSTests {
    static func failureCode(_ url: String) -> String? {
        do {
            _ = try PostgresStore(url: url, keyFile: nil)
            return nil
        } catch {
            return error.said.code.rawValue
        }
    }

    @Test func aServerWithTLSIsReachedEncryptedAndCheckedAgainstItsCertificate() throws {
        let server = try PostgresTLSServer.shared()
        let schema = "tls_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased())"
        // require: encrypted (the server says so for this session).
        let store = try PostgresStore(url: server.url + "?schema=\(schema)&sslmode=require", keyFile: nil)
        defer { try? store.dropEverything() }
        try store.read { tx in
            let link = try #require(tx as? PostgresTransaction).link
            let ssl: Bool = try link.run("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").rows.first?[0] ?? false
            #expect(ssl, "the session is encrypted")
        }
        // verify-ca with the server's certificate as the CA: trusted.
        _ = try PostgresStore(url: server.url + "?schema=\(schema)&sslmode=verify-ca&sslrootcert=\(server.certificate)", create: false, keyFile: nil)
        // The default (prefer) takes TLS when offered.
        let preferred = try PostgresStore(url: server.url + "?schema=\(schema)", create: false, keyFile: nil)
        try preferred.read { tx in
            let link = try #require(tx as? PostgresTransaction).link
            let ssl: Bool = try link.run("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").rows.first?[0] ?? false
            #expect(ssl)
        }
    }

    @Test func anUntrustedCertificateOrAServerWithoutTLSStopsWithASentence() throws {
        let server = try PostgresTLSServer.shared()
        // The certificate is for lane-db.test, the address says 127.0.0.1: verify-full refuses.
        #expect(Self.failureCode(server.url + "?sslmode=verify-full&sslrootcert=\(server.certificate)") == "server.tls_refused")
        // Not signed by the system's roots: verify-ca without a CA file refuses.
        #expect(Self.failureCode(server.url + "?sslmode=verify-ca") == "server.tls_refused")
        // Another CA: refused.
        #expect(Self.failureCode(server.url + "?sslmode=verify-ca&sslrootcert=\(server.otherCertificate)") == "server.tls_refused")
        // A CA file that is not there.
        #expect(Self.failureCode(server.url + "?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem") == "server.tls_root_cert")
        // An sslmode lane does not know.
        #expect(Self.failureCode(server.url + "?sslmode=always") == "server.bad_sslmode")
        // The ordinary test server has no TLS: require refuses, prefer connects plainly.
        let plain = try #require(PostgresTestServer.url)
        let separator = plain.contains("?") ? "&" : "?"
        #expect(Self.failureCode(plain + separator + "sslmode=require") == "server.tls_unsupported")
        do {
            _ = try PostgresStore(url: server.url + "?sslmode=verify-full&sslrootcert=\(server.certificate)", keyFile: nil)
        } catch {
            let words = Message(error.said.code, error.said.arguments).description
            #expect(words.contains("sslrootcert") && words.contains("127.0.0.1"), "\(words)")
        }
    }
}

/// Client certificates (`sslcert`/`sslkey`, or PGSSLCERT/PGSSLKEY): the TLS server of scripts/pg-server lets
/// the user lane_cert in by a certificate signed by its client CA only (pg_hba `hostssl … cert`), and asks
/// every client for one (ssl_ca_file). A certificate it does not accept, or a file lane cannot read, stops
/// lane with a sentence (a `StoreFailure`: exit 3).
@Suite(.enabled(if: PostgresTLSServer.available && PostgresTLSServer.hasClientCertificate,
                "needs the TLS server of scripts/pg-server with its client certificate (DIR/client.crt, DIR/client.key)"),
       .serialized)
struct PostgresClientCertificateTests {
    static func url(_ server: PostgresTLSServer, user: String, _ query: String) -> String {
        server.url.replacingOccurrences(of: "://lane@", with: "://\(user)@") + "?" + query
    }

    @Test func theUserMadeOutOnTheCertificateIsLetInByIt() throws {
        let server = try PostgresTLSServer.shared()
        let schema = "cert_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased())"
        let store = try PostgresStore(url: Self.url(server, user: "lane_cert", "schema=\(schema)&sslmode=verify-ca&sslrootcert=\(server.certificate)"
                                                    + "&sslcert=\(server.clientCertificate)&sslkey=\(server.clientKey)"), keyFile: nil)
        defer { try? store.dropEverything() }
        try store.read { tx in
            let link = try #require(tx as? PostgresTransaction).link
            let who: String = try link.run("SELECT current_user").rows.first?[0] ?? ""
            #expect(who == "lane_cert")
            let ssl: Bool = try link.run("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").rows.first?[0] ?? false
            #expect(ssl)
        }
        // The same from PGSSLCERT and PGSSLKEY.
        let fromEnvironment = try PostgresStore(url: Self.url(server, user: "lane_cert", "schema=\(schema)&sslmode=require"), create: false,
                                                keyFile: nil, environment: ["PGSSLCERT": server.clientCertificate, "PGSSLKEY": server.clientKey])
        try fromEnvironment.read { tx in
            let link = try #require(tx as? PostgresTransaction).link
            let who: String = try link.run("SELECT current_user").rows.first?[0] ?? ""
            #expect(who == "lane_cert")
        }
    }

    func failure(_ url: String, environment: [String: String] = [:]) -> Message? {
        do {
            _ = try PostgresStore(url: url, create: false, keyFile: nil, environment: environment)
            return nil
        } catch {
            return error.said
        }
    }

    @Test func aMissingOrUnreadableFileOrACertificateTheServerRefusesStopsWithASentence() throws {
        let server = try PostgresTLSServer.shared()
        let cert = "&sslcert=\(server.clientCertificate)", key = "&sslkey=\(server.clientKey)"
        // No certificate: the user who signs in by certificate only is refused.
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require"))?.code.rawValue == "server.refused_login")
        // A certificate file that is not there, or no key with it.
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require&sslcert=/nonexistent/client.crt" + key))?.code.rawValue
            == "server.tls_client_cert")
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require" + cert))?.code.rawValue == "server.tls_client_key")
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require" + cert + "&sslkey=/nonexistent/client.key"))?.code.rawValue
            == "server.tls_client_key")
        // A key that is not the certificate's (another one's), and a file that is not a key.
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require" + cert + "&sslkey=\(server.otherKey)"))?.code.rawValue
            == "server.tls_client_key")
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require" + cert + "&sslkey=\(server.certificate)"))?.code.rawValue
            == "server.tls_client_key")
        // Unreadable from PGSSLKEY too.
        #expect(failure(Self.url(server, user: "lane_cert", "sslmode=require"),
                        environment: ["PGSSLCERT": server.clientCertificate, "PGSSLKEY": "/nonexistent/key"])?.code.rawValue == "server.tls_client_key")
        // A certificate not signed by the server's client CA: refused by the server, and said so.
        let refused = try #require(failure(Self.url(server, user: "lane", "sslmode=require&sslcert=\(server.otherCertificate)&sslkey=\(server.otherKey)")))
        #expect(refused.code.rawValue == "server.tls_client_refused", "\(refused.description)")
        #expect(refused.description.contains(server.otherCertificate), "\(refused.description)")
        // A good certificate, for a user the server does not have: refused at the login.
        #expect(failure(Self.url(server, user: "lane_nobody", "sslmode=require" + cert + key))?.code.rawValue == "server.refused_login")
    }
}

/// The throw-away TLS server scripts/test starts (`scripts/pg-server start DIR --tls`: ssl=on, a
/// certificate made by openssl for the name lane-db.test): LANE_TEST_POSTGRES_TLS and its certificate
/// LANE_TEST_POSTGRES_TLS_CA. A second, unrelated certificate is made here with openssl.
final class PostgresTLSServer: @unchecked Sendable {
    static var openssl: String? {
        ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static let environment = ProcessInfo.processInfo.environment
    static var available: Bool {
        PostgresTestServer.available && openssl != nil && environment["LANE_TEST_POSTGRES_TLS"].map { !$0.isEmpty } == true
            && environment["LANE_TEST_POSTGRES_TLS_CA"].map { !$0.isEmpty } == true
    }

    let url: String
    let certificate: String
    let otherCertificate: String
    let otherKey: String
    /// The client certificate and key pg-server makes beside the server's certificate, for the user lane_cert.
    var clientCertificate: String { ((certificate as NSString).deletingLastPathComponent as NSString).appendingPathComponent("client.crt") }
    var clientKey: String { ((certificate as NSString).deletingLastPathComponent as NSString).appendingPathComponent("client.key") }
    static var hasClientCertificate: Bool {
        guard let ca = environment["LANE_TEST_POSTGRES_TLS_CA"] else { return false }
        let folder = (ca as NSString).deletingLastPathComponent as NSString
        return FileManager.default.isReadableFile(atPath: folder.appendingPathComponent("client.crt"))
            && FileManager.default.isReadableFile(atPath: folder.appendingPathComponent("client.key"))
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: PostgresTLSServer?

    static func shared() throws -> PostgresTLSServer {
        try lock.withLock {
            if let made { return made }
            let server = try PostgresTLSServer()
            made = server
            return server
        }
    }

    private init() throws {
        url = try #require(Self.environment["LANE_TEST_POSTGRES_TLS"])
        certificate = try #require(Self.environment["LANE_TEST_POSTGRES_TLS_CA"])
        let base = try ScratchFolders.make("lane-other-ca").appendingPathComponent("ca").path
        otherCertificate = base + ".crt"
        otherKey = base + ".key"
        // openssl writes the two files; what it says goes to /dev/null.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.openssl))
        process.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=other-ca",
                             "-keyout", base + ".key", "-out", otherCertificate]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StoreFailure("openssl could not make a certificate") }
    }
}
