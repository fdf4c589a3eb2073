import Foundation
import LaneCore
import ServiceDepartment

/// Files in: the shell reads them and hands their tables to the application
/// layer (`SetupDesk`), which checks every row and stores all or nothing.
enum Importer {
    static func readFile(_ path: String, relativeTo directory: String) throws -> (text: String, name: String) {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        guard FileManager.default.fileExists(atPath: full) else {
            throw Refusal(Message("file.cannot_read"), problems: [Problem("file", Message("file.missing", ["path": .text(path)]))])
        }
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
            throw Refusal(Message("file.cannot_read"), problems: [Problem("file", Message("file.not_utf8", ["path": .text(path)]))])
        }
        return (text, (path as NSString).lastPathComponent)
    }

    /// A CSV file as the table the desk loads.
    static func table(_ path: String, relativeTo directory: String) throws -> ImportTable {
        let (text, name) = try readFile(path, relativeTo: directory)
        let csv: CSVTable
        do { csv = try CSV.parse(text) } catch {
            throw Refusal(Message("import.not_csv", ["file": .text(name)]), problems: [Problem("", error.message)])
        }
        return ImportTable(name: name, header: csv.header, rows: csv.rows.map { ImportTable.Row(line: $0.line, fields: $0.fields) })
    }
}
