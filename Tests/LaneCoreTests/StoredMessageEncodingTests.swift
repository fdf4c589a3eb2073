import Foundation
import PropertyBased
import Testing
@testable import LaneCore

/// `StoredMessage.encode` writes its JSON by hand (a write's hot path); what it writes must be
/// what Foundation's JSONSerialization wrote with sorted keys before, byte for byte, and read back whole.
@Suite struct StoredMessageEncodingTests {
    /// A message keeps its arguments as given (`namedArguments`), yet two messages with the same code and
    /// arguments are equal, and hash alike, in whatever order the arguments came; a value or a name
    /// changed makes them differ. On random messages, each against its arguments given the other way round.
    @Test func argumentsInAnotherOrderMakeAnEqualMessage() {
        for seed in UInt64(1)...400 {
            let m = Self.message(seed: seed, controls: false)
            let reversed = Message(m.code, m.arguments)
            var turned = reversed
            turned.arguments = m.arguments
            let backwards = Message(m.code, named: m.namedArguments.reversed())
            for other in [reversed, turned, backwards] {
                #expect(other == m && other.hashValue == m.hashValue, "\(seed)")
            }
            #expect(Set([m, backwards]).count == 1)
            if let first = m.namedArguments.first {
                var changed = m.arguments
                changed[first.name] = .text("另一个值")
                #expect(Message(m.code, changed) != m || first.value == .text("另一个值"))
                changed[first.name] = nil
                changed[first.name + "_"] = first.value
                #expect(Message(m.code, changed) != m)
            }
            #expect(Message(MessageCode(m.code.rawValue + ".x"), m.arguments) != m)
        }
        #expect(Message("a", ["x": .int(1), "y": .int(2)]) == Message("a", ["y": .int(2), "x": .int(1)]))
        #expect(Message("a", ["x": .int(1), "y": .int(2)]) != Message("a", ["x": .int(2), "y": .int(1)]))
        #expect(Message("a", ["x": .int(1)]).argument("x") == .int(1) && Message("a").argument("x") == nil)
    }

    /// The encoding as it was: JSONSerialization of the same object, keys sorted.
    static func reference(_ m: Message) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object(m), options: [.sortedKeys]), as: UTF8.self)
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

    /// A random message from a seed: texts drawn from characters JSON treats specially (quotes,
    /// backslash, slash, every control character, the line separators) and from Chinese and emoji.
    static func message(seed: UInt64, depth: Int = 0, controls: Bool = true) -> Message {
        var rng = SplitMix(seed)
        let pool: [Unicode.Scalar] = Array("aZ_9-. \"\\/:{}[],刹车异响粤B😀é\t\n".unicodeScalars)
            + (controls ? (0...0x1F).compactMap(Unicode.Scalar.init) + ["\u{7F}", "\u{2028}", "\u{2029}", "\u{FEFF}"] : [])
        // Argument names are the code's (letters, digits, `_`, `.`).
        let names: [Unicode.Scalar] = Array("abcxyzABZ_.0129".unicodeScalars)
        func text(_ n: Int, from pool: [Unicode.Scalar] = pool) -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<rng.below(n + 1) { s.append(pool[rng.below(pool.count)]) }
            return String(s)
        }
        func argument(_ depth: Int) -> MessageArgument {
            switch rng.below(depth > 1 ? 7 : 10) {
            case 0: return .text(text(12))
            case 1: return .int(Int(Int64(bitPattern: rng.next()) >> rng.below(64)))
            case 2: return .money(Money(fen: Int64(bitPattern: rng.next()) >> 20))
            case 3: return .date(CalendarDate(daysSinceEpoch: rng.below(40_000)))
            case 4: return .time(Timestamp(secondsSince1970: Int64(rng.below(2_000_000_000))))
            case 5: return .role(StaffRole.allCases[rng.below(StaffRole.allCases.count)])
            case 6: return .code(text(6), text(6))
            case 7: return .list((0..<rng.below(4)).map { _ in argument(depth + 1) })
            case 8: return .lines((0..<rng.below(3)).map { _ in argument(depth + 1) })
            default: return .message(message(seed: rng.next(), depth: depth + 1, controls: controls))
            }
        }
        var arguments: [String: MessageArgument] = [:]
        for _ in 0..<rng.below(6) { arguments[text(8, from: names)] = argument(depth) }
        return Message(MessageCode(text(10)), arguments)
    }

    @Test func theTextIsJSONSerializationsByteForByteAndReadsBack() async {
        await propertyCheck(input: Gen.int64(in: 0 ... Int64.max)) { seed in
            // Every character, control characters too: the bytes are JSONSerialization's.
            let m = Self.message(seed: UInt64(seed))
            #expect(StoredMessage.encode(m) == (try? Self.reference(m)), "\(m)")
            // Text as people type it reads back whole. (JSONSerialization's reader, used since v26, drops a
            // U+FEFF that begins a string and does not give back every control character: not this change's.)
            let typed = Self.message(seed: UInt64(seed), controls: false)
            #expect(StoredMessage.encode(typed) == (try? Self.reference(typed)))
            #expect(StoredMessage.encode(typed).flatMap(StoredMessage.decode) == typed)
        }
    }

    /// JSONSerialization reads some 19-digit numbers as `NSDecimalNumber` (exact, but not `as? Int`): the
    /// round trip above failed now and then on one (seed 4329666099152397646).
    @Test func wholeNumbersOfEveryLengthReadBack() {
        for n: Int64 in [-2_924_362_443_426_615_500, .min, .max, 9_007_199_254_740_993, -1, 0] {
            let m = Message("a.b", ["n": .int(Int(n)), "fen": .money(Money(fen: n)), "at": .time(Timestamp(secondsSince1970: n))])
            #expect(StoredMessage.encode(m).flatMap(StoredMessage.decode) == m, "\(n)")
        }
        #expect(StoredMessage.decode(#"{"arguments":{"n":{"int":1.5}},"code":"a.b"}"#) == nil)
        let typed = Self.message(seed: 4_329_666_099_152_397_646, controls: false)
        #expect(StoredMessage.encode(typed).flatMap(StoredMessage.decode) == typed)
    }

    @Test func namesOfSmallLettersAndUnderscoresAreSortedAsJSONSerializationSortsThem() async {
        // Such names are sorted by their bytes, the others through the locale: the same order either way.
        // Mostly such names; now and then a digit (sorted as a number) or a capital (sorted as a small letter).
        let letters: [Unicode.Scalar] = Array("abyz_abyz_abyz_19A".unicodeScalars)
        await propertyCheck(input: Gen.int64(in: 0 ... Int64.max)) { seed in
            var rng = SplitMix(UInt64(seed))
            var arguments: [String: MessageArgument] = [:]
            for _ in 0..<(2 + rng.below(6)) {
                var name = String.UnicodeScalarView()
                for _ in 0..<rng.below(7) { name.append(letters[rng.below(letters.count)]) }
                arguments[String(name)] = .int(rng.below(10))
            }
            let m = Message("a.b", arguments)
            #expect(StoredMessage.encode(m) == (try? Self.reference(m)), "\(m)")
        }
    }

    @Test func theEscapesJSONNeeds() throws {
        let m = Message("a.b", ["t": .text("\"\\/\n\r\t\u{08}\u{0C}\u{01}\u{1F} 刹车")])
        #expect(StoredMessage.encode(m) == #"{"arguments":{"t":{"text":"\"\\\/\n\r\t\b\f\u0001\u001f 刹车"}},"code":"a.b"}"#)
        #expect(StoredMessage.encode(m) == (try Self.reference(m)))
    }
}

/// A small seeded generator (SplitMix64), so one seed from the property check makes one message.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}
