import Foundation

/// A message as a row keeps it: its code and typed arguments as JSON
/// (`{"code": "workshop.did.sign_terms", "arguments": {"payment": {"code": ["payment", "wechat"]}, …}}`),
/// so whoever reads the row later reads it in their own language
/// (`repair_order_event.message`, v26; a warranty claim's verdict). Nil when
/// the text is not one. In LaneCore so the stores and the plugins keep messages alike.
public enum StoredMessage {
    public static func encode(_ message: Message) -> String? {
        guard let data = try? JSONSerialization.data(withJSONObject: object(message), options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode(_ text: String) -> Message? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        return message(object)
    }

    static func object(_ m: Message) -> [String: Any] {
        ["code": m.code.rawValue, "arguments": m.arguments.mapValues(object)]
    }

    static func object(_ a: MessageArgument) -> [String: Any] {
        switch a {
        case .text(let s): return ["text": s]
        case .int(let n): return ["int": n]
        case .money(let m): return ["fen": m.fen]
        case .date(let d): return ["date": d.description]
        case .time(let t): return ["time": t.secondsSince1970]
        case .role(let r): return ["role": r.rawValue]
        case .code(let kind, let value): return ["code": [kind, value]]
        case .list(let items): return ["list": items.map(object)]
        case .lines(let items): return ["lines": items.map(object)]
        case .message(let m): return ["message": object(m)]
        }
    }

    static func message(_ object: Any) -> Message? {
        guard let o = object as? [String: Any], let code = o["code"] as? String, let args = o["arguments"] as? [String: Any] else { return nil }
        var arguments: [String: MessageArgument] = [:]
        for (key, value) in args {
            guard let a = argument(value) else { return nil }
            arguments[key] = a
        }
        return Message(MessageCode(code), arguments)
    }

    static func argument(_ object: Any) -> MessageArgument? {
        guard let o = object as? [String: Any], o.count == 1, let (kind, value) = o.first else { return nil }
        switch kind {
        case "text": return (value as? String).map(MessageArgument.text)
        case "int": return (value as? Int).map(MessageArgument.int)
        case "fen": return (value as? Int64).map { .money(Money(fen: $0)) }
        case "date": return (value as? String).flatMap(CalendarDate.init(parsing:)).map(MessageArgument.date)
        case "time": return (value as? Int64).map { .time(Timestamp(secondsSince1970: $0)) }
        case "role": return (value as? String).flatMap(StaffRole.init(rawValue:)).map(MessageArgument.role)
        case "code":
            guard let pair = value as? [String], pair.count == 2 else { return nil }
            return .code(pair[0], pair[1])
        case "list", "lines":
            guard let items = value as? [Any] else { return nil }
            let parsed = items.compactMap(argument)
            guard parsed.count == items.count else { return nil }
            return kind == "list" ? .list(parsed) : .lines(parsed)
        case "message": return message(value).map(MessageArgument.message)
        default: return nil
        }
    }
}
