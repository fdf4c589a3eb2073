import Foundation

/// Folders a test writes files into (printed documents, plugin scripts, a store on disk, files to
/// import), all under one folder per test process that is removed when the process ends: each run
/// used to leave about eighty of them in /tmp (the printed pages 2.4 MB a folder).
public enum ScratchFolders {
    private static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lane-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        // Others may not write to it, as the run-time plugin tests' trusted folders require.
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        atexit { ScratchFolders.removeAll() }
        return root
    }()

    /// A new, empty folder named `prefix-…` (mode 0755).
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return url
    }

    static func removeAll() { try? FileManager.default.removeItem(at: root) }
}
