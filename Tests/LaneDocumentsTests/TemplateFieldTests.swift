import Foundation
import LaneCore
import LaneStore
import LaneTesting
import ServiceDepartment
import Testing
@testable import LaneDocuments

/// docs/documents.md is the contract with a store that writes its own
/// templates: every field a template receives is listed there, and both
/// languages have a word for every label.
@Suite struct TemplateFieldTests {
    static func paths(_ value: Any, _ prefix: String = "") -> Set<String> {
        switch value {
        case let fields as [String: Any]:
            return fields.reduce(into: []) { all, item in all.formUnion(paths(item.value, prefix.isEmpty ? item.key : prefix + "." + item.key)) }
        case let list as [[String: Any]]:
            return list.reduce(into: [prefix]) { all, item in all.formUnion(paths(item, prefix)) }
        default:
            return [prefix]
        }
    }

    @Test func everyFieldIsDocumented() throws {
        let shell = try DemoDay.shell(user: "姚雪")
        let doc = try String(contentsOf: TestShell.repositoryRoot.appendingPathComponent("docs/documents.md"), encoding: .utf8)
        let templates = try DocumentTemplates()
        var seen: Set<String> = []
        for (kind, reference) in [(DocumentKind.settlement, DemoDay.discounted), (.settlement, DemoDay.insured), (.dispatch, DemoDay.inWorkshop),
                                  (.appointment, DemoDay.appointment)] {
            let document = try shell.store.write { tx in
                try DocumentDesk.print(PrintRequest(kind: kind, reference: reference, format: "html"),
                                       by: Caller(user: "姚雪", role: .serviceManager, now: TestShell.demoNow, settings: try tx.settings(),
                                                  request: "test"), tx)
            }
            var fields = DocumentContext.fields(document, labels: templates.labels("zh"))
            fields["l"] = nil
            seen.formUnion(Self.paths(fields))
        }
        #expect(seen.count > 100)
        for path in seen.sorted() {
            let last = path.split(separator: ".").last.map(String.init) ?? path
            #expect(doc.contains("`\(path)`") || doc.contains("`\(last)`") || doc.contains(".\(last)`") || doc.contains("\(path)[]"), "docs/documents.md does not list \(path)")
        }
    }

    @Test func bothLanguagesHaveTheSameWords() throws {
        let templates = try DocumentTemplates()
        let zh = Self.paths(templates.labels("zh").all), en = Self.paths(templates.labels("en").all)
        #expect(zh == en, "only in zh: \(zh.subtracting(en).sorted()); only in en: \(en.subtracting(zh).sorted())")
    }
}
