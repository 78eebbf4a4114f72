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

    /// The field separator and the decimal mark, as the encoder writes them.
    var separator: UInt8 { self == .standard ? UInt8(ascii: ",") : UInt8(ascii: ";") }
    var decimalMark: UInt8 { self == .standard ? UInt8(ascii: ".") : UInt8(ascii: ",") }
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

    /// Sends the file's text to `sink` a block of whole lines at a time: header, then each
    /// row, CRLF line ends as RFC 4180 has them; a UTF-8 BOM first in the Excel dialect.
    public func write(_ dialect: CSVDialect = .standard, to sink: (String) throws -> Void) throws {
        try write(dialect, bytes: { try sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// Sends the file's UTF-8 bytes to `sink` in blocks of about 64 KB, each ending with a
    /// whole line. Cells are encoded straight into the block: indicators.csv of a national
    /// round has 1.6 million rows, and a `String` a cell and a line was most of its cost.
    public func write(_ dialect: CSVDialect = .standard, bytes sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var encoder = CSVEncoder(dialect: dialect)
        if dialect == .excelID { encoder.out += [0xEF, 0xBB, 0xBF] }
        encoder.row(header.map { .text($0) }, neutralizes: false)
        var failure: Error?
        produce { row in
            guard failure == nil else { return }
            encoder.row(row)
            guard encoder.out.count >= 1 << 16 else { return }
            do { try encoder.out.withUnsafeBytes(sink) } catch { failure = error }
            encoder.out.removeAll(keepingCapacity: true)
        }
        if let failure { throw failure }
        if !encoder.out.isEmpty { try encoder.out.withUnsafeBytes(sink) }
    }

    /// The whole file as one string (for tests and small tables).
    public func encoded(_ dialect: CSVDialect = .standard) -> String {
        var out = ""
        try? write(dialect) { out += $0 }
        return out
    }
}

/// Encodes rows as CSV bytes (RFC 4180). Text that a spreadsheet would read as a formula
/// (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, as OWASP advises, so Excel and
/// LibreOffice show it as text; a field is quoted when it holds the separator, a quote or a
/// line break. Every special character is ASCII, so fields are scanned as bytes.
struct CSVEncoder {
    let separator: UInt8
    let decimal: UInt8
    var out: [UInt8] = []

    init(dialect: CSVDialect) {
        separator = dialect.separator
        decimal = dialect.decimalMark
        out.reserveCapacity(1 << 17)
    }

    /// One line; the header's names are not neutralized (they are Patuh's own).
    mutating func row(_ cells: [CSVCell], neutralizes: Bool = true) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(separator) }
            switch cell {
            case .text(let s): if let s { text(s, neutralizes: neutralizes) }
            case .integer(let n): if let n { integer(n) }
            case .number(let x, let decimals):
                guard let x else { break }
                if decimals == 2 {
                    cents(Rounding.cents(x))
                } else {
                    out +=
                        DecimalFormat.fixed(x, decimals: decimals, decimalSeparator: String(UnicodeScalar(decimal)))
                        .utf8
                }
            }
        }
        out += [13, 10]
    }

    private mutating func text(_ s: String, neutralizes: Bool) {
        let quote = UInt8(ascii: "\"")
        var s = s
        s.withUTF8 { bytes in
            let neutral = neutralizes && bytes.first.map { "=+-@\t\r".utf8.contains($0) } == true
            let quoted = bytes.contains { $0 == quote || $0 == 10 || $0 == 13 || $0 == separator }
            if quoted { out.append(quote) }
            if neutral { out.append(UInt8(ascii: "'")) }
            if quoted {
                for b in bytes {
                    out.append(b)
                    if b == quote { out.append(quote) }
                }
                out.append(quote)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    private mutating func integer(_ n: Int) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        digits(n.magnitude)
    }

    /// Hundredths as `Rounding.format2` prints them: sign, whole part, two decimals.
    private mutating func cents(_ c: Int) {
        if c < 0 { out.append(UInt8(ascii: "-")) }
        digits(c.magnitude / 100)
        out.append(decimal)
        let frac = c.magnitude % 100
        out.append(UInt8(ascii: "0") + UInt8(frac / 10))
        out.append(UInt8(ascii: "0") + UInt8(frac % 10))
    }

    private mutating func digits(_ n: UInt) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt.max has 20 digits
        withUnsafeMutableBytes(of: &buffer) { b in
            var i = b.count
            var n = n
            repeat {
                i -= 1
                b[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            out.append(contentsOf: b[i...])
        }
    }
}
