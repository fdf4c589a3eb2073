import Foundation
import LaneTesting
import Testing
import WarrantyPlugin

/// The demo dealership with the warranty plugin, on Monday 2026-11-23 09:00.
/// Its policy (seeds/store.toml): basic 3 years / 100,000 km, powertrain
/// 5 years / 150,000 km, ev 8 years / 160,000 km; consumables and servicing excluded.
enum Demo {
    static func shell(_ user: String = "薛淑芬") throws -> TestShell {
        try TestShell(user: user, seeded: true, plugins: [WarrantyPlugin()])
    }

    /// The demo dealership loaded from a store.toml whose `[plugin.warranty]` section is `section`,
    /// then 薛淑芬 at the keyboard.
    static func shell(warrantySection section: String) throws -> TestShell {
        let folder = try ScratchFolders.make("warranty-seeds")
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(atPath: TestShell.seedsPath, toPath: folder.path)
        let toml = folder.appendingPathComponent("store.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        let start = try #require(text.range(of: "[plugin.warranty]"))
        try (String(text[..<start.lowerBound]) + "[plugin.warranty]\n" + section + "\n").write(to: toml, atomically: true, encoding: .utf8)
        let shell = try TestShell(user: "admin", plugins: [WarrantyPlugin()])
        try shell.expectOK("seed load \(folder.path)")
        shell.session.user = "薛淑芬"
        return shell
    }

    /// Runs lines that must all succeed (`set user …` switches staff); returns the last output.
    @discardableResult
    static func run(_ shell: TestShell, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var out = ""
        for line in lines { out = try shell.expectOK(line, sourceLocation: sourceLocation) }
        return out
    }

    /// The value of a record's field as a table shows it (`title   value`).
    static func field(_ output: String, _ title: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(title + "  ") }
            .map { String($0.dropFirst(title.count)).trimmingCharacters(in: .whitespaces) }
    }

    /// 粤B27DP2 (星河 X3, sold 2026-02-01, VIN …218960) in for a repair under
    /// warranty, up to the signed work order; the repair order is RO-20261123-0001.
    static let signed = [
        "ro open 粤B27DP2", "ro complaint --text 过减速带有异响", "ro check-in --mileage 19100 --fuel 4 --covers", "ro warranty covered",
        "ro documents", "ro labor SUSP-LINK --payer warranty", "ro promise",
        "ro sign --payment cash --old-parts leave --wash no --signed-by 卢文博",
    ]

    /// …and on through the workshop to final QC passed.
    static let checked = signed + [
        "ro handover", "set user 何子涵", "ro dispatch --team 机电一组", "set user 夏勇", "ro clock-on 1 --tech 夏勇",
        "ro clock-off 1 --finished", "ro check self --pass", "set user 程国栋", "ro check leader --pass --note 正常",
        "set user 赵子涵", "ro check final --pass", "set user 薛淑芬",
    ]
}
