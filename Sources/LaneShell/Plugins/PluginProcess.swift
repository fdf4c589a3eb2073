import CLaneTerminal
import Foundation
import LaneCore
import ServiceDepartment

/// SIGINT caught while a run-time plugin runs: the handler only counts, the
/// wait loop sees the count change and stops the plugin's process group.
nonisolated(unsafe) private var pluginInterrupts: sig_atomic_t = 0

/// One run of a run-time plugin's executable. Foundation's `Process` cannot
/// start a child in a process group of its own nor stop reading when the
/// child exits while a grandchild still holds its output, so this uses
/// posix_spawn and poll directly.
enum PluginProcess {
    /// What a plugin's environment keeps of the shell's: enough to run a program
    /// and speak the user's language. Nothing else (no `LANE_PIN`, `LANE_PIN_FILE`,
    /// `LANE_NEW_PIN`, `LANE_DB`, tokens of any kind).
    static let passedVariables = ["PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ", "TMPDIR", "USER", "LOGNAME"]

    /// `LANE_LANGUAGE` is the reader's language (`zh-Hans`, `en`) whatever the
    /// locale variables say: `store.language` or `set lang` may have chosen it.
    static func environment(_ inherited: [String: String], protocolVersion: Int, language: String) -> [String: String] {
        var clean = inherited.filter { passedVariables.contains($0.key) }
        if clean["PATH"] == nil { clean["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        clean["LANE_PROTOCOL"] = String(protocolVersion)
        clean["LANE_LANGUAGE"] = language
        return clean
    }

    struct Finished {
        /// Exit status, or nil when a signal ended it.
        var status: Int32?
        var signal: Int32?
        var out: Data
        var err: Data
    }

    enum Stop: Error {
        case cannotStart(String)
        case timedOut
        case interrupted
        case tooMuchOutput
    }

    /// Runs `path` with `input` on its stdin in a new process group, within
    /// `timeout` seconds; stdout beyond `maxOutput` bytes stops it. On a stop
    /// (time, Ctrl-C, too much output) the whole group is killed.
    static func run(path: String, input: Data, environment: [String: String], timeout: Double, maxOutput: Int) throws(Stop) -> Finished {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errChild: [Int32] = [-1, -1]
        // Glibc's module does not export pipe2: close-on-exec is set right after (no other
        // thread of lane starts processes), so the child inherits only what is dup'ed below.
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0, pipe(&errChild) == 0 else {
            throw .cannotStart(String(cString: strerror(errno)))
        }
        for fd in toChild + fromChild + errChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errChild[1], 2)
        // Nothing else crosses: a descriptor another thread has open without close-on-exec (a file
        // being written, say) would otherwise live as long as the plugin, and make that file
        // "busy" when it is then run (ETXTBSY).
        _ = lane_spawn_close_from(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (so it and its children are stopped together), default
        // signal handling and nothing blocked, whatever the shell set for itself.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)

        // Ctrl-C stops the plugin, not the shell: counted here (from before the start, so
        // none is missed), acted on below.
        var previous = sigaction()
        var catcher = sigaction()
        catcher.__sigaction_handler.sa_handler = { _ in pluginInterrupts &+= 1 }
        sigemptyset(&catcher.sa_mask)
        catcher.sa_flags = 0
        sigaction(SIGINT, &catcher, &previous)
        // A parent may have started lane with SIGINT blocked (the mask is inherited through
        // exec); Ctrl-C must still reach this wait, so it is unblocked for its length.
        var interruptOnly = sigset_t(), previousMask = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interruptOnly, &previousMask)
        // A plugin that exits without reading its input must not kill the shell with SIGPIPE.
        let previousPipe = signal(SIGPIPE, SIG_IGN)
        let interruptsBefore = pluginInterrupts
        defer {
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            sigaction(SIGINT, &previous, nil)
            signal(SIGPIPE, previousPipe)
        }

        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        // ETXTBSY: the file was just written (installed, or a test made it) and another thread's
        // child still holds the writing descriptor for a moment after its fork. It passes; retry briefly.
        var tries = 0
        while spawned == ETXTBSY, tries < 50 {
            usleep(20_000)
            tries += 1
            spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        close(toChild[0]); close(fromChild[1]); close(errChild[1])
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0]); close(errChild[0])
            throw .cannotStart(String(cString: strerror(spawned)))
        }
        let inputFD = toChild[1], outFD = fromChild[0], errFD = errChild[0]
        for fd in [inputFD, outFD, errFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }

        var out = Data(), err = Data()
        var pending = input
        var inputOpen = true, outOpen = true, errOpen = true
        let deadline = Date().addingTimeInterval(timeout)
        var exitStatus: Int32 = 0
        var exited = false

        func stopGroup() {
            kill(-pid, SIGTERM)
            kill(pid, SIGTERM)
            for _ in 0..<20 {
                if waitpid(pid, &exitStatus, WNOHANG) == pid { exited = true; break }
                usleep(25_000)
            }
            kill(-pid, SIGKILL)
            if !exited { _ = waitpid(pid, &exitStatus, 0) }
        }
        func closeAll() {
            if inputOpen { close(inputFD) }
            close(outFD)
            close(errFD)
        }
        /// Reads what is there now; false at end of file.
        func drain(_ fd: Int32, into data: inout Data) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 { data.append(contentsOf: buffer[0..<n]); if data.count > maxOutput { return true }; continue }
                if n == 0 { return false }
                if errno == EINTR { continue }
                return true
            }
        }

        while true {
            if pluginInterrupts != interruptsBefore {
                stopGroup(); closeAll()
                throw .interrupted
            }
            if out.count > maxOutput {
                stopGroup(); closeAll()
                throw .tooMuchOutput
            }
            if waitpid(pid, &exitStatus, WNOHANG) == pid {
                // Exited: take what it left in the pipes and stop there; a job it left in the
                // background may hold the pipes open for ever.
                exited = true
                if outOpen { _ = drain(outFD, into: &out) }
                if errOpen { _ = drain(errFD, into: &err) }
                closeAll()
                if out.count > maxOutput { throw .tooMuchOutput }
                break
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                stopGroup(); closeAll()
                throw .timedOut
            }
            var fds: [pollfd] = []
            if inputOpen && !pending.isEmpty { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            if outOpen { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            // Short waits: the child's exit is noticed by waitpid, not by a signal.
            let wait = Int32(min(remaining, 0.05) * 1000) + 1
            if poll(&fds, nfds_t(fds.count), wait) > 0 {
                for p in fds where p.revents != 0 {
                    if p.fd == inputFD {
                        let written = pending.withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
                        if written > 0 { pending.removeFirst(written) }
                        if written < 0 && errno != EAGAIN && errno != EINTR { pending.removeAll() }
                        if pending.isEmpty { close(inputFD); inputOpen = false }
                    } else if p.fd == outFD {
                        if !drain(outFD, into: &out) { outOpen = false }
                    } else if p.fd == errFD {
                        // Only the start of what it says on stderr is shown; the rest is dropped.
                        var said = Data()
                        if !drain(errFD, into: &said) { errOpen = false }
                        if err.count < 4096 { err.append(said.prefix(4096 - err.count)) }
                    }
                }
            }
            if inputOpen && pending.isEmpty { close(inputFD); inputOpen = false }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
        let signal = exitStatus & 0x7f
        if signal == 0 { return Finished(status: (exitStatus >> 8) & 0xff, signal: nil, out: out, err: err) }
        return Finished(status: nil, signal: signal, out: out, err: err)
    }
}

extension PluginChecksum {
    /// The SHA-256 of a file's bytes; nil when it cannot be read.
    static func sha256(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return sha256(Array(data))
    }
}

/// Errors from commands a plugin ran name the plugin and the line, so the
/// person at the prompt knows whose command it was.
enum PluginBlame {
    static func naming<T>(_ plugin: String, _ line: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let refusal as Refusal {
            throw Refusal(Message("plugin.ran_refused", ["plugin": .text(plugin), "line": .text(line), "headline": .message(refusal.headline)]),
                          problems: refusal.problems)
        }
    }
}
