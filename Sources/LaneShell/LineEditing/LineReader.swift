import Foundation

/// Where the shell's lines come from.
public protocol LineReader: AnyObject {
    /// The next line without its line ending, or nil at end of input.
    func readLine(prompt: String) -> String?
}

/// A line of a script as its bytes were: the text (bytes that were not UTF-8
/// decoded as U+FFFD, never stored: the shell refuses the line), and the first
/// byte that was not UTF-8, counted from 1 (nil: all were).
public struct ScriptLine: Sendable, Equatable {
    public var text: String
    public var badByte: Int?
    /// Read as bytes here (so a U+FFFD in `text` was in them, validly encoded).
    public var readAsBytes: Bool

    /// `bytes` without the line ending.
    public init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        var line = Array(bytes)
        if line.last == 0x0A { line.removeLast() }
        if line.last == 0x0D { line.removeLast() }
        text = String(decoding: line, as: UTF8.self)
        badByte = Self.firstBadByte(line)
        readAsBytes = true
    }

    public init(text: String, badByte: Int? = nil) {
        self.text = text
        self.badByte = badByte
        readAsBytes = false
    }

    /// Where `bytes` stop being UTF-8 (1 = the first byte), by the standard
    /// library's own decoder; nil when they are UTF-8 throughout.
    static func firstBadByte<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset + 1
            }
        }
    }
}

/// Plain line reading for scripts and pipes: no prompt, no terminal control.
/// Reads bytes, so a line that is not UTF-8 is refused with the byte where it stops.
public final class PlainLineReader: LineReader {
    private let handle: UnsafeMutablePointer<FILE>

    public init(file: UnsafeMutablePointer<FILE>) { handle = file }

    public func readLine(prompt: String) -> String? { readScriptLine()?.text }

    public func readScriptLine() -> ScriptLine? {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, handle)
        guard count >= 0, let buffer else { return nil }
        return ScriptLine(bytes: UnsafeRawBufferPointer(start: buffer, count: count))
    }
}

/// Lines of a file's bytes (`lane -f`, `source`).
public final class ByteLineReader {
    private let bytes: [UInt8]
    private var start = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A byte order mark (Notepad's "UTF-8 with BOM") says UTF-8; it is no part of the first line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    }

    public func readScriptLine() -> ScriptLine? {
        guard start < bytes.count else { return nil }
        let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
        defer { start = end }
        return ScriptLine(bytes: bytes[start..<end])
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
