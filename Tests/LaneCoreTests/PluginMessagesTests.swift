import Testing
@testable import LaneCore

/// The words a compiled plugin brings: only codes under its own name, never one of the core's, and
/// a plugin installed again replaces its words. (The tables are process-wide: each test uses plugin
/// names no other test uses.)
struct PluginMessagesTests {
    @Test func aPluginMayBringOnlyItsOwnNewCodes() {
        let words: [InterfaceLanguage: [MessageCode: String]] = [
            .english: ["pmt1.saved": "saved", "pmt1.": "bare prefix", "other.saved": "not ours", "pmt1x.saved": "a longer name"],
            .chinese: ["pmt1.saved": "已保存", "other.saved": "不是本插件的", "pmt1.only_chinese": "只有中文"],
        ]
        // Each foreign code once, sorted, whichever languages it is in.
        #expect(PluginMessages.foreignCodes(words, plugin: "pmt1") == ["other.saved", "pmt1.", "pmt1x.saved"])
        #expect(PluginMessages.foreignCodes([.english: ["pmt1.saved": "saved"], .chinese: ["pmt1.saved": "已保存"]], plugin: "pmt1").isEmpty)
        // A plugin named like one of the core's namespaces cannot bring the core's codes.
        #expect(PluginMessages.foreignCodes([.chinese: ["repair_order.paid": "改掉核心的话"]], plugin: "repair_order") == ["repair_order.paid"])
        #expect(PluginMessages.foreignCodes([.chinese: ["repair_order.pmt_new": "新的"]], plugin: "repair_order").isEmpty)
    }

    @Test func installingRefusesForeignWordsAndReplacesAPluginsOwn() {
        // Refused: nothing of it is added, not even its own codes.
        #expect(PluginMessages.install([.english: ["pmt2.a": "a", "core.x": "x"]], plugin: "pmt2") == ["core.x"])
        #expect(PluginMessages.template("pmt2.a", language: .english) == nil)
        // Two plugins side by side.
        #expect(PluginMessages.install([.english: ["pmt2.a": "first a", "pmt2.b": "b"], .chinese: ["pmt2.a": "甲"]], plugin: "pmt2").isEmpty)
        #expect(PluginMessages.install([.english: ["pmt3.a": "other a"]], plugin: "pmt3").isEmpty)
        #expect(PluginMessages.template("pmt2.a", language: .english) == "first a")
        #expect(PluginMessages.template("pmt2.a", language: .chinese) == "甲")
        #expect(PluginMessages.template("pmt3.a", language: .english) == "other a")
        // Installed again: its new words replace the old ones, a code it no longer brings is gone, the other plugin's stay.
        #expect(PluginMessages.install([.english: ["pmt2.a": "second a"]], plugin: "pmt2").isEmpty)
        #expect(PluginMessages.template("pmt2.a", language: .english) == "second a")
        #expect(PluginMessages.template("pmt2.b", language: .english) == nil)
        #expect(PluginMessages.template("pmt2.a", language: .chinese) == nil)
        #expect(PluginMessages.template("pmt3.a", language: .english) == "other a")
    }

    /// A code is looked up in the tables of the plugin its prefix names, and nowhere else.
    @Test func aCodeIsFoundOnlyUnderThePluginItsPrefixNames() {
        #expect(PluginMessages.install([.english: ["pmt4.a": "four", "pmt4.b.c": "deeper"]], plugin: "pmt4").isEmpty)
        #expect(PluginMessages.template("pmt4.a", language: .english) == "four")
        #expect(PluginMessages.template("pmt4.b.c", language: .english) == "deeper")
        #expect(PluginMessages.template("pmt4.a", language: .chinese) == nil)
        #expect(PluginMessages.template("pmt4", language: .english) == nil)
        #expect(PluginMessages.template("pmt4x.a", language: .english) == nil)
        #expect(PluginMessages.template("x.pmt4.a", language: .english) == nil)
    }
}
