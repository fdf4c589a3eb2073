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

    @Test func englishOnRequest() throws {
        let shell = try DemoDay.shell(user: "莫霞")
        let text = try Self.text(try Self.pdf(shell, "print settlement \(DemoDay.covered) --lang en", try DemoDay.folder(), "en"))
        for field in ["Repair settlement", "Total", "¥176.28", "壹佰柒拾陆元贰角捌分", "Page 1 of 1", "free", "warranty"] {
            #expect(text.filter { !$0.isWhitespace }.contains(field.filter { !$0.isWhitespace }), "the PDF lacks \(field)")
        }
    }
}
