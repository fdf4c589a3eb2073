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
        /// A compiled plugin's words not yet made (`install(plugin:words:)`): made at their first use. A
        /// list of a type of its own: a dictionary of closures had the runtime build its type at start.
        var unmade: [Unmade] = []
    }
    private static let tables = Tables()
    private struct Unmade {
        let plugin: String
        let make: () -> [InterfaceLanguage: [MessageCode: String]]
    }

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
        tables.lock.lock()
        defer { tables.lock.unlock() }
        tables.byPlugin[plugin] = messages
        tables.unmade.removeAll { $0.plugin == plugin }
        return []
    }

    /// Adds the words of a plugin compiled into lane, made at the first use of one of its codes. Not
    /// checked here: its own tests hold its codes to its prefix (`PluginWords`, the same
    /// `foreignCodes`), so the check gave the same answer at every start, and making and checking the
    /// compiled plugins' words was a tenth of a lookup's start-up, for words most commands never show.
    /// A code outside the plugin's prefix would never be shown anyway: a code is looked up in the core's
    /// tables first, and in a plugin's only under that plugin's prefix.
    public static func install(plugin: String, words: @escaping () -> [InterfaceLanguage: [MessageCode: String]]) {
        tables.lock.lock()
        defer { tables.lock.unlock() }
        tables.byPlugin[plugin] = nil
        tables.unmade.removeAll { $0.plugin == plugin }
        tables.unmade.append(Unmade(plugin: plugin, make: words))
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
        if !tables.unmade.isEmpty, let index = tables.unmade.firstIndex(where: { $0.plugin == plugin }) {
            tables.byPlugin[plugin] = tables.unmade.remove(at: index).make()
        }
        return tables.byPlugin[plugin]?[language]?[code]
    }
}
