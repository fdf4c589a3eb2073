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
