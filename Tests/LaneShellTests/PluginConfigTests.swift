import PropertyBased
import Testing
import LaneTesting
@testable import LaneShell

/// A plugin's settings are the same worked out once for the session (`PluginSettings`) or filtered at
/// each ask (`filtered`): any keys, names with and without settings.
@Test func aPluginsSettingsAreTheSameWorkedOutOnceOrAtEachAsk() async {
    let part = Gen<String?>.element(of: ["plugin.", "warranty", "parts", ".", "a", "b.", "x", "plugin.a.b."]).map { $0 ?? "" }
    await propertyCheck(count: 300, input: part.array(of: 1...4).array(of: 0...8)) { keyParts in
        let keys = keyParts.map { $0.joined() }
        let settings = PluginSettings(Dictionary(keys.enumerated().map { ($1, "v\($0)") }, uniquingKeysWith: { a, _ in a }))
        for name in ["warranty", "parts", "a", "x", "missing", "", "a.b"] {
            #expect(settings.of(name) == settings.filtered(name), "\(name) in \(keys)")
        }
    }
}

/// Settings given again replace those worked out from the old ones; a dotted name is always filtered.
@Test func newPluginSettingsReplaceTheOld() throws {
    let shell = try TestShell(seeded: true)
    var ctx = try shell.session.context()
    ctx.pluginSettings = PluginSettings(["plugin.w.k": "1", "plugin.w.b.c": "2"])
    #expect(ctx.pluginSettings.of("w") == ["k": "1", "b.c": "2"])
    #expect(ctx.pluginSettings.of("w.b") == ["c": "2"])
    #expect(ctx.pluginSettings.of("none") == [:])
    ctx.pluginSettings = PluginSettings(["plugin.w.k": "3"])
    #expect(ctx.pluginSettings.of("w") == ["k": "3"])
}
