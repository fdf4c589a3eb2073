import Foundation
import LaneCore
import LaneStore
import ServiceDepartment

/// TAB completion from the command specs and live data: nouns, verbs,
/// options, plates, customers, staff names, part numbers and files.
public struct Completer {
    let session: ShellSession
    /// Candidates fetched from the store at most; enough for a screen.
    static let limit = 40

    public init(session: ShellSession) { self.session = session }

    /// Full words that could replace the partial word at the cursor.
    public func candidates(forLineBeforeCursor line: String) -> [String] {
        let (words, partial) = Tokenizer.completionContext(line)
        let registry = session.registry
        guard let first = words.first else {
            return filter(registry.nounNames + registry.metaNames, partial)
        }
        if first == "help" {
            if words.count == 1 { return filter(registry.nounNames + registry.metaNames, partial) }
            if words.count == 2, let verbs = registry.verbs(of: words[1]) { return filter(verbs.compactMap(\.verb), partial) }
            return []
        }
        let spec: CommandSpec
        let argumentWords: [String]
        if let meta = registry.metaCommand(first) {
            spec = meta
            argumentWords = Array(words.dropFirst())
        } else if let verbs = registry.verbs(of: first) {
            guard words.count >= 2 else { return filter(verbs.compactMap(\.verb), partial) }
            guard let found = registry.command(noun: first, verb: words[1]) else { return [] }
            spec = found
            argumentWords = Array(words.dropFirst(2))
        } else {
            return []
        }
        if partial.hasPrefix("-") {
            let used = Set(argumentWords.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) })
            return filter(spec.options.filter { !used.contains($0.name) }.map { "--" + $0.name } + ["--help"], partial)
        }
        // The value of an option?
        if let last = argumentWords.last, last.hasPrefix("--"), let option = spec.option(named: String(last.dropFirst(2))), !option.isSwitch {
            return values(option.completion, partial)
        }
        // Else the next positional.
        var positionalIndex = 0
        var i = 0
        while i < argumentWords.count {
            let word = argumentWords[i]
            if word.hasPrefix("--"), let option = spec.option(named: String(word.dropFirst(2))) {
                i += option.isSwitch ? 1 : 2
                continue
            }
            positionalIndex += 1
            i += 1
        }
        guard positionalIndex < spec.positionals.count else { return [] }
        let here = spec.positionals[positionalIndex]
        var found = values(here.completion, partial)
        // The current object may stand in for this positional: offer the next one's values too.
        if let kind = here.current, session.current?.reference(for: kind) != nil, positionalIndex + 1 < spec.positionals.count {
            found += values(spec.positionals[positionalIndex + 1].completion, partial)
        }
        return found
    }

    private func filter(_ words: [String], _ partial: String) -> [String] {
        words.filter { $0.hasPrefix(partial) }.sorted()
    }

    func values(_ source: CompletionSource, _ partial: String) -> [String] {
        switch source {
        case .none: return []
        case .choices(let choices): return filter(choices, partial)
        case .commands: return filter(session.registry.nounNames + session.registry.metaNames, partial)
        case .files: return files(partial)
        case .plugins: return filter(session.plugins.all.map(\.manifest.name), partial)
        case .customers:
            let privacy = self.privacy
            return (try? session.store.read { try customers($0, partial, privacy) }) ?? []
        case .vehicles: return (try? session.store.read { try plates($0, partial) }) ?? []
        case .vehiclesAndCustomers:
            let privacy = self.privacy
            return (try? session.store.read { tx in
                let orders = partial.uppercased().hasPrefix("R") ? try tx.repairOrderNumbers(prefix: partial.uppercased(), limit: Completer.limit) : []
                return try orders + plates(tx, partial) + customers(tx, partial, privacy)
            }) ?? []
        case .staff:
            return (try? session.store.read { try $0.staff(namePrefix: partial, limit: Completer.limit).map(\.name) }) ?? []
        case .parts:
            return (try? session.store.read { try $0.parts(numberPrefix: partial.uppercased(), limit: Completer.limit).map(\.number) }) ?? []
        case .laborOperations:
            return filter((try? session.store.read { try $0.laborOperations().map(\.code) }) ?? [], partial.uppercased())
        case .appointments:
            return (try? session.store.read { try $0.appointmentNumbers(prefix: partial.uppercased(), limit: Completer.limit) }) ?? []
        case .repairOrders:
            return (try? session.store.read { try $0.repairOrderNumbers(prefix: partial.uppercased(), limit: Completer.limit) }) ?? []
        }
    }

    /// The user's privacy, read before a completion's read transaction (the store's reads do not nest).
    private var privacy: Privacy { Privacy(role: try? session.role()) }

    /// Plates starting with what was typed, the province included or left
    /// out (`BC45` at a 粤B store: 粤BC4548, shown as the whole plate).
    private func plates(_ tx: any StoreReading, _ partial: String) throws -> [String] {
        let prefixes = partial.isEmpty ? [""] : try CustomerDesk.platePrefixes(partial, tx)
        return try prefixes.flatMap { try tx.vehicles(platePrefix: $0, limit: Completer.limit).map(\.plate.value) }
    }

    /// Names (Chinese included) by prefix, mobile numbers by their first
    /// digits, a complete code as itself. Roles that see numbers masked get
    /// the codes of a whole number or of its last four digits, and nothing
    /// for a prefix (X4: as `customer find`).
    private func customers(_ tx: any StoreReading, _ partial: String, _ privacy: Privacy) throws -> [String] {
        if Customer.looksLikeCode(partial), let number = Int(partial.dropFirst()), let c = try tx.customer(number: number) {
            return [c.code]
        }
        if !partial.isEmpty, partial.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if privacy.showsContacts {
                return try tx.customers(phonePrefix: partial, tail: false, limit: Completer.limit).map(\.phone.digits)
            }
            guard let lookup = privacy.phoneLookup(partial) else { return [] }
            return try CustomerDesk.customers(lookup, tx, limit: Completer.limit).map(\.code)
        }
        var seen = Set<String>()
        return try tx.customers(namePrefix: partial, limit: Completer.limit).map(\.name).filter { seen.insert($0).inserted }
    }

    private func files(_ partial: String) -> [String] {
        let expanded = partial.hasPrefix("~/") ? NSHomeDirectory() + partial.dropFirst(1) : partial
        let dirPart = (expanded as NSString).deletingLastPathComponent
        let namePart = expanded.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let base = dirPart.isEmpty ? session.workingDirectory : (dirPart.hasPrefix("/") ? dirPart : session.workingDirectory + "/" + dirPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        let shownDir = (partial as NSString).deletingLastPathComponent
        return entries.filter { $0.hasPrefix(namePart) && !$0.hasPrefix(".") || (namePart.hasPrefix(".") && $0.hasPrefix(namePart)) }.sorted().map { entry in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + entry, isDirectory: &isDir)
            let path = shownDir.isEmpty ? entry : shownDir + "/" + entry
            return isDir.boolValue ? path + "/" : path
        }
    }
}
