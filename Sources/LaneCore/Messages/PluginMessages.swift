import Foundation

/// Words that compiled plugins bring for their own codes (`parts.…`,
/// `warranty.…`), in each language. The host adds a plugin's tables when it
/// installs the plugin (`PluginLoader`); every catalog then consults them
/// after its own tables, so a plugin can never change a word of the core.
///
/// It is process-wide because `MessageCatalog.english`/`.chinese` are: a
/// refusal's `description` renders wherever it is read. Written at start-up,
/// read on every render; a lock (Foundation's: the package still builds for
/// macOS 13, before `Synchronization.Mutex`) keeps both safe from any thread.
public enum PluginMessages {
    private final class Tables: @unchecked Sendable {
        let lock = NSLock()
        /// Plugin name → language → code → words: what `render` reads. A code is looked up in the
        /// tables of the plugin its prefix names, so installing one merges nothing (merging every
        /// plugin's words into one table cost 1.8 million instructions of every start).
        var byPlugin: [String: [InterfaceLanguage: [MessageCode: String]]] = [:]
    }
    private static let tables = Tables()

    /// The codes of `messages` that a plugin called `plugin` may not bring:
    /// those outside its own prefix (`NAME.`), and any the core already has.
    /// The core's codes are looked up in the Chinese catalog alone: both catalogs hold the same
    /// codes (`ChineseCatalogTests.everyCodeIsInBothCatalogs`), and the Chinese one is the one a
    /// session reads by default, so a start no longer builds the English catalog just for this check.
    /// Checked at every start for each compiled plugin, so it walks the tables once and builds
    /// nothing for a plugin whose codes are all its own (no set of every code, no character count).
    public static func foreignCodes(_ messages: [InterfaceLanguage: [MessageCode: String]], plugin: String) -> [MessageCode] {
        let prefix = plugin + "."
        var foreign: Set<MessageCode> = []
        for words in messages.values {
            for code in words.keys where !code.rawValue.hasPrefix(prefix) || code.rawValue == prefix
                || MessageCatalog.chineseTemplates[code] != nil {
                foreign.insert(code)
            }
        }
        return foreign.sorted()
    }

    /// Adds (or replaces) the words of the plugin `plugin`; returns the codes
    /// it refused (see `foreignCodes`), and then adds nothing.
    @discardableResult
    public static func install(_ messages: [InterfaceLanguage: [MessageCode: String]], plugin: String) -> [MessageCode] {
        let foreign = foreignCodes(messages, plugin: plugin)
        guard foreign.isEmpty else { return foreign }
        install(checked: messages, plugin: plugin)
        return []
    }

    /// Adds (or replaces) words whose `foreignCodes` the caller has just found empty: the loader checks
    /// them before it admits the plugin, and a second check was 0.8 million instructions of every start.
    public static func install(checked messages: [InterfaceLanguage: [MessageCode: String]], plugin: String) {
        tables.lock.lock()
        defer { tables.lock.unlock() }
        tables.byPlugin[plugin] = messages
    }

    /// The words of a plugin's code in `language`, or nil.
    /// Its plugin is the text before the code's first dot: every code of a plugin starts with
    /// `NAME.` (`foreignCodes`), and a plugin's name holds no dot (`PluginManifest.nameProblem`).
    public static func template(_ code: MessageCode, language: InterfaceLanguage) -> String? {
        let text = code.rawValue
        guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let plugin = String(text[..<dot])
        tables.lock.lock()
        defer { tables.lock.unlock() }
        return tables.byPlugin[plugin]?[language]?[code]
    }
}
