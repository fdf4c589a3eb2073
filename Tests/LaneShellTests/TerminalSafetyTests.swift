import Foundation
import LaneCore
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// Text already stored with control characters (by an older version, an
/// import tool, sqlite3) is shown escaped, never sent raw to a terminal.
@Suite struct TerminalSafetyTests {
    static let hostile = "王\u{1B}]52;c;ZWNobyBoaQ==\u{07}小明\u{1B}[2J\u{202E}"

    func shellWithAHostileName() throws -> TestShell {
        let shell = try TestShell(seeded: true)
        try shell.store.unsafeExecute("UPDATE customer SET name = '\(Self.hostile)' WHERE number = 2")
        return shell
    }

    @Test(arguments: ["table", "csv"])
    func storedControlCharactersAreShownEscaped(_ format: String) throws {
        let shell = try shellWithAHostileName()
        try shell.expectOK("set format \(format)")
        for line in ["customer show C0002", "customer list", "ro open 粤B27DP2"] {
            let out = try shell.expectOK(line)
            #expect(!out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(line) printed a raw control character")
            #expect(out.contains("\\u{1B}"), "\(line) should show the escape")
        }
    }

    @Test func escapingKeepsOrdinaryTextAndLineBreaks() {
        #expect(TerminalSafe.escape("欧阳晓峰 粤B27DP2 ¥1,280.50") == "欧阳晓峰 粤B27DP2 ¥1,280.50")
        #expect(TerminalSafe.escape("a\nb\tc", keepingLineBreaks: true) == "a\nb\tc")
        #expect(TerminalSafe.escape("a\nb") == "a\\u{A}b")
        #expect(TerminalSafe.escape("\u{9B}31m") == "\\u{9B}31m")
    }
}

/// Input: control characters and repeated options never reach the records.
@Suite struct InputSafetyTests {
    @Test(arguments: ["\u{1B}[2J", "\u{00}", "\u{07}", "\u{202E}", "\u{9B}", "\u{200B}", "\u{FEFF}"])
    func controlCharactersAreRefusedAtInput(_ bad: String) throws {
        let shell = try TestShell(seeded: true)
        let err = try shell.expectRefused("customer add --name '王\(bad)明' --phone 13900001111", code: .usage)
        #expect(err.contains("control character"))
        #expect(!err.unicodeScalars.contains { TerminalSafe.isUnsafe($0) && $0 != "\n" }, "the error itself must not carry it raw")
    }

    @Test func aRepeatedOptionIsRefusedNotSilentlyTheLast() throws {
        let shell = try TestShell(seeded: true)
        try shell.expectOK("ro open 粤B27DP2")
        let codes = try shell.expectRefusalCodes("ro complaint --text 异响 --text 抖动", code: .usage)
        #expect(codes.first == "usage.repeated_option")
    }
}

@Suite struct EncodingTests {
    @Test func aLineThatWasNotUTF8IsRefusedWithItsPosition() throws {
        // A script saved in GBK reaches the shell with U+FFFD where its bytes were not UTF-8.
        let shell = try TestShell(seeded: true)
        let codes = try shell.expectRefusalCodes("customer add --name 王\u{FFFD}明 --phone 13900001111", code: .usage)
        #expect(codes.first == "usage.not_utf8_byte")
        // "customer add --name " is 20 bytes and 王 three more: the bad byte is the 24th (the 22nd character).
        #expect(try shell.expectRefused("customer add --name 王\u{FFFD}明 --phone 13900001111", code: .usage).contains("at byte 24"))
    }

    @Test func thePlainReaderTurnsInvalidBytesIntoReplacementCharacters() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID().uuidString).lane")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0x63, 0x75, 0x73, 0xCD, 0xF5, 0x0A]).write(to: url) // "cus" then 王 in GBK
        let file = try #require(fopen(url.path, "r"))
        defer { fclose(file) }
        let line = PlainLineReader(file: file).readLine(prompt: "")
        #expect(line?.contains("\u{FFFD}") == true)
    }
}
