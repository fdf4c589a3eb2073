import Foundation
import LaneCore
import LaneStore
import LaneDocuments
import LanePlugin
import ServiceDepartment

/// `print …`: the documents the customer signs and the guard keeps, as an
/// HTML page or a PDF (and to a printer). The application layer decides
/// who may print what and logs the print (`DocumentDesk`); LaneDocuments
/// lays the document out. The file is written inside the command's
/// transaction, so a document that could not be written is not logged.
enum PrintCommands {
    static func register(into registry: inout CommandRegistry) throws {
        for kind in DocumentKind.allCases { try registry.register(spec(kind)) }
    }

    static let summaries: [DocumentKind: String] = [
        .checkIn: "Print the check-in sheet: mileage, fuel, damage on the car outline, valuables, equipment, covers",
        .workOrder: "Print the work order for the customer's signature: items, hours, prices, parts, choices, promised time",
        .estimate: "Print the estimate: labour and parts with VAT, recommended and declined work",
        .dispatch: "Print the dispatch sheet for the workshop: team, labour lines, parts to issue",
        .settlement: "Print the settlement (结算清单): every line, subtotals, discount, VAT, total in figures and capitals",
        .gatePass: "Print the gate pass: plate, order, time paid, cashier",
        .repairWarranty: "Print the repair quality warranty card: kind of repair, km and days",
        .appointment: "Print the appointment sheet: time, job, bay, prepared parts",
    ]

    static func spec(_ kind: DocumentKind) -> CommandSpec {
        let positional = kind == .appointment ? AppointmentCommands.apptPositional : RepairOrderCommands.orderPositional
        let example = kind == .appointment ? "AP-20261125-001" : "RO-20261123-0001"
        return CommandSpec(
            noun: "print", verb: kind.rawValue, summary: summaries[kind] ?? kind.rawValue,
            discussion: "Chinese unless --lang en. --pdf needs headless Chromium (scripts/setup installs it); --html always works. "
                + "A second print of the same document says 重印 (reprint). Templates: docs/documents.md.",
            positionals: [positional],
            options: [OptionSpec("html", value: "FILE", "Write the document as an HTML page"),
                      OptionSpec("pdf", value: "FILE", "Write the document as an A4 PDF"),
                      OptionSpec("lang", value: "LANG", "zh (default) or en", completion: .choices(DocumentTemplates.languages)),
                      OptionSpec("printer", value: "NAME", "Also send the PDF to this print queue (lp)")],
            examples: ["print \(kind.rawValue) \(example) --pdf \(kind.rawValue).pdf", "print \(kind.rawValue) \(example) --html \(kind.rawValue).html --lang en"],
            action: .change { inv, ctx in try run(kind, inv, ctx) })
    }

    static func run(_ kind: DocumentKind, _ inv: Invocation, _ ctx: CommandContext) throws -> CommandOutput {
        let reference = inv.positional(kind == .appointment ? "appt" : "ro") ?? ""
        var problems: [Problem] = []
        let html = inv.option("html"), pdf = inv.option("pdf"), printer = inv.option("printer")
        switch (html, pdf) {
        case (nil, nil): problems.append(Problem("file", Message("document.needs_a_file")))
        case (.some, .some): problems.append(Problem("file", Message("document.one_file")))
        default: break
        }
        let language = inv.option("lang") ?? "zh"
        if !DocumentTemplates.languages.contains(language) {
            problems.append(Problem("lang", Message("input.not_one_of", ["given": .text(language), "choices": .list(DocumentTemplates.languages.map { .text($0) })])))
        }
        if let printer {
            if pdf == nil { problems.append(Problem("printer", Message("document.printer_needs_pdf"))) }
            if let p = PDFPrinter.printerNameProblem(printer) { problems.append(p) }
            if PDFPrinter.lp() == nil { problems.append(PDFPrinter.noLP) }
        }
        if pdf != nil && PDFPrinter.browser() == nil { problems += PDFPrinter.missing.problems }
        let target = (html ?? pdf).map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: ctx.workingDirectory, isDirectory: true)).standardizedFileURL }
        if let target {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                problems.append(Problem("file", Message("document.file_is_a_folder", ["file": .text(target.path)])))
            } else if !FileManager.default.fileExists(atPath: target.deletingLastPathComponent().path) {
                problems.append(Problem("file", Message("document.no_such_folder", ["folder": .text(target.deletingLastPathComponent().path)])))
            }
        }
        try Refusal.check(Message("document.cannot_print", ["document": kind.name]), problems)
        guard let target else { throw StoreFailure(Message("store.missing.print_target")) }
        let folder = ctx.settings.documentTemplates
        let templates = try DocumentTemplates(storeFolder: folder)
        let document = try ctx.desks.documents.print(PrintRequest(kind: kind, reference: reference, format: pdf == nil ? "html" : "pdf"),
                                                    by: ctx.caller(inv.line)) { $0 }.value
        let page = try templates.html(document, language: language)
        if pdf == nil {
            try Data(page.utf8).write(to: target, options: .atomic)
        } else {
            try PDFPrinter.print(html: page, to: target)
            if let printer { try PDFPrinter.send(target, toPrinter: printer) }
        }
        let mark = document.mark
        var r = Record()
        r.fields = [Record.Field(key: "document", title: "document", value: .text(kind.rawValue), words: "document"),
                    Record.Field(key: "number", title: "number", value: .text(mark.number)),
                    Record.Field(key: "reference", title: "for", value: .text(reference.uppercased())),
                    Record.Field(key: "copy", title: "copy", value: .int(mark.copy)),
                    Record.Field(key: "reprint", title: "reprint", value: .bool(mark.isReprint)),
                    Record.Field(key: "format", title: "format", value: .text(mark.format)),
                    Record.Field(key: "language", title: "language", value: .text(language)),
                    Record.Field(key: "file", title: "file", value: .text(target.path)),
                    Record.Field(key: "printer", title: "printer", value: printer.map(Value.text) ?? .none)]
        let said = Message(mark.isReprint ? "document.reprinted_to" : "document.printed_to",
                           ["document": kind.name, "number": .text(mark.number), "copy": .int(mark.copy), "file": .text(target.path)])
        return .message(said.description, r)
    }
}
