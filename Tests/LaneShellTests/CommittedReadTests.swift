import Foundation
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// Once a command has committed, every active compiled plugin hears its events (`committed`) with a
/// read-only context of its own, all in one read transaction: the number of transactions a step
/// begins does not grow with the number of plugins (a read per plugin and event was a tenth of a
/// scripted write's CPU, docs/performance.md "Write throughput (issue 18, fifth round)").
@Suite struct CommittedReadTests {
    private struct Hearing: LanePlugin {
        let name: String
        var manifest: PluginManifest { PluginManifest(name: name, version: "1", summary: "hears commits") }
        func committed(_ event: DomainEvent, _ context: any PluginContext) throws -> [String] {
            guard case .repairOrderStep(let order, let step) = event else { return [] }
            // What it reads is the committed order, and it may not change anything.
            let stored = try context.repairOrder(number: order.number)
            return ["\(step) \(stored?.complaint ?? "-") canChange=\(context.canChange)"]
        }
    }

    /// Statements that begin a transaction, as the store ran them for `line`.
    static func transactionsBegun(_ shell: TestShell, _ line: String) throws -> (said: String, begun: Int) {
        let before = shell.store.statementExecutions()
        let said = try shell.expectOK(line)
        let begun = shell.store.statementExecutions().filter { $0.key.uppercased().hasPrefix("BEGIN") }
            .reduce(0) { $0 + $1.value - before[$1.key, default: 0] }
        return (said, begun)
    }

    static func shell(plugins names: [String]) throws -> TestShell {
        let shell = try TestShell(seeded: true, plugins: names.map { Hearing(name: $0) }, recordingStatements: true)
        try shell.expectOK("ro open 粤B27DP2")
        return shell
    }

    @Test func everyPluginHearsTheCommitInOneReadTransaction() throws {
        let one = try Self.shell(plugins: ["alpha"])
        let four = try Self.shell(plugins: ["alpha", "beta", "gamma", "delta"])
        let (saidOne, begunOne) = try Self.transactionsBegun(one, "ro complaint --text 刹车异响")
        let (saidFour, begunFour) = try Self.transactionsBegun(four, "ro complaint --text 刹车异响")
        for name in ["alpha", "beta", "gamma", "delta"] {
            #expect(saidFour.contains("note: \(name): complaint 刹车异响 canChange=false"), "\(saidFour)")
        }
        #expect(saidOne.contains("note: alpha: complaint 刹车异响 canChange=false"), "\(saidOne)")
        #expect(begunOne > 0, "the recorder saw no transaction begin")
        #expect(begunFour == begunOne, "one plugin: \(begunOne) transactions begun; four: \(begunFour)")
    }

    /// A plugin that hears no events: only a name.
    private struct Deaf: LanePlugin {
        var manifest: PluginManifest { PluginManifest(name: "deaf", version: "1", summary: "hears nothing") }
    }

    @Test func aPluginThatHearsNothingCostsAStepNothingOnceKnown() throws {
        let none = try Self.shell(plugins: [])
        // Told once (`ro open`), it answered that it does not hear (the protocol's default).
        let deaf = try TestShell(seeded: true, plugins: [Deaf()], recordingStatements: true)
        try deaf.expectOK("ro open 粤B27DP2")
        for shell in [none, deaf] { try shell.expectOK("ro complaint --text 刹车异响") }
        func savepoints() -> Int { deaf.store.statementExecutions().filter { $0.key.uppercased().hasPrefix("SAVEPOINT") }.values.reduce(0, +) }
        let before = savepoints()
        let (_, begunNone) = try Self.transactionsBegun(none, "ro check-in --mileage 19100 --fuel 4 --covers")
        let (saidDeaf, begunDeaf) = try Self.transactionsBegun(deaf, "ro check-in --mileage 19100 --fuel 4 --covers")
        #expect(begunDeaf == begunNone, "no plugin: \(begunNone) transactions begun; one that hears nothing: \(begunDeaf)")
        #expect(!saidDeaf.contains("note:"), "\(saidDeaf)")
        #expect(savepoints() == before, "a savepoint was opened for a plugin that hears nothing")
    }

    @Test func aStepWithoutActivePluginsReadsNothingAfterItsCommit() throws {
        let none = try Self.shell(plugins: [])
        let one = try Self.shell(plugins: ["alpha"])
        let (_, begunNone) = try Self.transactionsBegun(none, "ro complaint --text 刹车异响")
        let (_, begunOne) = try Self.transactionsBegun(one, "ro complaint --text 刹车异响")
        // Without an active plugin there is nobody to tell after the commit: no read is opened for it.
        #expect(begunNone < begunOne, "no plugin: \(begunNone) transactions begun; one plugin: \(begunOne)")
    }
}
