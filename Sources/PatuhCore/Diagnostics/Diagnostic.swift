/// Where something was read: a file, a 1-based line and a 1-based column (0 when unknown).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A spreadsheet cell: `file` names the file and sheet with the separator that goes
    /// before the cell (`skm.xlsx:Respon!`, `gform.csv:`), `row` is the row, `column` the
    /// 1-based column (A = 1), stored below zero (`column - cellColumnBase`, still in column
    /// order) so that it prints as `skm.xlsx:Respon!F17`.
    public static func cell(_ sheet: String, row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: sheet, line: row, column: min(max(1, column), cellColumnBase - 1) - cellColumnBase)
    }

    /// The offset that marks a cell's column (more than a sheet's 16,384 columns).
    public static let cellColumnBase = 100_000

    /// A column's letters: 1 → A, 27 → AA.
    public static func columnLetters(_ column: Int) -> String {
        var n = max(1, column)
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `file:line:col`, the form editors and terminals turn into links; a spreadsheet cell
    /// as `file:Sheet!F17`.
    public var description: String {
        column < 0 ? "\(file)\(Self.columnLetters(column + Self.cellColumnBase))\(line)" : "\(file):\(line):\(column)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A problem found in the input, addressed to the person who wrote it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The message in Indonesian, when it comes from the catalogue (`Message`).
    public var indonesian: String?

    /// A diagnostic in both languages: `message` in English, `indonesian` beside it.
    public init(_ severity: Severity, at location: SourceLocation, id: String, en: String) {
        self.severity = severity
        self.location = location
        self.message = en
        self.indonesian = id
    }

    /// A diagnostic in one language only: for libxml2's own words that have no Indonesian
    /// shape (PatuhXML's `LibXML2Wording`). Everything Patuh writes itself has both texts.
    public init(untranslated severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:col: error: message`, as compilers print it.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}

/// A file (or part of one) that could not be used, with every reason found.
public struct Rejection: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}
