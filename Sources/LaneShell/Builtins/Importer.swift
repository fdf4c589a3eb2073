import Foundation
import LaneCore
import ServiceDepartment

/// Files in: the shell reads them and hands their tables to the application
/// layer (`SetupDesk`), which checks every row and stores all or nothing.
enum Importer {
    /// A file's text; one that is not UTF-8 is refused with the line and byte where it stops being so.
    static func readFile(_ path: String, relativeTo directory: String) throws -> (text: String, name: String) {
        let (bytes, name) = try readBytes(path, relativeTo: directory)
        let reader = ByteLineReader(bytes)
        var lines = 0
        while let line = reader.readScriptLine() {
            lines += 1
            if let bad = line.badByte {
                throw Refusal(Message("file.cannot_read"), problems: [
                    Problem("file", Message("file.not_utf8_at", ["path": .text(path), "line": .int(lines), "byte": .int(bad)]))])
            }
        }
        return (String(decoding: bytes, as: UTF8.self), name)
    }

    /// A file's bytes, and its name to show.
    static func readBytes(_ path: String, relativeTo directory: String) throws -> (bytes: [UInt8], name: String) {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        guard FileManager.default.fileExists(atPath: full), let data = FileManager.default.contents(atPath: full) else {
            throw Refusal(Message("file.cannot_read"), problems: [Problem("file", Message("file.missing", ["path": .text(path)]))])
        }
        return (Array(data), (path as NSString).lastPathComponent)
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
