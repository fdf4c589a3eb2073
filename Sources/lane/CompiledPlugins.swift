import LaneShell
import PartsPlugin
import SurveyPlugin
import WarrantyPlugin

/// The plugins built into this `lane`, one line each. A plugin is its own
/// target under Plugins/ and sees only the LanePlugin API.
let compiledPlugins: [PluginLoader.Compiled] = [
    PluginLoader.Compiled(PartsPlugin(), module: "PartsPlugin"),
    PluginLoader.Compiled(SurveyPlugin(), module: "SurveyPlugin"),
    PluginLoader.Compiled(WarrantyPlugin(), module: "WarrantyPlugin"),
]
