import Foundation
import LaneCore
import LaneStore
import ServiceDepartment

/// Events for run-time plugins. A plugin names in its handshake the events it
/// wants (`"events": ["appointment.book", "repair_order.pay", "customer.erase"]`);
/// once a command has committed, it is run once per event with
/// `"request":"event"` and the event's record as the signed-in role may see
/// it. It runs after the commit, so it never holds up or undoes the command;
/// what it says is a note, a failure a note naming it (docs/plugins.md).
enum RuntimeEvents {
    /// What an event's name starts with (`DomainEvent.name`).
    static let nouns = ["repair_order", "appointment", "complaint", "customer"]

    /// The handshake's `events`, each `NOUN.STEP`, `NOUN.*` or `*`; anything else refuses the plugin, naming the field.
    static func checked(_ names: [String]) throws(RuntimeFailure) -> [String] {
        for (i, name) in names.enumerated() {
            let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let stepOK = parts.count == 2 && !parts[1].isEmpty && parts[1].count <= 40
                && (parts[1] == "*" || parts[1].allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-" || $0 == "_") })
            guard name == "*" || (parts.count == 2 && nouns.contains(parts[0]) && stepOK) else {
                throw RuntimeFailure(Message("plugin.runtime.not_an_event", ["field": .text("events[\(i)]"), "given": .text(String(name.prefix(60))),
                                                                              "nouns": .list(nouns.map { .text($0) })]))
            }
        }
        return names
    }

    /// Whether `plugin` asked for the event named `name`.
    static func hears(_ plugin: RuntimePlugin, _ name: String) -> Bool {
        plugin.events.contains { $0 == "*" || $0 == name || ($0.hasSuffix(".*") && name.hasPrefix($0.dropLast())) }
    }

    /// After the commit: each event told to each run-time plugin that asked for
    /// it, one process each. Notes come back as `NAME: …`; a failure names the plugin.
    static func notes(for events: [(DomainEvent, CommandContext)], _ store: any ServiceStore) -> [String] {
        var notes: [String] = []
        for (event, ctx) in events {
            let listeners = ctx.plugins.listeners.filter { hears($0, event.name) }
            guard !listeners.isEmpty else { continue }
            for plugin in listeners {
                let name = plugin.manifest.name
                do {
                    let request = try store.read { tx -> [String: Any] in
                        var context = RuntimePlugin.context(ctx, plugin: name)
                        context["state"] = try tx.pluginState(plugin: name)
                        return ["protocol": RuntimePlugin.protocolVersion, "request": "event", "language": RuntimePlugin.language,
                                "event": try payload(event, ctx.privacy, ctx.settings.utcOffset, tx), "context": context]
                    }
                    let data = try RuntimePlugin.exchange(path: plugin.path, request: request, timeout: plugin.timeout)
                    try RuntimePlugin.checkVersion(data)
                    let answer = try RuntimeProtocol.decode(RuntimeProtocol.Answer.self, from: data, shape: RuntimeProtocol.answerShape)
                    let forCommands: [(String, Bool)] = [("commands", answer.commands != nil), ("state", answer.state != nil), ("table", answer.table != nil),
                                                         ("refusal", answer.refusal != nil), ("notify", answer.notify != nil)]
                    if let field = forCommands.first(where: { $0.1 })?.0 {
                        throw RuntimeFailure(Message("plugin.runtime.event_answer", ["field": .text(field)]))
                    }
                    notes += [answer.message, answer.text].compactMap { $0 }.filter { !$0.isEmpty }.map { "\(name): \($0)" }
                } catch let failure as RuntimeFailure {
                    notes.append(Message("plugin.committed_failed", ["plugin": .text(name), "error": .message(failure.said)]).description)
                } catch {
                    notes.append(Message("plugin.committed_failed", ["plugin": .text(name), "error": .text(ErrorReport.message(for: error))]).description)
                }
            }
        }
        return notes
    }

    /// The event as a run-time plugin reads it: `name` and the record, as
    /// documented in docs/plugins.md. Customers appear by code; words a
    /// customer said come scrubbed of phone numbers for roles that see them masked.
    static func payload(_ event: DomainEvent, _ privacy: Privacy, _ offset: UTCOffset, _ tx: any StoreReading) throws -> [String: Any] {
        var p: [String: Any] = ["name": event.name]
        func customerCode(_ id: Int64) throws -> Any { try tx.customer(id: id)?.code ?? NSNull() }
        func order(_ o: RepairOrder) throws -> [String: Any] {
            var r: [String: Any] = ["number": o.number, "status": o.status.rawValue, "advisor": o.advisor,
                                    "opened": o.openedAt.iso8601(in: offset), "customer": try customerCode(o.customerID)]
            if let v = try tx.vehicle(id: o.vehicleID) { r["plate"] = v.plate.value; r["vin"] = v.vin.value }
            return r
        }
        switch event {
        case .repairOrderOpened(let o), .delivered(let o):
            p["order"] = try order(o)
        case .lineAdded(let o, let line):
            p["order"] = try order(o)
            var l: [String: Any] = ["kind": line.kind == .labor ? "labor" : "part", "code": line.code, "name": line.name, "quantity": line.quantity,
                                    "unit_price_fen": line.unitPrice.fen]
            if line.kind == .labor { l["hours"] = line.hours.description }
            p["line"] = l
        case .repairOrderStep(let o, _):
            p["order"] = try order(o)
            let payments = event.payments
            if !payments.isEmpty {
                p["payments"] = payments.map { e -> [String: Any] in
                    ["kind": e.kind.rawValue, "method": e.method.rawValue, "amount_fen": e.amount.fen, "tendered_fen": e.tendered?.fen ?? NSNull(),
                     "by": e.by, "at": e.at.iso8601(in: offset)]
                }
            }
        case .appointmentStep(let a, _):
            var r: [String: Any] = ["number": a.number, "status": a.status.rawValue, "customer": try customerCode(a.customerID),
                                    "advisor": a.advisor, "start": a.start.iso8601(in: offset), "job": a.job]
            if let id = a.vehicleID, let v = try tx.vehicle(id: id) { r["plate"] = v.plate.value }
            p["appointment"] = r
        case .complaintOpened(let c):
            var r: [String: Any] = ["id": c.id, "customer": try customerCode(c.customerID), "text": privacy.scrub(c.text), "status": c.status.rawValue]
            if let id = c.orderID, let o = try tx.repairOrder(id: id) { r["order"] = o.number }
            p["complaint"] = r
        case .customerErased(let code):
            p["customer"] = ["code": code]
        }
        return p
    }
}
