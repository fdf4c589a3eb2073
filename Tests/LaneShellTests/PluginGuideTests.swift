import Foundation
import LaneStore
import LaneTesting
import Testing
@testable import LaneShell

/// docs/plugins.md says what the code does: the role keys, the limits.
@Suite struct PluginGuideTests {
    static func guide() throws -> String {
        try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
    }

    /// The role keys a run-time plugin's `roles` takes: all of them, as `staff list` shows them.
    @Test func theGuideListsTheRoleKeysAsStaffListShowsThem() throws {
        let guide = try Self.guide()
        let sentence = try #require(guide.range(of: "(the role keys as `staff list`").map { String(guide[$0.lowerBound...].prefix(400)) })
        let pieces: [String] = sentence.components(separatedBy: "`")
        let listed = pieces.indices.filter { $0 % 2 == 1 }.map { pieces[$0] }.filter { !$0.contains(" ") && $0.contains("_") || $0 == "technician" || $0 == "cashier" || $0 == "admin" }
        #expect(Set(listed) == Set(StaffRole.allCases.map(\.rawValue)), "\(listed)")
        let s = try TestShell(user: "admin", seeded: true)
        let staff = try s.expectOK("staff list")
        // The demo store's staff hold every role of one store; the dealer group's reader belongs to a group (docs/server.md).
        let inStore = StaffRole.allCases.filter { $0 != .groupReader }
        for role in inStore { #expect(staff.contains(role.rawValue), "staff list does not show \(role.rawValue)") }
        s.session.languageChoice = .chinese
        let chinese = try s.expectOK("staff list")
        for role in inStore { #expect(chinese.contains(role.rawValue), "staff list in Chinese does not show \(role.rawValue)") }
    }

    /// The Package.swift and CompiledPlugins.swift lines the guide shows are the ones this repository uses.
    @Test func theGuidesBuildLinesAreThoseOfThisRepository() throws {
        let guide = try Self.guide()
        let root = TestShell.repositoryRoot
        let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let compiled = try String(contentsOf: root.appendingPathComponent("Sources/lane/CompiledPlugins.swift"), encoding: .utf8)
        let target = #".target(name: "NotesPlugin", dependencies: ["LanePlugin"], path: "Plugins/Examples/Notes"),"#
        #expect(guide.contains(target) && package.contains(target))
        #expect(guide.contains(#".executableTarget(name: "lane", dependencies: ["LaneShell", "NotesPlugin", /* … */]),"#))
        #expect(package.contains(#"dependencies: ["LaneShell", "PartsPlugin", "#))
        #expect(guide.contains(#"`PluginLoader.Compiled(NotesPlugin(), module: "NotesPlugin")`"#) && guide.contains("`compiledPlugins` list"))
        #expect(compiled.contains("let compiledPlugins: [PluginLoader.Compiled]") && compiled.contains(#"PluginLoader.Compiled(PartsPlugin(), module: "PartsPlugin"),"#))
    }

    /// Every limit of the guide's table is the one the code has.
    @Test func theGuidesLimitsAreTheCodes() throws {
        let guide = try Self.guide()
        let section = try #require(guide.range(of: "## Limits").map { String(guide[$0.upperBound...].prefix(1200)) })
        #expect(section.contains("at most 24") && PluginManifest(name: String(repeating: "a", count: 25), version: "", summary: "").nameProblem != nil
                && PluginManifest(name: String(repeating: "a", count: 24), version: "", summary: "").nameProblem == nil)
        #expect(section.contains("| \(Int(RuntimePlugin.defaultTimeout)) s (`LANE_PLUGIN_TIMEOUT`, 0 to 600)"))
        #expect(section.contains("\(RuntimePlugin.maxOutput >> 20) MiB on stdout"))
        #expect(section.contains("nested at most \(ShellSession.maxNestedDepth) deep"))
        #expect(section.contains("text of at most \(RuntimePlugin.maxStateValue >> 10) KiB"))
        #expect(section.contains("keys of 1 to 200 characters") && section.contains("`_`, at most 40"))
    }

    /// Every event name the guide's table gives for run-time plugins is one a handshake may ask for.
    @Test func theGuidesEventNamesAreAccepted() throws {
        let guide = try Self.guide()
        let section = try #require(guide.range(of: "## Events and their payloads").map { String(guide[$0.upperBound...]) })
        let names = section.components(separatedBy: "`").filter {
            $0.contains(".") && Self.nounOf($0) != nil && $0.allSatisfy { $0.isASCII && ($0.isLetter || "._-*".contains($0)) }
        }
        #expect(names.contains("repair_order.pay") && names.contains("appointment.STEP") && names.contains("customer.erase") && names.contains("complaint.open"))
        for name in names {
            let concrete = name.replacingOccurrences(of: "STEP", with: "book")
            #expect((try? RuntimeEvents.checked([concrete])) != nil, "\(name)")
        }
    }

    static func nounOf(_ name: String) -> String? {
        RuntimeEvents.nouns.first { name.hasPrefix($0 + ".") }
    }
}

/// Security: a plugin named like the core, or reaching for its nouns, gets nothing of it.
@Suite struct PluginCoreNounTests {
    static func grabber(_ name: String) -> String {
        #"{"protocol":1,"name":"\#(name)","version":"1","summary":"x","commands":[{"noun":"\#(name)","verb":"grab","summary":"x","changes":true,"roles":["technician"]}]}"#
    }

    @Test func runTimePluginsNamedLikeTheCoreCannotJoinItsCommands() throws {
        let grab = #"echo '{"protocol":1,"message":"grabbed","state":{"x":"y"}}'"#
        let s = try RuntimePluginTests.shell([("repair", Self.grabber("repair"), grab), ("staff", Self.grabber("staff"), grab),
                                              ("plugin", Self.grabber("plugin"), grab), ("part", Self.grabber("part"), grab)])
        let messages = s.pluginMessages.joined(separator: "\n")
        #expect(messages.contains("plugin staff: its command 'staff grab' would join staff, whose commands are lane's own"), "\(messages)")
        #expect(messages.contains("plugin plugin: its command 'plugin grab' clashes with a built-in command"), "\(messages)")
        #expect(s.pluginMessages.count == 2)
        #expect(!(try s.expectOK("help staff")).contains("grab"))
        // `repair` and `part` are nouns of their own: their state is theirs, under their name, and nothing of the core's.
        s.session.user = "夏勇"
        let before = try s.store.snapshot()
        #expect(try s.expectOK("repair grab").contains("grabbed"))
        #expect(try s.store.read { try $0.pluginState(plugin: "repair") } == ["x": "y"])
        #expect(try s.store.read { try $0.pluginState(plugin: "part") }.isEmpty)
        let after = try s.store.snapshot()
        #expect(before.contains("[repair_order]") && after.contains("[repair_order]"))
    }

    @Test func aCompiledPluginCannotAddAVerbToACoreNoun() throws {
        struct Joiner: LanePlugin {
            var manifest: PluginManifest { PluginManifest(name: "joiner", version: "1", summary: "joins") }
            var commands: [PluginCommand] {
                [PluginCommand(noun: "ro", verb: "steal", summary: "x", access: .lookup) { _, _ in .text("stolen") }]
            }
        }
        let s = try TestShell(seeded: true, plugins: [Joiner()])
        #expect(s.pluginMessages == ["plugin joiner: its command 'ro steal' would join ro, whose commands are lane's own; a plugin's commands go under nouns of its own; it is not loaded"])
        try s.expectRefused("ro steal", code: .usage)
    }

    @Test func pluginCheckSaysSoToo() throws {
        let dir = try PluginTrustTests.emptyFolder()
        try PluginTrustTests.plugin(dir, "staff", PluginTrustTests.script(Self.grabber("staff"), "true"))
        let s = try TestShell(user: "姚雪", seeded: true, runtimeDirectory: try PluginTrustTests.emptyFolder())
        #expect(try s.expectRefused("plugin check \(dir)/lane-staff").contains("would join staff"))
        #expect(try s.expectRefused("plugin install \(dir)/lane-staff").contains("would join staff"))
    }
}
