import Foundation
import LaneCore
import LaneStore
import ServiceDepartment

/// TAB completion from the command specs and live data: nouns, verbs,
/// options, plates, customers, staff names, part numbers and files.
public struct Completer {
    let session: ShellSession
    /// Candidates shown at most; enough for a screen. The store is asked for
    /// one more, so a cut list can say so.
    static let limit = 40
    private static let fetchLimit = limit + 1

    /// What the words found by another field than their start are (a part
    /// number found by the part's name), filled while candidates are found.
    private final class Notes { var byWord: [String: String] = [:] }
    private let notes = Notes()

    public init(session: ShellSession) { self.session = session }

    /// What TAB offers: at most `limit` words, and whether there were more.
    public func completions(forLineBeforeCursor line: String) -> Completions {
        notes.byWord = [:]
        let all = candidates(forLineBeforeCursor: line)
        let shown = Array(all.prefix(Self.limit))
        let said = notes.byWord.filter { shown.contains($0.key) }
        return Completions(shown, more: all.count > Self.limit, notes: said)
    }

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
            if let found = optionValues(option.name, spec, argumentWords, partial) { return found }
            return values(option.completion, partial)
        }
        // `set NAME VALUE`: the values that setting takes.
        if spec.name == "set", argumentWords.count == 1 {
            return setValues(argumentWords[0], partial)
        }
        // Else the next positional.
        var positionalIndex = 0
        var firstPositional: String?
        var i = 0
        while i < argumentWords.count {
            let word = argumentWords[i]
            if word.hasPrefix("--"), let option = spec.option(named: String(word.dropFirst(2))) {
                i += option.isSwitch ? 1 : 2
                continue
            }
            if positionalIndex == 0 { firstPositional = word }
            positionalIndex += 1
            i += 1
        }
        // `ro part XH-94109-0014 ` with an order in use: the order is the
        // current one, the word was the part, and nothing else follows.
        if let word = firstPositional, let kind = spec.positionals.first?.current, session.current?.reference(for: kind) != nil,
           !Self.looks(word, like: kind) {
            positionalIndex += 1
        }
        guard positionalIndex < spec.positionals.count else { return [] }
        let here = spec.positionals[positionalIndex]
        var found = values(here.completion, partial)
        // `ro open` with a customer in use: their cars first.
        if here.completion == .vehicles, let owner = session.current?.reference(for: .customer) {
            let theirs = ownersPlates(owner, partial)
            found = theirs + found.filter { !theirs.contains($0) }
        }
        // The current object may stand in for this positional: offer the next one's values too.
        if let kind = here.current, session.current?.reference(for: kind) != nil, positionalIndex + 1 < spec.positionals.count {
            found += values(spec.positionals[positionalIndex + 1].completion, partial)
        }
        return found
    }

    /// Options that mean the same thing in every command: a team is one of
    /// the workshop's teams, `--tech` a technician or team leader, and
    /// `--signed-by` the order's customer (the one who signs). Nil: the spec's own source.
    private func optionValues(_ name: String, _ spec: CommandSpec, _ words: [String], _ partial: String) -> [String]? {
        switch name {
        case "team":
            return filter((try? session.store.read { try $0.teams().map(\.name) }) ?? [], partial)
        case "tech":
            let workshop: Set<StaffRole> = [.technician, .teamLeader]
            return (try? session.store.read { tx in
                try tx.staff(namePrefix: partial, limit: 200).filter { workshop.contains($0.role) }.map(\.name)
            }).map { Array($0.prefix(Self.fetchLimit)) } ?? []
        case "signed-by":
            let typed = words.first { !$0.hasPrefix("--") && $0.uppercased().hasPrefix("RO") }
            guard let order = typed ?? session.current?.reference(for: .repairOrder) else { return nil }
            let name = try? session.store.read { tx in try RepairOrderDesk.row(try RepairOrderDesk.load(order, tx), tx).customer?.name }
            return filter([name ?? nil].compactMap { $0 }, partial)
        default:
            return nil
        }
    }

    private func setValues(_ setting: String, _ partial: String) -> [String] {
        switch setting {
        case "format": return filter(OutputFormat.allCases.map(\.rawValue), partial)
        case "on-error": return filter(ErrorPolicy.allCases.map(\.rawValue), partial)
        case "color", "pager": return filter(["on", "off"], partial)
        case "expanded": return filter(ExpandedMode.allCases.map(\.rawValue), partial)
        case "user": return values(.staff, partial)
        default: return []
        }
    }

    /// The plates of the customer in use, starting with what was typed.
    private func ownersPlates(_ code: String, _ partial: String) -> [String] {
        guard Customer.looksLikeCode(code), let number = Int(code.dropFirst()) else { return [] }
        return (try? session.store.read { tx -> [String] in
            guard let c = try tx.customer(number: number) else { return [] }
            return try tx.vehicles(ownerID: c.id).map(\.plate.value).filter { $0.hasPrefix(partial.uppercased()) }
        }) ?? []
    }

    /// Whether a word someone typed can be a reference of this kind (a
    /// repair order's number starts RO; a plate with a province's character
    /// or a VIN of 17). Customers are given many ways, so any word may be one.
    static func looks(_ word: String, like kind: CurrentKind) -> Bool {
        switch kind {
        case .repairOrder: return word.uppercased().hasPrefix("RO")
        case .vehicle: return word.count == 17 || word.first.map { DisplayWidth.of($0) == 2 } == true
        case .customer: return true
        }
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
                let orders = partial.uppercased().hasPrefix("R") ? try tx.repairOrderNumbers(prefix: partial.uppercased(), limit: Completer.fetchLimit) : []
                return try orders + plates(tx, partial) + customers(tx, partial, privacy)
            }) ?? []
        case .staff:
            return (try? session.store.read { try $0.staff(namePrefix: partial, limit: Completer.fetchLimit).map(\.name) }) ?? []
        case .parts:
            // A part is known by its number, or at the counter by its name: `ro part 机油` offers the oil's number.
            if let first = partial.first, !first.isASCII {
                let found = (try? session.store.read { try Array($0.parts().filter { $0.name.contains(partial) }.prefix(Completer.fetchLimit)) }) ?? []
                for part in found { notes.byWord[part.number] = part.name }
                return found.map(\.number)
            }
            return (try? session.store.read { try $0.parts(numberPrefix: partial.uppercased(), limit: Completer.fetchLimit).map(\.number) }) ?? []
        case .laborOperations:
            return filter((try? session.store.read { try $0.laborOperations().map(\.code) }) ?? [], partial.uppercased())
        case .appointments:
            return (try? session.store.read { try $0.appointmentNumbers(prefix: partial.uppercased(), limit: Completer.fetchLimit) }) ?? []
        case .repairOrders:
            return (try? session.store.read { try $0.repairOrderNumbers(prefix: partial.uppercased(), limit: Completer.fetchLimit) }) ?? []
        }
    }

    /// The user's privacy, read before a completion's read transaction (the store's reads do not nest).
    private var privacy: Privacy { Privacy(role: try? session.role()) }

    /// Plates starting with what was typed, the province included or left
    /// out (`BC45` at a 粤B store: 粤BC4548, shown as the whole plate).
    private func plates(_ tx: any StoreReading, _ partial: String) throws -> [String] {
        let prefixes = partial.isEmpty ? [""] : try CustomerDesk.platePrefixes(partial, tx)
        return try prefixes.flatMap { try tx.vehicles(platePrefix: $0, limit: Completer.fetchLimit).map(\.plate.value) }
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
                return try tx.customers(phonePrefix: partial, tail: false, limit: Completer.fetchLimit).map(\.phone.digits)
            }
            guard let lookup = privacy.phoneLookup(partial) else { return [] }
            return try CustomerDesk.customers(lookup, tx, limit: Completer.fetchLimit).map(\.code)
        }
        var seen = Set<String>()
        return try tx.customers(namePrefix: partial, limit: Completer.fetchLimit).map(\.name).filter { seen.insert($0).inserted }
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
