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
/// rows (indicators.csv of a national round) is never held in memory. A big table comes in
/// parts (ranges of its units or surveys), each of which can be encoded on its own core and
/// the parts then written in order (`OutputDirectory.write(tables:dialect:)`).
public struct CSVTable: Sendable {
    public var header: [String]
    /// How many parts the rows come in; part 0 holds the first rows (and, encoded, the header).
    public let parts: Int
    private let produce: @Sendable (_ part: Int, _ emit: ([CSVCell]) -> Void) -> Void

    /// A table whose rows `rows` emits, in order, each time it is called: one part.
    public init(header: [String], rows: @escaping @Sendable (_ emit: ([CSVCell]) -> Void) -> Void) {
        self.header = header
        self.parts = 1
        self.produce = { _, emit in rows(emit) }
    }

    /// A table of `count` items (units, surveys) taken `perPart` at a time: `rows` emits, in
    /// order, the rows of the items in the range it is given.
    public init(
        header: [String], count: Int, perPart: Int,
        rows: @escaping @Sendable (_ items: Range<Int>, _ emit: ([CSVCell]) -> Void) -> Void
    ) {
        let size = Swift.max(1, perPart)
        self.header = header
        self.parts = Swift.max(1, (count + size - 1) / size)
        self.produce = { part, emit in rows(part * size..<Swift.min(count, (part + 1) * size), emit) }
    }

    /// A table of rows already at hand.
    public init(header: [String], rows: [[CSVCell]]) {
        self.init(header: header) { emit in rows.forEach(emit) }
    }

    /// Every row, gathered (for tests and small tables).
    public var rows: [[CSVCell]] {
        var all: [[CSVCell]] = []
        for part in 0..<parts { produce(part) { all.append($0) } }
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
        encoder.start(header)
        var failure: Error?
        for part in 0..<parts where failure == nil {
            produce(part) { row in
                guard failure == nil else { return }
                encoder.row(row)
                guard encoder.out.count >= 1 << 16 else { return }
                do { try encoder.out.withUnsafeBytes(sink) } catch { failure = error }
                encoder.out.removeAll(keepingCapacity: true)
            }
        }
        if let failure { throw failure }
        if !encoder.out.isEmpty { try encoder.out.withUnsafeBytes(sink) }
    }

    /// The bytes of one part, whole lines: part 0 starts with the BOM (Excel dialect) and
    /// the header. The parts' bytes one after another are exactly what `write` sends.
    public func encoded(part: Int, _ dialect: CSVDialect = .standard) -> [UInt8] {
        var encoder = CSVEncoder(dialect: dialect)
        if part == 0 { encoder.start(header) }
        produce(part) { encoder.row($0) }
        return encoder.out
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
    /// Whether a file starts with a UTF-8 BOM (the Excel dialect).
    let bom: Bool
    var out: [UInt8] = []

    init(dialect: CSVDialect) {
        separator = dialect.separator
        decimal = dialect.decimalMark
        bom = dialect == .excelID
        out.reserveCapacity(1 << 17)
    }

    /// What a file starts with: the BOM in the Excel dialect, then the header line.
    mutating func start(_ header: [String]) {
        if bom { out += [0xEF, 0xBB, 0xBF] }
        row(header.map { .text($0) }, neutralizes: false)
    }

    /// One line; the header's names are not neutralized (they are Patuh's own).
    mutating func row(_ cells: [CSVCell], neutralizes: Bool = true) {
        for i in cells.indices {
            if i > 0 { out.append(separator) }
            switch cells[i] {
            case .text(let s): if let s { text(s, neutralizes: neutralizes) }
            case .integer(let n): if let n { integer(n) }
            case .number(let x, let decimals):
                guard let x else { break }
                if decimals == 2 {
                    cents(Rounding.cents(x))
                } else if !fixed(x, decimals: decimals) {
                    out +=
                        DecimalFormat.fixed(x, decimals: decimals, decimalSeparator: String(UnicodeScalar(decimal)))
                        .utf8
                }
            }
        }
        out += [13, 10]
    }

    private mutating func text(_ s: String, neutralizes: Bool) {
        // A native string's bytes in place; a copy made contiguous only when they are not.
        if s.utf8.withContiguousStorageIfAvailable({ text($0, neutralizes: neutralizes) }) == nil {
            var s = s
            s.withUTF8 { text($0, neutralizes: neutralizes) }
        }
    }

    private mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, neutralizes: Bool) {
        let quote = UInt8(ascii: "\"")
        var neutral = false
        if neutralizes, let first = bytes.first {
            switch first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: neutral = true
            default: break
            }
        }
        var quoted = false
        for b in bytes where b == quote || b == 10 || b == 13 || b == separator {
            quoted = true
            break
        }
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

    /// `x` with `decimals` decimals, byte for byte as `DecimalFormat.fixed` spells it (the
    /// same arithmetic), without building a `String`: indicators.csv has a fraction a row.
    /// `false`, and nothing written, where the fast path does not apply (huge, not finite,
    /// more than 9 decimals): the caller then asks `DecimalFormat.fixed`.
    private mutating func fixed(_ x: Double, decimals: Int) -> Bool {
        guard (1...9).contains(decimals), x.isFinite, x.magnitude < 1e9 else { return false }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * scale + 0.5 + 1e-7).rounded(.down)
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        guard whole >= 0, frac >= 0, Double(frac) < scale else { return false }
        if x < 0 && scaled > 0 { out.append(UInt8(ascii: "-")) }
        digits(UInt(whole))
        out.append(decimal)
        var width = 1
        var bound = 10
        while frac >= bound && width < decimals {
            width += 1
            bound *= 10
        }
        for _ in width..<decimals { out.append(UInt8(ascii: "0")) }
        digits(UInt(frac))
        return true
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
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...]))
        }
    }
}
