import Foundation
import PatuhCore
import PatuhXML

/// A CSV file read as a sheet, streamed: RFC 4180 quoting, `,` or `;` between fields (the
/// one more frequent in the header line; Excel set to Indonesian writes `;`), UTF-8 with or
/// without a byte order mark, CRLF or LF line ends.
public struct CSVSheet: SheetSource {
    public var path: String
    public var language: SheetLanguage
    public var chunkSize = 1 << 18

    public init(path: String, language: SheetLanguage = .en) {
        self.path = path
        self.language = language
    }

    public var cellPrefix: String { (path as NSString).lastPathComponent + ":" }

    public func read(_ body: (SheetRow) -> Bool) -> [Diagnostic] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return [.error(SourceLocation(file: path), .cannotOpen(reason: SystemError.current))]
        }
        defer { try? handle.close() }
        var parser = CSVRowParser()
        var first = true
        var row = 1
        while true {
            let data: Data
            do {
                data = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                return [.error(SourceLocation(file: path), .cannotRead(reason: SystemError.current))]
            }
            var bytes = [UInt8](data)
            if first {
                first = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                parser.separator = CSVRowParser.guessSeparator(bytes)
            }
            var stop = false
            let ok = parser.feed(bytes, end: data.isEmpty) { cells in
                defer { row += 1 }
                if !body(SheetRow(number: row, cells: cells)) { stop = true }
                return !stop
            }
            if !ok {
                return [
                    .error(
                        .cell(cellPrefix, row: row, column: 1), SheetMessage.longField(limit: SheetLimits.maxCellBytes))
                ]
            }
            if stop || data.isEmpty { break }
        }
        return []
    }
}

/// The RFC 4180 state machine, fed bytes as they come.
struct CSVRowParser {
    var separator = UInt8(ascii: ",")
    private var field: [UInt8] = []
    private var cells: [String] = []
    private var quoted = false
    private var quoteSeen = false
    private var afterCR = false

    /// The separator the first line uses most, outside quotes.
    static func guessSeparator(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: ",") { commas += 1 }
            if b == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Parses `bytes`, calling `row` with each complete row (it returns `false` to stop);
    /// `end` flushes the last row. Returns `false` when a field is too long.
    mutating func feed(_ bytes: [UInt8], end: Bool, row: ([String]) -> Bool) -> Bool {
        for b in bytes {
            if afterCR {
                afterCR = false
                if b == UInt8(ascii: "\n") { continue }
            }
            if quoted {
                if quoteSeen {
                    quoteSeen = false
                    if b == UInt8(ascii: "\"") {
                        field.append(b)
                        continue
                    }
                    quoted = false  // the closing quote; fall through to the byte after it
                } else if b == UInt8(ascii: "\"") {
                    quoteSeen = true
                    continue
                } else {
                    field.append(b)
                    if field.count > SheetLimits.maxCellBytes { return false }
                    continue
                }
            }
            switch b {
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
            case separator:
                endField()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                afterCR = b == UInt8(ascii: "\r")
                endField()
                let done = cells
                cells = []
                if !row(done) { return true }
            default:
                field.append(b)
                if field.count > SheetLimits.maxCellBytes { return false }
            }
        }
        if end {
            if quoteSeen {
                quoted = false
                quoteSeen = false
            }
            if !field.isEmpty || !cells.isEmpty {
                endField()
                let done = cells
                cells = []
                _ = row(done)
            }
        }
        return true
    }

    private mutating func endField() {
        cells.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }
}
