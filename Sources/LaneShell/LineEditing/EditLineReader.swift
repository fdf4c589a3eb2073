import CLibEdit
import Foundation

/// Line editing on a terminal through libedit: emacs keys, Ctrl-R search,
/// history kept in a file, TAB completion, and Chinese input (which needs
/// the locale set before libedit starts, see `Terminal.prepareLocale`).
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    /// Full-word candidates for the text before the cursor.
    private let complete: (String) -> [String]
    private let output: UnsafeMutablePointer<FILE>

    public init?(programName: String, historyFile: String?, historySize: Int = 1000,
                 complete: @escaping (String) -> [String]) {
        guard let el = el_init(programName, lane_stdin(), lane_stdout(), lane_stderr()), let h = history_init() else { return nil }
        editLine = el
        history = h
        self.historyFile = historyFile
        self.complete = complete
        output = lane_stdout()
        lane_history_set_size(h, Int32(historySize))
        lane_history_set_unique(h, 1)
        if let historyFile { lane_history_load(h, historyFile) }
        lane_el_set_editor(el, "emacs")
        lane_el_set_history(el, h)
        lane_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        lane_el_set_prompt_esc(el, { el in
            guard let el, let data = lane_el_get_clientdata(el) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }, EditLineReader.promptIgnore)
        lane_el_add_function(el, "lane-complete", "Complete the word at the cursor", { el, _ in
            guard let el, let data = lane_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
        })
        lane_el_bind(el, "^I", "lane-complete")
        lane_el_bind(el, "^R", "em-inc-search-prev")
        // Read ~/.editrc like other libedit programs, so users keep their bindings.
        el_source(el, nil)
    }

    deinit {
        saveHistory()
        history_end(history)
        el_end(editLine)
        free(promptBuffer)
    }

    /// Marks the start and end of invisible prompt text (colour codes) so
    /// libedit measures the prompt right.
    public static let promptIgnore: CChar = 1

    /// True when the last `readLine(prompt:retryOnInterrupt: false)` ended by Ctrl-C.
    public private(set) var interrupted = false

    public func readLine(prompt: String) -> String? {
        readLine(prompt: prompt, retryOnInterrupt: true)
    }

    /// With `retryOnInterrupt` false, Ctrl-C ends the read with nil and sets
    /// `interrupted`, so a caller collecting continuation lines can drop the
    /// whole command instead of asking for the same continuation again.
    /// With `remember` false the line stays out of the history (answers to questions).
    public func readLine(prompt: String, retryOnInterrupt: Bool, remember: Bool = true) -> String? {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        interrupted = false
        while true {
            var count: Int32 = 0
            errno = 0
            guard let raw = el_gets(editLine, &count) else {
                // Ctrl-C arrives as an interrupted read: drop the line, ask again.
                if count == -1 && errno == EINTR {
                    fputs("^C\n", output)
                    el_reset(editLine)
                    if retryOnInterrupt { continue }
                    interrupted = true
                    return nil
                }
                return nil
            }
            var line = String(cString: raw)
            if line.hasSuffix("\n") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if remember && !trimmed.isEmpty {
                lane_history_enter(history, line)
                saveHistory()
            }
            return line
        }
    }

    /// The history, oldest first.
    public var entries: [String] {
        var result: [String] = []
        var entry = lane_history_first_oldest(history)
        while let e = entry {
            result.append(String(cString: e))
            entry = lane_history_next_newer(history)
        }
        return result
    }

    private func saveHistory() {
        guard let historyFile else { return }
        lane_history_save(history, historyFile)
    }

    /// One candidate: finish the word and add a space. Several: extend to
    /// their common prefix, or list them under the line when there is none.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor else { return UInt8(CC_ERROR) }
        let length = start.distance(to: cursor)
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
        let partial = Tokenizer.completionContext(before).partial
        let candidates = complete(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = EditLineReader.commonPrefix(candidates)
        if candidates.count == 1, !common.hasPrefix(partial) {
            // A word completed to another (the last digits of a number to the customer's code): it takes the word's place.
            el_deletestr(editLine, Int32(partial.count))
            el_insertstr(editLine, common + " ")
            return UInt8(CC_REFRESH)
        }
        var insertion = common.hasPrefix(partial) ? String(common.dropFirst(partial.count)) : ""
        if candidates.count == 1 && !common.hasSuffix("/") { insertion += " " }
        if !insertion.isEmpty {
            el_insertstr(editLine, insertion)
            return UInt8(CC_REFRESH)
        }
        let width = (candidates.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = max(1, 80 / width)
        var text = "\n"
        for (i, c) in candidates.enumerated() {
            text += DisplayWidth.pad(c, to: width)
            if (i + 1) % perLine == 0 || i == candidates.count - 1 { text += "\n" }
        }
        fputs(text, output)
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}

/// Terminal facts the shell needs at start-up.
public enum Terminal {
    /// libedit drops non-ASCII input unless the C library runs in a UTF-8
    /// locale. Take the user's locale; when it is not UTF-8 (a bare `C`), fall
    /// back to C.UTF-8 for character handling so Chinese still works.
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    /// Ctrl-C must interrupt the read (so the line is dropped), not end the
    /// process: a handler without SA_RESTART makes the read fail with EINTR.
    public static func catchInterrupts() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may hand down SIGINT blocked (a program started from a
        // dispatch thread is); blocked, Ctrl-C would do nothing at all.
        var interrupts = sigset_t()
        sigemptyset(&interrupts)
        sigaddset(&interrupts, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupts, nil)
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Reads a line from the terminal without echoing it (PINs).
    public static func readSecret(prompt: String) -> String? {
        guard isTerminal(0) else { return nil }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        fputs(prompt, lane_stdout())
        fflush(lane_stdout())
        tcsetattr(0, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(0, TCSAFLUSH, &saved)
            fputs("\n", lane_stdout())
            fflush(lane_stdout())
        }
        return readLine(strippingNewline: true)
    }
}
