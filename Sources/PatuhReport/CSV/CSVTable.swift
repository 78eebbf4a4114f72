import Foundation
import PatuhCore

/// A cell of an output table: numbers stay numbers until the dialect formats them.
public enum CSVCell: Hashable, Sendable {
    case text(String?)
    /// A number with a fixed count of decimals (scores: 2).
    case number(Double?, decimals: Int)
    case integer(Int?)

    public static func score(_ x: Double?) -> CSVCell { .number(x, decimals: 2) }
}

/// How a CSV file is spelled.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// RFC 4180: `,` separated, `.` decimals, UTF-8 without BOM (the contract's format).
    case standard
    /// For Excel and LibreOffice set to Indonesian: `;` separated, decimal comma, UTF-8 BOM.
    case excelID = "excel-id"

    var separator: String { self == .standard ? "," : ";" }
    var decimalSeparator: String { self == .standard ? "." : "," }
}

/// A header and rows, encoded as RFC 4180 CSV.
///
/// Rows are produced on demand each time the table is written, so a table of millions of
/// rows (indicators.csv of a national round) is never held in memory.
public struct CSVTable: Sendable {
    public var header: [String]
    private let produce: @Sendable (_ emit: ([CSVCell]) -> Void) -> Void

    /// A table whose rows `rows` emits, in order, each time it is called.
    public init(header: [String], rows: @escaping @Sendable (_ emit: ([CSVCell]) -> Void) -> Void) {
        self.header = header
        self.produce = rows
    }

    /// A table of rows already at hand.
    public init(header: [String], rows: [[CSVCell]]) {
        self.init(header: header) { emit in rows.forEach(emit) }
    }

    /// Every row, gathered (for tests and small tables).
    public var rows: [[CSVCell]] {
        var all: [[CSVCell]] = []
        produce { all.append($0) }
        return all
    }

    /// Sends the file's text to `sink` a line at a time: header, then each row, CRLF line
    /// ends as RFC 4180 has them; a UTF-8 BOM first in the Excel dialect.
    public func write(_ dialect: CSVDialect = .standard, to sink: (String) throws -> Void) throws {
        var failure: Error?
        try sink((dialect == .excelID ? "\u{FEFF}" : "")
            + header.map { Self.quote($0, dialect) }.joined(separator: dialect.separator) + "\r\n")
        var line = ""
        produce { row in
            guard failure == nil else { return }
            line.removeAll(keepingCapacity: true)
            var first = true
            for cell in row {
                if !first { line += dialect.separator }
                first = false
                line += Self.field(cell, dialect)
            }
            line += "\r\n"
            do { try sink(line) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The whole file as one string (for tests and small tables).
    public func encoded(_ dialect: CSVDialect = .standard) -> String {
        var out = ""
        try? write(dialect) { out += $0 }
        return out
    }

    static func field(_ cell: CSVCell, _ dialect: CSVDialect) -> String {
        switch cell {
        case .text(let s): return s.map { quote(neutralize($0), dialect) } ?? ""
        case .integer(let i): return i.map(String.init) ?? ""
        case .number(let x, let decimals):
            guard let x else { return "" }
            return NumberFormat.fixed(x, decimals: decimals, decimalSeparator: dialect.decimalSeparator)
        }
    }

    /// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first)
    /// gets a leading `'`, as OWASP advises, so Excel and LibreOffice show it as text.
    static func neutralize(_ s: String) -> String {
        guard let first = s.utf8.first, "=+-@\t\r".utf8.contains(first) else { return s }
        return "'" + s
    }

    /// Quotes a field when it holds the separator, a quote or a line break (RFC 4180).
    static func quote(_ s: String, _ dialect: CSVDialect) -> String {
        // Scanned as bytes: every special character is ASCII, and this runs for each cell
        // of a million-row file.
        let separator = dialect == .standard ? UInt8(ascii: ",") : UInt8(ascii: ";")
        let needs = s.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 || $0 == separator }
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Numbers as the outputs print them.
public enum NumberFormat {
    /// Fixed decimals, rounded half away from zero; 2 decimals go through `Rounding` so that
    /// printed scores and bands always agree.
    public static func fixed(_ x: Double, decimals: Int, decimalSeparator: String = ".") -> String {
        if decimals == 2 { return Rounding.format2(x, decimalSeparator: decimalSeparator) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * scale + 0.5 + 1e-7).rounded(.down)
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var fracText = String(frac)
        while fracText.count < decimals { fracText = "0" + fracText }
        let sign = x < 0 && scaled > 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole)\(decimalSeparator)\(fracText)"
    }

    /// A weight as short as it can be without losing what the rubric wrote (0.111, 0.111111).
    public static func weight(_ x: Double, decimalSeparator: String = ".") -> String {
        var s = fixed(x, decimals: 6)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return decimalSeparator == "." ? s : s.replacingOccurrences(of: ".", with: decimalSeparator)
    }
}
