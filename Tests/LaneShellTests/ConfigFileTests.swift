import Foundation
import LaneCore
import LaneTesting
import Testing
@testable import LaneShell

/// store.toml read as TOML: real arrays, refused duplicates, typed keys.
@Suite struct ConfigFileTests {
    func refusal(_ text: String) -> Refusal? {
        do {
            _ = try ConfigFile.read(text, name: "store.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func aGoodFileGivesEveryValueAsTheStoreKeepsIt() throws {
        let file = try ConfigFile.read("""
            # a dealer's settings
            [store]
            name = "星河汽车 广州店"   # a comment after a value
            code = 'GZ01'
            utc_offset = "+08:00"

            [rates]
            labor_rate_fen = 32_000
            vat_basis_points = 600

            [hours]
            open = "07:30"
            close = "21:00"
            peak = [
                "08:00-10:00",  # morning drop-off
                "17:00-18:30",
            ]

            [workshop]
            bays = 12

            [plugin.notes]
            enabled = true
            limit = 3
            tags = ["a", "b"]
            """, name: "store.toml")
        #expect(file.values == [
            "store.name": "星河汽车 广州店", "store.code": "GZ01", "store.utc_offset": "+08:00",
            "rates.labor_rate_fen": "32000", "rates.vat_basis_points": "600",
            "hours.open": "07:30", "hours.close": "21:00", "hours.peak": #"["08:00-10:00","17:00-18:30"]"#,
            "workshop.bays": "12",
            "plugin.notes.enabled": "true", "plugin.notes.limit": "3", "plugin.notes.tags": #"["a","b"]"#,
        ])
        let s = try StoreSettings.from(keyValues: file.values).get()
        #expect(s.laborRate == Money(fen: 32_000))
        #expect(s.peakHours.map(\.description) == ["08:00-10:00", "17:00-18:30"])
        #expect(s.bays == 12)
    }

    @Test func aCommaInsideAQuotedItemStaysInItsItem() throws {
        let file = try ConfigFile.read("""
            [plugin.survey]
            questions_x = ["您好, 请问满意吗|csi|1-5", "推荐|nps"]
            """, name: "store.toml")
        #expect(SettingList.items(file.values["plugin.survey.questions_x"]) == ["您好, 请问满意吗|csi|1-5", "推荐|nps"])
    }

    @Test func aKeyWrittenTwiceIsRefusedWithItsLine() throws {
        let r = try #require(refusal("""
            [store]
            name = "A"

            [workshop]
            bays = 8
            bays = 9
            """))
        #expect(r.summary == "the settings file store.toml is not valid TOML")
        let p = try #require(r.problems.first)
        #expect(p.field.hasPrefix("store.toml line 6"))
        #expect(p.message.contains("'bays'"))
        #expect(p.message.contains("[workshop]"))
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() throws {
        let r = try #require(refusal("[store]\nname = \"A\"\ncode = SZNS\n"))
        #expect(r.problems.first?.field.hasPrefix("store.toml line 3 column") == true)
    }

    @Test func aValueOfTheWrongTypeNamesItsKeyWhatWasExpectedAndWhatWasFound() throws {
        let r = try #require(refusal("""
            [store]
            name = "A"
            code = 7

            [workshop]
            bays = "8"

            [hours]
            peak = "08:30-10:30"
            open = "08:00"
            close = ["20:00"]

            [rates]
            labor_rate_fen = 280.00
            vat_basis_points = 1300
            """))
        #expect(r.summary == "the settings file store.toml cannot be read")
        #expect(r.problems.map(\.description) == [
            "store.toml line 3 store.code: expected a string, found a whole number",
            "store.toml line 6 workshop.bays: expected a whole number, found a string",
            "store.toml line 9 hours.peak: expected an array of strings, found a string",
            "store.toml line 11 hours.close: expected a string, found an array",
            "store.toml line 14 rates.labor_rate_fen: expected a whole number, found a decimal number",
        ])
    }

    @Test func anArrayItemOfTheWrongTypeIsNamed() throws {
        let r = try #require(refusal("[hours]\npeak = [\n  \"08:30-10:30\",\n  1630,\n]\n"))
        #expect(r.problems.map(\.description) == ["store.toml line 2 hours.peak: expected an array of strings, found a whole number as item 2"])
    }

    @Test func anUnknownKeyOrSectionIsRefusedNotIgnored() throws {
        let r = try #require(refusal("""
            colour = "red"

            [rates]
            labour_rate_fen = 38000

            [workshops]
            bays = 8

            [plugin]
            survey = "on"
            """))
        let problems = r.problems.map(\.description)
        #expect(problems.count == 4)
        #expect(problems[0].hasPrefix("store.toml line 1 colour: a setting belongs in a section: [store], [rates], [hours], [workshop], [documents], [quality], [first_service], [insurance], [kpi], [plugin.NAME]"))
        #expect(problems[1] == "store.toml line 4 rates.labour_rate_fen: is not a setting of [rates]; did you mean labor_rate_fen? "
                              + "its keys are labor_rate_fen, vat_basis_points, discount_limit_basis_points")
        #expect(problems[2].hasPrefix("store.toml line 6 workshops: is not a section of the store's settings; did you mean [workshop]?"))
        #expect(problems[3].hasPrefix("store.toml line 10 plugin.survey: a plugin's settings go in their own section"))
    }

    @Test func pluginSectionsAreFreeFormButTakeOnlyWhatAPluginCanRead() throws {
        let file = try ConfigFile.read("[plugin.any]\nwhatever_key = \"x\"\nanother = [1, 2]\n", name: "store.toml")
        #expect(file.values == ["plugin.any.whatever_key": "x", "plugin.any.another": #"["1","2"]"#])
        let r = try #require(refusal("[plugin.any]\nrate = 1.5\nwhen = 2026-11-23\n[plugin.any.nested]\nx = 1\n"))
        #expect(r.problems.map(\.description) == [
            "store.toml line 2 plugin.any.rate: expected a string, a whole number, true or false, or an array of strings, found a decimal number",
            "store.toml line 3 plugin.any.when: expected a string, a whole number, true or false, or an array of strings, found a date",
            "store.toml line 4 plugin.any.nested: expected a string, a whole number, true or false, or an array of strings, found a table",
        ])
    }

    @Test func theStoreRulesAreNamedWithTheirLine() throws {
        let file = try ConfigFile.read("[workshop]\nbays = 0\n\n[hours]\nopen = \"21:00\"\n", name: "store.toml")
        guard case .failure(let r) = StoreSettings.from(keyValues: file.values) else { Issue.record("0 bays and opening after closing"); return }
        #expect(r.problems.map(file.located).map(\.description) == [
            "store.toml line 2 workshop.bays: '0' is not a number of bays above 0",
            "store.toml line 4 hours: the store must open (21:00) before it closes (20:00)",
        ])
    }

    @Test func theDemoSettingsFileReads() throws {
        let text = try String(contentsOfFile: TestShell.seedsPath + "/store.toml", encoding: .utf8)
        let file = try ConfigFile.read(text, name: "store.toml")
        let s = try StoreSettings.from(keyValues: file.values).get()
        #expect(s.code == "SZNS")
        #expect(s.peakHours.count == 2)
        #expect(SettingList.items(file.values["plugin.survey.questions_standard"]).count == 6)
        #expect(SettingList.items(file.values["plugin.warranty.excluded_parts"]).count == 11)
        // Readable: no line runs on (the old reader needed 300-character lines).
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func seedLoadRefusesABadSettingsFileNamingTheLineAndLoadsNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toml-seeds-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: TestShell.seedsPath, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let toml = folder.appendingPathComponent("store.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        try text.replacingOccurrences(of: "labor_rate_fen = 28000", with: "labour_rate_fen = 28000").write(to: toml, atomically: true, encoding: .utf8)
        let shell = try TestShell(user: "admin")
        let err = try shell.expectRefused("seed load \(folder.path)")
        #expect(err.contains("store.toml line 16 rates.labour_rate_fen: is not a setting of [rates]; did you mean labor_rate_fen?"))
    }
}

/// TOMLKit makes String, Array and Dictionary TOML values with subscripts of
/// their own; in a file that sees them, `options[name] = words[i]` (how the
/// shell reads `--role technician`) picks those and stores nothing. Only
/// ConfigFile.swift may see them (MemberImportVisibility on LaneShell).
@Test func tomlKitsSubscriptsDoNotReachTheShell() throws {
    let shell = try TestShell(user: "admin", seeded: true)
    #expect(!(try shell.expectOK("staff list --role technician").contains("cashier")))
}
