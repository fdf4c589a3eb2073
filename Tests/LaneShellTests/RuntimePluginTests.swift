import Foundation
import LaneTesting
import Testing
@testable import LaneShell

/// Run-time plugins that misbehave: each gives a clear error and the shell goes on.
@Suite struct RuntimePluginTests {
    /// A handshake for `lane-NAME` offering `NAME go`, a lookup unless `changes`.
    static func describe(_ name: String, changes: Bool = false, version: Int = 1) -> String {
        let access = changes ? #","changes":true,"roles":["service_advisor"]"# : ""
        return #"{"protocol":\#(version),"name":"\#(name)","version":"1.0","summary":"test","commands":[{"noun":"\#(name)","verb":"go","summary":"Go"\#(access)}]}"#
    }

    /// A plugin folder with one `lane-NAME` shell script answering describe
    /// with `describe` and run with the shell code `run`.
    static func folder(_ plugins: [(name: String, describe: String, run: String)]) throws -> String {
        // Only a folder others may not write to is trusted, whatever the umask: made 0755.
        let dir = try ScratchFolders.make("lane-rt")
        for p in plugins {
            let script = """
                #!/bin/sh
                req=$(cat)
                case "$req" in
                *'"request":"describe"'*) printf '%s\\n' '\(p.describe)' ;;
                *) \(p.run) ;;
                esac
                """
            let path = dir.appendingPathComponent("lane-\(p.name)").path
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return dir.path
    }

    static func shell(_ plugins: [(name: String, describe: String, run: String)], timeout: Double = 5) throws -> TestShell {
        try TestShell(seeded: true, runtimeDirectory: try folder(plugins), runtimeTimeout: timeout)
    }

    @Test func aGoodPluginAnswersWithTextAndSeesTheCaller() throws {
        let s = try Self.shell([("echo", Self.describe("echo"), #"printf '{"protocol":1,"text":"%s"}' "$(printf '%s' "$req" | sed -n 's/.*"user":"\([^"]*\)".*/\1/p')""#)])
        #expect(s.pluginMessages.isEmpty)
        #expect(try s.expectOK("echo go") == "薛淑芬\n")
        #expect(try s.expectOK("plugin list").contains("run-time:"))
    }

    @Test func aCrashIsAClearErrorAndTheShellGoesOn() throws {
        let s = try Self.shell([("crash", Self.describe("crash"), "echo 'segfault here' >&2; kill -SEGV $$")])
        let err = try s.expectRefused("crash go")
        #expect(err.contains("the plugin crash failed") && err.contains("crashed (signal 11)"))
        #expect(try s.expectOK("whoami").contains("薛淑芬"))
    }

    @Test func aHangIsStoppedAtTheTimeout() throws {
        // 3 s: no plugin timeout in a test is shorter (a loaded machine must not fail it).
        let s = try Self.shell([("hang", Self.describe("hang"), "sleep 30")], timeout: 3)
        #expect(try s.expectRefused("hang go").contains("did not answer within 3 s and was stopped"))
    }

    @Test func badAnswersAreNamed() throws {
        let s = try Self.shell([
            ("garbage", Self.describe("garbage"), "echo 'hello there'"),
            ("silent", Self.describe("silent"), "true"),
            ("failing", Self.describe("failing"), "echo 'database locked' >&2; exit 3"),
            ("badtable", Self.describe("badtable"), #"echo '{"protocol":1,"table":{"columns":[{"key":"a"}],"rows":[[1,2]]}}'"#),
            ("sneaky", Self.describe("sneaky"), #"echo '{"protocol":1,"commands":["customer erase C0002 --confirm"]}'"#),
        ])
        #expect(try s.expectRefused("garbage go").contains("its answer is not a JSON object: hello there"))
        #expect(try s.expectRefused("silent go").contains("it printed nothing"))
        #expect(try s.expectRefused("failing go").contains("it exited with status 3: database locked"))
        #expect(try s.expectRefused("badtable go").contains("table.rows[0] should be a list of 1 values"))
        #expect(try s.expectRefused("sneaky go").contains("which it declared a lookup"))
    }

    @Test func aRefusalFromThePluginIsTheShellsRefusal() throws {
        let answer = #"echo '{"protocol":1,"refusal":{"message":"cannot go","problems":[{"field":"when","text":"not before noon"}]}}'"#
        let s = try Self.shell([("picky", Self.describe("picky"), answer)])
        let err = try s.expectRefused("picky go")
        #expect(err.contains("cannot go") && err.contains("not before noon"))
    }

    @Test func returnedCommandsRunAsTheCallerInOneTransaction() throws {
        let answer = #"echo '{"protocol":1,"commands":["customer edit C0002 --address 深圳市福田区","customer edit C0002 --phone 123"]}'"#
        let s = try Self.shell([("edit", Self.describe("edit", changes: true), answer)])
        // The second command is refused, so the first is not kept either.
        #expect(try s.expectRefused("edit go").contains("123"))
        let ok = #"echo '{"protocol":1,"message":"done","commands":["customer edit C0002 --address 深圳市福田区"]}'"#
        let s2 = try Self.shell([("edit", Self.describe("edit", changes: true), ok)])
        #expect(try s2.expectOK("edit go").contains("done"))
        #expect(try s2.expectOK("customer show C0002").contains("深圳市福田区"))
        s2.session.user = "夏勇"
        #expect(try s2.expectRefused("edit go").contains("may not run edit go"))
    }

    @Test func aBadHandshakeRefusesThePluginAtStartUp() throws {
        let s = try Self.shell([
            ("future", Self.describe("future", version: 2), "true"),
            ("liar", Self.describe("someone"), "true"),
            ("nocommands", #"{"protocol":1,"name":"nocommands","version":"1","summary":"x"}"#, "true"),
            ("badrole", #"{"protocol":1,"name":"badrole","version":"1","summary":"x","commands":[{"noun":"badrole","verb":"go","summary":"x","changes":true,"roles":["boss"]}]}"#, "true"),
            ("ro", #"{"protocol":1,"name":"ro","version":"1","summary":"x","commands":[{"noun":"ro","verb":"open","summary":"x"}]}"#, "true"),
            ("fine", Self.describe("fine"), #"echo '{"protocol":1,"text":"fine"}'"#),
        ])
        let messages = s.pluginMessages.joined(separator: "\n")
        #expect(messages.contains("plugin future: it speaks protocol 2; this lane speaks protocol 1"))
        #expect(messages.contains("plugin liar: its handshake says it is 'someone', but the file is lane-liar"))
        #expect(messages.contains("plugin nocommands: commands is missing"))
        #expect(messages.contains("plugin badrole: commands[0].roles: 'boss' is not a role"))
        #expect(messages.contains("plugin ro: its command 'ro open' clashes with a built-in command"))
        #expect(s.pluginMessages.count == 5)
        #expect(try s.expectOK("fine go") == "fine\n")
        #expect(try s.expectOK("plugin info future").contains("speaks protocol 2"))
    }
}
