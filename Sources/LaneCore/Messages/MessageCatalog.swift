/// Turns messages into words in one language. Templates are data: text with
/// `{name}` where an argument goes, so a translator edits words, not code.
/// A catalog is the union of its area tables (English.swift, Chinese.swift);
/// `MessageCatalogTests` keeps the languages' codes and placeholders equal.
public struct MessageCatalog: Sendable {
    public var language: String
    public var templates: [MessageCode: String]
    /// Times are shown in the store's zone.
    public var offset: UTCOffset

    /// True for the built-in catalogs, which hold every code of the core: no English fallback to look in.
    let holdsEveryCoreCode: Bool

    public init(language: String, templates: [MessageCode: String], offset: UTCOffset = .china) {
        self.init(language: language, templates: templates, offset: offset, holdsEveryCoreCode: false)
    }

    init(language: String, templates: [MessageCode: String], offset: UTCOffset = .china, holdsEveryCoreCode: Bool) {
        self.language = language
        self.templates = templates
        self.offset = offset
        self.holdsEveryCoreCode = holdsEveryCoreCode
    }

    public func inZone(_ offset: UTCOffset) -> MessageCatalog {
        var c = self
        c.offset = offset
        return c
    }

    /// The catalog a session speaks, bound by the front end around the work it
    /// does for one reader (`MessageCatalog.speaking(…)`); English where nobody
    /// bound one (logs, tests). `description`s render with it.
    public static var current: MessageCatalog { bound ?? .english }

    /// Optional, so that binding a catalog does not build the English one first: a task-local's
    /// default is made when it is first touched, and English as the default cost a session in
    /// Chinese the whole English catalog at every start.
    @TaskLocal static var bound: MessageCatalog?

    /// Runs `body` with `catalog` as `current`.
    public static func speaking<T>(_ catalog: MessageCatalog, _ body: () throws -> T) rethrows -> T {
        try $bound.withValue(catalog, operation: body)
    }

    public var isChinese: Bool { language.hasPrefix("zh") }

    public func render(_ message: Message) -> String {
        var out = ""
        render(message, into: &out)
        return out
    }

    /// `message`'s words appended to `out`: a message inside another (a reason's "how" and "now") is written
    /// into the same text, not made a text of its own and then copied (docs/performance.md, fifteenth round).
    func render(_ message: Message, into out: inout String) {
        guard var template = template(message.code) else {
            // A code without words is a bug, but the person still learns something.
            out += message.code.rawValue + message.arguments.sorted { $0.key < $1.key }.map { " \($0.key)=\(render($0.value))" }.joined()
            return
        }
        // Cut at the braces over UTF-8 (ASCII bytes, never inside a longer character): walking the
        // template by Character and appending one at a time was most of a row's cost in `remind due`,
        // whose every row words its reason. An unclosed `{name` at the end is dropped, as before. The bytes
        // are read in place and each piece made a `String` from them: slicing the template's scalars by
        // index cost 190 instructions a slice, a reason has eight (docs/performance.md, fifteenth round).
        // (A `Substring` appended goes through the generic `append(contentsOf:)`, whose first use has the
        // runtime search the binary's 9,000 conformances: 400,000 instructions.)
        template.makeContiguousUTF8()
        _ = template.utf8.withContiguousStorageIfAvailable { bytes in
            var copied = 0, nameStart = -1
            for i in bytes.indices {
                let byte = bytes[i]
                if nameStart >= 0 {
                    if byte == UInt8(ascii: "}") {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
                        if let argument = message.argument(name) { render(argument, into: &out) } else { out += "{\(name)}" }
                        nameStart = -1
                        copied = i + 1
                    }
                } else if byte == UInt8(ascii: "{") {
                    if i > copied { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<i]), as: UTF8.self) }
                    nameStart = i + 1
                }
            }
            if nameStart < 0 && copied < bytes.count {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
            }
        }
    }

    /// `argument` as `render(_:)` words it, appended to `out`.
    func render(_ argument: MessageArgument, into out: inout String) {
        switch argument {
        case .text(let s): out += s
        case .message(let m): render(m, into: &out)
        case .date(let d) where isChinese: MessageCatalog.appendChineseDate(d, to: &out)
        default: out += render(argument)
        }
    }

    /// Arguments in a sentence: money as `¥1,144.13` in both languages; in
    /// Chinese a date reads `2026年11月23日` and lists are joined with `、`.
    /// Tables and JSON keep ISO dates (they do not come through here).
    public func render(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let s): return s
        case .int(let n): return String(n)
        case .money(let m): return m.description
        case .date(let d): return isChinese ? MessageCatalog.chineseDate(d) : d.description
        case .time(let t):
            return isChinese ? MessageCatalog.chineseDate(t.date(in: offset)) + " " + t.clockText(in: offset, seconds: false) : t.display(in: offset)
        case .role(let r): return word("role", r.rawValue)
        case .code(let kind, let value): return codeWord(kind, value)
        case .list(let items): return items.map(render).joined(separator: isChinese ? "、" : ", ")
        case .lines(let items): return items.map { "\n  - " + render($0) }.joined()
        case .message(let m): return render(m)
        }
    }

    /// `2026年11月23日`.
    public static func chineseDate(_ d: CalendarDate) -> String {
        var out = ""
        appendChineseDate(d, to: &out)
        return out
    }

    /// `2026年11月23日` appended: for years 0-9999 its bytes are written in place (at most 19: three
    /// 3-byte characters and eight digits) and appended once; six appends of numbers made texts cost
    /// 3,200 instructions a date, and a page of `remind due` words two dates a row.
    static func appendChineseDate(_ d: CalendarDate, to out: inout String) {
        let c = d.components
        guard (0...9999).contains(c.year) else {
            out += String(c.year) + "年" + String(c.month) + "月" + String(c.day) + "日"
            return
        }
        out += String(unsafeUninitializedCapacity: 19) { b in
            var n = 0
            func number(_ v: Int) {
                if v >= 1000 { b[n] = 0x30 + UInt8(v / 1000); n += 1 }
                if v >= 100 { b[n] = 0x30 + UInt8(v / 100 % 10); n += 1 }
                if v >= 10 { b[n] = 0x30 + UInt8(v / 10 % 10); n += 1 }
                b[n] = 0x30 + UInt8(v % 10); n += 1
            }
            func character(_ a: UInt8, _ b2: UInt8, _ c3: UInt8) {
                b[n] = a; b[n + 1] = b2; b[n + 2] = c3; n += 3
            }
            number(c.year); character(0xE5, 0xB9, 0xB4)   // 年
            number(c.month); character(0xE6, 0x9C, 0x88)  // 月
            number(c.day); character(0xE6, 0x97, 0xA5)    // 日
            return n
        }
    }

    /// The word for an enumerated value (`word.ro_status.signed`), or the value itself when it has none.
    /// A plugin's kind is under its name: `warranty.claim_status` reads `warranty.word.claim_status.VALUE`.
    public func word(_ kind: String, _ value: String) -> String {
        // A plugin's kind is `PLUGIN.KIND`; the core's have no dot (and are not split: a table's every cell asks).
        let plugin = kind.utf8.contains(UInt8(ascii: ".")) ? kind.split(separator: ".", maxSplits: 1) : []
        let text = plugin.count == 2 ? String(plugin[0]) + ".word." + String(plugin[1]) + "." + value : "word." + kind + "." + value
        let code = MessageCode(text)
        guard let template = template(code) else { return value }
        // A word has no `{name}` to fill (one table cell in three asks): the template is the word, without
        // a second look-up and a walk through it.
        return template.utf8.contains(UInt8(ascii: "{")) ? render(Message(code)) : template
    }

    /// An enumerated value where people read it (a table's cell, a status
    /// move in an answer): in Chinese its word (`委托书已签字`); in English the
    /// code itself (`signed`), which is what an English user types and what
    /// English tables have always shown. JSON and CSV keep the code.
    public func codeWord(_ kind: String, _ value: String) -> String {
        isChinese ? word(kind, value) : value
    }

    private var colon: String { isChinese ? "：" : ": " }

    /// A problem with the field it is about: in Chinese the field's title (`vehicle` → 车辆), or
    /// none when it has no Chinese title, so no English key reaches a Chinese reader. A setting
    /// of a plugin's section of store.toml (`[plugin.warranty] basic`, `plugin.survey.max_days`) is named as it is written there,
    /// since that is what the reader must find and change.
    public func render(_ problem: Problem) -> String {
        let setting = problem.field.hasPrefix("[") || problem.field.hasPrefix("plugin.")
        let field = isChinese && !setting ? MessageCatalog.chineseColumnTitles[problem.field] ?? "" : problem.field
        return field.isEmpty ? render(problem.said) : "\(field)\(colon)\(render(problem.said))"
    }

    /// The headline, then every problem: on one line when there is one.
    public func render(_ refusal: Refusal) -> String {
        let summary = render(refusal.headline)
        guard !refusal.problems.isEmpty else { return summary }
        if refusal.problems.count == 1 { return "\(summary)\(colon)\(render(refusal.problems[0]))" }
        return ([summary + (isChinese ? "：" : ":")] + refusal.problems.map { "  - " + render($0) }).joined(separator: "\n")
    }

    /// The words of `code`: this catalog's, then a plugin's in this language
    /// (`PluginMessages`), then English ones, so a code never shows bare
    /// while any language has words for it.
    func template(_ code: MessageCode) -> String? {
        if let own = templates[code] { return own }
        let language = InterfaceLanguage(parsing: self.language) ?? .english
        if let plugin = PluginMessages.template(code, language: language) { return plugin }
        // The core's English words are asked only by a catalog that may lack some: the Chinese one
        // holds every code the English one does (`ChineseCatalogTests`), and looking there first built
        // the whole English catalog in every Chinese session (a table cell's word that has none).
        if !holdsEveryCoreCode, let english = MessageCatalog.englishTemplates[code] { return english }
        return language == .english ? nil : PluginMessages.template(code, language: .english)
    }

    /// The `{name}`s of a template: what two languages' words for one code must share.
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var name = ""
        var inName = false
        for ch in template {
            if inName {
                if ch == "}" { names.insert(name); name = ""; inName = false } else { name.append(ch) }
            } else if ch == "{" { inName = true }
        }
        return names
    }

    /// Whether `code` has words for this catalog's reader (its own, a plugin's, or English ones).
    public func hasWords(_ code: MessageCode) -> Bool { template(code) != nil }

    /// Codes that have no words in this catalog.
    public func missing(_ codes: [MessageCode]) -> [MessageCode] { codes.filter { templates[$0] == nil } }

    public static let english = MessageCatalog(language: "en", templates: englishTemplates, holdsEveryCoreCode: true)
    public static let chinese = MessageCatalog(language: "zh-Hans", templates: chineseTemplates, holdsEveryCoreCode: true)

    /// The catalog of a language.
    public static func of(_ language: InterfaceLanguage) -> MessageCatalog { language == .chinese ? chinese : english }
}

extension MessageCatalog {
    /// The area tables of one language as one table. Sized for all of them at once: merged table by
    /// table, it grew and rehashed a dozen times, and the Chinese catalog, built at every start, cost 4.2
    /// million instructions. The areas' tables are lists of pairs, not dictionaries, and each code is
    /// stored without asking first whether it is there: each is hashed once (asking first hashed every
    /// code twice, 0.9 million instructions of every start). No code is in two areas of a language
    /// (`noCodeIsWrittenTwiceInALanguage`).
    static func joined(_ tables: [KeyValuePairs<MessageCode, String>]) -> [MessageCode: String] {
        var all = [MessageCode: String](minimumCapacity: tables.reduce(0) { $0 + $1.count })
        for table in tables {
            for (code, words) in table { all[code] = words }
        }
        return all
    }
}

/// The languages `lane` speaks: the store's `store.language` (Chinese unless
/// set), then for one shell `LANG`/`LC_MESSAGES` or `set lang`.
public enum InterfaceLanguage: String, CaseIterable, Sendable {
    case chinese = "zh-Hans"
    case english = "en"

    /// `zh`, `zh-Hans`, `zh_CN.UTF-8`, `中文`, `en`, `en_US.UTF-8`, `English`…; nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingWhitespace().lowercased()
        if t.hasPrefix("zh") || t == "中文" || t == "chinese" || t == "简体中文" { self = .chinese; return }
        if t.hasPrefix("en") || t == "英文" || t == "english" { self = .english; return }
        return nil
    }

    /// What the locale variables say, or nil when they name no language of
    /// ours: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides,
    /// as POSIX orders them. `C` and `POSIX` (a server's default) name no
    /// language, so the store's setting decides then.
    public static func fromLocale(_ environment: [String: String]) -> InterfaceLanguage? {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return InterfaceLanguage(parsing: value)
        }
        return nil
    }
}
