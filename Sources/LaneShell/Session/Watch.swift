import Foundation
import LaneCore
import LanePlugin

/// `appt board --watch [N]` at the terminal: the screen is cleared and the
/// command run again every N seconds (default 5) until Ctrl-C.
struct Watch {
    var line: String
    var seconds: Int

    static let defaultSeconds = 5

    /// The line without `--watch [N]`, when it names a watchable command; nil otherwise.
    static func request(_ line: String, _ session: ShellSession) -> Watch? {
        guard line.contains("--watch"), let words = try? Tokenizer.split(line), let at = words.firstIndex(of: "--watch") else { return nil }
        let name = words.prefix(2).joined(separator: " ")
        guard TerminalCommands.watchable.contains(name) || TerminalCommands.watchable.contains(words.first ?? "") else { return nil }
        var rest = words
        var seconds = defaultSeconds
        if at + 1 < rest.count, let n = Int(rest[at + 1]) {
            seconds = min(3600, max(1, n))
            rest.remove(at: at + 1)
        }
        rest.remove(at: at)
        return Watch(line: rest.map(ShellWord.quoted).joined(separator: " "), seconds: seconds)
    }

    /// Runs until Ctrl-C; the pager stays out of the way.
    func run(_ session: ShellSession) {
        let paging = session.pagerOn
        session.pagerOn = false
        defer {
            session.pagerOn = paging
            Terminal.takeInterrupt()
            // The terminal echoed ^C where the cursor was: the prompt goes on a line of its own.
            session.io.out("\n")
        }
        Terminal.takeInterrupt()
        var round = 0
        while true {
            round += 1
            session.io.out("\u{1B}[H\u{1B}[2J")
            session.execute(line, origin: nil)
            session.io.out(Message("terminal.watching", ["seconds": .int(seconds), "round": .int(round)]).description + "\n")
            // Sleep in short steps so Ctrl-C ends the watch at once.
            for _ in 0..<(seconds * 10) {
                if Terminal.interruptPending { return }
                usleep(100_000)
            }
            if Terminal.interruptPending { return }
        }
    }
}
