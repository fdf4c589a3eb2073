import Foundation

/// Where the shell's lines come from.
public protocol LineReader: AnyObject {
    /// The next line without its line ending, or nil at end of input.
    func readLine(prompt: String) -> String?
}

/// Plain line reading for scripts and pipes: no prompt, no terminal control.
public final class PlainLineReader: LineReader {
    private let handle: UnsafeMutablePointer<FILE>

    public init(file: UnsafeMutablePointer<FILE>) { handle = file }

    public func readLine(prompt: String) -> String? {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, handle)
        guard count >= 0, let buffer else { return nil }
        var line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)
        if line.hasSuffix("\n") { line.removeLast() }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}

/// Lines of a text already in memory (`-c`, `source`).
public final class TextLineReader: LineReader {
    private var lines: [Substring]
    private var index = 0

    public init(_ text: String) {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false)
        if all.last == "" { all.removeLast() }
        lines = all.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    public func readLine(prompt: String) -> String? {
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return String(lines[index])
    }
}
