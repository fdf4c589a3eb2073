import Foundation
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// The shell is a front end: its built-in commands call the application
/// layer's typed operations (`ctx.desks`) and never hold a store transaction.
/// The desks called inside a command join the command's one transaction
/// (`Department`), with one audit row per command.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The files of Builtins/ that may import LaneStore, and why.
    static let mayImportStore: Set<String> = [
        // `store copy` opens a second store (a file or a server) and hands both whole to `StoreCopyDesk`: it moves stores, not rows.
        "StoreCopyCommand.swift",
        // These render values the desks return whose types LaneStore defines (`AuditEntry`,
        // `TimelineEvent`, `AppointmentEvent`), the store's location (`whoami`) or throw `StoreFailure`.
        "AppointmentCommands.swift", "AuditCommands.swift", "CustomerCommands.swift", "MetaCommands.swift",
        "PrintCommands.swift", "RepairOrderCommands.swift",
    ]

    @Test func noBuiltinCommandHoldsAStoreTransaction() throws {
        let folder = Self.root.appendingPathComponent("Sources/LaneShell/Builtins")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        let forbidden = try NSRegularExpression(pattern: #"StoreReading|StoreWriting|\btx\b|\.store\.(read|write)\b"#)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let s = String(line)
                if forbidden.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil { found.append("\(file):\(n + 1): \(s)") }
                if s.hasPrefix("import LaneStore") && !Self.mayImportStore.contains(file) { found.append("\(file):\(n + 1): \(s)") }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The number of audit rows.
    static func auditRows(_ shell: TestShell) throws -> Int64 {
        try shell.store.read { try $0.auditHead()?.sequence ?? 0 }
    }

    /// A shell with one more command, `layer NAME`, written as a built-in is.
    static func shell(_ verb: String, write: Bool = true, _ body: @escaping @Sendable (Invocation, CommandContext) throws -> CommandOutput) throws -> TestShell {
        let shell = try TestShell(user: "薛淑芬", seeded: true)
        var spec = CommandSpec(noun: "layer", verb: verb, summary: "A test of the layers", action: write ? .change(body) : .lookup(body))
        spec.pluginRoles = [.serviceAdvisor]
        try shell.session.registry.register(spec)
        return shell
    }

    static func request(_ name: String, _ phone: String) -> CustomerRequest { CustomerRequest(name: name, phone: phone, address: nil) }

    @Test func aCommandWhoseSecondDeskChangeIsRefusedLeavesNothing() throws {
        let shell = try Self.shell("twice") { inv, ctx in
            _ = try ctx.desks.customers.add(Self.request("新客户", "13911112222"), by: ctx.caller(inv.line))
            // The same customer again: the desk refuses, and the first is undone with it.
            _ = try ctx.desks.customers.add(Self.request("新客户", "13911112222"), by: ctx.caller(inv.line))
            return .nothing
        }
        let before = try shell.storedRows()
        #expect(try shell.expectRefusalCodes("layer twice") == ["customer.already_registered", "customer.registered_as"])
        #expect(try shell.storedRows() == before)
    }

    @Test func aDeskChangeTheRoleMayNotMakeIsRefusedInsideTheCommand() throws {
        let shell = try Self.shell("erase") { inv, ctx in
            _ = try ctx.desks.customers.add(Self.request("新客户", "13911112222"), by: ctx.caller(inv.line))
            // The advisor may run this command, not `store set`: the desk checks its own permission.
            _ = try ctx.desks.setup.set(SettingRequest(key: "store.name", value: "别的店"), by: ctx.caller(inv.line))
            return .nothing
        }
        let before = try shell.storedRows()
        #expect(try shell.expectRefused("layer erase").contains("may not run store set"))
        #expect(try shell.storedRows() == before)
    }

    @Test func aChangeInsideALookupIsRefused() throws {
        let shell = try Self.shell("peek", write: false) { inv, ctx in
            _ = try ctx.desks.customers.add(Self.request("新客户", "13911112222"), by: ctx.caller(inv.line))
            return .nothing
        }
        let before = try shell.storedRows()
        let refused = shell.run("layer peek")
        #expect(refused.code != .ok)
        #expect(refused.err.contains("cannot run inside a lookup"))
        #expect(try shell.storedRows() == before)
    }

    @Test func oneAuditRowPerCommandHoweverManyDeskChanges() throws {
        let shell = try Self.shell("two") { inv, ctx in
            let first = try ctx.desks.customers.add(Self.request("甲客户", "13911112222"), by: ctx.caller(inv.line))
            let second = try ctx.desks.customers.add(Self.request("乙客户", "13911113333"), by: ctx.caller(inv.line))
            // Inside the command the desks' changes join it: no notes, no rows of their own.
            #expect(first.notes.isEmpty && second.notes.isEmpty)
            return .message("two", nil)
        }
        let start = try Self.auditRows(shell)
        try shell.expectOK("layer two")
        #expect(try Self.auditRows(shell) == start + 1)
        try shell.expectOK("customer add --name 丙客户 --phone 13911114444")
        #expect(try Self.auditRows(shell) == start + 2)
        // A step that loads the order, then changes it (`ro deposit`): one row too.
        try shell.expectOK("ro open 粤B27DP2")
        shell.session.user = "莫霞"
        let opened = try Self.auditRows(shell)
        try shell.expectOK("ro deposit RO-20261123-0001 --method cash --amount 100")
        #expect(try Self.auditRows(shell) == opened + 1)
        // A refused command writes none.
        _ = try shell.expectRefused("ro deposit RO-20261123-0001 --method cash --amount -5")
        #expect(try Self.auditRows(shell) == opened + 1)
        shell.session.user = "admin"
        #expect(try shell.expectOK("audit verify").contains("the audit trail is intact"))
    }

    @Test func aPluginsNestedCommandStillHasItsOwnAuditRow() throws {
        let shell = try TestShell(user: "薛淑芬", seeded: true, plugins: [NestingPlugin()])
        let start = try Self.auditRows(shell)
        try shell.expectOK("nest run 'customer edit C0002 --address 深圳市南山区科技园'")
        // The plugin's command and the command it ran: a row each.
        #expect(try Self.auditRows(shell) == start + 2)
        shell.session.user = "admin"
        let shown = try shell.expectOK("audit show --entity C0002")
        #expect(shown.contains("customer edit C0002"))
        // Refused inside: nothing of either is kept, not even their rows.
        shell.session.user = "薛淑芬"
        let before = try shell.storedRows()
        _ = try shell.expectRefused("nest run 'customer edit C9999 --address 别处'")
        #expect(try shell.storedRows() == before)
    }
}

/// A plugin whose command runs a shell command, as plugins may.
private struct NestingPlugin: LanePlugin {
    var manifest: PluginManifest { PluginManifest(name: "nest", version: "0.1.0", summary: "runs commands", nouns: ["nest": "nesting"]) }
    var commands: [PluginCommand] {
        [PluginCommand(noun: "nest", verb: "run", summary: "Run a shell command", positionals: [PositionalSpec("line", "Command line")],
                       access: .changes(roles: [.serviceAdvisor])) { args, ctx in try ctx.run(args.positional("line") ?? "") }]
    }
}
