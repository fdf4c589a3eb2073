import Foundation
import LaneCore
import LaneDocuments
import LaneTesting
import Testing

/// The PDFs as a customer gets them: printed by headless Chromium and read
/// back with poppler (pdftotext, pdfinfo, pdffonts). Skipped, never passed,
/// where the browser or poppler is not installed (scripts/setup installs both).
@Suite(.serialized, .enabled(if: PDFPrinter.browser() != nil && DemoDay.which("pdftotext") != nil && DemoDay.which("pdffonts") != nil,
                            "headless Chromium or poppler-utils is not installed (scripts/setup)"))
struct PDFTests {
    static func pdf(_ shell: TestShell, _ command: String, _ folder: URL, _ name: String) throws -> URL {
        let file = folder.appendingPathComponent(name + ".pdf")
        try shell.expectOK("\(command) --pdf \(file.path)")
        return file
    }

    /// `Pages:           1` of pdfinfo.
    static func pages(_ info: String) -> Int? {
        info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    static func text(_ pdf: URL) throws -> String {
        try DemoDay.run(DemoDay.which("pdftotext") ?? "pdftotext", ["-layout", pdf.path, "-"])
    }

    /// Chinese that prints, not tofu: every font is embedded with a Unicode map
    /// (Chromium embeds the CFF-outlined Noto Sans CJK as Type 3 fonts, which
    /// pdffonts lists unnamed), and the text reads back in many different CJK
    /// characters, which missing glyphs (all one .notdef) could not give.
    static func expectChineseEmbedded(_ file: URL, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = try DemoDay.run(DemoDay.which("pdffonts") ?? "pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty, sourceLocation: sourceLocation)
        for row in rows {
            let cells = row.split(separator: " ", omittingEmptySubsequences: true)
            // … emb sub uni object ID: the last five cells.
            #expect(cells.count >= 5 && cells[cells.count - 5] == "yes" && cells[cells.count - 3] == "yes", "\(row)", sourceLocation: sourceLocation)
        }
        let cjk = Set(text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) })
        #expect(cjk.count > 20, "only \(cjk.count) different Chinese characters", sourceLocation: sourceLocation)
    }

    @Test func theSettlementReadsBackToTheFen() throws {
        let shell = try DemoDay.shell(user: "莫霞")
        let folder = try DemoDay.folder()
        let file = try Self.pdf(shell, "print settlement \(DemoDay.discounted)", folder, "settlement")
        let text = try Self.text(file)
        for field in ["机动车维修费用结算清单", "星河汽车深圳南山4S店", "粤交运管许可深字440305000123号", "0755-8600 1234",
                      "RO-20261121-0001", "粤B27DP2", "卢文博", "5000公里常规保养", "机油滤清器", "更换前刹车片",
                      "¥224.00", "¥38.00", "¥13.10", "¥248.90", "¥32.36", "¥281.26", "贰佰捌拾壹元贰角陆分",
                      "2027-05-21", "35000", "微信支付", "04400123", "JS-20261121-0001", "莫霞", "第1页/共1页"] {
            #expect(text.filter { !$0.isWhitespace }.contains(field.filter { !$0.isWhitespace }), "the PDF lacks \(field)")
        }
        let info = try DemoDay.run(DemoDay.which("pdfinfo") ?? "pdfinfo", [file.path])
        #expect(Self.pages(info) == 1, "\(info)")
        #expect(info.contains("(A4)"), "not A4: \(info)")
        try Self.expectChineseEmbedded(file, text)
    }

    /// Every document of the demo day: one A4 page, Chinese in an embedded CJK font, its title and number.
    @Test func everyDocumentIsOneA4PageWithChineseEmbedded() throws {
        let shell = try DemoDay.shell(user: "姚雪")
        let folder = try DemoDay.folder()
        for (kind, command) in DemoDay.commands {
            let file = try Self.pdf(shell, command, folder, kind.rawValue)
            let text = try Self.text(file)
            let info = try DemoDay.run(DemoDay.which("pdfinfo") ?? "pdfinfo", [file.path])
            #expect(Self.pages(info) == 1 && info.contains("(A4)"), "\(kind.rawValue): \(info)")
            try Self.expectChineseEmbedded(file, text)
            #expect(text.contains("星河汽车深圳南山4S店") && text.contains("姚雪"), "\(kind.rawValue)")
        }
    }

    /// The money of the settlement, the work order and the estimate read back from the PDFs
    /// themselves, to the fen, on the discounted order, the free and warranty one and the
    /// insurance repair (deposit, credit account, cash with change); each one A4 page.
    @Test(arguments: [DemoDay.discounted, DemoDay.covered, DemoDay.insured])
    func moneyReadsBackFromEveryPDFToTheFen(order: String) throws {
        let shell = try DemoDay.shell(user: "姚雪")
        let folder = try DemoDay.folder()
        let s = try DemoDay.settlement(shell, order), bill = try DemoDay.bill(shell, order)
        var amounts = [s.laborNet, s.partsNet, s.vat, s.total, bill.customerTotal].map(\.description)
        amounts.append(bill.customerTotal.chineseCapital)
        if s.discount.fen > 0 { amounts.append("-" + s.discount.description) }
        if let split = bill.insurance { amounts += [split.gross.description, "-" + split.insurerPays.description] }
        for document in ["settlement", "work-order", "estimate"] {
            let file = try Self.pdf(shell, "print \(document) \(order)", folder, document)
            let text = try Self.text(file).filter { !$0.isWhitespace }
            for amount in amounts {
                #expect(text.contains(amount.filter { !$0.isWhitespace }), "the \(document) PDF of \(order) lacks \(amount)")
            }
            let info = try DemoDay.run(DemoDay.which("pdfinfo") ?? "pdfinfo", [file.path])
            #expect(Self.pages(info) == 1 && info.contains("(A4)"), "\(document) of \(order): \(info)")
            try Self.expectChineseEmbedded(file, try Self.text(file))
        }
        if order == DemoDay.insured {
            let text = try Self.text(try Self.pdf(shell, "print settlement \(order)", folder, "again")).filter { !$0.isWhitespace }
            for field in ["保险理赔", "平安产险", "PA-44030-2026-00871", "¥2,200.00", "超出定损部分", "¥37.40", "客户应付合计", "叁佰柒拾肆元捌角壹分",
                          "预收款", "挂账", "¥174.81", "¥200.00", "¥25.19", "客户拒绝的安全建议项目", "更换前刹车片", "重印"] {
                #expect(text.contains(field), "the insurance settlement PDF lacks \(field)")
            }
        }
    }

    /// A store's template draws what it holds and nothing more: no script runs, and no file
    /// of this computer is pulled into the PDF.
    @Test func aTemplateCannotPullAFileIntoThePDF() throws {
        let shell = try DemoDay.shell()
        let folder = try DemoDay.folder()
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("SECRETWORDS".utf8).write(to: secret)
        let own = folder.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let page = "<!DOCTYPE html><html lang=\"zh\"><body><p>{{store.name}} {{money.total}}</p>"
            + "<iframe src=\"\(secret.absoluteString)\"></iframe><object data=\"\(secret.absoluteString)\"></object>"
            + "<script>document.write('SCRIPTRAN')</script></body></html>"
        try Data(page.utf8).write(to: own.appendingPathComponent("estimate.mustache"))
        try shell.expectOK("set user admin")
        try shell.expectOK("store set documents.templates \(own.path)")
        try shell.expectOK("set user 薛淑芬")
        let text = try Self.text(try Self.pdf(shell, "print estimate \(DemoDay.discounted)", folder, "estimate"))
        #expect(text.contains("星河汽车深圳南山4S店") && text.contains("¥281.26"), "\(text)")
        #expect(!text.contains("SECRETWORDS") && !text.contains("SCRIPTRAN"), "\(text)")
    }

    @Test func englishOnRequest() throws {
        let shell = try DemoDay.shell(user: "莫霞")
        let text = try Self.text(try Self.pdf(shell, "print settlement \(DemoDay.covered) --lang en", try DemoDay.folder(), "en"))
        for field in ["Repair settlement", "Total", "¥176.28", "壹佰柒拾陆元贰角捌分", "Page 1 of 1", "free", "warranty"] {
            #expect(text.filter { !$0.isWhitespace }.contains(field.filter { !$0.isWhitespace }), "the PDF lacks \(field)")
        }
    }
}
