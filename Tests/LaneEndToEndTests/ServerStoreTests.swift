import Foundation
import Testing

/// `--db`/`LANE_DB` naming a database server: a server that is not there, or an
/// address that is not one, stops lane with exit 3 and a sentence a person can
/// act on, and never makes a file of that name.
@Suite struct ServerStoreTests {
    func files(in scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).filter { !$0.hasPrefix("history") }.sorted()
    }

    @Test func aServerThatIsNotThereStopsLaneWithExit3AndWhatToCheck() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Port 1 on this machine: nothing listens there, so the connection is refused at once.
        let result = try scratch.lane(["-c", "customer list"], environment: ["LANE_DB": "postgres://lane@127.0.0.1:1/lane"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot reach the database server at postgres://lane@127.0.0.1:1/lane"), "\(result.stderr)")
        #expect(result.stderr.contains("check that the server is running"))
        #expect(result.stdout.isEmpty)
        #expect(try files(in: scratch).isEmpty, "no file is made for a server address")
    }

    @Test func aClientCertificateFileThatCannotBeReadStopsLaneWithExit3BeforeConnecting() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Port 1: nothing listens; the files are read first, so the sentence is about them.
        let result = try scratch.lane(["-c", "customer list"], environment: [
            "LANE_DB": "postgres://lane@127.0.0.1:1/lane?sslmode=require&sslcert=/nonexistent/client.crt&sslkey=/nonexistent/client.key"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot read the client certificate file '/nonexistent/client.crt' named by sslcert"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let key = try scratch.lane(["-c", "customer list"], environment: [
            "LANE_DB": "postgres://lane@127.0.0.1:1/lane?sslmode=require", "PGSSLCERT": "/etc/hostname", "PGSSLKEY": "/nonexistent/client.key"])
        #expect(key.status == 3)
        #expect(key.stderr.contains("cannot use the private key file '/nonexistent/client.key' named by sslkey"), "\(key.stderr)")
        #expect(try files(in: scratch).isEmpty)
    }

    @Test(arguments: ["postgres:/localhost/lane", "postgresql:localhost", "mysql://localhost/lane", "postgres://localhost/lane?schema=x;drop"])
    func anAddressThatIsNotOneIsRefusedNeverMadeIntoAFile(_ address: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try scratch.lane(["-c", "customer list"], environment: ["LANE_DB": address])
        #expect(result.status == 3)
        #expect(result.stderr.contains("is not a server address; write it like postgres://user@host:5432/lane"), "\(result.stderr)")
        #expect(try files(in: scratch).isEmpty)
    }

    @Test(.enabled(if: Scratch.testServer != nil, "needs a PostgreSQL server: set LANE_TEST_POSTGRES (scripts/pg-server start)"))
    func twoShellsOnOneServerStoreSeeEachOthersWork() throws {
        let scratch = try Scratch(server: Scratch.testServer)
        defer { scratch.remove() }
        let load = try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        try #require(load.status == 0, "\(load.stderr)")
        let open = try scratch.lane(["-c", "ro open 粤B27DP2"])
        #expect(open.status == 0, "\(open.stderr)")
        // A second shell (a new process, its own connection) sees the order and cannot open another.
        let again = try scratch.lane(["-c", "ro open 粤B27DP2"])
        #expect(again.status == 1)
        let list = try scratch.lane(["--format", "csv", "-c", "ro list"])
        #expect(list.stdout.contains("RO-20261123-0001"), "\(list.stdout)")
        let verify = try scratch.lane(["--user", "admin", "-c", "audit verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try files(in: scratch) == ["store.key"], "only the store's key file is on this machine")
    }
}
