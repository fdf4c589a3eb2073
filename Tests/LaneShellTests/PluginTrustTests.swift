import Foundation
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// A compiled plugin that tries what an attacker or a careless author might.
private struct SpyPlugin: LanePlugin {
    var name = "spy"
    var todayThrows = false
    var handlerThrows = false

    struct Oops: Error {}

    var manifest: PluginManifest { PluginManifest(name: name, version: "1.0.0", summary: "tries things", nouns: ["spy": "trying things"]) }

    var migrations: [PluginMigration] { [PluginMigration("v1", sql: "CREATE TABLE plg_\(name)_seen (id INTEGER PRIMARY KEY, what TEXT NOT NULL)")] }

    var commands: [PluginCommand] {
        [
            PluginCommand(noun: "spy", verb: "sql", summary: "Run SQL", positionals: [PositionalSpec("sql", "SQL")],
                          access: .changes(roles: [.serviceAdvisor])) { args, ctx in
                try ctx.execute(args.positional("sql") ?? "")
                return .message("ran", nil)
            },
            PluginCommand(noun: "spy", verb: "read", summary: "Read SQL", positionals: [PositionalSpec("sql", "SQL")], access: .lookup) { args, ctx in
                .text(try ctx.rows(args.positional("sql") ?? "").map { $0.values.values.map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n"))
            },
            PluginCommand(noun: "spy", verb: "owner", summary: "The owner of 粤B27DP2", access: .lookup) { _, ctx in
                guard let v = try ctx.vehicle("粤B27DP2"), let c = try ctx.customer(id: v.ownerID) else { return .text("none") }
                return .text("\(c.phone.digits) \(c.address ?? "")")
            },
            PluginCommand(noun: "spy", verb: "run", summary: "Run a command", positionals: [PositionalSpec("line", "Command line")],
                          access: .changes(roles: [.serviceAdvisor])) { args, ctx in
                try ctx.run(args.positional("line") ?? "")
            },
        ]
    }

    func handle(_ event: DomainEvent, _ ctx: any PluginContext) throws -> [String] {
        try ctx.execute("INSERT INTO plg_\(name)_seen (what) VALUES ('event')")
        if handlerThrows { throw Oops() }
        return ["heard"]
    }

    func today(_ ctx: any PluginContext) throws -> [PluginSection] {
        if todayThrows { throw Oops() }
        return []
    }
}

@Suite struct PluginTrustTests {
    // MARK: Security 1 and 2: reserved names, the core's tables, masked reads

    @Test func aPluginNamedAfterACoreTableCannotChangeIt() throws {
        for (name, statement) in [("repair", "UPDATE repair_order SET status = 'closed'"), ("staff", "DELETE FROM staff_pin"),
                                  ("plugin", "DELETE FROM plugin_migration"), ("part", "DELETE FROM part_reservation")] {
            let s = try TestShell(seeded: true, plugins: [SpyPlugin(name: name)])
            #expect(s.pluginMessages.isEmpty)
            let before = try s.store.snapshot()
            #expect(try s.expectRefused("spy sql \"\(statement)\"").contains("only its own tables (plg_\(name)_…)"))
            #expect(try s.store.snapshot() == before)
        }
    }

    @Test func aPluginsMigrationCannotDropACoreTable() throws {
        struct Dropper: LanePlugin {
            var manifest: PluginManifest { PluginManifest(name: "repair", version: "1", summary: "drops") }
            var migrations: [PluginMigration] { [PluginMigration("v1", sql: "DROP TABLE repair_order_event")] }
        }
        let s = try TestShell(seeded: true, plugins: [Dropper()])
        #expect(s.pluginMessages.first?.contains("it may drop only its own tables (plg_repair_…), not repair_order_event") == true)
        #expect(try s.store.snapshot().contains("[repair_order_event]"))
    }

    @Test func X4_aPluginReadsCustomersAsTheSignedInRoleSeesThem() throws {
        let s = try TestShell(seeded: true, plugins: [SpyPlugin()])
        let full = try s.expectOK("spy owner")
        #expect(!full.contains("****"))
        s.session.user = "夏勇"  // a technician
        let masked = try s.expectOK("spy owner")
        #expect(masked.contains("****"))
        #expect(full.split(separator: " ").first != masked.split(separator: " ").first)
        // And SQL cannot go around it.
        #expect(try s.expectRefused("spy read 'SELECT phone, address FROM customer'").contains("it may read only its own tables (plg_spy_…), not customer"))
    }

    // MARK: Robustness 7: failures stay with the plugin that failed

    @Test func aTodayThatThrowsIsNamedAndTheRestOfTodayShows() throws {
        let s = try TestShell(seeded: true, plugins: [SpyPlugin(todayThrows: true)])
        let today = try s.expectOK("today")
        #expect(today.contains("plugins that failed") && today.contains("spy") && today.contains("Oops"))
    }

    @Test func aThrowingEventHandlerDoesNotBlockTheCommand() throws {
        let s = try TestShell(seeded: true, plugins: [SpyPlugin(handlerThrows: true)])
        let opened = try s.expectOK("ro open 粤B27DP2")
        #expect(opened.contains("opened RO-20261123-0001"))
        #expect(opened.contains("spy failed and was left out"))
        // What the failed handler wrote is undone; the order is kept.
        #expect(try s.expectOK("spy read 'SELECT count(*) AS n FROM plg_spy_seen'") == "integer(0)\n")
        #expect(try s.expectOK("ro show RO-20261123-0001").contains("RO-20261123-0001"))
    }

    @Test func errorsFromCommandsAPluginRanNameThePlugin() throws {
        let s = try TestShell(seeded: true, plugins: [SpyPlugin()])
        let err = try s.expectRefused("spy run 'customer edit C0002 --phone 123'")
        #expect(err.contains("the plugin spy ran `customer edit C0002 --phone 123`, which was refused"))
    }

    // MARK: Run-time plugins: the folder (security 3)

    static func plugin(_ dir: String, _ name: String, _ body: String, mode: Int = 0o755) throws {
        let path = dir + "/lane-\(name)"
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    static func emptyFolder() throws -> String {
        try ScratchFolders.make("lane-trust").path
    }

    /// A plugin that answers describe with `describe` and run with the shell code `run`.
    static func script(_ describe: String, _ run: String) -> String {
        """
        req=$(cat)
        case "$req" in
        *'"request":"describe"'*) printf '%s\\n' '\(describe)' ;;
        *) \(run) ;;
        esac
        """
    }

    @Test func aRelativePluginFolderIsRefused() throws {
        guard case .failure(let failure) = RuntimePlugin.defaultDirectory(environment: ["LANE_PLUGINS": "plugins"], dataDirectory: "/data") else {
            Issue.record("a relative LANE_PLUGINS was accepted")
            return
        }
        #expect(failure.message.contains("relative"))
        #expect(try RuntimePlugin.defaultDirectory(environment: ["LANE_PLUGINS": "/opt/lane"], dataDirectory: "/data").get() == "/opt/lane")
    }

    @Test func filesOthersMayChangeAreNotRun() throws {
        let dir = try Self.emptyFolder()
        let marker = dir + ".ran"
        try Self.plugin(dir, "open", "touch '\(marker)'; " + Self.script(RuntimePluginTests.describe("open"), "true"), mode: 0o777)
        let s = try TestShell(seeded: true, runtimeDirectory: dir)
        #expect(s.pluginMessages.first?.contains("may be changed by others (mode 777)") == true)
        #expect(!FileManager.default.fileExists(atPath: marker))
        // Writable by the group alone is as bad.
        try FileManager.default.setAttributes([.posixPermissions: 0o775], ofItemAtPath: dir + "/lane-open")
        let group = try TestShell(seeded: true, runtimeDirectory: dir)
        #expect(group.pluginMessages.first?.contains("may be changed by others (mode 775)") == true, "\(group.pluginMessages)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        // A folder others may write to: nothing in it runs.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/lane-open")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir)
        let s2 = try TestShell(seeded: true, runtimeDirectory: dir)
        #expect(s2.pluginMessages.first?.contains("may be changed by others") == true)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func filesOfAnotherUserAreNotRun() throws {
        let dir = try Self.emptyFolder()
        try Self.plugin(dir, "theirs", Self.script(RuntimePluginTests.describe("theirs"), "true"))
        #expect(chown(dir + "/lane-theirs", 65534, 65534) == 0)
        let s = try TestShell(seeded: true, runtimeDirectory: dir)
        #expect(s.pluginMessages.first?.contains("belongs to someone else (user 65534)") == true)
    }

    @Test func aSwitchedOffPluginIsNeverStarted() throws {
        let dir = try Self.emptyFolder()
        let marker = dir + ".ran"
        try Self.plugin(dir, "off", "touch '\(marker)'; " + Self.script(RuntimePluginTests.describe("off"), "true"))
        let s = try TestShell(seeded: true)
        try s.store.write { try $0.saveSettingValue(key: "plugin.off.enabled", value: "false") }
        var registry = s.session.registry, installed = s.session.plugins
        let messages = PluginLoader.installRuntime(from: dir, into: &installed, registry: &registry, store: s.store, now: TestShell.demoNow)
        #expect(messages.isEmpty)
        #expect(installed.plugin(named: "off")?.state == .disabled)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    // MARK: Run-time plugins: the process (security 3, robustness 5)

    @Test func aPluginGetsACleanEnvironment() throws {
        setenv("LANE_PIN", "2468", 1)
        setenv("LANE_PIN_FILE", "/tmp/pin", 1)
        setenv("LANE_NEW_PIN", "1357", 1)
        defer { unsetenv("LANE_PIN"); unsetenv("LANE_PIN_FILE"); unsetenv("LANE_NEW_PIN") }
        let s = try RuntimePluginTests.shell([("env", RuntimePluginTests.describe("env"),
                                              #"printf '{"protocol":1,"text":"%s"}' "$(env | cut -d= -f1 | sort | tr '\n' ' ')""#)])
        let names = try s.expectOK("env go")
        #expect(names.contains("LANE_PROTOCOL") && names.contains("PATH"))
        #expect(!names.contains("LANE_PIN") && !names.contains("LANE_NEW_PIN") && !names.contains("LANE_DB"))
    }

    /// Alive unless gone or a zombie waiting to be reaped.
    static func alive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !stat.contains(") Z ")
    }

    static func childGone(_ pidFile: String) throws -> Bool {
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(text) else { return false }
        for _ in 0..<40 where alive(pid) { usleep(50_000) }
        return !alive(pid)
    }

    @Test func aTimeoutStopsThePluginAndItsChildren() throws {
        let pidFile = try Self.emptyFolder() + "/child"
        let s = try RuntimePluginTests.shell([("hang", RuntimePluginTests.describe("hang"), "sleep 30 & echo $! > '\(pidFile)'; wait")], timeout: 3)
        // 3 s, not 1: the same limit holds for the handshake at start-up, which a loaded
        // 2-core CI machine running the suite in parallel once took over a second to give.
        let said = try s.expectRefused("hang go")
        #expect(said.contains("did not answer within 3 s"), "\(said)")
        #expect(try Self.childGone(pidFile))
    }

    @Test func tooMuchOutputIsSaidAsSuch() throws {
        let s = try RuntimePluginTests.shell([("flood", RuntimePluginTests.describe("flood"), "head -c 5000000 /dev/zero | tr '\\\\0' a")], timeout: 20)
        let err = try s.expectRefused("flood go")
        #expect(err.contains("printed more than 4 MB"))
        #expect(!err.contains("did not answer"))
    }

    @Test func aBackgroundJobHoldingTheOutputIsNotATimeout() throws {
        let s = try RuntimePluginTests.shell([("bg", RuntimePluginTests.describe("bg"), #"sleep 4 & echo '{"protocol":1,"text":"done"}'"#)], timeout: 3)
        #expect(try s.expectOK("bg go") == "done\n")
    }

    // MARK: The answer, read strictly (robustness 7)

    @Test func unknownKeysAndFractionsAreRefusedByName() throws {
        let s = try RuntimePluginTests.shell([
            ("typo", RuntimePluginTests.describe("typo"), #"echo '{"protocol":1,"txet":"hello"}'"#),
            ("frac", RuntimePluginTests.describe("frac"), #"echo '{"protocol":1,"table":{"columns":[{"key":"a"}],"rows":[[4.1]]}}'"#),
            ("ver", RuntimePluginTests.describe("ver"), #"echo '{"protocol":1.5,"text":"x"}'"#),
        ])
        #expect(try s.expectRefused("typo go").contains("txet is not a field of the protocol"))
        #expect(try s.expectRefused("frac go").contains("table.rows[0][0] should be text, a whole number"))
        let ver = try s.expectRefused("ver go")
        #expect(ver.contains("protocol should be a whole number"), "\(ver)")
        let bad = #"{"protocol":1,"name":"odd","version":"1","summary":"x","commands":[{"noun":"odd","verb":"go","summary":"x","chanegs":true}]}"#
        let s2 = try RuntimePluginTests.shell([("odd", bad, "true")])
        #expect(s2.pluginMessages.first?.contains("commands[0].chanegs is not a field of the protocol") == true)
    }

    @Test func errorsFromCommandsARuntimePluginRanNameIt() throws {
        let answer = #"echo '{"protocol":1,"commands":["customer edit C0002 --phone 123"]}'"#
        let s = try RuntimePluginTests.shell([("edit", RuntimePluginTests.describe("edit", changes: true), answer)])
        #expect(try s.expectRefused("edit go").contains("the plugin edit ran `customer edit C0002 --phone 123`, which was refused"))
    }

    // MARK: Handshakes remembered (robustness 6)

    @Test func aHandshakeIsAskedAgainOnlyWhenTheFileChanged() throws {
        let dir = try Self.emptyFolder()
        let count = dir + ".count"
        let body = "echo x >> '\(count)'; " + Self.script(RuntimePluginTests.describe("once"), #"echo '{"protocol":1,"text":"hi"}'"#)
        try Self.plugin(dir, "once", body)
        let s = try TestShell(seeded: true)
        func start() -> InstalledPlugins {
            var registry = s.session.registry, installed = InstalledPlugins()
            _ = PluginLoader.installRuntime(from: dir, into: &installed, registry: &registry, store: s.store, now: TestShell.demoNow)
            return installed
        }
        func asked() throws -> Int { try String(contentsOfFile: count, encoding: .utf8).split(separator: "\n").count }
        #expect(start().plugin(named: "once")?.state == .enabled)
        #expect(start().plugin(named: "once")?.state == .enabled)
        #expect(try asked() == 1)
        try Self.plugin(dir, "once", body + "\n# changed")
        #expect(start().plugin(named: "once")?.state == .enabled)
        #expect(try asked() == 2)
    }

    // MARK: Before the transaction (security 4)

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3"),
                   "needs python3 as a second writer"))
    func aSlowPluginDoesNotHoldTheWriteLock() throws {
        let dir = try Self.emptyFolder()
        let db = dir + "/store.sqlite"
        let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "/usr/local/bin/python3"
        // While lane waits for the plugin, another connection writes; it would find the
        // database locked if lane had opened its write transaction already.
        let writer = """
            \(python) -c "import sqlite3; c = sqlite3.connect('\(db)', timeout=0.5); c.execute(\\"INSERT INTO setting (key, value) VALUES ('plugin.other.seen', 'yes')\\"); c.commit()" >&2 || exit 4
            echo '{"protocol":1,"message":"wrote","commands":["customer edit C0002 --address 深圳市福田区"]}'
            """
        let folder = try Self.emptyFolder()
        try Self.plugin(folder, "slow", Self.script(RuntimePluginTests.describe("slow", changes: true), writer))
        let s = try TestShell(seeded: true, runtimeDirectory: folder, databasePath: db)
        let out = try s.expectOK("slow go")
        #expect(out.contains("wrote"))
        #expect(try s.expectOK("customer show C0002").contains("深圳市福田区"))
        #expect(try s.store.read { try $0.settingValues()["plugin.other.seen"] } == "yes")
    }
}

@Suite struct PluginAPIVersionTests {
    private struct Future: LanePlugin {
        var manifest: PluginManifest { PluginManifest(name: "future", version: "2.0", summary: "from the future", apiVersions: [2]) }
    }

    @Test func aPluginForAnotherAPIIsNotLoaded() throws {
        let s = try TestShell(seeded: true, plugins: [Future()])
        #expect(s.pluginMessages == ["plugin future: it was written for plugin API 2; this lane has API 1; it is not loaded"])
    }
}

/// Capability 8: state kept with the records, configuration, and the "committed" notice.
@Suite struct RuntimePluginStateTests {
    static func lender(_ log: String) -> String {
        let describe = RuntimePluginTests.describe("lend", changes: true)
        return """
            req=$(cat)
            case "$req" in
            *'"request":"describe"'*) printf '%s\\n' '\(describe)' ;;
            *'"request":"committed"'*) printf '%s\\n' "$req" >> '\(log)'; echo '{"protocol":1}' ;;
            *'"cars":"'*) printf '{"protocol":1,"message":"lent","notify":true,"state":{"car.A":"lent"},"commands":["%s"]}\\n' "$(printf '%s' "$req" | sed -n 's/.*"cmd":"\\([^"]*\\)".*/\\1/p')" ;;
            *) echo '{"protocol":1,"refusal":{"message":"no cars configured"}}' ;;
            esac
            """
    }

    @Test func stateAndTheCommittedNoticeGoWithTheCommand() throws {
        let dir = try PluginTrustTests.emptyFolder()
        let log = dir + ".log"
        try PluginTrustTests.plugin(dir, "lend", Self.lender(log))
        let s = try TestShell(user: "姚雪", seeded: true, runtimeDirectory: dir)
        #expect(s.pluginMessages.isEmpty)
        // Not configured: the plugin refuses; configured in the live store, it works.
        #expect(try s.expectRefused("lend go").contains("no cars configured"))
        try s.expectOK("plugin config lend cars A,B")
        #expect(try s.expectOK("plugin config lend cars") == "A,B\n")
        // A refused command keeps no state, and the plugin hears no "committed".
        try s.expectOK("plugin config lend cmd 'customer edit C0002 --phone 123'")
        try s.expectRefused("lend go")
        #expect(try s.store.read { try $0.pluginState(plugin: "lend") }.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: log))
        try s.expectOK("plugin config lend cmd 'customer show C0002'")
        #expect(try s.expectOK("lend go").contains("lent"))
        #expect(try s.store.read { try $0.pluginState(plugin: "lend") } == ["car.A": "lent"])
        let heard = try String(contentsOfFile: log, encoding: .utf8)
        #expect(heard.contains(#""request":"committed""#) && heard.contains(#""car.A":"lent""#))
        s.session.user = "admin"
        #expect(try s.expectOK("audit show").contains("plugin config lend cars A,B"))
    }

    @Test func pluginConfigRefusals() throws {
        let dir = try PluginTrustTests.emptyFolder()
        try PluginTrustTests.plugin(dir, "lend", Self.lender(dir + ".log"))
        let s = try TestShell(user: "姚雪", seeded: true, runtimeDirectory: dir)
        let before = try s.store.snapshot()
        defer { #expect((try? s.store.snapshot()) == before, "a refused plugin config stored something") }
        #expect(try s.expectRefused("plugin config nothing x y").contains("cannot configure nothing"))
        #expect(try s.expectRefused("plugin config lend enabled false").contains("not a setting name"))
        #expect(try s.expectRefused("plugin config lend Bad-Key y").contains("not a setting name"))
        s.session.user = "薛淑芬"
        #expect(try s.expectRefused("plugin config lend cars X").contains("may not run plugin config"))
    }

    @Test func checkAndInstall() throws {
        let source = try PluginTrustTests.emptyFolder()
        try PluginTrustTests.plugin(source, "lend", Self.lender(source + ".log"))
        let bad = #"{"protocol":1,"name":"bad","version":"1","summary":"x","commands":[{"noun":"bad","verb":"go","summary":"x","txet":1}]}"#
        try PluginTrustTests.plugin(source, "bad", PluginTrustTests.script(bad, "true"))
        let folder = try PluginTrustTests.emptyFolder()
        let s = try TestShell(user: "姚雪", seeded: true, runtimeDirectory: folder)
        #expect(try s.expectOK("plugin check \(source)/lane-lend").contains("ok: the handshake and every command are valid"))
        #expect(try s.expectRefused("plugin check \(source)/lane-bad").contains("commands[0].txet is not a field of the protocol"))
        #expect(try s.expectRefused("plugin install \(source)/lane-bad").contains("is not a plugin lane can run"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/lane-bad"))
        #expect(try s.expectOK("plugin install \(source)/lane-lend").contains("installed lend"))
        // Installed: it runs at the next start; changed afterwards, it does not.
        var registry = try Launcher.builtinRegistry(), installed = InstalledPlugins()
        #expect(PluginLoader.installRuntime(from: folder, into: &installed, registry: &registry, store: s.store, now: TestShell.demoNow).isEmpty)
        #expect(installed.plugin(named: "lend")?.state == .enabled)
        try PluginTrustTests.plugin(folder, "lend", Self.lender(source + ".log") + "\n# changed")
        var registry2 = try Launcher.builtinRegistry(), installed2 = InstalledPlugins()
        let messages = PluginLoader.installRuntime(from: folder, into: &installed2, registry: &registry2, store: s.store, now: TestShell.demoNow)
        #expect(messages.first?.contains("changed since `plugin install` recorded it") == true)
    }
}

// Capability 8, events beyond repair orders: PluginEventDeliveryTests.

/// Capability 8: a run-time plugin reads the records its command names, as the role may see them.
@Suite struct RuntimePluginReadTests {
    @Test func recordsComeMaskedForTheRole() throws {
        let describe = #"{"protocol":1,"name":"peek","version":"1","summary":"x","commands":[{"noun":"peek","verb":"go","summary":"x","positionals":[{"name":"who","help":"x","completion":"customers"},{"name":"ro","help":"x","completion":"repair_orders","optional":true}]}]}"#
        let run = #"printf '{"protocol":1,"text":"%s"}' "$(printf '%s' "$req" | sed -n 's/.*"records":{\(.*\)},"role".*/\1/p' | tr -d '"{}\\')""#
        let s = try RuntimePluginTests.shell([("peek", describe, run)])
        try s.expectOK("ro open 粤B27DP2")
        let advisor = try s.expectOK("peek go C0002 RO-20261123-0001")
        #expect(advisor.contains("code:C0002") && !advisor.contains("****") && advisor.contains("number:RO-20261123-0001"), "\(advisor)")
        s.session.user = "夏勇"
        let technician = try s.expectOK("peek go C0002")
        #expect(technician.contains("code:C0002") && technician.contains("****"), "\(technician)")
    }
}

/// Robustness 7: what must not hold up a command runs once it has committed.
@Suite struct PluginCommittedTests {
    private struct Teller: LanePlugin {
        var name: String
        var fails = false
        var manifest: PluginManifest { PluginManifest(name: name, version: "1", summary: "tells others") }
        func committed(_ event: DomainEvent, _ ctx: any PluginContext) throws -> [String] {
            guard case .repairOrderOpened(let order) = event else { return [] }
            if fails { throw SpyPlugin.Oops() }
            // The order is there to read: the command has committed.
            return ["told about \(try ctx.repairOrder(number: order.number)?.number ?? "nothing")"]
        }
    }

    @Test func committedHandlersRunAfterTheCommitAndTheirFailuresStayTheirs() throws {
        let s = try TestShell(seeded: true, plugins: [Teller(name: "teller"), Teller(name: "broken", fails: true)])
        let opened = try s.expectOK("ro open 粤B27DP2")
        #expect(opened.contains("note: teller: told about RO-20261123-0001"))
        #expect(opened.contains("broken failed after the command was kept"))
        #expect(try s.expectOK("ro show RO-20261123-0001").contains("RO-20261123-0001"))
        // A refused command commits nothing, and nobody is told.
        #expect(!(try s.expectRefused("ro open 粤B00000")).contains("told about"))
    }
}

@Suite struct RuntimePluginErasureTests {
    @Test func X4_customerEraseRemovesWhatRunTimePluginsKeptAboutThem() throws {
        let s = try TestShell(user: "姚雪", seeded: true)
        try s.store.write { tx in
            try tx.setPluginState(plugin: "loaner", key: "customer.C0002.loans", value: "粤B0L001", at: TestShell.demoNow)
            try tx.setPluginState(plugin: "loaner", key: "customer.C00021.loans", value: "keep", at: TestShell.demoNow)
            try tx.setPluginState(plugin: "loaner", key: "car.粤B0L001", value: "RO-1", at: TestShell.demoNow)
        }
        s.session.user = "admin"
        try s.expectOK("customer erase C0002 --confirm C0002")
        #expect(try s.store.read { try $0.pluginState(plugin: "loaner") } == ["customer.C00021.loans": "keep", "car.粤B0L001": "RO-1"])
    }
}

@Suite struct RefusedHandshakeTests {
    @Test func aRefusedHandshakeIsRememberedUntilTheFileChanges() throws {
        let dir = try PluginTrustTests.emptyFolder()
        let count = dir + ".count"
        let body = "echo x >> '\(count)'; cat >/dev/null; echo 'not json'"
        try PluginTrustTests.plugin(dir, "broken", body)
        let s = try TestShell(seeded: true)
        func start() -> [String] {
            var registry = s.session.registry, installed = InstalledPlugins()
            return PluginLoader.installRuntime(from: dir, into: &installed, registry: &registry, store: s.store, now: TestShell.demoNow)
        }
        func asked() throws -> Int { try String(contentsOfFile: count, encoding: .utf8).split(separator: "\n").count }
        #expect(start().first?.contains("its answer is not a JSON object") == true)
        #expect(start().first?.contains("its answer is not a JSON object") == true)
        #expect(try asked() == 1)
        try PluginTrustTests.plugin(dir, "broken", body + "\n# fixed, perhaps")
        _ = start()
        #expect(try asked() == 2)
    }
}

@Suite struct RuntimePluginStateLimitTests {
    @Test func stateIsForFactsNotFiles() throws {
        let big = #"printf '{"protocol":1,"state":{"k":"%s"}}' "$(head -c 70000 /dev/zero | tr '\0' a)""#
        let s = try RuntimePluginTests.shell([("big", RuntimePluginTests.describe("big", changes: true), big)])
        #expect(try s.expectRefused("big go").contains("state key 'k': a value holds at most 64 KiB"))
        #expect(try s.store.read { try $0.pluginState(plugin: "big") }.isEmpty)
    }
}
