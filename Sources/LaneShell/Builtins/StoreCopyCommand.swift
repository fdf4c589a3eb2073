import Foundation
import LaneCore
import LanePlugin
import LanePostgres
import LaneStore
import ServiceDepartment

/// `store copy --to postgres://… [--from FILE]`, and back to a new file: a store
/// moves between its file and a database server whole, with its key.
enum StoreCopyCommand {
    static let storeCopy = CommandSpec(
        noun: "store", verb: "copy", summary: "Copy the whole store to a database server, or from one to a new file",
        discussion: "The copy is made in one transaction and its audit trail is checked there with the store's own key before it is kept: all or nothing. The target must hold no store yet; a file target must not exist. The key file goes with the copy (beside a file; for a server, in ~/.lane/keys or LANE_KEY_FILE). docs/server.md tells how a department moves to a server.",
        options: [OptionSpec("from", value: "DB", "The store to copy: a file or a postgres:// address (default: the store lane was started on)"),
                  OptionSpec("to", value: "DB", "Where the copy goes: a postgres:// address, or a new file")],
        examples: ["store copy --to postgres://lane@db.szns.local:5432/lane", "store copy --from postgres://lane@db.szns.local/lane --to backup-2026-11-23.sqlite"],
        action: .session { inv, session in
            let ctx = try session.context()
            let caller = ctx.caller(inv.line)
            // Nothing is opened or made for someone who may not copy the store.
            try session.department.authorize("store copy", caller)
            guard let to = inv.option("to"), !to.isEmpty else {
                throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_needs_both"))])
            }
            let opened: any ServiceStore
            if let from = inv.option("from"), !from.isEmpty { opened = try StoreOpening.open(from, create: false) } else { opened = session.store }
            guard let source = opened as? any StoreCopying else {
                throw Refusal(Message("server.copy_refused"), problems: [Problem("from", Message("server.copy_needs_both"))])
            }
            try StoreOpening.refuseBadAddress(to)
            let toServer = PostgresEndpoint.isURL(to)
            if !toServer && FileManager.default.fileExists(atPath: to) {
                throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_file_exists", ["to": .text(to)]))])
            }
            // The copy signs and verifies with the store's own key: it goes where the target keeps its key.
            let keyBase: String? = toServer ? PostgresEndpoint(url: to).map { PostgresStore.keyFile(for: $0) } : to
            if let key = source.secretKey, let keyBase { _ = StoreBackendSupport.giveKey(key, beside: keyBase) }
            let target: any ServiceStore
            do { target = try StoreOpening.open(to, create: true) } catch {
                if !toServer { StoreCopyCommand.removeFile(to) }
                throw error
            }
            guard let copyTarget = target as? any StoreCopying else {
                throw Refusal(Message("server.copy_refused"), problems: [Problem("to", Message("server.copy_needs_both"))])
            }
            let copied: StoreCopyDesk.Copied
            do {
                copied = try StoreCopyDesk.copy(from: source, to: copyTarget, by: caller, department: session.department)
            } catch {
                // All or nothing: a new file that did not get the copy goes (a server's store is left empty).
                if !toServer { StoreCopyCommand.removeFile(to) }
                throw error
            }
            var r = Record()
            r.add("from", "from", .text(copied.from))
            r.add("to", "to", .text(copied.to))
            r.add("tables", "tables", .int(copied.tables))
            r.add("rows", "rows", .int(copied.rows))
            r.add("audit_rows", "audit rows verified", .int(copied.auditRows))
            return .message(copied.message.description, r)
        })

    /// A file store and what SQLite and lane keep beside it.
    static func removeFile(_ path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for file in beside where file == name || file.hasPrefix(name + "-") || file.hasPrefix(name + ".") {
            try? FileManager.default.removeItem(atPath: folder.isEmpty ? file : folder + "/" + file)
        }
    }
}
