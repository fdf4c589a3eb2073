import LaneCore

/// One value in a command's output. Kept typed until rendering so JSON gets
/// integers for money and ISO 8601 for times, while tables get ¥1,280.50.
public enum Value: Sendable, Equatable {
    case text(String)
    case int(Int)
    case money(Money)
    case date(CalendarDate)
    case time(Timestamp)
    case bool(Bool)
    /// Labour hours: a number in JSON (`1.25`), never floating point.
    case hours(LaborHours)
    case none

    public static func optional(_ s: String?) -> Value { s.map(Value.text) ?? .none }
}

public struct Column: Sendable, Equatable {
    /// Stable snake_case key for JSON and CSV headers; money keys end in `_fen`.
    public var key: String
    /// What the table header shows.
    public var title: String
    /// A field for scripts (JSON and CSV) that the table people read leaves out:
    /// the process rule a reminder comes from, say, whose words are in another column.
    public var forMachines: Bool
    /// The cells are codes of an enumerated value (`ro_status`, `role`): people
    /// read each one's word in their language (`word.ro_status.signed`, 委托书已签字);
    /// JSON and CSV keep the code. A cell listing several (`a, b`) has each worded.
    public var words: String?
    public init(_ key: String, _ title: String, forMachines: Bool = false, words: String? = nil) {
        self.key = key
        self.title = title
        self.forMachines = forMachines
        self.words = words
    }
}

public struct Table: Sendable, Equatable {
    public var columns: [Column]
    public var rows: [[Value]]
    /// What a person reads instead of an empty table ("no customer matches 王").
    public var emptyText: String
    /// A line under the table for people (`50 shown; more follow`); JSON and CSV leave it out.
    public var footnote: String?
    public init(columns: [Column], rows: [[Value]] = [], emptyText: String = "(none)", footnote: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.emptyText = emptyText
        self.footnote = footnote
    }

    /// The table as people read it: without the columns kept for scripts.
    public var forPeople: Table {
        guard columns.contains(where: \.forMachines) else { return self }
        let kept = columns.indices.filter { !columns[$0].forMachines }
        var t = self
        t.columns = kept.map { columns[$0] }
        t.rows = rows.map { row in kept.compactMap { $0 < row.count ? row[$0] : nil } }
        return t
    }
}

/// A single thing shown field by field (`customer show`), possibly with
/// tables under it (the customer's vehicles).
public struct Record: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var key: String
        public var title: String
        public var value: Value
        /// As `Column.words`: the value is a code people read as its word.
        public var words: String?
        /// For scripts only (JSON and CSV): the record people read leaves it out
        /// (a field that says nothing for this record, like an insurer on an ordinary service).
        public var forMachines: Bool
        public init(key: String, title: String, value: Value, words: String? = nil, forMachines: Bool = false) {
            self.key = key
            self.title = title
            self.value = value
            self.words = words
            self.forMachines = forMachines
        }
    }
    public struct Section: Sendable, Equatable {
        public var key: String
        public var title: String
        public var table: Table
        public var forMachines = false
    }
    public var fields: [Field] = []
    public var sections: [Section] = []

    public init() {}

    public mutating func add(_ key: String, _ title: String, _ value: Value, words: String? = nil, forMachines: Bool = false) {
        fields.append(Field(key: key, title: title, value: value, words: words, forMachines: forMachines))
    }

    public mutating func add(section key: String, _ title: String, _ table: Table, forMachines: Bool = false) {
        sections.append(Section(key: key, title: title, table: table, forMachines: forMachines))
    }
}

/// What a command hands back to the shell to render.
public enum CommandOutput: Sendable, Equatable {
    case nothing
    /// A short confirmation (`added customer C0037 王小明`), optionally with the record it made.
    case message(String, Record?)
    case table(Table)
    case record(Record)
    /// Free text such as help; JSON wraps it as `{"text": …}`.
    case text(String)
}

extension CommandOutput {
    /// The confirmation of a command that changed something (`complaint 3 opened for …`).
    public var messageText: String? {
        if case .message(let text, _) = self { return text }
        return nil
    }
}

/// Builds command lines for `PluginContext.run`: any text as one word of the
/// shell's tokenizer (POSIX single quotes; line breaks become spaces).
public enum ShellWord {
    public static func quoted(_ text: String) -> String {
        var word = "'"
        for ch in text {
            if ch.isNewline { word += " "; continue }
            // Scalars, because the tokenizer reads scalars: a quote followed by
            // a combining mark is one Character that is not equal to "'".
            for scalar in ch.unicodeScalars {
                if scalar == "'" { word += "'\\''" } else { word.unicodeScalars.append(scalar) }
            }
        }
        return word + "'"
    }
}
