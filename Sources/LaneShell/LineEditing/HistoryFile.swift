import Foundation

/// One person's command history on disk: one line per entry, appended under
/// an exclusive lock, so two shells of the same person add to it instead of
/// overwriting each other (libedit's own `H_SAVE` rewrites the whole file).
/// Entries are escaped (`\\`, `\n`) so a command with a line break in a
/// quote stays one entry. The file is the owner's only (0600): it names customers.
public struct HistoryFile: Sendable {
    public let path: String
    /// Kept entries; the file is compacted to these when it has twice as many.
    public let size: Int

    public init(path: String, size: Int = 1000) {
        self.path = path
        self.size = size
    }

    /// The folder holding one file per member of staff (`$LANE_HISTORY`, else
    /// `histories/` beside the default database): a person's history never
    /// shows another's customers, whoever shares the computer account.
    public static func forPerson(_ name: String, in folder: String) -> HistoryFile {
        // Names are Chinese; a file name of their UTF-8 in hex is safe on every file system.
        let key = name.utf8.map { String(format: "%02x", $0) }.joined()
        return HistoryFile(path: folder + "/" + key)
    }

    /// Entries, oldest first (the last `size`).
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(size).map { Self.unescape(String($0)) }
    }

    /// Adds one entry at the end; compacts the file when it has grown to twice `size`.
    public func append(_ entry: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return }
        defer { flock(fd, LOCK_UN) }
        let bytes = Array((Self.escape(entry) + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        compactIfLarge()
    }

    /// Called with the lock held: rewrites the file with its last `size` entries.
    private func compactIfLarge() {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard lines.count > 2 * size else { return }
        let kept = lines.suffix(size).map { Data($0) + Data([UInt8(ascii: "\n")]) }.reduce(Data(), +)
        // Truncate in place (never rename): the other shell holds the same inode open for its lock.
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = kept.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    static func escape(_ line: String) -> String {
        line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                out.append(ch == "n" ? "\n" : ch == "r" ? "\r" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// A line that is only 4 to 8 digits is most likely a PIN typed at the
    /// wrong prompt: it is never kept.
    public static func looksLikePin(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return (4...8).contains(t.count) && t.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
