import Foundation
import Testing

/// `lane` killed while it works: the next start checks the file first, and
/// refuses it with exit 3 when it is damaged.
@Suite struct UncleanShutdownTests {
    /// Seeds a store, then starts `lane` on it writing a long script and kills it (SIGKILL) mid-way.
    func killedMidWrite() throws -> Scratch {
        let scratch = try Scratch()
        let seeded = try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let process = Process()
        process.executableURL = LaneProcess.executable
        process.environment = LaneProcess.environment(database: scratch.database)
        process.currentDirectoryURL = scratch.directory
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let given = Array("明华强伟芳娜敏静丽军洋勇艳杰娟涛超秀霞平")
        let script = (0..<400).map { "customer add --name 测\(given[$0 % 20])\(given[$0 / 20]) --phone 139\(String(format: "%08d", 20_000 + $0))\n" }.joined()
        stdin.fileHandleForWriting.write(Data(script.utf8))
        // Wait until it has written some, then kill it while it works through the rest.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("added customer C0060") {
            let more = stdout.fileHandleForReading.availableData
            if more.isEmpty { break }
            seen += more
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        return scratch
    }

    func markers(_ scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).filter { $0.contains(".open-") }
    }

    @Test func aKilledRunIsCheckedAtTheNextStartAndTheStoreIsUsed() throws {
        let scratch = try killedMidWrite()
        defer { scratch.remove() }
        #expect(try markers(scratch).count == 1)
        let next = try scratch.lane(["-c", "customer find C0060"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try markers(scratch).isEmpty)
    }

    /// A check with no time to run (`LANE_OPEN_CHECK_SECONDS=0`, as a large store's check runs out of
    /// its budget): the store opens, says the full check is owed at every start, until `store check`.
    @Test func aCheckCutShortOpensTheStoreAndIsOwedUntilStoreCheck() throws {
        let scratch = try killedMidWrite()
        defer { scratch.remove() }
        let next = try scratch.lane(["-c", "customer find C0060"], environment: ["LANE_OPEN_CHECK_SECONDS": "0"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("C0060"))
        #expect(next.stderr.contains("its check was stopped after 0 s"))
        #expect(next.stderr.contains("A full check is still owed: run `store check`"))
        let later = try scratch.lane(["-c", "customer find C0060"])
        #expect(later.status == 0)
        #expect(later.stderr.contains("is still owed"))
        let checked = try scratch.lane(["--user", "admin", "-c", "store check"])
        #expect(checked.status == 0, "\(checked.stderr)")
        let after = try scratch.lane(["-c", "customer find C0060"])
        #expect(after.status == 0)
        #expect(!after.stderr.contains("owed"), "\(after.stderr)")
        #expect(try markers(scratch).isEmpty)
    }

    @Test func aDamagedFileAfterAKilledRunIsRefusedWithExit3() throws {
        let scratch = try killedMidWrite()
        defer { scratch.remove() }
        // Fold the log in (as the next opening would), then damage a page as a failing disk would.
        let folded = try scratch.lane(["-c", "customer find C0060"])
        #expect(folded.status == 0)
        #expect(FileManager.default.createFile(atPath: scratch.database.path + ".open-999999-deadbeef", contents: nil))
        let handle = try FileHandle(forUpdating: scratch.database)
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
        try handle.close()
        let next = try scratch.lane(["-c", "customer list"])
        #expect(next.status == 3)
        #expect(next.stderr.contains("was not closed cleanly and is damaged"))
        #expect(next.stderr.contains("Restore it from the last backup"))
    }
}

/// A script file (`lane -f`) saved in GBK: the lines before the bad one run,
/// and the bad one is refused with its line and byte.
@Suite struct ScriptFileEncodingTests {
    @Test func aScriptFileThatIsNotUTF8SaysTheLineAndTheByte() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let url = scratch.directory.appendingPathComponent("gbk.lane")
        var bytes = Data("customer add --name 王小明 --phone 13800138000\n".utf8)
        bytes += Data("customer add --name 欧".utf8) + Data([0xD1, 0xF4]) + Data(" --phone 13900001111\n".utf8)
        try bytes.write(to: url)
        let result = try scratch.lane(["--user", "admin", "-f", url.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("line 2"))
        #expect(result.stderr.contains("at byte 24"))
        #expect(result.stdout.contains("added customer C0001 王小明"))
    }
}
