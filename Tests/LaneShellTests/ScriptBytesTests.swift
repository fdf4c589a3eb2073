import Foundation
import LaneCore
import LaneTesting
import Testing
@testable import LaneShell

/// Scripts and pipes are read as bytes: a line that is not UTF-8 is refused
/// with its own line and the byte where it stops being UTF-8, wherever it
/// comes from (a pipe, `lane -f`, `source`, a CSV to import).
@Suite struct ScriptBytesTests {
    func file(_ bytes: Data, _ name: String = "gbk.lane") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lane-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    /// Line 2: "customer add --name 欧" (20 bytes + 3), then 阳 in GBK (D1 F4): the 24th byte is the first bad one.
    static let gbkScript = Data("customer add --name 王小明 --phone 13800138000\n".utf8)
        + Data("customer add --name 欧".utf8) + Data([0xD1, 0xF4]) + Data(" --phone 13900001111\n".utf8)

    func piped(_ bytes: Data, into shell: TestShell) throws -> TestShell.Outcome {
        let url = try file(bytes)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let handle = try #require(fopen(url.path, "r"))
        defer { fclose(handle) }
        let reader = PlainLineReader(file: handle)
        return shell.runScript(lines: { reader.readScriptLine() })
    }

    @Test func aSourcedFileInGBKSaysTheFileTheLineAndTheByte() throws {
        let url = try file(Self.gbkScript)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let shell = try TestShell(user: "姚雪", seeded: true)
        let outcome = shell.run("source \(url.path)")
        #expect(outcome.code != .ok)
        #expect(outcome.err.contains("gbk.lane:2"), "\(outcome.err)")
        #expect(outcome.err.contains("at byte 24"), "\(outcome.err)")
        // The line before it ran, as in a script given with -f.
        #expect(try shell.expectOK("customer find 王小明").contains("13800138000"))
    }

    @Test func theBadByteIsFoundAfterAReplacementCharacterThatWasThere() throws {
        // 王 then U+FFFD written validly (EF BF BD), 明, then a byte no UTF-8 text holds:
        // 20 + 3 + 3 + 3 bytes before it, so it is the 30th.
        let bytes = Data("customer add --name 王\u{FFFD}明".utf8) + Data([0xFF]) + Data(" --phone 13900001111\n".utf8)
        let shell = try TestShell(user: "姚雪", seeded: true)
        let before = try shell.store.snapshot()
        let outcome = try piped(bytes, into: shell)
        #expect(outcome.code == .usage)
        #expect(outcome.err.contains("line 1"))
        #expect(outcome.err.contains("not valid UTF-8 at byte 30"), "\(outcome.err)")
        #expect(try shell.store.snapshot() == before)
    }

    @Test func aReplacementCharacterInValidTextIsRefusedForWhatItIs() throws {
        let bytes = Data("customer add --name 王\u{FFFD}明 --phone 13900001111\n".utf8)
        let shell = try TestShell(user: "姚雪", seeded: true)
        let before = try shell.store.snapshot()
        let outcome = try piped(bytes, into: shell)
        #expect(outcome.code == .usage)
        #expect(outcome.err.contains("replacement character (U+FFFD) at byte 24"), "\(outcome.err)")
        #expect(try shell.store.snapshot() == before)
    }

    @Test func aBadContinuationLineIsNamedByItsOwnNumber() throws {
        let bytes = Data("customer list\ncustomer add --name 王小明 \\\n  --phone 139".utf8) + Data([0xC0, 0xAF]) + Data("0001111\n".utf8)
        let shell = try TestShell(user: "姚雪", seeded: true)
        let before = try shell.store.snapshot()
        let outcome = try piped(bytes, into: shell)
        #expect(outcome.code == .usage)
        // "  --phone 139" is 13 bytes; C0 AF (an overlong "/") is never UTF-8.
        #expect(outcome.err.contains("line 3"), "\(outcome.err)")
        #expect(outcome.err.contains("at byte 14"), "\(outcome.err)")
        #expect(try shell.store.snapshot() == before)
    }

    @Test func aCSVFileThatIsNotUTF8SaysTheLineAndTheByte() throws {
        let bytes = Data("name,phone\n王小明,13800138000\n".utf8) + Data([0xCD, 0xF5]) + Data("明,13900001111\n".utf8)
        let url = try file(bytes, "customers.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let shell = try TestShell(user: "姚雪", seeded: true)
        let codes = try shell.expectRefusalCodes("import customers \(url.path)")
        #expect(codes == ["file.cannot_read", "file.not_utf8_at"])
        #expect(try shell.expectRefused("import customers \(url.path)").contains("line 3, byte 1"))
    }

    @Test func aByteOrderMarkIsNoPartOfTheFirstLine() throws {
        let url = try file(Data([0xEF, 0xBB, 0xBF]) + Data("customer add --name 王小明 --phone 13800138000\n".utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let shell = try TestShell(user: "姚雪", seeded: true)
        try shell.expectOK("source \(url.path)")
    }

    @Test func theDecoderFindsTheFirstBadByte() {
        #expect(ScriptLine.firstBadByte(Array("王小明".utf8)) == nil)
        #expect(ScriptLine.firstBadByte([0x61, 0xE4, 0xB8]) == 2)   // a character cut short at the end
        #expect(ScriptLine.firstBadByte([0x61, 0xE4, 0x61]) == 2)   // …or in the middle
        #expect(ScriptLine.firstBadByte([0xED, 0xA0, 0x80]) == 1)   // a surrogate, never UTF-8
        #expect(ScriptLine(bytes: Array("a\r\n".utf8)) == ScriptLine(bytes: Array("a".utf8)))
    }
}
