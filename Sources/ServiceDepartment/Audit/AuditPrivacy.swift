import Crypto
import LaneCore
import LaneStore

/// X4: personal data out of the audit row. A change's row keeps the command
/// and its answer with every personal value (what was typed in an argument
/// that holds personal data, and the name, number and address of the
/// customers it concerns) replaced by a placeholder; the values are kept
/// apart (`AuditPersonal`), and the chained, signed row holds the hash of a
/// random salt and the values. `customer erase` blanks them: the chain still
/// verifies, and `audit verify` counts the rows whose values can no longer be
/// checked. Changing a value kept apart, or removing it without the store's
/// key, is found.
public enum AuditPrivacy {
    /// A value's place in a row: control characters never come from input
    /// (they are refused), so a placeholder cannot be typed.
    static func placeholder(_ index: Int) -> String { "\u{1A}\(index)\u{1A}" }

    /// A row's command and answer with their personal values taken out.
    struct Split {
        var command: String
        var summary: String
        var values: [String]
        var subjects: [String]
    }

    /// The customers a change concerns: the customer of its entity (an order,
    /// an appointment, a car, a customer code, a complaint, a delayed
    /// delivery), every customer typed by reference, and every customer whose
    /// code the command or its answer names (a transfer names both owners);
    /// erased customers too, so that their rows are found.
    /// `loaded`: orders the caller has already read in this transaction (the change's own), so the
    /// order named by `ref` is not read a second time, lines and all, to learn its customer.
    static func subjects(noun: String, ref: String, typed: [PersonalValue], texts: [String], loaded: [Int64: RepairOrder] = [:],
                         _ tx: any StoreReading) throws -> [Customer] {
        var found: [Customer] = []
        func add(_ c: Customer?) { if let c, !found.contains(where: { $0.id == c.id }) { found.append(c) } }
        func vehicleOwner(_ id: Int64) throws -> Customer? { try tx.vehicle(id: id).flatMap { try tx.customer(id: $0.ownerID) } }
        if !ref.isEmpty {
            if let id = Int64(ref) {
                // Numbered by their own series: which one, the operation says.
                if noun == "complaint" { add(try tx.complaint(id: id).flatMap { try tx.customer(id: $0.customerID) }) }
                if noun == "remind" { add(try tx.delayedDelivery(id: id).flatMap { try vehicleOwner($0.vehicleID) }) }
            } else if let o = try loaded.values.first(where: { $0.number == ref }) ?? tx.repairOrder(number: ref) { add(try tx.customer(id: o.customerID)) }
            else if let a = try tx.appointment(number: ref) { add(try tx.customer(id: a.customerID)) }
            else if Customer.looksLikeCode(ref), case .success(let c) = try References.findCustomer(ref, tx) { add(c) }
            else if let v = try tx.vehicle(plate: ref) ?? tx.vehicle(vin: ref) { add(try tx.customer(id: v.ownerID)) }
        }
        for value in typed where value.kind == .customerReference {
            if case .success(let c) = try References.findCustomer(value.text, tx) { add(c) }
        }
        for text in texts {
            for word in codeShapedWords(text) {
                if case .success(let c) = try References.findCustomer(word, tx) { add(c) }
            }
        }
        return found
    }

    /// The words of `text` (runs of letters and numbers) shaped like a customer code.
    static func codeShapedWords(_ text: String) -> [String] {
        guard PlainText.isPlain(text) else { return characterWords(text).filter(Customer.looksLikeCode) }
        // Plain text: every scalar is a character of its own (`PlainText`), and a character's `isLetter`
        // and `isNumber` are its first scalar's properties, so scalars give the same words. Forming
        // characters was 4 % of a scripted write's instructions.
        var words: [String] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        func end(at index: String.UnicodeScalarView.Index) {
            // A code starts with a C (`Customer.looksLikeCode`): other words are not made into text.
            if let s = start, scalars[s] == "C" || scalars[s] == "c" {
                let word = String(scalars[s..<index])
                if Customer.looksLikeCode(word) { words.append(word) }
            }
            start = nil
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            let inWord = u.isASCII
                ? (0x30...0x39).contains(u.value) || (0x41...0x5A).contains(u.value) || (0x61...0x7A).contains(u.value)
                : (0x4E00...0x9FFF).contains(u.value) || u.properties.isAlphabetic || u.properties.numericType != nil
            if !inWord { end(at: i) } else if start == nil { start = i }
            i = scalars.index(after: i)
        }
        end(at: scalars.endIndex)
        return words
    }

    /// The words of `text` as characters make them: any text.
    static func characterWords(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Takes the personal values out of `command` and `summary`: the values
    /// typed, and what is held on the customers the change concerns.
    /// `before`: customers as they were before the change; those erased by it are left out.
    static func split(command: String, summary: String, typed: [PersonalValue], subjects: [Customer], before: [Customer] = []) -> Split {
        var values: [String] = []
        func keep(_ v: String) {
            let t = v.trimmingWhitespace()
            if !t.isEmpty && !values.contains(t) { values.append(t) }
        }
        var command = command
        // A value the command holds in another form (quoted with escapes) would
        // slip past the replacement: then the whole command is kept apart.
        let named = typed.filter { !($0.kind == .customerReference && Customer.looksLikeCode($0.text.trimmingWhitespace())) }
        if named.contains(where: { !command.contains($0.text.trimmingWhitespace()) }) {
            keep(command)
            command = placeholder(0)
        }
        // A customer given by code names nobody: the code stays in the row.
        for v in named { keep(v.text) }
        let erased = Set(subjects.filter(\.phone.isErased).map(\.id))
        for c in subjects + before where !c.phone.isErased && !erased.contains(c.id) {
            keep(c.name)
            keep(c.phone.digits)
            if let a = c.address { keep(a) }
        }
        return Split(command: replacing(values, in: command), summary: replacing(values, in: summary), values: values,
                     subjects: subjects.map(\.code))
    }

    /// One pass, longest value first at each place, so no value is replaced
    /// inside another's placeholder.
    static func replacing(_ values: [String], in text: String) -> String {
        if PlainText.isPlain(text) && values.allSatisfy(PlainText.isPlain) {
            // Ordered by bytes: two values found at one place are one the other's prefix, and in plain text
            // (a character a scalar) the longer in characters is the longer in bytes. Counting characters
            // walked every value again (a fifth of this function's instructions).
            let order = values.indices.sorted { values[$0].utf8.count > values[$1].utf8.count }.filter { !values[$0].isEmpty }
            return order.isEmpty ? text : replacingBytes(values, order, in: text)
        }
        // Each length counted once: a character count walks the text, and the sort asked for it at every comparison.
        let lengths = values.map(\.count)
        let order = values.indices.sorted { lengths[$0] > lengths[$1] }.filter { lengths[$0] > 0 }
        guard !order.isEmpty else { return text }
        return replacingCharacters(values, order, in: text)
    }

    /// `replacingCharacters` on UTF-8 bytes, for plain text: matching a value character by character
    /// (`hasPrefix` at every character) was a tenth of a scripted write's instructions.
    static func replacingBytes(_ values: [String], _ order: [Int], in text: String) -> String {
        let bytes = Array(text.utf8)
        let needles = values.map { Array($0.utf8) }
        // The bytes a value or a placeholder can start with: at any other byte no value is compared.
        var starts = [Bool](repeating: false, count: 256)
        starts[0x1A] = true
        for k in order { if let first = needles[k].first { starts[Int(first)] = true } }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        // What is not replaced is copied a run at a time, up to the next value found (a byte at a time,
        // each append checked the buffer's uniqueness: half of this function's instructions).
        var i = 0, copied = 0
        scanning: while i < bytes.count {
            guard starts[Int(bytes[i])] else {
                i += 1
                continue
            }
            if bytes[i] == 0x1A, let end = bytes[(i + 1)...].firstIndex(of: 0x1A) {
                // A placeholder already there stays as it is.
                i = end + 1
                continue
            }
            for k in order where bytes.count - i >= needles[k].count && bytes[i..<(i + needles[k].count)].elementsEqual(needles[k]) {
                out += bytes[copied..<i]
                out += placeholder(k).utf8
                i += needles[k].count
                copied = i
                continue scanning
            }
            i += 1
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    static func replacingCharacters(_ values: [String], _ order: [Int], in text: String) -> String {
        var out = ""
        var rest = Substring(text)
        scanning: while let first = rest.first {
            if first == "\u{1A}", let end = rest.dropFirst().firstIndex(of: "\u{1A}") {
                // A placeholder already there (the whole command kept apart).
                out += rest[...end]
                rest = rest[rest.index(after: end)...]
                continue
            }
            for i in order where rest.hasPrefix(values[i]) {
                out += placeholder(i)
                rest = rest.dropFirst(values[i].count)
                continue scanning
            }
            out.append(first)
            rest = rest.dropFirst()
        }
        return out
    }

    /// The text with its placeholders filled from `values` (nil: erased).
    public static func restore(_ text: String, _ values: [String]?) -> String {
        guard text.contains("\u{1A}") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\u{1A}") {
            out += rest[..<start]
            let after = rest.index(after: start)
            guard let end = rest[after...].firstIndex(of: "\u{1A}"), let index = Int(rest[after..<end]) else {
                out += rest[start...]
                return out
            }
            if let values, index < values.count { out += values[index] }
            else { out += Message("audit.erased_value").description }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// The hash the chain holds: of a random salt, the values and the
    /// customers they concern ("" when no values), so a row unlinked from its
    /// customer (to escape an erasure) is found too.
    static func hash(salt: String, _ values: [String], subjects: [String]) -> String {
        guard !values.isEmpty else { return "" }
        // salt 1F values (joined by 1E) 1F subjects (joined by spaces), their bytes hashed as one buffer.
        return AuditTrail.sha256Hex([salt, values.joined(separator: "\u{1E}"), Set(subjects).sorted().joined(separator: " ")], separator: "\u{1F}")
    }

    /// 16 random bytes as hex, from two draws of the system's generator (a draw of one byte each was
    /// 16 `getrandom` calls for every audit row).
    static func newSalt() -> String {
        var rng = SystemRandomNumberGenerator()
        let words = [rng.next(), rng.next()]
        return AuditTrail.hex(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } })
    }

    /// What an erasure leaves: the store key's signature that row `sequence`'s
    /// values were erased by lane ("-" without a key).
    static func erasedMark(_ key: [UInt8]?, sequence: Int64, personalHash: String) -> String {
        key.map { AuditTrail.mac($0, "erased\u{1F}\(sequence)\u{1F}\(personalHash)") } ?? "-"
    }

    /// Blanks the values of every row that concerns an erased customer
    /// (inside the change that erased them, and any later one that finds
    /// values left).
    static func eraseValues(of customers: [Customer], key: [UInt8]?, _ tx: any StoreWriting) throws {
        for c in customers where c.phone.isErased {
            for sequence in try tx.auditPersonalNotErased(ofCustomer: c.code) {
                guard let row = try tx.auditEntry(sequence: sequence) else { continue }
                try tx.eraseAuditPersonal(sequence: sequence, mark: erasedMark(key, sequence: sequence, personalHash: row.personalHash ?? ""))
            }
        }
    }

    /// Rows as they were typed: placeholders filled with the values still
    /// kept, "(erased)" where they were erased.
    public static func restored(_ entries: [AuditEntry], _ tx: any StoreReading) throws -> [AuditEntry] {
        let personal = try tx.auditPersonal(sequences: entries.filter { !($0.personalHash ?? "").isEmpty }.map(\.sequence))
        return entries.map { e in
            guard let p = personal[e.sequence] else { return e }
            var r = e
            let values = p.isErased ? nil : p.values
            r.command = restore(e.command, values)
            r.summary = restore(e.summary, values)
            return r
        }
    }
}
