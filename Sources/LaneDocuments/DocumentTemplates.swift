import Foundation
import LaneCore
import Mustache
import ServiceDepartment

/// The words of a document's fixed parts in one language (`labels.zh.json`,
/// `labels.en.json` beside the templates), so templates and words can be
/// replaced by a store without touching code.
struct Labels {
    var language: String
    var all: [String: Any]

    /// `labels.payment.wechat`; the key itself when the file has no word for it.
    func text(_ group: String, _ key: String) -> String {
        ((all[group] as? [String: Any])?[key] as? String) ?? key
    }

    /// A word of the file's top level (`labels.reprint`).
    func top(_ key: String) -> String { all[key] as? String ?? key }
}

/// The templates documents are laid out with: the built-in ones (the files
/// of Sources/LaneDocuments/Templates, shipped as the target's resources),
/// each replaced by a file of the same name in the store's own folder
/// (`documents.templates`), so a store changes only what it wants.
public struct DocumentTemplates {
    let library: MustacheLibrary
    let labels: [String: [String: Any]]
    /// The folders the files came from, built-in first.
    public let folders: [String]

    /// The languages documents come in.
    public static let languages = ["zh", "en"]

    /// Loads the built-in templates and the store's. Throws a refusal naming
    /// the folder when one cannot be read or a template does not parse.
    public init(storeFolder: String = "") throws {
        guard let builtIn = Self.builtInFolder() else {
            throw Refusal(Message("document.cannot_print_now"), problems: [
                Problem("templates", Message("document.no_builtin_templates", ["looked_in": .list(Self.builtInCandidates().map { .text($0) })]))])
        }
        var folders = [builtIn]
        if !storeFolder.isEmpty {
            var isDirectory: ObjCBool = false
            guard StoreSettings.isTemplateFolder(storeFolder) else {
                throw Refusal(Message("document.cannot_print_now"), problems: [
                    Problem("documents.templates", Message("settings.not_a_template_folder", ["given": .text(storeFolder)]))])
            }
            guard FileManager.default.fileExists(atPath: storeFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Refusal(Message("document.cannot_print_now"), problems: [
                    Problem("documents.templates", Message("document.no_template_folder", ["folder": .text(storeFolder)]))])
            }
            folders.append(storeFolder)
        }
        var library = MustacheLibrary()
        var labels: [String: [String: Any]] = [:]
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if folder != builtIn { try Self.checkStoreFiles(folder, names) }
            for name in names.sorted() {
                let path = folder + "/" + name
                if name.hasSuffix(".mustache") {
                    do {
                        try library.register(try String(contentsOfFile: path, encoding: .utf8), named: String(name.dropLast(".mustache".count)))
                    } catch {
                        throw Refusal(Message("document.cannot_print_now"), problems: [
                            Problem("templates", Message("document.bad_template", ["file": .text(path), "error": .text(String(describing: error))]))])
                    }
                } else if name.hasPrefix("labels."), name.hasSuffix(".json") {
                    let language = String(name.dropFirst("labels.".count).dropLast(".json".count))
                    guard let data = FileManager.default.contents(atPath: path),
                          let words = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                        throw Refusal(Message("document.cannot_print_now"), problems: [
                            Problem("templates", Message("document.bad_labels", ["file": .text(path)]))])
                    }
                    // A store's file adds to the built-in words, group by group.
                    var merged = labels[language] ?? [:]
                    for (group, value) in words {
                        if let more = value as? [String: Any], let old = merged[group] as? [String: Any] {
                            merged[group] = old.merging(more) { _, new in new }
                        } else {
                            merged[group] = value
                        }
                    }
                    labels[language] = merged
                }
            }
        }
        self.library = library
        self.labels = labels
        self.folders = folders
    }

    /// What a store's folder may hold: files that stay inside it (a link to a file elsewhere
    /// would print that file), none of them, nor the folder, writable by every user of the
    /// machine (anyone could then change what the customer signs). Every problem at once.
    static func checkStoreFiles(_ folder: String, _ names: [String]) throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        var problems: [Problem] = []
        func writableByAll(_ path: String) -> Bool {
            ((try? fm.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber).map { $0.intValue & 0o002 != 0 } ?? false
        }
        if writableByAll(folder) {
            problems.append(Problem("documents.templates", Message("document.template_writable_by_all", ["file": .text(folder)])))
        }
        for name in names.sorted() where name.hasSuffix(".mustache") || (name.hasPrefix("labels.") && name.hasSuffix(".json")) {
            let path = folder + "/" + name
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if !real.hasPrefix(root + "/") {
                problems.append(Problem("templates", Message("document.template_outside_folder", ["file": .text(path), "target": .text(real)])))
            } else if writableByAll(real) {
                problems.append(Problem("templates", Message("document.template_writable_by_all", ["file": .text(path)])))
            }
        }
        try Refusal.check(Message("document.cannot_print_now"), problems)
    }

    /// The built-in templates: the target's resources beside the binary
    /// (`swift build` puts `ServiceLane_LaneDocuments.resources` next to
    /// `lane` and the test runner), an installed layout (`../share/servicelane/templates`),
    /// or, for a binary built from this checkout and moved, the sources.
    static func builtInCandidates() -> [String] {
        var out: [String] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            out.append(exe.appendingPathComponent("ServiceLane_LaneDocuments.resources/Templates").path)
            out.append(exe.deletingLastPathComponent().appendingPathComponent("share/servicelane/templates").path)
        }
        out.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Templates").path)
        return out
    }

    static func builtInFolder() -> String? {
        builtInCandidates().first { FileManager.default.fileExists(atPath: $0 + "/settlement.mustache") }
    }

    func labels(_ language: String) -> Labels {
        Labels(language: language, all: labels[language] ?? labels["zh"] ?? [:])
    }

    /// The document as a whole HTML page.
    public func html(_ document: PrintedDocument, language: String) throws -> String {
        let name = document.kind.rawValue
        guard library.getTemplate(named: name) != nil,
              let html = library.render(DocumentContext.fields(document, labels: labels(language)), withTemplate: name) else {
            throw Refusal(Message("document.cannot_print_now"), problems: [
                Problem("templates", Message("document.no_template", ["name": .text(name + ".mustache")]))])
        }
        return html
    }
}
