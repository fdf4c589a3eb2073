import LaneCore

/// All commands the shell knows, by noun and verb. Built-ins register first;
/// anything registered later can never shadow them.
public struct CommandRegistry: Sendable {
    private(set) var meta: [String: CommandSpec] = [:]
    private(set) var nouns: [String: [String: CommandSpec]] = [:]
    private(set) var nounSummaries: [String: String] = [:]
    /// Verbs as registered: the built-ins register them in the order of a visit.
    private(set) var verbOrder: [String: [String]] = [:]

    public init() {}

    public enum Clash: Error, CustomStringConvertible {
        case taken(String)
        public var description: String {
            switch self {
            case .taken(let name): return "the command '\(name)' is already defined; a command can never be replaced"
            }
        }
    }

    /// The plugin that brought a noun: its help words are under the plugin's codes (`parts.help.noun.parts`).
    private(set) var nounPlugins: [String: String] = [:]
    public mutating func describe(noun: String, _ summary: String, plugin: String? = nil) {
        nounSummaries[noun] = summary
        if let plugin { nounPlugins[noun] = plugin }
    }

    public mutating func register(_ spec: CommandSpec) throws(Clash) {
        if let verb = spec.verb {
            guard meta[spec.noun] == nil, nouns[spec.noun]?[verb] == nil else { throw .taken(spec.name) }
            nouns[spec.noun, default: [:]][verb] = spec
            verbOrder[spec.noun, default: []].append(verb)
        } else {
            guard meta[spec.noun] == nil, nouns[spec.noun] == nil else { throw .taken(spec.name) }
            meta[spec.noun] = spec
        }
    }

    public func command(noun: String, verb: String?) -> CommandSpec? {
        if let verb { return nouns[noun]?[verb] }
        return meta[noun]
    }

    public func metaCommand(_ name: String) -> CommandSpec? { meta[name] }
    /// Whether `noun` has commands (every line asks: no sorting of its verbs).
    public func hasNoun(_ noun: String) -> Bool { nouns[noun] != nil }
    public func verbs(of noun: String) -> [CommandSpec]? { nouns[noun].map { $0.values.sorted { $0.name < $1.name } } }
    /// A noun's verbs in the order they were registered (`help ro`: the order of a visit).
    public func verbsInProcessOrder(of noun: String) -> [CommandSpec]? {
        guard let specs = nouns[noun] else { return nil }
        return (verbOrder[noun] ?? []).compactMap { specs[$0] }
    }
    public var metaNames: [String] { meta.keys.sorted() }
    public var nounNames: [String] { nouns.keys.sorted() }
    public var allSpecs: [CommandSpec] { metaNames.compactMap { meta[$0] } + nounNames.flatMap { verbs(of: $0) ?? [] } }
    /// Every spec in no particular order: for a pass over all of them at every start, which
    /// needs no sorting of each noun's verbs (`allSpecs` sorts them, for help and completion).
    /// A closure, not the key path `\.values`: a key path is made at run time from its pattern, and
    /// this one, read at every start, cost 0.2 million instructions.
    public var unorderedSpecs: [CommandSpec] { Array(meta.values) + nouns.values.flatMap { $0.values } }
    public func summary(of noun: String) -> String { nounSummaries[noun] ?? "" }

    /// The closest known word, for "did you mean" hints.
    static func suggestion(for word: String, among candidates: [String]) -> String? { Spelling.closest(to: word, among: candidates) }
}
