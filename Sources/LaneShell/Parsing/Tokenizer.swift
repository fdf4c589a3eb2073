import LaneCore

public enum TokenizerError: Error, Equatable, Sendable {
    case unterminatedQuote(Character)  // ' or "
    case danglingEscape                // a line ending in a lone backslash given to split()

    /// What is wrong with the line, as a usage error's message.
    public var said: Message {
        switch self {
        case .unterminatedQuote(let quote): return Message("usage.unclosed_quote", ["quote": .text(String(quote))])
        case .danglingEscape: return Message("usage.dangling_backslash")
        }
    }

    /// In English.
    public var message: String { said.description }
}

/// POSIX-shell-like word splitting for one logical command line.
public enum Tokenizer {
    /// Splits on unquoted white space (space, tab; an unquoted line break also
    /// separates words). Single quotes: literal until the next '. Double quotes:
    /// literal except that \" \\ \$ \` are escapes. Outside quotes, backslash
    /// escapes the next character (so `\ ` is a space inside a word); a
    /// backslash before a line break removes both, as in POSIX. An unquoted `#`
    /// at the start of a word begins a comment that runs to the end of the line.
    /// Adjacent quoted/unquoted parts join into one word (`--name="王 小明"` →
    /// `--name=王 小明`). Empty quotes "" give an empty word. Chinese text is
    /// ordinary text; full-width space U+3000 is NOT a separator (it is text).
    public static func split(_ line: String) throws(TokenizerError) -> [String] {
        let scan = scan(line)
        switch scan.end {
        case .complete:
            return scan.inWord ? scan.words + [scan.partial] : scan.words
        case .trailingBackslash:
            throw .danglingEscape
        case .openSingle:
            throw .unterminatedQuote("'")
        case .openDouble:
            throw .unterminatedQuote("\"")
        }
    }

    /// True when the physical line needs another line to complete it: it ends
    /// with an unescaped backslash outside quotes (line continuation), or a
    /// quote is still open. A backslash inside a comment does not continue.
    public static func needsContinuation(_ line: String) -> Bool {
        scan(line).end != .complete
    }

    /// Joins a physical line with the next one, as POSIX shells do:
    /// - after a continuation backslash (outside quotes, or inside double
    ///   quotes) the backslash and the line break are removed entirely, so
    ///   nothing is put between the lines. Users keep words apart by writing a
    ///   space before the backslash: `customer add --name 王小明 \` +
    ///   `--phone 13800138000` gives `customer add --name 王小明 --phone 13800138000`;
    /// - inside an open quote the line break is part of the text and is kept
    ///   as "\n";
    /// - otherwise the lines are joined with "\n", which `split` treats as a
    ///   word separator.
    public static func join(_ first: String, _ next: String) -> String {
        switch scan(first).end {
        case .trailingBackslash, .openDouble(trailingBackslash: true):
            var scalars = first.unicodeScalars
            scalars.removeLast()  // the scan saw it, so the line ends with "\"
            return String(scalars) + next
        case .complete, .openSingle, .openDouble(trailingBackslash: false):
            return first + "\n" + next
        }
    }

    /// For TAB completion: the complete words before the cursor, and the
    /// partial word being typed (unquoted, may be empty when the line ends in
    /// white space). Never throws: an open quote just means the current word is
    /// still being typed, and a trailing backslash is ignored.
    public static func completionContext(_ lineBeforeCursor: String) -> (words: [String], partial: String) {
        let scan = scan(lineBeforeCursor)
        return (scan.words, scan.partial)
    }

    // MARK: - Scanner shared by all entry points, so they agree on quoting rules.

    enum End: Equatable {
        case complete
        case trailingBackslash                 // outside quotes
        case openSingle
        case openDouble(trailingBackslash: Bool)
    }

    struct Scan {
        var words: [String] = []
        var partial = ""      // the word in progress, unquoted
        var inWord = false    // true even for an empty word begun by ""
        var end = End.complete
    }

    private enum Mode { case plain, single, double }

    static func scan(_ line: String) -> Scan {
        // Scalars rather than Characters: a combining mark after a quote must
        // not hide the quote inside one grapheme cluster.
        let scalars = Array(line.unicodeScalars)
        var result = Scan()
        var word = String.UnicodeScalarView()
        var mode = Mode.plain
        var i = 0

        func finish(_ end: End) -> Scan {
            var done = result
            done.partial = String(word)
            done.end = end
            return done
        }

        scanning: while i < scalars.count {
            let c = scalars[i]
            switch mode {
            case .plain:
                switch c {
                case " ", "\t", "\n", "\r":
                    if result.inWord {
                        result.words.append(String(word))
                        word = String.UnicodeScalarView()
                        result.inWord = false
                    }
                case "\\":
                    guard i + 1 < scalars.count else { return finish(.trailingBackslash) }
                    i += 1
                    // Backslash-newline is a line continuation and vanishes.
                    if scalars[i] != "\n" {
                        word.append(scalars[i])
                        result.inWord = true
                    }
                case "'":
                    mode = .single
                    result.inWord = true
                case "\"":
                    mode = .double
                    result.inWord = true
                case "#" where !result.inWord:
                    break scanning  // comment to end of line
                default:
                    word.append(c)
                    result.inWord = true
                }
            case .single:
                if c == "'" { mode = .plain } else { word.append(c) }
            case .double:
                if c == "\"" {
                    mode = .plain
                } else if c == "\\" {
                    guard i + 1 < scalars.count else { return finish(.openDouble(trailingBackslash: true)) }
                    let next = scalars[i + 1]
                    switch next {
                    case "\"", "\\", "$", "`":
                        word.append(next)
                        i += 1
                    case "\n":
                        i += 1  // continuation inside double quotes also vanishes
                    default:
                        word.append(c)  // any other backslash is literal in double quotes
                    }
                } else {
                    word.append(c)
                }
            }
            i += 1
        }

        switch mode {
        case .plain: return finish(.complete)
        case .single: return finish(.openSingle)
        case .double: return finish(.openDouble(trailingBackslash: false))
        }
    }
}
