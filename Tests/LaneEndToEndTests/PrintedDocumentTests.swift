import Foundation
import Testing

/// `print …` from the built binary, as `scripts/demo -c "print settlement …"` runs it.
@Suite struct PrintedDocumentTests {
    static let hasBrowser = ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }

    /// The demo day loaded into a scratch database.
    static func demoDay() throws -> Scratch {
        let scratch = try Scratch()
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        let day = LaneProcess.repositoryRoot.appendingPathComponent("scripts/demo-day.lane")
        let loaded = try scratch.lane(["-f", day.path])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        return scratch
    }

    @Test(.enabled(if: hasBrowser, "headless Chromium is not installed (scripts/setup)"))
    func theCashierPrintsTheSettlementToPDF() throws {
        let scratch = try Self.demoDay()
        defer { scratch.remove() }
        let pdf = scratch.directory.appendingPathComponent("settlement.pdf")
        let result = try scratch.lane(["--user", "莫霞", "-c", "print settlement RO-20261121-0001 --pdf \(pdf.path)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("printed settlement JS-20261121-0001"))
        let head = try FileHandle(forReadingFrom: pdf).readData(ofLength: 5)
        #expect(head == Data("%PDF-".utf8))
        // The accident repair: insurer, deposit, credit account, cash with change, on one A4 page.
        let accident = scratch.directory.appendingPathComponent("accident.pdf")
        let printed = try scratch.lane(["--user", "莫霞", "-c", "print settlement RO-20261122-0001 --pdf \(accident.path)"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("printed settlement JS-20261122-0001"))
        // Its page count and money, read back with poppler: PDFTests.moneyReadsBackFromEveryPDFToTheFen.
        #expect(try FileHandle(forReadingFrom: accident).readData(ofLength: 5) == Data("%PDF-".utf8))
    }

    /// The service manager's report as a PDF for the wall: the demo's days, split by advisor.
    @Test(.enabled(if: hasBrowser, "headless Chromium is not installed (scripts/setup)"))
    func theManagerPrintsTheKPIReportToPDF() throws {
        let scratch = try Self.demoDay()
        defer { scratch.remove() }
        let pdf = scratch.directory.appendingPathComponent("kpi.pdf")
        let result = try scratch.lane(["--user", "姚雪", "-c", "report kpi --from 2026-11-20 --to 2026-11-23 --by advisor --pdf \(pdf.path)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileHandle(forReadingFrom: pdf).readData(ofLength: 5) == Data("%PDF-".utf8))
    }

    /// Without a browser, --pdf says how to get one and stores nothing; --html still works.
    @Test func withoutABrowserPDFIsRefusedAndHTMLStillWorks() throws {
        let scratch = try Self.demoDay()
        defer { scratch.remove() }
        let missing = ["LANE_PDF_BROWSER": scratch.directory.appendingPathComponent("no-browser").path]
        let pdf = try scratch.lane(["--user", "莫霞", "-c", "print settlement RO-20261121-0001 --pdf \(scratch.directory.path)/s.pdf"],
                                   environment: missing)
        #expect(pdf.status == 1)
        #expect(pdf.stderr.contains("apt-get install chromium-headless-shell fonts-noto-cjk"), "\(pdf.stderr)")
        let html = try scratch.lane(["--user", "莫霞", "-c", "print settlement RO-20261121-0001 --html \(scratch.directory.path)/s.html"],
                                    environment: missing)
        #expect(html.status == 0, "\(html.stderr)")
        // The refused print was not logged: this one is the first.
        #expect(html.stdout.contains("printed settlement JS-20261121-0001") && !html.stdout.contains("reprinted"))
        let page = try String(contentsOf: scratch.directory.appendingPathComponent("s.html"), encoding: .utf8)
        #expect(page.contains("贰佰捌拾壹元贰角陆分"))
    }
}
