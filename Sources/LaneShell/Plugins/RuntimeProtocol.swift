import Foundation
import LaneCore

/// The run-time protocol's messages, decoded strictly with Codable: a field
/// of the wrong kind (4.1 where a whole number belongs) or a key the protocol
/// does not have (`txet`) is refused, and the refusal names the field.
enum RuntimeProtocol {
    /// Only the version, read first: another version is said as such, whatever else the answer holds.
    struct Version: Decodable {
        var `protocol`: Int?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let version = try? c.decodeIfPresent(Int.self, forKey: .protocol) {
                `protocol` = version
            } else if c.contains(.protocol) {
                // 1.5 is not version 1: said as such, never cut.
                throw FieldProblem(path: [CodingKeys.protocol], said: Message("plugin.json.not_whole"))
            } else {
                `protocol` = nil
            }
        }
        enum CodingKeys: String, CodingKey { case `protocol` }
    }

    struct Handshake: Decodable {
        var `protocol`: Int
        var name: String
        var version: String
        var summary: Words
        var nouns: [String: Words]?
        var commands: [Command]
        /// The events it wants to hear once a command has committed (`appointment.book`, `repair_order.*`).
        var events: [String]?
    }

    /// Words for people: one string (in whatever language the plugin speaks), or
    /// the same words in several languages, `{"en": "…", "zh": "…"}`, of which
    /// each reader gets theirs. The handshake is asked once and kept, whatever
    /// language the shell that asked speaks, so it gives every language at once.
    struct Words: Decodable, Sendable {
        var plain: String?
        var byLanguage: [InterfaceLanguage: String] = [:]

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let text = try? c.decode(String.self) { plain = text; return }
            guard let words = try? c.decode([String: String].self) else {
                throw FieldProblem(path: decoder.codingPath, said: Message("plugin.json.not_words"))
            }
            for (key, text) in words {
                guard let language = InterfaceLanguage(parsing: key), key.count <= 16 else {
                    throw FieldProblem(path: decoder.codingPath, said: Message("plugin.json.not_a_language", ["given": .text(key)]))
                }
                byLanguage[language] = text
            }
            if byLanguage.isEmpty { throw FieldProblem(path: decoder.codingPath, said: Message("plugin.json.not_words")) }
        }

        /// One text where one is needed (the spec, the manifest): the plain
        /// words, else the English ones, else the Chinese.
        var text: String { plain ?? byLanguage[.english] ?? byLanguage[.chinese] ?? "" }
    }

    struct Command: Decodable {
        var noun: String
        var verb: String
        var summary: Words
        var discussion: Words?
        var positionals: [Positional]?
        var options: [Option]?
        var examples: [String]?
        var changes: Bool?
        var roles: [String]?
    }

    struct Positional: Decodable {
        var name: String
        var help: Words?
        var completion: String?
        var optional: Bool?
        var current: String?
    }

    struct Option: Decodable {
        var name: String
        var value: String?
        var help: Words?
        var completion: String?
        var required: Bool?
    }

    /// The answer to a `run` request.
    struct Answer: Decodable, Sendable {
        var `protocol`: Int
        var text: String?
        var message: String?
        var table: TableAnswer?
        var commands: [String]?
        var refusal: RefusalAnswer?
        /// Keys of the plugin's state to set (a string) or remove (null), in the command's transaction.
        var state: [String: String?]?
        /// True: run the plugin again with `"request":"committed"` once the command has committed.
        var notify: Bool?
    }

    struct TableAnswer: Decodable, Sendable {
        var columns: [ColumnAnswer]
        var rows: [[Cell]]
        var empty: String?
    }

    struct ColumnAnswer: Decodable, Sendable {
        var key: String
        var title: String?
    }

    struct RefusalAnswer: Decodable, Sendable {
        var message: String
        var problems: [ProblemAnswer]?
    }

    struct ProblemAnswer: Decodable, Sendable {
        var field: String?
        var text: String
    }

    /// The keys each object of the protocol may have. Codable skips keys a type
    /// does not have; the protocol refuses them, so a typo (`txet`) is found by
    /// its author, not ignored. Checked before decoding, on the same bytes.
    indirect enum Shape: Sendable {
        case value
        case list(Shape)
        /// Any keys, each holding this.
        case map(Shape)
        case object([String: Shape])
    }

    static let positionalShape = Shape.object(["name": .value, "help": .value, "completion": .value, "optional": .value, "current": .value])
    static let optionShape = Shape.object(["name": .value, "value": .value, "help": .value, "completion": .value, "required": .value])
    static let handshakeShape = Shape.object([
        "protocol": .value, "name": .value, "version": .value, "summary": .value, "nouns": .map(.value),
        "commands": .list(.object(["noun": .value, "verb": .value, "summary": .value, "discussion": .value, "positionals": .list(positionalShape),
                                   "options": .list(optionShape), "examples": .value, "changes": .value, "roles": .value])),
        "events": .value,
    ])
    static let answerShape = Shape.object([
        "protocol": .value, "text": .value, "message": .value, "commands": .value, "state": .map(.value), "notify": .value,
        "table": .object(["columns": .list(.object(["key": .value, "title": .value])), "rows": .value, "empty": .value]),
        "refusal": .object(["message": .value, "problems": .list(.object(["field": .value, "text": .value]))]),
    ])

    /// The first key `value` has that `shape` does not allow, with its path.
    static func unknownKey(_ value: Any, _ shape: Shape, path: String = "") throws(RuntimeFailure) {
        switch shape {
        case .value: return
        case .list(let inner):
            guard let items = value as? [Any] else { return }
            for (i, item) in items.enumerated() { try unknownKey(item, inner, path: path + "[\(i)]") }
        case .map(let inner):
            guard let object = value as? [String: Any] else { return }
            for (key, item) in object { try unknownKey(item, inner, path: path + (path.isEmpty ? "" : ".") + key) }
        case .object(let keys):
            guard let object = value as? [String: Any] else { return }
            for key in object.keys.sorted() {
                let field = path + (path.isEmpty ? "" : ".") + key
                guard let inner = keys[key] else {
                    throw RuntimeFailure(Message("plugin.json.unknown_key", ["field": .text(field), "known": .list(keys.keys.sorted().map { .text($0) })]))
                }
                if let item = object[key] { try unknownKey(item, inner, path: field) }
            }
        }
    }

    /// A table cell: text, a whole number, true/false or null. A fraction is refused, never cut.
    enum Cell: Decodable, Sendable {
        case text(String), int(Int), bool(Bool), null

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null; return }
            if let b = try? c.decode(Bool.self) { self = .bool(b); return }
            if let i = try? c.decode(Int.self) { self = .int(i); return }
            if let s = try? c.decode(String.self) { self = .text(s); return }
            throw FieldProblem(path: decoder.codingPath, said: Message("plugin.json.not_a_cell"))
        }
    }

    /// A field of the answer that the protocol refuses, with its path.
    struct FieldProblem: Error {
        var path: [any CodingKey]
        var said: Message
    }

    /// `commands[0].positionals[1].name`
    static func fieldName(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    /// Decodes `data` as `T`, every problem said with the field it is in.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, shape: Shape? = nil) throws(RuntimeFailure) -> T {
        if let shape, let object = try? JSONSerialization.jsonObject(with: data) { try unknownKey(object, shape) }
        do { return try JSONDecoder().decode(type, from: data) } catch let problem as FieldProblem {
            var said = problem.said
            said.arguments["field"] = .text(fieldName(problem.path))
            throw RuntimeFailure(said)
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, let context):
                throw RuntimeFailure(Message("plugin.json.missing", ["field": .text(fieldName(context.codingPath + [key]))]))
            case .valueNotFound(_, let context):
                throw RuntimeFailure(Message("plugin.json.missing", ["field": .text(fieldName(context.codingPath))]))
            case .typeMismatch(let type, let context):
                throw RuntimeFailure(Message("plugin.json.wrong_kind", ["field": .text(fieldName(context.codingPath)), "kind": .message(kind(type))]))
            case .dataCorrupted(let context):
                if context.codingPath.isEmpty {
                    throw RuntimeFailure(Message("plugin.runtime.not_json", ["printed": .message(printed(data))]))
                }
                throw RuntimeFailure(Message("plugin.json.not_whole", ["field": .text(fieldName(context.codingPath))]))
            @unknown default:
                throw RuntimeFailure(Message("plugin.runtime.not_json", ["printed": .message(printed(data))]))
            }
        } catch {
            throw RuntimeFailure(Message("plugin.runtime.not_json", ["printed": .message(printed(data))]))
        }
    }

    static func printed(_ data: Data) -> Message {
        let start = String(decoding: data.prefix(80), as: UTF8.self).trimmingWhitespace()
        return start.isEmpty ? Message("plugin.runtime.printed_nothing") : Message("plugin.runtime.printed", ["text": .text(start)])
    }

    /// What a field should have been, in the author's words.
    static func kind(_ type: Any.Type) -> Message {
        if type == String.self { return Message("plugin.json.kind.string") }
        if type == Int.self { return Message("plugin.json.kind.whole_number") }
        if type == Bool.self { return Message("plugin.json.kind.bool") }
        let name = String(describing: type)
        if name.hasPrefix("Array") { return Message("plugin.json.kind.list") }
        return Message("plugin.json.kind.object")
    }
}
