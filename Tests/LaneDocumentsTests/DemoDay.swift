import Foundation
import LaneCore
import LaneShell
import LaneStore
import LaneTesting
import ServiceDepartment
import Testing

/// The demo day (scripts/demo-day.lane, which scripts/demo runs too) on a
/// test shell: three repair orders and an appointment to print.
enum DemoDay {
    static var script: URL { TestShell.repositoryRoot.appendingPathComponent("scripts/demo-day.lane") }

    /// RO-…-0001: service with a 5 % discount and a declined safety item, paid.
    /// RO-…-0002: free first service, a warranty line, wipers paid.
    /// RO-20261122-0001: an accident repair for an insurer (deductible, above the assessment), a customer's
    /// part with a discount, a safety item declined again, a deposit, part on a credit account, cash with change.
    /// RO-20261123-0001: an assembly repair in the workshop. AP-20261125-001: prepared.
    static let discounted = "RO-20261121-0001", covered = "RO-20261121-0002", insured = "RO-20261122-0001", inWorkshop = "RO-20261123-0001"
    static let appointment = "AP-20261125-001"

    static func shell(user: String = "薛淑芬") throws -> TestShell {
        let shell = try TestShell(seeded: true)
        for line in try String(contentsOf: script, encoding: .utf8).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            try shell.expectOK(text)
        }
        try shell.expectOK("clock set 2026-11-23T09:30")
        try shell.expectOK("set user \(user)")
        return shell
    }

    /// A fresh folder for the files a test prints.
    static func folder() throws -> URL {
        try ScratchFolders.make("lane-documents")
    }

    /// Prints one document as HTML through the shell, as typed at the prompt, and returns the page.
    static func html(_ shell: TestShell, _ command: String, in folder: URL, name: String = UUID().uuidString) throws -> String {
        let file = folder.appendingPathComponent(name + ".html")
        try shell.expectOK("\(command) --html \(file.path)")
        return try String(contentsOf: file, encoding: .utf8)
    }

    /// The order's settlement as the application layer computes it.
    static func settlement(_ shell: TestShell, _ number: String) throws -> Settlement {
        try shell.store.read { tx in
            let order = try RepairOrderDesk.load(number, tx)
            return order.settlement(vatBasisPoints: try tx.settings().vatBasisPoints)
        }
    }

    /// What the customer pays in all (their own total, plus the deductible and extras of an insurance repair).
    static func bill(_ shell: TestShell, _ number: String) throws -> Bill {
        try shell.store.read { tx in
            let order = try RepairOrderDesk.load(number, tx)
            return order.bill(vatBasisPoints: try tx.settings().vatBasisPoints)
        }
    }

    static let commands: [(DocumentKind, String)] = [
        (.checkIn, "print check-in \(discounted)"), (.workOrder, "print work-order \(discounted)"),
        (.estimate, "print estimate \(inWorkshop)"), (.dispatch, "print dispatch \(inWorkshop)"),
        (.settlement, "print settlement \(discounted)"), (.gatePass, "print gate-pass \(discounted)"),
        (.repairWarranty, "print repair-warranty \(covered)"), (.appointment, "print appointment \(appointment)"),
    ]

    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(dir)/\(program)") { return "\(dir)/\(program)" }
        return nil
    }

    /// Runs a program with arguments (no shell) and returns what it printed.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
