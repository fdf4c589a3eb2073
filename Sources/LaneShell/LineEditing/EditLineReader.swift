import CLaneTerminal
import CLibEdit
import Foundation
import LaneCore

/// Line editing on a terminal through libedit: emacs keys, Ctrl-R search,
/// history kept per person (`HistoryFile`), TAB completion, and Chinese input
/// (which needs the locale set before libedit starts, see `Terminal.prepareLocale`).
///
/// Keys are read by `lane_read_key` (CLaneTerminal), not libedit: Ctrl-C is
/// then seen as Ctrl-C wherever libedit is (a Ctrl-R search took it for end
/// of input and closed the shell), arrows end a search instead of inserting
/// `[C`, and a resize tells libedit the new width.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var historyFile: HistoryFile?
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    /// Full-word candidates for the text before the cursor.
    private let complete: (String) -> Completions
    private let output: UnsafeMutablePointer<FILE>
    /// The session's language, asked at each listing (`set lang` may change it).
    public var catalog: () -> MessageCatalog = { .english }

    public init?(programName: String, history file: HistoryFile?, historySize: Int = 1000,
                 complete: @escaping (String) -> Completions) {
        guard let el = el_init(programName, lane_stdin(), lane_stdout(), lane_stderr()), let h = history_init() else { return nil }
        editLine = el
        history = h
        self.complete = complete
        output = lane_stdout()
        lane_history_set_size(h, Int32(historySize))
        lane_history_set_unique(h, 1)
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
        lane_el_use_key_reader(el)
        // libedit moves the cursor one cell too far when it deletes or
        // inserts characters in the middle of wide (Chinese) text with the
        // terminal's delete/insert-character sequences. Without those
        // capabilities it redraws the rest of the line instead, which it gets right.
        for cap in ["dc", "DC", "ic", "IC", "im", "ei"] { lane_el_settc(el, cap, "") }
        // Read ~/.editrc like other libedit programs, so users keep their bindings.
        el_source(el, nil)
        useHistory(file)
    }

    deinit {
        history_end(history)
        el_end(editLine)
        free(promptBuffer)
    }

    /// Switches to another person's history (sign-in as someone else): the
    /// lines shown by Up and `history` are theirs from now on.
    public func useHistory(_ file: HistoryFile?) {
        historyFile = file
        lane_history_clear(history)
        for entry in file?.load() ?? [] { lane_history_enter(history, entry) }
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
    /// Nothing read here enters the history: the caller `remember`s the
    /// whole command once it is complete.
    public func readLine(prompt: String, retryOnInterrupt: Bool) -> String? {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        lane_set_prompt_columns(Int32(Self.visibleWidth(prompt)))
        interrupted = false
        // A Ctrl-C pressed while a command ran was for that command.
        _ = lane_take_interrupt()
        while true {
            var count: Int32 = 0
            let raw = el_gets(editLine, &count)
            // Ctrl-C (also inside a Ctrl-R search, which libedit ends as if it
            // were end of input): drop the line, ask again.
            if lane_take_interrupt() != 0 {
                // ^C goes at the end of the line, wherever the cursor was in it.
                if let info = el_line(editLine)?.pointee, let cursor = info.cursor, let last = info.lastchar, cursor < last {
                    let rest = String(decoding: UnsafeRawBufferPointer(start: cursor, count: cursor.distance(to: last)), as: UTF8.self)
                    let columns = DisplayWidth.of(rest)
                    if columns > 0 { fputs("\u{1B}[\(columns)C", output) }
                }
                fputs("^C\n", output)
                el_reset(editLine)
                if retryOnInterrupt { continue }
                interrupted = true
                return nil
            }
            guard let raw else { return nil }
            var line = String(cString: raw)
            if line.hasSuffix("\n") { line.removeLast() }
            return line
        }
    }

    /// Keeps a whole command (continuation lines joined) in the history and
    /// its file; never a line that looks like a PIN.
    public func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !HistoryFile.looksLikePin(trimmed) else { return }
        lane_history_enter(history, line)
        historyFile?.append(line)
    }

    /// The prompt's width on screen, without the marked invisible parts.
    static func visibleWidth(_ prompt: String) -> Int {
        var visible = ""
        var hidden = false
        for ch in prompt {
            if ch == Character(UnicodeScalar(UInt8(promptIgnore))) { hidden.toggle(); continue }
            if !hidden { visible.append(ch) }
        }
        return DisplayWidth.of(visible)
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

    /// One candidate: finish the word and add a space. Several: extend to
    /// their common prefix, or list them under the line when there is none.
    /// On an empty word nothing is inserted, only listed: a prefix shared by
    /// the next argument's values (`XH-`) is not an argument anyone typed.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor else { return UInt8(CC_ERROR) }
        let length = start.distance(to: cursor)
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
        let partial = Tokenizer.completionContext(before).partial
        let found = complete(before)
        let candidates = found.words
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = EditLineReader.commonPrefix(candidates)
        if candidates.count == 1, !found.more, !common.hasPrefix(partial) {
            // A word completed to another (the last digits of a number to the customer's code): it takes the word's place.
            el_deletestr(editLine, Int32(partial.count))
            el_insertstr(editLine, common + " ")
            return UInt8(CC_REFRESH)
        }
        var insertion = common.hasPrefix(partial) ? String(common.dropFirst(partial.count)) : ""
        if candidates.count == 1 && !found.more && !common.hasSuffix("/") { insertion += " " }
        if partial.isEmpty && (candidates.count > 1 || found.more) { insertion = "" }
        if !insertion.isEmpty {
            el_insertstr(editLine, insertion)
            return UInt8(CC_REFRESH)
        }
        fputs(Self.listing(candidates, more: found.more, notes: found.notes, columns: Terminal.columns(), catalog: catalog()), output)
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates in columns across the terminal's width; when the list was
    /// cut, a last line says so.
    /// With notes, one candidate a line, its note beside it (cut to the width).
    static func listing(_ candidates: [String], more: Bool, notes: [String: String] = [:], columns: Int,
                        catalog: MessageCatalog = .english) -> String {
        let width = (candidates.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = notes.isEmpty ? max(1, columns / width) : 1
        var text = "\n"
        for (i, c) in candidates.enumerated() {
            if let note = notes[c] {
                let room = max(0, columns - width - 1)
                text += DisplayWidth.pad(TerminalSafe.escape(c), to: width) + DisplayWidth.truncate(TerminalSafe.escape(note.replacingLineBreaks()), to: room)
            } else {
                text += DisplayWidth.pad(TerminalSafe.escape(c), to: width)
            }
            if (i + 1) % perLine == 0 || i == candidates.count - 1 { text += "\n" }
        }
        if more { text += catalog.render(Message("terminal.completion_cut", ["count": .int(candidates.count)])) + "\n" }
        return text
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
        // Compared without Foundation's `replacingOccurrences`, whose first call (through NSString)
        // cost 1.5 million instructions of every start.
        if String(codeset.uppercased().filter { $0 != "-" }) != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    /// Ctrl-C must interrupt the read (so the line is dropped), not end the
    /// process; a resize must reach the line editor. Both handlers only set
    /// a flag (CLaneTerminal) and interrupt a blocking read.
    public static func catchInterrupts() {
        lane_catch_signals()
    }

    /// True once Ctrl-C was pressed while a command ran (cleared by the next prompt).
    public static var interruptPending: Bool { lane_interrupt_pending() != 0 }

    /// Clears a pending Ctrl-C and says whether there was one.
    @discardableResult
    public static func takeInterrupt() -> Bool { lane_take_interrupt() != 0 }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Standard input is a pipe or file with something in it (never a terminal, never blocks).
    public static func hasWaitingInput() -> Bool {
        guard !isTerminal(0) else { return false }
        var info = stat()
        guard fstat(0, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFREG { return info.st_size > 0 }
        guard (info.st_mode & S_IFMT) == S_IFIFO || (info.st_mode & S_IFMT) == S_IFSOCK else { return false }
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) == 1, fd.revents & Int16(POLLIN) != 0 else { return false }
        // Readable also at end of input: look whether a byte is there (the input is not run, so taking one loses nothing).
        var byte: UInt8 = 0
        return read(0, &byte, 1) == 1
    }

    /// The terminal's width (stdout, else stdin), else `$COLUMNS`, else 80.
    public static func columns() -> Int {
        let fromTerminal = Int(lane_terminal_columns(1))
        if fromTerminal > 0 { return fromTerminal }
        let fromInput = Int(lane_terminal_columns(0))
        if fromInput > 0 { return fromInput }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        return 80
    }

    /// The terminal's height in lines, nil when stdout is not a terminal.
    public static func rows() -> Int? {
        let n = Int(lane_terminal_rows(1))
        return n > 0 ? n : nil
    }

    /// How a hidden read ended.
    public enum Secret {
        case typed(String)
        case noTerminal
        case stopped(key: String)
    }

    /// Reads a line from the terminal without echoing it (PINs). Ctrl-C and
    /// Ctrl-D stop it and leave the terminal as it was; nothing typed here
    /// reaches the history.
    public static func readSecret(prompt: String) -> Secret {
        var buffer = [CChar](repeating: 0, count: 256)
        let n = lane_read_secret(prompt, &buffer, buffer.count)
        defer { for i in buffer.indices { buffer[i] = 0 } }
        switch n {
        case Int32(LANE_SECRET_NO_TERMINAL): return .noTerminal
        case Int32(LANE_SECRET_INTERRUPTED): return .stopped(key: "Ctrl-C")
        case Int32(LANE_SECRET_END_OF_INPUT): return .stopped(key: "Ctrl-D")
        default: return .typed(String(decoding: buffer.prefix(Int(max(0, n))).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }
}

/// What TAB offers: the words, and whether the list was cut at the limit.
public struct Completions: Sendable, Equatable {
    public var words: [String]
    public var more: Bool
    /// What a word is, when it was found by something else than its start
    /// (`ro part 机油` offers part numbers: the listing names each part).
    public var notes: [String: String]
    public init(_ words: [String], more: Bool = false, notes: [String: String] = [:]) {
        self.words = words
        self.more = more
        self.notes = notes
    }
}
