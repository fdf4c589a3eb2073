import CLaneTerminal
import CLibEdit
import Foundation

/// Output taller than the screen goes through a pager, as psql does.
enum Pager {
    /// Pages `text` when stdout is a terminal and the text has more lines
    /// than the screen; false when it did not (the caller prints it).
    static func page(_ text: String, command: String) -> Bool {
        guard let rows = Terminal.rows() else { return false }
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard lines >= rows - 1 else { return false }
        // posix_spawn, not Foundation's Process: Process starts its child in
        // a session of its own, without the terminal, and less needs the
        // terminal (/dev/tty) to read its keys.
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        #if os(Linux)
        // The pager gets the terminal and its input pipe, nothing else the shell has open.
        _ = lane_spawn_close_from(&actions, 3)
        #endif
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        signal(SIGPIPE, SIG_IGN)
        fflush(lane_stdout())
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        // Plain write(2): a pager quit before the end (q) makes it fail with
        // EPIPE (SIGPIPE is ignored), which ends the copy.
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Ctrl-C in the pager was for the pager.
        Terminal.takeInterrupt()
        // The shell could not run the pager (127): print the text instead.
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 0
        return exited != 127
    }
}
