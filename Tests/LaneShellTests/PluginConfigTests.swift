import PropertyBased
import Testing
import LaneTesting
@testable import LaneShell

/// A plugin's settings are the same worked out once for the session (`HostPluginContext.configs`) or
/// filtered at each ask (`config(of:_:)`): any keys, names with and without settings.
@Test func aPluginsSettingsAreTheSameWorkedOutOnceOrAtEachAsk() async {
    let part = Gen<String?>.element(of: ["plugin.", "warranty", "parts", ".", "a", "b.", "x", "plugin.a.b."]).map { $0 ?? "" }
    await propertyCheck(count: 300, input: part.array(of: 1...4).array(of: 0...8)) { keyParts in
        let keys = keyParts.map { $0.joined() }
        let settings = Dictionary(keys.enumerated().map { ($1, "v\($0)") }, uniquingKeysWith: { a, _ in a })
        let configs = HostPluginContext.configs(settings)
        for name in ["warranty", "parts", "a", "x", "missing", ""] {
            #expect((configs[name] ?? [:]) == HostPluginContext.config(of: name, settings), "\(name) in \(keys)")
        }
    }
}

/// Settings given again forget those worked out from the old ones; a dotted name is always filtered.
@Test func newPluginSettingsForgetThoseWorkedOut() throws {
    let shell = try TestShell(seeded: true)
    var ctx = try shell.session.context()
    ctx.pluginSettings = ["plugin.w.k": "1", "plugin.w.b.c": "2"]
    ctx.pluginConfigs = HostPluginContext.configs(ctx.pluginSettings)
    #expect(ctx.pluginConfig("w") == ["k": "1", "b.c": "2"])
    #expect(ctx.pluginConfig("w.b") == ["c": "2"])
    #expect(ctx.pluginConfig("none") == [:])
    ctx.pluginSettings = ["plugin.w.k": "3"]
    #expect(ctx.pluginConfigs == nil)
    #expect(ctx.pluginConfig("w") == ["k": "3"])
}
