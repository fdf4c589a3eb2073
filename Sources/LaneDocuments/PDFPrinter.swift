import Foundation
import LaneCore

/// PDF by a real browser engine: headless Chromium prints the HTML page as
/// it would on paper (A4 from the page's CSS, CJK fonts from fontconfig).
/// Run as a child process with its arguments given one by one (never
/// through a shell), a private profile folder, and a time limit.
public enum PDFPrinter {
    /// Where Debian's packages put the engine; PATH is searched first.
    static let names = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]
    static let knownPaths = ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/headless_shell", "/usr/lib/chromium/chromium"]

    /// The browser to print with, or nil when none is installed.
    /// `LANE_PDF_BROWSER` names one (nil when it is not there).
    public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        if let named = environment["LANE_PDF_BROWSER"], !named.isEmpty { return fm.isExecutableFile(atPath: named) ? named : nil }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for dir in path where fm.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        if let found = knownPaths.first(where: { fm.isExecutableFile(atPath: $0) }) { return found }
        // Other packagings: /usr/lib/chromium-browser/…, /usr/lib/chromium-headless-shell/…
        let folders = ((try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? []).filter { $0.hasPrefix("chromium") }.sorted()
        for folder in folders {
            for name in ["chromium-headless-shell", "headless_shell", "chromium", "chromium-browser"]
            where fm.isExecutableFile(atPath: "/usr/lib/\(folder)/\(name)") { return "/usr/lib/\(folder)/\(name)" }
        }
        return nil
    }

    /// The refusal when no browser is installed: how to get one, and that HTML still works.
    public static var missing: Refusal {
        Refusal(Message("document.cannot_print_pdf"), problems: [Problem("pdf", Message("document.no_browser"))])
    }

    /// Prints `html` to a PDF file at `destination`; throws a refusal saying
    /// what went wrong (no browser, a time-out, the browser's own failure).
    public static func print(html: String, to destination: URL, timeout: TimeInterval = 60) throws {
        guard let browser = browser() else { throw missing }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("lane-print-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(at: work) }
        let page = work.appendingPathComponent("document.html"), pdf = work.appendingPathComponent("document.pdf")
        try Data(Self.confined(html).utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                             "--user-data-dir=" + work.appendingPathComponent("profile").path,
                             "--print-to-pdf=" + pdf.path, page.absoluteString]
        // Only what the browser needs: no user text reaches its environment.
        process.environment = ["HOME": work.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                               "XDG_CONFIG_HOME": work.path, "XDG_CACHE_HOME": work.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read stderr while it runs, so a chatty browser never blocks on a full pipe.
        let collected = ErrorText()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw Refusal(Message("document.cannot_print_pdf"), problems: [
                Problem("pdf", Message("document.browser_timed_out", ["seconds": .int(Int(timeout))]))])
        }
        guard process.terminationStatus == 0, fm.fileExists(atPath: pdf.path) else {
            let said = String(decoding: collected.get().suffix(400), as: UTF8.self)
            throw Refusal(Message("document.cannot_print_pdf"), problems: [
                Problem("pdf", Message("document.browser_failed", ["status": .int(Int(process.terminationStatus)), "said": .text(said)]))])
        }
        if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
        try fm.moveItem(at: pdf, to: destination)
    }

    /// The page with a content security policy ahead of everything in it: the
    /// browser draws the page's own markup, inline styles and inline images
    /// only; no script runs and nothing is fetched (a template's
    /// `<iframe src="file:///…">` cannot copy a file of this computer into the PDF).
    /// The page's own doctype is replaced by ours; the policy's `<meta>` opens
    /// the head, and the page's `<html lang>` still applies to the root.
    static func confined(_ html: String) -> String {
        var body = Substring(html)
        while let first = body.first, first.isWhitespace { body = body.dropFirst() }
        if body.lowercased().hasPrefix("<!doctype"), let end = body.firstIndex(of: ">") { body = body[body.index(after: end)...] }
        return "<!DOCTYPE html><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">" + body
    }

    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"

    /// Hands a PDF to the system's print queue (`lp -d PRINTER FILE`).
    public static func send(_ file: URL, toPrinter printer: String) throws {
        guard let lp = lp() else { throw Refusal(Message("document.cannot_send_to_printer"), problems: [noLP]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lp)
        // The file's path is absolute and the printer's name was checked (`printerNameProblem`),
        // so neither can be read as one of lp's options.
        process.arguments = ["-d", printer, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().suffix(400), as: UTF8.self)
            throw Refusal(Message("document.cannot_send_to_printer"), problems: [
                Problem("printer", Message("document.lp_failed", ["printer": .text(printer), "said": .text(said)]))])
        }
    }
}

extension PDFPrinter {
    /// CUPS's `lp`, or nil when the system has no print queue command.
    public static func lp() -> String? {
        ["/usr/bin/lp", "/bin/lp", "/usr/local/bin/lp"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static let noLP = Problem("printer", Message("document.no_lp"))

    /// A print queue's name as CUPS allows it: printable, no space, slash or
    /// `#`, and not starting with `-` (which lp would take for an option).
    public static func printerNameProblem(_ name: String) -> Problem? {
        let bad = name.isEmpty || name.hasPrefix("-") || name.count > 127
            || name.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "/" || $0 == "#" || $0 == "\\" || $0 == "'" || $0 == "\"" }
        return bad ? Problem("printer", Message("document.not_a_printer_name", ["given": .text(name)])) : nil
    }
}

/// What the browser wrote on stderr, handed from the reading thread.
private final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
