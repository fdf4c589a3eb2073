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
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lane-other-ca-\(UUID().uuidString)").path
        otherCertificate = base + ".crt"
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
