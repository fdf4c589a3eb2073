import Foundation
import GRDB
import Testing
@testable import LaneStore
import LaneCore

/// A store that was not closed cleanly (killed, a power cut) is checked
/// before use, and refused when damaged.
@Suite struct UncleanCloseTests {
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-unclean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    func markers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".open-") }
    }

    /// A marker as a process that was killed leaves it: its process is gone.
    func leaveMarkerOfAKilledProcess(beside path: String) throws {
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        #expect(FileManager.default.createFile(atPath: "\(path).open-\(gone.processIdentifier)-deadbeef", contents: nil))
    }

    func storeWithCustomers(_ path: String) throws {
        let store = try SQLiteStore(path: path)
        let given = Array("明华强伟芳娜敏静丽军洋勇艳杰娟涛超秀霞平")
        for n in 0..<300 { try addCustomer(store, "王" + String(given[n % 20]) + String(given[n / 20]), "139\(String(format: "%08d", n))") }
    }

    func scribbleOverAPage(_ path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        // A page of the customers written last (the end of the file): the schema, read at
        // every opening, sits at the start, whatever the migrations add to it.
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size - 2 * 4096)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
        try handle.close()
    }

    @Test func anOpenStoreIsMarkedAndACleanCloseRemovesTheMark() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            do {
                let store = try SQLiteStore(path: path)
                #expect(try markers(dir).count == 1)
                let second = try SQLiteStore(path: path, create: false)
                #expect(try markers(dir).count == 2)
                _ = (store, second)
            }
            #expect(try markers(dir).isEmpty)
        }
    }

    @Test func aDamagedStoreThatWasNotClosedCleanlyIsRefused() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            try scribbleOverAPage(path)
            try leaveMarkerOfAKilledProcess(beside: path)
            do {
                _ = try SQLiteStore(path: path, create: false)
                Issue.record("a damaged store was opened after an unclean close")
            } catch let failure as StoreFailure {
                #expect(failure.message.contains("was not closed cleanly and is damaged"))
                #expect(failure.message.contains("Restore it from the last backup"))
            }
            // The marker stays until the file is sound: every later opening refuses too.
            #expect(throws: StoreFailure.self) { _ = try SQLiteStore(path: path, create: false) }
        }
    }

    @Test func aSoundStoreThatWasNotClosedCleanlyIsCheckedAndOpened() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            try leaveMarkerOfAKilledProcess(beside: path)
            let store = try SQLiteStore(path: path, create: false)
            #expect(try store.read { try $0.customerCount() } == 300)
            // The killed process's marker is gone; this opening's own remains.
            #expect(try markers(dir).count == 1)
            #expect(try markers(dir).allSatisfy { $0.contains(".open-\(getpid())-") })
        }
    }

    /// After a power cut the machine starts again and gives process ids out anew:
    /// the killed `lane`'s id may belong to a running program by then (here, this
    /// test itself; or pid 1, another user's). The marker still says unclean.
    @Test(arguments: [getpid(), 1])
    func aMarkerWhoseProcessIdNowBelongsToAnotherProcessIsUnclean(pid: Int32) throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            try scribbleOverAPage(path)
            let before = Data("00000000-0000-0000-0000-000000000000 4242\n".utf8)
            #expect(FileManager.default.createFile(atPath: "\(path).open-\(pid)-deadbeef", contents: before))
            do {
                _ = try SQLiteStore(path: path, create: false)
                Issue.record("a damaged store was opened after an unclean close whose process id was reused")
            } catch let failure as StoreFailure {
                #expect(failure.message.contains("was not closed cleanly and is damaged"))
            }
            // The refused opening took its own marker away again; the stale one stays.
            #expect(try markers(dir) == ["lane.sqlite.open-\(pid)-deadbeef"])
        }
    }

    @Test func anOpeningMarksTheFileWithWhoOpenedIt() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            let store = try SQLiteStore(path: path)
            let marker = try #require(try markers(dir).first)
            let held = try String(contentsOfFile: dir.appendingPathComponent(marker).path, encoding: .utf8)
            #expect(held.trimmingCharacters(in: .whitespacesAndNewlines) == SQLiteStore.processIdentity(getpid()))
            // A live opener's marker is not taken for a stale one.
            #expect(SQLiteStore.staleMarkers(of: path).isEmpty)
            _ = store
        }
    }

    /// The folder and the name are split off the path by hand: a path relative to the working folder
    /// finds the same stale marker as the absolute one, and nothing of a store whose name only begins alike.
    @Test func aStaleMarkerIsFoundBesideARelativePathAsBesideTheAbsoluteOne() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try leaveMarkerOfAKilledProcess(beside: path)
            try leaveMarkerOfAKilledProcess(beside: dir.appendingPathComponent("lane.sqlite2").path)
            let up = FileManager.default.currentDirectoryPath.split(separator: "/").map { _ in ".." }.joined(separator: "/")
            let relative = up + path
            for given in [path, relative] {
                let found = SQLiteStore.staleMarkers(of: given)
                #expect(found.count == 1, "\(given): \(found)")
                #expect(found.allSatisfy { $0.hasPrefix(given + ".open-") && FileManager.default.fileExists(atPath: $0) }, "\(found)")
            }
        }
    }

    /// Markers, /proc's lines and the key are read whole with `smallText`; bytes that are not UTF-8
    /// read as nothing, as Foundation's reading did (a marker so garbled is then not taken for stale).
    @Test func aSmallFileIsReadWholeAndRefusedWhenItIsNotUTF8() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("text").path
            let long = String(repeating: "车主 0123456789\n", count: 700)  // more than one 4 KiB read
            #expect(FileManager.default.createFile(atPath: path, contents: Data(long.utf8)))
            #expect(SQLiteStore.smallText(path) == long)
            #expect(FileManager.default.createFile(atPath: path, contents: Data([0x31, 0xFF, 0x0A])))
            #expect(SQLiteStore.smallText(path) == nil)
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            #expect(SQLiteStore.smallText(path) == "")
            #expect(SQLiteStore.smallText(dir.appendingPathComponent("none").path) == nil)
            let identity = try #require(SQLiteStore.processIdentity(getpid()))
            #expect(identity.split(separator: " ").count == 2)
        }
    }

    @Test func theCheckRunsOnlyAfterAnUncleanClose() throws {
        // Closed cleanly: opening stays quick; the damage is found by `store check` or when touched.
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            try scribbleOverAPage(path)
            let store = try SQLiteStore(path: path, create: false)
            #expect(try !store.integrityProblems().isEmpty)
        }
    }

    func owed(_ path: String) -> Bool { FileManager.default.fileExists(atPath: SQLiteStore.checkOwedPath(path)) }

    /// A large store's check is bounded: here by a count of tables instead of seconds, so the test
    /// needs no clock. The store opens, says the check was cut short, and the rest is owed.
    @Test func aCheckCutShortOpensTheStoreSaysSoAndOwesTheRest() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            try leaveMarkerOfAKilledProcess(beside: path)
            do {
                let store = try SQLiteStore(path: path, create: false, openCheck: OpenCheckBudget(seconds: 600, tables: 3))
                #expect(try store.read { try $0.customerCount() } == 300)
                let notice = try #require(store.integrityNotice)
                #expect(notice.code == "store.check_cut_short")
                #expect(notice.description.contains("3 of "))
                #expect(notice.description.contains("store check"))
                #expect(owed(path))
                // The killed process's marker is gone: the next opening does not check again.
                #expect(try markers(dir).allSatisfy { $0.contains(".open-\(getpid())-") })
            }
            // Every later opening says the check is owed, without checking, until one completes.
            do {
                let store = try SQLiteStore(path: path, create: false)
                #expect(store.integrityNotice?.code == "store.check_owed")
                #expect(try store.integrityProblems().isEmpty)
                #expect(!owed(path))
            }
            let store = try SQLiteStore(path: path, create: false)
            #expect(store.integrityNotice == nil)
        }
    }

    @Test func aBudgetOfNoSecondsChecksNothingAndOwesTheWholeCheck() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            try leaveMarkerOfAKilledProcess(beside: path)
            let store = try SQLiteStore(path: path, create: false, openCheck: OpenCheckBudget(seconds: 0))
            #expect(store.integrityNotice?.code == "store.check_cut_short")
            #expect(store.integrityNotice?.description.contains("0 of ") == true)
            #expect(owed(path))
        }
    }

    /// The damage of a table inside the budget is found and refused, even when the budget ends before the rest.
    @Test func damageInsideTheBudgetIsStillRefused() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("lane.sqlite").path
            try storeWithCustomers(path)
            // Every table (and the schema), but not the whole-file pass that follows them.
            let tables = try SQLiteStore(path: path, create: false).writer.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'") ?? 0
            } + 1
            try scribbleOverAPage(path)
            try leaveMarkerOfAKilledProcess(beside: path)
            #expect(throws: StoreFailure.self) { _ = try SQLiteStore(path: path, create: false, openCheck: OpenCheckBudget(seconds: 600, tables: tables)) }
            #expect(!owed(path))
        }
    }

    /// A store whose check after an unclean close had no time at all: the whole check is owed.
    func storeOwingACheck(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("lane.sqlite").path
        try storeWithCustomers(path)
        try leaveMarkerOfAKilledProcess(beside: path)
        _ = try SQLiteStore(path: path, create: false, openCheck: OpenCheckBudget(seconds: 0))
        #expect(owed(path))
        return path
    }

    /// A debt is paid by the next check that completes, at an opening as well as by `store check`.
    @Test func aCompleteCheckAtAnOpeningPaysTheDebt() throws {
        try withDirectory { dir in
            let path = try storeOwingACheck(in: dir)
            try leaveMarkerOfAKilledProcess(beside: path)
            let store = try SQLiteStore(path: path, create: false)
            #expect(store.integrityNotice == nil)
            #expect(!owed(path))
        }
    }

    /// A damaged file's `store check` finds the damage and the debt stays.
    @Test func aCheckThatFindsDamageLeavesTheDebt() throws {
        try withDirectory { dir in
            let path = try storeOwingACheck(in: dir)
            try scribbleOverAPage(path)
            let store = try SQLiteStore(path: path, create: false)
            #expect(store.integrityNotice?.code == "store.check_owed")
            #expect(try !store.integrityProblems().isEmpty)
            #expect(owed(path))
        }
    }
}
